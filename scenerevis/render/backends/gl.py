"""gl.py: the fast OpenGL backend (pyrender, offscreen over EGL) for RL rollouts and tests.

Needs ``PYOPENGL_PLATFORM=egl`` in the process environment *before* OpenGL is first imported on a
machine without a display; entry points (the CLI, the bench, the test conftest) set it, this
library module does not.

Speed: on a CPU rasteriser (Mesa llvmpipe) pyrender's PBR fragment shader costs ~3x the unlit one,
so lighting is baked on the CPU instead: per-face Lambert shading (ambient + key + fill directional
light) of each face's colour, then everything (room + objects, world frame) is drawn as one unlit
vertex-coloured primitive. Textured assets are shown by the texture colour sampled at the vertices
(trimesh ``to_color``); use the Blender backend for full textures.
"""

from __future__ import annotations

from collections import OrderedDict

import numpy as np

from scenerevis._optional import require
from scenerevis.render.backends import register_backend
from scenerevis.render.backends.base import RenderError
from scenerevis.render.camera import Camera
from scenerevis.render.config import RenderConfig
from scenerevis.render.geometry import placeholder_box, resolve_asset, room_meshes
from scenerevis.scene.model import Scene
from scenerevis.scene.placement import MeshResolver

#: Lit mode: shade = AMBIENT + KEY * max(0, n . -KEY_DIR) + FILL * max(0, n . -FILL_DIR) (directions
#: world frame, pointing from the light into the scene; the key matches the Blender sun).
AMBIENT = 0.55
KEY = 0.5
FILL = 0.15
KEY_DIR = (0.35, -1.0, 0.55)
FILL_DIR = (-0.5, -0.6, -0.4)
#: Most raw asset meshes kept (as unmerged arrays) between scenes.
MESH_CACHE_SIZE = 512

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


def face_arrays(mesh) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Unmerged triangle arrays of a trimesh: corners (3F, 3), face normals (F, 3), face colours (F, 4) uint8."""
    visual = mesh.visual
    if visual.kind == "texture" or not hasattr(visual, "face_colors"):
        visual = visual.to_color()
    colors = np.asarray(visual.face_colors, dtype=np.uint8)
    corners = np.asarray(mesh.vertices, dtype=np.float64)[np.asarray(mesh.faces).reshape(-1)]
    return corners, np.asarray(mesh.face_normals, dtype=np.float64), colors


def shade(normals: np.ndarray, lit: bool) -> np.ndarray:
    """(F,) Lambert factor of world-frame unit face normals (1 everywhere when not ``lit``)."""
    if not lit:
        return np.ones(len(normals))
    out = np.full(len(normals), AMBIENT)
    for strength, direction in ((KEY, KEY_DIR), (FILL, FILL_DIR)):
        d = -np.asarray(direction, dtype=float)
        out += strength * np.clip(normals @ (d / np.linalg.norm(d)), 0.0, None)
    return out


@register_backend("gl")
class GLBackend:
    """pyrender offscreen rendering through the process-wide shared GL context."""

    def __init__(self, config: RenderConfig) -> None:
        self.config = config
        self._arrays: OrderedDict[tuple, tuple] = OrderedDict()  # (resolver id, asset key) -> face_arrays

    def _asset_arrays(self, key: tuple, make) -> tuple:
        if key in self._arrays:
            self._arrays.move_to_end(key)
            return self._arrays[key]
        arrays = face_arrays(make())
        self._arrays[key] = arrays
        while len(self._arrays) > MESH_CACHE_SIZE:
            self._arrays.popitem(last=False)
        return arrays

    def world_triangles(self, scene: Scene, resolver: MeshResolver | None = None) -> tuple[np.ndarray, np.ndarray]:
        """Every triangle of the scene in the world frame: corners (3F, 3) float32 and shaded corner
        colours (3F, 4) uint8."""
        cfg = self.config
        lit = cfg.shading == "lit"
        pos, col = [], []

        def add(corners, normals, colors, m=None):
            if m is not None:
                corners = corners @ m[:3, :3].T + m[:3, 3]
                normals = normals @ np.linalg.inv(m[:3, :3])  # inverse-transpose for normals
                normals /= np.maximum(np.linalg.norm(normals, axis=1, keepdims=True), 1e-12)
            c = colors.astype(np.float64)
            c[:, :3] = np.clip(c[:, :3] * shade(normals, lit)[:, None], 0, 255)
            pos.append(corners)
            col.append(np.repeat(c.round().astype(np.uint8), 3, axis=0))

        for mesh in room_meshes(scene, cfg).values():
            add(*face_arrays(mesh))
        for obj in scene.objects:
            ref = resolve_asset(obj, resolver, use_path=False)
            if ref.kind == "box":
                arrays = self._asset_arrays(("box", cfg.placeholder_color), lambda: placeholder_box(cfg))
            else:
                arrays = self._asset_arrays((id(resolver), ref.key), lambda ref=ref: ref.raw)
            add(*arrays, ref.world_from_asset)
        return np.vstack(pos).astype(np.float32), np.vstack(col)

    def render(self, scene: Scene, cameras: dict[str, Camera], resolver: MeshResolver | None = None) -> dict[str, np.ndarray]:
        """One (h, w, 3) uint8 image per camera (same keys)."""
        pyrender = require("pyrender")
        positions, colors = self.world_triangles(scene, resolver)
        prim = pyrender.Primitive(positions=positions, color_0=colors, mode=pyrender.constants.GLTF.TRIANGLES)
        bg = np.array([*self.config.background, 255], dtype=float) / 255.0
        pr = pyrender.Scene(bg_color=bg, ambient_light=np.ones(3))
        pr.add(pyrender.Mesh([prim]))
        out: dict[str, np.ndarray] = {}
        for name, cam in cameras.items():
            if cam.projection == "perspective":
                pc = pyrender.PerspectiveCamera(yfov=cam.yfov, aspectRatio=cam.aspect, znear=cam.znear, zfar=cam.zfar)
            else:
                half = cam.ortho_height / 2.0
                pc = pyrender.OrthographicCamera(xmag=half * cam.aspect, ymag=half, znear=cam.znear, zfar=cam.zfar)
            node = pr.add(pc, pose=np.asarray(cam.pose, dtype=float))
            pr.main_camera_node = node
            color, _ = offscreen_renderer(cam.width, cam.height).render(pr, flags=pyrender.RenderFlags.FLAT)
            pr.remove_node(node)
            out[name] = np.ascontiguousarray(color[..., :3], dtype=np.uint8)
        return out

    def close(self) -> None:
        """Nothing to release: the GL context is shared process-wide (see :func:`offscreen_renderer`)."""
