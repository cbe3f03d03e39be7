"""assets: the built-in procedural catalog, text-embedding retrieval, and 3D-FUTURE / Objaverse adapters.

Importing this package is cheap: names below load their modules on first access (no torch,
sentence-transformers or trimesh at import time).
"""

from __future__ import annotations

import importlib
from typing import Any

_EXPORTS: dict[str, str] = {
    "get_resolver": "scenerevis.assets.resolvers",
    "BuiltinResolver": "scenerevis.assets.resolvers",
    "MultiResolver": "scenerevis.assets.resolvers",
    "Retriever": "scenerevis.assets.retrieval",
    "snap_size": "scenerevis.assets.retrieval",
    "RetrievalConfig": "scenerevis.assets.config",
    "BuiltinCatalog": "scenerevis.assets.catalog",
    "Asset": "scenerevis.assets.catalog",
    "Match": "scenerevis.assets.index",
    "AssetIndex": "scenerevis.assets.index",
    "AssetDataError": "scenerevis.assets.sources.common",
    "TextEncoder": "scenerevis.assets.embeddings",
    "load_encoder": "scenerevis.assets.embeddings",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'scenerevis.assets' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(list(globals()) + __all__)
