#!/usr/bin/env bash
# script/sft/smoke.sh OUT: the whole SFT path on CPU in minutes, with nothing downloaded.
#
#   1. synthesize ~12 trajectories with the GL renderer   (python -m scenerevis.train.synth, .venv)
#   2. build a tiny random Qwen2.5-VL from a config         (scenerevis.train.tiny_model, .venv-sft)
#   3. `swift sft` through script/sft/sft.sh for SMOKE_STEPS (default 2) optimizer steps (.venv-sft)
#   4. one short episode with the checkpoint: infer.py --policy transformers --model CKPT (.venv)
#
# The last line printed is JSON: {"steps", "losses", "checkpoint", "episode_turns"}; the exit status is
# non-zero when a stage fails, a loss is not finite or the episode did not run.
# Environment: PYTHON (the inference env's python, default .venv/bin/python), VENV_SFT (default
# .venv-sft), SMOKE_STEPS (default 2), SMOKE_DESIGNER_SCENES (default 4: ~12 trajectories),
# SMOKE_MAX_TURNS (edit turns a chain at most, default 3), SMOKE_SEED (default 0), SMOKE_DATA (an
# existing DATA folder with train.jsonl: skips step 1).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
if [ $# -ne 1 ]; then
  echo "usage: bash script/sft/smoke.sh OUT_DIR" >&2
  exit 2
fi
mkdir -p "$1"
OUT="$(cd "$1" && pwd)"
PYTHON="${PYTHON:-$ROOT/.venv/bin/python}"
VENV_SFT="${VENV_SFT:-$ROOT/.venv-sft}"
STEPS="${SMOKE_STEPS:-2}"
SEED="${SMOKE_SEED:-0}"
for exe in "$PYTHON" "$VENV_SFT/bin/python" "$VENV_SFT/bin/swift"; do
  [ -x "$exe" ] || { echo "smoke.sh: $exe not found (./setup_env.sh; ./setup_env.sh sft)" >&2; exit 1; }
done
export PYOPENGL_PLATFORM="${PYOPENGL_PLATFORM:-egl}" HF_HUB_OFFLINE=1 CUDA_VISIBLE_DEVICES=""
cd "$ROOT"
t0=$SECONDS

# 1. data
if [ -n "${SMOKE_DATA:-}" ]; then
  DATA="$SMOKE_DATA"
else
  DATA="$OUT/data"
  rm -rf "$DATA"
  "$PYTHON" -m scenerevis.train.synth --out "$DATA" --from-designer "${SMOKE_DESIGNER_SCENES:-4}" --renderer gl --seed "$SEED" \
    --min-turns 2 --max-turns "${SMOKE_MAX_TURNS:-3}" --no-progress
fi
[ -s "$DATA/train.jsonl" ] || { echo "smoke.sh: $DATA/train.jsonl is missing or empty" >&2; exit 1; }
echo "smoke.sh: data $DATA ($(wc -l < "$DATA/train.jsonl") train rows) after $((SECONDS - t0)) s" >&2

# 2. tiny model
# (BPE merges learnt from the data too: ~3 characters a token, about Qwen's rate on scene JSON)
"$VENV_SFT/bin/python" -m scenerevis.train.tiny_model "$OUT/tiny_model" --vocab-size 4096 --scene-vocab \
  --corpus-jsonl "$DATA/train.jsonl" --seed "$SEED" >/dev/null

# 3. SFT: the recipe's script, shrunk to CPU (fp32, eager attention, no DeepSpeed / packing, one process).
#    The recipe's max_length; rows over it would be dropped (truncation "delete"), none are. On CPU the
#    attention backward dominates (8k tokens: eager 7 s, sdpa 32 s), hence short chains in step 1.
rm -rf "$OUT/sft"
MODEL="$OUT/tiny_model" MODEL_TYPE=qwen2_5_vl TEMPLATE=qwen2_5_vl_tokenizer_ids \
  DATASET="$DATA/train.jsonl" SPLIT_RATIO=0 OUTPUT_DIR="$OUT/sft" \
  NPROC_PER_NODE="" DEEPSPEED="" ATTN_IMPL=eager TORCH_DTYPE=float32 PACKING=false PADDING_FREE=false \
  GRADIENT_CHECKPOINTING=false MAX_STEPS="$STEPS" GRAD_ACCUM=1 LEARNING_RATE=1e-3 WARMUP_RATIO=0 \
  MAX_LENGTH=51200 TRUNCATION=delete \
  SAVE_STRATEGY=steps SAVE_STEPS="$STEPS" SAVE_TOTAL_LIMIT=1 REPORT_TO=none \
  DATALOADER_WORKERS=0 DATASET_NUM_PROC=1 IMAGE_MAX_TOKEN_NUM=64 SEED="$SEED" \
  SWIFT="$VENV_SFT/bin/swift" \
  bash "$ROOT/script/sft/sft.sh" --external_plugins "$ROOT/script/sft/tiny_template_plugin.py" >"$OUT/sft.log" 2>&1 \
  || { tail -40 "$OUT/sft.log" >&2; echo "smoke.sh: swift sft failed (log: $OUT/sft.log)" >&2; exit 1; }
LOGGING="$(ls -d "$OUT"/sft/v*/logging.jsonl | tail -1)"
CKPT="$("$PYTHON" -c 'import json, sys; rows = [json.loads(l) for l in open(sys.argv[1])]; print([r for r in rows if "last_model_checkpoint" in r][-1]["last_model_checkpoint"])' "$LOGGING")"
echo "smoke.sh: trained, checkpoint $CKPT after $((SECONDS - t0)) s" >&2

# 4. one short episode with the checkpoint (a random model's reply is gibberish; the loop must survive it)
rm -rf "$OUT/infer"
"$PYTHON" infer.py --prompt "a small bedroom with a bed and a nightstand" --policy transformers --model "$CKPT" \
  --policy-config '{"max_new_tokens": 32}' --iterations 1 --renderer gl --resolution 128 --seed "$SEED" \
  --output "$OUT/infer" --quiet >"$OUT/infer.log" 2>&1 \
  || { tail -40 "$OUT/infer.log" >&2; echo "smoke.sh: infer.py failed (log: $OUT/infer.log)" >&2; exit 1; }
echo "smoke.sh: episode done after $((SECONDS - t0)) s" >&2

"$PYTHON" - "$LOGGING" "$CKPT" "$OUT/infer/prompt_0/episode.json" "$STEPS" <<'PY'
import json, math, sys
logging, ckpt, episode, steps = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
rows = [json.loads(line) for line in open(logging, encoding="utf-8") if line.strip()]
losses = [r["loss"] for r in rows if "loss" in r and "global_step/max_steps" in r]
done = int(rows[-1]["global_step"])
turns = json.load(open(episode, encoding="utf-8"))["turns"]
print(json.dumps({"steps": done, "losses": losses, "checkpoint": ckpt, "episode_turns": turns}))
bad = [f"{done} steps, expected {steps}"] * (done != steps) + [f"loss {x} not finite" for x in losses if not math.isfinite(x)]
bad += ["no loss logged"] * (not losses) + [f"{turns} episode turns"] * (turns < 1)
if bad:
    sys.exit("smoke.sh: " + "; ".join(bad))
PY
