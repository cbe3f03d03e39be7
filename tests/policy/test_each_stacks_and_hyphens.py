"""Tests of counts and pieces the reader used to miss: a bare "each" after the pieces ("with two chairs each",
"with a monitor wedge next to each"), "eight chairs to a row" after "four rows of chairs", "twenty in total",
a hyphenated piece ("a merry-go-round"), a noun the tagger read as a plural ("a dais"), "a stack of" / "a suit
of", a compound noun the parser split ("a red fire extinguisher"), what a piece "holds", "the inside of" a
vehicle, square tables shared by their chairs, a room noun made the subject of the pieces' verb, and a piece
set on a host narrower than its first size."""

from __future__ import annotations

from scenerevis.loop.simulate import run_rule_episode
from scenerevis.policy.brief_check import relation_met
from scenerevis.policy.plan import build_plan
from scenerevis.policy.prompt_parse import parse_prompt
from tests.policy.brief_words import counts, rels


def test_a_bare_each_after_the_pieces_counts_them_per_owner():
    assert counts("A bubble tea shop. Three small round tables with two chairs each fill the seating area.") == {
        "small_table": 3,
        "dining_chair": 6,
    }
    # the owner is the counted piece right before "with", not the largest count named earlier
    got = counts(
        "Four barrels stand in a row. Near the exit, place two vending machines side by side and three round tables with two chairs each."
    )
    assert got["dining_chair"] == 6
    got = counts("Across the front there are three microphone stands in a row, with a monitor wedge next to each.")
    assert got == {"microphone stand": 3, "monitor wedge": 3}
    # with no "each" the count is the pieces' own
    assert counts("Three round tables stand by the window and two chairs sit by the door.")["dining_chair"] == 2


def test_pieces_per_row_and_a_stated_total_above_twelve():
    assert counts("Facing the stage are four rows of chairs, eight chairs to a row.") == {"dining_chair": 32, "stage": 1}
    assert counts("Two rows of desks.")["desk"] == 6  # no number per row: three each
    got = counts("Model the inside of a metro carriage. Rows of blue plastic seats line both walls, twenty in total.")
    assert got == {"dining_chair": 20}  # and the carriage is the room, no piece


def test_a_hyphenated_piece_and_a_noun_ending_in_is():
    assert counts("Add a merry-go-round near the play structure.") == {"merry-go-round": 1, "play structure": 1}
    got = counts("A gold throne sits on a three-step marble dais.")
    assert got == {"gold throne": 1, "three-step marble dais": 1}


def test_stacks_piles_and_suits_count_what_they_are_of():
    assert counts("The DJ booth is flanked by two stacks of subwoofers.")["subwoofer"] == 2
    assert counts("Put a stack of firewood next to the fire pit.")["firewood"] == 1
    # "on either side of" doubles a piece that is the verb's subject
    text = "The king's throne stands against the far wall. A suit of armour stands on either side of it."
    assert counts(text)["armour"] == 2
    assert counts("Along the west wall stands a row of four suits of armour.")["armour"] == 4


def test_a_split_compound_noun_is_one_piece():
    text = "A steel tool cabinet stands in the corner, with a red fire extinguisher beside it. Put a red fire extinguisher by the door."
    assert counts(text) == {"cabinet": 1, "red fire extinguisher": 2}
    assert ("next_to", "generic_object", "cabinet", "red fire extinguisher", "") in rels(text)


def test_what_a_piece_holds_stands_on_it_unless_it_is_a_holders_contents():
    text = "A mahogany pedestal in the middle holds the biggest cup."
    assert counts(text) == {"mahogany pedestal": 1, "biggest cup": 1}
    assert ("on_top", "generic_object", "generic_object", "biggest cup", "mahogany pedestal") in rels(text)
    assert counts("Two tall shelving units against the side wall hold the retail bags.") == {"bookshelf": 2}
    # "for holding bikes" says what the rack is for: no piece holds them
    assert counts("A garage with a wall rack for holding bikes and a workbench.") == {"storage_rack": 1, "workbench": 1}


def test_square_tables_share_the_chairs_one_per_side():
    spec = parse_prompt("A day room. Put four square tables in the middle for card games, each with four chairs.")
    tables = [i for i in build_plan(spec, 0).items if i.category == "dining_table"]
    assert len(tables) == 4
    assert all(t.size == (0.9, 0.75, 0.9) for t in tables)


def test_pieces_after_with_take_the_verb_the_room_is_subject_of():
    text = "A nursing home lounge with six high-backed armchairs arranged around a low coffee table."
    assert ("around", "armchair", "coffee_table", "", "") in rels(text)


def test_a_television_on_a_narrow_cabinet_stands_on_it():
    text = "A nursing home lounge. There is a television on a cabinet against the wall, and an upright piano in the corner."
    scene, _ = run_rule_episode(text, iterations=10, seed=0)
    assert relation_met(scene, ["on_top", "television|tv", "cabinet"])


def test_both_pieces_with_a_host_stand_on_it_when_with_hangs_on_its_wall():
    text = "At the front, a low black stage stands against the front wall with a microphone stand and a small side table on it."
    got = rels(text)
    assert ("on_top", "side_table", "generic_object", "", "low black stage") in got
    assert ("on_top", "generic_object", "generic_object", "microphone stand", "low black stage") in got


def test_a_place_written_before_a_piece_is_that_pieces():
    text = "At the back, next to the entrance, put a ticket desk, and in the far corner a sound desk."
    corners = {r.subject_text for r in parse_prompt(text).relations if r.kind == "corner"}
    assert corners == {"sound desk"}


def test_rows_that_face_a_piece_start_facing_it():
    text = (
        "A comedy club of about 60 square metres. A low stage stands against the front wall. "
        "Facing the stage are three rows of chairs, six chairs to a row."
    )
    scene, _ = run_rule_episode(text, iterations=10, seed=0)
    chairs = [o for o in scene.objects if o.desc.endswith("chair")]
    assert len(chairs) == 18
    assert relation_met(scene, ["facing", "chair", "stage"])
    assert relation_met(scene, ["in_row", "chair"])


def test_generic_pieces_take_typical_sizes_and_shrink_at_most_to_forty_percent():
    spec = parse_prompt("A ship's engine room with a fire extinguisher and three generators in a row.")
    sizes = {i.desc: i.size for i in spec.items if i.category == "generic_object"}
    assert sizes == {"fire extinguisher": (0.2, 0.6, 0.2), "generator": (1.8, 1.4, 1.0)}
    gens = [i for i in build_plan(spec, 0).items if i.desc == "generator"]
    assert gens[0].min_size() == (0.72, 1.4, 0.4)


def test_make_names_the_room_and_a_kind_makes_a_vehicle_a_prop():
    text = "Make a small neighbourhood playground. There is a red climbing frame in the middle."
    assert counts(text) == {"red climbing frame": 1}
    text = "A mini golf hall. In the centre stands a large pirate ship, and a treasure chest sits next to it."
    assert counts(text) == {"large pirate ship": 1, "treasure chest": 1}
    assert counts("The engine room of a cargo ship. A workbench stands in the corner.") == {"workbench": 1}
    # what a piece faces outside the room is no piece
    assert counts("A beach cabana. Two loungers stand side by side facing the sea.") == {"armchair": 2}


def test_at_each_end_is_by_the_piece_it_comes_with():
    text = "A long table with a lamp at each end."
    assert counts(text)["table_lamp"] == 2
    assert ("next_to", "table_lamp", "small_table", "", "") in rels(text)


def test_each_with_a_piece_on_top_and_chairs_counts_the_chairs_per_owner():
    # "on top" (no "of") is one adverb; the chairs the parser joins to it are the vase's siblings
    assert counts("A cafe with two tables, each with a vase on top and four chairs.") == {
        "dining_table": 2,
        "dining_chair": 8,
        "vase": 2,
    }
    assert ("on_top", "generic_object", "small_table", "vase", "") in rels(
        "A cafe with two tables, each with a vase on top of it."
    )


def test_a_piece_word_in_the_rooms_compound_name_is_no_piece():
    text = "Design a club table tennis room, roughly 120 square metres. Four competition tables stand in a row."
    assert counts(text) == {"small_table": 4}


def test_between_two_of_the_pieces_and_a_place_before_a_piece():
    text = "A yurt. Three low beds are placed against the round wall. Between two of the beds is a painted chest."
    assert ("between", "generic_object", "single_bed", "painted chest", "") in rels(text)
    text = (
        "A fallout shelter, there are two metal bunk beds against the walls, and between them a folding table. "
        "Put a radio on the table and a chemical toilet in the corner."
    )
    got = rels(text)
    assert ("between", "folding_table", "bunk_bed", "", "") in got
    # the table the radio stands on is no piece in the corner
    assert {r[1] for r in got if r[0] == "corner"} == {"toilet"}


def test_a_counter_topped_with_two_pieces_carries_both_and_keeps_its_own_words():
    text = "A diner. The right side is taken up by a long counter topped with a glass cake stand and a milkshake mixer."
    got = rels(text)
    assert ("on_top", "generic_object", "kitchen_counter", "glass cake stand", "") in got
    assert ("on_top", "generic_object", "kitchen_counter", "milkshake mixer", "") in got
    assert parse_prompt(text).item("kitchen_counter").desc == "long counter"


def test_each_with_a_pair_and_each_after_a_plural_named_under_a_singular_piece():
    # "folding" read as a verb between "a pair of" and "chairs"
    got = counts("Five round metal tables are spread across the gravel, each with a pair of folding chairs.")
    assert got == {"small_table": 5, "dining_chair": 10}
    # "each" hung on the tree: the tables named between own the chairs
    text = "In the middle stands a large potted olive tree, ringed by six round white tables, each with three yellow chairs."
    assert counts(text)["dining_chair"] == 18
