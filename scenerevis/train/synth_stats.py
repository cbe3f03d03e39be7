"""synth_stats.py: statistics of a set of SFT rows: turns, op mix, images, and estimated Qwen2.5-VL tokens.

Image tokens follow Qwen2.5-VL's resizing rule: both sides rounded to multiples of 28 px (14 px
patches merged 2 x 2), scaled down to at most ``max_pixels`` (up to at least ``min_pixels``), one
token per 28 x 28 block. Text tokens are estimated at 4 characters per token (no tokenizer needed).
"""

from __future__ import annotations

import math
from collections import Counter
from pathlib import Path
from typing import Any

#: ms-swift's IMAGE_MAX_TOKEN_NUM=1024 of the original SFT recipe, in pixels.
DEFAULT_MAX_PIXELS = 1024 * 28 * 28
DEFAULT_MIN_PIXELS = 4 * 28 * 28
_FACTOR = 28


def qwen_image_tokens(width: int, height: int, max_pixels: int = DEFAULT_MAX_PIXELS, min_pixels: int = DEFAULT_MIN_PIXELS) -> int:
    """LLM tokens of one ``width`` x ``height`` image for Qwen2.5-VL at ``max_pixels``."""
    h = max(_FACTOR, round(height / _FACTOR) * _FACTOR)
    w = max(_FACTOR, round(width / _FACTOR) * _FACTOR)
    if h * w > max_pixels:
        beta = math.sqrt(height * width / max_pixels)
        h = max(_FACTOR, math.floor(height / beta / _FACTOR) * _FACTOR)
        w = max(_FACTOR, math.floor(width / beta / _FACTOR) * _FACTOR)
    elif h * w < min_pixels:
        beta = math.sqrt(min_pixels / (height * width))
        h = math.ceil(height * beta / _FACTOR) * _FACTOR
        w = math.ceil(width * beta / _FACTOR) * _FACTOR
    return (h // _FACTOR) * (w // _FACTOR)


def _image_size(path: Path) -> tuple[int, int]:
    from PIL import Image

    with Image.open(path) as im:
        return im.size


def row_tokens(row: dict[str, Any], base: Path, max_pixels: int, sizes: dict[str, tuple[int, int]]) -> int:
    """Estimated tokens of one row: text at 4 characters per token plus each image's tokens."""
    text = sum(len(m.get("content", "")) for m in row["messages"]) // 4
    img = 0
    for p in row.get("images", []):
        if p not in sizes:
            sizes[p] = _image_size(base / p) if (base / p).is_file() else (1080, 570)
        img += qwen_image_tokens(*sizes[p], max_pixels=max_pixels)
    return text + img


def _turns(row: dict[str, Any]) -> int:
    """Edit turns of a row: ``metadata.total_turns``, else the assistant replies after the creation turn."""
    meta = row.get("metadata") or {}
    if "total_turns" in meta:
        return int(meta["total_turns"])
    return max(0, sum(m.get("role") == "assistant" for m in row["messages"]) - 1)


def _hist(values: list[int]) -> dict[str, int]:
    return {str(k): v for k, v in sorted(Counter(values).items())}


def dataset_stats(splits: dict[str, list[dict[str, Any]]], base: Path, max_pixels: int = DEFAULT_MAX_PIXELS) -> dict[str, Any]:
    """stats.json content for rows per split (``{"train": [...], "val": [...]}``)."""
    rows = [r for rs in splits.values() for r in rs]
    sizes: dict[str, tuple[int, int]] = {}
    tokens = [row_tokens(r, base, max_pixels, sizes) for r in rows]
    turns = [_turns(r) for r in rows]
    images = [len(r.get("images", [])) for r in rows]
    ops = Counter(op for r in rows for op in (r.get("metadata") or {}).get("ops", []))
    tools: Counter[str] = Counter()
    from scenerevis.tools.parse import parse_reply

    for r in rows:
        for m in r["messages"]:
            if m["role"] == "assistant":
                tools.update(c.name for c in parse_reply(m["content"]).calls)
    total_ops = sum(ops.values()) or 1
    return {
        "rows": {k: len(v) for k, v in splits.items()},
        "scenes": {k: len({(r.get("metadata") or {}).get("scene_id", r.get("id")) for r in v}) for k, v in splits.items()},
        "generation_method": dict(Counter((r.get("metadata") or {}).get("generation_method", "unknown") for r in rows)),
        "turns_histogram": _hist(turns),
        "op_mix": {k: {"turns": v, "share": round(v / total_ops, 4)} for k, v in sorted(ops.items())},
        "tool_calls": dict(sorted(tools.items())),
        "images_per_row": {"histogram": _hist(images), "mean": round(sum(images) / len(images), 3) if images else 0.0},
        "tokens_per_row": {
            "max_pixels": max_pixels,
            "mean": round(sum(tokens) / len(tokens), 1) if tokens else 0.0,
            "max": max(tokens, default=0),
            "min": min(tokens, default=0),
            "note": "text at 4 characters per token + Qwen2.5-VL image tokens (28 px blocks) at max_pixels",
        },
    }
