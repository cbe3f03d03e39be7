"""prompt_parse.py: read a design prompt into a room type, requested objects with counts and descriptions, style and size hints.

Deterministic and rule-based: phrases come from ``rooms.json`` synonyms (see :mod:`vocab`), counts
from the words before a noun ("two", "a pair of", "at least three"), descriptions from the adjectives
around it ("glossy black art deco wardrobes with gold trim").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from scenerevis.policy.arrange import Relation, parse_relations
from scenerevis.policy.prompt_words import (
    COLOUR_WORDS,
    CONCEPTS,
    LARGE_WORDS,
    MATERIAL_WORDS,
    NEGATIONS,
    NUMBER_WORDS,
    ROOM_LARGE,
    ROOM_SMALL,
    SMALL_WORDS,
    STOP_WORDS,
    STYLE_WORDS,
)
from scenerevis.policy.vocab import Mention, resolve_generic, vocabulary
from scenerevis.scene.rooms import load_rooms

_WORD_RE = re.compile(r"\d+(?:\.\d+)?(?![\w\-])|[A-Za-z0-9][\w'\-]*|[,.;:!?()\u2014\u2013]")
_AREA_RE = re.compile(
    r"(\d+(?:\.\d+)?)\s*(?:-\s*)?(square\s*met(?:er|re)s?|sq\.?\s*m\b|m2\b|m\u00b2|square\s*feet|square\s*foot|sq\.?\s*ft\b|ft2\b|ft\u00b2)",
    re.IGNORECASE,
)
_DIMS_RE = re.compile(
    r"(\d+(?:\.\d+)?)\s*(m|meters?|metres?|ft|feet|foot)?\s*(?:by|x|\u00d7|\*)\s*(\d+(?:\.\d+)?)\s*(m\b|meters?|metres?|ft\b|feet|foot)",
    re.IGNORECASE,
)
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
#: Categories a bare "the <noun>" may refer back to.
_SAME_KIND = {c: _BEDS for c in _BEDS} | {c: _SOFAS for c in _SOFAS}


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

    def item(self, category: str) -> RequestedItem | None:
        return next((i for i in self.items if i.category == category), None)

    def count(self, category: str) -> int:
        item = self.item(category)
        return item.count if item else 0


@dataclass
class _Token:
    text: str
    start: int
    end: int

    @property
    def low(self) -> str:
        return self.text.lower()


def _tokens(text: str) -> list[_Token]:
    return [_Token(m.group(0), m.start(), m.end()) for m in _WORD_RE.finditer(text)]


def _normalise(text: str) -> str:
    return (
        text.replace("\u2019", "'")
        .replace("\u2018", "'")
        .replace("\u201c", '"')
        .replace("\u201d", '"')
        .replace("\u2011", "-")
        .replace("\u2010", "-")
    )


def _count_before(words: list[str]) -> tuple[int | None, bool, bool, bool]:
    """(count, at_least, indefinite, negated) from the lower-case words just before a noun phrase."""
    while words and words[-1] in ("more", "additional", "extra"):  # "two more chairs", "a couple more"
        words = words[:-1]
    tail = " ".join(words[-4:])
    m = re.search(r"at least (\w+)$", tail)
    if m and (m.group(1) in NUMBER_WORDS or m.group(1).isdigit()):
        return (int(m.group(1)) if m.group(1).isdigit() else NUMBER_WORDS[m.group(1)]), True, False, False
    if re.search(r"(?:pair|couple) of$|\ba couple$", tail):
        return 2, False, False, False
    m = re.search(r"(\w+) rows? of$", tail)
    if m and (m.group(1) in NUMBER_WORDS or m.group(1).isdigit()):
        return (int(m.group(1)) if m.group(1).isdigit() else NUMBER_WORDS[m.group(1)]) * 3, False, False, False
    if re.search(r"rows of$", tail):
        return 6, False, False, False
    if re.search(r"trio of$", tail):
        return 3, False, False, False
    m = re.search(r"(?:set|row|group|collection|line) of (\w+)$", tail)
    if m and (m.group(1) in NUMBER_WORDS or m.group(1).isdigit()):
        return (int(m.group(1)) if m.group(1).isdigit() else NUMBER_WORDS[m.group(1)]), False, False, False
    if re.search(r"(?:a few|several|a handful of)$", tail) or tail.endswith(" few") or tail == "few":
        return 3, False, False, False
    last = words[-1] if words else ""
    if last.isdigit() and 0 < int(last) < 40:
        return int(last), False, False, False
    if last in NUMBER_WORDS and last not in ("single", "double", "twin", "triple"):
        return NUMBER_WORDS[last], False, False, False
    if last in ("a", "an", "another"):
        return 1, False, True, False
    if last in NEGATIONS or (len(words) >= 2 and words[-2] in NEGATIONS and last in ("a", "an", "any")):
        return None, False, False, True
    return None, False, False, False


def _phrase_around(
    text: str, tokens: list[_Token], m: Mention, mentions: list[Mention]
) -> tuple[list[str], list[str], list[str]]:
    """(descriptor words before the noun, trailing "with ..." words, words before the descriptors)."""
    before = [t for t in tokens if t.end <= m.start]
    desc: list[str] = []
    i = len(before) - 1
    prev_end = m.start
    while i >= 0 and len(desc) < 6:
        t = before[i]
        if t.low in STOP_WORDS or not t.text[0].isalpha() or t.low in NEGATIONS:
            break
        if any(o.start <= t.start < o.end for o in mentions if o is not m):
            break
        if text[t.end : prev_end].strip(" "):  # punctuation in between
            break
        desc.insert(0, t.text)
        prev_end = t.start
        i -= 1
    lead = [t.low for t in before[max(0, i - 3) : i + 1]]
    trail: list[str] = []
    after = [t for t in tokens if t.start >= m.end]
    if after and after[0].low == "with" and not text[m.end : after[0].start].strip():
        for t in after[1:9]:
            if not t.text[0].isalnum() or (t.low in STOP_WORDS and t.low not in ("a", "an")):
                break
            if any(o.start <= t.start < o.end for o in mentions):
                break
            trail.append(t.text)
        trail = ["with"] + trail if len(trail) >= 2 else []
    return desc, trail, lead


def _find_words(text: str, words: tuple[str, ...]) -> list[str]:
    hits = []
    for w in words:
        m = re.search(r"(?<![\w-])" + re.escape(w) + r"(?![\w-])", text, re.IGNORECASE)
        if m:
            hits.append((m.start(), w))
    return [w for _, w in sorted(hits)]


def _size_from_text(text: str) -> tuple[float | None, tuple[float, float] | None]:
    area = dims = None
    m = _AREA_RE.search(text)
    if m:
        value = float(m.group(1))
        area = value * 0.092903 if "f" in m.group(2).lower() else value
    m = _DIMS_RE.search(text)
    if m:
        unit = (m.group(4) or m.group(2) or "m").lower()
        k = 0.3048 if unit.startswith("f") else 1.0
        a, b = float(m.group(1)) * k, float(m.group(3)) * k
        if 1.5 <= a <= 20 and 1.5 <= b <= 20:
            dims = (a, b)
    return area, dims


def _infer_room(categories: list[str]) -> str:
    """The room type whose essentials the named categories fill best (data order breaks ties), else the
    fallback room type of rooms.json."""
    facts = load_rooms()
    best, score = facts.fallback_room_type, 0
    for room in facts.room_types.values():
        cats = {c for req in room.essentials for c in req}
        s = sum(1 for c in categories if c in cats)
        if s > score:
            best, score = room.name, s
    return best


def parse_prompt(text: str) -> PromptSpec:
    """Parse a design prompt (see :class:`PromptSpec`). Never raises on odd text."""
    text = _normalise(str(text))
    facts = load_rooms()
    mentions = vocabulary().find(text)
    tokens = _tokens(text)
    rooms = [m for m in mentions if m.kind == "room"]
    objs = [m for m in mentions if m.kind in ("category", "generic")]
    explicit_room = bool(rooms)
    room_type = rooms[0].name if rooms else _infer_room([m.name for m in objs if m.kind == "category"])
    present = {m.name for m in objs if m.kind == "category"}
    beds = [c for c in ("king_bed", "double_bed", "single_bed", "bunk_bed") if c in present]
    for m in objs:  # tables and beds first: they decide what a bare "chair" or "stool" means
        if m.kind == "generic" and m.name in ("table", "bed") and not (m.name == "bed" and beds):
            cat = resolve_generic(m.name, room_type, present)
            if cat:
                present.add(cat)

    spec = PromptSpec(text=text, room_type=room_type, room_type_explicit=explicit_room)
    numbered: dict[str, int] = {}
    indefinite: dict[str, int] = {}
    plural_default: dict[str, int] = {}
    first: dict[str, RequestedItem] = {}
    order: list[str] = []
    spans: list[tuple[int, int, str]] = []
    for m in objs:
        if m.kind == "generic" and m.name == "bed" and beds:
            cat = beds[0]  # "the bed" refers to the bed already named
        else:
            cat = m.name if m.kind == "category" else resolve_generic(m.name, room_type, present)
        if cat is None or cat not in facts.categories:
            continue
        spans.append((m.start, m.end, cat))
        desc_words, trail, lead = _phrase_around(text, tokens, m, mentions)
        if lead and lead[-1] in ("the", "this", "that", "its", "each") and not desc_words:
            same = _SAME_KIND.get(cat, ())
            named = next((c for c in same if c in first and c != cat), None)
            if named:  # "the sofa" after "a sectional sofa" is the same piece
                continue
        count, at_least, indef, negated = _count_before(lead)
        if negated:
            spec.excluded.add(cat)
            continue
        spec.excluded.discard(cat)
        if count is not None and not indef:
            numbered[cat] = max(numbered.get(cat, 0), count)
        elif indef:
            extra = 1 if lead and lead[-1] == "another" else 0
            indefinite[cat] = max(indefinite.get(cat, 0), 1) + extra
        elif m.plural:
            plural_default[cat] = max(plural_default.get(cat, 0), facts.categories[cat].plural_count)
        else:
            plural_default.setdefault(cat, 1)
        lows = {w.lower() for w in desc_words}
        scale = 0.85 if lows & SMALL_WORDS else 1.15 if lows & LARGE_WORDS else 1.0
        noun = m.phrase if m.kind == "category" and m.phrase not in CONCEPTS else facts.categories[cat].noun
        desc = " ".join(desc_words + [noun] + trail)
        item = RequestedItem(
            cat, 0, desc, size_scale=scale, round=bool({"round", "circular", "oval"} & lows), phrase=m.text.lower()
        )
        if cat not in first:
            first[cat] = item
            order.append(cat)
        else:
            old = first[cat]
            if len(desc) > len(old.desc) and not old.desc.count(" "):
                old.desc = desc
            old.size_scale = old.size_scale if old.size_scale != 1.0 else scale
            old.round = old.round or item.round
            old.at_least = old.at_least or at_least
        if at_least:
            first[cat].at_least = True
    for cat in order:
        if cat in spec.excluded:
            continue
        item = first[cat]
        n_num = numbered.get(cat, 0)
        item.count = max(n_num, indefinite.get(cat, 0), plural_default.get(cat, 0), 1)
        item.explicit = n_num > 0 and n_num >= item.count
        spec.items.append(item)

    _each_with_own(spec, text)
    spans += _add_open_phrases(spec, text, mentions)
    spec.relations = parse_relations(text, [(a, b, c, spec.count(c)) for a, b, c in spans if c not in spec.excluded])
    spec.style = _find_words(text, STYLE_WORDS)[:3]
    spec.colours = _find_words(text, COLOUR_WORDS)[:3]
    spec.materials = _find_words(text, MATERIAL_WORDS)[:3]
    spec.area, spec.dims = _size_from_text(text)
    spec.l_shape = bool(_LSHAPE_RE.search(text))
    low = text.lower()
    spec.english = reads_as_english(text)
    spec.strict = bool(_STRICT_RE.search(low))
    spec.minimal = spec.strict or bool(re.search(r"\bminimal(?:ist|istic)?\b|\bbare\b|\bsparse\b|\buncluttered\b", low))
    if rooms:
        room_words, _, _ = _phrase_around(text, tokens, rooms[0], mentions)
        head = " ".join(w.lower() for w in room_words)
    else:
        head = ""
    if any(re.search(r"(?<![\w-])" + re.escape(w) + r"(?![\w-])", head) for w in ROOM_SMALL) or re.search(
        r"\b(?:small|compact|tiny|little)\s+(?:room|space|apartment|flat|footprint|studio)\b", low
    ):
        spec.size_hint = "small"
    elif any(re.search(r"(?<![\w-])" + re.escape(w) + r"(?![\w-])", head) for w in ROOM_LARGE) or re.search(
        r"\b(?:spacious|open[\s-]plan|expansive|roomy)\b|\b(?:large|big|generous)\s+(?:room|space)\b", low
    ):
        spec.size_hint = "large"
    return spec


_ENGLISH_FUNCTION_WORDS = frozenset("a an the and with of in on for to is are i we want need room".split())


def reads_as_english(text: str) -> bool:
    """Whether ``text`` reads as English: mostly ASCII letters and, past three words, some English function words."""
    letters = [c for c in text if c.isalpha()]
    if letters and sum(c.isascii() for c in letters) / len(letters) < 0.8:
        return False
    words = re.findall(r"[a-z']+", text.lower())
    return len(words) <= 3 or any(w in _ENGLISH_FUNCTION_WORDS for w in words)


def _each_with_own(spec: PromptSpec, text: str) -> None:
    """ "three beds, each with its own nightstand": the companion's count follows the largest count named before it."""
    for m in re.finditer(r"\beach\s+with\s+(?:its|their)\s+own\s+|\beach\s+with\s+(?:a|an|one)\s+", text, re.IGNORECASE):
        after = [i for i in spec.items if i.phrase and text.lower().find(i.phrase, m.end()) == m.end()]
        before = [i.count for i in spec.items if i.phrase and 0 <= text.lower().find(i.phrase) < m.start()]
        for it in after:
            if before and it.count < max(before):
                it.count = min(max(before), 8)
                it.explicit = True


def _add_open_phrases(spec: PromptSpec, text: str, mentions: list[Mention]) -> list[tuple[int, int, str]]:
    """Requested items for object phrases no synonym names (see :mod:`open_vocab`); nothing is dropped silently.
    Returns the phrases' (start, end, category) spans."""
    from scenerevis.policy.open_vocab import TABLETOP_HEADS, find_open_phrases, map_phrase

    taken = [(m.start, m.end) for m in mentions]
    skip = frozenset(STYLE_WORDS) | frozenset(COLOUR_WORDS) | frozenset(MATERIAL_WORDS) | SMALL_WORDS | LARGE_WORDS
    seen = {i.category for i in spec.items}
    spans: list[tuple[int, int, str]] = []
    breaks = frozenset(w for w in STOP_WORDS if w not in ("one", "two", "three", "four", "five", "six"))
    for ph in find_open_phrases(text, taken, skip, breaks):
        lead = text[max(0, ph.start - 12) : ph.start].lower().split()
        if lead and lead[-1] in NEGATIONS:
            continue
        if ph.head in TABLETOP_HEADS:
            spec.not_placed.append((ph.text, "small things set on furniture are left to the styling"))
            continue
        got = map_phrase(ph.text)
        spans.append((ph.start, ph.end, got.category))
        words = ph.text.lower().split()
        lows = set(words)
        scale = 0.85 if lows & SMALL_WORDS else 1.15 if lows & LARGE_WORDS else 1.0
        if got.category != "generic_object":
            if got.category in seen or got.category in spec.excluded:
                continue
            seen.add(got.category)
            spec.items.append(
                RequestedItem(
                    got.category,
                    ph.count,
                    ph.text,
                    ph.count > 1,
                    False,
                    scale,
                    phrase=ph.text.lower(),
                    source="similar",
                    nearest=got.nearest,
                    similarity=got.similarity,
                )
            )
        else:
            spec.items.append(
                RequestedItem(
                    "generic_object",
                    ph.count,
                    ph.text,
                    ph.count > 1,
                    False,
                    scale,
                    phrase=ph.text.lower(),
                    source="generic",
                    size=got.size,
                    nearest=got.nearest,
                    similarity=got.similarity,
                )
            )
    return spans
