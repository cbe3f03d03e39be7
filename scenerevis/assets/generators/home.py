"""home.py: generators of the catalog_home pack: laundry and kitchen appliances, office machines, racks and stands.

All builders fill ``[-w/2, w/2] x [0, h] x [-d/2, d/2]`` (metres, Y up, front +Z). Media, audio and
living-room pieces of the same pack are in :mod:`scenerevis.assets.generators.home_media`.
"""

from __future__ import annotations

import numpy as np
import shapely.geometry as sg
import trimesh

from scenerevis.assets import parts as P
from scenerevis.assets.generators.registry import generator
from scenerevis.assets.palette import rgba

SHOE_COLORS = ("black leather", "white", "red", "cognac leather", "navy", "grey")
CLOTH_COLORS = ("bedding blue", "white linen", "red", "yellow", "sage", "pastel pink")


def front_disc(x: float, y: float, z0: float, z1: float, r: float, color, sections: int = 32) -> trimesh.Trimesh:
    """A disc (short cylinder along Z) of radius ``r`` at ``(x, y)``, from ``z0`` to ``z1`` (dials, doors, drivers)."""
    return P.rod((x, y, z0), (x, y, z1), r, color, sections=sections)


def flat_prism(poly: sg.Polygon, t: float, color) -> trimesh.Trimesh:
    """Closed prism of the XY polygon ``poly`` (metres) extruded by ``t`` along +Z from ``z = 0``, painted ``color``."""
    mesh = trimesh.creation.extrude_polygon(poly, t)
    mesh.visual = trimesh.visual.ColorVisuals(mesh=mesh, face_colors=np.tile(np.asarray(color, np.uint8), (len(mesh.faces), 1)))
    return mesh


def _feet(w: float, d: float, y1: float, color, inset: float = 0.05) -> list:
    """Four short round feet under an appliance, from the floor to ``y1``."""
    return P.legs(-w / 2 + inset, w / 2 - inset, -d / 2 + inset, d / 2 - inset, 0, y1 + 0.002, 0.04, color, style="round")


def _laundry(w: float, h: float, d: float, p: dict, dryer: bool) -> list:
    """Front-loading washer / dryer: box, control strip with dial and display, round door on the front."""
    body, panel, ring = rgba(p.get("body", "white")), rgba(p.get("panel", p.get("body", "white"))), rgba(p.get("ring", "chrome"))
    zb = d / 2 - 0.04
    strip = 0.13
    out = _feet(w, d, 0.02, rgba("rubber"))
    out += [
        P.block(-w / 2, w / 2, 0.02, h, -d / 2, zb, body),
        P.block(-w / 2 + 0.01, w / 2 - 0.01, h - strip, h - 0.01, zb - 0.005, zb + 0.012, panel),
        P.block(-w / 2 + 0.03, w / 2 - 0.03, 0.03, 0.09, zb - 0.005, zb + 0.006, panel),
        P.block(-0.07, 0.05, h - strip * 0.62, h - strip * 0.32, zb + 0.011, zb + 0.016, rgba("screen")),
        front_disc(w / 2 - 0.1, h - strip / 2, zb + 0.011, zb + 0.035, 0.035, rgba(p.get("dial", "chrome"))),
    ]
    cy = 0.09 + (h - strip - 0.09) / 2
    r = min(w * 0.38, (h - strip - 0.09) * 0.46)
    if dryer:
        # lint-filter slot and buttons; a wide opaque door with a small smoked window
        out.append(P.block(-w / 2 + 0.04, -w / 2 + 0.2, h - strip * 0.7, h - strip * 0.3, zb + 0.011, zb + 0.02, body))
        for i in range(3):
            out.append(
                P.block(0.08 + 0.04 * i - 0.012, 0.08 + 0.04 * i + 0.012, h - 0.05, h - 0.035, zb + 0.011, zb + 0.02, ring)
            )
        out.append(front_disc(0, cy, zb, zb + 0.028, r, ring))
        out.append(front_disc(0, cy, zb + 0.028, zb + 0.036, r * 0.88, rgba(p.get("door", p.get("body", "white")))))
        out.append(front_disc(0, cy, zb + 0.036, zb + 0.04, r * 0.55, rgba("smoked glass")))
        out.append(P.block(r * 0.7, r * 0.95, cy - 0.05, cy + 0.05, zb + 0.03, zb + 0.038, ring))
    else:
        # detergent drawer top left; a chrome porthole ring with blue-tinted glass and a dark drum behind
        out.append(P.block(-w / 2 + 0.03, -w / 2 + 0.22, h - strip * 0.85, h - strip * 0.2, zb + 0.011, zb + 0.02, panel))
        out.append(P.block(-w / 2 + 0.1, -w / 2 + 0.16, h - strip * 0.6, h - strip * 0.45, zb + 0.02, zb + 0.028, ring))
        out.append(front_disc(0, cy, zb, zb + 0.035, r, ring))
        out.append(front_disc(0, cy, zb + 0.035, zb + 0.04, r * 0.75, rgba("glass")))
        out.append(front_disc(0, cy, zb + 0.03, zb + 0.038, r * 0.85, rgba("charcoal")))
    return out


@generator("washing_machine")
def washing_machine(w: float, h: float, d: float, p: dict) -> list:
    return _laundry(w, h, d, p, dryer=False)


@generator("dryer")
def dryer(w: float, h: float, d: float, p: dict) -> list:
    return _laundry(w, h, d, p, dryer=True)


@generator("dishwasher")
def dishwasher(w: float, h: float, d: float, p: dict) -> list:
    body, door, trim = rgba(p.get("body", "white")), rgba(p.get("door", p.get("body", "white"))), rgba(p.get("trim", "black"))
    zb = d / 2 - 0.03
    kick = 0.1
    out = [
        P.block(-w / 2, w / 2, 0, kick, -d / 2, zb - 0.05, rgba("charcoal")),
        P.block(-w / 2, w / 2, kick, h, -d / 2, zb, body),
        P.block(-w / 2 + 0.005, w / 2 - 0.005, kick + 0.005, h - 0.12, zb - 0.002, zb + 0.015, door),
        P.block(-w / 2 + 0.005, w / 2 - 0.005, h - 0.115, h - 0.005, zb - 0.002, zb + 0.015, trim),
        P.block(-0.1, 0.05, h - 0.085, h - 0.04, zb + 0.014, zb + 0.018, rgba("screen")),
    ]
    for i in range(4):
        out.append(front_disc(0.1 + 0.04 * i, h - 0.06, zb + 0.014, zb + 0.02, 0.011, rgba("light grey"), sections=12))
    # full-width bar handle below the control strip
    hy = h - 0.16
    out.append(P.rod((-w / 2 + 0.06, hy, zb + 0.03), (w / 2 - 0.06, hy, zb + 0.03), 0.012, rgba(p.get("handle", "chrome"))))
    for x in (-w / 2 + 0.07, w / 2 - 0.07):
        out.append(P.block(x - 0.012, x + 0.012, hy - 0.012, hy + 0.012, zb + 0.014, zb + 0.03, rgba(p.get("handle", "chrome"))))
    return out


@generator("microwave")
def microwave(w: float, h: float, d: float, p: dict) -> list:
    body, door, keypad = (
        rgba(p.get("body", "black")),
        rgba(p.get("door", p.get("body", "black"))),
        rgba(p.get("keypad", "charcoal")),
    )
    zb = d / 2 - 0.02
    kw = min(0.13, w * 0.26)
    out = _feet(w, d, 0.012, rgba("rubber"), inset=0.04)
    out += [
        P.block(-w / 2, w / 2, 0.012, h, -d / 2, zb, body),
        P.block(-w / 2 + 0.008, w / 2 - kw - 0.004, 0.02, h - 0.008, zb - 0.002, zb + 0.012, door),
        P.block(-w / 2 + 0.04, w / 2 - kw - 0.06, 0.05, h - 0.04, zb + 0.011, zb + 0.016, rgba("smoked glass")),
        P.block(w / 2 - kw - 0.05, w / 2 - kw - 0.02, 0.06, h - 0.06, zb + 0.011, zb + 0.02, rgba(p.get("handle", "steel"))),
        P.block(w / 2 - kw + 0.004, w / 2 - 0.008, 0.02, h - 0.008, zb - 0.002, zb + 0.01, keypad),
        P.block(w / 2 - kw + 0.02, w / 2 - 0.024, h - 0.07, h - 0.035, zb + 0.009, zb + 0.014, rgba("screen")),
    ]
    # a 3 x 4 grid of buttons under the display, a round start knob below
    bx0, bx1 = w / 2 - kw + 0.025, w / 2 - 0.03
    for r in range(4):
        for c in range(3):
            x = bx0 + (bx1 - bx0) * c / 2
            y = h - 0.095 - r * min(0.028, (h - 0.2) / 4)
            out.append(P.cbox(x, y, zb + 0.012, 0.018, 0.012, 0.006, rgba("light grey")))
    out.append(front_disc((bx0 + bx1) / 2, 0.07, zb + 0.009, zb + 0.022, min(0.028, kw * 0.25), rgba("steel")))
    return out


@generator("water_cooler")
def water_cooler(w: float, h: float, d: float, p: dict) -> list:
    body, tap_hot, tap_cold = rgba(p.get("body", "white")), rgba("red"), rgba("navy")
    bottle_h = min(0.45, h * 0.34)
    hc = h - bottle_h
    zb = d / 2 - 0.03
    out = [
        P.block(-w / 2, w / 2, 0, hc, -d / 2, zb, body),
        P.block(-w / 2 + 0.01, w / 2 - 0.01, 0, 0.04, -d / 2 + 0.01, zb + 0.01, rgba("charcoal")),
        # dispensing niche, taps and drip tray
        P.block(-w / 2 + 0.04, w / 2 - 0.04, hc - 0.32, hc - 0.12, zb - 0.004, zb + 0.003, rgba("charcoal")),
        P.block(-w / 2 + 0.04, w / 2 - 0.04, hc - 0.33, hc - 0.3, zb - 0.02, zb + 0.03, rgba("grey")),
        P.block(-w / 2 + 0.02, w / 2 - 0.02, hc - 0.1, hc - 0.02, zb - 0.002, zb + 0.012, rgba(p.get("panel", "light grey"))),
    ]
    for x, c in ((-0.06, tap_hot), (0.06, tap_cold)):
        out.append(P.block(x - 0.02, x + 0.02, hc - 0.2, hc - 0.12, zb, zb + 0.03, c))
    rb = min(w, d) / 2 - 0.015
    neck = min(0.03, rb * 0.3)
    out.append(P.frustum(0, 0, hc - 0.005, hc + 0.03, rb * 0.8, rb * 0.7, body))
    profile = [
        (neck, 0.0),
        (neck, 0.06),
        (rb, 0.14),
        (rb, bottle_h - 0.06),
        (rb * 0.85, bottle_h - 0.03),
        (rb * 0.5, bottle_h - 0.005),
    ]
    out.append(P.lathe(profile, rgba(p.get("bottle", "water")), y=hc + 0.005))
    return out


@generator("ironing_board")
def ironing_board(w: float, h: float, d: float, p: dict) -> list:
    cover, frame = rgba(p.get("cover", "bedding blue")), rgba(p.get("frame", "steel"))
    bw = min(0.42, d * 0.85)
    x0 = -w / 2 + 0.12
    nose = 0.3 * w
    xs = w / 2 - nose
    th = np.linspace(-np.pi / 2, np.pi / 2, 17)
    pts = [(x0, -bw / 2)] + [(xs + nose * np.cos(t), bw / 2 * np.sin(t)) for t in th] + [(x0, bw / 2)]
    board = flat_prism(sg.Polygon(pts), 0.03, cover)
    board.apply_transform(trimesh.transformations.rotation_matrix(-np.pi / 2, [1, 0, 0]))  # polygon y -> -z, extrusion -> +y
    board.apply_translation((0, h - 0.03, 0))
    out = [board]
    # wire iron rest at the square end, with a small iron standing on it
    out.append(P.block(-w / 2, x0 + 0.01, h - 0.045, h - 0.035, -bw * 0.35, bw * 0.35, frame))
    out.append(P.block(-w / 2 + 0.02, x0 - 0.01, h - 0.035, h - 0.005, -0.06, 0.06, rgba(p.get("iron", "white"))))
    # X legs seen from the side, each ending in a foot bar across the full depth
    top = h - 0.035
    for a, b in ((-0.28 * w, 0.18 * w), (0.18 * w, -0.28 * w)):
        out.append(P.rod((a, 0.02, 0), (b, top, 0), 0.013, frame, sections=12))
        out.append(P.rod((a, 0.02, -d / 2), (a, 0.02, d / 2), 0.02, frame, sections=12))
        for z in (-d / 2, d / 2 - 0.05):
            out.append(P.block(a - 0.021, a + 0.021, 0, 0.041, z, z + 0.05, rgba("rubber")))
    return out


@generator("drying_rack")
def drying_rack(w: float, h: float, d: float, p: dict) -> list:
    frame, r = rgba(p.get("frame", "white")), float(p.get("rail", 0.006))
    out = []
    for x in (-w / 2 + r * 2, w / 2 - r * 2):
        for sz in (-1, 1):
            out.append(P.rod((x, 0, sz * (d / 2 - 0.01)), (x, h - 0.01, 0), max(r * 2, 0.012), frame, sections=10))
    out.append(P.rod((-w / 2, h - 0.012, 0), (w / 2, h - 0.012, 0), max(r * 2, 0.012), frame, sections=10))
    n = int(p.get("rails", 5))
    for sz in (-1, 1):
        for i in range(1, n + 1):
            t = i / (n + 1)
            y, z = (h - 0.01) * t, sz * (d / 2 - 0.01) * (1 - t)
            out.append(P.rod((-w / 2 + 0.01, y, z), (w / 2 - 0.01, y, z), r, frame, sections=8))
    # a towel and two small garments hanging on the front slope
    k = 0
    for i, frac in enumerate((0.75, 0.45)):
        y, z = (h - 0.01) * frac, (d / 2 - 0.01) * (1 - frac)
        for x0, x1 in ((-w / 2 + 0.06, -0.05), (0.05, w / 2 - 0.06)) if i == 0 else ((-0.2 * w, 0.25 * w),):
            drop = min(0.35, y - 0.05)
            out.append(P.block(x0, x1, y - drop, y + r, z + r, z + r + 0.012, rgba(CLOTH_COLORS[k % len(CLOTH_COLORS)])))
            k += 1
    return out


@generator("laundry_basket")
def laundry_basket(w: float, h: float, d: float, p: dict) -> list:
    body, trim = rgba(p.get("body", "wicker")), rgba(p.get("trim", p.get("body", "wicker")))
    style = p.get("style", "round")
    r = w / 2
    out: list = []
    if style == "round":
        out.append(P.frustum(0, 0, 0, h - 0.03, r * 0.82, r - 0.01, body))
        out.append(P.ring(0, 0, h - 0.03, h, r * 0.86, r, trim))
        for i in range(1, 5):  # woven bands
            y = (h - 0.03) * i / 5
            rr = r * 0.82 + (r * 0.18 - 0.01) * y / (h - 0.03)
            out.append(P.ring(0, 0, y - 0.008, y + 0.008, rr - 0.01, rr + 0.006, trim))
        out.append(P.ellipsoid(-r * 0.2, h - 0.03, 0, r * 0.45, 0.05, r * 0.4, rgba(CLOTH_COLORS[0])))
        out.append(P.ellipsoid(r * 0.25, h - 0.035, r * 0.1, r * 0.4, 0.045, r * 0.4, rgba(CLOTH_COLORS[2])))
        for sx in (-1, 1):
            out.append(P.block(sx * r - 0.015, sx * (r - 0.02), h - 0.12, h - 0.06, -0.06, 0.06, trim))
    else:
        hb = h - 0.04 if style == "hamper" else h
        out.append(P.rounded_block(-r, r, 0, hb, -r, r, 0.03, body))
        if style == "hamper":  # fabric hamper with a lid and a pull tab
            out.append(P.rounded_block(-r - 0.0, r, hb - 0.005, h, -r, r, 0.015, trim))
            out.append(P.block(-0.04, 0.04, hb - 0.06, hb, r - 0.005, r + 0.005, trim))
            out.append(P.block(-r + 0.02, r - 0.02, 0.02, hb - 0.08, r - 0.004, r + 0.002, trim))
        else:  # plastic bin with rows of vent slots and cut-out handles
            dark = rgba("charcoal")
            for row in range(3):
                y = h * (0.25 + 0.18 * row)
                for c in range(4):
                    x = -r * 0.6 + c * r * 0.4
                    out.append(P.block(x - 0.012, x + 0.012, y - 0.05, y + 0.05, r - 0.004, r + 0.003, dark))
            for sx in (-1, 1):
                out.append(P.block(sx * r - 0.003, sx * r + 0.003, h - 0.1, h - 0.06, -0.06, 0.06, dark))
            out.append(P.ellipsoid(0, h - 0.04, 0, r * 0.6, 0.04, r * 0.55, rgba(CLOTH_COLORS[3])))
    for m in out:  # oval / oblong footprint: depth d instead of w
        m.apply_scale((1.0, 1.0, d / w))
    return out


@generator("towel_rack")
def towel_rack(w: float, h: float, d: float, p: dict) -> list:
    frame = rgba(p.get("frame", "chrome"))
    style = p.get("style", "stand")
    towels = [rgba(p.get("towel", "white linen")), rgba(p.get("towel2", "bedding blue"))]
    out = []
    if style == "heated":  # ladder of tubes between two pipes on floor feet
        for x in (-w / 2 + 0.02, w / 2 - 0.02):
            out.append(P.column(x, 0, 0.03, h, 0.02, frame))
            out.append(P.block(x - 0.02, x + 0.02, 0, 0.03, -d / 2, d / 2, frame))
        n = max(6, int((h - 0.15) / 0.06))
        for i in range(n):
            y = 0.15 + (h - 0.2) * i / (n - 1)
            out.append(P.rod((-w / 2 + 0.02, y, 0), (w / 2 - 0.02, y, 0), 0.011, frame, sections=10))
        out.append(P.block(-w * 0.35, w * 0.35, h * 0.45, h * 0.72, 0.02, 0.035, towels[0]))
        out.append(P.block(-w * 0.35, w * 0.35, h * 0.5, h * 0.72, -0.035, -0.02, towels[0]))
        return out
    # free-standing stand: two side frames, three bars, towels draped over two of them
    t = 0.03 if style == "wood" else 0.014
    for x in (-w / 2 + t / 2, w / 2 - t / 2):
        out.append(P.block(x - t / 2, x + t / 2, 0, h, -t / 2, t / 2, frame))
        out.append(P.block(x - t / 2, x + t / 2, 0, 0.03, -d / 2, d / 2, frame))
    bars = [(h - 0.03, 0.0), (h * 0.68, d * 0.22), (h * 0.36, -d * 0.2)]
    for i, (y, z) in enumerate(bars):
        out.append(P.rod((-w / 2 + t, y, z), (w / 2 - t, y, z), t / 2 if style == "wood" else 0.009, frame, sections=12))
        out.append(P.block(-w / 2 + t, -w / 2 + t + 0.001, y - 0.01, y + 0.01, -t / 2, z + 0.01, frame))
        if i < 2:
            drop = min(0.4, y * 0.45)
            c = towels[i % 2]
            out.append(P.block(-w * 0.3, w * 0.32, y - drop, y + 0.02, z + 0.012, z + 0.03, c))
            out.append(P.block(-w * 0.3, w * 0.32, y - drop * 0.7, y + 0.02, z - 0.03, z - 0.012, c))
            out.append(P.rod((-w * 0.3, y + 0.005, z), (w * 0.32, y + 0.005, z), 0.03, c))
    return out


@generator("printer")
def printer(w: float, h: float, d: float, p: dict) -> list:
    stand, body, lid = rgba(p.get("stand", "oak")), rgba(p.get("body", "white")), rgba(p.get("lid", "grey"))
    if p.get("copier", False):  # floor copier: paper-tray drawers below, the print engine and scanner on top
        hs = h * 0.55
        out = [P.block(-w / 2, w / 2, 0.05, hs, -d / 2, d / 2 - 0.02, body)]
        out += P.legs(-w / 2, w / 2, -d / 2, d / 2 - 0.03, 0, 0.052, 0.05, rgba("rubber"), style="round", inset=0.02)
        out += P.drawer_fronts(-w / 2 + 0.01, w / 2 - 0.01, 0.06, hs - 0.01, d / 2 - 0.02, 3, 1, body, lid)
        pw, pd = w, d - 0.02
    else:  # a small cabinet with an open shelf holding reams of paper
        hs = h - min(0.28, h * 0.38)
        t = 0.02
        out = [
            P.block(-w / 2, w / 2, 0.04, 0.04 + t, -d / 2, d / 2, stand),
            P.block(-w / 2, w / 2, hs - t, hs, -d / 2, d / 2, stand),
            P.block(-w / 2, -w / 2 + t, 0.04, hs, -d / 2, d / 2, stand),
            P.block(w / 2 - t, w / 2, 0.04, hs, -d / 2, d / 2, stand),
            P.block(-w / 2, w / 2, 0.04, hs, -d / 2, -d / 2 + 0.01, stand),
            P.block(-w / 2 + 0.03, w / 2 - 0.03, 0, 0.041, -d / 2 + 0.03, d / 2 - 0.05, rgba("charcoal")),
        ]
        out += P.shelves(-w / 2 + t, w / 2 - t, 0.04 + t, hs - t, -d / 2 + 0.01, d / 2, 1, t, stand)
        mid = (0.04 + hs) / 2
        for i in range(3):
            out.append(
                P.block(-0.15, 0.15, mid + t / 2 + 0.05 * i, mid + t / 2 + 0.05 * (i + 1) - 0.004, -0.15, 0.07, rgba("white"))
            )
        pw, pd = min(w - 0.04, 0.48), min(d - 0.04, 0.42)
    top = h
    ph = top - hs
    out += [
        P.block(-pw / 2, pw / 2, hs, top - 0.05, -pd / 2, pd / 2, body),
        P.block(-pw / 2, pw / 2, top - 0.05, top, -pd / 2, pd / 2 - 0.02, lid),
        P.block(-pw / 2 + 0.05, pw / 2 - 0.05, hs + ph * 0.35, hs + ph * 0.55, pd / 2 - 0.002, pd / 2 + 0.003, rgba("charcoal")),
        P.block(-pw / 2 + 0.08, pw / 2 - 0.08, hs + ph * 0.42, hs + ph * 0.45, pd / 2 - 0.01, pd / 2 + 0.02, rgba("white")),
        P.block(pw / 2 - 0.14, pw / 2 - 0.02, top - 0.08, top - 0.04, pd / 2 - 0.005, pd / 2 + 0.015, rgba("charcoal")),
        P.block(pw / 2 - 0.12, pw / 2 - 0.05, top - 0.07, top - 0.05, pd / 2 + 0.01, pd / 2 + 0.018, rgba("pastel blue")),
    ]
    return out


@generator("shredder")
def shredder(w: float, h: float, d: float, p: dict) -> list:
    body, head = rgba(p.get("body", "black")), rgba(p.get("head", "charcoal"))
    hh = min(0.14, h * 0.22)
    y0 = 0.05 if p.get("casters", True) else 0.0
    out = [
        P.rounded_block(-w / 2, w / 2, y0, h - hh, -d / 2, d / 2, 0.02, body),
        P.rounded_block(-w / 2, w / 2, h - hh - 0.01, h - 0.004, -d / 2, d / 2, 0.015, head),
        P.block(-w / 2 + 0.05, w / 2 - 0.05, h - 0.006, h, -0.006, 0.006, rgba("screen")),
        P.block(w / 2 - 0.09, w / 2 - 0.04, h - 0.008, h - 0.002, 0.04, 0.08, rgba("green")),
        # see-through window with shredded paper strips inside
        P.block(-w / 2 + 0.05, w / 2 - 0.05, y0 + 0.06, (h - hh) * 0.75, d / 2 - 0.004, d / 2 + 0.002, rgba("smoked glass")),
        P.block(-w / 2 + 0.07, w / 2 - 0.12, (h - hh) * 0.76, (h - hh) * 0.8, d / 2 - 0.004, d / 2 + 0.002, rgba("grey")),
    ]
    for i in range(7):
        x = -w / 2 + 0.08 + i * (w - 0.16) / 6
        out.append(
            P.block(
                x - 0.006,
                x + 0.006,
                y0 + 0.07,
                y0 + 0.07 + (h - hh) * (0.25 + 0.05 * (i % 3)),
                d / 2 + 0.001,
                d / 2 + 0.004,
                rgba("white"),
            )
        )
    if y0 > 0:
        out += P.legs(-w / 2, w / 2, -d / 2, d / 2, 0, y0 + 0.002, 0.045, rgba("rubber"), style="round", inset=0.03)
    return out


@generator("popcorn_machine")
def popcorn_machine(w: float, h: float, d: float, p: dict) -> list:
    body, trim, sign = rgba(p.get("body", "red")), rgba(p.get("trim", "chrome")), rgba(p.get("sign", "yellow"))
    glass, corn = rgba("glass"), rgba("popcorn")
    kettle_h = min(0.6, h * 0.4)
    hc = h - kettle_h - 0.08  # top of the cart
    wr = min(0.14, hc * 0.3)
    out = [P.block(-w / 2 + 0.05, w / 2 - 0.05, wr * 0.5, hc, -d / 2, d / 2 - 0.02, body)]
    out += P.door_fronts(-w / 2 + 0.06, w / 2 - 0.06, wr * 0.6, hc - 0.04, d / 2 - 0.02, 1, body, trim)
    out.append(P.block(-w / 2 + 0.05, w / 2 - 0.05, hc - 0.03, hc, -d / 2, d / 2, trim))
    for sx in (-1, 1):  # two big spoked wheels on the sides, a front foot
        out.append(P.rod((sx * (w / 2 - 0.05), wr, -d / 2 + wr + 0.02), (sx * w / 2, wr, -d / 2 + wr + 0.02), wr, rgba("black")))
        out.append(P.rod((sx * (w / 2 - 0.006), wr, -d / 2 + wr + 0.02), (sx * w / 2, wr, -d / 2 + wr + 0.02), wr * 0.6, trim))
    out.append(P.block(-0.04, 0.04, 0, wr * 0.5 + 0.002, d / 2 - 0.12, d / 2 - 0.06, rgba("black")))
    # glass kettle cabinet: corner posts, back glass, a heap of popcorn and a steel kettle under the roof
    k0, k1 = hc, hc + kettle_h
    for sx in (-1, 1):
        for sz in (-1, 1):
            out.append(
                P.block(
                    sx * (w / 2 - 0.05) - 0.02,
                    sx * (w / 2 - 0.05) + 0.02,
                    k0,
                    k1,
                    sz * (d / 2 - 0.04) - 0.02,
                    sz * (d / 2 - 0.04) + 0.02,
                    body,
                )
            )
    out.append(P.block(-w / 2 + 0.05, w / 2 - 0.05, k0, k1, -d / 2 + 0.02, -d / 2 + 0.03, glass))
    out.append(P.rounded_block(-w / 2 + 0.08, w / 2 - 0.08, k0, k0 + kettle_h * 0.35, -d / 2 + 0.04, d / 2 - 0.06, 0.03, corn))
    out.append(P.frustum(0, 0, k1 - kettle_h * 0.35, k1 - 0.06, min(w, d) * 0.16, min(w, d) * 0.2, trim))
    out.append(P.column(0, 0, k1 - 0.07, k1, 0.015, trim))
    out.append(P.block(-w / 2 + 0.03, w / 2 - 0.03, k1, k1 + 0.025, -d / 2 + 0.01, d / 2 - 0.01, body))
    out.append(P.block(-w / 2 + 0.06, w / 2 - 0.06, k1 + 0.025, h, -0.02, 0.02, sign))
    # the handle of the cart at the back
    out.append(P.rod((-w / 2 + 0.06, hc * 0.8, -d / 2 - 0.0), (w / 2 - 0.06, hc * 0.8, -d / 2), 0.012, trim))
    return out


@generator("coat_rack")
def coat_rack(w: float, h: float, d: float, p: dict) -> list:
    wood, coat = rgba(p.get("frame", "walnut")), rgba(p.get("coat", "cognac leather"))
    rx, rz = w / 2, d / 2
    out = [P.column(0, 0, 0, h - 0.04, 0.018, wood), P.ellipsoid(0, h - 0.03, 0, 0.03, 0.03, 0.03, wood)]
    if p.get("base", "tripod") == "tripod":
        for a in (np.pi / 2, np.pi / 2 + 2.1, np.pi / 2 - 2.1):
            out.append(P.rod((0, 0.32, 0), (rx * np.cos(a) * 0.95, 0.015, rz * np.sin(a) * 0.95), 0.014, wood, sections=10))
    else:
        out.append(P.frustum(0, 0, 0, 0.03, min(rx, rz), min(rx, rz) * 0.9, rgba(p.get("base_color", "matte black metal"))))
    for k, y in enumerate((h - 0.12, h - 0.3)):
        for i in range(4):
            a = np.pi / 4 + i * np.pi / 2 + k * np.pi / 4
            out.append(P.rod((0, y - 0.06, 0), (rx * 0.92 * np.cos(a), y, rz * 0.92 * np.sin(a)), 0.008, wood, sections=8))
            out.append(P.ellipsoid(rx * 0.92 * np.cos(a), y, rz * 0.92 * np.sin(a), 0.014, 0.014, 0.014, wood, subdivisions=1))
    # a coat hanging from the hook at +X (its breadth along Z), a scarf from the hook at -X
    out.append(P.rounded_block(rx * 0.5, rx * 0.95, h - 1.05, h - 0.42, -rz * 0.8, rz * 0.8, 0.04, coat))
    out.append(P.rounded_block(rx * 0.55, rx * 0.92, h - 0.5, h - 0.28, -rz * 0.5, rz * 0.5, 0.04, coat))
    out.append(P.block(-rx * 0.95, -rx * 0.8, h - 0.75, h - 0.3, -0.05, 0.05, rgba(p.get("scarf", "red"))))
    return out


@generator("storage_rack")
def storage_rack(w: float, h: float, d: float, p: dict) -> list:
    frame = rgba(p.get("frame", "chrome"))
    style = p.get("style", "wire")
    n = int(p.get("shelves", 5))
    out = []
    for sx in (-1, 1):
        for sz in (-1, 1):
            x, z = sx * (w / 2 - 0.015), sz * (d / 2 - 0.015)
            out.append(P.column(x, z, 0, h, 0.015, frame, sections=12))
    bins = [rgba(c) for c in p.get("bins", ("pastel blue", "off white", "jute"))]
    for i in range(n):
        y = 0.08 + (h - 0.1) * i / (n - 1)
        if style == "wire":
            out.append(P.rod((-w / 2 + 0.01, y, d / 2 - 0.015), (w / 2 - 0.01, y, d / 2 - 0.015), 0.01, frame, sections=8))
            out.append(P.rod((-w / 2 + 0.01, y, -d / 2 + 0.015), (w / 2 - 0.01, y, -d / 2 + 0.015), 0.01, frame, sections=8))
            for k in range(int((w - 0.06) / 0.05) + 1):
                x = -w / 2 + 0.03 + k * 0.05
                out.append(P.rod((x, y, -d / 2 + 0.015), (x, y, d / 2 - 0.015), 0.004, frame, sections=6))
        else:
            out.append(
                P.block(
                    -w / 2 + 0.005,
                    w / 2 - 0.005,
                    y - 0.012,
                    y + 0.012,
                    -d / 2 + 0.005,
                    d / 2 - 0.005,
                    rgba(p.get("board", "oak")),
                )
            )
        if i < n - 1:  # boxes and bins on every shelf but the top
            gap = (h - 0.1) / (n - 1)
            bw = (w - 0.08) / 3
            for j in range(3 if i % 2 == 0 else 2):
                bh = min(0.3, gap * 0.7)
                x0 = -w / 2 + 0.04 + j * bw * (1.5 if i % 2 else 1.0)
                out.append(
                    P.block(
                        x0 + 0.01,
                        x0 + bw - 0.01,
                        y + 0.012,
                        y + 0.012 + bh,
                        -d / 2 + 0.04,
                        d / 2 - 0.04,
                        bins[(i + j) % len(bins)],
                    )
                )
    return out


@generator("shoe_rack")
def shoe_rack(w: float, h: float, d: float, p: dict) -> list:
    frame = rgba(p.get("frame", "bamboo"))
    tiers = int(p.get("tiers", 3))
    t = 0.02
    out = []
    for x in (-w / 2 + t / 2, w / 2 - t / 2):
        if p.get("sides", "panel") == "panel":
            out.append(P.block(x - t / 2, x + t / 2, 0, h, -d / 2, d / 2, frame))
        else:
            for z in (-d / 2 + 0.01, d / 2 - 0.01):
                out.append(P.column(x, z, 0, h, 0.01, frame, sections=10))
    step = (h - 0.03) / tiers
    shoe_l = min(0.27, d * 0.85)
    k = 0
    for i in range(tiers):
        y = 0.03 + i * step
        if p.get("slats", True):
            for z in np.linspace(-d / 2 + 0.02, d / 2 - 0.02, 4):
                out.append(P.block(-w / 2 + t, w / 2 - t, y - 0.015, y, z - 0.012, z + 0.012, frame))
        else:
            out.append(P.block(-w / 2 + t, w / 2 - t, y - 0.015, y, -d / 2, d / 2, frame))
        if i == tiers - 1 and step < 0.12:
            continue
        sh = min(0.1, step - 0.03)
        npair = max(1, int((w - 0.06) / 0.24))
        for j in range(npair):
            cx = -w / 2 + 0.03 + (w - 0.06) * (j + 0.5) / npair
            col = rgba(SHOE_COLORS[k % len(SHOE_COLORS)])
            k += 1
            for dx in (-0.055, 0.055):
                out.append(
                    P.rounded_block(
                        cx + dx - 0.045, cx + dx + 0.045, y, y + 0.02, -shoe_l / 2, shoe_l / 2, 0.008, rgba("off white")
                    )
                )
                out.append(
                    P.rounded_block(
                        cx + dx - 0.042, cx + dx + 0.042, y + 0.018, y + sh, -shoe_l / 2, -shoe_l / 2 + shoe_l * 0.6, 0.025, col
                    )
                )
                out.append(
                    P.rounded_block(
                        cx + dx - 0.04,
                        cx + dx + 0.04,
                        y + 0.018,
                        y + sh * 0.55,
                        -shoe_l / 2 + 0.02,
                        shoe_l / 2 - 0.005,
                        0.02,
                        col,
                    )
                )
    out.append(P.block(-w / 2 + t, w / 2 - t, h - t, h, -d / 2, d / 2, frame))
    return out
