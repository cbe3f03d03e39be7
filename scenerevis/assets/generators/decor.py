"""decor.py: generators for lamps, rugs, plants, mirrors, screens and the upright piano.

All builders fill ``[-w/2, w/2] x [0, h] x [-d/2, d/2]`` (metres, Y up, front +Z). A ceiling lamp's
base (y = 0) is the bottom of its shade and its cord reaches up to y = h.
"""

from __future__ import annotations

import numpy as np

from scenerevis.assets import parts as P
from scenerevis.assets.generators.registry import generator
from scenerevis.assets.palette import rgba


@generator("floor_lamp")
def floor_lamp(w: float, h: float, d: float, p: dict) -> list:
    metal, shade = rgba(p.get("metal", "matte black metal")), rgba(p.get("shade", "lamp shade"))
    r = min(w, d) / 2
    sh = float(p.get("shade_h", 0.32))
    kind = p.get("kind", "drum")
    out = [P.frustum(0, 0, 0, 0.03, r * 0.65, r * 0.6, metal)]
    if kind == "tripod":
        out = [
            P.rod(
                (r * 0.8 * np.cos(a), 0.01, r * 0.8 * np.sin(a)),
                (0, h - sh - 0.05, 0),
                0.014,
                rgba(p.get("wood", "walnut")),
                sections=10,
            )
            for a in (np.pi / 2, np.pi / 2 + 2 * np.pi / 3, np.pi / 2 + 4 * np.pi / 3)
        ]
    out.append(P.column(0, 0, 0.02, h - sh * 0.5, 0.012, metal))
    if kind == "globe":
        out.append(P.ellipsoid(0, h - sh / 2, 0, r * 0.7, sh / 2, r * 0.7, shade))
    elif kind == "cone":
        out.append(P.lathe([(r, 0), (r * 0.45, sh)], shade, y=h - sh))
    else:
        out.append(P.frustum(0, 0, h - sh, h, r * 0.95, r * 0.8, shade))
    return out


@generator("table_lamp")
def table_lamp(w: float, h: float, d: float, p: dict) -> list:
    base, shade = rgba(p.get("base", "ceramic")), rgba(p.get("shade", "lamp shade"))
    r = min(w, d) / 2
    sh = h * 0.42
    kind = p.get("kind", "vase")
    if kind == "vase":
        out = [P.lathe([(r * 0.45, 0), (r * 0.7, h * 0.18), (r * 0.6, h * 0.4), (r * 0.2, h * 0.52)], base)]
    else:
        out = [P.frustum(0, 0, 0, 0.025, r * 0.55, r * 0.5, base), P.column(0, 0, 0.02, h * 0.55, 0.01, base)]
    out.append(P.column(0, 0, h * 0.5, h - sh * 0.3, 0.006, rgba("brass")))
    out.append(P.frustum(0, 0, h - sh, h, r, r * (0.75 if kind == "vase" else 0.55), shade))
    return out


@generator("ceiling_lamp")
def ceiling_lamp(w: float, h: float, d: float, p: dict) -> list:
    metal, shade = rgba(p.get("metal", "matte black metal")), rgba(p.get("shade", "matte black metal"))
    r = min(w, d) / 2
    kind = p.get("kind", "dome")
    sh = min(float(p.get("shade_h", 0.25)), h * 0.6)
    out = [P.column(0, 0, sh * 0.8, h - 0.03, 0.004, metal), P.frustum(0, 0, h - 0.03, h, 0.06, 0.06, metal)]
    if kind == "dome":
        out.append(P.lathe([(r, 0), (r * 0.85, sh * 0.45), (r * 0.45, sh * 0.85), (0.03, sh)], shade))
        out.append(P.ellipsoid(0, 0.02, 0, 0.04, 0.04, 0.04, rgba("lamp shade"), subdivisions=1))
    elif kind == "globe":
        out.append(P.ellipsoid(0, sh / 2, 0, r, sh / 2, r, shade))
    else:  # chandelier: ring of arms with small shades
        out.append(P.ellipsoid(0, sh * 0.5, 0, 0.05, 0.05, 0.05, metal, subdivisions=1))
        for k in range(6):
            a = 2 * np.pi * k / 6
            x, z = (r - 0.05) * np.cos(a), (r - 0.05) * np.sin(a)
            out.append(P.rod((0, sh * 0.5, 0), (x, sh * 0.45, z), 0.008, metal, sections=8))
            out.append(P.frustum(x, z, 0, sh * 0.45, 0.05, 0.035, shade, sections=16))
    return out


@generator("rug")
def rug(w: float, h: float, d: float, p: dict) -> list:
    main, border = rgba(p.get("main", "wool grey")), rgba(p.get("border", p.get("main", "wool grey")))
    if p.get("round", False):
        return [
            P.frustum(0, 0, 0, h, w / 2, w / 2, border, sections=64),
            P.frustum(0, 0, h * 0.5, h * 1.02, w / 2 - 0.12, w / 2 - 0.12, main, sections=64),
        ]
    b = min(float(p.get("border_w", 0.12)), min(w, d) / 5)
    out = [
        P.block(-w / 2, w / 2, 0, h, -d / 2, d / 2, border),
        P.block(-w / 2 + b, w / 2 - b, h * 0.5, h * 1.02, -d / 2 + b, d / 2 - b, main),
    ]
    if p.get("stripes", False):
        acc = rgba(p.get("accent", "off white"))
        for i in range(1, 4):
            z = -d / 2 + d * i / 4
            out.append(P.block(-w / 2 + b, w / 2 - b, h * 0.6, h * 1.03, z - 0.03, z + 0.03, acc))
    return out


@generator("plant")
def plant(w: float, h: float, d: float, p: dict) -> list:
    pot, leaf, leaf2 = rgba(p.get("pot", "terracotta pot")), rgba(p.get("leaf", "leaf green")), rgba(p.get("leaf2", "dark leaf"))
    r = min(w, d) / 2
    ph = min(float(p.get("pot_h", 0.3)), h * 0.4)
    out = [
        P.frustum(0, 0, 0, ph, r * 0.42, r * 0.55, pot),
        P.frustum(0, 0, ph - 0.01, ph + 0.005, r * 0.5, r * 0.5, rgba("espresso")),
    ]
    kind = p.get("kind", "bush")
    rng = np.random.default_rng(int(h * 1000) + int(w * 100))
    if kind == "tree":
        out.append(P.column(0, 0, ph, h * 0.6, 0.02, rgba("walnut")))
        for k in range(7):
            a = 2 * np.pi * k / 7
            rr = rng.uniform(0.35, 0.6) * r
            out.append(
                P.ellipsoid(
                    rr * np.cos(a),
                    rng.uniform(0.62, 0.85) * h,
                    rr * np.sin(a),
                    r * 0.38,
                    (h - ph) * 0.12,
                    r * 0.38,
                    leaf if k % 2 else leaf2,
                )
            )
        out.append(P.ellipsoid(0, h * 0.88, 0, r * 0.35, h * 0.12, r * 0.35, leaf))
    elif kind == "blades":
        for k in range(9):
            a = 2 * np.pi * k / 9
            tip = (r * 0.45 * np.cos(a), h - rng.uniform(0, 0.25) * (h - ph), r * 0.45 * np.sin(a))
            out.append(P.rod((r * 0.12 * np.cos(a), ph, r * 0.12 * np.sin(a)), tip, 0.02, leaf if k % 2 else leaf2, sections=6))
    else:
        for k in range(6):
            a = 2 * np.pi * k / 6
            out.append(
                P.ellipsoid(
                    r * 0.45 * np.cos(a),
                    ph + (h - ph) * 0.4,
                    r * 0.45 * np.sin(a),
                    r * 0.5,
                    (h - ph) * 0.38,
                    r * 0.5,
                    leaf if k % 2 else leaf2,
                )
            )
        out.append(P.ellipsoid(0, ph + (h - ph) * 0.55, 0, r * 0.6, (h - ph) * 0.45, r * 0.6, leaf))
    return out


@generator("mirror")
def mirror(w: float, h: float, d: float, p: dict) -> list:
    frame, glass = rgba(p.get("frame", "brass")), rgba("mirror")
    f = float(p.get("frame_w", 0.04))
    if p.get("round", False):
        r = min(w, h) / 2
        disc = P.rod((0, r, -d / 2), (0, r, d / 2 - 0.003), r, frame, sections=48)
        glass_m = P.rod((0, r, d / 2 - 0.006), (0, r, d / 2), r - f, glass, sections=48)
        return [disc, glass_m]
    out = [
        P.block(-w / 2, w / 2, 0, h, -d / 2, d / 2 - 0.004, frame),
        P.block(-w / 2 + f, w / 2 - f, f, h - f, d / 2 - 0.008, d / 2, glass),
    ]
    if p.get("standing", False):
        out += [
            P.rod((-w / 2 + 0.05, 0, -d / 2 + 0.01), (-w / 2 + 0.05, h * 0.6, -d / 2 + 0.02), 0.012, frame),
            P.rod((w / 2 - 0.05, 0, -d / 2 + 0.01), (w / 2 - 0.05, h * 0.6, -d / 2 + 0.02), 0.012, frame),
        ]
    return out


@generator("tv")
def tv(w: float, h: float, d: float, p: dict) -> list:
    bezel, screen = rgba(p.get("bezel", "black")), rgba("screen")
    stand = p.get("stand", "feet")
    panel_t = min(0.05, d)
    y0 = 0.0 if stand == "wall" else min(0.08, h * 0.12)
    out = [
        P.block(-w / 2, w / 2, y0, h, -panel_t / 2, panel_t / 2, bezel),
        P.block(-w / 2 + 0.012, w / 2 - 0.012, y0 + 0.02, h - 0.012, panel_t / 2 - 0.002, panel_t / 2 + 0.002, screen),
    ]
    if stand == "feet":
        for sx in (-1, 1):
            x = sx * w * 0.38
            out += [
                P.rod((x, 0.01, -d / 2 + 0.01), (x, y0 + 0.05, 0), 0.008, bezel, sections=8),
                P.rod((x, 0.01, d / 2 - 0.01), (x, y0 + 0.05, 0), 0.008, bezel, sections=8),
            ]
    elif stand == "pedestal":
        out += [
            P.block(-w * 0.15, w * 0.15, 0, 0.015, -d / 2, d / 2, bezel),
            P.block(-0.03, 0.03, 0.015, y0 + 0.1, -0.015, 0.015, bezel),
        ]
    if stand != "wall":
        out.append(P.block(-w * 0.3, w * 0.3, y0 + 0.05, h * 0.7, -panel_t / 2 - 0.03, -panel_t / 2, bezel))
    return out


@generator("piano")
def piano(w: float, h: float, d: float, p: dict) -> list:
    body, keys_c = rgba(p.get("body", "black")), rgba("white")
    kb_y = 0.72
    kd = min(0.28, d * 0.45)
    zc = d / 2 - kd  # front face of the upper case
    out = [
        P.block(-w / 2, w / 2, 0.06, h, -d / 2, zc, body),
        P.block(-w / 2 + 0.02, w / 2 - 0.02, 0, 0.07, -d / 2 + 0.02, zc - 0.05, body),
    ]
    for sx in (-1, 1):
        out.append(P.block(sx * (w / 2 - 0.03) - 0.03, sx * (w / 2 - 0.03) + 0.03, 0, kb_y + 0.08, zc, d / 2, body))
        out.append(P.column(sx * (w / 2 - 0.05), d / 2 - 0.04, 0, kb_y - 0.06, 0.025, body))
    out.append(P.block(-w / 2 + 0.06, w / 2 - 0.06, kb_y - 0.06, kb_y, zc, d / 2 - 0.02, body))
    out.append(P.block(-w / 2 + 0.07, w / 2 - 0.07, kb_y, kb_y + 0.02, zc + 0.02, zc + 0.17, keys_c))
    n_oct = int((w - 0.14) / 0.165)
    x = -w / 2 + 0.08
    for _ in range(n_oct):
        for k in (0, 1, 3, 4, 5):
            kx = x + (k + 0.75) * 0.0235
            out.append(P.block(kx - 0.006, kx + 0.006, kb_y + 0.02, kb_y + 0.035, zc + 0.02, zc + 0.11, rgba("black")))
        x += 0.165
    out.append(P.block(-w / 2 + 0.08, w / 2 - 0.08, kb_y + 0.25, kb_y + 0.45, zc, zc + 0.03, body))
    out.append(P.block(-0.18, 0.18, kb_y + 0.26, kb_y + 0.4, zc + 0.03, zc + 0.04, rgba("off white")))
    out.append(P.block(-w / 2, w / 2, h - 0.03, h, -d / 2, zc + 0.02, body))
    out += [
        P.block(-0.06, -0.03, 0.02, 0.05, d / 2 - 0.1, d / 2 - 0.02, rgba("brass")),
        P.block(0.03, 0.06, 0.02, 0.05, d / 2 - 0.1, d / 2 - 0.02, rgba("brass")),
    ]
    return out


@generator("placeholder")
def placeholder(w: float, h: float, d: float, p: dict) -> list:
    """A marked crate standing in for an object the catalog has no model of: a frame of square edge
    bars around a signal-coloured core with a white band, recognisable at a glance."""
    edge, core, band = rgba(p.get("frame", "matte black metal")), rgba(p.get("core", "orange")), rgba("white")
    t = min(0.04, w / 6, h / 6, d / 6)
    out = [P.block(-w / 2 + t, w / 2 - t, t, h - t, -d / 2 + t, d / 2 - t, core)]
    for x0, x1 in ((-w / 2, -w / 2 + t), (w / 2 - t, w / 2)):
        for z0, z1 in ((-d / 2, -d / 2 + t), (d / 2 - t, d / 2)):
            out.append(P.block(x0, x1, 0, h, z0, z1, edge))  # vertical edges
    for y0, y1 in ((0, t), (h - t, h)):
        out.append(P.block(-w / 2 + t, w / 2 - t, y0, y1, -d / 2, -d / 2 + t, edge))
        out.append(P.block(-w / 2 + t, w / 2 - t, y0, y1, d / 2 - t, d / 2, edge))
        out.append(P.block(-w / 2, -w / 2 + t, y0, y1, -d / 2 + t, d / 2 - t, edge))
        out.append(P.block(w / 2 - t, w / 2, y0, y1, -d / 2 + t, d / 2 - t, edge))
    bh = min(0.08, h / 8)
    out.append(P.block(-w / 2 + t, w / 2 - t, h / 2 - bh / 2, h / 2 + bh / 2, d / 2 - t, d / 2 - t / 2, band))
    return out
