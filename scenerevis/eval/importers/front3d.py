"""front3d.py: raw 3D-FRONT house JSON (+ 3D-FUTURE models) -> one flat SSR scene per room.

House layout read (3D-FRONT, metres, Y up, floor plane XZ: the same axes as ours, so nothing is
mirrored): ``furniture[]`` (``uid``, ``jid``, ``title`` / ``category``, optional ``bbox``),
``mesh[]`` (``uid``, ``type`` such as ``Floor`` / ``Ceiling`` / ``WallInner`` / ``Door``, flat
``xyz`` vertex list and ``faces`` triangle indices) and ``scene.room[]`` (``type``, ``instanceid``,
``children[]`` = ``{ref, instanceid, pos, rot [x, y, z, w], scale}``) whose ``ref`` names a
furniture or mesh ``uid``.

- Floor: the union of the room's ``Floor`` mesh triangles projected on XZ (shapely), so L-shapes and
  notches made of several floor meshes are kept; the floor height (lowest floor vertex) becomes
  y = 0. Ceiling: the room's highest ``Ceiling`` (else wall) mesh vertex, else 2.7 m.
- Furniture: ``jid``; size = ``scale`` x the extents of ``<future_root>/<jid>/raw_model.obj`` (else
  of the furniture's ``bbox``); ``pos`` = the world bottom-centre of that box
  (``pos + R (scale * model bottom-centre)``); yaw from ``rot`` (its front = the model's +Z).
  Descriptions and categories come from ``<future_root>/model_info.json`` (else the house's title).
- Doors and windows (furniture or meshes whose category / type says so) are scene metadata.
- Unknown models (jid in neither model_info.json nor under ``future_root``) stay boxes and are
  counted; a child that references nothing, or a model with no size, is skipped with its reason.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import numpy as np

from scenerevis.eval.importers.common import (
    HouseResult,
    ImportOptions,
    RoomScene,
    Skipped,
    category_key,
    get_list,
    room_bounds,
    safe_name,
)
from scenerevis.scene.rotation import quat_to_matrix, quat_to_yaw, yaw_to_quat
from scenerevis.scene.validate import SceneFormatError, as_quaternion, as_vector

_OPENING_WORDS = ("door", "window")


def is_front3d_house(data: Any) -> bool:
    """Whether a parsed JSON value is a raw 3D-FRONT house (``scene.room`` plus ``furniture`` / ``mesh``)."""
    if not isinstance(data, dict) or not isinstance(data.get("scene"), dict):
        return False
    return isinstance(data["scene"].get("room"), list) and ("furniture" in data or "mesh" in data)


class FutureModels:
    """3D-FUTURE model metadata (``model_info.json``) and raw-model extents, by jid; read lazily."""

    def __init__(self, root: str | Path | None):
        self.root = Path(root) if root else None
        self._info: dict[str, dict] | None = None
        self._bounds: dict[str, tuple[np.ndarray, np.ndarray] | None] = {}

    def info(self, jid: str) -> dict | None:
        if self._info is None:
            self._info = {}
            path = self.root / "model_info.json" if self.root else None
            if path is not None and path.is_file():
                try:
                    data = json.loads(path.read_text(encoding="utf-8"))
                except (OSError, ValueError) as err:
                    raise SceneFormatError(str(path), "<json>", f"invalid JSON: {err}".replace("\n", " ")) from None
                if not isinstance(data, list):
                    raise SceneFormatError(str(path), "<root>", "expected a list of {model_id, category, ...}")
                self._info = {str(m["model_id"]): m for m in data if isinstance(m, dict) and "model_id" in m}
        return self._info.get(jid)

    def bounds(self, jid: str) -> tuple[np.ndarray, np.ndarray] | None:
        """(min, max) corners in the model's own frame of ``<root>/<jid>/raw_model.obj``; None when absent."""
        if jid not in self._bounds:
            path = self.root / jid / "raw_model.obj" if self.root else None
            if path is None or not path.is_file():
                self._bounds[jid] = None
            else:
                import trimesh

                try:
                    mesh = trimesh.load(path, force="mesh", process=False)
                except Exception as err:  # noqa: BLE001 - a broken model file is one line, named
                    raise SceneFormatError(str(path), "<mesh>", f"cannot read: {type(err).__name__}: {err}") from None
                if len(mesh.vertices) == 0:
                    raise SceneFormatError(str(path), "<mesh>", "has no vertices")
                self._bounds[jid] = (np.asarray(mesh.bounds[0], float), np.asarray(mesh.bounds[1], float))
        return self._bounds[jid]


def _transform(child: dict, source: str, field: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(position, rotation matrix, scale) of a room child."""
    pos = np.array(as_vector(child.get("pos", [0, 0, 0]), 3, source, f"{field}.pos"))
    rot = as_quaternion(child.get("rot", [0, 0, 0, 1]), source, f"{field}.rot")
    scale = np.array(as_vector(child.get("scale", [1, 1, 1]), 3, source, f"{field}.scale"))
    return pos, quat_to_matrix(rot), scale


def _mesh_triangles(mesh: dict, child: dict, source: str, field: str) -> np.ndarray:
    """(m, 3, 3) world triangles of a mesh entry placed by a room child."""
    xyz = np.asarray(mesh.get("xyz", []), dtype=float)
    faces = np.asarray(mesh.get("faces", []), dtype=int)
    mid = f"mesh {mesh.get('uid')!r}"
    if xyz.size % 3 or not np.all(np.isfinite(xyz)):
        raise SceneFormatError(source, f"{mid}.xyz", f"expected finite x, y, z triples, got {xyz.size} numbers")
    if faces.size % 3 or (faces.size and (faces.min() < 0 or faces.max() >= xyz.size // 3)):
        raise SceneFormatError(source, f"{mid}.faces", "expected vertex index triples within xyz")
    pos, rot, scale = _transform(child, source, field)
    verts = (rot @ (xyz.reshape(-1, 3) * scale).T).T + pos
    return verts[faces.reshape(-1, 3)]


def _floor_polygon(triangles: list[np.ndarray], what: str, res: HouseResult) -> list[tuple[float, float]] | None:
    """Outline in XZ of the union of floor triangles (largest part, no holes; each loss is a warning)."""
    from shapely import unary_union
    from shapely.geometry import MultiPolygon, Polygon

    parts = [Polygon(t[:, [0, 2]]) for tris in triangles for t in tris]
    shape = unary_union([p for p in parts if p.is_valid and p.area > 1e-9])
    if shape.is_empty:
        return None
    shape = shape.buffer(1e-7).buffer(-1e-7)  # welds hairline seams between neighbouring meshes
    if isinstance(shape, MultiPolygon):
        polys = sorted(shape.geoms, key=lambda g: g.area, reverse=True)
        res.warnings.append(
            f"{what}: floor has {len(polys)} disconnected parts; kept the largest ({polys[0].area:.3f} m², "
            f"dropped {sum(p.area for p in polys[1:]):.3f} m²)"
        )
        shape = polys[0]
    if shape.interiors:
        res.warnings.append(f"{what}: floor has {len(shape.interiors)} hole(s); the outline is kept without them")
    outline = Polygon(shape.exterior).simplify(1e-5, preserve_topology=True)
    return [(round(x, 6), round(z, 6)) for x, z in list(outline.exterior.coords)[:-1]]


def _size_of(furn: dict, models: FutureModels, jid: str) -> tuple[np.ndarray, np.ndarray, str] | None:
    """(model-frame min, max, where from) of a furniture entry, None when nothing gives a size."""
    b = models.bounds(jid) if jid else None
    if b is not None:
        return b[0], b[1], "raw_model"
    for key in ("bbox", "size"):  # extents in metres; the model origin is assumed at its bottom-centre
        v = furn.get(key)
        if isinstance(v, list) and len(v) == 3 and all(isinstance(c, (int, float)) and c > 0 for c in v):
            e = np.array(v, dtype=float)
            return np.array([-e[0] / 2, 0.0, -e[2] / 2]), np.array([e[0] / 2, e[1], e[2] / 2]), key
    return None


def front3d_to_scenes(data: Any, source: str, options: ImportOptions | None = None) -> HouseResult:
    """Split a raw 3D-FRONT house into flat SSR scenes, one per room (see the module docstring)."""
    options = options or ImportOptions()
    models = FutureModels(options.future_root)
    if not isinstance(data, dict):
        raise SceneFormatError(source, "<root>", f"expected a JSON object, got {type(data).__name__}")
    if not isinstance(data.get("scene"), dict):
        raise SceneFormatError(source, "scene", "missing (a raw 3D-FRONT house has scene.room)")
    res = HouseResult(source, "3dfront")
    if models.root is None:
        res.warnings.append("no --future-root: sizes come from the house's furniture bbox, every model is unknown")
    furniture = {str(f["uid"]): f for f in get_list(data, "furniture", source) if isinstance(f, dict) and "uid" in f}
    meshes = {str(m["uid"]): m for m in get_list(data, "mesh", source) if isinstance(m, dict) and "uid" in m}
    rooms = get_list(data["scene"], "room", source, "scene.room", required=True)
    stem = Path(source).stem
    for i, room in enumerate(rooms):
        rfield = f"scene.room[{i}]"
        if not isinstance(room, dict):
            res.skipped.append(Skipped(rfield, f"expected an object, got {type(room).__name__}"))
            continue
        rid = str(room.get("instanceid") or f"room_{i}")
        what = f"{rfield} ({rid})"
        floor_tris: list[np.ndarray] = []
        ceiling_ys: list[float] = []
        wall_ys: list[float] = []
        placed: list[tuple[str, dict, dict]] = []  # (field, child, furniture entry)
        openings: list[dict] = []
        try:
            for k, child in enumerate(get_list(room, "children", source, f"{rfield}.children")):
                cfield = f"{rfield}.children[{k}]"
                ref = str(child.get("ref")) if isinstance(child, dict) else None
                if ref in furniture:
                    furn = furniture[ref]
                    label = f"{furn.get('category') or ''} {furn.get('title') or ''}".lower()
                    if any(w in label for w in _OPENING_WORDS):
                        openings.append({"kind": "furniture", "ref": ref, "jid": furn.get("jid"), "pos": child.get("pos")})
                    else:
                        placed.append((cfield, child, furn))
                elif ref in meshes:
                    mesh = meshes[ref]
                    mtype = str(mesh.get("type", ""))
                    if mtype == "Floor":
                        floor_tris.append(_mesh_triangles(mesh, child, source, cfield))
                    elif mtype == "Ceiling" or mtype.startswith("Wall"):
                        tris = _mesh_triangles(mesh, child, source, cfield)
                        if tris.size:
                            (ceiling_ys if mtype == "Ceiling" else wall_ys).append(float(tris[..., 1].max()))
                    elif any(w in mtype.lower() for w in _OPENING_WORDS):
                        openings.append({"kind": "mesh", "ref": ref, "type": mtype})
                    # other architecture (baseboards, pockets, ...) is neither furniture nor floor: not an object
                else:
                    res.skipped.append(Skipped(cfield, f"ref {ref!r} names no furniture or mesh of the house (room {rid})"))
        except SceneFormatError as err:
            res.skipped.append(Skipped(what, str(err)))
            continue
        if not floor_tris:
            res.skipped.append(Skipped(what, "room has no Floor mesh"))
            continue
        xz = _floor_polygon(floor_tris, what, res)
        if xz is None or len(xz) < 3:
            res.skipped.append(Skipped(what, "the floor meshes have no area"))
            continue
        floor_y = float(min(t[..., 1].min() for t in floor_tris if t.size))
        top = max(ceiling_ys) if ceiling_ys else (max(wall_ys) if wall_ys else None)
        ceiling = top - floor_y if top is not None and top - floor_y > 0.5 else options.default_ceiling
        objects, unknown = [], []
        for cfield, child, furn in placed:
            jid = str(furn.get("jid") or "")
            oid = f"{safe_name(str(child.get('instanceid') or furn['uid']))}"
            try:
                got = _size_of(furn, models, jid)
                if got is None:
                    res.skipped.append(Skipped(cfield, f"model {jid!r} has no raw_model.obj under --future-root and no bbox"))
                    continue
                lo, hi, src = got
                pos, rot, scale = _transform(child, source, cfield)
            except SceneFormatError as err:
                res.skipped.append(Skipped(cfield, str(err)))
                continue
            if np.any(scale == 0):
                res.skipped.append(Skipped(cfield, f"scale {scale.tolist()} has a zero component"))
                continue
            if np.any(scale < 0):
                res.warnings.append(f"{cfield}: negative scale {scale.tolist()} (mirrored model) taken as its magnitude")
            size = np.abs(scale) * (hi - lo)
            bottom_centre = pos + rot @ (scale * np.array([(lo[0] + hi[0]) / 2, lo[1], (lo[2] + hi[2]) / 2]))
            up = rot[:, 1]
            if up[1] < math.cos(math.radians(1.0)):
                res.warnings.append(
                    f"{cfield}: model tilted {math.degrees(math.acos(min(1.0, up[1]))):.1f} deg; only the yaw is kept"
                )
            yaw = quat_to_yaw(as_quaternion(child.get("rot", [0, 0, 0, 1]), source, f"{cfield}.rot"))
            info = models.info(jid) if jid else None
            if info is None or src != "raw_model":
                unknown.append(oid)
            cat = (info or {}).get("category") or furn.get("category") or furn.get("title") or "object"
            objects.append(
                {
                    "id": oid,
                    "desc": str(furn.get("title") or cat).replace("/", " ").strip() if not info else str(cat).lower(),
                    "category": category_key(str(cat)),
                    "size": [round(float(v), 6) for v in size],
                    "pos": [
                        round(float(bottom_centre[0]), 6),
                        round(float(bottom_centre[1] - floor_y), 6),
                        round(float(bottom_centre[2]), 6),
                    ],
                    "rot": [round(v, 9) for v in yaw_to_quat(yaw)],
                    "jid": jid or None,
                    "asset_source": "3d-future",
                    **({"super_category": info["super-category"]} if info and info.get("super-category") else {}),
                }
            )
        if not objects and not options.keep_empty_rooms:
            res.skipped.append(Skipped(what, "room has no furniture (use --keep-empty-rooms to write it)"))
            continue
        bottom, top_ring = room_bounds(xz, ceiling)
        flat = {
            "room_type": str(room.get("type") or ""),
            "room_id": rid,
            "bounds_bottom": bottom,
            "bounds_top": top_ring,
            "objects": [{k: v for k, v in o.items() if v is not None} for o in objects],
            "openings": openings,
            "source": {"format": "3dfront", "file": source, "room": rid},
        }
        res.scenes.append(RoomScene(f"{stem}__{safe_name(rid)}", flat, unknown))
    return res
