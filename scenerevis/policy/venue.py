"""venue.py: whether a room word names the room type, another venue ("a cigar lounge" is no living room) or a toy
("a play kitchen" is a piece of a playroom).

Words such as "lounge", "office" or "workspace" name a room type of ``rooms.json`` alone, but with a noun before
them they name a venue of their own: a relaxation lounge, a teachers' lounge, a post office, a podcast workspace.
Such a venue takes no room type's essentials (a spa lounge gets no TV and no sofa); the pieces the brief names
decide the room (see :func:`~scenerevis.policy.prompt_parse.parse_prompt`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from scenerevis.policy.vocab import Mention

#: Room words that name a room type alone but another venue after a noun.
GENERIC_ROOM_WORDS = frozenset({"lounge", "office", "workspace"})
#: Nouns before such a word that keep it the room type ("a home office", "the family lounge").
KEEPS_THE_ROOM = frozenset(
    "home family guest tv media main private front back corner shared personal living sitting basement attic loft "
    "garden upstairs downstairs kids teen executive manager company team house apartment flat bedroom study "
    "work reading".split()
)


def names_another_venue(doc: Doc, mention: Mention) -> bool:
    """Whether a room mention's word (one of ``GENERIC_ROOM_WORDS``) has a noun or possessive before it that makes
    it another venue ("Relaxation lounge", "teachers' lounge", "post office"), not one of ``KEEPS_THE_ROOM``."""
    if mention.phrase.lower() not in GENERIC_ROOM_WORDS:
        return False
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return False
    tok = span[-1]
    # a possessive makes a lounge another venue ("the teachers' lounge"), an office stays one ("an architect's office")
    deps = ("compound", "nmod", "poss") if tok.lower_ == "lounge" else ("compound", "nmod")
    mods = [c for c in tok.lefts if c.dep_ in deps and c.pos_ in ("NOUN", "PROPN")]
    return any(m.lower_ not in KEEPS_THE_ROOM and m.lemma_.lower() not in KEEPS_THE_ROOM for m in mods)


#: Words that make a room word a toy ("a play kitchen", "a toy kitchen").
TOY_WORDS = frozenset({"play", "toy", "pretend", "kids", "kid", "children's", "doll", "dolls", "doll's", "dolls'"})


def names_a_toy(doc: Doc, mention: Mention) -> bool:
    """Whether a room mention is a toy piece: its word comes right after one of ``TOY_WORDS`` ("a play kitchen",
    "a toy kitchen"); the prompt reader then takes it as an open-vocabulary piece."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None or span.start == 0:
        return False
    before = doc[span.start - 1]
    return before.lower_ in TOY_WORDS and before.dep_ in ("compound", "amod", "nmod")
