#!/usr/bin/env bash
# CPU smoke run of multi-turn VL GRPO with ms-swift (a few minutes on 2 cores, no download):
# a tiny random Qwen2.5-VL, 3 prompts x 2 generations, at most 3 turns (creation + 2 edits), 1 step,
# our scheduler (SceneEnv + GL renders) and reward. The last line printed is the JSON summary
#   {"steps": ..., "loss": ..., "reward_mean": ..., "turns": [...], "images_per_sample": [...]}
# and the exit status is non-zero when a check fails (see scenerevis/train/swift_smoke.py).
#
#   bash script/RL/smoke_swift.sh OUT
# Environment: PYTHON (default .venv-sft/bin/python: the ms-swift env of ./setup_env.sh sft).
set -euo pipefail
cd "$(dirname "$0")/../.."
OUT="${1:?usage: smoke_swift.sh OUT}"
PY="${PYTHON:-.venv-sft/bin/python}"
MAX_TURNS=3
mkdir -p "$OUT"
OUT="$(cd "$OUT" && pwd)"
rm -rf "$OUT/run" "$OUT/renders" "$OUT/samples.jsonl"

export PYTHONPATH="$PWD${PYTHONPATH:+:$PYTHONPATH}"
export CUDA_VISIBLE_DEVICES="" PYOPENGL_PLATFORM="${PYOPENGL_PLATFORM:-egl}" HF_HUB_OFFLINE=1 TOKENIZERS_PARALLELISM=false
export OMP_NUM_THREADS="${OMP_NUM_THREADS:-2}"
export SCENEREVIS_SWIFT_WORKDIR="$OUT/renders" SCENEREVIS_SWIFT_RENDERER=gl SCENEREVIS_SWIFT_RESOLUTION=64
export SCENEREVIS_SWIFT_MERGED_SIZE=128x64 SCENEREVIS_SWIFT_RESOLVER=none SCENEREVIS_SWIFT_SAMPLE_LOG="$OUT/samples.jsonl"
export MAX_PIXELS=12544

"$PY" -m scenerevis.train.swift_smoke prepare "$OUT" --prompts 3 >/dev/null

"$PY" -m swift.cli.rlhf \
  --rlhf_type grpo \
  --model "$OUT/model" --model_type qwen2_5_vl --template qwen2_5_vl_tokenizer_ids \
  --torch_dtype float32 --tuner_type lora --lora_rank 4 --target_modules all-linear \
  --dataset "$OUT/data.jsonl" --split_dataset_ratio 0 --dataloader_num_workers 0 \
  --external_plugins scenerevis/train/swift_register.py \
  --multi_turn_scheduler scenerevis_scene_edit --max_turns "$MAX_TURNS" \
  --reward_funcs scenerevis_scene_reward \
  --num_generations 2 --per_device_train_batch_size 6 --gradient_accumulation_steps 1 \
  --max_completion_length 16 --temperature 1.0 --max_length 8192 \
  --max_steps 1 --learning_rate 1e-4 --logging_steps 1 --save_strategy no --report_to none \
  --seed 0 --output_dir "$OUT/run" > "$OUT/swift.log" 2>&1 \
  || { tail -n 60 "$OUT/swift.log" >&2; echo "smoke_swift: swift rlhf failed (log: $OUT/swift.log)" >&2; exit 1; }

"$PY" -m scenerevis.train.swift_smoke summarize "$OUT" --max-turns "$MAX_TURNS"
