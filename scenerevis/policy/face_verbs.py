"""face_verbs.py: "a sofa faces the TV", "two armchairs overlook the garden", "two lamps flank the sofa": requests
said with a verb whose subject and object are pieces (the other relation readers of :mod:`arrange` read words that
hang on the piece, not on its verb); and the corner a zone puts its first piece in ("a reading corner with a rug").
Reads the spaCy parse (see :mod:`nlp`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from scenerevis.policy.phrases import ObjectPhrase

#: Verbs whose subject faces their object ("a sofa faces the TV", "two armchairs overlook the garden").
FACE_VERBS = frozenset({"face", "overlook", "front"})
#: Verbs whose subject stands in a relation to their object, and the relation: "two paddle stands flank the
#: counter" (next to it), "six stools surround the table" (around it).
VERB_RELATIONS = {v: "facing" for v in FACE_VERBS} | {
    "flank": "next_to", "abut": "next_to", "adjoin": "next_to", "surround": "around", "encircle": "around", "ring": "around",
}  # fmt: skip
_WORDS = {"facing": "facing the", "next_to": "next to the", "around": "around the"}


def faces_verb(doc: Doc, phrases: list[ObjectPhrase], heads: dict[int, ObjectPhrase], add, resolve=None) -> None:
    """ "A sofa faces a TV", "two lamps flank the sofa": the subject of a verb of ``VERB_RELATIONS`` stands in the
    verb's relation to each object of it that is a piece (the relation words hang on the verb, which the other
    readers do not read as the subject's); ``resolve(subject, pronoun)`` names the piece "it" / "them" is ("a
    bench faces them")."""
    for p in phrases:
        head = doc[p.head]
        verb = head.head
        kind = VERB_RELATIONS.get(verb.lemma_.lower())
        if head.dep_ not in ("nsubj", "nsubjpass") or kind is None:
            continue
        for obj in (c for c in verb.children if c.dep_ == "dobj" and c.lower_ in ("it", "them") and resolve is not None):
            q = resolve(p, obj)
            if q is not None and q is not p and q.category:
                add(kind, p.category, q.category, f"{_WORDS[kind]} {q.text.lower()}", p, q)
        for obj in (c for c in verb.children if c.dep_ == "dobj" and c.i in heads):
            # "face the fireplace and the TV" (not "... the fireplace and a lamp stands next to it": the lamp's clause)
            joined = [c for c in obj.conjuncts if c.i in heads and not starts_clause(c)]
            for q in [heads[obj.i]] + [heads[c.i] for c in joined]:
                if q is not p and q.category:
                    add(kind, p.category, q.category, f"{_WORDS[kind]} {q.text.lower()}", p, q)

    for t in doc:  # "four rows of seats, all facing a big-screen TV": "all" / "both" is the plural named before it
        kind = VERB_RELATIONS.get(t.head.lemma_.lower())
        if t.dep_ != "nsubj" or t.lower_ not in ("all", "both") or kind is None:
            continue
        before = [q for q in phrases if q.head < t.i and doc[q.head].sent == t.sent and doc[q.head].tag_ in ("NNS", "NNPS")]
        for obj in (c for c in t.head.children if c.dep_ == "dobj" and c.i in heads and before):
            p, q = before[-1], heads[obj.i]
            if q is not p and p.category and q.category:
                add(kind, p.category, q.category, f"{_WORDS[kind]} {q.text.lower()}", p, q)


def starts_clause(tok: Token) -> bool:
    """Whether a verb follows ``tok``'s phrase right away ("a lamp stands ..."): the noun is a subject, not a list item."""
    nxt = tok.right_edge.i + 1
    return nxt < len(tok.doc) and tok.doc[nxt].pos_ in ("VERB", "AUX")


def verb_piece(doc: Doc, verb: Token, phrases: list[ObjectPhrase]) -> ObjectPhrase | None:
    """The first piece a verb takes after it: its object or subject ("in the corner stands a piano"), else the
    first piece of a "with" on it ("make a play area with a climbing block")."""

    def takes(q: ObjectPhrase) -> bool:
        t = doc[q.head]
        return t.head.i == verb.i or (t.dep_ == "pobj" and t.head.lower_ == "with" and t.head.head.i == verb.i)

    return min((q for q in phrases if q.head > verb.i and q.category and takes(q)), key=lambda q: q.head, default=None)


#: Zone nouns that put the first piece they come with in a corner ("a reading corner with a rug").
CORNER_ZONES = frozenset({"corner", "nook"})


def zone_pieces(doc: Doc, phrases: list[ObjectPhrase], heads: dict[int, ObjectPhrase], add) -> None:
    """ "a refreshment corner with a round table, four chairs ...", "a reading nook with an armchair": the piece
    right after "with" on a corner zone that names no piece stands in a corner."""
    for p in phrases:
        head = doc[p.head]
        w = head.head
        zone = w.head if w.lower_ == "with" and head.dep_ == "pobj" else None
        if zone is not None and zone.lemma_.lower() in CORNER_ZONES and zone.i not in heads and p.category:
            add("corner", p.category, None, f"in the {zone.text.lower()}", p)
