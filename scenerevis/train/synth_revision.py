"""synth_revision.py: revision chains: a good scene is built with defects, then the defects are fixed turn by turn.

This teaches the render -> evaluate -> revise behaviour: the scene the model sees after its add turns
has the defects a model must learn to see (an object overlapping another, one pushed through a wall,
furniture facing the wall, a chair away from its table, a missing essential, a stray piece, a wrong
piece), and each later turn fixes one of them with move / rotate / remove / replace (add for the
missing essential). The fixed scene equals the source scene up to instance ids and asset ids.
Units: metres, radians inside.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field

import numpy as np
from shapely.geometry import Point, Polygon

from scenerevis.scene.model import Scene, SceneObject
from scenerevis.scene.rotation import forward_vector, quat_to_yaw
from scenerevis.train.reverse import ChainPlan, Edit, PlanTurn, add_args, distractor_object, quat_list, r3, swap_description
from scenerevis.train.think import FRONTED_ROLES

#: Defect type -> default weight.
DEFAULT_DEFECT_MIX: dict[str, float] = {
    "collision": 0.25,
    "through_wall": 0.2,
    "facing_wall": 0.15,
    "chair_away": 0.1,
    "missing_essential": 0.1,
    "stray_object": 0.1,
    "wrong_object": 0.1,
}
#: Fix op of each defect type (the op name recorded in the chain).
FIX_OP = {
    "collision": "move",
    "through_wall": "move",
    "facing_wall": "rotate",
    "chair_away": "move",
    "missing_essential": "add",
    "stray_object": "remove",
    "wrong_object": "replace",
}
_CHAIRS = {"dining_chair", "office_chair", "bar_stool"}
_TABLES = {"dining_table", "desk", "kitchen_island", "bar_counter", "small_table"}
_NO_DEFECT = {"rug", "exercise_mat", "tv", "table_lamp", "monitor"}


@dataclass
class RevisionConfig:
    """Options of :func:`plan_revision_chain`."""

    defect_mix: dict[str, float] = field(default_factory=lambda: dict(DEFAULT_DEFECT_MIX))
    min_turns: int = 4  # edit turns that change the scene (add turns + fix turns; a terminate turn follows)
    max_turns: int = 8
    max_add_turns: int = 2

    def __post_init__(self) -> None:
        bad = [k for k in self.defect_mix if k not in FIX_OP]
        if bad:
            raise ValueError(f"defect_mix: unknown defects {bad}; known: {', '.join(FIX_OP)}")
        if not 2 <= self.min_turns <= self.max_turns:
            raise ValueError(f"turns: need 2 <= min_turns <= max_turns, got {self.min_turns}, {self.max_turns}")


def _category(obj: SceneObject, room_type: str) -> str | None:
    from scenerevis.policy.vocab import classify_description

    return classify_description(obj.desc, room_type)


def _footprint(obj: SceneObject) -> Polygon:
    return Polygon(obj.footprint())


def _centre(obj: SceneObject) -> np.ndarray:
    return np.array([obj.pos[0], obj.pos[2]], dtype=float)


def _faces_wall(obj: SceneObject, room: Polygon, gap: float = 0.3) -> bool:
    """True when the floor point ``gap`` m in front of the object's front face is outside the room."""
    f = forward_vector(obj.rot)[[0, 2]]
    p = _centre(obj) + f * (obj.size[2] / 2 + gap)
    return not room.contains(Point(*p))


def _collision_defect(rng: random.Random, scene: Scene, o: SceneObject, cands: list[SceneObject]) -> tuple | None:
    others = [x for x in cands if x.id != o.id]
    if not others:
        return None
    n = min(others, key=lambda x: (float(np.linalg.norm(_centre(x) - _centre(o))), x.id))
    d = _centre(o) - _centre(n)
    dist = float(np.linalg.norm(d))
    u = d / dist if dist > 1e-6 else np.array([1.0, 0.0])
    reach = 0.5 * (min(o.size[0], o.size[2]) + min(n.size[0], n.size[2]))
    for frac in (0.55, 0.45, 0.35, 0.25):
        c = _centre(n) + u * reach * frac * rng.uniform(0.9, 1.1)
        moved = o.copy()
        moved.pos = (round(float(c[0]), 3), o.pos[1], round(float(c[1]), 3))
        if _footprint(moved).intersection(_footprint(n)).area > 0.02:
            return moved.pos, f"it overlapped the {n.desc}"
    return None


def _wall_defect(rng: random.Random, scene: Scene, o: SceneObject) -> tuple | None:
    room = Polygon(scene.floor_xz)
    c = _centre(o)
    ring = room.exterior
    near = ring.interpolate(ring.project(Point(*c)))
    v = np.array([near.x, near.y]) - c
    dist = float(np.linalg.norm(v))
    if dist < 1e-6:
        return None
    u = v / dist
    fp = np.asarray(o.footprint())
    half = float(np.max((fp - c) @ u))
    shift = dist - half + rng.uniform(0.15, 0.4)
    if shift <= 0.05:
        return None
    p = c + u * shift
    return (round(float(p[0]), 3), o.pos[1], round(float(p[1]), 3)), "it stuck through the wall"


def _chair_defect(rng: random.Random, scene: Scene, o: SceneObject, tables: list[SceneObject]) -> tuple | None:
    """A spot for chair ``o`` at least 1.2 m from every table footprint (only for a chair now at a table)."""
    from scenerevis.train.reverse import random_floor_point

    polys = [_footprint(t) for t in tables]
    here = Point(o.pos[0], o.pos[2])
    near = [t for t, p in zip(tables, polys) if p.distance(here) < 0.8]
    if not near:
        return None
    for _ in range(50):
        x, z = random_floor_point(rng, scene, margin=max(o.size[0], o.size[2]) / 2 + 0.05)
        if all(p.distance(Point(x, z)) > 1.2 for p in polys):
            return (x, o.pos[1], z), f"it stood away from the {near[0].desc}"
    return None


def plan_revision_chain(source: Scene, rng: random.Random, config: RevisionConfig | None = None) -> ChainPlan:
    """A chain that adds ``source``'s objects with defects in 1-2 turns, then fixes one defect per turn.

    Raises ValueError when no defect can be made (too few objects).
    """
    config = config or RevisionConfig()
    if len(source.objects) < 2:
        raise ValueError(f"scene {source.room_id!r}: a revision chain needs at least 2 objects")
    room_poly = Polygon(source.floor_xz)
    objs = {o.id: o.copy() for o in source.objects}
    initial = {k: o.copy() for k, o in objs.items()}
    cats = {k: _category(o, source.room_type) for k, o in objs.items()}
    from scenerevis.eval.essentials import normalize_room_type
    from scenerevis.scene.rooms import load_rooms

    rt = normalize_room_type(source.room_type)
    essentials = load_rooms().room_type(rt).essentials if rt else ()
    solid = [o for k, o in objs.items() if cats[k] not in _NO_DEFECT]

    n_add = 1 if len(objs) < 6 else rng.randint(1, config.max_add_turns)
    lo = max(1, config.min_turns - n_add)
    hi = max(lo, config.max_turns - n_add)
    want = rng.randint(lo, hi)
    names = [k for k, v in config.defect_mix.items() if v > 0]
    weights = [config.defect_mix[k] for k in names]
    used: set[str] = set()
    missing: list[str] = []
    defects: list[dict] = []
    fixes: list[PlanTurn] = []
    stray = 0
    for _ in range(want * 6):
        if len(fixes) >= want:
            break
        kind = rng.choices(names, weights)[0]
        free = [o for o in solid if o.id not in used]
        if kind == "stray_object":
            stray += 1
            key = f"stray_{stray}"
            d = distractor_object(rng, source, key)
            objs[key] = initial[key] = d
            defects.append({"type": kind, "key": key, "detail": d.desc})
            fixes.append(PlanTurn("remove", [Edit("remove_object", key, {}, f"the {d.desc} does not belong in this room")]))
            continue
        if not free:
            break
        o = rng.choice(free)
        edit = None
        if kind == "collision":
            res = _collision_defect(rng, source, o, solid)
            if res:
                initial[o.id].pos = res[0]
                edit = Edit("move_object", o.id, {"new_position": r3(o.pos, 6)}, res[1])
        elif kind == "through_wall":
            res = _wall_defect(rng, source, o)
            if res:
                initial[o.id].pos = res[0]
                edit = Edit("move_object", o.id, {"new_position": r3(o.pos, 6)}, res[1])
        elif kind == "facing_wall":
            turnable = [
                x
                for x in free
                if _role(cats[x.id]) in FRONTED_ROLES and not _faces_wall(x, room_poly) and _flip_faces_wall(x, room_poly)
            ]
            if turnable:
                o = rng.choice(turnable)
                yaw = quat_to_yaw(o.rot)
                initial[o.id].rot = tuple(quat_list(yaw + math.pi))  # type: ignore[assignment]
                edit = Edit("rotate_object", o.id, {"new_rotation": [round(float(v), 6) for v in o.rot]}, "it faced the wall")
        elif kind == "chair_away":
            chairs = [x for x in free if cats[x.id] in _CHAIRS]
            tables = [x for x in solid if cats[x.id] in _TABLES]
            if chairs and tables:
                o = rng.choice(chairs)
                res = _chair_defect(rng, source, o, tables)
                if res:
                    initial[o.id].pos = res[0]
                    edit = Edit("move_object", o.id, {"new_position": r3(o.pos, 6)}, res[1])
        elif kind == "missing_essential":
            ess = [x for x in free if _sole_essential(x.id, cats, essentials)]
            if ess and not missing:
                o = rng.choice(ess)
                missing.append(o.id)
                edit = Edit("add_object", o.id, add_args(o), f"the room has no {o.desc}")
        elif kind == "wrong_object":
            desc = swap_description(rng, o)
            initial[o.id].desc = desc
            edit = Edit("replace_object", o.id, {"new_object_description": o.desc}, f"a {desc} stood where the {o.desc} belongs")
        if edit is None:
            continue
        used.add(o.id)
        defects.append({"type": kind, "key": o.id, "detail": edit.note})
        fixes.append(PlanTurn(FIX_OP[kind], [edit]))
    if not fixes:
        raise ValueError(f"scene {source.room_id!r}: no defect could be introduced")
    order = sorted((k for k in objs if k not in missing), key=lambda k: (-_vol(objs[k]), k))
    n_add = min(n_add, len(order))
    from scenerevis.train.reverse import _split_adds

    turns = [PlanTurn("add", [Edit("add_object", k, add_args(initial[k])) for k in chunk]) for chunk in _split_adds(order, n_add)]
    rng.shuffle(fixes)
    room = source.copy()
    room.objects = []
    return ChainPlan(room=room, turns=turns + fixes, kind="revision", defects=defects)


def _role(cat: str | None) -> str | None:
    from scenerevis.scene.rooms import load_rooms

    return load_rooms().categories[cat].role if cat else None


def _vol(o: SceneObject) -> float:
    return float(o.size[0] * o.size[1] * o.size[2])


def _flip_faces_wall(o: SceneObject, room: Polygon) -> bool:
    flipped = o.copy()
    flipped.rot = tuple(quat_list(quat_to_yaw(o.rot) + math.pi))  # type: ignore[assignment]
    return _faces_wall(flipped, room)


def _sole_essential(key: str, cats: dict[str, str | None], essentials) -> bool:
    """True when the object ``key`` is the only one meeting one of the room type's essential requirements."""
    cat = cats.get(key)
    for req in essentials:
        if cat in req and sum(1 for c in cats.values() if c in req) == 1:
            return True
    return False
