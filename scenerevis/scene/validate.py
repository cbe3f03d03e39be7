"""validate.py: checks of scene fields that produce one-line errors naming the file and the field."""

from __future__ import annotations

import math
from typing import Any

import numpy as np


class SceneFormatError(ValueError):
    """Bad scene input. ``str(err)`` is one line: ``<file>: <field>: <what is wrong>``."""

    def __init__(self, source: str, field: str, message: str):
        self.source, self.field, self.message = source, field, message
        super().__init__(f"{source}: {field}: {message}")


def _short(value: Any, limit: int = 60) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def as_vector(value: Any, n: int, source: str, field: str, positive: bool = False) -> tuple[float, ...]:
    """``value`` as a tuple of ``n`` finite floats (strictly positive when ``positive``)."""
    if isinstance(value, (str, bytes, dict)) or not hasattr(value, "__len__"):
        raise SceneFormatError(source, field, f"expected a list of {n} numbers, got {_short(value)}")
    if len(value) != n:
        raise SceneFormatError(source, field, f"expected {n} numbers, got {len(value)}: {_short(value)}")
    out = []
    for v in value:
        if isinstance(v, bool) or not isinstance(v, (int, float, np.integer, np.floating)):
            raise SceneFormatError(source, field, f"expected numbers, got {_short(value)}")
        f = float(v)
        if not math.isfinite(f):
            raise SceneFormatError(source, field, f"must be finite, got {_short(value)}")
        if positive and f <= 0:
            raise SceneFormatError(source, field, f"must be > 0, got {_short(value)}")
        out.append(f)
    return tuple(out)


def as_quaternion(value: Any, source: str, field: str) -> tuple[float, float, float, float]:
    """A unit quaternion ``[x, y, z, w]``; normalised when its norm is off, refused when ~0."""
    q = as_vector(value, 4, source, field)
    norm = math.sqrt(sum(c * c for c in q))
    if norm < 1e-8:
        raise SceneFormatError(source, field, f"quaternion has zero length: {_short(value)}")
    return tuple(c / norm for c in q)  # type: ignore[return-value]


def as_polygon(value: Any, source: str, field: str) -> np.ndarray:
    """``(n, 3)`` float corners, n >= 3, finite, whose XZ projection is a simple polygon of non-zero area."""
    if not isinstance(value, (list, tuple, np.ndarray)):
        raise SceneFormatError(source, field, f"expected a list of [x, y, z] corners, got {_short(value)}")
    if len(value) < 3:
        raise SceneFormatError(source, field, f"needs at least 3 corners, got {len(value)}")
    pts = np.array([as_vector(c, 3, source, f"{field}[{i}]") for i, c in enumerate(value)])
    from shapely.geometry import LinearRing, Polygon

    xz = pts[:, [0, 2]]
    if not LinearRing(xz).is_simple:
        raise SceneFormatError(source, field, "floor polygon is self-intersecting (corners out of order?)")
    if Polygon(xz).area < 1e-6:
        raise SceneFormatError(source, field, "floor polygon has zero area")
    return pts


def check_bounds_pair(bottom: np.ndarray, top: np.ndarray, source: str, field: str = "bounds_top") -> None:
    """``bounds_top`` must repeat ``bounds_bottom``'s corners (same XZ, same order) above it."""
    if bottom.shape != top.shape:
        raise SceneFormatError(source, field, f"has {len(top)} corners but bounds_bottom has {len(bottom)}")
    if not np.allclose(bottom[:, [0, 2]], top[:, [0, 2]], atol=1e-4):
        raise SceneFormatError(source, field, "corners do not match bounds_bottom in x/z")
    if float(np.min(top[:, 1])) <= float(np.max(bottom[:, 1])):
        raise SceneFormatError(source, field, "ceiling is not above the floor")
