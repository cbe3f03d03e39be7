"""Render-test setup: headless GL for the test process."""

from __future__ import annotations

import os

# Test-process entry point: headless GL through EGL (must precede the first OpenGL import).
os.environ.setdefault("PYOPENGL_PLATFORM", "egl")
