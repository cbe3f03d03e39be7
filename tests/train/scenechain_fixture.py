"""A small folder in SceneChain-12K's layout, written by the tests: objects without instance ids,
new objects with jid "<NEED_RETRIVEAL>", replies that name objects by jid, one image per edit turn."""

from __future__ import annotations

import copy
import json
from pathlib import Path

from PIL import Image

SYSTEM = "You design rooms."
REQ = "A small bedroom with a bed and a nightstand."
ROOM = {
    "room_type": "bedroom",
    "room_id": "SCN-1",
    "bounds_bottom": [[-2.0, 0.0, -2.0], [2.0, 0.0, -2.0], [2.0, 0.0, 2.0], [-2.0, 0.0, 2.0]],
    "bounds_top": [[-2.0, 2.7, -2.0], [2.0, 2.7, -2.0], [2.0, 2.7, 2.0], [-2.0, 2.7, 2.0]],
}
BED = {"desc": "queen bed", "size": [1.6, 1.0, 2.1], "pos": [0.0, 0.0, -0.9], "rot": [0.0, 0.0, 0.0, 1.0], "jid": "bed-jid-1"}
STAND = {"desc": "nightstand", "size": [0.5, 0.55, 0.4], "pos": [1.2, 0.0, -1.7], "rot": [0.0, 0.0, 0.0, 1.0]}


def _scene(*objs) -> dict:
    return {**ROOM, "objects": [dict(o) for o in objs]}


def _user(scene: dict) -> str:
    return f"<image>\n{REQ}\n\n<current_scene>\n```json\n{json.dumps(scene)}\n```\n</current_scene>"


def _reply(calls: list[dict], think: str = "Plan.") -> str:
    items = [{"id": f"tool_{i + 1}", "name": c["name"], "arguments": c["arguments"]} for i, c in enumerate(calls)]
    return f"<think>\n{think}\n</think>\n\n<tool_calls>\n{json.dumps(items)}\n</tool_calls>"


def good_row(n: int) -> dict:
    """Empty room -> add a bed (misplaced) -> move it by its placeholder jid -> add a nightstand -> terminate."""
    bed_off = dict(BED, pos=[0.3, 0.0, -0.5])
    create = f"<create_scene>\n```json\n{json.dumps({**ROOM, 'objects': []})}\n```\n</create_scene>"
    s0 = _scene()
    msgs = [
        {"role": "system", "content": SYSTEM},
        {"role": "user", "content": REQ},
        {"role": "assistant", "content": create},
        {"role": "user", "content": _user(s0)},
        {
            "role": "assistant",
            "content": _reply(
                [
                    {
                        "name": "add_object",
                        "arguments": {
                            "object_description": "queen bed",
                            "position": [0.3, 0.0, -0.5],
                            "rotation": [0, 0, 0, 1],
                            "size": [1.6, 1.0, 2.1],
                        },
                    }
                ]
            ),
        },
        {"role": "user", "content": _user(_scene(dict(bed_off, jid="<NEED_RETRIVEAL>")))},
        {
            "role": "assistant",
            "content": _reply(
                [{"name": "move_object", "arguments": {"jid": "<NEED_RETRIVEAL>", "new_position": [0.0, 0.0, -0.9]}}]
            ),
        },
        {"role": "user", "content": _user(_scene(dict(BED, jid="<NEED_RETRIVEAL>")))},
        {
            "role": "assistant",
            "content": _reply(
                [
                    {
                        "name": "add_object",
                        "arguments": {
                            "object_description": "nightstand",
                            "position": [1.2, 0.0, -1.7],
                            "rotation": [0, 0, 0, 1],
                            "size": [0.5, 0.55, 0.4],
                        },
                    }
                ]
            ),
        },
        {"role": "user", "content": _user(_scene(dict(BED, jid="<NEED_RETRIVEAL>"), dict(STAND, jid="<NEED_RETRIVEAL>")))},
        {"role": "assistant", "content": _reply([{"name": "terminate", "arguments": {"reason": "done"}}])},
    ]
    images = [f"images/scene_{n}_chain_0_step_{k}.png" for k in range(4)]
    final = _scene(dict(BED, jid="<NEED_RETRIVEAL>"), dict(STAND, jid="<NEED_RETRIVEAL>"))
    meta = {
        "scene_id": f"scene{n}",
        "conversation_type": "multi_turn",
        "chain_id": 0,
        "total_turns": 4,
        "final_scene": final,
        "global_user_instruction": REQ,
        "generation_method": "reverse_engineering",
    }
    return {"id": f"multi_turn_edit_{n}", "messages": msgs, "images": images, "metadata": meta}


def defects() -> dict[str, tuple[dict, str]]:
    """Bad rows by defect name -> (row, a phrase its rejection reason contains)."""
    out = {}

    r = good_row(10)
    r["messages"][3], r["messages"][4] = r["messages"][4], r["messages"][3]
    out["roles"] = (r, "roles")

    r = good_row(11)
    r["images"] = r["images"][:-1]
    out["image_count"] = (r, "<image> tags but 3 images")

    r = good_row(12)
    r["images"][2] = "images/missing.png"
    out["missing_file"] = (r, "file not found: images/missing.png")

    r = good_row(13)
    r["messages"][6]["content"] = '<tool_calls>\n[{"name": "move_object", "arguments": \n</tool_calls>'
    out["unparsable"] = (r, "turn 2: reply does not parse")

    r = good_row(14)
    r["messages"][6]["content"] = _reply(
        [{"name": "move_object", "arguments": {"jid": "<NEED_RETRIVEAL>", "new_position": [0.5, 0.0, -0.9]}}]
    )
    out["replay_mismatch"] = (r, "turn 2: replaying the calls does not give the scene shown at turn 3")

    r = good_row(15)
    r["messages"][6]["content"] = _reply([{"name": "remove_object", "arguments": {"jid": "sofa-404"}}])
    out["unknown_object"] = (r, "turn 2: call does not replay")

    r = good_row(16)
    r["messages"][-1]["content"] = _reply([{"name": "move_object", "arguments": {"jid": "bed-jid-1", "new_position": [0, 0, 0]}}])
    out["no_terminate"] = (r, "single terminate")

    r = good_row(17)
    r["metadata"]["final_scene"] = _scene(BED)
    out["final_scene"] = (r, "metadata.final_scene differs")

    r = good_row(18)
    r["messages"][2]["content"] = "I made a room."
    out["no_create_scene"] = (r, "turn 0: the first reply must be a <create_scene>")
    return out


def write_folder(root: Path, n_good: int = 3) -> dict[str, str]:
    """Write ``root/data.jsonl`` (good rows, each defect, one bad JSON line) and its images; returns
    {row id: expected reason phrase} of the bad rows."""
    (root / "images").mkdir(parents=True, exist_ok=True)
    rows = [good_row(i) for i in range(n_good)]
    bad = defects()
    rows += [copy.deepcopy(r) for r, _ in bad.values()]
    for r in rows:
        for p in r["images"]:
            if "missing" not in p:
                Image.new("RGB", (54, 28), (200, 190, 175)).save(root / p)
    lines = [json.dumps(r) for r in rows] + ['{"id": "broken", "messages": [']
    (root / "data.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return {r["id"]: why for r, why in bad.values()}
