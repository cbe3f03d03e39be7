"""venue.py: whether a room word names the room type, another venue ("a cigar lounge" is no living room), a toy
("a play kitchen" is a piece of a playroom) or a place in or by the room ("a wardrobe by the entrance").

Words such as "lounge", "office" or "workspace" name a room type of ``rooms.json`` alone, but with a noun before
them they name a venue of their own: a relaxation lounge, a teachers' lounge, a post office, a podcast workspace.
Such a venue takes no room type's essentials (a spa lounge gets no TV and no sofa); the pieces the brief names
decide the room (see :func:`~scenerevis.policy.prompt_parse.parse_prompt`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from scenerevis.policy.face_verbs import FACE_VERBS
from scenerevis.policy.open_vocab import names_a_place_noun

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


#: Prepositions that put a piece at a place of the room ("by the entrance", "near the kitchen"): a room word
#: after one of them names that place, not the room being designed.
_PLACE_PREPS = frozenset({"by", "near", "beside", "at", "toward", "towards", "opposite", "behind", "across", "off"})
#: Verbs whose object is a place a piece faces or stands by ("a desk faces the entrance", "palms flank the entry").
_PLACE_VERBS = FACE_VERBS | {"flank", "guard"}
#: Nouns of a zone inside the room: a room word before one names the zone ("a lounge corner", "the dining vignette").
_ZONE_NOUNS = frozenset("corner corners vignette vignettes zone zones section sections display displays set sets".split())


def names_a_place(doc: Doc, mention: Mention) -> bool:
    """Whether a room mention names a place in or by the room ("a wardrobe by the entrance", "next to the kitchen
    door", "a desk faces the entrance", "a lounge corner", "a dog room off the kitchen"), not the room itself ("a
    desk in the bedroom")."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return False
    tok = span[-1]
    prep = tok.head
    if tok.dep_ == "dobj" and prep.lemma_.lower() in _PLACE_VERBS:
        return True
    if tok.dep_ in ("compound", "nmod") and prep.i > tok.i and prep.lower_ in _ZONE_NOUNS:
        return True
    return tok.dep_ == "pobj" and (prep.lower_ in _PLACE_PREPS or (prep.lower_ == "to" and prep.head.lower_ in ("next", "close")))


def names_a_zone(doc: Doc, mention: Mention) -> bool:
    """Whether a room mention is a zone listed among the pieces of a place the prompt opens with ("An open-plan
    co-working space with twenty desks, a kitchenette along the east wall and a lounge area ..."): the place
    (a place noun but no room type's word) is the room, the kitchenette one of its parts."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return False
    tok = span[-1]
    while tok.dep_ == "compound" and tok.head.i > tok.i:
        tok = tok.head  # "a lounge area": the area is listed
    first = next((t for t in doc if t.pos_ in ("NOUN", "PROPN") and t.dep_ not in ("compound", "amod", "nmod")), None)
    if first is None or first.i >= span.start or first.sent.start != 0 or not names_a_place_noun(first.lower_):
        return False
    listed = tok.dep_ in ("conj", "appos") or (tok.dep_ == "pobj" and tok.head.lower_ == "with")
    return listed and first.dep_ in ("ROOT", "dobj", "nsubj") and tok.sent.start == first.sent.start
