"""Accessibility that knows the object: per-category access faces (access_sides.json) and the host rule."""

from __future__ import annotations

import math

import pytest

from scenerevis.eval.access import access_faces, load_access_sides
from scenerevis.eval.floorgrid import side_strip_xz
from scenerevis.eval.functional import FunctionalConfig, evaluate_functional
from scenerevis.scene.rotation import yaw_to_quat
from tests.helpers import obj, room


def test_access_sides_file_covers_the_gym_and_defaults_to_the_front():
    default, cats = load_access_sides()
    assert default == ("front",)
    assert cats["treadmill"] == ("back",) and cats["exercise_bike"] == ("back", "sides") and cats["rug"] == ("none",)
    assert access_faces("exercise_bike", "bike", None) == ("back", "left", "right")
    assert access_faces("mirror", "mirror", None) == ()
    assert access_faces(None, "mystery crate", None) == ("front",)


def test_side_strips_follow_the_object_frame():
    # 1.0 x 1 x 0.5 box at the origin yawed 90 deg: local +Z (front) points to world +X
    box = obj("box", (1.0, 1.0, 0.5), (0, 0, 0), yaw_to_quat(math.pi / 2))
    front = side_strip_xz(box, "front", 0.6)
    assert front[:, 0].min() == pytest.approx(0.25) and front[:, 0].max() == pytest.approx(0.85)
    back = side_strip_xz(box, "back", 0.6)
    assert back[:, 0].min() == pytest.approx(-0.85) and back[:, 0].max() == pytest.approx(-0.25)
    left = side_strip_xz(box, "left", 0.6)  # local -X -> world +Z for this yaw
    assert sorted([left[:, 1].min(), left[:, 1].max()]) == pytest.approx([0.5, 1.1])


def test_treadmill_facing_a_wall_with_2_m_behind_is_accessible():
    # 4 m x 4 m room; treadmill 0.8 x 1.4 x 1.9 with its front (console, +Z) flush against the wall z = 2:
    # nothing in front to reach, 2.1 m of free floor behind it
    treadmill = obj("folding treadmill", (0.8, 1.4, 1.9), (0, 0, 2 - 0.95), id="t")
    rep = evaluate_functional(room([treadmill], room_type="home gym"))
    assert rep.categories["t"] == "treadmill"
    assert rep.inaccessible_objects == [] and rep.accessibility == 1.0
    old = evaluate_functional(room([treadmill], room_type="home gym"), FunctionalConfig(access_sides=False))
    assert old.inaccessible_objects == ["t"]  # the front-only rule calls it inaccessible
    # turned round (back to the wall, console to the room) nobody can step on: inaccessible
    backwards = obj("folding treadmill", (0.8, 1.4, 1.9), (0, 0, 2 - 0.95), yaw_to_quat(math.pi), id="t")
    assert evaluate_functional(room([backwards])).inaccessible_objects == ["t"]


def test_bike_facing_a_wall_is_reached_from_its_side():
    bike = obj("exercise bike", (0.6, 1.3, 1.2), (-1.0, 0, 2 - 0.6), id="b")  # front flush with z = 2
    assert evaluate_functional(room([bike])).accessibility == 1.0


def test_monitor_on_a_desk_is_judged_by_the_desk():
    # desk 1.2 x 0.75 x 0.6; the monitor stands on its top at the back, its front strip lies over the desk
    desk = obj("writing desk", (1.2, 0.75, 0.6), (0, 0, 0), id="desk")
    monitor = obj("computer monitor", (0.6, 0.45, 0.2), (0, 0.75, -0.18), id="mon")
    rep = evaluate_functional(room([desk, monitor]))
    assert rep.support["mon"] == "on_object"
    assert rep.inaccessible_objects == [] and rep.accessibility == 1.0
    # the same monitor over a desk whose front is 5 cm from the wall: both inaccessible
    desk_w = obj("writing desk", (1.2, 0.75, 0.6), (0, 0, 2 - 0.35), id="desk")
    mon_w = obj("computer monitor", (0.6, 0.45, 0.2), (0, 0.75, 2 - 0.35 - 0.18), id="mon")
    rep_w = evaluate_functional(room([desk_w, mon_w]))
    assert rep_w.inaccessible_objects == ["desk", "mon"] and rep_w.accessibility == 0.0


def test_deep_desk_monitor_needs_the_host_rule():
    # without the host rule, the monitor's own front strip (0.6 m over the desk top) is what is checked
    desk = obj("writing desk", (1.2, 0.75, 1.2), (0, 0, 0), id="desk")  # deep desk: the strip stays on it
    monitor = obj("computer monitor", (0.6, 0.45, 0.2), (0, 0.75, -0.45), id="mon")
    assert evaluate_functional(room([desk, monitor])).inaccessible_objects == []
    old = evaluate_functional(room([desk, monitor]), FunctionalConfig(access_sides=False))
    assert old.inaccessible_objects == ["mon"]
