"""phrases.py: the object phrases of a parsed prompt, read from its dependency tree (see :mod:`nlp`).

One :class:`ObjectPhrase` per noun that names an object: a ``rooms.json`` synonym found by
:mod:`vocab` (the synonym's root word in the parse is the phrase's noun: "table" of "coffee table",
"chest" of "chest of drawers") or, for open-vocabulary objects, a noun with a determiner or a count
("an antique telescope"). A synonym that only modifies another object noun is dropped ("desk" of
"a desk lamp", "coffee table" of "a coffee table book"). From the noun's dependents come its count
(``nummod`` numerals, "a pair of", "a couple of", "a few", "several", "a dozen", "rows of", "a set
of four", "at least two"), its describing words (``amod`` / ``compound`` modifiers, a trailing
"with ..." phrase) and whether it is ruled out (determiner "no", "without", a negated verb). Where
the small parser reads a participle of the noun phrase as a verb ("eight grey upholstered chairs"),
the modifier words written right before the noun complete the phrase. Token indices refer to the
spaCy ``Doc``; character offsets to the prompt text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from scenerevis.policy.finish_words import predicate_words
from scenerevis.policy.nlp import hyphen_joined, hyphen_word, hyphenated
from scenerevis.policy.not_pieces import (
    belongings,
    beside_the_room,
    container_of,
    contents,
    for_the_brief,
    heading_end,
    is_measure,
    kept_for,
    likened,
    listed_npadvmod,
    names_the_room,
    names_the_venue,
    negated,
    opens_as_the_room,
    part_of_the_room,
    part_piece,
    seat_cushion,
    serves_as,
    the_brief_around,
    trade_goods,
    vehicle_prop,
    venue_of_the_room,
    zone_with,
)
from scenerevis.policy.noun_words import (
    ENDING_PIECES,
    FEW,
    GROUP_NOUNS,
    ONE_SET,
    PER_UNIT,
    QUANTITY_NOUNS,
    UNIT_OBJECTS,
    WALL_PIECES,
    kind_word,
)
from scenerevis.policy.open_vocab import (
    TABLETOP_HEADS,
    VENUE_STATIONS,
    is_object_noun,
    names_a_venue,
)
from scenerevis.policy.owners import (
    both_sides,
    each_corner,
    each_of,
    number_of,
    owner_of,
    per_row,
    phrase_above,
    shared_noun_counts,
)
from scenerevis.policy.venue import names_a_toy
from scenerevis.policy.vocab import Mention

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_SKIP_DEPS = frozenset({"det", "predet", "nummod", "quantmod", "poss", "case", "cc", "neg", "prep", "aux", "punct"})
_COUNT_WORDS = frozenset({"few", "several", "more", "additional", "extra", "own", "least", "at", "couple", "pair", "many"})
_NP_DEPS = frozenset(
    {"det", "predet", "nummod", "quantmod", "amod", "compound", "nmod", "npadvmod", "advmod", "poss", "case", "punct", "neg"}
)
_CLAUSE_DEPS = frozenset(
    {"relcl", "acl", "prep", "pobj", "nsubj", "nsubjpass", "dobj", "aux", "auxpass", "mark", "advcl", "ccomp", "xcomp"}
    | {"appos", "attr", "agent", "dative", "expl", "ROOT"}
)
_DETERMINER_TAGS = frozenset({"DT", "PDT", "PRP$", "WP$"})
_PREMODIFIER_TAGS = frozenset({"JJ", "JJR", "JJS", "NN", "NNS", "NNP", "NNPS", "VBN", "VBD", "VBG", "HYPH", "AFX"})
#: Two-letter nouns that name a piece ("a desktop PC"); other nouns that short are no open phrase.
_SHORT_PIECES = frozenset({"pc", "pcs"})
_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "poss", "npadvmod"})
_ROOM_PREPS = frozenset({"with", "featuring", "including", "for", "containing"})
_DEFINITE = frozenset({"the", "this", "that", "these", "those", "its", "their", "each"})


@dataclass
class ObjectPhrase:
    """An object the prompt names.

    ``token`` is the noun's token index, ``head`` the token its determiner, count and relations attach to (the
    noun itself, or the noun it modifies when that is a part or place word: "a dryer side by side" -> "side");
    ``start``/``end`` the noun's character span; ``text`` the noun (a mention's words, or an open phrase's
    modifiers and noun); ``mention`` the vocabulary mention (None for open phrases). ``count`` is None when no
    word gives it; ``indefinite`` for "a"/"an", ``another`` for "another"; ``definite`` for "the"/"its";
    ``words`` the describing words before the noun, ``trail`` a "with ..." phrase after it; ``quantity`` the
    quantifying noun ("rows"); ``owner`` the token of the object it belongs to ("beds, each with its own
    nightstand"), -1 for an object before it that the parse does not link. ``reference``: an open phrase "the
    <noun>" without a count, naming an object written before ("the altar"). ``category`` is set by the prompt
    reader, and ``label`` when pieces of the category are named apart ("a large-format printer ... two laser
    printers").
    """

    token: int
    head: int
    start: int
    end: int
    text: str
    mention: Mention | None = None
    count: int | None = None
    at_least: bool = False
    indefinite: bool = False
    another: bool = False
    definite: bool = False
    negated: bool = False
    plural: bool = False
    words: list[str] = field(default_factory=list)
    trail: str = ""
    quantity: str | None = None
    owner: int | None = None
    reference: bool = False
    category: str | None = None
    label: str = ""


def _span_tokens(doc: Doc, start: int, end: int) -> list[Token]:
    span = doc.char_span(start, end, alignment_mode="expand")
    return list(span) if span is not None else []


def _words(tokens: list[Token]) -> list[str]:
    """Words of ``tokens`` (in order), tokens written together in the text joined ("L-shaped")."""
    out: list[str] = []
    prev: Token | None = None
    for t in sorted(tokens, key=lambda t: t.i):
        if prev is not None and prev.i == t.i - 1 and not prev.whitespace_ and out:
            out[-1] += t.text
        else:
            out.append(t.text)
        prev = t
    return [w for w in out if w.strip("-")]


def _linear_run(doc: Doc, first: int, taken: set[int] | frozenset[int]) -> list[Token]:
    """The modifier-like words written right before token ``first`` (adjectives, nouns, participles, a numeral and
    a determiner), up to punctuation, a preposition, a conjunction, a finite verb or another object: the noun
    phrase where the parser read part of it as a clause ("eight grey upholstered chairs", "upholstered" a verb)."""
    out: list[Token] = []
    i = first - 1
    while i >= 0 and len(out) < 8:
        t = doc[i]
        if i in taken:
            break
        joined = not t.whitespace_ and i + 1 < len(doc) and doc[i + 1].text == "-"
        if t.tag_ in _DETERMINER_TAGS or (t.tag_ == "CD" and not joined):
            out.insert(0, t)
            if t.tag_ == "CD" and i >= 2 and doc[i - 1].lower_ == "least" and doc[i - 2].lower_ == "at":
                out[:0] = [doc[i - 2], doc[i - 1]]
            elif t.tag_ == "CD" and i >= 1 and doc[i - 1].tag_ in _DETERMINER_TAGS:
                out.insert(0, doc[i - 1])
            break
        if t.tag_ not in _PREMODIFIER_TAGS and not (t.tag_ == "CD" and joined):
            break
        out.insert(0, t)
        i -= 1
    return out


def noun_phrase_left(tok: Token, first: int | None = None, taken: set[int] | frozenset[int] = frozenset()) -> list[Token]:
    """The tokens of ``tok``'s noun phrase before it (determiners, numerals, adjectives, compounds and their
    adverbs): its dependents, nearest first until one is no part of a noun phrase (a clause, a comma), and the
    modifier words written right before token ``first`` (default ``tok``) where the parse cut the phrase short."""
    out: list[Token] = []
    for child in reversed(list(tok.lefts)):
        if child.dep_ == "punct" and child.text == "," and out and out[0].dep_ == "amod":
            continue  # "a calm, airy room"
        if child.dep_ not in _NP_DEPS or (child.dep_ == "punct" and child.tag_ != "HYPH"):
            break
        sub = list(child.subtree)
        if any(
            (t.dep_ in _CLAUSE_DEPS and not hyphen_joined(t))  # ("a sawing-in-half box": one word)
            or (t.is_punct and t.tag_ not in ("HYPH", "POS"))  # (the "'" of "partners' desk" is no break)
            or (t.pos_ in ("VERB", "AUX") and t.tag_ not in ("VBN", "VBG") and not hyphenated(t) and t.dep_ != "compound")
            for t in sub  # (a "verb" the parser made a compound is a noun: "twelve bentwood chairs")
        ):
            break
        out = sub + out
        if child.dep_ in ("det", "poss") and child.i == child.left_edge.i:
            break  # nothing before the determiner belongs to the phrase ("for four and a buffet")
    first = tok.i if first is None else first
    seen = {t.i for t in out}
    out += [t for t in _linear_run(tok.doc, first, taken) if t.i not in seen]
    return sorted(out, key=lambda t: t.i)


def modifiers(tok: Token, before: int, taken: set[int]) -> list[Token]:
    """Describing tokens of ``tok``'s noun phrase before token ``before`` (adjectives, compounds and their
    adverbs, at most six); counts, determiners and tokens of ``taken`` are left out."""
    out = [
        t
        for t in noun_phrase_left(tok, before, taken)
        if t.i < before
        and t.i not in taken
        and t.lower_ not in _COUNT_WORDS
        and number_of(t) is None
        and not (t.i > 0 and is_measure(t.doc[t.i - 1]))  # the "m²" of "a 9 m² nook"
        and not (t.pos_ == "ADV" and t.head.pos_ != "ADJ")  # "just a cushion", "only one nightstand"
        and (t.dep_ not in _SKIP_DEPS or t.tag_ in ("HYPH", "AFX") or _possessive_noun(t))
        and t.tag_ not in _DETERMINER_TAGS
        and (t.lower_ not in ("and", "or", ",") or hyphenated(t))
        and not (t.tag_ == "HYPH" and t.head.like_num)  # the hyphen of "twenty-two"
    ]
    return _whole_words(out[-6:], before, taken)


def _possessive_noun(t: Token) -> bool:
    """Whether ``t`` is a noun's possessive that says what kind of piece it is ("judge's" of "a judge's bench",
    with its "'s"), not a pronoun ("my", "their")."""
    if t.dep_ == "case" and t.head.dep_ == "poss":
        t = t.head
    return t.dep_ == "poss" and t.pos_ in ("NOUN", "PROPN") and t.tag_ not in _DETERMINER_TAGS


def _whole_words(tokens: list[Token], before: int, taken: set[int] | frozenset[int]) -> list[Token]:
    """``tokens`` with the rest of each hyphenated word they are part of ("black-and-white", "six-drawer")."""
    if not tokens:
        return tokens
    doc = tokens[0].doc
    keep = {t.i for t in tokens}
    for t in tokens:
        i = t.i
        while i > 0 and not doc[i - 1].whitespace_ and (doc[i - 1].tag_ == "HYPH" or doc[i].tag_ == "HYPH"):
            if i - 1 in taken:
                break
            i -= 1
            keep.add(i)
        i = t.i
        while i + 1 < before and not doc[i].whitespace_ and (doc[i + 1].tag_ == "HYPH" or doc[i].tag_ == "HYPH"):
            if i + 1 in taken:
                break
            i += 1
            keep.add(i)
    return [doc[i] for i in sorted(keep)]


def _count(
    head: Token, skip: set[int], taken: set[int] | frozenset[int] = frozenset()
) -> tuple[int | None, bool, bool, bool, str | None]:
    """(count, at_least, indefinite, another, quantity noun) from the noun phrase of ``head`` (``skip``: the
    noun's own tokens; ``taken``: other objects' tokens)."""
    first = min(skip | {head.i})
    left = [t for t in noun_phrase_left(head, first, taken - skip) if t.i not in skip]
    lows = {t.lower_ for t in left}
    quantity = None
    q = head.head
    misread = head.dep_ == "dobj" and q.tag_ == "VBG" and q.dep_ == "pcomp"  # "a pair of folding(verb) chairs"
    q = q.head if misread else q
    if (head.dep_ == "pobj" or misread) and q.lower_ == "of" and q.head.lemma_.lower() in QUANTITY_NOUNS:
        quantity = q.head  # "a pair of", "two rows of", "a set of four"
    name = None if quantity is None else ("rows" if quantity.lemma_.lower() == "row" else quantity.lower_)
    for t in left:
        n = number_of(t)
        if n is not None and (t.tag_ == "CD" or t.dep_ in ("nummod", "npadvmod", "quantmod", "compound", "amod", "det")):
            if is_measure(t):
                continue  # "a 9 m² nook", "a 2 m bench": a size
            if quantity is not None and quantity.lemma_.lower() in PER_UNIT:  # "3 rows of 5 seats" = 15
                n *= _count(quantity, {quantity.i}, taken)[0] or 1
            return n, "least" in lows, False, False, name
    for word, n in FEW.items():
        if word in lows:
            return n, False, False, False, name
    if quantity is not None:
        lemma = quantity.lemma_.lower()
        per = QUANTITY_NOUNS[lemma]
        got = _count(quantity, {quantity.i}, taken)[0] if lemma != "dozen" else None
        if lemma == "row":
            return (got or 2) * (per_row(head) or 3), False, False, False, name
        if per is not None:
            return (got or 1) * per, False, False, False, name
        if got and lemma in PER_UNIT and lows & {"a", "an", "one"}:  # "four sets of a table (and two chairs)"
            return got, False, False, False, name
        if got == 1 and (lemma == "wall" or (lemma == "set" and head.lower_ in ONE_SET)):
            return 1, False, True, False, name  # "a set of parallel bars", "a wall of PO boxes": one piece
        # "four sets of bleachers": one piece a set at least
        return (got if got and got > 1 and lemma in PER_UNIT else None), False, False, False, name
    dets = [t.lower_ for t in left if t.tag_ in _DETERMINER_TAGS or t.dep_ in ("det", "quantmod")]
    if "another" in dets:
        return 1, False, True, True, None
    if "a" in dets or "an" in dets:
        return 1, False, True, False, None
    return None, False, False, False, None


def _groups_of(head: Token, heads: set[int], taken: set[int]) -> int:
    """How many furniture groups the phrase of ``head`` is one of: N under "N <group noun>, each of / with ..."
    or "N <group noun>s of a ... and ..." (``GROUP_NOUNS``), else 1 (and 1 right after "N <group>s of")."""
    x, through = head, False
    for _ in range(8):
        if x.head.i == x.i:
            return 1
        step, x = x, x.head
        if x.i in heads:
            if step.dep_ == "conj":
                continue  # "sets of a table and two chairs": the chairs are the table's sibling
            return 1
        if x.pos_ == "NUM" and x.dep_ == "pobj":  # "desks in four pods of five, a phone booth": misread onto "five"
            return 1
        through = through or x.lower_ in ("each", "of", "with")
        if x.lower_ == "each" and x.dep_ == "appos" and x.head.i not in heads and x.head.lemma_.lower() not in GROUP_NOUNS:
            # "a lobby with three seating groups, each of ...": the parse hangs "each" on the room's noun
            before = [t for t in x.doc[max(0, x.i - 4) : x.i] if t.lemma_.lower() in GROUP_NOUNS and t.pos_ == "NOUN"]
            if before and before[-1].i not in heads:
                n = _count(before[-1], {before[-1].i}, taken)[0]
                return n if n and n > 1 else 1
        if x.lemma_.lower() in GROUP_NOUNS and through and x.pos_ == "NOUN":
            direct = head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.i == x.i
            n = _count(x, {x.i}, taken)[0]
            return n if n and n > 1 and not direct else 1
    return 1


def _trail(head: Token, anchors: set[int]) -> str:
    """ "with gold diamond patterns" after the noun (two words or more, not another object), or on its verb."""
    after = list(head.rights)
    if head.dep_ in ("dobj", "attr"):
        after += [c for c in head.head.rights if c.i > head.i]
    for c in after:
        if c.dep_ == "prep" and c.lower_ == "with":
            objs = [t for t in c.children if t.dep_ == "pobj"]
            if not objs or objs[0].i in anchors or objs[0].pos_ == "PRON" or any(g.lower_ == "of" for g in objs[0].children):
                return ""  # (nor "with a row of five stools": other pieces)
            p = objs[0]
            words = _words([t for t in p.doc[p.left_edge.i : p.i + 1] if t.i not in anchors])
            return "with " + " ".join(words) if len(words) >= 2 else ""
    return ""


def _promote(tok: Token, own: set[int]) -> Token:
    """The noun a mention's last word modifies when that noun is a place or part word ("dryer side")."""
    while tok.dep_ in ("compound", "amod", "nmod") and tok.head.i > tok.i and tok.head.i not in own:
        if tok.head.pos_ not in ("NOUN", "PROPN") or is_object_noun(tok.head.text):
            break
        tok = tok.head
    return tok


def names_a_modifier(doc: Doc, mention: Mention) -> bool:
    """Whether a mention only modifies a noun after it ("yoga" of "yoga blocks", "kitchen" of "kitchen island")."""
    toks = _span_tokens(doc, mention.start, mention.end)
    if not toks:
        return False
    tok = toks[-1]
    head = tok.head
    return (
        tok.dep_ in ("compound", "amod", "nmod")
        and head.i > tok.i
        and head.pos_ in ("NOUN", "PROPN")
        and is_object_noun(head.text)  # "dining nook", "yoga space" still name the room
    )


def _misread_lead(head: Token, taken: set[int], describing: frozenset[str]) -> Token | None:
    """The describing word the parser made the noun hang from ("grey" in "a light grey upholstered bed",
    read as "a light grey" with "upholstered bed" in apposition), or None."""
    lead = head.head
    if head.dep_ not in ("appos", "dobj", "npadvmod") or lead.i >= head.i or lead.i in taken:
        return None
    between = head.doc[lead.i + 1 : head.i]
    if any(t.is_punct or t.pos_ in ("ADP", "CCONJ", "VERB", "AUX", "DET") for t in between if t.tag_ != "VBN"):
        return None
    return lead if lead.lower_ in describing else None


def find_phrases(doc: Doc, mentions: list[Mention], describing: frozenset[str] = frozenset()) -> list[ObjectPhrase]:
    """Object phrases of ``doc``, in text order: the object ``mentions`` (kind ``category`` / ``generic``) that are
    nouns of their own, then noun chunks no mention covers (open phrases). Mentions of kind ``room`` /
    ``ignore`` mark words that are no object. ``describing`` are colour, material, style and size words: never
    an open phrase's noun, and read as the noun's modifiers where the parser took them for a noun."""
    spans = {id(m): _span_tokens(doc, m.start, m.end) for m in mentions}
    taken = {
        t.i
        for m in mentions
        if not (m.kind == "room" and (names_a_modifier(doc, m) or names_a_toy(doc, m)))
        for t in spans[id(m)]
    }
    objs = [m for m in mentions if m.kind in ("category", "generic") and spans[id(m)]]
    last = {t.i for m in objs for t in spans[id(m)]}
    ignored = {t.i for m in mentions if m.kind == "ignore" for t in spans[id(m)]}
    out: list[ObjectPhrase] = []
    dropped: set[int] = set()
    heading = heading_end(doc)
    for m in objs:
        toks = spans[id(m)]
        own = {t.i for t in toks}
        tok = next((t for t in toks if t.head.i not in own or t.head.i == t.i), toks[-1])  # "chest" of "chest of drawers"
        tok = toks[-1] if tok.i < toks[-1].i and tok.pos_ not in ("NOUN", "PROPN") else tok
        outer = tok.head
        if tok.dep_ in ("compound", "amod", "nmod") and outer.i == tok.i + 1:
            if outer.i in last or outer.i in ignored or (outer.pos_ == "NOUN" and outer.lower_ in TABLETOP_HEADS):
                dropped |= own  # "a brass desk lamp", "a coffee table book": another noun is the object
                continue
            if (
                outer.pos_ == "NOUN"
                and outer.lower_ not in describing
                and (is_object_noun(outer.lower_) or part_piece(outer, describing))
            ):
                dropped |= own  # "a table saw", "a chair lift": the outer noun names an object of its own
                continue
        if seat_cushion(tok) or kept_for(tok) or belongings(tok) or trade_goods(tok) or container_of(tok):
            dropped |= own  # "four chairs with red cushions": the chairs' cushions; "a locker for the tents"
            continue
        after = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if tok.dep_ == "compound" and after is not None and after.dep_ == "compound" and names_a_venue(after.lower_):
            dropped |= own  # "a piano showroom floor": the piano names the venue
            continue
        if (
            names_the_venue(tok, min(own), heading)
            or part_of_the_room(tok)
            or serves_as(tok)
            or zone_with(tok, m.end)
            or the_brief_around(tok)
        ):
            dropped |= own  # "A sushi counter restaurant: ...": a heading's venue, not a counter
            continue
        if opens_as_the_room(tok, _ROOM_PREPS):
            dropped |= own  # "A circus tent with a ring, ...": the room, not a play tent
            continue
        plural = m.plural or tok.tag_ in ("NNS", "NNPS")  # "shelves" is a synonym of its own
        out.append(ObjectPhrase(tok.i, _promote(tok, own).i, m.start, m.end, m.text, m, plural=plural))
    taken -= dropped
    nouns = [
        t
        for t in doc
        if t.pos_ in ("NOUN", "PROPN")
        and (t.dep_ not in _MODIFIER_DEPS or listed_npadvmod(t))
        and not (
            t.dep_ == "conj" and t.head.dep_ in ("compound", "nmod") and t.head.head.i > t.i
        )  # "a labour and delivery suite"
    ]
    nouns = [t for t in nouns if not for_the_brief(t)] + [t for t in nouns if for_the_brief(t)]  # (the purpose last)
    room_noun = nouns[0].i if nouns and names_the_room(nouns[0], _ROOM_PREPS) else -1
    # "A church hall turned polling station: a registration table, ...": a short heading names the room
    for root in nouns:
        if root.i in taken or any(p.head == root.i for p in out) or root.i < heading:
            continue
        if root.i == room_noun:
            continue  # "A tattoo parlour with ...", "Design a seaside fishmonger", "The hall has ...": the room
        venue = venue_of_the_room(root, doc[room_noun] if room_noun >= 0 else None)
        if (
            venue
            or beside_the_room(root, nouns[0])
            or likened(root)
            or part_of_the_room(root)
            or serves_as(root)
            or the_brief_around(root)
        ):
            continue  # "Relaxation lounge next to a spa's sauna", "feels like a jewel box": no object in the room
        low = root.lower_
        # "a video wall" is a piece ("the back wall" is none)
        lamp = low in ("light", "lights") and any(  # "a ring light", "2 lights" ("natural light" is none)
            (c.dep_ == "compound" and c.pos_ == "NOUN") or (c.dep_ == "nummod" and c.like_num) for c in root.lefts
        )
        part = part_piece(root, describing)
        piece_wall = low in ("wall", "walls") and any(c.lower_ in WALL_PIECES for c in root.lefts)
        prop = vehicle_prop(root)  # "a large pirate ship stands in the centre"
        # "a card reader", "a barcode reader" is a device ("an avid reader" a person)
        device = low in ("reader", "readers") and any(c.dep_ == "compound" and c.pos_ == "NOUN" for c in root.lefts)
        whole = (word := hyphen_word(root)) != low and is_object_noun(word)
        # ("a quern stone", "a grinding stone": a kind before the material names a piece)
        material_kind = low in describing and any(kind_word(c, describing) for c in root.lefts)
        material_kind = material_kind and not (root.i + 1 < len(doc) and doc[root.i + 1].pos_ == "NOUN")  # "leather sofa"
        quantity = (low in QUANTITY_NOUNS and low not in UNIT_OBJECTS) or (
            root.lemma_.lower() in QUANTITY_NOUNS and any(c.lower_ == "of" for c in root.children)
        )  # "three pods of four desks" (but "a sleep pod", "a chopping block" are objects)
        if (
            # ("a merry-go-round": the whole hyphenated word names the piece, not its last part)
            (not is_object_noun(low) and not (lamp or piece_wall or device or part or whole or prop or material_kind))
            or (low in describing and not material_kind)
            or quantity  # ("a waffle iron" is a piece: a material word with a kind before it)
            or (len(low) < 3 and low not in _SHORT_PIECES)
        ):
            continue
        if (low.endswith(("ly", "ing", "ed", "ful", "ous", "ive", "ish")) and low not in ENDING_PIECES) or names_a_venue(low):
            continue
        if root.lemma_.lower() == "station" and any(c.lower_ in VENUE_STATIONS for c in root.lefts):
            continue  # "an interview room at a police station"
        if (
            contents(root)
            or belongings(root)
            or trade_goods(root)
            or container_of(root)
            or (low in ("column", "columns") and root.head.lower_ == "in")
        ):
            continue  # "a wire shelf for moulds and boxes": what a piece holds; "pews in two columns": a row
        mods = modifiers(root, root.i, taken)
        start = min((t.idx for t in mods), default=root.idx)
        text = " ".join(_words(mods + [root]))
        plural = root.tag_ in ("NNS", "NNPS") and not low.endswith(("ss", "is", "us"))  # "a dais" is no plural
        if plural and root.lemma_ and text.endswith(root.text):  # "bike stands": one bike stand
            text = text[: -len(root.text)] + root.lemma_.lower()
        out.append(ObjectPhrase(root.i, root.i, start, root.idx + len(root), text, plural=plural))
    anchors = {p.head for p in out} | {p.token for p in out}
    mention_toks = {i for p in out if p.mention for i in (t.i for t in spans[id(p.mention)])}
    for p in out:
        head = doc[p.head]
        own = {t.i for t in spans[id(p.mention)]} if p.mention else {p.token}
        others = (taken | mention_toks) - own
        if head.dep_ == "appos" and head.head.lemma_ == head.lemma_ and any(c.lower_ in _DEFINITE for c in head.head.lefts):
            p.token = -1  # "the lightning stool, a wooden stool with glass feet": the same piece described again
            continue
        p.count, p.at_least, p.indefinite, p.another, p.quantity = _count(head, own, others)
        owner = [c for c in head.lefts if c.dep_ == "poss" and c.pos_ in ("NOUN", "PROPN")]  # "the auctioneer's rostrum"
        definite = any(
            (c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these", "those"))
            or (c.dep_ == "poss" and c.lower_ in ("its", "their"))
            # ("The granite sarcophagus": "The" parsed onto "granite")
            for c in [
                *head.lefts,
                *(g for o in owner for g in o.lefts),
                *(g for m in head.lefts if m.dep_ == "compound" for g in m.lefts),
            ]
        )
        # "desk, sewing machine, chair" lists pieces; "facing the targets" names pieces named before
        listed = head.dep_ in ("conj", "appos") or (p.plural and head.dep_ == "dobj" and not definite)
        # "A greengrocer's with wooden produce crates": what the room comes with are its pieces
        listed = listed or (p.plural and head.dep_ == "pobj" and head.head.lower_ == "with" and head.head.head.i == room_noun)
        carried = doc[head.head.head.i] if head.dep_ == "pobj" and head.head.lower_ in ("on", "upon") else None
        if carried is not None and carried.i not in anchors:  # "a row of three fish tanks on stands": the tanks
            carried = next((g for c in carried.children if c.lower_ == "of" for g in c.children if g.i in anchors), None)
        # "three fish tanks on low black stands": the stands they stand on, one each
        carrier = carried is not None and p.plural and p.count is None and not definite and carried.i in anchors
        listed = listed or carrier
        if p.mention is None and definite and room_noun >= 0 and head.lemma_ == doc[room_noun].lemma_:
            p.token = -1  # "We're renovating the pool ... with the pool taking up most of it": the room again
            continue
        if p.mention is None and p.count is None and not listed:
            if definite:
                p.reference = True  # "the altar", "on its pedestal": an object named before, resolved by the prompt reader
            else:
                p.token = -1  # open phrase without a determiner or count: no request
                continue  # (a bare plural in a list is one: "..., acoustic panels on the walls, ...")
        left = noun_phrase_left(head, min(own), others)
        p.negated = negated(head, left)
        p.definite = any(t.lower_ in _DEFINITE for t in left if t.tag_ in _DETERMINER_TAGS or t.dep_ == "poss")
        first = min(own)
        mods = modifiers(doc[p.token], first, others)
        if p.head != p.token:
            mods += [t for t in modifiers(head, first, others) if t.i not in own and t not in mods]
        lead = _misread_lead(head, taken | mention_toks, describing)
        if lead is not None:  # "a light grey upholstered bed" parsed as "a light grey" + "upholstered bed"
            mods = [t for t in noun_phrase_left(lead) + [lead] if t.dep_ not in _SKIP_DEPS] + mods
            if p.count is None:
                p.count, p.at_least, p.indefinite, p.another, p.quantity = _count(lead, {lead.i}, others)
        if p.mention is not None:
            p.words = _words(list({t.i: t for t in mods}.values()))
            p.words = list(dict.fromkeys(predicate_words(head, describing) + p.words))  # before "judge's", once each
        else:  # an open phrase's text is its own words; the sentence may still say its finish ("made of pine")
            p.words = predicate_words(head, describing)
        p.trail = _trail(head, anchors)
        p.owner = owner_of(head, {q.head for q in out if q is not p})
        if carrier and p.owner is None:
            p.owner, p.count = carried.i, 1
        if both_sides(head):  # "a nightstand on each side of the bed", "lamps at both ends": two
            p.count = 2 * (p.count or 1) if p.count != 2 or not p.plural else 2
            p.indefinite = False
        elif each_corner(head) and (p.count or 1) == 1:  # "a plant in each corner": one per corner of the room
            p.count, p.indefinite = 4, False
        elif (each := each_of(head)) and (p.count or 1) == 1:  # "a workbench on each of the two side walls"
            p.count, p.indefinite = each, False
    heads = {p.head: p for p in out if p.token >= 0}
    for p in heads.values():  # "three seating groups, each of two armchairs around a table": six armchairs
        groups = _groups_of(doc[p.head], set(heads), taken | mention_toks)
        if groups > 1:
            p.count, p.owner, p.indefinite = (p.count or 1) * groups, None, False
    for p in out:  # "each with a chair for the technician and a chair for the client": both per table
        coordinated = doc[p.head].dep_ == "conj"  # (not "four stools at each table (12 stools)")
        q = phrase_above(doc[p.head], heads) if p.owner is None and coordinated and p.mention else None
        if q is not None and q.owner is not None and q.mention and q.mention.name == p.mention.name:
            p.owner = q.owner
    shared_noun_counts(out, heads, doc)  # "three waste and recycling bins": three bins
    return sorted((p for p in out if p.token >= 0), key=lambda p: p.start)
