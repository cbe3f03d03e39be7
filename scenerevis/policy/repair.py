"""repair.py: fix colliding and out-of-bounds objects with move/rotate/scale calls, removing only as a last resort.

Input is the current scene and its physics report (boxes of each object's ``size``, DESIGN.md
section 6). For each colliding pair the less important piece moves; out-of-bounds pieces come back
inside. The new pose is the nearest free one (same yaw first, then turned, then against a wall),
then the same with the piece shrunk within its category's size range. Units: metres, radians.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field

import numpy as np

from scenerevis.physics.evaluate import PhysicsReport
from scenerevis.policy.free_space import Space
from scenerevis.policy.occupancy import categorize, object_pose, space_from_scene
from scenerevis.policy.poses import Pose, feasible, fit, iter_sizes, wall_poses
from scenerevis.scene.model import Scene, SceneObject
from scenerevis.scene.rooms import load_rooms
from scenerevis.scene.rotation import yaw_to_quat

_WALL_ROLES = {"bed", "wall", "wall_long", "corner_wall", "tv_wall", "desk", "cardio", "sofa"}
#: Companion roles may stand inside their anchors' keep-out zones (a nightstand beside the bed).
_ANCHORS = {
    "bed_side": ("double_bed", "king_bed", "single_bed", "bunk_bed"),
    "bed_foot": ("double_bed", "king_bed", "single_bed", "bunk_bed"),
    "desk_front": ("desk", "vanity"),
    "around_table": ("dining_table", "small_table"),
    "sofa_front": ("sofa", "sectional", "loveseat"),
    "counter_front": ("bar_counter", "kitchen_island", "kitchen_counter"),
    "on_surface": (),
}


@dataclass
class RepairResult:
    """Tool calls (dicts with ``name`` and ``arguments``) and one note per repaired object."""

    calls: list[dict] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)


def _priority(category: str | None) -> int:
    if category is None:
        return 5
    cat = load_rooms().categories.get(category)
    return cat.priority if cat else 5


def choose_movers(scene: Scene, report: PhysicsReport, categories: dict[str, str | None]) -> list[str]:
    """Ids to relocate: out-of-bounds objects, then the less important piece of each colliding pair."""
    by_id = {o.id: o for o in scene.objects}
    movers: list[str] = [i for i in report.oob_objects if i in by_id]
    for pair in report.collision_pairs:
        a, b = pair["a"], pair["b"]
        if a in movers or b in movers:
            continue
        oa, ob = by_id[a], by_id[b]
        ka = (_priority(categories.get(a)), oa.size[0] * oa.size[2])
        kb = (_priority(categories.get(b)), ob.size[0] * ob.size[2])
        movers.append(a if ka < kb else b)
    return movers


def _nearest_poses(
    space: Space, x: float, z: float, yaws: list[float], step: float = 0.05, radius: float | None = None
) -> list[Pose]:
    minx, minz, maxx, maxz = space.room.bounds
    xs = np.arange(minx, maxx + 1e-9, step)
    zs = np.arange(minz, maxz + 1e-9, step)
    gx, gz = np.meshgrid(xs, zs, indexing="ij")
    pts = np.column_stack([gx.ravel(), gz.ravel()])
    dist = np.hypot(pts[:, 0] - x, pts[:, 1] - z)
    order = np.argsort(dist, kind="stable")
    if radius is not None:
        order = order[dist[order] <= radius]
    return [Pose(float(pts[i, 0]), float(pts[i, 1]), yaw) for yaw in yaws for i in order[:4000]]


def relocate(
    space: Space, obj: SceneObject, category: str | None, rng: random.Random
) -> tuple[Pose, tuple[float, float, float]] | None:
    """Nearest valid (pose, size) for ``obj`` in ``space`` (which must not contain ``obj``), or None."""
    x, z, yaw = object_pose(obj)
    y0 = float(obj.pos[1])
    w, h, d = (float(v) for v in obj.size)
    h = min(h, space.ceiling - y0 - 0.02)
    cat = load_rooms().categories.get(category) if category else None
    min_size = cat.min_size if cat else (w * 0.7, h, d * 0.7)
    rug = bool(cat and cat.is_floor_covering) or (h <= 0.03 and y0 <= 0.01)
    snapped = round(yaw / (math.pi / 2)) * (math.pi / 2)
    turned = [snapped + k * math.pi / 2 for k in (1, 2, 3)]
    cname = category or "object"
    anchors = _ANCHORS.get(cat.role, ()) if cat else ()
    exempt = {b.id for b in space.bodies if b.category in anchors}
    for size in iter_sizes((w, h, d), min_size, 3):
        same = feasible(space, [Pose(p.x, p.z, yaw, y0) for p in _nearest_poses(space, x, z, [0.0])], size, exempt, rug=rug)
        for factor in (0.5, 0.0):
            for pose in same:
                if fit(space, cname, pose, size, exempt=exempt, factor=factor, rug=rug) is not None:
                    return pose, size
        if cat is not None and cat.role in _WALL_ROLES and y0 < 0.05:
            for pose in feasible(space, wall_poses(space, size[0], size[2], rng, prefer="any"), size):
                if fit(space, cname, pose, size, factor=0.5) is not None:
                    return pose, size
        if y0 < 0.05:
            for pose in feasible(
                space, [Pose(p.x, p.z, p.yaw, y0) for p in _nearest_poses(space, x, z, turned)], size, exempt, rug=rug
            ):
                if fit(space, cname, pose, size, exempt=exempt, factor=0.0, rug=rug) is not None:
                    return pose, size
    return None


def _r(v: float, nd: int = 3) -> float:
    return round(float(v), nd) + 0.0


def plan_repairs(scene: Scene, report: PhysicsReport, room_type: str = "", seed: int = 0) -> RepairResult:
    """Move/rotate/scale (or, last resort, remove) calls that clear every collision and out-of-bounds object."""
    cats = categorize(scene, room_type)
    space = space_from_scene(scene, room_type, cats)
    rng = random.Random(f"repair:{seed}")
    by_id = {o.id: o for o in scene.objects}
    out = RepairResult()
    movers = choose_movers(scene, report, cats)
    for oid in movers:
        space.remove(oid)
    for oid in movers:
        obj = by_id[oid]
        found = relocate(space, obj, cats.get(oid), rng)
        if found is None:
            out.calls.append({"name": "remove_object", "arguments": {"jid": oid}})
            out.notes.append(f"{oid} cannot fit anywhere without overlapping, so it is removed")
            out.removed.append(oid)
            continue
        pose, size = found
        x, z, yaw = object_pose(obj)
        changed = []
        if any(abs(a - b) > 1e-6 for a, b in zip(size, obj.size)):
            out.calls.append({"name": "scale_object", "arguments": {"jid": oid, "new_size": [_r(v) for v in size]}})
            changed.append("shrunk to " + " x ".join(f"{v:.2f}" for v in size) + " m")
        if abs(math.remainder(pose.yaw - yaw, 2 * math.pi)) > 1e-6:
            out.calls.append(
                {"name": "rotate_object", "arguments": {"jid": oid, "new_rotation": [_r(v, 6) for v in yaw_to_quat(pose.yaw)]}}
            )
            changed.append("turned")
        moved = math.hypot(pose.x - x, pose.z - z)
        if moved > 1e-4:
            out.calls.append(
                {"name": "move_object", "arguments": {"jid": oid, "new_position": [_r(pose.x), _r(pose.y), _r(pose.z)]}}
            )
            changed.append(f"moved {moved:.2f} m")
        why = (
            "was outside the room"
            if oid in report.oob_objects
            else "overlapped " + ", ".join(report.objects[oid].collides_with[:2] or ["a neighbour"])
        )
        out.notes.append(f"{oid} {why}: " + ", ".join(changed))
        body = fit(space, cats.get(oid) or "object", pose, size, factor=0.0, rug=size[1] <= 0.03)
        if body is not None:
            body.id = oid
            space.add(body)
    return out
