"""Tests for scenerevis/render/camera.py: intrinsics, projection and the two standard views."""

import math

import numpy as np

from scenerevis.render.camera import diagonal_camera, diagonal_corner, make_cameras, top_camera
from scenerevis.render.config import RenderConfig
from tests.render.helpers import known_scene


def test_top_camera_frames_the_room_and_puts_plus_x_right_plus_z_down():
    scene = known_scene()  # 4 x 3 m, centred at the origin
    cfg = RenderConfig(resolution=200, top_margin=0.0)
    cam = top_camera(scene, cfg)
    assert cam.ortho_height == 4.0  # square image: the larger extent (x = 4 m) decides
    uv, depth = cam.project([[0, 0, 0], [2, 0, 0], [-2, 0, 1.5], [0, 2.5, 0]])
    assert np.allclose(uv[0], (100, 100))
    assert np.allclose(uv[1], (200, 100))  # +x -> right edge
    assert np.allclose(uv[2], (0, 100 + 1.5 * 50))  # +z -> down, 50 px per metre
    assert np.allclose(uv[3], (100, 100))  # orthographic: height does not move a point
    assert np.all(depth > 0)


def test_perspective_intrinsics_are_the_pinhole_formula():
    cam = diagonal_camera(known_scene(), RenderConfig(resolution=300, diag_fov_deg=60))
    k = cam.intrinsics()
    assert math.isclose(k[0, 0], 150 / math.tan(math.radians(30)))
    assert (k[0, 2], k[1, 2]) == (150, 150)
    # the point the camera looks at projects to the image centre
    target = cam.position - cam.pose[:3, 2] * 5.0
    uv, _ = cam.project([target])
    assert np.allclose(uv[0], (150, 150))


def test_diagonal_camera_sees_everything_and_is_reproducible():
    scene = known_scene()
    cfg = RenderConfig(resolution=128, seed=3)
    a, b = diagonal_camera(scene, cfg), diagonal_camera(scene, cfg)
    assert np.array_equal(a.pose, b.pose)
    corners = np.column_stack([scene.floor_xz[:, 0], np.zeros(4), scene.floor_xz[:, 1]])
    uv, depth = a.project(corners)
    assert np.all(depth > 0) and np.all((uv > 0) & (uv < 128))
    assert a.position[1] > 0


def test_seed_chooses_the_corner():
    scene = known_scene()
    picked = {diagonal_corner(scene, s) for s in range(20)}
    assert picked == {0, 1, 2, 3}
    for s in range(4):
        cam = diagonal_camera(scene, RenderConfig(seed=s))
        corner = scene.floor_xz[diagonal_corner(scene, s)]
        pos = cam.position[[0, 2]]
        assert np.dot(pos, corner) > 0  # camera stands on the side of its corner
    assert set(make_cameras(scene, RenderConfig())) == {"top", "diag"}


def wardrobe_scene():
    """5 x 4 m room: a 2.2 m wardrobe in the (-x, -z) corner facing into the room, low furniture elsewhere."""
    from scenerevis.scene import SceneObject, make_room, yaw_to_quat

    objects = [
        SceneObject("wardrobe_1", "tall wardrobe", (1.2, 2.2, 0.6), (-1.7, 0.0, -1.55), yaw_to_quat(math.pi / 4)),
        SceneObject("bed_1", "bed", (1.6, 0.5, 2.0), (0.6, 0.0, -0.8)),
        SceneObject("nightstand_1", "nightstand", (0.45, 0.55, 0.4), (-0.5, 0.0, -1.7)),
        SceneObject("desk_1", "desk", (1.2, 0.75, 0.6), (1.6, 0.0, 1.6), yaw_to_quat(math.pi)),
        SceneObject("chair_1", "chair", (0.5, 0.9, 0.5), (1.6, 0.0, 1.0)),
        SceneObject("armchair_1", "armchair", (0.8, 0.8, 0.8), (-1.6, 0.0, 1.3)),
        SceneObject("table_1", "coffee table", (0.8, 0.45, 0.5), (-0.6, 0.0, 0.6)),
    ]
    return make_room([[-2.5, -2], [2.5, -2], [2.5, 2], [-2.5, 2]], objects=objects)


def test_camera_avoids_the_corner_behind_a_tall_wardrobe():
    from scenerevis.render.camera import choose_view

    scene = wardrobe_scene()
    corners = set()
    for seed in range(8):
        view = choose_view(scene, RenderConfig(seed=seed))
        corners.add(view.corner)
        assert view.visibility.visible_objects == 7  # nothing hidden in the chosen view
        assert view.visibility.tall_from_behind == 0
    assert 0 not in corners  # corner 0 = (-2.5, -2), where the wardrobe stands
    assert len(corners) >= 2  # the seed still varies among the equally good corners
    # the view from behind the wardrobe is the worst
    from scenerevis.render.camera import corner_camera
    from scenerevis.render.occlusion import Occluders

    occ = Occluders(scene)
    behind = occ.visibility(corner_camera(scene, RenderConfig(), 0, 38.0).position)
    assert behind.visible_objects < 7 or behind.floor_share < 0.5
