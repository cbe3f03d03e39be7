"""rule_config.py: RuleConfig, the options of the built-in rule-based designer policy."""

from __future__ import annotations

from dataclasses import dataclass

from scenerevis.chat.messages import MAX_REPLY_CHARS


@dataclass
class RuleConfig:
    """Options of :class:`scenerevis.policy.rule.RulePolicy`."""

    extras: bool = True  # add the room type's usual extras (rug, lamps, plant...) beyond essentials and requests
    l_shape_prob: float = 0.1  # chance of an L-shaped room when the prompt does not ask for one
    repair: bool = True  # read the physics of the current scene and repair collisions / out-of-bounds objects
    max_repair_turns: int = 3  # repair turns before giving up and terminating
    think: bool = True  # write a <think> block with the designer's reasoning
    # longest reply (characters) a turn sends: more pieces than fit go in the next turns (the loop cuts longer ones)
    max_reply_chars: int = MAX_REPLY_CHARS

    def __post_init__(self) -> None:
        if not 0.0 <= self.l_shape_prob <= 1.0:
            raise ValueError(f"l_shape_prob must be in [0, 1], got {self.l_shape_prob}")
        if self.max_reply_chars < 1:
            raise ValueError(f"max_reply_chars must be >= 1, got {self.max_reply_chars}")
        if self.max_repair_turns < 0:
            raise ValueError(f"max_repair_turns must be >= 0, got {self.max_repair_turns}")
