"""spec_rules.py: rules applied to a parsed prompt's spec once its relations are known.

A lamp next to a seat is its floor version; small things stand on a named piece (the brief's, else the nearest
that can carry them) or are reported as left to the styling; a
generic object something stands on becomes the host category it is nearest to; a small table with three or
more chairs per table is a dining table. Each rule edits the :class:`~scenerevis.policy.prompt_parse.PromptSpec`
in place (its items and relations) and is called by :func:`~scenerevis.policy.prompt_parse.parse_prompt`.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from scenerevis.policy.arrange import Relation
from scenerevis.policy.carried import SURFACE_HEADS, carries_things
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
    """Small things set on furniture ("a singing bowl on the altar", "a glass bell jar") stay requested, as small
    generic objects: on the piece the brief sets them on, where the brief places them ("a row of four canopic
    jars"), else on the piece that can carry them named nearest before them in the prompt (after them when none
    is before); with nothing to carry them they are reported as left to the styling."""
    set_on = {r.subject_text for r in spec.relations if r.kind == "on_top" and r.subject == "generic_object"}
    # ("a row of four canopic jars": the brief places them itself, on the floor)
    placed = {r.subject_text for r in spec.relations if r.kind != "on_top" and r.subject == "generic_object"}
    for item in list(spec.items):
        small = item.source == "generic" and is_tabletop(item.phrase)
        if not small or item.phrase in set_on | placed:
            continue
        # (textiles go on beds and seats, not on whatever table or shelf is near: "each with a grey army blanket")
        host = None if item.phrase.split()[-1] in _TEXTILES else _surface_for(spec, item)
        if host is None:
            spec.items.remove(item)
            spec.not_placed.append((item.desc, "small things set on furniture are left to the styling"))
            continue
        host_text = host.phrase if host.category == "generic_object" else ""
        words = f"on the {host.desc.lower()}"
        spec.relations.append(Relation("on_top", "generic_object", host.category, words, item.phrase, host_text))
    kept = {i.phrase for i in spec.items}
    spec.relations = [r for r in spec.relations if r.subject != "generic_object" or not r.subject_text or r.subject_text in kept]


#: Small things of cloth, which no table or shelf carries ("a blanket on each bunk" is bedding).
_TEXTILES = frozenset("pillow pillows throw throws blanket blankets towel towels".split())


def _surface_for(spec: PromptSpec, item):
    """The requested piece that can carry the small ``item`` (a table, desk, counter, shelf, cabinet ...): the
    nearest named before it in the prompt, else the first named after it, else None."""
    text = spec.text.lower()

    def at(i) -> int:  # where the prompt first names the piece (its phrase; unknown: the end)
        k = text.find(i.phrase) if i.phrase else -1
        return k if k >= 0 else len(text)

    def carries(i) -> bool:
        if i.category == "generic_object":
            return bool(i.phrase) and i.phrase.split()[-1] in SURFACE_HEADS and not is_tabletop(i.phrase)
        return carries_things(i.category)

    hosts = sorted((i for i in spec.items if i is not item and carries(i)), key=at)
    before = [i for i in hosts if at(i) <= at(item)]
    return before[-1] if before else (hosts[0] if hosts else None)


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
