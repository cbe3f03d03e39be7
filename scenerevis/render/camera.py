"""camera.py: camera intrinsics, extrinsics and world-to-pixel projection shared by every backend.

Frames: world = scene frame (metres, Y up, floor XZ). Camera axes follow OpenGL (and Blender):
the camera looks down its local -Z, local +Y is image up, local +X is image right. Pixels: ``u``
right, ``v`` down, origin at the top-left corner of the image, pixel ``(i, j)`` covers
``[i, i+1) x [j, j+1)`` so its centre is ``(i + 0.5, j + 0.5)``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from scenerevis.render.config import RenderConfig
from scenerevis.render.occlusion import Occluders, Visibility
from scenerevis.scene.model import Scene


@dataclass(frozen=True)
class Camera:
    """One view.

    Attributes
    ----------
    name : str
        View name (``"top"``, ``"diag"``).
    projection : str
        ``"orthographic"`` or ``"perspective"``.
    pose : (4, 4) float
        World-from-camera transform, scene frame, OpenGL camera axes.
    width, height : int
        Image size in pixels.
    yfov : float
        Vertical field of view, radians (perspective only).
    ortho_height : float
        Vertical extent of the view in metres (orthographic only); the horizontal extent is
        ``ortho_height * width / height``.
    znear, zfar : float
        Clip distances, metres.
    """

    name: str
    projection: str
    pose: np.ndarray
    width: int
    height: int
    yfov: float = math.radians(50.0)
    ortho_height: float = 1.0
    znear: float = 0.05
    zfar: float = 200.0

    @property
    def aspect(self) -> float:
        return self.width / self.height

    @property
    def position(self) -> np.ndarray:
        """(3,) camera centre, world frame."""
        return np.asarray(self.pose)[:3, 3].copy()

    def view_matrix(self) -> np.ndarray:
        """(4, 4) camera-from-world transform."""
        return np.linalg.inv(np.asarray(self.pose, dtype=float))

    def intrinsics(self) -> np.ndarray:
        """(3, 3) K in pixels. Perspective: the pinhole matrix for a camera looking down +z of an
        OpenCV-style frame (x right, y down). Orthographic: ``K[0, 0] = K[1, 1]`` = pixels per metre and
        the projection is affine (no division by depth)."""
        if self.projection == "perspective":
            f = (self.height / 2.0) / math.tan(self.yfov / 2.0)
        else:
            f = self.height / self.ortho_height
        return np.array([[f, 0.0, self.width / 2.0], [0.0, f, self.height / 2.0], [0.0, 0.0, 1.0]])

    def to_camera(self, points) -> np.ndarray:
        """(n, 3) points in the camera frame (OpenGL axes; visible points have z < 0)."""
        p = np.atleast_2d(np.asarray(points, dtype=float))
        v = self.view_matrix()
        return p @ v[:3, :3].T + v[:3, 3]

    def project(self, points) -> tuple[np.ndarray, np.ndarray]:
        """Project world points to pixels.

        Parameters
        ----------
        points : (n, 3) float
            Metres, world (scene) frame.

        Returns
        -------
        uv : (n, 2) float
            Pixel coordinates (u right, v down, origin at the image's top-left corner).
        depth : (n,) float
            Distance along the viewing direction, metres (> 0 in front of the camera).
        """
        pc = self.to_camera(points)
        depth = -pc[:, 2]
        k = self.intrinsics()
        if self.projection == "perspective":
            with np.errstate(divide="ignore", invalid="ignore"):
                x, y = pc[:, 0] / depth, pc[:, 1] / depth
        else:
            x, y = pc[:, 0], pc[:, 1]
        u = k[0, 2] + k[0, 0] * x
        v = k[1, 2] - k[1, 1] * y
        return np.column_stack([u, v]), depth


def _look_at(eye, target, up=(0.0, 1.0, 0.0)) -> np.ndarray:
    """(4, 4) world-from-camera pose of a camera at ``eye`` looking at ``target`` (OpenGL axes)."""
    eye, target, up = (np.asarray(a, dtype=float) for a in (eye, target, up))
    back = eye - target
    back /= np.linalg.norm(back)
    right = np.cross(up, back)
    right /= np.linalg.norm(right)
    cam_up = np.cross(back, right)
    pose = np.eye(4)
    pose[:3, 0], pose[:3, 1], pose[:3, 2], pose[:3, 3] = right, cam_up, back, eye
    return pose


def top_camera(scene: Scene, config: RenderConfig) -> Camera:
    """Orthographic camera looking straight down (-Y) that frames the floor polygon.

    Image right is world +X and image up is world -Z (so an object facing +Z faces down the image).
    """
    xz = scene.floor_xz
    lo, hi = xz.min(axis=0), xz.max(axis=0)
    centre = (lo + hi) / 2.0
    ext = np.maximum(hi - lo, 1e-3) * (1.0 + 2.0 * config.top_margin)
    w = h = config.resolution
    ortho_height = max(ext[1], ext[0] * h / w)
    pose = np.eye(4)
    pose[:3, 0] = (1.0, 0.0, 0.0)
    pose[:3, 1] = (0.0, 0.0, -1.0)
    pose[:3, 2] = (0.0, 1.0, 0.0)
    top = max(scene.ceiling_y, max((o.pos[1] + o.size[1] for o in scene.objects), default=0.0))
    pose[:3, 3] = (centre[0], top + 1.0, centre[1])
    return Camera("top", "orthographic", pose, w, h, ortho_height=float(ortho_height), znear=0.01, zfar=top + 10.0)


def convex_corners(scene: Scene) -> list[int]:
    """Indices of the floor polygon's convex corners (a camera behind a reflex corner would look at a
    wall from inside); all corners when none is found."""
    xz = scene.floor_xz
    c = xz.mean(axis=0)
    n = len(xz)
    convex = []
    area = float(np.sum(xz[:, 0] * np.roll(xz[:, 1], -1) - xz[:, 1] * np.roll(xz[:, 0], -1)))
    for i in range(n):
        a, b, d = xz[i - 1], xz[i], xz[(i + 1) % n]
        cross = (b[0] - a[0]) * (d[1] - b[1]) - (b[1] - a[1]) * (d[0] - b[0])
        if cross * area > 0 and np.linalg.norm(b - c) > 1e-6:
            convex.append(i)
    return convex or list(range(n))


def corner_camera(scene: Scene, config: RenderConfig, corner: int, elevation_deg: float) -> Camera:
    """Perspective camera behind floor corner ``corner``, looking at the room centre from
    ``elevation_deg`` above the floor, pulled back just enough to see the whole floor and every
    object (projected points within 92 % of the frame)."""
    xz = scene.floor_xz
    lo, hi = xz.min(axis=0), xz.max(axis=0)
    centre_xz = (lo + hi) / 2.0
    tallest = max((o.pos[1] + o.size[1] for o in scene.objects), default=0.0)
    look_h = 0.25 * max(tallest, 1.0)
    target = np.array([centre_xz[0], look_h, centre_xz[1]])
    direction = xz[corner] - centre_xz
    direction /= max(np.linalg.norm(direction), 1e-9)
    el = math.radians(elevation_deg)
    offset = np.array([direction[0] * math.cos(el), math.sin(el), direction[1] * math.cos(el)])
    height = max(tallest, config.wall_height, 0.5)
    pts = [np.column_stack([xz[:, 0], np.full(len(xz), y), xz[:, 1]]) for y in (0.0, height)]
    for o in scene.objects:
        fp = o.footprint()
        for y in (o.pos[1], o.pos[1] + o.size[1]):
            pts.append(np.column_stack([fp[:, 0], np.full(4, y), fp[:, 1]]))
    points = np.vstack(pts)
    w = h = config.resolution
    yfov = math.radians(config.diag_fov_deg)

    rot = _look_at(target + offset, target)[:3, :3]  # the same orientation at every distance
    f = (h / 2.0) / math.tan(yfov / 2.0)
    rel = (points - target) @ rot  # camera-frame offsets from the target; the eye adds dist * offset

    def make(dist: float) -> Camera:
        pose = np.eye(4)
        pose[:3, :3], pose[:3, 3] = rot, target + dist * offset
        return Camera("diag", "perspective", pose, w, h, yfov=yfov, znear=0.05, zfar=dist * 4 + 50.0)

    eye_cam = offset @ rot  # the eye's offset direction in the camera frame

    def fits(dist: float) -> bool:
        pc = rel - dist * eye_cam
        depth = -pc[:, 2]
        if np.any(depth <= 0.05):
            return False
        ndc = np.abs(np.concatenate([f * pc[:, 0] / depth / (w / 2.0), f * pc[:, 1] / depth / (h / 2.0)]))
        return bool(ndc.max() <= 0.92)

    near, far = 0.1, 1.0
    while not fits(far) and far < 1e4:
        far *= 2.0
    for _ in range(40):  # bisection on the distance: deterministic, 1 mm-ish precision
        mid = 0.5 * (near + far)
        near, far = (near, mid) if fits(mid) else (mid, far)
    return make(far)


#: Extra elevation (degrees) of the raised candidate views, and the score it must win by.
RAISE_DEG = 20.0
RAISE_COST = 0.5
#: Views whose score is within this of the best are equally good: the seed picks among them.
SCORE_TIE = 0.25


@dataclass(frozen=True)
class ViewChoice:
    """The chosen diagonal view and what it sees (:class:`scenerevis.render.occlusion.Visibility`)."""

    corner: int
    elevation_deg: float
    camera: Camera
    visibility: Visibility
    candidates: int  # views compared
    ties: int  # equally good corners the seed chose among


def choose_view(scene: Scene, config: RenderConfig) -> ViewChoice:
    """The least occluded diagonal view: every convex corner at ``config.diag_elevation_deg`` and
    ``RAISE_DEG`` higher (raised views pay ``RAISE_COST``) is scored by what it sees (objects in
    sight + mean in-sight share + floor share - 0.5 per tall piece seen from behind, objects as
    opaque boxes: :class:`~scenerevis.render.occlusion.Visibility`). Among the
    corners with a view within ``SCORE_TIE`` of the best, ``config.seed`` picks one (reproducible; an
    open room keeps the seed's variety of corners), then that corner's best height. Same cameras
    for every backend."""
    occ = Occluders(scene)
    base = config.diag_elevation_deg
    raised = min(base + RAISE_DEG, 80.0)
    views = []
    for el, cost in ((base, 0.0), (raised, RAISE_COST)) if raised > base else ((base, 0.0),):
        for k in convex_corners(scene):
            cam = corner_camera(scene, config, k, el)
            vis = occ.visibility(cam.position)
            views.append((vis.score - cost, k, el, cam, vis))
    best = max(v[0] for v in views)
    corners = sorted({v[1] for v in views if v[0] >= best - SCORE_TIE})
    rng = np.random.default_rng(int(config.seed))
    pick = corners[int(rng.integers(len(corners)))]
    _, k, el, cam, vis = max((v for v in views if v[1] == pick), key=lambda v: (v[0], -v[2]))
    return ViewChoice(k, el, cam, vis, len(views), len(corners))


def diagonal_corner(scene: Scene, seed: int, config: RenderConfig | None = None) -> int:
    """Index of the floor corner the diagonal camera stands behind (:func:`choose_view`)."""
    cfg = config if config is not None else RenderConfig(seed=int(seed))
    if cfg.seed != int(seed):
        from dataclasses import replace

        cfg = replace(cfg, seed=int(seed))
    return choose_view(scene, cfg).corner


def diagonal_camera(scene: Scene, config: RenderConfig) -> Camera:
    """The diagonal view's camera: the least occluded corner view (:func:`choose_view`)."""
    return choose_view(scene, config).camera


def make_cameras(scene: Scene, config: RenderConfig) -> dict[str, Camera]:
    """The two views of DESIGN.md section 5, in merged order: ``{"top": ..., "diag": ...}``."""
    return {"top": top_camera(scene, config), "diag": diagonal_camera(scene, config)}
