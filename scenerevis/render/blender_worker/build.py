"""build.py: inside the Blender worker, turn one JSON render job into a Blender scene and render its cameras.

Runs in the worker process only (bpy, numpy, stdlib). Every coordinate in a job is already in
Blender's frame (Z up); the parent converted it with :func:`scenerevis.render.axes.scene_to_blender`.
Colours in jobs are linear RGB floats. Imported asset meshes stay cached by key between jobs; all
objects, cameras, lights and room meshes of a job are deleted before the next one.
"""

from __future__ import annotations

import math
import time
from collections import OrderedDict
from typing import Any

import numpy as np

from scenerevis._optional import require

#: Name of the collection holding one job's objects.
JOB_COLLECTION = "scenerevis_job"
#: Most asset meshes kept imported between jobs.
ASSET_CACHE_SIZE = 256
#: Corners and faces of the unit placeholder box, Blender frame (bottom-centre at the origin, Z up).
BOX_VERTS = [(x, y, z) for z in (0.0, 1.0) for y in (-0.5, 0.5) for x in (-0.5, 0.5)]
BOX_FACES = [(0, 2, 3, 1), (4, 5, 7, 6), (0, 1, 5, 4), (2, 6, 7, 3), (0, 4, 6, 2), (1, 3, 7, 5)]


def srgb_to_linear(c: np.ndarray) -> np.ndarray:
    """sRGB-encoded values in [0, 1] -> linear (IEC 61966-2-1)."""
    c = np.asarray(c, dtype=float)
    return np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)


class WorkerState:
    """What survives between jobs in one worker: imported asset meshes and colour materials."""

    def __init__(self) -> None:
        self.bpy = require("bpy")
        self.assets: OrderedDict[str, list[tuple[Any, Any]]] = OrderedDict()
        self.materials: dict[tuple[float, ...], Any] = {}
        self.devices: dict[str, str] = {}  # requested Cycles device -> "CPU"/"GPU" (probed once per worker)
        self.jobs_done = 0

    # ------------------------------------------------------------------ materials
    def color_material(self, rgb) -> Any:
        """A cached material of linear colour ``rgb`` (node base colour and Workbench colour)."""
        key = tuple(round(float(v), 4) for v in rgb[:3])
        mat = self.materials.get(key)
        if mat is None:
            bpy = self.bpy
            mat = bpy.data.materials.new(f"srv_color_{len(self.materials)}")
            mat.use_fake_user = True
            mat.use_nodes = True
            bsdf = mat.node_tree.nodes.get("Principled BSDF")
            bsdf.inputs["Base Color"].default_value = (*key, 1.0)
            bsdf.inputs["Roughness"].default_value = 0.8
            mat.diffuse_color = (*key, 1.0)
            mat.roughness = 0.8
            self.materials[key] = mat
        return mat

    def vertex_colors_to_materials(self, mesh) -> None:
        """Replace a mesh's vertex colours by one flat material per distinct face colour, so every
        engine (Workbench included) shows them. Textured meshes are left alone."""
        if not len(mesh.color_attributes):
            return
        for mat in mesh.materials:
            if mat is not None and mat.use_nodes and any(n.type == "TEX_IMAGE" for n in mat.node_tree.nodes):
                return
        attr = mesh.color_attributes[mesh.color_attributes.render_color_index]
        buf = np.empty(len(attr.data) * 4, dtype=np.float32)
        attr.data.foreach_get("color", buf)
        cols = buf.reshape(-1, 4)[:, :3]
        n_poly = len(mesh.polygons)
        starts = np.empty(n_poly, dtype=np.int32)
        totals = np.empty(n_poly, dtype=np.int32)
        mesh.polygons.foreach_get("loop_start", starts)
        mesh.polygons.foreach_get("loop_total", totals)
        if attr.domain == "POINT":
            loop_vert = np.empty(len(mesh.loops), dtype=np.int32)
            mesh.loops.foreach_get("vertex_index", loop_vert)
            cols = cols[loop_vert]
        face = np.add.reduceat(cols, starts, axis=0) / totals[:, None]
        # file values are sRGB-encoded 8-bit colours (trimesh convention): quantise, then linearise
        q = np.clip(np.round(face * 255.0), 0, 255).astype(np.int32)
        uniq, inverse = np.unique(q, axis=0, return_inverse=True)
        mesh.materials.clear()
        for rgb in uniq:
            mesh.materials.append(self.color_material(srgb_to_linear(rgb / 255.0)))
        mesh.polygons.foreach_set("material_index", inverse.reshape(-1).astype(np.int32))

    # ------------------------------------------------------------------ assets
    def asset_parts(self, key: str, path: str) -> list[tuple[Any, Any]]:
        """(mesh datablock, 4x4 local matrix) pairs of the asset file, imported once per key."""
        if key in self.assets:
            self.assets.move_to_end(key)
            return self.assets[key]
        bpy = self.bpy
        before = set(bpy.data.objects)
        try:
            if path.lower().endswith((".glb", ".gltf")):
                bpy.ops.import_scene.gltf(filepath=path)
            elif path.lower().endswith(".obj"):
                bpy.ops.wm.obj_import(filepath=path, forward_axis="NEGATIVE_Z", up_axis="Y")
            else:
                raise ValueError("unsupported mesh file type (expected .glb, .gltf or .obj)")
        except (RuntimeError, ValueError) as err:
            raise RuntimeError(f"cannot import asset {path}: {err}") from err
        new = [o for o in bpy.data.objects if o not in before]
        parts = []
        for o in new:
            if o.type == "MESH":
                o.data.use_fake_user = True
                self.vertex_colors_to_materials(o.data)
                parts.append((o.data, o.matrix_world.copy()))
        bpy.data.batch_remove(new)
        if not parts:
            raise ValueError(f"{path}: the file holds no mesh")
        self.assets[key] = parts
        while len(self.assets) > ASSET_CACHE_SIZE:
            _, old = self.assets.popitem(last=False)
            bpy.data.batch_remove([m for m, _ in old])
        return parts

    def box_mesh(self) -> Any:
        """The shared unit placeholder box mesh."""
        bpy = self.bpy
        mesh = bpy.data.meshes.get("srv_unit_box")
        if mesh is None:
            mesh = bpy.data.meshes.new("srv_unit_box")
            mesh.from_pydata(BOX_VERTS, [], BOX_FACES)
            mesh.use_fake_user = True
            mesh.materials.append(self.color_material((0.8, 0.8, 0.8)))
            mesh.update()
        return mesh

    # ------------------------------------------------------------------ per job
    def clear_job(self) -> None:
        """Delete every object, camera, light and per-job mesh of the previous job."""
        bpy = self.bpy
        coll = bpy.data.collections.get(JOB_COLLECTION)
        if coll is None:
            coll = bpy.data.collections.new(JOB_COLLECTION)
            bpy.context.scene.collection.children.link(coll)
        doomed = list(coll.objects)
        data = [o.data for o in doomed if o.data is not None and o.data.name.startswith("srvjob_")]
        bpy.data.batch_remove(doomed)
        bpy.data.batch_remove(data)
        # anything else linked to the scene directly (e.g. left by a failed import) goes too
        stray = [o for o in bpy.context.scene.collection.objects]
        if stray:
            bpy.data.batch_remove(stray)

    def job_collection(self) -> Any:
        return self.bpy.data.collections[JOB_COLLECTION]


def _new_object(state: WorkerState, name: str, data, matrix=None) -> Any:
    from mathutils import Matrix

    obj = state.bpy.data.objects.new(name, data)
    if matrix is not None:
        obj.matrix_world = Matrix(matrix)
    state.job_collection().objects.link(obj)
    return obj


def _setup_engine(state: WorkerState, job: dict) -> None:
    bpy = state.bpy
    scene = bpy.context.scene
    r = scene.render
    engine = job["engine"]
    r.engine = {"workbench": "BLENDER_WORKBENCH", "cycles": "CYCLES", "eevee": "BLENDER_EEVEE_NEXT"}[engine]
    r.resolution_percentage = 100
    r.pixel_aspect_x = r.pixel_aspect_y = 1.0
    r.film_transparent = False
    r.use_persistent_data = True
    r.image_settings.file_format = "PNG"
    r.image_settings.color_mode = "RGB"
    r.image_settings.color_depth = "8"
    scene.view_settings.view_transform = "Standard"
    scene.view_settings.look = "None"
    scene.view_settings.exposure = float(job.get("exposure", 0.0))
    scene.view_settings.gamma = 1.0
    flat = job["shading"] == "flat"
    if engine == "workbench":
        shading = scene.display.shading
        shading.light = "FLAT" if flat else "STUDIO"
        shading.color_type = "TEXTURE"
        shading.studio_light = "Default"
        shading.show_shadows = False  # Workbench shadows of the open room read as stray dark polygons
        shading.show_cavity = False
        shading.show_specular_highlight = False
        scene.display.render_aa = "OFF" if flat else "FXAA"  # FXAA: ~4x cheaper than 8 AA samples
    elif engine == "cycles":
        c = scene.cycles
        c.samples = int(job["samples"])
        c.preview_samples = int(job["samples"])
        c.seed = 0
        c.use_adaptive_sampling = float(job["adaptive_threshold"]) > 0
        c.adaptive_threshold = float(job["adaptive_threshold"])
        c.use_denoising = bool(job["denoise"])
        c.denoiser = "OPENIMAGEDENOISE"
        c.denoising_input_passes = "RGB_ALBEDO_NORMAL"
        c.denoising_prefilter = "FAST"
        c.denoising_quality = str(job.get("denoise_quality", "fast")).upper()
        c.max_bounces, c.diffuse_bounces, c.glossy_bounces = 3, 2, 1
        c.transmission_bounces, c.transparent_max_bounces, c.volume_bounces = 2, 2, 0
        c.caustics_reflective = c.caustics_refractive = False
        c.use_light_tree = False
        if job["device"] not in state.devices:
            state.devices[job["device"]] = _cycles_device(state, job["device"])
        c.device = state.devices[job["device"]]
    else:
        scene.eevee.taa_render_samples = int(job["samples"])


def _cycles_device(state: WorkerState, wanted: str) -> str:
    """``"GPU"`` when a GPU compute device is enabled, else ``"CPU"``; ``wanted == "gpu"`` without one raises."""
    if wanted == "cpu":
        return "CPU"
    prefs = state.bpy.context.preferences.addons["cycles"].preferences
    for kind in ("OPTIX", "CUDA", "HIP", "ONEAPI", "METAL"):
        try:
            prefs.compute_device_type = kind
        except TypeError:
            continue
        prefs.get_devices()
        gpus = [d for d in prefs.devices if d.type != "CPU"]
        if gpus:
            for d in prefs.devices:
                d.use = d.type != "CPU"
            return "GPU"
    if wanted == "gpu":
        raise RuntimeError("device 'gpu' requested but Cycles found no GPU compute device")
    return "CPU"


def _setup_world(state: WorkerState, job: dict) -> None:
    """Background colour for camera rays; neutral sky light of ``ambient`` strength for shading."""
    bpy = state.bpy
    world = bpy.data.worlds.get("srv_world") or bpy.data.worlds.new("srv_world")
    bpy.context.scene.world = world
    bg = tuple(job["background"])
    # Workbench shows world.color as the background after exposure: pre-divide so it reads as ``bg``
    gain = 2.0 ** float(job.get("exposure", 0.0)) if job["engine"] == "workbench" else 1.0
    world.color = tuple(v / gain for v in bg)
    world.use_nodes = True
    nt = world.node_tree
    nt.nodes.clear()
    out = nt.nodes.new("ShaderNodeOutputWorld")
    visible = nt.nodes.new("ShaderNodeBackground")
    visible.inputs["Color"].default_value = (*bg, 1.0)
    light = nt.nodes.new("ShaderNodeBackground")
    light.inputs["Color"].default_value = (1.0, 1.0, 1.0, 1.0)
    light.inputs["Strength"].default_value = float(job["ambient"])
    path = nt.nodes.new("ShaderNodeLightPath")
    mix = nt.nodes.new("ShaderNodeMixShader")
    nt.links.new(path.outputs["Is Camera Ray"], mix.inputs["Fac"])
    nt.links.new(light.outputs["Background"], mix.inputs[1])
    nt.links.new(visible.outputs["Background"], mix.inputs[2])
    nt.links.new(mix.outputs["Shader"], out.inputs["Surface"])


def _add_sun(state: WorkerState, job: dict) -> None:
    from mathutils import Vector

    bpy = state.bpy
    sun = bpy.data.lights.new("srvjob_sun", "SUN")
    sun.energy = float(job["sun_strength"])
    sun.angle = math.radians(float(job.get("sun_angle_deg", 8.0)))
    obj = _new_object(state, "srvjob_sun", sun)
    obj.rotation_mode = "QUATERNION"
    obj.rotation_quaternion = Vector(job["sun_direction"]).to_track_quat("-Z", "Y")


def render_job(state: WorkerState, job: dict) -> dict:
    """Build ``job``'s scene and write one PNG per camera to the camera's ``output`` path.

    Returns ``{"timings": {...seconds...}, "objects": n}``.
    """
    from mathutils import Matrix

    bpy = state.bpy
    t0 = time.perf_counter()
    state.clear_job()
    _setup_engine(state, job)
    _setup_world(state, job)
    for part in job["room"]:
        mesh = bpy.data.meshes.new(f"srvjob_{part['name']}")
        mesh.from_pydata([tuple(v) for v in part["vertices"]], [], [tuple(f) for f in part["faces"]])
        mesh.update()
        mesh.materials.append(state.color_material(part["color"]))
        _new_object(state, f"room_{part['name']}", mesh)
    t_import = 0.0
    n = 0
    for item in job["objects"]:
        if item["kind"] == "box":
            obj = _new_object(state, item["id"], state.box_mesh(), item["matrix"])
            obj.material_slots[0].link = "OBJECT"
            obj.material_slots[0].material = state.color_material(item["color"])
            n += 1
            continue
        ti = time.perf_counter()
        parts = state.asset_parts(item["key"], item["path"])
        t_import += time.perf_counter() - ti
        m = Matrix(item["matrix"])
        for i, (mesh, local) in enumerate(parts):
            obj = _new_object(state, f"{item['id']}#{i}", mesh)
            obj.matrix_world = m @ local
            n += 1
    if job["engine"] != "workbench":
        _add_sun(state, job)
    t_build = time.perf_counter() - t0
    renders = {}
    scene = bpy.context.scene
    for cam in job["cameras"]:
        tr = time.perf_counter()
        data = bpy.data.cameras.new(f"srvjob_cam_{cam['name']}")
        data.sensor_fit = "VERTICAL"
        data.clip_start, data.clip_end = float(cam["znear"]), float(cam["zfar"])
        if cam["type"] == "orthographic":
            data.type = "ORTHO"
            data.ortho_scale = float(cam["ortho_height"])
        else:
            data.type = "PERSP"
            data.angle_y = float(cam["yfov"])
        obj = _new_object(state, f"cam_{cam['name']}", data, cam["matrix"])
        scene.camera = obj
        scene.render.resolution_x, scene.render.resolution_y = int(cam["width"]), int(cam["height"])
        scene.render.filepath = cam["output"]
        bpy.ops.render.render(write_still=True)
        renders[cam["name"]] = time.perf_counter() - tr
    state.jobs_done += 1
    return {"timings": {"build": t_build, "import": t_import, "render": renders, "total": time.perf_counter() - t0}, "objects": n}
