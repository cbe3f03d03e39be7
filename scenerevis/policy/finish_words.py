"""finish_words.py: finish words the sentence says of a piece outside its noun phrase.

"a sofa in green velvet", "the judge's bench, in dark mahogany", "the counter is dark oak", "the counter is
made from reclaimed driftwood", "the sofa is upholstered in green velvet", "the desk is painted white": the
prompt reader adds these words to the piece's description, so retrieval and refinishing see them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

#: Verbs whose "of" / "from" / "in" / "with" phrase, or whose complement, gives what a piece is made of or painted
#: ("made from reclaimed driftwood", "upholstered in green velvet", "painted white").
MADE_VERBS = frozenset("make build craft carve upholster finish cover paint clad top cast forge weld lacquer stain".split())


def predicate_words(head: Token, describing: frozenset[str]) -> list[str]:
    """Finish words the sentence says of the piece ``head`` names: "a sofa in green velvet", and as its subject
    "the counter is dark oak", "is made from reclaimed driftwood", "is upholstered in green velvet", "is painted
    white" (at most three words; an "in" phrase or a copula's complement only when its noun is a describing word)."""
    after = head.doc[head.i + 1] if head.i + 1 < len(head.doc) else None
    commas = [c for c in head.children if c.dep_ == "punct"] + ([after] if after is not None and after.text == "," else [])
    near = list(head.children) + [g for c in commas for g in c.children]
    phrases: list[Token] = [  # "a sofa in green velvet", "the judge's bench, in dark mahogany" (under its comma)
        o
        for c in near
        if c.dep_ == "prep" and c.lower_ == "in"
        for o in c.children
        if o.dep_ == "pobj" and o.lower_ in describing
    ]
    if head.dep_ not in ("nsubj", "nsubjpass"):
        return _finish_words(phrases)
    verb = head.head
    if verb.lemma_ == "be":
        for c in verb.children:
            if c.dep_ == "attr" and c.lower_ in describing:
                phrases.append(c)  # "is dark oak"
            elif c.dep_ == "acomp" and c.lemma_.lower() in MADE_VERBS | {"upholstered", "painted", "made"}:
                verb = c  # "is upholstered in green velvet": the participle read as an adjective
            elif c.dep_ == "acomp" and c.lower_ in describing:
                phrases.append(c)  # "is white"
    if verb.lemma_.lower() in MADE_VERBS or verb.lower_ in ("upholstered", "painted", "made"):
        for c in verb.children:
            if c.dep_ == "prep" and c.lower_ in ("of", "from", "in", "with"):
                phrases += [o for o in c.children if o.dep_ == "pobj"]
            elif c.dep_ in ("oprd", "acomp", "dobj") and c.lower_ in describing:
                phrases.append(c)
    return _finish_words(phrases)


def _finish_words(phrases: list[Token]) -> list[str]:
    words: list[str] = []
    for ph in phrases:
        words += [t.lower_ for t in ph.subtree if t.pos_ in ("ADJ", "NOUN", "PROPN") and t.dep_ != "prep"]
    return words[:3]
