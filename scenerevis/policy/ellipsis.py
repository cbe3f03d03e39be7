"""ellipsis.py: places a prompt says once for several pieces, or leaves to be understood: "a screen next to it on
one side and an easel on the other", "a sink sits in one corner and a safe stands in another", "..., and beside it
a small cabinet" (a clause with no verb that opens with its place) and "the cutting table takes up the middle" (a
verb whose object is the place). Each reader adds relations through :func:`~scenerevis.policy.arrange.parse_relations`'
``add`` callback or to its list of relations; reads the spaCy parse (see :mod:`nlp`).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from scenerevis.policy.carried import named_as
from scenerevis.policy.not_pieces import DESIGN_VERBS, HEADING_WORDS
from scenerevis.policy.relation import Relation

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from scenerevis.policy.phrases import ObjectPhrase

_OTHER_BEFORE = re.compile(
    r"\b(?:on|to|at)\s+the\s+other(?:\s+side)?\s*,?\s*(?:(?:is|are|stands?|sits?|goes|place|put)\s+)?(?:a|an|the|one)?\s*$"
)
_OTHER_AFTER = re.compile(
    r"\s*(?:(?:is|stands?|sits?|goes|placed|standing)\s+)?(?:on|to|at)\s+the\s+other\b(?!\s+(?:wall|end|corner))"
)


_FRONTED = re.compile(
    r"(?:^|[,;:]|\band)\s*(beside|next\s+to|behind|in\s+front\s+of|opposite|across\s+from|facing|around)\s+(it|them)\s*,?\s*"
    r"(?:(?:is|are|stands?|sits?|goes|go)\s+)?(?:a|an|the|one|two|three|four|five|six|\d+)?\s*(?:[\w-]+\s+){0,3}$"
)


def fronted_pronoun(doc: Doc, phrases: list[ObjectPhrase], heads: dict[int, ObjectPhrase], add, resolve) -> None:
    """ "An infant warmer goes against the wall, and beside it a small white cabinet": a clause with no verb that
    opens with the place ("beside it", "opposite them") puts the piece right after it there; ``add`` skips what
    the tree gave already; ``resolve(piece, pronoun token)`` names the piece the pronoun is."""
    for p in phrases:
        sent = doc[p.token].sent
        m = _FRONTED.search(doc.text[sent.start_char : doc[p.head].idx])
        if m is None or not p.category:
            continue
        pron = doc.char_span(sent.start_char + m.start(2), sent.start_char + m.end(2))
        target = resolve(p, pron[0]) if pron is not None and len(pron) == 1 else None
        if target is None or target is p or not target.category:
            continue
        first = m.group(1).split()[0]
        kind = "facing" if first in ("opposite", "across", "facing") else "around" if first == "around" else "next_to"
        add(kind, p.category, target.category, f"{m.group(1)} the {target.text.lower()}", p, target)


_ANOTHER_CORNER = re.compile(r"\s*(?:[\w'-]+\s+){0,5}?in\s+(?:another|the\s+other|the\s+opposite)(?:\s+one)?\s*[.,;]")


def other_side(doc: Doc, phrases: list[ObjectPhrase], out: list[Relation]) -> None:
    """ "a screen next to it on one side and an easel on the other", "to one side of the table stands a piano, and on
    the other side a lectern": the piece "on the other (side)" stands next to what the sentence's earlier piece
    stands next to; "a sink sits in one corner and a safe stands in another": in a corner too."""
    for p in phrases:
        sent = doc[p.token].sent
        earlier = [q for q in phrases if q.end <= p.start and q.start >= sent.start_char and q is not p]
        if _ANOTHER_CORNER.match(doc.text[p.end : sent.end_char + 1]):
            cornered = {(r.subject, r.subject_text) for r in out if r.kind == "corner"}
            if any((q.category, named_as(q, q.category)) in cornered for q in earlier):
                rel = Relation("corner", p.category, None, "in another corner", named_as(p, p.category))
                if rel not in out:
                    out.append(rel)
            continue
        if not (_OTHER_BEFORE.search(doc.text[sent.start_char : p.start]) or _OTHER_AFTER.match(doc.text[p.end : sent.end_char])):
            continue
        for q in reversed(earlier):
            mine = (q.category, named_as(q, q.category))
            r = next((r for r in out if r.kind == "next_to" and r.target and (r.subject, r.subject_text) == mine), None)
            if r is None:
                continue
            rel = Relation("next_to", p.category, r.target, "on the other side", named_as(p, p.category), r.target_text)
            if (p.category, rel.subject_text) != (r.target, r.target_text) and rel not in out:
                out.append(rel)
            break


#: Verbs whose object is the place their subject fills ("the cutting table takes up the middle of the room").
_SITE_VERBS = frozenset({"take", "fill", "occupy", "cover", "dominate", "claim", "hold", "anchor"})
_SITE_NOUNS = {"middle": "middle", "centre": "middle", "center": "middle", "corner": "corner"}


def verb_sites(doc: Doc, heads: dict[int, ObjectPhrase], add) -> None:
    """ "The big cutting table, covered in felt, takes up the middle of the room": the subject of a verb of
    ``_SITE_VERBS`` whose object is the middle or a corner stands there (words the other readers miss when the
    verb is far from its subject)."""
    for t in doc:
        kind = _SITE_NOUNS.get(t.lower_)
        if kind is None or t.dep_ != "dobj" or t.head.lemma_.lower() not in _SITE_VERBS:
            continue
        for s in (c for c in t.head.children if c.dep_ in ("nsubj", "nsubjpass") and c.i in heads):
            p = heads[s.i]
            if p.category:
                add(kind, p.category, None, f"{t.head.lower_} the {t.lower_}", p)


#: Places a short heading before a colon may name for the pieces after it ("Back corner: a round table ...").
_HEADING_PLACES = (
    ("corner", re.compile(r"\bcorners?\b")),
    ("middle", re.compile(r"\b(?:middle|cent(?:re|er))\b")),
    (
        "against_wall",
        re.compile(
            r"\b(?:against|along|lining|on)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}walls?\b|^(?:the\s+)?(?:[\w-]+\s+){0,2}walls?$"
        ),
    ),
)


def colon_places(doc: Doc, phrases: list[ObjectPhrase], add) -> None:
    """ "Back corner: a small round table with three stools around it", "The lounge is in the right corner: a sofa,
    ...", "Along the left wall: a cabinet, a fridge and a bench": a short heading that names a place and no piece
    puts the first piece after its colon there (a wall: every piece of the list, not the ones they come with)."""
    for colon in (t for t in doc if t.text == ":"):
        sent = colon.sent
        heading = doc[sent.start : colon.i]
        if not 0 < len(heading) <= HEADING_WORDS or any(heading.start_char <= p.start < colon.idx for p in phrases):
            continue
        after = sorted((p for p in phrases if colon.idx < p.start < sent.end_char and p.category), key=lambda p: p.start)
        text = heading.text.lower()
        # (not "Furnish a business centre: ...": a venue's name)
        venue = any(t.lower_ in ("centre", "center") and any(c.dep_ == "compound" for c in t.lefts) for t in heading)
        if venue or heading[0].lemma_.lower() in DESIGN_VERBS:
            continue
        kind = next((k for k, pat in _HEADING_PLACES if pat.search(text)), None)
        if kind is None or not after:
            continue
        first = doc[after[0].head]
        pieces = [after[0]]
        if kind == "against_wall":
            pieces = [p for p in after if _listed_with(doc[p.head], first, colon.i)]
        words = {"corner": "in a corner", "middle": "in the middle", "against_wall": "against a wall"}[kind]
        for p in pieces:
            add(kind, p.category, None, words, p)


def _listed_with(tok, first, colon: int) -> bool:
    """Whether ``tok`` is ``first`` or an item of its list ("a cabinet, a fridge and a bench"), or hangs on the
    heading itself (a token before index ``colon``), not a piece one of them comes with."""
    while tok.i != first.i and tok.i > colon and tok.dep_ in ("conj", "appos") and tok.head.i != tok.i:
        tok = tok.head
    return tok.i == first.i or tok.head.i < colon
