"""placement.py: turn an asset mesh into an object's world-space mesh (DESIGN.md section 6, "Mesh load").

Steps, in this order: recentre the mesh so its AABB bottom-centre is at the origin; scale per axis so
its AABB equals ``size``; rotate by ``rot``; translate to ``pos``. Mesh sources are pluggable through
:class:`MeshResolver`; an object without a mesh becomes a box of ``size``.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol, runtime_checkable

import numpy as np

from scenerevis.fileio import safe_child
from scenerevis.scene.model import SceneObject

log = logging.getLogger(__name__)


@runtime_checkable
class MeshResolver(Protocol):
    """Anything that finds the raw mesh of an object's asset.

    ``resolve`` returns a ``trimesh.Trimesh`` in the asset's own frame (Y up, front +Z, any
    scale and offset), or None when the object has no mesh (the caller then uses a box).
    """

    def resolve(self, obj: SceneObject):  # -> trimesh.Trimesh | None
        ...


class BoxResolver:
    """Resolves nothing: every object is evaluated as a box of its ``size``."""

    def resolve(self, obj: SceneObject):
        return None


@dataclass
class ChainResolver:
    """Tries each resolver in order; the first mesh found wins."""

    resolvers: list

    def resolve(self, obj: SceneObject):
        for r in self.resolvers:
            mesh = r.resolve(obj)
            if mesh is not None:
                return mesh
        return None

    def mesh_path(self, obj: SceneObject):
        for r in self.resolvers:
            path = r.mesh_path(obj) if hasattr(r, "mesh_path") else None
            if path is not None:
                return path
        return None


#: File names tried, in order, inside ``<root>/<asset id>/`` (the 3D-FUTURE layout).
MESH_FILE_NAMES: tuple[str, ...] = ("raw_model.glb", "raw_model.obj", "model.glb", "model.obj")


@dataclass
class DirectoryResolver:
    """Meshes at ``<root>/<jid or uid>/raw_model.glb|obj`` (3D-FUTURE layout), loaded read-only and cached.

    Objects whose asset id has no folder resolve to None (boxed) and are counted in ``missing``.
    """

    root: str | os.PathLike
    cache_size: int = 256
    missing: set[str] = field(default_factory=set)
    _cache: dict[str, object] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self.root = Path(self.root)
        if not self.root.is_dir():
            raise FileNotFoundError(f"models path {self.root} is not a directory")

    def path_for(self, asset_id: str) -> Path | None:
        """The mesh file of ``asset_id`` under the root; None when absent or when the id would leave the
        root (``../x``, an absolute path, a link out): such ids are never read, the object stays a box."""
        for name in MESH_FILE_NAMES:
            path = safe_child(self.root, asset_id, name)
            if path is None:
                log.warning("%s: asset id %r points outside the models folder; evaluated as a box", self.root, asset_id)
                return None
            if path.is_file():
                return path
        return None

    def mesh_path(self, obj: SceneObject) -> Path | None:
        """The mesh file of ``obj``'s asset, or None."""
        return self.path_for(obj.asset_id) if obj.asset_id else None

    def resolve(self, obj: SceneObject):
        asset_id = obj.asset_id
        if not asset_id:
            return None
        if asset_id in self._cache:
            return self._cache[asset_id]
        path = self.path_for(asset_id)
        mesh = load_mesh_file(path) if path is not None else None
        if mesh is None:
            self.missing.add(asset_id)
        if len(self._cache) >= self.cache_size:
            self._cache.pop(next(iter(self._cache)))
        self._cache[asset_id] = mesh
        return mesh


def load_mesh_file(path: str | os.PathLike):
    """Load a GLB/OBJ/PLY file as one ``trimesh.Trimesh`` (scene graphs are flattened), or raise."""
    import trimesh

    loaded = trimesh.load(str(path), force="mesh", process=False)
    if not isinstance(loaded, trimesh.Trimesh) or len(loaded.faces) == 0:
        raise ValueError(f"{path}: no triangles could be read from the mesh file")
    return loaded


def unit_box():
    """Watertight box of edge 1 with its bottom-centre at the origin."""
    import trimesh

    box = trimesh.creation.box(extents=(1.0, 1.0, 1.0))
    box.apply_translation((0.0, 0.5, 0.0))
    return box


def normalize_mesh(mesh, size) -> object:
    """Copy of ``mesh`` whose AABB bottom-centre is at the origin and whose AABB extents equal ``size``.

    Degenerate (flat) axes of the mesh are left unscaled.
    """
    out = mesh.copy()
    lo, hi = out.bounds
    centre = np.array([(lo[0] + hi[0]) / 2.0, lo[1], (lo[2] + hi[2]) / 2.0])
    extents = hi - lo
    scale = np.where(extents > 1e-9, np.asarray(size, dtype=float) / np.maximum(extents, 1e-9), 1.0)
    verts = (out.vertices - centre) * scale
    out.vertices = verts
    return out


def object_mesh(obj: SceneObject, resolver: MeshResolver | None = None):
    """World-space mesh of ``obj`` and whether it is a stand-in box.

    Returns
    -------
    mesh : trimesh.Trimesh
        Metres, world frame.
    boxed : bool
        True when no asset mesh was found and a box of ``size`` was used.
    """
    raw = resolver.resolve(obj) if resolver is not None else None
    boxed = raw is None
    local = unit_box() if boxed else raw
    placed = normalize_mesh(local, obj.size)
    placed.apply_transform(obj.transform())
    return placed, boxed
