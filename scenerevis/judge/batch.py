"""batch.py: judge a folder of final renders / scenes (seed file names), concurrently and resumably.

Files ``prompt_{i}_final_render.png`` (in ``render_dir``) and ``prompt_{i}_final_scene.json`` (in
``json_dir``) belong to line ``i`` of the prompts file. Scenes given only as JSON are rendered first.
The output JSON is rewritten atomically after every scene, so ``resume`` asks only the questions
that have no answer yet.
"""

from __future__ import annotations

import json
import logging
import re
import threading
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from scenerevis.fileio import atomic_write_json
from scenerevis.judge.judge import Judge
from scenerevis.scene.formats import load_scene

log = logging.getLogger(__name__)
_INDEX = re.compile(r"^prompt_(\d+)_final_(render|scene)\.(png|jpg|jpeg|json)$")


@dataclass
class Item:
    """One scene to judge."""

    key: str  # "prompt_{i}"
    index: int
    render: Path | None
    scene_json: Path | None
    prompt: str | None


def find_items(
    render_dir: str | None, json_dir: str | None, prompts: list[str] | None, max_scenes: int | None = None
) -> list[Item]:
    """Items by index from the two folders (either may be None), sorted by index."""
    renders: dict[int, Path] = {}
    scenes: dict[int, Path] = {}
    for folder, kind, store in ((render_dir, "render", renders), (json_dir, "scene", scenes)):
        if folder is None:
            continue
        if not Path(folder).is_dir():
            raise FileNotFoundError(f"{folder} is not a directory")
        for p in Path(folder).iterdir():
            m = _INDEX.match(p.name)
            if m and m.group(2) == kind:
                store[int(m.group(1))] = p
    items = [
        Item(f"prompt_{i}", i, renders.get(i), scenes.get(i), prompts[i] if prompts and i < len(prompts) else None)
        for i in sorted(set(renders) | set(scenes))
    ]
    return items[:max_scenes] if max_scenes else items


def _stats(values: list[int]) -> dict[str, float | int | None]:
    if not values:
        return {"mean": None, "std": None, "min": None, "max": None, "n": 0}
    a = np.asarray(values, dtype=float)
    return {"mean": float(a.mean()), "std": float(a.std()), "min": int(a.min()), "max": int(a.max()), "n": len(values)}


def summarize(scenes: dict[str, Any], dimensions: tuple[str, ...]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for d in dimensions:
        scores = [s["scores"][d]["score"] for s in scenes.values() if s["scores"].get(d, {}).get("score") is not None]
        flagged = sum(1 for s in scenes.values() if s["scores"].get(d, {}).get("error"))
        out[d] = {**_stats(scores), "flagged": flagged}
    out["num_scenes"] = len(scenes)
    return out


def render_missing(items: list[Item], out_dir: Path, render_config) -> None:
    """Render items that have a scene JSON but no render into ``out_dir`` (sequentially, one warm renderer)."""
    todo = [it for it in items if it.render is None and it.scene_json is not None]
    if not todo:
        return
    from scenerevis.render import SceneRenderer

    with SceneRenderer(render_config) as renderer:
        for it in todo:
            path = out_dir / f"{it.key}_final_render.png"
            renderer.render_merged_png(load_scene(it.scene_json), path)
            it.render = path


def judge_items(
    items: list[Item], judge: Judge, output: str | Path, resume: bool = False, max_workers: int = 4, progress: bool = True
) -> dict[str, Any]:
    """Ask every item's questions (threads), saving after each scene; returns the report dict."""
    from tqdm import tqdm

    output = Path(output)
    dims = judge.config.dimensions
    report: dict[str, Any] = {"summary": {}, "scenes": {}, "failed": {}}
    if resume and output.is_file():
        report["scenes"] = json.loads(output.read_text(encoding="utf-8")).get("scenes", {})

    def missing(it: Item) -> list[str]:
        done = report["scenes"].get(it.key, {}).get("scores", {})
        return [d for d in dims if not done.get(d, {}).get("answer")]

    todo = [it for it in items if missing(it)]
    lock = threading.Lock()

    def save() -> None:
        report["summary"] = summarize(report["scenes"], dims) | {"num_failed": len(report["failed"]), "model": judge.config.model}
        atomic_write_json(output, report)

    def one(it: Item) -> tuple[Item, dict[str, Any] | None, str | None]:
        if it.render is None:
            return it, None, "no render and no scene JSON to render"
        try:
            scene = load_scene(it.scene_json) if it.scene_json else None
            scores = {d: judge.ask(d, it.render, scene, it.prompt) for d in missing(it)}
        except Exception as err:  # noqa: BLE001 - one scene's failure is reported, the run goes on
            return it, None, f"{type(err).__name__}: {err}"
        old = report["scenes"].get(it.key, {}).get("scores", {})
        merged = {d: scores.get(d, old.get(d)) for d in dims}
        return (
            it,
            {
                "prompt": it.prompt,
                "render": str(it.render),
                "scene": str(it.scene_json) if it.scene_json else None,
                "scores": merged,
            },
            None,
        )

    bar = tqdm(total=len(items), initial=len(items) - len(todo), desc="judge", unit="scene", disable=not progress)
    with ThreadPoolExecutor(max(1, max_workers)) as pool:
        for fut in as_completed([pool.submit(one, it) for it in todo]):
            it, entry, error = fut.result()
            with lock:
                if entry is not None:
                    report["scenes"][it.key] = entry
                    report["failed"].pop(it.key, None)
                else:
                    report["failed"][it.key] = error
                    log.warning("judge failed on %s: %s", it.key, error)
                save()
            bar.update(1)
    bar.close()
    report["scenes"] = dict(sorted(report["scenes"].items(), key=lambda kv: int(kv[0].split("_")[1])))
    save()
    return report
