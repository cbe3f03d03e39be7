"""tiny_template_plugin.py: ms-swift plugin (``--external_plugins``) for checkpoints whose Qwen ids differ.

ms-swift's ``qwen2_5_vl`` template hard-codes the real Qwen2.5-VL ids of ``<|image_pad|>`` (151655)
and ``<|video_pad|>`` (151656). The tiny random checkpoints of ``scenerevis.train.tiny_model`` use a
small vocabulary, so this registers ``qwen2_5_vl_tokenizer_ids``: the same template, reading both
ids from the checkpoint's tokenizer. For a real Qwen2.5-VL checkpoint the two templates encode
identically; the smoke run and the template test use this one, real training uses ``qwen2_5_vl``.
"""

from __future__ import annotations

from swift.template import TEMPLATE_MAPPING, register_template
from swift.template.templates.qwen import QwenTemplateMeta

TEMPLATE_NAME = "qwen2_5_vl_tokenizer_ids"
_BASE = TEMPLATE_MAPPING["qwen2_5_vl"].template_cls


class Qwen2_5VLTokenizerIdsTemplate(_BASE):
    """``qwen2_5_vl`` with the image/video pad ids looked up in the tokenizer."""

    def init_env_args(self) -> None:
        super().init_env_args()
        self.image_token_id = self.tokenizer.convert_tokens_to_ids("<|image_pad|>")
        self.video_token_id = self.tokenizer.convert_tokens_to_ids("<|video_pad|>")


if TEMPLATE_NAME not in TEMPLATE_MAPPING:
    register_template(QwenTemplateMeta(TEMPLATE_NAME, template_cls=Qwen2_5VLTokenizerIdsTemplate))
