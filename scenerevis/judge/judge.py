"""judge.py: ask an OpenAI-compatible VLM the three judge questions about one scene render."""

from __future__ import annotations

import base64
import logging
import mimetypes
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from scenerevis.judge.parse import parse_score
from scenerevis.judge.rubric import DIMENSIONS, question, scene_facts
from scenerevis.policy.secrets import Secret, as_secret
from scenerevis.scene.model import Scene

log = logging.getLogger(__name__)


@dataclass
class JudgeConfig:
    """Endpoint and sampling of the judge (e.g. vLLM-served Qwen2.5-VL-72B, OpenAI, Azure OpenAI)."""

    model: str  # served model name or Azure deployment
    base_url: str | None = None  # http://host:port/v1 (vLLM/SGLang); None = api.openai.com; Azure: the resource endpoint
    api_key: Secret | str | None = None  # the CLI reads it from --api-key-env; never logged
    azure: bool = False  # Azure OpenAI (API key, or Entra ID through azure-identity when no key)
    azure_api_version: str = "2024-10-21"
    temperature: float = 0.0  # deterministic answers
    max_tokens: int = 256  # a score line and two sentences
    timeout_s: float = 120.0  # per HTTP attempt
    max_retries: int = 4  # 429 / 5xx / connection errors, exponential backoff (the openai client's)
    dimensions: tuple[str, ...] = DIMENSIONS  # which questions to ask
    enforce_caps: bool = True  # clamp rationality to the cap computed from the scene JSON
    extra_body: dict[str, Any] = field(default_factory=dict)  # extra JSON fields for every request

    def __post_init__(self) -> None:
        if not self.model:
            raise ValueError("JudgeConfig.model is required")
        unknown = set(self.dimensions) - set(DIMENSIONS)
        if unknown:
            raise ValueError(f"JudgeConfig.dimensions: unknown {sorted(unknown)}; known: {', '.join(DIMENSIONS)}")
        self.api_key = as_secret(self.api_key)


def _image_part(path: str | Path) -> dict[str, Any]:
    mime = mimetypes.guess_type(str(path))[0] or "image/png"
    data = base64.b64encode(Path(path).read_bytes()).decode("ascii")
    return {"type": "image_url", "image_url": {"url": f"data:{mime};base64,{data}"}}


class Judge:
    """Scores one merged render with one request per dimension."""

    def __init__(self, config: JudgeConfig, client: Any | None = None):
        from scenerevis.policy.openai_policy import OpenAIPolicyConfig, build_client

        self.config = config
        if client is None:
            endpoint = OpenAIPolicyConfig(
                model=config.model,
                base_url=config.base_url,
                api_key=config.api_key,
                azure=config.azure,
                azure_api_version=config.azure_api_version,
                timeout_s=config.timeout_s,
                max_retries=config.max_retries,
            )
            client = build_client(endpoint)
        self.client = client

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
        resp = self.client.chat.completions.create(**req)
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
