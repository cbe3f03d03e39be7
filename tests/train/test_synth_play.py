"""End to end: chains played through the real environment with the GL renderer.

Replay (each trajectory's calls, applied turn by turn to its first scene, give exactly each following
<current_scene> and its final scene), format identity (the messages at turn k are what the loop's
chat policy builds at turn k for the same requirement, scene and reply history), resume and stats.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from scenerevis.chat import Message
from scenerevis.loop.config import LoopConfig
from scenerevis.loop.episode import run_episode
from scenerevis.policy.chat import ChatConfig, ChatPolicy
from scenerevis.scene.formats import save_scene, scene_from_dict, scene_to_flat
from scenerevis.tools.apply import apply_tool_calls
from scenerevis.tools.parse import parse_reply
from scenerevis.train.check import check_file, shown_scene
from scenerevis.train.synth import SynthConfig, build_env, synthesize
from tests.train.scenes import bedroom

# plays chains through SceneEnv with the GL renderer (real renders): end to end
pytestmark = pytest.mark.integration

_ASSET_KEYS = ("jid", "uid", "asset_source", "retrieved_size")


@pytest.fixture(scope="module")
def data(tmp_path_factory) -> tuple[SynthConfig, dict]:
    src = tmp_path_factory.mktemp("scenes")
    save_scene(bedroom(), src / "bedroom.json")
    out = tmp_path_factory.mktemp("data")
    cfg = SynthConfig(
        out=out,
        scenes=src,
        chains_per_scene=2,
        revision_ratio=0.5,
        seed=3,
        min_turns=4,
        max_turns=4,
        progress=False,
        val_ratio=0.0,
    )
    stats = synthesize(cfg)
    return cfg, stats


def _rows(cfg: SynthConfig) -> list[dict]:
    return [json.loads(line) for line in (cfg.out / "train.jsonl").read_text().splitlines()]


def _no_assets(flat: dict) -> dict:
    flat = json.loads(json.dumps(flat))
    for o in flat["objects"]:
        for k in _ASSET_KEYS:
            o.pop(k, None)
    return flat


def test_rows_have_the_scenechain_layout(data):
    cfg, stats = data
    rows = _rows(cfg)
    assert len(rows) == 2 and stats["rows"] == {"train": 2, "val": 0}
    for r in rows:
        assert set(r) == {"id", "messages", "images", "metadata"}
        meta = r["metadata"]
        assert {"scene_id", "conversation_type", "chain_id", "total_turns", "final_scene", "global_user_instruction"} <= set(meta)
        assert meta["scene_id"] == "bedroom" and meta["total_turns"] == 5  # 4 edit turns + the terminate turn
        k = meta["chain_id"]
        assert r["images"] == [f"images/scene_bedroom_chain_{k}_step_{n}.png" for n in range(5)]
        assert all((cfg.out / p).is_file() for p in r["images"])
        roles = [m["role"] for m in r["messages"]]
        assert roles == ["system"] + ["user", "assistant"] * 6
        last = parse_reply(r["messages"][-1]["content"])
        assert [c.name for c in last.calls] == ["terminate"]
    assert sorted(r["metadata"]["generation_method"] for r in rows) == ["reverse_engineering", "revision"]
    assert stats["turns_histogram"] == {"5": 2} and stats["images_per_row"]["mean"] == 5.0
    assert all(r.ok for r in check_file(cfg.out / "train.jsonl"))


def test_replay_gives_every_shown_scene_and_the_final_scene_exactly(data):
    cfg, _ = data
    for r in _rows(cfg):
        users = [m["content"] for m in r["messages"] if m["role"] == "user"][1:]
        replies = [m["content"] for m in r["messages"] if m["role"] == "assistant"][1:]
        shown = [shown_scene(u) for u in users]
        scene = scene_from_dict(shown[0])
        assert scene.objects == []
        for k, reply in enumerate(replies[:-1]):
            applied = apply_tool_calls(scene, parse_reply(reply).calls)
            assert applied.errors == []
            assert _no_assets(scene_to_flat(applied.scene)) == _no_assets(shown[k + 1])
            scene = scene_from_dict(shown[k + 1])  # assets as the environment retrieved them
        assert scene_to_flat(scene) == r["metadata"]["final_scene"] == shown[-1]


class _Scripted(ChatPolicy):
    """A chat policy whose answers are the row's replies; everything around it is the real loop."""

    name = "scripted"

    def __init__(self, replies: list[str]):
        super().__init__(ChatConfig(max_context_tokens=None))
        self.replies = replies
        self.sent: list[list[Message]] = []

    def _generate(self, messages, seed):
        self.sent.append(messages)
        return self.replies[len(self.sent) - 1]


def test_messages_at_each_turn_are_what_the_loop_builds(data, tmp_path):
    cfg, _ = data
    env = build_env(cfg)
    try:
        for r in _rows(cfg):
            replies = [m["content"] for m in r["messages"] if m["role"] == "assistant"]
            policy = _Scripted(replies)
            loop_cfg = LoopConfig(max_turns=20, export_glb=False, write_report=False, enable_physics_feedback=cfg.feedback)
            result = run_episode(policy, env, r["metadata"]["global_user_instruction"], tmp_path / r["id"], loop_cfg)
            assert result.terminated and len(policy.sent) == len(replies)
            for k, sent in enumerate(policy.sent):
                expected = r["messages"][: 2 * k + 2]
                assert [(m.role, m.text) for m in sent] == [(m["role"], m["content"]) for m in expected]
                assert sum(len(m.images) for m in sent) == k
            assert scene_to_flat(result.scene) == r["metadata"]["final_scene"]
    finally:
        env.close()


def test_a_second_run_resumes_without_redoing_chains(data):
    cfg, stats = data
    before = {p.name: p.stat().st_mtime_ns for p in (cfg.out / "rows").iterdir()}
    again = synthesize(cfg)
    assert again == stats
    assert {p.name: p.stat().st_mtime_ns for p in (cfg.out / "rows").iterdir()} == before


def test_designer_sources_are_filtered_like_the_original():
    from scenerevis.physics.evaluate import PhysicsReport
    from scenerevis.train.synth_sources import keep_scene

    def rep(n, c, o):
        return PhysicsReport(n, 0, c, o, [], [], [], 0.0, {})

    assert keep_scene(rep(5, 9.9, 29.9)) and not keep_scene(rep(4, 0.0, 0.0))
    assert not keep_scene(rep(5, 10.0, 0.0)) and keep_scene(rep(20, 50.0, 50.0))
    assert keep_scene(rep(6, 0.0, 40.0)) and not keep_scene(rep(5, 0.0, 40.0))


def test_designer_prompts_cover_every_room_type_it_knows():
    from scenerevis.scene.rooms import load_rooms
    from scenerevis.train.synth_sources import designer_prompts

    prompts = designer_prompts()
    split = (Path(__file__).resolve().parents[2] / "split_prompts" / "bedroom.txt").read_text().splitlines()
    assert split[0] in prompts
    for rt in load_rooms().room_types.values():
        assert f"A {rt.label} with " in " ".join(prompts), rt.name


def test_worker_pool_after_designer_sources_does_not_deadlock(tmp_path):
    """Designer sources load torch (MiniLM retrieval) in the parent; forked workers used to hang in its thread
    pool on their first retrieval. The pool spawns its workers, so two chains finish well inside the timeout."""
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[2]
    cmd = [
        sys.executable, "-m", "scenerevis.train.synth", "--out", str(tmp_path / "d"), "--from-designer", "1",
        "--chains-per-scene", "2", "--renderer", "gl", "--resolution", "128", "--workers", "2", "--seed", "3",
        "--no-progress",
    ]  # fmt: skip
    res = subprocess.run(cmd, cwd=root, capture_output=True, text=True, timeout=600)
    assert res.returncode == 0, res.stderr[-2000:]
    rows = [json.loads(x) for x in (tmp_path / "d" / "train.jsonl").read_text().splitlines()]
    rows += [json.loads(x) for x in (tmp_path / "d" / "val.jsonl").read_text().splitlines()]
    assert len(rows) == 2
