"""Tests for scenerevis/render/axes.py: the scene -> Blender axis mapping."""

import numpy as np

from scenerevis.render.axes import axis_matrix, blender_camera_matrix, blender_object_matrix, scene_to_blender
from scenerevis.scene import SceneObject, yaw_to_quat


def test_basis_vectors_map_as_documented():
    assert np.array_equal(scene_to_blender([1.0, 0.0, 0.0]), [1.0, 0.0, 0.0])
    assert np.array_equal(scene_to_blender([0.0, 1.0, 0.0]), [0.0, 0.0, 1.0])  # scene up -> Blender up (+Z)
    assert np.array_equal(scene_to_blender([0.0, 0.0, 1.0]), [0.0, -1.0, 0.0])  # scene +Z -> Blender -Y
    assert np.array_equal(scene_to_blender([[1.0, 2.0, 3.0]]), [[1.0, -3.0, 2.0]])


def test_axis_matrix_is_a_proper_rotation():
    a = axis_matrix()
    assert np.allclose(a @ a.T, np.eye(3))
    assert np.isclose(np.linalg.det(a), 1.0)


def test_object_matrix_commutes_with_the_mapping():
    obj = SceneObject("x", "x", (1.0, 2.0, 3.0), (0.5, 0.0, -1.0), yaw_to_quat(0.7))
    m = obj.transform()
    pts = np.random.default_rng(0).normal(size=(10, 3))
    placed_then_mapped = scene_to_blender(pts @ m[:3, :3].T + m[:3, 3])
    mb = blender_object_matrix(m)
    mapped_then_placed = scene_to_blender(pts) @ mb[:3, :3].T + mb[:3, 3]
    assert np.allclose(placed_then_mapped, mapped_then_placed)


def test_camera_matrix_maps_position_and_view_direction():
    pose = np.eye(4)
    pose[:3, 3] = (1.0, 2.0, 3.0)  # identity camera looks down scene -Z
    mb = blender_camera_matrix(pose)
    assert np.allclose(mb[:3, 3], (1.0, -3.0, 2.0))
    assert np.allclose(mb[:3, :3] @ [0, 0, -1], scene_to_blender([0.0, 0.0, -1.0]))
