"""swift_smoke.py: prepare and check the CPU GRPO smoke run of ``script/RL/smoke_swift.sh``.

``prepare OUT [--prompts N]``: a tiny random Qwen2.5-VL in ``OUT/model`` and N GRPO prompt rows in
``OUT/data.jsonl`` (first prompts of ``split_prompts/bedroom.txt``, else built-in ones).

``summarize OUT --max-turns T``: reads ms-swift's ``logging.jsonl`` under OUT and the per-sample log the
reward wrote (``OUT/samples.jsonl``), checks the run (at least one optimisation step, finite loss, every
sample within the turn cap and carrying exactly one image per edit turn, as many ``<image>`` tags as
images) and prints one JSON line::

    {"steps": 1, "loss": 0.0, "reward_mean": -1.0, "turns": [3, ...], "images_per_sample": [2, ...]}

Exit status 1 (reasons on stderr) when a check fails.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path
from typing import Any

from scenerevis.train.swift_data import read_prompts, write_rows

FALLBACK_PROMPTS = [
    "A small bedroom with a single bed and a desk.",
    "A living room with a sofa, a coffee table and a TV stand.",
    "A study with a bookshelf, a desk and an office chair.",
]


def prepare(out: Path, n_prompts: int, seed: int = 0) -> dict[str, str]:
    """Write the tiny model and the prompt rows under ``out``; returns their paths."""
    from scenerevis.train.swift_tiny import build_tiny_model

    out.mkdir(parents=True, exist_ok=True)
    model = build_tiny_model(out / "model", seed=seed)
    suppress_vision_tokens(model)
    src = Path("split_prompts/bedroom.txt")
    prompts = (read_prompts(src) if src.is_file() else []) + FALLBACK_PROMPTS
    data = write_rows(prompts[:n_prompts], out / "data.jsonl")
    return {"model": str(model), "data": str(data)}


def suppress_vision_tokens(model_dir: Path) -> list[int]:
    """Keep a random model from sampling the vision special tokens (``generation_config.suppress_tokens``).

    A sampled ``<|image_pad|>`` in a completion would count as an image position when the trainer
    re-encodes the trajectory (more image tokens than image features). A trained checkpoint never emits
    them; the random tiny one does. Returns the suppressed ids.
    """
    from transformers import AutoTokenizer, GenerationConfig

    tok = AutoTokenizer.from_pretrained(model_dir)
    ids = [tok.convert_tokens_to_ids(t) for t in ("<|vision_start|>", "<|vision_end|>", "<|image_pad|>", "<|video_pad|>")]
    try:
        gen = GenerationConfig.from_pretrained(model_dir)
    except OSError:
        gen = GenerationConfig()
    gen.suppress_tokens = ids
    gen.save_pretrained(model_dir)
    return ids


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def summarize(out: Path, max_turns: int) -> tuple[dict[str, Any], list[str]]:
    """The smoke summary and the list of failed checks (empty when the run is right)."""
    problems: list[str] = []
    logs = sorted(out.rglob("logging.jsonl"))
    train = [r for p in logs for r in _read_jsonl(p) if "loss" in r]
    samples_path = out / "samples.jsonl"
    samples = _read_jsonl(samples_path) if samples_path.is_file() else []
    loss = float(train[-1]["loss"]) if train else float("nan")
    steps = len(train)
    rewards = [float(s["reward"]) for s in samples]
    summary = {
        "steps": steps,
        "loss": loss,
        "reward_mean": sum(rewards) / len(rewards) if rewards else float("nan"),
        "turns": [int(s["num_turns"]) for s in samples],
        "images_per_sample": [int(s["images"]) for s in samples],
    }
    if not logs:
        problems.append(f"no logging.jsonl under {out}")
    if steps < 1:
        problems.append("no optimisation step logged")
    if not math.isfinite(loss):
        problems.append(f"loss is not finite: {loss}")
    if not samples:
        problems.append(f"{samples_path}: the reward logged no sample")
    for i, s in enumerate(samples):
        n = int(s["num_turns"])
        if not 1 <= n <= max_turns:
            problems.append(f"sample {i}: {n} turns, outside 1..{max_turns}")
        if s["images"] != n - 1 or s["image_tags"] != s["images"]:
            problems.append(
                f"sample {i}: {n} turns ({n - 1} edit turns) but {s['images']} images and {s['image_tags']} <image> tags"
            )
    return summary, problems


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="CPU GRPO smoke run helper (prepare / summarize)")
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("prepare")
    p.add_argument("out", type=Path)
    p.add_argument("--prompts", type=int, default=3)
    s = sub.add_parser("summarize")
    s.add_argument("out", type=Path)
    s.add_argument("--max-turns", type=int, required=True)
    a = ap.parse_args(argv)
    if a.cmd == "prepare":
        print(json.dumps(prepare(a.out, a.prompts)))
        return 0
    summary, problems = summarize(a.out, a.max_turns)
    for line in problems:
        print(f"smoke_swift: {line}", file=sys.stderr)
    print(json.dumps(summary))
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
