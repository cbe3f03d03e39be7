"""cache.py: where generated meshes and embedding caches live (a user cache dir, never a dataset folder)."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any


def default_cache_dir() -> Path:
    """``~/.cache/scenerevis`` (the CLI may pass another folder, e.g. from ``XDG_CACHE_HOME``)."""
    return Path.home() / ".cache" / "scenerevis"


def resolve_cache_dir(cache_dir: str | os.PathLike | None) -> Path:
    """``cache_dir`` as a Path, or the default when None."""
    return Path(cache_dir) if cache_dir is not None else default_cache_dir()


def content_hash(obj: Any, length: int = 16) -> str:
    """Hex SHA-256 prefix of the canonical JSON of ``obj`` (sorted keys), for cache keys."""
    text = json.dumps(obj, sort_keys=True, ensure_ascii=True, separators=(",", ":"), default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:length]


def ensure_outside(path: Path, protected: list[Path]) -> None:
    """Raise ValueError when ``path`` lies inside one of the ``protected`` folders (users' datasets)."""
    rp = path.resolve()
    for root in protected:
        rr = Path(root).resolve()
        if rp == rr or rr in rp.parents:
            raise ValueError(f"refusing to write cache file {path} inside the dataset folder {root}; pass another cache_dir")
