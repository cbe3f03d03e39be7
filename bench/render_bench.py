"""render_bench.py: seconds per merged image (top + diagonal) for Workbench, Cycles-CPU and GL against the seed's pipeline.

Baseline (the seed's way, measured in the same run): one fresh Blender process per merged image that
rebuilds the whole scene for each of the two views (every object's asset file imported again, per
object), EEVEE at 512 px and 8 samples; the two PNGs are then merged. Ours: one warm worker /
GL context, both views from one scene build, imported meshes reused by asset id, low samples +
OpenImageDenoise. The scene: 20 objects from the built-in catalog (coloured boxes when
``scenerevis.assets`` is missing). Timings on a shared machine are noisy: compare the ratios.

    python bench/render_bench.py [--repeats 5] [--baseline-images 2] [--out bench_out]
"""

from __future__ import annotations

import argparse
import json
import math
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

#: (catalog id, instance id, position [x, y, z] m, yaw in degrees) of the 20-object living/dining room.
LAYOUT = [
    ("sofa_3seat-01", "sofa_1", (-1.5, 0.0, 1.95), 180),
    ("coffee_table-01", "coffee_table_1", (-1.5, 0.0, 0.6), 0),
    ("rug-01", "rug_1", (-1.5, 0.0, 0.7), 0),
    ("tv_stand-01", "tv_stand_1", (-1.5, 0.0, -2.22), 0),
    ("tv-01", "tv_1", (-1.5, 0.5, -2.25), 0),
    ("armchair-01", "armchair_1", (-2.45, 0.0, 0.55), 90),
    ("side_table-01", "side_table_1", (-2.65, 0.0, 1.95), 0),
    ("table_lamp-01", "table_lamp_1", (-2.65, 0.55, 1.95), 0),
    ("floor_lamp-01", "floor_lamp_1", (-0.2, 0.0, 2.2), 0),
    ("bookshelf-01", "bookshelf_1", (-2.8, 0.0, -0.9), 90),
    ("plant-01", "plant_1", (-2.7, 0.0, -2.2), 0),
    ("dining_table-01", "dining_table_1", (1.8, 0.0, 0.3), 0),
    ("dining_chair-01", "dining_chair_1", (1.45, 0.0, -0.4), 0),
    ("dining_chair-01", "dining_chair_2", (2.15, 0.0, -0.4), 0),
    ("dining_chair-01", "dining_chair_3", (1.45, 0.0, 1.0), 180),
    ("dining_chair-01", "dining_chair_4", (2.15, 0.0, 1.0), 180),
    ("sideboard-01", "sideboard_1", (1.8, 0.0, -2.27), 0),
    ("ceiling_lamp-01", "ceiling_lamp_1", (1.8, 1.8, 0.3), 0),
    ("cabinet-01", "cabinet_1", (2.77, 0.0, 1.8), -90),
    ("plant-01", "plant_2", (0.4, 0.0, -2.2), 0),
]

#: Catalog sizes (m) used when scenerevis.assets is not importable.
FALLBACK_SIZES = {
    "sofa_3seat-01": (2.1, 0.85, 0.9),
    "coffee_table-01": (1.1, 0.42, 0.6),
    "rug-01": (2.0, 0.01, 1.4),
    "tv_stand-01": (1.6, 0.5, 0.45),
    "tv-01": (1.25, 0.78, 0.25),
    "armchair-01": (0.8, 0.9, 0.85),
    "side_table-01": (0.5, 0.55, 0.5),
    "table_lamp-01": (0.35, 0.55, 0.35),
    "floor_lamp-01": (0.4, 1.6, 0.4),
    "bookshelf-01": (0.9, 1.9, 0.35),
    "plant-01": (0.5, 1.2, 0.5),
    "dining_table-01": (1.4, 0.75, 0.9),
    "dining_chair-01": (0.48, 0.9, 0.52),
    "sideboard-01": (1.6, 0.8, 0.45),
    "ceiling_lamp-01": (0.45, 0.9, 0.45),
    "cabinet-01": (0.9, 1.2, 0.45),
}


def bench_scene():
    """(scene, resolver, source): the 20-object 6 x 5 m room, with the built-in catalog when importable."""
    from scenerevis.scene import SceneObject, make_room, yaw_to_quat

    try:
        from scenerevis.assets import BuiltinCatalog, get_resolver

        catalog, resolver, source = BuiltinCatalog(), get_resolver("builtin"), "builtin catalog"
        sizes = {aid: tuple(catalog.get(aid).size) for aid, *_ in LAYOUT}
    except ImportError:  # without the catalog: placeholder boxes of the catalog sizes
        catalog, resolver, source, sizes = None, None, "placeholder boxes", FALLBACK_SIZES
    objects = [
        SceneObject(
            iid,
            aid.split("-")[0].replace("_", " "),
            sizes[aid],
            pos,
            yaw_to_quat(math.radians(yaw)),
            jid=aid,
            asset_source="builtin",
        )
        for aid, iid, pos, yaw in LAYOUT
    ]
    scene = make_room([[-3, -2.5], [3, -2.5], [3, 2.5], [-3, 2.5]], room_type="living", room_id="bench-living", objects=objects)
    return scene, resolver, source


# ----------------------------------------------------------------------------------- the baseline
def _baseline_render(job_path: str) -> None:
    """Inside a fresh process: for each view, reset Blender, import every object's file again, render."""
    import bpy
    from mathutils import Matrix, Vector

    job = json.loads(Path(job_path).read_text())
    for cam in job["cameras"]:
        bpy.ops.wm.read_factory_settings(use_empty=True)
        scene = bpy.context.scene
        scene.render.engine = "BLENDER_EEVEE_NEXT" if job["engine"] == "eevee" else job["engine"].upper()
        if job["engine"] == "eevee":
            scene.eevee.taa_render_samples = job["samples"]
        elif job["engine"] == "CYCLES":
            scene.cycles.samples = job["samples"]
            scene.cycles.device = "CPU"
        for part in job["room"]:
            mesh = bpy.data.meshes.new(part["name"])
            mesh.from_pydata([tuple(v) for v in part["vertices"]], [], [tuple(f) for f in part["faces"]])
            mat = bpy.data.materials.new(part["name"])
            mat.diffuse_color = (*part["color"], 1.0)
            mat.use_nodes = True
            mat.node_tree.nodes["Principled BSDF"].inputs["Base Color"].default_value = (*part["color"], 1.0)
            mesh.materials.append(mat)
            obj = bpy.data.objects.new(part["name"], mesh)
            scene.collection.objects.link(obj)
        for item in job["objects"]:
            before = set(bpy.data.objects)
            bpy.ops.import_scene.gltf(filepath=item["path"])
            for o in set(bpy.data.objects) - before:
                if o.parent is None:
                    o.matrix_world = Matrix(item["matrix"]) @ o.matrix_world
        sun = bpy.data.lights.new("sun", "SUN")
        sun.energy = 3.0
        sun_obj = bpy.data.objects.new("sun", sun)
        sun_obj.rotation_mode = "QUATERNION"
        sun_obj.rotation_quaternion = Vector(job["sun_direction"]).to_track_quat("-Z", "Y")
        scene.collection.objects.link(sun_obj)
        world = bpy.data.worlds.new("w")
        world.color = tuple(job["background"])
        scene.world = world
        data = bpy.data.cameras.new("cam")
        data.sensor_fit = "VERTICAL"
        if cam["type"] == "orthographic":
            data.type, data.ortho_scale = "ORTHO", cam["ortho_height"]
        else:
            data.angle_y = cam["yfov"]
        cam_obj = bpy.data.objects.new("cam", data)
        cam_obj.matrix_world = Matrix(cam["matrix"])
        scene.collection.objects.link(cam_obj)
        scene.camera = cam_obj
        scene.render.resolution_x, scene.render.resolution_y = cam["width"], cam["height"]
        scene.render.filepath = cam["output"]
        bpy.ops.render.render(write_still=True)


def _proc_cpu(pid: int | None) -> float:
    """CPU seconds (user + system) used so far by process ``pid`` (Linux /proc), 0 when unknown."""
    if pid is None:
        return 0.0
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return 0.0


def baseline_merged(scene, resolver, out_png: Path, engine: str = "eevee", samples: int = 8) -> tuple[float, float]:
    """(wall seconds, CPU seconds incl. the child) for one merged image the seed's way (fresh process,
    scene rebuilt per view)."""
    import resource

    import numpy as np
    from PIL import Image

    from scenerevis.fileio import atomic_write_bytes
    from scenerevis.render import RenderConfig, make_cameras, merge_views
    from scenerevis.render.backends.blender import build_job
    from scenerevis.render.compose import to_png_bytes

    cfg = RenderConfig(engine="workbench", resolution=512)
    t0, c0 = time.perf_counter(), time.process_time()
    ch0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        job = build_job(scene, make_cameras(scene, cfg), cfg, resolver, tmp, tmp, "base")
        job["engine"], job["samples"] = engine, samples
        (tmp / "job.json").write_text(json.dumps(job))
        env = dict(os.environ, PYTHONPATH=str(ROOT))
        subprocess.run(
            [sys.executable, __file__, "--baseline-job", str(tmp / "job.json")],
            check=True,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        views = {c["name"]: np.asarray(Image.open(c["output"]).convert("RGB")) for c in job["cameras"]}
        merged = merge_views(views, cfg)
        atomic_write_bytes(out_png, to_png_bytes(merged))
    ch1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    child = (ch1.ru_utime - ch0.ru_utime) + (ch1.ru_stime - ch0.ru_stime)
    return time.perf_counter() - t0, time.process_time() - c0 + child


# ----------------------------------------------------------------------------------- ours
def ours(scene, resolver, config, repeats: int, out_png: Path) -> tuple[float, list[float], list[float], dict]:
    """(cold seconds incl. worker/context start, warm wall seconds per merged image, warm CPU seconds
    per merged image incl. the Blender worker, last worker timings)."""
    from scenerevis.render import SceneRenderer

    t0 = time.perf_counter()
    with SceneRenderer(config, resolver) as r:
        first = r.render(scene)
        cold = time.perf_counter() - t0
        if not first.ok:
            raise RuntimeError(f"{config.renderer}/{config.engine} failed: {first.error}")
        warm, cpu = [], []
        worker = getattr(r.backend, "worker", None)
        for _ in range(repeats):
            pid = worker.pid if worker is not None else None
            t, c, w = time.perf_counter(), time.process_time(), _proc_cpu(pid)
            res = r.render(scene)
            warm.append(time.perf_counter() - t)
            cpu.append(time.process_time() - c + _proc_cpu(pid) - w)
        extra = getattr(r.backend, "last_reply", None) or {}
        from scenerevis.fileio import atomic_write_bytes
        from scenerevis.render.compose import to_png_bytes

        atomic_write_bytes(out_png, to_png_bytes(res.merged))
    return cold, warm, cpu, extra.get("timings", {})


def wardrobe_corner_scene():
    """The bench room with a 2.2 m wardrobe in the (-x, -z) corner, across it (the occluder case)."""
    from scenerevis.scene import SceneObject, yaw_to_quat

    scene, _, _ = bench_scene()
    scene.objects.append(SceneObject("wardrobe_1", "wardrobe", (1.2, 2.2, 0.6), (-2.45, 0.0, -1.95), yaw_to_quat(math.pi / 4)))
    return scene


def view_report(seeds: int = 4) -> None:
    """Per scene and seed: the chosen diagonal view's corner, height and the objects in sight, next to the
    seed-only corner choice at the standard height (the previous rule) on the same scene."""
    import numpy as np

    from scenerevis.render import RenderConfig
    from scenerevis.render.camera import choose_view, convex_corners, corner_camera
    from scenerevis.render.occlusion import Occluders

    print("diagonal views: objects visible (>= 25 % of their samples in sight) / objects, floor share in sight")
    for name, scene in (("bench living room", bench_scene()[0]), ("+ 2.2 m wardrobe in a corner", wardrobe_corner_scene())):
        occ = Occluders(scene)
        n = len(scene.objects)
        for seed in range(seeds):
            cfg = RenderConfig(seed=seed)
            view = choose_view(scene, cfg)
            corners = convex_corners(scene)
            old_k = corners[int(np.random.default_rng(seed).integers(len(corners)))]
            old = occ.visibility(corner_camera(scene, cfg, old_k, cfg.diag_elevation_deg).position)
            v = view.visibility
            print(
                f"  {name:30s} seed {seed}: chosen corner {view.corner} at {view.elevation_deg:.0f} deg: "
                f"{v.visible_objects}/{n} visible, floor {v.floor_share:.2f}, tall from behind {v.tall_from_behind}"
                f"  |  seed-only corner {old_k}: {old.visible_objects}/{n}, floor {old.floor_share:.2f}, "
                f"tall from behind {old.tall_from_behind}"
            )


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--repeats", type=int, default=5, help="warm merged images per engine")
    p.add_argument("--baseline-images", type=int, default=2, help="merged images rendered the seed's way")
    p.add_argument("--baseline-engines", default="eevee", help="comma list of eevee,cycles,workbench for the baseline")
    p.add_argument("--out", default="bench_out", help="folder for the merged images (to look at)")
    p.add_argument("--baseline-job", default=None, help=argparse.SUPPRESS)
    p.add_argument("--views-only", action="store_true", help="only print the diagonal view choice (no rendering)")
    args = p.parse_args(argv)
    if args.baseline_job:
        _baseline_render(args.baseline_job)
        return 0
    view_report()
    if args.views_only:
        return 0
    os.environ.setdefault("PYOPENGL_PLATFORM", "egl")
    from scenerevis.render import RenderConfig

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    scene, resolver, source = bench_scene()
    print(f"scene: {len(scene.objects)} objects from the {source}; {os.cpu_count()} CPU cores")
    rows = []
    base = {}
    for eng in args.baseline_engines.split(","):
        samples = {"eevee": 8, "cycles": 16, "workbench": 1}[eng]
        runs = [
            baseline_merged(
                scene,
                resolver,
                out / f"baseline_{eng}.png",
                {"cycles": "CYCLES", "workbench": "BLENDER_WORKBENCH"}.get(eng, eng),
                samples,
            )
            for _ in range(args.baseline_images)
        ]
        times, cpu = [w for w, _ in runs], [c for _, c in runs]
        base[eng] = statistics.mean(times)
        rows.append((f"baseline seed-style {eng} ({samples} spp)", None, times, cpu))
    ref = base.get("eevee", next(iter(base.values())))
    for name, tag, cfg in [
        ("ours blender workbench", "workbench", RenderConfig(renderer="blender", engine="workbench")),
        ("ours blender cycles-cpu", "cycles", RenderConfig(renderer="blender", engine="cycles", device="cpu")),
        ("ours gl (pyrender/EGL)", "gl", RenderConfig(renderer="gl")),
    ]:
        cold, warm, cpu, timings = ours(scene, resolver, cfg, args.repeats, out / f"ours_{tag}.png")
        rows.append((name, cold, warm, cpu))
        if timings:
            print(
                f"  {name}: worker timings of the last job: {json.dumps({k: (round(v, 3) if isinstance(v, float) else v) for k, v in timings.items()})}"
            )
    load = os.getloadavg()[0]
    print(
        f"\n1-min load average at the end: {load:.2f} on {os.cpu_count()} cores (other work on the machine inflates wall times)"
    )
    print(
        f"{'pipeline':42s} {'cold s':>7s} {'s/merged':>9s} {'min s':>7s} {'CPU s':>7s} {'x vs eevee base':>16s} {'x vs same-engine base':>22s}"
    )
    for name, cold, times, cpu in rows:
        mean = statistics.mean(times)
        same = next((base[e] for e in base if e in name or (e == "cycles" and "cycles" in name)), None)
        same_s = f"{same / mean:21.1f}x" if same and "baseline" not in name else ""
        print(
            f"{name:42s} {'' if cold is None else f'{cold:7.2f}':>7s} {mean:9.3f} {min(times):7.3f} "
            f"{statistics.mean(cpu):7.2f} {ref / mean:15.1f}x {same_s:>22s}"
        )
    print(f"\nimages written to {out}/ (baseline_*.png, ours_*.png)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
