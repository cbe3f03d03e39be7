"""Tests for scenerevis/render/__main__.py: the command line writes the three PNGs and the GLB."""

import pytest
from PIL import Image

from scenerevis.render.__main__ import main
from scenerevis.scene import save_scene
from tests.render.helpers import gl_available, known_scene


@pytest.mark.skipif(not gl_available(), reason="no offscreen GL (EGL) context on this machine")
def test_cli_writes_top_diag_merged_and_glb(tmp_path, capsys):
    scene_path = save_scene(known_scene(), tmp_path / "scene.json")
    out = tmp_path / "out"
    code = main(
        [str(scene_path), "--out", str(out), "--renderer", "gl", "--resolution", "64", "--glb", "--overlays", "grid", "boxes"]
    )
    assert code == 0
    assert Image.open(out / "top.png").size == (64, 64)
    assert Image.open(out / "diag.png").size == (64, 64)
    assert Image.open(out / "merged.png").size == (1080, 570)
    assert (out / "scene.glb").stat().st_size > 1000
    assert "merged:" in capsys.readouterr().out


def test_cli_rejects_an_unknown_renderer(tmp_path, capsys):
    scene_path = save_scene(known_scene(), tmp_path / "scene.json")
    assert main([str(scene_path), "--out", str(tmp_path / "o"), "--renderer", "povray"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("error: ") and "known renderers" in err[0]
    with pytest.raises(ValueError, match="known renderers"):  # --debug: the exception itself
        main([str(scene_path), "--out", str(tmp_path / "o"), "--renderer", "povray", "--debug"])
