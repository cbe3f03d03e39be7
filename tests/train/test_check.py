"""Row validation: good SceneChain-style rows pass; every kind of defect is reported; exit status."""

from __future__ import annotations

from scenerevis.train.check import check_file, main
from tests.train.scenechain_fixture import write_folder


def test_good_rows_pass_and_each_defect_is_named(tmp_path):
    expected = write_folder(tmp_path)
    results = check_file(tmp_path / "data.jsonl")
    by_id = {r.row_id: r for r in results}
    assert [r.row_id for r in results if r.ok] == ["multi_turn_edit_0", "multi_turn_edit_1", "multi_turn_edit_2"]
    assert by_id["multi_turn_edit_0"].turns == 4
    for rid, phrase in expected.items():
        assert not by_id[rid].ok
        assert any(phrase in e for e in by_id[rid].errors), (rid, by_id[rid].errors)
    assert by_id["#12"].errors[0].startswith("line 13: invalid JSON")
    assert len(results) == 3 + len(expected) + 1


def test_cli_exit_status(tmp_path, capsys):
    write_folder(tmp_path)
    assert main([str(tmp_path / "data.jsonl")]) == 1
    assert "3 good rows, 10 bad rows" in capsys.readouterr().out
    good = tmp_path / "good.jsonl"
    good.write_text("".join((tmp_path / "data.jsonl").read_text().splitlines(keepends=True)[:3]))
    assert main([str(good)]) == 0
    assert main([str(tmp_path / "nope.jsonl")]) == 2
