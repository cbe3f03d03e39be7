"""poses.py: candidate poses for one object (against a wall, in a corner, free on the floor) and the fit test.

Frame: world XZ, metres; yaw in radians about +Y (0 faces +Z). A candidate is accepted when its
footprint fits the :class:`Space` and its keep-out zone is free (see :mod:`free_space`).
"""

from __future__ import annotations

import math
import random
from collections.abc import Iterable, Iterator
from typing import NamedTuple

import numpy as np
import shapely

from scenerevis.policy.free_space import (
    WALL_GAP,
    Body,
    Space,
    WallSegment,
    rect,
)
from scenerevis.policy.occupancy import keepout_for, one_sided

#: (clearance factor, strict) tiers tried in order: full clearance without leaving slivers of floor
#: too narrow to walk through, then full clearance, then reduced clearances.
CLEARANCE_STEPS: tuple[tuple[float, bool], ...] = ((1.0, True), (1.0, False), (0.75, False), (0.5, False))
#: Gaps between a piece and its neighbours or the walls in this range (m) are dead, unwalkable slivers.
SLIVER = (0.12, 0.6)


class Pose(NamedTuple):
    """Bottom-centre (x, y, z) in metres and yaw in radians; ``wall`` is the wall it backs onto, if any.

    A named tuple: the search makes thousands per piece, three times faster than a frozen dataclass.
    """

    x: float
    z: float
    yaw: float
    y: float = 0.0
    wall: WallSegment | None = None


def fit(
    space: Space,
    category: str,
    pose: Pose,
    size: tuple[float, float, float],
    obj_id: str = "",
    exempt: set[str] | frozenset[str] = frozenset(),
    factor: float = 1.0,
    rug: bool = False,
    gap: float | None = None,
    strict: bool = False,
    connect: bool = True,
    clip: bool = False,
) -> Body | None:
    """The body of ``category`` at ``pose`` when it fits ``space`` (not added), else None.

    ``exempt`` are bodies whose keep-out zones this object may enter (its group's anchor); its own
    keep-out zone must be inside the room and free of every floor body except the ``exempt`` ones.
    ``strict`` also rejects poses that leave a gap in the ``SLIVER`` range to a wall or a neighbour;
    ``connect`` rejects poses that would cut the walkable floor into more pieces; ``clip`` cuts the keep-out
    zone at the walls (a bed pushed into a corner keeps no bedside floor on its wall side); a bed for one is
    always clipped (:func:`~scenerevis.policy.occupancy.one_sided`).
    """
    w, h, d = size
    poly = rect(pose.x, pose.z, pose.yaw, w, d)
    kwargs = {} if gap is None else {"gap": gap}
    if not space.body_ok(poly, pose.y, pose.y + h, exempt=exempt, rug=rug, **kwargs):
        return None
    keep = None if rug or pose.y > 0.3 else keepout_for(category, pose.x, pose.z, pose.yaw, w, d, factor * space.clearance)
    if keep is not None and (clip or one_sided(category, w)):
        keep = keep.intersection(space.room)
    if keep is not None and not space.keepout_ok(keep, ignore=set(exempt)):
        return None
    if strict and not rug and pose.y < 0.3 and not space.no_slivers(poly, set(exempt), *SLIVER):
        return None
    if connect and not rug and pose.y < 0.3 and not space.keeps_connected(poly):
        return None
    return Body(obj_id, category, poly, pose.y, pose.y + h, keep, rug, (pose.x, pose.z, pose.yaw), tuple(size))


def wall_poses(
    space: Space,
    w: float,
    d: float,
    rng: random.Random,
    prefer: str = "any",
    step: float = 0.05,
    facing_wall: bool = False,
    along_wall: bool = False,
    offset: float = 0.0,
    wall_order: list[int] | None = None,
    jitter: float = 0.3,
    row: float = 0.0,
) -> list[Pose]:
    """Poses with the object's back against a wall, front into the room, sorted best first.

    ``prefer``: ``"center"`` (middle of long walls first), ``"corner"`` (ends of walls first) or
    ``"any"`` (seeded order). ``facing_wall`` turns the front to the wall (cardio machines);
    ``along_wall`` puts the long side against the wall (bathtubs). ``offset`` adds distance from the wall.
    ``row`` > 0 (m): the length of the row this piece starts; walls long enough to hold it come first.
    """
    along, out = (d, w) if along_wall else (w, d)
    walls = space.walls()
    longest = max(wl.length for wl in walls)
    cands: list[tuple[float, Pose]] = []
    standing = [b.poly for b in space.bodies if not b.rug and b.y0 < 0.05] if row else []
    taken = shapely.union_all(standing) if standing else None
    for wall in walls:
        L = wall.length
        if L < along + 2 * WALL_GAP:
            continue
        lo, hi = along / 2 + WALL_GAP + 0.005, L - along / 2 - WALL_GAP - 0.005
        ts = list(np.arange(lo, hi + 1e-9, step)) + [L / 2] if hi > lo else [L / 2]
        base_cost = (longest - L) * (1.0 if prefer == "center" else 0.3)
        if row and L < row + 2 * WALL_GAP:
            base_cost += 5.0  # the row would not fit along this wall
        if wall_order is not None and wall.index in wall_order:
            base_cost -= 5.0 * (len(wall_order) - wall_order.index(wall.index))
        wall_jitter = rng.uniform(0, jitter * 3)
        yaw = wall.yaw + (math.pi if facing_wall else 0.0) + (math.pi / 2 if along_wall else 0.0)
        direction, shift = wall.direction, wall.normal * (out / 2 + WALL_GAP + 0.005 + offset)
        for t in ts:
            if t < lo - 1e-9 or t > hi + 1e-9:
                continue
            p = wall.a + direction * t + shift
            if prefer == "center":
                cost = abs(t - L / 2)
            elif prefer == "corner":
                cost = min(t - lo, hi - t)
            else:
                cost = 0.0
            cost += base_cost + wall_jitter + rng.uniform(0, jitter)
            if taken is not None and row > along and not _row_free(wall, t, along, out, row, taken):
                cost += 4.0  # a piece stands where the row would grow, either way along the wall
            cands.append((cost, Pose(float(p[0]), float(p[1]), yaw, 0.0, wall)))
    cands.sort(key=lambda c: c[0])
    return [p for _, p in cands]


def _row_free(wall, t: float, along: float, out: float, row: float, taken) -> bool:
    """Whether a row of length ``row`` (m) started by a piece at ``t`` along ``wall`` (``along`` wide, ``out``
    deep) has free floor against the wall in at least one direction (``taken``: the standing pieces' union)."""
    for a, b in ((t - along / 2, t - along / 2 + row), (t + along / 2 - row, t + along / 2)):
        if a < -0.05 or b > wall.length + 0.05:
            continue  # the row would run past the wall's end this way
        ends = [wall.a + wall.direction * v for v in (a + 0.02, b - 0.02)]
        depth = wall.normal * (out + WALL_GAP)
        strip = shapely.Polygon([ends[0], ends[1], ends[1] + depth, ends[0] + depth])
        if not strip.intersects(taken):
            return True
    return False


def corner_poses(space: Space, w: float, d: float, rng: random.Random) -> list[Pose]:
    """Poses tucked into the room's corners (back to one wall, side to the other), corners in seeded order."""
    walls = space.walls()
    out = []
    for wall in walls:
        for at_end in (False, True):
            t = (wall.length - w / 2 - WALL_GAP - 0.01) if at_end else (w / 2 + WALL_GAP + 0.01)
            if wall.length < w + 0.05:
                continue
            p = wall.a + wall.direction * t + wall.normal * (d / 2 + WALL_GAP + 0.01)
            out.append((rng.random(), Pose(float(p[0]), float(p[1]), wall.yaw, 0.0, wall)))
    out.sort(key=lambda c: c[0])
    return [p for _, p in out]


def random_array(rng: random.Random, n: int) -> np.ndarray:
    """``[rng.random() for _ in range(n)]`` as an array, drawn at numpy speed and leaving ``rng`` where that loop would.

    Python's ``random.Random`` and numpy's ``MT19937`` are the same Mersenne Twister with the same 53-bit
    doubles, so the generator's state is handed to numpy and back: the numbers, and every later draw, are
    bit-identical to the loop's (the golden episodes depend on it).
    """
    version, internal, gauss_next = rng.getstate()
    bits = np.random.MT19937()
    bits.state = {"bit_generator": "MT19937", "state": {"key": np.array(internal[:-1], dtype=np.uint32), "pos": internal[-1]}}
    out = np.random.RandomState(bits).random_sample(n)
    after = bits.state["state"]
    rng.setstate((version, (*(int(k) for k in after["key"]), int(after["pos"])), gauss_next))
    return out


def grid_poses(
    space: Space,
    target: tuple[float, float],
    yaws: Iterable[float],
    rng: random.Random,
    step: float = 0.1,
    limit: int = 3000,
) -> list[Pose]:
    """Poses on a ``step`` grid over the room, nearest to ``target`` (x, z) first, each with every yaw."""
    minx, minz, maxx, maxz = space.room.bounds
    xs = np.arange(minx + step / 2, maxx, step)
    zs = np.arange(minz + step / 2, maxz, step)
    gx, gz = np.meshgrid(xs, zs, indexing="ij")
    pts = np.column_stack([gx.ravel(), gz.ravel()])
    dist = np.hypot(pts[:, 0] - target[0], pts[:, 1] - target[1]) + 0.02 * random_array(rng, len(pts))
    order = np.argsort(dist)[:limit]
    yaws = list(yaws)
    return [Pose(x, z, y) for x, z in pts[order].tolist() for y in yaws]


def feasible(
    space: Space,
    poses: Iterable[Pose],
    size: tuple[float, float, float],
    exempt: set[str] | frozenset[str] = frozenset(),
    rug: bool = False,
) -> list[Pose]:
    """The poses that may fit: a fast, conservative filter run before :func:`fit`.

    A footprint contains the disc of radius min(w, d) / 2 around its centre, so a pose whose centre
    lies outside the free floor eroded by that radius cannot fit. Rugs and mixed heights pass unfiltered.
    """
    poses = list(poses)
    if rug or len(poses) < 8 or len({round(p.y, 4) for p in poses}) != 1:
        return poses
    w, h, d = size
    y0 = poses[0].y
    y1 = y0 + h
    blocks = [b.near_poly for b in space.bodies if not b.rug and min(y1, b.y1) - max(y0, b.y0) > 1e-3]
    if y0 < 0.3:
        blocks += [b.keepout_core for b in space.bodies if b.keepout is not None and b.id not in exempt]
    r = min(w, d) / 2 - 3e-3
    region = space.inner.buffer(-r) if r > 0 else space.inner
    if region.is_empty:
        return []
    xs = np.fromiter((p.x for p in poses), float, len(poses))
    zs = np.fromiter((p.z for p in poses), float, len(poses))
    mask = shapely.intersects_xy(region, xs, zs)
    if blocks:  # a centre closer than r to a block: its disc reaches into the block
        hit = shapely.STRtree(blocks).query(shapely.points(xs, zs), predicate="dwithin", distance=max(r, 0.0))[0]
        mask[hit] = False
    return [p for p, m in zip(poses, mask) if m]


def first_fit(
    space: Space,
    category: str,
    poses: Iterable[Pose],
    size: tuple[float, float, float],
    exempt: set[str] | frozenset[str] = frozenset(),
    factors: Iterable[tuple[float, bool]] = CLEARANCE_STEPS,
    rug: bool = False,
    limit: int = 4000,
    clip: bool = False,
) -> Body | None:
    """The first pose that fits, trying every pose at the strictest tier before relaxing it (``clip``: see
    :func:`fit`)."""
    poses = feasible(space, list(poses)[:limit], size, exempt, rug)
    for f, strict in factors:
        for pose in poses:
            body = fit(space, category, pose, size, exempt=exempt, factor=f, rug=rug, strict=strict, clip=clip)
            if body is not None:
                return body
    return None


def iter_sizes(
    size: tuple[float, float, float], min_size: tuple[float, float, float], steps: int = 3
) -> Iterator[tuple[float, float, float]]:
    """``size``, then sizes shrunk towards ``min_size`` in ``steps`` equal steps (width and depth only)."""
    yield size
    w, h, d = size
    for k in range(1, steps + 1):
        t = k / steps
        nw = w + (min(min_size[0], w) - w) * t
        nd = d + (min(min_size[2], d) - d) * t
        if (nw, nd) != (w, d):
            yield (round(nw, 3), h, round(nd, 3))


def corner_fit(
    space: Space,
    category: str,
    size: tuple[float, float, float],
    min_size: tuple[float, float, float],
    rng: random.Random,
    clip: bool = False,
) -> Body | None:
    """A ``category`` piece tucked into a corner, shrunk from ``size`` towards ``min_size`` (w, h, d metres) if
    need be (``clip``: see :func:`fit`)."""
    for sized in iter_sizes(size, min_size, 2):
        body = first_fit(space, category, corner_poses(space, sized[0], sized[2], rng), sized, clip=clip)
        if body is not None:
            return body
    return None
