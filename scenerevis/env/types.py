"""types.py: what the scene environment takes and gives per turn: EnvConfig, Observation, StepInfo."""

from __future__ import annotations

import copy
from dataclasses import dataclass, field, fields
from typing import Any

from scenerevis.chat.messages import MAX_REPLY_CHARS
from scenerevis.physics.evaluate import PhysicsReport
from scenerevis.scene.model import Scene


@dataclass
class EnvConfig:
    """Options of one episode of :class:`~scenerevis.env.SceneEnv` (lengths in metres)."""

    max_turns: int = 10  # edit turns after the creation turn (infer.py --iterations); the episode ends earlier at terminate
    render: bool = True  # render every turn (off: no images, e.g. for fast physics-only runs)
    enable_physics_feedback: bool = True  # put the physics report of the current scene in the next user turn
    enable_vlm_feedback: bool = False  # ask the judge for feedback on each render (needs a judge)
    enable_physics_optimization: bool = False  # repair collisions / out-of-bounds after each turn's edits
    physics_opt_steps: int = 3  # repair passes per turn when the optimizer is on
    feedback_top_k: int = 5  # collisions / OOB objects listed in the feedback
    room_prompt: str | None = None  # text shown in the creation turn instead of the requirement
    default_room_xz: tuple[float, float] = (4.0, 5.0)  # room used when the creation reply is unusable (m)
    default_ceiling: float = 2.7  # ceiling of that room (m)
    max_reply_chars: int = MAX_REPLY_CHARS  # longer replies are cut to this many characters (reported as an error)

    def __post_init__(self) -> None:
        if self.max_turns < 0:
            raise ValueError(f"max_turns must be >= 0, got {self.max_turns}")
        if self.physics_opt_steps < 0:
            raise ValueError(f"physics_opt_steps must be >= 0, got {self.physics_opt_steps}")
        if self.max_reply_chars < 1:
            raise ValueError(f"max_reply_chars must be >= 1, got {self.max_reply_chars}")
        if self.feedback_top_k < 0:
            raise ValueError(f"feedback_top_k must be >= 0, got {self.feedback_top_k}")
        if min(self.default_room_xz) <= 0 or self.default_ceiling <= 0:
            raise ValueError("default_room_xz and default_ceiling must be > 0")


@dataclass
class Observation:
    """What a policy sees on one turn.

    Attributes
    ----------
    turn : int
        0 is the creation turn (no scene yet); edit turns count from 1.
    requirement : str
        The user's prompt (on the creation turn: ``EnvConfig.room_prompt`` when set).
    scene : Scene or None
        The current scene (world frame, metres); None on the creation turn.
    image_path : str or None
        Merged render of the current scene (top-down + diagonal); None on turn 0 or without rendering.
    feedback : str or None
        Physics / tool-error / judge feedback for this turn, when enabled.
    """

    turn: int
    requirement: str
    scene: Scene | None = None
    image_path: str | None = None
    feedback: str | None = None


@dataclass
class StepInfo:
    """Everything about one turn: the reply, what it did, and the state it left (one line of ``turns.jsonl``).

    ``turn`` is the turn the reply answered (0 = creation). ``errors`` holds every format, tool and
    retrieval error of the turn, one line each (they are also the start of the next turn's feedback).
    ``metrics`` and ``report`` describe the scene after the turn; ``image`` is its merged render.
    Times in seconds.
    """

    turn: int
    reply: str | None
    kind: str
    feedback_in: str | None = None  # the feedback the policy saw when it wrote ``reply``
    calls: list[dict[str, Any]] = field(default_factory=list)
    results: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    metrics: dict[str, Any] = field(default_factory=dict)
    repairs: list[str] = field(default_factory=list)
    image: str | None = None
    render_error: str | None = None
    terminated: bool = False  # the reply called terminate
    truncated: bool = False  # the turn cap was reached
    timings: dict[str, float] = field(default_factory=dict)
    report: PhysicsReport | None = field(default=None, repr=False)  # full physics report (not serialised)

    @property
    def done(self) -> bool:
        """The episode is over (terminate called or turn cap reached)."""
        return self.terminated or self.truncated

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready fields (the physics report left out: ``metrics`` summarises it)."""
        return copy.deepcopy({f.name: getattr(self, f.name) for f in fields(self) if f.name != "report"})
