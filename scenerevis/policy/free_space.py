"""free_space.py: 2D floor occupancy of a room (shapely footprints with height intervals and keep-out zones).

Frame: world XZ plane, metres. A pose is ``(x, z, yaw)`` with yaw in radians about +Y (yaw 0 faces +Z,
DESIGN.md section 2). Footprints are the rotated ``size`` rectangles the box checks use, so a pose
that passes here passes the box collision / out-of-bounds checks.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cached_property

import numpy as np
import shapely
from shapely.geometry import Polygon, box
from shapely.geometry.base import BaseGeometry

#: Horizontal gap kept between bodies whose height ranges overlap (m). >= the 0.05 m voxel pitch,
#: so neighbours share no voxel of the voxel losses either.
BODY_GAP = 0.06
#: Distance kept from the walls (m).
WALL_GAP = 0.02
#: Half the narrowest walkway (m): floor closer than this to furniture is not walkable.
WALK_RADIUS = 0.3
#: A walkable region smaller than this (m^2 of walker-centre area) is a nook, not a part of the room.
MIN_REGION = 0.3


def _regions(parts: list[BaseGeometry]) -> int:
    """Connected pieces of at least ``MIN_REGION`` m^2 in some (multi)polygons."""
    return sum(1 for p in parts for g in getattr(p, "geoms", [p]) if g.area >= MIN_REGION)


def rect(x: float, z: float, yaw: float, w: float, d: float) -> Polygon:
    """Footprint of a ``w`` x ``d`` box (local x / z extents, metres) centred at (x, z), rotated by ``yaw``."""
    c, s = math.cos(yaw), math.sin(yaw)
    # local (lx, lz) -> world: x = c*lx + s*lz, z = -s*lx + c*lz (rotation about +Y)
    pts = [(-w / 2, -d / 2), (w / 2, -d / 2), (w / 2, d / 2), (-w / 2, d / 2)]
    return shapely.polygons([(x + c * lx + s * lz, z - s * lx + c * lz) for lx, lz in pts])


def local_to_world(x: float, z: float, yaw: float, lx: float, lz: float) -> tuple[float, float]:
    """World (x, z) of the point at local offset (lx, lz) of a pose (x, z, yaw)."""
    c, s = math.cos(yaw), math.sin(yaw)
    return x + c * lx + s * lz, z - s * lx + c * lz


def front_zone(x: float, z: float, yaw: float, w: float, d: float, depth: float, side: float = 0.0) -> Polygon | None:
    """Keep-out rectangle of ``depth`` metres in front of a footprint (and ``side`` metres beside it)."""
    polys = []
    if depth > 0:
        cx, cz = local_to_world(x, z, yaw, 0.0, d / 2 + depth / 2)
        polys.append(rect(cx, cz, yaw, w, depth))
    if side > 0:
        for sgn in (-1, 1):
            cx, cz = local_to_world(x, z, yaw, sgn * (w / 2 + side / 2), 0.0)
            polys.append(rect(cx, cz, yaw, side, d))
    if not polys:
        return None
    return shapely.union_all(polys) if len(polys) > 1 else polys[0]


def _near(a: tuple[float, ...], b: tuple[float, ...], margin: float) -> bool:
    """Whether two (min x, min z, max x, max z) boxes overlap once ``a`` is grown by ``margin`` (m)."""
    return a[0] - margin <= b[2] and b[0] <= a[2] + margin and a[1] - margin <= b[3] and b[1] <= a[3] + margin


@dataclass
class Body:
    """One object's footprint on the floor plan.

    ``y0``/``y1`` its height range (m); ``keepout`` floor that must stay free in front of / around it;
    ``rug`` for floor coverings (they block nothing but other rugs).
    """

    id: str
    category: str | None
    poly: Polygon
    y0: float
    y1: float
    keepout: BaseGeometry | None = None
    rug: bool = False
    pose: tuple[float, float, float] = (0.0, 0.0, 0.0)
    size: tuple[float, float, float] = (1.0, 1.0, 1.0)

    @cached_property
    def bounds(self) -> tuple[float, float, float, float]:
        """(min x, min z, max x, max z) of the footprint (m): the cheap first test before a geometric one."""
        return tuple(self.poly.bounds)

    @cached_property
    def near_poly(self) -> Polygon:
        """The footprint grown by just under ``BODY_GAP``: no other body's centre region may reach into it."""
        return self.poly.buffer(BODY_GAP - 2e-3, join_style="mitre")

    @cached_property
    def keepout_core(self) -> BaseGeometry | None:
        """The keep-out zone shrunk by 2 mm (touching it is not entering it), None without one."""
        return None if self.keepout is None else self.keepout.buffer(-2e-3)

    @cached_property
    def keepout_bounds(self) -> tuple[float, float, float, float] | None:
        """(min x, min z, max x, max z) of the keep-out zone (m), None without one."""
        return None if self.keepout is None else tuple(self.keepout.bounds)


@dataclass
class WallSegment:
    """One wall: from ``a`` to ``b`` (XZ), ``normal`` pointing into the room, ``yaw`` facing that way."""

    a: np.ndarray
    b: np.ndarray
    normal: np.ndarray
    index: int

    @property
    def length(self) -> float:
        return float(np.linalg.norm(self.b - self.a))

    @property
    def direction(self) -> np.ndarray:
        return (self.b - self.a) / max(self.length, 1e-9)

    @property
    def yaw(self) -> float:
        return math.atan2(self.normal[0], self.normal[1])

    def name(self) -> str:
        """ "north wall (z = -2.00)" style name; north is -Z, east is +X."""
        nx, nz = self.normal
        if abs(nz) >= abs(nx):
            side, coord = ("north", f"z = {self.a[1]:.2f}") if nz > 0 else ("south", f"z = {self.a[1]:.2f}")
        else:
            side, coord = ("west", f"x = {self.a[0]:.2f}") if nx > 0 else ("east", f"x = {self.a[0]:.2f}")
        return f"{side} wall ({coord})"


@dataclass
class Space:
    """The room floor polygon and the bodies placed on it; ``clearance`` scales every keep-out zone made for it
    (below 1 on a floor the brief makes tight: a camper van's aisle is narrower than a living room's)."""

    room: Polygon
    ceiling: float
    bodies: list[Body] = field(default_factory=list)
    clearance: float = 1.0

    def __post_init__(self) -> None:
        self.room = shapely.Polygon(self.room).buffer(0)
        self.inner = self.room.buffer(-WALL_GAP + 1e-4, join_style="mitre")
        shapely.prepare(self.inner)
        shapely.prepare(self.room)

    # ------------------------------------------------------------------ queries
    def walls(self) -> list[WallSegment]:
        """The room's edges, counter-clockwise, with inward normals."""
        ring = shapely.geometry.polygon.orient(self.room, 1.0).exterior
        pts = np.asarray(ring.coords)[:-1]
        out = []
        for i in range(len(pts)):
            a, b = pts[i], pts[(i + 1) % len(pts)]
            d = b - a
            n = np.array([-d[1], d[0]]) / max(np.linalg.norm(d), 1e-9)
            out.append(WallSegment(a, b, n, i))
        return out

    def get(self, body_id: str) -> Body | None:
        return next((b for b in self.bodies if b.id == body_id), None)

    def of_category(self, *cats: str) -> list[Body]:
        return [b for b in self.bodies if b.category in cats]

    def body_ok(
        self,
        poly: Polygon,
        y0: float,
        y1: float,
        ignore: set[str] | frozenset[str] = frozenset(),
        exempt: set[str] | frozenset[str] = frozenset(),
        gap: float = BODY_GAP,
        rug: bool = False,
    ) -> bool:
        """Whether a footprint fits: inside the room (``WALL_GAP`` from walls), under the ceiling,
        ``gap`` from every other body whose height range overlaps, and outside the keep-out zones of
        bodies not in ``exempt``. Rugs only avoid other rugs and need to be inside the room."""
        if y1 > self.ceiling - 0.01 or not self.inner.covers(poly):
            return False
        box = poly.bounds
        reach = 1.5 * max(gap, 0.0)  # a mitred buffer grows the footprint's bounds by at most gap * sqrt(2)
        grown = None
        for b in self.bodies:
            if b.id in ignore:
                continue
            if rug or b.rug:
                if rug and b.rug and _near(box, b.bounds, 0.0) and b.poly.intersection(poly).area > 1e-3:
                    return False
                continue
            if min(y1, b.y1) - max(y0, b.y0) > 1e-3 and _near(box, b.bounds, reach):
                if grown is None:
                    grown = poly.buffer(gap, join_style="mitre") if gap > 0 else poly
                if grown.intersects(b.poly):
                    return False
            if (
                b.keepout is not None
                and b.id not in exempt
                and y0 < 0.3
                and _near(box, b.keepout_bounds, 0.0)
                and b.keepout.intersection(poly).area > 1e-4
            ):
                return False
        return True

    def keepout_ok(self, zone: BaseGeometry | None, ignore: set[str] | frozenset[str] = frozenset()) -> bool:
        """A keep-out zone is inside the room and free of other floor-standing bodies."""
        if zone is None:
            return True
        if not self.room.covers(zone) and zone.difference(self.room).area > 1e-3:
            return False
        box = zone.bounds
        for b in self.bodies:
            if b.id in ignore or b.rug or b.y0 > 0.3:
                continue
            if _near(box, b.bounds, 0.0) and b.poly.intersection(zone).area > 1e-4:
                return False
        return True

    def _blocked(self):
        """Floor within ``WALK_RADIUS`` of a floor-standing body, cached while the body list is unchanged.

        The cache holds the bodies themselves (compared by identity), not their ``id()``: a key of
        addresses goes stale when a removed body is freed and a new one reuses its address.
        """
        cached = getattr(self, "_blocked_bodies", None)
        if cached is None or len(cached) != len(self.bodies) or any(a is not b for a, b in zip(cached, self.bodies)):
            polys = [b.poly.buffer(WALK_RADIUS, join_style="mitre") for b in self.bodies if not b.rug and b.y0 < 0.3]
            self._blocked_geom = shapely.union_all(polys) if polys else None
            self._blocked_bodies = tuple(self.bodies)
            self._walk_parts = None
        return self._blocked_geom

    def _walk(self) -> list[BaseGeometry]:
        """The walkable floor's connected parts now (walker centres; cached with :meth:`_blocked`)."""
        blocked = self._blocked()
        if self._walk_parts is None:
            walk = self.room.buffer(-WALK_RADIUS, join_style="mitre")
            if blocked is not None:
                walk = walk.difference(blocked)
            self._walk_parts = [g for g in getattr(walk, "geoms", [walk]) if not g.is_empty]
        return self._walk_parts

    def walk_regions(self) -> int:
        """Walkable regions of the floor now (a walker of radius ``WALK_RADIUS`` m; nooks ignored)."""
        return _regions(self._walk())

    def keeps_connected(self, poly: Polygon) -> bool:
        """Whether adding a floor footprint leaves the walkable floor in no more pieces than now.

        Only the parts the grown footprint touches can change: each is cut by it alone, which counts the same
        pieces as cutting the whole floor by every body again."""
        parts = self._walk()
        before = _regions(parts)
        grown = poly.buffer(WALK_RADIUS, join_style="mitre")
        box = grown.bounds
        after = before
        for g in parts:
            if _near(box, g.bounds, 0.0) and g.intersects(grown):
                after += _regions([g.difference(grown)]) - _regions([g])
        return after <= max(before, 1)

    def no_slivers(self, poly: Polygon, exempt: set[str], lo: float, hi: float) -> bool:
        """False when ``poly`` would stand ``lo``..``hi`` metres from a wall or from a floor-standing
        body taller than 0.3 m (not in ``exempt``): a strip of floor too narrow to walk through."""
        for b in self.bodies:
            if b.rug or b.id in exempt or b.y0 > 0.3 or b.y1 - b.y0 < 0.3:
                continue
            if lo < poly.distance(b.poly) < hi:
                return False
        for wall in self._edges():
            if lo < poly.distance(wall) < hi:
                return False
        return True

    def _edges(self) -> list:
        if not hasattr(self, "_edge_lines"):
            ring = list(self.room.exterior.coords)
            self._edge_lines = [shapely.LineString([ring[i], ring[i + 1]]) for i in range(len(ring) - 1)]
        return self._edge_lines

    # ------------------------------------------------------------------ edits
    def add(self, body: Body) -> None:
        self.bodies.append(body)

    def remove(self, body_id: str) -> Body | None:
        b = self.get(body_id)
        if b is not None:
            self.bodies.remove(b)
        return b

    @contextmanager
    def tentative(self, body: Body, body_id: str = "_probe") -> Iterator[Body]:
        """Stand ``body`` in the room (as ``body_id``) for the ``with`` block, e.g. to test what fits around
        a candidate anchor; on exit it and every body added during the block are removed again and
        ``body`` gets its own id back, so the space is exactly as before."""
        old_id, before = body.id, list(self.bodies)
        body.id = body_id
        self.add(body)
        try:
            yield body
        finally:
            self.bodies[:] = before
            body.id = old_id

    def free_area(self) -> float:
        """Floor area not covered by non-rug bodies standing on the floor (m^2)."""
        used = [b.poly for b in self.bodies if not b.rug and b.y0 < 0.05]
        return float(self.room.difference(shapely.union_all(used)).area) if used else float(self.room.area)


def room_space(floor_xz: np.ndarray, ceiling: float, clearance: float = 1.0) -> Space:
    """An empty :class:`Space` of a floor polygon ``(n, 2)`` (XZ, metres) and a ceiling height (m)."""
    return Space(Polygon(np.asarray(floor_xz, dtype=float)), ceiling, clearance=clearance)


def bbox_of(poly: BaseGeometry) -> Polygon:
    return box(*poly.bounds)
