"""vocab.py: find furniture, room-type and ignored phrases in free text, longest match first.

Built from the synonyms of ``rooms.json``; shared by the prompt parser and by the classifier that
maps an existing object's description back to a category.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from scenerevis.scene.rooms import RoomFacts, load_rooms, phrase_pattern


@dataclass(frozen=True)
class Mention:
    """One phrase found in a text.

    ``kind`` is ``"category"``, ``"generic"`` (a context-dependent noun such as "chair"),
    ``"room"`` or ``"ignore"``; ``name`` the category / generic noun / room type; ``start``/``end``
    character offsets in the searched text; ``plural`` whether the last word was plural.
    """

    kind: str
    name: str
    start: int
    end: int
    text: str
    plural: bool
    phrase: str = ""


@dataclass(frozen=True)
class _Phrase:
    phrase: str
    kind: str
    name: str
    regex: re.Pattern


class Vocabulary:
    """All phrases of the facts, compiled into one alternation (longest phrases first)."""

    def __init__(self, facts: RoomFacts, include_rooms: bool = True):
        entries: dict[str, tuple[str, str]] = {}
        for phrase in facts.ignore_phrases:
            entries.setdefault(phrase, ("ignore", phrase))
        for cat in facts.categories.values():
            for syn in cat.synonyms:
                entries.setdefault(syn, ("category", cat.name))
        for noun in facts.generic_nouns:
            entries.setdefault(noun, ("generic", noun))
        if include_rooms:
            for rt in facts.room_types.values():
                for syn in rt.synonyms:
                    entries[syn] = ("room", rt.name)
        ordered = sorted(entries, key=lambda p: (-len(p), p))
        self._phrases = [_Phrase(p, *entries[p], re.compile(phrase_pattern(p), re.IGNORECASE)) for p in ordered]
        self._regex = re.compile("|".join(f"(?:{ph.regex.pattern})" for ph in self._phrases), re.IGNORECASE)
        self._which: dict[str, _Phrase | None] = {}
        self._found: dict[str, tuple[Mention, ...]] = {}

    def find(self, text: str) -> list[Mention]:
        """Non-overlapping mentions in ``text``, left to right; at one position the longest phrase wins.

        Answers are remembered per text (a scene's descriptions are classified again on every turn)."""
        if text not in self._found:
            if len(self._found) > 4096:
                self._found.clear()
            self._found[text] = tuple(self._find(text))
        return list(self._found[text])

    def _find(self, text: str) -> list[Mention]:
        out = []
        for m in self._regex.finditer(text):
            matched = m.group(0)
            ph = self._phrase_of(matched)
            if ph is not None:
                last = re.split(r"[\s\-]+", ph.phrase)[-1]
                got = re.split(r"[\s\-]+", matched.lower())[-1]
                out.append(Mention(ph.kind, ph.name, m.start(), m.end(), matched, got != last, ph.phrase))
        return out

    def _phrase_of(self, matched: str) -> _Phrase | None:
        """The first phrase (longest first) whose pattern matches the whole of ``matched``, remembered per text."""
        if matched not in self._which:
            self._which[matched] = next((ph for ph in self._phrases if ph.regex.fullmatch(matched)), None)
        return self._which[matched]


@lru_cache(maxsize=2)
def vocabulary(include_rooms: bool = True) -> Vocabulary:
    """The cached vocabulary of the packaged rooms.json."""
    return Vocabulary(load_rooms(), include_rooms)


def resolve_generic(
    noun: str,
    room_type: str,
    present: set[str] | frozenset[str] = frozenset(),
    count: int | None = None,
    small: bool = False,
) -> str | None:
    """Category meant by a generic noun ("chair", "table") in ``room_type`` next to the ``present`` categories;
    ``count`` two or more takes the rule's ``many`` entry (beds in a ward, a twin room are single beds), ``small``
    (a size word such as "narrow" or "little") its ``small`` entry (a narrow bed is a single bed)."""
    rule = load_rooms().generic_nouns.get(noun)
    if rule is None:
        return None
    if count is not None and count >= 2 and "many" in rule:
        return rule["many"]
    if small and "small" in rule:
        return rule["small"]
    for cat, target in rule.get("with", {}).items():
        if cat in present:
            return target
    return rule.get(room_type, rule.get("default"))


def classify_description(desc: str, room_type: str = "") -> str | None:
    """The category an object description names, or None.

    The head noun phrase (before "with", "for", "on", "in") decides; within it the longest, then the
    last phrase wins ("dining chair with a velvet seat" -> ``dining_chair``).
    """
    text = desc.lower()
    head = re.split(r"\b(?:with|for|on|in|from|that|featuring|beside|next to|near)\b", text, maxsplit=1)[0]
    for part in (head, text):
        found = [m for m in vocabulary(False).find(part) if m.kind in ("category", "generic")]
        if found:
            best = max(found, key=lambda m: (m.end, m.end - m.start))
            if best.kind == "category":
                return best.name
            return resolve_generic(best.name, room_type)
    return None
