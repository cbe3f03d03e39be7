"""Voxel losses in the original's way (compat="original"), against volumes worked out by hand.

The original voxelises a box of extent L (scaled by L / (L + 1e-6)) in its own frame: its subdivided
surface vertices are rounded to voxel centres, so it spans round(L / 2 / P) voxels either side of its
centre line (and 0 .. round(H / P) upward), i.e. 2 round(L / 2P) + 1 voxels across. Its grid is
shifted into the world by floor((pos + t) / P), t = -round(L / 2P) P; the 4 m x 4 m x 2.7 m room has
voxel columns -40..40 on both axes (voxel centres on the walls count as inside).
"""

import math

import numpy as np
import pytest
import trimesh

from scenerevis.physics import PhysicsConfig, evaluate_voxels
from scenerevis.scene import yaw_to_quat
from tests.helpers import L_ROOM, obj, room
from tests.physics.test_physics import DictResolver

P = 0.05
V = P**3  # one voxel, m^3


def _shift(pos: float, half_voxels: int) -> int:
    """The original's grid shift along one axis: floor((pos + t) / P) with t = -half_voxels * P."""
    return math.floor((pos - half_voxels * P) / P)


def test_box_flush_against_the_minus_x_wall_gets_one_outside_layer_but_not_at_plus_x():
    # 0.97 m cube: 0.485 / 0.05 = 9.7 -> 10 voxels either side, 21 across; height 0.97 -> 0..19, 20 layers
    left = obj("cube", (0.97, 0.97, 0.97), (-2 + 0.485, 0, 0.31), id="left")  # flush with x = -2
    right = obj("cube", (0.97, 0.97, 0.97), (2 - 0.485, 0, -0.61), id="right")  # flush with x = +2
    assert _shift(-2 + 0.485, 10) == -41  # floor(-40.3): columns -41..-21, one column outside
    assert _shift(2 - 0.485, 10) == 20  # floor(20.3): columns 20..40, all inside
    rep = evaluate_voxels(room([left, right]), compat="original")
    assert rep.compat == "original"
    assert rep.object_oob_volume["left"] == pytest.approx(1 * 21 * 20 * V, abs=1e-9)  # 0.0525 m^3
    assert rep.object_oob_volume["right"] == pytest.approx(0.0, abs=1e-9)
    assert rep.pair_collision_volume == []
    ours = evaluate_voxels(room([left, right]))  # our default: nothing outside
    assert ours.compat == "ours" and ours.total_oob_volume == pytest.approx(0.0, abs=1e-9)


def test_boxes_overlapping_by_5_mm_share_two_voxel_layers():
    a = obj("cube", (1, 1, 1), (0, 0, 0), id="a")  # x voxels -10..10
    b = obj("cube", (1, 1, 1), (0.995, 0, 0), id="b")  # 5 mm into a
    assert _shift(0.0, 10) == -10 and _shift(0.995, 10) == 9  # columns -10..10 and 9..29
    rep = evaluate_voxels(room([a, b]), compat="original")
    # shared columns 9 and 10, x 21 rows x 21 layers (1 m -> 0..20)
    assert rep.pair_collision_volume == [{"a": "a", "b": "b", "volume": pytest.approx(2 * 21 * 21 * V, abs=1e-9)}]
    assert rep.total_oob_volume == pytest.approx(0.0, abs=1e-9)
    assert rep.pbl == pytest.approx(2 * 21 * 21 * V, abs=1e-9)


def test_l_shaped_room_box_over_the_notch():
    # L room: the notch x > 0, z > 0 is outside; voxel columns on the notch walls (i = 0 or k = 0) are inside.
    box = obj("cube", (0.97, 0.97, 0.97), (0.21, 0, 0.21), id="box")
    assert _shift(0.21, 10) == -6  # floor(-5.8): columns and rows -6..14
    rep = evaluate_voxels(room([box], corners=L_ROOM), compat="original")
    # outside: columns 1..14 x rows 1..14, 20 layers
    assert rep.object_oob_volume["box"] == pytest.approx(14 * 14 * 20 * V, abs=1e-9)


def test_rotated_box_poking_through_the_wall():
    # 1.0 x 1.0 x 0.5 box yawed 90 deg: 0.5 m along x (5 voxels either side, 11 across),
    # 1.0 m along z (21 across), 21 layers
    box = obj("slab", (1.0, 1.0, 0.5), (1.91, 0, 0.01), rot=yaw_to_quat(math.pi / 2), id="slab")
    assert _shift(1.91, 5) == 33  # floor(33.2): columns 33..43, 41..43 outside
    assert _shift(0.01, 10) == -10  # rows -10..10, inside
    rep = evaluate_voxels(room([box]), compat="original")
    assert rep.object_oob_volume["slab"] == pytest.approx(3 * 21 * 21 * V, abs=1e-9)


def test_compat_from_the_config_and_rugs_count_as_in_the_original():
    rug = obj("rug", (2.0, 0.01, 1.0), (0, 0, 0), id="rug")
    table = obj("table", (1.0, 0.75, 1.0), (0.005, 0, 0.005), id="table")
    cfg = PhysicsConfig(voxel_compat="original")
    rep = evaluate_voxels(room([rug, table]), config=cfg)
    # rug: 1 cm tall -> layer 0 only (round(0.2) = 0); table: layers 0..15; x: rug -20..20, table
    # _shift(0.005, 10) = floor(-9.9) = -10 -> -10..10; z: rug -10..10, table -10..10 -> 21 x 21 shared
    assert _shift(0.005, 10) == -10
    assert rep.compat == "original" and rep.pair_collision_volume[0]["volume"] == pytest.approx(21 * 21 * V, abs=1e-9)
    assert evaluate_voxels(room([rug, table])).pair_collision_volume == []  # ours ignores rugs
    with pytest.raises(ValueError, match="voxel_compat"):
        PhysicsConfig(voxel_compat="respace")


def _matrix_overlap(a: np.ndarray, b: np.ndarray, offset) -> int:
    """Cells where ``b`` shifted by ``offset`` (voxels) lands on a filled cell of ``a`` (b clipped to a's box)."""
    idx = np.argwhere(b) + np.asarray(offset, dtype=int)
    ok = np.all((idx >= 0) & (idx < np.array(a.shape)), axis=1)
    return int(a[tuple(idx[ok].T)].sum())


def test_matches_the_matrix_offset_formulation_on_rotated_meshes():
    """Per object and per pair, the volumes equal those of the original's formulation: each object's
    own voxel matrix placed into the room's (offset floor(-room_t / P + shift)) or the other
    object's (offset floor(shift_b - shift_a)) matrix, counted cell by cell."""
    from scenerevis.physics.voxel_compat import _grid, object_mesh, room_grid

    cyl = trimesh.creation.cylinder(radius=0.5, height=1.0, sections=20)
    objs = [
        obj("drum", (0.7, 0.8, 0.7), (1.62, 0, 1.1), rot=yaw_to_quat(0.3), jid="cyl", id="drum"),
        obj("crate", (0.9, 0.6, 0.5), (1.2, 0, 1.3), rot=yaw_to_quat(math.pi / 4), id="crate"),
        obj("slab", (1.3, 0.4, 0.33), (-1.37, 0.2, -1.81), rot=yaw_to_quat(-1.1), id="slab"),
        obj("drum", (0.5, 1.2, 0.5), (-1.0, 0.1, -1.5), jid="cyl", id="drum2"),
    ]
    scene = room(objs, corners=L_ROOM)
    rep = evaluate_voxels(scene, DictResolver({"cyl": cyl}), compat="original")
    room_m, room_t = room_grid(scene.floor_xz, scene.floor_y, scene.ceiling_y, P)
    grids = []
    for o in objs:
        m, t = _grid(object_mesh(o, cyl if o.jid else None), P)
        shift = np.floor((np.asarray(o.pos) + t) / P)
        grids.append((m, shift))
        inside = _matrix_overlap(room_m, m, np.floor(-room_t / P + shift).astype(int))
        assert rep.object_oob_volume[o.id] == pytest.approx((m.sum() - inside) * V, abs=1e-9)
    pairs = {(p["a"], p["b"]): p["volume"] for p in rep.pair_collision_volume}
    expected = {}
    for i in range(len(objs)):
        for j in range(i + 1, len(objs)):
            (ma, sa), (mb, sb) = grids[i], grids[j]
            c = _matrix_overlap(ma, mb, np.floor(sb - sa).astype(int))
            if c:
                expected[(objs[i].id, objs[j].id)] = c * V
    assert expected and pairs == pytest.approx(expected, abs=1e-9)
    assert sum(rep.object_oob_volume.values()) > 0  # the L-room notch and the walls cut some objects
