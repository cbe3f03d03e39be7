"""future3d.py: 3D-FUTURE assets through ReSpace's metadata JSONs and embeddings pickle: index and mesh resolver.

Files read (never written):
- ``model_info_3dfuture_assets.json``: ``{jid: {"summary", "style", "color", "material", "size": [w, h, d]}}``.
- ``model_info_3dfuture_assets_scaled.json``: ``{"<jid>-(sx)-(sy)-(sz)": {"jid", "scale", "size", ...}}``.
- embeddings pickle: ``{"jids": [n], "sizes": (n, 3), "embeds": (n, D)}`` (SigLIP so400m text: D = 1152).
- meshes: ``<root>/<jid>/raw_model.glb|obj`` (+ ``texture.png``); a scaled id without its own folder
  uses its base jid's mesh scaled by ``scale``.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from scenerevis.assets.sources.common import AssetDataError, missing_mesh, read_json, read_pickle, require_key
from scenerevis.fileio import safe_child

log = logging.getLogger(__name__)

SOURCE = "3d-future"
MESH_NAMES = ("raw_model.glb", "raw_model.obj")
_SCALED_RE = re.compile(r"^(?P<jid>.+?)-\((?P<sx>[-+0-9.eE]+)\)-\((?P<sy>[-+0-9.eE]+)\)-\((?P<sz>[-+0-9.eE]+)\)$")


def parse_scaled_id(key: str) -> tuple[str, tuple[float, float, float]] | None:
    """``("<jid>", (sx, sy, sz))`` for a ReSpace scaled id ``<jid>-(sx)-(sy)-(sz)``, else None."""
    m = _SCALED_RE.match(key)
    if not m:
        return None
    return m.group("jid"), (float(m.group("sx")), float(m.group("sy")), float(m.group("sz")))


def _size(value, path, where) -> tuple[float, float, float]:
    arr = np.asarray(value, dtype=float).reshape(-1) if isinstance(value, (list, tuple)) else None
    if arr is None or arr.shape != (3,) or not np.all(np.isfinite(arr)) or np.any(arr <= 0):
        raise AssetDataError(f"{path}: {where} field 'size' must be 3 positive numbers [w, h, d], got {value!r}")
    return (float(arr[0]), float(arr[1]), float(arr[2]))


def read_metadata(path: str | Path) -> dict[str, dict]:
    """The ReSpace asset metadata, checked: every record needs ``size`` (3 positive numbers)."""
    data = read_json(path, "3D-FUTURE asset metadata (model_info_3dfuture_assets.json)")
    if not isinstance(data, dict) or not data:
        raise AssetDataError(f"{path}: expected a non-empty object {{jid: {{summary, style, color, material, size}}}}")
    for jid, rec in data.items():
        _size(require_key(rec, "size", path, f"asset {jid!r}"), path, f"asset {jid!r}")
    return data


def read_scaled_metadata(path: str | Path) -> dict[str, dict]:
    """The ReSpace scaled-asset metadata: every record needs ``jid`` and ``size``."""
    data = read_json(path, "3D-FUTURE scaled asset metadata (model_info_3dfuture_assets_scaled.json)")
    if not isinstance(data, dict):
        raise AssetDataError(f"{path}: expected an object {{scaled id: {{jid, scale, size, ...}}}}")
    for key, rec in data.items():
        require_key(rec, "jid", path, f"scaled asset {key!r}")
        _size(require_key(rec, "size", path, f"scaled asset {key!r}"), path, f"scaled asset {key!r}")
    return data


def read_embeddings(path: str | Path) -> tuple[list[str], np.ndarray, np.ndarray]:
    """``(jids, sizes (n, 3), embeds (n, D))`` from the ReSpace embeddings pickle, with shape checks."""
    data = read_pickle(path, "3D-FUTURE embeddings pickle")
    jids = [str(j) for j in require_key(data, "jids", path, "the embeddings pickle")]
    try:
        sizes = np.asarray(require_key(data, "sizes", path, "the embeddings pickle"), dtype=np.float64).reshape(len(jids), 3)
    except ValueError as err:
        raise AssetDataError(f"{path}: field 'sizes' must be ({len(jids)}, 3) to match 'jids'") from err
    embeds = np.asarray(require_key(data, "embeds", path, "the embeddings pickle"), dtype=np.float32)
    if embeds.ndim != 2 or embeds.shape[0] != len(jids):
        raise AssetDataError(f"{path}: field 'embeds' has shape {embeds.shape}, expected ({len(jids)}, D) to match 'jids'")
    return jids, sizes, embeds


def _text(rec: dict) -> str:
    words = [rec.get("summary") or ""] + [str(rec.get(k) or "") for k in ("style", "color", "material")]
    return ". ".join(w for w in words if w)


def future_index(config, encoder):
    """AssetIndex of 3D-FUTURE: the ReSpace pickle's embeddings when given, else summaries embedded with ``encoder``
    (cached in the cache dir, never in the dataset folder)."""
    from scenerevis.assets.embed_cache import cached_embeddings
    from scenerevis.assets.embeddings import l2_normalise
    from scenerevis.assets.index import AssetIndex

    if not (config.future_metadata or config.future_embeddings):
        raise AssetDataError(
            "3d-future source needs future_metadata (model_info_3dfuture_assets.json) and/or future_embeddings (pickle)"
        )
    meta = read_metadata(config.future_metadata) if config.future_metadata else {}
    scaled = read_scaled_metadata(config.future_metadata_scaled) if config.future_metadata_scaled else {}

    def record(jid: str) -> dict:
        if jid in meta:
            return meta[jid]
        base = scaled.get(jid, {}).get("jid") or (parse_scaled_id(jid) or (None,))[0]
        return meta.get(base, {}) if base else {}

    if config.future_embeddings:
        jids, sizes, embeds = read_embeddings(config.future_embeddings)
        embeds = l2_normalise(embeds)
    else:
        jids = list(meta) + [k for k in scaled if k not in meta]
        sizes = np.array([(meta.get(j) or scaled[j])["size"] for j in jids], dtype=np.float64)
        embeds = cached_embeddings(encoder, [_text(record(j)) for j in jids], config.cache_dir)
    recs = [record(j) for j in jids]
    return AssetIndex(
        SOURCE,
        jids,
        sizes,
        embeds,
        [str(r.get("category") or r.get("summary") or "") for r in recs],
        [str(r.get("summary") or "") for r in recs],
        id_field="jid",
    )


@dataclass
class Future3DResolver:
    """Meshes of 3D-FUTURE assets at ``<root>/<jid>/raw_model.glb|obj`` (read-only, cached in memory).

    ``scaled`` (optional) is the scaled metadata, used to find a scaled id's base jid and scale.
    Unknown or missing meshes raise AssetDataError naming the folder, or give None with a logged
    warning when ``best_effort``.
    """

    root: str | Path
    scaled: dict = field(default_factory=dict)
    best_effort: bool = False
    cache_size: int = 128
    _cache: dict = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self.root = Path(self.root)
        if not self.root.is_dir():
            raise AssetDataError(f"{self.root}: 3D-FUTURE model folder not found (future_root)")

    def _locate(self, jid: str) -> tuple[Path | None, tuple[float, float, float] | None]:
        for name in MESH_NAMES:
            path = safe_child(self.root, jid, name)  # None for ids that would leave the dataset folder
            if path is not None and path.is_file():
                return path, None
        rec = self.scaled.get(jid)
        base, scale = (rec.get("jid"), tuple(rec.get("scale") or (1, 1, 1))) if rec else (parse_scaled_id(jid) or (None, None))
        if base:
            for name in MESH_NAMES:
                path = safe_child(self.root, base, name)
                if path is not None and path.is_file():
                    return path, scale
        return None, None

    def mesh_path(self, obj) -> Path | None:
        """The GLB/OBJ file of ``obj``'s asset (a scaled id may point at its base mesh), or None when it has no jid."""
        jid = obj.jid or obj.uid
        if not jid:
            return None
        path, _ = self._locate(jid)
        if path is None:
            return missing_mesh(f"{self.root / jid}: no {' or '.join(MESH_NAMES)} for 3D-FUTURE asset {jid!r}", self.best_effort)
        return path

    def resolve(self, obj):
        """Raw mesh of ``obj``'s asset in its own frame (Y up, front +Z), or None when it has no jid."""
        from scenerevis.assets.meshio import load_coloured

        jid = obj.jid or obj.uid
        if not jid:
            return None
        if jid in self._cache:
            return self._cache[jid].copy()
        path, scale = self._locate(jid)
        if path is None:
            return missing_mesh(f"{self.root / jid}: no {' or '.join(MESH_NAMES)} for 3D-FUTURE asset {jid!r}", self.best_effort)
        try:
            mesh = load_coloured(path)
        except (ValueError, FileNotFoundError) as err:
            return missing_mesh(str(err), self.best_effort)
        if scale is not None:
            mesh.apply_scale(np.asarray(scale, dtype=float))
        if len(self._cache) >= self.cache_size:
            self._cache.pop(next(iter(self._cache)))
        self._cache[jid] = mesh
        return mesh.copy()
