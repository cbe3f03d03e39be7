"""slots.py: where a companion piece goes relative to its anchor (nightstands by the bed head, chairs around a table, ...).

Each function takes the anchor's :class:`Body` (pose ``(x, z, yaw)`` and ``size`` in metres, yaw in
radians, front +Z) and the companion's size, and returns candidate ``(Pose, size)`` pairs in the
world frame, best first. Companions keep a small gap to their anchor so boxes never touch.
"""

from __future__ import annotations

import math

from shapely.geometry.base import BaseGeometry

from scenerevis.policy.free_space import BODY_GAP, Body, local_to_world, rect
from scenerevis.policy.plan import dining_layout
from scenerevis.policy.poses import Pose

Size = tuple[float, float, float]
Slot = tuple[Pose, Size]
G = BODY_GAP + 0.01


def _at(anchor: Body, lx: float, lz: float, dyaw: float = 0.0, y: float = 0.0) -> Pose:
    x, z, yaw = anchor.pose
    wx, wz = local_to_world(x, z, yaw, lx, lz)
    return Pose(wx, wz, yaw + dyaw, y)


def bed_side(bed: Body, size: Size) -> list[Slot]:
    """Nightstands flanking the bed head, backs to the same wall (left then right)."""
    bw, _, bd = bed.size
    w, _, d = size
    lz = -bd / 2 + d / 2
    return [(_at(bed, sgn * (bw / 2 + G + w / 2), lz), size) for sgn in (-1, 1)]


def bed_foot(bed: Body, size: Size) -> list[Slot]:
    """A bench across the foot of the bed."""
    bw, _, bd = bed.size
    w, h, d = size
    w = min(w, bw)
    return [(_at(bed, 0.0, bd / 2 + G + d / 2), (w, h, d))]


def sofa_front(sofa: Body, size: Size) -> list[Slot]:
    """A coffee table 0.45 m in front of the seat, centred (then 0.4 / 0.5 m)."""
    sw, _, sd = sofa.size
    w, h, d = size
    w = min(w, max(sw - 0.3, 0.6))
    return [(_at(sofa, 0.0, sd / 2 + gap + d / 2), (w, h, d)) for gap in (0.45, 0.4, 0.5)]


def beside(anchor: Body, size: Size) -> list[Slot]:
    """Side tables at the ends of a sofa / armchair, aligned with its back half."""
    aw, _, ad = anchor.size
    w, _, d = size
    lz = -ad / 2 + d / 2 + 0.05
    return [(_at(anchor, sgn * (aw / 2 + G + w / 2), lz), size) for sgn in (1, -1)]


def desk_front(desk: Body, size: Size) -> list[Slot]:
    """The desk chair in front of the desk, facing it."""
    _, _, dd = desk.size
    _w, _, d = size
    return [(_at(desk, lx, dd / 2 + G + d / 2, math.pi), size) for lx in (0.0, 0.15, -0.15)]


def around_table(table: Body, size: Size, n_total: int, room: BaseGeometry | None = None) -> list[Slot]:
    """Chair places around a table for ``n_total`` chairs, alternating sides, each facing the table.

    Rectangular and round tables alike are boxes for the checks, so chairs sit on the four sides. With the free
    floor ``room`` (XZ polygon) given, a place off it (the table stands against a wall) gives way to a place at an
    end the layout left free: a table for two against a wall seats them at its ends.
    """
    slots = _around(table, size, n_total)
    if room is None:
        return slots
    inside = [s for s in slots if _on_floor(s, room)]
    if len(inside) == len(slots):
        return slots
    taken = {(round(p.x, 3), round(p.z, 3)) for p, _ in slots}
    ends = [s for s in _ends(table, size) if (round(s[0].x, 3), round(s[0].z, 3)) not in taken and _on_floor(s, room)]
    return inside + ends[: len(slots) - len(inside)]


def _on_floor(slot: Slot, room: BaseGeometry) -> bool:
    pose, (w, _, d) = slot
    return room.covers(rect(pose.x, pose.z, pose.yaw, w, d))


def _ends(table: Body, size: Size) -> list[Slot]:
    """The two places at a table's short ends, each facing it."""
    tw, _, td = table.size
    w, h, d = size
    long_x = tw >= td
    L, S = (tw, td) if long_x else (td, tw)
    off = L / 2 + G + d / 2
    end_w = max(min(w, S - 0.1), 0.36)
    out = []
    for sgn in (1, -1):
        if long_x:
            pose = _at(table, sgn * off, 0.0, -math.pi / 2 if sgn > 0 else math.pi / 2)
        else:
            pose = _at(table, 0.0, sgn * off, math.pi if sgn > 0 else 0.0)
        out.append((pose, (end_w, h, d)))
    return out


def _around(table: Body, size: Size, n_total: int) -> list[Slot]:
    """The places of :func:`around_table` for ``n_total`` chairs, blind to the room."""
    tw, _, td = table.size
    w, h, d = size
    per_side, ends = dining_layout(max(n_total, 1), square=abs(tw - td) < 0.25)
    long_x = tw >= td
    L = tw if long_x else td
    S = td if long_x else tw
    spacing = L / per_side
    cw = max(min(w, spacing - G - 0.02), 0.36)
    slots: list[Slot] = []
    side_slots: list[list[Slot]] = [[], []]
    for i in range(per_side):
        t = -L / 2 + spacing * (i + 0.5)
        for k, sgn in enumerate((1, -1)):
            off = S / 2 + G + d / 2
            if long_x:
                pose = _at(table, t, sgn * off, math.pi if sgn > 0 else 0.0)
            else:
                pose = _at(table, sgn * off, t, -math.pi / 2 if sgn > 0 else math.pi / 2)
            side_slots[k].append((pose, (cw, h, d)))
    for a, b in zip(side_slots[0], side_slots[1]):
        slots.extend([a, b])
    if ends:
        slots.extend(_ends(table, size)[: max(ends, 0)])
    return slots


def counter_front(counter: Body, size: Size, n: int = 3) -> list[Slot]:
    """Stools along the front of a counter or island, facing it, 0.6 m apart."""
    cw, _, cd = counter.size
    _w, _, d = size
    k = max(1, min(n, int((cw + 0.1) // 0.6)))
    xs = [(-(k - 1) / 2 + i) * 0.6 for i in range(k)]
    return [(_at(counter, x, cd / 2 + G + 0.05 + d / 2, math.pi), size) for x in xs]


def coffee_sides(table: Body, size: Size) -> list[Slot]:
    """Armchairs at both ends of a coffee table, turned towards it (then one facing it from the far side)."""
    tw, _, td = table.size
    _w, _, d = size
    off = tw / 2 + 0.35 + d / 2
    out = []
    for lz in (0.2, 0.0, 0.35):
        out += [(_at(table, off, lz, -math.pi / 2), size), (_at(table, -off, lz, math.pi / 2), size)]
    out.append((_at(table, 0.0, td / 2 + 0.45 + d / 2, math.pi), size))
    return out


#: Objects set on a host rest this far above its top (m): touching meshes make FCL report contacts
#: (BVH depths between touching faces can be large), so pieces never quite touch.
SURFACE_GAP = 0.002


#: Spacing (m) of the places tried across a top once its usual ones (back corners, back middle) are taken.
ON_TOP_STEP = 0.1


def on_top(host: Body, size: Size, category: str, n: int = 1) -> list[Slot]:
    """Places on the host's top surface (y = host top + SURFACE_GAP): TVs and monitors centred at the back, lamps at the ends."""
    hw, _, hd = host.size
    w, h, d = size
    w = min(w, hw - 0.04)
    d = min(d, hd - 0.04)
    if w <= 0.05 or d <= 0.02:
        return []
    y = host.y1 + SURFACE_GAP
    back = -hd / 2 + d / 2 + 0.02
    if category in ("tv", "monitor"):
        side = w / 2 + 0.04
        order = (-side, side, 0.0) if n >= 2 else (0.0, -side, side)
        return [(_at(host, lx, back, 0.0, y), (w, h, d)) for lx in order]
    end = max(hw / 2 - w / 2 - 0.03, 0.0)
    spots = [(0.0, 0.0)] if hw < 2.2 * w + 0.1 and category == "table_lamp" and host.category == "nightstand" else []
    if n >= 3 and hw >= n * (w + 0.06):  # "a row of four buckets on a bench": evenly along the back, end to end
        spots += [(round(-hw / 2 + (k + 0.5) * hw / n, 3), back) for k in range(n)]
    spots += [(end, back), (-end, back), (0.0, back)]
    # then anywhere on the top, back row first, outer places first: four things on one desk, a mortar and a scale
    # and a till on one counter
    front = max(hd / 2 - d / 2 - 0.02, back)
    steps = max(int(2 * end / ON_TOP_STEP), 0)
    xs = sorted({round(-end + k * 2 * end / steps, 3) for k in range(steps + 1)} if steps else {0.0}, key=lambda v: -abs(v))
    for lz in sorted({round(back, 3), 0.0, round(front, 3)}):
        spots += [(lx, lz) for lx in xs if (lx, lz) not in spots]
    return [(_at(host, lx, lz, 0.0, y), (w, h, d)) for lx, lz in spots]
