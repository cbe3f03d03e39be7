"""server.py: the Blender worker's entry point: read JSON jobs on stdin, render them, answer on a reply pipe.

Run by :mod:`scenerevis.render.blender_worker.client`, either as
``python -m scenerevis.render.blender_worker.server --reply-fd N`` (bpy module) or as
``blender -b --factory-startup -P server.py -- --reply-fd N`` (full Blender binary). Protocol, one
JSON object per line: jobs ``{"op": "render", "id": ..., ...}`` or ``{"op": "quit"}`` on stdin;
replies on the reply fd: first ``{"ready": true, ...}``, then per job ``{"id", "ok", "error"?,
"timings"?}``. Blender's own prints go to stdout/stderr, never to the reply pipe.
"""

from __future__ import annotations

import json
import os
import sys
import traceback


def _reply_fd(argv: list[str]) -> int:
    args = argv[argv.index("--") + 1 :] if "--" in argv else argv[1:]
    if "--reply-fd" not in args:
        raise SystemExit("server.py: missing --reply-fd N")
    return int(args[args.index("--reply-fd") + 1])


def serve(reply_fd: int) -> None:
    """Answer jobs from stdin until EOF or ``{"op": "quit"}``."""
    from scenerevis._optional import require
    from scenerevis.render.blender_worker.build import WorkerState, render_job

    reply = os.fdopen(reply_fd, "w", buffering=1, encoding="utf-8")

    def send(msg: dict) -> None:
        reply.write(json.dumps(msg) + "\n")
        reply.flush()

    bpy = require("bpy")
    bpy.ops.wm.read_factory_settings(use_empty=True)
    state = WorkerState()
    send({"ready": True, "blender": bpy.app.version_string, "pid": os.getpid()})
    while True:
        line = sys.stdin.readline()
        if not line:
            break
        if not line.strip():
            continue
        job = json.loads(line)
        if job.get("op") == "quit":
            break
        try:
            result = render_job(state, job)
            send({"id": job.get("id"), "ok": True, **result})
        except Exception as err:  # noqa: BLE001 - any job failure is reported to the caller, the worker lives on
            send({"id": job.get("id"), "ok": False, "error": f"{type(err).__name__}: {err}", "traceback": traceback.format_exc()})
            bpy.ops.wm.read_factory_settings(use_empty=True)
            state = WorkerState()
    reply.close()


def main(argv: list[str] | None = None) -> None:
    serve(_reply_fd(list(sys.argv if argv is None else argv)))


if __name__ == "__main__":
    # Inside a Blender binary (``-P server.py``) the scenerevis package is not on sys.path: add the
    # folder that holds it (this entry point only; library modules never edit sys.path).
    _root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
    if _root not in sys.path:
        sys.path.insert(0, _root)
    main()
