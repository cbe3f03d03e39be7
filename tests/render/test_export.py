"""Tests for scenerevis/render/export.py: whole-scene GLB export."""

import numpy as np
import trimesh

from scenerevis.render.export import export_scene_glb
from tests.render.helpers import COLORS, ColorBoxResolver, known_scene


def test_glb_reloads_with_the_scene_bounds_and_colours(tmp_path):
    scene = known_scene()
    path = export_scene_glb(scene, tmp_path / "scene.glb", ColorBoxResolver())
    loaded = trimesh.load(path)
    assert isinstance(loaded, trimesh.Scene)
    # floor slab 4 x 3 m, 5 cm thick; wall ring 5 cm outside; tallest object the 1.6 m lamp
    assert np.allclose(loaded.bounds, [[-2.05, -0.05, -1.55], [2.05, 1.6, 1.55]], atol=1e-6)
    names = set(loaded.graph.nodes_geometry)
    assert {"floor", "walls"} | {f"object:{o.id}" for o in scene.objects} <= names
    red = loaded.geometry["object:red_1"]
    assert np.allclose(red.bounds, [[-1.6, 0, -1.1], [0, 0.5, -0.1]], atol=1e-6)
    assert tuple(red.visual.vertex_colors[0, :3]) == COLORS["red_1"]
