"""floorgrid.py: a 2D occupancy grid of a room's floor, with the rule of which objects block walking.

Frame: metres, world XZ plane (Y up, floor at y = 0). Cell ``(i, k)`` covers
``x in [x0 + i*cell, x0 + (i+1)*cell)``, ``z in [z0 + k*cell, z0 + (k+1)*cell)`` and is sampled at its
centre; ``(x0, z0)`` is the floor polygon's minimum corner, so furniture edges on multiples of the
cell size from it are rasterised exactly. A cell belongs to a shape when its centre lies inside it.

Blocking rule (documented for the functional metrics): an object blocks walking where its oriented
box's floor projection lies, unless it is a floor covering (a rug or mat by the physics rule
:func:`scenerevis.physics.geometry.is_floor_covering`: at most 3 cm tall, lying on the floor) or it
hangs high above the floor (its bottom at or above ``overhead_clearance``, 1.5 m by default:
pendant lamps, wall shelves, wall-mounted cabinets). Everything else blocks, including objects
floating low (a lamp 30 cm above the floor) and objects standing on other objects.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from scenerevis._optional import require
from scenerevis.physics.geometry import is_floor_covering, oriented_corners
from scenerevis.scene.model import Scene, SceneObject


@dataclass(frozen=True)
class FloorGrid:
    """The cell layout over a room's floor polygon.

    Attributes
    ----------
    x0, z0 : float
        World XZ of the grid's minimum corner (metres).
    cell : float
        Cell edge (metres).
    shape : (nx, nz) int
        Cells along X and along Z.
    """

    x0: float
    z0: float
    cell: float
    shape: tuple[int, int]

    def centres(self) -> tuple[np.ndarray, np.ndarray]:
        """(nx, nz) float arrays of the cell centres' world X and Z (metres)."""
        xs = self.x0 + (np.arange(self.shape[0]) + 0.5) * self.cell
        zs = self.z0 + (np.arange(self.shape[1]) + 0.5) * self.cell
        return np.meshgrid(xs, zs, indexing="ij")

    def window(self, xz: np.ndarray) -> tuple[slice, slice]:
        """Index slices of the cells whose centres can lie inside the XZ bounding box of ``xz`` (k, 2)."""
        lo = np.floor((xz.min(axis=0) - (self.x0, self.z0)) / self.cell - 0.5).astype(int)
        hi = np.ceil((xz.max(axis=0) - (self.x0, self.z0)) / self.cell - 0.5).astype(int) + 1
        lo = np.clip(lo, 0, self.shape)
        hi = np.clip(hi, 0, self.shape)
        return slice(int(lo[0]), int(hi[0])), slice(int(lo[1]), int(hi[1]))

    def rasterize_convex(self, xz: np.ndarray) -> np.ndarray:
        """(nx, nz) bool mask of the cells whose centres lie in the convex polygon ``xz`` (k, 2), metres.

        Points on the boundary count as inside (within 1e-9 m).
        """
        mask = np.zeros(self.shape, dtype=bool)
        poly = _ccw_hull(xz)
        if len(poly) < 3:
            return mask
        sx, sz = self.window(poly)
        if sx.start >= sx.stop or sz.start >= sz.stop:
            return mask
        xs = self.x0 + (np.arange(sx.start, sx.stop) + 0.5) * self.cell
        zs = self.z0 + (np.arange(sz.start, sz.stop) + 0.5) * self.cell
        px, pz = np.meshgrid(xs, zs, indexing="ij")
        inside = np.ones(px.shape, dtype=bool)
        nxt = np.roll(poly, -1, axis=0)
        for (ax, az), (bx, bz) in zip(poly, nxt):  # one half-plane test per polygon edge (<= 8 edges)
            inside &= (bx - ax) * (pz - az) - (bz - az) * (px - ax) >= -1e-9
        mask[sx, sz] = inside
        return mask


def _ccw_hull(xz: np.ndarray) -> np.ndarray:
    """(m, 2) counter-clockwise convex hull (in the X-right, Z-up sense) of points ``xz`` (k, 2)."""
    pts = np.unique(np.round(np.asarray(xz, dtype=float), 12), axis=0)
    if len(pts) < 3:
        return pts
    spatial = require("scipy.spatial")
    try:
        hull = spatial.ConvexHull(pts)
    except spatial.QhullError:  # degenerate (zero-area) footprint
        return pts[:0]
    return pts[hull.vertices]  # scipy gives 2D hull vertices counter-clockwise


def make_grid(scene: Scene, cell: float) -> FloorGrid:
    """The grid covering ``scene``'s floor polygon with cells of ``cell`` metres."""
    xz = scene.floor_xz
    lo, hi = xz.min(axis=0), xz.max(axis=0)
    n = np.maximum(np.ceil((hi - lo) / cell - 1e-9).astype(int), 1)
    return FloorGrid(float(lo[0]), float(lo[1]), float(cell), (int(n[0]), int(n[1])))


def room_mask(grid: FloorGrid, scene: Scene) -> np.ndarray:
    """(nx, nz) bool: cells whose centres lie inside the floor polygon (any simple polygon, vectorised)."""
    shapely = require("shapely")
    px, pz = grid.centres()
    poly = shapely.Polygon(scene.floor_xz)
    return shapely.contains_xy(poly, px, pz) | shapely.intersects_xy(poly.boundary, px, pz)


def footprint_xz(obj: SceneObject) -> np.ndarray:
    """(8, 2) float, the XZ projection of the object's oriented box corners (metres, world); its
    convex hull is the floor footprint (the rotated ``size`` rectangle for yaw-only rotations)."""
    return oriented_corners(obj)[:, [0, 2]]


def blocks_walking(obj: SceneObject, overhead_clearance: float) -> bool:
    """Whether ``obj`` blocks walking (see the module docstring for the rule)."""
    return not is_floor_covering(obj) and obj.pos[1] < overhead_clearance


def object_masks(grid: FloorGrid, objects: list[SceneObject]) -> list[np.ndarray]:
    """Per object, the (nx, nz) bool mask of its floor footprint cells."""
    return [grid.rasterize_convex(footprint_xz(o)) for o in objects]


def front_strip_xz(obj: SceneObject, depth: float) -> np.ndarray:
    """(4, 2) float, world XZ corners of the strip in front of the object's +Z face: as wide as the
    object (its ``size[0]``) and ``depth`` metres deep, in the object's own frame."""
    w, d = obj.size[0], obj.size[2]
    local = np.array([[-w / 2, 0, d / 2], [w / 2, 0, d / 2], [w / 2, 0, d / 2 + depth], [-w / 2, 0, d / 2 + depth]])
    return (local @ obj.rotation_matrix().T + np.asarray(obj.pos))[:, [0, 2]]


def side_strip_xz(obj: SceneObject, side: str, depth: float) -> np.ndarray:
    """(4, 2) float, world XZ corners of the floor strip ``depth`` metres deep along one face of the
    object's box, as long as that face: ``side`` is "front" (+Z face), "back" (-Z), "left" (-X) or
    "right" (+X), in the object's own frame."""
    w, d = obj.size[0], obj.size[2]
    if side == "front":
        local = [[-w / 2, d / 2], [w / 2, d / 2], [w / 2, d / 2 + depth], [-w / 2, d / 2 + depth]]
    elif side == "back":
        local = [[-w / 2, -d / 2], [w / 2, -d / 2], [w / 2, -d / 2 - depth], [-w / 2, -d / 2 - depth]]
    elif side == "left":
        local = [[-w / 2, -d / 2], [-w / 2, d / 2], [-w / 2 - depth, d / 2], [-w / 2 - depth, -d / 2]]
    elif side == "right":
        local = [[w / 2, -d / 2], [w / 2, d / 2], [w / 2 + depth, d / 2], [w / 2 + depth, -d / 2]]
    else:
        raise ValueError(f"side must be front, back, left or right, got {side!r}")
    xz = np.asarray(local, dtype=float)
    pts = np.column_stack([xz[:, 0], np.zeros(4), xz[:, 1]])
    return (pts @ obj.rotation_matrix().T + np.asarray(obj.pos))[:, [0, 2]]


def ring_xz(obj: SceneObject, depth: float) -> np.ndarray:
    """(8, 2) float, XZ corners of the object's footprint grown by ``depth`` metres on every side
    (the band used for objects reachable from any side, such as chairs tucked under a table)."""
    w, h, d = obj.size
    grown = SceneObject(id=obj.id, desc=obj.desc, size=(w + 2 * depth, h, d + 2 * depth), pos=obj.pos, rot=obj.rot)
    return footprint_xz(grown)
