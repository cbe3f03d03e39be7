"""Candidate poses: the seeded draws behind them stay those of Python's ``random`` (golden episodes rely on it)."""

from __future__ import annotations

import random

import pytest

from scenerevis.policy.free_space import room_space
from scenerevis.policy.poses import Pose, grid_poses, random_array


@pytest.mark.parametrize("seed", [0, 7, 2**31 + 5])
def test_random_array_is_the_python_loop_and_leaves_the_generator_where_it_would(seed):
    loop, fast = random.Random(seed), random.Random(seed)
    assert loop.random() == fast.random()
    assert [loop.random() for _ in range(1000)] == random_array(fast, 1000).tolist()
    assert loop.getstate() == fast.getstate()
    assert [loop.gauss(0.0, 1.0), loop.randint(0, 99)] == [fast.gauss(0.0, 1.0), fast.randint(0, 99)]


def test_grid_poses_nearest_first_with_every_yaw():
    # 1 x 1 m room on a 0.5 m grid: cell centres at +-0.25; the target (0.3, 0.2) is nearest (0.25, 0.25).
    space = room_space([[-0.5, -0.5], [0.5, -0.5], [0.5, 0.5], [-0.5, 0.5]], 2.7)
    poses = grid_poses(space, (0.3, 0.2), [0.0, 1.5], random.Random(0), step=0.5)
    assert len(poses) == 8
    assert poses[:2] == [Pose(0.25, 0.25, 0.0), Pose(0.25, 0.25, 1.5)]
    assert poses[-1][:2] == (-0.25, -0.25)
