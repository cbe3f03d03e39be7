"""brief_words.py: what the prompt reader makes of a text, in the shapes the reader's tests compare."""

from __future__ import annotations

from scenerevis.policy.prompt_parse import parse_prompt


def rels(text: str) -> set[tuple]:
    """(kind, subject, target, subject text, target text) of each relation the reader finds in ``text``."""
    return {(r.kind, r.subject, r.target, r.subject_text, r.target_text) for r in parse_prompt(text).relations}


def counts(text: str) -> dict[str, int]:
    """Requested count per category (per description for an open-vocabulary piece)."""
    out: dict[str, int] = {}
    for i in parse_prompt(text).items:
        key = i.desc if i.category == "generic_object" else i.category
        out[key] = out.get(key, 0) + i.count
    return out
