import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import trimesh

from scenerevis.eval.cli import myeval_main, voxel_eval_main
from scenerevis.scene import save_scene
from tests.helpers import obj, room

ROOT = Path(__file__).resolve().parents[2]


def _write_scenes(folder: Path) -> None:
    folder.mkdir()
    save_scene(
        room([obj("a", (1, 1, 1), (0, 0, 0), id="a"), obj("b", (1, 1, 1), (0.98, 0, 0), id="b")]), folder / "s1_collide.json"
    )
    save_scene(
        room(
            [
                obj("stool", (0.4, 0.45, 0.4), (0, 0, 0), id="stool"),
                obj("table", (1.2, 0.75, 0.8), (0, 0, 0), jid="T", id="table"),
            ]
        ),
        folder / "s2_table.json",
        fmt="grouped",
    )
    bad = json.loads((folder / "s1_collide.json").read_text())
    bad["objects"][1]["size"] = [1, -1, 1]
    (folder / "s3_bad.json").write_text(json.dumps(bad))


def _models(folder: Path) -> None:
    (folder / "T").mkdir(parents=True)
    parts = [trimesh.creation.box((1.2, 0.04, 0.8)).apply_translation((0, 0.73, 0))]
    parts += [
        trimesh.creation.box((0.05, 0.71, 0.05)).apply_translation((x, 0.355, z))
        for x in (-0.575, 0.575)
        for z in (-0.375, 0.375)
    ]
    trimesh.util.concatenate(parts).export(folder / "T" / "raw_model.glb")


def test_myeval_reports_scenes_summary_and_failures(tmp_path, capsys):
    _write_scenes(tmp_path / "scenes")
    _models(tmp_path / "models")
    assert (
        myeval_main(
            [
                "--scenes_dir",
                str(tmp_path / "scenes"),
                "--models_path",
                str(tmp_path / "models"),
                "--output_dir",
                str(tmp_path / "out"),
                "--quiet",
            ]
        )
        == 1  # one scene of the folder failed: non-zero exit
    )
    rep = json.loads((tmp_path / "out" / "evaluation_results.json").read_text())
    assert sorted(rep["scenes"]) == ["s1_collide.json", "s2_table.json"]
    s1, s2 = rep["scenes"]["s1_collide.json"], rep["scenes"]["s2_table.json"]
    assert (
        s1["collision_rate"] == 100.0
        and s1["colliding_objects"] == ["a", "b"]
        and s1["max_penetration_depth"] == pytest.approx(0.02)
    )
    assert s2["collision_rate"] == 0.0 and s2["num_boxed"] == 1  # the table mesh came from --models_path
    assert rep["summary"]["num_scenes"] == 2 and rep["summary"]["num_failed"] == 1
    assert rep["summary"]["collision_rate"] == 50.0 and rep["summary"]["oob_rate"] == 0.0
    assert rep["failed"]["s3_bad.json"].endswith("s3_bad.json: objects[1].size: must be > 0, got [1, -1, 1]")
    assert sorted(p.name for p in (tmp_path / "models" / "T").iterdir()) == ["raw_model.glb"]


def test_voxel_eval_and_workers_give_same_numbers(tmp_path):
    _write_scenes(tmp_path / "scenes")
    out1, out2 = tmp_path / "v1.json", tmp_path / "v2.json"
    assert voxel_eval_main(["--scenes_dir", str(tmp_path / "scenes"), "--output_file", str(out1), "--quiet"]) == 1
    assert (
        voxel_eval_main(
            [
                "--scenes_dir",
                str(tmp_path / "scenes"),
                "--output_file",
                str(out2),
                "--quiet",
                "--workers",
                "2",
                "--max_scenes",
                "3",
            ]
        )
        == 1
    )
    r1, r2 = json.loads(out1.read_text()), json.loads(out2.read_text())
    assert r1["scenes"] == r2["scenes"]
    s1 = r1["scenes"]["s1_collide.json"]
    # a 2 cm overlap of two 1 m cubes shares one voxel layer: 1 x 21 x 21 voxels of 0.05 m
    assert s1["total_collision_volume"] == pytest.approx(441 * 0.05**3) and s1["valid"] is True
    assert set(s1) >= {"total_oob_volume", "total_collision_volume", "pbl", "valid"}
    # without --models_path the table is a box and swallows the stool: invalid
    assert r1["scenes"]["s2_table.json"]["valid"] is False
    assert r1["summary"]["valid_scene_ratio"] == 0.5


def test_refuses_to_write_into_models_path(tmp_path, capsys):
    _write_scenes(tmp_path / "scenes")
    _models(tmp_path / "models")
    assert (
        myeval_main(
            [
                "--scenes_dir",
                str(tmp_path / "scenes"),
                "--models_path",
                str(tmp_path / "models"),
                "--output_dir",
                str(tmp_path / "models" / "out"),
            ]
        )
        == 2
    )
    assert "inside --models_path" in capsys.readouterr().err
    assert not (tmp_path / "models" / "out").exists()  # nothing written into the dataset folder


@pytest.mark.integration
def test_thin_cli_scripts_run_as_documented(tmp_path):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    out = subprocess.run(
        [
            sys.executable,
            str(ROOT / "eval" / "myeval.py"),
            "--scenes_dir",
            str(ROOT / "examples" / "scenes"),
            "--output_dir",
            str(tmp_path),
            "--quiet",
        ],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    assert "2 scenes (0 failed)" in out.stdout
    rep = json.loads((tmp_path / "evaluation_results.json").read_text())
    assert rep["scenes"]["bedroom_example.json"]["collision_rate"] == 0.0
    assert rep["scenes"]["living_room_with_problems.json"]["oob_objects"] == ["bookshelf_1"]


def test_mesh_and_voxel_evaluators_honour_format(tmp_path):
    """A box-format file evaluates with --format box/auto and is refused as --format ours."""
    from tests.eval.test_importers import BOX

    scenes = tmp_path / "scenes"
    scenes.mkdir()
    (scenes / "b.json").write_text(json.dumps(BOX))
    for main, name in ((myeval_main, "evaluation_results.json"), (voxel_eval_main, "voxel_results.json")):
        for fmt, failed in (("auto", 0), ("box", 0), ("ours", 1)):
            out = tmp_path / f"{name}-{fmt}"
            code = main(["--scenes_dir", str(scenes), "--output", str(out), "--format", fmt, "--quiet"])
            assert code == failed
            report = json.loads((out / name).read_text())
            assert report["summary"]["num_failed"] == failed, (name, fmt)
            assert report["summary"]["num_scenes"] == 1 - failed, (name, fmt)


def test_an_empty_scenes_folder_is_an_error_not_a_file_of_nulls(tmp_path, capsys):
    (tmp_path / "empty").mkdir()
    out = tmp_path / "out"
    assert myeval_main(["--scenes_dir", str(tmp_path / "empty"), "--output", str(out), "--quiet"]) == 2
    assert capsys.readouterr().err.strip() == f"error: {tmp_path / 'empty'}: no scene files (*.json) found"
    assert not (out / "evaluation_results.json").exists()


@pytest.mark.integration
def test_voxel_eval_compat_original_is_wired(tmp_path):
    """A 0.97 m cube flush against the -x wall: no OOB volume for us, one voxel layer for the original's algorithm."""
    from scenerevis.scene import save_scene

    scenes = tmp_path / "scenes"
    scenes.mkdir()
    save_scene(room([obj("cube", (0.97, 0.97, 0.97), (-2 + 0.485, 0, 0))]), scenes / "flush.json")
    oob = {}
    for compat in ("ours", "original"):
        out = tmp_path / f"{compat}.json"
        assert voxel_eval_main(["--scenes_dir", str(scenes), "--output_file", str(out), "--compat", compat, "--quiet"]) == 0
        oob[compat] = json.loads(out.read_text())["scenes"]["flush.json"]["total_oob_volume"]
    assert oob["ours"] == 0.0
    # one layer of 420 voxels (0.05 m) pushed through the wall by floor(); tests/physics/test_voxel_compat.py derives it
    assert abs(oob["original"] - 420 * 0.05**3) < 1e-9
