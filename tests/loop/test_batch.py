import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from scenerevis.loop.batch import BatchOptions, run_batch, split_prompt
from scenerevis.loop.config import LoopConfig
from scenerevis.loop.factory import RunSpec

pytestmark = pytest.mark.integration

ROOT = Path(__file__).resolve().parents[2]
POLICY = "tests.loop.fakes:FurnishingPolicy"


def _spec(**policy_config):
    return RunSpec(
        policy=POLICY,
        policy_config=policy_config,
        loop=LoopConfig(max_turns=5, render=False, export_glb=False),
        resolver_source=None,
    )


def _check_complete(out: Path, n: int) -> dict:
    summary = json.loads((out / "batch_summary.json").read_text())
    assert summary["num_completed"] == n and summary["num_missing"] == 0
    assert sorted(r["index"] for r in summary["prompts"]) == list(range(n))
    for i in range(n):
        lines = (out / f"prompt_{i}" / "turns.jsonl").read_text().splitlines()
        assert [json.loads(x)["turn"] for x in lines] == [0, 1, 2]  # one clean episode, never appended twice
    assert sorted(p.name for p in (out / "final_scenes_collection").iterdir()) == sorted(
        f"prompt_{i}_final_scene.json" for i in range(n)
    )
    return summary


def test_batch_writes_seed_layout_and_summary(tmp_path):
    summary = run_batch(["bedroom a", "bedroom b", "bedroom c"], _spec(), tmp_path, BatchOptions(progress=False))
    _check_complete(tmp_path, 3)
    assert summary["mean_num_objects"] == 2.0 and summary["terminated"] == 3 and summary["failed"] == {}
    assert summary["mean_collision_rate"] == 0.0 and summary["mean_oob_rate"] == 0.0


def test_prompt_line_with_current_scene_block():
    text, scene = split_prompt(
        'make it cosy <current_scene>```json\n{"bounds_bottom": [[0,0,0],[3,0,0],[3,0,3]], "bounds_top": [[0,2.6,0],[3,2.6,0],[3,2.6,3]], "objects": []}\n```</current_scene>'
    )
    assert text == "make it cosy" and scene.floor_area == pytest.approx(4.5)
    with pytest.raises(ValueError, match="prompt 3: <current_scene> block is not valid JSON"):
        split_prompt("x <current_scene>{oops</current_scene>", "prompt 3")


def test_kill_minus_9_then_skip_existing_completes_all_without_duplicates(tmp_path):
    prompts = tmp_path / "prompts.txt"
    prompts.write_text("\n".join(f"a bedroom number {i}" for i in range(6)) + "\n")
    out = tmp_path / "out"
    cmd = [
        sys.executable,
        str(ROOT / "infer.py"),
        "--batch-mode",
        "--prompts-file",
        str(prompts),
        "--output",
        str(out),
        "--policy",
        POLICY,
        "--policy-config",
        '{"delay": 0.25}',
        "--renderer",
        "none",
        "--asset-source",
        "none",
        "--quiet",
    ]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(cmd, env=env, start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 60
    while not (out / "prompt_2" / "turns.jsonl").exists() and time.time() < deadline:
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGKILL)  # mid-episode of prompt 2
    proc.wait(timeout=10)
    assert (out / "prompt_1" / "episode.json").exists() and not (out / "prompt_5").exists()
    done_before = (out / "prompt_0" / "episode.json").stat().st_mtime_ns
    subprocess.run(cmd[:-1] + ["--skip-existing", "--quiet"], env=env, check=True, capture_output=True, timeout=120)
    _check_complete(out, 6)
    assert (out / "prompt_0" / "episode.json").stat().st_mtime_ns == done_before  # not redone


def test_local_worker_processes(tmp_path):
    run_batch([f"room {i}" for i in range(3)], _spec(), tmp_path, BatchOptions(workers=2, progress=False))
    _check_complete(tmp_path, 3)


def test_ray_local_cluster(tmp_path):
    pytest.importorskip("ray")
    run_batch([f"room {i}" for i in range(3)], _spec(), tmp_path, BatchOptions(workers=2, ray_address="local", progress=False))
    _check_complete(tmp_path, 3)
