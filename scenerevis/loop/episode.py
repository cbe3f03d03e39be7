"""episode.py: one render -> evaluate -> revise episode: a policy driving :class:`SceneEnv`, with files and reports.

Outputs in ``out_dir`` (seed-compatible names): ``scene_iter_k.json`` (the scene after turn k),
``merged_iter_k.png`` (its render), ``response_iter_k.txt`` (turn k's raw reply), ``turns.jsonl``
(one record per turn), ``final_scene.json``, ``final_scene.glb``, ``report.html`` and, written
last, ``episode.json`` (the episode summary; its presence marks the episode complete).
"""

from __future__ import annotations

import json
import logging
import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from scenerevis.env import SceneEnv, StepInfo
from scenerevis.fileio import atomic_write_json, atomic_write_text
from scenerevis.loop.config import LoopConfig
from scenerevis.scene.formats import save_scene
from scenerevis.scene.model import Scene

log = logging.getLogger(__name__)


@dataclass
class EpisodeResult:
    """The final scene and the turn logs of an episode."""

    out_dir: Path
    requirement: str
    scene: Scene
    turns: list[StepInfo]
    terminated: bool
    metrics: dict[str, Any]
    seconds: float

    def summary(self) -> dict[str, Any]:
        return {
            "requirement": self.requirement,
            "turns": len(self.turns),
            "terminated": self.terminated,
            "metrics": self.metrics,
            "seconds": round(self.seconds, 3),
            "final_scene": "final_scene.json",
            "final_render": Path(self.turns[-1].image).name if self.turns and self.turns[-1].image else None,
        }


class _TurnWriter:
    """Appends turn records to ``turns.jsonl`` (flushed and fsynced per line)."""

    def __init__(self, path: Path):
        self.path = path
        path.write_text("", encoding="utf-8")

    def write(self, record: dict[str, Any]) -> None:
        with open(self.path, "a", encoding="utf-8") as fh:
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
            fh.flush()
            os.fsync(fh.fileno())


def run_episode(
    policy,
    env: SceneEnv,
    requirement: str,
    out_dir: str | os.PathLike,
    config: LoopConfig | None = None,
    initial_scene: Scene | None = None,
    seed: int | None = None,
) -> EpisodeResult:
    """Run one episode of ``policy`` on ``requirement`` through ``env``, writing every turn to ``out_dir``.

    Bad replies never end the episode: their errors go into the next turn's feedback. With an
    ``initial_scene`` the creation turn is skipped (goal-oriented refinement of a given scene).
    ``config`` (its environment part) replaces ``env.config`` for this episode.
    """
    config = config or LoopConfig()
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    t_start = time.perf_counter()
    writer = _TurnWriter(out / "turns.jsonl")
    env.config = config.env_config()
    policy.reset(requirement, config.seed if seed is None else seed)
    turns: list[StepInfo] = []

    def record(info: StepInfo, scene: Scene) -> None:
        scene_path = out / f"scene_iter_{info.turn}.json"
        save_scene(scene, scene_path)
        if info.reply is not None:
            atomic_write_text(out / f"response_iter_{info.turn}.txt", info.reply)
        info.timings["total"] = sum(info.timings.get(k, 0.0) for k in ("policy", "env"))
        row = {"requirement": requirement, **info.to_dict(), "scene": scene_path.name}
        row["image"] = Path(info.image).name if info.image else None
        writer.write(row)
        turns.append(info)

    obs = env.reset(requirement, initial_scene, workdir=out)
    if env.initial_info is not None:
        record(env.initial_info, env.scene)
    while obs.turn <= config.max_turns:
        t0 = time.perf_counter()
        reply = policy.act(obs)
        policy_s = time.perf_counter() - t0
        obs, info = env.step(reply if reply is not None else "")
        info.timings["policy"] = policy_s
        record(info, env.scene)
        if info.done:
            break
    scene = env.scene

    # ---------------------------------------------------------------- final outputs
    save_scene(scene, out / "final_scene.json")
    terminated = any(t.terminated for t in turns)
    result = EpisodeResult(out, requirement, scene, turns, terminated, turns[-1].metrics, time.perf_counter() - t_start)
    if config.export_glb:
        try:
            from scenerevis.render.export import export_scene_glb

            export_scene_glb(scene, out / "final_scene.glb", env.resolver)
        except Exception as err:  # noqa: BLE001 - a missing optional exporter must not lose the episode
            log.error("GLB export failed: %s", err)
    if config.write_report:
        from scenerevis.loop.report import write_report

        write_report(result, out / "report.html")
    atomic_write_json(out / "episode.json", result.summary())
    return result
