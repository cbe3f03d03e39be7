"""eval/compare.py over two methods' result folders: table values, failed counts, room types, PNG (scenerevis/eval/compare.py)."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from scenerevis.eval.compare import CompareConfig, classify_report, compare
from tests.eval.fixtures import make_method_folders

# builds two method folders by running the evaluators, then tables and plots: end to end
pytestmark = pytest.mark.integration

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def folders(tmp_path_factory):
    return make_method_folders(tmp_path_factory.mktemp("methods"))


@pytest.fixture(scope="module")
def table(folders, tmp_path_factory):
    out = tmp_path_factory.mktemp("cmp")
    written = compare(list(folders), ["Ours", "Baseline"], CompareConfig(str(out)))
    rows = list(csv.DictReader(io.StringIO(written["csv"].read_text())))
    return written, {(r["method"], r["room_type"]): r for r in rows}


def test_table_rows_and_values(table):
    written, rows = table
    assert list(rows) == [
        ("Ours", "all"),
        ("Ours", "bedroom"),
        ("Ours", "living_room"),
        ("Baseline", "all"),
        ("Baseline", "bedroom"),
        ("Baseline", "living_room"),
    ]
    ours, base = rows["Ours", "all"], rows["Baseline", "all"]
    # Baseline: the coffee table sinks into the sofa in living_1 (2 of 3 objects collide), the other two scenes are clean
    assert float(base["CNR"]) == pytest.approx(200 / 9, abs=1e-5) and float(
        rows["Baseline", "living_room"]["CNR"]
    ) == pytest.approx(200 / 3, abs=1e-5)
    # bedroom essentials: bed + nightstand + wardrobe (1) and a lone single bed (1/3)
    assert float(rows["Baseline", "bedroom"]["essentials"]) == pytest.approx(2 / 3, abs=1e-5)
    # the wardrobe facing the wall and the floating lamp of the baseline's bedroom_1 (5 objects)
    assert float(rows["Baseline", "bedroom"]["accessibility"]) == pytest.approx((4 / 5 + 1) / 2, abs=1e-5)
    assert float(rows["Baseline", "bedroom"]["support"]) == pytest.approx((4 / 5 + 1) / 2, abs=1e-5)
    assert (
        float(ours["vlm_rationality"]) == pytest.approx(23 / 3, abs=1e-5)
        and float(rows["Ours", "bedroom"]["vlm_rationality"]) == 7.0
    )
    assert base["vlm_rationality"] == "" and base["PBL"] == ""  # reports the baseline folder does not have
    assert float(ours["objects_per_scene"]) == pytest.approx(11 / 3, abs=1e-5) and ours["scenes"] == "3"
    assert float(ours["valid"]) == 100.0


def test_failed_scenes_are_counted_per_report_and_room_type(table):
    _, rows = table
    assert rows["Baseline", "all"]["failed_mesh"] == "1" and rows["Baseline", "all"]["failed_functional"] == "1"
    assert rows["Baseline", "bedroom"]["failed_mesh"] == "1" and rows["Baseline", "living_room"]["failed_mesh"] == "0"
    assert rows["Ours", "all"]["failed_vlm"] == "1" and rows["Ours", "bedroom"]["failed_vlm"] == "0"
    assert rows["Baseline", "all"]["failed_voxel"] == ""  # no voxel report: not "0"


def test_markdown_and_png_are_written(table):
    written, _ = table
    md = written["markdown"].read_text()
    assert "## All scenes" in md and "## Per room type" in md and "| Baseline | 3 | 1 |" in md
    assert "CNR ↓" in md and "vlm_accessibility ↑" in md and "| living_room | Baseline |" in md
    from PIL import Image

    img = np.asarray(Image.open(written["png"]).convert("L"), dtype=float)
    assert img.shape[0] > 1500 and img.shape[1] > 1200 and img.std() > 20  # a real, non-blank figure
    meta = json.loads(written["json"].read_text())
    assert meta["methods"] == ["Ours", "Baseline"] and {m["key"] for m in meta["metrics"]} >= {
        "CNR",
        "navigability",
        "vlm_spatial_layout",
    }


def test_classify_reports_and_bad_inputs(folders, tmp_path):
    a, _ = folders
    kinds = {p.name: classify_report(json.loads(p.read_text())) for p in sorted(a.glob("*.json"))}
    assert kinds == {
        "evaluation_results.json": "mesh",
        "functional_results.json": "functional",
        "notes.json": None,
        "vlm_eval_results.json": "vlm",
        "voxel_results.json": "voxel",
    }
    with pytest.raises(ValueError, match="2 method names for 1"):
        compare([a], ["x", "y"], CompareConfig(str(tmp_path / "o"), plot=False))
    (tmp_path / "empty").mkdir()
    with pytest.raises(FileNotFoundError, match="holds no evaluator report"):
        compare([tmp_path / "empty"], None, CompareConfig(str(tmp_path / "o"), plot=False))


@pytest.mark.integration
def test_thin_cli_scripts(folders, tmp_path):
    a, b = folders
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    out = subprocess.run(
        [sys.executable, str(ROOT / "eval" / "compare.py"), str(a), str(b), "--output_dir", str(tmp_path / "c"), "--no_plot"],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    assert "wrote csv" in out.stdout and not (tmp_path / "c" / "comparison.png").exists()
    assert "method_a,all" in (tmp_path / "c" / "comparison.csv").read_text()
    res = subprocess.run(
        [
            sys.executable,
            str(ROOT / "eval" / "functional_eval.py"),
            "--scenes_dir",
            str(ROOT / "examples" / "scenes"),
            "--output_file",
            str(tmp_path / "f.json"),
            "--quiet",
            "--workers",
            "2",
        ],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    assert "2 scenes (0 failed)" in res.stdout
    rep = json.loads((tmp_path / "f.json").read_text())
    assert rep["scenes"]["living_room_with_problems.json"]["room_type_key"] == "living_room"
    assert rep["scenes"]["living_room_with_problems.json"]["inaccessible_objects"] == ["bookshelf_1"]  # out of the room
    assert rep["summary"]["num_scenes"] == 2 and rep["summary"]["config"]["agent_radius"] == 0.2
