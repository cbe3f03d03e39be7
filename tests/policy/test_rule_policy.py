"""Tests of the rule designer (scenerevis/policy/rule.py) through the episode driver (simulate.py)."""

from __future__ import annotations

import math

import numpy as np
import pytest

from scenerevis.loop.simulate import run_rule_episode
from scenerevis.physics import evaluate_physics
from scenerevis.policy import Observation, known_policies, make_policy
from scenerevis.policy.occupancy import categorize
from scenerevis.policy.rule import RulePolicy
from scenerevis.scene import (
    SceneObject,
    forward_vector,
    make_room,
    quat_to_yaw,
    yaw_to_quat,
)
from scenerevis.scene.rooms import load_rooms
from scenerevis.tools import parse_reply

BEDROOM = "A calm bedroom with a queen bed, two nightstands and a white wardrobe."
DINING = "A dining room with a long walnut table, eight chairs and a sideboard."


def of(scene, category):
    cats = categorize(scene)
    return [o for o in scene.objects if cats[o.id] == category]


def local(anchor, point):
    """(lateral, forward) of world point (x, z) in the anchor's frame (metres)."""
    yaw = quat_to_yaw(anchor.rot)
    dx, dz = point[0] - anchor.pos[0], point[1] - anchor.pos[2]
    return dx * math.cos(yaw) - dz * math.sin(yaw), dx * math.sin(yaw) + dz * math.cos(yaw)


def test_registry():
    assert "rule" in known_policies()
    assert isinstance(make_policy("rule"), RulePolicy)
    with pytest.raises(ValueError, match="known policies: .*rule"):
        make_policy("no-such-policy")
    with pytest.raises(ValueError, match="bad config"):
        make_policy("rule", colour="red")


def test_creation_turn_is_an_empty_room():
    policy = make_policy("rule")
    policy.reset(BEDROOM, 3)
    parsed = parse_reply(policy.act(Observation(0, BEDROOM)))
    assert parsed.kind == "create_scene" and parsed.errors == []
    room = parsed.scene
    assert room["objects"] == [] and room["room_type"] == "bedroom"
    top = np.array(room["bounds_top"])[:, 1]
    assert 2.6 <= top.min() == top.max() <= 2.8
    assert len(room["bounds_bottom"]) in (4, 6)


def test_bedroom_two_nightstands_flank_the_bed():
    scene, turns = run_rule_episode(BEDROOM, iterations=10, seed=0)
    beds, stands = of(scene, "double_bed"), of(scene, "nightstand")
    assert len(beds) == 1 and len(stands) == 2 and len(of(scene, "wardrobe")) == 1
    bed = beds[0]
    sides = []
    for ns in stands:
        lat, fwd = local(bed, (ns.pos[0], ns.pos[2]))
        assert abs(abs(lat) - (bed.size[0] / 2 + ns.size[0] / 2)) < 0.1  # right beside the bed
        assert abs(fwd - (-bed.size[2] / 2 + ns.size[2] / 2)) < 0.05  # at the head, against the same wall
        assert abs(math.remainder(quat_to_yaw(ns.rot) - quat_to_yaw(bed.rot), 2 * math.pi)) < 1e-6
        sides.append(np.sign(lat))
    assert sorted(sides) == [-1, 1]
    assert turns[-1].terminated


def test_dining_room_eight_chairs_around_the_table():
    scene, _ = run_rule_episode(DINING, iterations=10, seed=0)
    tables, chairs = of(scene, "dining_table"), of(scene, "dining_chair")
    assert len(tables) == 1 and len(chairs) == 8
    table = tables[0]
    for ch in chairs:
        to_table = np.array([table.pos[0] - ch.pos[0], table.pos[2] - ch.pos[2]])
        f = forward_vector(ch.rot)[[0, 2]]
        assert f @ to_table / np.linalg.norm(to_table) > 0.7  # faces the table
        lat, fwd = local(table, (ch.pos[0], ch.pos[2]))
        gap_x = abs(lat) - table.size[0] / 2
        gap_z = abs(fwd) - table.size[2] / 2
        assert max(gap_x, gap_z) < ch.size[2] + 0.1  # pulled up to an edge
    report = evaluate_physics(scene)
    assert report.collision_rate == 0.0 and report.oob_rate == 0.0


@pytest.mark.parametrize(
    "prompt",
    [
        BEDROOM,
        DINING,
        "A cozy living room with a grey sofa, a pair of armchairs, a TV and a coffee table.",
        "A study with a desk, an office chair, two bookshelves and a reading chair.",
        "An L-shaped kids room with a bunk bed, a desk, a toy chest and a beanbag.",
        "A home gym with a treadmill, a weight bench, a dumbbell rack and a mirror.",
        "A bathroom with a toilet, a sink and a bathtub.",
        "A kitchen with a counter, a fridge and an island with three stools.",
        "A game room with a pool table, a sofa, a TV and a bar counter with two bar stools.",
    ],
)
def test_every_reply_parses_and_applies_cleanly(prompt):
    scene, turns = run_rule_episode(prompt, iterations=10, seed=1)
    assert turns[0].kind == "create_scene"
    for t in turns:
        assert t.errors == [], (t.turn, t.errors)
        assert parse_reply(t.reply).errors == []
        assert t.kind in ("create_scene", "tool_calls")
        if t.turn > 0:
            assert "<think>" in t.reply and parse_reply(t.reply).think
    assert turns[-1].terminated and len(turns) <= 10
    report = evaluate_physics(scene)
    assert report.collision_rate <= 1.0 and report.oob_rate == 0.0


def test_deterministic_per_seed():
    a = [t.reply for t in run_rule_episode(BEDROOM, seed=5)[1]]
    b = [t.reply for t in run_rule_episode(BEDROOM, seed=5)[1]]
    assert a == b
    others = {tuple(t.reply for t in run_rule_episode(BEDROOM, seed=s)[1]) for s in range(3)}
    assert len(others) > 1


def test_works_from_a_given_scene():
    """A user's scene with a bed already in it: no second bed, nightstands go beside the given bed."""
    bed = SceneObject("my_bed", "king bed with a walnut frame", (1.95, 1.0, 2.15), (0.0, 0.0, -1.055), yaw_to_quat(0.0))
    scene0 = make_room([[-2.5, -2.2], [2.5, -2.2], [2.5, 2.2], [-2.5, 2.2]], 2.7, "bedroom", "given", [bed])
    scene, turns = run_rule_episode("A bedroom with a king bed and two nightstands.", seed=0, initial_scene=scene0)
    assert turns[0].kind == "tool_calls"
    assert [o.id for o in scene.objects if o.id == "my_bed"] == ["my_bed"]
    assert len(of(scene, "king_bed")) == 1 and len(of(scene, "nightstand")) == 2
    for ns in of(scene, "nightstand"):
        _lat, fwd = local(scene.objects[0], (ns.pos[0], ns.pos[2]))
        assert abs(fwd - (-2.15 / 2 + ns.size[2] / 2)) < 0.05


@pytest.mark.parametrize(
    "room", ["bedroom", "living room", "dining room", "study", "kids room", "home gym", "game room", "kitchen", "bathroom"]
)
def test_bare_room_prompt_gets_its_essentials(room):
    from scenerevis.policy.audit import audit_scene
    from scenerevis.policy.prompt_parse import parse_prompt

    prompt = f"A {room}."
    scene, _turns = run_rule_episode(prompt, iterations=10, seed=2)
    audit = audit_scene(scene, parse_prompt(prompt))
    assert audit.missing_essentials == []
    report = evaluate_physics(scene)
    assert (report.collision_rate, report.oob_rate) == (0.0, 0.0)
    lo, hi = load_rooms().room_type(parse_prompt(prompt).room_type).area
    assert lo <= scene.floor_area <= hi + 1e-6


def test_user_edit_is_repaired_from_the_current_scene():
    """After the episode, a user deletes a nightstand and drags the wardrobe onto the bed: the policy
    moves the wardrobe off the bed, puts a nightstand back beside the bed, then terminates."""
    from scenerevis.loop.simulate import run_episode
    from scenerevis.tools import apply_tool_calls

    policy = make_policy("rule")
    scene, turns = run_episode(policy, BEDROOM, iterations=10, seed=0)
    assert turns[-1].terminated
    bed = of(scene, "double_bed")[0]
    gone = of(scene, "nightstand")[0].id
    scene.objects = [o for o in scene.objects if o.id != gone]
    wardrobe = of(scene, "wardrobe")[0]
    wardrobe.pos = (bed.pos[0], 0.0, bed.pos[2])
    replies = []
    for turn in range(len(turns), len(turns) + 4):
        parsed = parse_reply(policy.act(Observation(turn, BEDROOM, scene)))
        assert parsed.errors == []
        replies.append([c.name for c in parsed.calls])
        result = apply_tool_calls(scene, parsed.calls)
        assert result.errors == []
        scene = result.scene
        if result.terminated:
            break
    assert replies[0] == ["move_object"]
    assert replies[1] == ["add_object"]
    assert replies[-1] == ["terminate"]
    assert len(of(scene, "nightstand")) == 2
    report = evaluate_physics(scene)
    assert (report.collision_rate, report.oob_rate) == (0.0, 0.0)
