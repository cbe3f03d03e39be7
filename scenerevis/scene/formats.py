"""formats.py: read and write the flat SSR scene JSON and the grouped variant (DESIGN.md section 2).

The one copy of every format rule: flat <-> grouped conversion, ReSpace key aliases, id assignment.
Reading auto-detects the variant; errors are :class:`SceneFormatError` naming file and field.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import numpy as np

from scenerevis.fileio import atomic_write_json
from scenerevis.scene.ids import make_instance_id
from scenerevis.scene.model import GroupInfo, Scene, SceneObject
from scenerevis.scene.validate import (
    SceneFormatError,
    as_polygon,
    as_quaternion,
    as_vector,
    check_bounds_pair,
)

#: Our object keys; everything else on an object is kept in ``SceneObject.extra``.
_OBJECT_KEYS = {"id", "desc", "size", "pos", "rot", "jid", "uid", "asset_source", "retrieved_size", "group_name"}
#: ReSpace spellings -> ours. ``sampled_asset_*`` describe the asset actually placed.
_ALIASES = {"sampled_asset_jid": "jid", "sampled_asset_size": "retrieved_size", "sampled_asset_desc": "asset_desc"}
#: Group name given on write to objects without one; read back as "no group".
UNGROUPED = "ungrouped"
_ROOM_KEYS = {"room_type", "room_id", "bounds_bottom", "bounds_top", "objects", "room_envelope", "groups"}


def detect_format(data: dict) -> str:
    """``"grouped"`` when the dict has ``groups``/``room_envelope``, else ``"flat"``."""
    return "grouped" if ("groups" in data and "objects" not in data) or "room_envelope" in data else "flat"


# ---------------------------------------------------------------------------------------- reading
def _parse_object(raw: Any, source: str, field: str, group: str | None) -> SceneObject:
    if not isinstance(raw, dict):
        raise SceneFormatError(source, field, f"expected an object dict, got {type(raw).__name__}")
    d = dict(raw)
    extra: dict[str, Any] = {}
    for alias, ours in _ALIASES.items():
        if alias in d:
            value = d.pop(alias)
            if ours in d and ours != "asset_desc":
                extra[f"source_{ours}"] = d[ours]  # e.g. ReSpace's ground-truth jid beside the sampled one
            if ours == "asset_desc":
                extra[alias] = value
            else:
                d[ours] = value
    for key in ("size", "pos"):
        if key not in d:
            raise SceneFormatError(source, f"{field}.{key}", "missing")
    desc = d.get("desc", d.get("description", ""))
    if "description" in d and "desc" not in d:
        d.pop("description")
    if not isinstance(desc, str):
        raise SceneFormatError(source, f"{field}.desc", f"expected a string, got {type(desc).__name__}")
    rot = d.get("rot", [0.0, 0.0, 0.0, 1.0])
    retrieved = d.get("retrieved_size")
    for key in ("id", "jid", "uid", "asset_source", "group_name"):
        if d.get(key) is not None and not isinstance(d[key], str):
            raise SceneFormatError(source, f"{field}.{key}", f"expected a string, got {d[key]!r}")
    obj = SceneObject(
        id=d.get("id") or "",
        desc=desc,
        size=as_vector(d["size"], 3, source, f"{field}.size", positive=True),  # type: ignore[arg-type]
        pos=as_vector(d["pos"], 3, source, f"{field}.pos"),  # type: ignore[arg-type]
        rot=as_quaternion(rot, source, f"{field}.rot"),
        jid=d.get("jid"),
        uid=d.get("uid"),
        asset_source=d.get("asset_source"),
        retrieved_size=(
            as_vector(retrieved, 3, source, f"{field}.retrieved_size", positive=True)  # type: ignore[arg-type]
            if retrieved is not None
            else None
        ),
        group_name=group if group is not None else d.get("group_name"),
    )
    extra.update({k: v for k, v in d.items() if k not in _OBJECT_KEYS and k != "description"})
    obj.extra = extra
    return obj


def _assign_ids(objects: list[SceneObject], source: str) -> None:
    seen: set[str] = set()
    for i, o in enumerate(objects):
        if o.id:
            if o.id in seen:
                raise SceneFormatError(source, f"objects[{i}].id", f"duplicate instance id {o.id!r}")
            seen.add(o.id)
    for o in objects:
        if not o.id:
            o.id = make_instance_id(o.desc, seen)
            seen.add(o.id)


def scene_from_dict(data: Any, source: str = "<scene>") -> Scene:
    """Build a :class:`Scene` from a parsed flat or grouped JSON dict, validating every field."""
    if not isinstance(data, dict):
        raise SceneFormatError(source, "<root>", f"expected a JSON object, got {type(data).__name__}")
    fmt = detect_format(data)
    if fmt == "grouped":
        env = data.get("room_envelope", data)
        if not isinstance(env, dict):
            raise SceneFormatError(source, "room_envelope", "expected an object")
        bounds_src, prefix = env, "room_envelope."
    else:
        bounds_src, prefix = data, ""
    for key in ("bounds_bottom", "bounds_top"):
        if key not in bounds_src:
            raise SceneFormatError(source, prefix + key, "missing")
    bottom = as_polygon(bounds_src["bounds_bottom"], source, prefix + "bounds_bottom")
    top = as_polygon(bounds_src["bounds_top"], source, prefix + "bounds_top")
    check_bounds_pair(bottom, top, source, prefix + "bounds_top")

    objects: list[SceneObject] = []
    groups: dict[str, GroupInfo] = {}
    if fmt == "grouped":
        raw_groups = data.get("groups", [])
        if not isinstance(raw_groups, list):
            raise SceneFormatError(source, "groups", "expected a list")
        for gi, g in enumerate(raw_groups):
            if not isinstance(g, dict):
                raise SceneFormatError(source, f"groups[{gi}]", "expected an object")
            name = g.get("group_name", f"group_{gi}")
            if not isinstance(name, str):
                raise SceneFormatError(source, f"groups[{gi}].group_name", "expected a string")
            raw_objs = g.get("objects", [])
            if not isinstance(raw_objs, list):
                raise SceneFormatError(source, f"groups[{gi}].objects", "expected a list")
            member = None if g.get("group_type") == UNGROUPED else name
            meta = {k: v for k, v in g.items() if k not in ("group_name", "objects")}
            if member is not None and any(v not in ("", None) for v in meta.values()):
                groups[name] = GroupInfo(
                    group_type=str(g.get("group_type", "")),
                    description=str(g.get("description", "")),
                    extra={k: v for k, v in g.items() if k not in ("group_name", "group_type", "description", "objects")},
                )
            for oi, o in enumerate(raw_objs):
                objects.append(_parse_object(o, source, f"groups[{gi}].objects[{oi}]", member))
    else:
        raw_objs = data.get("objects", [])
        if not isinstance(raw_objs, list):
            raise SceneFormatError(source, "objects", "expected a list")
        objects = [_parse_object(o, source, f"objects[{i}]", None) for i, o in enumerate(raw_objs)]
        for meta in data.get("groups_meta", []) or []:
            if isinstance(meta, dict) and isinstance(meta.get("group_name"), str):
                groups[meta["group_name"]] = GroupInfo(str(meta.get("group_type", "")), str(meta.get("description", "")))
    _assign_ids(objects, source)
    room_type = data.get("room_type", "")
    room_id = data.get("room_id", "")
    extra = {k: v for k, v in data.items() if k not in _ROOM_KEYS and k != "groups_meta"}
    return Scene(
        room_type=str(room_type) if room_type is not None else "",
        room_id=str(room_id) if room_id is not None else "",
        bounds_bottom=bottom,
        bounds_top=top,
        objects=objects,
        groups=groups,
        extra=extra,
    )


def read_json_file(path: str | os.PathLike) -> Any:
    """Parsed JSON of a scene file; unreadable files and bad JSON become one-line SceneFormatErrors."""
    source = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as err:
        raise SceneFormatError(source, "<file>", f"cannot read: {err.strerror or err}") from err
    try:
        return json.loads(text)
    except json.JSONDecodeError as err:
        raise SceneFormatError(source, "<json>", f"invalid JSON at line {err.lineno} col {err.colno}: {err.msg}") from err


def load_scene(path: str | os.PathLike) -> Scene:
    """Read a flat or grouped scene JSON file (format auto-detected)."""
    return scene_from_dict(read_json_file(path), str(path))


# ---------------------------------------------------------------------------------------- writing
def _r(values, nd: int = 6) -> list[float]:
    return [round(float(v), nd) for v in values]


def object_to_dict(o: SceneObject, with_group: bool = True) -> dict[str, Any]:
    """Flat JSON dict of one object (our keys first, then the preserved extras)."""
    d: dict[str, Any] = {"id": o.id, "desc": o.desc, "size": _r(o.size), "pos": _r(o.pos), "rot": _r(o.rot)}
    for key in ("jid", "uid", "asset_source"):
        if getattr(o, key) is not None:
            d[key] = getattr(o, key)
    if o.retrieved_size is not None:
        d["retrieved_size"] = _r(o.retrieved_size)
    if with_group and o.group_name is not None:
        d["group_name"] = o.group_name
    d.update(o.extra)
    return d


def scene_to_flat(scene: Scene) -> dict[str, Any]:
    """The flat SSR dict (``objects`` list; group names kept per object)."""
    out: dict[str, Any] = {
        "room_type": scene.room_type,
        "room_id": scene.room_id,
        "bounds_bottom": [_r(c) for c in scene.bounds_bottom],
        "bounds_top": [_r(c) for c in scene.bounds_top],
        "objects": [object_to_dict(o) for o in scene.objects],
    }
    if scene.groups:
        out["groups_meta"] = [
            {"group_name": n, "group_type": g.group_type, "description": g.description} for n, g in scene.groups.items()
        ]
    out.update(scene.extra)
    return out


def scene_to_grouped(scene: Scene) -> dict[str, Any]:
    """The grouped dict: ``room_envelope`` + ``groups`` in order of first appearance.

    Objects without a group go into one group named ``"ungrouped"`` with ``group_type``
    ``"ungrouped"``, which reads back as "no group" so flat -> grouped -> flat is lossless.
    """
    order: list[str | None] = []
    for name in scene.groups:
        order.append(name)
    for o in scene.objects:
        if o.group_name not in order:
            order.append(o.group_name)
    groups = []
    for name in order:
        members = [object_to_dict(o, with_group=False) for o in scene.objects if o.group_name == name]
        if name is None:
            if members:
                groups.append({"group_name": UNGROUPED, "group_type": UNGROUPED, "description": "", "objects": members})
            continue
        info = scene.groups.get(name, GroupInfo())
        groups.append(
            {"group_name": name, "group_type": info.group_type, "description": info.description, **info.extra, "objects": members}
        )
    out: dict[str, Any] = {
        "room_type": scene.room_type,
        "room_id": scene.room_id,
        "room_envelope": {
            "bounds_top": [_r(c) for c in scene.bounds_top],
            "bounds_bottom": [_r(c) for c in scene.bounds_bottom],
        },
        "groups": groups,
    }
    out.update(scene.extra)
    return out


def scene_to_dict(scene: Scene, fmt: str = "flat") -> dict[str, Any]:
    """``fmt`` is ``"flat"`` or ``"grouped"``."""
    if fmt == "flat":
        return scene_to_flat(scene)
    if fmt == "grouped":
        return scene_to_grouped(scene)
    raise ValueError(f"unknown scene format {fmt!r}; expected 'flat' or 'grouped'")


def save_scene(scene: Scene, path: str | os.PathLike, fmt: str = "flat") -> Path:
    """Write ``scene`` as JSON atomically."""
    return atomic_write_json(path, scene_to_dict(scene, fmt))


def make_room(
    corners_xz, height: float = 2.7, room_type: str = "", room_id: str = "", objects: list[SceneObject] | None = None
) -> Scene:
    """A scene from floor corners ``(n, 2)`` in XZ (metres) and a ceiling height (metres)."""
    xz = np.asarray(corners_xz, dtype=float)
    bottom = np.column_stack([xz[:, 0], np.zeros(len(xz)), xz[:, 1]])
    top = bottom.copy()
    top[:, 1] = height
    scene = Scene(room_type, room_id, bottom, top, [])
    for o in objects or []:
        if not o.id:
            o.id = scene.new_id(o.desc)
        scene.objects.append(o)
    return scene
