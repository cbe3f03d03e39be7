"""references.py: open phrases written with "the" / "its" ("the altar", "on its pedestal", "the auctioneer's
rostrum"): the piece named before that one refers to, or a new piece when nothing was named before and the
sentence places it. Reads the spaCy parse (see :mod:`nlp`); phrases come from :mod:`phrases`.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from scenerevis.policy.phrases import ObjectPhrase

#: Words right after a phrase that place it ("the sewing machine on top of it").
PLACED_RE = re.compile(
    r"\s*(?:on\s+top|on\s+(?:a|an|the|it)\b|in\s+(?:the|a|one)\s+(?:\w+\s+)?(?:corner|middle|centre|center)"
    r"|next\s+to|beside|against|along|in\s+front|facing)\b",
    re.IGNORECASE,
)
#: Words before "the <noun>" that make it where another piece stands ("an exam chair facing the eye chart").
_TARGET_WORDS = frozenset({"facing", "faces", "face", "beside", "opposite", "toward", "towards", "behind", "near"})


#: Verbs a sentence may put after the place it opens with, before its subject ("At the front stands the rostrum").
_INVERTED_VERBS = frozenset({"stand", "sit", "hang", "rest", "lie", "be", "wait", "tower", "loom"})


#: Verbs whose object, with a piece as subject, is a piece it carries ("the pedestal holds the trophy").
_HOLD_VERBS = frozenset({"hold", "carry", "support", "display", "showcase", "bear"})
#: Verbs whose object is a piece to place ("Put the national flag in the corner").
_PLACE_VERBS = frozenset({"put", "place", "set", "add", "hang", "position", "install", "mount", "stand", "park"})


def holder_of(tok: Token) -> Token | None:
    """The subject of "holds" / "carries" / "displays" ... whose object ``tok`` is ("the pedestal" of "the pedestal
    holds the cup"), or None (none for "a rack for holding bikes": no subject)."""
    if tok.dep_ != "dobj" or tok.head.lemma_.lower() not in _HOLD_VERBS:
        return None
    return next((c for c in tok.head.children if c.dep_ == "nsubj"), None)


def introduces_a_piece(tok: Token) -> bool:
    """Whether ``tok`` is a clause's subject or a piece another one faces or stands by, and not a part of something
    ("the head of the table faces ..."; "facing the eye chart" names the chart)."""
    if any(c.lower_ == "of" for c in tok.children):
        return False
    if tok.dep_ in ("dobj", "pobj") and tok.head.lower_ in _TARGET_WORDS:
        return True
    if tok.dep_ == "pobj" and tok.head.lower_ == "to" and tok.head.head.lower_ in ("next", "close"):
        return True  # "a feed bin stands next to the tack trunk"
    if tok.dep_ == "pobj" and tok.head.lower_ in ("on", "onto", "atop", "upon"):
        return True  # "the fire finder stands on its pedestal": what carries a piece stands in the room too
    verb = tok.head
    if (holder := holder_of(tok)) is not None and holder.pos_ == "NOUN":
        return True  # "a mahogany pedestal in the middle holds the biggest cup": what a piece carries
    if tok.dep_ == "dobj" and verb.lemma_.lower() in _PLACE_VERBS:
        return True  # "Put the national flag in the corner": a piece to place
    if tok.dep_ in ("dobj", "attr") and verb.lemma_.lower() in _INVERTED_VERBS and verb.i < tok.i:
        # "At the front stands the auctioneer's rostrum", "In the corner is the safe": a place, then the piece
        return any(c.dep_ == "prep" and c.i < verb.i for c in verb.children)
    return tok.dep_ in ("nsubj", "nsubjpass")


def resolve_references(doc: Doc, phrases: list[ObjectPhrase]) -> None:
    """ "a low altar table ..., a bowl on the altar": an open "the <noun>" names the nearest object written
    before whose words hold the noun; it takes that object's category and text (unresolved: none)."""
    for p in phrases:
        if not p.reference:
            continue
        noun = _singular(p.text.lower().split()[-1])
        named = [
            q
            for q in phrases
            if q.start < p.start
            and q.category
            and not q.reference
            and not q.negated
            and any(_singular(w) == noun or w.endswith(noun) for w in _written(doc, q))
        ]
        if named:
            q = max(named, key=lambda q: q.start)
            p.category, p.text = q.category, q.text


def _singular(word: str) -> str:
    """A noun without its plural ending ("boxes" -> "box", "targets" -> "target", "benches" -> "bench")."""
    if word.endswith(("ches", "shes", "xes", "sses", "zes")):
        return word[:-2]
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def _written(doc: Doc, p: ObjectPhrase) -> list[str]:
    """The lower-case words of ``p``'s noun phrase as written, from its first modifier to its noun."""
    return [t.lower_ for t in doc[doc[p.head].left_edge.i : max(p.head, p.token) + 1]]


def new_pieces(doc: Doc, phrases: list[ObjectPhrase]) -> list[ObjectPhrase]:
    """ "with the sewing machine on top of it", "The radial extractor stands in the centre": the open "the <noun>"
    phrases nothing named before that are new pieces: the words right after one place it, or it is the subject of
    a clause (:func:`introduces_a_piece`)."""
    return [
        p
        for p in phrases
        if p.reference
        and p.category is None
        and not p.negated
        and (PLACED_RE.match(doc.text[p.end :]) or introduces_a_piece(doc[p.head]))
    ]
