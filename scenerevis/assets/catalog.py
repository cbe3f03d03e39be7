"""catalog.py: the built-in procedural asset catalog: asset records, their meshes, and cached GLB files.

Every asset is a parametric generator plus a parameter set (``catalog_spec`` / ``catalog_variants``).
Meshes are built on demand in the asset frame: metres, Y up, front facing +Z, AABB bottom-centre at
the origin, AABB extents equal to the asset's ``size``. GLB files are written on demand into a cache
folder keyed by the catalog's content hash, so editing a generator or a variant never reuses stale files.
"""

from __future__ import annotations

import logging
import os
from collections import OrderedDict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from scenerevis.assets.cache import content_hash, resolve_cache_dir
from scenerevis.assets.catalog_content import CATEGORIES, VARIANTS
from scenerevis.assets.catalog_spec import CategorySpec

log = logging.getLogger(__name__)

#: Bump when generator geometry or the GLB encoding changes, so cached GLBs are rebuilt.
GEOMETRY_VERSION = 4


@dataclass(frozen=True)
class Asset:
    """One catalog asset.

    Attributes
    ----------
    id : str
        Stable id, ``"<category>-<nn>"`` (e.g. ``"bed_queen-02"``); the ``jid`` of retrieved objects.
    category : str
        Category name (``CategorySpec.name``).
    label : str
        Human category name.
    description : str
        One-line description (our words).
    style, color, material : str
        Comma-separated descriptive words.
    size : (3,) float
        Metres, ``[w, h, d]`` of the mesh AABB (front facing +Z).
    synonyms : tuple of str
        Other names of the category.
    rooms : tuple of str
        Room types it suits.
    generator : str
        Generator name; ``params`` its parameter dict.
    """

    id: str
    category: str
    label: str
    description: str
    style: str
    color: str
    material: str
    size: tuple[float, float, float]
    synonyms: tuple[str, ...] = ()
    rooms: tuple[str, ...] = ()
    generator: str = ""
    params: dict = field(default_factory=dict, compare=False, hash=False)
    source: str = "builtin"

    @property
    def text(self) -> str:
        """Text embedded for retrieval: category label and synonyms, description, style/colour/material words."""
        syn = ", ".join(self.synonyms)
        return f"{self.label} ({syn}): {self.description}. {self.style} style; {self.color}; {self.material}."

    def to_dict(self) -> dict:
        """JSON-ready record (used for ``metadata/builtin_catalog.json`` and ``--json`` output)."""
        return {
            "id": self.id,
            "category": self.category,
            "label": self.label,
            "description": self.description,
            "style": self.style,
            "color": self.color,
            "material": self.material,
            "size": list(self.size),
            "synonyms": list(self.synonyms),
            "rooms": list(self.rooms),
            "generator": self.generator,
            "params": dict(self.params),
            "source": self.source,
        }


def build_assets(categories: tuple[CategorySpec, ...] = CATEGORIES, variants: dict | None = None) -> list[Asset]:
    """Asset records for every (category, variant) pair, in catalog order."""
    variants = VARIANTS if variants is None else variants
    out: list[Asset] = []
    for cat in categories:
        vs = variants.get(cat.name)
        if not vs:
            raise ValueError(f"category {cat.name!r} has no variants in its catalog pack")
        for i, v in enumerate(vs, start=1):
            out.append(
                Asset(
                    id=f"{cat.name}-{i:02d}",
                    category=cat.name,
                    label=cat.label,
                    description=v.description,
                    style=v.style,
                    color=v.color,
                    material=v.material,
                    size=v.size,
                    synonyms=cat.synonyms,
                    rooms=cat.rooms,
                    generator=cat.generator,
                    params=dict(v.params),
                )
            )
    return out


def build_mesh(asset: Asset):
    """Generate ``asset``'s coloured mesh (asset frame, AABB bottom-centre at origin, extents = ``size``)."""
    from scenerevis.assets import parts
    from scenerevis.assets.generators import get_generator

    w, h, d = asset.size
    pieces = get_generator(asset.generator)(w, h, d, dict(asset.params))
    return parts.fit_to(parts.assemble(pieces), asset.size)


class BuiltinCatalog:
    """The built-in catalog: asset records, meshes (built lazily, LRU-cached) and GLB files on demand.

    Parameters
    ----------
    cache_dir : path or None
        Folder for generated GLBs and embedding caches; default ``~/.cache/scenerevis``.
    mesh_cache_size : int
        How many built meshes to keep in memory.
    """

    source = "builtin"

    def __init__(self, cache_dir: str | os.PathLike | None = None, mesh_cache_size: int = 256) -> None:
        self.assets: list[Asset] = build_assets()
        self._by_id = {a.id: a for a in self.assets}
        if len(self._by_id) != len(self.assets):
            raise ValueError("built-in catalog has duplicate asset ids")
        self.cache_dir = resolve_cache_dir(cache_dir)
        self._meshes: OrderedDict[str, object] = OrderedDict()
        self._mesh_cache_size = int(mesh_cache_size)

    # ------------------------------------------------------------------ records
    def __len__(self) -> int:
        return len(self.assets)

    def __iter__(self) -> Iterator[Asset]:
        return iter(self.assets)

    def __contains__(self, asset_id: object) -> bool:
        if not isinstance(asset_id, str):
            return False
        try:
            self.get(asset_id)
        except KeyError:
            return False
        return True

    def get(self, asset_id: str) -> Asset:
        """The asset with id ``asset_id`` (or a refinished one, ``<id>~<finish>``, see :mod:`refinish`);
        unknown ids raise KeyError naming the id."""
        from scenerevis.assets.refinish import refinish, split_id

        base, finish = split_id(asset_id)
        try:
            asset = self._by_id[base]
        except KeyError:
            raise KeyError(f"built-in catalog has no asset {asset_id!r} (ids look like 'bed_queen-01')") from None
        return asset if finish is None else refinish(asset, finish)

    @property
    def ids(self) -> list[str]:
        return [a.id for a in self.assets]

    @property
    def categories(self) -> list[str]:
        """Distinct category names in catalog order."""
        return list(dict.fromkeys(a.category for a in self.assets))

    @property
    def sizes(self) -> np.ndarray:
        """(n, 3) float, metres."""
        return np.array([a.size for a in self.assets], dtype=float)

    @property
    def texts(self) -> list[str]:
        return [a.text for a in self.assets]

    def content_hash(self) -> str:
        """Hash of every record and the geometry version: changes whenever the catalog content changes."""
        return content_hash({"v": GEOMETRY_VERSION, "assets": [a.to_dict() for a in self.assets]})

    def text_hash(self) -> str:
        """Hash of the embedded texts only (what the embedding cache depends on)."""
        return content_hash(self.texts)

    # ------------------------------------------------------------------ meshes
    def mesh(self, asset_id: str):
        """A copy of the asset's coloured ``trimesh.Trimesh`` (asset frame, extents = size)."""
        asset = self.get(asset_id)
        cached = self._meshes.get(asset_id)
        if cached is None:
            cached = build_mesh(asset)
            self._meshes[asset_id] = cached
            while len(self._meshes) > self._mesh_cache_size:
                self._meshes.popitem(last=False)
        else:
            self._meshes.move_to_end(asset_id)
        return cached.copy()

    def glb_path(self, asset_id: str) -> Path:
        """Path of the asset's GLB in the cache, written (atomically) on first use."""
        from scenerevis.assets.meshio import glb_bytes
        from scenerevis.fileio import atomic_write_bytes

        self.get(asset_id)
        path = self.cache_dir / "builtin" / self.content_hash() / f"{asset_id}.glb"
        if not path.is_file():
            atomic_write_bytes(path, glb_bytes(self.mesh(asset_id)))
            log.debug("wrote %s", path)
        return path

    def metadata(self) -> list[dict]:
        """Every record as a JSON-ready dict (what ``metadata/builtin_catalog.json`` holds)."""
        return [a.to_dict() for a in self.assets]
