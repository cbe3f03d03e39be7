"""importers.py: read other methods' scene outputs (flat/grouped/ReSpace SSR JSON, or the simple box format) as Scenes.

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
``room_envelope``. Everything else goes to the project's SSR loader
(:func:`scenerevis.scene.formats.scene_from_dict`: flat, grouped, ReSpace keys). Errors are one line
naming the file and the field (:class:`scenerevis.scene.validate.SceneFormatError`).

Converter: ``python -m scenerevis.eval.importers convert IN [IN ...] --to OUT_DIR`` writes each input
file (or every ``*.json`` under an input folder, recursively) as a flat SSR scene ``OUT_DIR/<name>.json``;
a file that fails is reported in one line and the others are still converted (exit status 1).
"""

from __future__ import annotations

import argparse
import math
import os
import sys
from pathlib import Path
from typing import Any

from scenerevis.scene.formats import read_json_file, save_scene, scene_from_dict
from scenerevis.scene.model import Scene
from scenerevis.scene.rotation import yaw_to_quat
from scenerevis.scene.validate import SceneFormatError, as_polygon, as_vector

BOX_FORMAT = "scenerevis-box/1"
#: Length unit name -> metres per unit.
UNITS = {"m": 1.0, "cm": 0.01, "mm": 0.001}
#: Ceiling height (m) of box-format rooms that give none.
DEFAULT_HEIGHT = 2.7
#: Scene formats a loader can be told to expect ("ours"/"respace" are SSR JSON, auto-detected).
SCENE_FORMATS = ("auto", "ours", "respace", "box")


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


def scene_from_any(data: Any, source: str = "<scene>", fmt: str = "auto") -> Scene:
    """A Scene from a parsed JSON value in any supported format (``fmt`` one of :data:`SCENE_FORMATS`)."""
    if fmt not in SCENE_FORMATS:
        raise ValueError(f"unknown scene format {fmt!r}; expected one of {SCENE_FORMATS}")
    if fmt == "box" or (fmt == "auto" and is_box_format(data)):
        data = box_to_flat(data, source)
    return scene_from_dict(data, source)


def load_any_scene(path: str | os.PathLike, fmt: str = "auto") -> Scene:
    """Read a scene file in any supported format (auto-detected unless ``fmt`` says ``"box"``).

    The hook the folder evaluators call, so flat, grouped, ReSpace and box files all evaluate.
    """
    source = str(path)
    data = read_json_file(path)
    return scene_from_any(data, source, fmt)


def convert_files(
    inputs: list[str | os.PathLike], out_dir: str | os.PathLike, fmt: str = "auto"
) -> tuple[list[Path], dict[str, str]]:
    """Convert scene files (or every ``*.json`` of folders) to flat SSR files in ``out_dir``.

    Returns the written paths and ``{input path: one-line error}`` of the files that failed.
    """
    files: list[Path] = []
    for item in inputs:
        p = Path(item)
        files.extend(sorted(q for q in p.rglob("*.json") if q.is_file()) if p.is_dir() else [p])
    written: list[Path] = []
    failed: dict[str, str] = {}
    out = Path(out_dir)
    for f in files:
        target = out / f"{f.stem}.json"
        if target in written:  # two inputs of the same name in different sub-folders
            failed[str(f)] = f"{f}: <file>: output {target} was already written from another input of the same name"
            continue
        try:
            scene = load_any_scene(f, fmt)
        except SceneFormatError as err:
            failed[str(f)] = str(err)
            continue
        written.append(save_scene(scene, target))
    return written, failed


def main(argv: list[str] | None = None) -> int:
    """``python -m scenerevis.eval.importers convert IN [IN ...] --to OUT_DIR [--format auto|box|...]``."""
    parser = argparse.ArgumentParser(
        prog="python -m scenerevis.eval.importers", description="Convert scene files to flat SSR JSON."
    )
    sub = parser.add_subparsers(dest="command", required=True)
    conv = sub.add_parser("convert", help="box / grouped / ReSpace / flat JSON -> flat SSR JSON files")
    conv.add_argument("inputs", nargs="+", help="scene JSON files or folders of them")
    conv.add_argument("--to", required=True, dest="out_dir", help="output folder (one <name>.json per input)")
    conv.add_argument("--format", default="auto", choices=SCENE_FORMATS, help="input format (default: detect per file)")
    args = parser.parse_args(argv)
    written, failed = convert_files(args.inputs, args.out_dir, args.format)
    for why in failed.values():
        print(f"FAILED {why}", file=sys.stderr)
    print(f"converted {len(written)} scene(s) to {args.out_dir} ({len(failed)} failed)")
    return 0 if not failed else 1


if __name__ == "__main__":
    raise SystemExit(main())
