"""parse.py: split a policy reply into <think>, a <create_scene> JSON room or a <tool_calls> list.

The one parser of the model protocol (DESIGN.md section 3), used by the loop, RL and SFT code.
Parsing never raises on model output: every problem becomes a :class:`ToolError`.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from scenerevis.tools.errors import ToolError

_THINK = re.compile(r"<think>(.*?)(?:</think>|$)", re.S)
_FENCE = re.compile(r"```(?:json|JSON)?\s*(.*?)\s*```", re.S)


@dataclass
class ToolCall:
    """One parsed call: ``{"id": "tool_1", "name": "move_object", "arguments": {...}}``."""

    id: str
    name: str
    arguments: dict[str, Any]

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "arguments": self.arguments}


@dataclass
class ParsedReply:
    """What a reply contained. ``kind`` is ``"create_scene"``, ``"tool_calls"`` or ``"invalid"``."""

    kind: str
    think: str | None = None
    scene: dict[str, Any] | None = None
    calls: list[ToolCall] = field(default_factory=list)
    errors: list[ToolError] = field(default_factory=list)


def _block(text: str, tag: str) -> tuple[str | None, ToolError | None]:
    """Content between ``<tag>`` and ``</tag>``; an error when the closing tag is missing."""
    start = text.find(f"<{tag}>")
    if start < 0:
        return None, None
    body_start = start + len(tag) + 2
    end = text.find(f"</{tag}>", body_start)
    if end < 0:
        return None, ToolError("format", f"<{tag}> is not closed by </{tag}> (reply truncated?)")
    return text[body_start:end], None


def _load_json(body: str, what: str) -> tuple[Any, ToolError | None]:
    fence = _FENCE.search(body)
    payload = fence.group(1) if fence else body.strip()
    if not payload:
        return None, ToolError("format", f"{what} is empty")
    try:
        return json.loads(payload), None
    except (json.JSONDecodeError, RecursionError) as err:
        msg = getattr(err, "msg", "too deeply nested")
        pos = f" at line {err.lineno} col {err.colno}" if isinstance(err, json.JSONDecodeError) else ""
        return None, ToolError("format", f"{what} is not valid JSON{pos}: {msg}")


def _parse_calls(data: Any) -> tuple[list[ToolCall], list[ToolError]]:
    if isinstance(data, dict):
        data = [data]
    if not isinstance(data, list):
        return [], [ToolError("format", f"<tool_calls> must hold a JSON list of calls, got {type(data).__name__}")]
    calls: list[ToolCall] = []
    errors: list[ToolError] = []
    for i, raw in enumerate(data):
        default_id = f"tool_{i + 1}"
        if not isinstance(raw, dict):
            errors.append(ToolError("format", f"call #{i + 1} is not an object", default_id))
            continue
        call_id = raw.get("id")
        call_id = str(call_id) if isinstance(call_id, (str, int)) and not isinstance(call_id, bool) else default_id
        fn = raw.get("function") if isinstance(raw.get("function"), dict) else raw  # OpenAI nesting
        name = fn.get("name")
        if not isinstance(name, str) or not name:
            errors.append(ToolError("format", "call has no tool 'name'", call_id))
            continue
        args = fn.get("arguments", {})
        if isinstance(args, str):  # OpenAI sends arguments as a JSON string
            try:
                args = json.loads(args) if args.strip() else {}
            except (json.JSONDecodeError, RecursionError):
                errors.append(ToolError("format", "'arguments' string is not valid JSON", call_id, name))
                continue
        if args is None:
            args = {}
        if not isinstance(args, dict):
            errors.append(ToolError("format", f"'arguments' must be an object, got {type(args).__name__}", call_id, name))
            continue
        calls.append(ToolCall(call_id, name, args))
    return calls, errors


def parse_reply(text: Any) -> ParsedReply:
    """Parse one assistant reply. Never raises; problems are in ``ParsedReply.errors``."""
    if not isinstance(text, str):
        return ParsedReply("invalid", errors=[ToolError("format", f"reply is not text ({type(text).__name__})")])
    m = _THINK.search(text)
    think = m.group(1).strip() if m else None

    body, err = _block(text, "create_scene")
    if err is not None:
        return ParsedReply("invalid", think, errors=[err])
    if body is not None:
        data, err = _load_json(body, "<create_scene> block")
        if err is not None:
            return ParsedReply("invalid", think, errors=[err])
        if not isinstance(data, dict):
            return ParsedReply("invalid", think, errors=[ToolError("format", "<create_scene> must hold a JSON object")])
        return ParsedReply("create_scene", think, scene=data)

    body, err = _block(text, "tool_calls")
    if err is not None:
        return ParsedReply("invalid", think, errors=[err])
    if body is None:
        return ParsedReply("invalid", think, errors=[ToolError("format", "reply has neither <tool_calls> nor <create_scene>")])
    data, err = _load_json(body, "<tool_calls> block")
    if err is not None:
        return ParsedReply("invalid", think, errors=[err])
    calls, errors = _parse_calls(data)
    kind = "invalid" if errors and not calls else "tool_calls"
    return ParsedReply(kind, think, calls=calls, errors=errors)
