import json

import pytest

from scenerevis.env import SceneEnv
from scenerevis.loop.config import LoopConfig
from scenerevis.loop.episode import run_episode
from scenerevis.scene import load_scene, scene_to_flat
from scenerevis.tools import format_create_scene, format_tool_calls
from tests.helpers import room


class ScriptedPolicy:
    """Canned replies standing in for a model's answers (the loop around it is real)."""

    name = "scripted"

    def __init__(self, replies):
        self.replies = list(replies)
        self.seen = []

    def reset(self, requirement, seed):
        self.seen.clear()

    def act(self, obs):
        self.seen.append(obs)
        return self.replies[len(self.seen) - 1]


def _add(desc, pos, size):
    return {
        "name": "add_object",
        "arguments": {"object_description": desc, "position": pos, "rotation": [0, 0, 0, 1], "size": size},
    }


REPLIES = [
    format_create_scene(scene_to_flat(room([], room_type="bedroom"))),
    format_tool_calls(
        [_add("queen bed", [0, 0, -0.9], [1.6, 1.0, 2.1]), _add("wardrobe", [1.9, 0, 1.0], [1.2, 2.0, 0.6])], "bed first"
    ),
    "this is not a tool call",
    format_tool_calls(
        [
            {"name": "move_object", "arguments": {"jid": "wardrobe_1", "new_position": [1.4, 0, 1.0]}},
            {"name": "terminate", "arguments": {"reason": "done"}},
        ]
    ),
    format_tool_calls([{"name": "terminate", "arguments": {"reason": "never reached"}}]),
]


def test_episode_turns_feedback_and_outputs(tmp_path):
    policy = ScriptedPolicy(REPLIES)
    res = run_episode(policy, SceneEnv(), "a bedroom", tmp_path, LoopConfig(max_turns=10, render=False, export_glb=False))
    assert res.terminated and len(res.turns) == 4 and len(policy.seen) == 4
    assert [t.kind for t in res.turns] == ["create_scene", "tool_calls", "invalid", "tool_calls"]
    # turn 2 is told about turn 1's out-of-bounds wardrobe (x = 1.9 + 0.6 > 2), turn 3 about the garbage reply
    assert "wardrobe_1 (wardrobe)" in policy.seen[2].feedback and "Out of bounds" in policy.seen[2].feedback
    assert "reply has neither <tool_calls> nor <create_scene>" in policy.seen[3].feedback
    assert res.turns[1].metrics["oob_objects"] == ["wardrobe_1"] and res.metrics["oob_objects"] == []
    assert policy.seen[1].scene.objects == [] and [o.id for o in policy.seen[3].scene.objects] == ["bed_1", "wardrobe_1"]
    lines = [json.loads(x) for x in (tmp_path / "turns.jsonl").read_text().splitlines()]
    assert [x["turn"] for x in lines] == [0, 1, 2, 3] and lines[3]["terminated"] is True
    assert load_scene(tmp_path / "final_scene.json").find("wardrobe_1")[0].pos == (1.4, 0.0, 1.0)
    names = {p.name for p in tmp_path.iterdir()}
    assert {"scene_iter_0.json", "scene_iter_3.json", "response_iter_2.txt", "report.html", "episode.json"} <= names
    assert "merged_iter_0.png" not in names
    assert json.loads((tmp_path / "episode.json").read_text())["terminated"] is True


def test_unusable_creation_reply_falls_back_to_default_room(tmp_path):
    policy = ScriptedPolicy(['<create_scene>```json\n{"bounds_bottom": [[0,0,0],[1,0,0]]}\n```</create_scene>', REPLIES[4]])
    res = run_episode(policy, SceneEnv(), "x", tmp_path, LoopConfig(max_turns=3, render=False, export_glb=False))
    assert res.turns[0].errors[0] == "[create_scene] <create_scene>: bounds_top: missing"
    assert res.scene.floor_area == pytest.approx(20.0) and res.terminated


def test_initial_scene_skips_creation(tmp_path):
    start = room([], room_type="bedroom")
    policy = ScriptedPolicy([REPLIES[4]])
    res = run_episode(
        policy, SceneEnv(), "refine", tmp_path, LoopConfig(max_turns=2, render=False, export_glb=False), initial_scene=start
    )
    assert res.turns[0].kind == "initial_scene" and policy.seen[0].turn == 1 and res.terminated


def test_physics_optimization_repairs_and_reports(tmp_path):
    from scenerevis.loop.optimize import physics_optimizer

    replies = [
        REPLIES[0],
        format_tool_calls(
            [
                _add("queen bed", [0, 0, -0.9], [1.6, 1.0, 2.1]),
                _add("wardrobe", [1.9, 0, 1.0], [1.2, 2.0, 0.6]),
                _add("armchair", [0.2, 0, -0.5], [0.8, 0.9, 0.85]),
            ]
        ),
        REPLIES[4],
    ]
    policy = ScriptedPolicy(replies)
    env = SceneEnv(optimizer=physics_optimizer)
    res = run_episode(
        policy,
        env,
        "a bedroom",
        tmp_path,
        LoopConfig(max_turns=3, render=False, export_glb=False, enable_physics_optimization=True),
    )
    t1 = res.turns[1]
    assert t1.metrics["collision_rate"] == 0.0 and t1.metrics["oob_rate"] == 0.0 and t1.metrics["num_objects"] == 3
    assert any(n.startswith("wardrobe_1 was outside the room") for n in t1.repairs)
    assert any(n.startswith("armchair_1 overlapped bed_1") for n in t1.repairs)
    assert "The physics optimizer changed the scene" in policy.seen[2].feedback
