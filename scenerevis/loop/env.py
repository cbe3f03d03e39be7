"""env.py: the scene environment of an episode: asset retrieval, rendering, physics and repair, kept warm."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from scenerevis.physics.config import PhysicsConfig
from scenerevis.physics.evaluate import PhysicsReport, evaluate_physics
from scenerevis.scene.model import Scene
from scenerevis.scene.placement import MeshResolver

log = logging.getLogger(__name__)

#: ``optimizer(scene, report, steps, evaluate) -> (repaired scene, one line per action taken)``
Optimizer = Callable[[Scene, PhysicsReport, int, Callable[[Scene], PhysicsReport]], tuple[Scene, list[str]]]
#: ``judge(scene, merged image path) -> feedback text``
Judge = Callable[[Scene, str], str]


@dataclass
class SceneEnv:
    """What an episode needs besides the policy. Every part is optional:

    - ``retriever``: :class:`scenerevis.assets.Retriever` (None: objects stay boxes of their size);
    - ``renderer``: :class:`scenerevis.render.SceneRenderer` (None: no images);
    - ``resolver``: mesh resolver used by physics (None: boxes);
    - ``optimizer``: physics repair (used with ``LoopConfig.enable_physics_optimization``);
    - ``judge``: VLM feedback (used with ``LoopConfig.enable_vlm_feedback``).
    """

    retriever: Any = None
    renderer: Any = None
    resolver: MeshResolver | None = None
    physics: PhysicsConfig = field(default_factory=PhysicsConfig)
    optimizer: Optimizer | None = None
    judge: Judge | None = None

    def retrieve(self, scene: Scene, ids: list[str]) -> list[str]:
        """Retrieve assets for the objects ``ids`` in place; returns error lines (never raises)."""
        if self.retriever is None or not ids:
            return []
        targets = [o for o in scene.objects if o.id in set(ids)]
        try:
            done = {o.id: o for o in self.retriever.retrieve_objects(targets)}
        except Exception as err:  # noqa: BLE001 - a retrieval failure must not end the episode
            log.error("retrieval failed for %s: %s", ids, err)
            return [f"asset retrieval failed ({type(err).__name__}: {err}); objects stay boxes"]
        scene.objects = [done.get(o.id, o) for o in scene.objects]
        return []

    def render(self, scene: Scene, path: Path) -> str | None:
        """Write the merged render of ``scene`` to ``path``; returns the error text or None."""
        if self.renderer is None:
            return "rendering disabled"
        result = self.renderer.render_merged_png(scene, path)
        return result.error

    def evaluate(self, scene: Scene) -> PhysicsReport:
        return evaluate_physics(scene, self.resolver, self.physics)

    def close(self) -> None:
        if self.renderer is not None:
            self.renderer.close()
