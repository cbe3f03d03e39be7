"""embed_cache.py: compute text embeddings once and keep them in the cache dir, keyed by encoder and content hash."""

from __future__ import annotations

import io
import logging
import os
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from scenerevis.assets.cache import content_hash, resolve_cache_dir

log = logging.getLogger(__name__)


def cache_file(encoder_name: str, texts: Sequence[str], cache_dir: str | os.PathLike | None) -> Path:
    """Where the embeddings of ``texts`` under ``encoder_name`` are stored (``.npy``)."""
    slug = "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in encoder_name)[:60]
    return resolve_cache_dir(cache_dir) / "embeddings" / f"{slug}-{content_hash([encoder_name, list(texts)])}.npy"


def cached_embeddings(encoder, texts: Sequence[str], cache_dir: str | os.PathLike | None, write: bool = True) -> np.ndarray:
    """(n, dim) float32 unit rows for ``texts``: read from the cache when the content hash matches, else encoded and saved.

    A cache file with the wrong shape (truncated, other model) is ignored and rewritten.
    """
    from scenerevis.fileio import atomic_write_bytes

    path = cache_file(encoder.name, texts, cache_dir)
    if path.is_file():
        try:
            arr = np.load(path, allow_pickle=False)
            if arr.shape == (len(texts), encoder.dim):
                return arr.astype(np.float32, copy=False)
            log.warning(
                "%s: cached embeddings have shape %s, expected %s; recomputing", path, arr.shape, (len(texts), encoder.dim)
            )
        except (OSError, ValueError) as err:
            log.warning("%s: unreadable embedding cache (%s); recomputing", path, err)
    arr = np.asarray(encoder.encode(list(texts)), dtype=np.float32)
    if write:
        buf = io.BytesIO()
        np.save(buf, arr, allow_pickle=False)
        atomic_write_bytes(path, buf.getvalue())
    return arr
