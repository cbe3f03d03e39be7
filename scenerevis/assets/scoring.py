"""scoring.py: vectorised retrieval scores over an asset index and seeded selection among the best candidates.

Shapes: ``m`` queries, ``n`` assets, ``D`` embedding width. Sizes are metres ``[w, h, d]``.
"""

from __future__ import annotations

import numpy as np


def cosine(queries: np.ndarray, embeds: np.ndarray) -> np.ndarray:
    """(m, n) cosine similarity of unit rows ``queries`` (m, D) and ``embeds`` (n, D)."""
    return np.asarray(queries, np.float32) @ np.asarray(embeds, np.float32).T


def size_similarity(q_sizes: np.ndarray, sizes: np.ndarray, sigma: float) -> np.ndarray:
    """(m, n) ``exp(-||size_asset - size_query||^2 / (2 sigma^2))``; rows of NaN queries give 0.

    Parameters
    ----------
    q_sizes : (m, 3) float, metres (NaN rows mean "no size given")
    sizes : (n, 3) float, metres
    sigma : float, metres
    """
    q = np.asarray(q_sizes, np.float32)
    s = np.asarray(sizes, np.float32)
    missing = np.isnan(q).any(axis=1)
    q = np.where(missing[:, None], 0.0, q)
    d2 = (q * q).sum(1)[:, None] + (s * s).sum(1)[None, :] - 2.0 * (q @ s.T)
    out = np.exp(-np.maximum(d2, 0.0) / (2.0 * sigma * sigma))
    out[missing] = 0.0
    return out


def design_score(cos: np.ndarray, size_sim: np.ndarray, lam: float) -> np.ndarray:
    """DESIGN.md section 4: ``lam * cos + (1 - lam) * size_sim``."""
    return lam * cos + (1.0 - lam) * size_sim


def aspect_penalty(q_sizes: np.ndarray, sizes: np.ndarray) -> np.ndarray:
    """(m, n) L1 distance of log aspect ratios (each size divided by its largest side); 0 for NaN queries."""
    q = np.asarray(q_sizes, np.float64)
    missing = np.isnan(q).any(axis=1)
    q = np.where(missing[:, None], 1.0, np.maximum(q, 1e-3))
    s = np.maximum(np.asarray(sizes, np.float64), 1e-3)
    lq = np.log(q / q.max(axis=1, keepdims=True))
    ls = np.log(s / s.max(axis=1, keepdims=True))
    out = np.abs(lq[:, None, :] - ls[None, :, :]).sum(-1)
    out[missing] = 0.0
    return out.astype(np.float32)


def select(
    scores: np.ndarray, mode: str, rng: np.random.Generator, top_k: int = 5, top_p: float = 0.9, temperature: float = 0.05
) -> int:
    """Index of the chosen asset for one query's (n,) ``scores``.

    ``greedy``: argmax (first on ties). ``top_k``: sample among the ``top_k`` best with
    ``softmax(score / temperature)``. ``top_p``: the same over the smallest best-first set whose
    probability reaches ``top_p``.
    """
    scores = np.asarray(scores, np.float64)
    if mode == "greedy":
        return int(np.argmax(scores))
    order = np.argsort(-scores, kind="stable")
    if mode == "top_k":
        cand = order[: max(1, top_k)]
        probs = _softmax(scores[cand] / temperature)
    elif mode == "top_p":
        probs_all = _softmax(scores[order] / temperature)
        keep = int(np.searchsorted(np.cumsum(probs_all), top_p) + 1)
        cand = order[:keep]
        probs = probs_all[:keep] / probs_all[:keep].sum()
    else:
        raise ValueError(f"unknown selection mode {mode!r}; known: greedy, top_k, top_p")
    return int(cand[rng.choice(len(cand), p=probs)])


def _softmax(x: np.ndarray) -> np.ndarray:
    e = np.exp(x - np.max(x))
    return e / e.sum()


def top_indices(scores: np.ndarray, k: int) -> np.ndarray:
    """(m, k) indices of the ``k`` best assets per row of (m, n) ``scores``, best first."""
    scores = np.asarray(scores)
    k = min(k, scores.shape[1])
    part = np.argpartition(-scores, k - 1, axis=1)[:, :k]
    rows = np.arange(scores.shape[0])[:, None]
    order = np.argsort(-scores[rows, part], axis=1, kind="stable")
    return part[rows, order]
