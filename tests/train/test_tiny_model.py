"""The tiny random Qwen2.5-VL checkpoint: loadable, special ids consistent, corpus from a JSONL."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

pytest.importorskip("transformers")
pytest.importorskip("tokenizers")

from scenerevis.train.tiny_model import SPECIALS, build_tiny_qwen2_5_vl, corpus_from_jsonl  # noqa: E402


def test_checkpoint_loads_with_consistent_special_ids(tmp_path: Path) -> None:
    from transformers import AutoModelForImageTextToText, AutoTokenizer

    ckpt = build_tiny_qwen2_5_vl(tmp_path / "ckpt", vocab_size=600, scene_vocab=True, seed=3)
    tok = AutoTokenizer.from_pretrained(ckpt)
    model = AutoModelForImageTextToText.from_pretrained(ckpt)
    cfg = model.config
    assert cfg.image_token_id == tok.convert_tokens_to_ids("<|image_pad|>")
    assert cfg.vision_start_token_id == tok.convert_tokens_to_ids("<|vision_start|>")
    assert model.get_input_embeddings().weight.shape == (len(tok), 32)
    # specials first in the trainer's vocabulary: ids 0..6 in SPECIALS order
    assert [tok.convert_tokens_to_ids(t) for t in SPECIALS] == list(range(7))
    assert tok.eos_token == "<|im_end|>" and tok.pad_token == "<|endoftext|>"
    # same seed, same weights
    again = AutoModelForImageTextToText.from_pretrained(
        build_tiny_qwen2_5_vl(tmp_path / "again", vocab_size=600, scene_vocab=True, seed=3)
    )
    assert all((a == b).all() for a, b in zip(model.state_dict().values(), again.state_dict().values()))


def test_scene_corpus_shortens_scene_json(tmp_path: Path) -> None:
    from transformers import AutoTokenizer

    text = '{"desc": "a wooden double bed", "size": [1.6, 0.9, 2.1], "pos": [0.0, 0.0, -1.2]}'
    plain = AutoTokenizer.from_pretrained(build_tiny_qwen2_5_vl(tmp_path / "plain"))
    scene = AutoTokenizer.from_pretrained(build_tiny_qwen2_5_vl(tmp_path / "scene", vocab_size=1024, scene_vocab=True))
    assert plain.decode(plain(text)["input_ids"]) == text == scene.decode(scene(text)["input_ids"])
    assert len(scene(text)["input_ids"]) < len(plain(text)["input_ids"])


def test_corpus_from_jsonl_reads_messages_and_names_bad_lines(tmp_path: Path) -> None:
    good = {"messages": [{"role": "user", "content": "<image>\nadd a sofa"}, {"role": "assistant", "content": "ok"}]}
    path = tmp_path / "train.jsonl"
    path.write_text(json.dumps(good) + "\n" + json.dumps(good) + "\n", encoding="utf-8")
    assert corpus_from_jsonl(path) == ["\nadd a sofa", "ok", "\nadd a sofa", "ok"]
    assert corpus_from_jsonl(path, max_rows=1) == ["\nadd a sofa", "ok"]
    path.write_text(json.dumps(good) + "\n" + '{"images": []}\n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"train\.jsonl:2: not an ms-swift row with 'messages'"):
        corpus_from_jsonl(path)
