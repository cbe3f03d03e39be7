"""parse.py: read a 1-10 integer score out of a judge's free-text answer, or say why it cannot."""

from __future__ import annotations

import json
import re

_WORDS = {w: i for i, w in enumerate("zero one two three four five six seven eight nine ten".split())}
_PATTERNS = [
    re.compile(r"score\W{0,3}(?:is|of|:|=)?\s*\**\s*(\d{1,2}(?:\.\d+)?)\s*\**\s*(?:/\s*10|out of 10)?", re.I),
    re.compile(r"(\d{1,2}(?:\.\d+)?)\s*(?:/\s*10|out of 10)", re.I),
    re.compile(r"^\W*(\d{1,2}(?:\.\d+)?)\W*$", re.S),
]


def parse_score(text: str | None) -> tuple[int | None, str | None]:
    """``(score, None)`` with an integer in 1..10, or ``(None, reason)`` when the answer has none.

    Accepts 'Score: 7', 'score 7/10', '**8**', '7', '{"score": 7}', 'I'd give it seven', '7.5/10'
    (rounded half up). Numbers outside 1..10 are flagged, not clipped.
    """
    if text is None or not str(text).strip():
        return None, "empty answer"
    t = str(text).strip()
    try:
        data = json.loads(t)
        if isinstance(data, dict) and "score" in data:
            t = f"Score: {data['score']}"
    except (json.JSONDecodeError, TypeError):
        pass
    for pat in _PATTERNS:
        m = pat.search(t)
        if m:
            value = float(m.group(1))
            score = int(value + 0.5)
            if 1 <= score <= 10:
                return score, None
            return None, f"score {m.group(1)} is outside 1-10"
    words = re.findall(r"\b(" + "|".join(_WORDS) + r")\b", t.lower())
    if len(set(words)) == 1 and 1 <= _WORDS[words[0]] <= 10:
        return _WORDS[words[0]], None
    return None, f"no score found in answer: {t[:80]!r}"
