"""SFT rows through ms-swift's own Qwen2.5-VL template, with a tiny random checkpoint's processor.

Runs in .venv-sft (``.venv-sft/bin/python -m pytest tests/train/test_sft_template.py``); skipped where
ms-swift is not installed. By default the rows come from :func:`tests.train.sft_rows.standin_rows`;
set ``SCENEREVIS_SFT_DATA=/path/to/train.jsonl`` (a ``scenerevis.train.synth`` output) to check those
rows instead (``SCENEREVIS_SFT_ROWS``, default 8, of them).

The tiny tokenizer compresses text worse than Qwen's 151k-token BPE while image token counts are the
same (same patch size, merge size and pixel bounds), so a row that fits ``RECIPE_MAX_LENGTH`` here also
fits with the real tokenizer.
"""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

import pytest

swift = pytest.importorskip("swift")

from tests.train.sft_rows import read_rows, standin_rows  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
PLUGIN = ROOT / "script" / "sft" / "tiny_template_plugin.py"
RECIPE_MAX_LENGTH = 51200  # the original recipe's --max_length
IMAGE_MAX_TOKEN_NUM = 1024  # the original recipe's IMAGE_MAX_TOKEN_NUM: <= 1024 merged 28x28 patches an image
MERGE = 4  # 2x2 ViT patches of 14 px merge into one LLM token


def _load_plugin():
    spec = importlib.util.spec_from_file_location("tiny_template_plugin", PLUGIN)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    """ms-swift's qwen2_5_vl template (pad ids read from the tokenizer) over a tiny checkpoint, train mode."""
    from swift import get_processor, get_template

    from scenerevis.train.tiny_model import build_tiny_qwen2_5_vl

    mp = pytest.MonkeyPatch()
    mp.setenv("IMAGE_MAX_TOKEN_NUM", str(IMAGE_MAX_TOKEN_NUM))
    mp.delenv("MAX_PIXELS", raising=False)
    plugin = _load_plugin()
    ckpt = build_tiny_qwen2_5_vl(tmp_path_factory.mktemp("tiny") / "ckpt", vocab_size=1024, scene_vocab=True)
    processor = get_processor(str(ckpt), model_type="qwen2_5_vl")
    tpl = get_template(processor, template_type=plugin.TEMPLATE_NAME, max_length=RECIPE_MAX_LENGTH, truncation_strategy="raise")
    tpl.set_mode("train")
    yield tpl
    mp.undo()


@pytest.fixture(scope="module")
def rows(tmp_path_factory):
    data = os.environ.get("SCENEREVIS_SFT_DATA")
    if data:
        return read_rows(data, limit=int(os.environ.get("SCENEREVIS_SFT_ROWS", "8")))
    return standin_rows(tmp_path_factory.mktemp("rows"), n_rows=3, edit_turns=4)


def _spans(labels: list[int]) -> list[tuple[int, int]]:
    """[start, end) index ranges of consecutive labelled (!= -100) positions."""
    spans, start = [], None
    for i, label in enumerate([*labels, -100]):
        if label != -100 and start is None:
            start = i
        elif label == -100 and start is not None:
            spans.append((start, i))
            start = None
    return spans


def test_standin_rows_have_the_scenechain_layout(tmp_path):
    rows = standin_rows(tmp_path, n_rows=2, edit_turns=3)
    roles = [m["role"] for m in rows[0]["messages"]]
    assert roles == ["system", "user", "assistant"] + ["user", "assistant"] * 3
    assert len(rows[0]["images"]) == 3 and all(Path(p).is_file() for p in rows[0]["images"])
    msgs = rows[0]["messages"]
    assert "<image>" not in msgs[1]["content"]
    assert [m["content"].count("<image>") for m in msgs[3::2]] == [1, 1, 1]
    assert msgs[2]["content"].startswith("<create_scene>\n```json\n{")
    assert msgs[-1]["content"].count('"name": "terminate"') == 1


def test_every_image_becomes_image_tokens(template, rows):
    tok = template.tokenizer
    pad = tok.convert_tokens_to_ids("<|image_pad|>")
    start = tok.convert_tokens_to_ids("<|vision_start|>")
    for row in rows:
        enc = template.encode(dict(row))
        ids = list(enc["input_ids"])
        grids = enc["image_grid_thw"].tolist()
        assert len(grids) == len(row["images"]) == sum(m["content"].count("<image>") for m in row["messages"])
        assert ids.count(start) == len(row["images"])
        per_image = [t * h * w // MERGE for t, h, w in grids]
        assert ids.count(pad) == sum(per_image)
        assert all(1 <= n <= IMAGE_MAX_TOKEN_NUM for n in per_image)
        # each <|vision_start|> is followed by exactly that image's run of pad tokens
        at = [i for i, t in enumerate(ids) if t == start]
        for i, n in zip(at, per_image):
            assert ids[i + 1 : i + 1 + n] == [pad] * n and ids[i + 1 + n] != pad
        assert int(enc["pixel_values"].shape[0]) == sum(t * h * w for t, h, w in grids)
        assert "<image>" not in tok.decode(ids)


def test_no_row_is_truncated_at_the_recipe_max_length(template, rows):
    # truncation_strategy="raise": encode() raises MaxLengthError for a row over max_length
    for row in rows:
        enc = template.encode(dict(row))
        assert len(enc["input_ids"]) <= RECIPE_MAX_LENGTH
        assert enc["labels"][-1] != -100  # the last assistant turn (terminate) is kept whole


def test_labels_cover_exactly_the_assistant_turns(template, rows):
    tok = template.tokenizer
    for row in rows:
        enc = template.encode(dict(row))
        ids, labels = list(enc["input_ids"]), list(enc["labels"])
        assert all(label in (-100, t) for label, t in zip(labels, ids))
        spans = _spans(labels)
        replies = [m["content"] for m in row["messages"] if m["role"] == "assistant"]
        assert len(spans) == len(replies)
        for (a, b), reply in zip(spans, replies):  # ChatML: each labelled reply ends with <|im_end|> + newline
            assert tok.decode(ids[a:b]) == reply + "<|im_end|>\n"
            assert tok.decode(ids[:a]).endswith("<|im_start|>assistant\n")
