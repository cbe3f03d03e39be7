"""batch.py: run many prompts (local worker processes or a Ray cluster), resumable after a crash.

Layout of the output folder (seed-compatible): ``prompt_{i}/`` per prompt (see episode.py),
``final_scenes_collection/prompt_{i}_final_scene.json``, ``final_renders_collection/prompt_{i}_final_render.png``
and ``batch_summary.json``. A prompt is complete when its ``episode.json`` and its collection files
exist; ``skip_existing`` skips complete prompts and redoes partial ones from scratch.
"""

from __future__ import annotations

import json
import logging
import os
import re
import shutil
import signal
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from multiprocessing import get_context
from pathlib import Path
from typing import Any

import numpy as np

from scenerevis.fileio import OutputLock, atomic_write_bytes, atomic_write_json, remove_temp_files
from scenerevis.loop.factory import RunSpec, build_env, build_initial_llm, build_policy
from scenerevis.scene.formats import scene_from_dict
from scenerevis.scene.model import Scene

log = logging.getLogger(__name__)

_SCENE_BLOCK = re.compile(r"<current_scene>\s*(?:```(?:json)?\s*)?(.*?)(?:\s*```)?\s*</current_scene>", re.S)


@dataclass
class BatchOptions:
    """How a batch is run."""

    workers: int = 1  # local worker processes (each keeps its own policy and renderer warm)
    skip_existing: bool = False  # skip prompts already complete in the output folder
    ray_address: str | None = None  # "auto", "local" or ray://host:port: spread prompts over Ray actors
    progress: bool = True  # tqdm bar

    def __post_init__(self) -> None:
        if self.workers < 1:
            raise ValueError(f"workers must be >= 1, got {self.workers}")


def split_prompt(line: str, source: str = "<prompt>") -> tuple[str, Scene | None]:
    """The requirement text and, when the line embeds a ``<current_scene>`` block, that initial scene."""
    m = _SCENE_BLOCK.search(line)
    if not m:
        return line.strip(), None
    try:
        data = json.loads(m.group(1))
    except json.JSONDecodeError as err:
        raise ValueError(f"{source}: <current_scene> block is not valid JSON: {err.msg}") from err
    text = (line[: m.start()] + line[m.end() :]).strip()
    return text, scene_from_dict(data, f"{source} <current_scene>")


def is_complete(out: Path, i: int) -> bool:
    return (out / f"prompt_{i}" / "episode.json").is_file() and (
        out / "final_scenes_collection" / f"prompt_{i}_final_scene.json"
    ).is_file()


class PromptRunner:
    """Runs prompts one after another with one warm policy and environment (one per worker)."""

    def __init__(self, spec: RunSpec, out: str | Path):
        self.spec, self.out = spec, Path(out)
        self.policy = build_policy(spec)
        self.env = build_env(spec)
        self.initial_llm = build_initial_llm(spec)

    def _llm_scene(self, requirement: str) -> tuple[Scene | None, str | None]:
        from scenerevis.loop.initial import llm_initial_scene

        client, model = self.initial_llm
        try:
            return llm_initial_scene(requirement, client, model), "llm"
        except Exception as err:  # noqa: BLE001 - fall back to the policy's own creation turn
            log.warning("first scene from the LLM failed (%s); the policy creates the room", err)
            return None, f"llm failed: {type(err).__name__}: {err}"

    def run(self, i: int, prompt: str) -> dict[str, Any]:
        from scenerevis.loop.episode import run_episode

        folder = self.out / f"prompt_{i}"
        if folder.exists():
            shutil.rmtree(folder)  # a partial earlier attempt: start clean
        try:
            requirement, initial = split_prompt(prompt, f"prompt {i}")
            origin = "prompt" if initial is not None else None
            if initial is None and self.initial_llm is not None:
                initial, origin = self._llm_scene(requirement)
            res = run_episode(
                self.policy, self.env, requirement, folder, self.spec.loop, initial_scene=initial, seed=self.spec.loop.seed + i
            )
        except Exception as err:  # noqa: BLE001 - one failed prompt is reported, the batch goes on
            log.exception("prompt %d failed", i)
            return {"index": i, "prompt": prompt, "error": f"{type(err).__name__}: {err}"}
        scene_bytes = (folder / "final_scene.json").read_bytes()
        final_img = folder / res.turns[-1].image if res.turns and res.turns[-1].image else None
        if final_img is not None and final_img.is_file():
            atomic_write_bytes(self.out / "final_renders_collection" / f"prompt_{i}_final_render.png", final_img.read_bytes())
        atomic_write_bytes(self.out / "final_scenes_collection" / f"prompt_{i}_final_scene.json", scene_bytes)
        if origin is not None:
            atomic_write_json(folder / "initial_scene_source.json", {"source": origin})
        return {"index": i, "prompt": prompt, "initial_scene": origin, **res.summary()}

    def close(self) -> None:
        self.env.close()


_RUNNER: PromptRunner | None = None


def _init(spec: RunSpec, out: str, parent: int) -> None:
    global _RUNNER
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C and stops the workers
    _die_with_parent(parent)
    _RUNNER = PromptRunner(spec, out)


def _die_with_parent(parent: int, poll_s: float = 0.5) -> None:
    """End this worker process when its parent ``parent`` (the pid the batch passed at spawn time) is gone,
    e.g. after ``kill -9`` of the batch, also when that happened while this worker was still starting:
    a daemon thread compares the current parent pid with it, and the worker stops writing at once."""
    if os.getppid() != parent:
        os._exit(1)

    def watch() -> None:
        while True:
            time.sleep(poll_s)
            if os.getppid() != parent:
                os._exit(1)

    threading.Thread(target=watch, name="parent-watchdog", daemon=True).start()


def _run(item: tuple[int, str]) -> dict[str, Any]:
    assert _RUNNER is not None
    return _RUNNER.run(*item)


def summarize(out: Path, n_prompts: int) -> dict[str, Any]:
    """``batch_summary.json`` content, rebuilt from every prompt folder (so resumed batches count each prompt once)."""
    rows = []
    for i in range(n_prompts):
        p = out / f"prompt_{i}" / "episode.json"
        if p.is_file():
            rows.append({"index": i, **json.loads(p.read_text())})
    done = [r for r in rows if r.get("metrics")]

    def mean(key: str) -> float | None:
        vals = [r["metrics"][key] for r in done if r["metrics"].get(key) is not None]
        return float(np.mean(vals)) if vals else None

    return {
        "num_prompts": n_prompts,
        "num_completed": len(rows),
        "num_missing": n_prompts - len(rows),
        "mean_collision_rate": mean("collision_rate"),
        "mean_oob_rate": mean("oob_rate"),
        "mean_num_objects": mean("num_objects"),
        "mean_turns": float(np.mean([r["turns"] for r in rows])) if rows else None,
        "terminated": sum(bool(r.get("terminated")) for r in rows),
        "mean_seconds": float(np.mean([r["seconds"] for r in rows])) if rows else None,
        "prompts": rows,
    }


class BatchInterrupted(Exception):
    """SIGINT / SIGTERM stopped a batch; the summary of what completed is written."""

    def __init__(self, summary: dict[str, Any], out: Path) -> None:
        self.summary, self.out = summary, out
        super().__init__(
            f"interrupted: {summary['num_completed']}/{summary['num_prompts']} prompts complete in {out}; "
            "rerun with --skip-existing"
        )


def _raise_interrupt(signum: int, frame: Any) -> None:
    raise KeyboardInterrupt(signal.Signals(signum).name)


def run_batch(prompts: list[str], spec: RunSpec, out: str | Path, options: BatchOptions | None = None) -> dict[str, Any]:
    """Run every prompt not yet complete; returns (and writes) the batch summary.

    The output folder is locked for the run (:class:`~scenerevis.fileio.OutputLock`: a second run on
    it fails at once) and temporary files of an interrupted earlier run are removed. SIGINT/SIGTERM
    stop the workers, write the summary and raise :class:`BatchInterrupted`.
    """
    options = options or BatchOptions()
    out = Path(out)
    with OutputLock(out):
        removed = remove_temp_files(out)
        if removed:
            log.warning("%s: removed %d temporary files of an interrupted earlier run", out, removed)
        previous = (
            signal.signal(signal.SIGTERM, _raise_interrupt) if threading.current_thread() is threading.main_thread() else None
        )
        try:
            return _run_locked(prompts, spec, out, options)
        finally:
            if previous is not None:
                signal.signal(signal.SIGTERM, previous)


def _run_locked(prompts: list[str], spec: RunSpec, out: Path, options: BatchOptions) -> dict[str, Any]:
    from tqdm import tqdm

    todo = [(i, p) for i, p in enumerate(prompts) if not (options.skip_existing and is_complete(out, i))]
    failures: dict[int, str] = {}
    bar = tqdm(total=len(prompts), initial=len(prompts) - len(todo), desc="prompts", unit="prompt", disable=not options.progress)

    def record(row: dict[str, Any]) -> None:
        if "error" in row:
            failures[row["index"]] = row["error"]
        bar.update(1)
        atomic_write_json(out / "batch_summary.json", {**summarize(out, len(prompts)), "failed": failures})

    interrupted = False
    try:
        if options.ray_address:
            _run_ray(todo, spec, out, options, record)
        elif options.workers == 1 or len(todo) <= 1:
            runner = PromptRunner(spec, out)
            try:
                for item in todo:
                    record(runner.run(*item))
            finally:
                runner.close()
        else:
            _run_pool(todo, spec, out, options, record)
    except KeyboardInterrupt:
        interrupted = True
    finally:
        bar.close()
    summary = {**summarize(out, len(prompts)), "failed": failures}
    atomic_write_json(out / "batch_summary.json", summary)
    if interrupted:
        raise BatchInterrupted(summary, out)
    return summary


def _run_pool(todo, spec: RunSpec, out: Path, options: BatchOptions, record) -> None:
    """Local worker processes; on an interrupt the workers are terminated before returning."""
    ctx = get_context("spawn")  # bpy and GL contexts do not survive fork
    pool = ProcessPoolExecutor(
        min(options.workers, len(todo)), mp_context=ctx, initializer=_init, initargs=(spec, str(out), os.getpid())
    )
    try:
        for row in pool.map(_run, todo):
            record(row)
    except BaseException:
        for proc in list(getattr(pool, "_processes", {}).values()):
            proc.terminate()
        pool.shutdown(wait=True, cancel_futures=True)
        raise
    pool.shutdown(wait=True)


def _run_ray(todo, spec: RunSpec, out: Path, options: BatchOptions, record) -> None:
    from scenerevis._optional import require

    ray = require("ray")
    started = False
    if not ray.is_initialized():
        if options.ray_address == "local":
            ray.init(num_cpus=options.workers, include_dashboard=False, log_to_driver=False)
        else:
            ray.init(address=options.ray_address, log_to_driver=False)
        started = True
    try:
        actor_cls = ray.remote(num_cpus=1)(PromptRunner)
        actors = [actor_cls.remote(spec, str(out)) for _ in range(max(1, min(options.workers, len(todo))))]
        pool = ray.util.ActorPool(actors)
        for row in pool.map_unordered(lambda a, item: a.run.remote(*item), todo):
            record(row)
        ray.get([a.close.remote() for a in actors])
    finally:
        if started:
            ray.shutdown()
