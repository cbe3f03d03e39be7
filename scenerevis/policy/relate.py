"""relate.py: candidate poses that meet an arrangement relation (:mod:`arrange`), tried before a piece's usual role.

Frame: world XZ, metres, yaw radians (0 faces +Z). Each function returns poses for a piece of
``size`` [w, h, d] given the bodies already in the :class:`Space`; the placer keeps the first that
fits (no overlap, inside the walls, clearances relaxed step by step). An empty list means the
relation cannot be tried yet (its target is not placed); the piece then falls back to its role.
"""

from __future__ import annotations

import math
import random
import re
from collections.abc import Callable

from shapely.geometry import Point
from shapely.ops import polylabel

from scenerevis.policy.arrange import Relation
from scenerevis.policy.free_space import Body, Space
from scenerevis.policy.groupings import row_length, self_stacked, stack_levels
from scenerevis.policy.poses import Pose, corner_poses, grid_poses, wall_poses
from scenerevis.policy.slots import _at, around_table, on_top
from scenerevis.scene.rooms import load_rooms

Size = tuple[float, float, float]
#: Height (m) of the bottom of a piece that usually stands on furniture when the brief hangs it on a wall.
HANG_Y = 1.0
#: Floor (m) tried between a full row's front clearance and the next row ("12 desks in three rows of four").
NEXT_ROW_EXTRAS = (0.3, 0.6, 0.1)
#: Gap (m) between pieces set side by side / in a row.
ROW_GAP = 0.08
#: Widest gap (m) between two pieces "side by side" (room for a nightstand between two beds).
PAIR_GAP = 0.7
#: Gaps (m) tried between two rows facing each other: room for the chairs of both rows first.
FACING_ROWS_GAP = (1.9, 2.2, 2.6, 1.4)


def _others(space: Space, category: str) -> list[Body]:
    return [b for b in space.bodies if b.category == category and not b.id.startswith("_")]


def relation_poses(
    space: Space,
    rel: Relation,
    category: str,
    size: Size,
    rng: random.Random,
    count: int = 1,
    spread: float = 0.0,
    phrase_of: Callable[[Body], str] | None = None,
    rows: str = "",
) -> list[Pose]:
    """Poses of a ``category`` piece of ``size`` that would meet ``rel`` (best first); ``spread`` > 0 is
    the gap (m) to leave between pieces side by side (something is to stand between them); ``phrase_of``
    names the phrase a placed body was planned for, so a relation to "the pedestal" finds the pedestal among
    generic objects (and "the laser printers" among printers). ``rows`` (``back_to_back`` / ``opposite``) is how
    a second row of an ``in_row`` request stands to the first ("two rows of racks back to back")."""

    def _named(bodies: list[Body], text: str) -> list[Body]:
        return [b for b in bodies if phrase_of(b) == text] if text and phrase_of is not None else bodies

    w, h, d = size
    kind = rel.kind
    # "two benches in the middle, a marver between them": the second stands ``spread`` beside the first
    apart: list[Pose] = []
    if spread and kind in ("middle", "against_wall", "corner") and not rel.target:
        for o in _named(_others(space, category), rel.subject_text)[::-1]:
            apart += [_at(o, sgn * (o.size[0] / 2 + gap + w / 2), 0.0) for gap in (spread, spread + 0.2) for sgn in (1, -1)]
            # or in front of it (the piece between may stand across the gap: a marver between two benches)
            apart += [_at(o, 0.0, sgn * (o.size[2] / 2 + gap + d / 2)) for gap in (spread / 2, spread) for sgn in (1, -1)]
    if kind == "middle":
        c, along_x = _middle(space)
        yaws = [0.0, math.pi] if (w >= d) == along_x else [math.pi / 2, -math.pi / 2]
        return apart + grid_poses(space, (c.x, c.y), yaws + [y + math.pi / 2 for y in yaws], rng, step=0.1, limit=400)
    if kind == "corner":
        return apart + corner_poses(space, w, d, rng)
    if kind == "against_wall":
        poses = apart + wall_poses(space, w, d, rng, prefer="any")
        if load_rooms().category(category).role == "on_surface":  # "a TV on the wall": hung at HANG_Y
            poses = [p._replace(y=max(0.3, min(HANG_Y, space.ceiling - h - 0.05))) for p in poses]
        return poses
    if kind in ("in_row", "side_by_side", "back_to_back", "opposite"):
        peers = _named(_others(space, rel.target or category), rel.target_text if rel.target else rel.subject_text)
        if kind == "in_row" and not peers and rows:  # two rows back to back / facing: centred in the room
            return _first_of_rows(space, w, d, count, rng, facing=rows == "opposite")
        clearance = load_rooms().category(category).clearance
        side = clearance.get("side", 0.0)  # beds keep their bedside floor
        around = clearance.get("around", 0.0)  # tables keep their chairs' floor: a row of tables, chairs between
        if kind == "in_row" and not peers and count >= 3:
            # the first of a row of three or more starts at the end of a long wall, so the row can grow along it
            # (a piece that needs floor all round fails these poses and takes its usual place)
            # (with ``spread``, a companion may stand past the row's last piece too: a nightstand by each bed; the
            # gaps below try ``spread`` + 0.2 m when ``spread`` alone leaves too little room)
            # (tables keep their chairs' floor all round: their neighbours stand past it)
            gap = max(ROW_GAP, 0.75 * side + 0.02, around + 0.02 if around else 0.0, spread + 0.2 if spread else 0.0)
            row = count * w + (count - 1) * gap + spread
            return wall_poses(space, w, d, rng, prefer="corner", row=row)
        out: list[Pose] = []
        gaps = (ROW_GAP, 0.3, 0.58)
        if side:
            gaps = (side + 0.02, 0.75 * side + 0.02) + gaps
        if around:
            gaps = (2 * around, around + 0.02) + gaps
        if spread:
            gaps = (spread, spread + 0.2) + gaps
        if kind == "side_by_side":  # side by side is close: at most a nightstand's width apart
            gaps = tuple(g for g in gaps if g <= PAIR_GAP)
            if not peers and count >= 2:
                # the first of the pair leaves room for the next beside it: off the room's middle by half the
                # pair, then (a piece that stands by a wall) at the end of a wall long enough for the pair
                pair = count * w + (count - 1) * gaps[0]
                c, _ = _middle(space)
                for half in (1.0, 0.0):  # (then in the middle itself, the next beside it: "two sofas ... in the middle")
                    for yaw in (0.0, math.pi / 2, math.pi, -math.pi / 2):
                        for sgn in (-1, 1) if half else (1,):
                            lx = sgn * half * (pair - w) / 2
                            out.append(Pose(c.x + math.cos(yaw) * lx, c.y - math.sin(yaw) * lx, yaw))
                return out + wall_poses(space, w, d, rng, prefer="corner", row=pair)
        per_row = row_length(rel.text, count) if kind == "in_row" else 0
        current = _row_of(peers[-1], peers) if per_row and peers else []
        in_row = {id(b): len(_row_of(b, peers)) for b in peers} if per_row else {}  # pieces in each peer's row
        if len(current) >= per_row > 0 and all(n >= per_row for n in in_row.values()):
            # "12 desks in three rows of four": the row is full, the next one starts in front of its first piece
            first = current[0]
            front = clearance.get("front", 0.6)
            for extra in NEXT_ROW_EXTRAS:
                out.append(_at(first, 0.0, first.size[2] / 2 + front + extra + d / 2))
                out.append(_at(first, 0.0, -(first.size[2] / 2 + front + extra + d / 2)))
        for o in peers[::-1]:  # the latest placed first: rows grow from their end
            if per_row and in_row[id(o)] >= per_row:
                continue  # "in two rows": a full row grows no longer
            ow, _, od = o.size
            if kind in ("in_row", "side_by_side"):
                for gap in gaps:
                    for sgn in (1, -1):
                        # backs in line by a wall; centres in line for pieces with floor all round (tables)
                        back = (d - od) / 2 if o.y0 < 0.05 and not around else 0.0
                        out.append(_at(o, sgn * (ow / 2 + gap + w / 2), back))
            elif kind == "back_to_back":
                out.append(_at(o, 0.0, -(od / 2 + ROW_GAP + d / 2), math.pi))
            else:
                for gap in (1.2, 1.4, 1.6, 1.9, 2.2, 2.6, 3.0):
                    out.append(_at(o, 0.0, od / 2 + gap + d / 2, math.pi))
        if kind == "in_row" and peers and re.search(r"\bwalls\b", rel.text.lower()):
            # "20 lockers along the walls": once the row cannot grow, it goes on along another wall
            out += wall_poses(space, w, d, rng, prefer="corner")
        if kind == "in_row" and len(peers) >= 2:  # a second row behind or in front, once the first cannot grow
            out += next_row_poses(peers, d, rows)
        return out
    targets = _named(_others(space, rel.target), rel.target_text) if rel.target else []
    if not targets:
        return []
    out = []
    if kind == "next_to" and rel.text.startswith(("in front of", "along", "at ")):  # at the target's front, facing it
        for a in [_host(space, t) for t in targets]:
            ad = a.size[2]
            for gap in (0.35, 0.5, 0.2):
                for lateral in (0.0, 0.3, -0.3):
                    out.append(_at(a, lateral, ad / 2 + gap + d / 2, math.pi))
    elif kind == "next_to" and rel.text.startswith("behind"):  # at the target's back facing it, else beside it
        for a in [_host(space, t) for t in targets]:
            aw, _, ad = a.size
            for gap in (0.3, 0.5, 0.15):
                for lateral in (0.0, 0.4, -0.4):
                    out.append(_at(a, lateral, -(ad / 2 + gap + d / 2)))
            out += [_at(a, sgn * (aw / 2 + 0.2 + w / 2), 0.0) for sgn in (1, -1)]
    elif kind == "next_to":
        for a in [_host(space, t) for t in targets]:  # next to a TV is next to its stand
            aw, _, ad = a.size
            for sgn in (1, -1):
                for gap in (0.05, 0.2, 0.4):
                    out.append(_at(a, sgn * (aw / 2 + gap + w / 2), -ad / 2 + d / 2))
    elif kind == "on_top":
        if self_stacked(rel):  # a pile of its own kind: onto a piece below the pile's height
            levels = stack_levels(rel, count)
            targets = [a for a in targets if _level(a, targets) < levels]
        for a in targets:
            # a piece may overhang its host by up to 5 cm a side (a microwave on a mini fridge)
            out += [p for p, s in on_top(a, size, category, count) if s[0] >= w - 0.1 and s[2] >= d - 0.1]
    elif kind == "facing":
        for a in targets:
            ad = a.size[2]
            for dist in (1.5, 2.0, 2.5, 3.0, 3.5, 1.2):
                for lateral in (0.0, 0.6, -0.6, 1.2, -1.2):
                    out.append(_at(a, lateral, ad / 2 + dist + d / 2, math.pi))
    elif kind == "between" and (len(targets) >= 2 or rel.target2):
        if rel.target2:  # "between the piano and the bar counter": the nearest two of them
            seconds = _named(_others(space, rel.target2), rel.target2_text)
            pairs = [(a, b) for a in targets for b in seconds if a is not b]
            if not pairs:
                return []
            a, b = min(pairs, key=lambda ab: math.dist(ab[0].pose[:2], ab[1].pose[:2]))
        else:
            a, b = targets[0], targets[1]
        ax, az, ayaw = a.pose
        bx, bz, _ = b.pose
        mx, mz = (ax + bx) / 2, (az + bz) / 2
        back = a.size[2] / 2 - d / 2
        for t in (1.0, 0.8, 0.6, 0.4, 0.0):
            out.append(Pose(mx - math.sin(ayaw) * back * t, mz - math.cos(ayaw) * back * t, ayaw))
        # turned a quarter, its long side along the gap (a screen between two beds), from the middle back
        back = a.size[2] / 2 - w / 2
        for t in (0.0, 0.4, 0.8):
            for turn in (math.pi / 2, -math.pi / 2):
                out.append(Pose(mx - math.sin(ayaw) * back * t, mz - math.cos(ayaw) * back * t, ayaw + turn))
    elif kind == "around":
        for a in targets:  # the table's chair places first (along its sides), then a circle round it
            out += [pose for pose, _ in around_table(a, size, max(count // len(targets), 1), space.inner)]
        for a in targets:
            ax, az, _ = a.pose
            r = max(a.size[0], a.size[2]) / 2 + d / 2 + 0.15
            for k in range(12):
                ang = 2 * math.pi * k / 12
                x, z = ax + math.sin(ang) * r, az + math.cos(ang) * r
                out.append(Pose(x, z, ang + math.pi))
    return out


def next_row_poses(peers: list[Body], d: float, rows: str = "") -> list[Pose]:
    """Poses of a piece of depth ``d`` (m) that starts another row beside the row of ``peers``: behind or in front
    of a placed piece (latest first), back to back with it or facing it when ``rows`` says so."""
    out: list[Pose] = []
    for o in peers[::-1]:
        od = o.size[2]
        if rows == "back_to_back":
            out.append(_at(o, 0.0, -(od / 2 + ROW_GAP + d / 2), math.pi))
        elif rows == "opposite":
            out += [_at(o, 0.0, od / 2 + gap + d / 2, math.pi) for gap in FACING_ROWS_GAP]
        else:
            out += [_at(o, 0.0, -(od / 2 + 0.7 + d / 2)), _at(o, 0.0, od / 2 + 0.7 + d / 2)]
    return out


def _row_of(last: Body, peers: list[Body]) -> list[Body]:
    """The bodies of ``peers`` in one row with ``last`` (same yaw, centres on the line through ``last`` along its
    width), in placing order."""
    _, _, yaw = last.pose
    fx, fz = math.sin(yaw), math.cos(yaw)
    return [
        b
        for b in peers
        if abs(math.remainder(b.pose[2] - yaw, 2 * math.pi)) < 0.1
        and abs((b.pose[0] - last.pose[0]) * fx + (b.pose[1] - last.pose[1]) * fz) < 0.3
    ]


def _middle(space: Space) -> tuple[Point, bool]:
    """The room's middle (its centroid, else the pole of inaccessibility: polylabel is any point of a long room's
    medial line) and whether its long axis runs along x."""
    room = space.room
    c = room.centroid if room.contains(room.centroid) else polylabel(room, tolerance=0.05)
    minx, minz, maxx, maxz = room.bounds
    return c, (maxx - minx) >= (maxz - minz)


def _first_of_rows(space: Space, w: float, d: float, count: int, rng: random.Random, facing: bool = False) -> list[Pose]:
    """Poses of the first of ``count`` pieces (w x d m) in two rows back to back (or ``facing`` each other
    across FACING_ROWS_GAP): at the end of the first row, so the two rows, grown along the room's long axis,
    end up centred on the room's middle."""
    c, along_x = _middle(space)
    shift = (math.ceil(count / 2) - 1) / 2 * (w + ROW_GAP)
    x, z = (c.x - shift, c.y) if along_x else (c.x, c.y - shift)
    yaws = [0.0, math.pi] if along_x else [math.pi / 2, -math.pi / 2]
    off = -(FACING_ROWS_GAP[0] / 2 + d / 2) if facing else d / 2  # the back (or the front) towards the middle
    if along_x:
        first = [Pose(x, z + off, yaws[0]), Pose(x, z - off, yaws[1])]
    else:
        first = [Pose(x + off, z, yaws[0]), Pose(x - off, z, yaws[1])]
    return first + grid_poses(space, (first[0].x, first[0].z), yaws, rng, step=0.1, limit=200)


def _host(space: Space, body: Body) -> Body:
    """The floor piece ``body`` stands on (itself when it stands on the floor)."""
    if body.y0 < 0.05:
        return body
    under = [b for b in space.bodies if b is not body and abs(b.y1 - body.y0) < 0.02 and b.poly.intersects(body.poly)]
    return under[0] if under else body


def exempt_for(space: Space, rel: Relation) -> set[str]:
    """Bodies whose keep-out zones a piece may enter while meeting ``rel``: the host of an ``on_top``, the
    pieces it stands between, next to or around (a nightstand between two beds stands in their bedside zones,
    chairs around a work table in its front zone) and the pieces it stands side by side with (two work tables
    pushed together)."""
    if rel.kind in ("on_top", "between", "next_to", "around") and rel.target:
        targets = _others(space, rel.target) + (_others(space, rel.target2) if rel.target2 else [])
        return {b.id for b in targets} | {_host(space, b).id for b in targets}
    if rel.kind == "side_by_side":
        return {b.id for b in _others(space, rel.target or rel.subject)}
    return set()


def _level(body: Body, pile: list[Body]) -> int:
    """The level of ``body`` in a pile of its kind: 1 on the floor, one more for each piece of ``pile`` under it."""
    return 1 + sum(1 for b in pile if b is not body and b.y1 <= body.y0 + 0.02 and b.poly.intersects(body.poly))
