"""narrate.py: turn what the designer delivered against the brief into text for the turn's ``<think>``.

Each requested item of the prompt is reported as placed, substituted (by what), placed as a generic
object (with its estimated size), capped (asked more than the room takes) or dropped (why).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from scenerevis.policy.arrange import Relation
from scenerevis.policy.brief_check import relation_holds
from scenerevis.policy.open_vocab import SIZE_FROM_AT
from scenerevis.policy.prompt_parse import PromptSpec, RequestedItem, parse_prompt
from scenerevis.scene.model import Scene
from scenerevis.scene.rooms import load_rooms

BEDS = ("double_bed", "king_bed", "single_bed", "bunk_bed")
SOFAS = ("sofa", "sectional", "loveseat")


def equivalence_key(category: str | None) -> str | None:
    """Categories that stand in for each other when counting what is present (any bed is a bed)."""
    if category in BEDS:
        return "bed"
    if category in SOFAS:
        return "sofa"
    return category


@dataclass(frozen=True)
class Delivery:
    """One request and its outcome: ``status`` is ``placed``, ``substituted``, ``generic``, ``partial`` or
    ``dropped``; ``asked`` / ``placed`` instance counts; ``note`` the reason in words."""

    phrase: str
    status: str
    asked: int
    placed: int
    note: str = ""


def deliveries(
    spec: PromptSpec, present: Counter, generic_present: Counter, capped: dict[str, tuple[int, int]]
) -> list[Delivery]:
    """Outcome of every request of ``spec``: ``present`` counts objects per category, ``generic_present``
    generic objects per description, ``capped`` category -> (asked, planned) counts the plan limited."""
    facts = load_rooms()
    out = []
    left = Counter(present)
    for it in spec.items:
        phrase = it.phrase or it.desc
        if it.category == "generic_object":
            got = min(generic_present.get(it.desc, 0), it.count)
            w, h, d = it.size or facts.category("generic_object").size
            like = f", sized like {facts.category(it.nearest).noun}" if it.nearest and it.similarity >= SIZE_FROM_AT else ""
            note = f"no catalog category fits, so a generic object {w:.2f} x {h:.2f} x {d:.2f} m{like}"
            out.append(_outcome(phrase, it, got, "generic", note))
            continue
        got = min(left.get(it.category, 0), it.count)
        left[it.category] -= got
        floor = facts.category(it.category).floor_version
        if got < it.count and floor and floor not in {i.category for i in spec.items}:
            more = min(left.get(floor, 0), it.count - got)  # a table lamp with nothing to stand on: a floor lamp
            left[floor] -= more
            got += more
        noun = facts.category(it.category).noun
        if it.source == "similar":
            out.append(_outcome(phrase, it, got, "substituted", f"read as {noun} (similarity {it.similarity:.2f})"))
            continue
        note = ""
        if it.category in capped:
            asked, planned = capped[it.category]
            note = f"{planned} of {asked}: the most this room takes"
        out.append(_outcome(phrase, it, got, "placed", note))
    return out


def _outcome(phrase: str, it: RequestedItem, got: int, status: str, note: str) -> Delivery:
    if got == 0:
        return Delivery(phrase, "dropped", it.count, 0, "it does not fit without blocking a walkway or another piece")
    if got < it.count:
        why = note or "the rest do not fit with their clearances"
        return Delivery(phrase, "partial", it.count, got, why)
    return Delivery(phrase, status, it.count, got, note)


def describe(ds: list[Delivery], excluded: set[str], not_placed: list[tuple[str, str]] = ()) -> str:
    """One sentence per outcome kind, e.g. "Requested and placed: 2 x desk, whiteboard."."""
    facts = load_rooms()
    parts = []

    def fmt(d: Delivery) -> str:
        n = f"{d.placed} x " if d.placed > 1 else ""
        return f"{n}{d.phrase}" + (f" ({d.note})" if d.note else "")

    for status, label in (
        ("placed", "Requested and placed"),
        ("substituted", "Placed as the nearest kind"),
        ("generic", "Placed as generic objects"),
        ("partial", "Placed in part"),
    ):
        got = [d for d in ds if d.status == status]
        if got:
            parts.append(f"{label}: " + "; ".join(fmt(d) for d in got) + ".")
    dropped = [d for d in ds if d.status == "dropped"]
    if dropped:
        parts.append("Dropped: " + "; ".join(f"{d.phrase} ({d.note})" for d in dropped) + ".")
    if excluded:
        parts.append(
            "Left out as asked: " + ", ".join(facts.categories[c].noun for c in sorted(excluded) if c in facts.categories) + "."
        )
    return " ".join(parts)


def describe_relations(results: list) -> str:
    """ "Arrangement: desk back to back (met); piano in the middle (not met)." for (Relation, met) pairs."""
    facts = load_rooms()
    if not results:
        return ""
    parts = []
    for rel, ok in results:
        noun = facts.categories[rel.subject].noun if rel.subject in facts.categories else rel.subject
        parts.append(f"{noun} {rel.text} ({'met' if ok else 'not met'})")
    return "Arrangement: " + "; ".join(parts) + "."


@dataclass
class BriefOutcome:
    """What a finished scene delivers of its prompt: one :class:`Delivery` per requested item, each
    arrangement request with whether it holds, the categories left out as asked, the object phrases
    the designer does not place (with why), and whether the prompt read as English."""

    deliveries: list[Delivery] = field(default_factory=list)
    relations: list[tuple[Relation, bool]] = field(default_factory=list)
    excluded: list[str] = field(default_factory=list)
    not_placed: list[tuple[str, str]] = field(default_factory=list)
    english: bool = True


def brief_outcome(
    spec: PromptSpec | str,
    scene: Scene,
    cats: dict[str, str | None] | None = None,
    capped: dict[str, tuple[int, int]] | None = None,
) -> BriefOutcome:
    """Score ``scene`` against the prompt ``spec`` (or its text), whoever designed it: objects are read
    as categories from their descriptions (``cats``: instance id -> category, given by a designer that
    knows better), generic requests match objects whose description names the request's head word."""
    from scenerevis.policy.occupancy import categorize

    spec = parse_prompt(spec) if isinstance(spec, str) else spec
    cats = categorize(scene, spec.room_type) if cats is None else cats
    present = Counter(c for c in cats.values() if c)
    for c in list(present):
        key = equivalence_key(c)
        if key != c:
            present[key] += present[c]
    for it in spec.items:  # a requested bed of any kind counts against the bed request
        key = equivalence_key(it.category)
        if key != it.category:
            present[it.category] = max(present[it.category], present[key])
    generic: Counter = Counter()
    loose = [o for o in scene.objects if cats.get(o.id) in (None, "generic_object")]
    for it in spec.items:
        if it.category == "generic_object":
            head = (it.phrase or it.desc).lower().split()[-1:] or [""]
            generic[it.desc] = sum(1 for o in loose if o.desc == it.desc or head[0] in o.desc.lower().split())
    facts = load_rooms()
    return BriefOutcome(
        deliveries(spec, present, generic, capped or {}),
        relation_results(spec.relations, scene, cats),
        [facts.categories[c].noun for c in sorted(spec.excluded) if c in facts.categories],
        list(spec.not_placed),
        spec.english,
    )


def relation_results(relations: list[Relation], scene: Scene, cats: dict[str, str | None]) -> list[tuple[Relation, bool]]:
    """Each arrangement request with whether it holds in ``scene`` (objects grouped by ``cats``)."""
    by_cat: dict[str, list] = {}
    for o in scene.objects:
        if cats.get(o.id):
            by_cat.setdefault(cats[o.id], []).append(o)

    def group(cat: str, text: str) -> list:
        objs = by_cat.get(cat, [])
        return [o for o in objs if o.desc.lower() == text] or objs if text else objs  # a generic object by its phrase

    out = []
    for rel in relations:
        groups = [group(rel.subject, rel.subject_text)]
        if rel.kind == "between":
            groups += [group(cat or "", text) for cat, text in rel.sides()]
        elif rel.target or rel.kind not in ("against_wall", "middle", "corner", "in_row"):
            groups.append(group(rel.target, rel.target_text) if rel.target else groups[0])
        out.append((rel, relation_holds(scene, rel.kind, groups)))
    return out
