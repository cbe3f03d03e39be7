"""Tests of what a prompt says around its pieces: finish words after the noun ("covered in brown felt"), finish words
spelled as materials (timber, stainless-steel, lead-lined), likenesses and places that name no piece, pieces first
named with "the"/"its", a noun the parser read as a verb or preposition, venues whose room type is only guessed (no
extras), work tables, part nouns that are pieces, and lamps hung from the ceiling (``ceiling`` role)."""

from __future__ import annotations

import pytest

from scenerevis.assets.refinish import palette_name, requested_finishes
from scenerevis.policy.plan import build_plan
from scenerevis.policy.prompt_parse import parse_prompt
from tests.policy.common import items


def episode(prompt: str):
    from scenerevis.loop.simulate import run_rule_episode

    scene, _ = run_rule_episode(prompt, iterations=10, seed=0)
    return scene


def descs(text: str) -> dict[str, str]:
    return {(i.phrase if i.category == "generic_object" else i.category): i.desc for i in parse_prompt(text).items}


# ------------------------------------------------------------------------------- finish words


def test_a_participle_after_the_noun_gives_its_finish_only_when_it_names_one():
    got = descs(
        "The big cutting table, covered in brown felt, takes up the middle. A long stepped display stand made of "
        "reclaimed pine runs along the left wall. A shelf covered with books stands by the door."
    )
    assert got["work_table"].split()[:2] == ["brown", "felt"]
    assert got["long stepped display stand"] == "pine long stepped display stand"  # an open phrase keeps its text
    assert "books" not in got["bookshelf"]  # what covers it is no finish


@pytest.mark.parametrize(
    "text, category, desc",
    [
        # a part's finish said with "with" is the piece's look; only its describing words
        ("The hall has a tall mirror with a brass frame.", "mirror", "brass tall mirror with a brass frame"),
        ("A game room with a pool table with red felt.", "pool_table", "red pool table with red felt"),
        # a participle after the noun ("upholstered", "framed"), an "in" phrase with a colour before its material
        ("A dining room with eight chairs upholstered in maroon leather.", "dining_chair", "maroon leather dining chair"),
        ("A hallway with a mirror framed in gold.", "mirror", "gold mirror"),
        ("A bar with two bar stools in aqua vinyl.", "bar_stool", "aqua vinyl bar stool"),
        ("A hall with a table of white marble and a shelf of books.", "small_table", "white marble small table"),
        ("A hall with a table of white marble and a shelf of books.", "bookshelf", "shelf"),  # books are no finish
        # the "in" phrase ends at its own noun: the chairs joined after it are pieces of their own, counted
        (
            "A tea room with four round tables in white marble and twelve bentwood chairs.",
            "dining_chair",
            "bentwood dining chair",
        ),
    ],
)
def test_finish_words_said_after_the_noun(text, category, desc):
    assert descs(text)[category] == desc


def test_a_finish_phrase_does_not_take_the_pieces_joined_after_it():
    assert items("A tea room with four round tables in white marble and twelve bentwood chairs.") == {
        "dining_table": 4,
        "dining_chair": 12,
    }


@pytest.mark.parametrize(
    "word, palette", [("turquoise", "turquoise"), ("aqua", "turquoise"), ("burgundy", "maroon"), ("lilac", "lilac"),
                      ("bronze", "bronze"), ("vinyl", "plastic"), ("crystal", "crystal"), ("stone", "stone")],
)  # fmt: skip
def test_colour_and_material_words_have_palette_finishes(word, palette):
    from scenerevis.assets.palette import FINISHES

    assert requested_finishes(f"a {word} armchair") == [word]
    assert palette_name(word) == palette and palette in FINISHES


@pytest.mark.parametrize(
    "desc, finishes",
    [
        ("tall timber kayak rack", ["timber"]),
        ("stainless-steel sink", ["stainless-steel"]),
        ("lead-lined control booth", ["lead"]),
        ("bentwood chair", ["bentwood"]),
        ("crystal chandelier", ["crystal"]),
    ],
)
def test_material_words_are_finishes(desc, finishes):
    assert requested_finishes(desc) == finishes


def test_material_words_mean_palette_finishes():
    assert [palette_name(w) for w in ("timber", "bentwood", "stainless-steel", "lead")] == ["oak", "beech", "steel", "lead"]


# ------------------------------------------------------------------------------- what is and is not a piece


def test_what_a_room_feels_like_is_no_piece():
    assert items("Our perfume shop should feel like a jewel box, with a long oak counter.") == {"kitchen_counter": 1}


@pytest.mark.parametrize(
    "text, piece",
    [
        ("A metal feed bin stands next to the tack trunk.", "tack trunk"),
        ("The fire finder stands in the centre on its cast-iron pedestal.", "cast-iron pedestal"),
    ],
)
def test_a_piece_first_named_with_the_or_its_by_a_placing_word_is_requested(text, piece):
    assert items(text)[piece] == 1


def test_an_apposition_describes_the_same_piece_again():
    assert items("Next to it is the lightning stool, a wooden stool with glass insulator feet.") == {"stool": 1}


@pytest.mark.parametrize(
    "text, want",
    [
        # a plural after "a" is a verb: the conveyor loops
        ("Behind it, a motorised garment conveyor loops along the back wall.", {"motorised garment conveyor": 1}),
        # "till" before a noun is a noun (a cash till), not "until"
        ("Customers pay at a small wooden till counter.", {"kitchen_counter": 1}),
        # a part noun with a kind and an article of its own is a piece
        ("A tilting work table, and a white fume extraction arm next to it.", {"work_table": 1, "white fume extraction arm": 1}),
        ("In my workshop, put two trestles with an oak armchair frame on top.", {"trestle": 2, "oak armchair frame": 1}),
        # the first noun of "Design a ..." is the room
        ("Design a traditional seaside fishmonger with a lobster tank.", {"lobster tank": 1}),
        # counted lights are lamps; natural light is none
        ("A photo studio with plenty of natural light, a shooting table and 2 lights.", {"work_table": 1, "light": 2}),
    ],
)
def test_nouns_the_parser_misreads(text, want):
    assert items(text) == want


def test_the_till_counter_keeps_its_words():
    assert descs("Customers pay at a small wooden till counter.")["kitchen_counter"] == "small wooden till counter"


def test_a_table_for_a_task_is_a_work_table_without_dining_chairs():
    spec = parse_prompt("A fishmonger's back room with two stainless-steel filleting tables and a deep sink.")
    assert spec.count("work_table") == 2 and spec.count("dining_table") == 0
    assert "dining_chair" not in {p.category for p in build_plan(spec).items}


# ------------------------------------------------------------------------------- the room type


@pytest.mark.parametrize(
    "text",
    [
        "A boutique hotel lobby: a long marble front desk faces the entrance, with two armchairs.",
        "A fire station dorm with four bunk beds and a lounge corner with a sofa.",
        "A chocolatier workroom: two steel worktables side by side and a tempering machine.",
        "A dog room off the kitchen with a dog crate and a dog bed.",
    ],
)
def test_places_in_or_by_the_room_name_no_room_type(text):
    spec = parse_prompt(text)
    assert not spec.room_type_explicit


def test_a_guessed_room_type_adds_no_extras():
    """A hospital X-ray room with a desk and an office chair reads like a study, but gets no armchair, lamps, rug or
    plant; a named study does."""
    xray = parse_prompt("A hospital X-ray room with an X-ray table, a control desk and an office chair.")
    assert (xray.room_type, xray.room_type_explicit) == ("study", False)
    extras = {"armchair", "floor_lamp", "rug", "plant", "table_lamp"}
    assert not extras & {p.category for p in build_plan(xray).items}
    study = parse_prompt("A study with a desk and an office chair.")
    assert extras & {p.category for p in build_plan(study).items}


# ------------------------------------------------------------------------------- hung lamps


def test_a_chandelier_hangs_over_the_table_below_the_ceiling():
    from scenerevis.physics import evaluate_physics

    scene = episode("A dining room with a long oak table, six chairs and a crystal chandelier above the table.")
    table = next(o for o in scene.objects if o.desc.endswith("table"))
    lamp = next(o for o in scene.objects if o.desc.endswith("chandelier"))
    assert (float(lamp.pos[0]), float(lamp.pos[2])) == pytest.approx((float(table.pos[0]), float(table.pos[2])))
    top = scene.ceiling_y - scene.floor_y
    assert float(lamp.pos[1]) + float(lamp.size[1]) == pytest.approx(top - 0.02)
    assert float(lamp.pos[1]) >= 1.95 - 1e-9  # above head height
    report = evaluate_physics(scene)
    assert report.collision_rate == 0 and report.oob_rate == 0


def test_pendant_lights_spread_along_the_island():
    scene = episode("A kitchen with an island, three bar stools and three pendant lights over the island.")
    lamps = [o for o in scene.objects if o.desc.endswith("pendant light")]
    assert len(lamps) == 3
    xs = sorted((round(float(o.pos[0]), 2), round(float(o.pos[2]), 2)) for o in lamps)
    assert len(set(xs)) == 3  # three places, none on another's


def test_a_mirror_hangs_on_the_wall_once_the_floor_is_full():
    import random

    from scenerevis.policy.free_space import Body, rect, room_space
    from scenerevis.policy.layout import Placer
    from scenerevis.policy.plan import PlannedItem
    from scenerevis.scene.rooms import load_rooms

    # a 2 m x 2 m floor whose middle 1.6 m x 1.6 m is taken: 0.2 m strips along the walls, no floor for a
    # 0.4 m mirror with the 0.6 m it needs in front
    space = room_space([(-1, -1), (1, -1), (1, 1), (-1, 1)], 2.8)
    space.add(Body("block", "wardrobe", rect(0, 0, 0, 1.6, 1.6), 0.0, 2.0))
    size = load_rooms().category("mirror").size
    placer = Placer(space, random.Random(0), {"mirror": 1}, {"mirror": size})
    got = placer.place(PlannedItem("mirror", "mirror", size, stage=3, group="decor"))
    assert got is not None
    assert got.position[1] == pytest.approx(load_rooms().category("mirror").hang)  # hung, not standing
    x, z = got.position[0], got.position[2]
    assert max(abs(x), abs(z)) == pytest.approx(1 - 0.02 - size[2] / 2, abs=0.01)  # its back to a wall


# ------------------------------------------------------------------------------- the program's own pieces


def test_a_display_table_takes_no_chairs():
    def chairs(text: str) -> int:
        return build_plan(parse_prompt(text)).count("dining_chair")

    assert chairs("A gift shop with a round display table and a counter.") == 0
    assert chairs("A games room with a round table and a bookcase.") == 2  # a table to sit at keeps its two


def test_a_swivel_chair_is_an_office_chair():
    assert items("A desk with a red swivel chair.") == {"desk": 1, "office_chair": 1}


def test_a_stated_tight_floor_drops_the_programs_floor_extras():
    from scenerevis.policy.tight_floor import trim_extras

    text = "A tiny 5 square metre home office: a compact desk, an office chair, a narrow bookcase and a plant."
    plan = build_plan(parse_prompt(text))
    assert "armchair" in {p.category for p in plan.items}  # the study program's extra
    trim_extras(plan, 5.0)
    assert "armchair" not in {p.category for p in plan.items}
    assert "table_lamp" in {p.category for p in plan.items}  # a lamp on the desk takes no floor
    roomy = build_plan(parse_prompt(text.replace("tiny 5", "40")))
    trim_extras(roomy, 40.0)
    assert "armchair" in {p.category for p in roomy.items}


def test_a_piece_another_holds_stands_on_it_not_at_the_hosts_wall():
    spec = parse_prompt("Along the side wall a long oak workbench holds a bench grinder.")
    rels = {(r.kind, r.subject_text or r.subject, r.target) for r in spec.relations}
    assert rels == {("against_wall", "workbench", None), ("on_top", "bench grinder", "workbench")}


@pytest.mark.parametrize(
    "text, want",
    [
        # "chairs" read as the verb of "leather": counted pieces
        (
            "The tattoo studio has two black leather tattoo chairs side by side and a grey sofa.",
            {"dining_chair": 2, "sofa": 1},
        ),
        # a counted piece of a list the parser made an adverbial modifier
        (
            "Design a florist's shop: a long workbench along the back wall, three tiered flower stands in a row opposite it.",
            {"workbench": 1, "tiered flower stand": 3},
        ),
        # the heading's venue names no counter; the first sentence's place noun is the room
        ("A sushi counter restaurant: a long hinoki counter with eight stools along it.", {"kitchen_counter": 1, "stool": 8}),
        ("A recording booth of 4 square metres with a stool and a music stand.", {"stool": 1, "music_stand": 1}),
        # a material word with a kind before it is a piece
        (
            "An ice cream kiosk with a freezer counter and a waffle iron on a small table.",
            {"kitchen_counter": 1, "small_table": 1, "waffle iron": 1},
        ),
    ],
)
def test_counted_pieces_and_venue_nouns(text, want):
    assert items(text) == want


@pytest.mark.parametrize(
    "text", ["A living room with a sofa and a pendant lamp next to it.", "A kitchen with a table and a chandelier in the middle."]
)
def test_a_lamp_the_brief_places_still_hangs(text):
    """A relation on a ceiling lamp ("next to it", "in the middle") tells its role where to hang it; the search
    never stands it on the floor."""
    lamp = next(o for o in episode(text).objects if o.desc.endswith(("pendant lamp", "chandelier")))
    assert float(lamp.pos[1]) >= 1.95 - 1e-9
