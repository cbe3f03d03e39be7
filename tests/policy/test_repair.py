"""Tests of scenerevis/policy/repair.py: a scene with a known overlap and an object poking out is fixed by moves."""

from __future__ import annotations

import pytest

from scenerevis.physics import evaluate_physics
from scenerevis.policy import Observation, make_policy
from scenerevis.policy.repair import plan_repairs
from scenerevis.scene import SceneObject, make_room, yaw_to_quat
from scenerevis.tools import apply_tool_calls, parse_reply

ROOM = [[-2.0, -2.0], [2.0, -2.0], [2.0, 2.0], [-2.0, 2.0]]


def broken_scene():
    """Bed against the north wall; a nightstand sunk 20 cm into the bed; a wardrobe 30 cm through the east wall."""
    return make_room(
        ROOM,
        2.7,
        "bedroom",
        "broken",
        [
            SceneObject("bed_1", "double bed", (1.6, 1.0, 2.1), (0.0, 0.0, -0.93), yaw_to_quat(0.0)),
            SceneObject("nightstand_1", "oak nightstand", (0.5, 0.55, 0.4), (0.95, 0.0, -1.78), yaw_to_quat(0.0)),
            SceneObject("wardrobe_1", "white wardrobe", (1.2, 2.0, 0.6), (1.98, 0.0, 1.0), yaw_to_quat(-1.5707963)),
        ],
    )


def test_repair_plan_fixes_overlap_and_oob_by_moving():
    scene = broken_scene()
    before = evaluate_physics(scene)
    assert before.collision_rate == pytest.approx(200 / 3)
    assert before.oob_rate == pytest.approx(100 / 3)
    assert before.colliding_objects == ["bed_1", "nightstand_1"] and before.oob_objects == ["wardrobe_1"]
    rep = plan_repairs(scene, before, "bedroom")
    # the less important piece of the pair moves (not the bed), each to the nearest free spot on the
    # 5 cm grid that keeps a 0.6 m walkway past the bed corner (so the wardrobe goes 35 cm further in)
    assert rep.calls == [
        {"name": "move_object", "arguments": {"jid": "wardrobe_1", "new_position": [1.65, 0.0, 1.35]}},
        {"name": "move_object", "arguments": {"jid": "nightstand_1", "new_position": [1.15, 0.0, -1.75]}},
    ]
    after = evaluate_physics(apply_tool_calls(scene, [parse_reply_call(c) for c in rep.calls]).scene)
    assert (after.collision_rate, after.oob_rate, after.num_objects) == (0.0, 0.0, 3)


def parse_reply_call(call):
    from scenerevis.tools import ToolCall

    return ToolCall("tool_x", call["name"], call["arguments"])


def test_policy_repairs_a_given_scene_then_terminates():
    policy = make_policy("rule")
    prompt = "A bedroom with a double bed, a nightstand and a wardrobe."
    policy.reset(prompt, 0)
    scene = broken_scene()
    reply = policy.act(Observation(1, prompt, scene))
    parsed = parse_reply(reply)
    assert parsed.errors == [] and "collid" in parsed.think
    scene = apply_tool_calls(scene, parsed.calls).scene
    report = evaluate_physics(scene)
    assert (report.collision_rate, report.oob_rate, report.num_objects) == (0.0, 0.0, 3)
    for turn in range(2, 8):
        parsed = parse_reply(policy.act(Observation(turn, prompt, scene)))
        result = apply_tool_calls(scene, parsed.calls)
        scene = result.scene
        if result.terminated:
            break
    assert result.terminated
    final = evaluate_physics(scene)
    assert final.collision_rate == 0.0 and final.oob_rate == 0.0


def test_shrinks_and_turns_before_removing():
    """A 3.4 m sectional in a 2 x 3 m room cannot fit at full size: it is shrunk within its range and turned."""
    room = make_room(
        [[-1.0, -1.5], [1.0, -1.5], [1.0, 1.5], [-1.0, 1.5]],
        2.7,
        "living_room",
        "tiny",
        [
            SceneObject("sectional_1", "grey sectional sofa", (3.4, 0.85, 2.4), (0.0, 0.0, 0.0), yaw_to_quat(0.0)),
        ],
    )
    report = evaluate_physics(room)
    assert report.oob_rate == 100.0
    rep = plan_repairs(room, report, "living_room")
    # shrunk within the sectional's range (w >= 2.3, d >= 1.5) and turned along the long side; not removed
    assert rep.calls == [
        {"name": "scale_object", "arguments": {"jid": "sectional_1", "new_size": [2.667, 0.85, 1.8]}},
        {"name": "rotate_object", "arguments": {"jid": "sectional_1", "new_rotation": [0.0, 0.707107, 0.0, 0.707107]}},
    ]
    fixed = apply_tool_calls(room, [parse_reply_call(c) for c in rep.calls]).scene
    after = evaluate_physics(fixed)
    assert (after.oob_rate, after.collision_rate, after.num_objects) == (0.0, 0.0, 1)


def test_removes_only_when_nothing_fits():
    """A wardrobe taller than the ceiling and wider than the room even at its minimum size is removed."""
    room = make_room(
        [[-0.4, -0.4], [0.4, -0.4], [0.4, 0.4], [-0.4, 0.4]],
        2.6,
        "bedroom",
        "closet",
        [
            SceneObject("wardrobe_1", "wardrobe", (1.2, 2.0, 0.6), (0.0, 0.0, 0.0), yaw_to_quat(0.0)),
        ],
    )
    rep = plan_repairs(room, evaluate_physics(room), "bedroom")
    assert rep.calls == [{"name": "remove_object", "arguments": {"jid": "wardrobe_1"}}]
