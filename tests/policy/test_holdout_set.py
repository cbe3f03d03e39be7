"""The held-out expectation sets bench/prompt_sets/holdout.jsonl, fresh.jsonl and fresh2.jsonl load and keep their
key order safe for scoring."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from scenerevis.policy.brief_check import load_expectations, matches
from scenerevis.scene.model import SceneObject

HOLDOUT = Path(__file__).resolve().parents[2] / "bench" / "prompt_sets" / "holdout.jsonl"
FRESH = HOLDOUT.with_name("fresh.jsonl")
FRESH2 = HOLDOUT.with_name("fresh2.jsonl")
KNOWN = {
    "bedroom", "living room", "dining room", "office", "kids room", "gym", "game room", "kitchen", "bathroom",
    "nursery", "yoga studio", "home theater", "laundry room", "music room", "art studio", "entryway", "conference room",
}  # fmt: skip


def _named(desc: str) -> SceneObject:
    return SceneObject(id="x", desc=desc, size=np.ones(3), pos=np.zeros(3))


def test_holdout_loads_with_its_size_and_spread():
    exps = load_expectations(HOLDOUT)
    rooms = {e.room for e in exps}
    assert len(exps) == 103
    assert len(rooms) == 29
    assert len(rooms - KNOWN) == 21
    assert sum(1 for e in exps if sum(e.items.values()) >= 12) == 33


def test_fresh_set_has_only_room_types_of_no_other_set():
    """fresh.jsonl was written after the designer's tuning, on room types neither other set has."""
    exps = load_expectations(FRESH)
    rooms = {e.room for e in exps}
    assert len(exps) == 40 and len(rooms) == 18
    assert not rooms & ({e.room for e in load_expectations(HOLDOUT)} | KNOWN)


def test_fresh2_set_has_only_room_types_of_no_other_set():
    """fresh2.jsonl was written blind (its writer read neither the designer nor the other sets' prompts)."""
    exps = load_expectations(FRESH2)
    rooms = {e.room for e in exps}
    assert len(exps) == 60 and len(rooms) == 27
    others = {e.room for p in (HOLDOUT, FRESH) for e in load_expectations(p)} | KNOWN
    assert not rooms & others


@pytest.mark.parametrize("path", [HOLDOUT, FRESH, FRESH2], ids=["holdout", "fresh", "fresh2"])
def test_no_item_key_steals_a_later_keys_objects(path):
    """An earlier key must not match an object named by a later key's alternative (e.g. "table" before "coffee
    table"): score_brief assigns objects by a maximum matching now, and these sets keep the order that a greedy
    count needed, so their numbers are the same under both."""
    for n, exp in enumerate(load_expectations(path), 1):
        keys = list(exp.items)
        for i, earlier in enumerate(keys):
            for later in keys[i + 1 :]:
                for alt in later.split("|"):
                    assert not matches(_named(alt), earlier), (n, earlier, later, alt)


@pytest.mark.parametrize(
    ("name", "prompts", "rooms"),
    [
        ("fresh5.jsonl", 56, 18),
        ("fresh6.jsonl", 48, 16),
        ("fresh7.jsonl", 50, 16),
        ("fresh8.jsonl", 50, 16),
        ("fresh9.jsonl", 50, 16),
        ("fresh10.jsonl", 50, 16),
        ("fresh11.jsonl", 50, 16),
        ("fresh12.jsonl", 50, 16),
        ("fresh13.jsonl", 50, 16),
        ("fresh14.jsonl", 50, 16),
        ("fresh15.jsonl", 50, 16),
        ("fresh16.jsonl", 50, 16),
        ("fresh17.jsonl", 50, 16),
    ],
)
def test_blind_sets_have_only_room_types_of_no_other_set(name, prompts, rooms):
    """fresh5 to fresh17 were written blind by a helper that read neither the designer nor the other sets' prompts;
    fresh9, fresh10, fresh11 and fresh13 were each scored only before and after one session's work, never read while
    tuning (fresh12 so for the first half of a session, then read; fresh14 to fresh17 scored at a session's start
    and after its work, then read)."""
    exps = load_expectations(HOLDOUT.with_name(name))
    own = {e.room for e in exps}
    assert (len(exps), len(own)) == (prompts, rooms)
    others = [p for p in HOLDOUT.parent.glob("*.jsonl") if p.name != name]
    assert not own & ({e.room for p in others for e in load_expectations(p)} | KNOWN)
