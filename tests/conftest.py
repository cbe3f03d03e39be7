"""Test-process setup shared by every test folder: headless GL and offline model loading.

Both must be set before the first OpenGL / Hugging Face import, so they live here, at the root.
"""

from __future__ import annotations

import os

os.environ.setdefault("PYOPENGL_PLATFORM", "egl")
os.environ.setdefault("HF_HUB_OFFLINE", "1")
