"""blender.py: the Blender backend: turn a scene + cameras into a JSON job for the warm bpy worker and read back its images.

All scene-frame geometry is mapped to Blender's frame here through :mod:`scenerevis.render.axes`.
Engines: Workbench (fast preview), Cycles (CPU low samples + OpenImageDenoise, or GPU), EEVEE.
"""

from __future__ import annotations

import itertools
import logging
import tempfile
from pathlib import Path

import numpy as np

from scenerevis.render.axes import blender_camera_matrix, blender_object_matrix, scene_to_blender
from scenerevis.render.backends import register_backend
from scenerevis.render.backends.base import RenderError
from scenerevis.render.blender_worker.client import BlenderWorker
from scenerevis.render.camera import Camera
from scenerevis.render.config import RenderConfig
from scenerevis.render.geometry import export_asset_glb, resolve_asset, room_meshes
from scenerevis.scene.model import Scene
from scenerevis.scene.placement import MeshResolver

log = logging.getLogger(__name__)

#: Key light direction (scene frame, pointing from the light into the scene), shared with the GL backend's key light.
SUN_DIRECTION = (0.35, -1.0, 0.55)
#: Cycles/EEVEE sun strength (W/m^2) and the neutral sky strength that fills shadows.
SUN_STRENGTH = 2.2
AMBIENT_STRENGTH = 0.75
#: Exposure (stops) of lit Workbench renders: its studio light alone renders colours ~40 % too dark.
WORKBENCH_EXPOSURE = 0.8


def linear_rgb(rgb8) -> list[float]:
    """8-bit sRGB colour -> linear RGB floats (what Blender materials and worlds take)."""
    c = np.asarray(rgb8, dtype=float) / 255.0
    return np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4).round(6).tolist()


def build_job(
    scene: Scene,
    cameras: dict[str, Camera],
    config: RenderConfig,
    resolver: MeshResolver | None,
    asset_dir: Path,
    out_dir: Path,
    job_id: str,
    path_cache: dict | None = None,
) -> dict:
    """The JSON job (every coordinate in Blender's frame, colours linear) for one scene and its cameras.

    ``path_cache`` (optional, caller-owned) memoises the resolver's ``mesh_path`` per asset id.
    """
    engine = "workbench" if config.shading == "flat" else config.engine
    room = []
    for name, mesh in room_meshes(scene, config).items():
        rgb = mesh.visual.face_colors[0, :3]
        room.append(
            {
                "name": name,
                "vertices": scene_to_blender(mesh.vertices).round(6).tolist(),
                "faces": np.asarray(mesh.faces).tolist(),
                "color": linear_rgb(rgb),
            }
        )
    objects = []
    for obj in scene.objects:
        ref = resolve_asset(obj, resolver, path_cache=path_cache)
        item = {
            "id": obj.id,
            "kind": "box" if ref.kind == "box" else "file",
            "key": ref.key,
            "matrix": blender_object_matrix(ref.world_from_asset).round(9).tolist(),
        }
        if ref.kind == "box":
            item["color"] = linear_rgb(config.placeholder_color)
        else:
            path = ref.path if ref.kind == "file" else export_asset_glb(ref.raw, asset_dir, ref.key)
            item["path"] = str(path)
            item["key"] = f"{ref.key}@{path}"
        objects.append(item)
    sun = scene_to_blender(np.asarray(SUN_DIRECTION, dtype=float))
    cams = []
    for name, cam in cameras.items():
        cams.append(
            {
                "name": name,
                "type": cam.projection,
                "matrix": blender_camera_matrix(cam.pose).round(9).tolist(),
                "yfov": cam.yfov,
                "ortho_height": cam.ortho_height,
                "width": cam.width,
                "height": cam.height,
                "znear": cam.znear,
                "zfar": cam.zfar,
                "output": str(out_dir / f"{job_id}_{name}.png"),
            }
        )
    return {
        "op": "render",
        "id": job_id,
        "engine": engine,
        "device": config.device,
        "samples": config.samples,
        "denoise": config.denoise,
        "adaptive_threshold": config.adaptive_threshold,
        "denoise_quality": config.denoise_quality,
        "shading": config.shading,
        "exposure": WORKBENCH_EXPOSURE if (engine == "workbench" and config.shading == "lit") else 0.0,
        "background": linear_rgb(config.background),
        "ambient": AMBIENT_STRENGTH,
        "sun_strength": SUN_STRENGTH,
        "sun_direction": sun.round(6).tolist(),
        "room": room,
        "objects": objects,
        "cameras": cams,
    }


@register_backend("blender")
class BlenderBackend:
    """Renders through one warm :class:`~scenerevis.render.blender_worker.client.BlenderWorker`."""

    def __init__(self, config: RenderConfig) -> None:
        self.config = config
        self._tmp = tempfile.TemporaryDirectory(prefix="scenerevis_render_")
        self.out_dir = Path(self._tmp.name) / "out"
        self.out_dir.mkdir()
        self.asset_dir = Path(config.asset_cache_dir) if config.asset_cache_dir else Path(self._tmp.name) / "assets"
        self.asset_dir.mkdir(parents=True, exist_ok=True)
        self.worker = BlenderWorker(
            config.blender_executable, config.python_executable, max_jobs=config.max_jobs_per_worker, log_dir=self._tmp.name
        )
        self._ids = itertools.count()
        self._paths: dict = {}  # (asset_source, asset id) -> mesh_path result, for this backend's lifetime
        self.last_reply: dict | None = None

    def render(self, scene: Scene, cameras: dict[str, Camera], resolver: MeshResolver | None = None) -> dict[str, np.ndarray]:
        """One (h, w, 3) uint8 image per camera; RenderError on worker crash, timeout or job error."""
        from PIL import Image

        job = build_job(scene, cameras, self.config, resolver, self.asset_dir, self.out_dir, f"job{next(self._ids)}", self._paths)
        self.last_reply = self.worker.run(job, self.config.timeout_s)
        out = {}
        for cam in job["cameras"]:
            path = Path(cam["output"])
            try:
                with Image.open(path) as im:
                    out[cam["name"]] = np.asarray(im.convert("RGB"), dtype=np.uint8).copy()
            except OSError as err:
                raise RenderError(f"Blender wrote no readable image for view {cam['name']!r}: {err}") from err
            finally:
                path.unlink(missing_ok=True)
        return out

    def close(self) -> None:
        self.worker.stop()
        self._tmp.cleanup()
