"""rl_data.py: verl RL parquet files from prompt sets and synthesized requirements.

    python -m scenerevis.train.rl_data --prompts split_prompts --synthetic 200 --out data/rl [--val-ratio 0.1] [--seed 0]

writes ``OUT/train.parquet``, ``OUT/val.parquet`` and ``OUT/rl_data.json`` (counts and arguments). One row per
requirement, in verl's RL layout:

- ``prompt``: ``[{"role": "system", "content": SYSTEM_PROMPT}, {"role": "user", "content": requirement}]``, the
  creation turn exactly as the episode loop and the SFT rows write it (the plain requirement, no image);
- ``data_source``: ``"scenerevis/prompts"`` or ``"scenerevis/synthetic"`` (verl groups validation metrics by it);
- ``ability``: ``"scene_editing"``;
- ``reward_model``: ``{"style": "rule", "ground_truth": <requested room type>}`` (the reward is computed by
  the agent loop; verl needs the field);
- ``extra_info``: ``{"index", "split", "requirement", "room_type", "source", "prompt_id"}``;
- ``agent_name``: the agent loop to run (default ``"scenerevis_agent"``).

Prompt files hold one requirement a line (blank lines and lines starting with ``#`` are skipped); a
directory means its ``*.txt`` files in name order. Requirements are deduplicated (whitespace-normalised
text) before the split, so no requirement is in both train and val. Synthesized requirements combine a
room type's essentials and usual extras from ``scenerevis/data/rooms.json``, seeded.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import random
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

DEFAULT_AGENT = "scenerevis_agent"
ABILITY = "scene_editing"
SOURCE_PROMPTS = "scenerevis/prompts"
SOURCE_SYNTHETIC = "scenerevis/synthetic"

_NUMBERS = {2: "two", 3: "three", 4: "four", 5: "five", 6: "six"}
_STYLES = (
    "modern",
    "minimalist",
    "Scandinavian",
    "industrial",
    "mid-century",
    "rustic",
    "Japandi",
    "coastal",
    "traditional",
    "bohemian",
    "contemporary",
    "cozy",
)
_COLOURS = ("white", "oak", "walnut", "grey", "black", "light wood", "navy", "beige", "green", "dark wood")


@dataclass(frozen=True)
class Requirement:
    """One requirement: its text, the rooms.json room type it asks for, and where it came from."""

    text: str
    room_type: str
    source: str  # SOURCE_PROMPTS or SOURCE_SYNTHETIC
    origin: str  # the prompt file (relative as given) or "synthetic"


# ---------------------------------------------------------------------------------------------- sources
def normalise(text: str) -> str:
    """Whitespace-normalised requirement text (the deduplication key)."""
    return " ".join(str(text).split())


def prompt_files(path: str | Path) -> list[Path]:
    """The prompt files named by ``path``: the file itself, or a directory's ``*.txt`` in name order."""
    p = Path(path)
    if p.is_dir():
        files = sorted(f for f in p.glob("*.txt") if f.is_file())
        if not files:
            raise ValueError(f"--prompts {path}: directory holds no *.txt prompt files")
        return files
    if not p.is_file():
        raise ValueError(f"--prompts {path}: no such file or directory")
    return [p]


def read_prompts(path: str | Path) -> list[str]:
    """Requirements of one prompt file: one a line, blank and ``#`` lines skipped, whitespace normalised."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise ValueError(f"{path}: cannot read prompt file: {err}") from None
    out = [normalise(line) for line in text.splitlines()]
    return [line for line in out if line and not line.startswith("#")]


def _room_type(text: str) -> str:
    from scenerevis.policy.prompt_parse import parse_prompt

    return parse_prompt(text).room_type


def _plural(noun: str) -> str:
    head, _, last = noun.rpartition(" ")
    if last.endswith(("s", "x", "ch", "sh")):
        last += "es"
    elif last.endswith("y") and last[-2:-1] not in tuple("aeiou"):
        last = last[:-1] + "ies"
    elif last.endswith("f"):
        last = last[:-1] + "ves"
    else:
        last += "s"
    return f"{head} {last}" if head else last


def _article(word: str) -> str:
    return "an" if word[:1].lower() in "aeiou" else "a"


def _phrase(noun: str, count: int, adjective: str | None) -> str:
    if count == 1:
        words = f"{adjective} {noun}" if adjective else noun
        return f"{_article(words)} {words}"
    words = f"{adjective} {_plural(noun)}" if adjective else _plural(noun)
    return f"{_NUMBERS.get(count, str(count))} {words}"


def _join(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def synthesize(n: int, seed: int = 0, room_types: list[str] | None = None, max_tries_per_item: int = 50) -> list[Requirement]:
    """``n`` distinct requirements combining room types and furniture of rooms.json (seeded, reproducible).

    Each names its room (the room type's first synonym), one piece per essential (a random alternative;
    the category's usual count, e.g. two nightstands, four dining chairs), 0-3 of the room type's usual
    extras, and optionally a style, a colour and a floor area inside the room type's range. Raises
    ValueError when fewer than ``n`` distinct texts can be made.
    """
    from scenerevis.scene.rooms import load_rooms

    facts = load_rooms()
    # the fallback type for unknown rooms has no essentials and no name a prompt would use: never drawn
    names = room_types or sorted(n for n, rt in facts.room_types.items() if rt.essentials)
    for name in names:
        facts.room_type(name)  # unknown names fail with the list of known ones
    rng = random.Random(seed)
    seen: set[str] = set()
    out: list[Requirement] = []
    tries = 0
    while len(out) < n:
        tries += 1
        if tries > max(n, 1) * max_tries_per_item:
            raise ValueError(f"--synthetic {n}: only {len(out)} distinct requirements after {tries - 1} tries")
        rt = facts.room_types[rng.choice(names)]
        cats = [rng.choice(req) for req in rt.essentials]
        extras = [c for c in rt.often if c not in cats]
        cats += rng.sample(extras, rng.randint(0, min(3, len(extras))))
        parts = []
        for i, name in enumerate(cats):
            cat = facts.category(name)
            count = cat.plural_count if rng.random() < 0.7 else 1
            adjective = rng.choice(_COLOURS) if (i == 0 and rng.random() < 0.4) else None
            parts.append(_phrase(cat.noun, count, adjective))
        room = rt.synonyms[0]
        style = rng.choice(_STYLES)
        area = rng.randint(int(rt.area[0]), int(rt.area[1]))
        template = rng.randrange(4)
        if template == 0:
            text = f"{_article(style).capitalize()} {style} {room} with {_join(parts)}."
        elif template == 1:
            text = f"Design a {room} with {_join(parts)}."
        elif template == 2:
            text = f"I need a {style} {room} of about {area} square metres: {_join(parts)}."
        else:
            text = f"{room[0].upper()}{room[1:]} with {_join(parts)}, in a {style} style."
        key = normalise(text)
        if key in seen:
            continue
        seen.add(key)
        out.append(Requirement(key, rt.name, SOURCE_SYNTHETIC, "synthetic"))
    return out


def collect(prompt_paths: list[str | Path], synthetic: int = 0, seed: int = 0) -> list[Requirement]:
    """Requirements of the prompt files (in order) then ``synthetic`` synthesized ones, deduplicated
    (first occurrence kept; a synthesized text equal to a file prompt is replaced by another)."""
    reqs: list[Requirement] = []
    seen: set[str] = set()
    for path in prompt_paths:
        for f in prompt_files(path):
            for text in read_prompts(f):
                if text not in seen:
                    seen.add(text)
                    reqs.append(Requirement(text, _room_type(text), SOURCE_PROMPTS, str(f)))
    if synthetic > 0:
        extra = 0
        while True:
            synth = [r for r in synthesize(synthetic + extra, seed) if r.text not in seen]
            if len(synth) >= synthetic:
                break
            extra += synthetic - len(synth)
        reqs += synth[:synthetic]
    return reqs


# ---------------------------------------------------------------------------------------------- rows
def split(reqs: list[Requirement], val_ratio: float, seed: int = 0) -> tuple[list[Requirement], list[Requirement]]:
    """Seeded train/val split per source: round(val_ratio * n) of each source's requirements go to val
    (at least one when ``val_ratio`` > 0 and the source has two or more). Order inside each split: as collected."""
    if not 0 <= val_ratio < 1:
        raise ValueError(f"--val-ratio must be in [0, 1), got {val_ratio}")
    rng = random.Random(seed)
    val_ids: set[int] = set()
    for source in sorted({r.source for r in reqs}):
        idx = [i for i, r in enumerate(reqs) if r.source == source]
        k = round(val_ratio * len(idx))
        if val_ratio > 0 and k == 0 and len(idx) >= 2:
            k = 1
        val_ids.update(rng.sample(idx, k))
    train = [r for i, r in enumerate(reqs) if i not in val_ids]
    val = [r for i, r in enumerate(reqs) if i in val_ids]
    return train, val


def prompt_id(text: str) -> str:
    """Stable 12-hex id of a requirement text."""
    return hashlib.sha1(normalise(text).encode("utf-8")).hexdigest()[:12]


def make_row(
    req: Requirement, index: int, split_name: str, system_prompt: str, agent_name: str = DEFAULT_AGENT
) -> dict[str, Any]:
    """One verl RL row (see the module docstring)."""
    return {
        "prompt": creation_prompt(req.text, system_prompt),
        "data_source": req.source,
        "ability": ABILITY,
        "reward_model": {"style": "rule", "ground_truth": req.room_type},
        "extra_info": {
            "index": index,
            "split": split_name,
            "requirement": req.text,
            "room_type": req.room_type,
            "source": req.origin,
            "prompt_id": prompt_id(req.text),
        },
        "agent_name": agent_name,
    }


def write_parquet(rows: list[dict[str, Any]], path: str | Path) -> Path:
    """Write ``rows`` as one parquet file, atomically."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from scenerevis.fileio import atomic_write_bytes

    buf = io.BytesIO()
    pq.write_table(pa.Table.from_pylist(rows), buf)
    return atomic_write_bytes(path, buf.getvalue())


def default_system_prompt(path: str | Path | None = None) -> str:
    """The policy's system prompt (``path`` overrides; :data:`scenerevis.chat.DEFAULT_SYSTEM_PROMPT` otherwise)."""
    from scenerevis.chat import load_system_prompt

    return load_system_prompt(path)


def creation_prompt(requirement: str, system_prompt: str) -> list[dict[str, Any]]:
    """``[system, user]`` of the creation turn, built by the chat module exactly as episodes and SFT rows build it."""
    from scenerevis.chat import TurnRecord, build_conversation, to_openai

    return to_openai(build_conversation(system_prompt, requirement, [TurnRecord(turn=0)]))


def build(
    prompt_paths: list[str | Path],
    out: str | Path,
    synthetic: int = 0,
    val_ratio: float = 0.1,
    seed: int = 0,
    system_prompt: str | None = None,
    agent_name: str = DEFAULT_AGENT,
) -> dict[str, Any]:
    """Collect, split and write ``out/train.parquet``, ``out/val.parquet`` and ``out/rl_data.json``; returns the summary."""
    from scenerevis.fileio import atomic_write_json

    reqs = collect(prompt_paths, synthetic, seed)
    if not reqs:
        raise ValueError("no requirements: give --prompts files with prompts or --synthetic N > 0")
    train, val = split(reqs, val_ratio, seed)
    system = system_prompt if system_prompt is not None else default_system_prompt()
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    summary: dict[str, Any] = {
        "seed": seed,
        "val_ratio": val_ratio,
        "agent_name": agent_name,
        "prompts": [str(p) for p in prompt_paths],
        "synthetic": synthetic,
        "files": {},
    }
    for name, part in (("train", train), ("val", val)):
        rows = [make_row(r, i, name, system, agent_name) for i, r in enumerate(part)]
        path = write_parquet(rows, out / f"{name}.parquet")
        counts: dict[str, int] = {}
        for r in part:
            counts[r.source] = counts.get(r.source, 0) + 1
        summary["files"][name] = {"path": str(path), "rows": len(rows), "by_source": counts}
    atomic_write_json(out / "rl_data.json", summary)
    return summary


# ---------------------------------------------------------------------------------------------- CLI
def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scenerevis.train.rl_data", description=__doc__.split("\n\n")[0])
    parser.add_argument("--prompts", action="append", default=[], help="prompt file or directory of *.txt (repeatable)")
    parser.add_argument("--synthetic", type=int, default=0, help="number of synthesized requirements (rooms.json, seeded)")
    parser.add_argument("--out", required=True, help="output directory (train.parquet, val.parquet, rl_data.json)")
    parser.add_argument("--val-ratio", type=float, default=0.1, help="share of each source held out for validation")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--system-prompt-file", default=None, help="the system prompt a checkpoint was trained with")
    parser.add_argument("--agent-name", default=DEFAULT_AGENT, help="verl agent loop name written in every row")
    args = parser.parse_args(argv)
    if args.synthetic < 0:
        parser.error(f"--synthetic must be >= 0, got {args.synthetic}")
    out = Path(args.out).resolve()
    for p in args.prompts:
        src = Path(p).resolve()
        if out == src or (src.is_dir() and src in out.parents):
            parser.error(f"--out {args.out} lies inside the prompt folder {p}; write somewhere else")
    try:
        system = default_system_prompt(args.system_prompt_file)
        summary = build(args.prompts, args.out, args.synthetic, args.val_ratio, args.seed, system, args.agent_name)
    except (ValueError, KeyError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    for name, info in summary["files"].items():
        print(f"{name}: {info['rows']} rows {info['by_source']} -> {info['path']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
