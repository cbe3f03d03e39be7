"""openai_policy.py: a VLM policy served by any OpenAI-compatible chat endpoint (vLLM, SGLang, OpenAI, Azure).

The endpoint (URL, key or key variable, Azure, timeout, retries) is an
:class:`~scenerevis.endpoints.EndpointConfig`; the key is never logged and is redacted from error texts.
Retries with exponential backoff and timeouts are the openai client's own (``max_retries``, ``timeout_s``).
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from typing import Any

from scenerevis._optional import require
from scenerevis.chat import Message, count_images, to_openai
from scenerevis.endpoints import EndpointConfig, EndpointError, build_client, chat_completion
from scenerevis.policy.chat import ChatConfig, ChatPolicy, PolicyGenerationError
from scenerevis.policy.registry import register_policy

log = logging.getLogger(__name__)


@dataclass(kw_only=True)
class OpenAIPolicyConfig(ChatConfig, EndpointConfig):
    """Conversation and sampling options (:class:`ChatConfig`) plus the endpoint (:class:`EndpointConfig`)."""

    # Send the per-turn seed (episode seed + turn); switch off for servers that reject "seed".
    send_seed: bool = True
    # Extra JSON fields merged into every request body, e.g. {"top_k": 20, "repetition_penalty": 1.05}.
    extra_body: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        ChatConfig.__post_init__(self)
        EndpointConfig.__post_init__(self)


@register_policy("openai")
class OpenAIPolicy(ChatPolicy):
    """A VLM behind an OpenAI-compatible endpoint; each turn is one chat-completions request."""

    name = "openai"
    config_class = OpenAIPolicyConfig

    def __init__(self, config: OpenAIPolicyConfig, client: Any | None = None) -> None:
        super().__init__(config)
        self.config: OpenAIPolicyConfig = config
        self._openai = require("openai")
        self.client = client if client is not None else build_client(config)

    def _request(self, messages: list[Message], seed: int) -> dict[str, Any]:
        cfg = self.config
        req: dict[str, Any] = {
            "model": cfg.model,
            "messages": to_openai(messages),
            "temperature": cfg.temperature,
            "top_p": cfg.top_p,
            "max_tokens": cfg.max_new_tokens,
        }
        if cfg.send_seed:
            req["seed"] = seed
        if cfg.extra_body:
            req["extra_body"] = dict(cfg.extra_body)
        return req

    def _generate(self, messages: list[Message], seed: int) -> str:
        cfg = self.config
        n_images = count_images(messages)
        start = time.perf_counter()
        try:
            resp = chat_completion(self.client, cfg, self._request(messages, seed), "openai policy request")
        except EndpointError as err:
            raise PolicyGenerationError(str(err)) from None
        latency = time.perf_counter() - start
        usage = getattr(resp, "usage", None)
        choice = resp.choices[0] if resp.choices else None
        text = (choice.message.content if choice is not None and choice.message is not None else None) or ""
        self.last_stats = {
            "model": cfg.model,
            "messages": len(messages),
            "images": n_images,
            "latency_s": round(latency, 4),
            "prompt_tokens": getattr(usage, "prompt_tokens", None),
            "completion_tokens": getattr(usage, "completion_tokens", None),
            "finish_reason": getattr(choice, "finish_reason", None),
        }
        log.info(
            "openai request: model=%s messages=%d images=%d latency=%.2fs prompt_tokens=%s completion_tokens=%s finish_reason=%s",
            cfg.model,
            len(messages),
            n_images,
            latency,
            self.last_stats["prompt_tokens"],
            self.last_stats["completion_tokens"],
            self.last_stats["finish_reason"],
        )
        return text
