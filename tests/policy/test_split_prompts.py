"""The acceptance run of the rule designer on the project's own prompt sets (split_prompts/*.txt)."""

from __future__ import annotations

from pathlib import Path

import pytest

from scenerevis.loop.simulate import run_rule_episode
from scenerevis.physics import evaluate_physics
from scenerevis.policy.audit import audit_scene
from scenerevis.policy.prompt_parse import parse_prompt

PROMPTS = Path(__file__).resolve().parents[2] / "split_prompts"


def test_prompt_sets_exist_and_vary():
    files = sorted(p.stem for p in PROMPTS.glob("*.txt"))
    assert files == ["bedroom", "dining_room", "living_room", "study_room"]
    for name in files:
        lines = [ln for ln in (PROMPTS / f"{name}.txt").read_text(encoding="utf-8").splitlines() if ln.strip()]
        assert len(lines) >= 25
        lengths = sorted(len(ln) for ln in lines)
        assert lengths[0] < 100 and lengths[-1] > 500  # one-liners to paragraphs
        room = {"study_room": "study"}.get(name, name)
        assert [ln for ln in lines if parse_prompt(ln).room_type != room] == []


@pytest.mark.slow
@pytest.mark.parametrize("name", ["bedroom", "dining_room", "living_room", "study_room"])
def test_every_split_prompt_gives_a_valid_complete_room(name):
    for line in (PROMPTS / f"{name}.txt").read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        scene, turns = run_rule_episode(line, iterations=10, seed=0)
        report = evaluate_physics(scene)
        audit = audit_scene(scene, parse_prompt(line))
        assert report.oob_rate == 0.0 and report.collision_rate <= 1.0, line
        assert audit.essentials_ok, (line, audit.missing_essentials)
        assert all(not t.errors for t in turns), line
        assert turns[-1].terminated, line


@pytest.mark.slow
def test_every_planned_description_classifies_back_to_its_category():
    """The policy finds its own pieces again by description on later turns (any bed counts as a bed)."""
    from scenerevis.policy.plan import build_plan
    from scenerevis.policy.rule import equivalence_key
    from scenerevis.policy.vocab import classify_description
    from scenerevis.scene.rooms import load_rooms

    for path in PROMPTS.glob("*.txt"):
        for line in path.read_text(encoding="utf-8").splitlines():
            plan = build_plan(parse_prompt(line), seed=0)
            generic = load_rooms().generic_nouns
            for it in plan.items:
                if it.category == "generic_object":  # open-vocabulary pieces are found by their planned description
                    continue
                if it.desc.split()[-1] in generic and it.desc.split()[-1] != load_rooms().category(it.category).noun:
                    continue  # "a drafting chair" keeps the prompt's kind noun: found by its planned description too
                got = classify_description(it.desc, plan.room_type)
                assert equivalence_key(got) == equivalence_key(it.category), (it.desc, it.category, got)
