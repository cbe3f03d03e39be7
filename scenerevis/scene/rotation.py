"""rotation.py: yaw <-> quaternion helpers for the scene convention (Y up, identity faces +Z).

Quaternions are ``[x, y, z, w]`` (scipy order). A yaw ``theta`` (radians) is a right-handed
rotation about +Y: ``[0, sin(theta/2), 0, cos(theta/2)]``. The object's front direction is
``R @ (0, 0, 1) = (sin theta, 0, cos theta)``, so yaw 0 faces +Z, +pi/2 faces +X, pi faces -Z and
-pi/2 faces -X.
"""

from __future__ import annotations

import math

import numpy as np

IDENTITY_QUAT: tuple[float, float, float, float] = (0.0, 0.0, 0.0, 1.0)


def yaw_to_quat(theta: float) -> tuple[float, float, float, float]:
    """Quaternion ``[x, y, z, w]`` of a rotation by ``theta`` radians about +Y."""
    return (0.0, math.sin(theta / 2.0), 0.0, math.cos(theta / 2.0))


def quat_to_yaw(quat) -> float:
    """Yaw angle in radians, in (-pi, pi], of the front vector of ``quat`` projected on the floor."""
    fx, _, fz = forward_vector(quat)
    return math.atan2(fx, fz)


def quat_to_matrix(quat) -> np.ndarray:
    """(3, 3) rotation matrix of a unit quaternion ``[x, y, z, w]``."""
    x, y, z, w = (float(v) for v in quat)
    n = math.sqrt(x * x + y * y + z * z + w * w)
    x, y, z, w = x / n, y / n, z / n, w / n
    return np.array(
        [
            [1 - 2 * (y * y + z * z), 2 * (x * y - z * w), 2 * (x * z + y * w)],
            [2 * (x * y + z * w), 1 - 2 * (x * x + z * z), 2 * (y * z - x * w)],
            [2 * (x * z - y * w), 2 * (y * z + x * w), 1 - 2 * (x * x + y * y)],
        ]
    )


def forward_vector(quat) -> np.ndarray:
    """(3,) world direction of the object's front (its local +Z)."""
    return quat_to_matrix(quat)[:, 2]


def snap_yaw(theta: float, step_deg: float = 90.0) -> float:
    """Round ``theta`` (radians) to the nearest multiple of ``step_deg`` degrees."""
    step = math.radians(step_deg)
    return round(theta / step) * step
