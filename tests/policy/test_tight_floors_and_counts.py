"""Tests of a stated floor the plan barely fits (compact sizes, shared aisles, largest pieces first), of counts
handed out per owner without "with" ("four stools at each", "six stools around each", "each with four padded
chairs"), of the cushions that come with seats, of nouns the parser read as verbs ("a ramen bar with ..."), and of
"along" / "at" a piece."""

from __future__ import annotations

import pytest

from scenerevis.physics import evaluate_physics
from scenerevis.policy.plan import build_plan
from scenerevis.policy.prompt_parse import parse_prompt
from scenerevis.policy.tight_floor import COMPACT_SHARE, TIGHT_CLEARANCE, compact_pieces, footprint_need, trim_extras
from scenerevis.scene.rooms import load_rooms
from tests.policy.common import items

# ------------------------------------------------------------------------------- a tight stated floor


def _plan(text: str, area: float):
    plan = build_plan(parse_prompt(text), 0, extras=True)
    trim_extras(plan, area)
    return plan


def test_a_tight_floor_takes_the_smallest_sizes_of_its_pieces():
    plan = _plan("A 7 m² guest room with a double bed and a wardrobe.", 7.0)
    shrunk = compact_pieces(plan, 7.0)
    assert plan.tight
    sizes = {i.category: i.size for i in plan.items}
    facts = load_rooms()
    for cat in ("double_bed", "wardrobe", "nightstand"):  # halfway is not enough: each goes to its smallest w x d
        lo = facts.category(cat).min_size
        assert (sizes[cat][0], sizes[cat][2]) == (lo[0], lo[2])
    assert sizes["rug"] == facts.category("rug").size  # a rug takes no floor of its own
    assert len(shrunk) == 4  # bed, wardrobe, two nightstands
    assert footprint_need(plan, clearance=TIGHT_CLEARANCE) <= COMPACT_SHARE * 7.0


def test_a_roomy_or_unstated_floor_keeps_its_sizes():
    plan = _plan("A guest room with a double bed and a wardrobe.", 7.0)  # no stated size: the designer sizes it
    before = [i.size for i in plan.items]
    assert compact_pieces(plan, 7.0) == [] and not plan.tight
    assert [i.size for i in plan.items] == before
    roomy = _plan("A 30 m² guest room with a double bed and a wardrobe.", 30.0)
    assert compact_pieces(roomy, 30.0) == [] and not roomy.tight


def test_a_piece_the_brief_sizes_keeps_its_size_on_a_tight_floor():
    plan = _plan("A 6 m² guest room with a large double bed and a wardrobe.", 6.0)
    bed = next(i for i in plan.items if i.category == "double_bed").size
    compact_pieces(plan, 6.0)
    assert next(i for i in plan.items if i.category == "double_bed").size == bed
    lo = load_rooms().category("wardrobe").min_size
    wardrobe = next(i for i in plan.items if i.category == "wardrobe").size
    assert (wardrobe[0], wardrobe[2]) == (lo[0], lo[2])


def test_a_camper_van_holds_its_galley_beside_the_bed():
    from scenerevis.loop.simulate import run_rule_episode

    text = "Camper van interior, 7 m²: a double bed, a kitchenette counter, a two-burner stove, a mini fridge, a storage cabinet."
    scene, _ = run_rule_episode(text, iterations=10, seed=0)
    heads = sorted(o.desc.split()[-1] for o in scene.objects if o.pos[1] < 0.3 and "rug" not in o.desc)
    assert heads == ["bed", "cabinet", "counter", "fridge", "stove"]  # every piece (a 3.1 m x 2.2 m floor)
    report = evaluate_physics(scene)
    assert report.collision_rate == 0 and report.oob_rate == 0


# ------------------------------------------------------------------------------- counts per owner


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # no "with": the owner is the largest count named before
        ("A mahjong room with three automatic mahjong tables in a row, four red lacquered stools at each.", 12),
        # the parser hangs "six stools" on "in the middle": "around each" still hands them out
        ("A makerspace with two large worktables in the middle, six stools around each, and a cabinet.", 12),
        # the parser makes "padded" the sentence's verb: "each with" is read from the words
        ("Three square mahjong tables stand in a row, each with four padded chairs with red cushions around it.", 12),
    ],
)
def test_a_count_per_owner_without_with(text, want):
    got = items(text)
    seats = got.get("stool", 0) + got.get("dining_chair", 0)
    assert seats == want


def test_cushions_that_come_with_seats_are_no_pieces():
    assert "meditation_cushion" not in items("A dining room with four padded chairs with red cushions around a table.")
    assert items("A yoga room with a bench and six floor cushions.")["meditation_cushion"] == 6


# ------------------------------------------------------------------------------- misread nouns and "along" a piece


def test_a_venue_noun_read_as_a_verb_names_no_piece():
    got = items("A tiny 18 m² ramen bar with eight wooden stools along a U-shaped cedar counter and a red lantern.")
    assert got == {"stool": 8, "kitchen_counter": 1, "red lantern": 1}


def test_along_or_at_a_piece_is_next_to_it():
    rels = {(r.kind, r.subject, r.target) for r in parse_prompt("A bar with eight stools along the counter.").relations}
    assert ("next_to", "stool", "kitchen_counter") in rels
    text = "A long oak workbench stands against the window wall with two tall stools at it."
    rels = {(r.kind, r.subject, r.target) for r in parse_prompt(text).relations}
    assert ("next_to", "stool", "workbench") in rels and ("against_wall", "workbench", None) in rels


def test_a_bench_seat_is_a_bench():
    assert items("A camper van with a bench seat and a table.").get("bench") == 1
