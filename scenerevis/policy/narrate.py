"""narrate.py: turn what the designer delivered against the brief into text for the turn's ``<think>``.

Each requested item of the prompt is reported as placed, substituted (by what), placed as a generic
object (with its estimated size), capped (asked more than the room takes) or dropped (why).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from scenerevis.policy.open_vocab import SIZE_FROM_AT
from scenerevis.policy.prompt_parse import PromptSpec, RequestedItem
from scenerevis.scene.rooms import load_rooms


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
