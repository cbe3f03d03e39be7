"""Tests of pieces that come with another (commit ed368f8 and its follow-up): "X with a Y next to it" read on X,
"behind" as next_to, "has / holds a Y" and "X with a small Y" putting Y on top, terse lists
(:func:`~scenerevis.policy.terse.articled`), nouns read as postnominal adjectives, typical sizes of open phrases
(:func:`~scenerevis.policy.open_vocab.ending_size`), colour + material refinishes and corner pieces planned in the
first turn."""

from __future__ import annotations

import numpy as np
import pytest

from scenerevis.policy.prompt_parse import parse_prompt


def rels(text: str) -> set[tuple]:
    """(kind, subject, target) of each relation the prompt parses to."""
    return {(r.kind, r.subject, r.target) for r in parse_prompt(text).relations}


def on_top(text: str) -> list[tuple]:
    """Sorted (subject, subject_text, target) of the prompt's on_top relations."""
    return sorted((r.subject, r.subject_text, r.target) for r in parse_prompt(text).relations if r.kind == "on_top")


# ------------------------------------------------------------------------------- "X with a Y next to it"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("A bench with a towel rack next to it by the door.", {("next_to", "towel_rack", "bench")}),
        (
            "A tall wardrobe stands in the corner with a small fridge next to it.",
            {("next_to", "fridge", "wardrobe"), ("corner", "wardrobe", None)},
        ),
        (
            "On the right there is a shower cabin with a wooden bench next to it, "
            "and a sideboard with an electric kettle on top of it.",
            {("next_to", "bench", "shower"), ("on_top", "generic_object", "sideboard")},
        ),
        (
            "Along the left wall there is a tall equipment rack with a grey filing cabinet next to it.",
            {("next_to", "filing_cabinet", "storage_rack")},
        ),
        ("A sofa with a lamp next to it.", {("next_to", "floor_lamp", "sofa")}),  # as before
    ],
)
def test_it_after_a_companion_reads_the_companion_as_subject(text, expected):
    assert expected <= rels(text)


def test_the_kettle_on_the_sideboard_keeps_its_words():
    text = (
        "On the right there is a shower cabin with a wooden bench next to it, "
        "and a sideboard with an electric kettle on top of it."
    )
    assert on_top(text) == [("generic_object", "electric kettle", "sideboard")]


def test_a_cross_on_an_altar_stays_on_the_altar():
    spec = parse_prompt("a kneeler facing a small altar with a cross on top of it")
    tops = [(r.subject_text, r.target_text) for r in spec.relations if r.kind == "on_top"]
    assert tops == [("cross", "small altar")]


# ------------------------------------------------------------------------------- "behind" is next_to


@pytest.mark.parametrize(
    "text, relation, words",
    [
        (
            "The counter by the entrance holds a cash register, with a tall bar stool behind it.",
            ("next_to", "bar_stool", "kitchen_counter"),
            "behind",
        ),
        (
            "A living room with a sofa and a console table behind the sofa.",
            ("next_to", "console_table", "sofa"),
            "behind the sofa",
        ),
    ],
)
def test_behind_is_next_to(text, relation, words):
    found = [r for r in parse_prompt(text).relations if (r.kind, r.subject, r.target) == relation]
    assert len(found) == 1 and found[0].text.startswith(words)


# ------------------------------------------------------------------------------- small pieces on top


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "The sales counter at the back is dark oak and has a cash register and a small scale on top of it.",
            [
                ("generic_object", "cash register", "kitchen_counter"),
                ("generic_object", "small scale", "kitchen_counter"),
            ],
        ),
        (
            "The counter is made from reclaimed driftwood and holds a cash register.",
            [("generic_object", "cash register", "kitchen_counter")],
        ),
        # "X with a small Y"
        ("There's also a small desk with a laptop for orders.", [("generic_object", "laptop", "desk")]),
        (
            "A long birch sales counter with a cash register stands near the entrance.",
            [("generic_object", "cash register", "kitchen_counter")],
        ),
        ("A locksmith's shop with a workbench with a vice in the back", [("generic_object", "vice", "workbench")]),
        ("a desk with a filing cabinet and a chair", []),  # furniture, not pieces on top
    ],
)
def test_pieces_a_surface_has_or_holds_go_on_top(text, expected):
    assert on_top(text) == expected


def test_has_in_another_clause_puts_nothing_on_the_desk():
    assert not any(r.subject == "sofa" for r in parse_prompt("The desk has a lamp on it and the room has a sofa.").relations)


# ------------------------------------------------------------------------------- terse lists


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "blacksmith forge: coal forge, anvil next to it, quench tank",
            "blacksmith forge: a coal forge, an anvil next to it, a quench tank",
        ),
        ("Bedroom: bed, wardrobe, desk, chairs", "Bedroom: a bed, a wardrobe, a desk, chairs"),
        ("A cozy living room with a sofa, walnut panelling, warm light and a rug", None),
        ("911 dispatch room, six consoles in a row facing a video wall", None),
        ("room: " + ", ".join(["bed"] * 31), None),  # over 30 words
    ],
)
def test_articled(text, expected):
    from scenerevis.policy.terse import articled

    assert articled(text) == (text if expected is None else expected)


def test_a_terse_list_parses_like_an_articled_one():
    spec = parse_prompt("blacksmith forge: coal forge, anvil next to it, quench tank")
    assert [(i.category, i.desc) for i in spec.items] == [
        ("generic_object", "coal forge"),
        ("generic_object", "anvil"),
        ("generic_object", "quench tank"),
    ]
    nexts = [(r.subject_text, r.target_text) for r in spec.relations if r.kind == "next_to"]
    assert nexts == [("anvil", "coal forge")]


# ------------------------------------------------------------------------------- nouns read as adjectives


def test_a_gun_safe_is_an_object_and_not_on_the_shelf():
    spec = parse_prompt("pawnshop w/ jewelery counter, a gun safe, like 3 tv's on a shelf")
    assert any(i.category == "generic_object" and i.desc == "gun safe" for i in spec.items)
    assert [(r.kind, r.subject, r.target) for r in spec.relations if r.kind == "on_top"] == [("on_top", "tv", "bookshelf")]
    assert not any(r.subject_text == "gun safe" for r in spec.relations)


def test_a_bookcase_full_of_albums_is_one_bookshelf():
    spec = parse_prompt("A tall glass-fronted bookcase full of albums stands against the wall.")
    cats = [i.category for i in spec.items]
    assert "bookshelf" in cats and "generic_object" not in cats


# ------------------------------------------------------------------------------- typical sizes of open phrases


@pytest.mark.parametrize(
    "phrase, size",
    [
        ("an old brass cash register", (0.4, 0.3, 0.4)),
        ("key cutting machine", (0.35, 0.3, 0.35)),  # the longest ending listed
        ("mystery object", None),
    ],
)
def test_ending_size(phrase, size):
    from scenerevis.policy.open_vocab import ending_size

    assert ending_size(phrase) == size


def test_an_open_device_takes_its_typical_size():
    from scenerevis.policy.open_vocab import map_phrase

    assert tuple(map_phrase("HF transceiver").size) == (0.35, 0.15, 0.3)


# ------------------------------------------------------------------------------- refinish: hyphens, colour + material


@pytest.mark.parametrize(
    "desc, finishes",
    [
        ("light-grey three-seater sofa", ["light grey"]),
        ("tall pastel-blue cabinet", ["pastel blue"]),
        ("glass-front counter", ["glass"]),
    ],
)
def test_requested_finishes_read_hyphens(desc, finishes):
    from scenerevis.assets.refinish import requested_finishes

    assert requested_finishes(desc) == finishes


def test_a_colour_and_a_material_combine(tmp_path):
    from scenerevis.assets import refinish
    from scenerevis.assets.catalog import BuiltinCatalog
    from scenerevis.assets.index import Match

    chair = refinish._builtin()["dining_chair-02"]
    match = Match(chair.id, "builtin", chair.category, chair.description, np.array(chair.size), 0.9)
    assert refinish.refinish_match("green leather dining chair", match).asset_id == "dining_chair-02~green_leather"
    assert BuiltinCatalog(cache_dir=tmp_path).get("dining_chair-02~green_leather").params["seat"] == "green"
    assert refinish.split_id("dining_chair-02~green_leather") == ("dining_chair-02", "green leather")


# ------------------------------------------------------------------------------- plan: corner pieces first


def test_a_piece_in_the_corner_is_planned_in_the_first_turn():
    from scenerevis.policy.plan import build_plan

    text = "A hotel lobby with a sofa, two armchairs, a coffee table and a grandfather clock in the corner."
    stages = [i.stage for i in build_plan(parse_prompt(text), seed=0).items if "grandfather clock" in i.desc]
    assert stages and set(stages) == {1}


# ------------------------------------------------------------------------------- what the sentence says of a piece


@pytest.mark.parametrize(
    ("text", "category", "desc"),
    [
        ("The counter is made from reclaimed driftwood and holds a cash register.", "kitchen_counter", "driftwood counter"),
        ("The sofa is upholstered in green velvet.", "sofa", "green velvet sofa"),
        ("The desk is painted white.", "desk", "white desk"),
        ("A desk is in the corner.", "desk", "desk"),  # a place, no finish
        ("the walnut partners' desk has a lamp.", "desk", "walnut partners' desk"),  # the "'" ends no phrase
        ("a sofa in green velvet and a desk in the corner", "sofa", "green velvet sofa"),
        ("The judge's bench, in dark mahogany, stands raised.", "bench", "dark mahogany judge's bench"),
    ],
)
def test_the_sentence_gives_a_piece_its_finish(text, category, desc):
    assert {i.category: i.desc for i in parse_prompt(text).items}[category] == desc


@pytest.mark.parametrize(
    ("desc", "finishes"),
    [
        ("round Formica table", ["laminate"]),
        ("blue plastic chair", ["blue", "plastic"]),
        ("black lacquer stool", ["black", "lacquer"]),
    ],
)
def test_plain_materials_are_finishes(desc, finishes):
    from scenerevis.assets.refinish import palette_name, requested_finishes

    assert [palette_name(f) for f in requested_finishes(desc)] == finishes
