"""Tests of scenerevis/assets/scoring.py: the DESIGN score terms, selection and ranking."""

from __future__ import annotations

import numpy as np
import pytest

from scenerevis.assets import scoring


def test_size_similarity_matches_the_formula_and_ignores_missing_sizes():
    rng = np.random.default_rng(0)
    q = rng.uniform(0.2, 2.0, (4, 3))
    s = rng.uniform(0.2, 2.0, (7, 3))
    q[2] = np.nan
    got = scoring.size_similarity(q, s, 0.3)
    for i in range(4):
        for j in range(7):
            want = 0.0 if i == 2 else np.exp(-np.sum((s[j] - q[i]) ** 2) / (2 * 0.3**2))
            assert got[i, j] == pytest.approx(want, abs=1e-5)


def test_design_score_weights():
    cos = np.array([[0.5, 0.1]])
    size = np.array([[0.0, 1.0]])
    assert np.allclose(scoring.design_score(cos, size, 0.5), [[0.25, 0.55]])
    assert np.allclose(scoring.design_score(cos, size, 1.0), cos)


def test_aspect_penalty_is_zero_for_same_proportions():
    q = np.array([[1.0, 0.5, 2.0], [np.nan, np.nan, np.nan]])
    s = np.array([[2.0, 1.0, 4.0], [2.0, 0.5, 1.0]])
    pen = scoring.aspect_penalty(q, s)
    assert pen[0, 0] == pytest.approx(0.0, abs=1e-6)
    # q/max = (0.5, 0.25, 1); s/max = (1, 0.25, 0.5): |log 0.5| + 0 + |log 2|
    assert pen[0, 1] == pytest.approx(2 * np.log(2), abs=1e-5)
    assert (pen[1] == 0).all()


def test_select_greedy_topk_topp():
    scores = np.array([0.1, 0.9, 0.5, 0.89])
    rng = np.random.default_rng(0)
    assert scoring.select(scores, "greedy", rng) == 1
    picks = {scoring.select(scores, "top_k", np.random.default_rng(s), top_k=2, temperature=0.05) for s in range(40)}
    assert picks == {1, 3}
    picks_p = {scoring.select(scores, "top_p", np.random.default_rng(s), top_p=0.4, temperature=0.05) for s in range(40)}
    assert picks_p == {1}
    a = [scoring.select(scores, "top_k", np.random.default_rng(7), top_k=3) for _ in range(3)]
    assert len(set(a)) == 1
    with pytest.raises(ValueError, match="unknown selection mode"):
        scoring.select(scores, "best", rng)


def test_top_indices_orders_best_first():
    s = np.array([[0.2, 0.9, 0.1, 0.5], [1.0, 0.0, 0.3, 0.2]])
    assert scoring.top_indices(s, 3).tolist() == [[1, 3, 0], [0, 2, 3]]
    assert scoring.top_indices(s, 10).shape == (2, 4)
