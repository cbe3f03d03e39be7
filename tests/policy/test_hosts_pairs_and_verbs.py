"""Tests of pieces that carry several others (places all over a top, a host widened to hold its row, a row on a
host made by its on-top places and spaced evenly), of pairs side by side started off the middle, of seats that come
"with" a piece ("a bar with 6 stools"), of verbs that state a relation ("two lamps flank the sofa", "eight chairs
surround the table"), of "it" after a piece standing on a support ("a grand on a dais, with its bench next to it"),
of rows by a piece ("six stools in a row along the counter") and rows of rows ("in two rows"), and of a rug whose
table stands by a wall."""

from __future__ import annotations

import pytest

from scenerevis.policy.brief_check import relation_met
from scenerevis.policy.plan import HOST_SPACING, build_plan
from scenerevis.policy.prompt_parse import parse_prompt


def episode(prompt: str):
    from scenerevis.loop.simulate import run_rule_episode

    scene, _ = run_rule_episode(prompt, iterations=10, seed=0)
    return scene


def rels(text: str) -> set[tuple]:
    return {(r.kind, r.subject, r.target) for r in parse_prompt(text).relations}


def test_four_things_on_one_desk_all_stand_on_it():
    text = "A 10 m² radio shack. A big oak desk runs along the wall with an HF transceiver, a VHF rig, an antenna tuner and a desk mic on top."
    scene = episode(text)
    for thing in ("transceiver", "rig", "tuner", "mic"):
        assert relation_met(scene, ["on_top", thing, "desk"]), thing


def test_a_host_is_widened_to_carry_its_row():
    plan = build_plan(parse_prompt("A makerspace with three 3D printers in a row on top of a cabinet against the wall."), 0)
    printer = next(i for i in plan.items if i.category == "printer").size
    cabinet = next(i for i in plan.items if i.category == "cabinet").size
    assert cabinet[0] == pytest.approx(3 * (printer[0] + HOST_SPACING) + HOST_SPACING)  # 1.58 m for 0.42 m printers


def test_a_row_on_a_host_stands_on_it_not_on_the_floor():
    text = (
        "The costume workshop of a theatre: along the window wall, four sewing machines sit in a row on a long white workbench."
    )
    assert not any(kind == "in_row" for kind, *_ in rels(text))  # the host's top makes the row
    scene = episode(text)
    machines = [o for o in scene.objects if o.desc.endswith("sewing machine")]
    assert len(machines) == 4
    assert relation_met(scene, ["on_top", "sewing machine", "workbench"])
    assert all(float(o.pos[1]) > 0.5 for o in machines)  # on the bench's top, none on the floor


def test_two_worktables_side_by_side_in_the_middle():
    scene = episode("A university maker space with two large worktables side by side in the middle and a laser cutter.")
    assert relation_met(scene, ["side_by_side", "worktable", "worktable"])


def test_seats_with_a_piece_that_is_not_their_anchor_stand_next_to_it():
    text = "A brewery taproom with a bar with 6 stools and three steel fermentation tanks in a row."
    got = {(r.kind, r.subject, r.target, r.target_text) for r in parse_prompt(text).relations}
    assert ("next_to", "stool", "generic_object", "bar") in got
    assert rels("A dining room with a table with six chairs.") == set()  # the chairs' role seats them


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("A living room with a sofa. Two armchairs flank the sofa.", ("next_to", "armchair", "sofa")),
        ("A dining room where eight chairs surround a long oak table.", ("around", "dining_chair", "dining_table")),
        ("A desk faces the window and a chair faces the desk.", ("facing", "office_chair", "desk")),
    ],
)
def test_a_verb_states_the_relation(text, want):
    assert want in rels(text)


def test_it_is_the_piece_on_the_support_not_the_support():
    text = "A black concert grand stands on a low round dais in the middle of the room, with its bench next to it."
    got = rels(text)
    assert ("next_to", "bench", "piano") in got
    assert ("next_to", "generic_object", "piano") not in got  # the dais is not next to what stands on it
    assert ("next_to", "coffee_table", "sofa") in rels("A sofa stands against the wall with a coffee table in front of it.")


# ------------------------------------------------------------------------------- rows by a piece, rows of rows


def test_a_row_of_stools_along_the_counter_lines_up_in_front_of_it():
    scene = episode("Ramen shop: a long counter, 6 bar stools in a row along it, 2 small tables with 4 chairs.")
    assert relation_met(scene, ["in_row", "bar stool"])
    assert relation_met(scene, ["next_to", "bar stool", "counter"])


def test_a_row_in_front_of_a_counter_may_stand_in_its_front_zone():
    text = "A spice shop with six open sacks of spices in a row in front of the counter and a brass scale on the counter."
    scene = episode(text)
    assert sum(o.desc.endswith("sack") for o in scene.objects) == 6
    assert relation_met(scene, ["in_row", "sack"]) and relation_met(scene, ["next_to", "sack", "counter"])


def test_eight_cabinets_in_two_rows_make_two_rows_of_four():
    scene = episode("archive room with just eight grey filing cabinets in two rows and a step stool")
    cabinets = [o for o in scene.objects if o.desc.endswith("filing cabinet")]
    lines: dict[float, int] = {}
    for o in cabinets:  # the rows run along z here or along x: count pieces per line of either coordinate
        lines[round(float(o.pos[0]), 1)] = lines.get(round(float(o.pos[0]), 1), 0) + 1
    if len(lines) != 2:
        lines = {}
        for o in cabinets:
            lines[round(float(o.pos[2]), 1)] = lines.get(round(float(o.pos[2]), 1), 0) + 1
    assert sorted(lines.values()) == [4, 4]


def test_a_row_of_four_on_a_bench_is_spaced_evenly_along_its_back():
    text = "A honey house workroom: a stainless extractor in the middle, a row of four honey buckets on a low bench."
    scene = episode(text)
    buckets = sorted((o for o in scene.objects if o.desc.endswith("honey bucket")), key=lambda o: (o.pos[0], o.pos[2]))
    assert len(buckets) == 4 and relation_met(scene, ["on_top", "honey bucket", "bench"])
    assert relation_met(scene, ["in_row", "honey bucket"])
    xs = [float(o.pos[0]) for o in buckets]
    zs = [float(o.pos[2]) for o in buckets]
    along = xs if max(xs) - min(xs) > max(zs) - min(zs) else zs
    steps = [round(b - a, 3) for a, b in zip(along, along[1:])]
    assert max(steps) - min(steps) < 1e-6  # even spacing: the bench's width over four


def test_a_rug_finds_the_free_floor_when_its_table_stands_by_a_wall():
    scene = episode(
        "Meditation room: a low altar table against the wall, 3 floor cushions facing the altar, and a soft wool rug."
    )
    assert any(o.desc.endswith("rug") for o in scene.objects)


def test_a_place_by_the_rooms_subject_names_no_piece():
    from tests.policy.common import items

    got = items("The lounge beside the lanes has three high-top tables in a row, each with two bar stools.")
    assert got == {"small_table": 3, "bar_stool": 6}
    assert "aquarium" in items("A sofa next to a fish tank faces the TV.")  # a piece's subject keeps its neighbours


# ------------------------------------------------------------------------------- between


def test_them_names_the_pieces_before_it():
    text = (
        "A sim room: a cockpit in the centre, a big curved screen in front of it, and a couple of spectator chairs "
        "behind it with a side table between them."
    )
    assert ("between", "side_table", "dining_chair") in rels(text)


def test_two_benches_stand_apart_for_the_marver_between_them():
    text = "Hot shop: furnace against the back wall, two glassblowing benches in the middle, a steel marver between the benches."
    scene = episode(text)
    assert relation_met(scene, ["between", "marver", "bench", "bench"])
    assert relation_met(scene, ["middle", "bench"])


def test_pieces_on_either_side_of_a_carried_piece_flank_its_host():
    text = "A viewing room with a mahogany casket on a draped bier against the far wall, two tall flower stands on either side of it."
    scene = episode(text)
    assert relation_met(scene, ["between", "casket", "flower stand", "flower stand"])


def test_a_floor_piece_that_comes_with_another_stands_next_to_it():
    assert ("next_to", "bench", "piano") in rels("In the opposite corner, an upright piano with its bench.")
    got = rels(
        "A nurses' station counter has two monitors on it, with a tall medical fridge and a steel supply cabinet beside it."
    )
    assert {("next_to", "fridge", "kitchen_counter"), ("next_to", "cabinet", "kitchen_counter")} <= got
    assert not any(s == "sofa" for _, s, _ in rels("The desk has a lamp on it and the room has a sofa."))  # no "with"


def test_a_corner_zone_puts_its_first_piece_in_a_corner():
    got = rels("Near the entrance, a refreshment corner with a round table, four chairs around it and a snack machine.")
    assert ("corner", "dining_table", None) in got
    assert ("corner", "fireplace", None) in rels("A black cast-iron wood stove warms the room from one corner.")
