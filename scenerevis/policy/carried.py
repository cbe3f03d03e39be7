"""carried.py: pieces a prompt names with or on another piece: "a table with two chairs" (the host a phrase comes
with), "a desk with a lamp and a phone on top" (small things carried by a surface), "two potter's wheels, each with
a stool" (companions next to their owner) and "a pedestal with a globe on top" ("on top" with no "of"). Each reader
adds relations through the ``add`` callback of :func:`~scenerevis.policy.arrange.parse_relations`. Reads the spaCy
parse (see :mod:`nlp`).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from scenerevis.policy.groupings import self_stacked
from scenerevis.policy.nlp import first_conjunct
from scenerevis.policy.open_vocab import FLOOR_STANDING_WORDS, map_phrase
from scenerevis.policy.owners import largest_before
from scenerevis.policy.relation import Relation
from scenerevis.scene.rooms import load_rooms

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from scenerevis.policy.phrases import ObjectPhrase

GENERIC = "generic_object"
#: Relations that site a piece in the room itself (a wall, a corner, the middle), not by another piece.
SITE_KINDS = ("against_wall", "corner", "middle")
#: Verbs whose object is a piece the subject carries ("the counter holds a register"), like "with".
HAVE_VERBS = frozenset({"have", "hold", "carry", "support", "bear", "feature", "display"})


def with_host(doc: Doc, q: ObjectPhrase, heads: dict[int, ObjectPhrase], listed: bool = False) -> ObjectPhrase | None:
    """The object ``q`` comes with ("a table with two chairs": the table for the chairs), or None; ``listed``
    also for a piece listed after one that comes with it ("with a cheese slicer and a scale on top of it")."""
    x = doc[q.head]
    for _ in range(3):  # "with 2 chairs", also parsed as "with 2 folding(verb) chairs"
        while listed and x.dep_ == "conj" and x.head.i in heads and x.head.i != x.i:
            x = x.head
        if x.head.i == x.i or x.head.i in heads:
            return None
        came, x = x, x.head
        if x.lower_ == "with":
            w = x.head  # "a table sits under the window with a machine on it": the verb's subject
            if w.lower_ in ("each", "every", "all", "both") and w.i not in heads:
                w = w.head  # "three benches are lined up ..., each with a lamp": the benches
            if w.i not in heads and w.dep_ == "pobj" and w.head.head.pos_ in ("VERB", "AUX"):
                w = w.head.head  # "a stage stands against the wall with a mic stand on it", "with" on the wall: the verb's
            return heads.get(w.i) or _subject_of(w, heads) or _placed_object(w, heads)
        if x.pos_ in ("VERB", "AUX") and x.lemma_.lower() in HAVE_VERBS and came.dep_ == "dobj":
            return _subject_of(x, heads)  # "the counter has a register and a scale on top of it"
    return None


def _placed_object(verb: Token, heads: dict[int, ObjectPhrase]) -> ObjectPhrase | None:
    """The piece an imperative verb places ("Put the DJ desk against the wall with two turntables on it": the
    desk), or None."""
    if verb.pos_ != "VERB" or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    objs = [c for c in verb.children if c.dep_ == "dobj" and c.i in heads]
    return heads[objs[0].i] if objs else None


def _subject_of(verb: Token, heads: dict[int, ObjectPhrase]) -> ObjectPhrase | None:
    """The object that is the subject of ``verb`` (or of the verb it is joined to: "is dark oak and has ...")."""
    for v in (verb, verb.head if verb.dep_ == "conj" else None):
        if v is None or v.pos_ not in ("VERB", "AUX"):
            continue
        subj = [c for c in v.children if c.dep_ in ("nsubj", "nsubjpass") and c.i in heads]
        if subj:
            return heads[subj[0].i]
    return None


def carried(doc: Doc, phrases: list[ObjectPhrase], heads: dict[int, ObjectPhrase], out: list[Relation], add) -> None:
    """ "the counter holds a cash register": a small piece that is the object of a verb of ``HAVE_VERBS`` whose
    subject is another object stands on it, unless the brief places it otherwise."""
    # (a site the sentence gives its host too, "along the side wall", does not place the piece)
    placed = {(r.subject, r.subject_text) for r in out if r.kind not in SITE_KINDS}
    for q in phrases:
        if not (q.category == GENERIC or on_surface(q)) or (q.category, named_as(q, q.category)) in placed:
            continue
        x = doc[q.head]
        while x.dep_ == "conj" and x.head.i in heads:
            x = x.head
        if x.dep_ != "dobj" or x.head.lemma_.lower() not in HAVE_VERBS:
            continue
        verb = x.head  # "a front counter holding a laptop": the counter the verb describes
        host = heads.get(verb.head.i) if verb.dep_ == "acl" else _subject_of(verb, heads)
        if host is not None and host is not q and host.category != q.category and not on_surface(host):
            mine = (q.category, named_as(q, q.category))
            out[:] = [r for r in out if not (r.kind in SITE_KINDS and (r.subject, r.subject_text) == mine)]
            add("on_top", q.category, host.category, f"on top of the {host.text.lower()}", q, host)


#: Heads of open-vocabulary pieces that can carry small things ("a long listening bar with two turntables").
SURFACE_HEADS = frozenset(
    "table desk counter bench workbench bar stand shelf shelves cabinet cart trolley console station sideboard "
    "dresser bier island unit plinth pedestal altar chest trunk".split()
)
#: The largest piece (w, h, d metres) "with" puts on its host when the brief does not place it ("a desk with a laptop").
SMALL_PIECE = (0.7, 0.6, 0.6)


def carries_things(category: str | None) -> bool:
    """Whether pieces of ``category`` can carry small things on top (a table, desk, counter, shelf, cabinet ...):
    a host some ``rooms.json`` category names, or a table, desk, counter, workbench, cabinet, shelf, cart or island."""
    name = category or ""
    return name in _hosts() or name.endswith(("_table", "desk", "counter", "workbench", "cabinet", "shelf", "_cart", "island"))


@lru_cache(maxsize=1)
def _hosts() -> frozenset[str]:
    """Every category some ``rooms.json`` category names as its host."""
    return frozenset(h for c in load_rooms().categories.values() for h in c.hosts)


def small_piece(size: tuple[float, float, float]) -> bool:
    """Whether a piece of ``size`` (w, h, d metres) is small enough to stand on furniture (``SMALL_PIECE``)."""
    return all(v <= m for v, m in zip(size, SMALL_PIECE, strict=True))


def _is_surface(phrase: ObjectPhrase) -> bool:
    if phrase.category == GENERIC:
        return phrase.text.lower().split()[-1] in SURFACE_HEADS if phrase.text else False
    return carries_things(phrase.category)


def _small(phrase: ObjectPhrase) -> bool:
    """Whether a piece is small enough to stand on furniture: an ``on_surface`` category, or an open-vocabulary
    piece whose estimated size is within ``SMALL_PIECE``."""
    if phrase.category != GENERIC:
        return on_surface(phrase)
    return not FLOOR_STANDING_WORDS & set(phrase.text.lower().split()) and small_piece(map_phrase(phrase.text).size)


def with_small(doc: Doc, phrases: list[ObjectPhrase], heads: dict[int, ObjectPhrase], out: list[Relation], add) -> None:
    """ "a sales desk with a computer", "a counter with a till": a small piece that comes with a piece that can
    carry it stands on it, unless the brief places it otherwise."""
    # (a site the sentence gives its host too, "along the side wall", does not place the piece)
    placed = {(r.subject, r.subject_text) for r in out if r.kind not in SITE_KINDS}
    for q in phrases:
        if (q.category, named_as(q, q.category)) in placed:
            continue
        host = with_host(doc, q, heads, listed=True)
        if host is None or host is q or host.category == q.category or not _is_surface(host) or not _small(q):
            continue
        add("on_top", q.category, host.category, f"on top of the {host.text.lower()}", q, host)


def on_surface_category(category: str | None) -> bool:
    cat = load_rooms().categories.get(category or "")
    return cat is not None and cat.role == "on_surface"


def on_surface(phrase: ObjectPhrase) -> bool:
    return on_surface_category(phrase.category)


def anchors_of(category: str | None) -> tuple[str, ...]:
    cat = load_rooms().categories.get(category or "")
    return cat.anchors if cat is not None else ()


def with_owner(doc: Doc, phrases: list[ObjectPhrase], heads: dict[int, ObjectPhrase], out: list[Relation], add) -> None:
    """ "two potter's wheels, each with a stool": a floor piece that comes with another one stands next to it,
    unless the brief arranges it otherwise (pieces standing on others are left to their hosts); so does any floor
    piece that comes with a piece whose companion it is not ("a bar with 6 stools", "an upright piano with its
    bench"; not "a table with four chairs": the chairs' role seats them)."""
    facts = load_rooms()
    arranged = {r.subject for r in out}
    for p in phrases:
        owner = heads.get(p.owner) if p.owner is not None and p.owner >= 0 else None
        if p.owner == -1:  # "each with" an owner the parse does not link: the largest count named before
            owner = largest_before(p, phrases, lambda q: q.count or 1, exclude=p.category)
        if p.owner is None and p.category and _after_with(doc[p.head]):
            host = with_host(doc, p, heads)
            if host is not None and host.category not in anchors_of(p.category):
                owner = host
        if owner is None or p.category in arranged or owner.category == p.category or p.category == GENERIC:
            continue
        cat = facts.categories.get(p.category)
        if cat is None or cat.role in ("on_surface", "floor_covering"):
            continue
        # "3 low tables with 4 small chairs each": two or more chairs per table sit around it
        seats = cat.role in ("around_table", "seating") or p.category.endswith(("chair", "stool"))
        if seats and (p.count or 1) >= 2 and owner.category.endswith("table"):
            add("around", p.category, owner.category, f"around the {owner.text.lower()}", p, owner)
        else:
            add("next_to", p.category, owner.category, f"with the {owner.text.lower()}", p, owner)


def _after_with(tok: Token) -> bool:
    """Whether the noun (or the first of the nouns joined to it) is the object of "with" ("a counter with a fridge
    and a cabinet beside it"; not "the room has a sofa")."""
    tok = first_conjunct(tok)
    return tok.dep_ == "pobj" and tok.head.lower_ == "with"


def bare_on_top(doc: Doc, phrases: list[ObjectPhrase], add) -> None:
    """ "a pedestal with a globe on top", "a desk, two monitors on top": "on top" with no "of" puts the object
    written right before it on the piece it comes with, else on the nearest other object named before; "in
    front" with no "of" ("a desk with a task chair in front") puts it next to that piece, at its front."""
    text = doc.text.lower()
    heads = {q.head: q for q in phrases}
    for m in re.finditer(r"\b(?:on\s+top|atop|in\s+front)\b(?!\s+of)", text):
        kind, words = ("next_to", "in front of") if m.group(0).startswith("in") else ("on_top", "on top of")
        before = [p for p in phrases if p.end <= m.start()]
        if not before:
            continue
        p = max(before, key=lambda q: q.end)
        if len(text[p.end : m.start()].split()) > 3 or re.search(r"[.;:!?,]", text[p.end : m.start()]):
            continue
        host = with_host(doc, p, heads)
        first = doc[p.head]
        if host is None and first.dep_ == "conj" and first.head.i in heads:  # "with a machine on it and a chair in front"
            host = with_host(doc, heads[first.head.i], heads)
        if host is None:
            earlier = [q for q in before if q.end <= p.start and q.category != p.category]
            host = max(earlier, key=lambda q: q.end) if earlier else None
        if host is None or host is p or (host.category == p.category and host.category != GENERIC):
            continue
        listed = [p]  # "a kettle and a coffee machine on top": both
        for q in sorted((q for q in before if q.end <= p.start and q is not host), key=lambda q: -q.end):
            if not re.fullmatch(r"\s*(?:,|and|,\s*and)\s*(?:(?:a|an|the|two|three)\s+)?", text[q.end : listed[-1].start]):
                break
            listed.append(q)
        for q in listed:
            add(kind, q.category, host.category, f"{words} the {host.text.lower()}", q, host)


def named_as(p: ObjectPhrase | None, category: str | None) -> str:
    """The words a relation names its piece by: an open phrase's words for a generic object, else the label of
    pieces of a category named apart ("" when none)."""
    if p is None:
        return ""
    return p.text.lower() if category == GENERIC else p.label


def hosts_take_places(rels: list[Relation], many: set[tuple[str, str]] = frozenset()) -> list[Relation]:
    """ "along the left wall a machine stands on a counter": a piece standing on another leaves where it stands
    (against a wall, in a corner, in the middle) to its host, unless the host is placed already; a TV or a
    lamp "on the wall" stays hung there (see layout). A row of pieces on a host ("three printers in a row on a
    cabinet") is a row along the host's top: the on-top places make it, no row on the floor; on hosts of their
    own (``many``: (category, phrase) of the phrases of several pieces: "a row of three tanks on stands") the
    hosts make the row."""
    # (a pile of its own kind keeps its places: "crates stacked in the corner" stand in the corner)
    tops = {(r.subject, r.subject_text): r for r in rels if r.kind == "on_top" and r.target and not self_stacked(r)}
    sited = {(r.subject, r.subject_text) for r in rels if r.kind in SITE_KINDS}
    out = []
    for r in rels:
        if r.kind in ("in_row", "side_by_side") and not r.target and (top := tops.get((r.subject, r.subject_text))):
            if (top.target, top.target_text) in many:
                out.append(Relation(r.kind, top.target, None, r.text, top.target_text))
            continue
        host = tops.get((r.subject, r.subject_text)) if r.kind in ("against_wall", "corner", "middle") else None
        if host is None or (r.kind == "against_wall" and on_surface_category(r.subject)):
            out.append(r)
            continue
        if (host.target, host.target_text) not in sited:
            out.append(Relation(r.kind, host.target, None, r.text, host.target_text))
            sited.add((host.target, host.target_text))
    return out
