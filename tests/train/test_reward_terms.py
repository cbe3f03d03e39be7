"""Reward curves: exact values at the break points and between them."""

import pytest

from scenerevis.train import reward_terms as T


@pytest.mark.parametrize(
    "rate, score",
    [(0, 1.0), (10, 0.75), (20, 0.5), (32.5, 0.25), (45, 0.0), (72.5, -0.5), (100, -1.0), (-5, 1.0)],
)
def test_collision_rate_curve(rate, score):
    assert T.collision_rate_score(rate) == pytest.approx(score, abs=1e-12)


@pytest.mark.parametrize("rate, score", [(0, 1.0), (5, 0.75), (10, 0.5), (20, 0.25), (30, 0.0), (65, -0.5), (100, -1.0)])
def test_oob_rate_curve(rate, score):
    assert T.oob_rate_score(rate) == pytest.approx(score, abs=1e-12)


@pytest.mark.parametrize(
    "depth, score",
    [
        (0, 1.0),
        (0.05, 0.75),
        (0.1, 0.5),
        (0.2, 0.25),
        (0.3, 0.0),
        (0.45, -0.25),
        (0.6, -0.5),
        (0.8, -0.75),
        (1.0, -1.0),
        (3.0, -1.0),
    ],
)
def test_penetration_curve(depth, score):
    assert T.penetration_score(depth) == pytest.approx(score, abs=1e-12)


@pytest.mark.parametrize(
    "volume, score",
    [
        (0, 1.0),
        (0.1, 0.75),
        (0.2, 0.5),
        (0.35, 0.25),
        (0.5, 0.0),
        (0.75, -0.25),
        (1.0, -0.5),
        (1.5, -0.75),
        (2.0, -1.0),
        (9, -1.0),
    ],
)
def test_oob_volume_curve(volume, score):
    assert T.oob_volume_score(volume) == pytest.approx(score, abs=1e-12)


def test_voxel_pbl_curve_is_the_originals():
    # 1 below 1e-5 m^3, linear to -1 at 0.1 m^3
    assert T.voxel_pbl_score(0.0) == 1.0
    assert T.voxel_pbl_score(1e-5) == 1.0
    assert T.voxel_pbl_score((1e-5 + 0.1) / 2) == pytest.approx(0.0, abs=1e-12)
    assert T.voxel_pbl_score(0.1) == -1.0
    assert T.voxel_pbl_score(5.0) == -1.0
    assert T.voxel_pbl_score(0.5, full=0.0, worst=2.0) == pytest.approx(0.5)


def test_essentials_object_count_judge_and_format():
    assert [T.essentials_score(c) for c in (0, 1 / 3, 2 / 3, 1)] == pytest.approx([-1, -1 / 3, 1 / 3, 1])
    assert [T.object_count_score(n) for n in (0, 3, 4, 5, 10, 15, 40)] == [-1, -1, -1, 0, 0.5, 1, 1]
    assert [T.judge_score(s) for s in (1, 5.5, 10, 7)] == pytest.approx([-1, 0, 1, 1.5 / 4.5])
    assert [T.format_score(n, 0.5) for n in (0, 1, 2, 3, 4, 10)] == [1, 0.5, 0, -0.5, -1, -1]
    assert T.format_score(3, 0.25) == 0.25


BED = ((1.35, 1.7), (0.4, 1.3), (1.9, 2.2))  # double_bed range in rooms.json (w, h, d), metres


@pytest.mark.parametrize(
    "size, level",
    [
        ((1.6, 1.0, 2.1), T.SIZE_OK),
        ((1.6, 1.8, 2.1), T.SIZE_MINOR),  # h 1.8 > 1.3 * 1.3 = 1.69 (max 1.3), <= 2 * 1.3
        ((1.6, 1.0, 1.0), T.SIZE_MINOR),  # d 1.0 < 0.8 * 1.9 = 1.52, >= 0.5 * 1.9; swapped w 1.0 < 0.8 * 1.35 = 1.08
        ((1.6, 0.19, 2.1), T.SIZE_CRITICAL),  # h 0.19 < 0.5 * 0.4
        ((4.5, 1.0, 2.1), T.SIZE_CRITICAL),  # w 4.5 > 2 * 1.7; swapped d 4.5 > 2 * 2.2
        ((3.5, 1.0, 1.6), T.SIZE_MINOR),  # w 3.5 > 3.4 is critical, but swapped (1.6, 1.0, 3.5): d 3.5 <= 4.4 is minor
        ((2.3, 1.0, 1.5), T.SIZE_OK),  # swapped (1.5, 1.0, 2.3) fits; as given w > 2.21 and d < 1.52
    ],
)
def test_size_level(size, level):
    assert T.size_level(size, BED) == level


def test_size_level_swap_can_be_turned_off():
    assert T.size_level((2.3, 1.0, 1.5), BED, swap_wd=False) == T.SIZE_MINOR
    assert T.size_level((3.5, 1.0, 1.6), BED, swap_wd=False) == T.SIZE_CRITICAL


@pytest.mark.parametrize(
    "critical, minor, score",
    [(0, 0, 1.0), (0, 1, 0.5), (0, 2, 0.5), (0, 3, 0.0), (1, 0, 0.0), (1, 5, 0.0), (2, 0, -0.5), (3, 0, -1.0)],
)
def test_size_score(critical, minor, score):
    assert T.size_score(critical, minor) == score
