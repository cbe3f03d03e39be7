"""geometry.py: the placed meshes of a scene, world AABBs and the floor-covering rule, shared by the checks."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from scenerevis.constants import FLOOR_COVERING_MAX_HEIGHT
from scenerevis.scene.model import Scene, SceneObject
from scenerevis.scene.placement import MeshResolver, normalize_mesh, unit_box


def is_floor_covering(obj: SceneObject) -> bool:
    """A rug or mat: at most FLOOR_COVERING_MAX_HEIGHT tall and lying on the floor (bottom y <= 1 cm)."""
    return obj.size[1] <= FLOOR_COVERING_MAX_HEIGHT and obj.pos[1] <= 0.01


def oriented_corners(obj: SceneObject) -> np.ndarray:
    """(8, 3) float, world corners of the object's oriented box (metres)."""
    w, h, d = obj.size
    xs, ys, zs = np.meshgrid([-w / 2, w / 2], [0.0, h], [-d / 2, d / 2], indexing="ij")
    local = np.column_stack([xs.ravel(), ys.ravel(), zs.ravel()])
    return local @ obj.rotation_matrix().T + np.asarray(obj.pos)


def world_aabbs(objects: list[SceneObject]) -> np.ndarray:
    """(n, 2, 3) float, world AABB [min, max] of each object's oriented box (the mesh lies inside it)."""
    if not objects:
        return np.zeros((0, 2, 3))
    corners = np.stack([oriented_corners(o) for o in objects])
    return np.stack([corners.min(axis=1), corners.max(axis=1)], axis=1)


@dataclass
class PlacedScene:
    """A scene's objects as meshes: local (normalised to ``size``) and world transforms.

    Attributes
    ----------
    local : list of trimesh.Trimesh
        Meshes with AABB bottom-centre at the origin and AABB extents equal to ``size``.
    transforms : (n, 4, 4) float
        World-from-object transforms (rotation by ``rot``, translation to ``pos``).
    boxed : (n,) bool
        True where no asset mesh was found and a box of ``size`` stands in.
    convex : (n,) bool
        Whether each mesh is convex (per-axis scaling keeps convexity, so it is computed once per asset).
    """

    scene: Scene
    local: list
    transforms: np.ndarray
    boxed: np.ndarray
    convex: np.ndarray
    _world: dict[int, object] = field(default_factory=dict, repr=False)

    def world(self, i: int):
        """World-space mesh of object ``i`` (cached)."""
        if i not in self._world:
            mesh = self.local[i].copy()
            mesh.apply_transform(self.transforms[i])
            self._world[i] = mesh
        return self._world[i]


_CONVEX: dict[tuple[str | None, str], bool] = {}  # (asset source, asset id) -> convexity, process-wide memo


def _is_convex(source: str | None, asset: str | None, raw) -> bool:
    """Convexity of an asset's mesh (a box when ``raw`` is None), computed once per asset and process."""
    if raw is None:
        return True
    if asset is None:
        return bool(raw.is_convex)
    key = (source, asset)
    if key not in _CONVEX:
        if len(_CONVEX) > 4096:
            _CONVEX.clear()
        _CONVEX[key] = bool(raw.is_convex)
    return _CONVEX[key]


def place_scene(scene: Scene, resolver: MeshResolver | None = None, cache: dict | None = None) -> PlacedScene:
    """Resolve and normalise every object's mesh; identical (asset, size) pairs share one local mesh.

    ``cache`` (optional, caller-owned) keeps local meshes across scenes, keyed by (asset id, size).
    """
    cache = {} if cache is None else cache
    local, boxed, convex, transforms = [], [], [], []
    for obj in scene.objects:
        raw = resolver.resolve(obj) if resolver is not None else None
        asset = obj.asset_id if raw is not None else None
        key = (asset, tuple(round(s, 6) for s in obj.size))
        if key not in cache:
            cache[key] = normalize_mesh(raw if raw is not None else unit_box(), obj.size)
        local.append(cache[key])
        convex.append(_is_convex(obj.asset_source, asset, raw))
        boxed.append(raw is None)
        transforms.append(obj.transform())
    return PlacedScene(
        scene, local, np.array(transforms).reshape(-1, 4, 4), np.array(boxed, dtype=bool), np.array(convex, dtype=bool)
    )
