"""retrieval.py: the Retriever: text + size queries -> ranked assets of one source, and scene objects -> retrieved assets.

Query sizes are metres ``[w, h, d]`` (the object's unrotated AABB, front +Z). Scores are computed for
all queries and all assets at once (one matrix product); the selection is greedy or seeded sampling.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

import numpy as np

from scenerevis.assets import scoring
from scenerevis.assets.config import RetrievalConfig
from scenerevis.assets.index import AssetIndex, Match

log = logging.getLogger(__name__)


def _size_array(sizes: Sequence | None, m: int) -> np.ndarray:
    """(m, 3) float with NaN rows where a query has no size; checks each given size is 3 positive numbers."""
    out = np.full((m, 3), np.nan, np.float32)
    if sizes is None:
        return out
    if len(sizes) != m:
        raise ValueError(f"got {m} descriptions but {len(sizes)} sizes")
    for i, s in enumerate(sizes):
        if s is None:
            continue
        arr = np.asarray(s, dtype=np.float64).reshape(-1)
        if arr.shape != (3,) or not np.all(np.isfinite(arr)) or np.any(arr <= 0):
            raise ValueError(f"query {i}: size must be 3 positive finite numbers [w, h, d] in metres, got {s!r}")
        out[i] = arr
    return out


class Retriever:
    """Ranks the assets of the configured source for text + size queries.

    Parameters
    ----------
    config : RetrievalConfig or None
        Options (defaults: built-in catalog, DESIGN score, greedy).
    encoder : TextEncoder or None
        Query encoder; built from ``config.encoder`` on first use when None. Tests pass a shared one.
    index : AssetIndex or None
        A ready index (e.g. a synthetic one); built from the configured source on first use when None.
    """

    def __init__(self, config: RetrievalConfig | None = None, encoder=None, index=None) -> None:
        self.config = config or RetrievalConfig()
        self._encoder = encoder
        self._index = index

    # ------------------------------------------------------------------ lazy parts
    @property
    def source(self) -> str:
        return self._index.source if self._index is not None else self.config.resolved_source()

    @property
    def encoder(self):
        if self._encoder is None:
            from scenerevis.assets.embeddings import load_encoder

            self._encoder = load_encoder(self.config.encoder, device=self.config.device)
        return self._encoder

    @property
    def index(self):
        if self._index is None:
            self._index = self._build_index()
        return self._index

    def _build_index(self):
        src = self.config.resolved_source()
        if src == "builtin":
            from scenerevis.assets.catalog import BuiltinCatalog
            from scenerevis.assets.index import builtin_index

            return builtin_index(BuiltinCatalog(self.config.cache_dir), self.encoder, self.config.cache_dir)
        if src == "3d-future":
            from scenerevis.assets.sources.future3d import future_index

            return future_index(self.config, self.encoder)
        from scenerevis.assets.sources.objaverse import objaverse_index

        return objaverse_index(self.config)

    # ------------------------------------------------------------------ scoring
    def score_matrix(self, descs: Sequence[str], sizes: Sequence | None = None) -> np.ndarray:
        """(m, n) scores of ``m`` queries against every asset of the index."""
        descs = [str(d) for d in descs]
        q_sizes = _size_array(sizes, len(descs))
        index = self.index
        if isinstance(index, AssetIndex):
            from scenerevis.assets.embeddings import check_dim

            check_dim(self.encoder, index.dim, f"the {index.source} index")
            return index.scores(self.encoder.encode(descs), q_sizes, self.config)
        return index.scores_for_text(descs, q_sizes, self.config)

    def search(self, desc: str, size=None, top_k: int = 5) -> list[Match]:
        """The ``top_k`` best assets for one query, best first (always ranked, never sampled)."""
        scores = self.score_matrix([desc], [size])
        idx = scoring.top_indices(scores, top_k)[0]
        return [self.index.match(int(i), float(scores[0, i]), rank=r) for r, i in enumerate(idx)]

    def retrieve_batch(self, descs: Sequence[str], sizes: Sequence | None = None) -> list[Match]:
        """One chosen asset per query (greedy or sampled with ``config.seed``); identical queries get the same asset."""
        if len(descs) == 0:
            return []
        keys = [_query_key(d, None if sizes is None else sizes[i]) for i, d in enumerate(descs)]
        first: dict[tuple, int] = {}
        uniq_idx = [first.setdefault(k, i) for i, k in enumerate(keys)]
        todo = sorted(set(uniq_idx))
        scores = self.score_matrix([descs[i] for i in todo], None if sizes is None else [sizes[i] for i in todo])
        rng = np.random.default_rng(self.config.seed)
        chosen: dict[int, Match] = {}
        for row, qi in enumerate(todo):
            j = scoring.select(scores[row], self.config.mode, rng, self.config.top_k, self.config.top_p, self.config.temperature)
            chosen[qi] = self.index.match(j, float(scores[row, j]))
            if self.config.refinish and self.index.source == "builtin":
                from scenerevis.assets.refinish import refinish_match

                chosen[qi] = refinish_match(descs[qi], chosen[qi])
        return [chosen[u] for u in uniq_idx]

    def retrieve(self, desc: str, size=None) -> Match:
        """The chosen asset for one description (and optional size in metres)."""
        return self.retrieve_batch([desc], [size])[0]

    def retrieve_objects(self, objects: Sequence) -> list:
        """Copies of ``objects`` (SceneObject) with ``jid``/``uid``, ``asset_source`` and ``retrieved_size`` set.

        Objects with the same description and size share the asset but keep their own instance ``id``.
        With ``config.snap_size`` the object's ``size`` becomes the asset's proportions scaled uniformly
        to the query's volume.
        """
        matches = self.retrieve_batch([o.desc for o in objects], [o.size for o in objects])
        out = []
        id_field = getattr(self.index, "id_field", "jid")
        for obj, m in zip(objects, matches):
            new = obj.copy()
            new.jid, new.uid = (m.asset_id, None) if id_field == "jid" else (None, m.asset_id)
            new.asset_source = m.source
            new.retrieved_size = tuple(float(s) for s in m.size)
            if self.config.snap_size:
                new.size = snap_size(obj.size, m.size)
            out.append(new)
        return out


def _query_key(desc: str, size) -> tuple:
    s = None if size is None else tuple(round(float(v), 4) for v in size)
    return (" ".join(str(desc).lower().split()), s)


def snap_size(query_size, asset_size) -> tuple[float, float, float]:
    """``asset_size`` scaled by one factor so its volume equals ``query_size``'s (metres)."""
    q = np.asarray(query_size, float)
    a = np.asarray(asset_size, float)
    k = float(np.cbrt(np.prod(q) / max(np.prod(a), 1e-12)))
    return tuple(float(v) for v in a * k)
