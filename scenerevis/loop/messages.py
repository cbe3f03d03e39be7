"""messages.py: the chat a VLM policy sees (DESIGN.md section 3), built from the episode's turns.

One neutral form (role, text with ``<image>`` placeholders, image paths of that message), trimmed
by turns and by an estimated token budget, then converted to the OpenAI content-part format, the
Qwen2.5-VL/transformers format, or ms-swift SFT rows. Exactly one merged render is attached to each
edit turn's own user message.
"""

from __future__ import annotations

import base64
import json
import mimetypes
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

IMAGE_TOKEN = "<image>"


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


def user_text(requirement: str, record: TurnRecord) -> Message:
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
            msgs.append(user_text(requirement, rec))
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


def _data_url(path: str) -> str:
    mime = mimetypes.guess_type(path)[0] or "image/png"
    return f"data:{mime};base64," + base64.b64encode(Path(path).read_bytes()).decode("ascii")


def _split(message: Message) -> list[tuple[str, str]]:
    """[("text", ...), ("image", path), ...] in placeholder order."""
    out: list[tuple[str, str]] = []
    chunks = message.text.split(IMAGE_TOKEN)
    for i, chunk in enumerate(chunks):
        if chunk.strip():
            out.append(("text", chunk.strip("\n")))
        if i < len(message.images):
            out.append(("image", message.images[i]))
    return out


def to_openai(messages: list[Message]) -> list[dict[str, Any]]:
    """OpenAI chat format: images become ``image_url`` parts with base64 data URLs, in place."""
    out = []
    for m in messages:
        if not m.images:
            out.append({"role": m.role, "content": m.text})
            continue
        parts = [
            {"type": "text", "text": v} if k == "text" else {"type": "image_url", "image_url": {"url": _data_url(v)}}
            for k, v in _split(m)
        ]
        out.append({"role": m.role, "content": parts})
    return out


def to_qwen(messages: list[Message]) -> list[dict[str, Any]]:
    """Qwen2.5-VL chat-template format for transformers: ``{"type": "image", "image": path}`` parts."""
    out = []
    for m in messages:
        parts = [{"type": "text", "text": v} if k == "text" else {"type": "image", "image": v} for k, v in _split(m)]
        out.append({"role": m.role, "content": parts if m.images else m.text})
    return out


def to_swift_row(messages: list[Message]) -> dict[str, Any]:
    """ms-swift SFT row: ``{"messages": [{role, content}], "images": [paths in order]}`` keeping ``<image>``."""
    return {
        "messages": [{"role": m.role, "content": m.text} for m in messages],
        "images": [p for m in messages for p in m.images],
    }
