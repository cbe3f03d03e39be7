"""formats.py: the neutral chat (:class:`~scenerevis.chat.messages.Message`) in each backend's format.

OpenAI content parts with base64 data URLs, the Qwen2.5-VL chat template of transformers, and ms-swift
SFT rows (``<image>`` tags kept, image paths listed in order).
"""

from __future__ import annotations

import base64
import mimetypes
from pathlib import Path
from typing import Any

from scenerevis.chat.messages import IMAGE_TOKEN, Message


def data_url(path: str | Path) -> str:
    """``data:<mime>;base64,...`` URL of an image file (the form OpenAI-compatible servers accept)."""
    mime = mimetypes.guess_type(str(path))[0] or "image/png"
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
            {"type": "text", "text": v} if k == "text" else {"type": "image_url", "image_url": {"url": data_url(v)}}
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
