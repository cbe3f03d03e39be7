"""Tests of scenerevis/assets/parts.py: closed, coloured primitives with exact extents."""

from __future__ import annotations

import numpy as np
import pytest

from scenerevis.assets import parts as P


def test_block_spans_exact_box_and_is_painted():
    b = P.block(-0.5, 0.5, 0.0, 0.2, -0.1, 0.3, (10, 20, 30))
    assert np.allclose(b.bounds, [[-0.5, 0.0, -0.1], [0.5, 0.2, 0.3]])
    assert b.is_watertight and b.volume == pytest.approx(1.0 * 0.2 * 0.4)
    assert (b.visual.face_colors == [10, 20, 30, 255]).all()


@pytest.mark.parametrize(
    "make",
    [
        lambda: P.column(0.1, 0.2, 0.0, 1.0, 0.05, (1, 2, 3)),
        lambda: P.rod((0, 0, 0), (0.3, 0.4, 0.0), 0.02, (1, 2, 3)),
        lambda: P.frustum(0, 0, 0.5, 0.8, 0.2, 0.1, (1, 2, 3)),
        lambda: P.lathe([(0.1, 0), (0.2, 0.3), (0.05, 0.5)], (1, 2, 3)),
        lambda: P.rounded_block(0, 1, 0, 0.3, 0, 0.6, 0.05, (1, 2, 3)),
        lambda: P.ellipsoid(0, 1, 0, 0.3, 0.2, 0.1, (1, 2, 3)),
    ],
)
def test_every_primitive_is_closed_with_positive_volume(make):
    m = make()
    assert m.is_watertight
    assert m.volume > 0


def test_lathe_profile_heights_and_radius():
    m = P.lathe([(0.2, 0.0), (0.1, 0.5)], (0, 0, 0), x=1.0, y=2.0, z=3.0, sections=64)
    lo, hi = m.bounds
    assert lo[1] == pytest.approx(2.0) and hi[1] == pytest.approx(2.5)
    assert (hi[0] - lo[0]) / 2 == pytest.approx(0.2, abs=1e-3)
    assert (lo[0] + hi[0]) / 2 == pytest.approx(1.0, abs=1e-3)


def test_legs_stand_at_the_corners_and_unknown_style_raises():
    legs = P.legs(-1, 1, -0.5, 0.5, 0.0, 0.7, 0.05, (0, 0, 0), style="square", inset=0.05)
    assert len(legs) == 4
    centres = sorted(tuple(np.round((leg.bounds[0] + leg.bounds[1])[[0, 2]] / 2, 4)) for leg in legs)
    assert centres == [(-0.925, -0.425), (-0.925, 0.425), (0.925, -0.425), (0.925, 0.425)]
    with pytest.raises(ValueError, match="unknown leg style"):
        P.legs(0, 1, 0, 1, 0, 1, 0.05, (0, 0, 0), style="wobbly")


def test_fit_to_puts_bottom_centre_at_origin_with_exact_extents():
    m = P.assemble([P.block(1, 2, 1, 3, 1, 2, (0, 0, 0)), P.block(1.5, 2.5, 1, 2, 1, 1.5, (9, 9, 9))])
    P.fit_to(m, (0.8, 1.0, 0.4))
    assert np.allclose(m.bounds, [[-0.4, 0.0, -0.2], [0.4, 1.0, 0.2]])
    assert len(np.unique(m.visual.face_colors, axis=0)) == 2
