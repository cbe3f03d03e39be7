"""prompt_parse.py: read a design prompt into a room type, requested objects with counts and descriptions, style and size hints.

Deterministic: the prompt is parsed by spaCy's English pipeline (:mod:`nlp`); its object phrases,
counts, describing words and negations come from the dependency tree (:mod:`phrases`), arrangement
requests from the phrases attached to the objects (:mod:`arrange`). A phrase names a category by a
``rooms.json`` synonym (:mod:`vocab`), else by similarity (:mod:`open_vocab`), else it becomes a
generic object. Regular expressions remain for what a parser does not give: floor areas ("12 m2"),
dimensions ("3 x 4 m"), global style / colour words and "only ..." restrictions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from scenerevis.policy.arrange import Relation, parse_relations
from scenerevis.policy.measures import size_from_text
from scenerevis.policy.nlp import VERB_NOUNS, parse
from scenerevis.policy.owners import largest_before
from scenerevis.policy.phrases import (
    ObjectPhrase,
    find_phrases,
    modifiers,
    names_a_modifier,
)
from scenerevis.policy.prompt_words import (
    COLOUR_WORDS,
    CONCEPTS,
    EXPLICIT_MAX,
    LARGE_WORDS,
    MATERIAL_WORDS,
    NUMBER_WORDS,
    PATTERN_WORDS,
    ROOM_LARGE,
    ROOM_SMALL,
    SMALL_WORDS,
    STYLE_WORDS,
)
from scenerevis.policy.references import new_pieces, resolve_references
from scenerevis.policy.spec_rules import named_hosts, small_things, standing, tables_for_chairs
from scenerevis.policy.terse import articled
from scenerevis.policy.translate import gloss
from scenerevis.policy.venue import names_a_place, names_a_toy, names_a_zone, names_another_venue
from scenerevis.policy.vocab import Mention, resolve_generic, vocabulary
from scenerevis.scene.rooms import load_rooms

if TYPE_CHECKING:
    from spacy.tokens import Doc

_LSHAPE_RE = re.compile(
    r"\bl[\s\-]?shaped?\s+(?:room|space|layout|floor\s*plan|plan|bedroom|living\s*room|study|office)\b", re.IGNORECASE
)


_STRICT_RE = re.compile(
    r"\b(?:only|just)\s+(?:a|an|one|two|three|four|the|with|have|want|need|put)\b|\bnothing\s+(?:else|more)\b"
    r"|\bkeep\s+(?:it|the\s+room|the\s+space|the\s+floor)\s+(?:clear|empty|bare|open)\b|\bno\s+other\s+furniture\b"
    r"|^\s*only\b|:\s*only\b"
)
_BEDS = ("king_bed", "double_bed", "single_bed", "bunk_bed")
_SOFAS = ("sofa", "sectional", "loveseat")
_CARDINALS = sorted((w for w in NUMBER_WORDS if w.isalpha() and w not in ("single", "both", "twin", "double", "triple")), key=len)
_NUM = r"(\d{1,2}|" + "|".join(reversed(_CARDINALS)) + ")"
#: A stated total: "(say 6 units)", "(4 in total)", "(four)", ", 8 in total".
_TOTAL_RE = re.compile(
    r"\(\s*(?:say|about|around|roughly|approx\.?|maybe|ca\.?)?\s*"
    + _NUM
    + r"\s*(?:in\s+total|total|units?|pieces?|of\s+them|pcs)?\s*\)"
    r"|,\s*" + _NUM + r"\s+(?:in\s+total|total|altogether)\b",
    re.IGNORECASE,
)
#: Words that make a second count of a category more pieces ("another row of three chairs").
_MORE_WORDS = frozenset({"separate", "second", "another", "other", "more", "additional", "extra", "further"})
#: Nouns that only carry a count ("6 units").
_COUNT_NOUNS = frozenset({"unit", "units", "piece", "pieces", "one", "ones", "pcs"})
#: Size [w, h, d] in metres of a small thing set on furniture (a bowl, a vase, a jar).
SMALL_THING = (0.25, 0.25, 0.25)
#: Categories a bare "the <noun>" may refer back to.
_SAME_KIND = {c: _BEDS for c in _BEDS} | {c: _SOFAS for c in _SOFAS} | {"projector_screen": ("tv", "monitor")}
#: Nouns never read as an open-vocabulary object (style, colour, material and size words used as nouns).
_FINISH = frozenset(COLOUR_WORDS + MATERIAL_WORDS + PATTERN_WORDS)
_NOT_OPEN = _FINISH | frozenset(STYLE_WORDS) | SMALL_WORDS | LARGE_WORDS


@dataclass
class RequestedItem:
    """One kind of object the prompt asks for.

    ``count`` instances of ``category``; ``desc`` is the retrieval description (singular);
    ``explicit`` when a number word gave the count, ``at_least`` for "at least N";
    ``size_scale`` > 1 for "large/long", < 1 for "small/slim" (applied to the width).
    ``phrase`` is the prompt's own noun phrase; ``source`` is ``"vocabulary"`` (a synonym of
    rooms.json named it), ``"similar"`` (an open phrase read as the most similar category) or
    ``"generic"`` (an open phrase placed as a generic object of ``size`` [w, h, d] metres, estimated
    from the ``nearest`` category at cosine ``similarity``).
    """

    category: str
    count: int
    desc: str
    explicit: bool = False
    at_least: bool = False
    size_scale: float = 1.0
    round: bool = False
    phrase: str = ""
    source: str = "vocabulary"
    size: tuple[float, float, float] | None = None
    nearest: str | None = None
    similarity: float = 0.0
    #: Pieces of this category named apart with other words, (description, count) each ("a large-format
    #: printer ... two laser printers"): the last pieces of ``count`` take these descriptions.
    variants: list[tuple[str, int]] = field(default_factory=list)


@dataclass
class PromptSpec:
    """What a prompt asks for.

    Attributes
    ----------
    room_type : str
        A key of ``rooms.json`` room types.
    room_type_explicit : bool
        True when the prompt names the room; False when inferred from the furniture.
    items : list of RequestedItem
        Requested objects in order of first mention (one entry per category).
    excluded : set of str
        Categories the prompt rules out ("no TV").
    style : list of str
        Global style words (at most 3), e.g. ``["modern", "minimalist"]``.
    colours, materials : list of str
        Colour / material words of the prompt, first mentions first.
    size_hint : str or None
        ``"small"`` or ``"large"`` when the room's size is described.
    area : float or None
        Requested floor area in m^2.
    dims : (float, float) or None
        Requested floor width x depth in metres.
    l_shape : bool
        The prompt asks for an L-shaped room.
    strict : bool
        The prompt limits the room to what it names ("only", "just a", "nothing else", "keep it clear").
    minimal : bool
        The prompt asks for a minimalist room (no decorative filler).
    relations : list of Relation
        Arrangement requests ("back to back", "in the middle"), see :mod:`arrange`.
    not_placed : list of (str, str)
        Object phrases the designer does not place, each with the reason (reported, never silent).
    english : bool
        False when the prompt does not read as English (the designer reads English only).
    language : str
        ``en``; for other prompts the language of the word-by-word gloss read instead
        (:mod:`translate`), empty when none was found.
    """

    text: str
    room_type: str
    room_type_explicit: bool
    items: list[RequestedItem] = field(default_factory=list)
    excluded: set[str] = field(default_factory=set)
    style: list[str] = field(default_factory=list)
    colours: list[str] = field(default_factory=list)
    materials: list[str] = field(default_factory=list)
    size_hint: str | None = None
    area: float | None = None
    dims: tuple[float, float] | None = None
    l_shape: bool = False
    strict: bool = False
    minimal: bool = False
    relations: list[Relation] = field(default_factory=list)
    not_placed: list[tuple[str, str]] = field(default_factory=list)
    english: bool = True
    language: str = "en"

    def item(self, category: str) -> RequestedItem | None:
        return next((i for i in self.items if i.category == category), None)

    def count(self, category: str) -> int:
        item = self.item(category)
        return item.count if item else 0


def _normalise(text: str) -> str:
    return (
        text.replace("\u2019", "'")
        .replace("\u2018", "'")
        .replace("\u201c", '"')
        .replace("\u201d", '"')
        .replace("\u2011", "-")
        .replace("\u2010", "-")
    )


def _find_words(text: str, words: tuple[str, ...]) -> list[str]:
    hits = []
    for w in words:
        m = re.search(r"(?<![\w-])" + re.escape(w) + r"(?![\w-])", text, re.IGNORECASE)
        if m:
            hits.append((m.start(), w))
    return [w for _, w in sorted(hits)]


def _verbs_left_out(doc: Doc, mentions: list) -> list:
    """``mentions`` whose last word is a verb of placement the parse reads as the verb of the words before it ("a
    bamboo plant stands in the corner" is no "plant stand") found again without that word."""
    out = []
    for m in mentions:
        words = list(re.finditer(r"[^\s-]+", m.text))
        last = doc.char_span(m.start + words[-1].start(), m.end, alignment_mode="expand") if len(words) > 1 else None
        placing = last is not None and len(last) == 1 and last[0].lower_ in VERB_NOUNS and last[0].tag_ == "VBZ"
        if placing and m.kind in ("category", "generic") and _one_counted(doc, m.start):
            cut = m.start + words[-1].start()
            again = vocabulary().find(doc.text[m.start : cut].rstrip(" -"))
            out += [replace(a, start=a.start + m.start, end=a.end + m.start) for a in again]
            continue
        out.append(m)
    return out


def _one_counted(doc: Doc, start: int) -> bool:
    """Whether the noun phrase ending in the words from ``start`` (characters) is counted one ("a bamboo plant
    stands ...": "a"; not "a pair of guitar stands", "two tv stands"): its determiner before the words."""
    before = [t for t in doc if t.idx < start][::-1]
    for t in before:
        if t.pos_ in ("ADJ", "NOUN", "PROPN", "PUNCT") and t.text not in (",", ";", ":", "."):
            continue
        return t.lower_ in ("a", "an", "the", "one", "this", "that", "each", "every", "its")
    return False


def _infer_room(categories: list[str]) -> str:
    """The room type whose essentials the named categories fill best (data order breaks ties) when they
    fill two or more of its essential slots, else the fallback room type of rooms.json: one desk does not
    make a classroom a study."""
    facts = load_rooms()
    best, score = facts.fallback_room_type, 1
    named = set(categories)
    for room in facts.room_types.values():
        s = sum(1 for req in room.essentials if named & set(req))
        if s > score:
            best, score = room.name, s
    return best


def parse_prompt(text: str) -> PromptSpec:
    """Parse a design prompt (see :class:`PromptSpec`). Never raises on odd text."""
    text = _normalise(str(text))
    original = text
    english = reads_as_english(text)
    glossed = None if english else gloss(text)
    if glossed is not None:  # read what a word-by-word English gloss detects; the spec keeps the prompt
        text = glossed.text
    else:
        text = articled(text)  # "forge: coal forge, anvil next to it": the list's bare nouns get an article
    facts = load_rooms()
    doc = parse(text)
    mentions = _verbs_left_out(doc, vocabulary().find(text))
    phrases = find_phrases(doc, mentions, _NOT_OPEN)
    rooms = [
        m
        for m in mentions
        if m.kind == "room"
        and not names_a_modifier(doc, m)
        and not names_a_place(doc, m)
        and not names_another_venue(doc, m)
        and not names_a_toy(doc, m)
        and not names_a_zone(doc, m)
    ]
    known = [p for p in phrases if p.mention is not None]
    explicit_room = bool(rooms)
    room_type = rooms[0].name if rooms else _infer_room([p.mention.name for p in known if p.mention.kind == "category"])
    present = {p.mention.name for p in known if p.mention.kind == "category"}
    beds = [c for c in _BEDS if c in present]
    for p in known:  # tables and beds first: they decide what a bare "chair" or "stool" means
        m = p.mention
        if m.kind == "generic" and m.name in ("table", "bed") and not (m.name == "bed" and beds):
            cat = _resolve(p, room_type, present)
            if cat:
                present.add(cat)

    spec = PromptSpec(text=original, room_type=room_type, room_type_explicit=explicit_room)
    spec.language = glossed.language if glossed is not None else ("en" if english else "")
    numbered: dict[str, int] = {}
    indefinite: dict[str, int] = {}
    plural_default: dict[str, int] = {}
    first: dict[str, RequestedItem] = {}
    first_words: dict[str, set[str]] = {}
    first_noun: dict[str, str] = {}
    extra: dict[str, int] = {}  # more pieces of a category named again with other describing words
    descs_of: dict[int, str] = {}  # id(phrase) -> its description
    apart_phrases: set[int] = set()
    order: list[str] = []
    for p in known:
        m = p.mention
        if m.kind == "generic" and m.name == "bed" and beds:
            cat = beds[0]  # "the bed" refers to the bed already named
        else:
            of = next((q for q in known if p.owner is not None and p.owner in (q.head, q.token)), None)
            if p.owner == -1:  # "each with": the most numerous piece named before
                of = largest_before(p, [q for q in known if q.category], lambda q: q.count or 1)
            owner = of.category if of is not None else None
            cat = m.name if m.kind == "category" else _resolve(p, room_type, present, owner)
        if cat is None or cat not in facts.categories:
            continue
        if m.kind == "category" and m.phrase in CONCEPTS and _lists_its_pieces(doc, p, known):
            continue  # "a reading corner with two armchairs and a lamp": the corner is its listed pieces
        if p.definite and not p.words and cat not in first:
            noun = m.phrase.lower().split()[-1]
            named = next((c for c in _SAME_KIND.get(cat, ()) if c in first and c != cat), None) if p.count is None else None
            # "the sofa" after "a sectional sofa", "the bench" after "a workbench", "the two racks" after "six wine
            # racks" is the same piece
            named = named or next((c for c, n in first_noun.items() if n.split()[-1].endswith(noun)), None)
            if named:
                p.category = named
                continue
        p.category = cat
        if p.negated:
            spec.excluded.add(cat)
            continue
        spec.excluded.discard(cat)
        lows = {w.lower() for w in p.words}
        scale = 0.85 if lows & SMALL_WORDS else 1.15 if lows & LARGE_WORDS else 1.0
        noun = m.phrase if m.kind == "category" and m.phrase not in CONCEPTS else facts.categories[cat].noun
        shape = {"round", "square", "oval", "rectangular"}
        if m.kind == "generic" and (lows - _NOT_OPEN - shape or (lows & shape and noun.split()[0] in SMALL_WORDS)):
            # "a dental chair", "a visitor chair": the kind the words name, not "dining chair"; "six round tables":
            # round tables, not "round small tables" (but "a round oak dining table")
            noun = m.phrase
        desc = " ".join([_described(p.words, noun)] + ([p.trail] if p.trail else []))
        item = RequestedItem(
            cat, 0, desc, size_scale=scale, round=bool({"round", "circular", "oval"} & lows), phrase=m.text.lower()
        )
        apart = False
        descs_of[id(p)] = desc
        if cat not in first:
            first[cat] = item
            first_words[cat] = lows
            first_noun[cat] = m.phrase.lower()
            order.append(cat)
        else:
            old = first[cat]
            other_words = bool(lows and first_words[cat] and not lows & first_words[cat])
            # "12 student desks ... a teacher's desk", "on a cabinet ... a first-aid cabinet": another "a <noun>"
            other_words = other_words or (p.indefinite and p.owner is None and lows != first_words[cat])
            # "sewing desk, sewing stool"; "twenty seats ... tables, each with four chairs"
            other_noun = first_noun[cat] != m.phrase.lower()
            # "a row of four chairs ... and a separate row of three chairs": seven
            more = p.count is not None and bool(_MORE_WORDS & {t.lower_ for t in doc[max(0, p.token - 5) : p.token]})
            # ("the head trader's desk" after "six trading desks": a definite piece someone owns is another one)
            owned = any(c.dep_ == "poss" and c.pos_ in ("NOUN", "PROPN") for c in doc[p.head].children)
            apart = (not p.definite or owned) and (other_words or other_noun or more)
            if apart:  # "12 student desks ... a teacher's desk": 13; "a cat tree ... a scratching post": two
                extra[cat] = extra.get(cat, 0) + (p.count or 1)
                old.variants.append((desc, p.count or 1))
                apart_phrases.add(id(p))
            elif len(desc) > len(old.desc) and not old.desc.count(" "):
                old.desc = desc
            elif p.definite and (said := [w for w in p.words if w.lower() in _FINISH and w.lower() not in old.desc.lower()]):
                old.desc = " ".join(said + [old.desc])  # "Grey vinyl on the bench please": the bench named before
            old.size_scale = old.size_scale if old.size_scale != 1.0 else scale
            old.round = old.round or item.round
        if apart:
            pass
        elif p.count is not None and not p.indefinite:
            numbered[cat] = max(numbered.get(cat, 0), p.count)
        elif p.indefinite:
            indefinite[cat] = max(indefinite.get(cat, 0), 1) + (1 if p.another else 0)
        elif p.plural:
            plural_default[cat] = max(plural_default.get(cat, 0), facts.categories[cat].plural_count)
        else:
            plural_default.setdefault(cat, 1)
        if p.at_least:
            first[cat].at_least = True
    for cat in order:
        if cat in spec.excluded:
            continue
        item = first[cat]
        n_num = numbered.get(cat, 0)
        item.count = max(n_num, indefinite.get(cat, 0), plural_default.get(cat, 0), 1)
        item.explicit = n_num > 0 and n_num >= item.count
        item.count += extra.get(cat, 0)
        spec.items.append(item)

    for p in known:  # a category named apart: each phrase's relations hold for its own pieces
        item = first.get(p.category or "")
        if item is not None and item.variants and id(p) in descs_of:
            p.label = (descs_of[id(p)] if id(p) in apart_phrases else item.desc).lower()
    _add_open_phrases(spec, [p for p in phrases if p.mention is None and not p.reference])
    resolve_references(doc, phrases)
    _add_open_phrases(spec, new_pieces(doc, phrases))
    _each_with_own(spec, phrases, extra, {i: descs_of[i] for i in apart_phrases})
    _stated_totals(spec, text, phrases)
    for p in phrases:
        if p.category is not None and p.category in spec.excluded:
            p.negated = True
    room_tokens = {t.i for m in rooms for t in doc.char_span(m.start, m.end, alignment_mode="expand") or ()}
    spec.relations = [standing(spec, r) for r in parse_relations(doc, phrases, room_tokens)]
    tables_for_chairs(spec)
    small_things(spec)
    named_hosts(spec)
    spec.style = _find_words(text, STYLE_WORDS)[:3]
    spec.colours = _find_words(text, COLOUR_WORDS)[:3]
    spec.materials = _find_words(text, MATERIAL_WORDS)[:3]
    spec.area, spec.dims = size_from_text(original) if glossed is not None else size_from_text(text)
    spec.l_shape = bool(_LSHAPE_RE.search(text))
    low = text.lower()
    spec.english = english
    spec.strict = bool(_STRICT_RE.search(low))
    spec.minimal = spec.strict or bool(re.search(r"\bminimal(?:ist|istic)?\b|\bbare\b|\bsparse\b|\buncluttered\b", low))
    head = " ".join(w.lower() for w in _room_words(doc, rooms[0])) if rooms else ""
    if any(re.search(r"(?<![\w-])" + re.escape(w) + r"(?![\w-])", head) for w in ROOM_SMALL) or re.search(
        r"\b(?:small|compact|tiny|little)\s+(?:room|space|apartment|flat|footprint|studio)\b", low
    ):
        spec.size_hint = "small"
    elif any(re.search(r"(?<![\w-])" + re.escape(w) + r"(?![\w-])", head) for w in ROOM_LARGE) or re.search(
        r"\b(?:spacious|open[\s-]plan|expansive|roomy)\b|\b(?:large|big|generous)\s+(?:room|space)\b", low
    ):
        spec.size_hint = "large"
    return spec


def _room_words(doc: Doc, room: Mention) -> list[str]:
    """The words describing the room's name ("a small cozy bedroom" -> small, cozy)."""
    span = doc.char_span(room.start, room.end, alignment_mode="expand")
    if span is None:
        return []
    own = {t.i for t in span}
    toks = [t for tok in span for t in modifiers(tok, span.start, own)]
    return [t.text for t in sorted(set(toks), key=lambda t: t.i)]


_ENGLISH_FUNCTION_WORDS = frozenset(
    """a an the and with of in on for to is are i we want need room nothing else only just no not plus each per one two
    three four five some few my our please put add make small large big tiny little by at near next""".split()
)


def reads_as_english(text: str) -> bool:
    """Whether ``text`` reads as English: mostly ASCII letters and, past three words, some English function words,
    or else (a terse list: "Cafeteria: 4 long tables, 32 chairs, tray rack") more words of English furniture and
    room names than any lexicon language glosses."""
    letters = [c for c in text if c.isalpha()]
    if letters and sum(c.isascii() for c in letters) / len(letters) < 0.8:
        return False
    words = re.findall(r"[a-z']+", text.lower())
    if len(words) <= 3 or any(w in _ENGLISH_FUNCTION_WORDS for w in words):
        return True
    known = sum(len(m.text.split()) for m in vocabulary().find(text) if m.kind != "ignore")
    foreign = gloss(text)
    return known >= 2 and known > (foreign.hits if foreign is not None else 0)


def _each_with_own(spec: PromptSpec, phrases: list[ObjectPhrase], extra: dict[str, int], apart: dict[int, str]) -> None:
    """ "three beds, each with its own nightstand", "3 tables with 4 chairs each", "a chair at each desk": the
    count per owner times the owner's count (at most ``EXPLICIT_MAX``); an owner the parse does not link is the
    largest count named before the companion. ``extra``: pieces of a category named apart, added on top;
    ``apart``: id(phrase) -> description of the phrases named apart ("twenty seats ... eight tables, each with
    four chairs": the chairs are 32 pieces on top of the seats)."""
    by_token = {p.head: p for p in phrases} | {p.token: p for p in phrases}
    per_owner: dict[tuple[str, int], int] = {}  # (category, owner's token) -> pieces per owner

    def piece(q: ObjectPhrase) -> tuple[str, str]:  # open-vocabulary pieces are told apart by their phrase
        return (q.category or "", q.text.lower() if q.category == "generic_object" else "")

    def count_of(q: ObjectPhrase) -> int:
        return (q.count or 1) if q.category == "generic_object" else spec.count(q.category or "")

    for p in phrases:
        if p.owner is None or not p.category:
            continue
        owner = by_token.get(p.owner)
        linked = owner is not None and bool(owner.category) and piece(owner) != piece(p)
        if not linked:
            owner = largest_before(p, [q for q in phrases if q.category != "generic_object" or piece(q) != piece(p)], count_of)
        if owner is None:
            continue
        key = (p.category, owner.token)
        per_owner[key] = per_owner.get(key, 0) + (p.count or 1)
        # "five upright pianos, each with its stool ... a baby grand": five stools, the linked phrase's own count
        owners = owner.count if linked and owner.count and not owner.reference else count_of(owner)
        n = owners * per_owner[key] + extra.get(p.category, 0)  # + pieces named apart
        item = spec.item(p.category)
        if id(p) in apart and item is not None:
            k = next((k for k, v in enumerate(item.variants) if v == (apart[id(p)], p.count or 1)), None)
            if k is not None:  # the variant's pieces: per owner times owners
                own = min(owners * per_owner[key], EXPLICIT_MAX)
                item.count += own - item.variants[k][1]
                item.variants[k] = (apart[id(p)], own)
                item.explicit = True
            continue
        if p.category == "generic_object":  # "three plinths, each with a vase on top": the vases
            item = next((i for i in spec.items if i.category == p.category and i.phrase == p.text.lower()), None)
        if item is not None and item.count < n:
            item.count = min(n, EXPLICIT_MAX)
            item.explicit = True


def _lists_its_pieces(doc: Doc, p: ObjectPhrase, phrases: list[ObjectPhrase]) -> bool:
    """Whether a furniture group's phrase ("a reading corner") names its own pieces with "with" ("... with two
    armchairs and a floor lamp")."""
    heads = {q.head for q in phrases if q is not p}
    return any(c.lower_ == "with" and any(g.dep_ == "pobj" and g.i in heads for g in c.children) for c in doc[p.head].children)


#: "-ing" words of tables that are kinds of their own, not a task done at a work table ("a filleting table").
TABLE_KINDS_ING = frozenset("dining folding reading meeting writing drawing gaming nesting matching seating ceiling".split())


def _resolve(p: ObjectPhrase, room_type: str, present: set[str], owner: str | None = None) -> str | None:
    """The category a generic noun's phrase means (rooms.json ``generic_nouns``); a table with describing words
    ("round tables", "manicure tables") is never a desk, whatever the room. ``owner``: the category of the piece
    the phrase is counted per; chairs per table are the table's chairs ("two low tables with six chairs around
    each": chairs to sit at, not armchairs)."""
    name = p.mention.name if p.mention is not None else ""
    if owner is not None and name == "chair" and owner.endswith("_table"):
        return resolve_generic(name, "", {owner} if owner in present else {"dining_table"}, p.count)
    if name == "table" and any(w.lower().endswith("ing") and w.lower() not in TABLE_KINDS_ING for w in p.words):
        return "work_table"  # "a filleting table", "a packing table": a table to work at, no dining table
    small = bool({w.lower() for w in p.words} & SMALL_WORDS)  # "a narrow little bed": the rule's small kind
    cat = resolve_generic(name, room_type, present, p.count, small=small)
    if cat == "desk" and name == "table" and p.words:
        cat = resolve_generic(name, "", frozenset(), p.count)
    return cat


def _stated_totals(spec: PromptSpec, text: str, phrases: list[ObjectPhrase]) -> None:
    """ "bookshelves on every wall (say 6 units)", "wardrobes lining both walls (4 in total)", "a plant in each
    corner (four)": a number in parentheses, or "N in total" after a comma, is the count of the object written
    right before it in the same sentence."""
    for m in _TOTAL_RE.finditer(text):
        word = (m.group(1) or m.group(2)).lower()
        n = NUMBER_WORDS.get(word) or (int(word) if word.isdigit() else 0)
        before = [p for p in phrases if p.end <= m.start() and p.category and not p.reference and not p.negated]
        if not n or not before or re.search(r"[.;!?]", text[max(p.end for p in before) : m.start()]):
            continue
        p = max(before, key=lambda q: q.end)
        item = next(
            (
                i
                for i in spec.items
                if i.category == p.category and (i.category != "generic_object" or i.phrase == p.text.lower())
            ),
            None,
        )
        if item is not None:
            item.count, item.explicit = min(n, EXPLICIT_MAX), True


def _described(words: list[str], noun: str) -> str:
    """``noun`` after the describing ``words`` it does not hold already, each once ("small square" + "small table":
    "square small table")."""
    own = noun.lower().split()
    return " ".join([w for w in dict.fromkeys(words) if w.lower() not in own] + [noun])


def _add_open_phrases(spec: PromptSpec, phrases: list[ObjectPhrase]) -> None:
    """Requested items for object phrases no synonym names (see :mod:`open_vocab`); nothing is dropped silently.
    Sets each phrase's category (``generic_object`` for a generic one)."""
    from scenerevis.policy.open_vocab import Mapping, is_tabletop, map_phrase

    seen = {i.category for i in spec.items}
    for ph in phrases:
        if ph.negated:
            continue
        if ph.text.lower() in _COUNT_NOUNS:  # "(say 6 units)": a count, read by _stated_totals
            continue
        if is_tabletop(ph.text):  # kept only when set on a named piece (spec_rules.small_things)
            got = Mapping("generic_object", None, 0.0, SMALL_THING)
        else:
            got = map_phrase(ph.text)
        ph.category = got.category
        count = ph.count or (2 if ph.plural else 1)
        lows = set(ph.text.lower().split())
        desc = _described(ph.words, ph.text)  # "pine" + "long stepped display stand"
        scale = 0.85 if lows & SMALL_WORDS else 1.15 if lows & LARGE_WORDS else 1.0
        common = dict(phrase=ph.text.lower(), nearest=got.nearest, similarity=got.similarity)
        if got.category != "generic_object":
            if got.category in spec.excluded:
                continue
            if got.category in seen:  # another piece of a category already asked for, named in other words
                item = spec.item(got.category)
                if item is not None and not ph.definite:
                    item.count = min(item.count + count, EXPLICIT_MAX)
                    item.variants.append((ph.text, count))
                continue
            seen.add(got.category)
            spec.items.append(RequestedItem(got.category, count, desc, count > 1, False, scale, source="similar", **common))
        else:
            said = ph.text.lower()
            same = [i for i in spec.items if i.category == "generic_object" and i.phrase.split()[-1] == said != i.phrase]
            if same:  # "each with a Morse key ..., so four keys and four stools": the same pieces said again
                same[0].count = max(same[0].count, count)
                continue
            spec.items.append(
                RequestedItem("generic_object", count, desc, count > 1, False, scale, source="generic", size=got.size, **common)
            )
