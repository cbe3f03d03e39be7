"""face_verbs.py: "a sofa faces the TV", "two armchairs overlook the garden": facing requests said with a verb
whose subject and object are pieces (the other relation readers of :mod:`arrange` read words that hang on the
piece, not on its verb). Reads the spaCy parse (see :mod:`nlp`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from scenerevis.policy.phrases import ObjectPhrase

#: Verbs whose subject faces their object ("a sofa faces the TV", "two armchairs overlook the garden").
FACE_VERBS = frozenset({"face", "overlook", "front"})


def faces_verb(doc: Doc, phrases: list[ObjectPhrase], heads: dict[int, ObjectPhrase], add) -> None:
    """ "A sofa faces a TV": the subject of a verb of ``FACE_VERBS`` faces each object of it that is a piece (the
    relation words hang on the verb, which the other readers do not read as the subject's)."""
    for p in phrases:
        head = doc[p.head]
        verb = head.head
        if head.dep_ not in ("nsubj", "nsubjpass") or verb.lemma_.lower() not in FACE_VERBS:
            continue
        for obj in (c for c in verb.children if c.dep_ == "dobj" and c.i in heads):
            # "face the fireplace and the TV" (not "... the fireplace and a lamp stands next to it": the lamp's clause)
            joined = [c for c in obj.conjuncts if c.i in heads and not starts_clause(c)]
            for q in [heads[obj.i]] + [heads[c.i] for c in joined]:
                if q is not p and q.category:
                    add("facing", p.category, q.category, f"facing the {q.text.lower()}", p, q)


def starts_clause(tok: Token) -> bool:
    """Whether a verb follows ``tok``'s phrase right away ("a lamp stands ..."): the noun is a subject, not a list item."""
    nxt = tok.right_edge.i + 1
    return nxt < len(tok.doc) and tok.doc[nxt].pos_ in ("VERB", "AUX")
