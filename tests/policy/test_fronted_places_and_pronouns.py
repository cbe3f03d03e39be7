"""Tests of arrangement words the reader used to lose: a place written before a list or an inverted verb ("Against
the back wall: a cabinet, ... and a bench", "next to it are a fridge and a popcorn machine"), "on the other side",
"it" named before the pronoun, "faces them", pieces of one category named apart ("a trophy cabinet ... grey lockers
beside it"), what a piece is for ("a locker for the tents", "a table for folding boxes"), "the auctioneer's rostrum"
after a fronted place, piece nouns the tagger read as verbs ("12 agent desks"), place words with two modifiers ("the
far right corner"), a verb with no subject of its own after a piece, "takes up the middle", "at its foot" and "next
to each other"."""

from __future__ import annotations

from scenerevis.policy.brief_check import relation_met
from scenerevis.policy.prompt_parse import parse_prompt


def episode(prompt: str):
    from scenerevis.loop.simulate import run_rule_episode

    scene, _ = run_rule_episode(prompt, iterations=10, seed=0)
    return scene


def rels(text: str) -> set[tuple]:
    return {(r.kind, r.subject, r.target, r.subject_text, r.target_text) for r in parse_prompt(text).relations}


def counts(text: str) -> dict[str, int]:
    out: dict[str, int] = {}
    for i in parse_prompt(text).items:
        out[i.category] = out.get(i.category, 0) + i.count
    return out


def test_what_a_piece_is_for_is_no_piece_and_it_names_the_piece_before():
    text = "Against the wall, place a steel locker for the tents and a first-aid cabinet next to it."
    assert counts(text) == {"cabinet": 2}
    assert ("next_to", "cabinet", "cabinet", "first-aid cabinet", "steel locker") in rels(text)


def test_a_place_before_an_inverted_verb_holds_for_every_subject():
    text = "The white checkout counter goes in the far right corner; next to it are a glass-door drinks fridge and a popcorn machine."
    got = {r[:3] for r in rels(text)}
    assert got == {
        ("corner", "kitchen_counter", None),
        ("next_to", "fridge", "kitchen_counter"),
        ("next_to", "popcorn_machine", "kitchen_counter"),  # "it" is the counter, named before the pronoun
    }


def test_a_place_heading_a_list_holds_for_each_listed_piece():
    text = "Against the back wall: a tall equipment cabinet, a coffee machine on top of a low cupboard, and a bench. In the corner: two chairs and a plant."
    got = {r[:2] + r[3:4] for r in rels(text) if r[0] in ("against_wall", "corner")}
    # the coffee machine stands on the cupboard, so the cupboard takes its place by the wall
    assert got == {
        ("against_wall", "cabinet", "tall equipment cabinet"),
        ("against_wall", "cabinet", "low cupboard"),
        ("against_wall", "bench", ""),
        ("corner", "dining_chair", ""),
        ("corner", "plant", ""),
    }


def test_on_the_other_side_stands_by_the_same_piece():
    text = "To one side of the head table stands a black grand piano, and on the other side a lectern for the speeches."
    assert {r[:3] for r in rels(text)} == {("next_to", "piano", "small_table"), ("next_to", "lectern", "small_table")}
    text = "At the front stands the auctioneer's rostrum in dark walnut, with a large display screen next to it on one side and an easel on the other."
    assert counts(text) == {"monitor": 1, "easel": 1, "generic_object": 1}
    got = {r[:3] + r[4:] for r in rels(text)}
    assert got == {
        ("next_to", "monitor", "generic_object", "auctioneer's rostrum"),
        ("next_to", "easel", "generic_object", "auctioneer's rostrum"),
    }


def test_faces_them_names_the_counted_pieces():
    text = "Four foam targets stand in a row against the far wall, and a wooden bench faces them from the shooting line."
    assert ("facing", "bench", "generic_object", "", "foam target") in rels(text)


def test_pieces_of_one_category_named_apart_stand_by_each_other():
    text = "A tall trophy cabinet stands against the wall; put a pair of grey lockers beside it."
    assert counts(text) == {"cabinet": 3}
    assert ("next_to", "cabinet", "cabinet", "grey locker", "tall trophy cabinet") in rels(text)
    scene = episode(text)
    assert relation_met(scene, ["next_to", "locker", "trophy cabinet"])


def test_piece_nouns_read_as_verbs_and_tables_for_two():
    assert counts("Call center: 12 agent desks in 3 rows, 12 task chairs, 2 printers.") == {
        "desk": 12,
        "office_chair": 12,
        "printer": 2,
    }
    assert ("in_row", "desk", None, "", "") in rels("Call center: 12 agent desks in 3 rows, 12 task chairs, 2 printers.")
    text = "Four tables for two run in a row along the windows."
    assert counts(text) == {"small_table": 4}  # "run" is the verb, no piece
    assert ("in_row", "small_table", None, "", "") in rels(text)


def test_place_words_with_two_modifiers():
    assert {r[:2] for r in rels("Put a wine rack in the last free corner.")} == {("corner", "wine_rack")}
    assert {r[:2] for r in rels("A large green tatami mat covers the middle of the room.")} == {("middle", "rug")}


def test_a_verb_without_its_own_subject_belongs_to_the_piece_before_it():
    # parsed with the sink joined to "the left corner"
    text = "A tall white refrigerator fills the left corner and a hand-wash sink is next to the refrigerator."
    assert {r[:3] for r in rels(text)} == {("corner", "fridge", None), ("next_to", "bathroom_sink", "fridge")}


def test_what_a_table_is_for_and_where_a_verb_puts_its_subject():
    text = "A pizza oven on a steel stand, and a table for folding pizza boxes next to the oven."
    assert "generic_object" not in {r[1] for r in rels(text) if r[0] == "next_to"}  # no "folding pizza box" piece
    assert {i.desc for i in parse_prompt(text).items if "box" in i.desc} == set()
    text = "The big cutting table, covered in brown felt, takes up the middle of the room, with two work stools beside it."
    assert ("middle", "work_table") in {r[:2] for r in rels(text)}
    assert ("middle", "sofa") in {r[:2] for r in rels("A long sofa dominates the centre of the lounge.")}


def test_its_foot_and_next_to_each_other():
    text = "A single bed is pushed against the east wall with a cedar blanket chest at its foot."
    assert ("next_to", "generic_object", "single_bed", "cedar blanket chest", "") in rels(text)
    text = "A fume cupboard and a stainless-steel sink are set against the east wall, next to each other."
    assert ("side_by_side", "bathroom_sink", "cabinet") in {r[:3] for r in rels(text)}
    scene = episode(text)
    assert relation_met(scene, ["next_to", "sink", "fume cupboard"])


def test_the_plural_named_again_is_the_same_pieces_and_fronted_facing_words():
    text = "At the far end, six straw target butts stand in a row against the back wall. Facing the targets from the shooting line is a long ash bench."
    assert counts(text) == {"bench": 1, "generic_object": 6}  # no two more "targets"
    assert ("facing", "bench", "generic_object", "", "straw target butt") in rels(text)
    text = (
        "Three oak loose boxes stand in a row along the back wall. Opposite the loose boxes are a saddle rack and a feed chest."
    )
    assert counts(text) == {"storage_rack": 1, "generic_object": 4}  # three boxes and the chest
    assert {r[:2] + r[3:] for r in rels(text) if r[0] == "facing"} == {
        ("facing", "storage_rack", "", "oak loose box"),
        ("facing", "generic_object", "feed chest", "oak loose box"),
    }
    assert {r[:3] for r in rels("Two sofas face each other.")} == {("opposite", "sofa", None)}


def test_round_tables_keep_their_noun_and_a_wall_clock_is_a_piece():
    items = parse_prompt("A wedding banquet hall: six round tables in the middle.").items
    assert [(i.category, i.count, i.desc) for i in items] == [("small_table", 6, "round table")]
    # a clock is a small thing set on furniture; a wall clock hangs on its own
    items = parse_prompt("A delivery room with a bed in the middle. A wall clock hangs facing the bed.").items
    assert [(i.category, i.desc) for i in items] == [("double_bed", "double bed"), ("generic_object", "wall clock")]


def test_people_are_no_pieces():
    text = (
        "The caller sits at a raised oak desk facing the tables. Opposite the racks sits a green sofa where the puppeteers rest."
    )
    assert "generic_object" not in counts(text)


def test_between_two_different_pieces():
    rel = next(r for r in parse_prompt("Tuck a two-step stool between the freezer and the dresser.").relations)
    assert (rel.kind, rel.subject, rel.target, rel.target2) == ("between", "stool", "fridge", "dresser")
    assert rel.sides() == [("fridge", ""), ("dresser", "")]
    text = "A banquet hall with a grand piano against the left wall and a bar counter against the right wall. A cake table sits between the piano and the bar counter."
    assert relation_met(episode(text), ["between", "cake table", "piano", "bar counter"])
    # "them" are the two beds; the list goes on after them
    text = (
        "Twin bedroom for two children: two single beds side by side with a nightstand between them, a desk and a blue beanbag."
    )
    rel = next(r for r in parse_prompt(text).relations if r.kind == "between")
    assert (rel.target, rel.target2) == ("single_bed", None)


def test_places_two_subjects_share_and_what_a_verb_places():
    text = "A hose reel and a rinsing tub sit in the corner; a chest freezer stands next to the counter."
    assert {r[3] for r in rels(text) if r[0] == "corner"} == {"hose reel", "rinsing tub"}
    assert {r[:2] for r in rels("A treadmill and a rower stand along the wall.")} == {
        ("against_wall", "treadmill"),
        ("against_wall", "rowing_machine"),
    }
    # "stand" after "a postcard" in a list of what "Put" places is the piece's noun, not the verb
    text = "Put the cash desk in the corner with a stool behind it, a postcard stand next to the cash desk."
    assert ("next_to", "generic_object", "desk", "postcard stand", "") in rels(text)
    text = "A brass sink sits in one corner and a steel safe for the chalices stands in another."
    assert {r[:2] + r[3:4] for r in rels(text)} == {("corner", "bathroom_sink", ""), ("corner", "generic_object", "steel safe")}
    text = "Put the national flag on its pole in the corner and a steel filing cabinet against the wall."
    assert "national flag" in {i.desc for i in parse_prompt(text).items}


def test_a_heading_list_names_the_room_and_two_pieces_by_the_bed():
    text = "A labour and delivery suite of about 30 m². The delivery bed stands in the middle, with a fetal monitor and an IV pole next to it."
    assert "delivery" not in {i.desc for i in parse_prompt(text).items}  # the suite's name, no piece
    assert {r[:3] for r in rels(text) if r[0] == "next_to"} == {
        ("next_to", "monitor", "double_bed"),
        ("next_to", "generic_object", "double_bed"),
    }
    assert "desktop pc" in {i.desc.lower() for i in parse_prompt("A desktop PC sits on a desk.").items} | {
        d.lower() for i in parse_prompt("A desktop PC sits on a desk.").items for d, _ in i.variants
    }


def test_each_with_an_open_piece_and_what_an_imperative_verb_carries():
    items = parse_prompt("In the shop, three white plinths stand in a row down the middle, each with a vase on top.").items
    assert sorted((i.desc, i.count) for i in items) == [("vase", 3), ("white plinth", 3)]
    text = "Put the DJ desk against the back wall with two turntables and a mixer on top of it."
    assert {r[:3] for r in rels(text) if r[0] == "on_top"} == {
        ("on_top", "generic_object", "desk"),
        ("on_top", "record_player", "desk"),
    }


def test_a_verbless_clause_opening_with_its_place():
    text = (
        "An infant warmer goes against the right-hand wall, and beside it a small white cabinet with a baby scale on top of it."
    )
    assert ("next_to", "cabinet", "generic_object", "", "infant warmer") in rels(text)
    text = "Across the room, a heavy oak writing desk with a plain wooden chair, and beside it a tall bookcase."
    assert ("next_to", "bookshelf", "desk") in {r[:3] for r in rels(text)}


def test_stand_as_a_verb_after_a_plural_and_a_venue_heading():
    # "pianos stand": the verb of a plural subject; "a plant stands": no plant stand
    assert counts("Four upright pianos stand against the walls around the edges.") == {"piano": 4}
    items = parse_prompt("A bamboo plant stands in the corner and a pair of guitar stands beside it.").items
    assert sorted((i.category, i.desc) for i in items) == [("guitar_stand", "guitar stand"), ("plant", "bamboo plant")]
    # the first noun before a venue word names the room, no piece
    assert counts("A premium piano showroom laid out like a concert salon. A black concert grand stands in the middle.") == {
        "piano": 1
    }


def test_a_stated_count_of_32_chairs_is_kept():
    from scenerevis.policy.plan import build_plan

    plan = build_plan(parse_prompt("School cafeteria: 4 long tables, 32 chairs, a serving counter."), 0)
    assert sum(1 for i in plan.items if i.category == "dining_chair") == 32  # was cut to 24


def test_a_piece_against_each_side_wall_is_two():
    assert counts("A crew room: a kit locker against each side wall.") == {"cabinet": 2}
    got = {r[:2] for r in rels("A gym. Put a bench along both long walls.")}
    assert got == {("against_wall", "bench")}  # one on each wall: no row
