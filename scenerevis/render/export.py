"""export.py: write a whole scene (room floor, wall outline, placed and scaled assets with colours) as one GLB file.

The GLB is in the scene frame (metres, Y up), which is also glTF's convention, so any viewer shows
it upright. Node names: ``floor``, ``walls``, ``object:<instance id>``.
"""

from __future__ import annotations

import os
from pathlib import Path

from scenerevis.fileio import atomic_write_bytes
from scenerevis.render.config import RenderConfig
from scenerevis.render.geometry import scene_meshes
from scenerevis.scene.model import Scene
from scenerevis.scene.placement import MeshResolver


def scene_to_trimesh(scene: Scene, resolver: MeshResolver | None = None, config: RenderConfig | None = None):
    """``trimesh.Scene`` of the room and every object, world frame (objects without a mesh: placeholder boxes)."""
    import trimesh

    out = trimesh.Scene()
    for name, mesh in scene_meshes(scene, config or RenderConfig(), resolver).items():
        out.add_geometry(mesh, node_name=name, geom_name=name)
    return out


def export_scene_glb(
    scene: Scene, path: str | os.PathLike, resolver: MeshResolver | None = None, config: RenderConfig | None = None
) -> Path:
    """Write ``scene`` as a binary glTF to ``path`` atomically; returns the path."""
    data = scene_to_trimesh(scene, resolver, config).export(file_type="glb")
    return atomic_write_bytes(path, data)
