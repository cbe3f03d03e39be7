"""arrange.py: arrangement requests of a prompt ("two desks back to back in the middle") as relation constraints.

Relations (a fixed vocabulary): ``against_wall``, ``middle``, ``corner``, ``in_row``, ``side_by_side``,
``back_to_back``, ``opposite`` (facing each other), ``facing``, ``next_to``, ``on_top``, ``between`` and
``around``. Each is read from the words right after an object phrase (or, for "rows of", right before
it) up to the next object phrase; its ``target`` is the category of the next (or, for "it" / "them",
the previous) object phrase. The layout tries to meet them (:mod:`layout`), the narrator reports
each as met or not, judged on the finished scene by :mod:`brief_check`'s geometry.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Relation:
    """``subject`` category in relation ``kind`` to ``target`` (a category, or None for the room itself /
    the other instances of ``subject``); ``text`` the words it came from."""

    kind: str
    subject: str
    target: str | None = None
    text: str = ""


_SELF = [
    ("against_wall", r"\b(?:against|along|on|by|lining)\s+(?:the\s+|a\s+|one\s+)?(?:\w+\s+)?wall\b(?!-)"),
    ("middle", r"\bin\s+the\s+(?:middle|centre|center)\b|\bcent(?:er|re)d\b|\bat\s+the\s+cent(?:er|re)\b"),
    ("corner", r"\bin\s+(?:a|the|one)\s+(?:\w+\s+)?corner\b|\bcornered\b"),
    ("in_row", r"\bin\s+(?:a|one|two|three|four)\s+rows?\b|\bin\s+rows\b|\blined\s+up\b|\bin\s+a\s+line\b"),
    ("side_by_side", r"\bside\s+by\s+side\b"),
    ("back_to_back", r"\bback\s+to\s+back\b"),
    ("opposite", r"\b(?:facing|opposite)\s+each\s+other\b"),
]
_TO_NEXT = [
    ("facing", r"\bfacing\s+(?:the\s+|a\s+|an\s+|two\s+)?(?:\w+\s+)?$"),
    ("next_to", r"\b(?:next\s+to|beside|alongside|by)\s+(?:the\s+|a\s+|an\s+)?(?:[a-z\-]+\s+){0,2}$"),
    ("on_top", r"\b(?:on\s+top\s+of|on|atop)\s+(?:the\s+|a\s+|an\s+)?(?:[a-z\-]+\s+){0,2}$"),
    ("between", r"\bbetween\s+(?:the\s+|two\s+)?(?:[a-z\-]+\s+){0,2}$"),
    ("around", r"\baround\s+(?:the\s+|a\s+|an\s+)?(?:[a-z\-]+\s+){0,2}$"),
]
_TO_PREVIOUS = [
    ("facing", r"\bfacing\s+(?:it|them)\b"),
    ("between", r"\bbetween\s+them\b"),
    ("around", r"\baround\s+(?:it|them)\b"),
]


def parse_relations(text: str, spans: list[tuple[int, int, str, int]]) -> list[Relation]:
    """Relations of ``text`` given its object phrases ``spans``: (start, end, category, count), any order."""
    spans = sorted(spans)
    low = text.lower()
    out: list[Relation] = []
    seen: set[tuple] = set()

    def add(kind: str, subj: str, target: str | None, words: str) -> None:
        key = (kind, subj, target)
        if key not in seen:
            seen.add(key)
            out.append(Relation(kind, subj, target, words.strip()))

    for k, (start, end, cat, count) in enumerate(spans):
        stop = spans[k + 1][0] if k + 1 < len(spans) else len(text)
        tail = low[end:stop]
        cut = re.search(r"[.;!?]", tail)
        clause = tail[: cut.start()] if cut else tail
        prev = spans[k - 1] if k > 0 else None
        nxt = spans[k + 1] if k + 1 < len(spans) and not cut else None
        before = low[max(0, start - 24) : start]
        if re.search(r"\brows?\s+of\s+(?:\w+\s+)?$", before):
            add("in_row", cat, None, "rows of")
        for kind, pat in _SELF:
            m = re.search(pat, clause)
            if not m:
                continue
            target = None
            if kind in ("side_by_side", "back_to_back", "opposite") and count < 2 and prev is not None:
                joined = low[prev[1] : start]
                if re.fullmatch(r"\s*(?:and|,)\s*(?:a|an|the|one)?\s*", joined):
                    target = prev[2]  # "a washer and a dryer side by side"
            if kind == "against_wall" and re.search(r"\bwall-mounted\b", clause):
                continue
            subj = cat
            if kind in ("middle", "corner", "against_wall") and prev is not None:
                if re.fullmatch(r"\s*with\s+(?:[a-z]+\s+){0,2}", low[prev[1] : start]):
                    subj = prev[2]  # "a round table with four chairs in the middle": the table is
            add(kind, subj, target, m.group(0))
        for kind, pat in _TO_PREVIOUS:
            m = re.search(pat, clause)
            if m and prev is not None:
                add(kind, cat, prev[2], m.group(0))
        if nxt is not None:
            for kind, pat in _TO_NEXT:
                m = re.search(pat, clause)
                if m:
                    add(kind, cat, nxt[2], m.group(0) + low[nxt[0] : nxt[1]])
                    break
    return out
