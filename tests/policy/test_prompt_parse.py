"""Tests of scenerevis/policy/prompt_parse.py and vocab.py."""

from __future__ import annotations

import pytest

from scenerevis.policy.plan import build_plan
from scenerevis.policy.prompt_parse import parse_prompt
from scenerevis.policy.vocab import classify_description


def counts(text: str) -> dict[str, int]:
    return {i.category: i.count for i in parse_prompt(text).items}


@pytest.mark.parametrize(
    "text, category, count",
    [
        ("A bedroom with a queen bed and two nightstands.", "nightstand", 2),
        ("A dining room with a long table and eight chairs.", "dining_chair", 8),
        ("A living room with a sofa and a pair of armchairs.", "armchair", 2),
        ("A bedroom with at least two wardrobes.", "wardrobe", 2),
        ("A bedroom with a small table and a couple of chairs.", "dining_chair", 2),
        ("A dining room with a table and chairs.", "dining_chair", 4),
        ("A living room with about six velvet chairs around a round dining table.", "dining_chair", 6),
        ("A bedroom with nightstands and a bed.", "nightstand", 2),
        ("A study with 3 bookshelves.", "bookshelf", 3),
        ("A study with a desk, an armchair and another armchair.", "armchair", 2),
        ("A living room with a few plants.", "plant", 3),
    ],
)
def test_counts(text, category, count):
    assert counts(text)[category] == count


def test_explicit_and_at_least_flags():
    spec = parse_prompt("A bedroom with at least two glossy black art deco wardrobes with gold diamond patterns and a bed.")
    item = spec.item("wardrobe")
    assert (item.count, item.explicit, item.at_least) == (2, True, True)
    assert item.desc == "glossy black art deco wardrobe with gold diamond patterns"
    assert spec.item("double_bed").explicit is False


@pytest.mark.parametrize(
    "text, room",
    [
        ("I want a modern livingroom with a sofa.", "living_room"),
        ("A modern kids' bedroom with a sleek bed.", "kids_room"),
        ("Design a home office with a desk.", "study"),
        ("A home gym with a treadmill.", "gym"),
        ("A study room with a desk and a lounge chair.", "study"),
        ("A cozy space with a king bed and a wardrobe.", "bedroom"),
        ("A bathroom with a bathtub.", "bathroom"),
        # one named piece is no evidence of a room type: the generic room, whose essentials add nothing
        ("Something with a dining table and six chairs.", "room"),
        ("A kindergarten classroom with a teacher desk and 3 round tables.", "room"),
    ],
)
def test_room_type(text, room):
    assert parse_prompt(text).room_type == room


@pytest.mark.parametrize(
    "text, expected",
    [
        ("3 small round tables with 4 little chairs each", {"dining_table": 3, "small_table": 0, "dining_chair": 12}),
        ("two desks, a chair at each desk", {"desk": 2, "dining_chair": 0, "office_chair": 2}),
        ("three beds, each with two nightstands", {"nightstand": 6}),
        ("3 rows of 5 seats each, a TV", {"dining_chair": 15}),
        ("two rows of 4 desks", {"desk": 8}),
        ("a table with two stools per table", {"stool": 2}),
        ("a workbench and 20 stools", {"stool": 20}),  # a stated count is taken past the guessed maximum
        ("five round bistro tables each with two chairs", {"small_table": 5, "dining_chair": 10}),
        ("a king bed with a nightstand on each side of the bed", {"king_bed": 1, "nightstand": 2}),
        ("a desk with a lamp on each side", {"desk": 1, "table_lamp": 2}),
        ("a cat tree in the corner and a scratching post", {"cat_tree": 2}),  # two nouns of one category
        ("12 student desks and a teacher's desk", {"desk": 13}),  # another 'a <noun>' with other words
        ("12 student desks and a large teacher desk", {"desk": 13}),
    ],
)
def test_distributive_counts(text, expected):
    spec = parse_prompt(text)
    for category, n in expected.items():
        assert spec.count(category) == n, (category, [(i.category, i.count) for i in spec.items])


def test_guessed_room_adds_no_essentials():
    """A room type guessed from the pieces named (not written in the prompt) adds none of its essentials."""
    guessed = build_plan(parse_prompt("A king bed and a nightstand."), seed=0)
    assert guessed.room_type == "bedroom"
    assert "wardrobe" not in {p.category for p in guessed.items}
    named = build_plan(parse_prompt("A bedroom with a king bed and a nightstand."), seed=0)
    assert [p.essential for p in named.items if p.category == "wardrobe"] == [True]


def test_generic_words_follow_the_room():
    assert counts("A kids room with a bed.") == {"single_bed": 1}
    assert counts("A study with a table and a chair.") == {"desk": 1, "office_chair": 1}
    assert "bathtub" not in counts("A dining room with a pendant light with three slender LED tubes and a table.")


def test_colours_styles_and_descriptions():
    spec = parse_prompt("A Scandinavian bedroom with a light grey upholstered double bed and two white oak nightstands.")
    assert spec.style == ["scandinavian"]
    assert spec.colours[:2] == ["grey", "white"]
    assert spec.item("double_bed").desc == "light grey upholstered double bed"
    assert spec.item("nightstand").desc == "white oak nightstand"


def test_size_hints():
    assert parse_prompt("A small bedroom with a bed.").size_hint == "small"
    assert parse_prompt("A spacious living room with a sofa.").size_hint == "large"
    assert parse_prompt("A bedroom with a small table.").size_hint is None
    assert parse_prompt("A study of 12 square metres with a desk.").area == 12.0
    assert parse_prompt("A 4 by 5 metre dining room.").dims == (4.0, 5.0)
    assert parse_prompt("A 3.5 x 4 m study.").dims == (3.5, 4.0)


def test_shape_and_exclusions():
    assert parse_prompt("An L-shaped living room with a sofa.").l_shape is True
    spec = parse_prompt("A living room with an L-shaped sofa and no TV.")
    assert spec.l_shape is False
    assert spec.item("sectional") is not None and "tv" in spec.excluded and spec.item("tv") is None


@pytest.mark.parametrize(
    "desc, category",
    [
        ("queen bed with a grey fabric headboard", "double_bed"),
        ("walnut bedside table", "nightstand"),
        ("black media console", "tv_stand"),
        ("upholstered dining chair with brass legs", "dining_chair"),
        ("modern light oak coffee table", "coffee_table"),
        ("tall potted fiddle-leaf fig", "plant"),
        ("mysterious object", None),
    ],
)
def test_classify_description(desc, category):
    assert classify_description(desc, "bedroom") == category


def test_references_and_digits_inside_words():
    spec = parse_prompt("A bedroom with a king bed, a 3D-style monitor and 2 lamps; a bench sits at the foot of the bed.")
    assert {i.category: i.count for i in spec.items} == {"king_bed": 1, "monitor": 1, "table_lamp": 2, "bench": 1}


def test_the_sofa_refers_back_to_the_sectional():
    spec = parse_prompt("A living room with a grey sectional sofa facing a TV. In front of the sofa sits a coffee table.")
    assert [(i.category, i.count) for i in spec.items] == [("sectional", 1), ("tv", 1), ("coffee_table", 1)]


@pytest.mark.parametrize(
    "text, category, count",
    [
        ("A living room with a sofa and a couple more armchairs.", "armchair", 2),
        ("A living room with a sofa and two more armchairs.", "armchair", 2),
        ("A living room with a sofa and a few more plants.", "plant", 3),
    ],
)
def test_more_after_a_count(text, category, count):
    assert counts(text)[category] == count


def test_reading_corner_means_an_armchair():
    spec = parse_prompt("A cozy bedroom with a queen bed and a reading corner.")
    assert [(i.category, i.desc) for i in spec.items] == [("double_bed", "queen bed"), ("armchair", "armchair")]


def test_kind_words_on_generic_nouns_stay_in_the_description():
    """ "a dental chair" is planned as a chair described as a dental chair, not "dental dining chair"; four
    beds in one room are single beds (rooms.json generic_nouns ``many``); a ring light is an object."""
    spec = parse_prompt("A dental room with a dental chair in the middle, four beds and one ring light.")
    assert spec.item("dining_chair").desc == "dental chair"
    assert spec.count("single_bed") == 4
    assert [i.desc for i in spec.items if i.category == "generic_object"] == ["ring light"]


def test_seats_the_brief_arranges_call_no_table():
    """Companion rules of seats give way to the brief's own arrangement: five chairs in a row get no table."""
    plan = build_plan(parse_prompt("A waiting area with five chairs in a row along the wall."), seed=0)
    assert {p.category for p in plan.items} == {"dining_chair"}
    plan = build_plan(parse_prompt("A room with five chairs."), seed=0)
    assert "dining_table" in {p.category for p in plan.items}
