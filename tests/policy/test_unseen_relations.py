"""Tests of the prompt-reading and layout rules for unseen prompts (commits c7c6444, 9cb40f6, 4a2fd6c): a
placement verb the parser read as a noun ("the counter runs along the back wall"), "instead of" / "rather than",
people and venues that are no objects, "down the middle", "along both side walls" / "line the walls", words after
"side by side", "two rows of four" and :func:`~scenerevis.policy.groupings.row_length`, pieces "next to each
armchair", rows that narrow their pieces (:func:`~scenerevis.policy.plan.fit_rows`) or set the room's long side
(:func:`~scenerevis.policy.room_shape._row_need`), a rug fitted in the middle and a row going on along the walls.
The layout tests run seeded episodes (seed 0) and check the positions with hand-checkable tolerances."""

from __future__ import annotations

import math
from functools import cache

import numpy as np
import pytest

from scenerevis.policy.prompt_parse import parse_prompt
from tests.policy.common import items


def rels(text: str) -> list[tuple]:
    return [(r.kind, r.subject, r.target, r.text) for r in parse_prompt(text).relations]


@cache
def episode(text: str):
    """The finished scene of one seeded rule episode (each prompt runs once for the whole file)."""
    from scenerevis.loop.simulate import run_rule_episode

    scene, _turns = run_rule_episode(text, iterations=10, seed=0)
    return scene


def bounds(scene) -> tuple[float, float, float, float]:
    """(min x, max x, min z, max z) of the room's floor (m)."""
    b = np.asarray(scene.bounds_bottom, dtype=float)
    return b[:, 0].min(), b[:, 0].max(), b[:, 2].min(), b[:, 2].max()


def lines(values: list[float], tol: float = 0.05) -> list[int]:
    """Sizes of the groups of ``values`` that lie within ``tol`` of their neighbour (sorted)."""
    groups: list[list[float]] = []
    for v in sorted(values):
        if groups and v - groups[-1][-1] <= tol:
            groups[-1].append(v)
        else:
            groups.append([v])
    return [len(g) for g in groups]


def one_line(objs) -> bool:
    """Whether the objects' centres share their x or their z within 0.05 m (one straight row)."""
    pos = np.array([[o.pos[0], o.pos[2]] for o in objs], dtype=float)
    return bool((pos.max(axis=0) - pos.min(axis=0)).min() <= 0.05)


# ------------------------------------------------------------------------------- a placement verb read as a noun


def test_a_counter_that_runs_along_the_wall_is_a_counter_against_it():
    text = "The long refrigerated counter runs along the back wall with a cheese slicer and a scale on top of it"
    spec = parse_prompt(text)
    assert items(text) == {"kitchen_counter": 1, "cheese slicer": 1, "scale": 1}
    assert spec.item("kitchen_counter").desc == "long refrigerated counter"
    assert not any("run" in i.phrase or "run" in i.desc for i in spec.items)
    assert ("against_wall", "kitchen_counter", None, "along the back wall") in rels(text)
    on_top = sorted((r.subject, r.subject_text, r.target) for r in spec.relations if r.kind == "on_top")
    assert on_top == [
        ("generic_object", "cheese slicer", "kitchen_counter"),
        ("generic_object", "scale", "kitchen_counter"),
    ]


@pytest.mark.parametrize(
    "text, expected, relation",
    [
        (
            "The display counter stretches along the back wall",
            {"kitchen_counter": 1},
            ("against_wall", "kitchen_counter", None, "along the back wall"),
        ),
        (
            "A long sofa stretches along the window wall",
            {"sofa": 1},
            ("against_wall", "sofa", None, "along the window wall"),
        ),
        (
            "The glass counter spans along the back wall",
            {"display_case": 1},
            ("against_wall", "display_case", None, "along the back wall"),
        ),
    ],
)
def test_other_placement_verbs_read_as_nouns_are_verbs_again(text, expected, relation):
    assert items(text) == expected
    assert rels(text) == [relation]


@pytest.mark.parametrize(
    "text",
    [
        "The long refrigerated counter runs along the back wall with a cheese slicer and a scale on top of it",
        "The display counter stretches along the back wall",
        "The glass counter spans along the back wall",
    ],
)
def test_the_verb_is_parsed_as_the_predicate(text):
    from scenerevis.policy.nlp import VERB_NOUNS, _misread_noun, english, parse

    raw = english()(text)
    assert [t.lower_ for t in raw if _misread_noun(t)] == [t.lower_ for t in raw if t.lower_ in VERB_NOUNS]
    doc = parse(text)
    assert doc.text == text  # the written words are kept
    verb = next(t for t in doc if t.lower_ in VERB_NOUNS)
    assert (verb.pos_ != "NOUN", verb.dep_) == (True, "ROOT")


def test_a_counter_with_two_small_things_on_top_of_it():
    text = "The display counter stretches along the back wall with a cash register and a scale on top of it"
    spec = parse_prompt(text)
    assert items(text) == {"kitchen_counter": 1, "cash register": 1, "scale": 1}
    on_top = sorted((r.subject_text, r.target) for r in spec.relations if r.kind == "on_top")
    assert on_top == [("cash register", "kitchen_counter"), ("scale", "kitchen_counter")]


@pytest.mark.parametrize(
    "text, target",
    [
        ("The long counter runs along the back wall with a stool and a scale on top of it", "kitchen_counter"),
        ("The display counter stretches along the back wall with a stool and a cash register on top of it", "kitchen_counter"),
    ],
)
def test_a_seat_listed_before_the_small_thing_does_not_stand_on_top(text, target):
    spec = parse_prompt(text)
    assert spec.count("stool") == 1
    on_top = [(r.subject, r.target) for r in spec.relations if r.kind == "on_top"]
    assert on_top == [("generic_object", target)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("three music stands in a row", {"music_stand": 3}),
        ("an orchestra room with twelve music stands in two rows", {"music_stand": 12}),
    ],
)
def test_stands_that_are_pieces_stay_pieces(text, expected):
    assert items(text) == expected


# ------------------------------------------------------------------------------- "instead of" / "rather than"


@pytest.mark.parametrize(
    "text, expected, excluded",
    [
        (
            "Instead of a metal table there is a grey fabric sofa against the back wall and two beige armchairs opposite it.",
            {"sofa": 1, "armchair": 2},
            "small_table",
        ),
        ("Rather than a desk there is a long sofa against the wall.", {"sofa": 1}, "desk"),
        ("There is a sofa instead of a desk.", {"sofa": 1}, "desk"),
        ("Instead of a dresser, a tall wardrobe stands against the wall.", {"wardrobe": 1}, "dresser"),
        ("Put two armchairs there instead of a sofa.", {"armchair": 2}, "sofa"),
        ("Rather than a dining table, use a bar counter with four stools.", {"bar_counter": 1, "stool": 4}, "dining_table"),
    ],
)
def test_a_piece_instead_of_which_another_comes_is_ruled_out(text, expected, excluded):
    spec = parse_prompt(text)
    assert items(text) == expected
    assert excluded in spec.excluded


@pytest.mark.parametrize(
    "text, expected",
    [
        ("a metal table and a grey sofa against the back wall", {"small_table": 1, "sofa": 1}),
        ("a desk, and rather close to it a long sofa", {"desk": 1, "sofa": 1}),
    ],
)
def test_a_piece_not_replaced_stays(text, expected):
    spec = parse_prompt(text)
    assert items(text) == expected
    assert not spec.excluded


# ----------------------------------------------------------------------------- people and venues are no objects


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Design a soft interview room at a police station for talking with witnesses and victims, with a sofa "
            "and two armchairs.",
            {"sofa": 1, "armchair": 2},
        ),
        ("a quiet room where witnesses can wait, with a bench and a water cooler", {"bench": 1, "water_cooler": 1}),
        ("a staff room for officers with a table and four chairs", {"dining_table": 1, "dining_chair": 4}),
        ("an interview room at a police station with a table and two chairs", {"small_table": 1, "dining_chair": 2}),
        ("a break room at a fire station with a sofa and a fridge", {"sofa": 1, "fridge": 1}),
        ("a ticket office at a train station with a counter and a stool", {"kitchen_counter": 1, "stool": 1}),
    ],
)
def test_people_and_stations_that_are_places_make_no_objects(text, expected):
    spec = parse_prompt(text)
    assert items(text) == expected
    assert not [i for i in spec.items if i.category == "generic_object"]
    assert spec.not_placed == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("a garage with a charging station and a workbench", {"workbench": 1, "charging station": 1}),
        ("an office with a desk and a charging station", {"desk": 1, "charging station": 1}),
        ("a courtroom with a witness stand and a judge's bench", {"bench": 1, "witness stand": 1}),
        ("a small courtroom with a witness stand and two counsel tables", {"small_table": 2, "witness stand": 1}),
    ],
)
def test_a_charging_station_and_a_witness_stand_are_still_pieces(text, expected):
    assert items(text) == expected


# ----------------------------------------------------------------------------------------------- down the middle


@pytest.mark.parametrize(
    "text, subject",
    [
        ("a break room with one long communal table down the middle and a vending machine", "small_table"),
        ("a long table runs down the middle of the room", "small_table"),
        ("a gallery with a long bench down the centre", "bench"),
        ("six desks in a row down the middle", "desk"),
    ],
)
def test_down_the_middle_is_the_middle(text, subject):
    assert [(r.kind, r.subject) for r in parse_prompt(text).relations if r.kind == "middle"] == [("middle", subject)]


def test_carrels_in_a_row_down_the_middle_are_in_the_middle_and_in_a_row():
    text = (
        "A quiet reading room in a public library. Four tall bookcases along the walls, two brown leather armchairs "
        "next to the fireplace, and six study carrels in a row down the middle."
    )
    carrels = [(r.kind, r.text) for r in parse_prompt(text).relations if r.subject_text == "study carrel"]
    assert sorted(carrels) == [("in_row", "in a row"), ("middle", "down the middle")]


@pytest.mark.parametrize(
    "text",
    [
        "a hall with a long table down the side",
        "a corridor with a bench down the hall",
        "a workshop with a workbench down one side",
    ],
)
def test_down_something_else_is_no_middle(text):
    assert not [r for r in parse_prompt(text).relations if r.kind == "middle"]


# ------------------------------------------------------------------------------ along both walls, line the walls


@pytest.mark.parametrize(
    "text, subject, words",
    [
        ("Six low tables along both side walls, three per wall", "coffee_table", "along both side walls"),
        ("four oak shelves on both side walls", "bookshelf", "on both side walls"),
        ("four bookcases along all walls", "bookshelf", "along all walls"),
        ("eight lockers lining both long walls", "cabinet", "lining both long walls"),
        ("Six dark walnut wine racks line the walls", "wine_rack", "line the walls"),
        ("a shop with shelves that line the walls", "bookshelf", "line the walls"),
        ("a library where bookcases line the walls and a table in the middle", "bookshelf", "line the walls"),
    ],
)
def test_pieces_along_or_lining_the_walls_are_against_a_wall(text, subject, words):
    assert ("against_wall", subject, None, words) in rels(text)


@pytest.mark.parametrize(
    "text",
    [
        "a sofa facing the window wall",
        "a table in the middle, away from the walls",
        "a desk and a wall-mounted shelf",
    ],
)
def test_a_wall_named_otherwise_is_no_against_wall(text):
    assert not [r for r in parse_prompt(text).relations if r.kind == "against_wall"]


# ------------------------------------------------------------------------------- words after "side by side"


@pytest.mark.parametrize(
    "text, subject, wall",
    [
        ("Six teak loungers side by side in a row along the glass wall", "armchair", "along the glass wall"),
        (
            "Relaxation lounge next to a spa's sauna. Six teak loungers side by side in a row along the glass wall, a "
            "cold plunge pool in the corner, and a bench with a towel rack next to it by the door.",
            "armchair",
            "along the glass wall",
        ),
        ("four sun loungers side by side in a row along the window wall", "armchair", "along the window wall"),
    ],
)
def test_words_after_side_by_side_are_read(text, subject, wall):
    got = rels(text)
    assert ("against_wall", subject, None, wall) in got
    assert ("in_row", subject, None, wall) in got
    assert ("side_by_side", subject, None, "side by side") in got


def test_side_by_side_alone_is_no_row_and_no_wall():
    assert rels("three service counters side by side") == [("side_by_side", "kitchen_counter", None, "side by side")]


# --------------------------------------------------------------------------------------------- rows of N


@pytest.mark.parametrize(
    "text, subject, n, words",
    [
        ("an office with two rows of four desks", "desk", 8, "two rows of four"),
        ("a lecture room with two rows of six chairs", "dining_chair", 12, "two rows of six"),
        ("a classroom with three rows of five desks", "desk", 15, "three rows of five"),
        ("an exam hall with 3 rows of 5 desks", "desk", 15, "3 rows of 5"),
    ],
)
def test_rows_of_n_keep_their_counts_in_the_row_words(text, subject, n, words):
    assert items(text) == {subject: n}
    assert [r for r in rels(text) if r[0] == "in_row"] == [("in_row", subject, None, words)]


def test_rows_with_no_count_keep_the_bare_words():
    assert rels("a classroom with rows of desks") == [("in_row", "desk", None, "rows of")]


@pytest.mark.parametrize(
    "text, count, expected",
    [
        ("two rows of four", 8, 4),
        ("three rows of five", 15, 5),
        ("3 rows of 5", 15, 5),
        ("rows of four", 12, 4),
        ("in rows of 4", 12, 4),
        ("in three rows", 12, 4),
        ("in 3 rows", 12, 4),
        ("in two rows", 10, 5),
        ("in two rows", 7, 4),
        # no length asked for
        ("in a row", 6, 0),
        ("in one row", 6, 0),
        ("in two rows", 3, 0),  # too few pieces to split
        ("in rows", 12, 0),
        ("rows of", 6, 0),
        ("along the walls", 20, 0),
        ("along the back wall", 3, 0),
    ],
)
def test_row_length(text, count, expected):
    from scenerevis.policy.groupings import row_length

    assert row_length(text, count) == expected


@pytest.mark.parametrize(
    "text, count",
    [
        ("an office with two rows of four desks", 4),
        ("newsroom with 12 desks in three rows of four, an office chair at each desk", 4),
        ("a classroom with three rows of five desks", 5),
    ],
)
def test_row_length_of_a_parsed_row(text, count):
    from scenerevis.policy.groupings import row_length

    spec = parse_prompt(text)
    rel = next(r for r in spec.relations if r.kind == "in_row")
    assert row_length(rel.text, spec.count(rel.subject)) == count


# -------------------------------------------------------------------------------------------------- per owner


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "two beige armchairs and a sofa. A small side table sits next to each armchair.",
            {"armchair": 2, "sofa": 1, "side_table": 2},
        ),
        ("two armchairs. A side table stands next to each armchair.", {"armchair": 2, "side_table": 2}),
        (
            "a sofa and two armchairs. A small side table sits next to each armchair.",
            {"sofa": 1, "armchair": 2, "side_table": 2},
        ),
        (
            "Design a soft interview room at a police station for talking with witnesses and victims. Instead of a "
            "metal table there is a grey fabric sofa against the back wall and two beige armchairs opposite it, with "
            "a low round coffee table between the sofa and the armchairs. A floor lamp stands in the corner next to "
            "the sofa, and a small side table sits next to each armchair.",
            {"sofa": 1, "armchair": 2, "coffee_table": 1, "floor_lamp": 1, "side_table": 2},
        ),
    ],
)
def test_a_side_table_that_sits_next_to_each_armchair_is_one_per_armchair(text, expected):
    spec = parse_prompt(text)
    assert items(text) == expected
    assert ("next_to", "side_table", "armchair", "next to each armchair") in rels(text)
    assert spec.item("side_table").desc.endswith("side table")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("two armchairs and a small side table next to one armchair", {"armchair": 2, "side_table": 1}),
        ("two armchairs. A small side table sits next to the sofa.", {"armchair": 2, "side_table": 1, "sofa": 1}),
    ],
)
def test_a_side_table_not_next_to_each_armchair_is_one(text, expected):
    assert items(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "two armchairs. A lamp stands beside each armchair.",
        "two beige armchairs and a lamp beside each armchair",
        "two armchairs with a lamp beside each armchair",
        "two armchairs and a sofa. A lamp stands beside each armchair.",
    ],
)
def test_a_lamp_beside_each_armchair_is_a_floor_lamp_each(text):
    spec = parse_prompt(text)
    assert spec.count("floor_lamp") == 2
    assert spec.item("table_lamp") is None
    assert ("next_to", "floor_lamp", "armchair", "beside each armchair") in rels(text)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("two table lamps, one next to an armchair", {"table_lamp": 2, "armchair": 1}),
        ("a living room with two armchairs and two table lamps, one next to an armchair", {"armchair": 2, "table_lamp": 2}),
    ],
)
def test_table_lamps_not_beside_each_armchair_stay_table_lamps(text, expected):
    assert items(text) == expected


@pytest.mark.parametrize(
    "text",
    ["two armchairs. Two lamps stand beside the armchair.", "two armchairs and two table lamps next to the armchair"],
)
def test_without_each_only_one_lamp_stands_on_the_floor(text):
    spec = parse_prompt(text)
    assert (spec.count("table_lamp"), spec.count("floor_lamp")) == (1, 1)


@pytest.mark.parametrize(
    "text, lockers",
    [
        ("six single beds, each with a nightstand next to it and a locker at its foot", 6),
        ("six single beds, each with a nightstand next to it and a tall locker at its foot", 6),
        ("six single beds in a row along one wall, each with a nightstand next to it and a locker at its foot", 6),
        ("four bunk beds, each with a nightstand next to it and a locker at its foot", 4),
        ("six single beds, each with a nightstand next to it and two lockers by the door", 2),  # a count of its own
    ],
)
def test_each_with_a_nightstand_and_a_locker_counts_the_locker_per_bed(text, lockers):
    spec = parse_prompt(text)
    beds = spec.count("single_bed") or spec.count("bunk_bed")
    assert (spec.count("nightstand"), spec.count("cabinet")) == (beds, lockers)


# -------------------------------------------------------------------------- rows narrowed to the longest wall


def _plan(text: str, category: str, n: int, size: tuple[float, float, float]):
    from scenerevis.policy.plan import DesignPlan, PlannedItem

    spec = parse_prompt(text)
    made = [PlannedItem(category, category, size, 1, "g", True, phrase=category) for _ in range(n)]
    stools = [PlannedItem("stool", "stool", (0.35, 0.45, 0.35), 1, "g", True, phrase="stool") for _ in range(n)]
    return DesignPlan(spec, spec.room_type, made + stools)


def _widths(plan, category: str) -> list[float]:
    return [round(p.size[0], 4) for p in plan.items if p.category == category]


@pytest.mark.parametrize(
    "text, category, n, size, long_side, width",
    [
        # (5.0 - 0.2 end room - 2 gaps of 0.1) / 3 pieces
        ("three service counters in a row", "kitchen_counter", 3, (2.4, 0.9, 0.6), 5.0, round(4.6 / 3, 4)),
        ("three service counters in a row along the back wall", "kitchen_counter", 3, (2.4, 0.9, 0.6), 4.0, 1.2),  # min 1.2
        # two rows of four: (5.0 - 0.2 - 3 gaps of 0.1) / 4 pieces a row
        ("an office with two rows of four desks", "desk", 8, (1.4, 0.75, 0.7), 5.0, 1.125),
        ("newsroom with 12 desks in three rows of four", "desk", 12, (1.4, 0.75, 0.7), 4.0, 1.0),  # desk min 1.0
    ],
)
def test_fit_rows_narrows_a_row_to_the_longest_wall(text, category, n, size, long_side, width):
    from scenerevis.policy.plan import fit_rows

    plan = _plan(text, category, n, size)
    fit_rows(plan, long_side)
    assert _widths(plan, category) == [width] * n
    assert all(p.size[1:] == size[1:] for p in plan.items if p.category == category)  # height and depth kept
    assert _widths(plan, "stool") == [0.35] * n  # the other pieces keep their size


@pytest.mark.parametrize(
    "text, category, n, size, long_side",
    [
        ("three service counters in a row", "kitchen_counter", 3, (2.4, 0.9, 0.6), 8.0),  # the row already fits
        ("an office with two rows of four desks", "desk", 8, (1.4, 0.75, 0.7), 6.1),
        ("three service counters side by side", "kitchen_counter", 3, (2.4, 0.9, 0.6), 3.0),  # no row asked for
        ("a service counter and a stool", "kitchen_counter", 1, (2.4, 0.9, 0.6), 2.0),
    ],
)
def test_fit_rows_keeps_pieces_that_fit_or_are_in_no_row(text, category, n, size, long_side):
    from scenerevis.policy.plan import fit_rows

    plan = _plan(text, category, n, size)
    fit_rows(plan, long_side)
    assert _widths(plan, category) == [size[0]] * n


# ------------------------------------------------------------------------- a row sets the room's long side


@pytest.mark.parametrize(
    "text, category, n, width, need",
    [
        # beds: 6 x 0.95 + 5 bedsides (0.6 + 0.02) + 0.2 end room
        ("six single beds in a row along one wall", "single_bed", 6, 0.95, (0.0, 9.0)),
        # lockers (no side clearance) along one wall: 20 x 0.45 + 19 x 0.1 + 0.2; 30 of them: at most 12 m
        ("team locker room: 20 lockers along one wall", "cabinet", 20, 0.45, (0.0, 11.1)),
        ("a changing room with 30 lockers along one wall", "cabinet", 30, 0.45, (0.0, 12.0)),
        # "along the walls": the row goes round the room, it sets no side
        ("team locker room: 20 lockers along the walls", "cabinet", 20, 0.45, (0.0, 0.0)),
        # three rows of four desks: 4 x 1.4 + 3 x 0.1 + 0.2 along; across, three rows of 0.6 deep desks, each
        # with its 0.8 m front clearance and 0.3 m to the next row: 3 x 1.7 + 0.2
        ("newsroom with 12 desks in three rows of four", "desk", 12, 1.4, (5.3, 6.1)),
        ("an office with two rows of four desks", "desk", 8, 1.4, (3.6, 6.1)),
        # no row asked for
        ("three service counters side by side", "kitchen_counter", 3, 2.4, (0.0, 0.0)),
        ("a bedroom with a single bed", "single_bed", 1, 0.95, (0.0, 0.0)),
    ],
)
def test_row_need(text, category, n, width, need):
    from scenerevis.policy.room_shape import _row_need

    plan = _plan(text, category, n, (width, 0.9, 0.6))
    assert _row_need(plan) == pytest.approx(need, abs=1e-9)


def test_row_need_counts_a_companion_by_each_piece():
    """A nightstand next to each bed stands in each gap and past the row's last bed: 6 x 0.95 + 6 x (0.45 + 2 x
    0.2) + 0.2 = 11.0 m."""
    from scenerevis.policy.plan import DesignPlan, PlannedItem
    from scenerevis.policy.room_shape import _row_need

    spec = parse_prompt("six single beds in a row along one wall, each with a nightstand next to it")
    beds = [PlannedItem("single_bed", "bed", (0.95, 0.9, 2.05), 1, "g", True) for _ in range(6)]
    stands = [PlannedItem("nightstand", "nightstand", (0.45, 0.5, 0.38), 1, "g", True) for _ in range(6)]
    assert _row_need(DesignPlan(spec, spec.room_type, beds + stands)) == pytest.approx((0.0, 11.0), abs=1e-9)


def test_a_requested_row_sets_the_long_side_when_the_brief_gives_no_size():
    from scenerevis.policy.plan import build_plan
    from scenerevis.policy.room_shape import _row_need, choose_room

    plan = build_plan(parse_prompt("Firefighters' dormitory: six single beds in a row along one wall"), 0)
    need = _row_need(plan)[1]
    assert need > 8.0
    room = choose_room(plan, 0)
    assert max(room.width, room.depth) >= need - 0.05  # sides are rounded to 0.1 m


@pytest.mark.parametrize(
    "text, sides",
    [
        ("Post office branch, 4 x 5 m: three service counters in a row along the back wall.", (4.0, 5.0)),
        ("A post office of 5 by 4 metres with three service counters in a row along the back wall.", (4.0, 5.0)),
    ],
)
def test_the_briefs_own_size_wins_over_the_row(text, sides):
    from scenerevis.policy.plan import build_plan
    from scenerevis.policy.room_shape import _row_need, choose_room

    plan = build_plan(parse_prompt(text), 0)
    assert _row_need(plan)[1] > max(sides)
    room = choose_room(plan, 0)
    assert tuple(sorted((room.width, room.depth))) == sides


# ------------------------------------------------------------------------------------------ layouts (seed 0)


def test_lockers_along_the_walls_stand_with_their_backs_to_the_walls():
    from scenerevis.policy.brief_check import relation_met
    from scenerevis.scene.rotation import quat_to_yaw

    scene = episode("team locker room: 20 lockers along the walls, 4 benches in the middle, a whiteboard and a massage table")
    lockers = [o for o in scene.objects if o.desc.endswith("locker")]
    assert len(lockers) == 20
    assert len(scene.bounds_bottom) == 4  # a rectangle: its bounds are its walls
    x0, x1, z0, z1 = bounds(scene)
    walls = set()
    for o in lockers:
        yaw = float(quat_to_yaw(o.rot))
        bx = o.pos[0] - math.sin(yaw) * o.size[2] / 2
        bz = o.pos[2] - math.cos(yaw) * o.size[2] / 2
        gaps = {"-x": bx - x0, "+x": x1 - bx, "-z": bz - z0, "+z": z1 - bz}
        wall, gap = min(gaps.items(), key=lambda kv: kv[1])
        assert -0.01 <= gap <= 0.1, (o.pos, o.size, yaw)
        walls.add(wall)
    assert len(walls) >= 2  # the row went on along another wall
    assert relation_met(scene, ["against_wall", "locker"])
    assert len([o for o in scene.objects if o.desc.endswith("bench")]) == 4


def test_a_rug_in_the_middle_lies_in_the_middle():
    from scenerevis.policy.brief_check import matches, relation_met

    scene = episode(
        "A calm nap room for toddlers: only ten low cots, a rug in the middle and a teacher's chair in the corner. "
        "Keep everything else clear."
    )
    rugs = [o for o in scene.objects if matches(o, "rug")]
    assert len(rugs) == 1
    x0, x1, z0, z1 = bounds(scene)
    assert math.hypot(rugs[0].pos[0] - (x0 + x1) / 2, rugs[0].pos[2] - (z0 + z1) / 2) <= 1.0
    assert relation_met(scene, ["middle", "rug"])
    assert len([o for o in scene.objects if o.desc.endswith("cot")]) == 10


def test_three_service_counters_in_a_row_along_the_back_wall():
    from scenerevis.policy.brief_check import relation_met
    from scenerevis.scene.rooms import load_rooms

    scene = episode("Post office branch: three service counters in a row along the back wall, each with a stool behind it.")
    counters = [o for o in scene.objects if o.desc.endswith("service counter")]
    assert len(counters) == 3
    assert one_line(counters)
    assert len({tuple(np.round(o.rot, 3)) for o in counters}) == 1
    default = load_rooms().category("kitchen_counter").size[0]
    assert all(o.size[0] <= default + 1e-6 for o in counters)
    x0, x1, z0, z1 = bounds(scene)
    assert sum(o.size[0] for o in counters) + 2 * 0.1 <= max(x1 - x0, z1 - z0)  # one wall holds the row
    assert relation_met(scene, ["against_wall", "service counter"])
    assert relation_met(scene, ["in_row", "service counter"])


def test_three_counters_in_a_row_narrow_to_the_briefs_wall():
    from scenerevis.policy.brief_check import relation_met

    scene = episode(
        "Post office branch, 4 x 5 m: three service counters in a row along the back wall, each with a stool behind it."
    )
    assert scene.floor_area == pytest.approx(20.0)
    counters = [o for o in scene.objects if o.desc.endswith("service counter")]
    assert len(counters) == 3
    # (5.0 m - 0.2 end room - 2 x 0.1 between) / 3 = 1.533 m, narrower than the 2.4 m default
    assert [round(float(o.size[0]), 3) for o in counters] == [1.533] * 3
    assert one_line(counters)
    assert relation_met(scene, ["against_wall", "service counter"])


def test_twelve_desks_in_three_rows_of_four():
    from scenerevis.policy.brief_check import relation_met

    scene = episode("newsroom with 12 desks in three rows of four, an office chair at each desk")
    desks = [o for o in scene.objects if o.desc.endswith(" desk")]
    assert len(desks) == 12
    by_axis = [lines([float(o.pos[axis]) for o in desks]) for axis in (0, 2)]
    assert [4, 4, 4] in by_axis  # three lines of four (the same coordinate within 0.05 m)
    assert len({tuple(np.round(o.rot, 3)) for o in desks}) == 1
    assert relation_met(scene, ["in_row", "desk"])
    assert len([o for o in scene.objects if o.desc.endswith("office chair")]) == 12


def test_six_beds_in_a_row_along_one_wall_fit_the_room():
    from scenerevis.policy.brief_check import relation_met

    scene = episode("Firefighters' dormitory: six single beds in a row along one wall, each with a nightstand next to it")
    beds = [o for o in scene.objects if o.desc.endswith("single bed")]
    assert len(beds) == 6
    assert one_line(beds)
    assert len({tuple(np.round(o.rot, 3)) for o in beds}) == 1
    x0, x1, z0, z1 = bounds(scene)
    long_side = max(x1 - x0, z1 - z0)
    width = max(float(o.size[0]) for o in beds)
    assert long_side >= 6 * width
    pos = np.array([[o.pos[0], o.pos[2]] for o in beds])
    along = int(np.argmax(pos.max(axis=0) - pos.min(axis=0)))
    extent = pos[:, along].max() - pos[:, along].min() + width
    assert extent <= long_side  # the whole row stands on the one wall
    assert relation_met(scene, ["against_wall", "single bed"])
    assert relation_met(scene, ["in_row", "single bed"])
