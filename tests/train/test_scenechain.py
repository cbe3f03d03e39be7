"""SceneChain-12K import: good rows kept with images copied and paths rewritten, bad rows reported, SRC untouched."""

from __future__ import annotations

import json

from scenerevis.train.check import check_file
from scenerevis.train.scenechain import import_scenechain, main
from tests.train.scenechain_fixture import write_folder


def _tree(root):
    return sorted((p.relative_to(root).as_posix(), p.stat().st_size, p.stat().st_mtime_ns) for p in root.rglob("*"))


def test_import_keeps_good_rows_and_reports_each_bad_one(tmp_path):
    src, out = tmp_path / "src", tmp_path / "data"
    expected = write_folder(src)
    before = _tree(src)
    summary = import_scenechain(src, out, val_ratio=0.0)
    assert summary == {"kept": 3, "rejected": 10, "train": 3, "val": 0}
    assert _tree(src) == before
    rows = [json.loads(x) for x in (out / "train.jsonl").read_text().splitlines()]
    assert [r["id"] for r in rows] == ["multi_turn_edit_0", "multi_turn_edit_1", "multi_turn_edit_2"]
    assert rows[0]["images"] == [f"images/scene_0_chain_0_step_{k}.png" for k in range(4)]
    assert all((out / p).is_file() for r in rows for p in r["images"])
    assert all(r.ok for r in check_file(out / "train.jsonl"))
    rejected = {r["id"]: r for r in map(json.loads, (out / "rejected.jsonl").read_text().splitlines())}
    for rid, phrase in expected.items():
        assert any(phrase in why for why in rejected[rid]["reasons"]), rid
        assert rejected[rid]["file"] == "data.jsonl"
    assert rejected[None]["line"] == 13
    stats = json.loads((out / "stats.json").read_text())
    assert stats["rows"] == {"train": 3, "val": 0} and stats["rejected"] == 10
    assert stats["turns_histogram"] == {"4": 3}
    assert stats["tool_calls"] == {"add_object": 6, "move_object": 3, "terminate": 3}


def test_import_refuses_to_write_into_the_source(tmp_path, capsys):
    write_folder(tmp_path)
    assert main(["import", str(tmp_path), "--out", str(tmp_path / "out")]) == 2
    assert "inside the source folder" in capsys.readouterr().err
