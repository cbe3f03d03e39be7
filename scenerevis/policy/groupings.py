"""groupings.py: how many pieces a row or a pile of one request holds, read from the words of its relation.

A row: "rows of four", "in three rows" (:func:`row_length`). A pile of pieces on pieces of their own kind ("two
crates stacked on top of each other", "nine bunks stacked three high"): the prompt reader writes it as an
``on_top`` relation of a category (and phrase) on itself (:func:`self_stacked`); the layout grows each pile to
its levels (:func:`stack_levels`) before it starts another on the floor (:mod:`relate`, :mod:`solve`), and the
plan counts only a pile's floor pieces in the floor it needs and lowers its pieces to fit the ceiling
(:mod:`tight_floor`).
"""

from __future__ import annotations

import math
import re

from scenerevis.policy.prompt_words import NUMBER_WORDS
from scenerevis.policy.relation import Relation

_ROWS_OF = re.compile(r"\brows?\s+of\s+(\w+)")
_ROWS = re.compile(r"\b(\w+)\s+rows\b")


def number_word(word: str) -> int:
    """The count a word or digits state ("four", "4"), else 0."""
    return NUMBER_WORDS.get(word) or (int(word) if word.isdigit() else 0)


def row_length(text: str, count: int) -> int:
    """Pieces per row the words of an ``in_row`` request ask for: "rows of four" -> 4, "in three rows" of 12
    pieces -> 4; 0 when they say none."""
    low = text.lower()
    if (m := _ROWS_OF.search(low)) and (n := number_word(m.group(1))) >= 2:
        return n
    if (m := _ROWS.search(low)) and count >= 4 and (rows := number_word(m.group(1))) >= 2:
        return math.ceil(count / rows)
    return 0


def self_stacked(rel: Relation) -> bool:
    """Whether ``rel`` piles pieces on pieces of their own kind and phrase ("crates stacked on each other")."""
    return rel.kind == "on_top" and rel.target == rel.subject and rel.target_text == rel.subject_text


def stack_levels(rel: Relation, count: int) -> int:
    """Levels of the pile ``rel`` asks for: "stacked three high" -> 3; else as many as there are pieces
    (``count``), at most three."""
    high = re.search(r"\b(\w+)\s+high\b", rel.text.lower())
    n = number_word(high.group(1)) if high else 0
    return max(n, 1) if n else max(1, min(count, 3))


def stack_words(text: str, m: re.Match) -> str:
    """The words of a pile in ``text``: the match ``m`` ("stacked") and the height right after it ("stacked
    three high")."""
    high = re.match(r"\s+(?:\w+\s+){0,3}?\w+\s+high\b", text[m.end() :])
    return m.group(0) + (high.group(0) if high else "")
