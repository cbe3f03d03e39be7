"""box.py: the simple box format (``scenerevis-box/1``) other methods' outputs can be written in, as flat SSR dicts.

The **box format** (``scenerevis-box/1``) is what Holodeck-, LayoutGPT- or ATISS-style outputs are
converted into; one JSON object per scene::

    {"format": "scenerevis-box/1",            optional marker
     "room_type": "bedroom",                  optional, free text ("bedroom", "livingroom", ...)
     "room_id": "scene-0001",                 optional (default: the file name without .json)
     "units": "m",                            optional: "m" (default), "cm" or "mm"; applies to every length
     "floor": [[x, z], [x, z], ...],          floor polygon corners in the XZ plane (>= 3, CW or CCW)
       or "width": W, "depth": D,             a W (along X) x D (along Z) rectangle centred on the origin
     "height": 2.7,                           optional ceiling height (default 2.7 m)
     "objects": [
       {"category": "double_bed",             required: category or free-text description
        "description": "queen bed ...",       optional (default: the category, "_" -> " ")
        "size": [w, h, d],                    extents along the object's own X (width), Y (height),
                                              Z (depth; its front faces its own +Z), > 0
        "position": [x, y, z],                bottom-centre of the box, world frame (floor at y = 0)
          or "position": [x, z],              bottom-centre on the floor (y = 0)
          or "center": [x, y, z],             centre of the box (bottom = y - h / 2)
        "yaw_deg": 90,                        optional rotation about +Y in degrees (default 0);
          or "yaw_rad": 1.5708,               the same in radians; never both
        "id": "bed_1", "jid": "...", "uid": "..."}]}   optional, kept

Frame and yaw follow DESIGN.md section 2: metres, Y up, floor plane XZ; yaw 0 faces +Z, +90 deg faces
+X, 180 faces -Z, -90 (= 270) faces -X (quaternion ``[0, sin(yaw/2), 0, cos(yaw/2)]``). A box format
file is recognised by the marker, or by having ``floor`` / ``width`` and no ``bounds_bottom`` /
``room_envelope``. Errors are one line naming the file and the field
(:class:`scenerevis.scene.validate.SceneFormatError`).
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

from scenerevis.scene.rotation import yaw_to_quat
from scenerevis.scene.validate import SceneFormatError, as_polygon, as_vector

BOX_FORMAT = "scenerevis-box/1"
#: Length unit name -> metres per unit.
UNITS = {"m": 1.0, "cm": 0.01, "mm": 0.001}
#: Ceiling height (m) of box-format rooms that give none.
DEFAULT_HEIGHT = 2.7


def is_box_format(data: Any) -> bool:
    """Whether a parsed JSON value is a box-format scene (see the module docstring)."""
    if not isinstance(data, dict):
        return False
    if data.get("format") == BOX_FORMAT:
        return True
    return ("floor" in data or "width" in data) and "bounds_bottom" not in data and "room_envelope" not in data


def _number(value: Any, source: str, field: str, positive: bool = False) -> float:
    """``value`` as one finite float (> 0 when ``positive``), else a one-line SceneFormatError."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise SceneFormatError(source, field, f"expected a number, got {value!r}")
    if not math.isfinite(value) or (positive and value <= 0):
        raise SceneFormatError(source, field, f"must be {'> 0' if positive else 'finite'}, got {value!r}")
    return float(value)


def _box_object(raw: Any, i: int, scale: float, source: str) -> dict[str, Any]:
    field = f"objects[{i}]"
    if not isinstance(raw, dict):
        raise SceneFormatError(source, field, f"expected an object dict, got {type(raw).__name__}")
    cat, desc = raw.get("category"), raw.get("description", raw.get("desc"))
    for key, val in (("category", cat), ("description", desc)):
        if val is not None and not isinstance(val, str):
            raise SceneFormatError(source, f"{field}.{key}", f"expected a string, got {val!r}")
    if not (cat or desc):
        raise SceneFormatError(source, f"{field}.category", "missing (give a category or a description)")
    if "size" not in raw:
        raise SceneFormatError(source, f"{field}.size", "missing")
    size = [scale * v for v in as_vector(raw["size"], 3, source, f"{field}.size", positive=True)]
    if ("position" in raw) == ("center" in raw):
        raise SceneFormatError(source, f"{field}.position", "give exactly one of 'position' (bottom-centre) or 'center'")
    if "center" in raw:
        cx, cy, cz = (scale * v for v in as_vector(raw["center"], 3, source, f"{field}.center"))
        pos = [cx, cy - size[1] / 2.0, cz]
    else:
        p = raw["position"]
        n = 2 if isinstance(p, (list, tuple)) and len(p) == 2 else 3
        vals = [scale * v for v in as_vector(p, n, source, f"{field}.position")]
        pos = [vals[0], 0.0, vals[1]] if n == 2 else vals
    if "yaw_deg" in raw and "yaw_rad" in raw:
        raise SceneFormatError(source, f"{field}.yaw_deg", "give yaw_deg or yaw_rad, not both")
    if "yaw_rad" in raw:
        yaw = _number(raw["yaw_rad"], source, f"{field}.yaw_rad")
    else:
        yaw = math.radians(_number(raw.get("yaw_deg", 0.0), source, f"{field}.yaw_deg"))
    out: dict[str, Any] = {
        "desc": desc or cat.replace("_", " "),
        "size": size,
        "pos": pos,
        "rot": list(yaw_to_quat(yaw)),
    }
    if cat:
        out["category"] = cat
    for key in ("id", "jid", "uid"):
        if raw.get(key) is not None:
            out[key] = raw[key]
    return out


def box_to_flat(data: Any, source: str = "<box>") -> dict[str, Any]:
    """The flat SSR dict of a parsed box-format scene (validated; see the module docstring)."""
    if not isinstance(data, dict):
        raise SceneFormatError(source, "<root>", f"expected a JSON object, got {type(data).__name__}")
    units = data.get("units", "m")
    if units not in UNITS:
        raise SceneFormatError(source, "units", f"expected one of {sorted(UNITS)}, got {units!r}")
    scale = UNITS[units]
    if "floor" in data:
        floor = data["floor"]
        if not isinstance(floor, (list, tuple)):
            raise SceneFormatError(source, "floor", f"expected a list of [x, z] corners, got {floor!r}")
        xz = [[scale * v for v in as_vector(c, 2, source, f"floor[{k}]")] for k, c in enumerate(floor)]
    elif "width" in data:
        if "depth" not in data:
            raise SceneFormatError(source, "depth", "missing (a rectangular room needs width and depth)")
        w = scale * _number(data["width"], source, "width", positive=True) / 2.0
        d = scale * _number(data["depth"], source, "depth", positive=True) / 2.0
        xz = [[-w, -d], [w, -d], [w, d], [-w, d]]
    else:
        raise SceneFormatError(source, "floor", "missing (give 'floor' corners or 'width' and 'depth')")
    height = scale * _number(data["height"], source, "height", positive=True) if "height" in data else DEFAULT_HEIGHT
    bottom = [[x, 0.0, z] for x, z in xz]
    as_polygon(bottom, source, "floor")
    raw_objs = data.get("objects", [])
    if not isinstance(raw_objs, list):
        raise SceneFormatError(source, "objects", "expected a list")
    for key in ("room_type", "room_id"):
        if data.get(key) is not None and not isinstance(data[key], str):
            raise SceneFormatError(source, key, f"expected a string, got {data[key]!r}")
    return {
        "room_type": data.get("room_type") or "",
        "room_id": data.get("room_id") or Path(source).stem,
        "bounds_bottom": bottom,
        "bounds_top": [[x, height, z] for x, z in xz],
        "objects": [_box_object(o, i, scale, source) for i, o in enumerate(raw_objs)],
    }
