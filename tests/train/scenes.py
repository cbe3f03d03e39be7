"""Hand-built scenes for the training-data tests (metres; 4 x 4 m bedroom, 3.5 x 4 m dining room)."""

from __future__ import annotations

import math

from scenerevis.scene.formats import make_room
from scenerevis.scene.model import Scene, SceneObject
from scenerevis.scene.rotation import yaw_to_quat

SQUARE = [[-2, -2], [2, -2], [2, 2], [-2, 2]]


def q(deg: float) -> tuple[float, float, float, float]:
    return tuple(round(v, 6) for v in yaw_to_quat(math.radians(deg)))  # type: ignore[return-value]


def bedroom() -> Scene:
    """Bed (3.36 m3) against the -Z wall, wardrobe (1.44 m3) on +X, two nightstands, a lamp, a rug; no contacts."""
    objs = [
        SceneObject("bed_1", "queen bed", (1.6, 1.0, 2.1), (0.0, 0.0, -0.9), q(0)),
        SceneObject("wardrobe_1", "wardrobe", (1.2, 2.0, 0.6), (1.65, 0.0, 0.8), q(-90)),
        SceneObject("nightstand_1", "nightstand", (0.5, 0.55, 0.4), (-1.15, 0.0, -1.75), q(0)),
        SceneObject("nightstand_2", "nightstand", (0.5, 0.55, 0.4), (1.15, 0.0, -1.75), q(0)),
        SceneObject("lamp_1", "floor lamp", (0.3, 1.5, 0.3), (-1.7, 0.0, 1.7), q(0)),
        SceneObject("rug_1", "area rug", (2.0, 0.01, 1.4), (-0.5, 0.0, 1.0), q(0)),
    ]
    return make_room(SQUARE, 2.7, "bedroom", "bedroom-test", objs)


def dining() -> Scene:
    """A dining table with two chairs at its long sides and a sideboard against the -X wall."""
    objs = [
        SceneObject("table_1", "dining table", (1.6, 0.75, 0.9), (0.3, 0.0, 0.0), q(0)),
        SceneObject("chair_1", "dining chair", (0.45, 0.9, 0.5), (0.3, 0.0, -0.75), q(0)),
        SceneObject("chair_2", "dining chair", (0.45, 0.9, 0.5), (0.3, 0.0, 0.75), q(180)),
        SceneObject("sideboard_1", "sideboard", (1.4, 0.8, 0.45), (-1.5, 0.0, 0.0), q(90)),
        SceneObject("plant_1", "potted plant", (0.4, 1.0, 0.4), (1.55, 0.0, 1.55), q(0)),
    ]
    return make_room([[-1.75, -2], [1.75, -2], [1.75, 2], [-1.75, 2]], 2.7, "dining_room", "dining-test", objs)


def canon(flat: dict) -> list[tuple]:
    """Objects of a flat scene as a sorted list of (desc, size, pos, rot, group) (ids and assets ignored)."""
    return sorted((o["desc"], tuple(o["size"]), tuple(o["pos"]), tuple(o["rot"]), o.get("group_name")) for o in flat["objects"])
