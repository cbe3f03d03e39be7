"""occupancy.py: build the floor plan (:class:`Space`) of an existing scene, with each object's category and keep-out zone.

Objects are matched by instance id; their category comes from their description (``vocab``), so
scenes the policy did not make (given initial scenes, user edits) are handled the same way.
"""

from __future__ import annotations

import math

from shapely.geometry.base import BaseGeometry

from scenerevis.physics import is_floor_covering
from scenerevis.policy.free_space import (
    Body,
    Space,
    front_zone,
    local_to_world,
    rect,
    room_space,
)
from scenerevis.policy.vocab import classify_description
from scenerevis.scene.model import Scene, SceneObject
from scenerevis.scene.rooms import load_rooms
from scenerevis.scene.rotation import quat_to_yaw

#: A bed narrower than this (m) sleeps one and needs bedside floor on one long side only: it may stand with
#: the other side against a wall (a single bed in a corner, a row of bunks in a hostel).
ONE_SIDED_BED = 1.3


def one_sided(category: str | None, width: float) -> bool:
    """Whether a piece of ``category`` and ``width`` (m) needs its side clearance on one side only."""
    cat = load_rooms().categories.get(category) if category else None
    return cat is not None and cat.role == "bed" and width < ONE_SIDED_BED


def keepout_for(
    category: str | None, x: float, z: float, yaw: float, w: float, d: float, factor: float = 1.0
) -> BaseGeometry | None:
    """Keep-out zone (XZ polygon) of an object of ``category`` at pose (x, z, yaw) with footprint ``w`` x ``d``.

    ``factor`` scales every clearance of ``rooms.json`` (1 = full clearance, 0 = none).
    """
    if category is None or factor <= 0:
        return None
    cat = load_rooms().categories.get(category)
    if cat is None or not cat.clearance:
        return None
    cl = {k: v * factor for k, v in cat.clearance.items()}
    if "around" in cl:
        body = rect(x, z, yaw, w, d)
        return body.buffer(cl["around"], join_style="mitre").difference(body)
    front = 0.0 if cat.role == "cardio" else cl.get("front", 0.0)
    zone = front_zone(x, z, yaw, w, d, front, cl.get("side", 0.0))
    if cl.get("back", 0.0) > 0:
        bx, bz = local_to_world(x, z, yaw, 0.0, -(d / 2 + cl["back"] / 2))
        back = rect(bx, bz, yaw, w, cl["back"])
        zone = back if zone is None else zone.union(back)
    return zone


def object_pose(obj: SceneObject) -> tuple[float, float, float]:
    """(x, z, yaw) of an object: its footprint centre in XZ (metres) and yaw (radians)."""
    return float(obj.pos[0]), float(obj.pos[2]), float(quat_to_yaw(obj.rot))


def body_from_object(obj: SceneObject, category: str | None, with_keepout: bool = True, clearance: float = 1.0) -> Body:
    """The floor-plan body of a scene object (its rotated ``size`` footprint and height range; ``clearance``
    scales its keep-out zone)."""
    x, z, yaw = object_pose(obj)
    w, h, d = (float(v) for v in obj.size)
    y0 = float(obj.pos[1])
    keep = keepout_for(category, x, z, yaw, w, d, clearance) if with_keepout and y0 < 0.3 else None
    return Body(obj.id, category, rect(x, z, yaw, w, d), y0, y0 + h, keep, is_floor_covering(obj), (x, z, yaw), (w, h, d))


def categorize(scene: Scene, room_type: str = "") -> dict[str, str | None]:
    """Instance id -> category (None when the description names no known category)."""
    rt = room_type or scene.room_type
    return {o.id: classify_description(o.desc, rt) for o in scene.objects}


def space_from_scene(
    scene: Scene, room_type: str = "", categories: dict[str, str | None] | None = None, clearance: float = 1.0
) -> Space:
    """A :class:`Space` holding every object of ``scene`` as a body (``clearance``: see :class:`Space`)."""
    cats = categories if categories is not None else categorize(scene, room_type)
    space = room_space(scene.floor_xz, scene.ceiling_y - scene.floor_y, clearance)
    for o in scene.objects:
        space.add(body_from_object(o, cats.get(o.id), clearance=clearance))
    return space


def snap_yaw(yaw: float) -> float:
    """``yaw`` rounded to a multiple of 90 degrees (radians)."""
    return round(yaw / (math.pi / 2)) * (math.pi / 2)
