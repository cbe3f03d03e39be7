"""The designer follows the brief: open vocabulary, counts, brief-only prompts, size words, area, relations, report."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from scenerevis.loop.simulate import run_rule_episode
from scenerevis.policy.plan import build_plan, size_from_words, variant_size
from scenerevis.policy.prompt_parse import parse_prompt
from scenerevis.scene.rooms import load_rooms

PROMPT_SET = Path(__file__).resolve().parents[2] / "bench" / "prompt_sets" / "open_brief.jsonl"


def test_open_phrases_skip_abstract_words_and_known_mentions():
    spec = parse_prompt("A study with an antique brass telescope, a cozy feel and a desk.")
    assert [(i.phrase, i.category, i.count) for i in spec.items if i.source != "vocabulary"] == [
        ("antique brass telescope", "generic_object", 1)
    ]
    spec = parse_prompt("A gym with two stretching tables and three yoga blocks.")
    assert [(i.phrase, i.count) for i in spec.items if i.source != "vocabulary"] == [("yoga block", 3)]
    assert spec.count("work_table") == 2  # "stretching" describes a known noun: a table a task is done at
    spec = parse_prompt("A gym with two massage tables and three yoga blocks.")
    assert [(i.phrase, i.count) for i in spec.items if i.source != "vocabulary"] == [("yoga block", 3)]
    assert spec.count("treatment_table") == 2  # a massage table is a treatment table of its own


def test_counts_pairs_few_rows_and_each_with_its_own():
    assert parse_prompt("A bedroom with three single beds.").count("single_bed") == 3
    assert parse_prompt("A living room with a pair of speakers and a sofa.").count("speaker") == 2
    assert parse_prompt("A living room with a sofa and a few armchairs.").count("armchair") == 3
    assert parse_prompt("A home theater with two rows of recliners.").count("recliner") == 6
    spec = parse_prompt("A dorm with three single beds, each with its own nightstand.")
    assert spec.count("nightstand") == 3


def test_room_types_from_data_and_the_fallback():
    assert parse_prompt("A nursery with a crib.").room_type == "nursery"
    assert parse_prompt("A yoga studio with four mats.").room_type == "yoga_studio"
    assert parse_prompt("A crib and a changing table.").room_type == "nursery"  # inferred from the essentials
    assert parse_prompt("Something nice and calm.").room_type == "room"  # not the bedroom template


def test_only_and_minimalist_keep_the_brief():
    spec = parse_prompt("Only a bistro table and two chairs, nothing more.")
    assert spec.strict and spec.minimal
    plan = build_plan(spec, seed=0)
    assert sorted(i.category for i in plan.items) == ["dining_chair", "dining_chair", "small_table"]
    spec = parse_prompt("A minimalist bedroom with a double bed.")
    assert spec.minimal and not spec.strict
    cats = {i.category for i in build_plan(spec, seed=0).items}
    assert cats == {"double_bed", "nightstand", "wardrobe"}  # essentials and companions, no filler


def test_size_words_change_the_size():
    facts = load_rooms()
    assert size_from_words(facts.category("desk"), "white standing desk", (1.3, 0.75, 0.65)) == (1.4, 1.05, 0.7)
    assert size_from_words(facts.category("fridge"), "mini fridge", (0.7, 1.8, 0.7)) == (0.5, 0.85, 0.55)
    assert size_from_words(facts.category("fridge"), "fridge", (0.7, 1.8, 0.7)) == (0.7, 1.8, 0.7)
    plan = build_plan(parse_prompt("A cinema room with a recliner and a mini fridge."), seed=0)
    assert next(i for i in plan.items if i.category == "fridge").size[1] == 0.85


def test_attribute_words_pick_the_matching_variant_size():
    import random

    facts = load_rooms()
    rng = random.Random(0)
    # the catalog white desk variant is (1.4, 0.76, 0.7); the oak one the category default
    assert variant_size(facts.category("desk"), "white desk", (1.3, 0.75, 0.65), rng) == (1.4, 0.76, 0.7)
    green = variant_size(facts.category("armchair"), "green velvet armchair", (0.8, 0.9, 0.85), rng)
    assert green == (0.78, 0.88, 0.82)
    # the catalog white crib variant is (0.74, 1.0, 1.32); without catalog assets the size stays
    assert variant_size(facts.category("crib"), "white crib", (0.75, 1.0, 1.35), rng) == (0.74, 1.0, 1.32)
    bare = dataclasses.replace(facts.category("crib"), assets=())
    assert variant_size(bare, "white crib", (0.75, 1.0, 1.35), rng) == (0.75, 1.0, 1.35)


def test_relations_parse_from_the_phrases_attached_to_objects():
    text = "A study with two desks back to back in the middle, a lamp next to the sofa and a washer and a dryer side by side."
    got = {(r.kind, r.subject, r.target) for r in parse_prompt(text).relations}
    assert got == {
        ("back_to_back", "desk", None),
        ("middle", "desk", None),
        ("next_to", "floor_lamp", "sofa"),  # a lamp next to a sofa stands on the floor
        ("side_by_side", "dryer", "washing_machine"),
    }


def test_area_in_the_prompt_sets_the_floor_area():
    for prompt, area in (
        ("A bathroom of 5 square meters with a shower and a toilet.", 5.0),
        ("A living room of 40 m2 with a sofa.", 40.0),
    ):
        scene, _ = run_rule_episode(prompt, seed=0)
        assert abs(scene.floor_area - area) <= 0.1 * area, (prompt, scene.floor_area)


def test_every_request_is_reported_and_generic_objects_are_placed():
    prompt = "A study with a desk, an antique brass telescope and two desks back to back."
    scene, turns = run_rule_episode(prompt, seed=0)
    assert any(o.desc == "antique brass telescope" for o in scene.objects)
    final = turns[-1].reply
    assert "antique brass telescope" in final and "generic object" in final
    assert re.search(r"desk back to back \((?:met|not met)\)", final)
    assert turns[-1].terminated and all(not t.errors for t in turns)


def test_arrangement_requests_are_met():
    scene, turns = run_rule_episode("A home office with two desks back to back in the middle.", seed=0)
    assert "desk back to back (met)" in turns[-1].reply and "desk in the middle (met)" in turns[-1].reply
    scene, turns = run_rule_episode("A laundry room with a washing machine and a dryer side by side.", seed=0)
    assert "dryer side by side (met)" in turns[-1].reply


def test_other_seeds_give_other_assets():
    prompt = "A living room with a sofa, an armchair and a coffee table."
    sizes = []
    for seed in (0, 1, 2):
        plan = build_plan(parse_prompt(prompt), seed=seed)
        sizes.append(tuple(i.size for i in plan.items))
    assert len(set(sizes)) > 1


def test_the_prompt_set_has_sixty_prompts_of_twelve_room_types():
    from scenerevis.policy.brief_check import load_expectations

    exps = load_expectations(PROMPT_SET)
    assert len(exps) >= 60 and len({e.room for e in exps}) >= 12


@pytest.mark.parametrize("prompt", ["Create a cozy bedroom with a queen bed.", "A dining room for eight."])
def test_known_prompts_do_not_grow_generic_objects(prompt):
    assert [i for i in parse_prompt(prompt).items if i.source != "vocabulary"] == []


def test_non_english_prompts_are_named_and_still_built():
    from scenerevis.policy.prompt_parse import reads_as_english

    assert reads_as_english("A bedroom with a desk.")
    assert not reads_as_english("Ein Schlafzimmer mit einem Bett und einem Schrank.")
    assert not reads_as_english("一个有床和衣柜的卧室")
    scene, turns = run_rule_episode("Ein Schlafzimmer mit einem double bed und einem wardrobe.", seed=0)
    assert "I read English only" in turns[-1].reply
    assert scene.objects and turns[-1].terminated
