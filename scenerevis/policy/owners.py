"""owners.py: how many of an object phrase a prompt asks for beyond its own numeral: the numeral's value
("twenty-two"), the object it is counted per ("three beds, each with its own nightstand", "a chair at each
desk", "desks with a chair at each"), and place words that fix a count ("a nightstand on each side of the bed",
"a plant in each corner", "a bench on each of the two walls"). Reads the spaCy parse (see :mod:`nlp`);
token indices refer to the ``Doc``.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from scenerevis.policy.prompt_words import EXPLICIT_MAX, NUMBER_WORDS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from scenerevis.policy.phrases import ObjectPhrase

_NOT_COUNTS = frozenset({"single", "double", "twin", "triple"})
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}


def number_of(tok: Token) -> int | None:
    """The count a numeral token states ("two", "2", "dozen"), or None."""
    low = tok.lower_
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    if low in _TENS and nxt is not None and nxt.text == "-" and tok.i + 2 < len(tok.doc):
        unit = NUMBER_WORDS.get(tok.doc[tok.i + 2].lower_)  # "twenty-two"
        return _TENS[low] + unit if unit is not None and unit < 10 else None
    if nxt is not None and not tok.whitespace_ and nxt.text == "-":  # "a 2-seater", "3-drawer"
        return None
    if tok.i >= 2 and tok.doc[tok.i - 1].text == "-" and tok.doc[tok.i - 2].lower_ in _TENS:
        return None  # the "two" of "twenty-two": counted with "twenty"
    if low.isdigit():
        return int(low) if 0 < int(low) <= EXPLICIT_MAX else None
    if low in _NOT_COUNTS:
        return None
    return NUMBER_WORDS.get(low)


def owner_of(head: Token, heads: set[int]) -> int | None:
    """The object a phrase's count is per: "three beds, each with its own nightstand", "tables with 4 chairs
    each", "a chair at each desk", "two stools per table" -> the owner's token; -1 when "each" / "own" says it
    belongs to some object the parse does not link it to; None when it belongs to none."""
    if head.left_edge.i > 0 and head.doc[head.left_edge.i - 1].lower_ in ("plus", "also"):
        return None  # "each with a chair and a stool, plus a pedicure chair": one more piece of the room
    own = any(t.lower_ == "own" for t in head.lefts) or _each_with_before(head)
    # "tables with 4 chairs each" (not "three tables, each with two stools": that "each" hands out the stools)
    each_after = any(
        t.lower_ == "each" and t.i > head.i and not any(c.lower_ in ("with", "of") for c in t.children) for t in head.children
    )
    at_each = _at_each(head, head) or _each_later(head)  # "a stool at each", "with a wedge next to each."
    each_after = each_after or at_each
    preps = [c for c in head.children if c.dep_ == "prep"]
    preps += [g for c in head.children if c.dep_ == "advmod" for g in c.children if g.dep_ == "prep"]  # "next to each"
    if head.dep_ in ("nsubj", "nsubjpass") and head.head.pos_ == "VERB":  # "a side table sits next to each armchair"
        verb = head.head
        around = [verb] + [c for c in verb.children if c.dep_ == "advmod"]
        preps += [g for c in around for g in c.children if g.dep_ == "prep" and g.i > verb.i]
    for prep in preps:  # "a chair at each desk", "two stools per table", "a lamp next to each armchair"
        if any(head.doc[i].pos_ in ("NOUN", "PROPN") for i in range(head.i + 1, prep.i)):
            continue  # "a rug and a lamp next to each armchair": the nearer noun's
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            if obj.i in heads and (prep.lower_ == "per" or any(d.lower_ in ("each", "every") for d in obj.lefts)):
                return obj.i
            if obj.lower_ == "each":  # "a stool at each of the two tables"
                of = [g.i for c in obj.children if c.lower_ == "of" for g in c.children if g.dep_ == "pobj" and g.i in heads]
                if of:
                    return of[0]
    via_with, with_i = False, -1
    x = head
    for _ in range(8):
        if x.head.i == x.i:
            break
        coordinated = x.dep_ == "conj"
        x = x.head
        if coordinated and x.pos_ == "ADV" and x.head.i in heads:
            x = x.head  # "each with a mirror on top and two chairs", parsed with the chairs joined to "on top"
        if coordinated and x.i in heads:
            continue  # "each with a stool and a tray table": the stool is a sibling, not the table's owner
        each_subject = [
            c
            for c in x.children
            if c.dep_ in ("nsubj", "nsubjpass")
            and (c.lower_ in ("each", "every") or any(d.dep_ == "det" and d.lower_ in ("each", "every") for d in c.children))
        ]
        if x.pos_ == "VERB" and each_subject and each_subject[0].i < head.i and not coordinated:
            # "six tables in two rows, each flanked by a pair of benches", "each one has a machine next to it": the
            # plural named before "each"; "each desk has a lamp": the desk
            subject = each_subject[0]
            if subject.i in heads:
                return subject.i
            plural = [h for h in heads if h < subject.i and head.doc[h].tag_ in ("NNS", "NNPS")]
            return max(plural) if plural else -1
        if x.lower_ == "with":
            via_with, with_i = True, x.i
            own = own or each_after
        elif x.lower_ == "each" and via_with:
            own = True
            # "eight tables run along the walls, each with four chairs": the subject of the verb "each" hangs on
            if x.head.pos_ in ("VERB", "AUX") and x.dep_ in ("npadvmod", "advmod", "dep", "appos"):
                subject = [c.i for c in x.head.children if c.dep_ in ("nsubj", "nsubjpass") and c.i in heads and c.i < x.i]
                if subject:
                    return subject[-1]
            # "a tree, ringed by six tables, each with three chairs" (hung on the tree): the plural named between
            plural = [h for h in heads if x.head.i < h < x.i and head.doc[h].tag_ in ("NNS", "NNPS")]
            if x.head.i in heads and head.doc[x.head.i].tag_ not in ("NNS", "NNPS") and plural:
                return max(plural)
        elif x.lower_ == "each" and coordinated and any(c.lower_ == "with" for c in x.children) and _one_more(head):
            own = via_with = True  # "each with a nightstand next to it and a locker at its foot": the locker too
        elif x.i in heads:
            # "tables each with" (not "four racks, with three tables ..., each with two stools": the tables' each)
            own = own or (
                via_with
                and any(c.lower_ == "each" and c.i > x.i and not any(x.i < h < c.i for h in heads | {head.i}) for c in x.children)
            )
            # "desks with a chair at each" ("at each" may hang on the room's noun: "a cafe with tables with ...")
            own = own or (via_with and any(_at_each(a, head) for a in [x, *x.ancestors]))
            # "each desk with a chair" (the "with" right after it: not "each desk ..., a desk by the window with")
            each = any(c.dep_ == "det" and c.lower_ in ("each", "every") for c in x.children)
            own = own or (via_with and each and 0 < with_i - x.i <= 2)
            own = own or at_each  # "worktables in the middle, six stools around each" (a misread "in" phrase)
            if not own:
                return None
            return x.i if x.i < head.i else -1  # the owner is named before its companions
    if via_with and with_i > 0:  # "a cafe with six tables each with four chairs": the parse hangs "with" on the cafe
        each = head.doc[with_i - 1]
        if each.lower_ == "each" and each.head.i in heads and each.head.i < head.i:
            return each.head.i
        if at_each and each.i in heads:  # "... and three round tables with two chairs each": the tables right before
            return each.i
    # "a workshop with three workbenches with a stool at each": the parse hangs both on the room's noun
    own = own or (via_with and any(_at_each(a, head) for a in head.ancestors))
    # "three tables in a row, four stools at each": no "with", the owner is the largest count named before
    return -1 if own or at_each else None


def _each_with_before(head: Token) -> bool:
    """Whether "each with" comes right before the phrase, past its numeral and describing words ("tables stand in a
    row, each with four padded chairs": read from the words, as the parse may make "padded" the sentence's verb)."""
    doc, i = head.doc, head.i - 1
    while (
        i > head.i - 5
        and i > 1
        and (doc[i].like_num or doc[i].pos_ in ("ADJ", "VERB") or doc[i].lower_ in ("its", "their", "own"))
    ):
        i -= 1
    return doc[i].lower_ == "with" and doc[i - 1].lower_ == "each"


def _each_later(head: Token) -> bool:
    """Whether the words right after ``head`` end its clause with a bare "each" ("tables with two chairs each fill
    the room", "stands, with a monitor wedge next to each."; read from the words: the parse may hang "each" on the
    verb), with no noun between."""
    doc = head.doc
    for t in doc[head.i + 1 : head.i + 6]:
        if t.lower_ in ("each", "every"):
            nxt = doc[t.i + 1] if t.i + 1 < len(doc) else None
            if nxt is not None and nxt.dep_ == "ROOT" and t.head.i == nxt.i and t.dep_ == "nsubj":
                return True  # "tables with two chairs each fill the front" ("fill" tagged a noun, "each" its subject)
            return nxt is None or (nxt.pos_ not in ("NOUN", "PROPN", "ADJ", "NUM") and nxt.lower_ not in ("with", "of", "one"))
        if t.pos_ in ("NOUN", "PROPN", "PRON", "VERB", "AUX", "CCONJ", "PUNCT", "NUM"):
            return False
    return False


def _one_more(head: Token) -> bool:
    """Whether ``head`` is "and a <noun>" with no count of its own (one more thing each owner has)."""
    first = head.left_edge.i
    return (
        first > 1
        and head.doc[first - 1].lower_ == "and"
        and head.doc[first - 2].text != ","  # ", and a locker by the door": another piece
        and not any(t.like_num for t in head.lefts)
        and any(t.lower_ in ("a", "an") for t in head.lefts)
    )


def _at_each(tok: Token, head: Token) -> bool:
    """Whether ``tok`` has a place "at each" / "by each" / "per one" after ``head`` with no noun after
    "each" ("eight desks with a chair at each": the parse hangs "at each" on the desks)."""
    for prep in (c for c in tok.children if c.dep_ == "prep" and c.i > head.i):
        if any(o.dep_ == "pobj" and (o.lower_ == "each" and o.pos_ == "PRON" or _each_one(o)) for o in prep.children):
            return True
    return False


def _each_one(tok: Token) -> bool:
    """Whether ``tok`` is the "one" of "each one" / "every one" ("a black mesh chair at each one")."""
    return tok.lower_ == "one" and any(c.dep_ == "det" and c.lower_ in ("each", "every") for c in tok.children)


def largest_before(p: ObjectPhrase, phrases: list[ObjectPhrase], size, exclude: str | None = None) -> ObjectPhrase | None:
    """The owner of "each with" when the parse links none (``p.owner == -1``): of the phrases named before
    ``p`` (with a category other than ``exclude``), the one with the largest ``size(phrase)``, the later on ties."""
    before = [q for q in phrases if q.start < p.start and q.category and q.category != exclude]
    return max(before, key=lambda q: (size(q), q.start), default=None)


def both_sides(head: Token) -> bool:
    """Whether the phrase stands "on each side" / "on either side" / "at both ends" of something (the parser may
    hang the place on the piece the phrase comes "with", or on the verb of which the phrase is the subject)."""
    owners = [head] + ([head.head.head] if head.dep_ == "pobj" and head.head.lower_ == "with" else [])
    x = head.head.head if head.dep_ == "pobj" and head.head.lower_ == "of" else head  # "a suit of armour"
    if x.dep_ in ("nsubj", "nsubjpass") and x.head.pos_ in ("VERB", "AUX"):
        owners.append(x.head)  # "a suit of armour stands on either side of the thrones"
    doc = head.doc
    for side in (c for c in head.children if c.dep_ in ("npadvmod", "advmod", "appos") and c.lemma_.lower() in ("side", "end")):
        # "a tall flower urn either side of the entrance" (not "thirty chairs in rows either side of the aisle")
        if head.tag_ == "NN" and any(d.lower_ in ("each", "either", "both") for d in side.lefts):
            return True
    for prep in (c for o in owners for c in o.children if c.dep_ == "prep" and c.i > head.i):
        if any(doc[i].pos_ in ("NOUN", "PROPN") for i in range(head.i + 1, prep.i)):
            continue  # "a bed with a nightstand on each side": the place belongs to the nearer noun
        for obj in (c for c in prep.children if c.dep_ == "pobj" and c.lemma_.lower() in ("side", "end")):
            if any(d.lower_ in ("each", "either", "both") for d in obj.lefts):
                return True
    return False


def each_corner(head: Token) -> bool:
    """Whether the phrase stands "in each corner" / "in every corner" / "in each of the four corners" of the room
    (the words on the piece or on a verb that describes it: "a barrel standing in each corner")."""
    owners = [head] + [c for c in head.children if c.dep_ == "acl"]
    for prep in (c for o in owners for c in o.children if c.dep_ == "prep" and c.lower_ in ("in", "at")):
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            if obj.lemma_.lower() == "corner" and any(d.lower_ in ("each", "every", "all") for d in obj.lefts):
                return True
            if obj.lower_ == "each" and any(
                g.lemma_.lower() == "corner" for of in obj.children if of.lower_ == "of" for g in of.children
            ):
                return True
    return False


def each_of(head: Token) -> int | None:
    """N for a phrase placed "on each of the N <walls / sides / ends>" (two for "both") or counted after it ("the
    copyists' desks, seven of them, ..."), else None."""
    for num in (c for c in head.children if c.dep_ == "appos" and c.like_num):
        if any(o.lower_ == "of" and any(g.lower_ in ("them", "those") for g in o.children) for o in num.children):
            return number_of(num)
    owners = [head] + ([head.head] if head.dep_ == "dobj" and head.head.pos_ == "VERB" else [])  # "Put a bench on"
    for prep in (c for o in owners for c in o.children if c.dep_ == "prep" and c.i > head.i):
        for each in (c for c in prep.children if c.dep_ == "pobj" and c.lower_ in ("each", "either", "both")):
            for of in (c for c in each.children if c.dep_ == "prep" and c.lower_ == "of"):
                for place in (c for c in of.children if c.dep_ == "pobj" and c.lemma_.lower() in ("wall", "side", "end")):
                    nums = [number_of(t) for t in place.lefts if number_of(t)]
                    return nums[0] if nums else (2 if each.lower_ in ("either", "both") or place.tag_ == "NNS" else None)
        for wall in (c for c in prep.children if c.dep_ == "pobj" and c.lemma_.lower() == "wall"):
            words = {t.lower_ for t in wall.lefts}
            if words & {"each", "every", "both"} and (words & _PAIRED_WALLS or "both" in words):
                return 2  # "a kit locker against each side wall": the room's two side walls
    return None


#: Words of walls a room has two of ("each side wall", "both long walls").
_PAIRED_WALLS = frozenset({"side", "long", "short", "end", "longer", "shorter"})


def per_row(head: Token) -> int | None:
    """N of "four rows of chairs, eight chairs to a row" (or "per row", "in each row") later in the sentence."""
    for t in head.sent:
        if t.i <= head.i or t.lemma_.lower() != head.lemma_.lower():
            continue
        n = next((number_of(c) for c in t.children if c.dep_ == "nummod"), None)
        row = any(
            c.dep_ == "prep" and c.lower_ in ("to", "per", "in", "on") and any(o.lemma_.lower() == "row" for o in c.children)
            for c in t.children
        )
        if n and row:
            return n
    for t in head.doc[head.i + 1 : head.sent.end]:  # "four rows of seats, five per row": a bare numeral
        words = " ".join(w.lower_ for w in head.doc[t.i + 1 : t.i + 4])
        if t.like_num and (n := number_of(t)) and _PER_ROW.match(words):
            return n
    return None


_PER_ROW = re.compile(r"(?:per|to a|in each|in every|a|each) rows?\b")


def shared_noun_counts(phrases: list[ObjectPhrase], heads: dict[int, ObjectPhrase], doc: Doc) -> None:
    """Give a numeral on a bare singular noun to the plural noun it is joined to, whose describing word it is:
    "three waste and recycling bins" are three bins ("waste" drops out: its ``token`` becomes -1)."""
    for p in phrases:
        tok = doc[p.head]
        shared = [heads[c.i] for c in tok.children if c.dep_ == "conj" and c.tag_ == "NNS" and c.i in heads]
        singular = tok.tag_ == "NN" and not any(c.dep_ in ("det", "poss") for c in tok.children)
        if p.mention is None and singular and (p.count or 1) > 1 and shared and shared[0].count is None:
            shared[0].count, p.token = p.count, -1


def phrase_above(tok: Token, heads: dict[int, ObjectPhrase]) -> ObjectPhrase | None:
    """The nearest object phrase ``tok`` hangs under in the parse tree, or None."""
    for _ in range(8):
        if tok.head.i == tok.i:
            return None
        tok = tok.head
        if tok.i in heads:
            return heads[tok.i]
    return None
