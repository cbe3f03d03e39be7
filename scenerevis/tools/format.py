"""format.py: write replies in the model protocol (<think>, <create_scene>, <tool_calls>).

Used by the built-in policy and the training-data builders, so their text parses with
:func:`scenerevis.tools.parse.parse_reply` exactly like a model's.
"""

from __future__ import annotations

import json
from typing import Any

from scenerevis.tools.parse import ToolCall


def format_create_scene(scene_dict: dict[str, Any], think: str | None = None, indent: int | None = 2) -> str:
    """``<create_scene>`` + fenced JSON + ``</create_scene>`` (optionally after a think block).

    ``indent=None`` writes compact JSON (shorter training replies).
    """
    head = f"<think>{think}</think>\n" if think else ""
    return f"{head}<create_scene>\n```json\n{json.dumps(scene_dict, indent=indent)}\n```\n</create_scene>"


def format_tool_calls(calls: list[ToolCall | dict[str, Any]], think: str = "", indent: int | None = 2) -> str:
    """``<think>...</think>`` then ``<tool_calls>`` + JSON list + ``</tool_calls>``; ids default to tool_k.

    ``indent=None`` writes compact JSON (shorter training replies).
    """
    items = []
    for i, c in enumerate(calls):
        d = c.to_dict() if isinstance(c, ToolCall) else dict(c)
        d.setdefault("id", f"tool_{i + 1}")
        items.append({"id": d["id"], "name": d["name"], "arguments": d.get("arguments", {})})
    return f"<think>{think}</think>\n<tool_calls>\n{json.dumps(items, indent=indent)}\n</tool_calls>"
