"""Functional metrics on hand-built scenes with answers computed by hand (scenerevis/eval/functional.py)."""

from __future__ import annotations

import math

import numpy as np
import pytest

from scenerevis.eval.essentials import essentials_coverage, normalize_room_type
from scenerevis.eval.floorgrid import make_grid, room_mask
from scenerevis.eval.functional import FunctionalConfig, evaluate_functional, summarize
from scenerevis.eval.support import support_status
from scenerevis.scene.rotation import yaw_to_quat
from tests.helpers import L_ROOM, obj, room

CELL_AREA = 0.05**2


def _barrier(gap: float, z: float = 0.6):
    """Two 0.4 m deep, 2 m tall shelves across the 4 m x 4 m room at ``z``, leaving a centred ``gap``."""
    length = 2.0 - gap / 2.0
    return [
        obj("long bookshelf", (length, 2.0, 0.4), (-2.0 + length / 2.0, 0.0, z), id="left"),
        obj("long bookshelf", (length, 2.0, 0.4), (2.0 - length / 2.0, 0.0, z), id="right"),
    ]


def test_grid_covers_room_polygon_exactly():
    scene = room([], corners=L_ROOM)
    grid = make_grid(scene, 0.05)
    assert grid.shape == (80, 80)
    assert room_mask(grid, scene).sum() * CELL_AREA == pytest.approx(12.0)  # 16 m^2 minus the 2 x 2 notch


def test_wardrobe_facing_wall_is_inaccessible_and_turned_is_accessible():
    # 4 m x 4 m room; wardrobe 1.2 x 2.0 x 0.6 with its back at z = 1.35 and its front 5 cm from the wall z = 2
    facing_wall = evaluate_functional(room([obj("white wardrobe", (1.2, 2.0, 0.6), (0, 0, 1.65), id="w")]))
    assert facing_wall.inaccessible_objects == ["w"] and facing_wall.accessibility == 0.0
    turned = evaluate_functional(room([obj("white wardrobe", (1.2, 2.0, 0.6), (0, 0, 1.65), yaw_to_quat(math.pi), id="w")]))
    assert turned.inaccessible_objects == [] and turned.accessibility == 1.0
    # facing +X (yaw +90 deg) towards the wall x = 2, then facing -X into the room
    side = [obj("wardrobe", (1.2, 2.0, 0.6), (1.65, 0, 0), yaw_to_quat(s * math.pi / 2), id="w") for s in (1, -1)]
    assert evaluate_functional(room([side[0]])).accessibility == 0.0
    assert evaluate_functional(room([side[1]])).accessibility == 1.0


def test_half_metre_gap_is_not_a_walkway():
    """Barrier rows 48..55 (z in [0.4, 0.8]) of the 80 x 80 grid, gap columns 35..44 (x in [-0.25, 0.25]).

    Agent radius 0.2 m: a cell is walkable when its centre is >= 4 cells from every blocked cell
    centre (walls count as blocked cells just outside the grid). The 10-cell gap has ridge clearance
    5 cells = 0.25 m >= 0.2 m: the agent (0.4 m wide) passes, so navigability stays 1. With the walkway
    radius 0.3 m (6 cells) the gap closes: the south part is rows 5..42 x cols 5..74 = 38 x 70 = 2660
    cells plus 6 cells bulging into the gap mouth (row 43: cols 37..42 are >= 6 from (48, 34) and
    (48, 45) only for cols 38..41 -> 4 cells; row 44: cols 39, 40 -> 2 cells), the north part rows
    61..74 = 14 x 70 = 980 plus the same 6 mouth cells: 2666 / (2666 + 986).
    """
    rep = evaluate_functional(room(_barrier(0.5)))
    assert rep.navigability == 1.0 and rep.num_walkable_components == 1
    assert rep.min_passage_width == pytest.approx(0.5)
    assert rep.narrow_passage is True  # 0.5 m < 0.6 m: not a walkway
    assert rep.passage_navigability == pytest.approx(2666 / 3652, abs=1e-6)
    assert rep.free_area == pytest.approx(6400 * CELL_AREA - 2 * 35 * 8 * CELL_AREA)


def test_gap_narrower_than_the_agent_splits_the_room():
    """0.3 m gap (6 cells): ridge clearance 3 cells = 0.15 m < 0.2 m, so the room falls apart.

    South: rows 3..44 x cols 3..76 = 42 x 74 = 3108 cells, plus 2 mouth cells (row 45, cols 39 and 40:
    3 rows and 3 columns from the barrier corners, distance sqrt(18) = 4.24 >= 4); north: rows 59..76
    = 18 x 74 = 1332 plus 2 mouth cells. Navigability = 3110 / 4444.
    """
    rep = evaluate_functional(room(_barrier(0.3)))
    assert rep.num_walkable_components == 2
    assert rep.walkable_area == pytest.approx(4444 * CELL_AREA)
    assert rep.navigability == pytest.approx(3110 / 4444, abs=1e-6)
    assert rep.min_passage_width is None  # nothing joins the two parts any more


def test_wide_gap_is_a_walkway_and_open_room_has_no_bottleneck():
    rep = evaluate_functional(room(_barrier(1.0)))
    assert rep.navigability == 1.0 and rep.passage_navigability == 1.0
    assert rep.min_passage_width == pytest.approx(1.0) and rep.narrow_passage is False
    empty = evaluate_functional(room([]))
    assert empty.navigability == 1.0 and empty.min_passage_width is None and empty.accessibility is None
    assert empty.walkable_area == pytest.approx(74 * 74 * CELL_AREA)  # 3 cells off every wall


def test_rugs_and_hanging_objects_do_not_block_walking():
    rug = obj("large wool rug", (3.0, 0.01, 3.0), (0, 0, 0), id="rug")
    pendant = obj("pendant lamp", (3.9, 0.3, 3.9), (0, 2.0, 0), id="pendant")
    rep = evaluate_functional(room([rug, pendant]))
    assert rep.num_blocking_objects == 0 and rep.free_area == pytest.approx(16.0)
    assert rep.support == {"rug": "floor", "pendant": "exempt"} and rep.support_rate == 1.0
    low = evaluate_functional(room([obj("cabinet", (3.9, 0.3, 3.9), (0, 1.2, 0), id="c")]))  # bottom at 1.2 m: blocks
    assert low.num_blocking_objects == 1 and low.navigability == 0.0 and low.floating_objects == ["c"]


def test_support_floor_surface_floating_exempt_and_sunk():
    objs = [
        obj("oak nightstand", (0.5, 0.55, 0.4), (-1.0, 0, 1.0), id="stand"),
        obj("table lamp", (0.3, 0.5, 0.3), (-1.0, 0.55, 1.0), id="on_stand"),
        obj("table lamp", (0.3, 0.5, 0.3), (1.0, 0.3, 1.0), id="floating"),
        obj("flat TV mounted on the wall", (1.2, 0.7, 0.06), (0, 1.2, -1.97), id="tv"),
        obj("wall mirror", (0.6, 1.0, 0.03), (1.5, 1.0, -1.98), id="mirror"),
        obj("sofa", (2.0, 0.85, 0.9), (0, -0.1, 0), id="sunk"),
        obj("tv stand", (0.8, 0.5, 0.4), (0.6, 0, -1.0), id="s1"),
        obj("tv stand", (0.8, 0.5, 0.4), (1.4, 0, -1.0), id="s2"),
        obj("long tv", (1.2, 0.6, 0.1), (1.0, 0.51, -1.0), id="spanning"),  # half on each stand, 1 cm above
        obj("vase", (0.2, 0.3, 0.2), (0.4, 0.5 + 0.05, -1.1), id="hover"),  # 5 cm above the stand top
    ]
    status = dict(zip([o.id for o in objs], support_status(room(objs))))
    assert status == {
        "stand": "floor",
        "on_stand": "on_object",
        "floating": "floating",
        "tv": "exempt",
        "mirror": "exempt",
        "sunk": "below_floor",
        "s1": "floor",
        "s2": "floor",
        "spanning": "on_object",
        "hover": "floating",
    }
    rep = evaluate_functional(room(objs))
    assert rep.floating_objects == ["floating", "hover"] and rep.below_floor_objects == ["sunk"]
    assert rep.support_rate == pytest.approx(5 / 8)  # 8 non-exempt objects, 5 on floor or on a top


def test_lamp_30cm_above_floor_floats_and_on_nightstand_is_supported():
    floating = evaluate_functional(room([obj("floor lamp", (0.4, 1.5, 0.4), (0, 0.3, 0), id="lamp")]))
    assert floating.support == {"lamp": "floating"} and floating.support_rate == 0.0
    on_top = evaluate_functional(
        room(
            [obj("nightstand", (0.5, 0.55, 0.4), (0, 0, 0), id="n"), obj("table lamp", (0.3, 0.5, 0.3), (0, 0.55, 0), id="lamp")]
        )
    )
    assert on_top.support["lamp"] == "on_object" and on_top.floating_objects == []


def test_essentials_coverage_bedroom_without_wardrobe_is_two_thirds():
    objs = [
        obj("queen bed with a grey fabric headboard", (1.6, 1.0, 2.1), (0, 0, -0.9)),
        obj("oak nightstand", (0.5, 0.55, 0.4), (-1.2, 0, -1.7)),
    ]
    res = essentials_coverage(room(objs))
    assert res.room_type == "bedroom" and res.coverage == pytest.approx(2 / 3)
    assert res.missing == [["wardrobe"]] and res.categories == ["double_bed", "nightstand"]
    full = essentials_coverage(room(objs + [obj("two-door wardrobe", (1.2, 2.0, 0.6), (1.5, 0, 1.0))]))
    assert full.coverage == 1.0
    assert essentials_coverage(room(objs, room_type="spaceship")).coverage is None
    assert evaluate_functional(room(objs)).essentials_coverage == pytest.approx(0.666667)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Bedroom", "bedroom"),
        ("livingroom", "living_room"),
        ("living_room", "living_room"),
        ("MasterBedroom", "bedroom"),
        ("home office", "study"),
        ("diningroom", "dining_room"),
        ("kids bedroom", "kids_room"),
        ("", None),
        ("garage", None),
    ],
)
def test_room_type_names(text, expected):
    assert normalize_room_type(text) == expected


def test_config_is_checked_and_summary_skips_missing_values():
    with pytest.raises(ValueError, match="cell"):
        FunctionalConfig(cell=0)
    a = evaluate_functional(room(_barrier(0.5))).to_dict()
    b = evaluate_functional(room([])).to_dict()
    s = summarize({"a": a, "b": b})
    assert s["min_passage_width"] == pytest.approx(0.5) and s["num_scenes_with_min_passage_width"] == 1
    assert s["narrow_passage_scene_ratio"] == 0.5 and s["total_objects"] == 2
    assert s["accessibility"] == 1.0  # the empty room has no object to reach: left out of the mean


def test_rotated_furniture_footprint_blocks_its_oriented_cells():
    # a 2 m x 0.4 m shelf turned 45 degrees covers 0.8 m^2 of floor (within a few edge cells)
    rep = evaluate_functional(room([obj("shelf", (2.0, 1.0, 0.4), (0, 0, 0), yaw_to_quat(math.pi / 4), id="s")]))
    assert 16.0 - rep.free_area == pytest.approx(0.8, abs=0.04)
    assert np.isfinite(rep.navigability) and rep.navigability == 1.0


def test_objects_without_a_working_front_are_reachable_from_any_side():
    # a dining chair faces the table: its front strip lies under the table, it is reached from behind
    table = obj("dining table", (1.4, 0.75, 0.9), (0, 0, 0), id="table")
    chair = obj("dining chair", (0.48, 0.9, 0.52), (0, 0, -0.6), id="chair")  # front (+Z) under the table
    lamp = obj("brass floor lamp", (0.4, 1.6, 0.4), (-1.75, 0, 1.75), id="lamp")  # front 5 cm from the wall
    desk = obj("writing desk", (1.2, 0.75, 0.6), (1.0, 0, 1.65), id="desk")  # front 5 cm from the wall
    rep = evaluate_functional(room([table, chair, lamp, desk]))
    assert rep.inaccessible_objects == ["desk"] and rep.accessibility == pytest.approx(0.75)
    strict = evaluate_functional(room([table, chair, lamp, desk]), FunctionalConfig(any_side_words=(), access_sides=False))
    assert strict.inaccessible_objects == ["chair", "lamp", "desk"]
