"""base.py: the policy interface the episode loop calls: an observation in, the raw reply text of the protocol out."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from scenerevis.scene.model import Scene


@dataclass
class Observation:
    """What a policy sees on one turn.

    Attributes
    ----------
    turn : int
        0 is the creation turn (no scene yet); edit turns count from 1.
    requirement : str
        The user's prompt.
    scene : Scene or None
        The current scene (world frame, metres); None on the creation turn.
    image_path : str or None
        Merged render of the current scene (top-down + diagonal); None on turn 0.
    feedback : str or None
        Physics / VLM / tool-error feedback for this turn, when enabled.
    """

    turn: int
    requirement: str
    scene: Scene | None = None
    image_path: str | None = None
    feedback: str | None = None


@runtime_checkable
class Policy(Protocol):
    """A designer: ``reset`` once per episode, then ``act`` once per turn.

    ``act`` returns the reply exactly as a model would write it (DESIGN.md section 3): on turn 0 a
    ``<create_scene>`` block with the empty room, later ``<think>`` + ``<tool_calls>``.
    """

    name: str

    def reset(self, requirement: str, seed: int) -> None: ...

    def act(self, obs: Observation) -> str: ...
