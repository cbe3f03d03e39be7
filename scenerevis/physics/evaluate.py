"""evaluate.py: scene-level physics reports: mesh CNR/OBR with per-object detail, and voxel losses.

Frames and units: world frame, metres, cubic metres; rates in percent (DESIGN.md section 6).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

import numpy as np

from scenerevis.physics.bounds import (
    footprints_inside,
    points_inside,
    room_manifold,
    room_polygon,
    room_prism_mesh,
    solid_outside_volume,
)
from scenerevis.physics.collision import find_contacts
from scenerevis.physics.config import PhysicsConfig
from scenerevis.physics.geometry import PlacedScene, all_corners, is_floor_covering, place_scene
from scenerevis.physics.voxel import RoomVoxels, mesh_voxels, shared_voxel_counts
from scenerevis.physics.voxel_compat import original_voxel_losses
from scenerevis.scene.model import Scene
from scenerevis.scene.placement import MeshResolver


@dataclass
class ObjectPhysics:
    """Per-object detail. Depth in metres, volume in m^3, fraction in [0, 1]."""

    id: str
    desc: str
    collides_with: list[str] = field(default_factory=list)
    max_penetration_depth: float = 0.0
    oob_fraction: float = 0.0
    oob_volume: float = 0.0
    out_of_bounds: bool = False
    colliding: bool = False
    boxed: bool = False


@dataclass
class PhysicsReport:
    """Mesh-based physics of one scene (CNR/OBR definitions of DESIGN.md section 6)."""

    num_objects: int
    num_boxed: int
    collision_rate: float  # % of objects in a contact deeper than the threshold
    oob_rate: float  # % of objects with > 1 % of their surface samples outside
    colliding_objects: list[str]
    oob_objects: list[str]
    collision_pairs: list[dict]  # {"a", "b", "depth"} for pairs deeper than the threshold
    max_penetration_depth: float
    objects: dict[str, ObjectPhysics]

    def to_dict(self) -> dict:
        d = asdict(self)
        d["objects"] = {k: asdict(v) for k, v in self.objects.items()}
        return d


@dataclass
class VoxelReport:
    """Voxel losses of one scene (ReSpace VBL at ``pitch``). Volumes in m^3."""

    pitch: float
    total_oob_volume: float
    total_collision_volume: float
    pbl: float
    valid: bool
    num_objects: int
    object_oob_volume: dict[str, float]
    pair_collision_volume: list[dict]  # {"a", "b", "volume"}
    compat: str = "ours"  # "ours" or "original" (PhysicsConfig.voxel_compat)

    def to_dict(self) -> dict:
        return asdict(self)


def _room(scene: Scene, config: PhysicsConfig):
    poly = room_polygon(scene.floor_xz, config.oob_buffer)
    return poly, scene.floor_y - config.oob_buffer, scene.ceiling_y + config.oob_buffer


def evaluate_physics(
    scene: Scene,
    resolver: MeshResolver | None = None,
    config: PhysicsConfig | None = None,
    placed: PlacedScene | None = None,
) -> PhysicsReport:
    """CNR, OBR and per-object detail of ``scene``; objects without an asset mesh are boxes of ``size``."""
    config = config or PhysicsConfig()
    placed = placed or place_scene(scene, resolver)
    objs = scene.objects
    n = len(objs)
    per = {o.id: ObjectPhysics(o.id, o.desc, boxed=bool(placed.boxed[i])) for i, o in enumerate(objs)}
    active = np.array([not (config.ignore_floor_coverings and is_floor_covering(o)) for o in objs], dtype=bool)

    pairs = []
    corners = all_corners(objs, placed.transforms)
    enough = None if config.exact_depth else config.depth_threshold
    aabbs = np.stack([corners.min(axis=1), corners.max(axis=1)], axis=1) if n else np.zeros((0, 2, 3))
    for c in find_contacts(placed.local, placed.transforms, aabbs, active, placed.convex, placed.fcl_geometry, enough):
        if c.depth <= config.depth_threshold:
            continue
        a, b = per[objs[c.i].id], per[objs[c.j].id]
        for x, y in ((a, b), (b, a)):
            x.colliding = True
            x.collides_with.append(y.id)
            x.max_penetration_depth = max(x.max_penetration_depth, c.depth)
        pairs.append({"a": a.id, "b": b.id, "depth": c.depth})
    pairs.sort(key=lambda p: -p["depth"])

    poly, y_min, y_max = _room(scene, config)
    room_vox = room_solid = None
    inside = footprints_inside(corners, poly, y_min, y_max)
    for i, o in enumerate(objs):
        if inside[i]:
            continue
        info = per[o.id]
        points = placed.surface_samples(i, config.oob_samples, config.seed + i)
        info.oob_fraction = float(1.0 - points_inside(points, poly, y_min, y_max).mean())
        info.out_of_bounds = info.oob_fraction > config.oob_fraction_threshold
        if info.out_of_bounds and config.oob_volume:
            # exact for closed meshes (manifold3d); voxel estimate at the voxel pitch otherwise
            solid = placed.world_manifold(i)
            if solid is not None:
                if room_solid is None:
                    room_solid = room_manifold(room_prism_mesh(scene.floor_xz, scene.floor_y, scene.ceiling_y))
                volume = solid_outside_volume(solid, room_solid)
            else:
                if room_vox is None:
                    room_vox = RoomVoxels(scene.floor_xz, scene.floor_y, scene.ceiling_y, config.voxel_pitch)
                vox = mesh_voxels(placed.world(i), config.voxel_pitch)
                volume = float((~room_vox.contains(vox)).sum() * config.voxel_pitch**3)
            info.oob_volume = volume

    colliding = [o.id for o in objs if per[o.id].colliding]
    oob = [o.id for o in objs if per[o.id].out_of_bounds]
    return PhysicsReport(
        num_objects=n,
        num_boxed=int(placed.boxed.sum()),
        collision_rate=100.0 * len(colliding) / n if n else 0.0,
        oob_rate=100.0 * len(oob) / n if n else 0.0,
        colliding_objects=colliding,
        oob_objects=oob,
        collision_pairs=pairs,
        max_penetration_depth=max((p["depth"] for p in pairs), default=0.0),
        objects=per,
    )


def evaluate_voxels(
    scene: Scene,
    resolver: MeshResolver | None = None,
    config: PhysicsConfig | None = None,
    placed: PlacedScene | None = None,
    compat: str | None = None,
) -> VoxelReport:
    """Voxel OOB volume, pairwise collision volume and PBL = OOB + collision (m^3) of ``scene``.

    ``compat="original"`` (default: ``config.voxel_compat``) computes them as the original
    ``eval/voxel_eval.py`` does (:mod:`scenerevis.physics.voxel_compat`); every pair then counts,
    floor coverings included, as there.
    """
    config = config or PhysicsConfig()
    compat = compat or config.voxel_compat
    if compat not in ("ours", "original"):
        raise ValueError(f"compat must be 'ours' or 'original', got {compat!r}")
    placed = placed or place_scene(scene, resolver)
    p = config.voxel_pitch
    if compat == "original":
        raws = (
            [g.raw for g in placed.geometry]
            if placed.geometry
            else [None if b else m for b, m in zip(placed.boxed, placed.local)]
        )
        oob, shared_vol = original_voxel_losses(scene, raws, p)
    else:
        room = RoomVoxels(scene.floor_xz, scene.floor_y, scene.ceiling_y, p)
        voxels = [mesh_voxels(placed.world(i), p) for i in range(len(scene.objects))]
        oob = {o.id: float((~room.contains(v)).sum() * p**3) for o, v in zip(scene.objects, voxels)}
        active = np.array([not (config.ignore_floor_coverings and is_floor_covering(o)) for o in scene.objects], dtype=bool)
        shared_vol = {ij: c * p**3 for ij, c in shared_voxel_counts(voxels, active).items()}
    pair_list = [{"a": scene.objects[i].id, "b": scene.objects[j].id, "volume": v} for (i, j), v in sorted(shared_vol.items())]
    total_oob = float(sum(oob.values()))
    total_col = float(sum(d["volume"] for d in pair_list))
    pbl = total_oob + total_col
    return VoxelReport(
        pitch=p,
        total_oob_volume=total_oob,
        total_collision_volume=total_col,
        pbl=pbl,
        valid=pbl <= config.pbl_valid_threshold,
        num_objects=len(scene.objects),
        object_oob_volume=oob,
        pair_collision_volume=pair_list,
        compat=compat,
    )
