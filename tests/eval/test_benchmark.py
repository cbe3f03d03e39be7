"""The benchmark on two small method folders: the paper's table against the evaluators' own outputs (scenerevis/eval/benchmark.py).

Method ``Holo``: the two-room Holodeck house of house_fixtures.py and one unreadable file. Method
``Front``: the raw 3D-FRONT house (its L-shaped bedroom) and a clean box-format bedroom.
"""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from scenerevis.eval.benchmark import BenchmarkConfig, main, parse_method, run_benchmark
from scenerevis.eval.essentials import normalize_room_type
from scenerevis.eval.importers import ImportOptions
from tests.eval.house_fixtures import write_front3d, write_holodeck
from tests.fake_openai_server import FakeOpenAIServer, Planned

ROOT = Path(__file__).resolve().parents[2]

BOX_BEDROOM = {
    "room_type": "bedroom",
    "width": 4,
    "depth": 4,
    "objects": [
        {"category": "double_bed", "size": [1.6, 1.0, 2.0], "position": [0, 0, -0.9]},
        {"category": "nightstand", "size": [0.5, 0.55, 0.4], "position": [-1.2, 0, -1.7]},
    ],
}


def _methods(root: Path) -> tuple[list[tuple[str, Path]], ImportOptions]:
    holo, front = root / "holo_out", root / "front_out"
    write_holodeck(holo, root / "objathor")
    (holo / "broken.json").write_text('{"rooms": ')
    write_front3d(front, root / "future")
    (front / "box_bedroom.json").write_text(json.dumps(BOX_BEDROOM))
    return [("Holo", holo), ("Front", front)], ImportOptions(objathor_dir=root / "objathor", future_root=root / "future")


def _csv(path: Path) -> dict[str, dict[str, str]]:
    return {r["method"]: r for r in csv.DictReader(io.StringIO(path.read_text()))}


def _own_means(mdir: Path, report: str, key: str) -> dict[str, float]:
    """Per room type, the mean of ``key`` over an evaluator report's scenes (room type read from each scene file)."""
    rep = json.loads((mdir / report).read_text())
    groups: dict[str, list[float]] = {}
    for name, row in rep["scenes"].items():
        rt = normalize_room_type(json.loads((mdir / "scenes" / name).read_text())["room_type"])
        groups.setdefault(rt, []).append(row[key])
    return {rt: sum(v) / len(v) for rt, v in groups.items()}


@pytest.fixture(scope="module")
def bench(tmp_path_factory):
    root = tmp_path_factory.mktemp("bench")
    methods, options = _methods(root)
    config = BenchmarkConfig(output=str(root / "out"), import_options=options, plot=False, progress=False)
    result = run_benchmark(methods, config)
    return root, methods, config, result


def test_table_matches_hand_values_and_the_evaluators_own_outputs(bench):
    root, _, _, result = bench
    out = root / "out"
    assert result["room_types"] == ["bedroom", "living_room"]
    rows = _csv(out / "benchmark.csv")
    holo, front = rows["Holo"], rows["Front"]
    # hand values (house_fixtures.py): Holodeck bedroom OBR 1/5, living room CNR 2/3; 3D-FRONT bedroom CNR 2/4,
    # OBR 1/4, averaged with the clean box bedroom
    assert float(holo["bedroom_OBR"]) == pytest.approx(20.0) and float(holo["bedroom_CNR"]) == 0.0
    assert float(holo["living_room_CNR"]) == pytest.approx(200 / 3, abs=1e-5) and float(holo["living_room_OBR"]) == 0.0
    assert float(front["bedroom_CNR"]) == pytest.approx(25.0) and float(front["bedroom_OBR"]) == pytest.approx(12.5)
    assert front["living_room_CNR"] == "" and front["bedroom_Ra"] == "" and front["average_Avg"] == ""
    # the average group is the mean over room types
    assert float(holo["average_CNR"]) == pytest.approx(100 / 3, abs=1e-5) and float(holo["average_OBR"]) == 10.0
    assert float(front["average_CNR"]) == pytest.approx(25.0)
    # the same numbers recomputed from the mesh evaluator's own report
    for name in ("Holo", "Front"):
        mdir = out / "methods" / name
        for col, key in (("CNR", "collision_rate"), ("OBR", "oob_rate")):
            for rt, mean in _own_means(mdir, "evaluation_results.json", key).items():
                assert float(rows[name][f"{rt}_{col}"]) == pytest.approx(mean, abs=1e-5), (name, rt, col)
    assert holo["scenes"] == "2" and front["scenes"] == "2"
    assert holo["failed_files"] == "1" and front["failed_files"] == "0" and holo["failed_scenes"] == "0"
    assert result["counts"]["Holo"]["skipped_items"] == 2 and result["counts"]["Front"]["unknown_assets"] == 1
    md = (out / "benchmark.md").read_text()
    assert "| Bedroom OBR ↓ |" in md and "| Holo | 2 | 1 | 0 | 20.00 | 0.00 |" in md and "No judge endpoint" in md
    # every evaluator ran and the comparison tables were written
    for f in ("evaluation_results.json", "voxel_results.json", "functional_results.json"):
        assert (out / "methods" / "Holo" / f).is_file()
    assert (out / "comparison" / "comparison.csv").is_file() and not (out / "comparison" / "comparison.png").exists()


def test_second_run_resumes_and_a_changed_input_is_redone(bench, monkeypatch):
    root, methods, config, _ = bench
    import scenerevis.eval.batch as batch

    def boom(*a, **k):
        raise AssertionError("evaluated again")

    monkeypatch.setattr(batch, "evaluate_folder", boom)
    again = run_benchmark(methods, config)  # nothing to redo: no evaluator call
    assert (root / "out" / "benchmark.csv").read_text().count("\n") == 3 and again["counts"]["Holo"]["failed_files"] == 1
    (methods[1][1] / "box_bedroom.json").write_text(json.dumps({**BOX_BEDROOM, "objects": BOX_BEDROOM["objects"][:1]}))
    with pytest.raises(AssertionError, match="evaluated again"):
        run_benchmark(methods, config)


def test_judge_columns_from_a_local_endpoint(tmp_path):
    methods, options = _methods(tmp_path)
    methods = methods[:1]
    # Holo: scene 0 = bedroom (12 m², 5 objects: no cap), scene 1 = living room (3 objects: rationality capped at 6)
    plan = [Planned(text=f"Score: {s}") for s in (8, 7, 9, 9, 6, 5)]
    (tmp_path / "prompts" / "Holo").mkdir(parents=True)
    (tmp_path / "prompts" / "house1.txt").write_text("A quiet two-room flat")  # by house name
    (tmp_path / "prompts" / "Holo" / "house1__living_room.txt").write_text("A living room for movie nights")  # by scene
    with FakeOpenAIServer(plan, max_requests=20) as server:
        config = BenchmarkConfig(
            output=str(tmp_path / "out"),
            import_options=options,
            prompts_dir=str(tmp_path / "prompts"),
            judge_base_url=server.base_url,
            judge_model="fake-judge",
            judge_workers=1,
            renderer="gl",
            plot=False,
            progress=False,
        )
        run_benchmark(methods, config)
        asked = len(server.requests)
        run_benchmark(methods, config)  # resumed: every answer is there
        assert len(server.requests) == asked == 6
        texts = [json.dumps(r.body) for r in server.requests]
        assert all("A quiet two-room flat" in t for t in texts[:3]) and all("movie nights" in t for t in texts[3:])
    row = _csv(tmp_path / "out" / "benchmark.csv")["Holo"]
    assert [float(row[f"bedroom_{c}"]) for c in ("Ra", "Spa", "Ac", "Avg")] == [8.0, 7.0, 9.0, 8.0]
    assert [float(row[f"living_room_{c}"]) for c in ("Ra", "Spa", "Ac")] == [6.0, 6.0, 5.0]
    assert float(row["average_Avg"]) == pytest.approx((8.0 + 17 / 3) / 2)
    renders = sorted(p.name for p in (tmp_path / "out" / "methods" / "Holo" / "renders").glob("*.png"))
    assert renders == ["prompt_0_final_render.png", "prompt_1_final_render.png"]


def test_bad_arguments_are_one_line_errors(tmp_path, capsys):
    with pytest.raises(ValueError, match="expected NAME=DIR"):
        parse_method("just-a-folder")
    with pytest.raises(ValueError, match="is not a directory"):
        parse_method(f"x={tmp_path / 'missing'}")
    (tmp_path / "m").mkdir()
    assert main(["--method", f"A={tmp_path / 'm'}", "--output", str(tmp_path / "m" / "out"), "--quiet"]) == 2
    assert "inside the input folder" in capsys.readouterr().err
    assert main(["--method", f"A={tmp_path / 'm'}", "--output", str(tmp_path / "o"), "--judge-model", "x", "--quiet"]) == 2


@pytest.mark.integration
def test_runs_as_a_module(tmp_path):
    methods, options = _methods(tmp_path)
    cmd = [sys.executable, "-m", "scenerevis.eval.benchmark", "--output", str(tmp_path / "out"), "--quiet", "--no-plot"]
    cmd += [f"--method={n}={d}" for n, d in methods]
    cmd += ["--objathor-dir", str(options.objathor_dir), "--future-root", str(options.future_root)]
    res = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
    assert res.returncode == 1, res.stderr  # Holo's broken file
    assert "Holo: 1 file(s) failed to convert" in res.stdout and (tmp_path / "out" / "benchmark.md").is_file()


def test_objathor_meshes_option_evaluates_holodeck_objects_with_their_meshes(tmp_path):
    from tests.eval.house_fixtures import write_objathor_meshes

    methods, options = _methods(tmp_path)
    write_objathor_meshes(options.objathor_dir)
    config = BenchmarkConfig(
        output=str(tmp_path / "out"), import_options=options, objathor_meshes=True, plot=False, progress=False
    )
    run_benchmark(methods[:1], config)
    row = _csv(tmp_path / "out" / "benchmark.csv")["Holo"]
    assert float(row["living_room_CNR"]) == 0.0 and float(row["bedroom_OBR"]) == pytest.approx(20.0)
    meshes = tmp_path / "out" / "methods" / "Holo" / "meshes"
    assert sorted(p.name for p in meshes.iterdir()) == ["bed_a", "sofa_a"]
    rep = json.loads((tmp_path / "out" / "methods" / "Holo" / "evaluation_results.json").read_text())
    assert rep["summary"]["models_path"] == str(meshes) and rep["summary"]["num_boxed_objects"] == 6


def test_markdown_has_one_compact_table_per_room_type(bench):
    root, *_ = bench
    md = (root / "out" / "benchmark.md").read_text()
    assert "### Living Room\n\n| method | OBR ↓ | CNR ↓ | Ra ↑ | Spa ↑ | Ac ↑ | Avg ↑ |" in md
    assert "| Holo | 0.00 | 66.67 | – | – | – | – |" in md and "### Average" in md
