"""base.py: the policy interface the episode loop calls: an :class:`Observation` in, the raw reply text of the protocol out."""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from scenerevis.env.types import Observation


@runtime_checkable
class Policy(Protocol):
    """A designer: ``reset`` once per episode, then ``act`` once per turn.

    ``act`` returns the reply exactly as a model would write it (DESIGN.md section 3): on turn 0 a
    ``<create_scene>`` block with the empty room, later ``<think>`` + ``<tool_calls>``.
    """

    name: str

    def reset(self, requirement: str, seed: int) -> None: ...

    def act(self, obs: Observation) -> str: ...


__all__ = ["Observation", "Policy"]
