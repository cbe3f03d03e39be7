"""client.py: start, feed, time out and restart the Blender worker process from the caller's side.

The worker is a child process (bpy module under a Python interpreter, or a Blender binary in
background mode). Jobs go in as one JSON line on its stdin; replies come back on a dedicated pipe.
A crash or timeout raises :class:`~scenerevis.render.backends.base.RenderError` in the caller and
the next job starts a fresh worker; the caller never dies with the worker.
"""

from __future__ import annotations

import json
import logging
import os
import select
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from scenerevis.render.backends.base import RenderError

log = logging.getLogger(__name__)

#: The package root (folder that holds ``scenerevis/``), put on the worker's import path.
PACKAGE_ROOT = Path(__file__).resolve().parents[3]
#: Path of the worker entry script (used with a Blender binary: ``blender -b -P <this>``).
SERVER_SCRIPT = Path(__file__).resolve().with_name("server.py")


def worker_command(blender_executable: str | None, python_executable: str | None, reply_fd: int) -> list[str]:
    """argv of the worker: a Blender binary in background mode, or a Python that has bpy."""
    if blender_executable:
        return [
            blender_executable,
            "-b",
            "--factory-startup",
            "-noaudio",
            "-P",
            str(SERVER_SCRIPT),
            "--",
            "--reply-fd",
            str(reply_fd),
        ]
    return [python_executable or sys.executable, "-m", "scenerevis.render.blender_worker.server", "--reply-fd", str(reply_fd)]


class BlenderWorker:
    """One long-lived worker process; :meth:`run` sends a job and waits for its reply.

    Parameters
    ----------
    blender_executable : str or None
        Full Blender binary; None runs the bpy module under ``python_executable``.
    python_executable : str or None
        Interpreter with bpy installed; None = the current one.
    max_jobs : int
        Restart the worker after this many jobs (bounds memory growth).
    log_dir : str or None
        Where the worker's stdout/stderr log goes; None = a temp folder.
    """

    def __init__(
        self,
        blender_executable: str | None = None,
        python_executable: str | None = None,
        max_jobs: int = 500,
        log_dir: str | None = None,
    ) -> None:
        self.blender_executable = blender_executable
        self.python_executable = python_executable
        self.max_jobs = max_jobs
        self.log_dir = Path(log_dir or tempfile.mkdtemp(prefix="scenerevis_blender_"))
        self.proc: subprocess.Popen | None = None
        self._reply_r: int | None = None
        self._buf = b""
        self._jobs = 0
        self._log_path = self.log_dir / "worker.log"
        self.starts = 0

    @property
    def pid(self) -> int | None:
        """Process id of the running worker, or None."""
        return self.proc.pid if self.proc is not None and self.proc.poll() is None else None

    def _log_tail(self, n: int = 1500) -> str:
        try:
            return self._log_path.read_text(errors="replace")[-n:]
        except OSError:
            return ""

    def start(self, timeout: float) -> dict:
        """Start a worker and wait (at most ``timeout`` seconds) for its ready message."""
        self.stop()
        r, w = os.pipe()
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(p for p in (str(PACKAGE_ROOT), env.get("PYTHONPATH", "")) if p)
        cmd = worker_command(self.blender_executable, self.python_executable, w)
        logf = open(self._log_path, "ab")
        try:
            self.proc = subprocess.Popen(
                cmd,
                stdin=subprocess.PIPE,
                stdout=logf,
                stderr=subprocess.STDOUT,
                pass_fds=(w,),
                env=env,
                cwd=str(self.log_dir),
                start_new_session=True,
            )
        except OSError as err:
            os.close(r)
            raise RenderError(f"cannot start the Blender worker {cmd[0]!r}: {err}") from err
        finally:
            os.close(w)
            logf.close()
        self._reply_r, self._buf, self._jobs = r, b"", 0
        self.starts += 1
        ready = self._read_reply(time.monotonic() + timeout, "starting")
        if not ready.get("ready"):
            raise RenderError(f"Blender worker sent {ready!r} instead of its ready message")
        log.info("Blender worker pid %s ready (Blender %s)", self.proc.pid, ready.get("blender"))
        return ready

    def _read_reply(self, deadline: float, what: str) -> dict:
        while b"\n" not in self._buf:
            left = deadline - time.monotonic()
            if left <= 0:
                self.stop(kill=True)
                raise RenderError(f"Blender worker timed out while {what} (killed; the next render restarts it)")
            ready, _, _ = select.select([self._reply_r], [], [], min(left, 1.0))
            if not ready:
                continue
            chunk = os.read(self._reply_r, 65536)
            if not chunk:
                code = self.proc.wait(timeout=5) if self.proc is not None else None
                how = f"signal {-code}" if code is not None and code < 0 else f"exit code {code}"
                tail = self._log_tail()
                self.stop(kill=True)
                raise RenderError(f"Blender worker died while {what} ({how}); log tail: {tail[-400:]!r}")
            self._buf += chunk
        line, self._buf = self._buf.split(b"\n", 1)
        return json.loads(line.decode("utf-8"))

    def run(self, job: dict, timeout: float) -> dict:
        """Send ``job`` and return the worker's reply; raise RenderError on crash, timeout or job error.

        ``timeout`` (seconds) covers a worker start when one is needed plus the job itself.
        """
        deadline = time.monotonic() + timeout
        if self.pid is None or self._jobs >= self.max_jobs:
            self.start(timeout)
        try:
            self.proc.stdin.write((json.dumps(job) + "\n").encode("utf-8"))
            self.proc.stdin.flush()
        except (BrokenPipeError, OSError) as err:
            self.stop(kill=True)
            raise RenderError(f"Blender worker is gone ({err}); the next render restarts it") from err
        reply = self._read_reply(deadline, f"rendering job {job.get('id')}")
        self._jobs += 1
        if not reply.get("ok"):
            log.error("Blender job %s failed: %s", job.get("id"), reply.get("traceback") or reply.get("error"))
            raise RenderError(str(reply.get("error", "unknown worker error")))
        return reply

    def stop(self, kill: bool = False) -> None:
        """Ask the worker to quit (or kill it at once with ``kill``; also when it does not quit within
        5 s) and release the pipes."""
        proc, self.proc = self.proc, None
        if proc is not None and proc.poll() is None:
            try:
                if kill:
                    raise ValueError("kill requested")
                proc.stdin.write(b'{"op": "quit"}\n')
                proc.stdin.flush()
                proc.wait(timeout=5)
            except (OSError, subprocess.TimeoutExpired, ValueError):
                try:
                    os.killpg(proc.pid, signal.SIGKILL)
                except OSError:
                    pass
                proc.wait()
        if proc is not None and proc.stdin is not None:
            try:
                proc.stdin.close()
            except OSError:
                pass
        if self._reply_r is not None:
            os.close(self._reply_r)
            self._reply_r = None

    def __del__(self) -> None:  # best effort: never leave an orphan Blender behind
        try:
            self.stop()
        except Exception:  # noqa: BLE001
            pass
