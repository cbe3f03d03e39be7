"""geometry.py: the world-space meshes every renderer and the GLB export draw: room slab, wall outline, placed assets.

Frames: scene frame (metres, Y up, floor XZ at y = 0). Object placement is DESIGN.md section 6's
"Mesh load" (:func:`scenerevis.scene.placement.object_mesh`); :func:`normalization_matrix` is the
same recentre-and-scale step written as a matrix so the Blender worker can instance a mesh it
imported once.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from scenerevis.render.config import RenderConfig
from scenerevis.scene.model import Scene, SceneObject
from scenerevis.scene.placement import MeshResolver, load_mesh_file, normalize_mesh, unit_box

log = logging.getLogger(__name__)

#: Bounds (lo, hi) of :func:`scenerevis.scene.placement.unit_box`, metres, scene frame.
UNIT_BOX_BOUNDS = np.array([[-0.5, 0.0, -0.5], [0.5, 1.0, 0.5]])


def normalization_matrix(bounds, size) -> np.ndarray:
    """(4, 4) matrix doing what :func:`~scenerevis.scene.placement.normalize_mesh` does to vertices.

    Parameters
    ----------
    bounds : (2, 3) float
        AABB ``[lo, hi]`` of the raw asset mesh, metres, asset frame (Y up).
    size : (3,) float
        Target AABB extents, metres.

    Returns
    -------
    (4, 4) float
        Moves the AABB bottom-centre to the origin then scales each axis to ``size`` (flat axes
        unscaled).
    """
    lo, hi = np.asarray(bounds, dtype=float)
    centre = np.array([(lo[0] + hi[0]) / 2.0, lo[1], (lo[2] + hi[2]) / 2.0])
    extents = hi - lo
    scale = np.where(extents > 1e-9, np.asarray(size, dtype=float) / np.maximum(extents, 1e-9), 1.0)
    m = np.diag([*scale, 1.0])
    m[:3, 3] = -scale * centre
    return m


@dataclass
class AssetRef:
    """Where one object's mesh comes from and how it is placed.

    Attributes
    ----------
    obj : SceneObject
    kind : str
        ``"file"`` (``path`` is a GLB/OBJ), ``"mesh"`` (``raw`` came from ``resolve``) or ``"box"``
        (no mesh: a placeholder box).
    key : str
        Cache key: the same key means the same raw mesh (asset id or file path).
    raw : trimesh.Trimesh or None
        Raw asset mesh in its own frame (Y up); None for boxes.
    path : Path or None
        Mesh file for ``kind == "file"``.
    world_from_asset : (4, 4) float
        Scene frame: raw asset coordinates -> world (normalisation, then ``obj.transform()``).
    """

    obj: SceneObject
    kind: str
    key: str
    raw: object | None
    path: Path | None
    world_from_asset: np.ndarray


def resolve_asset(
    obj: SceneObject, resolver: MeshResolver | None, use_path: bool = True, path_cache: dict | None = None
) -> AssetRef:
    """Find ``obj``'s mesh: the resolver's ``mesh_path(obj)`` when it has one (and ``use_path``), else
    ``resolve(obj)``, else a placeholder box (logged).

    ``path_cache`` (optional, caller-owned) memoises ``mesh_path`` per (asset_source, asset id).
    """
    path = None
    mesh_path = getattr(resolver, "mesh_path", None) if (resolver is not None and use_path) else None
    if mesh_path is not None:
        ck = (obj.asset_source, obj.asset_id or obj.id)
        if path_cache is not None and ck in path_cache:
            found = path_cache[ck]
        else:
            found = mesh_path(obj)
            if path_cache is not None and obj.asset_id:
                path_cache[ck] = found
        if found is not None and Path(found).is_file():
            path = Path(found)
    raw = resolver.resolve(obj) if resolver is not None else None
    if raw is None and path is not None:
        raw = load_mesh_file(path)
    if raw is None:
        log.warning("object %s (asset %s): no mesh found, rendering a placeholder box", obj.id, obj.asset_id)
        return AssetRef(obj, "box", "__box__", None, None, obj.transform() @ normalization_matrix(UNIT_BOX_BOUNDS, obj.size))
    key = str(path) if path is not None else f"{obj.asset_source}:{obj.asset_id or obj.id}"
    m = obj.transform() @ normalization_matrix(raw.bounds, obj.size)
    return AssetRef(obj, "file" if path is not None else "mesh", key, raw, path, m)


def _colored(mesh, rgb) -> object:
    mesh.visual.face_colors = np.tile(np.array([*rgb, 255], dtype=np.uint8), (len(mesh.faces), 1))
    return mesh


def placeholder_box(config: RenderConfig):
    """Unit box (bottom-centre at the origin) in the placeholder colour; place it with ``AssetRef.world_from_asset``."""
    return _colored(unit_box(), config.placeholder_color)


def placed_mesh(ref: AssetRef, config: RenderConfig):
    """World-space ``trimesh.Trimesh`` of one object (placeholder colour when boxed)."""
    if ref.kind == "box":
        mesh = _colored(normalize_mesh(unit_box(), ref.obj.size), config.placeholder_color)
        mesh.apply_transform(ref.obj.transform())
        return mesh
    mesh = normalize_mesh(ref.raw, ref.obj.size)
    mesh.apply_transform(ref.obj.transform())
    return mesh


def signed_area_xz(xz) -> float:
    """Shoelace signed area of an (n, 2) polygon in (x, z) coordinates, m^2."""
    xz = np.asarray(xz, dtype=float)
    return float(np.sum(xz[:, 0] * np.roll(xz[:, 1], -1) - xz[:, 1] * np.roll(xz[:, 0], -1)) / 2.0)


def floor_mesh(scene: Scene, config: RenderConfig):
    """Floor slab: the floor polygon, top face at y = floor, ``config.floor_thickness`` thick."""
    import trimesh
    from shapely.geometry import Polygon

    t = config.floor_thickness
    slab = trimesh.creation.extrude_polygon(Polygon(scene.floor_xz), height=t)
    # extrude_polygon works in (x, z, e); map to scene (x, e - t + floor, z) (a reflection: trimesh
    # flips the winding so normals stay outward).
    m = np.array([[1, 0, 0, 0], [0, 0, 1, scene.floor_y - t], [0, 1, 0, 0], [0, 0, 0, 1]], dtype=float)
    slab.apply_transform(m)
    return _colored(slab, config.floor_color)


def wall_outline_mesh(scene: Scene, config: RenderConfig):
    """Low wall ring just outside the floor polygon (``config.wall_thickness`` wide, ``config.wall_height``
    tall, mitred corners), or None when disabled."""
    import trimesh
    from shapely.geometry import Polygon

    if config.wall_height <= 0:
        return None
    inner = Polygon(scene.floor_xz)
    ring = inner.buffer(config.wall_thickness, join_style="mitre").difference(inner)
    if ring.is_empty:
        return None
    polys = list(ring.geoms) if hasattr(ring, "geoms") else [ring]
    parts = [trimesh.creation.extrude_polygon(p, height=config.wall_height) for p in polys]
    walls = trimesh.util.concatenate(parts)
    m = np.array([[1, 0, 0, 0], [0, 0, 1, scene.floor_y], [0, 1, 0, 0], [0, 0, 0, 1]], dtype=float)
    walls.apply_transform(m)  # (x, z, e) -> (x, e + floor, z); trimesh keeps normals outward
    return _colored(walls, config.wall_color)


def room_meshes(scene: Scene, config: RenderConfig) -> dict[str, object]:
    """``{"floor": slab, "walls": outline}`` (walls absent when disabled), world frame, coloured."""
    out = {"floor": floor_mesh(scene, config)}
    walls = wall_outline_mesh(scene, config)
    if walls is not None:
        out["walls"] = walls
    return out


def scene_meshes(scene: Scene, config: RenderConfig, resolver: MeshResolver | None = None) -> dict[str, object]:
    """Every world-space mesh of the scene: room parts, then one per object keyed by instance id."""
    out = room_meshes(scene, config)
    for obj in scene.objects:
        out[f"object:{obj.id}"] = placed_mesh(resolve_asset(obj, resolver), config)
    return out


def export_asset_glb(raw, folder: str | os.PathLike, key: str) -> Path:
    """Write a raw asset mesh to ``folder/<hash of key>.glb`` once (reused when present)."""
    import hashlib

    from scenerevis.fileio import atomic_write_bytes

    name = hashlib.sha1(key.encode("utf-8")).hexdigest()[:16] + ".glb"
    path = Path(folder) / name
    if not path.is_file():
        atomic_write_bytes(path, raw.export(file_type="glb"))
    return path


__all__ = [
    "AssetRef",
    "UNIT_BOX_BOUNDS",
    "export_asset_glb",
    "floor_mesh",
    "load_mesh_file",
    "normalization_matrix",
    "placed_mesh",
    "resolve_asset",
    "room_meshes",
    "scene_meshes",
    "signed_area_xz",
    "wall_outline_mesh",
]
