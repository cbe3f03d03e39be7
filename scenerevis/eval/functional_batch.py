"""functional_batch.py: evaluate the functional metrics of every scene file of a folder into one JSON report.

Same report layout as the physics folder evaluators (:mod:`scenerevis.eval.batch`): ``{"summary",
"scenes", "failed"}`` with per-scene results keyed by file name, means over the scenes that
evaluated, and the scenes that failed with their one-line reasons (never silently dropped).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from scenerevis.eval.batch import find_scene_files, run_scene_jobs
from scenerevis.eval.functional import FunctionalConfig, evaluate_functional, summarize
from scenerevis.eval.importers import IMPORT_FORMATS as SCENE_FORMATS
from scenerevis.eval.importers import load_any_scene
from scenerevis.scene.validate import SceneFormatError

log = logging.getLogger(__name__)


@dataclass
class FunctionalBatchConfig:
    """Options of a functional folder evaluation."""

    scene_format: str = "auto"  # "auto", "ours", "respace" (SSR JSON, auto-detected) or "box"
    workers: int = 1  # worker processes
    max_scenes: int | None = None  # evaluate only the first N files (sorted by name)
    metrics: FunctionalConfig = field(default_factory=FunctionalConfig)  # metric options
    progress: bool = True  # tqdm bar on stderr

    def __post_init__(self) -> None:
        if self.scene_format not in SCENE_FORMATS:
            raise ValueError(f"format must be one of {SCENE_FORMATS}, got {self.scene_format!r}")
        if self.workers < 1:
            raise ValueError(f"workers must be >= 1, got {self.workers}")
        if self.max_scenes is not None and self.max_scenes < 1:
            raise ValueError(f"max_scenes must be >= 1, got {self.max_scenes}")


def evaluate_file(path: Path, config: FunctionalBatchConfig) -> tuple[str, dict | None, str | None]:
    """``(file name, result dict or None, one-line error or None)`` of one scene file."""
    try:
        scene = load_any_scene(path, config.scene_format)
        return path.name, evaluate_functional(scene, config.metrics).to_dict(), None
    except SceneFormatError as err:
        return path.name, None, str(err)
    except Exception as err:  # a scene that cannot be evaluated is reported, the batch goes on
        log.debug("scene %s failed", path, exc_info=True)
        return path.name, None, f"{path}: {type(err).__name__}: {err}"


_CONFIG: dict[str, FunctionalBatchConfig] = {}


def _init_worker(config: FunctionalBatchConfig) -> None:
    _CONFIG["config"] = config


def _evaluate_one(path: Path) -> tuple[str, dict | None, str | None]:
    return evaluate_file(path, _CONFIG["config"])


def evaluate_functional_folder(
    scenes_dir: str | os.PathLike,
    config: FunctionalBatchConfig,
    on_result: Callable[[str, dict | None, str | None], None] | None = None,
) -> dict[str, Any]:
    """Functional metrics of every scene file of ``scenes_dir``; returns ``{"summary", "scenes", "failed"}``."""
    files = find_scene_files(scenes_dir, config.max_scenes)
    scenes, failed = run_scene_jobs(
        files, _evaluate_one, config.workers, _init_worker, (config,), "functional eval", config.progress, on_result
    )
    summary = summarize(scenes)
    summary.update(
        num_scenes=len(scenes),
        num_failed=len(failed),
        scenes_dir=str(scenes_dir),
        format=config.scene_format,
        config=asdict(config.metrics),
    )
    return {"summary": summary, "scenes": scenes, "failed": failed}
