"""render: top-down + diagonal renders of a scene (Blender worker or fast GL), merged image, overlays and GLB export.

Importing this package loads neither bpy nor pyrender; backends load them when first used.
Typical use::

    from scenerevis.render import RenderConfig, SceneRenderer
    with SceneRenderer(RenderConfig(engine="cycles"), resolver) as r:
        r.render_merged_png(scene, "merged.png")
"""

from scenerevis.render.api import RenderResult, SceneRenderer, render_scene
from scenerevis.render.axes import scene_to_blender
from scenerevis.render.backends import RenderError, get_backend_class, known_backends, register_backend
from scenerevis.render.camera import Camera, diagonal_camera, make_cameras, top_camera
from scenerevis.render.compose import merge_views, placeholder_image
from scenerevis.render.config import ENGINES, OVERLAYS, VIEWS, RenderConfig
from scenerevis.render.export import export_scene_glb, scene_to_trimesh
from scenerevis.render.overlays import draw_overlays

__all__ = [
    "Camera",
    "ENGINES",
    "OVERLAYS",
    "RenderConfig",
    "RenderError",
    "RenderResult",
    "SceneRenderer",
    "VIEWS",
    "diagonal_camera",
    "draw_overlays",
    "export_scene_glb",
    "get_backend_class",
    "known_backends",
    "make_cameras",
    "merge_views",
    "placeholder_image",
    "register_backend",
    "render_scene",
    "scene_to_blender",
    "scene_to_trimesh",
    "top_camera",
]
