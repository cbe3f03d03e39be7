"""gl.py: the fast OpenGL backend (pyrender, offscreen over EGL) for RL rollouts and tests.

Needs ``PYOPENGL_PLATFORM=egl`` in the process environment *before* OpenGL is first imported on a
machine without a display; entry points (the CLI, the bench, the test conftest) set it, this
library module does not. Lighting: one key and one fill directional light plus ambient, no shadows.
"""

from __future__ import annotations

import numpy as np

from scenerevis._optional import require
from scenerevis.render.backends import register_backend
from scenerevis.render.backends.base import RenderError
from scenerevis.render.camera import Camera
from scenerevis.render.config import RenderConfig
from scenerevis.render.geometry import scene_meshes
from scenerevis.scene.model import Scene
from scenerevis.scene.placement import MeshResolver

#: Ambient light (linear RGB) and the key/fill directional light intensities of the lit mode.
AMBIENT = 0.45
KEY_INTENSITY = 2.6
FILL_INTENSITY = 1.0


def _light_pose(direction) -> np.ndarray:
    """(4, 4) pose of a directional light shining along ``direction`` (world frame; light looks down -Z)."""
    d = np.asarray(direction, dtype=float)
    back = -d / np.linalg.norm(d)
    ref = np.array([0.0, 0.0, 1.0]) if abs(back[1]) > 0.9 else np.array([0.0, 1.0, 0.0])
    right = np.cross(ref, back)
    right /= np.linalg.norm(right)
    up = np.cross(back, right)
    pose = np.eye(4)
    pose[:3, 0], pose[:3, 1], pose[:3, 2] = right, up, back
    return pose


#: Offscreen renderers by (width, height), shared by every GLBackend of the process and never deleted:
#: pyrender's EGL platform terminates the process-wide EGL display when any renderer is deleted,
#: which breaks every other live renderer.
_RENDERERS: dict[tuple[int, int], object] = {}


def offscreen_renderer(width: int, height: int):
    """The process's shared ``pyrender.OffscreenRenderer`` of that size (created on first use)."""
    pyrender = require("pyrender")
    key = (int(width), int(height))
    if key not in _RENDERERS:
        try:
            _RENDERERS[key] = pyrender.OffscreenRenderer(*key)
        except Exception as err:  # noqa: BLE001 - GL context creation fails in many library-specific ways
            raise RenderError(
                f"cannot create an offscreen GL context ({type(err).__name__}: {err}); on a headless machine "
                "start the process with PYOPENGL_PLATFORM=egl"
            ) from err
    return _RENDERERS[key]


@register_backend("gl")
class GLBackend:
    """pyrender offscreen rendering through the process-wide shared GL context."""

    def __init__(self, config: RenderConfig) -> None:
        self.config = config

    def build_scene(self, scene: Scene, resolver: MeshResolver | None = None):
        """The pyrender.Scene of ``scene``: room + placed objects + lights (no camera)."""
        pyrender = require("pyrender")
        cfg = self.config
        bg = np.array([*cfg.background, 255], dtype=float) / 255.0
        pr = pyrender.Scene(bg_color=bg, ambient_light=np.full(3, AMBIENT if cfg.shading == "lit" else 1.0))
        for name, mesh in scene_meshes(scene, cfg, resolver).items():
            pr.add(pyrender.Mesh.from_trimesh(mesh, smooth=False), name=name)
        if cfg.shading == "lit":
            pr.add(pyrender.DirectionalLight(intensity=KEY_INTENSITY), pose=_light_pose((0.35, -1.0, 0.55)))
            pr.add(pyrender.DirectionalLight(intensity=FILL_INTENSITY), pose=_light_pose((-0.5, -0.6, -0.4)))
        return pr

    def render(
        self, scene: Scene, cameras: dict[str, Camera], resolver: MeshResolver | None = None
    ) -> dict[str, np.ndarray]:
        """One (h, w, 3) uint8 image per camera (same keys)."""
        pyrender = require("pyrender")
        pr = self.build_scene(scene, resolver)
        flags = pyrender.RenderFlags.FLAT if self.config.shading == "flat" else pyrender.RenderFlags.NONE
        out: dict[str, np.ndarray] = {}
        for name, cam in cameras.items():
            if cam.projection == "perspective":
                pc = pyrender.PerspectiveCamera(yfov=cam.yfov, aspectRatio=cam.aspect, znear=cam.znear, zfar=cam.zfar)
            else:
                half = cam.ortho_height / 2.0
                pc = pyrender.OrthographicCamera(xmag=half * cam.aspect, ymag=half, znear=cam.znear, zfar=cam.zfar)
            node = pr.add(pc, pose=np.asarray(cam.pose, dtype=float))
            pr.main_camera_node = node
            color, _ = offscreen_renderer(cam.width, cam.height).render(pr, flags=flags)
            pr.remove_node(node)
            out[name] = np.ascontiguousarray(color[..., :3], dtype=np.uint8)
        return out

    def close(self) -> None:
        """Nothing to release: the GL context is shared process-wide (see :func:`offscreen_renderer`)."""
