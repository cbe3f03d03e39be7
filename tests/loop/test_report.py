"""The episode report opens in headless Chromium and every turn's image loads."""

import json
import shutil
import subprocess

import pytest

from scenerevis.env import SceneEnv
from scenerevis.loop.config import LoopConfig
from scenerevis.loop.episode import run_episode
from tests.loop.fakes import FurnishingPolicy

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="module")
def episode_dir(tmp_path_factory):
    pytest.importorskip("pyrender")
    from scenerevis.render import RenderConfig, SceneRenderer

    out = tmp_path_factory.mktemp("episode")
    with SceneRenderer(RenderConfig(renderer="gl", resolution=128)) as renderer:
        run_episode(FurnishingPolicy(), SceneEnv(renderer=renderer), "a bedroom <b>with</b> a bed", out, LoopConfig(max_turns=4))
    return out


def test_every_turn_has_a_render_and_report_lists_them(episode_dir):
    turns = [json.loads(x) for x in (episode_dir / "turns.jsonl").read_text().splitlines()]
    assert [t["image"] for t in turns] == ["merged_iter_0.png", "merged_iter_1.png", "merged_iter_2.png"]
    assert all(t["render_error"] is None for t in turns)
    html = (episode_dir / "report.html").read_text()
    assert html.count("<img src='merged_iter_") == 3
    assert "a bedroom &lt;b&gt;with&lt;/b&gt; a bed" in html  # prompt text is escaped
    assert (episode_dir / "final_scene.glb").stat().st_size > 1000


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (apt-get install chromium)")
@pytest.mark.integration
def test_report_images_load_in_headless_chromium(episode_dir, tmp_path):
    cmd = [
        CHROMIUM,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={tmp_path / 'profile'}",
        "--virtual-time-budget=5000",
        "--dump-dom",
        (episode_dir / "report.html").as_uri(),
    ]
    dom = subprocess.run(cmd, capture_output=True, text=True, timeout=120).stdout
    assert 'data-images-ok="true"' in dom and 'data-images-loaded="3"' in dom, dom[-2000:]
    # and a broken image is detected
    bad = episode_dir / "report_broken.html"
    bad.write_text((episode_dir / "report.html").read_text().replace("merged_iter_1.png", "missing.png"))
    dom = subprocess.run(cmd[:-1] + [bad.as_uri()], capture_output=True, text=True, timeout=120).stdout
    assert 'data-images-ok="false"' in dom and 'data-images-loaded="2"' in dom


def test_requested_vs_delivered_table():
    import math
    import re

    from scenerevis.loop.report import _brief_table
    from scenerevis.scene.formats import make_room
    from scenerevis.scene.model import SceneObject
    from scenerevis.scene.rotation import yaw_to_quat

    scene = make_room([(-2.0, -2.0), (2.0, -2.0), (2.0, 2.0), (-2.0, 2.0)], 2.7, "bedroom", "t")
    scene.objects = [
        SceneObject("a", "double bed", (1.6, 1.0, 2.1), (0.0, 0.0, -0.93), tuple(yaw_to_quat(0.0))),
        SceneObject("b", "nightstand", (0.5, 0.55, 0.4), (-1.1, 0.0, -1.78), tuple(yaw_to_quat(0.0))),
        # a desk with its back 0.02 m from the z = 2 wall, facing into the room
        SceneObject("c", "desk", (1.2, 0.75, 0.6), (1.0, 0.0, 1.68), tuple(yaw_to_quat(math.pi))),
    ]
    html = _brief_table("A bedroom with a double bed, two nightstands and a desk against the wall, no TV.", scene)
    rows = re.findall(r"<tr><td>([^<]*)</td><td>(\d*)</td><td>(\d*)</td><td class='(\w+)'>", html)
    by_phrase = {phrase: (asked, got, status) for phrase, asked, got, status in rows}
    assert by_phrase["double bed"] == ("1", "1", "placed")
    assert by_phrase["nightstands"] == ("2", "1", "partial")
    assert by_phrase["desk"] == ("1", "1", "placed")
    assert ("0", "", "met") in by_phrase.values()  # the TV, left out as asked
    assert re.search(r"<td>desk</td><td>against the wall</td><td></td><td class='met'>met</td>", html)
