"""simulate.py: a render-free episode driver for testing policies: reply -> parse_reply -> apply_tool_calls, turn after turn.

Objects get no assets (they stay boxes of their ``size``). The real loop with retrieval and
rendering lives elsewhere; this one only checks the policy's text and geometry.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from scenerevis.physics import evaluate_physics, physics_feedback
from scenerevis.policy.base import Observation, Policy
from scenerevis.policy.registry import make_policy
from scenerevis.scene.formats import scene_from_dict
from scenerevis.scene.model import Scene
from scenerevis.scene.validate import SceneFormatError
from scenerevis.tools import apply_tool_calls, parse_reply


@dataclass
class TurnRecord:
    """One turn: the raw reply, what it parsed to, and the errors of parsing and applying it."""

    turn: int
    reply: str
    kind: str
    num_calls: int
    errors: list[str] = field(default_factory=list)
    terminated: bool = False


def run_episode(
    policy: Policy,
    prompt: str,
    iterations: int = 10,
    seed: int = 0,
    initial_scene: Scene | None = None,
    feedback: bool = False,
) -> tuple[Scene | None, list[TurnRecord]]:
    """Run ``policy`` for at most ``iterations`` turns (the creation turn included).

    Returns the final scene (None if no room was ever created) and the per-turn records. With
    ``initial_scene`` the creation turn is skipped and editing starts from it (turn 1).
    """
    policy.reset(prompt, seed)
    scene = initial_scene.copy() if initial_scene is not None else None
    turns: list[TurnRecord] = []
    turn = 0 if scene is None else 1
    while len(turns) < iterations:
        text = None
        if feedback and scene is not None and scene.objects:
            text = physics_feedback(scene, evaluate_physics(scene))
        reply = policy.act(Observation(turn, prompt, scene, None, text))
        parsed = parse_reply(reply)
        rec = TurnRecord(turn, reply, parsed.kind, len(parsed.calls), [e.line() for e in parsed.errors])
        if parsed.kind == "create_scene" and parsed.scene is not None:
            try:
                scene = scene_from_dict(parsed.scene, "<create_scene>")
            except SceneFormatError as err:  # the validator's one-line error goes into the record
                rec.errors.append(str(err))
        elif parsed.kind == "tool_calls" and scene is not None:
            result = apply_tool_calls(scene, parsed.calls)
            scene = result.scene
            rec.errors.extend(e.line() for e in result.errors)
            rec.terminated = result.terminated
        turns.append(rec)
        turn += 1
        if rec.terminated:
            break
    return scene, turns


def run_rule_episode(
    prompt: str, iterations: int = 10, seed: int = 0, initial_scene: Scene | None = None, **config
) -> tuple[Scene | None, list[TurnRecord]]:
    """:func:`run_episode` with the built-in ``rule`` policy built from ``config``."""
    return run_episode(make_policy("rule", **config), prompt, iterations, seed, initial_scene)
