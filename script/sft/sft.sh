#!/usr/bin/env bash
# script/sft/sft.sh: supervised fine-tuning of a Qwen2.5-VL model on scene-editing trajectories with ms-swift.
#
#   DATASET=data/train.jsonl bash script/sft/sft.sh [extra swift sft flags...]
#
# Defaults are the original recipe: Qwen2.5-VL-7B-Instruct, full fine-tuning with the ViT frozen and the
# aligner + LLM trainable, lr 1e-5, 3 epochs, max_length 51,200 with left truncation, packing +
# padding-free, bf16, flash attention, DeepSpeed ZeRO-3, gradient checkpointing, per-device batch 1 x
# grad-accum 4 on 8 GPUs (global batch 32 packed sequences), warmup 0.05, 5 % held out, a checkpoint
# per epoch, <= 1024 tokens per image. Every value is an environment variable below; an empty value
# for NPROC_PER_NODE / DEEPSPEED / ATTN_IMPL / MODEL_TYPE / TEMPLATE / VAL_DATASET leaves that flag
# out. Arguments after the script go to `swift sft` last (they win).
#
# Data: ms-swift JSONL, one trajectory a line: {"messages": [system, user, assistant, ...],
# "images": [paths]} (SceneChain-12K's layout; `python -m scenerevis.train.synth` writes it).
# Needs .venv-sft (./setup_env.sh sft) and, for ATTN_IMPL=flash_attn, the flash-attn package.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"

if [ -z "${SWIFT:-}" ]; then
  if [ -x "$ROOT/.venv-sft/bin/swift" ]; then SWIFT="$ROOT/.venv-sft/bin/swift"; else SWIFT=swift; fi
fi
if ! command -v "$SWIFT" >/dev/null 2>&1; then
  echo "sft.sh: '$SWIFT' not found; run ./setup_env.sh sft or set SWIFT=/path/to/swift" >&2
  exit 1
fi
if [ -z "${DATASET:-}" ]; then
  echo "sft.sh: set DATASET=/path/to/train.jsonl (ms-swift messages + images JSONL)" >&2
  exit 1
fi

MODEL="${MODEL:-Qwen/Qwen2.5-VL-7B-Instruct}"
MODEL_TYPE="${MODEL_TYPE-}"                 # e.g. qwen2_5_vl when MODEL is a local path ms-swift cannot classify
TEMPLATE="${TEMPLATE-}"                     # default: the model type's template (qwen2_5_vl)
VAL_DATASET="${VAL_DATASET-}"               # a separate validation JSONL instead of SPLIT_RATIO
SPLIT_RATIO="${SPLIT_RATIO:-0.05}"
OUTPUT_DIR="${OUTPUT_DIR:-output/sft}"
TUNER_TYPE="${TUNER_TYPE:-full}"
FREEZE_VIT="${FREEZE_VIT:-true}"
FREEZE_ALIGNER="${FREEZE_ALIGNER:-false}"
FREEZE_LLM="${FREEZE_LLM:-false}"
LEARNING_RATE="${LEARNING_RATE:-1e-5}"
NUM_EPOCHS="${NUM_EPOCHS:-3}"
MAX_STEPS="${MAX_STEPS:--1}"                # > 0 stops after that many optimizer steps
BATCH_SIZE="${BATCH_SIZE:-1}"
GRAD_ACCUM="${GRAD_ACCUM:-4}"
WARMUP_RATIO="${WARMUP_RATIO:-0.05}"
MAX_LENGTH="${MAX_LENGTH:-51200}"
TRUNCATION="${TRUNCATION:-left}"            # left | right | delete | split
PACKING="${PACKING:-true}"
PADDING_FREE="${PADDING_FREE:-true}"
TORCH_DTYPE="${TORCH_DTYPE:-bfloat16}"
ATTN_IMPL="${ATTN_IMPL-flash_attn}"
DEEPSPEED="${DEEPSPEED-zero3}"
GRADIENT_CHECKPOINTING="${GRADIENT_CHECKPOINTING:-true}"
SAVE_STRATEGY="${SAVE_STRATEGY:-epoch}"
SAVE_STEPS="${SAVE_STEPS:-500}"             # used when SAVE_STRATEGY=steps
SAVE_TOTAL_LIMIT="${SAVE_TOTAL_LIMIT:-5}"
SAVE_ONLY_MODEL="${SAVE_ONLY_MODEL:-true}"
EVAL_STEPS="${EVAL_STEPS:-50}"
LOGGING_STEPS="${LOGGING_STEPS:-1}"
REPORT_TO="${REPORT_TO:-tensorboard}"
DATALOADER_WORKERS="${DATALOADER_WORKERS:-4}"
DATASET_NUM_PROC="${DATASET_NUM_PROC:-4}"
SEED="${SEED:-42}"

export NPROC_PER_NODE="${NPROC_PER_NODE-8}"
[ -n "$NPROC_PER_NODE" ] || unset NPROC_PER_NODE
# Image budget: <= IMAGE_MAX_TOKEN_NUM merged 28x28 patches an image; a MAX_PIXELS given instead wins.
if [ -z "${MAX_PIXELS:-}" ]; then export IMAGE_MAX_TOKEN_NUM="${IMAGE_MAX_TOKEN_NUM:-1024}"; fi
export PYTORCH_CUDA_ALLOC_CONF="${PYTORCH_CUDA_ALLOC_CONF:-expandable_segments:True}"
export USE_HF="${USE_HF:-1}"                # hub ids resolve on Hugging Face (0: ModelScope)
# Relative image paths in a local JSONL are relative to its folder (absolute paths are kept as they are).
if [ -z "${ROOT_IMAGE_DIR:-}" ] && [ -f "$DATASET" ]; then export ROOT_IMAGE_DIR="$(cd "$(dirname "$DATASET")" && pwd)"; fi

args=(
  --model "$MODEL"
  --dataset "$DATASET"
  --output_dir "$OUTPUT_DIR"
  --tuner_type "$TUNER_TYPE"
  --freeze_vit "$FREEZE_VIT" --freeze_aligner "$FREEZE_ALIGNER" --freeze_llm "$FREEZE_LLM"
  --learning_rate "$LEARNING_RATE"
  --num_train_epochs "$NUM_EPOCHS" --max_steps "$MAX_STEPS"
  --per_device_train_batch_size "$BATCH_SIZE" --per_device_eval_batch_size "$BATCH_SIZE"
  --gradient_accumulation_steps "$GRAD_ACCUM"
  --warmup_ratio "$WARMUP_RATIO"
  --max_length "$MAX_LENGTH" --truncation_strategy "$TRUNCATION"
  --packing "$PACKING" --padding_free "$PADDING_FREE"
  --torch_dtype "$TORCH_DTYPE"
  --gradient_checkpointing "$GRADIENT_CHECKPOINTING"
  --save_strategy "$SAVE_STRATEGY" --save_steps "$SAVE_STEPS" --save_total_limit "$SAVE_TOTAL_LIMIT"
  --save_only_model "$SAVE_ONLY_MODEL"
  --eval_steps "$EVAL_STEPS" --logging_steps "$LOGGING_STEPS"
  --report_to "$REPORT_TO"
  --dataloader_num_workers "$DATALOADER_WORKERS" --dataset_num_proc "$DATASET_NUM_PROC"
  --seed "$SEED"
)
if [ -n "$VAL_DATASET" ]; then args+=(--val_dataset "$VAL_DATASET" --split_dataset_ratio 0); else args+=(--split_dataset_ratio "$SPLIT_RATIO"); fi
[ -z "$MODEL_TYPE" ] || args+=(--model_type "$MODEL_TYPE")
[ -z "$TEMPLATE" ] || args+=(--template "$TEMPLATE")
[ -z "$ATTN_IMPL" ] || args+=(--attn_impl "$ATTN_IMPL")
[ -z "$DEEPSPEED" ] || args+=(--deepspeed "$DEEPSPEED")

echo "sft.sh: $SWIFT sft ${args[*]} $*" >&2
exec "$SWIFT" sft "${args[@]}" "$@"
