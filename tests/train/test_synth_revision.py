"""Revision chains: each defect shows up in the real diagnostics of the scene shown, and its fix removes it."""

from __future__ import annotations

import random

import pytest

from scenerevis.eval.essentials import essentials_coverage
from scenerevis.physics.evaluate import evaluate_physics
from scenerevis.scene.formats import scene_from_dict, scene_to_flat
from scenerevis.train.reverse import compile_chain
from scenerevis.train.synth_revision import RevisionConfig, plan_revision_chain
from scenerevis.train.think import diagnose
from tests.train.scenes import bedroom, canon, dining


def _chain(source, defect: str, seed: int = 0):
    cfg = RevisionConfig(defect_mix={defect: 1.0}, min_turns=2, max_turns=2, max_add_turns=1)
    plan = plan_revision_chain(source, random.Random(seed), cfg)
    return plan, compile_chain(plan)


def _diag(flat):
    scene = scene_from_dict(flat)
    return scene, diagnose(scene, evaluate_physics(scene))


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_collision_defect_is_a_real_contact_and_the_move_clears_it(seed):
    plan, c = _chain(bedroom(), "collision", seed)
    assert plan.op_sequence() == ["add", "move"] and plan.defects[0]["type"] == "collision"
    _, before = _diag(c.scenes[1])
    moved = c.calls[1][0].arguments["jid"]
    assert any(moved in (a, b) for a, b, _ in before.collisions)
    _, after = _diag(c.scenes[2])
    assert after.collisions == []
    assert canon(c.scenes[2]) == canon(scene_to_flat(bedroom()))


def test_through_wall_defect_is_out_of_bounds_until_moved_back():
    plan, c = _chain(bedroom(), "through_wall")
    _, before = _diag(c.scenes[1])
    assert [i for i, _ in before.oob] == [c.calls[1][0].arguments["jid"]]
    assert _diag(c.scenes[2])[1].oob == []


def test_facing_wall_defect_turns_a_wall_piece_around():
    plan, c = _chain(bedroom(), "facing_wall")
    assert plan.op_sequence() == ["add", "rotate"]
    _, before = _diag(c.scenes[1])
    assert before.facing_wall == [c.calls[1][0].arguments["jid"]]
    assert _diag(c.scenes[2])[1].facing_wall == []


def test_chair_away_defect_and_missing_essential():
    plan, c = _chain(dining(), "chair_away")
    _, before = _diag(c.scenes[1])
    assert before.lonely_chairs == [c.calls[1][0].arguments["jid"]]
    assert _diag(c.scenes[2])[1].lonely_chairs == []
    plan, c = _chain(dining(), "missing_essential")
    assert plan.op_sequence() == ["add", "add"]
    assert essentials_coverage(scene_from_dict(c.scenes[1])).missing != []
    assert essentials_coverage(scene_from_dict(c.scenes[2])).missing == []
    assert canon(c.scenes[2]) == canon(scene_to_flat(dining()))


def test_stray_and_wrong_objects_are_removed_and_replaced():
    plan, c = _chain(bedroom(), "stray_object")
    assert plan.op_sequence() == ["add", "remove"] and len(c.scenes[1]["objects"]) == 7
    plan, c = _chain(bedroom(), "wrong_object")
    call = c.calls[1][0]
    assert call.name == "replace_object"
    shown = {o["id"]: o["desc"] for o in c.scenes[1]["objects"]}
    assert shown[call.arguments["jid_to_replace"]] != call.arguments["new_object_description"]
    assert canon(c.scenes[2]) == canon(scene_to_flat(bedroom()))


def test_default_revision_chains_have_4_to_8_edit_turns_and_end_in_the_source():
    rng = random.Random(5)
    for src in (bedroom(), dining()):
        for _ in range(10):
            plan = plan_revision_chain(src, rng)
            assert 2 <= len(plan.turns) <= 8
            assert plan.turns[0].op == "add"
            assert canon(compile_chain(plan).scenes[-1]) == canon(scene_to_flat(src))
