"""sheet.py: render a labelled contact sheet of catalog thumbnails (pyrender offscreen, matplotlib fallback).

The caller (a CLI) chooses the OpenGL platform, e.g. by setting ``PYOPENGL_PLATFORM=egl`` before
calling; this module never touches environment variables.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

log = logging.getLogger(__name__)


@dataclass
class SheetConfig:
    """Contact sheet layout.

    Attributes
    ----------
    thumb : int
        Thumbnail edge in pixels.
    columns : int
        Thumbnails per row.
    label_h : int
        Pixels under each thumbnail for its label.
    backend : str
        ``"pyrender"``, ``"matplotlib"`` or ``"auto"`` (pyrender, else matplotlib).
    """

    thumb: int = 256
    columns: int = 8
    label_h: int = 34
    backend: str = "auto"

    def __post_init__(self) -> None:
        if self.thumb < 32 or self.columns < 1:
            raise ValueError("SheetConfig: thumb must be >= 32 px and columns >= 1")
        if self.backend not in ("auto", "pyrender", "matplotlib"):
            raise ValueError(f"SheetConfig.backend must be auto, pyrender or matplotlib, not {self.backend!r}")


def _camera_pose(mesh, yfov: float) -> tuple[np.ndarray, float]:
    """(4, 4) camera-to-world pose looking at the mesh from front-right-above, and the distance used."""
    lo, hi = mesh.bounds
    centre = (lo + hi) / 2
    radius = float(np.linalg.norm(hi - lo) / 2)
    direction = np.array([0.75, 0.6, 1.0])
    direction /= np.linalg.norm(direction)
    dist = radius / math.sin(yfov / 2) * 1.02
    eye = centre + direction * dist
    forward = centre - eye
    forward /= np.linalg.norm(forward)
    right = np.cross(forward, [0, 1, 0])
    right /= np.linalg.norm(right)
    up = np.cross(right, forward)
    pose = np.eye(4)
    pose[:3, 0], pose[:3, 1], pose[:3, 2], pose[:3, 3] = right, up, -forward, eye
    return pose, dist


def render_pyrender(meshes: Sequence, size: int) -> list[np.ndarray]:
    """(size, size, 3) uint8 RGB thumbnails of ``meshes`` with pyrender (needs an OpenGL context)."""
    import pyrender

    yfov = math.radians(35)
    renderer = pyrender.OffscreenRenderer(size, size)
    out = []
    try:
        for mesh in meshes:
            scene = pyrender.Scene(bg_color=[1.0, 1.0, 1.0, 1.0], ambient_light=[0.35, 0.35, 0.35])
            scene.add(pyrender.Mesh.from_trimesh(mesh, smooth=False))
            pose, dist = _camera_pose(mesh, yfov)
            scene.add(pyrender.PerspectiveCamera(yfov=yfov, znear=dist * 0.05, zfar=dist * 4), pose=pose)
            scene.add(pyrender.DirectionalLight(color=np.ones(3), intensity=2.5), pose=pose)
            key = np.eye(4)
            key[:3, :3] = _look_rotation(np.array([-0.4, -1.0, -0.3]))
            scene.add(pyrender.DirectionalLight(color=np.ones(3), intensity=2.0), pose=key)
            color, _ = renderer.render(scene)
            out.append(np.asarray(color[..., :3], dtype=np.uint8))
    finally:
        renderer.delete()
    return out


def _look_rotation(direction: np.ndarray) -> np.ndarray:
    """(3, 3) rotation whose -Z axis points along ``direction`` (a light's shining direction)."""
    f = direction / np.linalg.norm(direction)
    r = np.cross(f, [0, 0, 1]) if abs(f[1]) > 0.99 else np.cross(f, [0, 1, 0])
    r /= np.linalg.norm(r)
    u = np.cross(r, f)
    return np.stack([r, u, -f], axis=1)


def render_matplotlib(meshes: Sequence, size: int) -> list[np.ndarray]:
    """Thumbnails with matplotlib's 3-D polygons (slow, no OpenGL needed); simple Lambert shading."""
    import matplotlib

    matplotlib.use("Agg", force=False)
    import matplotlib.pyplot as plt
    from mpl_toolkits.mplot3d.art3d import Poly3DCollection

    out = []
    light = np.array([0.4, 0.9, 0.6])
    light /= np.linalg.norm(light)
    for mesh in meshes:
        fig = plt.figure(figsize=(size / 100, size / 100), dpi=100)
        ax = fig.add_subplot(111, projection="3d")
        tri = mesh.vertices[mesh.faces][:, :, [0, 2, 1]]  # plot (x, z, y): Y up
        shade = 0.45 + 0.55 * np.clip(mesh.face_normals @ light, 0, 1)
        colors = np.asarray(mesh.visual.face_colors, float)[:, :3] / 255.0 * shade[:, None]
        ax.add_collection3d(Poly3DCollection(tri, facecolors=np.clip(colors, 0, 1), linewidths=0))
        lo, hi = mesh.bounds
        c, r = (lo + hi) / 2, float(np.max(hi - lo)) / 2
        ax.set_xlim(c[0] - r, c[0] + r)
        ax.set_ylim(c[2] - r, c[2] + r)
        ax.set_zlim(c[1] - r, c[1] + r)
        ax.view_init(elev=25, azim=-55)
        ax.set_axis_off()
        fig.canvas.draw()
        img = np.asarray(fig.canvas.buffer_rgba())[..., :3].copy()
        plt.close(fig)
        out.append(img)
    return out


def render_thumbnails(meshes: Sequence, size: int, backend: str = "auto") -> tuple[list[np.ndarray], str]:
    """Thumbnails and the backend that made them (``auto`` tries pyrender, then matplotlib)."""
    if backend in ("auto", "pyrender"):
        try:
            return render_pyrender(meshes, size), "pyrender"
        except Exception as err:  # noqa: BLE001 - no GL context: fall back when allowed
            if backend == "pyrender":
                raise
            log.warning("pyrender unavailable (%s: %s); using matplotlib", type(err).__name__, err)
    return render_matplotlib(meshes, size), "matplotlib"


def compose_sheet(images: Sequence[np.ndarray], labels: Sequence[str], config: SheetConfig):
    """A PIL image laying ``images`` out in a grid with ``labels`` under each."""
    from PIL import Image, ImageDraw, ImageFont

    n = len(images)
    cols = min(config.columns, max(n, 1))
    rows = math.ceil(n / cols)
    cell_h = config.thumb + config.label_h
    sheet = Image.new("RGB", (cols * config.thumb, rows * cell_h), (255, 255, 255))
    draw = ImageDraw.Draw(sheet)
    try:
        font = ImageFont.load_default(size=max(12, config.thumb // 16))
    except TypeError:  # Pillow < 10.1 has no sized default font
        font = ImageFont.load_default()
    for i, (img, label) in enumerate(zip(images, labels)):
        x, y = (i % cols) * config.thumb, (i // cols) * cell_h
        thumb = Image.fromarray(img).resize((config.thumb, config.thumb))
        sheet.paste(thumb, (x, y))
        tw = draw.textlength(label, font=font)
        draw.text((x + max(2, (config.thumb - tw) / 2), y + config.thumb + 4), label, fill=(20, 20, 20), font=font)
        draw.rectangle([x, y, x + config.thumb - 1, y + cell_h - 1], outline=(215, 215, 215))
    return sheet


def catalog_sheet(catalog, config: SheetConfig | None = None, variant: int = 1, categories: Sequence[str] | None = None):
    """Contact sheet with one thumbnail per category (its ``variant``-th asset), labelled with the category.

    Returns the PIL image and the backend name used.
    """
    config = config or SheetConfig()
    chosen = []
    for cat in categories or catalog.categories:
        members = [a for a in catalog if a.category == cat]
        chosen.append(members[min(variant, len(members)) - 1])
    meshes = [catalog.mesh(a.id) for a in chosen]
    images, backend = render_thumbnails(meshes, config.thumb, config.backend)
    return compose_sheet(images, [a.category for a in chosen], config), backend
