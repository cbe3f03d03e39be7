"""Policies standing in for a model's answers in loop tests (everything around them is real)."""

from __future__ import annotations

import time

from scenerevis.scene import make_room, scene_to_flat
from scenerevis.tools import format_create_scene, format_tool_calls


class FurnishingPolicy:
    """Creates a 4 x 4 m room, adds a bed and a nightstand, then terminates; ``delay`` seconds per turn."""

    name = "furnishing"

    def __init__(self, delay: float = 0.0):
        self.delay = delay

    def reset(self, requirement: str, seed: int) -> None:
        self.requirement = requirement

    def act(self, obs) -> str:
        time.sleep(self.delay)
        if obs.turn == 0:
            room = make_room([[-2, -2], [2, -2], [2, 2], [-2, 2]], room_type="bedroom", room_id=self.requirement[:20])
            return format_create_scene(scene_to_flat(room))
        if obs.turn == 1:
            return format_tool_calls(
                [
                    {
                        "name": "add_object",
                        "arguments": {
                            "object_description": "queen bed with a grey headboard",
                            "position": [0, 0, -0.9],
                            "rotation": [0, 0, 0, 1],
                            "size": [1.6, 1.0, 2.1],
                        },
                    },
                    {
                        "name": "add_object",
                        "arguments": {
                            "object_description": "oak nightstand",
                            "position": [-1.2, 0, -1.7],
                            "rotation": [0, 0, 0, 1],
                            "size": [0.5, 0.55, 0.4],
                        },
                    },
                ],
                "bed against the back wall, nightstand beside it",
            )
        return format_tool_calls([{"name": "terminate", "arguments": {"reason": "done"}}], "complete")


class FailingPolicy(FurnishingPolicy):
    """Fails its first turn (a backend error after retries); the batch must report it and exit non-zero."""

    name = "failing"

    def act(self, obs) -> str:
        raise RuntimeError("backend unavailable")


class RunawayPolicy(FurnishingPolicy):
    """Like :class:`FurnishingPolicy`, but its edit replies carry ``pad`` characters of rambling first."""

    name = "runaway"

    def __init__(self, pad: int = 200_000):
        super().__init__()
        self.pad = pad

    def act(self, obs) -> str:
        reply = super().act(obs)
        return reply if obs.turn == 0 else "<think>" + "x" * self.pad + "</think>\n" + reply.split("</think>", 1)[-1]
