"""swift_data.py: ms-swift GRPO dataset rows (JSONL) for the scene-editing episodes.

One row per requirement: the creation turn exactly as :func:`scenerevis.chat.build_conversation` builds it
at inference (system prompt + the plain requirement, no image), plus a ``requirement`` column that
ms-swift passes to the scheduler (``data_dict``)::

    {"messages": [{"role": "system", ...}, {"role": "user", "content": "<requirement>"}],
     "images": [], "requirement": "<requirement>"}

CLI: ``python -m scenerevis.train.swift_data PROMPTS.txt OUT.jsonl [--limit N] [--system-prompt FILE]``
(one requirement per non-empty line of PROMPTS.txt).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from scenerevis.chat import TurnRecord, build_conversation, load_system_prompt, to_swift_row
from scenerevis.fileio import atomic_write_text


def grpo_row(requirement: str, system_prompt: str) -> dict[str, Any]:
    """The GRPO prompt row of one requirement (creation turn only)."""
    if not requirement.strip():
        raise ValueError("grpo_row: empty requirement")
    row = to_swift_row(build_conversation(system_prompt, requirement, [TurnRecord(turn=0)]))
    row["requirement"] = requirement
    return row


def read_prompts(path: str | Path, limit: int | None = None) -> list[str]:
    """Non-empty, stripped lines of ``path`` (at most ``limit``)."""
    p = Path(path)
    if not p.is_file():
        raise FileNotFoundError(f"{p}: prompt file not found")
    prompts = [line.strip() for line in p.read_text(encoding="utf-8").splitlines() if line.strip()]
    if not prompts:
        raise ValueError(f"{p}: no prompts (one requirement per line expected)")
    return prompts[:limit] if limit is not None else prompts


def write_rows(requirements: list[str], out: str | Path, system_prompt: str | None = None) -> Path:
    """Write one JSONL row per requirement to ``out`` (atomically); returns the path."""
    text = system_prompt if system_prompt is not None else load_system_prompt(None)
    lines = [json.dumps(grpo_row(r, text), ensure_ascii=False) for r in requirements]
    atomic_write_text(out, "\n".join(lines) + "\n")
    return Path(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("prompts", help="text file, one requirement per line")
    ap.add_argument("out", help="output JSONL")
    ap.add_argument("--limit", type=int, default=None, help="first N prompts only")
    ap.add_argument("--system-prompt", default=None, help="system prompt file (default: the built-in prompt)")
    a = ap.parse_args(argv)
    system = load_system_prompt(a.system_prompt)
    path = write_rows(read_prompts(a.prompts, a.limit), a.out, system)
    print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
