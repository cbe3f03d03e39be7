"""judge: VLM-judge scores (rationality, spatial layout, accessibility) of scene renders via any OpenAI-compatible endpoint."""
