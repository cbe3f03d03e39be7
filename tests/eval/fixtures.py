"""Two small methods' result folders (scenes + mesh, voxel, functional and VLM reports) for the comparison tests."""

from __future__ import annotations

import json
import math
from pathlib import Path

from scenerevis.eval.cli import myeval_main, voxel_eval_main
from scenerevis.eval.functional_batch import FunctionalBatchConfig, evaluate_functional_folder
from scenerevis.fileio import atomic_write_json
from scenerevis.scene import save_scene
from scenerevis.scene.rotation import yaw_to_quat
from tests.helpers import obj, room


def _bedroom(complete: bool):
    objs = [
        obj("queen bed with a grey fabric headboard", (1.6, 1.0, 2.1), (0, 0, -0.95), id="bed"),
        obj("oak nightstand", (0.5, 0.55, 0.4), (-1.1, 0, -1.8), id="ns"),
        obj("table lamp", (0.3, 0.5, 0.3), (-1.1, 0.55, -1.8), id="lamp"),
    ]
    if complete:
        objs.append(obj("white wardrobe", (1.2, 2.0, 0.6), (1.65, 0, 1.0), yaw_to_quat(-math.pi / 2), id="wardrobe"))
    else:  # wardrobe facing the wall, a floating lamp
        objs.append(obj("white wardrobe", (1.2, 2.0, 0.6), (1.65, 0, 1.0), yaw_to_quat(math.pi / 2), id="wardrobe"))
        objs.append(obj("floor lamp", (0.4, 1.5, 0.4), (-1.5, 0.3, 1.5), id="floating_lamp"))
    return room(objs, room_type="bedroom")


def _living(collide: bool):
    objs = [
        obj("grey three-seat sofa", (2.1, 0.85, 0.9), (0, 0, -1.5), id="sofa"),
        obj("oak coffee table", (1.1, 0.42, 0.6), (0, 0, -0.4 if not collide else -1.0), id="table"),
        obj("low tv stand", (1.6, 0.5, 0.45), (0, 0, 1.75), yaw_to_quat(math.pi), id="stand"),
    ]
    return room(objs, room_type="living room")


def _vlm_report(scenes_dir: Path, names: list[str], scores: list[tuple[int, int, int]]) -> dict:
    dims = ("rationality", "spatial_layout", "accessibility")
    scenes = {
        f"prompt_{i}": {
            "prompt": "p",
            "render": f"r{i}.png",
            "scene": str(scenes_dir / n),
            "scores": {d: {"score": s, "answer": str(s)} for d, s in zip(dims, sc)},
        }
        for i, (n, sc) in enumerate(zip(names, scores))
    }
    summary = {
        d: {"mean": sum(sc[k] for sc in scores) / len(scores), "std": 0.0, "min": 0, "max": 0, "n": len(scores), "flagged": 0}
        for k, d in enumerate(dims)
    }
    return {
        "summary": {**summary, "num_scenes": len(scenes), "num_failed": 1, "model": "fake"},
        "scenes": scenes,
        "failed": {"prompt_9": "timeout"},
    }


def make_method_folders(root: Path) -> tuple[Path, Path]:
    """``root/method_a`` (all four reports) and ``root/method_b`` (mesh + functional, box-format scenes, one bad file)."""
    a_scenes, b_scenes = root / "scenes_a", root / "scenes_b"
    a_scenes.mkdir(parents=True)
    b_scenes.mkdir(parents=True)
    save_scene(_bedroom(True), a_scenes / "bedroom_1.json")
    save_scene(_bedroom(True), a_scenes / "bedroom_2.json", fmt="grouped")
    save_scene(_living(False), a_scenes / "living_1.json")
    save_scene(_bedroom(False), b_scenes / "bedroom_1.json")
    save_scene(_living(True), b_scenes / "living_1.json")
    box = {
        "room_type": "bedroom",
        "width": 4,
        "depth": 4,
        "objects": [{"category": "single_bed", "size": [1.0, 0.9, 2.0], "position": [0, 0, -1.0]}],
    }
    (b_scenes / "bedroom_box.json").write_text(json.dumps(box))
    (b_scenes / "bedroom_bad.json").write_text(json.dumps({**box, "objects": [{"category": "bed", "size": [1, 1]}]}))
    out_a, out_b = root / "method_a", root / "method_b"
    for scenes, out in ((a_scenes, out_a), (b_scenes, out_b)):
        expected = 0 if scenes is a_scenes else 1  # method b has a broken file: non-zero exit, report still written
        assert myeval_main(["--scenes_dir", str(scenes), "--output_dir", str(out), "--quiet"]) == expected
        rep = evaluate_functional_folder(scenes, FunctionalBatchConfig(progress=False))
        atomic_write_json(out / "functional_results.json", rep)
    assert voxel_eval_main(["--scenes_dir", str(a_scenes), "--output_file", str(out_a / "voxel_results.json"), "--quiet"]) == 0
    atomic_write_json(
        out_a / "vlm_eval_results.json",
        _vlm_report(a_scenes, ["bedroom_1.json", "bedroom_2.json", "living_1.json"], [(8, 7, 9), (6, 7, 7), (9, 8, 8)]),
    )
    (out_a / "notes.json").write_text('{"not": "a report"}')
    return out_a, out_b
