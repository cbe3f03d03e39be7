import base64
import io
import json

import pytest
from PIL import Image

from scenerevis.judge.batch import find_items, judge_items
from scenerevis.judge.judge import Judge, JudgeConfig
from scenerevis.judge.parse import parse_score
from scenerevis.judge.rubric import judge_room_type, scene_facts
from scenerevis.scene import save_scene
from tests.fake_openai_server import FakeOpenAIServer, Planned
from tests.helpers import obj, room

FIVE = [obj(f"thing {i}", (0.4, 0.5, 0.4), (-1.5 + 0.7 * i, 0, 0)) for i in range(5)]


@pytest.mark.parametrize(
    "text, score, error",
    [
        ("Score: 7/10", 7, None),
        ("seven", 7, None),
        ("", None, "empty answer"),
        ("Score: **8**\nNice.", 8, None),
        ('{"score": 3}', 3, None),
        ("Score: 11", None, "score 11 is outside 1-10"),
        ("looks fine", None, "no score found in answer: 'looks fine'"),
    ],
)
def test_parse_score(text, score, error):
    assert parse_score(text) == (score, error)


def test_caps_from_scene_json():
    assert judge_room_type("LivingRoom") == "living_room" and judge_room_type("study room") == "study"
    ok = scene_facts(room(FIVE, corners=[[-2, -2], [2, -2], [2, 2], [-2, 2]]))
    assert ok.area == pytest.approx(16) and ok.rationality_cap is None
    small = scene_facts(room(FIVE, corners=[[0, 0], [3, 0], [3, 3], [0, 3]]))
    assert small.area_out_of_range and small.rationality_cap == 6
    assert scene_facts(room(FIVE[:3])).too_few_objects


def _png(color) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (16, 8), color).save(buf, format="PNG")
    return buf.getvalue()


def _folder(tmp_path):
    renders, scenes = tmp_path / "renders", tmp_path / "scenes"
    renders.mkdir(), scenes.mkdir()
    specs = [
        (room(FIVE), (255, 0, 0)),  # 16 m^2 bedroom, 5 objects: no cap
        (room(FIVE, corners=[[0, 0], [3, 0], [3, 3], [0, 3]]), (0, 255, 0)),  # 9 m^2: capped at 6
    ]
    for i, (scene, color) in enumerate(specs):
        (renders / f"prompt_{i}_final_render.png").write_bytes(_png(color))
        save_scene(scene, scenes / f"prompt_{i}_final_scene.json")
    prompts = tmp_path / "prompts.txt"
    prompts.write_text("a calm bedroom\na tiny bedroom\n")
    return renders, scenes, [ln for ln in prompts.read_text().splitlines()]


def _image_bytes(body):
    part = body["messages"][0]["content"][0]
    return base64.b64decode(part["image_url"]["url"].split(",", 1)[1])


def test_judge_requests_parsing_caps_retries_and_resume(tmp_path):
    renders, scenes, prompts = _folder(tmp_path)
    items = find_items(str(renders), str(scenes), prompts)
    assert [(it.key, it.prompt) for it in items] == [("prompt_0", "a calm bedroom"), ("prompt_1", "a tiny bedroom")]
    plan = [
        Planned(text="Score: 7/10\nNo overlaps."),  # prompt_0 rationality
        Planned(text="seven"),  # prompt_0 spatial layout
        Planned(text=""),  # prompt_0 accessibility: empty -> flagged
        Planned(text="Score: 9"),  # prompt_1 rationality -> capped at 6
        Planned(status=500),  # prompt_1 spatial: server error, retried
        Planned(text="Score: 5"),
        Planned(status=429, headers={"retry-after": "0"}),  # prompt_1 accessibility: rate limit, retried
        Planned(text="**8**"),
    ]
    out = tmp_path / "vlm.json"
    with FakeOpenAIServer(plan) as server:
        judge = Judge(JudgeConfig(model="judge-vl", base_url=server.base_url, api_key="sk-test", max_retries=2))
        rep = judge_items(items, judge, out, max_workers=1, progress=False)
        reqs = list(server.requests)
    assert len(reqs) == 8
    assert [_image_bytes(r.body) for r in reqs[:3]] == [_png((255, 0, 0))] * 3
    assert _image_bytes(reqs[3].body) == _png((0, 255, 0))
    q = [r.body["messages"][0]["content"][1]["text"] for r in reqs]
    assert "Floor area: 16.0 m^2 (expected for this type: 10-25 m^2)" in q[0] and "at most 6" not in q[0]
    assert "Floor area: 9.0 m^2" in q[3] and "the score must be at most 6" in q[3] and "Number of objects: 5" in q[3]
    assert "PHYSICAL RATIONALITY" in q[0] and "SPATIAL LAYOUT" in q[1] and "ACCESSIBILITY" in q[2]
    s0, s1 = rep["scenes"]["prompt_0"]["scores"], rep["scenes"]["prompt_1"]["scores"]
    assert (s0["rationality"]["score"], s0["spatial_layout"]["score"], s0["accessibility"]["score"]) == (7, 7, None)
    assert s0["accessibility"]["error"] == "empty answer"
    assert (
        s1["rationality"]["raw_score"],
        s1["rationality"]["score"],
        s1["spatial_layout"]["score"],
        s1["accessibility"]["score"],
    ) == (9, 6, 5, 8)
    assert rep["summary"]["rationality"] == {"mean": 6.5, "std": 0.5, "min": 6, "max": 7, "n": 2, "flagged": 0}
    assert rep["summary"]["accessibility"]["flagged"] == 1
    assert json.loads(out.read_text())["scenes"]["prompt_1"]["scores"]["rationality"]["answer"] == "Score: 9"

    # resume: only the unanswered question (prompt_0 accessibility) is asked again
    with FakeOpenAIServer([Planned(text="Score: 4")]) as server:
        judge = Judge(JudgeConfig(model="judge-vl", base_url=server.base_url, api_key="sk-test"))
        rep2 = judge_items(items, judge, out, resume=True, max_workers=2, progress=False)
        assert len(server.requests) == 1 and "ACCESSIBILITY" in server.requests[0].body["messages"][0]["content"][1]["text"]
    assert rep2["scenes"]["prompt_0"]["scores"]["accessibility"]["score"] == 4
    assert rep2["scenes"]["prompt_1"]["scores"]["rationality"]["score"] == 6
    with FakeOpenAIServer([]) as server:  # everything answered: nothing is asked
        judge_items(items, Judge(JudgeConfig(model="judge-vl", base_url=server.base_url)), out, resume=True, progress=False)
        assert server.requests == []


def test_json_only_scenes_are_rendered_then_judged(tmp_path):
    pytest.importorskip("pyrender")
    from scenerevis.judge.cli import main

    _, scenes, _ = _folder(tmp_path)
    with FakeOpenAIServer([Planned(text="Score: 7/10")] * 6, max_requests=10) as server:
        rc = main(
            [
                "--json-dir",
                str(scenes),
                "--output",
                str(tmp_path / "o" / "v.json"),
                "--base-url",
                server.base_url,
                "--model",
                "m",
                "--renderer",
                "gl",
                "--quiet",
                "--max-workers",
                "1",
            ]
        )
        assert rc == 0 and len(server.requests) == 6
    assert sorted(p.name for p in (tmp_path / "o" / "judge_renders").iterdir()) == [
        "prompt_0_final_render.png",
        "prompt_1_final_render.png",
    ]


def test_judge_exit_code_is_non_zero_when_any_answer_is_unusable(tmp_path):
    from scenerevis.judge.cli import main

    renders, scenes, _ = _folder(tmp_path)
    args = ["--render-dir", str(renders), "--json-dir", str(scenes), "--base-url", "", "--model", "m", "--quiet"]
    plan = [Planned(text="Score: 7/10")] * 5 + [Planned(text="I cannot tell.")]
    with FakeOpenAIServer(plan, max_requests=10) as server:
        args[5] = server.base_url
        assert main([*args, "--output", str(tmp_path / "a.json"), "--max-workers", "1"]) == 1
    with FakeOpenAIServer([Planned(text="Score: 7/10")] * 6, max_requests=10) as server:
        args[5] = server.base_url
        assert main([*args, "--output", str(tmp_path / "b.json"), "--max-workers", "1"]) == 0
