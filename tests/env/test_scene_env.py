"""SceneEnv.reset / step with scripted replies: exact turns, errors, metrics, truncation and termination."""

from __future__ import annotations

import json

import pytest

from scenerevis.env import EnvConfig, SceneEnv
from scenerevis.scene.formats import make_room

ROOM = {
    "room_type": "bedroom",
    "room_id": "r1",
    "bounds_bottom": [[-2, 0, -2], [2, 0, -2], [2, 0, 2], [-2, 0, 2]],
    "bounds_top": [[-2, 2.7, -2], [2, 2.7, 2], [2, 2.7, 2], [-2, 2.7, 2]],
    "objects": [],
}
ROOM["bounds_top"] = [[x, 2.7, z] for x, _, z in ROOM["bounds_bottom"]]
CREATE = "<create_scene>\n```json\n" + json.dumps(ROOM) + "\n```\n</create_scene>"


def calls(*items: tuple[str, dict]) -> str:
    body = [{"id": f"tool_{i}", "name": n, "arguments": a} for i, (n, a) in enumerate(items, 1)]
    return "<think>plan</think>\n<tool_calls>\n" + json.dumps(body) + "\n</tool_calls>"


def box(desc: str, x: float, z: float, size=(1.0, 1.0, 1.0)) -> tuple[str, dict]:
    return ("add_object", {"object_description": desc, "position": [x, 0, z], "rotation": [0, 0, 0, 1], "size": list(size)})


def test_creation_then_edits_then_terminate():
    env = SceneEnv(config=EnvConfig(max_turns=5, render=False))
    obs = env.reset("a bedroom")
    assert (obs.turn, obs.scene, obs.image_path, obs.feedback) == (0, None, None, None)
    obs, info = env.step(CREATE)
    assert (info.turn, info.kind, info.errors, info.done) == (0, "create_scene", [], False)
    assert obs.turn == 1 and obs.scene.objects == [] and abs(obs.scene.floor_area - 16.0) < 1e-9
    # two 1 m cubes whose centres are 0.5 m apart overlap by 0.5 m; one call names an unknown tool
    obs, info = env.step(calls(box("cube a", 0.0, 0.0), box("cube b", 0.5, 0.0), ("fly_object", {})))
    assert info.turn == 1 and info.results[:2] == ["added cube_1 (cube a)", "added b_1 (cube b)"]
    assert len(info.errors) == 1 and "unknown tool 'fly_object'" in info.errors[0]
    assert info.metrics["num_objects"] == 2 and info.metrics["collision_rate"] == 100.0
    assert info.metrics["oob_rate"] == 0.0
    assert obs.turn == 2 and obs.feedback.startswith("Errors in your last reply: ")
    obs, info = env.step(calls(("terminate", {"reason": "done"})))
    assert info.terminated and info.done and not info.truncated
    with pytest.raises(RuntimeError, match="after the episode ended"):
        env.step(calls(("terminate", {"reason": "again"})))


def test_turn_cap_truncates_and_bad_creation_gets_the_default_room():
    env = SceneEnv(config=EnvConfig(max_turns=1, render=False, default_room_xz=(3.0, 4.0)))
    env.reset("x")
    obs, info = env.step("no tags at all")
    assert info.errors[-1] == "no usable <create_scene> room: a default 3 x 4 m room is used"
    assert abs(obs.scene.floor_area - 12.0) < 1e-9 and not info.done
    obs, info = env.step(calls(box("stool", 0.0, 0.0, (0.4, 0.45, 0.4))))
    assert info.truncated and info.done and not info.terminated
    assert tuple(env.scene.objects[0].size) == (0.4, 0.45, 0.4)


def test_reset_with_a_scene_starts_at_turn_one():
    scene = make_room([[-2, -2], [2, -2], [2, 2], [-2, 2]], 2.7)
    env = SceneEnv(config=EnvConfig(max_turns=2, render=False))
    obs = env.reset("refine", scene)
    assert obs.turn == 1 and env.initial_info.kind == "initial_scene" and env.initial_info.turn == 0
    assert scene is not env.scene  # the caller's scene is not edited
    obs, info = env.step(calls(box("crate", 1.8, 0.0)))  # 0.3 m of the 1 m crate is past the wall x = 2
    assert info.metrics["oob_rate"] == 100.0 and scene.objects == []


def test_step_before_reset_is_an_error():
    with pytest.raises(RuntimeError, match="before reset"):
        SceneEnv().step(CREATE)


def test_a_runaway_reply_is_cut_and_reported():
    env = SceneEnv(config=EnvConfig(max_turns=2, render=False, max_reply_chars=1000))
    env.reset("x")
    env.step(CREATE)
    reply = "<think>" + "x" * 5_000_000 + "</think>\n" + calls(box("stool", 0.0, 0.0, (0.4, 0.45, 0.4)))
    obs, info = env.step(reply)
    assert len(info.reply) == 1000 and info.reply == reply[:1000]
    assert info.errors[0] == f"reply of {len(reply)} characters cut to the first 1000 (max_reply_chars)"
    assert len(obs.feedback) < 2000
