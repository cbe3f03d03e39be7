import math

import numpy as np
import pytest

from scenerevis.scene import forward_vector, quat_to_yaw, yaw_to_quat


@pytest.mark.parametrize(
    "quat, facing",
    [
        ((0, 0, 0, 1), (0, 0, 1)),
        ((0, 0.7071068, 0, 0.7071068), (1, 0, 0)),
        ((0, 1, 0, 0), (0, 0, -1)),
        ((0, -0.7071068, 0, 0.7071068), (-1, 0, 0)),
    ],
)
def test_design_quaternions_face_the_documented_directions(quat, facing):
    assert np.allclose(forward_vector(quat), facing, atol=1e-6)


def test_yaw_roundtrip():
    for deg in (-170, -90, 0, 33, 90, 180):
        theta = math.radians(deg)
        assert quat_to_yaw(yaw_to_quat(theta)) == pytest.approx(math.atan2(math.sin(theta), math.cos(theta)))
    assert yaw_to_quat(math.pi / 2) == pytest.approx((0, 0.7071068, 0, 0.7071068))
