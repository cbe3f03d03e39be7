"""rooms.py: typed access to the room and furniture facts of ``scenerevis/data/rooms.json`` (one cached loader).

Units: metres and square metres. ``size`` is ``[width x, height y, depth z]`` of an object whose front
faces +Z (DESIGN.md section 2). The designer policy, checks and rewards all read these numbers.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

Vec3 = tuple[float, float, float]
Range3 = tuple[tuple[float, float], tuple[float, float], tuple[float, float]]


@dataclass(frozen=True)
class NearRule:
    """Where a free or corner piece goes first (rooms.json ``near``): ``slot`` is ``beside`` (flanking),
    ``coffee_sides`` (around a coffee table), ``front`` (``distance`` m in front of) one of the ``of``
    categories, or ``corner``."""

    slot: str
    of: tuple[str, ...] = ()
    distance: float = 0.0


NEAR_SLOTS = ("beside", "coffee_sides", "front", "corner")


@dataclass(frozen=True)
class Category:
    """One furniture category.

    Attributes
    ----------
    name : str
        snake_case name (``double_bed``, ``nightstand``).
    size : (3,) float
        Typical ``[w, h, d]`` in metres.
    size_range : ((lo, hi), (lo, hi), (lo, hi))
        Allowed width / height / depth ranges in metres.
    synonyms : tuple of str
        Lower-case phrases that name this category in text (singular).
    role : str
        Placement role: ``bed``, ``bed_side``, ``bed_foot``, ``wall``, ``wall_long``, ``corner_wall``,
        ``sofa``, ``sofa_front``, ``tv_wall``, ``seating``, ``beside_seating``, ``desk``, ``desk_front``,
        ``center``, ``around_table``, ``counter_front``, ``cardio``, ``corner``, ``free``,
        ``floor_covering``, ``on_surface`` or ``ceiling`` (hung from the ceiling).
    group : str
        Default functional group name.
    stage : int
        Designer turn in which it is usually added (1 essentials, 2 secondary, 3 decor).
    priority : int
        Importance (0-10): repair moves low-priority objects first and removes them last-resort first.
    noun : str
        Noun phrase used when the designer writes a description.
    clearance : dict
        Free floor to keep (m): ``front``, ``side``, ``back``, ``around``.
    plural_count : int
        Count meant by a bare plural ("nightstands" -> 2).
    hosts : tuple of str
        For ``on_surface`` objects, the categories they stand on.
    assets : tuple of str
        Built-in catalog categories (``scenerevis.assets.catalog_spec``) that render this category;
        empty when the catalog has none yet (retrieval then picks by text alone).
    size_words : dict
        Size modifiers of the prompt ("standing", "mini", "grand") -> the size ``[w, h, d]`` they
        mean for this category (metres; may lie outside ``size_range``).
    finish : str
        Finish family the designer describes it in when the prompt does not (``wood``, ``soft``,
        ``metal``, ``appliance``); empty means the designer's built-in default.
    mount : float
        Height of the bottom above the floor (m) for pieces hung on a wall (``wall`` roles); 0 stands on the floor.
    hang : float
        Height of the bottom above the floor (m) a ``wall`` piece that usually stands (a mirror, a whiteboard) is
        hung at when no floor place is left; 0 when it cannot hang.
    floor_version : str
        For ``on_surface`` pieces, the floor-standing category meant when the prompt puts one next to a piece
        it cannot stand on ("a reading lamp next to the armchair" is a floor lamp); empty when none.
    """

    name: str
    size: Vec3
    size_range: Range3
    synonyms: tuple[str, ...]
    role: str
    group: str
    stage: int
    priority: int
    noun: str
    clearance: dict[str, float] = field(default_factory=dict)
    plural_count: int = 1
    hosts: tuple[str, ...] = ()
    assets: tuple[str, ...] = ()
    size_words: dict[str, Vec3] = field(default_factory=dict)
    finish: str = ""
    anchors: tuple[str, ...] = ()
    wall: str = "any"
    near: tuple[NearRule, ...] = ()
    mount: float = 0.0
    hang: float = 0.0
    floor_version: str = ""

    def clamp_size(self, size) -> Vec3:
        """``size`` clamped into the category's range, per axis (metres)."""
        return tuple(min(max(float(s), lo), hi) for s, (lo, hi) in zip(size, self.size_range))  # type: ignore[return-value]

    @property
    def min_size(self) -> Vec3:
        return tuple(lo for lo, _ in self.size_range)  # type: ignore[return-value]

    @property
    def is_floor_covering(self) -> bool:
        return self.role == "floor_covering"


@dataclass(frozen=True)
class RoomType:
    """One room type: area range (m^2), ceiling range (m), essentials and usual extras.

    ``essentials`` is a tuple of requirements, each a tuple of alternative categories (any one
    satisfies it, the first is the default choice).
    """

    name: str
    label: str
    synonyms: tuple[str, ...]
    area: tuple[float, float]
    typical_area: float
    ceiling: tuple[float, float]
    essentials: tuple[tuple[str, ...], ...]
    often: tuple[str, ...]
    default_extra: tuple[str, ...]

    def missing_essentials(self, categories) -> list[tuple[str, ...]]:
        """Requirements not met by the multiset/iterable of category names ``categories``."""
        have = set(categories)
        return [req for req in self.essentials if not have.intersection(req)]


@dataclass(frozen=True)
class CompanionRule:
    """A piece the plan adds because another is planned (a chair for a desk), see rooms.json ``notes``.

    When any ``when`` category is planned, ``min_count`` to ``max_count`` of them in all, and none of
    ``unless`` nor ``add``: plan :meth:`count_for` pieces of :meth:`category_for` (only in ``rooms``
    when given, never in ``not_rooms``; never for an anchor whose description has one of ``unless_words``:
    a display table takes no chairs).
    """

    when: tuple[str, ...]
    add: str
    count: int | str = 1
    unless: tuple[str, ...] = ()
    rooms: tuple[str, ...] = ()
    not_rooms: tuple[str, ...] = ()
    add_in: dict[str, str] = field(default_factory=dict)
    count_in: dict[str, int] = field(default_factory=dict)
    count_several: int | None = None
    count_large: int | None = None
    min_count: int = 1
    max_count: int | None = None
    unless_words: tuple[str, ...] = ()

    def applies(self, room_type: str, planned: dict[str, int]) -> bool:
        """Whether the rule fires in ``room_type`` for ``planned`` (category -> count)."""
        if (self.rooms and room_type not in self.rooms) or room_type in self.not_rooms:
            return False
        n = sum(planned.get(c, 0) for c in self.when)
        if n < self.min_count or (self.max_count is not None and n > self.max_count):
            return False
        return not any(c in planned for c in self.unless + (self.category_for(room_type),))

    def ruled_out_by(self, descs: dict[str, str]) -> bool:
        """Whether the description of an anchor (``descs``: category -> description) has one of ``unless_words``."""
        words = {w for c in self.when for w in descs.get(c, "").lower().split()}
        return bool(words & set(self.unless_words))

    def category_for(self, room_type: str) -> str:
        return self.add_in.get(room_type, self.add)

    def count_for(self, room_type: str, planned: dict[str, int], large: bool) -> int:
        """How many to add: per room type first, then for a large room / anchor, several anchors, the default."""
        n_anchor = sum(planned.get(c, 0) for c in self.when)
        if room_type in self.count_in:
            return self.count_in[room_type]
        if large and self.count_large is not None:
            return self.count_large
        if n_anchor > 1 and self.count_several is not None:
            return self.count_several
        return n_anchor if self.count == "same" else int(self.count)


@dataclass(frozen=True)
class RoomFacts:
    """Everything in rooms.json."""

    room_types: dict[str, RoomType]
    categories: dict[str, Category]
    generic_nouns: dict[str, dict[str, Any]]
    ignore_phrases: tuple[str, ...]
    clearances: dict[str, Any]
    ceiling: tuple[float, float]
    fallback_room_type: str = "bedroom"
    companions: tuple[CompanionRule, ...] = ()

    def category(self, name: str) -> Category:
        try:
            return self.categories[name]
        except KeyError:
            raise KeyError(f"unknown furniture category {name!r}; known: {', '.join(sorted(self.categories))}") from None

    def room_type(self, name: str) -> RoomType:
        try:
            return self.room_types[name]
        except KeyError:
            raise KeyError(f"unknown room type {name!r}; known: {', '.join(self.room_types)}") from None


def _plural_forms(word: str) -> list[str]:
    forms = [word, word + "s", word + "es"]
    if word.endswith("y") and len(word) > 2 and word[-2] not in "aeiou":
        forms.append(word[:-1] + "ies")
    if word.endswith("f"):
        forms.append(word[:-1] + "ves")
    if word.endswith("fe"):
        forms.append(word[:-2] + "ves")
    if word.endswith(("ch", "sh", "x")):
        forms.append(word + "es")
    return sorted(set(forms), key=len, reverse=True)


def phrase_pattern(phrase: str) -> str:
    """Regex source matching ``phrase`` as whole words, its last word singular or plural; spaces and
    hyphens between words are interchangeable (no capturing groups)."""
    words = re.split(r"[\s\-]+", phrase.strip().lower())
    head = [re.escape(w) for w in words[:-1]]
    last = words[-1]
    plurals = "|".join(re.escape(f[len(last) :]) for f in _plural_forms(last) if f != last and f.startswith(last))
    irregular = [f for f in _plural_forms(last) if not f.startswith(last)]
    last_re = re.escape(last) + (f"(?:{plurals})?" if plurals else "")
    if irregular:
        last_re = f"(?:{last_re}|(?:{'|'.join(re.escape(f) for f in irregular)}))"
    sep = r"[\s\-]+"
    return r"(?<![\w'\-])" + sep.join(head + [last_re]) + r"(?![\w]|-\w)"


def _load_text() -> str:
    return resources.files("scenerevis").joinpath("data/rooms.json").read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def load_rooms() -> RoomFacts:
    """The parsed rooms.json (cached; treat as read-only)."""
    raw = json.loads(_load_text())
    cats = {}
    for name, d in raw["categories"].items():
        rng = tuple(tuple(float(v) for v in r) for r in d["range"])
        cats[name] = Category(
            name=name,
            size=tuple(float(v) for v in d["size"]),  # type: ignore[arg-type]
            size_range=rng,  # type: ignore[arg-type]
            synonyms=tuple(s.lower() for s in d["synonyms"]),
            role=d["role"],
            group=d["group"],
            stage=int(d["stage"]),
            priority=int(d.get("priority", 5)),
            noun=d.get("noun", d["synonyms"][0]),
            clearance={k: _clearance(name, k, v, raw.get("clearances", {})) for k, v in d.get("clearance", {}).items()},
            plural_count=int(d.get("plural_count", 1)),
            hosts=tuple(d.get("hosts", ())),
            assets=tuple(d.get("assets", ())),
            finish=d.get("finish", ""),
            size_words={k.lower(): tuple(float(v) for v in sz) for k, sz in d.get("size_words", {}).items()},
            anchors=tuple(d.get("anchors", ())),
            wall=d.get("wall", "any"),
            near=tuple(NearRule(r["slot"], tuple(r.get("of", ())), float(r.get("distance", 0.0))) for r in d.get("near", ())),
            mount=float(d.get("mount", 0.0)),
            hang=float(d.get("hang", 0.0)),
            floor_version=d.get("floor_version", ""),
        )
    rooms = {}
    for name, d in raw["room_types"].items():
        rooms[name] = RoomType(
            name=name,
            label=d["label"],
            synonyms=tuple(s.lower() for s in d["synonyms"]),
            area=tuple(float(v) for v in d["area"]),  # type: ignore[arg-type]
            typical_area=float(d["typical_area"]),
            ceiling=tuple(float(v) for v in d.get("ceiling", raw.get("ceiling", (2.6, 2.8)))),  # type: ignore[arg-type]
            essentials=tuple(tuple(req) for req in d["essentials"]),
            often=tuple(d["often"]),
            default_extra=tuple(d["default_extra"]),
        )
    for rt in rooms.values():
        for name in [c for req in rt.essentials for c in req] + list(rt.often) + list(rt.default_extra):
            if name not in cats:
                raise ValueError(f"rooms.json: room type {rt.name} names unknown category {name!r}")
    for cat in cats.values():
        for rule in cat.near:
            if rule.slot not in NEAR_SLOTS:
                raise ValueError(f"rooms.json: category {cat.name}: near slot must be one of {NEAR_SLOTS}, not {rule.slot!r}")
        for name in cat.anchors + cat.hosts + tuple(c for r in cat.near for c in r.of) + tuple(filter(None, [cat.floor_version])):
            if name not in cats:
                raise ValueError(f"rooms.json: category {cat.name} names unknown anchor/host category {name!r}")
        if cat.wall not in ("any", "corner", "center"):
            raise ValueError(f"rooms.json: category {cat.name}: wall must be any, corner or center, not {cat.wall!r}")
    companions = tuple(_companion(k, d, cats, rooms) for k, d in enumerate(raw.get("companions", ())))
    fallback = raw.get("fallback_room_type", "bedroom")
    if fallback not in rooms:
        raise ValueError(f"rooms.json: fallback_room_type {fallback!r} is not a room type")
    return RoomFacts(
        fallback_room_type=fallback,
        room_types=rooms,
        categories=cats,
        generic_nouns=raw.get("generic_nouns", {}),
        ignore_phrases=tuple(raw.get("ignore_phrases", ())),
        clearances=raw.get("clearances", {}),
        ceiling=tuple(raw.get("ceiling", (2.6, 2.8))),  # type: ignore[arg-type]
        companions=companions,
    )


def _clearance(category: str, side: str, value: Any, table: dict[str, Any]) -> float:
    """A category's clearance (m): a number, or the name of an entry of the ``clearances`` table (a
    [min, max] entry gives its minimum)."""
    if isinstance(value, str):
        if value not in table:
            raise ValueError(f"rooms.json: category {category} clearance {side!r} names unknown clearance {value!r}")
        value = table[value]
        value = min(value) if isinstance(value, list) else value
    return float(value)


def _companion(k: int, d: dict, cats: dict, rooms: dict) -> CompanionRule:
    """One ``companions`` entry of rooms.json, every category and room type checked."""
    try:
        rule = CompanionRule(
            when=tuple(d["when"]),
            add=d["add"],
            count=d.get("count", 1),
            unless=tuple(d.get("unless", ())),
            rooms=tuple(d.get("rooms", ())),
            not_rooms=tuple(d.get("not_rooms", ())),
            add_in=dict(d.get("add_in", {})),
            count_in={r: int(n) for r, n in d.get("count_in", {}).items()},
            count_several=d.get("count_several"),
            count_large=d.get("count_large"),
            min_count=int(d.get("min_count", 1)),
            max_count=d.get("max_count"),
            unless_words=tuple(w.lower() for w in d.get("unless_words", ())),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise ValueError(f"rooms.json: companions[{k}]: {exc!r}") from None
    for name in rule.when + rule.unless + (rule.add,) + tuple(rule.add_in.values()):
        if name not in cats:
            raise ValueError(f"rooms.json: companions[{k}] names unknown category {name!r}")
    for name in rule.rooms + rule.not_rooms + tuple(rule.add_in) + tuple(rule.count_in):
        if name not in rooms:
            raise ValueError(f"rooms.json: companions[{k}] names unknown room type {name!r}")
    if rule.count != "same" and not isinstance(rule.count, int):
        raise ValueError(f"rooms.json: companions[{k}].count must be an integer or 'same', not {rule.count!r}")
    return rule
