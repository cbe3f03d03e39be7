"""collision.py: pairwise mesh penetration with python-fcl, after an exact AABB broad phase.

Contacts and depths are FCL's (as trimesh's CollisionManager reports them); a pair collides when
its deepest contact exceeds the depth threshold (DESIGN.md section 6, CNR).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from scenerevis._optional import require


@dataclass(frozen=True)
class Contact:
    """Deepest FCL contact between objects ``i`` < ``j``; ``depth`` in metres."""

    i: int
    j: int
    depth: float


def candidate_pairs(aabbs: np.ndarray, active: np.ndarray | None = None, pad: float = 1e-6) -> np.ndarray:
    """(k, 2) int pairs i < j whose AABBs ``(n, 2, 3)`` overlap (touching counts), among ``active``."""
    n = len(aabbs)
    if n < 2:
        return np.zeros((0, 2), dtype=int)
    lo, hi = aabbs[:, 0] - pad, aabbs[:, 1] + pad
    overlap = np.all((lo[:, None, :] <= hi[None, :, :]) & (lo[None, :, :] <= hi[:, None, :]), axis=2)
    if active is not None:
        overlap &= active[:, None] & active[None, :]
    i, j = np.nonzero(np.triu(overlap, k=1))
    return np.column_stack([i, j])


def fcl_geometry(mesh, convex: bool | None = None):
    """FCL geometry of a trimesh in its own frame, chosen as trimesh's CollisionManager does.

    Convex meshes become ``fcl.Convex`` (GJK/EPA: exact penetration depth); others a
    ``fcl.BVHModel`` (triangle-pair contacts, whose depths FCL only approximates). Pass ``convex``
    when it is already known, to skip the convexity test.
    """
    require("fcl")
    from trimesh.collision import mesh_to_BVH, mesh_to_convex

    convex = mesh.is_convex if convex is None else convex
    return mesh_to_convex(mesh) if convex else mesh_to_BVH(mesh)


def _fcl_object(bvh, transform: np.ndarray):
    fcl = require("fcl")
    return fcl.CollisionObject(bvh, fcl.Transform(transform[:3, :3], transform[:3, 3]))


def pair_contact(obj_a, obj_b, max_contacts: int = 100000, enough: float | None = None) -> float | None:
    """Deepest penetration depth (m) between two ``fcl.CollisionObject``, or None when apart.

    With ``enough`` set, one contact is asked for first; when it is already deeper than ``enough``
    its depth is returned (a lower bound of the deepest: the verdict "deeper than ``enough``" is
    the same, at a fraction of the cost of enumerating every triangle contact).
    """
    fcl = require("fcl")
    if enough is not None:
        probe = fcl.CollisionResult()
        if fcl.collide(obj_a, obj_b, fcl.CollisionRequest(num_max_contacts=1, enable_contact=True), probe) == 0:
            return None
        first = max((c.penetration_depth for c in probe.contacts), default=0.0)
        if first > enough:
            return first
    request = fcl.CollisionRequest(num_max_contacts=max_contacts, enable_contact=True)
    result = fcl.CollisionResult()
    if fcl.collide(obj_a, obj_b, request, result) == 0:
        return None
    return max((c.penetration_depth for c in result.contacts), default=0.0)


def find_contacts(
    local_meshes: list,
    transforms: np.ndarray,
    aabbs: np.ndarray,
    active: np.ndarray | None = None,
    convex: np.ndarray | None = None,
    geometry: Callable[[int], object] | None = None,
    enough: float | None = None,
) -> list[Contact]:
    """All touching/penetrating pairs with their deepest contact depth.

    Parameters
    ----------
    local_meshes : list of trimesh.Trimesh
        Object meshes in object frame; the same mesh object may be shared (its FCL geometry is built once).
    transforms : (n, 4, 4) float
        World-from-object transforms.
    aabbs : (n, 2, 3) float
        World AABBs that contain each placed mesh (broad phase).
    active : (n,) bool, optional
        Objects that take part (others, e.g. rugs, are skipped).
    convex : (n,) bool, optional
        Known convexity of each mesh (else tested per mesh).
    geometry : callable, optional
        ``geometry(i)`` returns object ``i``'s (cached) FCL geometry in its own frame; when given,
        ``local_meshes`` and ``convex`` are not used.
    enough : float, optional
        Verdict-only depth (see :func:`pair_contact`): a pair whose first contact is deeper than
        this reports that contact's depth instead of the deepest one.
    """
    pairs = candidate_pairs(aabbs, active)
    if len(pairs) == 0:
        return []
    geoms: dict[int, object] = {}
    objs: dict[int, object] = {}
    for idx in np.unique(pairs).tolist():
        if geometry is not None:
            geom = geometry(idx)
        else:
            mesh = local_meshes[idx]
            if id(mesh) not in geoms:
                geoms[id(mesh)] = fcl_geometry(mesh, None if convex is None else bool(convex[idx]))
            geom = geoms[id(mesh)]
        objs[idx] = _fcl_object(geom, transforms[idx])
    contacts = []
    for i, j in pairs.tolist():
        depth = pair_contact(objs[i], objs[j], enough=enough)
        if depth is not None:
            contacts.append(Contact(i, j, float(depth)))
    return contacts
