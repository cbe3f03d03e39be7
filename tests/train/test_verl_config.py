"""script/RL/config composed with verl 0.9.1's trainer config (Hydra), validated by verl, and the launcher's
command line composing the same way. Runs in .venv-rl; skipped where verl is not installed."""

from __future__ import annotations

import os
import shlex
import stat
import subprocess
from pathlib import Path

import pytest

pytest.importorskip("verl")

from omegaconf import OmegaConf  # noqa: E402
from verl.trainer.ppo.utils import need_critic, need_reference_policy  # noqa: E402
from verl.utils.config import omega_conf_to_dataclass, validate_config  # noqa: E402

from scenerevis.train.verl_agent_loop import SceneLoopSettings  # noqa: E402
from tests.train.verl_fixtures import AGENT_LOOPS_YAML, CONFIG_DIR, compose_trainer_config  # noqa: E402

REPO = CONFIG_DIR.parents[2]
RUN_GRPO = REPO / "script" / "RL" / "run_grpo.sh"


def test_defaults_are_the_original_grpo_settings():
    c = compose_trainer_config()
    arr = c.actor_rollout_ref
    assert c.algorithm.adv_estimator == "grpo" and c.algorithm.use_kl_in_reward is False
    assert arr.rollout.n == 8
    assert arr.actor.optim.lr == 1e-6
    assert (arr.actor.use_kl_loss, arr.actor.kl_loss_coef, arr.actor.kl_loss_type) == (True, 0.004, "low_var_kl")
    assert arr.actor.entropy_coeff == 0
    assert (c.data.train_batch_size, arr.actor.ppo_mini_batch_size) == (16, 8)
    assert arr.rollout.multi_turn.max_assistant_turns == 7
    assert (arr.rollout.name, arr.rollout.mode) == ("vllm", "async")
    assert arr.rollout.limit_images == 7
    # the rollout lengths follow the data lengths (verl's interpolation)
    assert (arr.rollout.prompt_length, arr.rollout.response_length) == (2048, 40960)
    assert arr.rollout.agent.default_agent_loop == "scenerevis_agent"
    assert c.trainer.n_gpus_per_node == 4


def test_verl_accepts_the_composed_config():
    c = compose_trainer_config()
    assert need_reference_policy(c) is True  # the KL loss needs the reference model
    validate_config(c, use_reference_policy=need_reference_policy(c), use_critic=need_critic(c))
    rollout = omega_conf_to_dataclass(c.actor_rollout_ref.rollout)
    assert rollout.limit_images == 7 and rollout.multi_turn.max_assistant_turns == 7
    assert omega_conf_to_dataclass(c.algorithm).adv_estimator == "grpo"


def test_agent_loop_entry_is_importable_with_valid_settings():
    entries = OmegaConf.load(AGENT_LOOPS_YAML)
    assert [e.name for e in entries] == ["scenerevis_agent"]
    entry = entries[0]
    assert entry._target_ == "scenerevis.train.verl_agent_loop.SceneAgentLoop"
    settings = SceneLoopSettings.from_mapping(entry.settings)
    assert (settings.renderer, settings.max_edit_turns) == ("gl", 6)
    with pytest.raises(ValueError, match=r"unknown key\(s\) \['max_turn'\]"):
        SceneLoopSettings.from_mapping({"max_turn": 3})
    with pytest.raises(ValueError, match="settings.renderer"):
        SceneLoopSettings.from_mapping({"renderer": "vulkan"})
    with pytest.raises(ValueError, match="set settings.max_edit_turns instead"):
        SceneLoopSettings.from_mapping({"env": {"max_turns": 3}})


def _launcher_args(tmp_path: Path, env: dict[str, str]) -> list[str]:
    """Run run_grpo.sh with a stand-in venv whose python prints its arguments, one per line."""
    venv = tmp_path / "venv"
    (venv / "bin").mkdir(parents=True)
    py = venv / "bin" / "python"
    py.write_text('#!/usr/bin/env bash\nprintf "%s\\n" "$@"\n')
    py.chmod(py.stat().st_mode | stat.S_IEXEC)
    run_env = {k: v for k, v in os.environ.items() if k not in ("N_GPUS", "TP", "NNODES")}
    run_env.update({"VENV": str(venv), "PATH": "/usr/bin:/bin", **env})
    res = subprocess.run(
        ["bash", str(RUN_GRPO), "trainer.total_epochs=1"], env=run_env, capture_output=True, text=True, timeout=60
    )
    assert res.returncode == 0, res.stderr
    return res.stdout.splitlines()


def test_launcher_command_line_composes(tmp_path):
    args = _launcher_args(tmp_path, {"MODEL_PATH": "/ckpt/sft", "TRAIN_FILES": "/d/train.parquet", "N_GPUS": "8"})
    assert args[:2] == ["-m", "verl.trainer.main_ppo"]
    assert args[args.index("--config-name") + 1] == "scene_grpo"
    assert Path(args[args.index("--config-path") + 1]) == CONFIG_DIR
    overrides = [a for a in args[2:] if "=" in a]
    c = compose_trainer_config(overrides)
    assert c.actor_rollout_ref.model.path == "/ckpt/sft"
    assert (c.data.train_files, c.data.val_files) == ("/d/train.parquet", "/d/train.parquet")
    assert (c.trainer.n_gpus_per_node, c.actor_rollout_ref.rollout.tensor_model_parallel_size) == (8, 2)
    assert c.trainer.total_epochs == 1
    assert Path(c.actor_rollout_ref.rollout.agent.agent_loop_config_path) == AGENT_LOOPS_YAML
    validate_config(c, use_reference_policy=need_reference_policy(c), use_critic=need_critic(c))


def test_launcher_single_gpu_and_missing_model(tmp_path):
    args = _launcher_args(tmp_path, {"MODEL_PATH": "m", "TRAIN_FILES": "t", "N_GPUS": "1"})
    assert "actor_rollout_ref.rollout.tensor_model_parallel_size=1" in args
    venv = tmp_path / "venv"
    res = subprocess.run(
        ["bash", str(RUN_GRPO)],
        env={"PATH": "/usr/bin:/bin", "VENV": str(venv), "TRAIN_FILES": "t"},
        capture_output=True,
        text=True,
    )
    assert res.returncode != 0 and "MODEL_PATH" in res.stderr
    # the launcher never kills other processes
    assert not any(word in shlex.split(RUN_GRPO.read_text(), comments=True) for word in ("pkill", "killall", "kill"))
