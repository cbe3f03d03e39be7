"""Helpers of the ms-swift GRPO plugins that run without ms-swift: rows, stand-in reward, smoke checks."""

from __future__ import annotations

import json

import pytest

from scenerevis.chat import DEFAULT_SYSTEM_PROMPT, TurnRecord, build_conversation, to_swift_row
from scenerevis.env import StepInfo
from scenerevis.train import swift_reward
from scenerevis.train.swift_data import grpo_row, read_prompts, write_rows
from scenerevis.train.swift_reward import ModuleScorer, PhysicsScorer, load_scorer, reward_module_available
from scenerevis.train.swift_smoke import summarize


def test_grpo_row_is_the_inference_creation_turn(tmp_path):
    row = grpo_row("a bedroom with a bed", DEFAULT_SYSTEM_PROMPT)
    conv = to_swift_row(build_conversation(DEFAULT_SYSTEM_PROMPT, "a bedroom with a bed", [TurnRecord(0)]))
    assert row == {**conv, "requirement": "a bedroom with a bed"}
    assert [m["role"] for m in row["messages"]] == ["system", "user"] and row["images"] == []
    with pytest.raises(ValueError, match="empty requirement"):
        grpo_row("  ", "sys")


def test_write_and_read_rows(tmp_path):
    src = tmp_path / "p.txt"
    src.write_text("one room\n\n  two room  \nthree\n")
    assert read_prompts(src) == ["one room", "two room", "three"]
    assert read_prompts(src, limit=2) == ["one room", "two room"]
    out = write_rows(read_prompts(src), tmp_path / "d.jsonl", system_prompt="S")
    rows = [json.loads(x) for x in out.read_text().splitlines()]
    assert [r["requirement"] for r in rows] == ["one room", "two room", "three"]
    assert rows[1]["messages"] == [{"role": "system", "content": "S"}, {"role": "user", "content": "two room"}]
    empty = tmp_path / "e.txt"
    empty.write_text("\n \n")
    with pytest.raises(ValueError, match="no prompts"):
        read_prompts(empty)
    with pytest.raises(FileNotFoundError, match="missing.txt"):
        read_prompts(tmp_path / "missing.txt")


def info(turn, kind="tool_calls", errors=(), n=2, cr=0.0, oob=0.0):
    return StepInfo(turn, "r", kind, errors=list(errors), metrics={"num_objects": n, "collision_rate": cr, "oob_rate": oob})


def test_physics_stand_in_scores_by_hand():
    s = PhysicsScorer()
    assert s.score(None, info(0, "create_scene", n=0), "").total == 1.0
    assert s.score(None, info(0, "invalid", errors=["bad json"], n=0), "").total == -1.0
    assert s.score(None, info(0, "create_scene", errors=["x"], n=0), "").total == -1.0
    # 50 % colliding + 0 % out of bounds -> 0.5; one error -> 0.25
    assert s.score(None, info(2, cr=50.0), "").total == 0.5
    assert s.score(None, info(2, errors=["e"], cr=50.0), "").total == 0.25
    assert s.score(None, info(2, cr=100.0, oob=100.0), "").total == -1.0  # clipped
    assert s.score(None, info(2, n=0), "").total == 0.0
    assert s.score(None, info(2, errors=["a", "b"], n=0), "").total == -0.5
    assert s.trajectory([1.0, 0.5], 2) == 0.5
    assert s.trajectory([1.0], 1) == -1.0
    assert s.trajectory([], 0) == -1.0


def factory(config_path):
    return PhysicsScorer(error_penalty=0.5, name=f"custom:{config_path}")


def test_load_scorer_factory_and_default(monkeypatch):
    assert load_scorer("w.yaml", factory=f"{__name__}:factory").name == "custom:w.yaml"
    monkeypatch.setenv(swift_reward.SCORER_ENV, f"{__name__}:factory")
    assert load_scorer(None).error_penalty == 0.5
    monkeypatch.setenv(swift_reward.SCORER_ENV, "no_colon")
    with pytest.raises(ValueError, match="package.module:factory"):
        load_scorer(None)
    monkeypatch.delenv(swift_reward.SCORER_ENV)
    if reward_module_available():
        assert isinstance(load_scorer(None), ModuleScorer)
    else:
        assert isinstance(load_scorer(None), PhysicsScorer)
        with pytest.raises(ValueError, match="not installed"):
            load_scorer("weights.yaml")


def write_run(tmp_path, losses, samples):
    (tmp_path / "run" / "v0").mkdir(parents=True)
    lines = [json.dumps({"loss": v, "reward": 0.0}) for v in losses] + [json.dumps({"train_runtime": 1.0})]
    (tmp_path / "run" / "v0" / "logging.jsonl").write_text("\n".join(lines) + "\n")
    (tmp_path / "samples.jsonl").write_text("".join(json.dumps(s) + "\n" for s in samples))


def sample(turns, images, tags, reward):
    return {"num_turns": turns, "images": images, "image_tags": tags, "reward": reward, "end": "turn_cap", "turn_scores": []}


def test_smoke_summary_and_checks(tmp_path):
    write_run(tmp_path, [0.5, 0.25], [sample(3, 2, 2, -1.0), sample(2, 1, 1, 0.5)])
    summary, problems = summarize(tmp_path, max_turns=3)
    assert summary == {"steps": 2, "loss": 0.25, "reward_mean": -0.25, "turns": [3, 2], "images_per_sample": [2, 1]}
    assert problems == []


def test_smoke_checks_fail(tmp_path):
    write_run(tmp_path, [float("nan")], [sample(3, 1, 2, 0.0), sample(4, 3, 3, 0.0)])
    _, problems = summarize(tmp_path, max_turns=3)
    assert problems == [
        "loss is not finite: nan",
        "sample 0: 3 turns (2 edit turns) but 1 images and 2 <image> tags",
        "sample 1: 4 turns, outside 1..3",
    ]
    _, problems = summarize(tmp_path / "nothing", max_turns=3)
    assert problems[:2] == [f"no logging.jsonl under {tmp_path / 'nothing'}", "no optimisation step logged"]
