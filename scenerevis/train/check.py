"""check.py: validate SFT rows of the SceneChain-12K layout; ``python -m scenerevis.train.check DATA/train.jsonl``.

A row is good when: its messages are system?, then user / assistant alternating, ending with an
assistant turn; the ``<image>`` tags equal the ``images`` list and every file exists (relative to the
JSONL's folder); the first reply is a ``<create_scene>`` room, every later reply parses as
``<tool_calls>`` without errors, the last one is a single ``terminate``; and the calls replay: each
turn's calls applied to the scene shown in its user message give the scene shown next (up to asset
retrieval of the objects they add or replace; ``jid="<NEED_RETRIVEAL>"``, the SceneChain-12K
placeholder, compares as "no asset yet" but still names its object in a call), and the last scene equals ``metadata.final_scene`` when
present. Exit status 1 when any row is bad, 2 when the file cannot be read.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from scenerevis.scene.formats import scene_from_dict, scene_to_flat
from scenerevis.scene.validate import SceneFormatError
from scenerevis.tools.apply import apply_tool_calls
from scenerevis.tools.parse import parse_reply

IMAGE_TAG = "<image>"
NEED_RETRIEVAL = "<NEED_RETRIVEAL>"  # sic: the spelling of SceneChain-12K
_SCENE_RE = re.compile(r"<current_scene>\s*```json\s*(.*?)\s*```\s*</current_scene>", re.S)
_ASSET_KEYS = ("jid", "uid", "asset_source", "retrieved_size")


@dataclass
class RowCheck:
    """The verdict on one row: ``errors`` empty when good; ``turns`` = edit turns replayed."""

    index: int
    row_id: str
    errors: list[str] = field(default_factory=list)
    turns: int = 0

    @property
    def ok(self) -> bool:
        return not self.errors


def _content(msg: Any) -> str:
    c = msg.get("content")
    if isinstance(c, list):  # content parts
        return "".join(p.get("text", IMAGE_TAG if p.get("type") == "image" else "") for p in c if isinstance(p, dict))
    return c if isinstance(c, str) else ""


def shown_scene(text: str) -> dict[str, Any] | None:
    """The flat scene dict inside a user message's ``<current_scene>`` block, or None when absent."""
    m = _SCENE_RE.search(text)
    return None if m is None else json.loads(m.group(1))


def _load(data: dict[str, Any], where: str):
    """A Scene from a shown scene dict; placeholder jids stay (a call may name the one object that has it)."""
    return scene_from_dict(data, where)


def _asset(o: dict[str, Any], key: str, nd: int) -> str:
    value = o.get(key)
    if key == "jid" and value == NEED_RETRIEVAL:
        value = None
    if key == "retrieved_size" and value is not None:
        value = [round(float(v), nd) for v in value]
    return str(value)


def _canon(flat: dict[str, Any], skip_assets: set[str], with_ids: bool, nd: int) -> tuple:
    objs = []
    for o in flat["objects"]:
        key = [o.get("desc"), *(round(float(v), nd) for k in ("size", "pos", "rot") for v in o[k]), o.get("group_name")]
        if with_ids:
            key.append(o.get("id"))
        if o.get("id") not in skip_assets and o.get("desc") not in skip_assets:
            key += [_asset(o, k, nd) for k in _ASSET_KEYS]
        objs.append(tuple(str(k) for k in key))
    bounds = tuple(round(float(v), nd) for k in ("bounds_bottom", "bounds_top") for c in flat[k] for v in c)
    return bounds, tuple(sorted(objs))


def scenes_match(applied: dict[str, Any], shown: dict[str, Any], skip_assets: set[str], nd: int = 4) -> bool:
    """True when the flat scene ``applied`` agrees with the scene dict ``shown`` as written in a row
    (values rounded to ``nd`` decimals; objects as a multiset). Asset fields of the objects whose id
    or description is in ``skip_assets`` (just added / replaced) are not compared; instance ids only
    when ``shown`` carries them."""
    with_ids = all(isinstance(o, dict) and "id" in o for o in shown.get("objects", []) or [])
    return _canon(applied, skip_assets, with_ids, nd) == _canon(_strip(shown), skip_assets, with_ids, nd)


def check_row(row: Any, base_dir: Path, index: int = 0, nd: int = 4) -> RowCheck:
    """Validate one row (see the module docstring); never raises on bad data."""
    rid = str(row.get("id", f"#{index}")) if isinstance(row, dict) else f"#{index}"
    out = RowCheck(index, rid)
    try:
        _check(row, base_dir, nd, out)
    except SceneFormatError as e:
        out.errors.append(f"scene: {e}")
    except (KeyError, TypeError, ValueError) as e:
        out.errors.append(f"malformed row ({type(e).__name__}: {e})")
    return out


def _check(row: Any, base_dir: Path, nd: int, out: RowCheck) -> RowCheck:
    err = out.errors.append
    if not isinstance(row, dict) or not isinstance(row.get("messages"), list) or not row["messages"]:
        err("messages: missing or empty")
        return out
    images = row.get("images", [])
    if not isinstance(images, list) or not all(isinstance(p, str) for p in images):
        err("images: must be a list of paths")
        return out
    msgs = row["messages"]
    if not all(isinstance(m, dict) for m in msgs):
        err("messages: every message must be an object")
        return out
    roles = [m.get("role") for m in msgs]
    body = roles[1:] if roles[0] == "system" else roles
    expected = ["user", "assistant"] * (len(body) // 2 + 1)
    if body != expected[: len(body)] or len(body) < 2 or body[-1] != "assistant":
        err(f"roles: expected system?, user, assistant, ... ending with assistant; got {roles}")
        return out
    texts = [_content(m) for m in msgs]
    tags = sum(t.count(IMAGE_TAG) for t in texts)
    if tags != len(images):
        err(f"images: {tags} {IMAGE_TAG} tags but {len(images)} images")
    for p in images:
        if not (base_dir / p).is_file():
            err(f"images: file not found: {p}")
            break
    start = 1 if roles[0] == "system" else 0
    users = [texts[i] for i in range(start, len(msgs), 2)]
    replies = [texts[i] for i in range(start + 1, len(msgs), 2)]
    first = parse_reply(replies[0])
    if first.kind != "create_scene":
        err(f"turn 0: the first reply must be a <create_scene> room, got {first.kind}")
        return out
    try:
        current = _load(first.scene or {}, "turn 0 <create_scene>")
    except SceneFormatError as e:
        err(f"turn 0: {e}")
        return out
    for k in range(1, len(replies)):
        try:
            shown = shown_scene(users[k])
        except json.JSONDecodeError as e:
            err(f"turn {k}: <current_scene> is not valid JSON ({e.msg})")
            return out
        if shown is None:
            err(f"turn {k}: user message has no <current_scene> block")
            return out
        if k == 1:
            if not scenes_match(scene_to_flat(current), shown, set(), nd):
                err("turn 1: the scene shown is not the room the <create_scene> reply made")
                return out
        try:
            current = _load(shown, f"turn {k} <current_scene>")
        except SceneFormatError as e:
            err(f"turn {k}: {e}")
            return out
        parsed = parse_reply(replies[k])
        if parsed.kind != "tool_calls" or parsed.errors:
            why = parsed.errors[0].line() if parsed.errors else parsed.kind
            err(f"turn {k}: reply does not parse as <tool_calls>: {why}")
            return out
        last = k == len(replies) - 1
        if last:
            if len(parsed.calls) != 1 or parsed.calls[0].name != "terminate":
                err(f"turn {k}: the last reply must be a single terminate call, got {[c.name for c in parsed.calls]}")
            out.turns = k
            final = (row.get("metadata") or {}).get("final_scene")
            if final is not None and not scenes_match(scene_to_flat(current), _as_dict(final), set(), nd):
                err("metadata.final_scene differs from the last scene shown")
            return out
        if any(c.name == "terminate" for c in parsed.calls):
            err(f"turn {k}: terminate before the last turn")
            return out
        applied = apply_tool_calls(current, parsed.calls)
        if applied.errors:
            err(f"turn {k}: call does not replay: {applied.errors[0].line()}")
            return out
        try:
            nxt = shown_scene(users[k + 1])
        except json.JSONDecodeError as e:
            err(f"turn {k + 1}: <current_scene> is not valid JSON ({e.msg})")
            return out
        if nxt is None:
            err(f"turn {k + 1}: user message has no <current_scene> block")
            return out
        fresh = set(applied.needs_asset) | {o.desc for o in applied.scene.objects if o.id in applied.needs_asset}
        if not scenes_match(scene_to_flat(applied.scene), nxt, fresh, nd):
            err(f"turn {k}: replaying the calls does not give the scene shown at turn {k + 1}")
            return out
    return out


def _as_dict(value: Any) -> dict[str, Any]:
    return json.loads(value) if isinstance(value, str) else value


def _strip(flat: dict[str, Any]) -> dict[str, Any]:
    """``flat`` through the scene model (ids assigned, values rounded)."""
    return scene_to_flat(_load(flat, "<shown>"))


def check_file(path: str | Path, nd: int = 4) -> list[RowCheck]:
    """Check every line of a JSONL file; bad JSON lines are reported as bad rows."""
    path = Path(path)
    out = []
    with open(path, encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as e:
                out.append(RowCheck(i, f"#{i}", [f"line {i + 1}: invalid JSON ({e.msg})"]))
                continue
            out.append(check_row(row, path.parent, i, nd))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m scenerevis.train.check", description=__doc__.splitlines()[0])
    ap.add_argument("jsonl", nargs="+", help="JSONL files of SFT rows (images relative to the file's folder)")
    ap.add_argument("--decimals", type=int, default=4, help="decimals compared when replaying scenes (default 4)")
    args = ap.parse_args(argv)
    bad = 0
    for path in args.jsonl:
        try:
            results = check_file(path, args.decimals)
        except OSError as e:
            print(f"{path}: cannot read: {e.strerror or e}", file=sys.stderr)
            return 2
        for r in results:
            if not r.ok:
                bad += 1
                print(f"{path}:{r.index + 1}: row {r.row_id}: " + "; ".join(r.errors))
        good = sum(r.ok for r in results)
        print(f"{path}: {good} good rows, {len(results) - good} bad rows")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
