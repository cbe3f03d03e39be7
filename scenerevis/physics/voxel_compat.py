"""voxel_compat.py: the voxel losses as the original SceneReVis ``eval/voxel_eval.py`` computes them.

Our default voxel losses (:mod:`scenerevis.physics.voxel`) voxelise each placed mesh on one world
grid. The original instead (re-implemented here from its description, with trimesh, which it used):

1. Room: a prism mesh from the floor polygon (floor and ceiling triangulated, two triangles per wall),
   ``voxelized(pitch).fill()``; its grid origin ``room_t`` is the centre of its voxel (0, 0, 0).
2. Object: the asset mesh (when there is none: a unit box for a 3D-FUTURE id, as the original's batch
   run writes one for every missing id, else a box of ``size``) scaled per axis by
   ``size / (extents + 1e-6)``, its AABB bottom-centre moved to the origin, rotated by ``rot``, and
   voxelised *in that frame* (``voxelized(pitch).fill()``: subdivided surface vertices rounded to the
   nearest voxel centre, then holes filled); grid origin ``t``.
3. Snapping: the object's grid shift is ``floor((pos + t) / pitch)``; in the room grid its offset is
   ``floor(-room_t / pitch + shift)``, and between two objects ``shift_b - shift_a``.
4. OOB volume = (object voxels - object voxels on filled room voxels) x pitch^3; collision volume of a
   pair = shared voxels x pitch^3, over every pair (rugs included).

Consequences (why the numbers differ from ours): a box of extent L gets ``L / pitch + 1`` voxel layers
(voxel centres on both faces); ``floor`` moves every object by up to one voxel towards -x/-z, so an
object flush against a -x or -z wall gets a layer outside while one flush against a +x or +z wall does
not; two boxes overlapping by 5 mm share two layers. Units: metres, cubic metres; world frame, Y up.
"""

from __future__ import annotations

from collections import OrderedDict

import numpy as np

from scenerevis._optional import require
from scenerevis.physics.voxel import shared_voxel_counts
from scenerevis.scene.model import Scene, SceneObject

OBJECT_SCALE_EPS = 1e-6  # the original divides size by (extents + 1e-6)


def _triangulate_floor(floor_xz: np.ndarray) -> np.ndarray:
    """(m, 3) int faces over the n floor corners; the ``triangle`` engine (the original's) when installed."""
    trimesh = require("trimesh")
    shapely = require("shapely")
    poly = shapely.Polygon(np.asarray(floor_xz, dtype=float))
    try:
        import triangle  # noqa: F401

        engine = "triangle"
    except ImportError:
        engine = None
    verts, faces = trimesh.creation.triangulate_polygon(poly, engine=engine)
    # map the triangulation's vertices back to the corners (engines may repeat the closing point)
    corners = np.asarray(floor_xz, dtype=float)
    d = np.linalg.norm(verts[:, None, :2] - corners[None, :, :], axis=2)
    index = d.argmin(axis=1)
    if np.any(d[np.arange(len(verts)), index] > 1e-9):
        raise ValueError("floor triangulation added vertices; the compat room needs a simple polygon")
    faces = index[faces]
    return faces[(faces[:, 0] != faces[:, 1]) & (faces[:, 1] != faces[:, 2]) & (faces[:, 0] != faces[:, 2])]


def room_mesh(floor_xz: np.ndarray, floor_y: float, ceiling_y: float):
    """The original's room prism: corners at floor and ceiling height, floor/ceiling triangulated,
    two triangles per wall, normals made consistent (trimesh.Trimesh, metres, world frame)."""
    trimesh = require("trimesh")
    xz = np.asarray(floor_xz, dtype=float)
    n = len(xz)
    bottom = np.column_stack([xz[:, 0], np.full(n, float(floor_y)), xz[:, 1]])
    top = np.column_stack([xz[:, 0], np.full(n, float(ceiling_y)), xz[:, 1]])
    floor = _triangulate_floor(xz)
    nxt = (np.arange(n) + 1) % n
    sides = np.concatenate(
        [np.column_stack([np.arange(n), nxt, np.arange(n) + n]), np.column_stack([nxt, nxt + n, np.arange(n) + n])]
    )
    mesh = trimesh.Trimesh(np.vstack([bottom, top]), np.concatenate([floor, floor + n, sides]), process=True)
    trimesh.repair.fix_normals(mesh)
    return mesh


def _grid(mesh, pitch: float) -> tuple[np.ndarray, np.ndarray]:
    """``mesh.voxelized(pitch).fill()`` as (dense bool matrix, translation (3,) = centre of voxel 0)."""
    vox = mesh.voxelized(pitch=pitch).fill()
    return np.asarray(vox.matrix, dtype=bool), np.asarray(vox.translation, dtype=float)


def object_mesh(obj: SceneObject, raw) -> object:
    """The object's mesh in the original's voxelisation frame: scaled to ``size`` (with its 1e-6),
    AABB bottom-centre at the origin, rotated by ``rot`` (not translated)."""
    trimesh = require("trimesh")
    rotation = require("scipy.spatial.transform").Rotation
    size = np.asarray(obj.size, dtype=float)
    if raw is None and obj.jid and obj.asset_source != "objaverse":
        # a 3D-FUTURE id without a model: the original's batch run first writes a unit-box model for it
        mesh = trimesh.creation.box()
    elif raw is None:
        mesh = trimesh.creation.box(extents=size)
    else:
        mesh = trimesh.Trimesh(np.asarray(raw.vertices, dtype=float).copy(), np.asarray(raw.faces).copy(), process=False)
    mesh.apply_scale(size / (mesh.extents + OBJECT_SCALE_EPS))
    lo, hi = mesh.bounds
    to_origin = np.eye(4)
    to_origin[:3, 3] = -np.array([(lo[0] + hi[0]) / 2, lo[1], (lo[2] + hi[2]) / 2])
    mesh.apply_transform(to_origin)
    rot = np.eye(4)
    rot[:3, :3] = rotation.from_quat(np.asarray(obj.rot, dtype=float)).as_matrix()
    mesh.apply_transform(rot)
    return mesh


_OBJECT_GRIDS: OrderedDict = OrderedDict()  # (mesh, size, rot, placeholder, pitch) -> (mesh ref, indices, translation)


def object_voxels(obj: SceneObject, raw, pitch: float) -> tuple[np.ndarray, np.ndarray]:
    """The object's filled voxels as (k, 3) int matrix indices, and its grid shift ``floor((pos + t) / pitch)``.

    The voxelisation depends only on the mesh, ``size`` and ``rot`` (not on ``pos``): the last 256
    are kept, so an asset placed with the same size and rotation in many scenes is voxelised once."""
    placeholder = raw is None and bool(obj.jid) and obj.asset_source != "objaverse"
    key = (id(raw), tuple(map(float, obj.size)), tuple(map(float, obj.rot)), placeholder, float(pitch))
    hit = _OBJECT_GRIDS.get(key)
    if hit is None or hit[0] is not raw:
        matrix, t = _grid(object_mesh(obj, raw), pitch)
        hit = (raw, np.argwhere(matrix), t)
        _OBJECT_GRIDS[key] = hit
        while len(_OBJECT_GRIDS) > 256:
            _OBJECT_GRIDS.popitem(last=False)
    _OBJECT_GRIDS.move_to_end(key)
    _, idx, t = hit
    shift = np.floor((np.asarray(obj.pos, dtype=float) + t) / pitch)
    return idx, shift


_ROOM_GRIDS: OrderedDict = OrderedDict()  # (floor corners, floor y, ceiling y, pitch) -> (matrix, translation)


def room_grid(floor_xz: np.ndarray, floor_y: float, ceiling_y: float, pitch: float) -> tuple[np.ndarray, np.ndarray]:
    """The room's filled voxel matrix and translation (a few seconds for a large room: the last 8 are kept)."""
    xz = np.asarray(floor_xz, dtype=float)
    key = (xz.tobytes(), xz.shape, float(floor_y), float(ceiling_y), float(pitch))
    if key not in _ROOM_GRIDS:
        _ROOM_GRIDS[key] = _grid(room_mesh(xz, floor_y, ceiling_y), pitch)
        while len(_ROOM_GRIDS) > 8:
            _ROOM_GRIDS.popitem(last=False)
    _ROOM_GRIDS.move_to_end(key)
    return _ROOM_GRIDS[key]


def original_voxel_losses(scene: Scene, raws: list, pitch: float) -> tuple[dict[str, float], dict[tuple[int, int], float]]:
    """Per-object OOB volume {id: m^3} and per-pair collision volume {(i, j): m^3, i < j, > 0 only}
    as the original computes them; ``raws[i]`` is object i's raw asset mesh or None (box of ``size``)."""
    room_matrix, room_t = room_grid(scene.floor_xz, scene.floor_y, scene.ceiling_y, pitch)
    room_shift = -room_t / pitch
    unit = pitch**3
    oob: dict[str, float] = {}
    world = []
    for obj, raw in zip(scene.objects, raws):
        idx, shift = object_voxels(obj, raw, pitch)
        at = idx + np.floor(room_shift + shift).astype(np.int64)
        ok = np.all((at >= 0) & (at < np.array(room_matrix.shape)), axis=1)
        inside = int(room_matrix[tuple(at[ok].T)].sum())
        oob[obj.id] = max(0.0, len(idx) * unit - inside * unit)
        # shifts are whole numbers, so floor(shift_b - shift_a) = shift_b - shift_a: shared voxels of
        # a pair are the shared cells of (index + shift)
        world.append(idx + shift.astype(np.int64))
    pairs = {ij: c * unit for ij, c in shared_voxel_counts(world).items()}
    return oob, pairs
