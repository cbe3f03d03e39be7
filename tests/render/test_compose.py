"""Tests for scenerevis/render/compose.py and overlays.py: merged layout, placeholder, overlays."""

import numpy as np
import pytest

from scenerevis.render.camera import top_camera
from scenerevis.render.compose import GAP, LABEL_STRIP, merge_views, placeholder_image
from scenerevis.render.config import RenderConfig
from scenerevis.render.overlays import box_corners, draw_overlays
from tests.render.helpers import known_scene


def test_merged_image_has_top_left_and_diag_right():
    cfg = RenderConfig()
    red = np.zeros((512, 512, 3), np.uint8)
    red[..., 0] = 255
    blue = np.zeros((512, 512, 3), np.uint8)
    blue[..., 2] = 255
    merged = merge_views({"top": red, "diag": blue}, cfg)
    assert merged.shape == (570, 1080, 3)
    mid = LABEL_STRIP + GAP + 200
    assert tuple(merged[mid, 200]) == (255, 0, 0)
    assert tuple(merged[mid, 800]) == (0, 0, 255)
    assert tuple(merged[5, 540]) == (255, 255, 255)


def test_placeholder_is_grey_with_red_frame_and_text():
    img = placeholder_image(256, 256, "worker died (signal 9)")
    assert img.shape == (256, 256, 3)
    assert tuple(img[128, 3]) == (220, 40, 40)
    assert tuple(img[20, 128]) == (128, 128, 128)
    assert (img == 255).all(axis=-1).sum() > 100  # white text pixels


def test_config_rejects_bad_values():
    with pytest.raises(ValueError, match="engine"):
        RenderConfig(engine="povray")
    with pytest.raises(ValueError, match="overlays"):
        RenderConfig(overlays=("boxes", "sparkles"))
    with pytest.raises(ValueError, match="resolution"):
        RenderConfig(resolution=0)


def test_box_overlay_lands_on_the_projected_footprint():
    scene = known_scene()
    cam = top_camera(scene, RenderConfig(resolution=200, top_margin=0.0))
    blank = np.full((200, 200, 3), 255, np.uint8)
    img = draw_overlays(blank, cam, scene, ["boxes"])
    red = scene.objects[0]  # 1.6 x 1.0 footprint centred at (-0.8, -0.6): x in [-1.6, 0], z in [-1.1, -0.1]
    uv, _ = cam.project(box_corners(red)[:4])
    u0, v0 = np.round(uv.min(axis=0)).astype(int)
    u1, v1 = np.round(uv.max(axis=0)).astype(int)
    assert (u0, v0, u1, v1) == (20, 45, 100, 95)  # 50 px per metre, origin at (100, 100)
    drawn = (img != 255).any(axis=-1)
    assert drawn[v0, (u0 + u1) // 2] and drawn[(v0 + v1) // 2, u0]
    assert not drawn[(v0 + v1) // 2, (u0 + u1) // 2]
    assert draw_overlays(blank, cam, scene, ["grid", "arrows", "labels"]).shape == blank.shape


def test_importing_the_render_package_loads_no_renderer():
    import subprocess
    import sys

    code = (
        "import sys, scenerevis.render, scenerevis.render.backends.gl, scenerevis.render.backends.blender; "
        "bad = [m for m in ('bpy', 'pyrender', 'OpenGL') if m in sys.modules]; "
        "import os; bad += ['PYOPENGL_PLATFORM set'] if os.environ.get('PYOPENGL_PLATFORM') else []; print(bad)"
    )
    env = {k: v for k, v in __import__("os").environ.items() if k != "PYOPENGL_PLATFORM"}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert out.stdout.strip() == "[]"
