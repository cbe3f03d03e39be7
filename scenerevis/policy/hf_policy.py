"""hf_policy.py: a VLM policy running a local Qwen2.5-VL-family checkpoint in-process with transformers.

The conversation goes through :func:`~scenerevis.chat.to_qwen` and the checkpoint's chat
template; images are loaded with PIL. When ``AutoProcessor`` cannot be built (transformers 5 wants
torchvision for the Qwen video processor), the tokenizer and image processor are used directly and
the ``<|image_pad|>`` placeholders are expanded here, as the Qwen processor does.
"""

from __future__ import annotations

import inspect
import json
import logging
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from scenerevis._optional import require
from scenerevis.chat import Message, count_images, to_qwen
from scenerevis.policy.chat import ChatConfig, ChatPolicy, PolicyGenerationError
from scenerevis.policy.registry import register_policy

log = logging.getLogger(__name__)

DTYPES = ("auto", "float32", "bfloat16", "float16")
IMAGE_PAD = "<|image_pad|>"


@dataclass(kw_only=True)
class HFPolicyConfig(ChatConfig):
    """Where the checkpoint is and how to run it with transformers."""

    # Local checkpoint directory (or a hub id on a machine with network access).
    model_path: str
    # "auto" (cuda when available, else cpu), "cpu", "cuda" or "cuda:N".
    device: str = "auto"
    # Weights dtype: "auto" = bfloat16 on GPU, float32 on CPU; or one of float32/bfloat16/float16.
    dtype: str = "auto"
    # Lower bound on an image's resized pixel count (Qwen min_pixels); None keeps the checkpoint's.
    min_pixels: int | None = None
    # Upper bound on an image's resized pixel count (Qwen max_pixels, e.g. 1280*28*28); None keeps it.
    max_pixels: int | None = None
    # Sample (True) or decode greedily (False; also when temperature == 0).
    do_sample: bool = True
    # transformers attention kernel, e.g. "sdpa" or "flash_attention_2"; None lets transformers pick.
    attn_implementation: str | None = None
    # Allow custom modelling code shipped with the checkpoint.
    trust_remote_code: bool = False

    def __post_init__(self) -> None:
        super().__post_init__()
        if not self.model_path:
            raise ValueError("model_path is required")
        if self.dtype not in DTYPES:
            raise ValueError(f"dtype must be one of {DTYPES}, got {self.dtype!r}")
        if not (self.device in ("auto", "cpu", "cuda") or self.device.startswith("cuda:")):
            raise ValueError(f"device must be auto, cpu, cuda or cuda:N, got {self.device!r}")
        for name in ("min_pixels", "max_pixels"):
            value = getattr(self, name)
            if value is not None and value < 28 * 28:
                raise ValueError(f"{name} must be >= {28 * 28} (one 28x28 merged patch), got {value}")
        if self.min_pixels and self.max_pixels and self.min_pixels > self.max_pixels:
            raise ValueError(f"min_pixels {self.min_pixels} > max_pixels {self.max_pixels}")


def _chat_template(path: str, tokenizer: Any) -> str:
    """The checkpoint's chat template: the tokenizer's, else chat_template.jinja / chat_template.json."""
    if getattr(tokenizer, "chat_template", None):
        return tokenizer.chat_template
    root = Path(path)
    if (root / "chat_template.jinja").is_file():
        return (root / "chat_template.jinja").read_text(encoding="utf-8")
    if (root / "chat_template.json").is_file():
        return json.loads((root / "chat_template.json").read_text(encoding="utf-8"))["chat_template"]
    raise ValueError(f"{path}: no chat template (tokenizer_config.json, chat_template.jinja or chat_template.json)")


class PlainQwenProcessor:
    """Tokenizer + image processor doing what the Qwen2-VL/2.5-VL processor does for images only."""

    def __init__(self, tokenizer: Any, image_processor: Any, chat_template: str) -> None:
        self.tokenizer = tokenizer
        self.image_processor = image_processor
        self.chat_template = chat_template
        self.image_token_id = tokenizer.convert_tokens_to_ids(IMAGE_PAD)

    def apply_chat_template(self, conversation: list[dict[str, Any]], **kw: Any) -> str:
        return self.tokenizer.apply_chat_template(conversation, chat_template=self.chat_template, **kw)

    def __call__(self, text: list[str], images: list[Any] | None, return_tensors: str) -> dict[str, Any]:
        out: dict[str, Any] = {}
        prompt = text[0]
        if images:
            feats = self.image_processor(images=images, return_tensors=return_tensors)
            out.update(feats)
            merge = self.image_processor.merge_size**2
            pieces = prompt.split(IMAGE_PAD)
            if len(pieces) - 1 != len(images):
                raise ValueError(f"prompt has {len(pieces) - 1} {IMAGE_PAD} placeholders for {len(images)} images")
            counts = [int(thw.prod()) // merge for thw in feats["image_grid_thw"]]
            prompt = pieces[0] + "".join(IMAGE_PAD * n + rest for n, rest in zip(counts, pieces[1:]))
        enc = self.tokenizer([prompt], return_tensors=return_tensors)
        out.update(enc)
        out["mm_token_type_ids"] = (enc["input_ids"] == self.image_token_id).int()
        return out


@register_policy("transformers")
class HFPolicy(ChatPolicy):
    """A Qwen2.5-VL-family checkpoint run with transformers, one ``generate`` call per turn."""

    name = "transformers"
    config_class = HFPolicyConfig

    def __init__(self, config: HFPolicyConfig) -> None:
        super().__init__(config)
        self.config: HFPolicyConfig = config
        self._torch = require("torch")
        transformers = require("transformers")
        self.device = self._device()
        pixels = {k: v for k, v in (("min_pixels", config.min_pixels), ("max_pixels", config.max_pixels)) if v}
        common = {"trust_remote_code": config.trust_remote_code}
        try:
            self.processor: Any = transformers.AutoProcessor.from_pretrained(config.model_path, **pixels, **common)
        except ImportError as err:  # e.g. transformers 5 without torchvision (Qwen video processor)
            log.info("AutoProcessor unavailable (%s); using tokenizer + image processor directly", err)
            tokenizer = transformers.AutoTokenizer.from_pretrained(config.model_path, **common)
            image_processor = transformers.AutoImageProcessor.from_pretrained(config.model_path, **pixels, **common)
            self.processor = PlainQwenProcessor(tokenizer, image_processor, _chat_template(config.model_path, tokenizer))
        load_kw: dict[str, Any] = {"dtype": self._dtype(), **common}
        if config.attn_implementation:
            load_kw["attn_implementation"] = config.attn_implementation
        start = time.perf_counter()
        self.model = transformers.AutoModelForImageTextToText.from_pretrained(config.model_path, **load_kw)
        self.model.to(self.device).eval()
        self._forward_args = set(inspect.signature(self.model.forward).parameters)
        log.info("loaded %s on %s in %.1fs", config.model_path, self.device, time.perf_counter() - start)

    def _device(self) -> str:
        if self.config.device != "auto":
            if self.config.device.startswith("cuda") and not self._torch.cuda.is_available():
                raise RuntimeError(f"device {self.config.device!r} requested but torch sees no CUDA GPU")
            return self.config.device
        return "cuda" if self._torch.cuda.is_available() else "cpu"

    def _dtype(self) -> Any:
        if self.config.dtype == "auto":
            return self._torch.bfloat16 if self.device.startswith("cuda") else self._torch.float32
        return getattr(self._torch, self.config.dtype)

    def _inputs(self, messages: list[Message]) -> dict[str, Any]:
        """Model inputs (token ids, pixel values, grids) for ``messages`` on the policy's device."""
        image_mod = require("PIL.Image")
        prompt = self.processor.apply_chat_template(to_qwen(messages), tokenize=False, add_generation_prompt=True)
        images = []
        for m in messages:
            for path in m.images:
                with image_mod.open(path) as im:
                    images.append(im.convert("RGB"))
        inputs = self.processor(text=[prompt], images=images or None, return_tensors="pt")
        return {
            k: v.to(self.device) if hasattr(v, "to") else v
            for k, v in dict(inputs).items()
            if k in self._forward_args or k in ("input_ids", "attention_mask")
        }

    def _generate(self, messages: list[Message], seed: int) -> str:
        torch = self._torch
        cfg = self.config
        inputs = self._inputs(messages)
        sample = cfg.do_sample and cfg.temperature > 0
        gen_kw: dict[str, Any] = {"max_new_tokens": cfg.max_new_tokens, "do_sample": sample}
        if sample:
            gen_kw.update(temperature=cfg.temperature, top_p=cfg.top_p)
        torch.manual_seed(seed)
        n_prompt = int(inputs["input_ids"].shape[1])
        start = time.perf_counter()
        try:
            with torch.inference_mode():
                out = self.model.generate(**inputs, **gen_kw)
        except (RuntimeError, ValueError) as err:  # CUDA OOM, shape mismatches from a bad checkpoint
            raise PolicyGenerationError(f"transformers policy: generate failed on {cfg.model_path}: {err}") from err
        latency = time.perf_counter() - start
        new = out[0, n_prompt:]
        text = self.processor.tokenizer.decode(new, skip_special_tokens=True)
        grid = inputs.get("image_grid_thw")
        self.last_stats = {
            "model": cfg.model_path,
            "messages": len(messages),
            "images": count_images(messages),
            "image_grid_thw": grid.tolist() if grid is not None else [],
            "image_tokens": int((inputs["input_ids"] == self._image_token_id()).sum()),
            "prompt_tokens": n_prompt,
            "completion_tokens": int(new.shape[0]),
            "latency_s": round(latency, 4),
        }
        log.info(
            "transformers generate: messages=%d images=%d prompt_tokens=%d completion_tokens=%d latency=%.2fs",
            len(messages),
            self.last_stats["images"],
            n_prompt,
            self.last_stats["completion_tokens"],
            latency,
        )
        return text

    def _image_token_id(self) -> int:
        token_id = getattr(self.processor, "image_token_id", None)
        return int(token_id) if token_id is not None else self.processor.tokenizer.convert_tokens_to_ids(IMAGE_PAD)
