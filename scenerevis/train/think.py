"""think.py: ``<think>`` text for training replies, written from the real diagnostics of the scene shown.

:func:`diagnose` measures the scene the user turn shows (collisions with depths from
:func:`scenerevis.physics.evaluate_physics`, out-of-bounds objects, missing essentials from
:func:`scenerevis.eval.essentials.essentials_coverage`, furniture facing a wall, chairs away from
their table); :func:`think_text` states that diagnosis and the planned calls in one of
:data:`STYLES` (seeded). An optional OpenAI-compatible endpoint rewrites the text
(:func:`rewrite_think`), as the original used GPT-4o for its chains of thought.
"""

from __future__ import annotations

import json
import logging
import math
import random
import re
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from scenerevis.endpoints import EndpointConfig
from scenerevis.physics.evaluate import PhysicsReport
from scenerevis.scene.model import Scene
from scenerevis.scene.rotation import forward_vector, quat_to_yaw
from scenerevis.tools.parse import ToolCall

log = logging.getLogger(__name__)

STYLES = ("stepwise", "strategy", "qa", "bullets", "narrative", "terse")
_CHAIRS = {"dining_chair", "office_chair", "bar_stool"}
_TABLES = {"dining_table", "desk", "kitchen_island", "bar_counter", "small_table"}
#: Categories whose front must face into the room.
#: A chair whose centre is farther than this from every table / desk footprint (metres) is "away from its table".
LONELY_CHAIR_M = 0.8
FRONTED_ROLES = {"wall", "wall_long", "bed", "sofa", "tv_wall", "desk", "seating"}


@dataclass
class Diagnosis:
    """What is wrong with one scene. Depths in centimetres; shares in percent."""

    num_objects: int
    collisions: list[tuple[str, str, float]] = field(default_factory=list)  # (id a, id b, depth cm), deepest first
    oob: list[tuple[str, float]] = field(default_factory=list)  # (id, % of surface outside)
    missing: list[str] = field(default_factory=list)  # missing essential categories (first alternative, readable)
    facing_wall: list[str] = field(default_factory=list)  # ids
    lonely_chairs: list[str] = field(default_factory=list)  # ids of chairs > LONELY_CHAIR_M from any table/desk
    room_type: str = ""
    area: float = 0.0

    @property
    def clean(self) -> bool:
        return not (self.collisions or self.oob or self.missing or self.facing_wall or self.lonely_chairs)


def _readable(cat: str) -> str:
    return cat.replace("_", " ")


def diagnose(scene: Scene, report: PhysicsReport) -> Diagnosis:
    """The :class:`Diagnosis` of ``scene`` given its physics ``report``."""
    from shapely.geometry import Point, Polygon

    from scenerevis.eval.essentials import essentials_coverage
    from scenerevis.scene.rooms import load_rooms

    ess = essentials_coverage(scene)
    cats = ess.categories
    facts = load_rooms()
    room = Polygon(scene.floor_xz)
    facing = []
    for o, cat in zip(scene.objects, cats):
        if cat is None or facts.categories[cat].role not in FRONTED_ROLES:
            continue
        f = forward_vector(o.rot)[[0, 2]]
        p = np.array([o.pos[0], o.pos[2]]) + f * (o.size[2] / 2 + 0.3)
        if not room.contains(Point(*p)):
            facing.append(o.id)
    tables = [Polygon(o.footprint()) for o, c in zip(scene.objects, cats) if c in _TABLES]
    lonely = []
    if tables:
        for o, c in zip(scene.objects, cats):
            if c in _CHAIRS and min(t.distance(Point(o.pos[0], o.pos[2])) for t in tables) > LONELY_CHAIR_M:
                lonely.append(o.id)
    return Diagnosis(
        num_objects=report.num_objects,
        collisions=[(p["a"], p["b"], round(100 * p["depth"], 1)) for p in report.collision_pairs],
        oob=[(i, round(100 * report.objects[i].oob_fraction)) for i in report.oob_objects],
        missing=[_readable(req[0]) for req in ess.missing],
        facing_wall=facing,
        lonely_chairs=lonely,
        room_type=ess.room_type or scene.room_type,
        area=scene.floor_area,
    )


# ---------------------------------------------------------------------------------------- wording
def _direction(rot) -> str:
    yaw = math.degrees(quat_to_yaw(rot)) % 360
    names = {0: "+Z", 90: "+X", 180: "-Z", 270: "-X"}
    snapped = round(yaw / 90) * 90 % 360
    if abs(((yaw - snapped) + 180) % 360 - 180) < 1:
        return f"face {names[snapped]}"
    return f"a yaw of {yaw:.0f} degrees"


def _xz(v) -> str:
    return f"({v[0]:.2f}, {v[2]:.2f})"


def describe_call(call: ToolCall, scene: Scene) -> str:
    """One clause for a planned call ("move nightstand_1 to (1.20, -0.40)")."""
    a = call.arguments
    if call.name == "add_object":
        return f"add a {a['object_description']} at {_xz(a['position'])}"
    if call.name == "terminate":
        return "finish"
    ref = a.get("jid") or a.get("jid_to_replace") or a.get("id") or "?"
    if call.name == "remove_object":
        return f"remove {ref}"
    if call.name == "move_object":
        return f"move {ref} to {_xz(a['new_position'])}"
    if call.name == "rotate_object":
        return f"turn {ref} to {_direction(a['new_rotation'])}"
    if call.name == "scale_object":
        w, h, d = a["new_size"]
        return f"resize {ref} to {w:.2f} x {h:.2f} x {d:.2f} m"
    if call.name == "replace_object":
        return f"swap {ref} for a {a['new_object_description']}"
    return call.name


def _join(items: list[str]) -> str:
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    return ", ".join(items[:-1]) + " and " + items[-1]


def _problems(d: Diagnosis, rng: random.Random, top: int = 3) -> list[str]:
    out = []
    for a, b, depth in d.collisions[:top]:
        out.append(rng.choice([f"{a} overlaps {b} by {depth:.1f} cm", f"{a} and {b} intersect ({depth:.1f} cm deep)"]))
    for i, share in d.oob[:top]:
        out.append(rng.choice([f"{i} is {share:.0f}% outside the room", f"{i} pokes through the wall ({share:.0f}% outside)"]))
    for i in d.facing_wall[:top]:
        out.append(rng.choice([f"{i} faces the wall", f"{i} has its front to the wall"]))
    for i in d.lonely_chairs[:top]:
        out.append(rng.choice([f"{i} is far from any table", f"{i} stands away from its table"]))
    if d.missing:
        out.append(
            rng.choice([f"the {d.room_type or 'room'} still lacks {_join(d.missing)}", f"missing essentials: {_join(d.missing)}"])
        )
    return out


def _state(d: Diagnosis, rng: random.Random) -> str:
    if d.num_objects == 0:
        return rng.choice(["The room is empty so far.", "Nothing is placed yet.", "The floor is still bare."])
    return rng.choice(
        [
            f"The {d.room_type or 'room'} ({d.area:.1f} m2) has {d.num_objects} objects.",
            f"{d.num_objects} objects are placed in the {d.area:.1f} m2 room.",
            f"There are {d.num_objects} pieces in the room now.",
        ]
    )


def think_text(
    diagnosis: Diagnosis,
    calls: list[ToolCall],
    scene: Scene,
    rng: random.Random,
    reasons: list[str] | None = None,
    style: str | None = None,
) -> str:
    """Think text for ``calls`` on the scene ``diagnosis`` describes, in ``style`` (a seeded choice when None).

    ``reasons`` are the planner's notes per call ("it faced the wall"); empty ones are skipped.
    """
    style = style or rng.choice(STYLES)
    if style not in STYLES:
        raise ValueError(f"unknown think style {style!r}; known: {', '.join(STYLES)}")
    problems = _problems(diagnosis, rng)
    terminate = any(c.name == "terminate" for c in calls)
    steps = [describe_call(c, scene) for c in calls if c.name != "terminate"]
    why = [r for r in (reasons or []) if r]
    plan = _join(steps) if steps else "finish"
    if why:
        plan += " (" + "; ".join(why[:3]) + ")"
    state = _state(diagnosis, rng)
    if terminate:
        verdict = (
            "No collisions, nothing outside the room and every essential is there."
            if diagnosis.clean
            else "Remaining minor issues: " + _join(problems) + "; they are small enough to keep."
        )
        return {
            "stepwise": f"1. Check the scene: {state}\n2. Problems: {verdict}\n3. The layout matches the request.\n4. Done: terminate.",
            "strategy": f"Strategy: stop here. {state} {verdict}",
            "qa": f"Q: Is the room complete? A: Yes. {state}\nQ: Anything left to fix? A: {verdict}",
            "bullets": f"- {state}\n- {verdict}\n- The request is covered, so I finish.",
            "narrative": f"{state} {verdict} The design matches what was asked, so I end the session.",
            "terse": f"{diagnosis.num_objects} objects, {len(diagnosis.collisions)} collisions, {len(diagnosis.oob)} out of bounds. Done.",
        }[style]
    found = _join(problems) if problems else rng.choice(["no physical problems", "nothing wrong so far", "a clean layout"])
    if style == "stepwise":
        return f"1. Look: {state}\n2. Problems: {found}.\n3. Plan: {plan}.\n4. Check: keep walkways clear and everything inside the walls."
    if style == "strategy":
        return f"Strategy for this turn: {plan}. {state} I see {found}."
    if style == "qa":
        coll = (
            f"Yes: {_join(_problems(Diagnosis(diagnosis.num_objects, diagnosis.collisions), rng))}."
            if diagnosis.collisions
            else "No."
        )
        names = [i for i, _ in diagnosis.oob[:3]]
        oob = f"No: {_join(names)} {'crosses' if len(names) == 1 else 'cross'} the boundary." if names else "Yes."
        miss = _join(diagnosis.missing) if diagnosis.missing else "nothing essential"
        return f"Q: Does anything overlap? A: {coll}\nQ: Is everything inside the room? A: {oob}\nQ: What is missing? A: {miss}.\nQ: Next step? A: {plan}."
    if style == "bullets":
        lines = [f"- {state}"] + [f"- {p}" for p in problems] + [f"- next: {plan}"]
        return "\n".join(lines)
    if style == "narrative":
        link = rng.choice(["so I will", "therefore I", "next I"])
        return f"{state} Looking at the render, I notice {found}, {link} {plan}."
    n_c, n_o = len(diagnosis.collisions), len(diagnosis.oob)
    return f"{diagnosis.num_objects} objects, {n_c} collisions, {n_o} out of bounds. {plan[0].upper() + plan[1:]}."


_CLIENTS: dict[int, Any] = {}
_ID_RE = re.compile(r"\b[a-z]+_\d+\b")


def rewrite_think(text: str, context: dict[str, Any], endpoint: EndpointConfig) -> str:
    """Ask an OpenAI-compatible ``endpoint`` to rewrite ``text`` as natural prose keeping every fact.

    The template ``text`` is kept when the call fails, the answer is empty, or the answer drops an
    object id the template named (the rewrite may reword, never change what is referred to).
    """
    from scenerevis.endpoints import build_client

    client = _CLIENTS.get(id(endpoint))
    if client is None:
        client = _CLIENTS[id(endpoint)] = build_client(endpoint)
    prompt = (
        "Rewrite this interior designer's reasoning as a short first-person paragraph. Keep every object id, "
        "number and planned action exactly; add nothing.\n\nContext: " + json.dumps(context) + "\n\nReasoning:\n" + text
    )
    try:
        out = client.chat.completions.create(
            model=endpoint.model, messages=[{"role": "user", "content": prompt}], temperature=0.7
        )
        new = (out.choices[0].message.content or "").strip()
    except Exception as err:  # noqa: BLE001 - the template text is a valid fallback
        log.warning("think rewrite failed (%s); template text kept", type(err).__name__)
        return text
    if not new or "</think>" in new or not set(_ID_RE.findall(text)) <= set(_ID_RE.findall(new)):
        return text
    return new
