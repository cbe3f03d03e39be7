"""swift_tiny.py: what the CPU GRPO smoke run needs for a tiny random Qwen2.5-VL (no download).

- :func:`build_tiny_model`: a randomly initialised, 1-layer Qwen2.5-VL checkpoint written from a config
  (:func:`scenerevis.train.tiny_model.build_tiny_qwen2_5_vl`).
- :data:`TINY_TEMPLATE` / :func:`register_tiny_template`: ms-swift's ``qwen2_5_vl`` template hard-codes the
  real checkpoint's ``<|image_pad|>`` / ``<|video_pad|>`` ids (151655 / 151656); the tiny tokenizer has
  small ids, so this template reads both from the tokenizer. For a real Qwen2.5-VL checkpoint it encodes
  exactly like ``qwen2_5_vl``.
"""

from __future__ import annotations

from pathlib import Path

TINY_TEMPLATE = "qwen2_5_vl_tokenizer_ids"


def build_tiny_model(path: str | Path, seed: int = 0) -> Path:
    """Write a tiny random Qwen2.5-VL (tokenizer, processor, weights) to ``path``; returns ``path``."""
    from scenerevis.train.tiny_model import build_tiny_qwen2_5_vl

    return Path(build_tiny_qwen2_5_vl(Path(path), vocab_size=1024, scene_vocab=True, seed=seed))


def register_tiny_template() -> None:
    """Register :data:`TINY_TEMPLATE` in ms-swift (idempotent)."""
    from swift.template import TEMPLATE_MAPPING, register_template
    from swift.template.templates.qwen import QwenTemplateMeta

    if TINY_TEMPLATE in TEMPLATE_MAPPING:
        return
    base = TEMPLATE_MAPPING["qwen2_5_vl"].template_cls

    class TokenizerIdsQwen2_5VLTemplate(base):
        """``qwen2_5_vl`` with the image / video pad ids read from the tokenizer."""

        def init_env_args(self) -> None:
            super().init_env_args()
            self.image_token_id = self.tokenizer.convert_tokens_to_ids("<|image_pad|>")
            self.video_token_id = self.tokenizer.convert_tokens_to_ids("<|video_pad|>")

    register_template(QwenTemplateMeta(TINY_TEMPLATE, template_cls=TokenizerIdsQwen2_5VLTemplate))
