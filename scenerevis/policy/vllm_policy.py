"""vllm_policy.py: a VLM policy running a local checkpoint in an in-process vLLM engine (CUDA GPUs only).

Images travel as base64 ``image_url`` data URLs through ``LLM.chat``, exactly as a ``vllm serve``
endpoint would receive them from the openai policy.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from typing import Any

from scenerevis._optional import require
from scenerevis.chat import Message, count_images, to_openai
from scenerevis.policy.chat import ChatConfig, ChatPolicy, PolicyGenerationError
from scenerevis.policy.registry import register_policy

log = logging.getLogger(__name__)

NO_GPU_HINT = (
    "the 'vllm' policy runs vLLM in-process and needs a CUDA GPU. On this machine use "
    "`--policy openai --base-url http://HOST:8000/v1 --model NAME` against a `vllm serve <checkpoint>` "
    "server running on a GPU machine, or install the vllm extra (pip install -e '.[vllm]') on a GPU machine."
)


class VLLMUnavailableError(RuntimeError):
    """vLLM cannot run here (no CUDA GPU or vllm not installed); the message says what to do instead."""


@dataclass(kw_only=True)
class VLLMPolicyConfig(ChatConfig):
    """How to start the in-process vLLM engine."""

    # Local checkpoint directory (e.g. SceneReVis-7B) or a hub id on a machine with network access.
    model_path: str
    # GPUs to shard the model over.
    tensor_parallel_size: int = 1
    # Fraction of each GPU's memory vLLM may take (weights + KV cache).
    gpu_memory_utilization: float = 0.85
    # Context length to allocate for; None uses the checkpoint's.
    max_model_len: int | None = 32768
    # Weights dtype ("auto", "bfloat16", "float16").
    dtype: str = "auto"
    # Images one prompt may carry (vLLM limit_mm_per_prompt); older edit turns are dropped to fit.
    limit_images_per_prompt: int = 8
    # Qwen image resizing bounds passed as mm_processor_kwargs; None keeps the checkpoint's.
    min_pixels: int | None = None
    max_pixels: int | None = None
    # Disable CUDA graphs (slower, less memory, faster start).
    enforce_eager: bool = False
    # Allow custom modelling code shipped with the checkpoint.
    trust_remote_code: bool = False

    def __post_init__(self) -> None:
        super().__post_init__()
        if not self.model_path:
            raise ValueError("model_path is required")
        if self.tensor_parallel_size < 1:
            raise ValueError(f"tensor_parallel_size must be >= 1, got {self.tensor_parallel_size}")
        if not 0 < self.gpu_memory_utilization <= 1:
            raise ValueError(f"gpu_memory_utilization must be in (0, 1], got {self.gpu_memory_utilization}")
        if self.max_model_len is not None and self.max_model_len < 1024:
            raise ValueError(f"max_model_len must be >= 1024 or None, got {self.max_model_len}")
        if self.limit_images_per_prompt < 1:
            raise ValueError(f"limit_images_per_prompt must be >= 1, got {self.limit_images_per_prompt}")
        if self.max_images is None or self.max_images > self.limit_images_per_prompt:
            self.max_images = self.limit_images_per_prompt
        if self.min_pixels and self.max_pixels and self.min_pixels > self.max_pixels:
            raise ValueError(f"min_pixels {self.min_pixels} > max_pixels {self.max_pixels}")


def check_vllm_available() -> Any:
    """The ``vllm`` module, or :class:`VLLMUnavailableError` when there is no CUDA GPU or no vllm."""
    try:
        torch = require("torch")
    except ImportError as err:
        raise VLLMUnavailableError(f"torch is not installed, so no GPU can be used: {NO_GPU_HINT}") from err
    if not torch.cuda.is_available():
        raise VLLMUnavailableError(f"no CUDA GPU found: {NO_GPU_HINT}")
    try:
        return require("vllm")
    except ImportError as err:
        raise VLLMUnavailableError(f"{err}. Alternatively: {NO_GPU_HINT}") from err


@register_policy("vllm")
class VLLMPolicy(ChatPolicy):
    """A local checkpoint in an in-process vLLM engine; one ``LLM.chat`` call per turn."""

    name = "vllm"
    config_class = VLLMPolicyConfig

    def __init__(self, config: VLLMPolicyConfig) -> None:
        super().__init__(config)
        self.config: VLLMPolicyConfig = config
        self._vllm = check_vllm_available()
        mm_kwargs = {k: v for k, v in (("min_pixels", config.min_pixels), ("max_pixels", config.max_pixels)) if v}
        engine_kw: dict[str, Any] = {
            "model": config.model_path,
            "tensor_parallel_size": config.tensor_parallel_size,
            "gpu_memory_utilization": config.gpu_memory_utilization,
            "dtype": config.dtype,
            "limit_mm_per_prompt": {"image": config.limit_images_per_prompt},
            "enforce_eager": config.enforce_eager,
            "trust_remote_code": config.trust_remote_code,
        }
        if config.max_model_len is not None:
            engine_kw["max_model_len"] = config.max_model_len
        if mm_kwargs:
            engine_kw["mm_processor_kwargs"] = mm_kwargs
        start = time.perf_counter()
        self.llm = self._vllm.LLM(**engine_kw)
        log.info("vLLM engine for %s ready in %.1fs", config.model_path, time.perf_counter() - start)

    def _generate(self, messages: list[Message], seed: int) -> str:
        cfg = self.config
        params = self._vllm.SamplingParams(temperature=cfg.temperature, top_p=cfg.top_p, max_tokens=cfg.max_new_tokens, seed=seed)
        start = time.perf_counter()
        try:
            outputs = self.llm.chat(to_openai(messages), sampling_params=params, use_tqdm=False)
        except (RuntimeError, ValueError) as err:  # prompt too long, engine failure
            raise PolicyGenerationError(f"vllm policy: generation failed on {cfg.model_path}: {err}") from err
        latency = time.perf_counter() - start
        result = outputs[0]
        completion = result.outputs[0] if result.outputs else None
        text = completion.text if completion is not None else ""
        self.last_stats = {
            "model": cfg.model_path,
            "messages": len(messages),
            "images": count_images(messages),
            "prompt_tokens": len(result.prompt_token_ids or []),
            "completion_tokens": len(completion.token_ids) if completion is not None else 0,
            "finish_reason": getattr(completion, "finish_reason", None),
            "latency_s": round(latency, 4),
        }
        log.info(
            "vllm chat: messages=%d images=%d prompt_tokens=%d completion_tokens=%d latency=%.2fs",
            len(messages),
            self.last_stats["images"],
            self.last_stats["prompt_tokens"],
            self.last_stats["completion_tokens"],
            latency,
        )
        return text or ""
