"""spec_rules.py: rules applied to a parsed prompt's spec once its relations are known.

A lamp next to a seat is its floor version; small things stay requested only when set on a named piece; a
generic object something stands on becomes the host category it is nearest to; a small table with three or
more chairs per table is a dining table. Each rule edits the :class:`~scenerevis.policy.prompt_parse.PromptSpec`
in place (its items and relations) and is called by :func:`~scenerevis.policy.prompt_parse.parse_prompt`.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from scenerevis.policy.arrange import Relation
from scenerevis.policy.open_vocab import is_tabletop
from scenerevis.scene.rooms import load_rooms

if TYPE_CHECKING:
    from scenerevis.policy.prompt_parse import PromptSpec


def standing(spec: PromptSpec, rel: Relation) -> Relation:
    """A piece that stands on furniture put next to a seat or sofa is its floor version: "a reading lamp next
    to the armchair" asks for a floor lamp (rooms.json ``floor_version``; next to a bed it stays on the
    nightstand). One piece of the request moves to the floor category, or all of them "beside each armchair"."""
    facts = load_rooms()
    cat = facts.categories.get(rel.subject)
    target = facts.categories.get(rel.target or "")
    item = spec.item(rel.subject)
    if rel.kind != "next_to" or cat is None or not cat.floor_version or target is None or item is None:
        return rel
    if target.role not in ("seating", "sofa"):
        return rel
    floor = facts.category(cat.floor_version)
    desc = floor.noun if item.desc == cat.noun else item.desc
    if spec.item(floor.name) is None:  # else the prompt asked for the floor version already
        if item.count > 1 and not {"each", "every"} & set(rel.text.lower().split()):  # "beside each armchair": all
            item.count -= 1
            spec.items.append(replace(item, category=floor.name, count=1, desc=desc, explicit=False))
        else:
            item.category, item.desc = floor.name, desc
    return Relation(rel.kind, floor.name, rel.target, rel.text)


def small_things(spec: PromptSpec) -> None:
    """Small things set on furniture ("a singing bowl on the altar", "a vase on top") stay requested, as small
    generic objects, when the brief sets them on a piece; the others are reported as left to the styling."""
    set_on = {r.subject_text for r in spec.relations if r.kind == "on_top" and r.subject == "generic_object"}
    for item in list(spec.items):
        small = item.source == "generic" and is_tabletop(item.phrase)
        if small and item.phrase not in set_on:
            spec.items.remove(item)
            spec.not_placed.append((item.desc, "small things set on furniture are left to the styling"))
    kept = {i.phrase for i in spec.items}
    spec.relations = [r for r in spec.relations if r.subject != "generic_object" or not r.subject_text or r.subject_text in kept]


def named_hosts(spec: PromptSpec) -> None:
    """ "a TV on a stand": a generic object something stands on becomes its nearest category when that is one
    of the piece's rooms.json ``hosts`` (the stand is a TV stand), with the relation following."""
    facts = load_rooms()
    for r in list(spec.relations):
        sub = facts.categories.get(r.subject)
        if r.kind != "on_top" or r.target != "generic_object" or sub is None or not sub.hosts:
            continue
        item = next((i for i in spec.items if i.category == "generic_object" and i.phrase == r.target_text), None)
        if item is None or item.nearest not in sub.hosts or spec.item(item.nearest) is not None:
            continue
        item.category, item.source, item.size = item.nearest, "similar", None
        spec.relations = [
            replace(q, target=item.category, target_text="")
            if q.target == "generic_object" and q.target_text == item.phrase
            else replace(q, subject=item.category, subject_text="")
            if q.subject == "generic_object" and q.subject_text == item.phrase
            else q
            for q in spec.relations
        ]


def tables_for_chairs(spec: PromptSpec) -> None:
    """A small table with three or more chairs per table is a dining table ("a reading table with six
    chairs around it"); its relations follow, so the table is planned, placed and reported as one. Not when
    the chairs are arranged elsewhere ("a row of four chairs along one wall ... a small table")."""
    small = spec.item("small_table")
    if small is None or spec.item("dining_table") is not None or spec.count("dining_chair") < 3 * small.count:
        return
    if any(r.subject == "dining_chair" and r.kind in ("in_row", "against_wall", "side_by_side") for r in spec.relations):
        return
    small.category = "dining_table"
    if small.desc.endswith("small table"):
        small.desc = small.desc[: -len("small table")] + "dining table"

    def moved(c: str | None) -> str | None:
        return "dining_table" if c == "small_table" else c

    spec.relations = [replace(r, subject=moved(r.subject), target=moved(r.target)) for r in spec.relations]
