"""base.py: the protocol every renderer backend implements (scene + cameras in, images out)."""

from __future__ import annotations

from typing import Protocol, runtime_checkable

import numpy as np

from scenerevis.render.camera import Camera
from scenerevis.render.config import RenderConfig
from scenerevis.scene.model import Scene
from scenerevis.scene.placement import MeshResolver


class RenderError(RuntimeError):
    """A backend could not produce an image (worker crash, timeout, engine error); the message says why."""


@runtime_checkable
class RenderBackend(Protocol):
    """A renderer. Built as ``Backend(config)``; may hold a context or worker process until ``close``.

    ``render`` returns one (height, width, 3) uint8 sRGB image per camera, keyed like ``cameras``,
    or raises :class:`RenderError`.
    """

    config: RenderConfig

    def render(self, scene: Scene, cameras: dict[str, Camera], resolver: MeshResolver | None = None) -> dict[str, np.ndarray]: ...

    def close(self) -> None: ...
