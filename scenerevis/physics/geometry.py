"""geometry.py: the placed meshes of a scene, world AABBs and the floor-covering rule, shared by the checks."""

from __future__ import annotations

import weakref
from collections import OrderedDict
from dataclasses import dataclass, field

import numpy as np

from scenerevis._optional import require
from scenerevis.constants import FLOOR_COVERING_MAX_HEIGHT
from scenerevis.scene.model import Scene, SceneObject
from scenerevis.scene.placement import MeshResolver, normalize_mesh, unit_box


def is_floor_covering(obj: SceneObject) -> bool:
    """A rug or mat: at most FLOOR_COVERING_MAX_HEIGHT tall and lying on the floor (bottom y <= 1 cm)."""
    return obj.size[1] <= FLOOR_COVERING_MAX_HEIGHT and obj.pos[1] <= 0.01


def _unit_corners() -> np.ndarray:
    xs, ys, zs = np.meshgrid([-0.5, 0.5], [0.0, 1.0], [-0.5, 0.5], indexing="ij")
    return np.column_stack([xs.ravel(), ys.ravel(), zs.ravel()])


def oriented_corners(obj: SceneObject) -> np.ndarray:
    """(8, 3) float, world corners of the object's oriented box (metres)."""
    return (_unit_corners() * np.asarray(obj.size, dtype=float)) @ obj.rotation_matrix().T + np.asarray(obj.pos)


def all_corners(objects: list[SceneObject], transforms: np.ndarray | None = None) -> np.ndarray:
    """(n, 8, 3) float, world corners of every object's oriented box (metres), in one vectorised step;
    ``transforms`` (n, 4, 4) are the objects' world-from-object transforms when already known."""
    if not objects:
        return np.zeros((0, 8, 3))
    if transforms is None:
        transforms = np.array([o.transform() for o in objects])
    local = _unit_corners()[None, :, :] * np.array([o.size for o in objects], dtype=float)[:, None, :]
    return np.einsum("nkj,nij->nki", local, transforms[:, :3, :3]) + transforms[:, None, :3, 3]


def world_aabbs(objects: list[SceneObject], transforms: np.ndarray | None = None) -> np.ndarray:
    """(n, 2, 3) float, world AABB [min, max] of each object's oriented box (the mesh lies inside it)."""
    if not objects:
        return np.zeros((0, 2, 3))
    corners = all_corners(objects, transforms)
    return np.stack([corners.min(axis=1), corners.max(axis=1)], axis=1)


@dataclass
class AssetGeometry:
    """One asset normalised to one size: geometry only (no colours), convexity and, built on first
    use, its FCL collision geometry. Object frame: AABB bottom-centre at the origin, extents = size."""

    local: object  # trimesh.Trimesh
    convex: bool
    boxed: bool
    raw: object = field(default=None, repr=False)  # the asset mesh as resolved (geometry only), None for a box
    faces: int = 0  # faces of local + raw (for the cache's memory bound)
    _fcl: object = field(default=None, repr=False)
    _manifold: object = field(default=None, repr=False)

    def manifold(self):
        """The manifold3d solid of ``local`` (object frame), or None when the mesh is not a closed volume."""
        if self._manifold is None:
            from scenerevis.physics.bounds import manifold_of

            self._manifold = manifold_of(self.local) or False
        return self._manifold or None

    def fcl(self):
        """The FCL geometry of ``local`` (``fcl.Convex`` or ``fcl.BVHModel``), built once."""
        if self._fcl is None:
            from scenerevis.physics.collision import fcl_geometry

            self._fcl = fcl_geometry(self.local, self.convex)
        return self._fcl


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
    geometry : list of AssetGeometry
        Per object, the shared (cached) asset geometry behind ``local``.
    """

    scene: Scene
    local: list
    transforms: np.ndarray
    boxed: np.ndarray
    convex: np.ndarray
    geometry: list = field(default_factory=list, repr=False)
    _world: dict[int, object] = field(default_factory=dict, repr=False)

    def world(self, i: int):
        """World-space mesh of object ``i`` (cached)."""
        if i not in self._world:
            mesh = self.local[i].copy()
            mesh.apply_transform(self.transforms[i])
            self._world[i] = mesh
        return self._world[i]

    def surface_samples(self, i: int, count: int, seed: int) -> np.ndarray:
        """(count, 3) seeded surface points of object ``i`` in the world frame: sampled on the shared
        local mesh (area weights are invariant under the rigid transform) and transformed."""
        trimesh = require("trimesh")
        points, _ = trimesh.sample.sample_surface(self.local[i], count, seed=seed)
        t = self.transforms[i]
        return points @ t[:3, :3].T + t[:3, 3]

    def world_manifold(self, i: int):
        """manifold3d solid of object ``i`` in the world frame, or None when its mesh is not closed."""
        if not self.geometry:
            from scenerevis.physics.bounds import manifold_of

            return manifold_of(self.world(i))
        solid = self.geometry[i].manifold()
        return None if solid is None else solid.transform(self.transforms[i][:3, :4])

    def fcl_geometry(self, i: int):
        """FCL geometry of object ``i`` in its own frame (shared by every object of the same asset and size)."""
        if self.geometry:
            return self.geometry[i].fcl()
        from scenerevis.physics.collision import fcl_geometry

        return fcl_geometry(self.local[i], bool(self.convex[i]))


_CONVEX: dict[tuple[str | None, str], bool] = {}  # (asset source, asset id) -> convexity, process-wide memo
_CACHE_SIZE = 512  # asset geometries kept per cache (least recently used first out)
_CACHE_FACES = 4_000_000  # and at most this many mesh faces in them (memory: meshes, FCL trees, solids)
_BY_RESOLVER: dict[int, tuple[object, OrderedDict]] = {}  # id(resolver) -> (weakref, LRU of AssetGeometry)
_BOX_CACHE: OrderedDict = OrderedDict()  # resolver None: boxes of size


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


def _resolver_cache(resolver) -> OrderedDict:
    """The process-wide LRU of asset geometries for ``resolver`` (one per live resolver object).

    Resolvers map an object's (asset_source, jid, uid) to a mesh deterministically, so the
    normalised geometry can be reused across calls while the resolver lives."""
    if resolver is None:
        return _BOX_CACHE
    entry = _BY_RESOLVER.get(id(resolver))
    if entry is not None and entry[0]() is resolver:
        return entry[1]
    try:
        ref = weakref.ref(resolver)
    except TypeError:  # not weak-referenceable: no cache across calls
        return OrderedDict()
    for key in [k for k, (r, _) in _BY_RESOLVER.items() if r() is None]:
        del _BY_RESOLVER[key]
    entry = (ref, OrderedDict())
    _BY_RESOLVER[id(resolver)] = entry
    return entry[1]


def _bare(mesh):
    """Geometry-only copy of a trimesh (no colours or textures: cheap to copy and transform)."""
    trimesh = require("trimesh")
    return trimesh.Trimesh(np.asarray(mesh.vertices, dtype=float).copy(), np.asarray(mesh.faces).copy(), process=False)


def asset_geometry(obj: SceneObject, resolver: MeshResolver | None, cache) -> AssetGeometry:
    """The (cached) normalised geometry of ``obj``'s asset at ``obj.size``; a box when there is no mesh."""
    key = (obj.asset_source, obj.jid, obj.uid, tuple(round(float(s), 6) for s in obj.size))
    if resolver is None:
        key = (None, None, None, key[3])
    geo = cache.get(key)
    if geo is None:
        raw = resolver.resolve(obj) if resolver is not None else None
        asset = obj.asset_id if raw is not None else None
        bare = _bare(raw) if raw is not None else None
        local = _bare(normalize_mesh(bare if bare is not None else unit_box(), obj.size))
        nfaces = len(local.faces) + (0 if bare is None else len(bare.faces))
        geo = AssetGeometry(local, _is_convex(obj.asset_source, asset, raw), raw is None, bare, nfaces)
        cache[key] = geo
        _trim(cache, key)
    elif isinstance(cache, OrderedDict):
        cache.move_to_end(key)
    return geo


def _trim(cache: dict, keep) -> None:
    """Drop the oldest entries (insertion or LRU order) beyond ``_CACHE_SIZE`` entries or ``_CACHE_FACES`` faces."""
    if len(cache) <= _CACHE_SIZE and len(cache) % 16:
        return  # the face budget is checked every 16 insertions (summing it costs a pass over the cache)
    faces = sum(g.faces for g in cache.values())
    while len(cache) > 1 and (len(cache) > _CACHE_SIZE or faces > _CACHE_FACES):
        oldest = next(iter(cache))
        if oldest == keep:
            break
        faces -= cache.pop(oldest).faces


def place_scene(scene: Scene, resolver: MeshResolver | None = None, cache: dict | None = None) -> PlacedScene:
    """Resolve and normalise every object's mesh; identical (asset, size) pairs share one local mesh.

    ``cache`` (optional, caller-owned dict) keeps asset geometries across scenes, keyed by (asset
    source, jid, uid, size); by default a process-wide LRU per resolver object is used, so repeated
    calls (an RL reward every turn) resolve, normalise and build FCL geometry once per asset and size.
    """
    store = _resolver_cache(resolver) if cache is None else cache
    geos = [asset_geometry(o, resolver, store) for o in scene.objects]
    transforms = np.array([o.transform() for o in scene.objects]).reshape(-1, 4, 4)
    return PlacedScene(
        scene,
        [g.local for g in geos],
        transforms,
        np.array([g.boxed for g in geos], dtype=bool),
        np.array([g.convex for g in geos], dtype=bool),
        geos,
    )
