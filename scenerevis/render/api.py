"""api.py: render a scene to its two views and the merged image through a warm backend (the entry point other modules call).

Failures never propagate: a backend error gives placeholder images reading "RENDER FAILED: ...",
a logged error, and ``RenderResult.error`` set.
"""

from __future__ import annotations

import logging
import os
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from scenerevis.fileio import atomic_write_bytes
from scenerevis.render.backends import get_backend_class
from scenerevis.render.camera import Camera, make_cameras
from scenerevis.render.compose import merge_views, placeholder_image, to_png_bytes
from scenerevis.render.config import RenderConfig
from scenerevis.render.overlays import draw_overlays
from scenerevis.scene.model import Scene
from scenerevis.scene.placement import MeshResolver

log = logging.getLogger(__name__)


@dataclass
class RenderResult:
    """Images of one scene.

    Attributes
    ----------
    views : dict of str -> (h, w, 3) uint8
        ``"top"`` and ``"diag"`` (overlays drawn when configured).
    merged : (H, W, 3) uint8
        Top left, diagonal right, labelled (``config.merged_size``).
    cameras : dict of str -> Camera
        The cameras used (project world points to these images' pixels).
    error : str or None
        None on success; else why rendering failed (the images are then placeholders).
    seconds : float
        Wall time of the whole call.
    """

    views: dict[str, np.ndarray]
    merged: np.ndarray
    cameras: dict[str, Camera]
    error: str | None
    seconds: float

    @property
    def ok(self) -> bool:
        return self.error is None

    def save(self, out_dir: str | os.PathLike) -> dict[str, Path]:
        """Write ``top.png``, ``diag.png`` and ``merged.png`` into ``out_dir`` atomically; returns the paths."""
        out = Path(out_dir)
        paths = {name: atomic_write_bytes(out / f"{name}.png", to_png_bytes(img)) for name, img in self.views.items()}
        paths["merged"] = atomic_write_bytes(out / "merged.png", to_png_bytes(self.merged))
        return paths


class SceneRenderer:
    """A configured renderer that keeps its backend (GL context or Blender worker) warm between scenes.

    Use as a context manager or call :meth:`close`. One line for the episode loop::

        SceneRenderer(RenderConfig(), resolver).render_merged_png(scene, "turn_3.png")
    """

    def __init__(self, config: RenderConfig | None = None, resolver: MeshResolver | None = None) -> None:
        self.config = config or RenderConfig()
        self.resolver = resolver
        self.backend = get_backend_class(self.config.renderer)(self.config)

    def render(self, scene: Scene) -> RenderResult:
        """Render both views and the merged image; never raises for a backend failure."""
        t0 = time.perf_counter()
        cfg = self.config
        cameras = make_cameras(scene, cfg)
        error = None
        try:
            views = self.backend.render(scene, cameras, self.resolver)
        except Exception as err:  # noqa: BLE001 - the one boundary where any backend failure becomes a placeholder
            error = f"{type(err).__name__}: {err}"
            log.error("rendering scene %s with %s failed: %s", scene.room_id or "<unnamed>", cfg.renderer, error)
            views = {name: placeholder_image(cam.width, cam.height, error) for name, cam in cameras.items()}
        if error is None and cfg.overlays:
            views = {name: draw_overlays(img, cameras[name], scene, cfg.overlays) for name, img in views.items()}
        merged = merge_views(views, cfg)
        return RenderResult(views, merged, cameras, error, time.perf_counter() - t0)

    def render_merged_png(self, scene: Scene, path: str | os.PathLike) -> RenderResult:
        """Render ``scene`` and write the merged image to ``path`` (atomic); returns the result."""
        result = self.render(scene)
        atomic_write_bytes(path, to_png_bytes(result.merged))
        return result

    def close(self) -> None:
        self.backend.close()

    def __enter__(self) -> SceneRenderer:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def render_scene(scene: Scene, config: RenderConfig | None = None, resolver: MeshResolver | None = None) -> RenderResult:
    """One-shot render (starts and stops a backend; use :class:`SceneRenderer` for many scenes)."""
    with SceneRenderer(config, resolver) as renderer:
        return renderer.render(scene)
