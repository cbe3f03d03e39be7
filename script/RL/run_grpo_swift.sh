#!/usr/bin/env bash
# Multi-turn VL GRPO with ms-swift 4.6 on one machine (one GPU by default): the policy edits a scene turn by
# turn; our scheduler (scenerevis/train/swift_plugin.py) steps SceneEnv, renders each turn and appends the
# next user turn with its image; our reward scores what the scheduler recorded (reward weights file).
#
#   bash script/RL/run_grpo_swift.sh                     # defaults below
#   MODEL=outputs/sft/checkpoint-xxx DATASET=data/grpo.jsonl NUM_GENERATIONS=8 bash script/RL/run_grpo_swift.sh
#
# DATASET rows: python -m scenerevis.train.swift_data PROMPTS.txt OUT.jsonl (one requirement per line).
# Environment overrides (defaults in brackets):
#   MODEL [Qwen/Qwen2.5-VL-7B-Instruct]  DATASET [outputs/grpo_swift/data.jsonl, built from split_prompts/*.txt]
#   OUTPUT_DIR [outputs/grpo_swift]  NUM_GENERATIONS [8]  MAX_TURNS [8: creation + 7 edits]
#   TUNER [lora | full]  LORA_RANK [16]  LR [1e-6 full, 1e-5 lora]  BETA [0.004: KL coefficient]
#   BATCH [8: completions per device step]  GRAD_ACCUM [2]  MAX_STEPS [-1 = epochs]  EPOCHS [1]
#   MAX_COMPLETION_LENGTH [2048, per turn]  MAX_LENGTH [32768]  TEMPERATURE [1.0]
#   USE_VLLM [auto: colocate when vllm imports and a GPU is visible | true | false]  VLLM_MEM [0.4]
#   REWARD_CONFIG [scenerevis/train/reward_weights.yaml when present]  RENDERER [gl | blender | none]
#   RESOLUTION [512]  RESOLVER [auto | none]  RENDER_DIR [$OUTPUT_DIR/renders]  MAX_PIXELS [401408]
#   PYTHON [.venv-sft/bin/python]  EXTRA_ARGS [appended to swift rlhf]
set -euo pipefail
cd "$(dirname "$0")/../.."
PY="${PYTHON:-.venv-sft/bin/python}"
MODEL="${MODEL:-Qwen/Qwen2.5-VL-7B-Instruct}"
OUTPUT_DIR="${OUTPUT_DIR:-outputs/grpo_swift}"
DATASET="${DATASET:-}"
NUM_GENERATIONS="${NUM_GENERATIONS:-8}"
MAX_TURNS="${MAX_TURNS:-8}"
TUNER="${TUNER:-lora}"
BETA="${BETA:-0.004}"
BATCH="${BATCH:-8}"
GRAD_ACCUM="${GRAD_ACCUM:-2}"
MAX_STEPS="${MAX_STEPS:--1}"
EPOCHS="${EPOCHS:-1}"
MAX_COMPLETION_LENGTH="${MAX_COMPLETION_LENGTH:-2048}"
MAX_LENGTH="${MAX_LENGTH:-32768}"
TEMPERATURE="${TEMPERATURE:-1.0}"
USE_VLLM="${USE_VLLM:-auto}"
VLLM_MEM="${VLLM_MEM:-0.4}"
case "$TUNER" in
  lora) LR="${LR:-1e-5}"; TUNER_ARGS=(--tuner_type lora --lora_rank "${LORA_RANK:-16}" --lora_alpha 32 --target_modules all-linear --freeze_vit true) ;;
  full) LR="${LR:-1e-6}"; TUNER_ARGS=(--tuner_type full --freeze_vit true) ;;
  *) echo "run_grpo_swift.sh: TUNER must be lora or full, got '$TUNER'" >&2; exit 2 ;;
esac
if [ ! -x "$PY" ]; then
  echo "run_grpo_swift.sh: $PY not found; create the ms-swift env with ./setup_env.sh sft or set PYTHON" >&2; exit 1
fi
if [ -z "${REWARD_CONFIG:-}" ] && [ -f scenerevis/train/reward_weights.yaml ]; then
  REWARD_CONFIG=scenerevis/train/reward_weights.yaml
fi
if [ -n "${REWARD_CONFIG:-}" ] && [ ! -f "$REWARD_CONFIG" ]; then
  echo "run_grpo_swift.sh: REWARD_CONFIG=$REWARD_CONFIG not found" >&2; exit 1
fi
mkdir -p "$OUTPUT_DIR"
if [ -z "$DATASET" ]; then
  DATASET="$OUTPUT_DIR/data.jsonl"
  cat split_prompts/*.txt > "$OUTPUT_DIR/prompts.txt"
  "$PY" -m scenerevis.train.swift_data "$OUTPUT_DIR/prompts.txt" "$DATASET" >/dev/null
fi

export PYTHONPATH="$PWD${PYTHONPATH:+:$PYTHONPATH}"
export PYOPENGL_PLATFORM="${PYOPENGL_PLATFORM:-egl}"
export MAX_PIXELS="${MAX_PIXELS:-401408}"  # 512 merged 28x28 patches per image: ~512 tokens per render
export SCENEREVIS_SWIFT_WORKDIR="${RENDER_DIR:-$OUTPUT_DIR/renders}"
export SCENEREVIS_SWIFT_RENDERER="${RENDERER:-gl}" SCENEREVIS_SWIFT_RESOLUTION="${RESOLUTION:-512}"
export SCENEREVIS_SWIFT_RESOLVER="${RESOLVER:-auto}"
export SCENEREVIS_REWARD_CONFIG="${REWARD_CONFIG:-}"

VLLM_ARGS=()
if [ "$USE_VLLM" = auto ]; then
  if "$PY" -c "import vllm, torch; assert torch.cuda.is_available()" >/dev/null 2>&1; then USE_VLLM=true; else USE_VLLM=false; fi
fi
if [ "$USE_VLLM" = true ]; then
  VLLM_ARGS=(--use_vllm true --vllm_mode colocate --vllm_gpu_memory_utilization "$VLLM_MEM"
             --vllm_max_model_len "$MAX_LENGTH" --vllm_limit_mm_per_prompt "{\"image\": $MAX_TURNS}"
             --sleep_level 1 --offload_optimizer true --offload_model true)
fi

set -x
"$PY" -m swift.cli.rlhf \
  --rlhf_type grpo \
  --model "$MODEL" --torch_dtype bfloat16 \
  "${TUNER_ARGS[@]}" \
  --dataset "$DATASET" --split_dataset_ratio 0 \
  --external_plugins scenerevis/train/swift_register.py \
  --multi_turn_scheduler scenerevis_scene_edit --max_turns "$MAX_TURNS" \
  --reward_funcs scenerevis_scene_reward \
  --num_generations "$NUM_GENERATIONS" --per_device_train_batch_size "$BATCH" --gradient_accumulation_steps "$GRAD_ACCUM" \
  --max_completion_length "$MAX_COMPLETION_LENGTH" --max_length "$MAX_LENGTH" --temperature "$TEMPERATURE" \
  --beta "$BETA" --learning_rate "$LR" --warmup_ratio 0.05 \
  --num_train_epochs "$EPOCHS" --max_steps "$MAX_STEPS" \
  --gradient_checkpointing true --logging_steps 1 --save_steps 50 --save_total_limit 3 --report_to tensorboard \
  --log_completions true \
  "${VLLM_ARGS[@]}" \
  --output_dir "$OUTPUT_DIR" ${EXTRA_ARGS:-}
