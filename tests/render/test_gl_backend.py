"""Tests for scenerevis/render/backends/gl.py and the backend registry (real renders at 128-256 px)."""

import numpy as np
import pytest

from scenerevis.render import RenderConfig, SceneRenderer, get_backend_class, known_backends, make_cameras
from tests.render.helpers import COLORS, ColorBoxResolver, centroid, gl_available, known_scene, object_masks

pytest.importorskip("pyrender")
pytestmark = pytest.mark.skipif(not gl_available(), reason="no offscreen GL (EGL) context on this machine")


def test_unknown_renderer_lists_the_known_ones():
    with pytest.raises(ValueError, match="known renderers: blender, gl"):
        get_backend_class("povray")
    assert {"blender", "gl"} <= set(known_backends())


@pytest.fixture(scope="module")
def gl_flat():
    with SceneRenderer(RenderConfig(renderer="gl", shading="flat", resolution=256), ColorBoxResolver()) as r:
        yield r


def test_top_view_centroids_match_the_camera_projection(gl_flat):
    scene = known_scene()
    result = gl_flat.render(scene)
    assert result.ok, result.error
    cam = result.cameras["top"]
    masks = object_masks(result.views["top"])
    for obj in scene.objects:
        expected, _ = cam.project([np.asarray(obj.pos) + (0, obj.size[1], 0)])
        err = np.linalg.norm(centroid(masks[obj.id]) - expected[0])
        assert err <= 2.0, (obj.id, err)
        # footprint area in pixels: size_x * size_z * (px per metre)^2
        px_per_m = cam.height / cam.ortho_height
        # edge pixels are anti-aliased, so allow up to the perimeter in pixels
        area = obj.size[0] * obj.size[2] * px_per_m**2
        perimeter = 2 * (obj.size[0] + obj.size[2]) * px_per_m
        assert abs(masks[obj.id].sum() - area) <= perimeter, obj.id


def test_flat_colours_come_out_exactly(gl_flat):
    result = gl_flat.render(known_scene())
    img = result.views["top"]
    uv, _ = result.cameras["top"].project([[-0.8, 0.5, -0.6]])  # centre of the red box's top
    assert tuple(img[int(uv[0, 1]), int(uv[0, 0])]) == COLORS["red_1"]
    assert tuple(img[2, 2]) == RenderConfig().background


def test_diagonal_view_is_identical_for_the_same_seed():
    scene = known_scene()
    cfg = RenderConfig(renderer="gl", resolution=128, seed=7)
    with SceneRenderer(cfg, ColorBoxResolver()) as r:
        a, b = r.render(scene), r.render(scene)
    with SceneRenderer(RenderConfig(renderer="gl", resolution=128, seed=8), ColorBoxResolver()) as r:
        c = r.render(scene)
    assert np.array_equal(a.views["diag"], b.views["diag"])
    assert np.array_equal(a.merged, b.merged) and a.merged.shape == (570, 1080, 3)
    cams7, cams8 = make_cameras(scene, cfg), make_cameras(scene, RenderConfig(seed=8, resolution=128))
    if not np.allclose(cams7["diag"].pose, cams8["diag"].pose):
        assert not np.array_equal(a.views["diag"], c.views["diag"])


def test_lit_render_with_overlays_and_placeholder_box():
    scene = known_scene()
    from scenerevis.scene import SceneObject

    scene.objects.append(SceneObject("ghost_1", "no mesh", (0.5, 0.5, 0.5), (0.0, 0.0, 0.8)))
    cfg = RenderConfig(renderer="gl", resolution=128)
    with SceneRenderer(cfg, ColorBoxResolver()) as r:
        result = r.render(scene)
    cfg_o = RenderConfig(renderer="gl", resolution=128, overlays=("boxes", "arrows", "grid", "labels"))
    with SceneRenderer(cfg_o, ColorBoxResolver()) as r:
        annotated = r.render(scene)
    assert result.ok and annotated.ok
    assert (annotated.views["top"] != result.views["top"]).any(axis=-1).mean() > 0.05
    magenta = object_masks(result.views["top"], {"ghost": cfg.placeholder_color}, tol=60)["ghost"]
    assert magenta.sum() > 20  # the placeholder box is visible in its own colour
