"""decor.py: the placement roles of free pieces and decor (on a surface, by a seat, in a corner, in the
open floor, rugs under their group, lamps hung from the ceiling), mixed into :class:`layout.Placer`.

Frame: world XZ, metres, yaw radians (0 faces +Z). Each role returns the :class:`layout.Placement`
it added to the placer's space, or None when the piece fits nowhere.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from scenerevis.policy import slots as S
from scenerevis.policy.carried import carries_things
from scenerevis.policy.free_space import Body
from scenerevis.policy.plan import PlannedItem
from scenerevis.policy.poses import Pose, corner_poses, first_fit, fit, grid_poses, iter_sizes
from scenerevis.policy.slots import local_to_world

if TYPE_CHECKING:
    from scenerevis.policy.layout import Placement

BEDS = ("double_bed", "king_bed", "single_bed", "bunk_bed")
TABLES = ("dining_table", "small_table")
#: Free height (m) between a hung lamp's top and the ceiling (its cord and canopy).
CEILING_GAP = 0.02
#: The lowest a hung lamp's bottom may hang (m above the floor): head height.
MIN_HANG = 1.95


def _a(noun: str) -> str:
    return ("an " if noun[:1].lower() in "aeiou" else "a ") + noun


class DecorRoles:
    """Roles of free pieces and decor; expects the :class:`layout.Placer` attributes (``space``, ``rng``,
    ``facts``, ``totals``, ``relations``) and helpers (``_add``, ``_attach``, ``_name``, ``_free_centre``, ``_wall_pose_list``)."""

    def _load(self, host: Body) -> int:
        """How many pieces stand on ``host`` already."""
        return sum(1 for b in self.space.bodies if b.y0 >= host.y1 - 0.01 and b.poly.intersects(host.poly))

    def _on_hosts(self, item: PlannedItem, hosts: list[Body], min_width: float) -> Placement | None:
        """``item`` on the least loaded of ``hosts`` it fits on (at least ``min_width`` m wide), else None; hosts
        the brief puts other pieces on come last (their tops are kept for those)."""
        asked = {r.target for r in self.relations if r.kind == "on_top" and r.subject != item.category}
        for host in sorted(hosts, key=lambda h: (h.category in asked, self._load(h))):
            for pose, size in S.on_top(host, item.size, item.category, self.totals.get(item.category, 1)):
                if size[0] < min_width or pose.y + size[1] > self.space.ceiling - 0.05:
                    continue
                body = fit(self.space, item.category, pose, size, exempt={host.id})
                if body is not None:
                    what = item.desc if item.category == "generic_object" else self._name(item)
                    return self._add(item, body, f"{_a(what)} stands on the {self.facts.category(host.category).noun}")
        return None

    def _role_on_surface(self, item: PlannedItem) -> Placement | None:
        """On the first of the category's rooms.json ``hosts`` with room, else on any other surface that carries
        things ("2 monitors" in a room without a desk stand on the workbench or counter there is)."""
        cat = self.facts.category(item.category)
        for host_cat in cat.hosts:
            got = self._on_hosts(item, self.space.of_category(host_cat), cat.size_range[0][0] * 0.8)
            if got is not None:
                return got
        hosts = [b for b in self._surfaces() if b.category not in cat.hosts]
        return self._on_hosts(item, hosts, cat.size_range[0][0] * 0.8)

    def _surfaces(self) -> list[Body]:
        """Floor pieces under 1.3 m whose tops carry things (tables, desks, counters, cabinets; no rugs)."""
        return [b for b in self.space.bodies if b.y0 < 0.05 and not b.rug and carries_things(b.category) and b.y1 < 1.3]

    def _on_any_surface(self, item: PlannedItem) -> Placement | None:
        """A small open-vocabulary piece on any table, desk, counter or cabinet that has room (``carries_things``)."""
        return self._on_hosts(item, self._surfaces(), item.size[0] * 0.8)

    # ------------------------------------------------------------------ free pieces and decor
    def _near(self, item: PlannedItem) -> tuple[Placement | None, tuple[float, float] | None]:
        """Follow the category's rooms.json ``near`` rules in order: a placement by a ``beside`` /
        ``coffee_sides`` anchor or in a ``corner``, else the point of the first ``front`` rule with a
        placed anchor (the open-floor search then starts there), else (None, None)."""
        name = self._name(item)
        target = None
        for rule in self.facts.category(item.category).near:
            anchors = [b for b in self.space.bodies if b.category in rule.of]
            if rule.slot == "corner":
                body = first_fit(
                    self.space, item.category, corner_poses(self.space, item.size[0], item.size[2], self.rng), item.size
                )
                if body is not None:
                    return self._add(item, body, f"{_a(name)} tucks into a corner"), None
            elif rule.slot == "coffee_sides" and anchors:
                noun = self.facts.category(anchors[0].category).noun
                got = self._attach(
                    item, rule.of, S.coffee_sides, f"{_a(name)} pulls up to the {noun} as extra seating", fallback=False
                )
                if got is not None:
                    return got, None
            elif rule.slot == "beside" and anchors:
                wider = (item.size[0] + 0.55, item.size[1], item.size[2])  # or a side table's width further out
                poses = [p for a in anchors for sz in (item.size, wider) for p, _ in S.beside(a, sz)]
                body = first_fit(self.space, item.category, poses, item.size, factors=((1.0, False),))
                if body is not None:
                    by = min(anchors, key=lambda a: a.poly.distance(body.poly))
                    return self._add(item, body, f"{_a(name)} stands beside the {self.facts.category(by.category).noun}"), None
            elif rule.slot == "front" and anchors and target is None:
                ax, az, ayaw = anchors[0].pose
                target = (ax + math.sin(ayaw) * rule.distance, az + math.cos(ayaw) * rule.distance)
        return None, target

    def _role_free(self, item: PlannedItem) -> Placement | None:
        got, target = self._near(item)
        if got is not None:
            return got
        target = target or self._free_centre()
        yaws = [0.0, math.pi / 2, math.pi, -math.pi / 2]
        for size in iter_sizes(item.size, item.min_size(), 2):
            body = first_fit(
                self.space, item.category, grid_poses(self.space, target, yaws, self.rng, limit=900), size, limit=3600
            )
            if body is not None:
                return self._add(item, body, f"{_a(self._name(item))} goes in the open floor where it blocks no path")
        return None

    def _role_corner(self, item: PlannedItem) -> Placement | None:
        got, _ = self._near(item)
        if got is not None:
            return got
        poses = corner_poses(self.space, item.size[0], item.size[2], self.rng)
        body = first_fit(self.space, item.category, poses, item.size)
        if body is None:
            body = first_fit(self.space, item.category, self._wall_pose_list(item.size, "corner"), item.size)
        if body is None:
            return self._role_free(item)
        return self._add(item, body, f"{_a(self._name(item))} fills a corner")

    def _role_floor_covering(self, item: PlannedItem) -> Placement | None:
        if item.category == "exercise_mat":
            return self._role_free(item)
        w, h, d = item.size
        targets: list[tuple[float, float, float, float, float]] = []  # x, z, yaw, w, d
        for b in self.space.bodies:
            x, z, yaw = b.pose
            bw, _, bd = b.size
            if b.category in BEDS:
                cx, cz = x + math.sin(yaw) * bd * 0.2, z + math.cos(yaw) * bd * 0.2
                targets.append((cx, cz, yaw, bw + 1.0, min(bd * 0.9, 2.4)))
            elif b.category == "coffee_table":
                targets.append((x, z, yaw, bw + 1.2, bd + 1.2))
            elif b.category in TABLES:
                targets.append((x, z, yaw, bw + 1.3, bd + 1.3))
            elif b.category == "desk":
                cx, cz = x + math.sin(yaw) * (bd / 2 + 0.5), z + math.cos(yaw) * (bd / 2 + 0.5)
                targets.append((cx, cz, yaw, bw + 0.4, 1.2))
        cx, cz = self._free_centre()  # (also when the anchors' rugs would cross a wall: a table by the wall)
        targets.append((cx, cz, 0.0, w, d))
        cat = self.facts.category(item.category)
        (wl, wh), _, (dl, dh) = cat.size_range
        for x, z, yaw, tw, td in targets:
            tw, td = min(max(tw, wl), wh), min(max(td, dl), dh)
            for k in range(8):
                s = 1.0 - 0.08 * k
                size = (max(round(tw * s, 2), wl), h, max(round(td * s, 2), dl))
                body = fit(self.space, item.category, Pose(x, z, yaw), size, rug=True)
                if body is not None:
                    return self._add(item, body, "a rug anchors the group and ties it together")
        return None

    def _role_ceiling(self, item: PlannedItem) -> Placement | None:
        """Hung from the ceiling (``CEILING_GAP`` below it, its bottom at least ``MIN_HANG`` up, shortened to fit):
        over the piece a relation of the brief names ("a chandelier hangs above the display table"), else over
        the largest centre piece (a dining table, an island), else over the free floor's centre; several lamps
        of a category spread evenly along the piece's width. Only tall pieces below it can collide."""
        cat = self.facts.category(item.category)
        top = self.space.ceiling - CEILING_GAP
        h = max(min(item.size[1], top - MIN_HANG), cat.size_range[1][0])
        size = (item.size[0], h, item.size[2])
        y = top - h
        named = [r.target for r in self.relations if r.subject == item.category and r.target]
        over = [b for c in named for b in self.space.of_category(c)]
        centre = [b for b in self.space.bodies if b.y0 < 0.05 and self.facts.category(b.category).role == "center"]
        over += sorted((b for b in centre if b not in over), key=lambda b: -b.size[0] * b.size[2])
        n = max(self.totals.get(item.category, 1), 1)
        poses = []
        for b in over:
            x, z, yaw = b.pose
            spots = [(k + 0.5) * b.size[0] / n - b.size[0] / 2 for k in range(n)] + [0.0, -b.size[0] / 4, b.size[0] / 4]
            poses += [Pose(*local_to_world(x, z, yaw, lx, 0.0), yaw, y) for lx in spots]
        poses += [Pose(p.x, p.z, p.yaw, y) for p in grid_poses(self.space, self._free_centre(), [0.0], self.rng, 0.2, 400)]
        body = first_fit(self.space, item.category, poses, size)
        if body is None:
            return None
        under = next((b for b in over if b.poly.intersects(body.poly)), None)
        where = f"over the {self.facts.category(under.category).noun}" if under is not None else "over the open floor"
        return self._add(item, body, f"{_a(self._name(item))} hangs from the ceiling {where}")
