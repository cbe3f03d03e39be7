"""support.py: whether each object stands on the floor, on another object's top, or floats.

Frame: metres, Y up, floor at ``scene.floor_y`` (0). An object's bottom and top are the min / max y of
its oriented box; its footprint is the convex hull of the box corners projected on XZ.

Rule (documented for the functional metrics):
- ``floor``: bottom within ``tolerance`` of the floor;
- ``below_floor``: bottom more than ``tolerance`` under the floor (sunk, an error);
- ``on_object``: the footprints of the objects whose top lies within ``tolerance`` of this object's
  bottom cover at least ``min_share`` of its footprint area (a lamp on a nightstand, a TV on a stand,
  a TV spanning two cabinets);
- ``exempt``: otherwise unsupported but its description names something hung on a wall or from the
  ceiling (``EXEMPT_PATTERNS``: mirror, wall shelf, wall-mounted TV, pendant/ceiling lamp, ...);
- ``floating``: anything else (a lamp 30 cm above the floor with nothing under it).
Support is checked one level deep: a lamp on a floating table is ``on_object``, the table ``floating``.
"""

from __future__ import annotations

import re

import numpy as np

from scenerevis._optional import require
from scenerevis.physics.geometry import oriented_corners
from scenerevis.scene.model import Scene, SceneObject

#: Description phrases (regex, case-insensitive, whole words) of objects hung on a wall or from the ceiling.
EXEMPT_PATTERNS: tuple[str, ...] = (
    r"wall[\s-]*(?:mounted|hung|hanging)",
    r"mounted",
    r"hanging",
    r"suspended",
    r"on\s+(?:the\s+|a\s+)?wall",
    r"wall\s+(?:lamp|light|shel(?:f|ves)|cabinet|clock|art|decor|panel|sconce|unit|rack|hook|tv|television|mirror)s?",
    r"floating\s+(?:shel(?:f|ves)|cabinet|desk|nightstand|vanity|unit)s?",
    r"pendant",
    r"ceiling",
    r"chandelier",
    r"sconce",
    r"mirror",
    r"painting",
    r"artwork",
    r"wall\s+art",
    r"picture(?:\s+frame)?",
    r"poster",
    r"curtains?",
    r"blinds",
    r"air\s+conditioner",
    r"range\s+hood",
)

STATUSES = ("floor", "on_object", "exempt", "floating", "below_floor")


def exempt_regex(patterns: tuple[str, ...] = EXEMPT_PATTERNS) -> re.Pattern:
    """One compiled case-insensitive regex matching any of ``patterns`` as whole words."""
    return re.compile(r"\b(?:" + "|".join(f"(?:{p})" for p in patterns) + r")\b", re.IGNORECASE)


def _footprint(obj: SceneObject):
    shapely = require("shapely")
    return shapely.MultiPoint(oriented_corners(obj)[:, [0, 2]]).convex_hull


def support_status(
    scene: Scene, tolerance: float = 0.03, min_share: float = 0.5, patterns: tuple[str, ...] = EXEMPT_PATTERNS
) -> list[str]:
    """Per object of ``scene``, one of :data:`STATUSES` (see the module docstring).

    Parameters
    ----------
    tolerance : float
        Metres: how far a bottom may be from the floor or from a supporting top.
    min_share : float
        Share (0-1) of the object's footprint area that supporting tops must cover.
    """
    return support_detail(scene, tolerance, min_share, patterns)[0]


def support_detail(
    scene: Scene, tolerance: float = 0.03, min_share: float = 0.5, patterns: tuple[str, ...] = EXEMPT_PATTERNS
) -> tuple[list[str], list[int | None]]:
    """Per object, its status (:func:`support_status`) and its host: the index of the supporting
    object covering most of its footprint for ``on_object`` objects, else None."""
    shapely = require("shapely")
    objs = scene.objects
    if not objs:
        return [], []
    corners = np.stack([oriented_corners(o) for o in objs])
    bottoms, tops = corners[:, :, 1].min(axis=1), corners[:, :, 1].max(axis=1)
    floor = scene.floor_y
    exempt = exempt_regex(patterns)
    feet = [None] * len(objs)
    out: list[str] = []
    host_of: list[int | None] = []
    for i, obj in enumerate(objs):
        host_of.append(None)
        gap = bottoms[i] - floor
        if abs(gap) <= tolerance:
            out.append("floor")
            continue
        if gap < -tolerance:
            out.append("below_floor")
            continue
        hosts = np.flatnonzero(np.abs(tops - bottoms[i]) <= tolerance)
        hosts = hosts[hosts != i]
        status = "floating"
        if hosts.size:
            for j in (i, *hosts):
                if feet[j] is None:
                    feet[j] = _footprint(objs[j])
            area = feet[i].area
            parts = [feet[j].intersection(feet[i]) for j in hosts]
            covered = shapely.union_all(parts).area
            # a footprint of (near) zero area (a flat panel seen edge-on) is supported when it touches a host
            if (area > 1e-9 and covered >= min_share * area - 1e-12) or (
                area <= 1e-9 and any(feet[j].intersects(feet[i]) for j in hosts)
            ):
                status = "on_object"
                host_of[i] = int(hosts[int(np.argmax([p.area for p in parts]))])
        if status == "floating" and exempt.search(obj.desc or ""):
            status = "exempt"
        out.append(status)
    return out, host_of
