"""parts.py: watertight, coloured mesh primitives (slabs, legs, cushions, shades, ...) that generators assemble.

Frame: metres, Y up, the finished asset faces +Z with its base at y = 0. Every part returned here is a
closed (watertight) ``trimesh.Trimesh`` with one RGBA face colour, so a concatenation of parts stays
watertight part by part and keeps its colours.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np
import trimesh

Color = Sequence[int]


def _paint(mesh: trimesh.Trimesh, color: Color) -> trimesh.Trimesh:
    """Give every face of ``mesh`` the RGB(A) colour ``color`` (0-255 ints) and return it."""
    rgba = list(color) + [255] * (4 - len(color))
    mesh.visual = trimesh.visual.ColorVisuals(mesh=mesh, face_colors=np.tile(np.asarray(rgba, np.uint8), (len(mesh.faces), 1)))
    return mesh


def block(x0: float, x1: float, y0: float, y1: float, z0: float, z1: float, color: Color) -> trimesh.Trimesh:
    """Axis-aligned box spanning ``[x0, x1] x [y0, y1] x [z0, z1]`` (metres)."""
    lo = np.array([min(x0, x1), min(y0, y1), min(z0, z1)], float)
    hi = np.array([max(x0, x1), max(y0, y1), max(z0, z1)], float)
    ext = np.maximum(hi - lo, 1e-4)
    box = trimesh.creation.box(extents=ext)
    box.apply_translation((lo + hi) / 2.0)
    return _paint(box, color)


def cbox(cx: float, cy: float, cz: float, w: float, h: float, d: float, color: Color) -> trimesh.Trimesh:
    """Box of extents ``(w, h, d)`` centred at ``(cx, cy, cz)``."""
    return block(cx - w / 2, cx + w / 2, cy - h / 2, cy + h / 2, cz - d / 2, cz + d / 2, color)


def rod(p0: Sequence[float], p1: Sequence[float], radius: float, color: Color, sections: int = 16) -> trimesh.Trimesh:
    """Cylinder of ``radius`` between points ``p0`` and ``p1`` (any direction)."""
    p0, p1 = np.asarray(p0, float), np.asarray(p1, float)
    seg = np.stack([p0, p1])
    cyl = trimesh.creation.cylinder(radius=radius, segment=seg, sections=sections)
    return _paint(cyl, color)


def column(x: float, z: float, y0: float, y1: float, radius: float, color: Color, sections: int = 20) -> trimesh.Trimesh:
    """Vertical cylinder at ``(x, z)`` from ``y0`` to ``y1``."""
    return rod((x, y0, z), (x, y1, z), radius, color, sections)


def lathe(
    profile: Iterable[Sequence[float]], color: Color, x: float = 0.0, y: float = 0.0, z: float = 0.0, sections: int = 32
) -> trimesh.Trimesh:
    """Solid of revolution about the vertical axis through ``(x, z)``.

    ``profile`` is a list of ``(radius, height)`` points from bottom to top; the outline is closed
    to the axis at both ends, so the result is watertight. Heights are offset by ``y``.
    """
    pts = [(max(float(r), 0.0), float(h)) for r, h in profile]
    if pts[0][0] > 0:
        pts.insert(0, (0.0, pts[0][1]))
    if pts[-1][0] > 0:
        pts.append((0.0, pts[-1][1]))
    line = np.asarray(pts)
    mesh = trimesh.creation.revolve(line, sections=sections)
    # revolve works about +Z; turn +Z into +Y
    mesh.apply_transform(trimesh.transformations.rotation_matrix(-np.pi / 2, [1, 0, 0]))
    mesh.apply_translation((x, y, z))
    if mesh.volume < 0:
        mesh.invert()
    return _paint(mesh, color)


def frustum(x: float, z: float, y0: float, y1: float, r0: float, r1: float, color: Color, sections: int = 32) -> trimesh.Trimesh:
    """Closed truncated cone (lamp shade, pot, stool seat) from radius ``r0`` at ``y0`` to ``r1`` at ``y1``."""
    return lathe([(r0, 0.0), (r1, y1 - y0)], color, x=x, y=y0, z=z, sections=sections)


def ring(
    x: float, z: float, y0: float, y1: float, r_in: float, r_out: float, color: Color, sections: int = 32
) -> trimesh.Trimesh:
    """Closed flat ring (annulus) around the vertical axis through ``(x, z)``, from ``y0`` to ``y1`` (footrests, rims)."""
    mesh = trimesh.creation.annulus(r_min=r_in, r_max=r_out, height=y1 - y0, sections=sections)
    mesh.apply_transform(trimesh.transformations.rotation_matrix(-np.pi / 2, [1, 0, 0]))
    mesh.apply_translation((x, (y0 + y1) / 2, z))
    return _paint(mesh, color)


def rounded_block(
    x0: float, x1: float, y0: float, y1: float, z0: float, z1: float, radius: float, color: Color
) -> trimesh.Trimesh:
    """Box with rounded edges and corners (cushions, mattresses, pillows): convex hull of corner spheres."""
    lo = np.array([min(x0, x1), min(y0, y1), min(z0, z1)], float)
    hi = np.array([max(x0, x1), max(y0, y1), max(z0, z1)], float)
    r = float(min(radius, *(0.49 * (hi - lo))))
    if r <= 1e-4:
        return block(x0, x1, y0, y1, z0, z1, color)
    ball = trimesh.creation.icosphere(subdivisions=1, radius=r).vertices
    corners = [(x, y, z) for x in (lo[0] + r, hi[0] - r) for y in (lo[1] + r, hi[1] - r) for z in (lo[2] + r, hi[2] - r)]
    pts = np.concatenate([ball + np.asarray(c) for c in corners])
    hull = trimesh.convex.convex_hull(pts)
    return _paint(hull, color)


def ellipsoid(
    cx: float, cy: float, cz: float, rx: float, ry: float, rz: float, color: Color, subdivisions: int = 2
) -> trimesh.Trimesh:
    """Ellipsoid with semi-axes ``(rx, ry, rz)`` centred at ``(cx, cy, cz)`` (foliage, beanbags)."""
    sph = trimesh.creation.icosphere(subdivisions=subdivisions, radius=1.0)
    sph.apply_scale((rx, ry, rz))
    sph.apply_translation((cx, cy, cz))
    return _paint(sph, color)


def legs(
    x0: float,
    x1: float,
    z0: float,
    z1: float,
    y0: float,
    y1: float,
    thick: float,
    color: Color,
    style: str = "square",
    inset: float = 0.0,
) -> list[trimesh.Trimesh]:
    """Four legs at the corners of the rectangle ``[x0, x1] x [z0, z1]``, from ``y0`` up to ``y1``.

    ``style``: ``"square"`` posts, ``"round"`` dowels, ``"tapered"`` (narrower at the floor),
    ``"metal"`` thin round rods, ``"splayed"`` (feet pushed outwards by ``inset``). ``inset`` moves
    the legs inwards from the rectangle's corners (for ``"splayed"`` the tops are inset instead).
    """
    out: list[trimesh.Trimesh] = []
    t = thick
    for sx in (-1, 1):
        for sz in (-1, 1):
            cx = (x0 + x1) / 2 + sx * ((x1 - x0) / 2 - t / 2 - (0 if style == "splayed" else inset))
            cz = (z0 + z1) / 2 + sz * ((z1 - z0) / 2 - t / 2 - (0 if style == "splayed" else inset))
            if style == "square":
                out.append(cbox(cx, (y0 + y1) / 2, cz, t, y1 - y0, t, color))
            elif style == "round":
                out.append(column(cx, cz, y0, y1, t / 2, color))
            elif style == "metal":
                out.append(column(cx, cz, y0, y1, max(t / 4, 0.006), color, sections=12))
            elif style == "tapered":
                out.append(frustum(cx, cz, y0, y1, t * 0.3, t / 2, color, sections=12))
            elif style == "splayed":
                top = (cx - sx * inset, y1, cz - sz * inset)
                out.append(rod((cx, y0 + t / 2, cz), top, t / 2, color, sections=12))
            else:
                raise ValueError(f"unknown leg style {style!r}; known: square, round, metal, tapered, splayed")
    return out


def drawer_fronts(
    x0: float,
    x1: float,
    y0: float,
    y1: float,
    z_front: float,
    rows: int,
    cols: int,
    color: Color,
    handle_color: Color,
    gap: float = 0.012,
    depth: float = 0.015,
    handle: str = "bar",
) -> list[trimesh.Trimesh]:
    """A grid of drawer fronts (``rows`` x ``cols``) proud of the face at ``z = z_front``, with handles.

    ``handle``: ``"bar"`` (horizontal bar), ``"knob"`` (small round knob) or ``"none"`` (push-open).
    """
    out: list[trimesh.Trimesh] = []
    cw = (x1 - x0) / cols
    rh = (y1 - y0) / rows
    for r in range(rows):
        for c in range(cols):
            a, b = x0 + c * cw + gap / 2, x0 + (c + 1) * cw - gap / 2
            lo, hi = y0 + r * rh + gap / 2, y0 + (r + 1) * rh - gap / 2
            out.append(block(a, b, lo, hi, z_front - 0.002, z_front + depth, color))
            hx, hy = (a + b) / 2, lo + (hi - lo) * 0.7 if rows > 1 else (lo + hi) / 2
            if handle == "bar":
                hw = min(0.5 * (b - a), 0.16)
                out.append(
                    block(
                        hx - hw / 2,
                        hx + hw / 2,
                        hy - 0.008,
                        hy + 0.008,
                        z_front + depth - 0.002,
                        z_front + depth + 0.02,
                        handle_color,
                    )
                )
            elif handle == "knob":
                out.append(
                    rod((hx, hy, z_front + depth - 0.002), (hx, hy, z_front + depth + 0.022), 0.012, handle_color, sections=10)
                )
    return out


def door_fronts(
    x0: float,
    x1: float,
    y0: float,
    y1: float,
    z_front: float,
    count: int,
    color: Color,
    handle_color: Color,
    gap: float = 0.008,
    depth: float = 0.018,
) -> list[trimesh.Trimesh]:
    """``count`` tall doors side by side, proud of ``z_front``, each with a vertical bar handle near the seam."""
    out: list[trimesh.Trimesh] = []
    w = (x1 - x0) / count
    for i in range(count):
        a, b = x0 + i * w + gap / 2, x0 + (i + 1) * w - gap / 2
        out.append(block(a, b, y0 + gap / 2, y1 - gap / 2, z_front - 0.002, z_front + depth, color))
        hx = b - 0.05 if i % 2 == 0 else a + 0.05
        if count == 1:
            hx = b - 0.05
        hh = min(0.3, 0.4 * (y1 - y0))
        hy = y0 + (y1 - y0) * 0.55
        out.append(
            block(
                hx - 0.008, hx + 0.008, hy - hh / 2, hy + hh / 2, z_front + depth - 0.002, z_front + depth + 0.022, handle_color
            )
        )
    return out


def shelves(
    x0: float, x1: float, y0: float, y1: float, z0: float, z1: float, count: int, thick: float, color: Color
) -> list[trimesh.Trimesh]:
    """``count`` evenly spaced horizontal boards strictly between ``y0`` and ``y1``."""
    step = (y1 - y0) / (count + 1)
    return [block(x0, x1, y0 + step * (i + 1) - thick / 2, y0 + step * (i + 1) + thick / 2, z0, z1, color) for i in range(count)]


def books(
    x0: float, x1: float, y0: float, z0: float, z1: float, max_h: float, seed: int, palette: Sequence[Color]
) -> list[trimesh.Trimesh]:
    """A row of book spines standing on the board at ``y0`` between ``x0`` and ``x1`` (deterministic per ``seed``)."""
    rng = np.random.default_rng(seed)
    out: list[trimesh.Trimesh] = []
    x = x0 + 0.01
    stop = x0 + (x1 - x0) * rng.uniform(0.55, 0.9)
    while x < stop:
        w = rng.uniform(0.02, 0.045)
        h = max_h * rng.uniform(0.7, 0.95)
        d = (z1 - z0) * rng.uniform(0.7, 0.9)
        out.append(block(x, min(x + w, x1 - 0.005), y0, y0 + h, z1 - d, z1 - 0.01, palette[int(rng.integers(len(palette)))]))
        x += w + 0.002
    return out


def assemble(parts: Iterable[trimesh.Trimesh]) -> trimesh.Trimesh:
    """Concatenate coloured parts into one mesh (face colours kept; no boolean union)."""
    parts = [p for p in parts if p is not None and len(p.faces)]
    mesh = trimesh.util.concatenate(parts)
    return mesh


def fit_to(mesh: trimesh.Trimesh, size: Sequence[float]) -> trimesh.Trimesh:
    """Recentre ``mesh`` to its AABB bottom-centre at the origin and scale it per axis so its extents equal ``size``.

    Generators build to size already; this removes the last millimetres of overhang (handles, cushions).
    """
    lo, hi = mesh.bounds
    centre = np.array([(lo[0] + hi[0]) / 2, lo[1], (lo[2] + hi[2]) / 2])
    ext = np.maximum(hi - lo, 1e-9)
    mesh.vertices = (mesh.vertices - centre) * (np.asarray(size, float) / ext)
    return mesh
