"""objaverse.py: Objaverse assets through objathor's annotations and feature pickles: index, scoring and GLB resolver.

Files read under ``OBJATHOR_ASSETS_BASE_DIR`` (passed as ``objaverse_dir``; never written):
- ``annotations.json.gz``: ``{uid: {"description", "category", "thor_metadata": {"assetMetadata":
  {"boundingBox": {"min": {x, y, z}, "max": {x, y, z}}}}}}`` (a ``"size"`` entry is accepted too).
- ``features/clip_features.pkl``: ``{"uids": [n], "img_features": (n, views, D)}`` (CLIP ViT-L/14: D = 768).
- ``features/sbert_features.pkl``: ``{"uids": [n], "text_features": (n, D)}``.
- GLBs at ``<dir>/<uid[:2]>/<uid>.glb`` or ``<dir>/glbs/000-xxx/<uid>.glb``.

Score (Holodeck-style): ``100 * max over views cos(clip_text(q), img_view) + cos(sbert(q), text)
- aspect_weight * L1(log aspect ratios of asset and query)`` (the last term only when a size is given).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from scenerevis.assets import scoring
from scenerevis.assets.embeddings import check_dim, l2_normalise
from scenerevis.assets.index import Match
from scenerevis.assets.sources.common import AssetDataError, missing_mesh, read_json, read_pickle, require_key
from scenerevis.fileio import safe_child

log = logging.getLogger(__name__)

SOURCE = "objaverse"


def _find(base: Path, name: str) -> Path:
    for cand in (base / name, base / "features" / name):
        if cand.is_file():
            return cand
    return base / "features" / name


def bbox_size(annotation: dict, path, uid: str) -> tuple[float, float, float]:
    """Asset size ``[x, y, z]`` (metres) from an objathor annotation's bounding box."""
    bb = annotation.get("thor_metadata", {}).get("assetMetadata", {}).get("boundingBox") if isinstance(annotation, dict) else None
    if not isinstance(bb, dict):
        raise AssetDataError(f"{path}: uid {uid!r} has no field 'thor_metadata.assetMetadata.boundingBox'")
    try:
        if "size" in bb:
            s = [float(bb["size"][k]) for k in "xyz"]
        else:
            s = [float(bb["max"][k]) - float(bb["min"][k]) for k in "xyz"]
    except (KeyError, TypeError, ValueError) as err:
        raise AssetDataError(
            f"{path}: uid {uid!r} field 'thor_metadata.assetMetadata.boundingBox' needs min/max (or size) with x, y, z"
        ) from err
    if not all(np.isfinite(s)) or min(s) <= 0:
        raise AssetDataError(f"{path}: uid {uid!r} bounding box has a non-positive or invalid extent {s}")
    return (s[0], s[1], s[2])


@dataclass
class ObjaverseIndex:
    """Objathor assets with CLIP image features (n, views, D) and SBERT text features (n, D')."""

    ids: list[str]
    sizes: np.ndarray
    clip_img: np.ndarray
    sbert: np.ndarray
    categories: list[str]
    descriptions: list[str]
    clip_encoder: object = None
    sbert_encoder: object = None
    source: str = SOURCE
    id_field: str = "uid"
    _specs: tuple = field(default=(None, None, "cpu"), repr=False)

    def __len__(self) -> int:
        return len(self.ids)

    def _encoders(self):
        from scenerevis.assets.embeddings import load_encoder

        clip_spec, sbert_spec, device = self._specs
        if self.clip_encoder is None:
            if clip_spec is None and self.clip_img.shape[-1] != 384:
                raise ValueError(
                    f"the objaverse index holds {self.clip_img.shape[-1]}-d CLIP image features; set clip_encoder "
                    "(e.g. 'clip:<path to a CLIP ViT-L/14 checkpoint>') to the text tower they were made with"
                )
            self.clip_encoder = load_encoder(clip_spec or "minilm", device)
        if self.sbert_encoder is None:
            if sbert_spec is None and self.sbert.shape[-1] != 384:
                raise ValueError(
                    f"the objaverse index holds {self.sbert.shape[-1]}-d SBERT features; set sbert_encoder "
                    "(e.g. 'sbert:<path to all-mpnet-base-v2>') to the model they were made with"
                )
            self.sbert_encoder = load_encoder(sbert_spec or "minilm", device)
        check_dim(self.clip_encoder, self.clip_img.shape[-1], "clip_features.pkl")
        check_dim(self.sbert_encoder, self.sbert.shape[-1], "sbert_features.pkl")
        return self.clip_encoder, self.sbert_encoder

    def scores_for_text(self, descs, q_sizes: np.ndarray, config) -> np.ndarray:
        """(m, n) objathor scores for ``descs`` with sizes (m, 3) in metres (NaN rows: no size)."""
        clip_enc, sbert_enc = self._encoders()
        qc = clip_enc.encode(list(descs))
        qs = sbert_enc.encode(list(descs))
        clip = 100.0 * np.einsum("md,nvd->mnv", qc, self.clip_img, optimize=True).max(axis=2)
        out = clip + scoring.cosine(qs, self.sbert)
        if config.aspect_weight > 0:
            out = out - config.aspect_weight * scoring.aspect_penalty(q_sizes, self.sizes)
        return out

    def match(self, i: int, score: float, rank: int = 0) -> Match:
        s = self.sizes[i]
        return Match(
            self.ids[i],
            SOURCE,
            self.categories[i],
            self.descriptions[i],
            (float(s[0]), float(s[1]), float(s[2])),
            float(score),
            rank,
        )


def objaverse_index(config) -> ObjaverseIndex:
    """Read objathor's annotations and feature pickles under ``config.objaverse_dir`` into an index."""
    if not config.objaverse_dir:
        raise AssetDataError("objaverse source needs objaverse_dir (the OBJATHOR_ASSETS_BASE_DIR folder)")
    base = Path(config.objaverse_dir)
    ann_path = base / "annotations.json.gz"
    ann = read_json(ann_path, "objathor annotations")
    if not isinstance(ann, dict):
        raise AssetDataError(f"{ann_path}: expected an object {{uid: annotation}}")
    clip_path, sbert_path = _find(base, "clip_features.pkl"), _find(base, "sbert_features.pkl")
    clip = read_pickle(clip_path, "objathor CLIP features")
    sbert = read_pickle(sbert_path, "objathor SBERT features")
    uids = [str(u) for u in require_key(clip, "uids", clip_path, "the CLIP features pickle")]
    if [str(u) for u in require_key(sbert, "uids", sbert_path, "the SBERT features pickle")] != uids:
        raise AssetDataError(f"{sbert_path}: field 'uids' differs from {clip_path} 'uids'")
    img = np.asarray(require_key(clip, "img_features", clip_path, "the CLIP features pickle"), dtype=np.float32)
    if img.ndim == 2:
        img = img[:, None, :]
    if img.ndim != 3 or img.shape[0] != len(uids):
        raise AssetDataError(f"{clip_path}: field 'img_features' has shape {img.shape}, expected ({len(uids)}, views, D)")
    txt = np.asarray(require_key(sbert, "text_features", sbert_path, "the SBERT features pickle"), dtype=np.float32)
    if txt.ndim != 2 or txt.shape[0] != len(uids):
        raise AssetDataError(f"{sbert_path}: field 'text_features' has shape {txt.shape}, expected ({len(uids)}, D)")
    missing = [u for u in uids if u not in ann]
    if missing:
        raise AssetDataError(f"{ann_path}: no annotation for uid {missing[0]!r} listed in {clip_path} ({len(missing)} missing)")
    sizes = np.array([bbox_size(ann[u], ann_path, u) for u in uids], dtype=np.float64)
    return ObjaverseIndex(
        uids,
        sizes,
        l2_normalise(img),
        l2_normalise(txt),
        [str(ann[u].get("category") or "") for u in uids],
        [str(ann[u].get("description") or "") for u in uids],
        _specs=(config.clip_encoder, config.sbert_encoder, config.device),
    )


@dataclass
class ObjaverseResolver:
    """GLBs of Objaverse uids under one or more folders, in the ``<uid[:2]>/<uid>.glb`` or ``glbs/000-xxx/<uid>.glb`` layouts.

    When ``annotations`` (path of objathor's ``annotations.json.gz``) is given and ``canonicalize`` is
    True, each mesh is turned about +Y by its annotation's ``pose_z_rot_angle`` (radians; objathor's
    front-view correction, a turn about the up axis) so that its front faces +Z like our other assets.
    """

    roots: list
    best_effort: bool = False
    cache_size: int = 128
    annotations: str | Path | None = None
    canonicalize: bool = True
    _angles: dict | None = field(default=None, repr=False)
    _glbs_map: dict | None = field(default=None, repr=False)
    _cache: dict = field(default_factory=dict, repr=False)

    def front_angle(self, uid: str) -> float:
        """objathor's ``pose_z_rot_angle`` of ``uid`` (radians), 0 when unknown or canonicalisation is off."""
        if not (self.canonicalize and self.annotations and Path(self.annotations).is_file()):
            return 0.0
        if self._angles is None:
            ann = read_json(self.annotations, "objathor annotations")
            self._angles = {u: float(a.get("pose_z_rot_angle") or 0.0) for u, a in ann.items() if isinstance(a, dict)}
        return self._angles.get(uid, 0.0)

    def __post_init__(self) -> None:
        self.roots = [Path(r) for r in self.roots if r]
        if not self.roots or not any(r.is_dir() for r in self.roots):
            raise AssetDataError(
                f"Objaverse GLB folder(s) {[str(r) for r in self.roots]} not found (objaverse_dir / objaverse_glb_dir)"
            )

    def _shards(self) -> dict[str, Path]:
        if self._glbs_map is None:
            self._glbs_map = {}
            for root in self.roots:
                for glb in sorted((root / "glbs").glob("*/*.glb")) if (root / "glbs").is_dir() else []:
                    self._glbs_map.setdefault(glb.stem, glb)
        return self._glbs_map

    def mesh_path(self, obj) -> Path | None:
        """The GLB of ``obj.uid`` (or jid), or None when the object has no asset id."""
        uid = obj.uid or obj.jid
        if not uid:
            return None
        for root in self.roots:
            for parts in ((uid[:2], f"{uid}.glb"), (f"{uid}.glb",), (uid, f"{uid}.glb")):
                cand = safe_child(root, *parts)  # None for ids that would leave the dataset folder
                if cand is not None and cand.is_file():
                    return cand
        found = self._shards().get(uid)
        if found is not None:
            return found
        return missing_mesh(
            f"no GLB for Objaverse uid {uid!r} under {[str(r) for r in self.roots]} "
            f"(tried <uid[:2]>/<uid>.glb and glbs/*/<uid>.glb)",
            self.best_effort,
        )

    def resolve(self, obj):
        """Raw mesh of ``obj``'s asset (glTF frame, Y up), or None when it has no uid."""
        from scenerevis.assets.meshio import load_coloured

        uid = obj.uid or obj.jid
        if not uid:
            return None
        if uid in self._cache:
            return self._cache[uid].copy()
        path = self.mesh_path(obj)
        if path is None:
            return None
        try:
            mesh = load_coloured(path)
        except (ValueError, FileNotFoundError) as err:
            return missing_mesh(str(err), self.best_effort)
        angle = self.front_angle(uid)
        if angle:
            import trimesh

            mesh.apply_transform(trimesh.transformations.rotation_matrix(angle, [0.0, 1.0, 0.0]))
        if len(self._cache) >= self.cache_size:
            self._cache.pop(next(iter(self._cache)))
        self._cache[uid] = mesh
        return mesh.copy()
