"""bounds.py: out-of-bounds share of each object's surface samples (DESIGN.md section 6, OBR)."""

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


def outside_fraction(mesh, polygon, y_min: float, y_max: float, samples: int, seed: int) -> float:
    """Share of ``samples`` seeded surface points of ``mesh`` (world frame) outside the prism."""
    trimesh = require("trimesh")
    points, _ = trimesh.sample.sample_surface(mesh, samples, seed=seed)
    return float(1.0 - points_inside(points, polygon, y_min, y_max).mean())
