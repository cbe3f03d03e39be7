"""Tests for scenerevis/render/geometry.py: room meshes, asset resolution and the normalisation matrix."""

import numpy as np
import trimesh

from scenerevis.render.config import RenderConfig
from scenerevis.render.geometry import (
    floor_mesh,
    normalization_matrix,
    placed_mesh,
    resolve_asset,
    wall_outline_mesh,
)
from scenerevis.scene import SceneObject, make_room, yaw_to_quat
from scenerevis.scene.placement import normalize_mesh, object_mesh
from tests.render.helpers import ColorBoxResolver, known_scene, other_scene


def test_normalization_matrix_matches_normalize_mesh():
    mesh = trimesh.creation.icosphere(subdivisions=1)
    mesh.apply_scale((0.3, 2.0, 1.1))
    mesh.apply_translation((4.0, -1.0, 2.5))
    size = (1.2, 0.75, 0.6)
    m = normalization_matrix(mesh.bounds, size)
    ref = normalize_mesh(mesh, size)
    assert np.allclose(trimesh.transform_points(mesh.vertices, m), ref.vertices)
    assert np.allclose(ref.bounds, [[-0.6, 0.0, -0.3], [0.6, 0.75, 0.3]])


def test_flat_axis_is_left_unscaled_like_normalize_mesh():
    plane = trimesh.Trimesh([[0, 0, 0], [1, 0, 0], [0, 0, 2]], [[0, 1, 2]])
    m = normalization_matrix(plane.bounds, (2.0, 0.5, 2.0))
    assert np.allclose(trimesh.transform_points(plane.vertices, m), normalize_mesh(plane, (2.0, 0.5, 2.0)).vertices)


def test_asset_ref_places_exactly_like_object_mesh():
    resolver = ColorBoxResolver()
    for obj in known_scene().objects:
        ref = resolve_asset(obj, resolver)
        assert ref.kind == "mesh"
        ref_mesh, boxed = object_mesh(obj, resolver)
        assert not boxed
        assert np.allclose(trimesh.transform_points(ref.raw.vertices, ref.world_from_asset), ref_mesh.vertices)
        assert np.allclose(placed_mesh(ref, RenderConfig()).vertices, ref_mesh.vertices)


def test_missing_mesh_becomes_a_placeholder_box_of_the_right_size(caplog):
    obj = SceneObject("ghost_1", "x", (0.6, 0.4, 0.2), (1.0, 0.0, 2.0), yaw_to_quat(np.pi / 2))
    ref = resolve_asset(obj, ColorBoxResolver())
    assert ref.kind == "box" and "no mesh" in caplog.text
    mesh = placed_mesh(ref, RenderConfig(placeholder_color=(1, 2, 3)))
    assert np.allclose(mesh.bounds, [[0.9, 0.0, 1.7], [1.1, 0.4, 2.3]])  # rotated 90 degrees: x/z extents swap
    assert tuple(mesh.visual.face_colors[0, :3]) == (1, 2, 3)


def test_mesh_path_is_preferred_when_the_resolver_has_one(tmp_path):
    box = trimesh.creation.box(extents=(1, 1, 1))
    path = tmp_path / "a.glb"
    box.export(path)

    class PathResolver:
        def resolve(self, obj):
            return None

        def mesh_path(self, obj):
            return path

    ref = resolve_asset(SceneObject("a", "a", (1, 1, 1), (0, 0, 0)), PathResolver())
    assert ref.kind == "file" and ref.path == path and ref.raw is not None


def test_floor_slab_and_wall_ring_of_an_l_shaped_room():
    scene = other_scene()  # L-shape: 4 x 4 m minus a 2 x 2 m notch = 12 m^2
    cfg = RenderConfig(floor_thickness=0.1, wall_height=0.2, wall_thickness=0.05)
    floor = floor_mesh(scene, cfg)
    assert floor.is_watertight and np.isclose(floor.volume, 12 * 0.1)
    assert np.allclose(floor.bounds, [[-2, -0.1, -2], [2, 0, 2]])
    walls = wall_outline_mesh(scene, cfg)
    assert walls.is_watertight
    assert np.allclose(walls.bounds, [[-2.05, 0, -2.05], [2.05, 0.2, 2.05]])
    # ring area = mitred outer polygon - inner polygon; perimeter 16 m, 5 convex + 1 reflex corner
    ring_area = walls.volume / 0.2
    assert np.isclose(ring_area, 16 * 0.05 + 4 * 0.05**2, atol=1e-9)
    assert wall_outline_mesh(scene, RenderConfig(wall_height=0.0)) is None


def test_floor_slab_orientation_does_not_depend_on_corner_order():
    cw = make_room([[-1, -1], [-1, 1], [1, 1], [1, -1]])
    ccw = make_room([[-1, -1], [1, -1], [1, 1], [-1, 1]])
    for scene in (cw, ccw):
        assert floor_mesh(scene, RenderConfig()).volume > 0
        assert wall_outline_mesh(scene, RenderConfig()).volume > 0
