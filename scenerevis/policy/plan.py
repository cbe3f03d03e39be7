"""plan.py: turn a parsed prompt into the designer's furnishing plan (what to add, how many, sizes, descriptions, turn).

Requested objects keep their counts and descriptions; the room type's essentials and a seeded
choice of usual extras complete the room. Sizes come from ``rooms.json`` (metres), scaled by the
prompt's size words and clamped to each category's range.
"""

from __future__ import annotations

import math
import random
import re
from dataclasses import dataclass, field

from scenerevis.policy.groupings import row_length
from scenerevis.policy.prompt_parse import PromptSpec
from scenerevis.policy.prompt_words import EXPLICIT_MAX
from scenerevis.scene.rooms import Category, load_rooms

Vec3 = tuple[float, float, float]

#: Most instances of a category the designer will place.
MAX_COUNT = {
    "nightstand": 2,
    "dining_chair": 14,
    "bar_stool": 8,
    "armchair": 6,
    "table_lamp": 4,
    "tv": 1,
    "monitor": 2,
    "recliner": 8,
}
DEFAULT_MAX = 6
#: Seats whose companion rules (a table for the chairs) give way when the brief arranges them otherwise.
_SEATS = frozenset({"dining_chair", "office_chair", "armchair", "bar_stool", "stool", "bench"})
#: Relations by which a requested seat serves a piece ("a stool at each desk", "chairs around the table"; chairs
#: facing a desk are its visitors': the desk keeps its own seat).
_SEATED_BY = frozenset({"next_to", "around"})


def count_cap(category: str, explicit: bool) -> int:
    """Most instances of ``category`` planned for one request: a count the prompt states is taken up to
    ``EXPLICIT_MAX`` (the layout drops and reports what does not fit), a guessed one up to ``MAX_COUNT``."""
    cap = MAX_COUNT.get(category, DEFAULT_MAX)
    return max(cap, EXPLICIT_MAX) if explicit else cap


FINISHES = {
    "wood": ["light oak", "walnut", "natural ash", "dark stained wood", "white oak", "teak"],
    "soft": ["light grey fabric", "beige linen", "charcoal fabric", "cream boucle", "sage green velvet", "tan leather"],
    "metal": ["black metal", "brushed brass", "matte white", "chrome", "dark bronze"],
    "appliance": ["white", "stainless steel", "matte black"],
}
_SOFT = {"sofa", "loveseat", "sectional", "armchair", "ottoman", "beanbag", "bench", "office_chair", "dining_chair", "bar_stool"}
_METAL = {
    "floor_lamp",
    "table_lamp",
    "tv",
    "monitor",
    "treadmill",
    "exercise_bike",
    "rowing_machine",
    "weight_bench",
    "dumbbell_rack",
    "storage_rack",
    "fridge",
    "mirror",
    "coat_rack",
}
_BEDS = ("double_bed", "king_bed", "single_bed", "bunk_bed")
_SOFAS = ("sofa", "sectional", "loveseat")


@dataclass
class PlannedItem:
    """One object the designer intends to place.

    ``size`` is ``[w, h, d]`` in metres (front +Z); ``stage`` the edit turn group (1 essentials and
    their companions, 2 secondary furniture, 3 lighting, plants, rugs and decor).
    """

    category: str
    desc: str
    size: Vec3
    stage: int
    group: str
    requested: bool = False
    essential: bool = False
    round: bool = False
    phrase: str = ""

    def min_size(self) -> Vec3:
        """The smallest size (m) a placement may shrink it to: its category's, or for an open-vocabulary piece,
        whose category spans anything from a vice to an engine, 40 % of its estimated width and depth."""
        if self.category == "generic_object":
            w, h, d = self.size
            return (round(w * 0.4, 3), h, round(d * 0.4, 3))
        return load_rooms().category(self.category).min_size


@dataclass
class DesignPlan:
    """The full plan of one episode."""

    spec: PromptSpec
    room_type: str
    items: list[PlannedItem] = field(default_factory=list)
    capped: dict[str, tuple[int, int]] = field(default_factory=dict)
    #: The stated floor barely holds the plan (:func:`~scenerevis.policy.tight_floor.compact_pieces`): the
    #: larger pieces of a turn are placed first, so the small ones fill the gaps left.
    tight: bool = False

    def count(self, category: str) -> int:
        return sum(1 for i in self.items if i.category == category)

    def categories(self) -> list[str]:
        seen: list[str] = []
        for i in self.items:
            if i.category not in seen:
                seen.append(i.category)
        return seen


def _finish(cat: str, spec: PromptSpec, rng: random.Random) -> str:
    family = load_rooms().category(cat).finish or ("soft" if cat in _SOFT else "metal" if cat in _METAL else "wood")
    if cat in ("plant", "rug", "exercise_mat"):
        return ""
    options = FINISHES[family]
    if spec.colours and family not in ("metal", "appliance") and rng.random() < 0.5:
        return rng.choice(spec.colours)
    return rng.choice(options)


def default_desc(cat: Category, spec: PromptSpec, rng: random.Random, style: str | None = None) -> str:
    """A description for an object the prompt did not describe: style + finish + noun."""
    style = style or (spec.style[0] if spec.style else rng.choice(["modern", "contemporary", "simple"]))
    extra = {
        "plant": rng.choice(["potted plant in a ceramic planter", "potted fiddle-leaf fig", "potted monstera plant"]),
        "rug": rng.choice(["rectangular area rug in soft neutral tones", "flat-woven wool rug", "low-pile area rug"]),
        "exercise_mat": "rubber exercise mat",
    }.get(cat.name)
    if extra:
        return f"{style} {extra}"
    finish = _finish(cat.name, spec, rng)
    return " ".join(w for w in (style, finish, cat.noun) if w)


def _sized(cat: Category, scale: float = 1.0) -> Vec3:
    w, h, d = cat.size
    return cat.clamp_size((w * scale, h, d))


def dining_layout(n: int, square: bool = False) -> tuple[int, int]:
    """(chairs per long side, chairs at the ends) for ``n`` chairs around a rectangular table
    (a square or round table seats up to four one per side)."""
    if square and 3 <= n <= 4:
        return 1, n - 2
    if n <= 2:
        return 1, 0 if n == 2 else 1
    if n >= 6:
        ends = 2 if n % 2 == 0 else 1
    else:
        ends = n % 2
    return math.ceil((n - ends) / 2), ends


def dining_table_size(n: int, round_table: bool, scale: float = 1.0, square: bool = False) -> Vec3:
    """Table size (m) that seats ``n`` chairs, 0.6 m per place (a square one: a chair or more per side)."""
    cat = load_rooms().category("dining_table")
    if round_table:
        dia = min(max(0.9, 0.19 * max(n, 4) * 1.0 + 0.2), 1.5)
        return (dia, 0.75, dia)
    if square:
        side = min(max(0.9, 0.6 * math.ceil(n / 4) + 0.3) * max(scale, 1.0), 1.8)
        return (side, 0.75, side)
    per_side, _ends = dining_layout(n)
    length = max(1.2, 0.6 * per_side + 0.3) * (scale if scale > 1 else 1.0)
    length = min(length, 2.8)
    depth = 0.9 if length < 1.8 else 1.0
    return cat.clamp_size((length, 0.75, depth))


def build_plan(spec: PromptSpec, seed: int = 0, extras: bool = True) -> DesignPlan:
    """The designer's plan for ``spec``; deterministic for a given ``seed``."""
    facts = load_rooms()
    rng = random.Random(f"plan:{seed}:{spec.text}")
    room = facts.room_type(spec.room_type)
    plan = DesignPlan(spec, room.name)
    style = spec.style[0] if spec.style else rng.choice(["modern", "contemporary", "simple", "warm modern"])
    wanted: dict[str, int] = {}
    descs: dict[str, str] = {}
    scales: dict[str, float] = {}
    rounds: dict[str, bool] = {}
    requested: set[str] = set()
    generic = [it for it in spec.items if it.category == "generic_object"]
    for it in spec.items:
        if it.category == "generic_object":
            continue
        wanted[it.category] = min(it.count, count_cap(it.category, it.explicit))
        if it.count > wanted[it.category]:
            plan.capped[it.category] = (it.count, wanted[it.category])
        descs[it.category] = it.desc
        scales[it.category] = it.size_scale
        rounds[it.category] = it.round
        requested.add(it.category)

    # two beds of different kinds are one bed
    beds = [c for c in _BEDS if c in wanted]
    if len(beds) > 1 and spec.room_type != "kids_room":
        keep = next(c for c in ("king_bed", "double_bed", "single_bed", "bunk_bed") if c in beds)
        total = sum(wanted[c] for c in beds if c != keep)
        for c in beds:
            if c != keep:
                wanted.pop(c)
        if total > 1:
            wanted[keep] = min(wanted[keep] + total - 1, 2)

    essentials: set[str] = set()
    brief_only = spec.strict and bool(spec.items)  # "only a bed and a nightstand": no essentials, companions or extras
    # pieces the brief seats already ("each with a swivel stool": the desks' seats) call no seat of their own
    seated = {r.target for r in spec.relations if r.subject in _SEATS and r.subject in wanted and r.kind in _SEATED_BY}

    def served(cat: str) -> bool:  # a seat whose pieces the brief has seated
        return cat in _SEATS and any(a in seated for a in facts.category(cat).anchors)

    # a room type guessed from the pieces named adds none of its essentials: the brief lists what it wants
    for req in () if brief_only or not spec.room_type_explicit else room.essentials:
        if not any(c in wanted for c in req) and not served(req[0]):
            choice = req[0]
            if spec.room_type in ("bedroom",) and spec.size_hint == "small" and choice == "double_bed":
                choice = "single_bed" if rng.random() < 0.5 else choice
            wanted[choice] = facts.category(choice).plural_count if choice in ("nightstand",) else 1
            if choice == "dining_chair":
                wanted[choice] = 6 if spec.size_hint == "large" else 4
            essentials.add(choice)
        else:
            essentials.update(c for c in req if c in wanted)
    for c in list(wanted):
        if c in spec.excluded:
            wanted.pop(c)

    def need(cat: str, n: int) -> None:
        if cat not in wanted and cat not in spec.excluded and not brief_only:
            wanted[cat] = n

    # companions of the anchors (rooms.json "companions": a chair for a desk, nightstands for a bed)
    # pieces the brief arranges among themselves or by other pieces (chairs in a row, beside each bed) call
    # no companion of their own
    arranged = {r.subject for r in spec.relations if r.kind != "around" or r.target in wanted}
    for rule in facts.companions:
        if any(c in arranged for c in rule.when if c in wanted) and rule.when[0] in _SEATS:
            continue
        if rule.category_for(spec.room_type) in _SEATS and any(c in seated for c in rule.when):
            continue
        if rule.applies(spec.room_type, wanted) and not rule.ruled_out_by(descs):
            anchor_scale = next((scales.get(c, 1.0) for c in rule.when if c in wanted), 1.0)
            need(
                rule.category_for(spec.room_type),
                rule.count_for(spec.room_type, wanted, spec.size_hint == "large" or anchor_scale > 1),
            )

    # extras only for a room type the prompt names: a program guessed from the pieces ("a hospital X-ray room" with a
    # desk and an office chair) is no study that wants an armchair, a rug and lamps
    if extras and not spec.minimal and spec.room_type_explicit:
        for cat in room.default_extra:
            if cat in wanted or cat in spec.excluded:
                continue
            if cat == "tv" and "tv_stand" not in wanted:
                continue
            if cat in ("tv", "rug", "table_lamp") or rng.random() < 0.75:
                n = facts.category(cat).plural_count if cat in ("table_lamp",) else 1
                if cat == "table_lamp":
                    n = min(2, wanted.get("nightstand", 0)) or (1 if "desk" in wanted else 0)
                    if n == 0:
                        continue
                wanted[cat] = n
        if "tv_stand" in wanted:
            need("tv", 1)
    _floor_versions(spec, wanted, descs, requested, facts)
    for cat in list(wanted):
        if wanted[cat] <= 0:
            wanted.pop(cat)

    n_chairs = wanted.get("dining_chair", 0)
    for cat_name, n in wanted.items():
        cat = facts.category(cat_name)
        desc = descs.get(cat_name)
        if desc and desc.lower() in cat.synonyms:  # a bare noun: give retrieval the room's style and a finish
            generated = default_desc(cat, spec, rng, style)
            desc = generated.replace(cat.noun, desc) if cat.noun in generated else desc
        desc = desc or default_desc(cat, spec, rng, style)
        seats = [r.subject for r in spec.relations if r.kind == "around" and r.target == cat_name and r.subject in wanted]
        square = "square" in (desc or "").lower().split()
        if cat_name == "dining_table":  # chairs shared among the tables ("four tables, each with four chairs")
            per_table = math.ceil(n_chairs / max(n, 1))
            size = dining_table_size(per_table, rounds.get(cat_name, False), scales.get(cat_name, 1.0), square)
        elif seats and cat_name.endswith("table"):  # "a big table with eight chairs around it": long enough for them
            per_table = math.ceil(wanted[seats[0]] / max(n, 1))
            size = dining_table_size(per_table, rounds.get(cat_name, False), scales.get(cat_name, 1.0), square)
            size = tuple(max(a, b) for a, b in zip(size, _sized(cat, scales.get(cat_name, 1.0)), strict=True))
        else:
            size = _sized(cat, scales.get(cat_name, 1.0))
        if cat_name != "dining_table":
            size = variant_size(cat, desc, size, rng, seeded=scales.get(cat_name, 1.0) == 1.0)
        sized = size_from_words(cat, descs.get(cat_name, ""), size)
        stage = cat.stage
        if cat_name in requested or cat_name in essentials:
            stage = min(stage, 2) if cat.role in ("corner", "floor_covering", "on_surface") else 1
        req = spec.item(cat_name)
        for one, label in _instance_descs(desc, n, req):
            plan.items.append(
                PlannedItem(
                    cat_name,
                    one,
                    size_from_words(cat, label, size) if label and label != descs.get(cat_name, "").lower() else sized,
                    stage,
                    cat.group,
                    cat_name in requested,
                    cat_name in essentials,
                    rounds.get(cat_name, False),
                    label,
                )
            )
    gcat = facts.category("generic_object")
    for it in generic:
        size = gcat.clamp_size(tuple(v * (it.size_scale if k == 0 else 1.0) for k, v in enumerate(it.size or gcat.size)))
        size = size_from_words(gcat, it.desc, size)
        for _ in range(min(it.count, count_cap("generic_object", it.explicit))):
            plan.items.append(PlannedItem("generic_object", it.desc, size, 2, "requested pieces", True, False, False, it.phrase))
    for p in plan.items:
        req = spec.item(p.category)
        if req is not None and not p.phrase:
            p.phrase = req.phrase
    # a piece sited in the middle or a corner goes in the first turn, before others take that floor (pieces whose
    # place is a corner anyway, plants and lamps, keep their turn: with them the first turn's search grows)
    for rel in spec.relations:
        if (
            rel.kind in ("middle", "corner")
            and not rel.target
            and facts.category(rel.subject).role not in ("on_surface", "corner")
        ):
            for p in plan.items:
                if planned_for(p, rel.subject, rel.subject_text):
                    p.stage = 1
    for rel in spec.relations:  # pieces an arrangement ties together are placed in the same turn
        pair = [p for p in plan.items if p.category in (rel.subject, rel.target)]
        for p in pair:
            p.stage = min(q.stage for q in pair)
        if rel.kind == "on_top":
            _stackable(plan.items, rel, facts)
    _widen_hosts(plan.items, spec.relations, facts)
    plan.items.sort(key=lambda i: (i.stage, -facts.category(i.category).priority))
    return plan


def _instance_descs(desc: str, n: int, req) -> list[tuple[str, str]]:
    """(description, phrase) of the ``n`` planned pieces of one category: ``desc``, the last ones the request's
    pieces named apart ("two laser printers" after "a large-format printer"), each with its own phrase so the
    relations of its words find it (empty when nothing was named apart)."""
    if req is None or not req.variants:
        return [(desc, "")] * n
    named = [(d, d.lower()) for d, k in req.variants for _ in range(k)]
    named = named[-(n - 1) :] if n > 1 else []
    return [(desc, req.desc.lower())] * (n - len(named)) + named


def _floor_versions(spec: PromptSpec, wanted: dict[str, int], descs: dict[str, str], requested: set[str], facts) -> None:
    """A piece that stands on furniture with nothing in the plan to stand on ("1 chaise longue, 1 bookcase, 1
    reading lamp. nothing else") becomes its floor version (rooms.json ``floor_version``: a floor lamp)."""
    set_on = {r.subject for r in spec.relations if r.kind == "on_top"}
    for name in list(wanted):
        cat = facts.category(name)
        if cat.role != "on_surface" or not cat.floor_version or name in set_on or any(h in wanted for h in cat.hosts):
            continue
        floor = cat.floor_version
        wanted[floor] = wanted.get(floor, 0) + wanted.pop(name)
        if name in descs:
            descs.setdefault(floor, descs.pop(name).replace(cat.noun, facts.category(floor).noun))
        if name in requested:
            requested.add(floor)


def planned_for(p: PlannedItem, category: str, text: str) -> bool:
    """Whether planned piece ``p`` is one a relation names: of ``category`` and, when the relation names its pieces
    by a phrase (``subject_text`` / ``target_text``), planned for that phrase."""
    return p.category == category and (not text or p.phrase == text)


def _stackable(items: list[PlannedItem], rel, facts) -> None:
    """ "a printer on a cabinet": a floor piece asked to stand on another takes its smallest size (a generic
    object at most 0.6 m a side and no wider or deeper than its host plus 0.05 m), and a host taller than
    1.1 m its lowest height in range, so the pair stays under a 2.2 m reach (sizes in metres). Pieces named by
    a phrase (``subject_text`` / ``target_text``) are only those planned for it."""
    subject, host = rel.subject, rel.target
    if facts.category(subject).role == "on_surface":
        return

    hosts = [p for p in items if planned_for(p, host, rel.target_text)]
    if host == "generic_object" and rel.target_text.rsplit(" ", 1)[-1] in SUPPORT_HEADS:
        _carry(hosts, [p for p in items if planned_for(p, subject, rel.subject_text)])
        return
    top_w = min((p.size[0] for p in hosts), default=0.6) + 0.05
    top_d = min((p.size[2] for p in hosts), default=0.6) + 0.05
    for p in items:
        if planned_for(p, subject, rel.subject_text) and subject == "generic_object":
            p.size = (min(p.size[0], 0.6, top_w), min(p.size[1], 0.6), min(p.size[2], 0.6, top_d))
        elif planned_for(p, subject, rel.subject_text):
            p.size = tuple(min(v, lo) for v, lo in zip(p.size, facts.category(subject).min_size))  # type: ignore[assignment]
        elif p in hosts and p.size[1] > 1.1:
            lo_h = facts.category(host).size_range[1][0]
            p.size = (p.size[0], max(lo_h, min(p.size[1], 1.1)), p.size[2])


#: Room (m) left beside each piece a host carries (more than the gap kept between bodies).
HOST_SPACING = 0.08


def _widen_hosts(items: list[PlannedItem], relations, facts) -> None:
    """A catalog piece that carries several others ("three printers in a row on a cabinet", "a transceiver, a rig
    and a tuner on the desk") is widened, within its category's range, to hold its share of them side by side
    in as many rows as its depth allows, ``HOST_SPACING`` apart (metres)."""
    loads: dict[int, list[PlannedItem]] = {}
    for rel in relations:
        if rel.kind != "on_top" or not rel.target or rel.target == "generic_object":
            continue
        hosts = [p for p in items if planned_for(p, rel.target, rel.target_text)]
        for k, p in enumerate(q for q in items if planned_for(q, rel.subject, rel.subject_text)):
            if hosts:
                loads.setdefault(id(hosts[k % len(hosts)]), []).append(p)
    for host in items:
        pieces = loads.get(id(host), [])
        if len(pieces) < 2:
            continue
        rows = max(1, int((host.size[2] - 0.04) // max(p.size[2] for p in pieces)))
        need = sum(p.size[0] + HOST_SPACING for p in pieces) / rows + HOST_SPACING
        hi = facts.category(host.category).size_range[0][1]
        if host.size[0] < need:
            host.size = (min(need, hi), host.size[1], host.size[2])


#: Open-vocabulary pieces that exist to carry another ("a casket on a bier", "a fox on a pedestal"): sized to it.
SUPPORT_HEADS = frozenset("stand pedestal plinth pallet skid bier platform riser dais base podium trestle".split())
#: The highest top (m) a support and what it carries reach together.
SUPPORT_REACH = 2.4


def _carry(supports: list[PlannedItem], pieces: list[PlannedItem]) -> None:
    """Size each support to carry its share of ``pieces`` (up to three a row) with 5 cm to spare on each side, at
    most 3 m a side, and low enough that the top of the tallest piece stays under ``SUPPORT_REACH`` (metres)."""
    if not supports or not pieces:
        return
    n = math.ceil(len(pieces) / len(supports))
    w = max(p.size[0] for p in pieces) * min(n, 3) + 0.1
    d = max(p.size[2] for p in pieces) * math.ceil(n / 3) + 0.1
    top = SUPPORT_REACH - max(p.size[1] for p in pieces)
    for s in supports:
        s.size = (min(max(s.size[0], w), 3.0), max(0.1, min(s.size[1], top)), min(max(s.size[2], d), 3.0))


#: Room left at the two ends of a row along a wall, and between its pieces (m).
ROW_END_ROOM = 0.2
ROW_PIECE_GAP = 0.1


def fit_rows(plan: DesignPlan, long_side: float) -> None:
    """Narrow the pieces of each requested row ("three service counters in a row", "12 desks in three rows of
    four"), within their category's width range, until one row fits along the room's longest wall
    (``long_side``, m); pieces that already fit keep their size."""
    facts = load_rooms()
    for rel in plan.spec.relations:
        if rel.kind != "in_row" or rel.target or rel.subject not in facts.categories:
            continue
        items = [p for p in plan.items if planned_for(p, rel.subject, rel.subject_text)]
        per_row = row_length(rel.text, len(items)) or len(items)
        if per_row < 2:
            continue
        widest = (long_side - ROW_END_ROOM - (per_row - 1) * ROW_PIECE_GAP) / per_row
        lo = facts.category(rel.subject).size_range[0][0]
        for p in items:
            if p.size[0] > widest:
                p.size = (max(lo, widest), p.size[1], p.size[2])


#: Words of a piece's height: "tall" takes the top of the category's height range, "low" its bottom and
#: "floor-to-ceiling" at least ``CEILING_HIGH`` metres.
HEIGHT_WORDS = {
    "tall": "tall", "high": "tall", "towering": "tall", "full-height": "ceiling", "floor-to-ceiling": "ceiling",
    "ceiling-high": "ceiling", "ceiling-height": "ceiling", "low": "low", "short": "low", "squat": "low", "low-slung": "low",
}  # fmt: skip
CEILING_HIGH = 2.3


def size_from_words(cat: Category, desc: str, size: Vec3) -> Vec3:
    """The size a modifier of ``desc`` means for ``cat`` ("standing desk", "mini fridge"; rooms.json
    ``size_words``), else the height a word of ``HEIGHT_WORDS`` gives ("a tall cabinet", "a low platform": the
    top or bottom of the category's height range; an open-vocabulary piece 1.5 times or 0.45 times its typical
    height), else ``size``; metres."""
    low = desc.lower()
    for word, target in sorted(cat.size_words.items(), key=lambda kv: -len(kv[0])):
        if re.search(r"(?<![\w-])" + re.escape(word) + r"(?![\w-])", low):
            return target
    said = [HEIGHT_WORDS[w] for w in re.findall(r"(?<![\w-])[\w-]+(?![\w-])", low) if w in HEIGHT_WORDS]
    if not said:
        return size
    (h_lo, h_hi), h = cat.size_range[1], size[1]
    generic = cat.name == "generic_object"
    if said[0] == "ceiling":
        h = max(h, h_hi, CEILING_HIGH)
    elif said[0] == "tall":
        h = min(max(h * 1.5, 1.8), CEILING_HIGH) if generic else max(h, h_hi)
    else:
        h = max(h * 0.45, 0.15) if generic else min(h, h_lo)
    return (size[0], h, size[2])


#: Attribute words a catalog variant may spell another way ("wooden" is met by an oak variant).
ATTRIBUTE_ALIASES = {
    "wooden": ("wood", "oak", "walnut", "pine", "teak", "ash", "beech", "birch", "timber"),
    "wood": ("wood", "oak", "walnut", "pine", "teak", "ash", "beech", "birch", "timber"),
    "gray": ("grey", "gray"),
    "golden": ("gold", "brass"),
    "metal": ("metal", "steel", "chrome", "iron", "brass", "stainless", "aluminium"),
    "steel": ("steel", "stainless"),
    "stainless": ("stainless", "steel"),
    "pink": ("pink", "blush", "rose"),
    "gilt": ("gilt", "gold", "brass"),
    "gilded": ("gilded", "gold", "brass"),
    "wire": ("wire", "steel", "chrome"),
    "hickory": ("hickory", "walnut"),
    "sisal": ("sisal", "jute"),
    "striped": ("striped", "stripes", "stripe"),
    "checked": ("checked", "check", "plaid", "tartan"),
    "floral": ("floral", "flower"),
}


def _variant_words(v) -> str:
    return f"{v.description} {v.color} {v.material} {v.style}".lower()


def _has(word: str, text: str) -> bool:
    return any(a in text for a in ATTRIBUTE_ALIASES.get(word, (word,)))


def variant_size(cat: Category, desc: str, size: Vec3, rng: random.Random, seeded: bool = True) -> Vec3:
    """The size to ask retrieval for so the right catalog variant wins.

    Retrieval's size term (sigma 0.05 m) outweighs the text term, so a colour or material word of
    ``desc`` only reaches the asset when the designer asks for that variant's size: the size of the
    catalog variant of ``cat.assets`` sharing the most attribute words with ``desc`` (clamped into
    the category range). Without such a word, or when no variant has it, a seeded variant is picked, so
    other seeds give other assets (``seeded=False`` keeps ``size`` then). Categories without catalog
    assets keep ``size``.
    """
    from scenerevis.assets.catalog_content import VARIANTS
    from scenerevis.policy.prompt_words import COLOUR_WORDS, MATERIAL_WORDS, PATTERN_WORDS, STYLE_WORDS

    variants = [v for name in cat.assets for v in VARIANTS.get(name, ())]
    if not variants:
        return size
    low = desc.lower()
    attrs = [
        w
        for w in COLOUR_WORDS + MATERIAL_WORDS + PATTERN_WORDS + STYLE_WORDS
        if re.search(r"(?<![\w-])" + re.escape(w) + r"(?![\w-])", low)
    ]
    if attrs:
        others = set(re.findall(r"[a-z]+", low)) - set(attrs) - set(cat.noun.split())
        scored = []
        for k, v in enumerate(variants):
            words = _variant_words(v)
            hits = sum(3 * _has(w, f"{v.color} {v.material}".lower()) + _has(w, words) for w in attrs)
            scored.append((hits + 0.5 * len(others & set(re.findall(r"[a-z]+", words))) if hits else 0, k))
        best = max(s for s, _ in scored)
        if best > 0:
            v = variants[min(k for s, k in scored if s == best)]
            return cat.clamp_size(v.size)
        # no variant has the word ("a walnut chess table"): still ask for a variant's size, so the mesh is of
        # the category (the category's default size may match another category's asset best)
    pick = rng.choice(variants)
    return cat.clamp_size(pick.size) if seeded else size
