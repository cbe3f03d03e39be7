"""hobby_shapes.py: extra watertight, coloured primitives the hobby-pack generators share.

Frame as in :mod:`scenerevis.assets.parts`: metres, Y up, front +Z. Every function returns one closed
``trimesh.Trimesh`` painted with a single RGBA colour (convex hulls, extruded outlines, discs and rings
whose axis is X or Z).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import shapely.geometry
import trimesh

from scenerevis.assets import parts as P

Color = Sequence[int]


def paint(mesh: trimesh.Trimesh, color: Color) -> trimesh.Trimesh:
    """Give every face of ``mesh`` the colour ``color`` (RGB or RGBA, 0-255) and return it."""
    rgba = list(color) + [255] * (4 - len(color))
    mesh.visual = trimesh.visual.ColorVisuals(mesh=mesh, face_colors=np.tile(np.asarray(rgba, np.uint8), (len(mesh.faces), 1)))
    return mesh


def hull(points: Sequence[Sequence[float]], color: Color) -> trimesh.Trimesh:
    """Convex hull of 3-D ``points`` (wedges, tilted boards, roof slabs)."""
    return paint(trimesh.convex.convex_hull(np.asarray(points, float)), color)


def slab(
    corners: Sequence[Sequence[float]], thick: float, color: Color, offset: Sequence[float] | None = None
) -> trimesh.Trimesh:
    """A flat convex plate: the hull of planar ``corners`` and the same corners moved by ``offset``.

    ``offset`` defaults to ``thick`` along the corners' plane normal (right-hand order of the first three).
    """
    c = np.asarray(corners, float)
    if offset is None:
        n = np.cross(c[1] - c[0], c[2] - c[0])
        offset = n / max(np.linalg.norm(n), 1e-12) * thick
    return hull(np.concatenate([c, c + np.asarray(offset, float)]), color)


def extrude_x(outline: Sequence[Sequence[float]], x0: float, x1: float, color: Color) -> trimesh.Trimesh:
    """Prism of the ``(z, y)`` outline polygon (any shape, no self-crossing) spanning ``x0..x1``."""
    mesh = trimesh.creation.extrude_polygon(shapely.geometry.Polygon(outline), x1 - x0)
    # extrude_polygon builds (u, v, t) = (z, y, x); swap into (x, y, z)
    mesh.vertices = mesh.vertices[:, [2, 1, 0]] + np.array([x0, 0.0, 0.0])
    mesh.invert()
    if mesh.volume < 0:
        mesh.invert()
    return paint(mesh, color)


def extrude_z(outline: Sequence[Sequence[float]], z0: float, z1: float, color: Color) -> trimesh.Trimesh:
    """Prism of the ``(x, y)`` outline polygon spanning ``z0..z1``."""
    mesh = trimesh.creation.extrude_polygon(shapely.geometry.Polygon(outline), z1 - z0)
    mesh.apply_translation((0.0, 0.0, z0))
    if mesh.volume < 0:
        mesh.invert()
    return paint(mesh, color)


def zdisc(x: float, y: float, z0: float, z1: float, r: float, color: Color, sections: int = 32) -> trimesh.Trimesh:
    """Cylinder of radius ``r`` whose axis runs along Z at ``(x, y)`` from ``z0`` to ``z1`` (drums, dartboards)."""
    return P.rod((x, y, z0), (x, y, z1), r, color, sections)


def xdisc(y: float, z: float, x0: float, x1: float, r: float, color: Color, sections: int = 32) -> trimesh.Trimesh:
    """Cylinder of radius ``r`` whose axis runs along X at ``(y, z)`` from ``x0`` to ``x1`` (plates, wheels)."""
    return P.rod((x0, y, z), (x1, y, z), r, color, sections)


def zring(
    x: float, y: float, z0: float, z1: float, r_in: float, r_out: float, color: Color, sections: int = 40
) -> trimesh.Trimesh:
    """Flat ring (annulus) facing +Z at ``(x, y)``, from ``z0`` to ``z1`` (hoops, target rings)."""
    mesh = trimesh.creation.annulus(r_min=r_in, r_max=r_out, height=z1 - z0, sections=sections)
    mesh.apply_translation((x, y, (z0 + z1) / 2))
    return paint(mesh, color)


def zsector(
    x: float, y: float, z0: float, z1: float, r0: float, r1: float, a0: float, a1: float, color: Color
) -> trimesh.Trimesh:
    """Convex piece of an annular sector facing +Z: radii ``r0..r1``, angles ``a0..a1`` (radians, < 60 deg apart)."""
    ang = np.linspace(a0, a1, 5)
    pts = [(x + r * np.cos(a), y + r * np.sin(a), z) for r in (r0, r1) for a in ang for z in (z0, z1)]
    return hull(pts, color)


def arc_points(u0: float, u1: float, rise: float, n: int = 9) -> list[tuple[float, float]]:
    """``n`` points ``(u, v)`` of a parabola through ``(u0, rise)``, ``(u1, rise)`` with its low point 0 midway."""
    um = (u0 + u1) / 2
    half = (u1 - u0) / 2
    return [(u, rise * ((u - um) / half) ** 2) for u in np.linspace(u0, u1, n)]


def rocker_outline(u0: float, u1: float, rise: float, thick: float, n: int = 13) -> list[tuple[float, float]]:
    """Outline of a curved rocker board along ``u0..u1``: bottom parabola (low point on the floor) and ``thick`` high."""
    bottom = arc_points(u0, u1, rise, n)
    top = [(u, v + thick) for u, v in reversed(bottom)]
    return bottom + top
