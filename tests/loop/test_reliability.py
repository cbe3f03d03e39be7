"""A user's mistakes and a server's failures end in one clear line; nothing is lost or mixed (issue 10).

Every subprocess here is bounded by a timeout; servers listen on 127.0.0.1 only.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from scenerevis.fileio import OutputInUseError, OutputLock, remove_temp_files

pytestmark = pytest.mark.integration

ROOT = Path(__file__).resolve().parents[2]
POLICY = "tests.loop.fakes:FurnishingPolicy"
ENV = {**os.environ, "PYTHONPATH": str(ROOT)}


def _infer(*args: str, timeout: float = 240) -> subprocess.CompletedProcess:
    cmd = [sys.executable, str(ROOT / "infer.py"), "--renderer", "none", "--asset-source", "none", "--quiet", *args]
    return subprocess.run(cmd, env=ENV, capture_output=True, text=True, timeout=timeout)


def _batch_cmd(prompts: Path, out: Path, *extra: str) -> list[str]:
    return [
        sys.executable, str(ROOT / "infer.py"), "--batch-mode", "--prompts-file", str(prompts), "--output", str(out),
        "--policy", POLICY, "--renderer", "none", "--asset-source", "none", "--quiet", *extra,
    ]  # fmt: skip


def _children(pid: int) -> set[int]:
    kids = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            kids.add(int(stat.parent.name))
    return kids


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


# ---------------------------------------------------------------- 1. one run per output folder
def test_second_run_on_a_folder_in_use_fails_at_once_and_a_stale_lock_is_taken_over(tmp_path):
    out = tmp_path / "out"
    holder = subprocess.Popen(
        [sys.executable, "-c", f"from scenerevis.fileio import OutputLock; import time; OutputLock({str(out)!r}).acquire(); print('held', flush=True); time.sleep(60)"],
        env=ENV, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert holder.stdout.readline().strip() == "held"
        res = _infer("--prompt", "a bedroom", "--policy", POLICY, "--output", str(out), "--skip-existing")
        assert res.returncode == 2
        assert (
            res.stderr.strip().splitlines()[-1]
            == f"error: {out} is in use by pid {holder.pid} (remove {out}/.lock if it is stale)"
        )
        assert not (out / "prompt_0").exists()  # nothing was touched
    finally:
        holder.kill()
        holder.wait(timeout=10)
    res = _infer("--prompt", "a bedroom", "--policy", POLICY, "--output", str(out))
    assert res.returncode == 0, res.stderr
    assert f"taking over the stale lock of pid {holder.pid}" in res.stderr
    lines = (out / "prompt_0" / "turns.jsonl").read_text().splitlines()
    assert [json.loads(x)["turn"] for x in lines] == [0, 1, 2]


def test_lock_in_process(tmp_path):
    with OutputLock(tmp_path):
        with pytest.raises(OutputInUseError, match=f"in use by pid {os.getpid()}"):
            OutputLock(tmp_path).acquire()
    with OutputLock(tmp_path) as lock:
        assert lock.stale_pid is None  # a clean release leaves no pid behind


# ---------------------------------------------------------------- 2. workers, interrupts, temp files
def test_kill_minus_9_of_the_batch_ends_its_workers(tmp_path):
    prompts = tmp_path / "prompts.txt"
    prompts.write_text("\n".join(f"a bedroom number {i}" for i in range(8)) + "\n")
    out = tmp_path / "out"
    cmd = _batch_cmd(prompts, out, "--workers", "2", "--policy-config", '{"delay": 0.5}')
    proc = subprocess.Popen(cmd, env=ENV, start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        # kill while the workers may still be starting (importing, building their policy): they must
        # notice that the parent they were spawned by is gone even if it died before their watchdog started
        deadline = time.time() + 120
        while time.time() < deadline and len(_children(proc.pid)) < 2:
            time.sleep(0.1)
        time.sleep(1.0)
        kids = _children(proc.pid)
        assert len(kids) >= 2, "the workers did not start"
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
        deadline = time.time() + 15
        while time.time() < deadline and any(_alive(k) for k in kids):
            time.sleep(0.2)
        assert not [k for k in kids if _alive(k)], "workers outlived their parent"
    finally:
        if _alive(proc.pid):
            os.killpg(proc.pid, signal.SIGKILL)


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
def test_interrupt_prints_one_line_writes_the_summary_and_exits_130(tmp_path, sig):
    prompts = tmp_path / "prompts.txt"
    prompts.write_text("\n".join(f"a bedroom number {i}" for i in range(6)) + "\n")
    out = tmp_path / "out"
    proc = subprocess.Popen(
        _batch_cmd(prompts, out, "--policy-config", '{"delay": 0.5}'), env=ENV, stdout=subprocess.PIPE,
        stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    deadline = time.time() + 120
    while time.time() < deadline and not (out / "prompt_0" / "turns.jsonl").exists():
        time.sleep(0.1)
    proc.send_signal(sig)  # during the first prompt
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130
    summary = json.loads((out / "batch_summary.json").read_text())
    k = summary["num_completed"]
    assert err.strip().splitlines()[-1] == f"interrupted: {k}/6 prompts complete in {out}; rerun with --skip-existing"
    assert "Traceback" not in err


def test_leftover_temp_files_are_removed_by_the_next_run(tmp_path):
    out = tmp_path / "out"
    (out / "prompt_0").mkdir(parents=True)
    (out / "prompt_0" / ".scene_iter_0.json.k2j3h4.tmp").write_text("{half")
    (out / ".batch_summary.json.x8y9z0.tmp").write_text("{")
    (out / "keep.tmp").write_text("a user's file, not ours")
    assert remove_temp_files(out) == 2
    assert (out / "keep.tmp").exists() and not list(out.rglob(".*.tmp"))


# ---------------------------------------------------------------- 3./4. one-line errors, nothing reported as success
BAD_SCENE = {"bounds_bottom": [[0, 0, 0], [3, 0, 0], [3, 0, 3]], "bounds_top": [[0, 2.6, 0], [3, 2.6, 0], [3, 2.6, 3]],
             "objects": [{"desc": "box", "size": [1, -1, 1], "pos": [1, 0, 1], "rot": [0, 0, 0, 1]}]}  # fmt: skip


def test_user_errors_are_one_line_without_traceback(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(BAD_SCENE))
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes("une chambre très calme\n".encode("latin-1"))
    empty = tmp_path / "empty.txt"
    empty.write_text("\n\n  \n")
    a_file = tmp_path / "a_file"
    a_file.write_text("x")
    prompts = tmp_path / "p.txt"
    prompts.write_text("a bedroom\nan office\n")
    cases = [
        (["--prompt", "x", "--scene", str(bad)], f"error: {bad}: objects[0].size: must be > 0"),
        (
            ["--batch-mode", "--prompts-file", str(tmp_path / "missing.txt")],
            f"error: {tmp_path / 'missing.txt'}: prompts file not found",
        ),
        (["--batch-mode", "--prompts-file", str(latin1)], f"error: {latin1}: prompts file is not UTF-8 text"),
        (["--batch-mode", "--prompts-file", str(empty)], f"error: {empty}: prompts file has no prompts"),
        (["--batch-mode", "--prompts-file", str(prompts), "--max-prompts", "0"], "error: --max-prompts must be >= 1, got 0"),
        (["--batch-mode", "--prompts-file", str(prompts), "--max-prompts", "-1"], "error: --max-prompts must be >= 1, got -1"),
        (["--prompt", "x", "--output", str(a_file)], f"error: output {a_file} exists and is not a folder"),
    ]
    for args, start in cases:
        res = _infer(*args, "--policy", POLICY)
        lines = res.stderr.strip().splitlines()
        assert res.returncode == 2, (args, res.stderr)
        assert lines and lines[-1].startswith(start), (args, res.stderr)
        assert "Traceback" not in res.stderr, args
    render = subprocess.run(
        [sys.executable, "-m", "scenerevis.render", str(bad), "--out", str(tmp_path / "r"), "--renderer", "gl"],
        env=ENV, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert render.returncode == 2 and "Traceback" not in render.stderr
    assert render.stderr.strip().splitlines()[-1].startswith(f"error: {bad}: objects[0].size: must be > 0")


def test_an_incomplete_batch_exits_non_zero(tmp_path):
    prompts = tmp_path / "p.txt"
    prompts.write_text("a bedroom\nan office\n")
    res = _infer("--batch-mode", "--prompts-file", str(prompts), "--output", str(tmp_path / "o"),
                 "--policy", "tests.loop.fakes:FailingPolicy")  # fmt: skip
    assert res.returncode == 1 and "FAILED prompt 0" in res.stderr


def test_a_runaway_reply_is_capped_in_every_file_of_the_run(tmp_path):
    out = tmp_path / "out"
    res = _infer("--prompt", "a bedroom", "--policy", "tests.loop.fakes:RunawayPolicy", "--output", str(out), "--iterations", "2")
    assert res.returncode == 0, res.stderr
    folder = out / "prompt_0"
    total = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())
    # two 200 kB edit replies cut to 32 kB, each kept in the response file, turns.jsonl and report.html
    assert total < 250_000
    rec = [json.loads(x) for x in (folder / "turns.jsonl").read_text().splitlines()]
    assert rec[1]["errors"][0].endswith(" characters cut to the first 32768 (max_reply_chars)")
    assert (folder / "response_iter_1.txt").stat().st_size == 32768
