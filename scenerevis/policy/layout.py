"""layout.py: place planned pieces one by one in a room's free space, by placement role, the way a designer groups them.

Frame: world XZ, metres, yaw radians (0 faces +Z). Anchors go first (bed, TV wall + sofa, table,
desk, large storage against walls), companions are placed relative to the anchors found in the
current floor plan, decor last. Every accepted pose fits the :class:`Space` (no overlap with a
``BODY_GAP`` margin, inside the walls, keep-out zones respected), so it also passes the box checks.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass
from functools import lru_cache

import shapely
from shapely.ops import polylabel

from scenerevis.policy import slots as S
from scenerevis.policy.arrange import GENERIC, Relation
from scenerevis.policy.carried import small_piece
from scenerevis.policy.decor import TABLES, DecorRoles, _a
from scenerevis.policy.free_space import Body, Space
from scenerevis.policy.plan import PlannedItem
from scenerevis.policy.poses import (
    CLEARANCE_STEPS,
    Pose,
    corner_fit,
    feasible,
    first_fit,
    fit,
    grid_poses,
    iter_sizes,
    wall_poses,
)
from scenerevis.scene.rooms import load_rooms

SOFAS = ("sofa", "sectional", "loveseat")
#: Pieces that make a second zone of a room (the lounge then takes one end of it).
ZONE_ANCHORS = ("dining_table", "small_table", "pool_table", "ping_pong_table", "kitchen_island", "desk", "piano")
#: Poses a centre piece tries once a partial fit (fewer chairs than planned) is known.
CENTER_TRIES = 3000
#: TV wall poses probed for a sofa facing them before the TV takes the first pose that fits (each probe ~170 fits).
SOFA_PROBES = 24
#: The role table: each placement role of rooms.json categories -> the :class:`Placer` method that
#: places it, in the order roles are placed within one turn (anchors first). Checked against the
#: data when a :class:`Placer` is made (:func:`check_roles`).
ROLES: dict[str, str] = {
    "bed": "_role_bed",
    "bed_side": "_role_bed_side",
    "tv_wall": "_role_tv_wall",
    "sofa": "_role_sofa",
    "sofa_front": "_role_sofa_front",
    "center": "_role_center",
    "around_table": "_role_around_table",
    "desk": "_role_desk",
    "desk_front": "_role_desk_front",
    "cardio": "_role_cardio",
    "wall_long": "_role_wall_long",
    "corner_wall": "_role_corner_wall",
    "wall": "_role_wall",
    "bed_foot": "_role_bed_foot",
    "counter_front": "_role_counter_front",
    "pull_up": "_role_pull_up",
    "seating": "_role_seating",
    "beside_seating": "_role_beside_seating",
    "free": "_role_free",
    "corner": "_role_corner",
    "on_surface": "_role_on_surface",
    "floor_covering": "_role_floor_covering",
    "ceiling": "_role_ceiling",
}
ROLE_ORDER = tuple(ROLES)
#: Floor area (m^2) below which a bed without nightstands goes into a corner.
SMALL_ROOM = 12.0
#: Roles that place a piece by its anchors (rooms.json ``anchors``), so such a category must name some.
COMPANION_ROLES = (
    "bed_side",
    "bed_foot",
    "sofa_front",
    "around_table",
    "desk_front",
    "counter_front",
    "pull_up",
    "beside_seating",
)


@lru_cache(maxsize=1)
def check_roles() -> None:
    """Raise ValueError naming the category when rooms.json gives a role the table does not know, a
    companion role without anchors, or an ``on_surface`` piece without hosts."""
    facts = load_rooms()
    for cat in facts.categories.values():
        if cat.role not in ROLES:
            raise ValueError(f"rooms.json: category {cat.name} has role {cat.role!r}; known roles: {', '.join(ROLES)}")
        if cat.role in COMPANION_ROLES and not cat.anchors:
            raise ValueError(f"rooms.json: category {cat.name} has companion role {cat.role!r} but no anchors")
        if cat.role == "on_surface" and not cat.hosts:
            raise ValueError(f"rooms.json: category {cat.name} stands on a surface but names no hosts")


@dataclass
class Placement:
    """A placed piece: its plan item, its body (pose, size) and a phrase for the reasoning text."""

    item: PlannedItem
    body: Body
    note: str

    @property
    def position(self) -> tuple[float, float, float]:
        x, z, _ = self.body.pose
        return (x, self.body.y0, z)

    @property
    def yaw(self) -> float:
        return self.body.pose[2]

    @property
    def size(self) -> tuple[float, float, float]:
        return self.body.size


def _facing_cost(p: Pose, seat: tuple[float, float, float]) -> float:
    """How badly a TV at pose ``p`` faces a seat at (x, z, yaw): turned away, off-axis, behind it."""
    sx, sz, syaw = seat
    facing = abs(math.cos(p.yaw - syaw) + 1.0)
    ahead = (p.x - sx) * math.sin(syaw) + (p.z - sz) * math.cos(syaw)
    lateral = abs((p.x - sx) * math.cos(syaw) - (p.z - sz) * math.sin(syaw))
    return facing * 10 + lateral + (0 if ahead > 0 else 10)


def role_rank(category: str) -> int:
    role = load_rooms().category(category).role
    return ROLE_ORDER.index(role) if role in ROLE_ORDER else len(ROLE_ORDER)


class Placer(DecorRoles):
    """Places plan items into ``space`` (mutated: every placed body is added).

    ``totals`` is the planned number of each category in the finished room (chairs around a table
    are spaced for that many); ``sizes`` the planned size of each category (for look-ahead).
    """

    def __init__(
        self,
        space: Space,
        rng: random.Random,
        totals: dict[str, int],
        sizes: dict[str, tuple[float, float, float]],
        relations: list[Relation] | None = None,
    ):
        check_roles()
        self.relations = list(relations or [])
        self.space = space
        self.rng = rng
        self.totals = totals
        self.sizes = sizes
        self.facts = load_rooms()
        self._n = 0
        self._placed: dict[str, Placement] = {}

    # ------------------------------------------------------------------ helpers
    def _add(self, item: PlannedItem, body: Body, note: str) -> Placement:
        self._n += 1
        body.id = f"planned_{self._n}"
        body.category = item.category
        self.space.add(body)
        placement = Placement(item, body, note)
        self._placed[body.id] = placement
        return placement

    def _name(self, item: PlannedItem) -> str:
        return self.facts.category(item.category).noun

    def _anchors(self, item: PlannedItem) -> tuple[str, ...]:
        """The categories ``item`` is placed by (rooms.json ``anchors``: a bed for a nightstand)."""
        return self.facts.category(item.category).anchors

    def _probe(self, anchor: Body, category: str, slots: list) -> int:
        """How many companions fit in ``slots`` around a candidate ``anchor``, placed one after another
        (the space is left as it was)."""
        placed = 0
        with self.space.tentative(anchor) as probe:
            for pose, size in slots:
                body = fit(self.space, category, pose, size, exempt={probe.id})
                if body is not None:
                    body.id = f"_probe_{placed}"
                    self.space.add(body)
                    placed += 1
        return placed

    def _fits_beside(self, anchor: Body, category: str, slots: list) -> bool:
        """Whether one ``category`` piece fits in some slot of ``slots`` around a candidate ``anchor``."""
        with self.space.tentative(anchor) as probe:
            return any(fit(self.space, category, p, s, exempt={probe.id}) for p, s in slots)

    def _wall_note(self, pose_body: Body, item: PlannedItem, wall_name: str | None) -> str:
        where = f"against the {wall_name}" if wall_name else "on the floor"
        return f"the {self._name(item)} goes {where}, facing into the room"

    def _wall_of(self, body: Body) -> str:
        """ "the east wall (x = 1.55)" for a body whose back is against a wall, else "a wall"."""
        x, z, yaw = body.pose
        best, name = 0.35, "a wall"
        for wall in self.space.walls():
            if abs(math.remainder(wall.yaw - yaw, 2 * math.pi)) > 1e-3:
                continue
            dist = abs((x - wall.a[0]) * wall.normal[0] + (z - wall.a[1]) * wall.normal[1]) - body.size[2] / 2
            if dist < best:
                best, name = dist, f"the {wall.name()}"
        return name

    def _free_centre(self) -> tuple[float, float]:
        """Pole of inaccessibility of the floor left free by bodies and their keep-out zones."""
        used = [b.poly for b in self.space.bodies if not b.rug and b.y0 < 0.05]
        used += [b.keepout for b in self.space.bodies if b.keepout is not None]
        free = self.space.room.difference(shapely.union_all(used)) if used else self.space.room
        if free.is_empty:
            c = self.space.room.centroid
            return c.x, c.y
        if free.geom_type == "MultiPolygon":
            free = max(free.geoms, key=lambda g: g.area)
        p = polylabel(free, tolerance=0.05)
        return p.x, p.y

    def _wall_pose_list(self, size, prefer="any", **kw) -> list[Pose]:
        w, _, d = size
        return wall_poses(self.space, w, d, self.rng, prefer=prefer, **kw)

    # ------------------------------------------------------------------ dispatch
    def place_all(self, items: list[PlannedItem]) -> list[Placement]:
        """Place ``items`` in order; the pieces the arrangement requests tie together are placed jointly
        by a backtracking search (:mod:`solve`) when the first of them comes up."""
        from scenerevis.policy.solve import GroupSearch, groups, turn_relations

        cats = {i.category for i in items}
        hung = {c.name for c in self.facts.categories.values() if c.role == "ceiling"}  # their role reads the relations
        rels = [
            r
            for r in turn_relations(self.relations, items)
            if (not r.target or r.target in cats or self.space.of_category(r.target)) and not {r.subject, r.target} & hung
        ]
        found = groups(items, rels) if rels else []
        first = {id(i): k for k, (members, _) in enumerate(found) for i in members}
        found.sort(key=lambda g: min(n for n, i in enumerate(items) if first.get(id(i)) == first[id(g[0][0])]))
        in_group = set(first)
        out: list[Placement] = []
        for item in items:
            if id(item) not in in_group:
                got = self.place(item)
                if got is not None:
                    out.append(got)
            elif found:  # every group when the first piece of one comes up, each searched on its own budget
                for members, group_rels in found:
                    out += GroupSearch(self, members, group_rels).run()
                found = []
        return out

    def unplace(self, placement: Placement) -> None:
        """Take a placed piece out of the room again."""
        self.space.remove(placement.body.id)
        self._placed.pop(placement.body.id, None)

    def place_by_role(self, item: PlannedItem) -> Placement | None:
        """Place ``item`` by its category's role alone (no arrangement request); a small open-vocabulary piece
        (a cash register, a laptop) stands on a table, desk or counter when one has room, else by the wall."""
        if item.category == GENERIC and small_piece(item.size):
            got = self._on_any_surface(item)
            if got is not None:
                return got
        role = self.facts.category(item.category).role
        if role != "center" and self._around_it(item.category):  # pieces go round it: it stands in the open
            got = self._role_center(item)
            if got is not None:
                return got
        return getattr(self, ROLES[role])(item)

    def _around_it(self, category: str) -> list[Relation]:
        """The brief's requests for pieces around a ``category`` piece ("eight chairs around the big table")."""
        return [r for r in self.relations if r.kind == "around" and r.target == category and r.subject != category]

    def place(self, item: PlannedItem) -> Placement | None:
        """Place one item by its role; None when it does not fit anywhere (after shrinking within its size
        range). Arrangement requests are met by :meth:`place_all`."""
        return self.place_by_role(item)

    def _relations_of(self, category: str, phrase: str = "") -> list[Relation]:
        """Relations the next ``category`` piece should meet: those among peers first, then the rest;
        "A next to B" also guides B when A stands first. A companion by one of its anchors (chairs
        next to / around their table) is left to its role, whose slots already meet the request, unless the pieces
        form a row."""
        own = [r for r in self.relations if r.subject == category and (not r.subject_text or r.subject_text == phrase)]
        own += [
            Relation("next_to", category, r.subject, r.text)
            for r in self.relations
            if r.kind == "next_to" and r.target == category
        ]
        own += self._carried(category)
        cat = self.facts.category(category)
        # (not when the pieces also form a row: "six stools in a row along the counter" lines them up by it)
        lined = any(r.kind in ("in_row", "side_by_side") and not r.target for r in own)
        # (nor one naming one of several pieces of its anchor's category: "stools around the blackjack table")
        own = [r for r in own if lined or r.target_text or not (r.kind in ("next_to", "around") and r.target in cat.anchors)]
        if cat.role == "on_surface":  # a TV or lamp stands on its host; only "on top of" or "on the wall" moves it
            hung = not any(r.kind == "on_top" for r in own) and any(r.kind == "against_wall" for r in own)
            own = [r for r in own if r.kind == "on_top" or (hung and r.kind in ("against_wall", "facing"))]
        return sorted(own, key=lambda r: r.kind not in ("in_row", "side_by_side", "back_to_back", "opposite"))

    def _carried(self, category: str) -> list[Relation]:
        """ "A TV on the dresser facing the bed": what the brief asks of a piece standing on furniture (facing,
        against a wall) its host meets; the host is the one "on top of" names, else the first of the piece's
        rooms.json ``hosts`` the plan has."""
        out = []
        for r in self.relations:
            sub = self.facts.categories.get(r.subject)
            if sub is None or sub.role != "on_surface" or r.kind not in ("facing", "against_wall") or r.target == category:
                continue
            named = [t.target for t in self.relations if t.kind == "on_top" and t.subject == r.subject]
            host = named[0] if named else next((h for h in sub.hosts if self.totals.get(h)), None)
            if host == category:
                out.append(Relation(r.kind, category, r.target, r.text))
        return out

    # ------------------------------------------------------------------ anchors
    def _role_bed(self, item: PlannedItem) -> Placement | None:
        ns_size = self.sizes.get("nightstand", self.facts.category("nightstand").size)
        want_ns = min(self.totals.get("nightstand", 0) - len(self.space.of_category("nightstand")), 2)
        if want_ns <= 0 and self.space.room.area < SMALL_ROOM:  # a small room without nightstands: bed in a corner
            body = corner_fit(self.space, item.category, item.size, item.min_size(), self.rng, clip=True)
            if body is not None:
                return self._add(item, body, f"the {self._name(item)} goes into a corner, one side to the wall")
        best: tuple[int, Body] | None = None
        for size in iter_sizes(item.size, item.min_size(), 2):
            poses = feasible(self.space, self._wall_pose_list(size, "center", jitter=0.6)[:600], size)
            for f, strict in CLEARANCE_STEPS:
                for pose in poses:
                    body = fit(self.space, item.category, pose, size, factor=f, strict=strict)
                    if body is None:
                        continue
                    n_ok = self._probe(body, "nightstand", S.bed_side(body, ns_size))
                    if n_ok >= want_ns:
                        return self._add(
                            item,
                            body,
                            f"the {self._name(item)} goes with its headboard against the {pose.wall.name()}, centred on the wall",
                        )
                    if best is None or n_ok > best[0]:
                        best = (n_ok, body)
        if best is not None:
            return self._add(item, best[1], f"the {self._name(item)} goes with its headboard against a wall")
        return None

    def _sofa_at_tv(self, tv: Body, size, need_ct: bool) -> Body | None:
        tx, tz, tyaw = tv.pose
        fx, fz = math.sin(tyaw), math.cos(tyaw)
        ct_size = self.sizes.get("coffee_table", self.facts.category("coffee_table").size)
        best_d = 2.2 if any(self.totals.get(c, 0) for c in ZONE_ANCHORS) else 2.6
        dists = sorted((1.8 + 0.1 * k for k in range(19)), key=lambda D: abs(D - best_d))
        for f, strict in CLEARANCE_STEPS:
            for D in dists:
                for lateral in (0.0, 0.3, -0.3):
                    off = tv.size[2] / 2 + D + size[2] / 2
                    x = tx + fx * off + math.cos(tyaw) * lateral
                    z = tz + fz * off - math.sin(tyaw) * lateral
                    body = fit(self.space, "sofa", Pose(x, z, tyaw + math.pi), size, factor=f, strict=strict)
                    if body is None:
                        continue
                    if need_ct and not self._fits_beside(body, "coffee_table", S.sofa_front(body, ct_size)):
                        continue
                    return body
        return None

    def _role_sofa(self, item: PlannedItem) -> Placement | None:
        need_ct = self.totals.get("coffee_table", 0) > len(self.space.of_category("coffee_table"))
        for size in iter_sizes(item.size, item.min_size(), 2):
            for tv in self.space.of_category("tv_stand"):
                body = self._sofa_at_tv(tv, size, need_ct)
                if body is not None:
                    return self._add(
                        item, body, f"the {self._name(item)} faces the TV stand from about {self._dist(tv, body):.1f} m"
                    )
            body = first_fit(self.space, item.category, self._wall_pose_list(size, "center"), size)
            if body is not None:
                return self._add(item, body, self._wall_note(body, item, None) + ", back to a wall")
        return None

    @staticmethod
    def _dist(a: Body, b: Body) -> float:
        return math.hypot(a.pose[0] - b.pose[0], a.pose[1] - b.pose[1])

    def _role_tv_wall(self, item: PlannedItem) -> Placement | None:
        sofa_cat = next((c for c in SOFAS if self.totals.get(c, 0) > len(self.space.of_category(c))), None)
        sofas = [b for b in self.space.bodies if b.category in SOFAS]
        zoned = any(self.totals.get(c, 0) for c in ZONE_ANCHORS)
        order = [w.index for w in sorted(self.space.walls(), key=lambda w: w.length)] if zoned else None
        for size in iter_sizes(item.size, item.min_size(), 2):
            # with a second zone (dining, games, work) the TV goes on a short wall so the lounge takes one end
            poses = self._wall_pose_list(size, "center", jitter=0.8, wall_order=order)
            if sofas:
                poses.sort(key=lambda p: _facing_cost(p, sofas[0].pose))
            poses = feasible(self.space, poses[:800], size)
            probes = 0
            for f, strict in CLEARANCE_STEPS:
                for pose in poses:
                    body = fit(self.space, item.category, pose, size, factor=f, strict=strict)
                    if body is None:
                        continue
                    if sofa_cat and not sofas and probes < SOFA_PROBES:
                        # each probe tries ~170 sofa poses: after SOFA_PROBES misses the sofa takes its own place
                        probes += 1
                        with self.space.tentative(body):
                            ok = self._sofa_at_tv(body, self.sizes[sofa_cat], self.totals.get("coffee_table", 0) > 0) is not None
                        if not ok:
                            continue
                    return self._add(item, body, f"the TV stand goes against the {pose.wall.name()} so the seating can face it")
        return None

    def _role_center(self, item: PlannedItem) -> Placement | None:
        cx, cz = self._free_centre()
        minx, minz, maxx, maxz = self.space.room.bounds
        long_x = (maxx - minx) >= (maxz - minz)
        w, _, d = item.size
        yaws = [0.0, math.pi / 2] if (w >= d) == long_x else [math.pi / 2, 0.0]
        n_chairs = (
            self.totals.get("dining_chair", 0)
            if item.category in TABLES
            else self.totals.get("bar_stool", 0)
            if item.category == "kitchen_island"
            else 0
        )
        # the chairs are shared among the planned tables: each table is probed for its share only
        n_tables = sum(self.totals.get(c, 0) for c in TABLES) if item.category in TABLES else 1
        n_chairs = math.ceil(n_chairs / max(n_tables, 1))
        chair = "dining_chair"
        around = self._around_it(item.category)
        if around:  # "a big table with eight chairs around it": room for the brief's seats
            chair = around[0].subject
            n_chairs = math.ceil(self.totals.get(chair, 0) / max(self.totals.get(item.category, 1), 1))
        chair_size = self.sizes.get(chair, self.facts.category(chair).size)
        best: tuple[int, Body] | None = None
        tries = 0
        for size in iter_sizes(item.size, item.min_size(), 2):
            poses = feasible(self.space, grid_poses(self.space, (cx, cz), yaws, self.rng, step=0.1, limit=2500), size)
            for f, strict in ((1.0, True), (1.0, False), (0.83, False), (0.6, False), (0.3, False)):
                if best is not None and tries > CENTER_TRIES:
                    break  # a table that seats fewer than planned is found: stop the exhaustive search
                for pose in poses:
                    tries += 1
                    body = fit(self.space, item.category, pose, size, factor=f, strict=strict)
                    if body is None:
                        continue
                    if (item.category in TABLES or around) and n_chairs:
                        n_ok = self._probe(body, chair, S.around_table(body, chair_size, n_chairs, self.space.inner))
                        if n_ok < n_chairs:
                            if best is None or n_ok > best[0]:
                                best = (n_ok, body)
                            continue
                    return self._add(
                        item, body, f"the {self._name(item)} sits in the middle of the free floor with room to walk around it"
                    )
        if best is not None:
            return self._add(item, best[1], f"the {self._name(item)} sits in the open floor")
        return None

    def _role_desk(self, item: PlannedItem) -> Placement | None:
        chair = self.sizes.get("office_chair", self.facts.category("office_chair").size)
        prefer = self.rng.choice(["corner", "any", "center"])
        for size in iter_sizes(item.size, item.min_size(), 3):
            poses = feasible(self.space, self._wall_pose_list(size, prefer)[:800], size)
            for f, strict in CLEARANCE_STEPS:
                for pose in poses:
                    body = fit(self.space, item.category, pose, size, factor=f, strict=strict)
                    if body is None:
                        continue
                    if self._fits_beside(body, "office_chair", S.desk_front(body, chair)):
                        return self._add(
                            item, body, f"the desk goes against the {pose.wall.name()} with room for the chair in front"
                        )
        return self._role_wall(item)

    def _role_wall(self, item: PlannedItem, **kw) -> Placement | None:
        cat = self.facts.category(item.category)
        prefer = cat.wall
        # hung on the wall: the floor below stays free, only other hung pieces collide (a piece that may hang, a
        # mirror, hangs once no floor place is left)
        tries = [(s, cat.mount) for s in iter_sizes(item.size, item.min_size(), 3)]
        for size, hang in tries + ([(item.size, cat.hang)] if cat.hang and not cat.mount else []):
            poses = self._wall_pose_list(size, prefer, **kw)
            if hang:
                poses = [p._replace(y=min(hang, self.space.ceiling - size[1] - 0.05)) for p in poses]
            body = first_fit(self.space, item.category, poses, size)
            if body is not None:
                verb = "hangs on" if hang else "stands with its back to"
                note = f"the {self._name(item)} {verb} {self._wall_of(body)}, front clear"
                if size != item.size:
                    note += " (a slightly smaller size to fit)"
                return self._add(item, body, note)
        return None

    def _role_cardio(self, item: PlannedItem) -> Placement | None:
        return self._role_wall(item, facing_wall=True, offset=0.3)

    def _role_wall_long(self, item: PlannedItem) -> Placement | None:
        return self._role_wall(item, along_wall=True)

    def _role_corner_wall(self, item: PlannedItem) -> Placement | None:
        return self._role_wall(item)

    # ------------------------------------------------------------------ companions
    def _attach(self, item: PlannedItem, anchor_cats, slot_fn, note: str, fallback: bool = True) -> Placement | None:
        """Place ``item`` in a ``slot_fn(anchor, size)`` slot of the first placed ``anchor_cats`` body that
        has a free one (clearances relaxed step by step); else, with ``fallback``, in the open floor."""
        asked = [r.target for r in self.relations if r.subject == item.category and r.kind in ("next_to", "around")]
        anchor_cats = [c for c in asked if c in anchor_cats] + [c for c in anchor_cats if c not in asked]
        rank = {c: k for k, c in enumerate(anchor_cats)}  # the brief's anchor, then the data's preferred one first
        anchors = sorted((b for b in self.space.bodies if b.category in rank), key=lambda b: rank[b.category])
        for f, _strict in CLEARANCE_STEPS:
            for anchor in anchors:
                for pose, size in slot_fn(anchor, item.size):
                    # a nightstand between two beds stands in both bedside zones
                    peers = {b.id for b in anchors if b.category == anchor.category}
                    body = fit(self.space, item.category, pose, size, exempt=peers, factor=f)
                    if body is not None:
                        return self._add(item, body, note)
        return self._role_free(item) if fallback else None

    def _role_bed_side(self, item: PlannedItem) -> Placement | None:
        flank = self._attach(item, self._anchors(item), S.bed_side, "a nightstand flanks the bed head", fallback=False)
        return flank or self._role_wall(item)

    def _role_bed_foot(self, item: PlannedItem) -> Placement | None:
        return self._attach(item, self._anchors(item), S.bed_foot, f"{_a(self._name(item))} sits across the foot of the bed")

    def _role_sofa_front(self, item: PlannedItem) -> Placement | None:
        return self._attach(item, self._anchors(item), S.sofa_front, "the coffee table sits about 0.45 m in front of the sofa")

    def _per_anchor(self, item: PlannedItem) -> int:
        """How many ``item`` pieces each of its placed anchors takes: 12 chairs for six café tables are two
        a table, six chairs for one table six."""
        tables = sum(1 for b in self.space.bodies if b.category in self._anchors(item)) or 1
        return max(math.ceil(self.totals.get(item.category, 1) / tables), 1)

    def _role_pull_up(self, item: PlannedItem) -> Placement | None:
        """A stool or seat pulled up to its anchor: around a free-standing table (the anchors' share each) or
        in front of a desk, vanity or workstation; else on the open floor."""
        n = self._per_anchor(item)

        def slots(anchor: Body, size):
            if self.facts.category(anchor.category).role == "center":
                return S.around_table(anchor, size, n, self.space.inner)
            return S.desk_front(anchor, size)

        return self._attach(item, self._anchors(item), slots, f"{_a(self._name(item))} is pulled up to its table")

    def _role_around_table(self, item: PlannedItem) -> Placement | None:
        # "sixty desks, each desk with a plastic chair": chairs the brief gives desks are pulled up to them
        asked = {r.target for r in self.relations if r.subject == item.category and r.kind == "next_to" and r.target}
        if desks := tuple(d for d in asked if self.facts.category(d).role == "desk"):
            if got := self._attach(item, desks, S.desk_front, "the chair is pulled up to the desk", fallback=False):
                return got
        n = self._per_anchor(item)
        return self._attach(
            item,
            self._anchors(item),
            lambda a, s: S.around_table(a, s, n, self.space.inner),
            "chairs go around the table, each facing it",
            fallback=not any(self.totals.get(a) for a in self._anchors(item)),  # a lone visitor chair: the open floor
        )

    def _role_desk_front(self, item: PlannedItem) -> Placement | None:
        return self._attach(item, self._anchors(item), S.desk_front, "the chair is pulled up to the desk")

    def _role_counter_front(self, item: PlannedItem) -> Placement | None:
        n = self.totals.get(item.category, 2)
        return self._attach(
            item,
            self._anchors(item),
            lambda a, s: S.counter_front(a, s, n),
            "stools line up at the counter",
        )

    def _role_seating(self, item: PlannedItem) -> Placement | None:
        got = self._attach(item, ("coffee_table",), S.coffee_sides, "an armchair turns towards the coffee table", fallback=False)
        if got is not None:
            return got
        body = corner_fit(self.space, item.category, item.size, item.min_size(), self.rng)
        if body is not None:
            return self._add(item, body, f"{_a(self._name(item))} makes a reading corner")
        return self._role_free(item)

    def _role_beside_seating(self, item: PlannedItem) -> Placement | None:
        got = self._attach(item, self._anchors(item), S.beside, f"{_a(self._name(item))} sits beside the seating", fallback=False)
        return got or self._role_corner(item)
