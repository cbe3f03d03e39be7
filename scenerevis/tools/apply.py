"""apply.py: apply parsed tool calls, in order, to a scene; bad calls are skipped with a ToolError.

Each call acts on the result of the previous one. Nothing here raises on model output: unknown tool,
missing or mistyped argument, unknown or ambiguous object reference all become errors whose
one-line messages go into the next turn's feedback.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from scenerevis.scene.model import Scene, SceneObject
from scenerevis.tools.errors import ToolError
from scenerevis.tools.parse import ToolCall
from scenerevis.tools.specs import TOOLS

#: Sanity limits on tool arguments (metres): beyond these a value is a model error, not a room.
MAX_ABS_COORD = 1000.0
MAX_SIZE = 100.0


class _CallError(Exception):
    def __init__(self, kind: str, message: str):
        super().__init__(message)
        self.kind = kind


@dataclass
class CallResult:
    """Outcome of one call: ``ok`` with a one-line ``message``, or the error."""

    call: ToolCall
    ok: bool
    message: str
    error: ToolError | None = None
    object_id: str | None = None


@dataclass
class ApplyResult:
    """The edited scene and what happened.

    ``needs_asset`` holds the instance ids of objects added or replaced in this batch (they need
    retrieval); ``terminated`` is True when a ``terminate`` call was applied.
    """

    scene: Scene
    results: list[CallResult] = field(default_factory=list)
    terminated: bool = False
    terminate_reason: str | None = None
    needs_asset: list[str] = field(default_factory=list)

    @property
    def errors(self) -> list[ToolError]:
        return [r.error for r in self.results if r.error is not None]


def _number_list(args: dict, name: str, n: int, positive: bool = False, limit: float = MAX_ABS_COORD) -> tuple[float, ...]:
    if name not in args:
        raise _CallError("missing_argument", f"missing argument '{name}'")
    value = args[name]
    if not isinstance(value, (list, tuple)) or len(value) != n:
        raise _CallError("bad_argument", f"'{name}' must be a list of {n} numbers, got {_short(value)}")
    out = []
    for v in value:
        if isinstance(v, bool) or not isinstance(v, (int, float)):
            raise _CallError("bad_argument", f"'{name}' must be a list of {n} numbers, got {_short(value)}")
        f = float(v)
        if not math.isfinite(f) or abs(f) > limit:
            raise _CallError("bad_argument", f"'{name}' values must be finite and within +-{limit:g}, got {_short(value)}")
        if positive and f <= 0:
            raise _CallError("bad_argument", f"'{name}' values must be > 0, got {_short(value)}")
        out.append(f)
    return tuple(out)


def _quaternion(args: dict, name: str) -> tuple[float, float, float, float]:
    q = _number_list(args, name, 4, limit=1e6)
    norm = math.sqrt(sum(c * c for c in q))
    if norm < 1e-8:
        raise _CallError("bad_argument", f"'{name}' is a zero quaternion")
    return tuple(c / norm for c in q)  # type: ignore[return-value]


def _text(args: dict, name: str) -> str:
    if name not in args:
        raise _CallError("missing_argument", f"missing argument '{name}'")
    value = args[name]
    if not isinstance(value, str) or not value.strip():
        raise _CallError("bad_argument", f"'{name}' must be a non-empty string, got {_short(value)}")
    return value.strip()


def _short(value: Any, limit: int = 60) -> str:
    try:
        text = repr(value)
    except Exception:  # pragma: no cover - repr of plain JSON values does not fail
        text = "<unprintable>"
    return text if len(text) <= limit else text[: limit - 3] + "..."


def resolve_reference(scene: Scene, key: Any) -> SceneObject:
    """The one object that ``key`` names: an exact instance id, else a unique jid, else a unique uid.

    Raises ``_CallError`` (``unknown_object`` / ``ambiguous_object``) with the candidates listed.
    """
    if not isinstance(key, str) or not key:
        raise _CallError("bad_argument", f"object reference must be a non-empty string, got {_short(key)}")
    hits = [o for o in scene.objects if o.id == key]
    if len(hits) == 1:
        return hits[0]
    for field_name in ("jid", "uid"):
        hits = [o for o in scene.objects if getattr(o, field_name) == key]
        if len(hits) == 1:
            return hits[0]
        if len(hits) > 1:
            ids = ", ".join(o.id for o in hits)
            raise _CallError("ambiguous_object", f"{field_name} {key!r} matches {len(hits)} objects ({ids}); use one instance id")
    known = ", ".join(o.id for o in scene.objects[:30]) or "none"
    raise _CallError("unknown_object", f"unknown object {_short(key)} (instance ids: {known})")


def _target(scene: Scene, args: dict, ref_args: tuple[str, ...]) -> SceneObject:
    for name in ref_args:
        if name in args:
            return resolve_reference(scene, args[name])
    raise _CallError("missing_argument", f"missing argument '{ref_args[0]}' (the object to edit)")


def _apply_one(scene: Scene, call: ToolCall, out: ApplyResult) -> tuple[str, str | None]:
    spec = TOOLS.get(call.name)
    if spec is None:
        raise _CallError("unknown_tool", f"unknown tool {_short(call.name)}; known tools: {', '.join(TOOLS)}")
    a = call.arguments
    if call.name == "add_object":
        desc = _text(a, "object_description")
        pos = _number_list(a, "position", 3)
        rot = _quaternion(a, "rotation")
        size = _number_list(a, "size", 3, positive=True, limit=MAX_SIZE)
        group = a.get("group_name")
        if group is not None and not isinstance(group, str):
            raise _CallError("bad_argument", f"'group_name' must be a string, got {_short(group)}")
        obj = SceneObject(id=scene.new_id(desc), desc=desc, size=size, pos=pos, rot=rot, group_name=group or None)  # type: ignore[arg-type]
        scene.objects.append(obj)
        out.needs_asset.append(obj.id)
        return f"added {obj.id} ({desc})", obj.id
    if call.name == "terminate":
        reason = a.get("reason", "")
        out.terminated = True
        out.terminate_reason = reason if isinstance(reason, str) else _short(reason)
        return "terminated", None
    obj = _target(scene, a, spec.ref_args)
    if call.name == "remove_object":
        scene.objects = [o for o in scene.objects if o is not obj]
        if obj.id in out.needs_asset:
            out.needs_asset.remove(obj.id)
        return f"removed {obj.id}", obj.id
    if call.name == "move_object":
        obj.pos = _number_list(a, "new_position", 3)  # type: ignore[assignment]
        return f"moved {obj.id} to {list(obj.pos)}", obj.id
    if call.name == "rotate_object":
        obj.rot = _quaternion(a, "new_rotation")
        return f"rotated {obj.id}", obj.id
    if call.name == "scale_object":
        obj.size = _number_list(a, "new_size", 3, positive=True, limit=MAX_SIZE)  # type: ignore[assignment]
        return f"resized {obj.id} to {list(obj.size)}", obj.id
    # replace_object: keep pos/rot/size/id, new description, asset re-retrieved.
    desc = _text(a, "new_object_description")
    obj.desc = desc
    obj.jid = obj.uid = obj.asset_source = None
    obj.retrieved_size = None
    if obj.id not in out.needs_asset:
        out.needs_asset.append(obj.id)
    return f"replaced {obj.id} with '{desc}'", obj.id


def apply_tool_calls(scene: Scene, calls: list[ToolCall], copy: bool = True) -> ApplyResult:
    """Apply ``calls`` in order to ``scene`` (to a deep copy when ``copy``); stop after ``terminate``.

    Calls after a ``terminate`` are skipped with an error so the policy learns to end its list there.
    """
    work = scene.copy() if copy else scene
    out = ApplyResult(work)
    for call in calls:
        if out.terminated:
            err = ToolError("bad_argument", "call after terminate was ignored", call.id, call.name)
            out.results.append(CallResult(call, False, err.message, err))
            continue
        try:
            message, obj_id = _apply_one(work, call, out)
            out.results.append(CallResult(call, True, message, object_id=obj_id))
        except _CallError as err:
            tool_error = ToolError(err.kind, str(err), call.id, call.name)
            out.results.append(CallResult(call, False, tool_error.message, tool_error))
    return out
