"""Reverse-engineered chains: op mix, staged adds, perturbations and their exact fixes, compilation."""

from __future__ import annotations

import math
import random

import pytest

from scenerevis.scene.formats import scene_to_flat
from scenerevis.scene.rotation import quat_to_yaw
from scenerevis.train.reverse import (
    DEFAULT_OP_MIX,
    ReverseConfig,
    chain_distance,
    compile_chain,
    plan_reverse_chain,
    select_diverse,
)
from tests.train.scenes import bedroom, canon


def _plan(ops: dict[str, float], turns: int, seed: int = 0, **kw):
    cfg = ReverseConfig(op_mix=ops, min_turns=turns, max_turns=turns, **kw)
    return plan_reverse_chain(bedroom(), random.Random(seed), cfg)


def test_default_op_mix_is_the_originals():
    assert DEFAULT_OP_MIX == {"add": 0.35, "remove": 0.10, "move": 0.20, "rotate": 0.20, "scale": 0.05, "replace": 0.10}


def test_adds_bring_the_biggest_furniture_first():
    plan = _plan({"add": 1.0}, 3)
    # volume stages: bed 3.36 m3 (large), wardrobe 1.44 (medium), then small ones by volume:
    # nightstands 0.11, lamp 0.135 -> lamp first among small; rug 0.028 last
    batches = [[e.key for e in t.edits] for t in plan.turns]
    assert batches == [["bed_1", "wardrobe_1"], ["lamp_1", "nightstand_1"], ["nightstand_2", "rug_1"]]
    compiled = compile_chain(plan)
    assert compiled.scenes[0]["objects"] == []
    assert canon(compiled.scenes[-1]) == canon(scene_to_flat(bedroom()))


def test_move_starts_off_by_at_most_half_a_metre_per_axis_and_restores_exactly():
    for seed in range(20):
        plan = _plan({"move": 1.0}, 2, seed)
        assert plan.op_sequence() == ["add", "move"]
        moved = plan.turns[1].edits
        assert 1 <= len(moved) <= 3
        compiled = compile_chain(plan)
        start = {o["id"]: o for o in compiled.scenes[1]["objects"]}
        target = {o.id: o for o in bedroom().objects}
        for e in moved:
            oid = compiled.ids[e.key]
            dx = start[oid]["pos"][0] - target[e.key].pos[0]
            dz = start[oid]["pos"][2] - target[e.key].pos[2]
            assert abs(dx) <= 0.5 + 1e-9 and abs(dz) <= 0.5 + 1e-9
            assert math.hypot(dx, dz) >= 0.15 - 1e-3
            assert e.args["new_position"] == list(target[e.key].pos)
        assert canon(compiled.scenes[-1]) == canon(scene_to_flat(bedroom()))


def test_rotate_jitters_the_snapped_yaw_by_5_to_15_degrees():
    for seed in range(20):
        plan = _plan({"rotate": 1.0}, 2, seed, rotate_random_share=0.0)
        compiled = compile_chain(plan)
        start = {o["id"]: o for o in compiled.scenes[1]["objects"]}
        for e in plan.turns[1].edits:
            a = math.degrees(quat_to_yaw(start[compiled.ids[e.key]]["rot"]))
            b = math.degrees(quat_to_yaw(e.args["new_rotation"]))
            off = (a - b + 180) % 360 - 180
            assert 5 - 1e-3 <= abs(off) <= 15 + 1e-3
            assert abs(b - round(b / 90) * 90) < 1e-3
        assert canon(compiled.scenes[-1]) == canon(scene_to_flat(bedroom()))


def test_remove_takes_out_a_distractor_an_earlier_add_put_in():
    plan = _plan({"remove": 1.0}, 2)
    assert plan.op_sequence() == ["add", "remove"]
    assert [e.key for e in plan.turns[1].edits] == ["distractor_1"]
    assert "distractor_1" in [e.key for e in plan.turns[0].edits]
    compiled = compile_chain(plan)
    assert len(compiled.scenes[1]["objects"]) == 7
    assert compiled.calls[1][0].name == "remove_object"
    assert compiled.calls[1][0].arguments["jid"] == compiled.ids["distractor_1"]
    assert canon(compiled.scenes[-1]) == canon(scene_to_flat(bedroom()))


def test_scale_and_replace_start_from_another_size_or_asset():
    plan = _plan({"scale": 1.0}, 2, 3)
    compiled = compile_chain(plan)
    start = {o["id"]: o for o in compiled.scenes[1]["objects"]}
    for e in plan.turns[1].edits:
        s0, s1 = start[compiled.ids[e.key]]["size"], e.args["new_size"]
        f = s0[0] / s1[0]
        assert 0.7 - 1e-2 <= f <= 1.35 + 1e-2 and abs(f - 1) >= 0.1 - 1e-2
    plan = _plan({"replace": 1.0}, 2, 3)
    compiled = compile_chain(plan)
    start = {o["id"]: o for o in compiled.scenes[1]["objects"]}
    for e in plan.turns[1].edits:
        assert start[compiled.ids[e.key]]["desc"] != e.args["new_object_description"]
        assert compiled.calls[1][0].name == "replace_object"
    assert canon(compiled.scenes[-1]) == canon(scene_to_flat(bedroom()))


def test_plans_are_seeded_and_every_default_chain_ends_in_the_source():
    a = [p.op_sequence() for p in (plan_reverse_chain(bedroom(), random.Random(7)) for _ in range(1))]
    b = [p.op_sequence() for p in (plan_reverse_chain(bedroom(), random.Random(7)) for _ in range(1))]
    assert a == b
    rng = random.Random(1)
    for _ in range(30):
        plan = plan_reverse_chain(bedroom(), rng)
        assert 4 <= len(plan.turns) <= 8 and plan.turns[0].op == "add"
        assert canon(compile_chain(plan).scenes[-1]) == canon(scene_to_flat(bedroom()))


def test_diverse_selection_prefers_different_chains():
    rng = random.Random(2)
    plans = [plan_reverse_chain(bedroom(), rng) for _ in range(9)]
    assert chain_distance(plans[0], plans[0]) == 0.0
    chosen = select_diverse(plans, 3)
    assert len(set(chosen)) == 3
    assert select_diverse(plans, 3) == chosen  # deterministic
    assert min(chain_distance(plans[i], plans[j]) for i in chosen for j in chosen if i < j) > 0


def test_bad_config_is_one_clear_error():
    with pytest.raises(ValueError, match="unknown ops"):
        ReverseConfig(op_mix={"teleport": 1.0})
