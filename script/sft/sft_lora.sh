#!/usr/bin/env bash
# script/sft/sft_lora.sh: the SFT recipe of sft.sh as LoRA on one GPU (e.g. a 24-80 GB card).
#
#   DATASET=data/train.jsonl bash script/sft/sft_lora.sh [extra swift sft flags...]
#
# LoRA (rank LORA_RANK, alpha LORA_ALPHA) on all linear layers of the LLM, ViT and aligner frozen,
# lr 1e-4, no DeepSpeed, one process; everything else (and every override) as in sft.sh. The
# checkpoint holds the adapter: merge it for the inference policies with
#   .venv-sft/bin/swift export --adapters OUTPUT_DIR/vX-.../checkpoint-N --merge_lora true
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
export NPROC_PER_NODE="${NPROC_PER_NODE-}"
export DEEPSPEED="${DEEPSPEED-}"
export TUNER_TYPE="${TUNER_TYPE:-lora}"
export FREEZE_ALIGNER="${FREEZE_ALIGNER:-true}"
export LEARNING_RATE="${LEARNING_RATE:-1e-4}"
export OUTPUT_DIR="${OUTPUT_DIR:-output/sft_lora}"
export MAX_LENGTH="${MAX_LENGTH:-32768}"
LORA_RANK="${LORA_RANK:-64}"
LORA_ALPHA="${LORA_ALPHA:-128}"
exec bash "$HERE/sft.sh" --lora_rank "$LORA_RANK" --lora_alpha "$LORA_ALPHA" --target_modules all-linear "$@"
