"""solve.py: the arrangement requests of one turn, solved jointly by a depth-first search that backtracks.

The pieces an arrangement relation ties together (three easels in a row, two beds with a nightstand
between them, a sofa facing the TV stand) form one group. The search gives them poses one piece at
a time, the pieces others are placed relative to first. Each piece tries a few candidate bodies:
poses its relations suggest (:func:`relate.relation_poses`), or, for a piece no relation places,
its usual placement and then other wall and open-floor poses. The first complete assignment is the
greedy one; after it the search goes back to earlier pieces and their next candidates, cutting a
branch as soon as a relation whose pieces are all placed is broken, until every relation holds or
the budget of candidates is spent. The assignment placing the most pieces (then meeting the most
relations) is kept. Relations are judged by :func:`brief_check.bodies_hold`, the geometry the
narrator reports on. Frame: world XZ metres, yaw radians (0 faces +Z).
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from typing import TYPE_CHECKING

from scenerevis.policy.arrange import GENERIC, Relation
from scenerevis.policy.brief_check import bodies_hold
from scenerevis.policy.free_space import Body
from scenerevis.policy.groupings import row_length, self_stacked
from scenerevis.policy.plan import PlannedItem
from scenerevis.policy.poses import Pose, feasible, fit, grid_poses, iter_sizes
from scenerevis.policy.relate import exempt_for, next_row_poses, relation_poses
from scenerevis.scene.rooms import load_rooms

if TYPE_CHECKING:
    from scenerevis.policy.layout import Placement, Placer

#: Candidate bodies a piece tries; a piece no relation places (a root) tries more.
CANDIDATES = 4
ROOT_CANDIDATES = 8
#: Candidate bodies one group's search may try before it keeps the best assignment found.
BUDGET = 120
#: Two candidates closer than this (m, centre to centre) with the same yaw count as one.
DISTINCT = 0.25


def turn_relations(relations: list[Relation], items: list[PlannedItem]) -> list[Relation]:
    """The relations whose subject is among the pieces of this turn, and those "next to" one of them
    (a lamp placed next to the chair that stands already)."""
    cats = {i.category for i in items}
    return [r for r in relations if r.subject in cats or (r.kind == "next_to" and r.target in cats)]


def _key(category: str, text: str) -> tuple[str, str]:
    """A relation's piece: its category, and for an open-vocabulary piece its phrase ("" when any)."""
    return (category, text if category == GENERIC else "")


def group_order(items: list[PlannedItem], relations: list[Relation]) -> list[PlannedItem]:
    """The items of the relations' pieces, the pieces others are placed relative to first. Open-vocabulary
    pieces are told apart by their phrase: a recycling bin no relation names stays out of the group the
    cash register on the counter is in."""
    keys = {_key(r.subject, r.subject_text) for r in relations}
    keys |= {_key(r.target, r.target_text) for r in relations if r.target}
    keys |= {_key(r.target2, r.target2_text) for r in relations if r.target2}
    depth = dict.fromkeys(keys, 0)
    facts = load_rooms()
    sited = {_key(r.subject, r.subject_text) for r in relations if r.kind in ("corner", "middle") and not r.target}
    for _ in range(len(keys)):
        for r in relations:
            first, then = _key(r.target or "", r.target_text), _key(r.subject, r.subject_text)
            if not r.target or first == then:
                continue
            if r.kind in ("next_to", "around") and r.subject in facts.category(r.target).anchors:
                first, then = then, first  # "a table surrounded by chairs": the chairs' anchor goes first
            elif r.kind == "next_to" and then in sited and first not in sited:
                first, then = then, first  # "an armchair in the corner next to a floor lamp": the corner first
            depth[then] = max(depth[then], min(depth[first] + 1, len(keys)))
            if r.target2:  # "between the piano and the bar counter": both stand first
                depth[then] = max(depth[then], min(depth[_key(r.target2, r.target2_text)] + 1, len(keys)))

    def level(item: PlannedItem) -> int | None:
        got = [d for (cat, text), d in depth.items() if cat == item.category and (not text or text == item.phrase)]
        return max(got) if got else None

    group = [(level(i), i) for i in items]
    return [i for d, i in sorted((g for g in group if g[0] is not None), key=lambda g: g[0])]  # stable sort


def groups(items: list[PlannedItem], relations: list[Relation]) -> list[tuple[list[PlannedItem], list[Relation]]]:
    """The pieces the relations tie together, split into independent groups (connected by the relations'
    subjects and targets), each with its relations and in :func:`group_order`: a row of carrels and the
    bookcases along the walls are searched apart, so one's backtracking does not spend the other's budget."""
    keys = [(_key(r.subject, r.subject_text), _key(r.target, r.target_text) if r.target else None) for r in relations]
    parent: dict[tuple[str, str], tuple[str, str]] = {}

    def find(k: tuple[str, str]) -> tuple[str, str]:
        parent.setdefault(k, k)
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    def union(a: tuple[str, str], b: tuple[str, str]) -> None:
        parent[find(a)] = find(b)

    for (sub, tgt), r in zip(keys, relations, strict=True):
        find(sub)
        if tgt is not None:
            union(sub, tgt)
        if r.target2:
            union(sub, _key(r.target2, r.target2_text))
    own: dict[int, list[tuple[str, str]]] = {}
    for item in items:  # a piece two keys name ("any generic object" and its own phrase) joins their groups
        mine = [k for k in parent if k[0] == item.category and (not k[1] or k[1] == item.phrase)]
        for k in mine[1:]:
            union(mine[0], k)
        if mine:
            own[id(item)] = mine
    out: dict[tuple[str, str], tuple[list[PlannedItem], list[Relation]]] = {}
    for item in items:
        if id(item) in own:
            out.setdefault(find(own[id(item)][0]), ([], []))[0].append(item)
    for rel, (sub, _) in zip(relations, keys, strict=True):
        if find(sub) in out:
            out[find(sub)][1].append(rel)
    return [(group_order(its, rels), rels) for its, rels in out.values() if rels]


class GroupSearch:
    """One group's search over a :class:`Placer` (its space is edited in place and left holding the
    kept assignment). ``run`` returns the kept placements."""

    def __init__(self, placer: Placer, items: list[PlannedItem], relations: list[Relation], budget: int | None = None):
        self.placer = placer
        self.space = placer.space
        self.items = items
        self.relations = relations
        self.budget = BUDGET if budget is None else budget
        self.tries = 0
        self.best: tuple[tuple[int, int], list[tuple[PlannedItem, Body, str]]] | None = None
        self.stack: list[Placement] = []

    # ------------------------------------------------------------------ search
    def run(self) -> list[Placement]:
        self._dfs(0)
        if self.best is None:
            return []
        return [self.placer._add(item, body, note) for item, body, note in self.best[1]]

    def solved(self) -> bool:
        return self.best is not None and self.best[0] == (len(self.items), len(self.relations))

    def _dfs(self, k: int) -> bool:
        if k == len(self.items):
            self._leaf()
            return self.solved()
        if self.best is not None and self._broken():
            return False
        item = self.items[k]
        tried = 0
        for body, note in self._candidates(item):
            if self.tries >= self.budget and self.best is not None:
                return False
            self.tries += 1
            tried += 1
            placed = self.placer._add(item, body, note)
            self.stack.append(placed)
            found = self._dfs(k + 1)
            self.stack.pop()
            self.placer.unplace(placed)
            if found:
                return True
        if not tried:  # it fits nowhere with what stands now: go on without it
            return self._dfs(k + 1)
        return False

    def _leaf(self) -> None:
        met = sum(self._holds(r) for r in self.relations)
        score = (len(self.stack), met)  # every requested piece first, then its arrangement
        if self.best is None or score > self.best[0]:
            self.best = (score, [(p.item, p.body, p.note) for p in self.stack])

    def _faced(self, own: list[Relation]) -> list[Body]:
        """The placed bodies a piece's ``facing`` relations name (none when it faces nothing)."""
        return [b for r in own if r.kind == "facing" and r.target for b in self._bodies(r.target, r.target_text)]

    def _phrase_of(self, body: Body) -> str:
        """The phrase the placed ``body`` was planned for ("" when none)."""
        placed = self.placer._placed.get(body.id)
        return placed.item.phrase if placed is not None else ""

    def _bodies(self, category: str, phrase: str = "") -> list[Body]:
        """The placed bodies of ``category`` (of generic objects, those planned for ``phrase`` when given)."""
        bodies = self.space.of_category(category)
        if not phrase:
            return bodies
        placed = self.placer._placed
        return [b for b in bodies if b.id in placed and placed[b.id].item.phrase == phrase]

    def _holds(self, rel: Relation) -> bool:
        groups = [self._bodies(rel.subject, rel.subject_text)]
        if rel.kind == "between":
            groups += [self._bodies(cat or "", text) for cat, text in rel.sides()]
        elif rel.target or rel.kind not in ("against_wall", "middle", "corner", "in_row"):
            groups.append(self._bodies(rel.target or rel.subject, rel.target_text if rel.target else rel.subject_text))
        return bodies_hold(self.space.room, rel.kind, groups)

    def _broken(self) -> bool:
        """A relation whose pieces of this group are all placed does not hold (the branch cannot meet all)."""
        left = {i.category for i in self.items[len(self.stack) :]}
        return any(
            r.subject not in left and (r.target or r.subject) not in left and r.target2 not in left and not self._holds(r)
            for r in self.relations
        )

    # ------------------------------------------------------------------ candidates
    def _candidates(self, item: PlannedItem) -> Iterator[tuple[Body, str]]:
        """Candidate bodies of ``item``, made lazily: the greedy first one costs what a plain placement
        does, the others are only searched for when the search comes back to this piece. The space
        must be as it was at the first ``next`` whenever the generator is resumed."""
        placer, cat = self.placer, item.category
        name = placer._name(item)
        seen: list[Body] = []

        def new(body: Body) -> bool:
            if any(_same(body, b) for b in seen):
                return False
            seen.append(body)
            return True

        poses: list[Pose] = []
        own = placer._relations_of(cat, item.phrase)
        if not self._bodies(cat, item.phrase):
            # the first of a pair the brief puts against a wall or in a corner starts there (the pair's own start
            # poses are off the room's middle); the first of a row or pair by another piece starts by it ("six
            # stools in a row along the counter")
            pair = any(r.kind == "side_by_side" for r in own)
            row = any(r.kind in ("in_row", "side_by_side") and not r.target for r in own)
            own = sorted(
                own,
                key=lambda r: not ((pair and r.kind in ("against_wall", "corner")) or (row and r.kind == "next_to" and r.target)),
            )
        else:  # a pile of its own kind grows before a new piece starts on the floor ("crates stacked in a row")
            own = sorted(own, key=lambda r: not self_stacked(r))
        rows = next((r.kind for r in own if r.kind in ("back_to_back", "opposite") and r.subject == cat), "")
        # how many pieces of this kind: of an open-vocabulary piece, those planned for its phrase
        count = placer.totals.get(cat, 1) if cat != GENERIC else sum(1 for i in self.items if i.phrase == item.phrase) or 1
        # the keep-out zones of every piece the brief puts this one by ("six sacks in a row in front of the
        # counter": the row stands in the counter's front zone)
        exempt = set().union(*(exempt_for(self.space, r) for r in own))
        spread = self._spread(cat)
        for rel in own:
            by_pose = rel.kind in ("between", "next_to", "on_top", "side_by_side")  # their poses are ranked: best first
            # (so are those of "in two rows": the open row grows, at relaxed clearances too, before the next starts)
            by_pose = by_pose or (rel.kind == "in_row" and row_length(rel.text, count) > 0)
            # (and a site's poses that keep room for a piece between two: relate's ``apart`` poses come first)
            by_pose = by_pose or (spread > 0 and rel.kind in ("middle", "against_wall", "corner"))
            note = f"the {name} goes {rel.text} as asked"
            for size in iter_sizes(item.size, item.min_size(), 2):
                poses = relation_poses(self.space, rel, cat, size, placer.rng, count, spread, self._phrase_of, rows)
                if not poses and rel.kind == "on_top":
                    continue  # a host too narrow for it may carry it a size smaller ("a television on a cabinet")
                if not poses:
                    break
                peers = self._bodies(cat, item.phrase) if rel.kind == "in_row" else []
                # "on the wall opposite the bed"; "facing the stage are four rows of chairs": the row's first piece
                first_of_row = rel.kind == "in_row" and not peers
                if (rel.kind == "against_wall" or first_of_row) and (faced := self._faced(own)):
                    poses, by_pose = _facing_first(poses, faced), True
                # a row keeps its last candidate for starting the next row: of six pieces, the fifth may start a
                # second row the sixth joins (a row of one is no row)
                row2 = next_row_poses(peers, size[2], rows) if len(peers) >= 2 else []
                room = CANDIDATES - 1 if len(row2) else CANDIDATES
                for body in self._fits(
                    cat, poses, size, exempt, by_pose, clip=rel.kind in ("corner", "against_wall", "in_row", "side_by_side")
                ):
                    if new(body):
                        yield body, note
                        if len(seen) >= room:
                            break
                for body in self._fits(cat, row2, size, set()) if len(seen) < CANDIDATES else ():
                    if new(body):
                        yield body, note
                        return
                if len(seen) >= room:
                    return
            if seen:
                return
            if poses and self.best is not None:
                return  # after the greedy pass, a piece its relation cannot place sends the search back
        usual = placer.place_by_role(item)
        turned: list[Pose] = []
        size = item.size
        if usual is not None:
            size = usual.body.size  # the role may have shrunk it to fit: the alternatives try that size
            placer.unplace(usual)
            new(usual.body)
            yield usual.body, usual.note
            if placer.facts.category(cat).role == "on_surface":
                return  # it stands on its host or nowhere: no floor alternatives
            x, z, yaw = usual.body.pose  # the same spot turned a quarter: a row then runs the other way
            turned = [Pose(x, z, yaw + math.pi / 2), Pose(x, z, yaw - math.pi / 2)]
        walls = placer._wall_pose_list(size, placer.facts.category(cat).wall)[:600]
        floor = grid_poses(
            self.space, placer._free_centre(), [0.0, math.pi / 2, math.pi, -math.pi / 2], placer.rng, step=0.25, limit=300
        )
        alternatives = turned + [p for pair in zip(walls[::4], floor[::2], strict=False) for p in pair]
        for body in self._fits(cat, alternatives, size, set()):
            if new(body):
                yield body, f"the {name} stands where its arrangement works"
                if len(seen) >= ROOT_CANDIDATES:
                    return

    def _spread(self, cat: str) -> float:
        """The gap (m) to leave between ``cat`` pieces side by side: room for what stands between them
        (a "between" request, or companions flanking each piece such as nightstands), else 0."""
        placer = self.placer
        between = [r.subject for r in self.relations if r.kind == "between" and r.target == cat]
        flank = [
            c
            for c, n in placer.totals.items()
            if n and placer.facts.category(c).role == "bed_side" and cat in placer.facts.category(c).anchors
        ]
        widths = [placer.sizes.get(c, placer.facts.category(c).size)[0] for c in between + flank]
        return max(widths) + 0.14 if widths else 0.0

    def _fits(
        self, cat: str, poses: list[Pose], size, exempt: set[str], by_pose: bool = False, clip: bool = False
    ) -> Iterator[Body]:
        """Bodies of ``poses`` that fit: every pose with full clearances before any with relaxed ones, or
        with ``by_pose`` pose by pose; ``clip`` cuts keep-out zones at the walls (see :func:`fit`)."""
        rug = load_rooms().category(cat).role == "floor_covering"  # a rug lies under the furniture
        poses = feasible(self.space, poses[:1600], size, exempt, rug=rug)
        tiers = ((1.0, True), (0.75, False))
        order = [(p, t) for p in poses for t in tiers] if by_pose else [(p, t) for t in tiers for p in poses]
        for pose, (factor, strict) in order:
            body = fit(self.space, cat, pose, size, exempt=exempt, factor=factor, strict=strict, clip=clip, rug=rug)
            if body is not None:
                yield body


def _facing_first(poses: list[Pose], faced: list[Body]) -> list[Pose]:
    """``poses`` sorted best first for facing a ``faced`` body: the pose's front (+Z turned by yaw) points at the
    body and the pose lies in front of the body (a TV opposite a bed is at its foot, not at its side)."""

    def aim(p: Pose) -> float:
        fx, fz = math.sin(p.yaw), math.cos(p.yaw)
        best = -2.0
        for b in faced:
            dx, dz = b.pose[0] - p.x, b.pose[1] - p.z
            n = math.hypot(dx, dz) or 1.0
            bx, bz = math.sin(b.pose[2]), math.cos(b.pose[2])
            best = max(best, (fx * dx + fz * dz) / n - (bx * dx + bz * dz) / n)
        return -best

    return sorted(poses, key=aim)


def _same(a: Body, b: Body) -> bool:
    (ax, az, ayaw), (bx, bz, byaw) = a.pose, b.pose
    return math.hypot(ax - bx, az - bz) < DISTINCT and abs(math.remainder(ayaw - byaw, 2 * math.pi)) < 0.1
