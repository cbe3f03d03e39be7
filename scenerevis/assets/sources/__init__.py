"""sources: readers for real asset datasets (3D-FUTURE with ReSpace metadata, Objaverse through objathor)."""
