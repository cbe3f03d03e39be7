"""swift_reward.py: the turn scorer behind the ms-swift GRPO plugins (per-turn score, trajectory reward).

The scheduler of :mod:`scenerevis.train.swift_plugin` scores every turn while the scene and the
environment's :class:`~scenerevis.env.StepInfo` are live, records the scores in ``rollout_infos``, and the
reward function reduces them to one number per trajectory. Both go through a :class:`TurnScorer`:

- :class:`ModuleScorer` uses the project's reward module ``scenerevis.train.reward`` (``score_turn``,
  ``trajectory_reward``, ``RewardConfig.from_yaml``) and its weights file;
- :class:`PhysicsScorer` is a small stand-in used only when that module is not installed: creation format,
  tool errors and the collision / out-of-bounds rates of ``StepInfo.metrics``;
- ``SCENEREVIS_SWIFT_SCORER=package.module:factory`` plugs in any other scorer (``factory(config_path)``).

Scores are in [-1, 1]; rates in percent (as in ``StepInfo.metrics``).
"""

from __future__ import annotations

import importlib
import logging
import os
from dataclasses import dataclass, field
from typing import Any, Protocol

log = logging.getLogger(__name__)

#: Environment variable naming a scorer factory ``package.module:callable`` (called with the weights path).
SCORER_ENV = "SCENEREVIS_SWIFT_SCORER"


@dataclass
class TurnResult:
    """The score of one turn: ``total`` in [-1, 1] and its named components (each in [-1, 1])."""

    total: float
    components: dict[str, float] = field(default_factory=dict)


class TurnScorer(Protocol):
    """What the plugins need of a reward: one score per turn and the trajectory's reward from them."""

    name: str

    def score(self, scene: Any, info: Any, requirement: str) -> TurnResult:
        """Score the turn ``info`` (a StepInfo) that left ``scene`` (a Scene or None)."""
        ...

    def trajectory(self, turn_scores: list[float], num_turns: int) -> float:
        """The reward of a trajectory of ``num_turns`` assistant turns scored ``turn_scores``."""
        ...


def _clip(x: float) -> float:
    return max(-1.0, min(1.0, float(x)))


@dataclass
class PhysicsScorer:
    """Stand-in reward from what the environment measured (no reward module needed).

    Creation turn: 1 for a usable ``<create_scene>`` room without errors, else -1. Edit turns:
    ``1 - (collision_rate + oob_rate) / 100 - error_penalty * errors`` clipped to [-1, 1], and 0 for a
    scene without objects (nothing to judge) less the same error penalty. Trajectory: the last turn's score, ``short_penalty`` when
    the trajectory has at most ``min_turns`` assistant turns.
    """

    error_penalty: float = 0.25  # per format / tool error line of the turn
    min_turns: int = 1  # trajectories of at most this many assistant turns get short_penalty
    short_penalty: float = -1.0
    name: str = "physics-stand-in"

    def score(self, scene: Any, info: Any, requirement: str) -> TurnResult:
        errors = len(getattr(info, "errors", []) or [])
        if int(info.turn) == 0:
            ok = info.kind == "create_scene" and errors == 0
            return TurnResult(1.0 if ok else -1.0, {"format": 1.0 if ok else -1.0})
        metrics = getattr(info, "metrics", {}) or {}
        fmt = _clip(1.0 - self.error_penalty * errors)
        if int(metrics.get("num_objects", 0)) == 0:
            return TurnResult(_clip(-self.error_penalty * errors), {"format": fmt})
        rates = float(metrics.get("collision_rate", 0.0)) + float(metrics.get("oob_rate", 0.0))
        physics = _clip(1.0 - rates / 100.0)
        return TurnResult(_clip(physics - self.error_penalty * errors), {"format": fmt, "physics": physics})

    def trajectory(self, turn_scores: list[float], num_turns: int) -> float:
        if not turn_scores or num_turns <= self.min_turns:
            return self.short_penalty
        return _clip(turn_scores[-1])


class ModuleScorer:
    """The project's reward module ``scenerevis.train.reward`` with the weights file ``config_path``."""

    name = "scenerevis.train.reward"

    def __init__(self, config_path: str | None = None) -> None:
        self._reward = importlib.import_module("scenerevis.train.reward")
        rc = importlib.import_module("scenerevis.train.reward_config")
        self.config = rc.RewardConfig.from_yaml(config_path) if config_path else rc.RewardConfig.default()
        self.config_path = config_path

    def score(self, scene: Any, info: Any, requirement: str) -> TurnResult:
        s = self._reward.score_turn(scene, info, self.config, requirement=requirement)
        return TurnResult(float(s.total), {k: float(v) for k, v in s.components.items()})

    def trajectory(self, turn_scores: list[float], num_turns: int) -> float:
        return float(self._reward.trajectory_reward(turn_scores, num_turns, self.config))


def reward_module_available() -> bool:
    """True when ``scenerevis.train.reward`` is installed (the stand-in is used otherwise)."""
    return importlib.util.find_spec("scenerevis.train.reward") is not None


def load_scorer(config_path: str | None = None, factory: str | None = None) -> TurnScorer:
    """The scorer to use: ``factory`` (or ``$SCENEREVIS_SWIFT_SCORER``), else the reward module, else
    :class:`PhysicsScorer`. A weights file given while the reward module is missing is an error."""
    factory = factory or os.environ.get(SCORER_ENV) or None
    if factory:
        module, _, attr = factory.partition(":")
        if not attr:
            raise ValueError(f"{SCORER_ENV}: expected 'package.module:factory', got {factory!r}")
        return getattr(importlib.import_module(module), attr)(config_path)
    if reward_module_available():
        return ModuleScorer(config_path)
    if config_path:
        raise ValueError(f"reward weights file {config_path!r} given, but scenerevis.train.reward is not installed")
    log.warning("scenerevis.train.reward not found: using the physics stand-in reward")
    return PhysicsScorer()
