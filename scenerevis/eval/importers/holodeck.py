"""holodeck.py: Holodeck / ProcTHOR house JSON -> one flat SSR scene per room.

House layout read (AI2-THOR conventions, metres, Y up):

- ``rooms[]``: ``id``, ``roomType``, ``floorPolygon`` = ``[{x, y, z}, ...]`` (the floor outline in XZ);
- ``walls[]``: ``roomId`` and ``height`` (else the top of its ``polygon``): the room's ceiling is its
  tallest wall, else :data:`~scenerevis.eval.importers.common.DEFAULT_CEILING` (2.7 m);
- ``objects[]`` (and ProcTHOR's nested ``children[]``): ``assetId``, ``id``, ``roomId`` (when absent,
  the room whose floor contains the object's XZ position), ``position`` = the **centre** of the
  object's box (Holodeck writes ``y = height / 2`` for floor objects; wall and ceiling objects carry
  their real centre height), ``rotation.y`` = yaw in degrees about +Y;
- ``doors[]`` (``room0`` / ``room1``) and ``windows[]`` (``roomId``) are kept as scene metadata
  (``doors`` / ``windows`` keys of the flat scene), not as physics objects.

Object sizes come from the objathor annotations (``annotations.json.gz`` under ``--objathor-dir``,
default ``$OBJATHOR_ASSETS_BASE_DIR``): ``thor_metadata.assetMetadata.boundingBox`` of the
``assetId`` (``{x, y, z}``, ``{size: {x, y, z}}`` or ``{min, max}``). An asset missing there is an
*unknown asset*: Holodeck floor objects keep their footprint ``vertices`` (cm) and ``2 * position.y``
as height, counted as unknown; anything else unknown is skipped with its reason.

Frames: THOR (Unity) is left-handed with X right, Y up, Z forward, and a positive ``rotation.y`` turns
+Z towards +X. Our frame is right-handed (Y up), where a yaw of +90 deg also turns +Z towards +X
(``R_y(90) (0, 0, 1) = (1, 0, 0)``). The importer therefore copies x, y, z and the yaw unchanged:
the scene it writes is the THOR house seen in a mirror (the X axis flipped relative to the room's
true handedness). Every metric we compute (CNR, OBR, voxel volumes, navigability, accessibility,
support) depends only on distances, overlaps and containment, which a mirror preserves, so they
equal the values of the unmirrored house; only renders show the room left-right flipped.
"""

from __future__ import annotations

import gzip
import json
import math
from pathlib import Path
from typing import Any

from scenerevis.eval.importers.common import (
    HouseResult,
    ImportOptions,
    RoomScene,
    Skipped,
    category_key,
    get_list,
    number,
    room_bounds,
    safe_name,
    xyz,
)
from scenerevis.scene.rotation import yaw_to_quat
from scenerevis.scene.validate import SceneFormatError

#: Door / window keys copied into the scene metadata.
_OPENING_KEYS = ("id", "assetId", "room0", "room1", "roomId", "wall0", "wall1", "holePolygon", "assetPosition", "openness")


def is_holodeck_house(data: Any) -> bool:
    """Whether a parsed JSON value is a Holodeck / ProcTHOR house (``rooms`` with ``floorPolygon``)."""
    if not isinstance(data, dict) or not isinstance(data.get("rooms"), list) or not data["rooms"]:
        return False
    return all(isinstance(r, dict) and "floorPolygon" in r for r in data["rooms"])


def _annotation_files(root: Path) -> list[Path]:
    if root.is_file():
        return [root]
    found: list[Path] = []
    for pattern in ("annotations.json.gz", "annotations.json", "*/annotations.json.gz", "*/annotations.json"):
        found += sorted(p for p in root.glob(pattern) if p.is_file())
    for sub in ("thor_object_data", "*/thor_object_data"):  # Holodeck's THOR asset annotations
        for d in sorted(root.glob(sub)):
            found += sorted(p for p in d.glob("annotations.json*") if p.is_file())
    return list(dict.fromkeys(found))


def _read_json(path: Path) -> Any:
    try:
        if path.suffix == ".gz":
            with gzip.open(path, "rt", encoding="utf-8") as fh:
                return json.load(fh)
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, EOFError) as err:
        raise SceneFormatError(str(path), "<json>", f"cannot read annotations: {err}".replace("\n", " ")) from None


class ObjathorCatalog:
    """Asset metadata of objathor (and Holodeck THOR) assets, by asset id; files read lazily once.

    ``root`` is a folder holding ``annotations.json(.gz)`` (also one level down, as in
    ``~/.objathor-assets/<version>/annotations.json.gz``) or the file itself; None: no metadata.
    """

    def __init__(self, root: str | Path | None):
        self.root = Path(root) if root else None
        self._entries: dict[str, tuple[dict, str]] | None = None

    @property
    def files(self) -> list[Path]:
        return _annotation_files(self.root) if self.root else []

    def load(self) -> dict[str, tuple[dict, str]]:
        if self._entries is None:
            self._entries = {}
            if self.root is not None:
                if not self.root.exists():
                    raise SceneFormatError(str(self.root), "--objathor-dir", "does not exist")
                files = self.files
                if not files:
                    raise SceneFormatError(str(self.root), "--objathor-dir", "holds no annotations.json(.gz)")
                for f in files:
                    data = _read_json(f)
                    if not isinstance(data, dict):
                        raise SceneFormatError(str(f), "<root>", "expected an object of asset id -> annotation")
                    for uid, entry in data.items():
                        if isinstance(entry, dict):
                            self._entries.setdefault(str(uid), (entry, str(f)))
        return self._entries

    def __contains__(self, asset_id: str) -> bool:
        return asset_id in self.load()

    def entry(self, asset_id: str) -> dict | None:
        hit = self.load().get(asset_id)
        return hit[0] if hit else None

    def size(self, asset_id: str) -> tuple[float, float, float] | None:
        """``(x, y, z)`` extents in metres of the asset's bounding box, None when the asset is unknown."""
        hit = self.load().get(asset_id)
        if hit is None:
            return None
        entry, path = hit
        meta = entry.get("assetMetadata") or (entry.get("thor_metadata") or {}).get("assetMetadata")
        field = f"{asset_id}.thor_metadata.assetMetadata.boundingBox"
        if not isinstance(meta, dict) or not isinstance(meta.get("boundingBox"), dict):
            raise SceneFormatError(path, field, "missing")
        bb = meta["boundingBox"]
        if "min" in bb and "max" in bb:
            lo, hi = xyz(bb["min"], path, f"{field}.min"), xyz(bb["max"], path, f"{field}.max")
            dims = tuple(b - a for a, b in zip(lo, hi))
        else:
            dims = xyz(bb.get("size", bb), path, field)
        if min(dims) <= 0:
            raise SceneFormatError(path, field, f"extents must be > 0, got {dims}")
        return dims  # type: ignore[return-value]


def _flatten(objects: list, source: str, prefix: str = "objects") -> list[tuple[str, Any]]:
    out: list[tuple[str, Any]] = []
    for i, o in enumerate(objects):
        out.append((f"{prefix}[{i}]", o))
        if isinstance(o, dict) and isinstance(o.get("children"), list):
            out += _flatten(o["children"], source, f"{prefix}[{i}].children")
    return out


def _ceiling(walls: list, room_id: str, source: str, floor_y: float, default: float) -> float:
    """Ceiling height above the floor: the room's tallest wall (``height``, else the top of its polygon)."""
    heights = []
    for i, w in enumerate(walls):
        if not isinstance(w, dict) or w.get("roomId") != room_id:
            continue
        if "height" in w:
            heights.append(floor_y + number(w["height"], source, f"walls[{i}].height", positive=True))
        elif isinstance(w.get("polygon"), list) and w["polygon"]:
            heights.append(max(xyz(p, source, f"walls[{i}].polygon[{k}]")[1] for k, p in enumerate(w["polygon"])))
    return max(heights) - floor_y if heights else default


def _fallback_size(o: dict, yaw_deg: float, centre_y: float, floor_y: float) -> tuple[float, float, float] | None:
    """Size of an unknown asset from Holodeck's footprint ``vertices`` (cm) and ``y = height / 2``."""
    verts = o.get("vertices")
    quarter = yaw_deg / 90.0
    if not isinstance(verts, list) or len(verts) < 3 or abs(quarter - round(quarter)) > 1e-6 or centre_y <= floor_y:
        return None
    try:
        xs = [float(v[0]) / 100.0 for v in verts]
        zs = [float(v[1]) / 100.0 for v in verts]
    except (TypeError, ValueError, IndexError):
        return None
    ex, ez = max(xs) - min(xs), max(zs) - min(zs)
    if ex <= 0 or ez <= 0:
        return None
    w, d = (ex, ez) if round(quarter) % 2 == 0 else (ez, ex)
    return w, 2.0 * (centre_y - floor_y), d


def _desc(o: dict, entry: dict | None, asset: str) -> tuple[str, str]:
    """(description, category) of an object from Holodeck's ``object_name``, the annotation or the asset id."""
    entry = entry or {}
    cat = entry.get("category") if isinstance(entry.get("category"), str) else None
    name = o.get("object_name") if isinstance(o.get("object_name"), str) else None
    desc = name or (entry.get("description") if isinstance(entry.get("description"), str) else None) or cat
    if not desc:
        desc = str(o.get("id") or asset).split("|")[0].replace("_", " ")  # ProcTHOR ids: "Sofa|2|3"
    return desc, category_key(cat or name or desc)


def holodeck_to_scenes(data: Any, source: str, options: ImportOptions | None = None) -> HouseResult:
    """Split a Holodeck / ProcTHOR house into flat SSR scenes, one per room (see the module docstring)."""
    from shapely.geometry import Point, Polygon

    options = options or ImportOptions()
    catalog = ObjathorCatalog(options.resolved_objathor_dir())
    if not isinstance(data, dict):
        raise SceneFormatError(source, "<root>", f"expected a JSON object, got {type(data).__name__}")
    res = HouseResult(source, "holodeck")
    catalog.load()  # a missing or unreadable annotations file fails the whole house, not each object
    if catalog.root is None:
        res.warnings.append("no --objathor-dir / $OBJATHOR_ASSETS_BASE_DIR: every asset size is unknown")
    rooms = get_list(data, "rooms", source, required=True)
    walls = get_list(data, "walls", source)
    stem = Path(source).stem
    room_info: dict[str, dict[str, Any]] = {}
    for i, r in enumerate(rooms):
        field = f"rooms[{i}]"
        if not isinstance(r, dict):
            raise SceneFormatError(source, field, f"expected an object, got {type(r).__name__}")
        rid = r.get("id")
        if not isinstance(rid, str) or not rid:
            raise SceneFormatError(source, f"{field}.id", f"expected a non-empty string, got {rid!r}")
        if rid in room_info:
            raise SceneFormatError(source, f"{field}.id", f"duplicate room id {rid!r}")
        poly = get_list(r, "floorPolygon", source, f"{field}.floorPolygon", required=True)
        pts = [xyz(p, source, f"{field}.floorPolygon[{k}]") for k, p in enumerate(poly)]
        if len(pts) < 3:
            raise SceneFormatError(source, f"{field}.floorPolygon", f"needs at least 3 corners, got {len(pts)}")
        xz = [(p[0], p[2]) for p in pts]
        floor_y = min(p[1] for p in pts)
        ceiling = _ceiling(walls, rid, source, floor_y, options.default_ceiling)
        room_info[rid] = {
            "field": field,
            "type": r.get("roomType") if isinstance(r.get("roomType"), str) else "",
            "xz": xz,
            "shape": Polygon(xz),
            "floor_y": floor_y,
            "ceiling": ceiling,
            "objects": [],
            "unknown": [],
            "doors": [],
            "windows": [],
        }

    for field, o in _flatten(get_list(data, "objects", source), source):
        if not isinstance(o, dict):
            res.skipped.append(Skipped(field, f"expected an object, got {type(o).__name__}"))
            continue
        asset = o.get("assetId")
        oid = str(o.get("id") or field)
        try:
            if not isinstance(asset, str) or not asset:
                raise SceneFormatError(source, f"{field}.assetId", f"expected a non-empty string, got {asset!r}")
            cx, cy, cz = xyz(o.get("position"), source, f"{field}.position")
            rx, ry, rz = xyz(o.get("rotation", {}), source, f"{field}.rotation", default=0.0)
        except SceneFormatError as err:
            res.skipped.append(Skipped(err.field, f"{err.message} (object {oid})"))
            continue
        rid = o.get("roomId")
        if rid is not None and rid not in room_info:
            res.skipped.append(Skipped(f"{field} ({oid})", f"roomId {rid!r} is not a room of the house"))
            continue
        if rid is None:
            rid = next((k for k, v in room_info.items() if v["shape"].covers(Point(cx, cz))), None)
            if rid is None:
                res.skipped.append(Skipped(f"{field} ({oid})", f"no roomId and its position ({cx}, {cz}) is on no room's floor"))
                continue
        room = room_info[rid]
        if abs(math.remainder(rx, 360.0)) > 1e-6 or abs(math.remainder(rz, 360.0)) > 1e-6:
            res.warnings.append(f"{field} ({oid}): rotation x/z ({rx}, {rz}) deg dropped; only the yaw is kept")
        try:
            size = catalog.size(asset)
        except SceneFormatError as err:
            res.skipped.append(Skipped(f"{field} ({oid})", str(err)))
            continue
        unknown = size is None
        if unknown:
            size = _fallback_size(o, ry, cy, room["floor_y"])
            if size is None:
                res.skipped.append(
                    Skipped(
                        f"{field} ({oid})", f"asset {asset!r} is not in the objathor annotations and has no footprint to size it"
                    )
                )
                continue
            room["unknown"].append(oid)
        desc, cat = _desc(o, catalog.entry(asset), asset)
        w, h, d = size
        room["objects"].append(
            {
                "id": oid,
                "desc": desc,
                "category": cat,
                "size": [round(w, 6), round(h, 6), round(d, 6)],
                "pos": [round(cx, 6), round(cy - h / 2.0 - room["floor_y"], 6), round(cz, 6)],
                "rot": [round(v, 9) for v in yaw_to_quat(math.radians(ry))],
                "uid": asset,
                "asset_source": "objathor",
                **({"size_source": "vertices"} if unknown else {}),
            }
        )

    for key, room_keys in (("doors", ("room0", "room1")), ("windows", ("roomId", "room0", "room1"))):
        for i, item in enumerate(get_list(data, key, source)):
            if not isinstance(item, dict):
                res.skipped.append(Skipped(f"{key}[{i}]", f"expected an object, got {type(item).__name__}"))
                continue
            hits = {item.get(k) for k in room_keys} & set(room_info)
            if not hits:
                res.skipped.append(Skipped(f"{key}[{i}]", f"names no room of the house ({', '.join(room_keys)})"))
            for rid in sorted(hits):
                room_info[rid][key].append({k: item[k] for k in _OPENING_KEYS if k in item})

    for rid, room in room_info.items():
        if not room["objects"] and not options.keep_empty_rooms:
            res.skipped.append(Skipped(f"{room['field']} ({rid})", "room has no objects (use --keep-empty-rooms to write it)"))
            continue
        bottom, top = room_bounds(room["xz"], room["ceiling"])
        flat = {
            "room_type": room["type"],
            "room_id": rid,
            "bounds_bottom": bottom,
            "bounds_top": top,
            "objects": room["objects"],
            "doors": room["doors"],
            "windows": room["windows"],
            "source": {"format": "holodeck", "file": source, "room": rid},
        }
        res.scenes.append(RoomScene(f"{stem}__{safe_name(rid)}", flat, room["unknown"]))
    return res
