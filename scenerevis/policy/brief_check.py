"""brief_check.py: score a finished scene against hand-written expectations of its prompt (the quality bench's yardstick).

An expectation file is JSON lines, one prompt each::

    {"room": "nursery", "prompt": "...", "items": {"crib|cot": 1, "chair": 2},
     "relations": [["against_wall", "crib|cot"], ["next_to", "lamp", "chair"]],
     "attributes": [["crib|cot", "white"]], "minimal": true, "area": 12,
     "tall": [["desk", 1.0]], "short": [["fridge", 1.0]]}

An item key is ``|``-separated alternatives; an object matches when the head of its description (the
words before "with", "in", "on", "for") ends with one of them (singular or plural), describing words allowed
between (a "round white table" is a "round table"). Geometry is read from the objects' boxes: XZ floor plane
in metres, yaw 0 faces +Z, ``pos`` the bottom centre.
Relations: ``against_wall a``, ``middle a``, ``corner a``, ``in_row a``, ``facing a b``,
``back_to_back a b``, ``side_by_side a b``, ``next_to a b``, ``opposite a b``, ``around a b``,
``on_top a b``, ``between a b c``; each is met when some choice of matching objects satisfies it
(``around``: three quarters of the pieces within 0.8 m of a target, each facing its centre or its footprint).
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from scipy.optimize import linear_sum_assignment
from shapely.geometry import LineString, Point, Polygon

from scenerevis.policy.free_space import Body, rect
from scenerevis.scene.model import Scene, SceneObject
from scenerevis.scene.rotation import quat_to_yaw

RELATIONS = (
    "against_wall",
    "middle",
    "corner",
    "in_row",
    "facing",
    "back_to_back",
    "side_by_side",
    "next_to",
    "opposite",
    "around",
    "on_top",
    "between",
)
_ARITY = {"against_wall": 1, "middle": 1, "corner": 1, "in_row": 1, "between": 3}
#: A word that ends a description's head; not one joined by a hyphen ("a built-in bar", "a ride-on mower").
_HEAD_SPLIT = re.compile(r"(?<![\w-])(?:with|in|on|for|from|that|featuring)(?![\w-])")


@dataclass
class Expectation:
    """One prompt and what a good design of it must contain (see the module docstring)."""

    room: str
    prompt: str
    items: dict[str, int] = field(default_factory=dict)
    relations: list[list[str]] = field(default_factory=list)
    attributes: list[list[str]] = field(default_factory=list)
    minimal: bool = False
    area: float | None = None
    tall: list[list] = field(default_factory=list)
    short: list[list] = field(default_factory=list)


def load_expectations(path: Path) -> list[Expectation]:
    """The expectations of a JSON-lines file; a bad line raises ValueError naming the file, line and field."""
    out = []
    for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as err:
            raise ValueError(f"{path}:{n}: not JSON ({err.msg})") from None
        for key in ("room", "prompt"):
            if not isinstance(row.get(key), str):
                raise ValueError(f"{path}:{n}: field {key!r} must be a string")
        for rel in row.get("relations", []):
            if not rel or rel[0] not in RELATIONS or len(rel) - 1 != _ARITY.get(rel[0], 2):
                raise ValueError(f"{path}:{n}: field 'relations' has a bad entry {rel!r}")
        known = {f for f in Expectation.__dataclass_fields__}
        unknown = set(row) - known
        if unknown:
            raise ValueError(f"{path}:{n}: unknown field(s) {sorted(unknown)}")
        out.append(Expectation(**row))
    return out


def head_of(desc: str) -> str:
    """The head phrase of a description: lower case, before "with" / "in" / "on" / "for"."""
    return _HEAD_SPLIT.split(desc.lower(), maxsplit=1)[0].strip(" ,.")


def matches(obj: SceneObject, key: str) -> bool:
    """Whether ``obj``'s description head ends with one of the ``|``-separated alternatives of ``key``."""
    head = head_of(obj.desc).replace("-", " ")
    for alt in key.lower().split("|"):
        alt = alt.replace("-", " ").strip()
        plural = re.escape(alt[:-1]) + "ves" if alt.endswith("f") else re.escape(alt) + "(?:s|es)?"  # shelf -> shelves
        if re.search(r"(?<![\w])(?:" + re.escape(alt) + "|" + plural + ")$", head):
            return True
        *lead, last = alt.split()
        words = head.split()
        if lead and words and re.fullmatch(re.escape(last) + "(?:s|es)?", words[-1]) and _in_order(lead, words[:-1]):
            return True  # "round table" is met by a "round white table"
    return False


def _in_order(wanted: list[str], words: list[str]) -> bool:
    """Whether ``wanted`` occurs in ``words`` in order, other words allowed between."""
    it = iter(words)
    return all(w in it for w in wanted)


@dataclass
class _Box:
    obj: SceneObject | Body
    x: float
    z: float
    yaw: float
    w: float
    h: float
    d: float
    y0: float

    @property
    def poly(self) -> Polygon:
        return rect(self.x, self.z, self.yaw, self.w, self.d)

    @property
    def front(self) -> tuple[float, float]:
        return math.sin(self.yaw), math.cos(self.yaw)


def _box(o: SceneObject) -> _Box:
    return _Box(o, float(o.pos[0]), float(o.pos[2]), float(quat_to_yaw(o.rot)), *map(float, o.size), float(o.pos[1]))


def _angle(a: float, b: float) -> float:
    return abs(math.remainder(a - b, 2 * math.pi))


def _faces(a: _Box, b: _Box, tol_deg: float = 35.0) -> bool:
    dx, dz = b.x - a.x, b.z - a.z
    if math.hypot(dx, dz) < 1e-6:
        return False
    return _angle(math.atan2(dx, dz), a.yaw) <= math.radians(tol_deg)


def _wall_dist(room: Polygon, b: _Box) -> float:
    return room.exterior.distance(b.poly)


def _against_wall(room: Polygon, b: _Box) -> bool:
    fx, fz = b.front
    back = Point(b.x - fx * b.d / 2, b.z - fz * b.d / 2)
    return room.exterior.distance(back) <= 0.2 or _wall_dist(room, b) <= 0.1 and b.w > 0


def _middle(room: Polygon, b: _Box) -> bool:
    c = room.centroid
    minx, minz, maxx, maxz = room.bounds
    span = min(maxx - minx, maxz - minz)
    return math.hypot(b.x - c.x, b.z - c.y) <= 0.25 * span and _wall_dist(room, b) >= 0.5


def _corner(room: Polygon, b: _Box) -> bool:
    corners = list(room.exterior.coords)[:-1]
    poly = b.poly
    return any(poly.distance(Point(cx, cz)) <= 0.45 for cx, cz in corners)


def _gap(a: _Box, b: _Box) -> float:
    return a.poly.distance(b.poly)


def _next_to(a: _Box, b: _Box) -> bool:
    return _gap(a, b) <= 0.5


def _side_by_side(a: _Box, b: _Box) -> bool:
    if _angle(a.yaw, b.yaw) > math.radians(20) or _gap(a, b) > 0.7:  # room for a nightstand between
        return False
    fx, fz = a.front
    ahead = (b.x - a.x) * fx + (b.z - a.z) * fz
    return abs(ahead) <= 0.5 * max(a.d, b.d)


def _back_to_back(a: _Box, b: _Box) -> bool:
    if _angle(a.yaw, b.yaw + math.pi) > math.radians(20) or _gap(a, b) > 0.4:
        return False
    fx, fz = a.front
    return (b.x - a.x) * fx + (b.z - a.z) * fz < 0


def _opposite(a: _Box, b: _Box) -> bool:
    return _angle(a.yaw, b.yaw + math.pi) <= math.radians(25) and _faces(a, b, 40) and _faces(b, a, 40)


def _on_top(a: _Box, b: _Box) -> bool:
    return abs(a.y0 - (b.y0 + b.h)) <= 0.08 and a.poly.intersects(b.poly)


def _between(a: _Box, b: _Box, c: _Box) -> bool:
    """``a``'s centre lies in the floor spanned by ``b`` and ``c`` (the convex hull of their footprints,
    outside both): a nightstand at the heads of two beds, a coffee table between facing sofas."""
    if math.hypot(c.x - b.x, c.z - b.z) < 1e-3:
        return False
    centre = Point(a.x, a.z)
    hull = b.poly.union(c.poly).convex_hull
    return hull.contains(centre) and not b.poly.contains(centre) and not c.poly.contains(centre)


def _in_row(boxes: list[_Box]) -> bool:
    if len(boxes) < 2:
        return False
    # every piece shares its yaw with a neighbour and the centres lie on lines (one or more rows)
    rows: list[list[_Box]] = []
    for b in boxes:
        for row in rows:
            r0 = row[0]
            fx, fz = r0.front
            if _angle(b.yaw, r0.yaw) <= math.radians(15) and abs((b.x - r0.x) * fx + (b.z - r0.z) * fz) <= 0.3:
                row.append(b)
                break
        else:
            rows.append([b])
    return all(len(r) >= 2 for r in rows)


def _front_hits(a: _Box, b: _Box, reach: float = 1.2) -> bool:
    """Whether ``a`` looks at ``b``'s footprint: the ray from ``a``'s centre along its front (``reach`` m) meets it
    (a chair at the long side of a table faces the table, not its centre)."""
    fx, fz = a.front
    return LineString([(a.x, a.z), (a.x + fx * reach, a.z + fz * reach)]).intersects(b.poly)


def _around(group: list[_Box], centres: list[_Box]) -> bool:
    """Three quarters of ``group`` (at least two) each within 0.8 m of one of ``centres`` and facing its centre or
    footprint: chairs around a table, or around each of several tables (two chairs at each of four tables)."""

    def at(g: _Box, c: _Box) -> bool:
        return g.obj is not c.obj and _gap(g, c) <= 0.8 and (_faces(g, c, 50) or _front_hits(g, c))

    close = [g for g in group if any(at(g, c) for c in centres)]
    return len(close) >= min(2, len(group)) and len(close) >= 0.75 * len(group)


def relation_met(scene: Scene, rel: list[str]) -> bool:
    """Whether ``scene`` satisfies one relation expectation (see the module docstring)."""
    kind, keys = rel[0], rel[1:]
    return relation_holds(scene, kind, [[o for o in scene.objects if matches(o, k)] for k in keys])


def relation_holds(scene: Scene, kind: str, objects: list[list[SceneObject]]) -> bool:
    """Whether relation ``kind`` holds among the object groups (subject first, then its targets)."""
    room = Polygon([(float(x), float(z)) for x, z in scene.floor_xz])
    return _holds(room, kind, [[_box(o) for o in g] for g in objects])


def bodies_hold(room: Polygon, kind: str, bodies: list[list[Body]]) -> bool:
    """:func:`relation_holds` for floor-plan bodies (``pose`` (x, z, yaw), ``size`` [w, h, d] m) in ``room``
    (the floor polygon, XZ metres): the designer's search checks its poses with the same geometry."""
    return _holds(room, kind, [[_Box(b, b.pose[0], b.pose[1], b.pose[2], *b.size, b.y0) for b in g] for g in bodies])


def _holds(room: Polygon, kind: str, groups: list[list[_Box]]) -> bool:
    if any(not g for g in groups):
        return False
    if kind == "against_wall":
        return all(_against_wall(room, b) for b in groups[0])
    if kind == "middle":
        return any(_middle(room, b) for b in groups[0])
    if kind == "corner":
        return any(_corner(room, b) for b in groups[0])
    if kind == "in_row":
        return _in_row(groups[0])
    if kind == "around":
        return _around(groups[0], groups[1])
    if kind == "between":
        return any(
            _between(a, b, c)
            for a in groups[0]
            for b in groups[1]
            for c in groups[2]
            if b.obj is not c.obj and a.obj not in (b.obj, c.obj)
        )
    test = {
        "facing": lambda a, b: _faces(a, b),
        "back_to_back": _back_to_back,
        "side_by_side": _side_by_side,
        "next_to": _next_to,
        "opposite": _opposite,
        "on_top": _on_top,
    }[kind]
    return any(test(a, b) for a in groups[0] for b in groups[1] if a.obj is not b.obj)


@dataclass
class BriefScore:
    """How a scene meets its expectation: requested instances found / wanted, relations met / asked,
    attribute words found in the matching descriptions / asked, objects the prompt never named."""

    items_found: int = 0
    items_wanted: int = 0
    items_full: bool = True
    relations_met: int = 0
    relations_asked: int = 0
    attributes_met: int = 0
    attributes_asked: int = 0
    filler: int = 0
    #: Objects that match a requested item beyond its count (three chairs where two were asked: one).
    surplus: int = 0
    objects: int = 0
    area_ok: bool | None = None
    size_ok: int = 0
    size_asked: int = 0
    misses: list[str] = field(default_factory=list)


def _assign(scene: Scene, items: dict[str, int]) -> dict[str, list[str]]:
    """Object ids counted for each item key: the most requested instances found, each object for one key at
    most (a maximum matching: a "guitar rack" is not spent on a "shelf|rack" key that a shelving unit fills)."""
    slots = [key for key, want in items.items() for _ in range(max(want, 0))]
    objs = list(scene.objects)
    out: dict[str, list[str]] = {key: [] for key in items}
    if not slots or not objs:
        return out
    hit = np.array([[matches(o, key) for o in objs] for key in slots], dtype=float)
    rows, cols = linear_sum_assignment(-hit)
    for r, c in zip(rows, cols, strict=True):
        if hit[r, c]:
            out[slots[r]].append(objs[c].id)
    return out


def score_brief(scene: Scene, exp: Expectation) -> BriefScore:
    """Score ``scene`` against ``exp`` (each object counts for at most one item key, see :func:`_assign`)."""
    out = BriefScore(objects=len(scene.objects))
    assigned = _assign(scene, exp.items)
    used = {o for ids in assigned.values() for o in ids}
    for key, want in exp.items.items():
        got = len(assigned[key])
        out.items_found += got
        out.items_wanted += want
        if got < want:
            out.items_full = False
            out.misses.append(f"{key}: {got}/{want}")
    out.filler = sum(1 for o in scene.objects if not any(matches(o, k) for k in exp.items))
    out.surplus = sum(1 for o in scene.objects if o.id not in used and any(matches(o, k) for k in exp.items))
    for rel in exp.relations:
        out.relations_asked += 1
        if relation_met(scene, rel):
            out.relations_met += 1
        else:
            out.misses.append("relation " + " ".join(rel))
    for key, word in exp.attributes:
        out.attributes_asked += 1
        if any(matches(o, key) and word.lower() in o.desc.lower() for o in scene.objects):
            out.attributes_met += 1
        else:
            out.misses.append(f"attribute {word} on {key}")
    for key, limit in exp.tall:
        out.size_asked += 1
        out.size_ok += any(matches(o, key) and o.size[1] >= limit for o in scene.objects)
    for key, limit in exp.short:
        out.size_asked += 1
        out.size_ok += any(matches(o, key) and o.size[1] <= limit for o in scene.objects)
    if exp.area is not None:
        out.area_ok = abs(scene.floor_area - exp.area) <= 0.1 * exp.area
    return out
