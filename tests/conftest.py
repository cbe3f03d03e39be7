"""Test-process setup shared by every test folder: headless GL and offline model loading.

Both must be set before the first OpenGL / Hugging Face import, so they live here, at the root.
"""

from __future__ import annotations

import os

os.environ.setdefault("PYOPENGL_PLATFORM", "egl")
os.environ.setdefault("HF_HUB_OFFLINE", "1")

import pytest  # noqa: E402


@pytest.fixture(autouse=True)
def _no_ambient_api_key(monkeypatch):
    """A key in the developer's or CI's environment must not change what the endpoint tests send."""
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
