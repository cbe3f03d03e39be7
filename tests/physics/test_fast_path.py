"""The cached, broad-phased, vectorised mesh check gives the same verdicts (and, in exact mode, the same
depths) as a straightforward reference on seeded scenes: every pair narrow-phased with FCL geometry
built afresh, every object's world mesh sampled."""

import itertools

import fcl
import numpy as np
import pytest
import trimesh

from scenerevis.physics import PhysicsConfig, evaluate_physics, place_scene
from scenerevis.physics.bounds import outside_volume, points_inside, room_polygon, room_prism_mesh
from scenerevis.physics.collision import fcl_geometry, pair_contact
from scenerevis.scene import SceneObject, make_room, yaw_to_quat


def _meshes() -> dict[str, trimesh.Trimesh]:
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
        "round": trimesh.creation.cylinder(radius=0.5, height=1.0, sections=24),
    }


class _Resolver:
    def __init__(self):
        self.meshes = _meshes()
        self.calls = 0

    def resolve(self, o):
        self.calls += 1
        return self.meshes.get(o.jid)


SIZES = {"table": (1.2, 0.75, 0.8), "chair": (0.5, 0.9, 0.5), "round": (0.5, 0.6, 0.5), None: (0.9, 0.8, 0.5)}


def _scene(seed: int, count: int = 24):
    rng = np.random.default_rng(seed)
    objs = []
    for k in range(count):
        jid = [None, "table", "chair", "round"][int(rng.integers(4))]
        size = tuple(float(v) * rng.uniform(0.9, 1.1) for v in SIZES[jid])
        pos = (float(rng.uniform(-3.0, 3.0)), 0.0, float(rng.uniform(-2.5, 2.5)))
        yaw = float(rng.choice([0.0, np.pi / 2])) if rng.random() < 0.7 else float(rng.uniform(-np.pi, np.pi))
        objs.append(SceneObject(f"o{k}", jid or "box", size, pos, yaw_to_quat(yaw), jid=jid))
    return make_room([[-3, -2.5], [3, -2.5], [3, 2.5], [-3, 2.5]], 2.7, objects=objs)


def _reference(scene, resolver, cfg: PhysicsConfig):
    """Colliding pairs {(a, b): deepest depth} and OOB fraction per object, the slow, obvious way."""
    placed = place_scene(scene, resolver, cache={})
    n = len(scene.objects)
    objs = [
        fcl.CollisionObject(
            fcl_geometry(placed.local[i]), fcl.Transform(placed.transforms[i][:3, :3], placed.transforms[i][:3, 3])
        )
        for i in range(n)
    ]
    pairs = {}
    for i, j in itertools.combinations(range(n), 2):
        depth = pair_contact(objs[i], objs[j])
        if depth is not None and depth > cfg.depth_threshold:
            pairs[(scene.objects[i].id, scene.objects[j].id)] = depth
    poly = room_polygon(scene.floor_xz, cfg.oob_buffer)
    y0, y1 = scene.floor_y - cfg.oob_buffer, scene.ceiling_y + cfg.oob_buffer
    fractions = {}
    for i, o in enumerate(scene.objects):
        pts, _ = trimesh.sample.sample_surface(placed.world(i), cfg.oob_samples, seed=cfg.seed + i)
        fractions[o.id] = float(1.0 - points_inside(pts, poly, y0, y1).mean())
    return pairs, fractions


@pytest.mark.parametrize("seed", [0, 1, 2, 3])
def test_same_verdicts_and_depths_as_the_reference(seed):
    resolver = _Resolver()
    scene = _scene(seed)
    cfg = PhysicsConfig(ignore_floor_coverings=False)
    ref_pairs, ref_frac = _reference(scene, resolver, cfg)
    assert ref_pairs and any(f > 0.01 for f in ref_frac.values())  # the scenes do exercise both checks
    for _ in range(2):  # the second call runs from the caches
        rep = evaluate_physics(scene, resolver, cfg)
        assert {(p["a"], p["b"]): p["depth"] for p in rep.collision_pairs} == pytest.approx(ref_pairs, abs=1e-9)
        for oid, f in ref_frac.items():
            assert rep.objects[oid].oob_fraction == pytest.approx(f, abs=2.0 / cfg.oob_samples)
            assert rep.objects[oid].out_of_bounds == (f > cfg.oob_fraction_threshold)
    # OOB volumes: the cached object-frame solid, transformed, against the world mesh's own solid
    placed, room_mesh = place_scene(scene, resolver, cache={}), room_prism_mesh(scene.floor_xz, scene.floor_y, scene.ceiling_y)
    ids = [o.id for o in scene.objects]
    for oid in rep.oob_objects:
        expected = outside_volume(placed.world(ids.index(oid)), room_mesh)
        if expected is not None:
            assert rep.objects[oid].oob_volume == pytest.approx(expected, rel=1e-5, abs=1e-9)
    fast = evaluate_physics(scene, resolver, PhysicsConfig(ignore_floor_coverings=False, exact_depth=False))
    assert {(p["a"], p["b"]) for p in fast.collision_pairs} == set(ref_pairs)
    assert fast.colliding_objects == rep.colliding_objects and fast.oob_objects == rep.oob_objects
    assert all(cfg.depth_threshold < p["depth"] <= ref_pairs[(p["a"], p["b"])] + 1e-12 for p in fast.collision_pairs)


def test_assets_are_resolved_once_per_resolver_and_size():
    resolver = _Resolver()
    scene = _scene(7)
    evaluate_physics(scene, resolver)
    first = resolver.calls
    assert 0 < first <= len(scene.objects)
    evaluate_physics(scene, resolver)
    assert resolver.calls == first  # warm: nothing resolved again
    other = _Resolver()  # another resolver object has its own cache
    evaluate_physics(scene, other)
    assert other.calls == first


def test_geometry_cache_is_bounded(monkeypatch):
    from scenerevis.physics import geometry

    monkeypatch.setattr(geometry, "_CACHE_SIZE", 3)
    cache: dict = {}
    scene = _scene(5, count=12)  # a dozen distinct sizes
    placed = place_scene(scene, _Resolver(), cache=cache)
    assert len(cache) == 3 and len(placed.local) == 12
    keys = list(cache)
    assert keys[-1][3] == tuple(round(float(v), 6) for v in scene.objects[-1].size)  # the newest are kept
