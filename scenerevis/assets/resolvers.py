"""resolvers.py: MeshResolver implementations (built-in, 3D-FUTURE, Objaverse, auto) and the get_resolver factory.

Every resolver follows ``scenerevis.scene.placement.MeshResolver``: ``resolve(obj)`` returns the raw
asset mesh (asset frame: Y up, front +Z) or None when the object has no asset id; ``mesh_path(obj)``
returns a GLB/OBJ file a renderer can import. An id that names no asset is a loud AssetDataError,
or a logged None (placeholder box) when ``best_effort``.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from scenerevis.assets.sources.common import AssetDataError, missing_mesh

log = logging.getLogger(__name__)


@dataclass
class BuiltinResolver:
    """Meshes of the built-in catalog (``SceneObject(jid=<catalog id>, asset_source="builtin")``)."""

    catalog: object = None
    best_effort: bool = False
    cache_dir: str | None = None

    def __post_init__(self) -> None:
        if self.catalog is None:
            from scenerevis.assets.catalog import BuiltinCatalog

            self.catalog = BuiltinCatalog(self.cache_dir)

    def _asset_id(self, obj) -> str | None:
        aid = obj.jid or obj.uid
        if not aid:
            return None
        if aid not in self.catalog:
            return missing_mesh(f"built-in catalog has no asset {aid!r} (object {obj.id!r})", self.best_effort)
        return aid

    def resolve(self, obj):
        aid = self._asset_id(obj)
        return None if aid is None else self.catalog.mesh(aid)

    def mesh_path(self, obj) -> Path | None:
        """The asset's GLB in the cache dir (written on first use), or None."""
        aid = self._asset_id(obj)
        return None if aid is None else self.catalog.glb_path(aid)


@dataclass
class MultiResolver:
    """Dispatches on ``obj.asset_source`` to one resolver per source; objects without a source go to the
    resolver that knows their id (built-in first)."""

    resolvers: dict = field(default_factory=dict)
    best_effort: bool = False

    def _pick(self, obj):
        if not (obj.jid or obj.uid):
            return None
        src = obj.asset_source
        if src:
            res = self.resolvers.get(src)
            if res is None:
                return missing_mesh(
                    f"object {obj.id!r} has asset_source {src!r} but no {src} source is configured "
                    f"(configured: {sorted(self.resolvers)})",
                    self.best_effort,
                )
            return res
        builtin = self.resolvers.get("builtin")
        if builtin is not None and (obj.jid or obj.uid) in builtin.catalog:
            return builtin
        for name in ("3d-future", "objaverse"):
            if name in self.resolvers:
                return self.resolvers[name]
        return missing_mesh(
            f"object {obj.id!r}: asset {(obj.jid or obj.uid)!r} has no asset_source and is not a built-in id", self.best_effort
        )

    def resolve(self, obj):
        res = self._pick(obj)
        return None if res is None else res.resolve(obj)

    def mesh_path(self, obj) -> Path | None:
        res = self._pick(obj)
        return None if res is None else res.mesh_path(obj)


def get_resolver(
    source: str = "builtin",
    *,
    cache_dir: str | None = None,
    future_root: str | None = None,
    future_metadata_scaled: str | None = None,
    objaverse_dir: str | None = None,
    objaverse_glb_dir: str | None = None,
    best_effort: bool = False,
    **_ignored,
):
    """A MeshResolver for ``source``: ``builtin``, ``3d-future`` (needs ``future_root``), ``objaverse``
    (needs ``objaverse_dir`` or ``objaverse_glb_dir``) or ``auto`` (every configured source plus built-in,
    dispatched on each object's ``asset_source``).

    Extra keyword paths that belong to retrieval (e.g. ``future_metadata``) are accepted and ignored, so
    a whole RetrievalConfig's paths can be passed.
    """

    def future():
        from scenerevis.assets.sources.future3d import Future3DResolver, read_scaled_metadata

        if not future_root:
            raise AssetDataError("3d-future resolver needs future_root (the 3D-FUTURE-model folder)")
        scaled = read_scaled_metadata(future_metadata_scaled) if future_metadata_scaled else {}
        return Future3DResolver(future_root, scaled=scaled, best_effort=best_effort)

    def objaverse():
        from scenerevis.assets.sources.objaverse import ObjaverseResolver

        ann = Path(objaverse_dir) / "annotations.json.gz" if objaverse_dir else None
        return ObjaverseResolver([objaverse_glb_dir, objaverse_dir], best_effort=best_effort, annotations=ann)

    if source == "builtin":
        return BuiltinResolver(best_effort=best_effort, cache_dir=cache_dir)
    if source == "3d-future":
        return future()
    if source == "objaverse":
        return objaverse()
    if source == "auto":
        res = {"builtin": BuiltinResolver(best_effort=best_effort, cache_dir=cache_dir)}
        if future_root:
            res["3d-future"] = future()
        if objaverse_dir or objaverse_glb_dir:
            res["objaverse"] = objaverse()
        return MultiResolver(res, best_effort=best_effort)
    raise ValueError(f"unknown asset source {source!r}; known: builtin, 3d-future, objaverse, auto")
