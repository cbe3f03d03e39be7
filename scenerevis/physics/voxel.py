"""voxel.py: filled voxelisation on a global grid and the voxel losses (OOB volume, collision volume, PBL).

Grid: voxel ``(i, j, k)`` is the cube of edge ``pitch`` centred at ``(i, j, k) * pitch`` (metres,
world frame). An object's voxels are those its surface touches plus everything they enclose
(hole filling), the same "surface voxels, then fill" voxelisation as ``trimesh``'s
``voxelized(pitch).fill()``, computed with numpy instead of mesh subdivision.
"""

from __future__ import annotations

import numpy as np

from scenerevis._optional import require

_OFFSET = 1 << 20  # index offset so keys are non-negative
_SPAN = 1 << 21  # keys: ((i + OFF) * SPAN + (j + OFF)) * SPAN + (k + OFF)


def _ranges(counts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For group sizes ``counts``: (group index, position 0..count-1 within the group) of every element."""
    group = np.repeat(np.arange(len(counts)), counts)
    starts = np.cumsum(counts) - counts
    return group, np.arange(int(counts.sum())) - np.repeat(starts, counts)


def _sample_points(vertices: np.ndarray, faces: np.ndarray, pitch: float) -> np.ndarray:
    """(k, 3) float points covering the triangles ``vertices[faces]`` with spacing <= pitch / 2 along
    both edges at the widest corner (a sheared lattice, so long thin triangles cost few points), plus
    the opposite edge sampled at the same spacing. Triangles already smaller than that contribute
    just their corners (the mesh vertices). Fully vectorised.
    """
    verts = np.asarray(vertices, dtype=float)
    faces = np.asarray(faces, dtype=np.int64)
    step = pitch / 2.0
    tri = verts[faces]
    edges = np.linalg.norm(tri - np.roll(tri, 1, axis=1), axis=2)  # edge k joins corners k-1 and k
    small = edges.max(axis=1) <= step
    chunks = [verts[np.unique(faces[small])]] if np.any(small) else []
    tri, edges = tri[~small], edges[~small]
    if len(tri):
        # corner A opposite the longest edge: edge k is opposite corner k + 1
        a_idx = (np.argmax(edges, axis=1) + 1) % 3
        rows = np.arange(len(tri))
        a = tri[rows, a_idx]
        u = tri[rows, (a_idx + 1) % 3] - a
        v = tri[rows, (a_idx + 2) % 3] - a
        nu = np.maximum(1, np.ceil(np.linalg.norm(u, axis=1) / step)).astype(np.int64)
        nv = np.maximum(1, np.ceil(np.linalg.norm(v, axis=1) / step)).astype(np.int64)
        # lattice rows i = 0..nu, each with j = 0..floor(nv (1 - i / nu))
        t_row, i = _ranges(nu + 1)
        per_row = np.floor(nv[t_row] * (1.0 - i / nu[t_row]) + 1e-9).astype(np.int64) + 1
        r, j = _ranges(per_row)
        t = t_row[r]
        fu, fv = i[r] / nu[t], j / nv[t]
        chunks.append(a[t] + fu[:, None] * u[t] + fv[:, None] * v[t])
        # the edge opposite A (B -> C), which the lattice only approaches
        nbc = np.maximum(1, np.ceil(np.linalg.norm(v - u, axis=1) / step)).astype(np.int64)
        te, k = _ranges(nbc + 1)
        f = (k / nbc[te])[:, None]
        chunks.append(a[te] + u[te] + f * (v[te] - u[te]))
    return np.concatenate(chunks)


def _surface_grid(vertices: np.ndarray, faces: np.ndarray, pitch: float) -> tuple[np.ndarray, np.ndarray]:
    """Dense bool grid of the voxels the surface touches, and the index ``(3,)`` of its corner voxel."""
    idx = np.round(_sample_points(vertices, faces, pitch) / pitch).astype(np.int64)
    lo = idx.min(axis=0)
    grid = np.zeros(idx.max(axis=0) - lo + 1, dtype=bool)
    grid[tuple((idx - lo).T)] = True
    return grid, lo


def surface_indices(vertices: np.ndarray, faces: np.ndarray, pitch: float) -> np.ndarray:
    """(k, 3) int64 voxel indices touched by the surface of the mesh ``(vertices (n, 3), faces (m, 3))``."""
    if len(faces) == 0:
        return np.zeros((0, 3), dtype=np.int64)
    grid, lo = _surface_grid(vertices, faces, pitch)
    return np.argwhere(grid).astype(np.int64) + lo


def filled_indices(vertices: np.ndarray, faces: np.ndarray, pitch: float) -> np.ndarray:
    """(k, 3) int64 voxel indices of the surface voxels plus the cavities they enclose."""
    ndimage = require("scipy.ndimage")
    if len(faces) == 0:
        return np.zeros((0, 3), dtype=np.int64)
    grid, lo = _surface_grid(vertices, faces, pitch)
    return np.argwhere(ndimage.binary_fill_holes(grid)).astype(np.int64) + lo


def mesh_voxels(mesh, pitch: float) -> np.ndarray:
    """(k, 3) int64 filled voxel indices of a world-space trimesh."""
    return filled_indices(mesh.vertices, mesh.faces, pitch)


def keys(indices: np.ndarray) -> np.ndarray:
    """(k,) int64 unique scalar key per voxel index row."""
    idx = np.asarray(indices, dtype=np.int64) + _OFFSET
    return (idx[:, 0] * _SPAN + idx[:, 1]) * _SPAN + idx[:, 2]


class RoomVoxels:
    """The filled voxelisation of the room prism, as a column mask plus a height range.

    A voxel is in the room when its centre's XZ lies in the floor polygon grown by ``pitch / 2``
    (the voxels the walls touch) and its centre's y in ``[floor - pitch/2, ceiling + pitch/2]``.
    """

    def __init__(self, floor_xz: np.ndarray, floor_y: float, ceiling_y: float, pitch: float):
        shapely = require("shapely")
        self.pitch = pitch
        poly = shapely.Polygon(np.asarray(floor_xz, dtype=float)).buffer(pitch / 2.0 + 1e-9, join_style="mitre")
        minx, minz, maxx, maxz = poly.bounds
        self.i0, self.k0 = int(np.floor(minx / pitch)) - 1, int(np.floor(minz / pitch)) - 1
        i1, k1 = int(np.ceil(maxx / pitch)) + 1, int(np.ceil(maxz / pitch)) + 1
        ii, kk = np.meshgrid(np.arange(self.i0, i1 + 1), np.arange(self.k0, k1 + 1), indexing="ij")
        self.columns = shapely.intersects_xy(poly, ii * pitch, kk * pitch)
        self.j_lo = int(np.ceil((floor_y - pitch / 2.0) / pitch - 1e-9))
        self.j_hi = int(np.floor((ceiling_y + pitch / 2.0) / pitch + 1e-9))

    def contains(self, indices: np.ndarray) -> np.ndarray:
        """(k,) bool: which voxel indices ``(k, 3)`` are inside the room."""
        idx = np.asarray(indices, dtype=np.int64)
        ci, ck = idx[:, 0] - self.i0, idx[:, 2] - self.k0
        ok = (ci >= 0) & (ci < self.columns.shape[0]) & (ck >= 0) & (ck < self.columns.shape[1])
        ok &= (idx[:, 1] >= self.j_lo) & (idx[:, 1] <= self.j_hi)
        out = np.zeros(len(idx), dtype=bool)
        out[ok] = self.columns[ci[ok], ck[ok]]
        return out

    def volume(self) -> float:
        """Room volume as voxels (m^3)."""
        return float(self.columns.sum() * (self.j_hi - self.j_lo + 1) * self.pitch**3)


def shared_voxel_counts(voxel_sets: list[np.ndarray], active: np.ndarray | None = None) -> dict[tuple[int, int], int]:
    """Voxels shared by each pair ``(i, j)``, i < j, of the objects' voxel index arrays.

    A voxel in three objects counts once for each of its three pairs. Vectorised: one sort of all keys.
    """
    labels, all_keys = [], []
    for n, vox in enumerate(voxel_sets):
        if (active is None or active[n]) and len(vox):
            all_keys.append(keys(vox))
            labels.append(np.full(len(vox), n, dtype=np.int64))
    if len(all_keys) < 2:
        return {}
    k = np.concatenate(all_keys)
    lab = np.concatenate(labels)
    order = np.argsort(k, kind="stable")
    k, lab = k[order], lab[order]
    starts = np.flatnonzero(np.r_[True, k[1:] != k[:-1]])
    lengths = np.diff(np.r_[starts, len(k)])
    counts: dict[tuple[int, int], int] = {}
    for length in np.unique(lengths[lengths > 1]):
        runs = starts[lengths == length]
        members = lab[runs[:, None] + np.arange(length)[None, :]]  # (r, length), labels sorted by object
        members.sort(axis=1)
        a, b = np.triu_indices(int(length), k=1)
        pairs = np.stack([members[:, a], members[:, b]], axis=-1).reshape(-1, 2)
        uniq, cnt = np.unique(pairs, axis=0, return_counts=True)
        for (i, j), c in zip(uniq.tolist(), cnt.tolist()):
            counts[(i, j)] = counts.get((i, j), 0) + c
    return counts
