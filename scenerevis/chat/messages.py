"""messages.py: the chat a VLM policy sees (DESIGN.md section 3), built from the episode's turns.

One neutral form (role, text with ``<image>`` placeholders, image paths of that message), trimmed by
turns and by an estimated token budget. :mod:`scenerevis.chat.formats` converts it for a backend.
Exactly one merged render is attached to each edit turn's own user message.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

IMAGE_TOKEN = "<image>"
#: Longest reply (characters) kept in the context and written to disk; longer ones are cut and the cut is
#: reported in the turn's errors (a runaway 5 MB reply would otherwise be resent on every later turn).
MAX_REPLY_CHARS = 32_768


@dataclass
class Message:
    """One chat message. ``images`` are the files for the ``<image>`` placeholders in ``text``, in order."""

    role: str
    text: str
    images: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        if self.text.count(IMAGE_TOKEN) != len(self.images):
            raise ValueError(
                f"{self.role} message has {self.text.count(IMAGE_TOKEN)} {IMAGE_TOKEN} placeholders but {len(self.images)} images"
            )


@dataclass
class TurnRecord:
    """What one turn showed the policy and what it answered.

    ``scene`` is the flat scene dict shown in the user message (None on the creation turn);
    ``image`` the merged render of that scene; ``reply`` the assistant text (None while pending).
    """

    turn: int
    scene: dict[str, Any] | None = None
    image: str | None = None
    feedback: str | None = None
    reply: str | None = None


def user_message(requirement: str, record: TurnRecord) -> Message:
    """The user message of a turn: the plain requirement on turn 0; otherwise ``<image>``, the
    requirement, an optional ``<feedback>`` block and the ``<current_scene>`` JSON."""
    if record.scene is None:
        return Message("user", requirement)
    parts = []
    images = []
    if record.image is not None:
        parts.append(IMAGE_TOKEN)
        images.append(str(record.image))
    parts.append(requirement)
    if record.feedback:
        parts.append(f"<feedback>\n{record.feedback}\n</feedback>")
    parts.append(f"<current_scene>\n```json\n{json.dumps(record.scene, indent=2)}\n```\n</current_scene>")
    return Message("user", "\n".join(parts), images)


def estimate_tokens(message: Message, tokens_per_image: int) -> int:
    """Rough token count: 1 token per 4 characters plus a fixed cost per image."""
    return len(message.text) // 4 + 8 + tokens_per_image * len(message.images)


def build_conversation(
    system_prompt: str,
    requirement: str,
    records: list[TurnRecord],
    max_history_turns: int | None = None,
    max_context_tokens: int | None = None,
    tokens_per_image: int = 800,
) -> list[Message]:
    """System + turns, ending with the last record's user message (its reply is left out when None).

    Trimming keeps the system prompt, the creation turn (turn 0) and the current turn; of the edit
    turns in between it keeps at most ``max_history_turns`` most recent ones, then drops the oldest
    until the estimate fits ``max_context_tokens``.
    """
    if not records:
        raise ValueError("build_conversation needs at least the current turn")
    first, middle, current = records[0], records[1:-1], records[-1]
    if max_history_turns is not None:
        middle = middle[len(middle) - max_history_turns :] if max_history_turns > 0 else []

    def assemble(mid: list[TurnRecord]) -> list[Message]:
        msgs = [Message("system", system_prompt)]
        for rec in ([first] if len(records) > 1 else []) + mid + [current]:
            msgs.append(user_message(requirement, rec))
            if rec.reply is not None and rec is not current:
                msgs.append(Message("assistant", rec.reply))
        return msgs

    msgs = assemble(middle)
    while (
        max_context_tokens is not None and middle and sum(estimate_tokens(m, tokens_per_image) for m in msgs) > max_context_tokens
    ):
        middle = middle[1:]
        msgs = assemble(middle)
    return msgs


def count_images(messages: list[Message]) -> int:
    """Number of images attached across ``messages``."""
    return sum(len(m.images) for m in messages)
