"""Tests of scenerevis/policy/brief_check.py: expectation files and the relation geometry."""

from __future__ import annotations

import json
import math

import pytest

from scenerevis.policy.brief_check import Expectation, load_expectations, matches, relation_met, score_brief
from scenerevis.scene.formats import make_room
from scenerevis.scene.model import SceneObject
from scenerevis.scene.rotation import yaw_to_quat


def _room():
    return make_room([(-2.0, -2.0), (2.0, -2.0), (2.0, 2.0), (-2.0, 2.0)], 2.7, "study", "t")


def _obj(i, desc, x, z, yaw, size, y=0.0):
    return SceneObject(f"o{i}", desc, tuple(size), (x, y, z), tuple(yaw_to_quat(yaw)))


def test_matching_uses_the_head_of_the_description():
    assert matches(_obj(0, "white oak desk with drawers", 0, 0, 0, (1, 1, 1)), "desk")
    assert not matches(_obj(0, "brass desk lamp", 0, 0, 0, (1, 1, 1)), "desk")
    assert matches(_obj(0, "two-seat sofas", 0, 0, 0, (1, 1, 1)), "loveseat|sofa")
    # "in" / "on" inside a hyphenated word do not end the head
    assert matches(_obj(0, "built-in bar", 0, 0, 0, (1, 1, 1)), "wet bar|bar")
    assert matches(_obj(0, "ride-on lawn mower", 0, 0, 0, (1, 1, 1)), "lawn mower")
    assert not matches(_obj(0, "bar in the corner-unit", 0, 0, 0, (1, 1, 1)), "unit")


def test_relations_on_hand_placed_boxes():
    scene = _room()
    # two 1.2 x 0.6 desks back to back at the centre: backs 0.02 m apart
    scene.objects = [
        _obj(0, "desk", 0.0, 0.31, 0.0, (1.2, 0.75, 0.6)),
        _obj(1, "desk", 0.0, -0.31, math.pi, (1.2, 0.75, 0.6)),
        _obj(2, "bookshelf", -1.0, 1.8, math.pi, (0.9, 1.9, 0.35)),  # back on the z = 2 wall
        _obj(3, "plant", 1.7, -1.7, 0.0, (0.4, 1.0, 0.4)),
        _obj(4, "lamp", 0.0, 0.31, 0.0, (0.3, 0.5, 0.3), y=0.75),
    ]
    assert relation_met(scene, ["back_to_back", "desk", "desk"])
    assert relation_met(scene, ["middle", "desk"])
    assert relation_met(scene, ["against_wall", "bookshelf"])
    assert not relation_met(scene, ["against_wall", "desk"])
    assert relation_met(scene, ["corner", "plant"])
    assert not relation_met(scene, ["corner", "desk"])
    assert relation_met(scene, ["on_top", "lamp", "desk"])
    assert not relation_met(scene, ["side_by_side", "desk", "desk"])
    assert not relation_met(scene, ["middle", "sofa"])  # nothing matches


def test_score_counts_items_filler_and_area():
    scene = _room()
    scene.objects = [_obj(0, "desk", 0, 0, 0, (1.2, 0.75, 0.6)), _obj(1, "white chair", 1, 1, 0, (0.5, 0.9, 0.5))]
    sc = score_brief(scene, Expectation("study", "p", {"desk": 2, "chair": 1}, attributes=[["chair", "white"]], area=16.0))
    assert (sc.items_found, sc.items_wanted, sc.items_full, sc.filler, sc.attributes_met, sc.area_ok) == (2, 3, False, 0, 1, True)


def test_bad_expectation_lines_name_file_line_and_field(tmp_path):
    p = tmp_path / "x.jsonl"
    p.write_text(json.dumps({"room": "a", "prompt": "b", "relations": [["hovering", "desk"]]}) + "\n")
    with pytest.raises(ValueError, match=r"x.jsonl:1: field 'relations'"):
        load_expectations(p)
    p.write_text('{"room": 1, "prompt": "b"}\n')
    with pytest.raises(ValueError, match=r"x.jsonl:1: field 'room'"):
        load_expectations(p)


def test_between_is_the_floor_spanned_by_the_two_targets():
    scene = _room()
    # two 0.95 x 2.05 single beds, heads on the z = -2 wall, 0.66 m apart (inner edges at x = +-0.33)
    scene.objects = [
        _obj(0, "single bed", -0.805, -0.975, 0.0, (0.95, 0.9, 2.05)),
        _obj(1, "single bed", 0.805, -0.975, 0.0, (0.95, 0.9, 2.05)),
        _obj(2, "nightstand", 0.0, -1.78, 0.0, (0.5, 0.55, 0.4)),  # at the heads, between the beds
        _obj(3, "lamp", 0.0, 0.5, 0.0, (0.3, 1.5, 0.3)),  # 0.45 m beyond the feet: outside the hull
        _obj(4, "chair", -0.805, -0.5, 0.0, (0.3, 0.3, 0.3)),  # on top of a bed's footprint, not between
    ]
    assert relation_met(scene, ["between", "nightstand", "single bed", "single bed"])
    assert not relation_met(scene, ["between", "lamp", "single bed", "single bed"])
    assert not relation_met(scene, ["between", "chair", "single bed", "single bed"])


def test_surplus_counts_matching_objects_beyond_the_requested_count():
    scene = _room()
    scene.objects = [_obj(i, "white chair", i, 0, 0, (0.5, 0.9, 0.5)) for i in range(3)]
    scene.objects.append(_obj(3, "floor lamp", 2, 1, 0, (0.4, 1.6, 0.4)))
    sc = score_brief(scene, Expectation("study", "p", {"chair": 2}))
    assert (sc.items_found, sc.surplus, sc.filler) == (2, 1, 1)


def test_chairs_along_a_long_table_are_around_it():
    """Eight chairs on the long sides of a 2.8 m table face its side; the outer four look 51 degrees off its
    centre, so only the footprint test counts them."""
    scene = _room()
    table = _obj(0, "oval table", 0, 0, 0, (2.8, 0.75, 1.0))
    sides = ((0.85, math.pi), (-0.85, 0.0))
    xs = (-1.05, -0.35, 0.35, 1.05)
    chairs = [
        _obj(1 + 2 * i + k, "chair", x, z, yaw, (0.5, 0.9, 0.5)) for i, x in enumerate(xs) for k, (z, yaw) in enumerate(sides)
    ]
    scene.objects = [table, *chairs]
    assert relation_met(scene, ["around", "chair", "table"])
    scene.objects = [table, *(_obj(9 + i, "chair", c.pos[0], c.pos[2], 0.5 * math.pi, c.size) for i, c in enumerate(chairs))]
    assert not relation_met(scene, ["around", "chair", "table"])  # all turned sideways: none looks at the table


def test_two_chairs_at_each_of_four_tables_are_around_the_tables():
    scene = _room()
    tables = [_obj(i, "round table", x, 0, 0, (0.7, 0.75, 0.7)) for i, x in enumerate((-1.5, -0.5, 0.5, 1.5))]
    chairs = [
        _obj(10 + 2 * i + k, "chair", t.pos[0], z, yaw, (0.45, 0.9, 0.45))
        for i, t in enumerate(tables)
        for k, (z, yaw) in enumerate(((0.65, math.pi), (-0.65, 0.0)))
    ]
    scene.objects = [*tables, *chairs]
    assert relation_met(scene, ["around", "chair", "table"])
    scene.objects = [*tables, *(_obj(30 + i, "chair", c.pos[0], c.pos[2] * 4, 0.0, c.size) for i, c in enumerate(chairs))]
    assert not relation_met(scene, ["around", "chair", "table"])  # 2.6 m away: around nothing


def test_items_are_counted_by_a_maximum_matching_not_in_key_order():
    scene = _room()
    # the guitar rack also matches the first key ("rack"); spent there, the second key would find nothing
    scene.objects = [
        _obj(0, "matte white guitar rack", 1.5, 1.5, 0.0, (0.4, 1.0, 0.4)),
        _obj(1, "tall metal shelving unit", -1.0, 1.8, math.pi, (0.9, 2.0, 0.35)),
        _obj(2, "oak desk", 0.0, 0.0, 0.0, (1.2, 0.75, 0.6)),
    ]
    exp = Expectation("shop", "p", items={"shelving unit|shelf|rack": 1, "guitar rack|guitar stand": 1, "desk": 2})
    sc = score_brief(scene, exp)
    assert (sc.items_found, sc.items_wanted) == (3, 4)
    assert sc.misses == ["desk: 1/2"]
    assert (sc.filler, sc.surplus) == (0, 0)
