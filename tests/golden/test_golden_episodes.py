"""Golden episodes: the built-in designer's replies for fixed (prompt, seed) pairs, byte for byte.

They pin the behaviour of the episode loop, the environment step and the designer across refactors.
A change that alters them on purpose regenerates the file with::

    SCENEREVIS_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/golden -q

and the diff of ``episodes.json`` is reviewed like code.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

GOLDEN = Path(__file__).with_name("episodes.json")

#: (prompt, seed) pairs: four room types of our prompt sets, short and long prompts, three seeds.
CASES: list[tuple[str, int]] = [
    ("A calm Scandinavian bedroom with a double bed, two nightstands and a white wardrobe.", 0),
    ("Small guest bedroom with a single bed, one nightstand and a compact wardrobe.", 1),
    ("A dining room with a rectangular oak table, six chairs and a sideboard.", 0),
    ("Small dining room with a round table for four and a narrow buffet.", 2),
    ("A modern living room with a grey sofa, a coffee table and a TV stand.", 0),
    ("Cosy living room with a brown leather chesterfield, two armchairs and a round wooden coffee table.", 1),
    ("A study with a desk, an office chair and a bookshelf.", 0),
    ("Minimalist home office with a white desk, a black ergonomic chair and a filing cabinet.", 2),
    ("a cozy bedroom with a queen bed, two nightstands and a reading corner", 3),
    ("An open-plan living and dining room with an L-shaped sofa, a TV, a dining table for six and a bookcase.", 0),
]


def _replies(prompt: str, seed: int, tmp: Path) -> list[str]:
    from scenerevis.env import SceneEnv
    from scenerevis.loop.config import LoopConfig
    from scenerevis.loop.episode import run_episode
    from scenerevis.policy import make_policy

    config = LoopConfig(max_turns=10, seed=seed, render=False, export_glb=False, write_report=False)
    result = run_episode(make_policy("rule"), SceneEnv(), prompt, tmp, config)
    return [(tmp / f"response_iter_{t.turn}.txt").read_text(encoding="utf-8") for t in result.turns if t.reply is not None]


def test_golden_episodes(tmp_path):
    got = {f"{seed}|{prompt}": _replies(prompt, seed, tmp_path / str(i)) for i, (prompt, seed) in enumerate(CASES)}
    if os.environ.get("SCENEREVIS_UPDATE_GOLDEN") == "1":
        GOLDEN.write_text(json.dumps(got, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        pytest.skip(f"golden episodes rewritten: {GOLDEN}")
    want = json.loads(GOLDEN.read_text(encoding="utf-8"))
    assert sorted(got) == sorted(want)
    for key, replies in want.items():
        assert got[key] == replies, f"golden episode changed: {key}"
