"""bounds.py: out-of-bounds share of each object's surface samples (DESIGN.md section 6, OBR) and outside volume."""

from __future__ import annotations

import numpy as np

from scenerevis._optional import require


def room_polygon(floor_xz: np.ndarray, buffer: float = 0.0):
    """Shapely polygon of the floor corners ``(n, 2)`` (XZ, metres), grown by ``buffer`` metres."""
    shapely = require("shapely")
    poly = shapely.Polygon(np.asarray(floor_xz, dtype=float))
    return poly.buffer(buffer, join_style="mitre") if buffer > 0 else poly


def points_inside(points: np.ndarray, polygon, y_min: float, y_max: float) -> np.ndarray:
    """(k,) bool: points ``(k, 3)`` inside the prism ``polygon`` x [y_min, y_max] (boundary counts)."""
    shapely = require("shapely")
    pts = np.asarray(points, dtype=float)
    in_y = (pts[:, 1] >= y_min) & (pts[:, 1] <= y_max)
    in_xz = shapely.intersects_xy(polygon, pts[:, 0], pts[:, 2])
    return in_y & in_xz


def footprint_inside(corners: np.ndarray, polygon, y_min: float, y_max: float) -> bool:
    """True when the oriented box with world ``corners`` (8, 3) lies in the prism: then every
    surface point of the mesh inside that box is inside too, and no sampling is needed."""
    shapely = require("shapely")
    if corners[:, 1].min() < y_min or corners[:, 1].max() > y_max:
        return False
    return bool(polygon.covers(shapely.MultiPoint(corners[:, [0, 2]]).convex_hull))


def footprints_inside(corners: np.ndarray, polygon, y_min: float, y_max: float) -> np.ndarray:
    """(n,) bool, :func:`footprint_inside` for the corners ``(n, 8, 3)`` of many boxes at once (vectorised)."""
    shapely = require("shapely")
    corners = np.asarray(corners, dtype=float)
    if len(corners) == 0:
        return np.zeros(0, dtype=bool)
    in_y = (corners[:, :, 1].min(axis=1) >= y_min) & (corners[:, :, 1].max(axis=1) <= y_max)
    hulls = shapely.convex_hull(shapely.multipoints(corners[:, :, [0, 2]]))
    shapely.prepare(polygon)
    return in_y & shapely.covers(polygon, hulls)


def outside_fraction(mesh, polygon, y_min: float, y_max: float, samples: int, seed: int) -> float:
    """Share of ``samples`` seeded surface points of ``mesh`` (world frame) outside the prism."""
    trimesh = require("trimesh")
    points, _ = trimesh.sample.sample_surface(mesh, samples, seed=seed)
    return float(1.0 - points_inside(points, polygon, y_min, y_max).mean())


def room_prism_mesh(floor_xz: np.ndarray, floor_y: float, ceiling_y: float):
    """Watertight trimesh of the room prism: floor polygon ``(n, 2)`` (XZ) from ``floor_y`` to ``ceiling_y``."""
    trimesh = require("trimesh")
    shapely = require("shapely")
    xz = np.asarray(floor_xz, dtype=float)
    # extrude_polygon builds along +Z from an XY polygon; rotating by -90 deg about X maps
    # (x, y, h) -> (x, h, -y), so the polygon is given as (x, -z) to land on (x, h, z).
    prism = trimesh.creation.extrude_polygon(
        shapely.Polygon(np.column_stack([xz[:, 0], -xz[:, 1]])).buffer(0), ceiling_y - floor_y
    )
    prism.apply_transform(trimesh.transformations.rotation_matrix(-np.pi / 2, (1, 0, 0)))
    prism.apply_translation((0.0, floor_y, 0.0))
    return prism


def _manifold(mesh):
    mf = require("manifold3d")
    return mf.Manifold(
        mf.Mesh(vert_properties=np.asarray(mesh.vertices, dtype=np.float32), tri_verts=np.asarray(mesh.faces, dtype=np.uint32))
    )


def room_manifold(room_mesh):
    """manifold3d solid of the (watertight) room prism mesh."""
    return _manifold(room_mesh)


def manifold_of(mesh):
    """manifold3d solid of a trimesh, or None when the mesh is not a closed, valid volume."""
    if not mesh.is_watertight:
        return None
    solid = _manifold(mesh)
    if solid.status().name != "NoError" or solid.is_empty():
        return None
    return solid


def outside_volume(mesh, room_mesh) -> float | None:
    """Exact volume (m^3) of a watertight world-space ``mesh`` outside ``room_mesh`` (manifold3d
    boolean difference), or None when the mesh is not a closed volume."""
    solid = manifold_of(mesh)
    return None if solid is None else solid_outside_volume(solid, _manifold(room_mesh))


def solid_outside_volume(solid, room_solid) -> float:
    """Volume (m^3) of the manifold ``solid`` outside the manifold ``room_solid`` (both world frame)."""
    return float(max((solid - room_solid).volume(), 0.0))
