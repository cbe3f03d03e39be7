"""episode.py: one render -> evaluate -> revise episode: creation turn, edit turns, logs and outputs.

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
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from scenerevis.fileio import atomic_write_json, atomic_write_text
from scenerevis.loop.config import LoopConfig
from scenerevis.loop.env import SceneEnv
from scenerevis.physics.feedback import physics_feedback
from scenerevis.policy.base import Observation
from scenerevis.scene.formats import make_room, save_scene, scene_from_dict
from scenerevis.scene.model import Scene
from scenerevis.scene.validate import SceneFormatError
from scenerevis.tools.apply import apply_tool_calls
from scenerevis.tools.parse import parse_reply

log = logging.getLogger(__name__)


@dataclass
class TurnLog:
    """Everything about one turn (one line of ``turns.jsonl``). Times in seconds."""

    turn: int
    requirement: str
    feedback_in: str | None
    reply: str | None
    kind: str
    calls: list[dict[str, Any]] = field(default_factory=list)
    results: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    metrics: dict[str, Any] = field(default_factory=dict)
    scene: str | None = None
    image: str | None = None
    render_error: str | None = None
    repairs: list[str] = field(default_factory=list)
    terminated: bool = False
    timings: dict[str, float] = field(default_factory=dict)


@dataclass
class EpisodeResult:
    """The final scene and the turn logs of an episode."""

    out_dir: Path
    requirement: str
    scene: Scene
    turns: list[TurnLog]
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
            "final_render": self.turns[-1].image if self.turns else None,
        }


def _metrics(report) -> dict[str, Any]:
    return {
        "num_objects": report.num_objects,
        "collision_rate": report.collision_rate,
        "oob_rate": report.oob_rate,
        "colliding_objects": report.colliding_objects,
        "oob_objects": report.oob_objects,
        "max_penetration_depth": report.max_penetration_depth,
    }


def _default_room(requirement: str, config: LoopConfig) -> Scene:
    w, d = config.default_room_xz
    return make_room(
        [[-w / 2, -d / 2], [w / 2, -d / 2], [w / 2, d / 2], [-w / 2, d / 2]], config.default_ceiling, room_id="default-room"
    )


class _TurnWriter:
    """Appends turn records to ``turns.jsonl`` (flushed and fsynced per line)."""

    def __init__(self, path: Path):
        self.path = path
        path.write_text("", encoding="utf-8")

    def write(self, rec: TurnLog) -> None:
        with open(self.path, "a", encoding="utf-8") as fh:
            fh.write(json.dumps(asdict(rec), ensure_ascii=False) + "\n")
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
    """Run one episode of ``policy`` on ``requirement``, writing every turn to ``out_dir``.

    Bad replies never end the episode: their errors go into the next turn's feedback. With an
    ``initial_scene`` the creation turn is skipped (goal-oriented refinement of a given scene).
    """
    config = config or LoopConfig()
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    t_start = time.perf_counter()
    writer = _TurnWriter(out / "turns.jsonl")
    policy.reset(requirement, config.seed if seed is None else seed)
    turns: list[TurnLog] = []
    terminated = False

    def finish_turn(rec: TurnLog, scene: Scene, t0: float) -> tuple[str | None, str | None]:
        """Save, render, evaluate; returns (image path, feedback for the next turn)."""
        scene_path = out / f"scene_iter_{rec.turn}.json"
        save_scene(scene, scene_path)
        rec.scene = scene_path.name
        image = None
        if config.render:
            t = time.perf_counter()
            img_path = out / f"merged_iter_{rec.turn}.png"
            rec.render_error = env.render(scene, img_path)
            if img_path.exists():
                image = str(img_path)
                rec.image = img_path.name
            rec.timings["render"] = time.perf_counter() - t
        t = time.perf_counter()
        report = env.evaluate(scene)
        rec.timings["physics"] = time.perf_counter() - t
        rec.metrics = _metrics(report)
        lines = [f"Errors in your last reply: {e}" for e in rec.errors]
        if config.enable_physics_feedback:
            lines.append(physics_feedback(scene, report, config.feedback_top_k))
        if rec.repairs:
            lines.append("The physics optimizer changed the scene: " + "; ".join(rec.repairs))
        if config.enable_vlm_feedback and env.judge is not None and image is not None:
            try:
                lines.append(env.judge(scene, image))
            except Exception as err:  # noqa: BLE001 - judge failures are logged, not fatal
                log.error("VLM feedback failed: %s", err)
        rec.timings["total"] = time.perf_counter() - t0
        writer.write(rec)
        turns.append(rec)
        return image, ("\n".join(lines) if lines else None)

    # ---------------------------------------------------------------- creation turn
    if initial_scene is not None:
        scene = initial_scene.copy()
        rec = TurnLog(0, requirement, None, None, "initial_scene")
        rec.errors = env.retrieve(scene, [o.id for o in scene.objects if not o.asset_id])
        image, feedback = finish_turn(rec, scene, time.perf_counter())
    else:
        t0 = time.perf_counter()
        reply = policy.act(Observation(0, config.room_prompt or requirement, None, None, None))
        rec = TurnLog(0, requirement, None, reply, "")
        rec.timings["policy"] = time.perf_counter() - t0
        atomic_write_text(out / "response_iter_0.txt", reply or "")
        parsed = parse_reply(reply)
        rec.kind = parsed.kind
        rec.errors = [e.line() for e in parsed.errors]
        scene = None
        if parsed.kind == "create_scene":
            try:
                scene = scene_from_dict(parsed.scene, "<create_scene>")
            except SceneFormatError as err:
                rec.errors.append(f"[create_scene] {err}")
        if scene is None:
            scene = _default_room(requirement, config)
            rec.errors.append("no usable <create_scene> room: a default 4 x 5 m room is used")
        if parsed.kind == "tool_calls":  # edits in the creation turn apply to the default room
            applied = apply_tool_calls(scene, parsed.calls)
            scene = applied.scene
            rec.results = [r.message for r in applied.results]
            rec.errors += [e.line() for e in applied.errors]
        image, feedback = finish_turn(rec, scene, t0)

    # ---------------------------------------------------------------- edit turns
    for k in range(1, config.iterations + 1):
        t0 = time.perf_counter()
        reply = policy.act(Observation(k, requirement, scene, image, feedback))
        rec = TurnLog(k, requirement, feedback, reply, "")
        rec.timings["policy"] = time.perf_counter() - t0
        atomic_write_text(out / f"response_iter_{k}.txt", reply or "")
        parsed = parse_reply(reply)
        rec.kind = parsed.kind
        rec.errors = [e.line() for e in parsed.errors]
        rec.calls = [c.to_dict() for c in parsed.calls]
        if parsed.kind == "create_scene":
            rec.errors.append("<create_scene> is only for the first turn; use <tool_calls> to edit")
        applied = apply_tool_calls(scene, parsed.calls)
        scene = applied.scene
        rec.results = [r.message for r in applied.results]
        rec.errors += [e.line() for e in applied.errors]
        t = time.perf_counter()
        rec.errors += env.retrieve(scene, applied.needs_asset)
        rec.timings["retrieve"] = time.perf_counter() - t
        if config.enable_physics_optimization and env.optimizer is not None and config.physics_opt_steps:
            t = time.perf_counter()
            scene, rec.repairs = env.optimizer(scene, env.evaluate(scene), config.physics_opt_steps, env.evaluate)
            rec.timings["optimize"] = time.perf_counter() - t
        rec.terminated = applied.terminated
        image, feedback = finish_turn(rec, scene, t0)
        if applied.terminated:
            terminated = True
            break

    # ---------------------------------------------------------------- final outputs
    save_scene(scene, out / "final_scene.json")
    final = turns[-1].metrics
    result = EpisodeResult(out, requirement, scene, turns, terminated, final, time.perf_counter() - t_start)
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
