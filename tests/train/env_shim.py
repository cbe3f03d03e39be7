"""Temporary stand-in for ``scenerevis.env`` (ENV_SPEC) until it lands on main; built from the
legacy loop's parts. Removed once ``scenerevis.env`` exists (the fixtures prefer the real one)."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from scenerevis.loop.env import SceneEnv as _LegacyEnv
from scenerevis.physics.config import PhysicsConfig
from scenerevis.physics.feedback import physics_feedback
from scenerevis.scene.formats import make_room, scene_from_dict
from scenerevis.tools.apply import apply_tool_calls
from scenerevis.tools.parse import parse_reply


@dataclass
class Observation:
    turn: int
    requirement: str
    scene: object = None
    image_path: str | None = None
    feedback: str | None = None


@dataclass
class EnvConfig:
    max_turns: int = 10
    render: bool = True
    enable_physics_feedback: bool = True
    feedback_top_k: int = 5


@dataclass
class StepInfo:
    turn: int
    reply: str
    kind: str
    errors: list = field(default_factory=list)
    report: object = None
    image: str | None = None
    render_error: str | None = None
    terminated: bool = False
    truncated: bool = False

    @property
    def done(self) -> bool:
        return self.terminated or self.truncated


class SceneEnv:
    def __init__(self, retriever=None, renderer=None, resolver=None, physics=None, config: EnvConfig | None = None):
        self.inner = _LegacyEnv(retriever=retriever, renderer=renderer, resolver=resolver, physics=physics or PhysicsConfig())
        self.resolver = resolver
        self.config = config or EnvConfig()
        self.scene = None
        self.turn = 0

    def reset(self, requirement, scene=None, workdir=None):
        self.requirement = requirement
        self.workdir = Path(workdir or tempfile.mkdtemp())
        self.scene = None
        self.turn = 0
        return Observation(0, requirement)

    def step(self, reply):
        parsed = parse_reply(reply)
        errors = [e.line() for e in parsed.errors]
        terminated = False
        if self.turn == 0:
            scene = (
                scene_from_dict(parsed.scene)
                if parsed.kind == "create_scene"
                else make_room([[-2, -2.5], [2, -2.5], [2, 2.5], [-2, 2.5]])
            )
        else:
            applied = apply_tool_calls(self.scene, parsed.calls)
            scene = applied.scene
            errors += [e.line() for e in applied.errors]
            errors += self.inner.retrieve(scene, applied.needs_asset)
            terminated = applied.terminated
        self.scene = scene
        image = None
        render_error = None
        if self.config.render and self.inner.renderer is not None:
            path = self.workdir / f"merged_iter_{self.turn}.png"
            render_error = self.inner.render(scene, path)
            image = str(path) if path.exists() else None
        report = self.inner.evaluate(scene)
        lines = [f"Errors in your last reply: {e}" for e in errors]
        if self.config.enable_physics_feedback:
            lines.append(physics_feedback(scene, report, self.config.feedback_top_k))
        info = StepInfo(
            self.turn, reply, parsed.kind, errors, report, image, render_error, terminated, self.turn >= self.config.max_turns
        )
        self.turn += 1
        return Observation(self.turn, self.requirement, scene, image, "\n".join(lines) if lines else None), info

    def close(self):
        self.inner.close()
