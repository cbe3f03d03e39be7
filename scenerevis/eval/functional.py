"""functional.py: functional metrics of a scene without a VLM (navigability, accessibility, passages, support, essentials).

Definitions (DESIGN.md section 6, "Functional metrics"; units metres, m^2, shares in [0, 1]):
- the floor is a grid of ``cell`` metres; objects block the cells under their oriented box's floor
  projection, except rugs/mats and objects hung at or above ``overhead_clearance``
  (:mod:`scenerevis.eval.floorgrid`);
- **navigability**: the free floor eroded by the agent radius (cells whose clearance >= radius), and
  the share of it in its largest 8-connected component (the *main* component);
- **passage_navigability**: the same with radius ``min_walkway_width / 2`` (passages narrower than a
  walkway, 0.6 m per ROOMS.md, count as closed);
- **min_passage_width**: the narrowest passage joining two regions of the main component
  (:func:`scenerevis.eval.navigation.narrowest_passage`), None for one open area; a passage is a
  walkway when at least ``min_walkway_width`` wide;
- **accessibility**: share of judged objects (floor coverings and access side "none" excluded) with a
  reachable access face: a strip ``front_depth`` deep along one of the faces its category lists in
  ``scenerevis/data/access_sides.json`` (front / back / sides / any; :mod:`scenerevis.eval.access`)
  has a cell in the main component. Treadmills are reached from the back, bikes from the back or
  sides; unknown categories use ``any_side_words`` (any side) or the front. An object standing on
  another (a monitor on a desk, a lamp on a nightstand) is judged by its host (the host's host...).
  ``access_sides=False`` restores the older rule: the front, or any side for ``any_side_words``;
- **support_rate**: share of non-exempt objects on the floor or on another object
  (:mod:`scenerevis.eval.support`);
- **essentials_coverage** per room type (:mod:`scenerevis.eval.essentials`), and object counts.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from typing import Any

import numpy as np

from scenerevis.eval import floorgrid as fg
from scenerevis.eval.access import access_faces
from scenerevis.eval.essentials import essentials_coverage
from scenerevis.eval.navigation import clearance_map, narrowest_passage, reachable, walkable_area
from scenerevis.eval.support import EXEMPT_PATTERNS, support_detail
from scenerevis.physics.geometry import is_floor_covering
from scenerevis.scene.model import Scene


@dataclass
class FunctionalConfig:
    """Options of the functional metrics. Units: metres, m^2."""

    cell: float = 0.05  # floor grid cell edge (m); widths are resolved to one cell
    agent_radius: float = 0.2  # walking agent's radius (m): it passes gaps >= 2 * agent_radius
    min_walkway_width: float = 0.6  # narrowest gap that counts as a walkway (m; ROOMS.md: below 0.6 m is no passage)
    overhead_clearance: float = 1.5  # objects whose bottom is at or above this height (m) do not block walking
    front_depth: float = 0.6  # depth of the strip in front of an object that must be reachable (m)
    # description words of objects without a working front, reachable from any side (seats pulled up to
    # tables, tables, lamps, plants); each matches at the start of a word ("tables" too, "armchair" only itself)
    any_side_words: tuple[str, ...] = ("chair", "armchair", "stool", "ottoman", "pouf", "bench", "table", "lamp", "plant")
    access_sides: bool = True  # per-category access faces (access_sides.json) and host rule; False: front / any_side_words only
    min_region_area: float = 0.25  # agent-centre area (m^2) a region needs to count as joined by a passage
    support_tolerance: float = 0.03  # bottom-to-floor / bottom-to-top gap still counted as contact (m)
    min_support_share: float = 0.5  # share of an object's footprint its supporting tops must cover
    exempt_patterns: tuple[str, ...] = EXEMPT_PATTERNS  # regexes of wall/ceiling-hung descriptions (support-exempt)

    def __post_init__(self) -> None:
        for name in ("cell", "front_depth", "min_walkway_width"):
            if getattr(self, name) <= 0:
                raise ValueError(f"{name} must be > 0, got {getattr(self, name)}")
        for name in ("agent_radius", "support_tolerance", "min_region_area"):
            if getattr(self, name) < 0:
                raise ValueError(f"{name} must be >= 0, got {getattr(self, name)}")
        if not 0 < self.min_support_share <= 1:
            raise ValueError(f"min_support_share must be in (0, 1], got {self.min_support_share}")
        if self.overhead_clearance <= 0:
            raise ValueError(f"overhead_clearance must be > 0, got {self.overhead_clearance}")


@dataclass
class FunctionalReport:
    """Functional metrics of one scene (see the module docstring); shares in [0, 1], areas in m^2."""

    room_type: str
    room_type_key: str | None  # rooms.json room type, None when unknown
    num_objects: int
    num_blocking_objects: int
    floor_area: float  # floor polygon area (m^2)
    free_area: float  # grid area of floor cells not under blocking objects (m^2)
    walkable_area: float  # free area eroded by the agent radius (m^2 of agent-centre cells)
    navigability: float
    num_walkable_components: int
    passage_navigability: float
    min_passage_width: float | None
    narrow_passage: bool  # min_passage_width exists and is below min_walkway_width
    accessibility: float | None  # None when the scene has no object to reach
    inaccessible_objects: list[str] = field(default_factory=list)
    support_rate: float | None = None  # None when every object is exempt (or there are none)
    floating_objects: list[str] = field(default_factory=list)
    below_floor_objects: list[str] = field(default_factory=list)
    support: dict[str, str] = field(default_factory=dict)  # object id -> floor / on_object / exempt / floating / below_floor
    essentials_coverage: float | None = None
    missing_essentials: list[list[str]] = field(default_factory=list)
    categories: dict[str, str | None] = field(default_factory=dict)  # object id -> recognised category

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _faces(obj, category: str | None, seat: re.Pattern | None, per_category: bool) -> tuple[str, ...]:
    """The faces of ``obj`` of which one must be reachable (see the module docstring)."""
    if per_category:
        return access_faces(category, obj.desc, seat)
    if seat is not None and seat.search(obj.desc or ""):
        return ("front", "back", "left", "right")
    return ("front",)


def _judge(i: int, status: list[str], hosts: list[int | None]) -> int:
    """The object that decides ``i``'s accessibility: its host's host ... (``i`` itself when on the floor)."""
    seen = {i}
    while status[i] == "on_object" and hosts[i] is not None and hosts[i] not in seen:
        i = hosts[i]
        seen.add(i)
    return i


def evaluate_functional(scene: Scene, config: FunctionalConfig | None = None) -> FunctionalReport:
    """All functional metrics of ``scene`` (metres, world frame; see the module docstring)."""
    cfg = config or FunctionalConfig()
    grid = fg.make_grid(scene, cfg.cell)
    room = fg.room_mask(grid, scene)
    objs = scene.objects
    blocking = [fg.blocks_walking(o, cfg.overhead_clearance) for o in objs]
    occupied = np.zeros(grid.shape, dtype=bool)
    for o, b in zip(objs, blocking):
        if b:
            occupied |= grid.rasterize_convex(fg.footprint_xz(o))
    free = room & ~occupied
    clearance = clearance_map(free, cfg.cell)
    agent = walkable_area(clearance, cfg.agent_radius)
    passage = walkable_area(clearance, cfg.min_walkway_width / 2.0)
    width = narrowest_passage(clearance, agent.main, cfg.cell, cfg.agent_radius, cfg.min_region_area)

    seat = (
        re.compile(r"\b(?:" + "|".join(re.escape(w) for w in cfg.any_side_words) + r")", re.IGNORECASE)
        if cfg.any_side_words
        else None
    )
    status, hosts = support_detail(scene, cfg.support_tolerance, cfg.min_support_share, cfg.exempt_patterns)
    ess = essentials_coverage(scene)
    faces = [_faces(o, c, seat, cfg.access_sides) for o, c in zip(objs, ess.categories)]
    reach: dict[int, bool] = {}
    inaccessible, judged_objects = [], 0
    for i, o in enumerate(objs):
        if is_floor_covering(o):
            continue
        j = _judge(i, status, hosts) if cfg.access_sides else i
        if not faces[j]:
            continue  # nothing to reach ("none")
        judged_objects += 1
        if j not in reach:
            region = np.zeros(grid.shape, dtype=bool)
            for face in faces[j]:
                region |= grid.rasterize_convex(fg.side_strip_xz(objs[j], face, cfg.front_depth))
            reach[j] = reachable(region, agent.main)
        if not reach[j]:
            inaccessible.append(o.id)

    judged = [s for s in status if s != "exempt"]
    ok = sum(s in ("floor", "on_object") for s in judged)
    cell_area = cfg.cell**2
    return FunctionalReport(
        room_type=scene.room_type,
        room_type_key=ess.room_type,
        num_objects=len(objs),
        num_blocking_objects=int(sum(blocking)),
        floor_area=round(scene.floor_area, 6),
        free_area=round(float(free.sum()) * cell_area, 6),
        walkable_area=round(float(agent.walkable.sum()) * cell_area, 6),
        navigability=round(agent.share, 6),
        num_walkable_components=agent.num_components,
        passage_navigability=round(passage.share, 6),
        min_passage_width=width,
        narrow_passage=width is not None and width < cfg.min_walkway_width - 1e-9,
        accessibility=round(1.0 - len(inaccessible) / judged_objects, 6) if judged_objects else None,
        inaccessible_objects=inaccessible,
        support_rate=round(ok / len(judged), 6) if judged else None,
        floating_objects=[o.id for o, s in zip(objs, status) if s == "floating"],
        below_floor_objects=[o.id for o, s in zip(objs, status) if s == "below_floor"],
        support={o.id: s for o, s in zip(objs, status)},
        essentials_coverage=None if ess.coverage is None else round(ess.coverage, 6),
        missing_essentials=ess.missing,
        categories={o.id: c for o, c in zip(objs, ess.categories)},
    )


#: Per-scene numbers averaged in the folder summary (None values are left out of a mean).
SUMMARY_KEYS = (
    "navigability",
    "passage_navigability",
    "min_passage_width",
    "accessibility",
    "support_rate",
    "essentials_coverage",
    "num_objects",
)


def summarize(scenes: dict[str, dict]) -> dict[str, Any]:
    """Means over the evaluated scenes of :data:`SUMMARY_KEYS`, object totals and rates of problems."""
    rows = list(scenes.values())
    out: dict[str, Any] = {}
    for key in SUMMARY_KEYS:
        vals = [r[key] for r in rows if r.get(key) is not None]
        name = "mean_num_objects" if key == "num_objects" else key
        out[name] = float(np.mean(vals)) if vals else None
        if key in ("min_passage_width", "essentials_coverage"):
            out[f"num_scenes_with_{key}"] = len(vals)
    out["narrow_passage_scene_ratio"] = float(np.mean([r["narrow_passage"] for r in rows])) if rows else None
    out["total_objects"] = int(sum(r["num_objects"] for r in rows))
    out["total_inaccessible_objects"] = int(sum(len(r["inaccessible_objects"]) for r in rows))
    out["total_floating_objects"] = int(sum(len(r["floating_objects"]) for r in rows))
    out["total_below_floor_objects"] = int(sum(len(r["below_floor_objects"]) for r in rows))
    return out
