"""arrange.py: arrangement requests of a prompt ("two desks back to back in the middle") as relation constraints.

Relations (a fixed vocabulary): ``against_wall``, ``middle``, ``corner``, ``in_row``, ``side_by_side``,
``back_to_back``, ``opposite`` (facing each other), ``facing``, ``next_to``, ``on_top``, ``between`` and
``around``. Each is read from a phrase attached to an object in the dependency parse: a
prepositional, participle or adverb dependent of the object's noun ("an armchair in the corner",
"a desk facing the window", "a lamp next to the sofa"), or of the verb whose subject or object it is
("In front of the sofa sits a coffee table", "Place two desks back to back"); "surrounded by" and
"flanked by" read the other way round ("a table surrounded by chairs": the chairs are around it). A phrase the parser
hangs on the room noun goes to the nearest object before it. The ``target`` is the object inside
the phrase ("on top of the dresser"); for "it" / "them" the object the subject belongs to ("a sofa
with a lamp next to it"), else the nearest object named before. The layout tries to meet them
(:mod:`layout`), the narrator reports each as met or not, judged on the finished scene by
:mod:`brief_check`'s geometry.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from scenerevis.policy.carried import (
    GENERIC,
    SITE_KINDS,
    anchors_of,
    bare_on_top,
    carried,
    hosts_take_places,
    named_as,
    on_surface,
    on_surface_category,
    with_host,
    with_owner,
    with_small,
)
from scenerevis.policy.ellipsis import colon_places, fronted_pronoun, other_side, verb_sites
from scenerevis.policy.face_verbs import faces_verb, verb_piece, zone_pieces
from scenerevis.policy.groupings import stack_words
from scenerevis.policy.noun_words import QUANTITY_NOUNS
from scenerevis.policy.prompt_words import NUMBER_WORDS
from scenerevis.policy.references import holder_of
from scenerevis.policy.relation import Relation

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from scenerevis.policy.phrases import ObjectPhrase


#: Relations to the room or among the subject's own instances, by the words of the attached phrase.
_SELF = [
    (
        "against_wall",
        r"\b(?:against|along|on|by|lining|to|line|lines|covers|covering|fills|filling|spans|spanning)\s+"
        r"(?:the\s+|a\s+|one\s+|both\s+|all\s+|each\s+|every\s+|two\s+|three\s+)?"
        r"(?:\w+\s+){0,2}?walls?\b(?!-)|\bmiddle\s+of\s+(?:the\s+|a\s+)?(?:\w+\s+)?wall\b"
        # what stands in for a wall: "along the fence", "against the front windows", "against the house"
        r"|\b(?:against|along|lining|lines?|under|beneath)\s+(?:the\s+|a\s+)?(?:\w+\s+){0,2}?"
        r"(?:windows?|fence|partition|house|hull|bulkhead|hedge|railings?|glazing|bulkheads)\b"
        # "a serving table along the back", "against the back side" (not "along the side of the sofa")
        r"|\b(?:against|along|lining)\s+the\s+(?:back|side|front|rear|far\s+side)(?:\s+side)?\b(?!\s+(?:of|wall|walls|window|windows)\b)",
    ),
    (
        "middle",
        # (not "in the middle of the front wall": that is against the wall)
        r"\b(?:in|fills|filling|occupies|occupying|covers|covering|takes(?:\s+up)?|down|through)\s+the\s+(?:very\s+|exact\s+)?(?:middle|centre|center)\b(?!\s+of\s+(?:the\s+|a\s+)?(?:\w+\s+)?walls?\b)"
        r"|\bcent(?:er|re)d\b|\bat\s+the\s+cent(?:er|re)\b",
    ),
    (
        "corner",
        r"\b(?:in|at|into|from|fills|filling|occupies|occupying|takes|taking)\s+(?:a|the|one|each|every|all\s+four)\s+(?:[\w-]+\s+){0,2}"
        r"corners?\b|\bcornered\b|\b(?:in|at)\s+each\s+of\s+the\s+(?:\w+\s+)?corners\b",
    ),
    (
        "in_row",
        r"\bin\s+(?:a|" + "|".join(w for w in NUMBER_WORDS if w.isalpha()) + r"|\d+)\s+(?:\w+\s+){0,2}(?:rows?|columns?)\b"
        r"|\bin\s+rows\b|\blined\s+up\b|\bin\s+a\s+line\b",
    ),
    ("side_by_side", r"\bside\s+by\s+side\b|\b(?:next\s+to|beside)\s+(?:each\s+other|one\s+another)\b"),
    # pieces on pieces of their own kind: an ``on_top`` of the phrase on itself ("crates stacked three high")
    (
        "stacked",
        r"\b(?:stacked|piled)\b(?!\s+(?:with|on|onto|atop|upon|over)\b)|\bon\s+top\s+of\s+(?:each\s+other|one\s+another)\b",
    ),
    ("back_to_back", r"\bback\s+to\s+back\b"),
    ("opposite", r"\b(?:fac(?:e|es|ing)|opposite)\s+(?:each\s+other|one\s+another)\b"),
]
#: Relations to the object inside the phrase, written ``§k`` (k-th object), ``§p`` ("it") or ``§q`` ("them").
_TO_OBJECT = [
    ("facing", r"\bfac(?:ing|es|e)\s+§(\w)|\b(?:opposite|across\s+from)\s+§(\w)"),
    ("next_to", r"\b(?:next\s+to|beside|alongside|by|near)\s+(?:one\s+of\s+)?§(\w)"),  # "next to one of the desks"
    ("next_to", r"\bflank(?:s|ing)?\s+§(\w)"),  # "two paddle stands flank the counter"
    ("next_to", r"\b(?:along|lining|lines?|at)\s+§(\w)"),  # "eight stools along the counter", "six stools line it"
    ("next_to", r"\bin\s+front\s+of\s+§(\w)"),  # placed at the target's front (relate.relation_poses)
    ("next_to", r"\bbehind\s+§(\w)"),  # at the target's back, else beside it (relate.relation_poses)
    ("next_to", r"\b(?:at|by|to|on)\s+§(\w)\s+(?:foot|end|head|side|left|right)\b"),  # "at its foot"
    (
        "next_to",
        r"\b(?:at|by|to|on)\s+(?:the\s+|one\s+)?(?:foot|end|head|side)\s+of\s+§(\w)|\bto\s+the\s+(?:left|right)\s+of\s+§(\w)",
    ),
    ("on_top", r"\b(?:on\s+top\s+of|on|atop|onto)\s+§(\w)"),
    ("between", r"\bbetween\s+(?:(?:two|both)\s+of\s+)?§(\w)"),  # "between two of the beds"
    ("around", r"\baround\s+§(\w)"),
]
#: The same, read the other way round: "a table surrounded by six chairs" = the chairs around the table.
_FROM_OBJECT = [
    ("around", r"\b(?:surrounded|encircled|ringed)\s+by\s+§(\w)"),
    ("on_top", r"\b(?:topped|stacked)\s+with\s+(?:a\s+|an\s+|the\s+)?§(\w)"),  # "a counter topped with a cake stand"
    ("next_to", r"\bflanked\s+by\s+§(\w)"),
    # "two armchairs on either side of the chess table": the table stands between them
    ("between", r"\b(?:on|at)\s+(?:either|each|both|opposite)\s+sides?\s+of\s+§(\w)"),
]
#: "at each end" / "on either side" with no "of" after it: of the piece the phrase comes with.
_EACH_END = re.compile(r"\b(at|on|by)\s+(?:each|either|both)\s+(end|side)s?\b(?!\s+of\b)")
#: Parts of a piece "its" may name a place by ("at its foot", "on its left").
_SIDES = frozenset({"foot", "end", "head", "side", "left", "right"})
_UNIT_DEPS = frozenset({"prep", "acl", "advmod", "npadvmod", "relcl", "amod", "advcl", "dep", "acomp", "oprd", "xcomp", "csubj"})
_ARG_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "attr"})
_PAIR_KINDS = ("side_by_side", "back_to_back", "opposite")
#: Verbs between an object and the relation words that tie the words to that object ("3 tv's on a shelf").
_LINK_VERBS = r"'s|is|are|stands?|sits?|rests?|hangs?|placed|standing|sitting|resting|hanging"


_MOUNTED = re.compile(r"\bwall[- ](?:mounted|hung)\b")


def _rows_words(doc: Doc, p: ObjectPhrase) -> str:
    """The words of "two rows of four desks" (counts kept, the noun left out: "two rows of four"), else "rows of"."""
    head = doc[p.head]
    if head.dep_ == "pobj" and head.head.lower_ == "of":
        of, quantity = head.head, head.head.head
        return " ".join(t.lower_ for t in doc[quantity.left_edge.i : head.i] if t.like_num or t.i in (quantity.i, of.i))
    return "rows of"


def _phrase_text(doc: Doc, root: Token, subject: ObjectPhrase, heads: dict[int, ObjectPhrase]) -> tuple[str, list]:
    """The words under ``root`` (other objects' words replaced by ``§k``, "it" by ``§p``, "them" by ``§q``) and the
    objects."""
    keep: list[int] = []
    stack = [root]
    while stack:
        t = stack.pop()
        if t.i == subject.token:
            continue
        keep.append(t.i)
        if t.i in heads and heads[t.i] is not subject:
            continue  # another object: its own dependents are its own
        stack.extend(t.children)
    words: list[str] = []
    found: list[ObjectPhrase] = []
    prev = -2
    for i in sorted(keep):
        t = doc[i]
        if i in heads and heads[i] is not subject:
            found.append(heads[i])
            w = f"§{len(found) - 1}" if len(found) <= 10 else "§x"
        elif t.lower_ in ("it", "them") and t.pos_ == "PRON":
            w = "§p" if t.lower_ == "it" else "§q"
        elif t.lower_ in ("its", "their") and t.dep_ == "poss" and t.head.lower_ in _SIDES:
            w = "§p" if t.lower_ == "its" else "§q"  # "a blanket chest at its foot"
        else:
            w = t.lower_
        if words and prev == i - 1 and not doc[prev].whitespace_:
            words[-1] += w
        else:
            words.append(w)
        prev = i
    return " ".join(words), found


def _words_of(doc: Doc, phrase: ObjectPhrase) -> str:
    """The object's words as written, with its determiner ("a long table")."""
    head = doc[phrase.head]
    return doc[head.left_edge.i : max(head.i, phrase.token) + 1].text.lower()


def _antecedent(doc: Doc, subject: ObjectPhrase, heads: dict[int, ObjectPhrase], phrases: list[ObjectPhrase]):
    """What "it" / "them" refers to: the nearest other object named before the subject ("a kneeler facing a small
    altar with a cross on top of it": the altar), else the object the subject's phrase hangs from."""
    before = [
        p
        for p in phrases
        if p.start < subject.start
        and (
            p.category != subject.category
            or p.text != subject.text  # "a blackjack table with stools around it, a roulette table next to it"
            or (p.label and subject.label and p.label != subject.label)  # "a trophy cabinet ... grey lockers beside it"
        )
    ]
    hosts = [p for p in before if with_host(doc, p, heads, listed=True) is None and not _carries(doc, p, before)]
    if hosts and doc[hosts[-1].token].sent.start == doc[subject.token].sent.start:
        # "a bar with three turntables on top and three stools in front of it": not a piece another one comes with
        return hosts[-1]
    if before:
        return before[-1]
    x = doc[subject.head]
    for _ in range(8):
        if x.head.i == x.i:
            break
        x = x.head
        if x.i in heads and heads[x.i] is not subject:
            return heads[x.i]
    return None


def _pronoun(doc: Doc, subject: ObjectPhrase, pron, heads: dict[int, ObjectPhrase], phrases: list[ObjectPhrase]):
    """The piece "it" / "them" (``pron``: the token, or the word when the token is not known) in a phrase of
    ``subject`` names: the piece it comes with, else the antecedent (:func:`_antecedent`), named before the pronoun
    ("next to it are a fridge and a popcorn machine": not the fridge); "them" names pieces: "two chairs behind it
    with a side table between them"."""
    word = pron if isinstance(pron, str) else pron.lower_
    if not isinstance(pron, str) and pron.idx < subject.start:
        phrases = [q for q in phrases if q.start < pron.idx or q is subject]
    target = with_host(doc, subject, heads, listed=True) or _antecedent(doc, subject, heads, phrases)
    if word == "them" and (target is None or (target.count or 1) < 2):
        target = _antecedent(doc, subject, heads, [q for q in phrases if (q.count or 1) >= 2]) or target
    elif (
        word == "it"
        and target is not None
        and ((target.count or 1) >= 2 or target.plural)
        and not any(t.lower_ in ("each", "every") for t in doc[doc[target.head].i : doc[subject.head].i])
    ):
        # "a table with five stools around it, a roulette table next to it": "it" is one piece (but "three tables,
        # each with two chairs around it": each of them)
        one = [q for q in phrases if ((q.count or 1) < 2 and not q.plural) or q is subject]
        target = _antecedent(doc, subject, heads, one) or target
    return target


def _second_side(doc: Doc, first: ObjectPhrase, heads: dict[int, ObjectPhrase]) -> ObjectPhrase | None:
    """The second piece of "between the piano and the bar counter" (the piece joined to ``first`` by "and") when
    it is another piece than ``first`` (not "between the bed and the other bed"), else None."""
    joined = [c for c in doc[first.head].children if c.dep_ == "conj" and c.i in heads]
    if not joined:
        return None
    other = heads[joined[0].i]
    if not re.fullmatch(r"\s*and\s+(?:the\s+|a\s+|an\s+|one\s+)?", doc.text[first.end : other.start]):
        return None  # "two beds with a nightstand between them, a desk and a beanbag": a list goes on
    same = other.category == first.category and named_as(other, other.category) == named_as(first, first.category)
    return None if same or not other.category else other


def _carries(doc: Doc, q: ObjectPhrase, named: list[ObjectPhrase]) -> bool:
    """Whether ``q`` is what another named piece stands on ("a grand stands on a low dais, with its bench next to
    it": "it" is the grand, not the dais)."""
    tok = doc[q.head]
    if tok.dep_ != "pobj" or tok.head.lower_ not in ("on", "onto", "atop", "upon"):
        return False
    up = tok.head.head
    return any(
        up.i in (p.head, p.token) or any(c.i in (p.head, p.token) for c in up.children if c.dep_ == "nsubj")
        for p in named
        if p is not q
    )


def _carrier(head: Token, heads: dict[int, ObjectPhrase]) -> ObjectPhrase | None:
    """The piece that holds ``head``'s piece (:func:`~scenerevis.policy.references.holder_of`: "a mahogany pedestal in
    the middle holds the biggest cup"), or None."""
    holder = holder_of(head)
    return heads.get(holder.i) if holder is not None else None


def _units(doc: Doc, p: ObjectPhrase, heads: dict[int, ObjectPhrase], room_tokens: set[int]) -> list[Token]:
    """Roots of the phrases attached to ``p``: its noun's dependents after it, and its verb's when it is an argument."""
    head = doc[p.head]
    out = [c for c in head.rights if c.dep_ in _UNIT_DEPS]
    out += [c for c in head.lefts if c.dep_ == "prep"]  # "..., and between them a folding table": a place before it
    arg = head
    if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.lemma_.lower() in QUANTITY_NOUNS:
        arg = head.head.head  # "a pair of armchairs on either side of ...": the words hang on "pair"
        out += [c for c in arg.rights if c.dep_ in _UNIT_DEPS and c.i > head.i]
    verb = arg.head  # "six loungers side by side in a row along the wall": the fixed adverb is the predicate
    if arg.dep_ in _ARG_DEPS and (verb.pos_ in ("VERB", "AUX") or (verb.pos_ == "ADV" and verb.dep_ == "ROOT")):
        # (not the words that follow another piece of the verb before this one: "one green felt(verb) blackjack
        # table in the centre with five stools, a roulette table next to it": the centre is the blackjack table's)
        others = [h for h in heads if h != arg.i and doc[h].head.i == verb.i and doc[h].dep_ in _ARG_DEPS]
        out += [
            c
            for c in verb.children
            if c.dep_ in _UNIT_DEPS and c.i != arg.i and c.i not in heads and not any(h < c.i < arg.i for h in others)
        ]
    room = head.head.head if head.dep_ == "pobj" and head.head.lower_ == "with" else None
    if room is not None and room.i in room_tokens and room.dep_ in ("nsubj", "nsubjpass") and room.head.i > head.i:
        # "A lounge with six armchairs arranged around a low table", parsed with the room as the verb's subject:
        # the verb's words are the last piece's before it
        verb = room.head
        if verb.pos_ == "VERB" and not any(head.i < h < verb.i for h in heads):
            out += [c for c in verb.children if c.dep_ in _UNIT_DEPS and c.i > verb.i and c.i not in heads]
    nxt = doc[head.right_edge.i + 1] if head.right_edge.i + 1 < len(doc) else None
    if (
        head.dep_ in ("conj", "appos", "dobj", "pobj")
        and nxt is not None
        and nxt.tag_ in ("VBZ", "VBP", "VBD")  # a finite verb, not "a desk by the sofa facing the TV"
        and not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in nxt.children)
    ):
        # "fills the left corner and a hand-wash sink is next to it", parsed with the sink joined to the corner:
        # the verb right after the piece, with no subject of its own, is the piece's
        out += [c for c in nxt.children if c.dep_ in _UNIT_DEPS and c.i > nxt.i and c.i not in heads]
    first = arg
    while first.dep_ in ("conj", "appos") and first.head.i != first.i:
        first = first.head
    verb = first.head
    if first is not arg and first.dep_ in _ARG_DEPS and verb.pos_ in ("VERB", "AUX"):
        # "next to it are a fridge and a popcorn machine": the place written before the verb is every subject's
        out += [c for c in verb.children if c.dep_ in _UNIT_DEPS and c.i < verb.i and c.i not in heads]
    elif first.dep_ == "ROOT" and first.pos_ in ("NOUN", "PROPN"):
        # "Against the back wall: a cabinet, a coffee machine and a bench": the place heads the whole list
        out += [c for c in first.children if c.dep_ == "prep" and c.i < first.i]
    elif (
        first.dep_ == "pobj"
        and first.head.dep_ == "ROOT"
        and first.head.pos_ == "ADP"
        and any(c.dep_ == "pobj" and c.i < first.i and c.i not in heads for c in first.head.children)
    ):
        # "In the back left corner a repair workbench and a stool", parsed as two objects of "In": the place's
        out.append(first.head)
    return out


def _orphans(doc: Doc, heads: dict[int, ObjectPhrase], room_tokens: set[int]) -> dict[int, list[Token]]:
    """Phrases the parser hung on the room noun (or a sentence root that is no object), by the nearest object before."""
    out: dict[int, list[Token]] = {}
    for t in doc:
        if t.dep_ not in ("prep", "advmod", "acl") or t.head.i in heads:
            continue
        if not (t.head.i in room_tokens or (t.head.dep_ == "ROOT" and t.head.pos_ in ("NOUN", "PROPN"))):
            continue
        before = [i for i in heads if t.head.i < i < t.i and doc[i].sent.start == t.sent.start]
        if before:
            out.setdefault(max(before), []).append(t)
    return out


def parse_relations(doc: Doc, phrases: list[ObjectPhrase], room_tokens: set[int] = frozenset()) -> list[Relation]:
    """Relations of the parsed prompt ``doc`` among its object ``phrases`` (category and count set; negated
    ones left out). ``room_tokens`` are the token indices of the room's name."""
    phrases = [p for p in phrases if p.category and not p.negated]
    heads = {p.head: p for p in phrases} | {p.token: p for p in phrases}
    orphans = _orphans(doc, heads, room_tokens)
    out: list[Relation] = []
    seen: set[tuple] = set()

    by_cat: dict[str, list[ObjectPhrase]] = {}
    for q in phrases:
        by_cat.setdefault(q.category, []).append(q)

    def add(kind: str, subj: str, target: str | None, words: str, sp=None, tp=None, t2p=None) -> None:
        """``sp`` / ``tp``: the subject's / target's phrase, naming which generic object is meant; ``t2p``: the
        second piece of a "between" that names two."""
        s_text, t_text = named_as(sp, subj), named_as(tp, target)
        if subj == GENERIC and not s_text and len(by_cat.get(GENERIC, [])) == 1:
            s_text = by_cat[GENERIC][0].text.lower()
        t2 = t2p.category if t2p is not None else None
        key = (kind, subj, target, s_text, t_text, t2, named_as(t2p, t2))
        if key not in seen:
            seen.add(key)
            out.append(Relation(kind, subj, target, words.strip(), *key[3:]))

    for p in phrases:
        if p.quantity == "rows":
            add("in_row", p.category, None, _rows_words(doc, p), p)
        # "a wall-mounted TV": hung on a wall, not on a stand (a wall-mounted shelf stands by a wall anyway)
        if on_surface_category(p.category) and _MOUNTED.search(" ".join([*p.words, p.text]).lower()):
            add("against_wall", p.category, None, "wall-mounted", p)
        if (carrier := _carrier(doc[p.head], heads)) is not None:  # "a pedestal holds the biggest cup"
            add("on_top", p.category, carrier.category, f"on the {carrier.text.lower()}", p, carrier)
        roots = _units(doc, p, heads, room_tokens) + orphans.get(p.head, []) + orphans.get(p.token, [])
        if p.head != p.token:
            roots.append(doc[p.head])  # "a dryer side by side": the promoted noun's own words
        head = doc[p.head]
        conj_prev = heads.get(head.head.i) if head.dep_ == "conj" else None
        conj_next = next((heads[c.i] for c in head.rights if c.dep_ == "conj" and c.i in heads), None)
        # "a treadmill and a rower": the phrase right after "and" from the one before it
        # (from the first word of its noun phrase: "and a small side table")
        start = min(p.start, head.left_edge.idx)
        pair = conj_prev is not None and bool(re.fullmatch(r"\s*and\s+(?:a|an|the|one)?\s*", doc.text[conj_prev.end : start]))
        via_with = None
        if head.dep_ == "pobj" and head.head.lower_ == "with" and head.head.head.i in heads:
            via_with = heads[head.head.head.i]  # "a round table with four chairs in the middle"
        for root in roots:
            text, objs = _phrase_text(doc, root, p, heads)
            text = _EACH_END.sub(r"\1 the \2 of §p", text)  # "with a litter bin at each end": of the piece it comes with
            # the parser may hang a phrase on an earlier object across a nearer one ("a rug and a lamp next to
            # each armchair" with "next to" under the rug): written order decides, the nearer object owns it
            nearer = [
                q
                for q in phrases
                if p.token < q.token < root.i
                and doc[q.token].sent.start == root.sent.start
                # "a table with 2 chairs in the middle": the table's (but "with its bench next to it": the bench's)
                and (with_host(doc, q, heads) is not p or "§p" in text or "§q" in text)
            ]
            owner = max(nearer, key=lambda q: q.token) if nearer and root.i > p.token else p
            if root.i < p.token:  # "desks in two rows back to back, 8 chairs" parsed with the rows on the chairs
                just_before = [
                    q
                    for q in phrases
                    if q.token < root.i <= q.token + 6
                    and not any(t.is_punct for t in doc[q.token : root.i])
                    and doc[q.token].sent.start == root.sent.start
                ]
                owner = max(just_before, key=lambda q: q.token) if just_before else owner
            for kind, pat in _SELF:
                m = re.search(pat, text)
                if not m or (kind == "against_wall" and "wall-mounted" in text):
                    continue
                if kind == "stacked":  # "two crates stacked on top of each other", "bunks stacked three high"
                    _pile(add, owner, text, m)
                    continue
                subj, target, sp, tp = owner.category, None, owner, None
                before = re.search(r"§(\d)\s*$", text[: m.start()])
                if before and int(before.group(1)) < len(objs) and objs[int(before.group(1))].category:
                    # "a table in the middle and two chairs facing each other": the words follow the chairs
                    add(kind, objs[int(before.group(1))].category, None, m.group(0), objs[int(before.group(1))])
                    continue
                if kind in _PAIR_KINDS and (p.count or 1) < 2:  # "a washer and a dryer side by side"
                    if conj_next is not None:
                        subj, target, sp, tp = conj_next.category, p.category, conj_next, p
                    elif conj_prev is not None:
                        target, tp = conj_prev.category, conj_prev
                elif kind in ("middle", "corner", "against_wall") and via_with:
                    subj, sp = via_with.category, via_with
                add(kind, subj, target, m.group(0), sp, tp)
                # (not a place joined to it: "a radio on the table and a toilet in the corner")
                if (
                    kind in ("against_wall", "corner")
                    and pair
                    and owner is p
                    and not via_with
                    and doc[conj_prev.head].dep_ != "pobj"
                ):
                    add(kind, conj_prev.category, None, m.group(0), conj_prev)  # "a treadmill and a rower along a wall"
                oh = doc[owner.head]
                joined = (oh.dep_ == "conj" and oh.head.i == p.head) or (oh.dep_ == head.dep_ and oh.head.i == head.head.i)
                if kind in SITE_KINDS and owner is not p and joined and root.head.i == head.head.i and head.dep_ in _ARG_DEPS:
                    add(kind, p.category, None, m.group(0), p)  # "a hose reel and a rinsing tub sit in the corner": both
                several = re.search(r"\b(?:both|each|every)\b", m.group(0))  # "along both long walls": a piece each
                if (
                    kind == "against_wall"
                    and (p.count or 1) >= 2
                    and re.match(r"(?:along|lining|lines?)\b", m.group(0))
                    and not several
                ):
                    add("in_row", subj, None, m.group(0), sp)  # "four bookcases along one wall": a row on that wall
            for kind, pat, reverse in [(k, r, True) for k, r in _FROM_OBJECT] + [(k, r, False) for k, r in _TO_OBJECT]:
                m = re.search(pat, text)
                if not m:
                    continue
                key = next(g for g in m.groups() if g is not None)
                subject = owner
                before = re.search(r"§(\d)\s*(?:" + _LINK_VERBS + r")?\s*$", text[: m.start()])
                if before and int(before.group(1)) < len(objs) and objs[int(before.group(1))].category:
                    subject = objs[int(before.group(1))]  # "a rug and a reading lamp next to each armchair"
                companions = [
                    q
                    for q in (phrases if key in ("p", "q") and subject is p else ())
                    if p.token < q.token < root.i
                    and doc[q.token].sent.start == root.sent.start
                    and with_host(doc, q, heads, listed=True) is p
                ]
                if companions:
                    # "a bench with a towel rack next to it", the words parsed on the bench: the rack, by the bench
                    subject, target = max(companions, key=lambda q: q.token), p
                elif key in ("p", "q"):  # "a sofa with a table in front of it": the piece it comes with, else the nearest before
                    word = "it" if key == "p" else "them"
                    pron = next((t for t in root.subtree if t.lower_ == word and t.pos_ == "PRON"), None)
                    target = _pronoun(doc, subject, pron or word, heads, phrases)
                elif key.isdigit() and int(key) < len(objs):
                    target = objs[int(key)]
                else:
                    target = None
                if target is None or not target.category:
                    continue
                words = re.sub(r"§(\w) (foot|end|head|side|left|right)\b", r"the \2 of §\1", m.group(0))
                words = words.replace(f"§{key}", _words_of(doc, target))
                if target is subject:
                    continue
                if (
                    reverse
                    and kind == "between"
                    and ((subject.count or 1) < 2 or target.category in anchors_of(subject.category) or on_surface(subject))
                ):
                    continue  # one piece flanks nothing; nightstands by the bed, lamps on tables are their roles'
                if reverse:
                    add(
                        kind,
                        target.category,
                        subject.category,
                        f"{kind.replace('_', ' ')} the {subject.text.lower()}",
                        target,
                        subject,
                    )
                    if kind == "between":  # "two flower stands on either side of it": each stands next to it
                        add("next_to", subject.category, target.category, words, subject, target)
                    if kind == "on_top":  # "a counter topped with a cake stand and a mixer": both on it
                        for c in doc[target.head].children:
                            if c.dep_ == "conj" and c.i in heads and heads[c.i].category and heads[c.i] is not subject:
                                q = heads[c.i]
                                add(kind, q.category, subject.category, f"on top of the {subject.text.lower()}", q, subject)
                else:
                    other = _second_side(doc, target, heads) if kind == "between" and key.isdigit() else None
                    if other is not None:  # "between the piano and the bar counter"
                        words = f"between the {target.text.lower()} and the {other.text.lower()}"
                    add(kind, subject.category, target.category, words, subject, target, other)
                    sh = doc[subject.head]
                    first = (heads.get(sh.head.i) if sh.dep_ == "conj" else None) if subject is not p else conj_prev
                    joined = pair if subject is p else first is not None
                    small = first is not None and (
                        first.category == GENERIC
                        or on_surface(first)
                        # "the desk with two turntables and a mixer on it" (not a seat: "with a stool and a scale on it")
                        or (with_host(doc, first, heads, listed=True) is target and not anchors_of(first.category))
                    )
                    if kind == "on_top" and joined and small and first is not target:
                        # "with a cheese slicer and a scale on top of it", "a machine and an enrober stand on
                        # the counter": both stand on it
                        add(kind, first.category, target.category, words, first, target)
                    elif (
                        kind == "next_to" and joined and first is not target and key in ("p", "q") and first.start > target.start
                    ):
                        # "the bed stands in the middle, with a fetal monitor and an IV pole next to it": both
                        add(kind, first.category, target.category, words, first, target)
                break

    def resolve(piece: ObjectPhrase, pron: Token) -> ObjectPhrase | None:
        return _pronoun(doc, piece, pron, heads, phrases)

    other_side(doc, phrases, out)
    colon_places(doc, phrases, add)
    fronted_pronoun(doc, phrases, heads, add, resolve)
    faces_verb(doc, phrases, heads, add, resolve)
    zone_pieces(doc, phrases, heads, add)
    _written_after(doc, phrases, add, out)
    verb_sites(doc, heads, add)
    bare_on_top(doc, phrases, add)
    carried(doc, phrases, heads, out, add)
    with_small(doc, phrases, heads, out, add)
    with_owner(doc, phrases, heads, out, add)
    many = {(p.category, p.text.lower()) for p in phrases if p.category and ((p.count or 1) >= 2 or p.plural)}
    return hosts_take_places(_pairs_share_sites(out), many)


def _pairs_share_sites(rels: list[Relation]) -> list[Relation]:
    """ "a bench and a leaning rail side by side along the back": pieces side by side share where they stand
    (against a wall, in a corner, in the middle) when the brief places only one of them."""
    sites = {(r.subject, r.subject_text): r for r in rels if r.kind in SITE_KINDS}
    out = list(rels)
    for r in rels:
        if r.kind != "side_by_side" or not r.target:
            continue
        a, b = (r.subject, r.subject_text), (r.target, r.target_text)
        for have, lack in ((a, b), (b, a)):
            if have in sites and lack not in sites:
                out.append(Relation(sites[have].kind, lack[0], None, sites[have].text, lack[1]))
                sites[lack] = out[-1]
    return out


def _pile(add, p: ObjectPhrase, text: str, m: re.Match) -> None:
    """A pile of ``p``'s pieces on their own kind (``m``: "stacked" in ``text``), when there are two or more."""
    if (p.count or 1) >= 2:
        add("on_top", p.category, p.category, stack_words(text, m), p, p)


def _written_after(doc: Doc, phrases: list[ObjectPhrase], add, out: list[Relation]) -> None:
    """Room relations the parse hung elsewhere ("a round table in the middle, two chairs ..." parsed with
    "middle" describing the chairs): words of ``_SELF`` written right after an object (at most three words
    between, same sentence) go to that object; ``add`` skips what the tree already gave."""
    text = doc.text.lower()
    heads = {q.head: q for q in phrases}
    at = {t.idx: t for t in doc}  # the token each character offset starts
    for kind, pat in _SELF:
        for m in re.finditer(pat, text):
            before = [p for p in phrases if p.end <= m.start()]
            if not before:
                continue
            p = max(before, key=lambda q: q.end)
            tok = at.get(m.start())
            if tok is not None and tok.dep_ == "prep" and tok.head.i > tok.i and tok.head.i in heads:
                p = heads[tok.head.i]  # "put a ticket desk, and in the far corner a sound desk": the piece after it
            elif tok is not None and tok.dep_ == "prep" and tok.head.i > tok.i and tok.head.pos_ in ("VERB", "AUX"):
                # "..., and in one corner make a play area with a climbing block": the verb's piece, not the one before
                p = verb_piece(doc, tok.head, phrases)
                if p is None:
                    continue
            elif kind in ("middle", "corner", "against_wall"):  # "a table with 2 chairs in the middle": the table
                host = with_host(doc, p, heads)  # (not a host placed already: "machines down the middle, with a
                sited = host is not None and any(r.kind in SITE_KINDS and r.subject == host.category for r in out)
                p = host if host is not None and not sited else p  # counter along the wall": the counter's)
            gap = text[max(q.end for q in before) : m.start()]
            if len(gap.split()) > 3 or re.search(r"[.;:!?]", gap):
                continue
            if kind == "stacked":
                _pile(add, p, text, m)
                continue
            if kind in _PAIR_KINDS and (p.count or 1) < 2:
                continue
            add(kind, p.category, None, m.group(0), p)
