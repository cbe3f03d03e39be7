"""tight_floor.py: what the designer gives up when the prompt states a floor its plan barely fits (a 7 m² camper
van, a 6 m² sleeper compartment): first the room program's floor-standing extras, then the requested pieces'
generous sizes (each takes a compact size of its category's range), so that every requested piece has a chance.

Areas are in m^2 and sizes ``[w, h, d]`` in metres, as in :mod:`plan`.
"""

from __future__ import annotations

import math

from scenerevis.policy.groupings import self_stacked, stack_levels
from scenerevis.policy.plan import DesignPlan, PlannedItem
from scenerevis.scene.rooms import load_rooms


def footprint_need(plan: DesignPlan, requested_only: bool = False, clearance: float = 1.0) -> float:
    """Floor area (m^2) the plan needs (only the prompt's own pieces with ``requested_only``): footprints plus
    their clearances (scaled by ``clearance``), rugs and on-surface items excluded."""
    facts = load_rooms()
    total = 0.0
    upper = set(map(id, piled_up(plan)))
    for it in plan.items:
        cat = facts.category(it.category)
        if cat.role in ("floor_covering", "on_surface") or (requested_only and not it.requested) or id(it) in upper:
            continue
        w, _, d = it.size
        cl = {k: v * clearance for k, v in cat.clearance.items()}
        if "around" in cl:
            a = min(cl["around"], 0.9)
            total += (w + 2 * a) * (d + 2 * a) * 0.8
        else:
            total += (w + 2 * cl.get("side", 0.0)) * (d + cl.get("front", 0.3 * clearance) + cl.get("back", 0.0))
    return total


def _piles(plan: DesignPlan) -> list[tuple[list[PlannedItem], int]]:
    """The plan's piles of pieces on pieces of their own kind ("crates stacked three high"): their items, levels."""
    out = []
    for rel in plan.spec.relations:
        if self_stacked(rel):
            items = [
                it for it in plan.items if it.category == rel.subject and (not rel.subject_text or it.phrase == rel.subject_text)
            ]
            out.append((items, stack_levels(rel, len(items))))
    return out


def piled_up(plan: DesignPlan) -> list[PlannedItem]:
    """The items of the plan's piles that stand on another piece, not on the floor (all but a pile's first of
    each ``levels``)."""
    return [it for items, levels in _piles(plan) for it in items[math.ceil(len(items) / levels) :]]


def pile_heights(plan: DesignPlan, ceiling: float) -> None:
    """Make the pieces of each pile low enough for its levels to stand under ``ceiling`` (m): "nine bunks stacked
    three high" in a 2.4 m cabin are berths of about 0.78 m each."""
    for items, levels in _piles(plan):
        for it in items:
            w, h, d = it.size
            it.size = (w, round(min(h, (ceiling - 0.05) / levels - 0.02), 3), d)


#: Share of a stated floor the plan's pieces (footprints and clearances) may need before the room program's
#: floor-standing extras are left out: past it the room is tight and an armchair or a dresser nobody asked for
#: would take the floor of a requested piece.
TIGHT_SHARE = 0.65
#: Share of a stated floor the plan may still need, extras left out, before its pieces take compact sizes.
COMPACT_SHARE = 0.9
#: Scale of every keep-out zone on a tight floor (:attr:`~scenerevis.policy.free_space.Space.clearance`): the
#: pieces share their aisles, whose width the walkway check still keeps.
TIGHT_CLEARANCE = 0.6
#: Steps from each piece's size towards its category's smallest (0 = as planned, 1 = the smallest).
COMPACT_STEPS = (0.5, 1.0)


def _stated(plan: DesignPlan) -> bool:
    return plan.spec.area is not None or plan.spec.dims is not None


def trim_extras(plan: DesignPlan, area: float) -> None:
    """Leave out the room program's floor-standing extras (rooms.json ``default_extra``: not requested, not an
    essential; lamps on surfaces and rugs stay) when the prompt states the room's size and the plan would need
    ``TIGHT_SHARE`` of its floor ``area`` (m^2) or more (a room the designer sizes itself has room for them)."""
    if not _stated(plan) or footprint_need(plan) < TIGHT_SHARE * area:
        return
    facts = load_rooms()
    extras = set(facts.room_type(plan.room_type).default_extra)
    plan.items = [
        p
        for p in plan.items
        if p.requested
        or p.essential
        or p.category not in extras
        or facts.category(p.category).role in ("on_surface", "floor_covering")
    ]


def compact_pieces(plan: DesignPlan, area: float) -> list[str]:
    """On a stated floor of ``area`` m^2 that the plan needs more than ``COMPACT_SHARE`` of, set ``plan.tight``
    (its pieces keep ``TIGHT_CLEARANCE`` of their clearances) and shrink the floor pieces' width and depth towards
    their category's smallest size (``COMPACT_STEPS``) until the plan, at those clearances, needs no more than that
    share; a piece the prompt gives a size or calls large keeps its size. Returns the descriptions of the pieces
    made smaller (none on a roomy floor)."""
    if not _stated(plan) or footprint_need(plan) <= COMPACT_SHARE * area:
        return []
    plan.tight = True
    facts = load_rooms()
    planned = {id(it): it.size for it in plan.items}
    shrink = []
    for it in plan.items:
        cat = facts.category(it.category)
        asked = plan.spec.item(it.category)
        if cat.role in ("floor_covering", "on_surface") or (
            asked is not None and (asked.size is not None or asked.size_scale > 1.0)
        ):
            continue
        shrink.append((it, cat.min_size))
    for t in (0.0, *COMPACT_STEPS):
        for it, lo in shrink:
            w, h, d = planned[id(it)]
            it.size = (round(w + (min(lo[0], w) - w) * t, 3), h, round(d + (min(lo[2], d) - d) * t, 3))
        if footprint_need(plan, clearance=TIGHT_CLEARANCE) <= COMPACT_SHARE * area:
            break
    return [it.desc for it, _ in shrink if it.size != planned[id(it)]]
