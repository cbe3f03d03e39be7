"""config.py: RetrievalConfig, the one source of retrieval options (score weights, sampling, sources, caches)."""

from __future__ import annotations

from dataclasses import dataclass

SOURCES = ("builtin", "3d-future", "objaverse", "auto")
MODES = ("greedy", "top_k", "top_p")


@dataclass
class RetrievalConfig:
    """Options of :class:`scenerevis.assets.Retriever`.

    The default score is DESIGN.md section 4:
    ``lam * cos(text_emb(desc), asset_emb) + (1 - lam) * exp(-||size_asset - size_query||^2 / (2 sigma^2))``.
    ``category_weight`` > 0 adds an extra, documented term (off by default): ``category_weight *
    cos(text_emb(desc), category_emb(asset category))`` where a category embedding is the mean of
    the embedded category name and synonyms; it helps short or unusual wordings find the right kind
    of furniture in the built-in catalog.
    """

    source: str = "builtin"  # builtin | 3d-future | objaverse | auto (first configured real source, else builtin)
    lam: float = 0.5  # weight of the text term (DESIGN lambda)
    sigma: float = 0.05  # metres, width of the size Gaussian (DESIGN sigma)
    category_weight: float = 0.0  # extra category-prototype term (built-in catalog only); 0 = pure DESIGN score
    mode: str = "greedy"  # greedy | top_k | top_p
    top_k: int = 5  # candidates for top_k sampling
    top_p: float = 0.9  # probability mass for top_p sampling
    temperature: float = 0.05  # softmax temperature over scores when sampling
    seed: int = 0  # seed of the sampling generator (each retrieve call restarts from it)
    snap_size: bool = False  # rescale size to the asset's proportions (uniform factor, same volume as the query)
    refinish: bool = True  # builtin: a finish the query names and the asset lacks is applied (scenerevis.assets.refinish)
    best_effort: bool = False  # missing meshes / ids: log and use a placeholder instead of raising
    encoder: str = "minilm"  # query text encoder for builtin / 3d-future (see embeddings.load_encoder)
    device: str = "cpu"  # torch device of the encoders
    cache_dir: str | None = None  # generated GLBs + embedding caches; default ~/.cache/scenerevis
    # 3D-FUTURE with ReSpace metadata
    future_root: str | None = None  # 3D-FUTURE-model folder: <root>/<jid>/raw_model.glb|obj
    future_metadata: str | None = None  # model_info_3dfuture_assets.json
    future_metadata_scaled: str | None = None  # model_info_3dfuture_assets_scaled.json (optional)
    future_embeddings: str | None = None  # ReSpace embeddings pickle {"jids", "sizes", "embeds"} (optional)
    # Objaverse through objathor
    objaverse_dir: str | None = None  # OBJATHOR_ASSETS_BASE_DIR (annotations.json.gz, features/*.pkl)
    objaverse_glb_dir: str | None = None  # extra folder of GLBs (<uid[:2]>/<uid>.glb or glbs/000-xxx/<uid>.glb)
    clip_encoder: str | None = None  # CLIP text tower matching clip_features.pkl (e.g. clip:<path>)
    sbert_encoder: str | None = None  # SBERT model matching sbert_features.pkl (e.g. sbert:<path>)
    aspect_weight: float = 5.0  # Objaverse aspect-ratio penalty weight (score points per unit log-ratio L1)

    def __post_init__(self) -> None:
        if self.source not in SOURCES:
            raise ValueError(f"RetrievalConfig.source must be one of {SOURCES}, not {self.source!r}")
        if self.mode not in MODES:
            raise ValueError(f"RetrievalConfig.mode must be one of {MODES}, not {self.mode!r}")
        if not 0.0 <= self.lam <= 1.0:
            raise ValueError(f"RetrievalConfig.lam must be in [0, 1], got {self.lam}")
        if self.sigma <= 0 or self.temperature <= 0:
            raise ValueError("RetrievalConfig.sigma and temperature must be > 0")
        if self.top_k < 1 or not 0.0 < self.top_p <= 1.0:
            raise ValueError("RetrievalConfig.top_k must be >= 1 and top_p in (0, 1]")
        if self.category_weight < 0 or self.aspect_weight < 0:
            raise ValueError("RetrievalConfig.category_weight and aspect_weight must be >= 0")

    def resolved_source(self) -> str:
        """The concrete source: ``auto`` becomes the first configured real source, else ``builtin``."""
        if self.source != "auto":
            return self.source
        if self.future_metadata or self.future_embeddings:
            return "3d-future"
        if self.objaverse_dir:
            return "objaverse"
        return "builtin"
