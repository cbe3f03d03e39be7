"""Tests of words the reader used to misread: a short heading that names a place ("Back corner: a round table
...", "Back of an ambulance."), a place and a piece the parser made two objects of one preposition ("In the back
left corner a workbench"), what stands in for a wall ("along the fence", "along the back"), "it" after a plural
piece, a piece named apart by its owner ("the head trader's desk"), "at each one", a counted first noun, a
piece's role ("as one bank"), a measure before a noun ("a 9 m² nook") and tables in a row at a wall with their
chairs at their free sides."""

from __future__ import annotations

import math

import pytest

from scenerevis.policy.brief_check import relation_met
from scenerevis.policy.prompt_parse import parse_prompt
from tests.policy.brief_words import counts, rels


def test_a_first_noun_listed_with_pieces_is_a_piece_not_the_room():
    text = "just a gurney and a paramedic seat next to it. ambulance. nothing else"
    assert counts(text) == {"gurney": 1, "dining_chair": 1}
    assert ("next_to", "dining_chair", "generic_object", "", "gurney") in rels(text)


def test_a_heading_that_names_a_part_of_a_place_names_the_room():
    text = "Back of an ambulance. A stretcher against the left wall and a bench seat across from it."
    assert counts(text) == {"stretcher": 1, "bench": 1}
    assert ("facing", "bench", "generic_object", "", "stretcher") in rels(text)


def test_a_place_and_a_piece_under_one_preposition():
    text = "In the back left corner a repair workbench and a swivel stool."
    assert rels(text) == {("corner", "workbench", None, "", ""), ("corner", "stool", None, "", "")}


@pytest.mark.parametrize(
    ("text", "sited"),
    [
        ("Back corner: a small glass round meeting table with three stools around it.", "conference_table"),
        ("The customer lounge is in the back right corner: a grey sectional sofa, a coffee table in front of it.", "sectional"),
        ("Rear left corner is the tasting area: a round tasting table with four bar stools around it.", "work_table"),
    ],
)
def test_a_heading_before_a_colon_puts_its_first_piece_in_the_corner(text, sited):
    corners = {r[1] for r in rels(text) if r[0] == "corner"}
    assert corners == {sited}


@pytest.mark.parametrize(
    ("text", "walled"),
    [
        ("A long serving table along the back.", True),
        ("A long gift table against the back side.", True),
        ("Two sun loungers along the fence.", True),
        ("Three grey radar consoles stand side by side against the front windows.", True),
        ("A bench along the side of the bed.", False),
    ],
)
def test_what_stands_in_for_a_wall(text, walled):
    assert any(r[0] == "against_wall" for r in rels(text)) is walled


CASINO = (
    "Small casino gaming room: one green felt blackjack table in the centre with five stools around it, "
    "a roulette table next to it, a cashier counter against the back wall."
)


def test_it_after_a_plural_piece_names_the_one_piece_and_the_centre_stays_with_its_table():
    got = rels(CASINO)
    assert ("next_to", "small_table", "small_table", "roulette table", "green felt blackjack table") in got
    assert ("around", "stool", "small_table", "", "green felt blackjack table") in got
    assert [r for r in got if r[0] == "middle"] == [("middle", "small_table", None, "green felt blackjack table", "")]
    # "each with two chairs around it": "it" is each of the tables
    each = (
        "The first half of a restaurant car: three small tables in a row along the windows, each with two mahogany "
        "chairs around it, a brass serving trolley next to the first table."
    )
    assert ("around", "dining_chair", "small_table", "", "") in rels(each)
    assert "generic_object" not in counts(each)  # "The first half of a restaurant car": the room


def test_chairs_around_the_named_table_of_two_stand_around_that_table():
    from scenerevis.loop.simulate import run_rule_episode

    scene, _ = run_rule_episode(CASINO, iterations=10, seed=0)
    assert relation_met(scene, ["around", "stool", "blackjack table"])
    assert relation_met(scene, ["next_to", "roulette table", "blackjack table"])


def test_at_each_one_hands_a_piece_to_every_owner():
    assert counts("Six trading desks in a row along the window wall, a black mesh chair at each one.") == {
        "desk": 6,
        "office_chair": 6,
    }
    assert counts("Six cabbing machines set in a line along the window wall, with a stool at each one.") == {
        "cabbing machine": 6,
        "stool": 6,
    }


def test_a_definite_piece_with_an_owner_is_another_piece_and_a_row_is_no_finish():
    spec = parse_prompt("Six trading desks in a single long row, and the head trader's desk facing them.")
    (desk,) = spec.items
    assert (desk.count, desk.desc) == (7, "trading desk")
    assert [r.kind for r in spec.relations] == ["in_row", "facing"]


def test_a_role_given_by_as_is_no_piece_and_each_of_the_four_corners_is_four():
    assert counts("Four white desks pushed together in the middle as one bank, an office chair at each desk.") == {
        "desk": 4,
        "office_chair": 4,
    }
    text = "An old wine barrel standing in each of the four corners as a standing table, and a sideboard."
    assert counts(text) == {"old wine barrel": 4, "sideboard": 1}
    assert ("corner", "generic_object", None, "old wine barrel", "") in rels(text)


def test_a_measure_is_no_count_and_a_nook_with_pieces_is_the_place():
    text = "A 9 m² treehouse reading nook with a wooden bench under the window, a small bookshelf next to it and a rug."
    assert counts(text) == {"bench": 1, "bookshelf": 1, "rug": 1}
    assert rels(text) == {("against_wall", "bench", None, "", ""), ("next_to", "bookshelf", "bench", "", "")}
    assert counts("A 2 m bench and three square tables.") == {"bench": 1, "small_table": 3}


def test_a_table_against_a_wall_seats_its_chairs_at_its_free_sides():
    from shapely.geometry import box

    from scenerevis.policy.free_space import Body, rect
    from scenerevis.policy.slots import G, around_table

    # a 1.0 x 0.6 m table centred at (0, 1.6), its back edge 0.1 m from the wall at z = 2
    table = Body("t", "small_table", rect(0.0, 1.6, 0.0, 1.0, 0.6), 0.0, 0.75, pose=(0.0, 1.6, 0.0), size=(1.0, 0.75, 0.6))
    chair = (0.45, 0.9, 0.5)
    blind = around_table(table, chair, 2)
    assert [(round(p.x, 3), round(p.z, 3)) for p, _ in blind] == [
        (0.0, round(1.6 + 0.55 + G, 3)),
        (0.0, round(1.6 - 0.55 - G, 3)),
    ]
    seen = around_table(table, chair, 2, box(-2.0, -2.0, 2.0, 2.0))
    # the place behind the table is past the wall: the chair goes to the table's end, turned to face it
    assert [(round(p.x, 3), round(p.z, 3)) for p, _ in seen] == [(0.0, round(1.6 - 0.55 - G, 3)), (round(0.75 + G, 3), 1.6)]
    assert round(seen[1][0].yaw, 4) == round(-math.pi / 2, 4)


def test_tables_in_a_row_along_a_wall_each_with_chairs():
    from scenerevis.loop.simulate import run_rule_episode

    scene, _ = run_rule_episode("Three small tables in a row along the window wall, each with two chairs.", iterations=10, seed=0)
    assert relation_met(scene, ["in_row", "table"])
    assert relation_met(scene, ["against_wall", "table"])
    assert relation_met(scene, ["around", "chair", "table"])


def test_what_comes_with_a_listed_piece_stands_on_it_alone_and_a_count_is_no_finish():
    text = "Two long tables in the middle, an old wine barrel in each corner, and a sideboard against the back with a water dispenser on top of it."
    got = rels(text)
    assert ("on_top", "water_cooler", "sideboard", "", "") in got
    assert ("corner", "generic_object", None, "old wine barrel", "") in got
    assert not any(r[0] == "on_top" and r[1] == "generic_object" for r in got)  # the barrels stand in the corners
    spec = parse_prompt("Two long wooden farmhouse tables in the middle, four wooden benches alongside them.")
    assert [i.desc for i in spec.items] == ["long wooden farmhouse table", "wooden bench"]


@pytest.mark.parametrize(
    ("text", "desc"),
    [
        ("A bench seat against the wall. Grey vinyl on the bench please.", "grey vinyl bench seat"),
        ("The deliberation table is long and walnut, placed in the middle.", "long walnut deliberation table"),
    ],
)
def test_a_finish_said_of_a_piece_after_it_is_named(text, desc):
    assert [i.desc for i in parse_prompt(text).items] == [desc]


def test_around_it_before_its_pieces_and_topped_with():
    text = "In the centre is a stone fire pit, and around it are four canvas camp chairs and one log bench."
    assert ("around", "dining_chair", "generic_object", "", "stone fire pit") in rels(text)
    text = "A long counter topped with a glass cake stand, and six red stools in front of it."
    assert ("on_top", "generic_object", "kitchen_counter", "glass cake stand", "") in rels(text)


def test_piece_nouns_with_a_participle_ending_and_a_booth_one_puts():
    assert counts("A campfire ring and two chairs.") == {"campfire ring": 1, "dining_chair": 2}
    assert counts("A garden with a swing and a bench.") == {"swing": 1, "bench": 1}
    assert ("on_top", "generic_object", "generic_object", "dj booth", "raised platform") in rels(
        "Put a DJ booth on a raised platform."
    )
