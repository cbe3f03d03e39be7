"""occlusion.py: how much of a room a camera position sees, with objects as opaque oriented boxes.

Used to choose the diagonal view (:func:`scenerevis.render.camera.choose_view`). Frames: world,
metres, Y up. Each object is its oriented ``size`` box; a sample point is hidden when the segment
from the eye to it passes through another object's box (the object's own box never hides it).
Samples: 27 points inside each box (a 3 x 3 x 3 lattice at 10 %, 50 %, 90 % of each extent) and the
floor on a 0.25 m lattice, 2 cm above it. Floor coverings (rugs) hide nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from scenerevis._optional import require
from scenerevis.physics.geometry import is_floor_covering
from scenerevis.scene.model import Scene

#: Share of an object's sample points that must be in sight for it to count as visible.
VISIBLE_SHARE = 0.25
#: Objects at least this tall (m) and shallow (depth <= SHALLOW x width: wardrobes, bookcases, not
#: lamps or plants) are "tall pieces" with a front: seeing one from behind is penalised.
TALL = 1.5
SHALLOW = 0.75
_LATTICE = np.array([0.1, 0.5, 0.9])


@dataclass(frozen=True)
class Visibility:
    """What one eye position sees.

    Attributes
    ----------
    object_share : (n,) float
        Per object, the share of its sample points in sight.
    visible_objects : int
        Objects with at least ``VISIBLE_SHARE`` of their samples in sight.
    floor_share : float
        Share of the floor samples in sight (1.0 for a room without floor samples).
    tall_from_behind : int
        Tall shallow pieces (see ``TALL``) whose back face turns towards the eye.
    """

    object_share: np.ndarray
    visible_objects: int
    floor_share: float
    tall_from_behind: int

    @property
    def score(self) -> float:
        """Visible objects + their mean in-sight share + floor share - 0.5 per tall piece seen from
        behind (higher is better: the count decides, the shares break ties)."""
        mean_share = float(self.object_share.mean()) if len(self.object_share) else 1.0
        return self.visible_objects + mean_share + self.floor_share - 0.5 * self.tall_from_behind


class Occluders:
    """The scene's objects as oriented boxes, with their sample points and the floor samples."""

    def __init__(self, scene: Scene, floor_step: float = 0.25):
        shapely = require("shapely")
        objs = scene.objects
        n = len(objs)
        self.rot = np.array([o.rotation_matrix() for o in objs]).reshape(n, 3, 3)
        self.half = np.array([(o.size[0] / 2, o.size[1] / 2, o.size[2] / 2) for o in objs], dtype=float).reshape(n, 3)
        base = np.array([o.pos for o in objs], dtype=float).reshape(n, 3)
        self.centre = base + self.rot[:, :, 1] * self.half[:, 1:2]  # pos is the bottom-centre
        self.blocks = np.array([not is_floor_covering(o) for o in objs], dtype=bool)
        fx, fy, fz = np.meshgrid(_LATTICE, _LATTICE, _LATTICE, indexing="ij")
        unit = np.column_stack([fx.ravel(), fy.ravel(), fz.ravel()]) * 2.0 - 1.0  # in [-0.8, 0.8]
        local = unit[None, :, :] * self.half[:, None, :]  # (n, 27, 3)
        self.samples = (np.einsum("nij,nkj->nki", self.rot, local) + self.centre[:, None, :]).reshape(-1, 3)
        self.owner = np.repeat(np.arange(n), len(unit))
        self.forward = self.rot[:, :, 2]  # +Z of each object, world
        self.tall = np.array([o.size[1] >= TALL and o.size[2] <= SHALLOW * o.size[0] for o in objs], dtype=bool)
        self.base = base
        xz = scene.floor_xz
        lo, hi = xz.min(axis=0), xz.max(axis=0)
        gx, gz = np.meshgrid(
            np.arange(lo[0] + floor_step / 2, hi[0], floor_step), np.arange(lo[1] + floor_step / 2, hi[1], floor_step)
        )
        inside = shapely.contains_xy(shapely.Polygon(xz), gx, gz)
        self.floor = np.column_stack([gx[inside], np.full(int(inside.sum()), scene.floor_y + 0.02), gz[inside]])

    def hidden(self, eye: np.ndarray, points: np.ndarray, owner: np.ndarray) -> np.ndarray:
        """(k,) bool: whether the segment eye -> point passes through a blocking box other than ``owner``."""
        if len(points) == 0 or not self.blocks.any():
            return np.zeros(len(points), dtype=bool)
        idx = np.flatnonzero(self.blocks)
        rot, half, centre = self.rot[idx], self.half[idx], self.centre[idx]
        o = np.einsum("bji,bj->bi", rot, eye[None, :] - centre)  # eye in each box frame (b, 3)
        d = np.einsum("bji,kj->bki", rot, points - eye[None, :])  # segment directions (b, k, 3)
        with np.errstate(divide="ignore", invalid="ignore"):
            t1 = (-half[:, None, :] - o[:, None, :]) / d
            t2 = (half[:, None, :] - o[:, None, :]) / d
        # axis with no motion: inside the slab for every t, or never
        flat = d == 0
        inside_slab = np.abs(o[:, None, :]) <= half[:, None, :]
        lo = np.where(flat, np.where(inside_slab, -np.inf, np.inf), np.minimum(t1, t2))
        hi = np.where(flat, np.where(inside_slab, np.inf, -np.inf), np.maximum(t1, t2))
        t_in, t_out = lo.max(axis=2), hi.min(axis=2)
        hit = (t_in <= t_out) & (t_out > 1e-9) & (t_in < 1.0 - 1e-6)
        hit &= idx[:, None] != owner[None, :]
        return hit.any(axis=0)

    def visibility(self, eye) -> Visibility:
        """What the eye (3,) sees (see :class:`Visibility`)."""
        eye = np.asarray(eye, dtype=float)
        n = len(self.half)
        seen = ~self.hidden(eye, self.samples, self.owner)
        share = seen.reshape(n, -1).mean(axis=1) if n else np.zeros(0)
        floor_seen = ~self.hidden(eye, self.floor, np.full(len(self.floor), -1))
        to_eye = eye[None, [0, 2]] - self.base[:, [0, 2]]
        behind = np.einsum("ni,ni->n", to_eye, self.forward[:, [0, 2]]) < 0
        return Visibility(
            object_share=share,
            visible_objects=int((share >= VISIBLE_SHARE).sum()),
            floor_share=float(floor_seen.mean()) if len(floor_seen) else 1.0,
            tall_from_behind=int((behind & self.tall).sum()),
        )
