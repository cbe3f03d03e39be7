"""simulate.py: a render-free driver of :class:`~scenerevis.env.SceneEnv` for testing policies.

No files, no renders, no assets (objects stay boxes of their ``size``): only the policy's text and
geometry are exercised, through the same environment step as the full loop.
"""

from __future__ import annotations

from scenerevis.env import EnvConfig, SceneEnv, StepInfo
from scenerevis.policy.base import Policy
from scenerevis.policy.registry import make_policy
from scenerevis.scene.model import Scene


def run_episode(
    policy: Policy,
    prompt: str,
    iterations: int = 10,
    seed: int = 0,
    initial_scene: Scene | None = None,
    feedback: bool = False,
) -> tuple[Scene | None, list[StepInfo]]:
    """Run ``policy`` for at most ``iterations`` turns (the creation turn included).

    Returns the final scene and the per-turn records. With ``initial_scene`` the creation turn is
    skipped and editing starts from it (turn 1). ``feedback`` puts the physics report into each turn.
    """
    if iterations < 1:
        raise ValueError(f"iterations must be >= 1, got {iterations}")
    max_turns = iterations if initial_scene is not None else iterations - 1
    env = SceneEnv(config=EnvConfig(max_turns=max_turns, render=False, enable_physics_feedback=feedback))
    policy.reset(prompt, seed)
    turns: list[StepInfo] = []
    try:
        obs = env.reset(prompt, initial_scene)
        while obs.turn <= max_turns:
            obs, info = env.step(policy.act(obs))
            turns.append(info)
            if info.done:
                break
    finally:
        env.close()
    return env.scene, turns


def run_rule_episode(
    prompt: str, iterations: int = 10, seed: int = 0, initial_scene: Scene | None = None, **config
) -> tuple[Scene | None, list[StepInfo]]:
    """:func:`run_episode` with the built-in ``rule`` policy built from ``config``."""
    return run_episode(make_policy("rule", **config), prompt, iterations, seed, initial_scene)
