"""meshio.py: export a face-coloured mesh as a GLB whose parts carry PBR base colours, and read mesh files back.

The GLB holds one primitive per colour with a ``pbrMetallicRoughness.baseColorFactor`` material, so
Blender's glTF importer and any glTF viewer show the colours without a vertex-colour node setup.
Face colours are sRGB (0-255); glTF base colour factors are linear, so both directions convert.
"""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np

from scenerevis.assets.palette import finish_for_rgba


def srgb_to_linear(rgb: np.ndarray) -> np.ndarray:
    """sRGB channel values in [0, 1] -> linear values (glTF ``baseColorFactor`` is linear)."""
    c = np.asarray(rgb, dtype=float)
    return np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)


def linear_to_srgb(lin: np.ndarray) -> np.ndarray:
    """Linear channel values in [0, 1] -> sRGB values in [0, 1]."""
    c = np.clip(np.asarray(lin, dtype=float), 0.0, 1.0)
    return np.where(c <= 0.0031308, c * 12.92, 1.055 * c ** (1 / 2.4) - 0.055)


def coloured_scene(mesh):
    """A ``trimesh.Scene`` with one geometry per distinct face colour of ``mesh``, each with a PBR material."""
    import trimesh
    from trimesh.visual.material import PBRMaterial

    colors = np.asarray(mesh.visual.face_colors, dtype=np.uint8)
    scene = trimesh.Scene()
    uniq, inverse = np.unique(colors, axis=0, return_inverse=True)
    for i, rgba in enumerate(uniq):
        faces = np.nonzero(inverse.reshape(-1) == i)[0]
        part = mesh.submesh([faces], append=True, repair=False)
        fin = finish_for_rgba(rgba)
        metallic = 0.8 if (fin is not None and fin.metallic) else 0.0
        rough = 0.35 if metallic else 0.75
        part.visual = trimesh.visual.TextureVisuals(
            material=PBRMaterial(
                name=f"c{int(rgba[0]):02x}{int(rgba[1]):02x}{int(rgba[2]):02x}",
                baseColorFactor=[*srgb_to_linear(rgba[:3] / 255.0), rgba[3] / 255.0],
                metallicFactor=metallic,
                roughnessFactor=rough,
                doubleSided=False,
            )
        )
        scene.add_geometry(part, geom_name=f"part_{i:02d}")
    return scene


def glb_bytes(mesh) -> bytes:
    """GLB file content for a face-coloured mesh (see :func:`coloured_scene`)."""
    return coloured_scene(mesh).export(file_type="glb")


def _main_color(mesh) -> np.ndarray:
    """(4,) uint8 RGBA that best represents ``mesh``'s visual (material base colour, or mean colour)."""
    vis = mesh.visual
    material = getattr(vis, "material", None)
    if material is not None:
        try:
            lin = np.asarray(material.main_color, dtype=float) / 255.0  # glTF base colours are linear
            rgb = np.round(linear_to_srgb(lin[:3]) * 255.0)
            return np.array([*rgb, lin[3] * 255.0], dtype=float).round().astype(np.uint8)
        except Exception:  # noqa: BLE001 - odd materials fall back to grey
            return np.array([180, 180, 180, 255], np.uint8)
    try:
        return np.asarray(vis.face_colors, dtype=float).mean(axis=0).astype(np.uint8)
    except Exception:  # noqa: BLE001
        return np.array([180, 180, 180, 255], np.uint8)


def load_coloured(path: str | os.PathLike):
    """Load a GLB/OBJ as one ``trimesh.Trimesh``, turning per-part material colours into face colours.

    Raises ``FileNotFoundError`` when the file is missing and ``ValueError`` (naming the file) when it
    holds no triangles. Textured meshes keep their texture visuals when they are a single part.
    """
    import trimesh

    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"{path}: mesh file not found")
    try:
        loaded = trimesh.load(str(path), process=False)
    except Exception as err:  # noqa: BLE001 - any parser failure is reported with the file name
        raise ValueError(f"{path}: could not read mesh file ({type(err).__name__}: {err})") from err
    if isinstance(loaded, trimesh.Scene):
        geoms = [g for g in loaded.dump() if isinstance(g, trimesh.Trimesh) and len(g.faces)]
        if not geoms:
            raise ValueError(f"{path}: no triangles could be read from the mesh file")
        if len(geoms) == 1:
            return geoms[0]
        parts = []
        for g in geoms:
            g = g.copy()
            g.visual = trimesh.visual.ColorVisuals(g, face_colors=_main_color(g))
            parts.append(g)
        return trimesh.util.concatenate(parts)
    if not isinstance(loaded, trimesh.Trimesh) or len(loaded.faces) == 0:
        raise ValueError(f"{path}: no triangles could be read from the mesh file")
    return loaded
