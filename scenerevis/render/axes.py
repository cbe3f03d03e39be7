"""axes.py: the one scene-to-Blender axis mapping, (x, y, z) -> (x, -z, y).

The scene frame is Y up with the floor in XZ (DESIGN.md section 2); Blender is Z up. Every Blender
coordinate, matrix and camera pose in this project goes through :func:`scene_to_blender`; no other
module spells the swap out. (Blender's glTF/OBJ importers apply the same mapping to asset files
internally, which is why an imported asset only needs :func:`blender_object_matrix`.)
"""

from __future__ import annotations

import numpy as np


def scene_to_blender(points) -> np.ndarray:
    """Map scene-frame points or directions to Blender's frame.

    Parameters
    ----------
    points : (..., 3) float
        Metres, scene frame (Y up).

    Returns
    -------
    (..., 3) float
        Metres, Blender frame (Z up): ``(x, y, z) -> (x, -z, y)``.
    """
    p = np.asarray(points, dtype=float)
    if p.shape[-1] != 3:
        raise ValueError(f"scene_to_blender expects (..., 3) points, got shape {p.shape}")
    return np.stack([p[..., 0], -p[..., 2], p[..., 1]], axis=-1)


def axis_matrix() -> np.ndarray:
    """(3, 3) rotation ``A`` with ``A @ p_scene == scene_to_blender(p_scene)`` (derived, not restated)."""
    return scene_to_blender(np.eye(3)).T


def blender_object_matrix(world_from_object) -> np.ndarray:
    """Blender ``matrix_world`` of an object whose mesh data is in Blender axes.

    Parameters
    ----------
    world_from_object : (4, 4) float
        Scene frame transform acting on scene-frame (Y up) mesh coordinates.

    Returns
    -------
    (4, 4) float
        ``A M A^T`` (A padded to 4x4): acts on mesh data already mapped by :func:`scene_to_blender`
        (as Blender's importers map asset files) and yields Blender world coordinates.
    """
    a = np.eye(4)
    a[:3, :3] = axis_matrix()
    return a @ np.asarray(world_from_object, dtype=float) @ a.T


def blender_camera_matrix(world_from_camera) -> np.ndarray:
    """Blender ``matrix_world`` of a camera given its scene-frame pose.

    Parameters
    ----------
    world_from_camera : (4, 4) float
        Scene frame pose in the OpenGL camera convention (looks down local -Z, local +Y up), which
        is also Blender's camera convention, so only the world side is mapped: ``A @ pose``.
    """
    a = np.eye(4)
    a[:3, :3] = axis_matrix()
    return a @ np.asarray(world_from_camera, dtype=float)
