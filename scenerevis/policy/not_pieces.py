"""not_pieces.py: nouns of a prompt that name no piece of the room: the words of a short heading ("A church hall
turned polling station: ..."), where the room is ("a lounge next to the spa's sauna") and what a piece holds or
is for ("shelves with honey and postcards", "a rack for moulds"). Reads the spaCy parse (see :mod:`nlp`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

#: A colon within this many words of the start ends a heading that names the room, not its pieces.
HEADING_WORDS = 10


def heading_end(doc: Doc) -> int:
    """The index of the colon (or dash) that ends a short heading naming the room ("A church hall turned polling
    station: a registration table, ..."), or -1 when the prompt has none within ``HEADING_WORDS`` words."""
    return next((t.i for t in doc[:HEADING_WORDS] if t.text in (":", "\u2014")), -1)


#: Prepositions that say where a room is ("a lounge next to the sauna", "a study above the garage").
_WHERE_PREPS = frozenset({"to", "beside", "near", "behind", "above", "below", "under", "off", "over", "by", "at", "in", "inside"})


def beside_the_room(root: Token, room: Token) -> bool:
    """Whether ``root`` names where the room (``room``, the prompt's first noun and its root) is: the object of a
    place preposition hanging on the room's noun ("Relaxation lounge next to a spa's sauna")."""
    if room.dep_ != "ROOT" or root.dep_ != "pobj" or root.head.lower_ not in _WHERE_PREPS:
        return False
    prep = root.head
    up = prep.head.head if prep.head.dep_ == "advmod" else prep.head  # "next to"
    return up.i == room.i


#: Pieces whose "with <bare plurals>" is what they hold ("shelves with local honey and postcards").
HOLDERS = frozenset(
    "shelf shelves shelving rack racks cabinet cabinets bookcase bookcases bookshelf bookshelves case cases unit units "
    "cupboard cupboards chest box boxes bin bins basket baskets drawers display displays".split()
)


def contents(root: Token) -> bool:
    """Whether a bare plural noun names what a piece is for or holds: "for moulds and boxes", "full of jars",
    "shelves with local honey and postcards", "a tall shelf of spice blends"."""
    tok = root
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    if root.tag_ not in ("NNS", "NNPS") or any(c.dep_ in ("det", "nummod") for c in root.children):
        return False
    if tok.dep_ != "pobj":
        return False
    prep = tok.head
    holder = prep.head  # "a row of shelves with ...": the shelves
    in_row = any(g.lower_ in HOLDERS for c in holder.children if c.lower_ == "of" for g in c.children)
    held = (prep.lower_ == "of" and holder.lower_ in HOLDERS) or (prep.lower_ == "with" and (holder.lower_ in HOLDERS or in_row))
    return prep.lower_ == "for" or (prep.lower_ == "of" and prep.head.lower_ == "full") or held
