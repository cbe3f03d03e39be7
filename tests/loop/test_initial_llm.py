import json

import pytest

from scenerevis.loop.batch import PromptRunner
from scenerevis.loop.config import LoopConfig
from scenerevis.loop.factory import RunSpec
from scenerevis.loop.initial import extract_json, scene_from_llm
from scenerevis.scene import SceneFormatError, forward_vector
from tests.fake_openai_server import FakeOpenAIServer, Planned

ANSWER = {
    "room_type": "bedroom",
    "width": 4.0,
    "depth": 5.0,
    "ceiling": 2.7,
    "objects": [
        {"desc": "queen bed", "size": [1.6, 1.0, 2.1], "position": [0.0, -1.4], "yaw_deg": 0},
        {"desc": "nightstand", "size": [0.5, 0.55, 0.4], "position": [-1.2, -2.2], "yaw_deg": 0},
        {"desc": "nightstand", "size": [0.5, 0.55, 0.4], "position": [1.2, -2.2], "yaw_deg": 0},
        {"desc": "wardrobe", "size": [1.2, 2.0, 0.6], "position": [1.7, 1.0], "yaw_deg": -90},
        {"desc": "desk", "size": [1.2, 0.75, 0.6], "position": [-1.7, 1.0], "yaw_deg": 90},
    ],
}


def test_llm_answer_becomes_validated_scene():
    scene = scene_from_llm(extract_json("Here you go:\n```json\n" + json.dumps(ANSWER) + "\n```"))
    assert [o.id for o in scene.objects] == ["bed_1", "nightstand_1", "nightstand_2", "wardrobe_1", "desk_1"]
    assert scene.floor_area == pytest.approx(20.0) and scene.ceiling_y == 2.7
    assert forward_vector(scene.objects[3].rot) == pytest.approx((-1, 0, 0), abs=1e-9)
    bad = {**ANSWER, "objects": [{"desc": "bed", "size": [1, -1, 2], "position": [0, 0]}]}
    with pytest.raises(SceneFormatError, match=r"objects\[0\].size: must be > 0"):
        scene_from_llm(bad)
    with pytest.raises(ValueError, match="no JSON object"):
        extract_json("sorry, I cannot")


def _spec(server):
    return RunSpec(
        policy="tests.loop.fakes:FurnishingPolicy",
        loop=LoopConfig(max_turns=3, render=False, export_glb=False),
        resolver_source=None,
        initial_llm={"model": "gpt-x", "base_url": server.base_url, "api_key": "sk-secret", "max_retries": 0},
    )


def test_use_gpt_with_objects_first_scene_then_policy(tmp_path):
    with FakeOpenAIServer([Planned(text=json.dumps(ANSWER))]) as server:
        runner = PromptRunner(_spec(server), tmp_path)
        row = runner.run(0, "a bedroom with a desk")
        body = server.requests[0].body
    assert body["model"] == "gpt-x" and body["messages"][0]["content"].endswith("Request: a bedroom with a desk")
    assert row["initial_scene"] == "llm"
    first = json.loads((tmp_path / "prompt_0" / "scene_iter_0.json").read_text())
    assert len(first["objects"]) == 5
    turns = [json.loads(x) for x in (tmp_path / "prompt_0" / "turns.jsonl").read_text().splitlines()]
    assert turns[0]["kind"] == "initial_scene" and turns[1]["turn"] == 1


def test_bad_llm_answer_falls_back_to_the_policy_creation_turn(tmp_path):
    with FakeOpenAIServer([Planned(text="I would put a bed somewhere.")]) as server:
        row = PromptRunner(_spec(server), tmp_path).run(0, "a bedroom")
    assert row["initial_scene"].startswith("llm failed: ValueError: the LLM answer holds no JSON object")
    turns = [json.loads(x) for x in (tmp_path / "prompt_0" / "turns.jsonl").read_text().splitlines()]
    assert turns[0]["kind"] == "create_scene"


def test_vlm_feedback_from_the_judge_reaches_the_next_turn(tmp_path):
    pytest.importorskip("pyrender")
    from scenerevis.render import RenderConfig

    plan = [Planned(text=t) for t in ("Score: 8\nNo overlaps.", "Score: 6", "Score: 7")] * 3
    with FakeOpenAIServer(plan) as server:
        spec = RunSpec(
            policy="tests.loop.fakes:FurnishingPolicy",
            loop=LoopConfig(max_turns=3, export_glb=False, enable_vlm_feedback=True),
            render=RenderConfig(renderer="gl", resolution=64),
            resolver_source=None,
            judge={"model": "judge", "base_url": server.base_url},
        )
        runner = PromptRunner(spec, tmp_path)
        runner.run(0, "a bedroom")
        runner.close()
        assert len(server.requests) == 9  # three questions after each of the three renders
    turns = [json.loads(x) for x in (tmp_path / "prompt_0" / "turns.jsonl").read_text().splitlines()]
    # the empty room of turn 0 has < 4 objects: the judge's 8 is capped at 6
    assert (
        "Judge scores (1-10):\n- rationality: 6 (Score: 8 No overlaps.)\n- spatial_layout: 6 (Score: 6)"
        in turns[1]["feedback_in"]
    )


def test_cli_endpoints_fall_back_to_the_policy_flags(monkeypatch):
    from scenerevis.endpoints import EndpointConfig
    from scenerevis.judge.judge import JudgeConfig
    from scenerevis.loop.cli import build_parser, build_spec

    monkeypatch.setenv("JUDGE_KEY", "sk-judge")
    args = build_parser().parse_args(
        [
            "--prompt",
            "x",
            "--renderer",
            "none",
            "--asset-source",
            "none",
            "--model",
            "m",
            "--base-url",
            "http://127.0.0.1:9/v1",
            "--azure-api-version",
            "2025-01-01",
            "--enable-vlm-feedback",
            "--judge-model",
            "judge",
            "--judge-api-key-env",
            "JUDGE_KEY",
            "--use-gpt-with-objects",
        ]
    )
    spec = build_spec(args)
    judge, llm = JudgeConfig(**spec.judge), EndpointConfig(**spec.initial_llm)
    assert (judge.model, judge.base_url, judge.azure_api_version, judge.key().get()) == (
        "judge",
        "http://127.0.0.1:9/v1",
        "2025-01-01",
        "sk-judge",
    )
    assert (llm.model, llm.base_url, llm.azure_api_version) == ("m", "http://127.0.0.1:9/v1", "2025-01-01")
    assert "sk-judge" not in repr(spec)
