"""Reward weights file: the packaged defaults load; bad files give one line naming the file and the field."""

from importlib import resources

import pytest
import yaml

from scenerevis.train.reward_config import PHASE_COMPONENTS, PHASES, RewardConfig


def test_packaged_defaults_load_and_cover_every_phase():
    cfg = RewardConfig.default()
    assert set(cfg.weights) == set(PHASES)
    assert cfg.phase_weights("create") == {"format": 0.5, "room_type": 0.2, "corners": 0.15, "area": 0.15}
    assert sum(cfg.phase_weights("final").values()) == pytest.approx(1.0)
    assert sum(cfg.phase_weights("edit").values()) == pytest.approx(1.0)
    assert (cfg.pbl_full, cfg.pbl_worst, cfg.min_turns, cfg.short_penalty) == (1e-5, 0.1, 2, -1.0)
    assert cfg.corner_scores == {4: 1.0, 6: 0.5, 8: 0.5}
    text = resources.files("scenerevis").joinpath("train/reward_weights.yaml").read_text()
    assert RewardConfig.from_dict(yaml.safe_load(text)).to_dict() == cfg.to_dict()


def test_round_trip_through_a_file(tmp_path):
    cfg = RewardConfig.default()
    d = cfg.to_dict()
    d["weights"]["edit"] = {"format": 1.0, "voxel_pbl": 0.0}
    d["params"]["size_minor"] = [0.7, 1.4]
    path = tmp_path / "weights.yaml"
    path.write_text(yaml.safe_dump(d))
    got = RewardConfig.from_yaml(path)
    assert got.phase_weights("edit") == {"format": 1.0}  # zero weights are not computed
    assert got.size_minor == (0.7, 1.4) and got.source == str(path)


def _write(tmp_path, mutate) -> str:
    d = RewardConfig.default().to_dict()
    mutate(d)
    path = tmp_path / "bad.yaml"
    path.write_text(yaml.safe_dump(d))
    return str(path)


@pytest.mark.parametrize(
    "mutate, message",
    [
        (lambda d: d["weights"]["edit"].update(flux=0.1), "weights.edit.flux: unknown component"),
        (lambda d: d["weights"]["create"].update(collision_rate=0.1), "weights.create.collision_rate: unknown component"),
        (lambda d: d["weights"]["edit"].update(format=-0.1), "weights.edit.format: weight must be a number >= 0, got -0.1"),
        (lambda d: d["weights"]["edit"].update(format="high"), "weights.edit.format: weight must be a number >= 0, got 'high'"),
        (
            lambda d: d["weights"].update(final=dict.fromkeys(d["weights"]["final"], 0)),
            "weights.final: needs at least one positive weight",
        ),
        (lambda d: d["weights"].pop("create"), "weights.create: missing"),
        (lambda d: d["weights"].update(warmup={"format": 1}), "weights.warmup: unknown phase"),
        (lambda d: d["params"].update(pbl_worst=1e-6), "params.pbl_worst: need 0 <= pbl_full < pbl_worst"),
        (lambda d: d["params"].update(min_turns=2.5), "params.min_turns: must be an integer, got 2.5"),
        (lambda d: d["params"].update(size_minor=[0.9]), "params.size_minor: must be a list of two numbers"),
        (lambda d: d["params"].update(size_critical=[0.9, 1.1]), "params.size_critical: must lie outside size_minor"),
        (lambda d: d["params"].update(speed=3), "params.speed: unknown parameter"),
        (lambda d: d.update(extra=1), "unknown top-level key(s) ['extra']"),
    ],
)
def test_bad_files_name_file_and_field(tmp_path, mutate, message):
    path = _write(tmp_path, mutate)
    with pytest.raises(ValueError) as err:
        RewardConfig.from_yaml(path)
    assert str(err.value).startswith(f"{path}: ") and message in str(err.value)
    assert "\n" not in str(err.value)


def test_unreadable_and_invalid_yaml(tmp_path):
    with pytest.raises(ValueError, match=r"missing\.yaml: cannot read reward weights file"):
        RewardConfig.from_yaml(tmp_path / "missing.yaml")
    bad = tmp_path / "bad.yaml"
    bad.write_text("weights: {edit: [1,\n")
    with pytest.raises(ValueError, match=r"bad\.yaml: not valid YAML \(line \d+\)"):
        RewardConfig.from_yaml(bad)
    bad.write_text("- 1\n- 2\n")
    with pytest.raises(ValueError, match="top level must be a mapping"):
        RewardConfig.from_yaml(bad)


def test_every_phase_lists_only_known_components():
    assert set(PHASE_COMPONENTS["create"]) == {"format", "room_type", "corners", "area"}
    assert "voxel_pbl" in PHASE_COMPONENTS["final"] and "judge_rationality" in PHASE_COMPONENTS["edit"]
    with pytest.raises(ValueError, match="unknown reward phase 'warmup'"):
        RewardConfig.default().phase_weights("warmup")
