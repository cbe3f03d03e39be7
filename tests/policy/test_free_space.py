"""The designer's free space: the walkable-floor cache (regression for the stale ``id()`` key) and the fit tests."""

from __future__ import annotations

import math

from scenerevis.policy.free_space import Body, rect, room_space
from scenerevis.policy.poses import Pose, feasible


def _bar(body_id: str) -> Body:
    # 0.4 m deep bar across the whole 4 m room at z = 0: splits the walkable floor in two.
    return Body(body_id, "bookcase", rect(0.0, 0.0, 0.0, 4.0, 0.4), 0.0, 1.8)


def _corner_box(body_id: str) -> Body:
    # 0.5 x 0.5 m box in the north-west corner: the floor stays in one piece.
    return Body(body_id, "nightstand", rect(-1.7, -1.7, 0.0, 0.5, 0.5), 0.0, 0.5)


def test_walk_regions_exact_counts():
    space = room_space([[-2, -2], [2, -2], [2, 2], [-2, 2]], 2.7)
    assert space.walk_regions() == 1
    space.add(_bar("bar"))
    assert space.walk_regions() == 2
    space.remove("bar")
    assert space.walk_regions() == 1


def test_walk_regions_not_stale_when_a_new_body_reuses_a_freed_address():
    space = room_space([[-2, -2], [2, -2], [2, 2], [-2, 2]], 2.7)
    space.add(_bar("bar"))
    assert space.walk_regions() == 2
    poly = rect(-1.7, -1.7, 0.0, 0.5, 0.5)  # built first, so the next allocation is the Body itself
    old_address = id(space.bodies[0])
    space.remove("bar")
    # CPython hands the block just freed to the next object of that size: the new body sits at the
    # removed body's address, so a cache keyed by addresses sees "the same" body list.
    body = Body.__new__(Body)
    body.__init__("box", "nightstand", poly, 0.0, 0.5)
    # With an address-keyed cache ``id(body) == old_address`` here and the answer was a stale 2; the
    # fixed cache keeps the removed body alive until it is recomputed, so no address is reused.
    del old_address
    space.add(body)
    assert space.walk_regions() == 1


def test_body_ok_gap_to_a_rotated_neighbour_exact():
    # A 1 x 1 m box turned 45 degrees at the origin reaches x = sqrt(2) / 2 = 0.7071 m. A 0.2 m wide piece
    # centred at x = 0.7071 + 0.1 + g touches the box's corner at distance g: with gap 0.05 m it fits from
    # g = 0.05 on and not below (the box-bounds shortcut must not skip the rotated corner).
    space = room_space([[-3, -3], [3, -3], [3, 3], [-3, 3]], 2.7)
    space.add(Body("box", "cabinet", rect(0.0, 0.0, math.pi / 4, 1.0, 1.0), 0.0, 1.0))
    reach = math.sqrt(2) / 2 + 0.1
    assert not space.body_ok(rect(reach + 0.04, 0.0, 0.0, 0.2, 0.2), 0.0, 1.0, gap=0.05)
    assert space.body_ok(rect(reach + 0.06, 0.0, 0.0, 0.2, 0.2), 0.0, 1.0, gap=0.05)
    # Above the box's height range the same spot is free at any distance.
    assert space.body_ok(rect(reach - 0.05, 0.0, 0.0, 0.2, 0.2), 1.2, 1.5, gap=0.05)


def test_keepout_ok_inside_room_and_free_of_floor_bodies():
    space = room_space([[-2, -2], [2, -2], [2, 2], [-2, 2]], 2.7)
    space.add(_corner_box("box"))  # occupies x, z in [-1.95, -1.45]
    assert space.keepout_ok(rect(0.0, 0.0, 0.0, 1.0, 1.0))
    assert not space.keepout_ok(rect(1.9, 0.0, 0.0, 0.4, 0.4))  # 0.1 m past the wall at x = 2: 0.04 m^2 outside
    assert not space.keepout_ok(rect(-1.4, -1.4, 0.0, 0.2, 0.2))  # overlaps the box by 0.05 x 0.05 m
    assert space.keepout_ok(rect(-1.4, -1.4, 0.0, 0.2, 0.2), ignore={"box"})


def test_keeps_connected_cuts_only_the_parts_it_touches():
    # 4 x 4 m room, a 0.4 m deep bar at z = 0 from the west wall to x = 1.2: the two halves meet through the 0.8 m
    # gap at the east wall (walker centres: x = 1.5 .. 1.7).
    space = room_space([[-2, -2], [2, -2], [2, 2], [-2, 2]], 2.7)
    space.add(Body("bar", "bookcase", rect(-0.4, 0.0, 0.0, 3.2, 0.4), 0.0, 1.8))
    assert space.walk_regions() == 1
    # a 0.3 m box in the gap (x = 1.6 +- 0.15) leaves 0.25 m each side: the two halves part -> refused
    assert not space.keeps_connected(rect(1.6, 0.0, 0.0, 0.3, 0.3))
    # the same box in the open south half (far from every edge) cuts nothing
    assert space.keeps_connected(rect(0.0, 1.2, 0.0, 0.3, 0.3))
    # with the halves parted already, another piece in one half does not count as parting them again
    space.add(Body("plug", "cabinet", rect(1.6, 0.0, 0.0, 0.3, 0.3), 0.0, 1.0))
    assert space.walk_regions() == 2
    assert space.keeps_connected(rect(0.0, 1.2, 0.0, 0.3, 0.3))
    # a bar across the south half parts it too: three pieces from two -> refused
    assert not space.keeps_connected(rect(0.0, 1.0, 0.0, 4.0, 0.2))


def test_feasible_drops_centres_too_close_to_a_body_or_a_wall():
    # 4 x 4 m room, a 1 x 1 m box at the origin (near zone 1 + 2 * 0.058 m). A 0.6 x 0.6 m piece needs its
    # centre 0.297 m from the box's near zone and from the walls' inner line (0.02 m in).
    space = room_space([[-2, -2], [2, -2], [2, 2], [-2, 2]], 2.7)
    space.add(Body("box", "cabinet", rect(0.0, 0.0, 0.0, 1.0, 1.0), 0.0, 1.0))
    xs = [0.8, 0.9, 1.0, 1.67, 1.7, -0.5, 0.0, 1.5, -1.5, 1.0]
    poses = [Pose(x, 0.0, 0.0) for x in xs[:5]] + [Pose(x, 1.5, 0.0) for x in xs[5:]]
    kept = [(p.x, p.z) for p in feasible(space, poses, (0.6, 0.8, 0.6))]
    # x = 0.8: 0.242 m from the zone (< 0.297); 0.9: 0.342 m; 1.67: 0.31 m from the inner wall line; 1.7: 0.28 m
    assert kept == [(0.9, 0.0), (1.0, 0.0), (1.67, 0.0), (-0.5, 1.5), (0.0, 1.5), (1.5, 1.5), (-1.5, 1.5), (1.0, 1.5)]
