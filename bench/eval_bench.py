"""Throughput of the mesh (CNR/OBR) and voxel evaluators vs. a straightforward per-pair baseline.

200 seeded scenes of 10-40 objects in rooms sized so furniture covers about 40 % of the floor. Meshes come from the built-in catalog when
``scenerevis.assets`` is installed, else from a small set of procedural furniture-like meshes. The
baseline is measured in the same run:
- mesh: FCL geometry built per object, every pair i < j narrow-phased (no broad phase, no sharing),
  500 samples for every object, no OOB volumes. Ours is timed cold (each asset and size seen for the
  first time), warm (the same scenes again) and warm without its exact OOB volumes;
- voxel: trimesh ``voxelized(pitch).fill()`` per object and for the room, Python-set intersections per pair.

Then the RL reward case: warm ms per 40-object scene (collision-free; with overlaps; mixed), exact
depths and the fast verdict mode, next to the per-pair baseline on the same scenes.

    python bench/eval_bench.py [--scenes 200] [--baseline-scenes 20] [--seed 0] [--repeats 20] [--warm-only]
"""

from __future__ import annotations

import argparse
import itertools
import time

import numpy as np
import trimesh

from scenerevis.physics import PhysicsConfig, evaluate_physics, evaluate_voxels, place_scene
from scenerevis.physics.bounds import outside_fraction, room_polygon
from scenerevis.physics.collision import fcl_geometry, pair_contact
from scenerevis.scene import SceneObject, make_room, yaw_to_quat


def procedural_meshes() -> dict[str, trimesh.Trimesh]:
    """A table with legs, a chair-like L, a cylinder and a box: enough variety for timing."""
    table = [trimesh.creation.box((1.0, 0.05, 1.0)).apply_translation((0, 0.95, 0))]
    table += [
        trimesh.creation.box((0.08, 0.9, 0.08)).apply_translation((x, 0.45, z)) for x in (-0.45, 0.45) for z in (-0.45, 0.45)
    ]
    chair = [
        trimesh.creation.box((1, 0.5, 1)).apply_translation((0, 0.25, 0)),
        trimesh.creation.box((1, 0.5, 0.2)).apply_translation((0, 0.75, -0.4)),
    ]
    return {
        "table": trimesh.util.concatenate(table),
        "chair": trimesh.util.concatenate(chair),
        "round": trimesh.creation.cylinder(radius=0.5, height=1.0, sections=48),
        "box": trimesh.creation.box((1, 1, 1)),
    }


class _Resolver:
    def __init__(self, meshes):
        self.meshes = meshes

    def resolve(self, obj):
        return self.meshes.get(obj.jid)


def mesh_source():
    """(resolver, list of (jid, size)) from the built-in catalog, else procedural meshes."""
    try:
        from scenerevis.assets import BuiltinCatalog, get_resolver

        catalog = BuiltinCatalog()
        assets = [(a.id, tuple(a.size)) for a in catalog.assets if a.size[1] > 0.05]
        return get_resolver("builtin"), assets, "built-in catalog"
    except ImportError:
        meshes = procedural_meshes()
        sizes = {"table": (1.2, 0.75, 0.8), "chair": (0.5, 0.9, 0.5), "round": (0.5, 0.6, 0.5), "box": (1.0, 0.8, 0.5)}
        return _Resolver(meshes), [(k, v) for k, v in sizes.items()], "procedural meshes"


def make_scenes(n: int, assets, seed: int) -> list:
    rng = np.random.default_rng(seed)
    scenes = []
    for s in range(n):
        count = int(rng.integers(10, 41)) if s else 40
        picks = []
        for _ in range(count):
            jid, size = assets[int(rng.integers(len(assets)))]
            picks.append((jid, tuple(float(v) * rng.uniform(0.85, 1.15) for v in size)))
        # furniture covers about 40 % of a real room's floor: size the room to its contents
        area = 2.5 * sum(sz[0] * sz[2] for _, sz in picks)
        aspect = rng.uniform(1.0, 1.6)
        w, d = float(np.sqrt(area * aspect)), float(np.sqrt(area / aspect))
        objs: list[SceneObject] = []
        placed_boxes: list[tuple[float, float, float, float]] = []
        for jid, size in picks:
            yaw = float(rng.choice([0, np.pi / 2, np.pi, -np.pi / 2])) if rng.random() < 0.8 else rng.uniform(-np.pi, np.pi)
            # like generated scenes: mostly free placements, some overlaps and some objects poking out
            for _try in range(15):
                pos = (rng.uniform(-w / 2, w / 2), 0.0, rng.uniform(-d / 2, d / 2))
                r = max(size[0], size[2]) / 2
                box = (pos[0] - r, pos[0] + r, pos[2] - r, pos[2] + r)
                free = all(box[1] < b[0] or b[1] < box[0] or box[3] < b[2] or b[3] < box[2] for b in placed_boxes)
                if free or rng.random() < 0.03:
                    break
            placed_boxes.append(box)
            objs.append(SceneObject("", str(jid), size, pos, yaw_to_quat(yaw), jid=str(jid), asset_source="builtin"))
        scenes.append(make_room([[-w / 2, -d / 2], [w / 2, -d / 2], [w / 2, d / 2], [-w / 2, d / 2]], 2.7, objects=objs))
    return scenes


def make_packed_scene(count: int, assets, seed: int, gap: float = 0.002, overlaps: int = 0):
    """A scene of ``count`` objects packed in rows inside the room, neighbours ``gap`` metres apart
    (collision-free), like a designed room; ``overlaps`` of them are then pushed 10 cm into the
    next object of their row (an RL rollout's typical mistakes)."""
    rng = np.random.default_rng(seed)
    picks = []
    for _ in range(count):
        jid, size = assets[int(rng.integers(len(assets)))]
        picks.append((str(jid), tuple(float(v) for v in size)))
    row_len = float(np.sqrt(sum(sz[0] * sz[2] for _, sz in picks) * 2.0))
    objs: list[SceneObject] = []
    x = z = row_depth = 0.0
    width = 0.0
    for jid, size in picks:
        if x + size[0] > row_len and x > 0:
            z, x, row_depth = z + row_depth + gap, 0.0, 0.0
        yaw = 0.0 if rng.random() < 0.5 else np.pi
        objs.append(
            SceneObject("", jid, size, (x + size[0] / 2, 0.0, z + size[2] / 2), yaw_to_quat(yaw), jid=jid, asset_source="builtin")
        )
        x += size[0] + gap
        width = max(width, x)
        row_depth = max(row_depth, size[2])
    depth = z + row_depth
    for k in rng.choice(len(objs) - 1, size=overlaps, replace=False) if overlaps else []:
        o = objs[int(k)]
        o.pos = (o.pos[0] + 0.10, o.pos[1], o.pos[2])
    for o in objs:  # centre the block in a room 0.5 m larger on each side
        o.pos = (o.pos[0] - width / 2, 0.0, o.pos[2] - depth / 2)
    w, d = width / 2 + 0.5, depth / 2 + 0.5
    return make_room([[-w, -d], [w, -d], [w, d], [-w, d]], 2.7, objects=objs)


def baseline_mesh(scene, resolver) -> tuple[float, float]:
    placed = place_scene(scene, resolver, cache={})  # nothing reused across scenes
    n = len(scene.objects)
    import fcl

    objs = [fcl.CollisionObject(fcl_geometry(placed.world(i))) for i in range(n)]
    colliding = set()
    for i, j in itertools.combinations(range(n), 2):
        depth = pair_contact(objs[i], objs[j])
        if depth is not None and depth > 0.01:
            colliding |= {i, j}
    poly = room_polygon(scene.floor_xz, 0.001)
    oob = [outside_fraction(placed.world(i), poly, -0.001, scene.ceiling_y + 0.001, 500, i) > 0.01 for i in range(n)]
    return 100.0 * len(colliding) / n, 100.0 * sum(oob) / n


def baseline_voxel(scene, resolver, pitch: float = 0.05) -> float:
    placed = place_scene(scene, resolver, cache={})  # nothing reused across scenes
    room_mesh = trimesh.creation.extrude_polygon(__import__("shapely").Polygon(scene.floor_xz), scene.ceiling_y)
    swap_yz = np.array([[1, 0, 0, 0], [0, 0, 1, 0], [0, 1, 0, 0], [0, 0, 0, 1]], dtype=float)
    room_mesh.apply_transform(swap_yz)  # polygon in XY extruded along +Z -> floor in XZ, height along +Y

    def vox(m):
        v = m.voxelized(pitch).fill()
        return {tuple(p) for p in np.round(v.points / pitch).astype(int)}

    room = vox(room_mesh)
    sets = [vox(placed.world(i)) for i in range(len(scene.objects))]
    oob = sum(len(s - room) for s in sets)
    col = sum(len(a & b) for a, b in itertools.combinations(sets, 2))
    return (oob + col) * pitch**3


def warm_ms(fn, repeats: int) -> float:
    """Median wall time (ms) of ``fn()`` over ``repeats`` calls after one warm-up call."""
    fn()
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return 1000.0 * float(np.median(times))


def warm_forty(resolver, assets, seed: int, repeats: int) -> None:
    """Warm ms per 40-object scene (the RL reward case) next to the per-pair baseline, same run."""
    fast = PhysicsConfig(exact_depth=False)
    bare = PhysicsConfig(exact_depth=False, oob_volume=False)
    cases = (
        ("collision-free, packed", make_packed_scene(40, assets, seed)),
        ("6 overlaps, packed", make_packed_scene(40, assets, seed, overlaps=6)),
        ("mixed (bench scene 0)", make_scenes(1, assets, seed)[0]),
    )
    print(f"warm ms per 40-object scene (median of {repeats}; targets: free <= 30, with overlaps <= 60)")
    print("(exact: deepest depth per pair; fast: exact_depth=False, same verdicts; no vol.: also oob_volume=False)")
    print(
        f"{'':24s}{'ours exact':>11s}{'ours fast':>10s}{'no vol.':>9s}{'per-pair':>10s}{'speed-up':>9s}{'  CNR/OBR %':>14s}{'pairs':>6s}"
    )
    for name, scene in cases:
        exact = warm_ms(lambda s=scene: evaluate_physics(s, resolver), repeats)
        quick = warm_ms(lambda s=scene: evaluate_physics(s, resolver, fast), repeats)
        novol = warm_ms(lambda s=scene: evaluate_physics(s, resolver, bare), repeats)
        base = warm_ms(lambda s=scene: baseline_mesh(s, resolver), max(1, repeats // 5))
        rep = evaluate_physics(scene, resolver)
        print(
            f"{name:24s}{exact:11.1f}{quick:10.1f}{novol:9.1f}{base:10.1f}{base / exact:8.1f}x"
            f"{rep.collision_rate:7.1f}/{rep.oob_rate:<6.1f}{len(rep.collision_pairs):6d}"
        )


def timed(fn, items) -> tuple[list, np.ndarray]:
    out, times = [], []
    for it in items:
        t0 = time.perf_counter()
        out.append(fn(it))
        times.append(time.perf_counter() - t0)
    return out, np.array(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--scenes", type=int, default=200)
    ap.add_argument("--baseline-scenes", type=int, default=20, help="the baseline is slow: time it on the first N scenes")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--repeats", type=int, default=20, help="calls per warm 40-object timing")
    ap.add_argument("--warm-only", action="store_true", help="only the warm 40-object timings (the RL reward case)")
    args = ap.parse_args()
    resolver, assets, source = mesh_source()
    for jid, size in assets:  # the catalog builds each procedural mesh on first use: neither side pays for that
        resolver.resolve(SceneObject("", str(jid), size, (0.0, 0.0, 0.0), jid=str(jid), asset_source="builtin"))
    if args.warm_only:
        print(f"meshes: {source}")
        warm_forty(resolver, assets, args.seed, args.repeats)
        return
    scenes = make_scenes(args.scenes, assets, args.seed)
    counts = np.array([len(s.objects) for s in scenes])
    print(f"{len(scenes)} scenes, {counts.min()}-{counts.max()} objects (mean {counts.mean():.1f}), meshes: {source}")
    warm = make_scenes(1, assets, args.seed + 1)[0]  # warm imports and the resolver's caches on another scene
    evaluate_physics(warm, resolver)
    evaluate_voxels(warm, resolver)

    mesh_rep, t_mesh = timed(lambda s: evaluate_physics(s, resolver), scenes)  # cold: each asset + size seen first here
    _, t_mesh_warm = timed(lambda s: evaluate_physics(s, resolver), scenes)  # the same scenes again (RL: every turn)
    _, t_mesh_novol = timed(lambda s: evaluate_physics(s, resolver, PhysicsConfig(oob_volume=False)), scenes)
    vox_rep, t_vox = timed(lambda s: evaluate_voxels(s, resolver), scenes)
    nb = min(args.baseline_scenes, len(scenes))
    base_mesh, tb_mesh = timed(lambda s: baseline_mesh(s, resolver), scenes[:nb])
    base_vox, tb_vox = timed(lambda s: baseline_voxel(s, resolver), scenes[:nb])

    agree = sum(abs(r.collision_rate - b[0]) < 1e-9 and abs(r.oob_rate - b[1]) < 1e-9 for r, b in zip(mesh_rep, base_mesh))
    pbl_diff = np.array([abs(r.pbl - b) / max(b, 1e-9) for r, b in zip(vox_rep, base_vox)])
    forty = counts == 40
    print(f"{int(forty.sum())} scenes have 40 objects ({int(forty[:nb].sum())} of them in the baseline's share)")
    print(
        f"{'':14s}{'ours scenes/s':>14s}{'baseline sc/s':>15s}{'speed-up':>10s}{'40-obj median / max (s)':>25s}{'40-obj baseline (s)':>21s}"
    )
    rows = (
        ("mesh, cold", t_mesh, tb_mesh),
        ("mesh, warm", t_mesh_warm, tb_mesh),
        ("  no OOB vol.", t_mesh_novol, tb_mesh),
        ("voxel PBL", t_vox, tb_vox),
    )
    for name, t, tb in rows:
        ours_rate = len(t) / t.sum()
        base_rate = len(tb) / tb.sum()
        print(
            f"{name:14s}{ours_rate:14.2f}{base_rate:15.2f}{ours_rate / base_rate:9.1f}x"
            f"{np.median(t[forty]):15.3f} / {t[forty].max():.3f}{np.median(tb[forty[:nb]]):21.3f}"
        )
    print(
        f"agreement with baseline on {nb} scenes: CNR/OBR identical in {agree}/{nb}; "
        f"voxel PBL median relative difference {np.median(pbl_diff):.3f}"
    )
    warm_forty(resolver, assets, args.seed, args.repeats)
    print(
        f"mean CNR {np.mean([r.collision_rate for r in mesh_rep]):.1f}%  OBR {np.mean([r.oob_rate for r in mesh_rep]):.1f}%  "
        f"PBL {np.mean([r.pbl for r in vox_rep]):.3f} m3"
    )


if __name__ == "__main__":
    main()
