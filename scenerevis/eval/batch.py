"""batch.py: evaluate every scene file of a folder (mesh CNR/OBR or voxel losses) into one JSON report.

Per-scene results, a summary of means over the scenes that evaluated, and the scenes that failed
with their one-line reasons (never silently dropped).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from scenerevis.eval.importers import IMPORT_FORMATS, load_any_scene
from scenerevis.physics.config import PhysicsConfig
from scenerevis.physics.evaluate import evaluate_physics, evaluate_voxels
from scenerevis.physics.geometry import place_scene
from scenerevis.scene.placement import BoxResolver, DirectoryResolver, MeshResolver
from scenerevis.scene.validate import SceneFormatError

log = logging.getLogger(__name__)

#: Every format the loader reads; a house file (holodeck, 3dfront) must hold one room (else: convert it first).
FORMATS = IMPORT_FORMATS


@dataclass
class BatchConfig:
    """Options of a folder evaluation."""

    kind: str = "mesh"  # "mesh" (CNR/OBR) or "voxel" (OOB/collision volume, PBL)
    models_path: str | None = None  # 3D-FUTURE-style <root>/<jid>/raw_model.glb|obj; None: boxes of size
    scene_format: str = "auto"  # one of FORMATS; "auto" detects the format of each file
    workers: int = 1  # worker processes
    max_scenes: int | None = None  # evaluate only the first N files (sorted by name)
    physics: PhysicsConfig = field(default_factory=PhysicsConfig)
    progress: bool = True  # tqdm bar on stderr

    def __post_init__(self) -> None:
        if self.kind not in ("mesh", "voxel"):
            raise ValueError(f"kind must be 'mesh' or 'voxel', got {self.kind!r}")
        if self.scene_format not in FORMATS:
            raise ValueError(f"format must be one of {FORMATS}, got {self.scene_format!r}")
        if self.workers < 1:
            raise ValueError(f"workers must be >= 1, got {self.workers}")
        if self.max_scenes is not None and self.max_scenes < 1:
            raise ValueError(f"max_scenes must be >= 1, got {self.max_scenes}")


def find_scene_files(scenes_dir: str | os.PathLike, max_scenes: int | None = None) -> list[Path]:
    """Scene JSON files of a folder (its top level; else recursively), sorted by path."""
    root = Path(scenes_dir)
    if not root.is_dir():
        raise FileNotFoundError(f"--scenes_dir {root} is not a directory")
    files = sorted(p for p in root.glob("*.json") if p.is_file())
    if not files:
        files = sorted(p for p in root.rglob("*.json") if p.is_file())
    return files[:max_scenes] if max_scenes else files


def make_resolver(models_path: str | None) -> MeshResolver:
    """The mesh resolver for a batch: the 3D-FUTURE-style folder, else boxes of ``size``."""
    return DirectoryResolver(models_path) if models_path else BoxResolver()


_WORKER: dict[str, Any] = {}


def _init_worker(config: BatchConfig) -> None:
    _WORKER["config"] = config
    _WORKER["resolver"] = make_resolver(config.models_path)
    _WORKER["cache"] = {}


def _evaluate_file(path: Path) -> tuple[str, dict | None, str | None]:
    config: BatchConfig = _WORKER["config"]
    try:
        scene = load_any_scene(path, config.scene_format)
        placed = place_scene(scene, _WORKER["resolver"], _WORKER["cache"])
        if config.kind == "mesh":
            rep = evaluate_physics(scene, config=config.physics, placed=placed)
            result = rep.to_dict()
        else:
            result = evaluate_voxels(scene, config=config.physics, placed=placed).to_dict()
        return path.name, result, None
    except SceneFormatError as err:
        return path.name, None, str(err)
    except Exception as err:  # a scene that cannot be evaluated is reported, the batch goes on
        log.debug("scene %s failed", path, exc_info=True)
        return path.name, None, f"{path}: {type(err).__name__}: {err}"


def _mesh_summary(scenes: dict[str, dict]) -> dict[str, Any]:
    rows = list(scenes.values())
    objs = sum(r["num_objects"] for r in rows)
    return {
        "collision_rate": float(np.mean([r["collision_rate"] for r in rows])) if rows else None,
        "oob_rate": float(np.mean([r["oob_rate"] for r in rows])) if rows else None,
        "collision_rate_object_weighted": 100.0 * sum(len(r["colliding_objects"]) for r in rows) / objs if objs else None,
        "oob_rate_object_weighted": 100.0 * sum(len(r["oob_objects"]) for r in rows) / objs if objs else None,
        "mean_num_objects": float(np.mean([r["num_objects"] for r in rows])) if rows else None,
        "total_objects": objs,
        "num_boxed_objects": sum(r["num_boxed"] for r in rows),
        "mean_max_penetration_depth": float(np.mean([r["max_penetration_depth"] for r in rows])) if rows else None,
    }


def _voxel_summary(scenes: dict[str, dict]) -> dict[str, Any]:
    rows = list(scenes.values())

    def mean(key: str) -> float | None:
        return float(np.mean([r[key] for r in rows])) if rows else None

    return {
        "total_oob_volume": mean("total_oob_volume"),
        "total_collision_volume": mean("total_collision_volume"),
        "pbl": mean("pbl"),
        "valid_scene_ratio": float(np.mean([r["valid"] for r in rows])) if rows else None,
        "mean_num_objects": mean("num_objects"),
    }


def run_scene_jobs(
    files: list[Path],
    fn: Callable[[Path], tuple[str, dict | None, str | None]],
    workers: int,
    initializer: Callable[..., None],
    initargs: tuple,
    desc: str,
    progress: bool = True,
    on_result: Callable[[str, dict | None, str | None], None] | None = None,
) -> tuple[dict[str, dict], dict[str, str]]:
    """Run ``fn`` (-> ``(name, result, error)``) on every file, in ``workers`` processes set up by
    ``initializer(*initargs)``, with a progress bar; returns ``(results by name, errors by name)``."""
    from tqdm import tqdm

    scenes: dict[str, dict] = {}
    failed: dict[str, str] = {}
    bar = tqdm(total=len(files), desc=desc, unit="scene", disable=not progress)
    pool = None
    if workers == 1 or len(files) <= 1:
        initializer(*initargs)
        results = map(fn, files)
    else:
        pool = ProcessPoolExecutor(workers, initializer=initializer, initargs=initargs)
        results = pool.map(fn, files, chunksize=max(1, len(files) // (8 * workers)))
    try:
        for name, result, error in results:
            if error is None:
                scenes[name] = result  # type: ignore[assignment]
            else:
                failed[name] = error
                log.warning("failed: %s", error)
            if on_result:
                on_result(name, result, error)
            bar.update(1)
    finally:
        bar.close()
        if pool is not None:
            pool.shutdown()
    return scenes, failed


def evaluate_folder(
    scenes_dir: str | os.PathLike, config: BatchConfig, on_result: Callable[[str, dict | None, str | None], None] | None = None
) -> dict[str, Any]:
    """Evaluate every scene file of ``scenes_dir``; returns ``{"summary", "scenes", "failed"}``."""
    files = find_scene_files(scenes_dir, config.max_scenes)
    scenes, failed = run_scene_jobs(
        files, _evaluate_file, config.workers, _init_worker, (config,), f"{config.kind} eval", config.progress, on_result
    )
    summary = _mesh_summary(scenes) if config.kind == "mesh" else _voxel_summary(scenes)
    summary.update(
        num_scenes=len(scenes),
        num_failed=len(failed),
        scenes_dir=str(scenes_dir),
        models_path=config.models_path,
        format=config.scene_format,
        boxed_when_missing=True,
    )
    if config.kind == "voxel":
        summary["voxel_size"] = config.physics.voxel_pitch
    return {"summary": summary, "scenes": scenes, "failed": failed}
