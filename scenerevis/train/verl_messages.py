"""verl_messages.py: our chat messages in the content-block form verl 0.9's multimodal tokenization reads.

verl's VL Continuous Token builder renders a message ``{"role", "content": [{"type": "image", "image":
PIL}, {"type": "text", "text": ...}]}`` through the processor's chat template, which writes the
model's vision placeholder for each image block. The text around each ``<image>`` placeholder is kept
byte for byte (newlines included), so a rendered turn reads exactly like the same turn of an ms-swift
SFT row, where ``<image>`` is replaced in place by the vision tokens.

No verl import here: these helpers are plain data transforms (tested without verl).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from scenerevis.chat import IMAGE_TOKEN, Message


def to_verl_message(message: Message, load_image: Callable[[str], Any]) -> tuple[dict[str, Any], list[Any]]:
    """``(verl message, images in order)`` for one of our messages.

    A message without images keeps plain string content. Otherwise the text is split at each
    ``<image>`` into text blocks (empty pieces dropped, nothing stripped) with an image block, holding
    ``load_image(path)``, in place of each placeholder.
    """
    if not message.images:
        return {"role": message.role, "content": message.text}, []
    pieces = message.text.split(IMAGE_TOKEN)
    content: list[dict[str, Any]] = []
    images: list[Any] = []
    for i, piece in enumerate(pieces):
        if piece:
            content.append({"type": "text", "text": piece})
        if i < len(message.images):
            image = load_image(message.images[i])
            images.append(image)
            content.append({"type": "image", "image": image})
    return {"role": message.role, "content": content}, images


def message_text(message: dict[str, Any]) -> str:
    """The text of a verl/OpenAI-style message (string content, or its text blocks joined)."""
    content = message.get("content")
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        return "".join(b.get("text", "") for b in content if isinstance(b, dict) and b.get("type") == "text")
    return ""


def requirement_of(messages: list[dict[str, Any]], extra_info: dict[str, Any] | None = None) -> str:
    """The episode's requirement: ``extra_info["requirement"]`` when the row has it, else the text of
    the prompt's last user message. A row with neither is a one-line error."""
    if extra_info and isinstance(extra_info.get("requirement"), str) and extra_info["requirement"].strip():
        return extra_info["requirement"]
    for m in reversed(messages):
        if m.get("role") == "user":
            text = message_text(m).replace(IMAGE_TOKEN, "").strip()
            if text:
                return text
    raise ValueError("RL row: no requirement (neither extra_info.requirement nor a user message in prompt)")
