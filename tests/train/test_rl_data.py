"""RL parquet rows: exact content read back, deduplication, a split without shared prompts, synthesized requirements."""

import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from scenerevis.chat import DEFAULT_SYSTEM_PROMPT
from scenerevis.policy.prompt_parse import parse_prompt
from scenerevis.scene.rooms import load_rooms
from scenerevis.train.rl_data import (
    SOURCE_PROMPTS,
    SOURCE_SYNTHETIC,
    collect,
    main,
    prompt_id,
    read_prompts,
    split,
    synthesize,
)

ROOT = Path(__file__).resolve().parents[2]


def _rows(path: Path) -> list[dict]:
    return pq.read_table(path).to_pylist()


def test_rows_read_back_exactly(tmp_path):
    prompts = tmp_path / "p.txt"
    prompts.write_text(
        "A calm bedroom with a double bed.\n\n# a comment\n  A home office   with a desk.  \nA calm bedroom with a double bed.\n"
    )
    out = tmp_path / "data"
    assert main(["--prompts", str(prompts), "--out", str(out), "--val-ratio", "0"]) == 0
    rows = _rows(out / "train.parquet")
    assert rows == [
        {
            "prompt": [
                {"role": "system", "content": DEFAULT_SYSTEM_PROMPT},
                {"role": "user", "content": "A calm bedroom with a double bed."},
            ],
            "data_source": "scenerevis/prompts",
            "ability": "scene_editing",
            "reward_model": {"style": "rule", "ground_truth": "bedroom"},
            "extra_info": {
                "index": 0,
                "split": "train",
                "requirement": "A calm bedroom with a double bed.",
                "room_type": "bedroom",
                "source": str(prompts),
                "prompt_id": prompt_id("A calm bedroom with a double bed."),
            },
            "agent_name": "scenerevis_agent",
        },
        {
            "prompt": [
                {"role": "system", "content": DEFAULT_SYSTEM_PROMPT},
                {"role": "user", "content": "A home office with a desk."},
            ],
            "data_source": "scenerevis/prompts",
            "ability": "scene_editing",
            "reward_model": {"style": "rule", "ground_truth": "study"},
            "extra_info": {
                "index": 1,
                "split": "train",
                "requirement": "A home office with a desk.",
                "room_type": "study",
                "source": str(prompts),
                "prompt_id": prompt_id("A home office with a desk."),
            },
            "agent_name": "scenerevis_agent",
        },
    ]
    assert _rows(out / "val.parquet") == []
    summary = json.loads((out / "rl_data.json").read_text())
    assert summary["files"]["train"]["rows"] == 2 and summary["files"]["val"]["rows"] == 0
    assert len(prompt_id("x")) == 12 and prompt_id("a  b") == prompt_id("a b")


def test_split_prompt_sets_and_synthetic_without_overlap(tmp_path, capsys):
    out = tmp_path / "data"
    system = tmp_path / "system.txt"
    system.write_text("You edit rooms.\n")
    argv = [
        "--prompts",
        str(ROOT / "split_prompts"),
        "--synthetic",
        "40",
        "--out",
        str(out),
        "--val-ratio",
        "0.25",
        "--seed",
        "3",
    ]
    assert main([*argv, "--system-prompt-file", str(system), "--agent-name", "my_agent"]) == 0
    train, val = _rows(out / "train.parquet"), _rows(out / "val.parquet")
    file_prompts = [p for f in sorted((ROOT / "split_prompts").glob("*.txt")) for p in read_prompts(f)]
    n_files = len(set(file_prompts))
    assert len(train) + len(val) == n_files + 40
    # per source, round(0.25 * n) go to val
    assert sum(r["data_source"] == SOURCE_SYNTHETIC for r in val) == 10
    assert sum(r["data_source"] == SOURCE_PROMPTS for r in val) == round(0.25 * n_files)
    texts = [r["prompt"][1]["content"] for r in train + val]
    assert len(set(texts)) == len(texts)  # no prompt twice, hence none in both splits
    assert {r["prompt"][1]["content"] for r in train}.isdisjoint(r["prompt"][1]["content"] for r in val)
    for part, name in ((train, "train"), (val, "val")):
        assert [r["extra_info"]["index"] for r in part] == list(range(len(part)))
        assert {r["extra_info"]["split"] for r in part} == {name}
        assert all(r["prompt"][0] == {"role": "system", "content": "You edit rooms."} for r in part)
        assert all(r["agent_name"] == "my_agent" and r["extra_info"]["requirement"] == r["prompt"][1]["content"] for r in part)
    assert set(file_prompts) <= set(texts)
    printed = capsys.readouterr().out
    assert f"train: {len(train)} rows" in printed and f"val: {len(val)} rows" in printed
    # the same seed gives the same files
    again = tmp_path / "again"
    assert (
        main(
            [
                *argv[:-4],
                "--out",
                str(again),
                "--val-ratio",
                "0.25",
                "--seed",
                "3",
                "--system-prompt-file",
                str(system),
                "--agent-name",
                "my_agent",
            ]
        )
        == 0
    )
    assert _rows(again / "train.parquet") == train and _rows(again / "val.parquet") == val


def test_synthesized_requirements_name_their_room_and_its_essentials():
    facts = load_rooms()
    reqs = synthesize(120, seed=7)
    assert len({r.text for r in reqs}) == 120 and synthesize(120, seed=7) == reqs and synthesize(120, seed=8) != reqs
    named = {n for n, rt in facts.room_types.items() if rt.essentials}  # not the fallback type of unknown rooms
    assert {r.room_type for r in reqs} == named  # 120 draws cover every room type at this seed
    for r in reqs:
        spec = parse_prompt(r.text)
        assert spec.room_type == r.room_type and spec.room_type_explicit, r.text
        asked = {i.category for i in spec.items}
        missing = facts.room_type(r.room_type).missing_essentials(asked)
        assert not missing, (r.text, missing)


def test_split_rules():
    reqs = collect([], synthetic=10, seed=1)
    train, val = split(reqs, 0.1, seed=1)
    assert len(val) == 1 and len(train) == 9
    train, val = split(reqs, 0.0)
    assert (len(train), len(val)) == (10, 0)
    train, val = split(reqs[:2], 0.01)
    assert len(val) == 1  # at least one when asked for any
    with pytest.raises(ValueError, match=r"--val-ratio must be in \[0, 1\), got 1.0"):
        split(reqs, 1.0)


def test_synthetic_avoids_texts_already_in_the_prompt_files(tmp_path):
    first = synthesize(3, seed=0)
    f = tmp_path / "p.txt"
    f.write_text(first[0].text + "\n")
    reqs = collect([f], synthetic=3, seed=0)
    assert [r.source for r in reqs] == [SOURCE_PROMPTS] + [SOURCE_SYNTHETIC] * 3
    assert len({r.text for r in reqs}) == 4


def test_bad_input_is_one_line(tmp_path, capsys):
    assert main(["--prompts", str(tmp_path / "nope.txt"), "--out", str(tmp_path / "o")]) == 2
    assert capsys.readouterr().err.strip() == f"error: --prompts {tmp_path / 'nope.txt'}: no such file or directory"
    empty = tmp_path / "empty"
    empty.mkdir()
    assert main(["--prompts", str(empty), "--out", str(tmp_path / "o")]) == 2
    assert "directory holds no *.txt prompt files" in capsys.readouterr().err
    blank = tmp_path / "blank.txt"
    blank.write_text("\n# only a comment\n")
    assert main(["--prompts", str(blank), "--out", str(tmp_path / "o")]) == 2
    assert "no requirements" in capsys.readouterr().err
    assert not (tmp_path / "o" / "train.parquet").exists()
    with pytest.raises(SystemExit):
        main(["--prompts", str(empty), "--out", str(empty / "inside")])
    assert "lies inside the prompt folder" in capsys.readouterr().err


def test_cli_help_and_script_entry():
    import subprocess
    import sys
    import tomllib

    out = subprocess.run([sys.executable, "-m", "scenerevis.train.rl_data", "--help"], capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 0 and "--prompts" in out.stdout and "--val-ratio" in out.stdout, out.stderr
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["scripts"]
    assert scripts["scenerevis-rl-data"] == "scenerevis.train.rl_data:main"
