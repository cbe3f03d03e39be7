"""openai_policy.py: a VLM policy served by any OpenAI-compatible chat endpoint (vLLM, SGLang, OpenAI, Azure).

The key is passed in as a value (the CLI reads it from the environment variable named by
``--api-key-env``); this module never reads ``os.environ`` and never logs the key. Retries with
exponential backoff and timeouts are the openai client's own (``max_retries``, ``timeout_s``).
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from typing import Any

from scenerevis._optional import require
from scenerevis.loop.messages import Message, to_openai
from scenerevis.policy.chat import ChatConfig, ChatPolicy, PolicyGenerationError, count_images
from scenerevis.policy.registry import register_policy
from scenerevis.policy.secrets import Secret, as_secret

log = logging.getLogger(__name__)

AZURE_SCOPE = "https://cognitiveservices.azure.com/.default"
# Placeholder sent when a local server (vllm serve without --api-key) needs no key: the openai client
# would otherwise fall back to reading OPENAI_API_KEY from the environment.
NO_KEY = "EMPTY"


@dataclass(kw_only=True)
class OpenAIPolicyConfig(ChatConfig):
    """Where and how to call an OpenAI-compatible chat-completions endpoint."""

    # Model name the server knows (vllm serve --served-model-name), or the Azure deployment name.
    model: str
    # Server root incl. /v1, e.g. http://127.0.0.1:8000/v1 (vllm serve); None -> https://api.openai.com/v1.
    # With azure=True: the Azure resource endpoint, https://<resource>.openai.azure.com
    base_url: str | None = None
    # Azure OpenAI instead of a plain OpenAI-compatible server (--azure).
    azure: bool = False
    # API key (the CLI reads it from --api-key-env); a plain str is wrapped into a Secret. None: no key
    # (local servers) or, with azure=True, Entra ID through azure-identity's DefaultAzureCredential.
    api_key: Secret | str | None = None
    # Azure only: REST API version (--azure-api-version).
    azure_api_version: str = "2024-10-21"
    # Azure Entra ID only: token scope requested from DefaultAzureCredential.
    azure_scope: str = AZURE_SCOPE
    # Seconds before one HTTP attempt times out (generation of a long reply can take a while).
    timeout_s: float = 300.0
    # Retries after a failed attempt (429, 408, 409, 5xx, connection errors), exponential backoff.
    max_retries: int = 4
    # Send the per-turn seed (episode seed + turn); switch off for servers that reject "seed".
    send_seed: bool = True
    # Extra JSON fields merged into every request body, e.g. {"top_k": 20, "repetition_penalty": 1.05}.
    extra_body: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        super().__post_init__()
        if not self.model:
            raise ValueError("model is required (the served model name or the Azure deployment)")
        if self.azure and not self.base_url:
            raise ValueError("azure=True needs base_url = the Azure endpoint (https://<resource>.openai.azure.com)")
        if self.base_url is not None and not self.base_url.startswith(("http://", "https://")):
            raise ValueError(f"base_url must start with http:// or https://, got {self.base_url!r}")
        if self.timeout_s <= 0:
            raise ValueError(f"timeout_s must be > 0, got {self.timeout_s}")
        if self.max_retries < 0:
            raise ValueError(f"max_retries must be >= 0, got {self.max_retries}")
        self.api_key = as_secret(self.api_key)


def build_client(config: OpenAIPolicyConfig) -> Any:
    """An ``openai.OpenAI`` or ``openai.AzureOpenAI`` client for ``config`` (no environment lookups)."""
    openai = require("openai")
    key = config.api_key.get() if isinstance(config.api_key, Secret) else None
    common = {"timeout": config.timeout_s, "max_retries": config.max_retries}
    if not config.azure:
        return openai.OpenAI(api_key=key or NO_KEY, base_url=config.base_url or "https://api.openai.com/v1", **common)
    if key:
        return openai.AzureOpenAI(azure_endpoint=config.base_url, api_version=config.azure_api_version, api_key=key, **common)
    identity = require("azure.identity")
    provider = identity.get_bearer_token_provider(identity.DefaultAzureCredential(), config.azure_scope)
    return openai.AzureOpenAI(
        azure_endpoint=config.base_url,
        api_version=config.azure_api_version,
        azure_ad_token_provider=provider,
        **common,
    )


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
            resp = self.client.chat.completions.create(**self._request(messages, seed))
        except self._openai.APIError as err:
            status = getattr(err, "status_code", None)
            where = cfg.base_url or "https://api.openai.com/v1"
            raise PolicyGenerationError(
                f"openai policy: request to {where} (model {cfg.model!r}) failed after {cfg.max_retries} "
                f"retries: {type(err).__name__}" + (f" (HTTP {status})" if status else "") + f": {err}"
            ) from err
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
