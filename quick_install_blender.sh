#!/usr/bin/env bash
# quick_install_blender.sh: set up the Blender renderer for SceneReVis.
#
#   ./quick_install_blender.sh                 install the bpy==4.2.23 wheel (Blender 4.2 LTS as a Python
#                                              module, CPU rendering headless) into the project venv (.venv)
#   ./quick_install_blender.sh --venv DIR      same, into another venv (created if missing, Python 3.11)
#   ./quick_install_blender.sh /path/to/blender
#                                              use a full Blender binary instead (for GPU EEVEE/Cycles):
#                                              checks it runs headless, then prints the BLENDER_EXECUTABLE
#                                              line to export; the renderer then starts the worker as
#                                              `blender -b --factory-startup -P .../blender_worker/server.py`
#
# Afterwards it renders a tiny scene through the worker as a smoke test.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
VENV="${HERE}/.venv"
BLENDER_BIN=""
BPY_VERSION="4.2.23"

while [[ $# -gt 0 ]]; do
  case "$1" in
    --venv) VENV="$2"; shift 2 ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    *) BLENDER_BIN="$1"; shift ;;
  esac
done

if [[ ! -x "${VENV}/bin/python" ]]; then
  PY="$(command -v python3.11 || true)"
  if [[ -z "${PY}" ]]; then
    echo "error: no ${VENV}/bin/python and no python3.11 on PATH to create it (bpy ${BPY_VERSION} needs Python 3.11)" >&2
    exit 1
  fi
  echo "creating venv ${VENV} with ${PY}"
  "${PY}" -m venv "${VENV}"
fi
PYTHON="${VENV}/bin/python"
if ! "${PYTHON}" -c 'import sys; raise SystemExit(sys.version_info[:2] != (3, 11))'; then
  echo "error: ${PYTHON} is not Python 3.11; bpy ${BPY_VERSION} wheels exist for Python 3.11 only" >&2
  exit 1
fi
if ! (cd "${HERE}" && "${PYTHON}" -c 'import scenerevis.render, trimesh, PIL, shapely' 2>/dev/null); then
  echo "installing the project (pip install -e .) into ${VENV}"
  "${PYTHON}" -m pip install --quiet -e "${HERE}"
fi

SMOKE_ARGS=()
if [[ -n "${BLENDER_BIN}" ]]; then
  if [[ ! -x "${BLENDER_BIN}" ]]; then
    echo "error: ${BLENDER_BIN} is not an executable Blender binary" >&2
    exit 1
  fi
  echo "checking ${BLENDER_BIN} runs headless ..."
  "${BLENDER_BIN}" -b --factory-startup -noaudio --python-expr 'import bpy; print("blender", bpy.app.version_string)' | grep '^blender '
  SMOKE_ARGS=(--blender "${BLENDER_BIN}")
else
  if "${PYTHON}" -c "import bpy, sys; sys.exit(bpy.app.version_string.split()[0] != '${BPY_VERSION}')" 2>/dev/null; then
    echo "bpy ${BPY_VERSION} already installed in ${VENV}"
  else
    echo "installing bpy==${BPY_VERSION} into ${VENV} (about 400 MB) ..."
    "${PYTHON}" -m pip install "bpy==${BPY_VERSION}"
  fi
fi

echo "smoke test: rendering a one-object scene with Workbench ..."
TMP="$(mktemp -d)"
trap 'rm -rf "${TMP}"' EXIT
cat > "${TMP}/scene.json" <<'JSON'
{"room_type": "bedroom", "room_id": "smoke",
 "bounds_bottom": [[-1.5,0,1.5],[1.5,0,1.5],[1.5,0,-1.5],[-1.5,0,-1.5]],
 "bounds_top": [[-1.5,2.6,1.5],[1.5,2.6,1.5],[1.5,2.6,-1.5],[-1.5,2.6,-1.5]],
 "objects": [{"id": "box_1", "desc": "a box", "size": [1,0.5,1], "pos": [0,0,0], "rot": [0,0,0,1]}]}
JSON
(cd "${HERE}" && "${PYTHON}" -m scenerevis.render "${TMP}/scene.json" --out "${TMP}/out" --engine workbench \
   --resolution 128 "${SMOKE_ARGS[@]}")
echo "ok: the Blender renderer works."
if [[ -n "${BLENDER_BIN}" ]]; then
  echo "To use this binary by default:  export BLENDER_EXECUTABLE=$(cd "$(dirname "${BLENDER_BIN}")" && pwd)/$(basename "${BLENDER_BIN}")"
  echo "(or pass RenderConfig(blender_executable=...) / --blender on the command line)"
fi
