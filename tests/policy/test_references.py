"""Tests of how the prompt reader ties words to objects already named: "the bench", "on top", "(say 6 units)",
nouns the parser reads as verbs, small things set on a named piece, and the plan's floor versions."""

from __future__ import annotations

import pytest

from scenerevis.policy.nlp import parse
from scenerevis.policy.plan import build_plan
from scenerevis.policy.prompt_parse import parse_prompt, reads_as_english
from tests.policy.common import items


def rels(text: str) -> list[tuple]:
    return [(r.kind, r.subject, r.target, r.subject_text, r.target_text) for r in parse_prompt(text).relations]


def test_the_bench_refers_to_the_workbench_named_before():
    text = "a tiny lab: only a workbench, a lab stool and a centrifuge on top of the bench"
    assert items(text) == {"workbench": 1, "stool": 1, "centrifuge": 1}
    assert rels(text) == [("on_top", "generic_object", "workbench", "centrifuge", "")]


def test_an_open_the_noun_refers_to_the_object_whose_words_hold_it():
    text = "a low altar table against the wall, 3 floor cushions facing the altar, a singing bowl on the altar"
    assert ("facing", "meditation_cushion", "small_table", "", "") in rels(text)
    assert ("on_top", "generic_object", "small_table", "singing bowl", "") in rels(text)
    assert "altar" not in items(text)


@pytest.mark.parametrize(
    "text, subject, host",
    [
        ("escape room: a pedestal with a globe on top", ("generic_object", "globe"), ("generic_object", "pedestal")),
        ("a mixing desk against the wall with two studio monitors on top", ("speaker", ""), ("desk", "")),
        ("a dresser, a TV on top", ("tv", ""), ("dresser", "")),
    ],
)
def test_bare_on_top_sets_the_piece_on_its_host(text, subject, host):
    assert ("on_top", subject[0], host[0], subject[1], host[1]) in rels(text)


def test_small_things_stay_only_when_something_carries_them():
    spec = parse_prompt("a bed, a vase and some books")  # a bed carries nothing
    assert [i.category for i in spec.items] == ["double_bed"]
    left = "small things set on furniture are left to the styling"
    assert spec.not_placed == [("vase", left), ("book", left)]
    spec = parse_prompt("a counter with a sink, a treat jar on the counter")
    jar = next(i for i in spec.items if i.phrase == "treat jar")
    assert (jar.category, jar.size) == ("generic_object", (0.25, 0.25, 0.25))
    assert spec.not_placed == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("bookshelves on every wall (say 6 units), a comfy armchair", {"bookshelf": 6, "armchair": 1}),
        ("wardrobes lining both long walls (4 in total), a mirror", {"wardrobe": 4, "mirror": 1}),
        ("a tall plant in each corner, and a rug", {"plant": 4, "rug": 1}),
        ("a tall plant in each corner (four), and a rug", {"plant": 4, "rug": 1}),
        ("lockers along the wall, 8 in total", {"cabinet": 8}),
    ],
)
def test_stated_totals_and_each_corner(text, expected):
    assert items(text) == expected


@pytest.mark.parametrize(
    "text, word, noun",
    [
        ("a table saw in the middle", "saw", True),
        ("two bike repair stands in the middle", "stands", True),
        ("an IV stand next to it", "stand", True),
        ("A coat rack stands by the door.", "stands", False),  # agrees with its subject: a verb
        ("a desk can stand by the window", "stand", False),
    ],
)
def test_nouns_the_parser_reads_as_verbs(text, word, noun):
    doc = parse(text)
    tok = next(t for t in doc if t.text == word)
    assert (tok.pos_ == "NOUN") is noun
    assert doc.text == text


def test_homograph_nouns_become_objects():
    assert items("garage: a table saw in the middle and a workbench") == {"table saw": 1, "workbench": 1}
    assert items("bike workshop: two bike repair stands in the middle") == {"bike repair stand": 2}


def test_a_bare_stand_is_no_tv_stand_and_arrangement_nouns_are_no_objects():
    assert items("a study with a globe on a stand in a corner") == {"globe": 1, "stand": 1}
    assert items("3 floor cushions in a semicircle") == {"meditation_cushion": 3}


def test_a_keyboard_is_a_piano_only_among_instruments():
    assert items("a guitar amp and a keyboard") == {"amplifier": 1, "piano": 1}
    assert items("a desk with a monitor and a keyboard") == {"desk": 1, "monitor": 1}


def test_a_table_with_chairs_around_it_is_a_dining_table_in_items_and_relations():
    spec = parse_prompt("a big oak reading table in the centre with six chairs around it, two lamps on the table")
    assert {i.category: i.count for i in spec.items} == {"dining_table": 1, "dining_chair": 6, "table_lamp": 2}
    assert {(r.kind, r.subject, r.target) for r in spec.relations} == {
        ("middle", "dining_table", None),
        ("around", "dining_chair", "dining_table"),
        ("on_top", "table_lamp", "dining_table"),
    }


def test_a_lamp_with_nothing_to_stand_on_is_planned_as_a_floor_lamp():
    plan = build_plan(parse_prompt("small library nook - 1 chaise longue, 1 bookcase, 1 reading lamp. nothing else"))
    assert sorted(i.category for i in plan.items) == ["armchair", "bookshelf", "floor_lamp"]
    plan = build_plan(parse_prompt("a bedroom with a bed, two nightstands and two reading lamps"))
    assert sum(i.category == "table_lamp" for i in plan.items) == 2


def test_terse_english_lists_read_as_english():
    assert reads_as_english("small library nook - 1 chaise longue, 1 bookcase, 1 reading lamp. nothing else")
    assert not reads_as_english("une chaise longue, une bibliothèque et une lampe de lecture")
    # no function word at all: English furniture names outnumber what any lexicon language glosses
    assert reads_as_english("School cafeteria: 4 long tables, 32 chairs, serving counter, tray rack, milk cooler.")
    assert not reads_as_english("Chambre: lit double, table de chevet, armoire, chaise")
    assert not reads_as_english("Schlafzimmer: Doppelbett, Nachttisch, Kleiderschrank, Stuhl")


def test_two_companions_of_one_kind_each_count_per_owner():
    text = "Nail salon: 4 manicure tables, each with a chair for the technician and a chair for the client"
    assert items(text) == {"small_table": 4, "dining_chair": 8}
    text = "Art room: three work tables in a row, four stools at each table (12 stools)"
    assert items(text) == {"work_table": 3, "stool": 12}


def test_pieces_named_apart_keep_their_words_and_their_own_relations():
    text = "Print shop with a large-format printer against the back wall, two laser printers on top of a long counter"
    spec = parse_prompt(text)
    printer = spec.item("printer")
    assert (printer.count, printer.desc, printer.variants) == (3, "large-format printer", [("laser printer", 2)])
    assert rels(text) == [
        ("against_wall", "printer", None, "large-format printer", ""),
        ("on_top", "printer", "kitchen_counter", "laser printer", ""),
    ]
    plan = build_plan(spec)
    assert sorted((i.desc, i.phrase) for i in plan.items if i.category == "printer") == [
        ("large-format printer", "large-format printer"),
        ("laser printer", "laser printer"),
        ("laser printer", "laser printer"),
    ]


def test_a_table_with_describing_words_is_no_desk_in_an_office():
    assert items("An office break room with two round tables, a desk and a couch")["small_table"] == 2
    assert items("An office with a table and a bookshelf")["desk"] == 1


def test_words_hung_on_a_quantity_noun_belong_to_its_objects():
    text = "chess corner in a club, just a pair of black leather armchairs on either side of one walnut chess table"
    # (each armchair stands next to the table too, so the pair flanks it)
    assert rels(text) == [("between", "small_table", "armchair", "", ""), ("next_to", "armchair", "small_table", "", "")]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Put a workbench on each of the two side walls, and a cabinet between them", {"workbench": 2, "cabinet": 1}),
        ("Garage: a shelf on each of the three walls", {"bookshelf": 3}),
        ("Two-patient ward: a pair of beds side by side and a wardrobe", {"single_bed": 2, "wardrobe": 1}),
        ("A guest room with a bed and a wardrobe", {"double_bed": 1, "wardrobe": 1}),
    ],
)
def test_each_of_the_n_walls_and_beds_for_two(text, expected):
    assert items(text) == expected


def test_an_arrangement_written_after_a_piece_is_not_the_next_pieces():
    text = "Computer lab: eight computer desks in two rows back to back, 8 office chairs, a printer on a cabinet"
    assert {(r.kind, r.subject) for r in parse_prompt(text).relations} == {
        ("in_row", "desk"),
        ("back_to_back", "desk"),
        ("on_top", "printer"),
    }


def test_a_separate_row_adds_and_chairs_arranged_elsewhere_keep_a_small_table():
    text = (
        "A clinic reception: a row of four chairs along one wall and a separate row of three chairs along the "
        "opposite wall, a small table between the rows"
    )
    assert items(text) == {"dining_chair": 7, "small_table": 1}
    assert items("second hand bookshop, shelves in rows, a rolling ladder") == {"bookshelf": 2, "rolling ladder": 1}


def test_a_stand_a_tv_stands_on_is_a_tv_stand():
    spec = parse_prompt("A lounge with a big corner sofa, a TV on a stand and a bookshelf")
    assert {i.category: i.count for i in spec.items} == {"sectional": 1, "tv": 1, "bookshelf": 1, "tv_stand": 1}
    assert rels("A lounge with a big corner sofa, a TV on a stand and a bookshelf") == [("on_top", "tv", "tv_stand", "", "")]
    assert items("A study with a globe on a stand in a corner") == {"globe": 1, "stand": 1}  # no host of a globe


def test_list_items_without_articles_and_what_it_refers_to():
    text = "sewing room ~10 m2: sewing desk, sewing machine, office chair, ironing board. nothing more"
    assert items(text) == {"sewing_table": 1, "office_chair": 1, "ironing_board": 1, "sewing machine": 1}
    text = "prayer room, 3 x 3 m. a single kneeler facing a small altar with a cross on top of it"
    assert ("on_top", "generic_object", "generic_object", "cross", "small altar") in rels(text)
    text = "a focus room: two desks side by side, a single armchair in the corner with a reading lamp next to it"
    assert ("next_to", "floor_lamp", "armchair", "", "") in rels(text)


def test_chairs_around_a_big_table_in_a_lounge_are_dining_chairs():
    assert items("teachers' lounge with a big table and 8 chairs around it and a sofa")["dining_chair"] == 8


def test_in_front_of_is_next_to_at_the_front_and_venue_nouns_are_no_objects():
    text = "Small home chapel: two rows of three wooden pews facing an altar table and a kneeler in front of it."
    assert ("next_to", "generic_object", "small_table", "kneeler", "") in rels(text)
    text = "Step into a vintage-style gentlemen's barbershop with two barber chairs and a sofa."
    assert items(text) == {"salon_chair": 2, "sofa": 1}


def test_things_listed_before_a_bare_on_top_all_go_on_top_and_the_screen_is_the_tv():
    text = "Staff room: against one wall a kitchenette counter with a kettle and a coffee machine on top, and a fridge"
    on = {r.subject_text for r in parse_prompt(text).relations if r.kind == "on_top" and r.target == "kitchen_counter"}
    assert on == {"kettle", "coffee machine"}
    text = "Karaoke room: a sofa facing a large TV and a karaoke machine on a TV stand under the screen"
    assert "projector_screen" not in items(text) and items(text)["tv"] == 1
    assert "break" not in items("The staff room works for both breaks and marking: a long table and eight chairs")


def test_prose_with_the_new_piece_bare_in_front_and_fills_the_middle():
    text = (
        "The sewing room: a white sewing table sits under the window with the sewing machine on top of it and an "
        "adjustable task chair in front. A large cutting table fills the middle of the room."
    )
    assert items(text) == {"sewing_table": 1, "office_chair": 1, "work_table": 1, "sewing machine": 1}
    assert set(rels(text)) == {
        ("on_top", "generic_object", "sewing_table", "sewing machine", ""),
        ("against_wall", "sewing_table", None, "", ""),  # under the window: against its wall
        ("next_to", "office_chair", "sewing_table", "", ""),
        ("middle", "work_table", None, "", ""),
    }


def test_a_the_noun_that_names_no_object_is_no_new_piece():
    text = "The rest is a lounge: a big corner sofa and a TV. The goal is that the sun reaches the desk by the window."
    assert items(text) == {"sectional": 1, "tv": 1, "desk": 1}
    # a "the <noun>" nothing names before is a new piece only when the words after it place it
    assert items("A dining room: a long table and six chairs, the head of the table faces the garden") == {
        "dining_table": 1,
        "dining_chair": 6,
    }
