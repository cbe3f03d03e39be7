"""The reward on a scripted episode through the real SceneEnv (boxes, no render): every turn's score by hand."""

import json

import pytest

from scenerevis.env import EnvConfig, SceneEnv, StepInfo
from scenerevis.train.reward import score_turn, trajectory_reward
from scenerevis.train.reward_config import RewardConfig

REQUIREMENT = "A bedroom with a queen bed, two nightstands and a wardrobe."
ROOM = {
    "room_type": "bedroom",
    "room_id": "bedroom-1",
    "bounds_bottom": [[-2, 0, -2], [2, 0, -2], [2, 0, 2], [-2, 0, 2]],
    "bounds_top": [[-2, 2.7, -2], [2, 2.7, -2], [2, 2.7, 2], [-2, 2.7, 2]],
    "objects": [],
}


def _calls(*calls: tuple[str, dict]) -> str:
    body = [{"id": f"tool_{i + 1}", "name": name, "arguments": args} for i, (name, args) in enumerate(calls)]
    return f"<think>plan</think>\n<tool_calls>\n{json.dumps(body)}\n</tool_calls>"


def _add(desc, size, pos):
    return ("add_object", {"object_description": desc, "position": pos, "rotation": [0, 0, 0, 1], "size": size})


CREATE = "<create_scene>\n```json\n" + json.dumps(ROOM) + "\n```\n</create_scene>"
FURNISH = _calls(
    _add("queen bed", [1.6, 1.0, 2.1], [0, 0, -0.9]),  # x [-0.8, 0.8], z [-1.95, 0.15]
    _add("nightstand", [0.5, 0.55, 0.4], [-1.2, 0, -1.7]),
    _add("nightstand", [0.5, 0.55, 0.4], [1.2, 0, -1.7]),
    _add("wardrobe", [1.2, 2.0, 0.6], [-1.3, 0, 1.6]),
    _add("dresser", [1.0, 0.8, 0.5], [1.3, 0, 1.7]),
)
# the wardrobe moves to x [-1.9, -0.7]: 0.1 m into the bed; plus a call to a tool that does not exist
BUMP = _calls(("move_object", {"jid": "wardrobe_1", "new_position": [-1.3, 0, -0.5]}), ("fly_object", {}))
FIX = _calls(("move_object", {"jid": "wardrobe_1", "new_position": [-1.3, 0, 1.6]}), ("terminate", {"reason": "done"}))


def test_scripted_episode_turn_scores_and_trajectory_reward():
    cfg = RewardConfig.default()
    env = SceneEnv(config=EnvConfig(max_turns=6, render=False))
    env.reset(REQUIREMENT)
    scores, infos = [], []
    for reply in (CREATE, FURNISH, BUMP, FIX):
        _, info = env.step(reply)
        assert isinstance(info, StepInfo)
        infos.append(info)
        scores.append(score_turn(env.scene, info, cfg, requirement=REQUIREMENT, resolver=env.resolver, physics=env.physics))
    env.close()
    assert [s.phase for s in scores] == ["create", "edit", "edit", "final"]
    assert [o.id for o in env.scene.objects] == ["bed_1", "nightstand_1", "nightstand_2", "wardrobe_1", "dresser_1"]

    assert scores[0].components == {"format": 1.0, "room_type": 1.0, "corners": 1.0, "area": 1.0} and scores[0].total == 1.0
    assert scores[1].components == {
        "format": 1.0,
        "collision_rate": 1.0,
        "penetration_depth": 1.0,
        "oob_rate": 1.0,
        "oob_volume": 1.0,
        "essentials": 1.0,
    }
    assert scores[1].total == pytest.approx(1.0)

    bump = scores[2]
    assert len(infos[2].errors) == 1 and "fly_object" in infos[2].errors[0]
    assert bump.metrics["collision_rate"] == pytest.approx(40.0) and bump.metrics["penetration_depth_sum"] == pytest.approx(
        0.1, abs=1e-9
    )
    assert bump.components["format"] == 0.5
    assert bump.components["collision_rate"] == pytest.approx(0.1)  # 0.5 - 0.5 * (40 - 20) / 25
    assert bump.components["penetration_depth"] == pytest.approx(0.5, abs=1e-8)
    # 0.2 * 0.5 + 0.2 * 0.1 + 0.15 * 0.5 + 0.2 + 0.15 + 0.1
    assert bump.total == pytest.approx(0.645, abs=1e-8)

    final = scores[3]
    assert infos[3].terminated
    assert final.components["voxel_pbl"] == 1.0 and final.components["size"] == 1.0 and final.components["object_count"] == 0.0
    w = cfg.weights["final"]
    no_judge = 1 - w["judge_rationality"] - w["judge_spatial_layout"] - w["judge_accessibility"]
    assert final.total == pytest.approx(1 - w["object_count"] / no_judge)  # 0.9375
    totals = [s.total for s in scores]
    assert trajectory_reward(totals, len(totals), cfg) == pytest.approx(0.9375)
    assert trajectory_reward(totals[:2], 2, cfg) == -1.0


def test_turn_cap_makes_the_last_turn_final():
    env = SceneEnv(config=EnvConfig(max_turns=1, render=False))
    env.reset(REQUIREMENT)
    _, create = env.step(CREATE)
    _, last = env.step(FURNISH)
    assert last.truncated and not last.terminated
    s = score_turn(env.scene, last, requirement=REQUIREMENT)
    assert s.phase == "final" and s.total > 0.9
    bad = env.reset(REQUIREMENT)
    assert bad.turn == 0
    _, info = env.step("no tags at all")
    s = score_turn(env.scene, info, requirement=REQUIREMENT)
    assert s.total == -1.0 and s.components == {"format": -1.0}
