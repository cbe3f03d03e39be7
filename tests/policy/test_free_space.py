"""Walkable-floor cache of the designer's free space: regression for the stale ``id()`` key."""

from __future__ import annotations

from scenerevis.policy.free_space import Body, rect, room_space


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
