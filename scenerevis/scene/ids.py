"""ids.py: unique per-object instance ids (``bed_1``, ``nightstand_2``) for scenes that lack them."""

from __future__ import annotations

import re

_WORD = re.compile(r"[a-z]+")
_STOP = {"a", "an", "the", "with", "and", "of", "in", "on", "for", "modern", "small", "large", "big"}


def id_stem(desc: str) -> str:
    """Lower-case stem for an id: the last noun-ish word before 'with'/'in' in ``desc``, else 'object'."""
    head = re.split(r"\b(?:with|in|on|for|that|and)\b", desc.lower(), maxsplit=1)[0]
    words = [w for w in _WORD.findall(head) if w not in _STOP]
    return words[-1] if words else "object"


def make_instance_id(desc: str, taken: set[str]) -> str:
    """``<stem>_<n>`` with the smallest n >= 1 not in ``taken``."""
    stem = id_stem(desc)
    n = 1
    while f"{stem}_{n}" in taken:
        n += 1
    return f"{stem}_{n}"
