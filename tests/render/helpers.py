"""Render-test helpers: tiny scenes of coloured boxes, a resolver for them, pixel masks."""

from __future__ import annotations

import numpy as np

from scenerevis.scene import SceneObject, make_room, yaw_to_quat

#: Object colours of the known scene (8-bit sRGB), far from floor, wall and background colours.
COLORS = {"red_1": (220, 30, 30), "green_1": (30, 200, 40), "blue_1": (30, 40, 220), "yellow_1": (230, 220, 20)}


class ColorBoxResolver:
    """Resolves every object to a unit box coloured by ``COLORS[obj.id]`` (objects not in COLORS: no mesh)."""

    def __init__(self, colors=None):
        self.colors = dict(COLORS if colors is None else colors)

    def resolve(self, obj):
        import trimesh

        if obj.id not in self.colors:
            return None
        box = trimesh.creation.box(extents=(2.0, 1.0, 3.0))  # deliberately not the object's size
        box.apply_translation((5.0, 0.5, -2.0))  # and off-centre: normalisation must undo both
        box.visual.face_colors = np.tile([*self.colors[obj.id], 255], (len(box.faces), 1))
        return box


def known_scene():
    """4 x 3 m room with four coloured boxes (one rotated by 90 degrees) and one mesh-less object."""
    objects = [
        SceneObject("red_1", "bed", (1.6, 0.5, 1.0), (-0.8, 0.0, -0.6)),
        SceneObject("green_1", "desk", (0.8, 0.75, 0.5), (1.2, 0.0, 0.9), yaw_to_quat(np.pi / 2)),
        SceneObject("blue_1", "lamp", (0.4, 1.6, 0.4), (1.5, 0.0, -1.1)),
        SceneObject("yellow_1", "chair", (0.5, 0.9, 0.5), (-1.4, 0.0, 1.0)),
    ]
    return make_room([[-2, -1.5], [2, -1.5], [2, 1.5], [-2, 1.5]], room_id="known", objects=objects)


def other_scene():
    """An L-shaped room with different objects (for leak tests)."""
    objects = [
        SceneObject("blue_1", "wardrobe", (1.0, 2.0, 0.6), (0.5, 0.0, 0.5), yaw_to_quat(np.pi)),
        SceneObject("ghost_1", "mesh-less thing", (0.6, 0.6, 0.6), (-1.0, 0.0, -1.0)),
    ]
    corners = [[-2, -2], [2, -2], [2, 0], [0, 0], [0, 2], [-2, 2]]
    return make_room(corners, room_id="other", objects=objects)


def object_masks(image: np.ndarray, colors=None, tol: float = 60.0) -> dict[str, np.ndarray]:
    """Boolean mask per object id: pixels whose nearest colour, among the objects' colours and the
    default room/background colours, is that object's, and within ``tol`` (RGB distance) of it.
    Nearest-colour labelling splits anti-aliased edge pixels fairly between neighbours."""
    from scenerevis.render.config import RenderConfig

    cfg = RenderConfig()
    colors = dict(COLORS if colors is None else colors)
    palette = list(colors.values()) + [cfg.background, cfg.floor_color, cfg.wall_color]
    img = np.asarray(image, dtype=float)[..., :3]
    dist = np.stack([np.linalg.norm(img - np.asarray(c, dtype=float), axis=-1) for c in palette])
    nearest = dist.argmin(axis=0)
    return {k: (nearest == i) & (dist[i] < tol) for i, k in enumerate(colors)}


def centroid(mask: np.ndarray) -> np.ndarray:
    """(u, v) pixel centroid of a mask (pixel centres at +0.5)."""
    v, u = np.nonzero(mask)
    return np.array([u.mean() + 0.5, v.mean() + 0.5])


def gl_available() -> bool:
    """True when pyrender can open an offscreen EGL context here."""
    try:
        from scenerevis.render.backends.gl import offscreen_renderer

        offscreen_renderer(128, 128)
        return True
    except Exception:  # noqa: BLE001 - any failure means "no GL here"
        return False
