"""fileio.py: atomic file writes, so an interrupted run never leaves a half-written output."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any


def atomic_write_bytes(path: str | os.PathLike, data: bytes) -> Path:
    """Write ``data`` to ``path`` through a temporary file in the same folder and ``os.replace``."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        # mkstemp creates 0600; give the file the mode an ordinary write would (existing mode, else 0644)
        os.chmod(tmp, path.stat().st_mode & 0o777 if path.exists() else 0o644)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def atomic_write_text(path: str | os.PathLike, text: str) -> Path:
    """Write UTF-8 ``text`` atomically (see :func:`atomic_write_bytes`)."""
    return atomic_write_bytes(path, text.encode("utf-8"))


def atomic_write_json(path: str | os.PathLike, obj: Any, indent: int | None = 2) -> Path:
    """Write ``obj`` as JSON atomically; NaN/inf are refused (they are not JSON)."""
    return atomic_write_text(path, json.dumps(obj, indent=indent, allow_nan=False, ensure_ascii=False) + "\n")


def safe_child(root: str | os.PathLike, *parts: str) -> Path | None:
    """``root / parts`` when it stays inside ``root`` (checked on the path's text), else None.

    Asset ids from scene files are joined to dataset folders with this, so a ``jid`` such as
    ``../../etc`` or an absolute path can never make an evaluator read outside the dataset root.
    Links inside the root are followed as usual (datasets are often links to another disk).
    """
    base = os.path.normpath(os.path.abspath(root))
    target = os.path.normpath(os.path.join(base, *parts))
    return Path(target) if target == base or target.startswith(base + os.sep) else None


TEMP_PATTERN = ".*.tmp"


def remove_temp_files(folder: str | os.PathLike) -> int:
    """Remove the ``.<name>.*.tmp`` files an interrupted :func:`atomic_write_bytes` left under ``folder``.

    Only call it while holding the folder's :class:`OutputLock` (no writer is active). Returns the count.
    """
    n = 0
    for p in Path(folder).rglob(TEMP_PATTERN):
        if p.is_file() and p.name.count(".") >= 3:
            p.unlink(missing_ok=True)
            n += 1
    return n


class OutputInUseError(OSError):
    """Another live process holds the output folder's lock."""


class OutputLock:
    """Exclusive lock of an output folder while a run writes into it (``<folder>/.lock`` holds the pid).

    The lock is an ``flock`` on that file: the system releases it when the holder dies, even after
    ``kill -9``, so a leftover ``.lock`` of a dead process is taken over (with a warning) and a folder
    held by a live process is refused at once with :class:`OutputInUseError`.
    """

    NAME = ".lock"

    def __init__(self, folder: str | os.PathLike) -> None:
        self.folder = Path(folder)
        self.path = self.folder / self.NAME
        self._fd: int | None = None
        self.stale_pid: int | None = None

    def acquire(self) -> OutputLock:
        import fcntl

        self.folder.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            pid = _read_pid(fd)
            os.close(fd)
            raise OutputInUseError(
                f"{self.folder} is in use by pid {pid if pid is not None else '?'} (remove {self.path} if it is stale)"
            ) from None
        old = _read_pid(fd)
        if old is not None and old != os.getpid():
            self.stale_pid = old
            import logging

            logging.getLogger(__name__).warning("%s: taking over the stale lock of pid %d (not running)", self.folder, old)
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        self._fd = fd
        return self

    def release(self) -> None:
        if self._fd is not None:
            try:
                os.ftruncate(self._fd, 0)
            finally:
                os.close(self._fd)  # closing drops the flock
                self._fd = None

    def __enter__(self) -> OutputLock:
        return self.acquire()

    def __exit__(self, *exc: object) -> None:
        self.release()


def _read_pid(fd: int) -> int | None:
    try:
        text = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
        return int(text) if text else None
    except (OSError, ValueError):
        return None


def check_output_dir(path: str | os.PathLike) -> Path:
    """Make sure ``path`` is (or can become) a writable folder before any work starts; raises ``OSError``
    subclasses with a one-line message naming the path otherwise."""
    p = Path(path)
    if p.exists() and not p.is_dir():
        raise NotADirectoryError(f"output {p} exists and is not a folder")
    try:
        p.mkdir(parents=True, exist_ok=True)
        fd, probe = tempfile.mkstemp(prefix=".write-test.", suffix=".tmp", dir=p)
        os.close(fd)
        os.unlink(probe)
    except OSError as err:
        raise PermissionError(f"output {p} is not writable ({err.strerror or err})") from None
    return p


def check_output_file(path: str | os.PathLike) -> Path:
    """Like :func:`check_output_dir` for a file to be written: its folder must be writable, and it no folder."""
    p = Path(path)
    if p.is_dir():
        raise IsADirectoryError(f"output {p} is a folder, expected a file path")
    check_output_dir(p.parent if str(p.parent) else ".")
    return p


def read_prompts(path: str | Path, max_prompts: int | None = None) -> list[str]:
    """Non-empty lines of a prompts file (one prompt per line), at most ``max_prompts`` (>= 1) of them.

    Raises ``ValueError`` (one line naming the file) for a missing, undecodable or empty file.
    """
    if max_prompts is not None and max_prompts < 1:
        raise ValueError(f"--max-prompts must be >= 1, got {max_prompts}")
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ValueError(f"{p}: prompts file not found") from None
    except IsADirectoryError:
        raise ValueError(f"{p}: prompts file is a folder") from None
    except UnicodeDecodeError as err:
        raise ValueError(f"{p}: prompts file is not UTF-8 text (byte {err.start}: {err.reason})") from None
    prompts = [ln.strip() for ln in text.splitlines() if ln.strip()]
    if not prompts:
        raise ValueError(f"{p}: prompts file has no prompts (every line is empty)")
    return prompts[:max_prompts] if max_prompts else prompts
