"""retrieval_bench.py: time batched retrieval over a synthetic 20k-asset index against a per-asset Python loop.

Run: ``python bench/retrieval_bench.py [--assets 20000] [--queries 512] [--dim 384] [--with-encoder]``.
The timed path is ``Retriever.retrieve_batch`` (DESIGN score for every query x asset, greedy choice,
duplicate handling, match records) with precomputed query vectors; ``--with-encoder`` also times
MiniLM encoding of the query texts. The baseline scores one asset at a time in Python for a few queries.
"""

from __future__ import annotations

import argparse
import math
import time

import numpy as np


class LookupEncoder:
    """Returns precomputed unit vectors for the bench's query texts (no model time)."""

    def __init__(self, texts: list[str], vectors: np.ndarray) -> None:
        self._rows = {t: v for t, v in zip(texts, vectors)}
        self.dim = vectors.shape[1]
        self.name = "lookup"

    def encode(self, texts):
        return np.stack([self._rows[t] for t in texts])


def unit(x: np.ndarray) -> np.ndarray:
    return (x / np.linalg.norm(x, axis=1, keepdims=True)).astype(np.float32)


def loop_baseline(q_emb: np.ndarray, q_size: np.ndarray, embeds: np.ndarray, sizes: np.ndarray, lam: float, sigma: float) -> int:
    """Score every asset one by one in Python (the naive retrieval loop) and return the argmax."""
    best, best_i = -math.inf, -1
    for i in range(len(embeds)):
        cos = float(np.dot(q_emb, embeds[i]))
        d2 = sum((float(sizes[i][k]) - float(q_size[k])) ** 2 for k in range(3))
        s = lam * cos + (1 - lam) * math.exp(-d2 / (2 * sigma * sigma))
        if s > best:
            best, best_i = s, i
    return best_i


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--assets", type=int, default=20000)
    ap.add_argument("--queries", type=int, default=512)
    ap.add_argument("--dim", type=int, default=384)
    ap.add_argument("--baseline-queries", type=int, default=5)
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--with-encoder", action="store_true", help="also time MiniLM encoding of the query texts")
    args = ap.parse_args()

    from scenerevis.assets.config import RetrievalConfig
    from scenerevis.assets.index import AssetIndex
    from scenerevis.assets.retrieval import Retriever

    rng = np.random.default_rng(0)
    n, m = args.assets, args.queries
    embeds = unit(rng.normal(size=(n, args.dim)))
    sizes = rng.uniform(0.1, 2.5, size=(n, 3))
    index = AssetIndex("synthetic", [f"a{i:05d}" for i in range(n)], sizes, embeds, ["c"] * n, ["d"] * n)
    texts = [f"query number {i}" for i in range(m)]
    q_emb = unit(rng.normal(size=(m, args.dim)))
    q_size = rng.uniform(0.1, 2.5, size=(m, 3))
    cfg = RetrievalConfig()
    retr = Retriever(cfg, encoder=LookupEncoder(texts, q_emb), index=index)

    retr.retrieve_batch(texts[:8], list(q_size[:8]))  # warm-up
    times = []
    for _ in range(args.repeats):
        t0 = time.perf_counter()
        got = retr.retrieve_batch(texts, list(q_size))
        times.append(time.perf_counter() - t0)
    batched_ms = 1000 * min(times) / m

    k = args.baseline_queries
    t0 = time.perf_counter()
    base = [loop_baseline(q_emb[i], q_size[i], embeds, sizes, cfg.lam, cfg.sigma) for i in range(k)]
    loop_ms = 1000 * (time.perf_counter() - t0) / k
    assert [index.position(g.asset_id) for g in got[:k]] == base, "batched and loop choices differ"

    print(f"index: {n} assets x {args.dim}-d, {m} queries per batch, best of {args.repeats}")
    print(f"batched Retriever.retrieve_batch : {batched_ms:8.3f} ms/query  (target <= 2 ms)")
    print(f"per-asset Python loop baseline   : {loop_ms:8.3f} ms/query  ({k} queries)")
    print(f"speed-up                         : {loop_ms / batched_ms:8.1f} x")
    if args.with_encoder:
        import os

        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        from scenerevis.assets.embeddings import load_encoder

        enc = load_encoder("minilm")
        enc.encode(texts[:8])
        t0 = time.perf_counter()
        enc.encode(texts)
        print(
            f"MiniLM query encoding (CPU)      : {1000 * (time.perf_counter() - t0) / m:8.3f} ms/query (not in the numbers above)"
        )


if __name__ == "__main__":
    main()
