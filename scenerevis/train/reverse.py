"""reverse.py: editing chains made by reverse engineering a finished scene, and their tool calls.

A chain is planned backwards from a good scene (undo it edit by edit until the room is empty) and
written down forwards: turn 1 adds the biggest furniture, later turns add smaller pieces, move,
rotate, scale or replace an object whose earlier state was perturbed, or remove a distractor that
an earlier turn had put in. The default op mix is the original SceneChain-12K one (add 35 %,
remove 10 %, move 20 %, rotate 20 %, scale 5 %, replace 10 %).

Objects are tracked by a *key* (the source object's id, ``distractor_<n>`` for distractors);
:func:`compile_chain` turns a :class:`ChainPlan` into tool calls with the instance ids that
:func:`scenerevis.tools.apply_tool_calls` assigns on the way, and the scene after every turn.
Units: metres, radians inside, degrees in text; world frame of DESIGN.md section 2.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field
from typing import Any

from scenerevis.scene.formats import scene_to_flat
from scenerevis.scene.model import Scene, SceneObject
from scenerevis.scene.rotation import quat_to_yaw, snap_yaw, yaw_to_quat
from scenerevis.tools.apply import apply_tool_calls
from scenerevis.tools.parse import ToolCall

#: The original's per-turn op probabilities.
DEFAULT_OP_MIX: dict[str, float] = {"add": 0.35, "remove": 0.10, "move": 0.20, "rotate": 0.20, "scale": 0.05, "replace": 0.10}
#: Volume stages (m^3) of reverse-add: small objects are taken out first, so big ones come first going forward.
VOLUME_STAGES = (0.5, 2.0)
#: Tool name of each op.
OP_TOOL = {
    "add": "add_object",
    "remove": "remove_object",
    "move": "move_object",
    "rotate": "rotate_object",
    "scale": "scale_object",
    "replace": "replace_object",
}
#: Argument naming the object for each tool.
REF_ARG = {
    "remove_object": "jid",
    "move_object": "jid",
    "rotate_object": "jid",
    "scale_object": "jid",
    "replace_object": "jid_to_replace",
}
_STYLE_WORDS = ("oak", "walnut", "white", "black", "grey", "beige", "rattan", "metal", "modern", "vintage", "green", "navy")


@dataclass
class Edit:
    """One planned tool call on the tracked object ``key``.

    ``args`` are the tool arguments without the object reference (``add_object``: all of them).
    ``note`` is a short reason ("it was 0.32 m off", "it faced the wall") for the think text.
    """

    tool: str
    key: str
    args: dict[str, Any]
    note: str = ""


@dataclass
class PlanTurn:
    """One edit turn: an op name (``add``, ``move``, ... or a revision fix) and its edits."""

    op: str
    edits: list[Edit]


@dataclass
class ChainPlan:
    """A chain: the empty room, the edit turns in forward order, and the kind of chain.

    ``kind`` is ``"reverse"`` or ``"revision"``; ``defects`` lists the defects a revision chain
    introduced (one dict each: ``type``, ``key``, ``detail``).
    """

    room: Scene
    turns: list[PlanTurn]
    kind: str = "reverse"
    defects: list[dict[str, Any]] = field(default_factory=list)

    def op_sequence(self) -> list[str]:
        return [t.op for t in self.turns]

    def touched(self) -> set[str]:
        return {e.key for t in self.turns for e in t.edits if t.op != "add"}


@dataclass
class CompiledChain:
    """Tool calls per turn (instance ids resolved) and the flat scene before each turn and after the last.

    ``scenes[k]`` is the scene shown at edit turn ``k + 1`` (``scenes[0]`` the empty room);
    ``scenes[-1]`` the final scene; ``ids`` maps each tracked key to its instance id.
    """

    calls: list[list[ToolCall]]
    scenes: list[dict[str, Any]]
    ids: dict[str, str]


# ---------------------------------------------------------------------------------------- helpers
def volume(obj: SceneObject) -> float:
    """Box volume of ``obj`` in m^3."""
    return float(obj.size[0] * obj.size[1] * obj.size[2])


def volume_stage(obj: SceneObject) -> int:
    """0 small (< 0.5 m^3), 1 medium (< 2 m^3), 2 large."""
    v = volume(obj)
    return sum(v >= t for t in VOLUME_STAGES)


def r3(values, nd: int = 3) -> list[float]:
    return [round(float(v), nd) for v in values]


def quat_list(theta: float) -> list[float]:
    """Yaw ``theta`` (radians) as a rounded quaternion list [x, y, z, w]."""
    return [round(v, 6) for v in yaw_to_quat(theta)]


def add_args(obj: SceneObject) -> dict[str, Any]:
    """``add_object`` arguments that recreate ``obj`` (description, pose, size, group)."""
    args: dict[str, Any] = {
        "object_description": obj.desc,
        "position": r3(obj.pos, 6),
        "rotation": [round(float(v), 6) for v in obj.rot],
        "size": r3(obj.size, 6),
    }
    if obj.group_name:
        args["group_name"] = obj.group_name
    return args


def distractor_object(rng: random.Random, room: Scene, key: str) -> SceneObject:
    """A random catalogue piece (rooms.json category) at a random floor spot inside ``room``."""
    from scenerevis.scene.rooms import load_rooms

    cats = sorted(
        (c for c in load_rooms().categories.values() if c.role not in ("on_surface", "floor_covering")), key=lambda c: c.name
    )
    cats = [c for c in cats if max(c.size[0], c.size[2]) < 1.6] or cats
    cat = rng.choice(cats)
    desc = f"{rng.choice(_STYLE_WORDS)} {cat.noun}"
    pos = random_floor_point(rng, room, margin=max(cat.size[0], cat.size[2]) / 2 + 0.05)
    return SceneObject(key, desc, tuple(cat.size), (pos[0], 0.0, pos[1]), yaw_to_quat(snap_yaw(rng.uniform(-math.pi, math.pi))))  # type: ignore[arg-type]


def random_floor_point(rng: random.Random, room: Scene, margin: float = 0.3) -> tuple[float, float]:
    """A uniformly drawn (x, z) inside the floor polygon shrunk by ``margin`` metres (the centroid if none fits)."""
    from shapely.geometry import Point, Polygon

    poly = Polygon(room.floor_xz)
    inner = poly.buffer(-margin)
    if inner.is_empty:
        inner = poly
    x0, z0, x1, z1 = inner.bounds
    for _ in range(200):
        x, z = rng.uniform(x0, x1), rng.uniform(z0, z1)
        if inner.contains(Point(x, z)):
            return round(x, 3), round(z, 3)
    c = poly.centroid
    return round(c.x, 3), round(c.y, 3)


def swap_description(rng: random.Random, obj: SceneObject) -> str:
    """A different catalogue piece of a similar footprint, described with a style word ("swapped asset")."""
    from scenerevis.policy.vocab import classify_description
    from scenerevis.scene.rooms import load_rooms

    own = classify_description(obj.desc)
    cats = [c for c in load_rooms().categories.values() if c.name != own and c.role not in ("floor_covering",)]
    area = obj.size[0] * obj.size[2]
    cats.sort(key=lambda c: (abs(math.log((c.size[0] * c.size[2] + 1e-3) / (area + 1e-3))), c.name))
    cat = rng.choice(cats[:6])
    return f"{rng.choice(_STYLE_WORDS)} {cat.noun}"


def _yaw_deg(q) -> float:
    return math.degrees(quat_to_yaw(q))


# ---------------------------------------------------------------------------------------- planning
@dataclass
class ReverseConfig:
    """Options of :func:`plan_reverse_chain`. Distances in metres, angles in degrees."""

    op_mix: dict[str, float] = field(default_factory=lambda: dict(DEFAULT_OP_MIX))
    min_turns: int = 4  # edit turns that change the scene (a terminate turn follows)
    max_turns: int = 8
    max_edits_per_turn: int = 3  # objects touched by a move/rotate/scale/replace turn
    move_range: float = 0.5  # reverse-move offset per axis: uniform in +-move_range, at least min_move in norm
    min_move: float = 0.15
    rotate_jitter: float = 15.0  # reverse-rotate: snapped yaw +- jitter (at least min_jitter) ...
    min_jitter: float = 5.0
    rotate_random_share: float = 0.2  # ... or, this share of the time, a random yaw
    scale_range: tuple[float, float] = (0.7, 1.35)  # reverse-scale factor (at least 10 % away from 1)

    def __post_init__(self) -> None:
        bad = [k for k in self.op_mix if k not in OP_TOOL]
        if bad:
            raise ValueError(f"op_mix: unknown ops {bad}; known: {', '.join(OP_TOOL)}")
        if any(v < 0 for v in self.op_mix.values()) or sum(self.op_mix.values()) <= 0:
            raise ValueError("op_mix: weights must be >= 0 and not all zero")
        if not 1 <= self.min_turns <= self.max_turns:
            raise ValueError(f"turns: need 1 <= min_turns <= max_turns, got {self.min_turns}, {self.max_turns}")


def _split_adds(keys: list[str], n: int) -> list[list[str]]:
    """``keys`` (largest first) cut into ``n`` contiguous non-empty chunks, as even as possible."""
    n = max(1, min(n, len(keys)))
    out, start = [], 0
    for i in range(n):
        size = len(keys) // n + (1 if i < len(keys) % n else 0)
        out.append(keys[start : start + size])
        start += size
    return out


def plan_reverse_chain(source: Scene, rng: random.Random, config: ReverseConfig | None = None) -> ChainPlan:
    """Plan a reverse-engineered chain ending in ``source`` (objects keyed by their ids).

    The op of each turn is drawn from ``config.op_mix``; turn 1 is always an add. Reverse-add takes
    objects out small first (volume stages), so the forward add turns bring the largest pieces first.
    An op that has nothing to act on yet (no object added before it) is redrawn as an add when
    objects remain, else as a move.
    """
    config = config or ReverseConfig()
    if not source.objects:
        raise ValueError(f"scene {source.room_id!r} has no objects to reverse engineer")
    objs = {o.id: o.copy() for o in source.objects}
    order = sorted(objs, key=lambda k: (-volume_stage(objs[k]), -volume(objs[k]), k))
    n_turns = rng.randint(config.min_turns, config.max_turns)
    ops_names = [k for k, v in config.op_mix.items() if v > 0]
    weights = [config.op_mix[k] for k in ops_names]
    ops = ["add"] + [rng.choices(ops_names, weights)[0] for _ in range(n_turns - 1)]
    n_add = min(sum(op == "add" for op in ops), len(order))
    # too many add turns for the objects: turn the surplus into moves
    seen = 0
    for i, op in enumerate(ops):
        if op == "add":
            seen += 1
            if seen > n_add:
                ops[i] = "move"
    batches = iter(_split_adds(order, n_add))
    room = source.copy()
    room.objects = []

    present: list[str] = []  # keys added so far (in forward order)
    initial: dict[str, SceneObject] = {}  # key -> state when added
    changed: dict[str, set[str]] = {}  # key -> attributes already perturbed
    turns: list[PlanTurn] = []
    distractors = 0
    for op in ops:
        if op == "add":
            keys = next(batches)
            for k in keys:
                initial[k] = objs[k].copy()
            present.extend(keys)
            turns.append(PlanTurn("add", [Edit("add_object", k, {}) for k in keys]))
            continue
        if op == "remove":
            add_turns = [t for t in turns if t.op == "add"]
            distractors += 1
            key = f"distractor_{distractors}"
            d = distractor_object(rng, room, key)
            initial[key] = d
            objs[key] = d
            rng.choice(add_turns).edits.append(Edit("add_object", key, {}))
            turns.append(PlanTurn("remove", [Edit("remove_object", key, {}, "it does not belong here")]))
            continue
        attr = {"move": "pos", "rotate": "rot", "scale": "size", "replace": "desc"}[op]
        cands = [k for k in present if not k.startswith("distractor_") and attr not in changed.get(k, set())]
        if not cands:
            op, attr = "move", "pos"
            cands = [k for k in present if not k.startswith("distractor_") and "pos" not in changed.get(k, set())]
            if not cands:
                continue
        n = rng.randint(1, min(config.max_edits_per_turn, len(cands)))
        picked = sorted(rng.sample(cands, n), key=present.index)
        edits = []
        for k in picked:
            target, start = objs[k], initial[k]
            changed.setdefault(k, set()).add(attr)
            if op == "move":
                while True:
                    dx, dz = (rng.uniform(-config.move_range, config.move_range) for _ in range(2))
                    if math.hypot(dx, dz) >= config.min_move:
                        break
                start.pos = (round(target.pos[0] + dx, 3), target.pos[1], round(target.pos[2] + dz, 3))
                note = f"it sat {math.hypot(dx, dz):.2f} m from its spot"
                edits.append(Edit("move_object", k, {"new_position": r3(target.pos, 6)}, note))
            elif op == "rotate":
                yaw = quat_to_yaw(target.rot)
                if rng.random() < config.rotate_random_share:
                    off = rng.choice([-1, 1]) * rng.uniform(20.0, 180.0)
                else:
                    yaw = snap_yaw(yaw)
                    off = rng.choice([-1, 1]) * rng.uniform(config.min_jitter, config.rotate_jitter)
                start.rot = tuple(quat_list(yaw + math.radians(off)))  # type: ignore[assignment]
                target.rot = tuple(quat_list(yaw))  # type: ignore[assignment]
                edits.append(
                    Edit("rotate_object", k, {"new_rotation": quat_list(yaw)}, f"it was turned {abs(off):.0f} degrees off")
                )
            elif op == "scale":
                while True:
                    f = rng.uniform(*config.scale_range)
                    if abs(f - 1) >= 0.1:
                        break
                start.size = tuple(round(s * f, 3) for s in target.size)  # type: ignore[assignment]
                edits.append(
                    Edit("scale_object", k, {"new_size": r3(target.size, 6)}, f"it was {'too large' if f > 1 else 'too small'}")
                )
            else:
                start.desc = swap_description(rng, target)
                edits.append(Edit("replace_object", k, {"new_object_description": target.desc}, f"a {start.desc} stood there"))
        turns.append(PlanTurn(op, edits))
    # add edits carry the state each object has when it first appears
    for t in turns:
        if t.op == "add":
            for e in t.edits:
                e.args = add_args(initial[e.key])
    return ChainPlan(room=room, turns=turns, kind="reverse")


# ---------------------------------------------------------------------------------------- compiling
def compile_chain(plan: ChainPlan) -> CompiledChain:
    """Resolve each edit's key to the instance id the tools assign and apply the turns in order.

    Raises ValueError when a call fails to apply (a planning bug, never silent).
    """
    scene = plan.room.copy()
    ids: dict[str, str] = {}
    scenes = [scene_to_flat(scene)]
    calls_out: list[list[ToolCall]] = []
    for ti, turn in enumerate(plan.turns):
        calls = []
        for j, e in enumerate(turn.edits):
            args = dict(e.args)
            if e.tool != "add_object":
                args = {REF_ARG[e.tool]: ids[e.key], **args}
            calls.append(ToolCall(f"tool_{j + 1}", e.tool, args))
        applied = apply_tool_calls(scene, calls)
        if applied.errors:
            raise ValueError(f"turn {ti + 1} of the plan does not apply: {applied.errors[0].line()}")
        for e, res in zip(turn.edits, applied.results):
            if e.tool == "add_object":
                ids[e.key] = res.object_id or ""
        scene = applied.scene
        calls_out.append(calls)
        scenes.append(scene_to_flat(scene))
    return CompiledChain(calls_out, scenes, ids)


def chain_distance(a: ChainPlan, b: ChainPlan) -> float:
    """Dissimilarity of two chains in [0, 2]: normalised op-sequence edit distance + Jaccard distance of touched objects."""
    x, y = a.op_sequence(), b.op_sequence()
    d = list(range(len(y) + 1))
    for i in range(1, len(x) + 1):
        prev, d[0] = d[0], i
        for j in range(1, len(y) + 1):
            cur = min(d[j] + 1, d[j - 1] + 1, prev + (x[i - 1] != y[j - 1]))
            prev, d[j] = d[j], cur
    seq = d[len(y)] / max(len(x), len(y), 1)
    ta, tb = a.touched(), b.touched()
    jac = 1 - len(ta & tb) / len(ta | tb) if ta | tb else 0.0
    return seq + jac


def chain_quality(plan: ChainPlan) -> float:
    """Own score of one chain: distinct ops, distinct objects touched, length (all favour varied chains)."""
    ops = plan.op_sequence()
    return len(set(ops)) + 0.5 * min(len(plan.touched()), 6) / 6 + 0.1 * len(ops)


def select_diverse(plans: list[ChainPlan], k: int) -> list[int]:
    """Indices of ``k`` chains chosen greedily: best quality first, then max quality + min distance to the chosen."""
    if k >= len(plans):
        return list(range(len(plans)))
    q = [chain_quality(p) for p in plans]
    chosen = [max(range(len(plans)), key=lambda i: (q[i], -i))]
    while len(chosen) < k:
        rest = [i for i in range(len(plans)) if i not in chosen]
        best = max(rest, key=lambda i: (q[i] + 2.0 * min(chain_distance(plans[i], plans[j]) for j in chosen), -i))
        chosen.append(best)
    return chosen
