"""scene_env.py: SceneEnv, one render -> evaluate -> revise environment step (Gymnasium-style names).

``reset(requirement, scene=None) -> Observation`` and ``step(reply) -> (Observation, StepInfo)``: parse
the reply, apply its tool calls, retrieve assets for new objects, optionally repair, render, evaluate
the physics and write the feedback of the next turn. The episode loop (files and reports), the
render-free simulator, training-data synthesis and the RL environments all drive this one step.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from scenerevis.env.types import EnvConfig, Observation, StepInfo
from scenerevis.physics.config import PhysicsConfig
from scenerevis.physics.evaluate import PhysicsReport, evaluate_physics
from scenerevis.physics.feedback import physics_feedback
from scenerevis.scene.formats import make_room, scene_from_dict
from scenerevis.scene.model import Scene
from scenerevis.scene.placement import MeshResolver
from scenerevis.scene.validate import SceneFormatError
from scenerevis.tools.apply import apply_tool_calls
from scenerevis.tools.parse import parse_reply

log = logging.getLogger(__name__)

#: ``optimizer(scene, report, steps, evaluate) -> (repaired scene, one line per action taken)``
Optimizer = Callable[[Scene, PhysicsReport, int, Callable[[Scene], PhysicsReport]], tuple[Scene, list[str]]]
#: ``judge(scene, merged image path) -> feedback text``
Judge = Callable[[Scene, str], str]


def physics_metrics(report: PhysicsReport) -> dict[str, Any]:
    """The per-turn summary of a physics report (rates in %, depth in metres)."""
    return {
        "num_objects": report.num_objects,
        "collision_rate": report.collision_rate,
        "oob_rate": report.oob_rate,
        "colliding_objects": report.colliding_objects,
        "oob_objects": report.oob_objects,
        "max_penetration_depth": report.max_penetration_depth,
    }


class SceneEnv:
    """The scene environment of an episode; every part is optional and kept warm across episodes.

    Parameters
    ----------
    retriever : scenerevis.assets.Retriever or None
        Assets for new / replaced objects (None: objects stay boxes of their size).
    renderer : scenerevis.render.SceneRenderer or None
        Merged renders (None: no images).
    resolver : MeshResolver or None
        Meshes for physics (None: boxes).
    physics : PhysicsConfig
        Collision / out-of-bounds thresholds.
    optimizer : Optimizer or None
        Physics repair, used with ``EnvConfig.enable_physics_optimization``.
    judge : Judge or None
        VLM feedback, used with ``EnvConfig.enable_vlm_feedback``.
    config : EnvConfig
        Turn cap and feedback options.
    """

    def __init__(
        self,
        retriever: Any = None,
        renderer: Any = None,
        resolver: MeshResolver | None = None,
        physics: PhysicsConfig | None = None,
        optimizer: Optimizer | None = None,
        judge: Judge | None = None,
        config: EnvConfig | None = None,
    ) -> None:
        self.retriever = retriever
        self.renderer = renderer
        self.resolver = resolver
        self.physics = physics or PhysicsConfig()
        self.optimizer = optimizer
        self.judge = judge
        self.config = config or EnvConfig()
        self.requirement = ""
        self.scene: Scene | None = None
        self.turn = 0
        self.workdir: Path | None = None
        #: the record of the state ``reset`` started from (kind "initial_scene"), or None.
        self.initial_info: StepInfo | None = None
        self._obs: Observation | None = None
        self._done = False
        self._tmpdir: str | None = None

    # ------------------------------------------------------------------ parts
    def retrieve(self, scene: Scene, ids: list[str]) -> list[str]:
        """Retrieve assets for the objects ``ids`` in place; returns error lines (never raises)."""
        if self.retriever is None or not ids:
            return []
        wanted = set(ids)
        targets = [o for o in scene.objects if o.id in wanted]
        try:
            done = {o.id: o for o in self.retriever.retrieve_objects(targets)}
        except Exception as err:  # noqa: BLE001 - a retrieval failure must not end the episode
            log.error("retrieval failed for %s: %s", ids, err)
            return [f"asset retrieval failed ({type(err).__name__}: {err}); objects stay boxes"]
        scene.objects = [done.get(o.id, o) for o in scene.objects]
        return []

    def render(self, scene: Scene, path: Path) -> str | None:
        """Write the merged render of ``scene`` to ``path``; returns the error text or None."""
        if self.renderer is None:
            return "rendering disabled"
        return self.renderer.render_merged_png(scene, path).error

    def evaluate(self, scene: Scene) -> PhysicsReport:
        """Mesh physics (CNR / OBR) of ``scene``."""
        return evaluate_physics(scene, self.resolver, self.physics)

    def close(self) -> None:
        """Stop the renderer's worker and remove the temporary render folder."""
        if self.renderer is not None:
            self.renderer.close()
        self._drop_tmpdir()

    def _drop_tmpdir(self) -> None:
        if self._tmpdir is not None:
            shutil.rmtree(self._tmpdir, ignore_errors=True)
            self._tmpdir = None

    # ------------------------------------------------------------------ episode
    def reset(self, requirement: str, scene: Scene | None = None, workdir: str | Path | None = None) -> Observation:
        """Start an episode on ``requirement``; renders go to ``workdir/merged_iter_{turn}.png``.

        Without ``scene`` the first observation is the creation turn (turn 0, no image). With one,
        its assets are retrieved, it is rendered and evaluated (recorded in :attr:`initial_info`),
        and the first observation is edit turn 1.
        """
        self._drop_tmpdir()
        if workdir is None:
            self._tmpdir = tempfile.mkdtemp(prefix="scenerevis-env-")
            workdir = self._tmpdir
        self.workdir = Path(workdir)
        self.workdir.mkdir(parents=True, exist_ok=True)
        self.requirement = requirement
        self.initial_info = None
        self._done = False
        if scene is None:
            self.scene = None
            self.turn = 0
            self._obs = Observation(0, self.config.room_prompt or requirement)
            return self._obs
        self.scene = scene.copy()
        self.turn = 0
        info = StepInfo(0, None, "initial_scene")
        info.errors = self.retrieve(self.scene, [o.id for o in self.scene.objects if not o.asset_id])
        self._obs = self._finish(info, time.perf_counter())
        self.initial_info = info
        return self._obs

    def step(self, reply: str | None) -> tuple[Observation, StepInfo]:
        """Apply one reply of the policy; returns the next observation and the turn's record."""
        if self._obs is None:
            raise RuntimeError("SceneEnv.step called before reset")
        if self._done:
            raise RuntimeError("SceneEnv.step after the episode ended (terminate or the turn cap); call reset")
        t0 = time.perf_counter()
        turn = self._obs.turn
        reply = reply or ""
        cut = len(reply) > self.config.max_reply_chars
        if cut:
            size, reply = len(reply), reply[: self.config.max_reply_chars]
        info = StepInfo(turn, reply, "", feedback_in=self._obs.feedback)
        parsed = parse_reply(reply)
        info.kind = parsed.kind
        info.errors = [e.line() for e in parsed.errors]
        if cut:
            info.errors.insert(0, f"reply of {size} characters cut to the first {self.config.max_reply_chars} (max_reply_chars)")
        info.calls = [c.to_dict() for c in parsed.calls]
        if self.scene is None:  # creation turn
            self.scene = self._created_room(parsed, info)
            needs_asset: list[str] = []
            if parsed.kind == "tool_calls":  # edits in the creation turn apply to the default room
                needs_asset = self._apply(parsed.calls, info)
        else:
            if parsed.kind == "create_scene":
                info.errors.append("<create_scene> is only for the first turn; use <tool_calls> to edit")
            needs_asset = self._apply(parsed.calls, info)
        if turn > 0 or needs_asset:
            t = time.perf_counter()
            info.errors += self.retrieve(self.scene, needs_asset)
            info.timings["retrieve"] = time.perf_counter() - t
        cfg = self.config
        if turn > 0 and cfg.enable_physics_optimization and self.optimizer is not None and cfg.physics_opt_steps:
            t = time.perf_counter()
            self.scene, info.repairs = self.optimizer(self.scene, self.evaluate(self.scene), cfg.physics_opt_steps, self.evaluate)
            info.timings["optimize"] = time.perf_counter() - t
        info.truncated = not info.terminated and turn >= cfg.max_turns
        obs = self._finish(info, t0)
        return obs, info

    # ------------------------------------------------------------------ helpers
    def _created_room(self, parsed, info: StepInfo) -> Scene:
        scene = None
        if parsed.kind == "create_scene":
            try:
                scene = scene_from_dict(parsed.scene, "<create_scene>")
            except SceneFormatError as err:
                info.errors.append(f"[create_scene] {err}")
        if scene is None:
            w, d = self.config.default_room_xz
            corners = [[-w / 2, -d / 2], [w / 2, -d / 2], [w / 2, d / 2], [-w / 2, d / 2]]
            scene = make_room(corners, self.config.default_ceiling, room_id="default-room")
            info.errors.append(f"no usable <create_scene> room: a default {w:g} x {d:g} m room is used")
        return scene

    def _apply(self, calls, info: StepInfo) -> list[str]:
        applied = apply_tool_calls(self.scene, calls)
        self.scene = applied.scene
        info.results = [r.message for r in applied.results]
        info.errors += [e.line() for e in applied.errors]
        info.terminated = applied.terminated
        return list(applied.needs_asset)

    def _finish(self, info: StepInfo, t0: float) -> Observation:
        """Render and evaluate the scene after ``info``'s turn; the observation of the next turn."""
        scene = self.scene
        image = None
        if self.config.render:
            t = time.perf_counter()
            path = self.workdir / f"merged_iter_{info.turn}.png"
            info.render_error = self.render(scene, path)
            if path.exists():  # a failed render may still leave a placeholder image
                image = str(path)
                info.image = image
            info.timings["render"] = time.perf_counter() - t
        t = time.perf_counter()
        report = self.evaluate(scene)
        info.timings["physics"] = time.perf_counter() - t
        info.report = report
        info.metrics = physics_metrics(report)
        lines = [f"Errors in your last reply: {e}" for e in info.errors]
        if self.config.enable_physics_feedback:
            lines.append(physics_feedback(scene, report, self.config.feedback_top_k))
        if info.repairs:
            lines.append("The physics optimizer changed the scene: " + "; ".join(info.repairs))
        if self.config.enable_vlm_feedback and self.judge is not None and image is not None:
            try:
                lines.append(self.judge(scene, image))
            except Exception as err:  # noqa: BLE001 - judge failures are logged, not fatal
                log.error("VLM feedback failed: %s", err)
        info.timings["env"] = time.perf_counter() - t0
        self._done = info.done
        self.turn = info.turn + 1
        self._obs = Observation(self.turn, self.requirement, scene, image, "\n".join(lines) if lines else None)
        return self._obs
