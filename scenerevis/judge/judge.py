"""judge.py: ask an OpenAI-compatible VLM the three judge questions about one scene render."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from scenerevis.chat import data_url
from scenerevis.endpoints import EndpointConfig, build_client, chat_completion
from scenerevis.judge.parse import parse_score
from scenerevis.judge.rubric import DIMENSIONS, question, scene_facts
from scenerevis.scene.model import Scene

log = logging.getLogger(__name__)


@dataclass(kw_only=True)
class JudgeConfig(EndpointConfig):
    """Endpoint (:class:`EndpointConfig`) and sampling of the judge (e.g. vLLM-served Qwen2.5-VL-72B, OpenAI, Azure)."""

    temperature: float = 0.0  # deterministic answers
    max_tokens: int = 256  # a score line and two sentences
    dimensions: tuple[str, ...] = DIMENSIONS  # which questions to ask
    enforce_caps: bool = True  # clamp rationality to the cap computed from the scene JSON
    extra_body: dict[str, Any] = field(default_factory=dict)  # extra JSON fields for every request

    def __post_init__(self) -> None:
        super().__post_init__()
        unknown = set(self.dimensions) - set(DIMENSIONS)
        if unknown:
            raise ValueError(f"JudgeConfig.dimensions: unknown {sorted(unknown)}; known: {', '.join(DIMENSIONS)}")


def _image_part(path: str | Path) -> dict[str, Any]:
    return {"type": "image_url", "image_url": {"url": data_url(path)}}


class Judge:
    """Scores one merged render with one request per dimension."""

    def __init__(self, config: JudgeConfig, client: Any | None = None):
        self.config = config
        self.client = client if client is not None else build_client(config)

    def ask(self, dimension: str, image: str | Path, scene: Scene | None, requirement: str | None = None) -> dict[str, Any]:
        """``{"score", "raw_score", "cap", "answer", "error"}`` for one dimension; never raises for a bad answer.

        ``scene`` (None when only the render is known) gives the metadata and the rationality cap.
        """
        facts = scene_facts(scene) if scene is not None else None
        text = question(dimension, facts, requirement)
        messages = [{"role": "user", "content": [_image_part(image), {"type": "text", "text": text}]}]
        cfg = self.config
        req: dict[str, Any] = {
            "model": cfg.model,
            "messages": messages,
            "temperature": cfg.temperature,
            "max_tokens": cfg.max_tokens,
        }
        if cfg.extra_body:
            req["extra_body"] = dict(cfg.extra_body)
        resp = chat_completion(self.client, cfg, req, f"judge {dimension} question")
        answer = (resp.choices[0].message.content if resp.choices else None) or ""
        raw, error = parse_score(answer)
        cap = facts.rationality_cap if (facts is not None and dimension == "rationality") else None
        score = raw if (raw is None or cap is None or not cfg.enforce_caps) else min(raw, cap)
        return {"score": score, "raw_score": raw, "cap": cap, "answer": answer, "error": error}

    def judge(self, image: str | Path, scene: Scene | None, requirement: str | None = None) -> dict[str, dict[str, Any]]:
        """All configured dimensions for one scene."""
        return {d: self.ask(d, image, scene, requirement) for d in self.config.dimensions}

    def feedback(self, scene: Scene, image: str) -> str:
        """Judge scores as a feedback text for the episode loop (``LoopConfig.enable_vlm_feedback``)."""
        res = self.judge(image, scene)
        lines = ["Judge scores (1-10):"]
        for dim, r in res.items():
            reason = " ".join(r["answer"].split())[:200]
            lines.append(f"- {dim}: {r['score'] if r['score'] is not None else 'n/a'} ({reason})")
        return "\n".join(lines)
