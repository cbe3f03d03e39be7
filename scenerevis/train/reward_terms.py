"""reward_terms.py: the per-component score curves of the reward, pure functions of numbers, each into [-1, 1].

The physics curves are the original SceneReVis RL reward's piecewise schedules (facts re-implemented):
rates in percent, depths in metres, volumes in cubic metres. :mod:`scenerevis.train.reward` measures the
numbers on a scene and feeds them here.
"""

from __future__ import annotations

from collections.abc import Sequence


def clip(x: float, lo: float = -1.0, hi: float = 1.0) -> float:
    """``x`` clipped into [lo, hi]."""
    return float(min(max(x, lo), hi))


def format_score(num_errors: int, error_penalty: float) -> float:
    """1 for a clean reply, ``error_penalty`` less per error line, never below -1."""
    return clip(1.0 - error_penalty * max(int(num_errors), 0))


def collision_rate_score(rate: float) -> float:
    """Collision rate ``rate`` (% of objects in a collision) -> score.

    0 -> 1, 20 -> 0.5, 45 -> 0 (linear between), then linear to -1 at 100.
    """
    c = max(float(rate), 0.0)
    if c <= 20:
        return 1.0 - 0.5 * c / 20
    if c <= 45:
        return 0.5 - 0.5 * (c - 20) / 25
    return clip(-(c - 45) / 55)


def oob_rate_score(rate: float) -> float:
    """Out-of-bounds rate ``rate`` (% of objects) -> score: 0 -> 1, 10 -> 0.5, 30 -> 0, linear to -1 at 100."""
    o = max(float(rate), 0.0)
    if o <= 10:
        return 1.0 - 0.5 * o / 10
    if o <= 30:
        return 0.5 - 0.5 * (o - 10) / 20
    return clip(-(o - 30) / 70)


def penetration_score(depth: float) -> float:
    """Summed penetration depth ``depth`` (m) -> score.

    0 -> 1, 0.1 -> 0.5, 0.3 -> 0, 0.6 -> -0.5, 1.0 -> -1 (linear between), -1 beyond.
    """
    d = max(float(depth), 0.0)
    if d <= 0.1:
        return 1.0 - 5.0 * d
    if d <= 0.3:
        return 0.5 - 2.5 * (d - 0.1)
    if d <= 0.6:
        return -(d - 0.3) / 0.6
    if d <= 1.0:
        return -0.5 - 1.25 * (d - 0.6)
    return -1.0


def oob_volume_score(volume: float) -> float:
    """Summed out-of-bounds volume ``volume`` (m^3) -> score.

    0 -> 1, 0.2 -> 0.5, 0.5 -> 0, 1 -> -0.5, 2 -> -1 (linear between), -1 beyond.
    """
    v = max(float(volume), 0.0)
    if v <= 0.2:
        return 1.0 - 2.5 * v
    if v <= 0.5:
        return 0.5 - (v - 0.2) / 0.6
    if v <= 1.0:
        return -(v - 0.5)
    if v <= 2.0:
        return -0.5 - 0.5 * (v - 1.0)
    return -1.0


def voxel_pbl_score(pbl: float, full: float = 1e-5, worst: float = 0.1) -> float:
    """Voxel physical-bounds loss ``pbl`` (m^3) -> score: 1 up to ``full``, linear to -1 at ``worst``, -1 beyond."""
    p = float(pbl)
    if p <= full:
        return 1.0
    if p >= worst:
        return -1.0
    return 1.0 - 2.0 * (p - full) / (worst - full)


def essentials_score(coverage: float) -> float:
    """Essentials coverage in [0, 1] -> 2 * coverage - 1 (all present 1, none -1)."""
    return clip(2.0 * float(coverage) - 1.0)


def object_count_score(n: int) -> float:
    """Object count -> score: below 4 -> -1; 4 -> 5 linear -1 -> 0; 5 -> 15 linear 0 -> 1; 15 and more -> 1."""
    if n < 4:
        return -1.0
    if n < 5:
        return -1.0 + (n - 4)
    return clip((n - 5) / 10.0)


def judge_score(score: float, neutral: float = 5.5, half_range: float = 4.5) -> float:
    """A judge's 1-10 score -> clip((score - neutral) / half_range): 1 -> -1, 5.5 -> 0, 10 -> 1."""
    return clip((float(score) - neutral) / half_range)


#: Severity of a size deviation, in increasing order.
SIZE_OK, SIZE_MINOR, SIZE_CRITICAL = 0, 1, 2


def _dims_level(size: Sequence[float], ranges, minor: tuple[float, float], critical: tuple[float, float]) -> int:
    level = SIZE_OK
    for s, (lo, hi) in zip(size, ranges):
        if s < lo * critical[0] or s > hi * critical[1]:
            return SIZE_CRITICAL
        if s < lo * minor[0] or s > hi * minor[1]:
            level = SIZE_MINOR
    return level


def size_level(
    size: Sequence[float],
    ranges,
    minor: tuple[float, float] = (0.8, 1.3),
    critical: tuple[float, float] = (0.5, 2.0),
    swap_wd: bool = True,
) -> int:
    """Severity (:data:`SIZE_OK`, :data:`SIZE_MINOR`, :data:`SIZE_CRITICAL`) of ``size`` [w, h, d] (m) against
    the category ``ranges`` ((w_lo, w_hi), (h_lo, h_hi), (d_lo, d_hi)).

    A dimension below ``lo * critical[0]`` or above ``hi * critical[1]`` is critical, else below
    ``lo * minor[0]`` or above ``hi * minor[1]`` is minor; the object takes its worst dimension. With
    ``swap_wd`` the better of [w, h, d] and [d, h, w] counts.
    """
    level = _dims_level(size, ranges, minor, critical)
    if swap_wd and level != SIZE_OK:
        level = min(level, _dims_level((size[2], size[1], size[0]), ranges, minor, critical))
    return level


def size_score(num_critical: int, num_minor: int) -> float:
    """Scene size plausibility from deviation counts: >= 3 critical -> -1, 2 -> -0.5, 1 -> 0;
    no critical: >= 3 minor -> 0, 1-2 minor -> 0.5, none -> 1."""
    if num_critical >= 3:
        return -1.0
    if num_critical == 2:
        return -0.5
    if num_critical == 1:
        return 0.0
    if num_minor >= 3:
        return 0.0
    if num_minor >= 1:
        return 0.5
    return 1.0
