"""tiny_model.py: a randomly initialised, few-hundred-thousand-parameter Qwen2.5-VL checkpoint built locally.

Tests and CPU smoke runs (SFT with ms-swift, the transformers policy) need a real Qwen2.5-VL
architecture and processor without downloading weights. :func:`build_tiny_qwen2_5_vl` writes a
checkpoint directory loadable by ``AutoModelForImageTextToText`` / ``AutoProcessor`` and by
``swift sft --model DIR --model_type qwen2_5_vl``: a byte-level BPE tokenizer trained on a small
built-in corpus, Qwen's special tokens, a minimal ChatML chat template with image placeholders, the
PIL Qwen2-VL image processor (28-pixel merged patches) and a 1-layer language model + 1-block ViT.

Unlike the real checkpoint, the special tokens have small ids (``<|image_pad|>`` is not 151655);
ms-swift's Qwen2.5-VL template hard-codes the real ids, so training it through ms-swift needs the
template registered by :func:`register_swift_template` (which reads the ids from the tokenizer).

Nothing here is imported at package import time: torch, tokenizers and transformers load inside
the functions.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

SPECIALS = [
    "<|endoftext|>",
    "<|im_start|>",
    "<|im_end|>",
    "<|vision_start|>",
    "<|vision_end|>",
    "<|image_pad|>",
    "<|video_pad|>",
]

# Our own minimal ChatML template with Qwen-style image placeholders (string or part-list contents).
CHAT_TEMPLATE = (
    "{% for message in messages %}<|im_start|>{{ message['role'] }}\n"
    "{% if message['content'] is string %}{{ message['content'] }}"
    "{% else %}{% for part in message['content'] %}"
    "{% if part['type'] == 'image' %}<|vision_start|><|image_pad|><|vision_end|>"
    "{% elif part['type'] == 'text' %}{{ part['text'] }}{% endif %}"
    "{% endfor %}{% endif %}<|im_end|>\n{% endfor %}"
    "{% if add_generation_prompt %}<|im_start|>assistant\n{% endif %}"
)

# Short texts the BPE merges are learnt from (requests, edits, scene JSON keys, tool-call markup).
CORPUS = [
    "a cozy bedroom with a queen bed and two nightstands",
    "a living room with a sofa facing the television and a coffee table",
    "move the desk closer to the window and add a chair",
    "room type bounds objects size position rotation description",
]

SCENE_CORPUS = [
    '{"room_type": "bedroom", "room_id": "bedroom-1", "bounds_top": [[-2.0, 2.7, -2.5]], "bounds_bottom": [[2.0, 0.0, 2.5]]}',
    '{"desc": "a wooden double bed", "size": [1.6, 0.9, 2.1], "pos": [0.0, 0.0, -1.2], "rot": [0.0, 0.0, 0.0, 1.0]}',
    '{"jid": "<NEED_RETRIVEAL>", "sampled_asset_jid": "", "uid": "", "objects": []}',
    '<think>\nThe room needs a bed against the north wall.\n</think>\n\n<tool_calls>\n[{"id": "tool_1", '
    '"name": "add_object", "arguments": {"object_description": "nightstand"}}]\n</tool_calls>',
    '{"name": "move_object", "arguments": {"jid": "", "new_position": [1.0, 0.0, 0.5]}}',
    '{"name": "rotate_object", "name": "scale_object", "name": "replace_object", "name": "remove_object"}',
    '{"name": "terminate", "arguments": {"reason": "the layout is complete"}}',
    "<create_scene>\n```json\n{}\n```\n</create_scene>\n<current_scene>\n```json\n{}\n```\n</current_scene>",
    "<image>\n<feedback>\ncollision between the sofa and the coffee table; out of bounds\n</feedback>",
    "0.0 0.1 0.2 0.3 0.4 0.5 0.6 0.7 0.8 0.9 1.0 1.25 1.5 2.0 -0.5 -1.0 -1.5 -2.0 0.75 0.05",
]


def _tokenizer(vocab_size: int, corpus: list[str]) -> Any:
    """A byte-level BPE fast tokenizer with Qwen's special tokens and our ChatML template."""
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers
    from transformers import PreTrainedTokenizerFast

    bpe = Tokenizer(models.BPE())
    bpe.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    bpe.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(
        vocab_size=vocab_size, special_tokens=SPECIALS, initial_alphabet=pre_tokenizers.ByteLevel.alphabet()
    )
    bpe.train_from_iterator(corpus, trainer)
    tokenizer = PreTrainedTokenizerFast(
        tokenizer_object=bpe,
        eos_token="<|im_end|>",
        pad_token="<|endoftext|>",
        additional_special_tokens=SPECIALS[1:],
    )
    tokenizer.chat_template = CHAT_TEMPLATE
    return tokenizer


def corpus_from_jsonl(path: str | Path, max_rows: int = 64) -> list[str]:
    """Message texts of the first ``max_rows`` rows of an ms-swift JSONL (``<image>`` tags removed)."""
    path = Path(path)
    texts: list[str] = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines()[:max_rows], 1):
        try:
            messages = json.loads(line)["messages"]
        except (json.JSONDecodeError, KeyError, TypeError) as err:
            raise ValueError(f"{path}:{n}: not an ms-swift row with 'messages' ({err})") from err
        texts += [str(m.get("content", "")).replace("<image>", "") for m in messages]
    return texts


def build_tiny_qwen2_5_vl(
    path: str | Path, *, vocab_size: int = 320, scene_vocab: bool = False, corpus: list[str] | None = None, seed: int = 0
) -> Path:
    """Write tokenizer, image processor, chat template and a random 1-layer Qwen2.5-VL to ``path``.

    ``vocab_size`` is the BPE vocabulary size (byte alphabet + specials + merges; the trainer stops
    early when the corpus has no more merges). ``scene_vocab`` adds scene-JSON / tool-call texts to
    the corpus, ``corpus`` any further texts (e.g. :func:`corpus_from_jsonl` of the training data), so
    long training rows take fewer tokens. Weights are seeded with ``seed``; the image processor keeps
    the Qwen2-VL defaults (14-pixel patches merged 2x2, 56*56 .. 28*28*1280 pixels). Returns ``path``.
    """
    import torch
    from transformers import Qwen2_5_VLConfig, Qwen2_5_VLForConditionalGeneration
    from transformers.models.qwen2_vl.image_processing_pil_qwen2_vl import Qwen2VLImageProcessorPil

    path = Path(path)
    tokenizer = _tokenizer(vocab_size, CORPUS + (SCENE_CORPUS if scene_vocab else []) + list(corpus or []))
    ids = {t: tokenizer.convert_tokens_to_ids(t) for t in SPECIALS}
    config = Qwen2_5_VLConfig(
        text_config={
            "vocab_size": len(tokenizer),
            "hidden_size": 32,
            "intermediate_size": 64,
            "num_hidden_layers": 1,
            "num_attention_heads": 2,
            "num_key_value_heads": 1,
            "rope_scaling": {"type": "mrope", "mrope_section": [2, 3, 3]},
            "max_position_embeddings": 65536,
            "bos_token_id": ids["<|endoftext|>"],
            "eos_token_id": ids["<|im_end|>"],
            "pad_token_id": ids["<|endoftext|>"],
        },
        vision_config={
            "depth": 1,
            "hidden_size": 32,
            "intermediate_size": 64,
            "num_heads": 2,
            "out_hidden_size": 32,
            "fullatt_block_indexes": [0],
            "window_size": 56,
        },
        image_token_id=ids["<|image_pad|>"],
        video_token_id=ids["<|video_pad|>"],
        vision_start_token_id=ids["<|vision_start|>"],
        vision_end_token_id=ids["<|vision_end|>"],
    )
    torch.manual_seed(seed)
    model = Qwen2_5_VLForConditionalGeneration(config)
    path.mkdir(parents=True, exist_ok=True)
    model.save_pretrained(path)
    tokenizer.save_pretrained(path)
    Qwen2VLImageProcessorPil().save_pretrained(path)
    (path / "processor_config.json").write_text(json.dumps({"processor_class": "Qwen2_5_VLProcessor"}), encoding="utf-8")
    return path


def main(argv: list[str] | None = None) -> int:
    """CLI: ``python -m scenerevis.train.tiny_model OUT_DIR [--vocab-size N] [--scene-vocab] [--corpus-jsonl F] [--seed S]``."""
    import argparse

    parser = argparse.ArgumentParser(description="Write a tiny random Qwen2.5-VL checkpoint (no download).")
    parser.add_argument("out", help="checkpoint directory to write")
    parser.add_argument("--vocab-size", type=int, default=320, help="BPE vocabulary size")
    parser.add_argument("--scene-vocab", action="store_true", help="learn merges from scene JSON / tool-call texts too")
    parser.add_argument("--corpus-jsonl", help="learn merges from the message texts of this ms-swift JSONL too")
    parser.add_argument("--seed", type=int, default=0, help="weight initialisation seed")
    args = parser.parse_args(argv)
    corpus = corpus_from_jsonl(args.corpus_jsonl) if args.corpus_jsonl else None
    out = build_tiny_qwen2_5_vl(args.out, vocab_size=args.vocab_size, scene_vocab=args.scene_vocab, corpus=corpus, seed=args.seed)
    print(out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
