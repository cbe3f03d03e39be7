"""sft_rows.py: SFT rows in the ms-swift / SceneChain layout for tests, either made here or read from a synth run.

:func:`standin_rows` writes a small, deterministic set of trajectories (real PNG files, creation turn
then edit turns with ``<think>`` + ``<tool_calls>`` replies, the last one a single ``terminate``),
built with :mod:`scenerevis.chat` like the training-data synthesis. :func:`read_rows` loads a JSONL
written by ``python -m scenerevis.train.synth`` (image paths resolved against the file's folder).
Only the standard library, PIL and :mod:`scenerevis.chat` are used, so this also runs in .venv-sft.
"""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

from PIL import Image

from scenerevis.chat import DEFAULT_SYSTEM_PROMPT, Message, TurnRecord, to_swift_row, user_message

REQUIREMENTS = [
    "a small bedroom with a double bed, two nightstands and a wardrobe",
    "a living room with a sofa facing a tv stand and a coffee table in between",
    "a study with a desk under the window, an office chair and a bookshelf",
]
PIECES = [
    ("double bed", (1.6, 0.9, 2.1)),
    ("nightstand", (0.5, 0.55, 0.4)),
    ("wardrobe", (1.2, 2.1, 0.6)),
    ("sofa", (2.1, 0.85, 0.9)),
    ("tv stand", (1.6, 0.5, 0.4)),
    ("coffee table", (1.1, 0.45, 0.6)),
    ("desk", (1.4, 0.75, 0.7)),
    ("office chair", (0.6, 1.0, 0.6)),
    ("bookshelf", (0.9, 1.9, 0.35)),
]


def _compact(value: Any) -> str:
    return json.dumps(value, separators=(", ", ": "))


def _room(k: int) -> dict[str, Any]:
    """An empty 4 m x 5 m room (flat scene layout; metres, y up, floor at y = 0)."""
    return {
        "room_type": ["bedroom", "livingroom", "study"][k % 3],
        "room_id": f"standin-{k}",
        "bounds_top": [[-2.0, 2.7, -2.5], [2.0, 2.7, -2.5], [2.0, 2.7, 2.5], [-2.0, 2.7, 2.5]],
        "bounds_bottom": [[-2.0, 0.0, -2.5], [2.0, 0.0, -2.5], [2.0, 0.0, 2.5], [-2.0, 0.0, 2.5]],
        "objects": [],
    }


def _png(path: Path, seed: int, size: tuple[int, int]) -> str:
    """A merged-render stand-in: two views side by side, colour and marker depending on ``seed``."""
    rng = random.Random(seed)
    im = Image.new("RGB", size, (rng.randrange(256), rng.randrange(256), rng.randrange(256)))
    half = size[0] // 2
    im.paste((rng.randrange(256), rng.randrange(256), rng.randrange(256)), (half, 0, size[0], size[1]))
    im.putpixel((seed % size[0], 0), (255, 255, 255))
    path.parent.mkdir(parents=True, exist_ok=True)
    im.save(path, format="PNG")
    return str(path)


def _edit_reply(think: str, calls: list[dict[str, Any]]) -> str:
    items = [{"id": f"tool_{i + 1}", "name": c["name"], "arguments": c["arguments"]} for i, c in enumerate(calls)]
    return f"<think>\n{think}\n</think>\n\n<tool_calls>\n{_compact(items)}\n</tool_calls>"


def standin_rows(
    out_dir: str | Path, n_rows: int = 3, edit_turns: int = 4, image_size: tuple[int, int] = (1024, 512), seed: int = 0
) -> list[dict[str, Any]]:
    """``n_rows`` trajectories (creation turn + ``edit_turns`` edit turns), PNGs under ``out_dir/images``.

    Each edit turn adds one piece (the last edit turn terminates instead); the row's ``images`` are the
    absolute paths of the renders shown in its edit-turn user messages, in order.
    """
    out = Path(out_dir)
    rng = random.Random(seed)
    rows = []
    for k in range(n_rows):
        requirement = REQUIREMENTS[k % len(REQUIREMENTS)]
        scene = _room(k)
        records = [TurnRecord(0, reply=f"<create_scene>\n```json\n{_compact(scene)}\n```\n</create_scene>")]
        for step in range(1, edit_turns + 1):
            image = _png(out / "images" / f"scene_{k}_chain_0_step_{step}.png", 97 * k + step, image_size)
            shown = json.loads(json.dumps(scene))
            if step == edit_turns:
                reply = _edit_reply("The layout meets the request.", [{"name": "terminate", "arguments": {"reason": "done"}}])
            else:
                desc, size = PIECES[rng.randrange(len(PIECES))]
                pos = [round(rng.uniform(-1.5, 1.5), 2), 0.0, round(rng.uniform(-2.0, 2.0), 2)]
                reply = _edit_reply(
                    f"The room still lacks a {desc}; it goes at x={pos[0]}, z={pos[2]}.",
                    [{"name": "add_object", "arguments": {"object_description": desc, "size": list(size), "position": pos}}],
                )
                scene["objects"].append({"desc": desc, "size": list(size), "pos": pos, "rot": [0.0, 0.0, 0.0, 1.0]})
            records.append(TurnRecord(step, scene=shown, image=image, reply=reply))
        msgs = [Message("system", DEFAULT_SYSTEM_PROMPT)]
        for rec in records:
            msgs += [user_message(requirement, rec), Message("assistant", rec.reply or "")]
        rows.append(to_swift_row(msgs))
    return rows


def write_jsonl(rows: list[dict[str, Any]], path: str | Path) -> Path:
    """One row per line (UTF-8)."""
    path = Path(path)
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


def read_rows(path: str | Path, limit: int | None = None) -> list[dict[str, Any]]:
    """Rows of an ms-swift JSONL; relative image paths are resolved against the file's folder."""
    path = Path(path)
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as err:
            raise ValueError(f"{path}:{n}: not JSON ({err})") from err
        if not isinstance(row.get("messages"), list):
            raise ValueError(f"{path}:{n}: field 'messages' missing or not a list")
        row["images"] = [str(p) if Path(p).is_absolute() else str(path.parent / p) for p in row.get("images", [])]
        rows.append(row)
        if limit is not None and len(rows) >= limit:
            break
    return rows
