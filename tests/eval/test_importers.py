"""Importers: the box format, format routing, the converter command and the folder-evaluator hook (scenerevis/eval/importers.py)."""

from __future__ import annotations

import json
import math
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from scenerevis.eval.functional_batch import FunctionalBatchConfig, evaluate_functional_folder
from scenerevis.eval.importers import box_to_flat, convert_files, is_box_format, load_any_scene, main
from scenerevis.scene import SceneFormatError, forward_vector, load_scene, save_scene
from tests.helpers import obj, room

ROOT = Path(__file__).resolve().parents[2]

BOX = {
    "format": "scenerevis-box/1",
    "room_type": "bedroom",
    "floor": [[-2, -1.5], [2, -1.5], [2, 1.5], [-2, 1.5]],
    "height": 2.6,
    "objects": [
        {"category": "double_bed", "size": [1.6, 1.0, 2.0], "position": [1.0, 0.0, 0.5], "yaw_deg": 90},
        {
            "category": "nightstand",
            "description": "oak nightstand",
            "size": [0.5, 0.6, 0.4],
            "center": [-1.0, 0.3, -1.0],
            "yaw_deg": 180,
        },
        {
            "category": "table_lamp",
            "size": [0.3, 0.5, 0.3],
            "position": [-1.0, 0.6, -1.0],
            "yaw_rad": -math.pi / 2,
            "id": "lamp_a",
        },
        {"category": "rug", "size": [2.0, 0.01, 1.4], "position": [0.0, 0.0]},
    ],
}


def _corner_set(xz: np.ndarray) -> set[tuple[float, float]]:
    return {(round(float(x), 6) + 0.0, round(float(z), 6) + 0.0) for x, z in xz}


def test_box_round_trip_matches_hand_computed_footprints(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "room1.json").write_text(json.dumps(BOX))
    assert main(["convert", str(tmp_path / "in"), "--to", str(tmp_path / "out")]) == 0
    scene = load_scene(tmp_path / "out" / "room1.json")  # a plain flat SSR file now
    assert scene.room_type == "bedroom" and scene.room_id == "room1" and scene.ceiling_y == pytest.approx(2.6)
    bed, stand, lamp, rug = scene.objects
    # yaw +90 deg faces +X: the bed's 1.6 m width runs along Z and its 2.0 m depth along X
    assert np.allclose(forward_vector(bed.rot), [1, 0, 0])
    assert _corner_set(bed.footprint()) == {(0.0, -0.3), (2.0, -0.3), (2.0, 1.3), (0.0, 1.3)}
    # "center" y 0.3 with height 0.6 -> bottom at 0; yaw 180 faces -Z
    assert stand.pos == pytest.approx((-1.0, 0.0, -1.0)) and np.allclose(forward_vector(stand.rot), [0, 0, -1])
    assert _corner_set(stand.footprint()) == {(-1.25, -1.2), (-0.75, -1.2), (-0.75, -0.8), (-1.25, -0.8)}
    assert lamp.id == "lamp_a" and np.allclose(forward_vector(lamp.rot), [-1, 0, 0]) and lamp.pos[1] == pytest.approx(0.6)
    assert rug.pos == pytest.approx((0.0, 0.0, 0.0)) and rug.desc == "rug" and stand.desc == "oak nightstand"
    assert bed.desc == "double bed" and bed.extra["category"] == "double_bed"
    # loading the box file directly gives the same scene
    direct = load_any_scene(tmp_path / "in" / "room1.json")
    assert np.allclose([o.footprint() for o in direct.objects], [o.footprint() for o in scene.objects], atol=1e-6)


def test_width_depth_rectangle_and_units():
    flat = box_to_flat(
        {
            "width": 400,
            "depth": 300,
            "units": "cm",
            "objects": [{"category": "sofa", "size": [200, 85, 90], "position": [0, 0, 50]}],
        },
        "x.json",
    )
    assert flat["bounds_bottom"] == [[-2.0, 0.0, -1.5], [2.0, 0.0, -1.5], [2.0, 0.0, 1.5], [-2.0, 0.0, 1.5]]
    assert flat["bounds_top"][0][1] == 2.7 and flat["room_id"] == "x"
    assert flat["objects"][0]["size"] == pytest.approx([2.0, 0.85, 0.9]) and flat["objects"][0]["pos"] == pytest.approx(
        [0, 0, 0.5]
    )


@pytest.mark.parametrize(
    ("patch", "field", "why"),
    [
        (lambda d: d["objects"][1].update(size=[0.5, 0, 0.4]), "objects[1].size", "must be > 0"),
        (lambda d: d["objects"][0].pop("size"), "objects[0].size", "missing"),
        (lambda d: d["objects"][0].update(yaw_rad=1.0), "objects[0].yaw_deg", "not both"),
        (lambda d: d["objects"][0].update(yaw_deg="north"), "objects[0].yaw_deg", "expected a number"),
        (lambda d: d["objects"][3].update(center=[0, 0, 0]), "objects[3].position", "exactly one"),
        (lambda d: d["objects"][3].pop("category"), "objects[3].category", "missing"),
        (lambda d: d.update(floor=[[0, 0], [1, 1], [1, 0], [0, 1]]), "floor", "self-intersecting"),
        (lambda d: d.update(floor=[[0, 0], [1, float("nan")], [1, 0]]), "floor[1]", "finite"),
        (lambda d: d.update(units="inch"), "units", "expected one of"),
    ],
)
def test_bad_box_input_gives_one_line_error_naming_file_and_field(tmp_path, patch, field, why):
    data = json.loads(json.dumps(BOX))
    patch(data)
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data))
    with pytest.raises(SceneFormatError) as err:
        load_any_scene(path)
    msg = str(err.value)
    assert "\n" not in msg and msg.startswith(f"{path}: {field}: ") and why in msg


def test_routing_of_flat_grouped_respace_and_forced_box(tmp_path):
    scene = room([obj("bed", (1.6, 1.0, 2.0), (0, 0, 0), id="b")])
    save_scene(scene, tmp_path / "flat.json")
    save_scene(scene, tmp_path / "grouped.json", fmt="grouped")
    respace = json.loads((tmp_path / "flat.json").read_text())
    respace["objects"][0]["sampled_asset_jid"] = "abc"
    (tmp_path / "respace.json").write_text(json.dumps(respace))
    for name in ("flat", "grouped", "respace"):
        assert not is_box_format(json.loads((tmp_path / f"{name}.json").read_text()))
        assert load_any_scene(tmp_path / f"{name}.json").objects[0].size == (1.6, 1.0, 2.0)
    assert load_any_scene(tmp_path / "respace.json").objects[0].jid == "abc"
    with pytest.raises(SceneFormatError, match="flat.json: floor: missing"):
        load_any_scene(tmp_path / "flat.json", fmt="box")
    (tmp_path / "broken.json").write_text("{")
    written, failed = convert_files([tmp_path], tmp_path / "out")
    assert sorted(p.name for p in written) == ["flat.json", "grouped.json", "respace.json"]
    assert list(failed) == [str(tmp_path / "broken.json")] and "<json>: invalid JSON" in failed[str(tmp_path / "broken.json")]


def test_folder_evaluators_read_box_files(tmp_path):
    from scenerevis.eval.cli import myeval_main

    (tmp_path / "scenes").mkdir()
    (tmp_path / "scenes" / "box.json").write_text(json.dumps(BOX))
    bad = json.loads(json.dumps(BOX))
    bad["objects"][0]["size"] = [1, 1]
    (tmp_path / "scenes" / "bad_box.json").write_text(json.dumps(bad))
    # one file of the folder is broken: reported, and the exit code says so
    assert myeval_main(["--scenes_dir", str(tmp_path / "scenes"), "--output_dir", str(tmp_path / "mesh"), "--quiet"]) == 1
    mesh = json.loads((tmp_path / "mesh" / "evaluation_results.json").read_text())
    assert mesh["scenes"]["box.json"]["num_objects"] == 4
    assert mesh["failed"]["bad_box.json"].endswith("bad_box.json: objects[0].size: expected 3 numbers, got 2: [1, 1]")
    rep = evaluate_functional_folder(tmp_path / "scenes", FunctionalBatchConfig(progress=False))
    assert rep["scenes"]["box.json"]["support"]["lamp_a"] == "on_object" and rep["summary"]["num_failed"] == 1


def test_converter_runs_as_a_module(tmp_path):
    (tmp_path / "b.json").write_text(json.dumps(BOX))
    out = subprocess.run(
        [sys.executable, "-m", "scenerevis.eval.importers", "convert", str(tmp_path / "b.json"), "--to", str(tmp_path / "o")],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert out.returncode == 0 and "converted 1 scene(s)" in out.stdout
    assert json.loads((tmp_path / "o" / "b.json").read_text())["objects"][0]["desc"] == "double bed"
