"""index.py: an in-memory asset index (ids, sizes, embeddings, words) that the retriever scores, and its match record.

Embeddings are unit rows; sizes are metres ``[w, h, d]`` with the front facing +Z.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from scenerevis.assets import scoring


@dataclass(frozen=True)
class Match:
    """One ranked retrieval result.

    Attributes
    ----------
    asset_id : str
        jid (built-in / 3D-FUTURE) or uid (Objaverse).
    source : str
        ``builtin``, ``3d-future`` or ``objaverse``.
    category, description : str
    size : (3,) float
        The asset's real size in metres.
    score : float
        The score it was ranked by.
    rank : int
        0 for the best match.
    """

    asset_id: str
    source: str
    category: str
    description: str
    size: tuple[float, float, float]
    score: float
    rank: int = 0

    def to_dict(self) -> dict:
        return {
            "id": self.asset_id,
            "source": self.source,
            "category": self.category,
            "description": self.description,
            "size": [round(float(s), 4) for s in self.size],
            "score": round(float(self.score), 6),
            "rank": self.rank,
        }


@dataclass
class AssetIndex:
    """Assets of one source, scored with the DESIGN.md section 4 formula.

    Attributes
    ----------
    source : str
    ids : list of str
    sizes : (n, 3) float64, metres
    embeds : (n, D) float32, unit rows
    categories, descriptions : list of str
    id_field : str
        ``"jid"`` or ``"uid"``: which SceneObject field receives the id.
    category_embeds : (n, D) float32 or None
        Per-asset category prototype (for the optional category term).
    """

    source: str
    ids: list[str]
    sizes: np.ndarray
    embeds: np.ndarray
    categories: list[str]
    descriptions: list[str]
    id_field: str = "jid"
    category_embeds: np.ndarray | None = None
    _pos: dict[str, int] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self.sizes = np.asarray(self.sizes, np.float64).reshape(-1, 3)
        self.embeds = np.asarray(self.embeds, np.float32)
        n = len(self.ids)
        if self.embeds.ndim != 2 or self.embeds.shape[0] != n or self.sizes.shape[0] != n:
            raise ValueError(f"{self.source} index: {n} ids but embeds {self.embeds.shape} and sizes {self.sizes.shape}")
        if len(self.categories) != n or len(self.descriptions) != n:
            raise ValueError(f"{self.source} index: categories/descriptions must have one entry per id ({n})")
        self._pos = {a: i for i, a in enumerate(self.ids)}

    def __len__(self) -> int:
        return len(self.ids)

    @property
    def dim(self) -> int:
        """Width of the embeddings a query encoder must produce."""
        return int(self.embeds.shape[1])

    def position(self, asset_id: str) -> int:
        return self._pos[asset_id]

    def scores(self, q_embeds: np.ndarray, q_sizes: np.ndarray, config) -> np.ndarray:
        """(m, n) scores of ``m`` queries: unit text rows (m, D) and sizes (m, 3) (NaN rows = no size)."""
        cos = scoring.cosine(q_embeds, self.embeds)
        out = scoring.design_score(cos, scoring.size_similarity(q_sizes, self.sizes, config.sigma), config.lam)
        if config.category_weight > 0 and self.category_embeds is not None:
            out = out + config.category_weight * scoring.cosine(q_embeds, self.category_embeds)
        return out

    def match(self, i: int, score: float, rank: int = 0) -> Match:
        s = self.sizes[i]
        return Match(
            self.ids[i],
            self.source,
            self.categories[i],
            self.descriptions[i],
            (float(s[0]), float(s[1]), float(s[2])),
            float(score),
            rank,
        )


def builtin_index(catalog, encoder, cache_dir=None) -> AssetIndex:
    """Index of the built-in catalog; embeddings come from the cache when the catalog texts are unchanged."""
    from scenerevis.assets.embed_cache import cached_embeddings

    cache_dir = cache_dir if cache_dir is not None else catalog.cache_dir
    embeds = cached_embeddings(encoder, catalog.texts, cache_dir)
    cats = catalog.categories
    proto_texts = []
    for cat in cats:
        a = next(x for x in catalog if x.category == cat)
        proto_texts.append([a.label, *a.synonyms])
    flat = [t for group in proto_texts for t in group]
    flat_emb = cached_embeddings(encoder, flat, cache_dir)
    protos, k = {}, 0
    for cat, group in zip(cats, proto_texts):
        v = flat_emb[k : k + len(group)].mean(axis=0)
        protos[cat] = v / max(float(np.linalg.norm(v)), 1e-12)
        k += len(group)
    cat_emb = np.stack([protos[a.category] for a in catalog]).astype(np.float32)
    return AssetIndex(
        "builtin",
        catalog.ids,
        catalog.sizes,
        embeds,
        [a.category for a in catalog],
        [a.description for a in catalog],
        id_field="jid",
        category_embeds=cat_emb,
    )
