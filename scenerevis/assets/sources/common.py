"""common.py: loud, specific errors for dataset files, and the best-effort switch shared by dataset readers."""

from __future__ import annotations

import gzip
import json
import logging
import pickle
from pathlib import Path

log = logging.getLogger(__name__)


class AssetDataError(ValueError):
    """A dataset index or mesh is missing, truncated or malformed; the message names the file and field."""


def read_json(path: str | Path, what: str):
    """Parse a JSON (or ``.json.gz``) file, raising AssetDataError that names ``path`` on any failure."""
    path = Path(path)
    if not path.is_file():
        raise AssetDataError(f"{path}: {what} not found")
    try:
        if path.suffix == ".gz":
            with gzip.open(path, "rt", encoding="utf-8") as fh:
                return json.load(fh)
        with open(path, encoding="utf-8") as fh:
            return json.load(fh)
    except (json.JSONDecodeError, UnicodeDecodeError, EOFError, OSError) as err:
        raise AssetDataError(f"{path}: {what} is truncated or not valid JSON ({type(err).__name__}: {err})") from err


def read_pickle(path: str | Path, what: str):
    """Unpickle a trusted dataset file (plain or gzip), raising AssetDataError that names ``path`` on failure.

    Only open pickles from datasets you trust: unpickling can run code.
    """
    path = Path(path)
    if not path.is_file():
        raise AssetDataError(f"{path}: {what} not found")
    try:
        with open(path, "rb") as fh:
            head = fh.read(2)
        opener = gzip.open if head == b"\x1f\x8b" else open
        with opener(path, "rb") as fh:
            return pickle.load(fh)
    except (pickle.UnpicklingError, EOFError, OSError, AttributeError, ValueError, ImportError) as err:
        raise AssetDataError(f"{path}: {what} is truncated or not a readable pickle ({type(err).__name__}: {err})") from err


def require_key(record, key: str, path: Path | str, where: str):
    """``record[key]`` or AssetDataError naming ``path``, ``where`` (e.g. an asset id) and the missing field."""
    if not isinstance(record, dict) or key not in record:
        raise AssetDataError(f"{path}: {where} has no field {key!r}")
    return record[key]


def missing_mesh(message: str, best_effort: bool):
    """Raise AssetDataError(message), or log it and return None when ``best_effort``."""
    if best_effort:
        log.warning("%s; using a placeholder box", message)
        return None
    raise AssetDataError(message)
