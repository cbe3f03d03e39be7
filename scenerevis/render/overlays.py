"""overlays.py: annotations drawn in image space over a rendered view (boxes, facing arrows, 1 m grid, id labels).

Everything is projected with the shared :class:`~scenerevis.render.camera.Camera`, so overlays line
up with any backend's pixels. World frame: scene frame (metres, Y up).
"""

from __future__ import annotations

import math

import numpy as np

from scenerevis.render.camera import Camera
from scenerevis.render.compose import font
from scenerevis.scene.model import Scene, SceneObject

#: Colours (RGB) of the overlay layers.
BOX_COLOR = (230, 40, 40)
ARROW_COLOR = (20, 90, 230)
GRID_COLOR = (90, 90, 90)
LABEL_COLOR = (10, 10, 10)

# unit box corners, bottom 0-3 then top 4-7, in the object's frame (bottom-centre origin)
_CORNERS = np.array(
    [
        [-0.5, 0, -0.5],
        [0.5, 0, -0.5],
        [0.5, 0, 0.5],
        [-0.5, 0, 0.5],
        [-0.5, 1, -0.5],
        [0.5, 1, -0.5],
        [0.5, 1, 0.5],
        [-0.5, 1, 0.5],
    ]
)
_EDGES = [(0, 1), (1, 2), (2, 3), (3, 0), (4, 5), (5, 6), (6, 7), (7, 4), (0, 4), (1, 5), (2, 6), (3, 7)]


def box_corners(obj: SceneObject) -> np.ndarray:
    """(8, 3) world corners of the object's oriented box (bottom four first), metres."""
    local = _CORNERS * np.asarray(obj.size, dtype=float)
    return local @ obj.rotation_matrix().T + np.asarray(obj.pos, dtype=float)


def _segment(draw, cam: Camera, a, b, color, width: int) -> None:
    uv, depth = cam.project(np.array([a, b]))
    if np.all(depth > cam.znear) and np.all(np.isfinite(uv)):
        draw.line([tuple(uv[0]), tuple(uv[1])], fill=color, width=width)


def draw_grid(draw, cam: Camera, scene: Scene, step: float = 1.0) -> None:
    """Lines every ``step`` metres on the floor plane over the polygon's AABB, with coordinate labels
    (x along the far edge, z along the left edge in the top view)."""
    xz = scene.floor_xz
    lo, hi = xz.min(axis=0), xz.max(axis=0)
    y = scene.floor_y + 0.002
    fsize = max(9, cam.height // 45)
    f = font(fsize)
    for x in np.arange(math.ceil(lo[0] / step) * step, hi[0] + 1e-9, step):
        _segment(draw, cam, (x, y, lo[1]), (x, y, hi[1]), GRID_COLOR, 1)
        uv, depth = cam.project([(x, y, lo[1])])
        if depth[0] > cam.znear:
            draw.text((uv[0, 0] + 2, uv[0, 1] - fsize - 2), f"x={x:g}", fill=GRID_COLOR, font=f)
    for z in np.arange(math.ceil(lo[1] / step) * step, hi[1] + 1e-9, step):
        _segment(draw, cam, (lo[0], y, z), (hi[0], y, z), GRID_COLOR, 1)
        uv, depth = cam.project([(lo[0], y, z)])
        if depth[0] > cam.znear:
            draw.text((uv[0, 0] + 2, uv[0, 1] + 1), f"z={z:g}", fill=GRID_COLOR, font=f)


def draw_box(draw, cam: Camera, obj: SceneObject) -> None:
    """The object's oriented box: footprint outline in orthographic views, all 12 edges otherwise."""
    c = box_corners(obj)
    edges = _EDGES[4:8] if cam.projection == "orthographic" else _EDGES
    for i, j in edges:
        _segment(draw, cam, c[i], c[j], BOX_COLOR, 2)


def draw_arrow(draw, cam: Camera, obj: SceneObject) -> None:
    """Arrow from the object's top centre along its facing direction (local +Z), half its depth + 0.25 m long."""
    fwd = obj.rotation_matrix()[:, 2]
    start = np.asarray(obj.pos, dtype=float) + np.array([0.0, obj.size[1], 0.0])
    length = obj.size[2] / 2.0 + 0.25
    tip = start + fwd * length
    side = np.cross([0.0, 1.0, 0.0], fwd)
    head = 0.12
    _segment(draw, cam, start, tip, ARROW_COLOR, 3)
    for s in (1.0, -1.0):
        _segment(draw, cam, tip, tip - fwd * head + s * side * head * 0.6, ARROW_COLOR, 3)


def draw_label(draw, cam: Camera, obj: SceneObject) -> None:
    """The instance id at the projected top centre, on a white tag."""
    uv, depth = cam.project([np.asarray(obj.pos, dtype=float) + np.array([0.0, obj.size[1], 0.0])])
    if depth[0] <= cam.znear:
        return
    f = font(max(9, cam.height // 40))
    x, y = float(uv[0, 0]), float(uv[0, 1])
    left, t, r, b = draw.textbbox((x, y), obj.id, font=f, anchor="mm")
    draw.rectangle([left - 2, t - 1, r + 2, b + 1], fill=(255, 255, 255))
    draw.text((x, y), obj.id, fill=LABEL_COLOR, font=f, anchor="mm")


def draw_overlays(image: np.ndarray, cam: Camera, scene: Scene, layers) -> np.ndarray:
    """Copy of ``image`` ((h, w, 3) uint8, rendered by ``cam``) with the named ``layers`` drawn:
    any of ``"grid"``, ``"boxes"``, ``"arrows"``, ``"labels"`` (drawn in that order)."""
    from PIL import Image, ImageDraw

    layers = set(layers)
    if not layers:
        return image
    img = Image.fromarray(np.asarray(image, dtype=np.uint8))
    draw = ImageDraw.Draw(img)
    if "grid" in layers:
        draw_grid(draw, cam, scene)
    for obj in scene.objects:
        if "boxes" in layers:
            draw_box(draw, cam, obj)
        if "arrows" in layers:
            draw_arrow(draw, cam, obj)
    if "labels" in layers:
        for obj in scene.objects:
            draw_label(draw, cam, obj)
    return np.asarray(img, dtype=np.uint8).copy()
