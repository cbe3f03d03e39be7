"""rule.py: the built-in rule-based designer policy ("rule"): creates the room, furnishes it in functional groups over a few turns, repairs, terminates.

It speaks the model protocol exactly (``<create_scene>`` on turn 0, ``<think>`` + ``<tool_calls>``
after), so its episodes are valid training trajectories. It needs no model and works from the
current scene each turn (objects matched by instance id and classified by their description), so
given initial scenes and user edits are handled too. Deterministic for a given seed.
"""

from __future__ import annotations

import logging
import random
from collections import Counter

from scenerevis.physics import evaluate_physics
from scenerevis.policy.base import Observation
from scenerevis.policy.layout import Placement, Placer, role_rank
from scenerevis.policy.narrate import brief_outcome, describe, describe_relations, equivalence_key
from scenerevis.policy.occupancy import categorize, space_from_scene
from scenerevis.policy.plan import DesignPlan, PlannedItem, build_plan, fit_rows
from scenerevis.policy.prompt_parse import PromptSpec, parse_prompt
from scenerevis.policy.registry import register_policy
from scenerevis.policy.repair import plan_repairs
from scenerevis.policy.room_shape import RoomShape, choose_room
from scenerevis.policy.rule_config import RuleConfig
from scenerevis.policy.tight_floor import TIGHT_CLEARANCE, compact_pieces, pile_heights, trim_extras
from scenerevis.scene.formats import make_room, scene_to_flat
from scenerevis.scene.model import Scene
from scenerevis.scene.rooms import load_rooms
from scenerevis.scene.rotation import yaw_to_quat
from scenerevis.tools.format import format_create_scene, format_tool_calls

log = logging.getLogger(__name__)

STAGE_TEXT = {
    1: "First the essentials and their companions",
    2: "Next the supporting pieces",
    3: "Then the finishing touches",
}
ENGLISH_ONLY = (
    "The brief does not read as English; I read English only, so I build what I can recognise in it"
    " (common furniture words of French, Spanish, German, Italian and Portuguese)."
)
_NUM = {1: "a", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight", 9: "nine", 10: "ten"}


def plural(noun: str) -> str:
    """English plural of the last word of ``noun`` ("bookshelf" -> "bookshelves")."""
    head, _, last = noun.rpartition(" ")
    if last.endswith("f") and not last.endswith("ff"):
        last = last[:-1] + "ves"
    elif last.endswith(("s", "x", "ch", "sh")):
        last += "es"
    elif last.endswith("y") and last[-2:-1] not in ("a", "e", "i", "o", "u"):
        last = last[:-1] + "ies"
    else:
        last += "s"
    return f"{head} {last}".strip()


def counted(n: int, desc: str) -> str:
    """ "a desk", "an office chair", "two nightstands" (the plural goes on the head noun before "with")."""
    head, sep, tail = desc.partition(" with ")
    if n == 1:
        article = "an" if head[:1].lower() in "aeiou" else "a"
        return f"{article} {desc}"
    return f"{_NUM.get(n, str(n))} {plural(head)}{sep}{tail}"


def _r(v: float, nd: int = 3) -> float:
    return round(float(v), nd) + 0.0


@register_policy("rule")
class RulePolicy:
    """Rule-based interior designer; see the module docstring. Build with ``make_policy("rule", **config)``."""

    name = "rule"
    config_class = RuleConfig

    def __init__(self, config: RuleConfig | None = None):
        self.config = config or RuleConfig()
        self.requirement: str | None = None
        self.seed = 0
        self.spec: PromptSpec | None = None
        self.plan: DesignPlan | None = None
        self.room: RoomShape | None = None
        self._tried: set[int] = set()
        self._gave_up: tuple[str, ...] = ()
        self._repairs = 0
        self._adds = 0

    # ------------------------------------------------------------------ episode
    def reset(self, requirement: str, seed: int) -> None:
        """Start an episode: parse the prompt and make the furnishing plan (deterministic for ``seed``)."""
        self.requirement = requirement
        self.seed = int(seed)
        self.spec = parse_prompt(requirement)
        if not self.spec.english:
            how = f"a word-by-word gloss ({self.spec.language})" if self.spec.language else "what it recognises"
            log.warning("rule designer: the prompt does not read as English; building from %s: %.60s", how, requirement)
        self.plan = build_plan(self.spec, self.seed, extras=self.config.extras)
        self.room = choose_room(self.plan, self.seed, self.config.l_shape_prob)
        trim_extras(self.plan, self.room.area)
        compact_pieces(self.plan, self.room.area)
        pile_heights(self.plan, self.room.ceiling)
        fit_rows(self.plan, max(self.room.width, self.room.depth))
        self._tried = set()
        self._gave_up = ()
        self._repairs = 0
        self._adds = 0

    def act(self, obs: Observation) -> str:
        """The reply for this turn (see :class:`scenerevis.policy.base.Policy`)."""
        if self.plan is None or obs.requirement != self.requirement:
            self.reset(obs.requirement, self.seed)
        if obs.scene is None:
            return self._create()
        return self._edit(obs.scene)

    # ------------------------------------------------------------------ turn 0
    def empty_room(self) -> Scene:
        """The empty room of the plan (floor polygon and ceiling from :func:`choose_room`)."""
        assert self.room is not None and self.plan is not None
        return make_room(self.room.corners, self.room.ceiling, self.plan.room_type, f"{self.plan.room_type}-{self.seed:04d}")

    def _create(self) -> str:
        data = scene_to_flat(self.empty_room())
        data["objects"] = []
        return format_create_scene(data)

    # ------------------------------------------------------------------ edit turns
    def _present(self, scene: Scene) -> tuple[dict[str, str | None], Counter]:
        cats = categorize(scene, self.plan.room_type)
        planned = {}
        for it in self.plan.items:  # the plan's own descriptions name its categories (open-vocabulary pieces too)
            planned.setdefault(it.desc, it.category)
        for o in scene.objects:
            if o.desc in planned:
                cats[o.id] = planned[o.desc]
        return cats, Counter(equivalence_key(c) for c in cats.values() if c)

    def missing_items(self, scene: Scene) -> list[PlannedItem]:
        """Plan items not yet in ``scene`` (counted per category; any bed counts as a bed)."""
        _, present = self._present(scene)
        left = dict(present)
        out = []
        for item in self.plan.items:
            key = equivalence_key(item.category)
            if left.get(key, 0) > 0:
                left[key] -= 1
            else:
                out.append(item)
        return out

    def _edit(self, scene: Scene) -> str:
        if self.config.repair and scene.objects and self._repairs < self.config.max_repair_turns:
            report = evaluate_physics(scene)
            if report.colliding_objects or report.oob_objects:
                rep = plan_repairs(scene, report, self.plan.room_type, self.seed + self._repairs)
                if rep.calls:
                    self._repairs += 1
                    think = (
                        f"The physics check finds {len(report.colliding_objects)} colliding and "
                        f"{len(report.oob_objects)} out-of-bounds objects. I fix them with the smallest changes: "
                        + "; ".join(rep.notes)
                        + "."
                    )
                    return self._reply(rep.calls, think)
        missing = self.missing_items(scene)
        stages = sorted({i.stage for i in missing} - self._tried)
        if not stages and missing and self._signature(missing) != self._gave_up:
            stages = [max(self._tried, default=0) + 1]  # pieces went missing since (a user edit): refill
        for stage in stages:
            self._tried.add(stage)
            items = [i for i in missing if i.stage <= stage]
            placements = self._place(scene, items, stage)
            left = list(missing)
            for p in placements:
                left.remove(p.item)
            self._gave_up = self._signature(left)
            if placements:
                self._adds += 1
                sent = placements
                reply = self._reply(self._add_calls(sent), self._think(scene, stage, sent, items))
                while len(reply) > self.config.max_reply_chars and len(sent) > 1:
                    # too long a reply for the loop (it would be cut): the first pieces now, the rest next turn
                    keep = int(len(sent) * self.config.max_reply_chars / len(reply) * 0.9)
                    sent = sent[: max(1, min(keep, len(sent) - 1))]
                    later = len(placements) - len(sent)
                    reply = self._reply(self._add_calls(sent), self._think(scene, stage, sent, items, later))
                    self._tried.discard(stage)
                    self._gave_up = ()
                return reply
        return self._terminate(scene)

    @staticmethod
    def _signature(items: list[PlannedItem]) -> tuple[str, ...]:
        return tuple(sorted(i.category for i in items))

    def _place(self, scene: Scene, items: list[PlannedItem], stage: int) -> list[Placement]:
        clearance = TIGHT_CLEARANCE if self.plan.tight else 1.0
        space = space_from_scene(scene, self.plan.room_type, self._present(scene)[0], clearance)
        totals = Counter(i.category for i in self.plan.items)
        sizes = {i.category: i.size for i in self.plan.items}
        rng = random.Random(f"layout:{self.seed}:{stage}:{self.requirement}")
        rels = self.spec.relations
        placer = Placer(space, rng, dict(totals), sizes, rels)
        led = {r.subject for r in rels if r.target and r.target != r.subject and r.kind != "next_to"}
        # a piece the brief puts in the middle or a corner goes before the pieces that could take that floor
        sited = {r.subject for r in rels if r.kind in ("middle", "corner") and not r.target}
        # then the rows of three or more the brief asks for, before pieces that could take their wall
        rows = {r.subject for r in rels if r.kind in ("in_row", "side_by_side") and not r.target and totals[r.subject] >= 3}
        # (a row by another piece waits for that piece: "six stools in a row along the counter")
        led |= {r.subject for r in rels if r.kind == "next_to" and r.target and r.target != r.subject and r.subject in rows}
        # the room program's own essentials after the brief's pieces (a gym's rack takes no requested row's floor);
        # not those that go with a requested piece (a dining table's chairs) or stand on one
        facts, asked = load_rooms(), {i.category for i in self.plan.items if i.requested}
        hosts = {
            h
            for i in self.plan.items
            if facts.category(i.category).role == "on_surface"
            for h in facts.category(i.category).hosts
        }
        program = {
            id(i)
            for i in items
            if i.essential
            and not i.requested
            and facts.category(i.category).role != "on_surface"
            and i.category not in hosts  # (a TV's stand before the TV)
            and not asked & set(facts.category(i.category).anchors)
        }
        order = sorted(
            items,
            key=lambda i: (
                id(i) in program,
                i.category in led,
                i.category not in sited,
                i.category not in rows,
                role_rank(i.category),
                -i.size[0] * i.size[2] if self.plan.tight else 0.0,  # a tight floor: largest first
                -load_rooms().category(i.category).priority,
            ),
        )
        return placer.place_all(order)

    @staticmethod
    def _add_calls(placements: list[Placement]) -> list[dict]:
        calls = []
        for p in placements:
            x, y, z = p.position
            calls.append(
                {
                    "name": "add_object",
                    "arguments": {
                        "object_description": p.item.desc,
                        "position": [_r(x), _r(y), _r(z)],
                        "rotation": [_r(v, 6) for v in yaw_to_quat(p.yaw)],
                        "size": [_r(v) for v in p.size],
                        "group_name": p.item.group,
                    },
                }
            )
        return calls

    def _reply(self, calls: list[dict], think: str) -> str:
        return format_tool_calls(calls, think if self.config.think else "")

    def _think(self, scene: Scene, stage: int, placements: list[Placement], items: list[PlannedItem], later: int = 0) -> str:
        """The turn's reasoning: what goes where, and ``later`` pieces placed but sent in the next turn."""
        facts = load_rooms()
        parts = []
        if self._adds == 1 and not scene.objects:
            asked = [i for i in self.spec.items]
            wants = ", ".join(counted(i.count, i.desc) for i in asked[:6]) or "a complete, usable layout"
            label = facts.room_type(self.plan.room_type).label
            parts.append(f"The brief asks for {counted(1, label)} with {wants}. The room is about {scene.floor_area:.1f} m2.")
            if not self.spec.english:
                parts.append(ENGLISH_ONLY)
        parts.append(STAGE_TEXT.get(stage, "Now the remaining pieces") + ":")
        notes = Counter(p.note for p in placements)
        parts.append("; ".join(n if c == 1 else f"{n} (x{c})" for n, c in notes.items()) + ".")
        skipped = len(items) - len(placements) - later
        if skipped > 0:
            parts.append(f"{skipped} planned piece(s) do not fit without blocking a walkway, so I leave them out.")
        if later:
            parts.append(f"{later} more piece(s) follow in the next turn (one reply holds only so many).")
        if stage == 1:
            parts.append("Large pieces keep their backs to the walls and at least 0.6-0.8 m of free floor in front.")
        return " ".join(parts)

    def _delivery_text(self, scene: Scene, cats: dict[str, str | None]) -> str:
        outcome = brief_outcome(self.spec, scene, cats, self.plan.capped)
        report = describe(outcome.deliveries, self.spec.excluded, self.spec.not_placed)
        arranged = describe_relations(outcome.relations)
        return " ".join(t for t in (report, arranged) if t)

    def _terminate(self, scene: Scene) -> str:
        cats, _present = self._present(scene)
        rt = load_rooms().room_type(self.plan.room_type)
        have = {equivalence_key(c) or "" for c in cats.values()} | {c for c in cats.values() if c}
        planned = {i.category for i in self.plan.items if i.essential}  # a brief with "only" plans none
        missing = [req for req in rt.missing_essentials(have) if planned.intersection(req)]
        think = (ENGLISH_ONLY + " ") if not self.spec.english else ""
        think += f"The {rt.label} has {len(scene.objects)} objects"
        think += ", all essentials are present" if not missing else f"; {len(missing)} essential(s) could not fit"
        think += " and the physics check is clean, so the design is done." if self.config.repair else "."
        report = self._delivery_text(scene, cats)
        if report:
            think += " " + report
        reason = f"{rt.label} complete with {len(scene.objects)} objects"
        return self._reply([{"name": "terminate", "arguments": {"reason": reason}}], think)
