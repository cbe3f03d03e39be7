"""tiny_template_plugin.py: ms-swift plugin (``--external_plugins``) for checkpoints whose Qwen ids differ.

ms-swift's ``qwen2_5_vl`` template hard-codes the real Qwen2.5-VL ids of ``<|image_pad|>`` (151655)
and ``<|video_pad|>`` (151656). The tiny random checkpoints of ``scenerevis.train.tiny_model`` use a
small vocabulary, so this registers ``qwen2_5_vl_tokenizer_ids`` (:mod:`scenerevis.train.swift_tiny`):
the same template, reading both ids from the checkpoint's tokenizer. For a real Qwen2.5-VL checkpoint the
two templates encode identically; the smoke runs and the template test use this one, real training
uses ``qwen2_5_vl``.
"""

from __future__ import annotations

from scenerevis.train.swift_tiny import TINY_TEMPLATE as TEMPLATE_NAME
from scenerevis.train.swift_tiny import register_tiny_template

register_tiny_template()

__all__ = ["TEMPLATE_NAME"]
