#!/usr/bin/env bash
# Multi-turn GRPO of a SceneReVis policy with verl 0.9.1 (Ray + vLLM rollout), from the repository root:
#
#   MODEL_PATH=/ckpt/sft/checkpoint-849 TRAIN_FILES=data/rl/train.parquet VAL_FILES=data/rl/val.parquet \
#   N_GPUS=4 script/RL/run_grpo.sh [extra hydra overrides ...]
#
# Environment:
#   MODEL_PATH    the SFT checkpoint (Qwen2.5-VL); required
#   TRAIN_FILES   training parquet (python -m scenerevis.train.rl_data ...); required
#   VAL_FILES     validation parquet (default: TRAIN_FILES)
#   N_GPUS        GPUs on this node (default: all visible, by nvidia-smi; 1 without it)
#   NNODES        nodes (default 1; start the Ray cluster yourself for more)
#   TP            vLLM tensor parallel size (default 2, or 1 with a single GPU)
#   VENV          the RL venv (default .venv-rl; ./setup_env.sh rl makes it)
#   RAY_ADDRESS   join a running Ray cluster instead of starting a local one (verl's own behaviour)
#   PROJECT, EXPERIMENT, LOGGER   trainer.project_name / experiment_name / logger (default console)
#
# Hyper-parameters are in script/RL/config/scene_grpo.yaml (the original's: GRPO n=8, lr 1e-6,
# KL loss 0.004 low_var_kl, batch 16, mini-batch 8, <= 7 turns); override any key as key=value.
# Nothing here kills other processes: a Ray cluster this script starts is stopped by verl at exit.
set -euo pipefail
cd "$(dirname "$0")/../.."

: "${MODEL_PATH:?set MODEL_PATH to the SFT checkpoint}"
: "${TRAIN_FILES:?set TRAIN_FILES to the training parquet}"
VAL_FILES="${VAL_FILES:-$TRAIN_FILES}"
VENV="${VENV:-.venv-rl}"
if [ -z "${N_GPUS:-}" ]; then
  if command -v nvidia-smi >/dev/null 2>&1; then N_GPUS="$(nvidia-smi -L | wc -l)"; else N_GPUS=1; fi
fi
NNODES="${NNODES:-1}"
if [ -z "${TP:-}" ]; then
  if [ "$N_GPUS" -ge 2 ]; then TP=2; else TP=1; fi
fi
PY="$VENV/bin/python"
if [ ! -x "$PY" ]; then
  echo "run_grpo.sh: $PY not found; create the RL environment with ./setup_env.sh rl" >&2
  exit 1
fi

export VLLM_USE_V1=1
export PYOPENGL_PLATFORM="${PYOPENGL_PLATFORM:-egl}"   # headless GL renderer inside the agent-loop workers
export HF_HUB_OFFLINE="${HF_HUB_OFFLINE:-1}"

exec "$PY" -m verl.trainer.main_ppo \
  --config-path "$PWD/script/RL/config" --config-name scene_grpo \
  data.train_files="$TRAIN_FILES" \
  data.val_files="$VAL_FILES" \
  actor_rollout_ref.model.path="$MODEL_PATH" \
  actor_rollout_ref.rollout.tensor_model_parallel_size="$TP" \
  actor_rollout_ref.rollout.agent.agent_loop_config_path="$PWD/script/RL/config/agent_loops.yaml" \
  trainer.n_gpus_per_node="$N_GPUS" \
  trainer.nnodes="$NNODES" \
  trainer.project_name="${PROJECT:-scenerevis_grpo}" \
  trainer.experiment_name="${EXPERIMENT:-scene-grpo}" \
  "trainer.logger=[${LOGGER:-console}]" \
  "$@"
