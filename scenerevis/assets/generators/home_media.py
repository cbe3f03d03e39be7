"""home_media.py: generators of the catalog_home pack: screens, projectors, audio, fireplaces, aquaria and living pieces.

All builders fill ``[-w/2, w/2] x [0, h] x [-d/2, d/2]`` (metres, Y up, front +Z).
"""

from __future__ import annotations

import numpy as np
import shapely.geometry as sg
import trimesh

from scenerevis.assets import parts as P
from scenerevis.assets.generators.home import flat_prism, front_disc
from scenerevis.assets.generators.registry import generator
from scenerevis.assets.palette import rgba

SLEEVE_COLORS = ("red", "yellow", "navy", "off white", "teal velvet", "orange")


def _driver(x: float, y: float, z: float, r: float, cone, rim) -> list:
    """A loudspeaker driver on a baffle at depth ``z``: rim ring, cone and dust cap (proud by at most 2.5 cm)."""
    return [
        front_disc(x, y, z - 0.002, z + 0.01, r, rim),
        front_disc(x, y, z + 0.008, z + 0.016, r * 0.82, cone),
        front_disc(x, y, z + 0.014, z + 0.024, r * 0.28, rim, sections=16),
    ]


@generator("monitor")
def monitor(w: float, h: float, d: float, p: dict) -> list:
    body, stand = rgba(p.get("body", "black")), rgba(p.get("stand", p.get("body", "black")))
    style = p.get("style", "flat")
    z_screen = d / 2 - 0.03
    y0 = h * 0.28 if style != "all_in_one" else h * 0.2
    out = [
        P.block(-min(0.14, w * 0.25), min(0.14, w * 0.25), 0, 0.012, -d / 2, d / 2, stand),
        P.block(-0.035, 0.035, 0.01, y0 + (h - y0) * 0.5, -d / 2 + 0.03, -d / 2 + 0.05, stand),
    ]
    if style == "curved":  # seven facets on an arc, edges towards the viewer
        n, radius = 7, 1.8
        half = np.arcsin(min(0.99, (w / 2) / radius))
        seg = 2 * radius * np.sin(half / n) + 0.004
        z_mid = z_screen - radius * (1 - np.cos(half))
        for i in range(n):
            phi = -half + half * (2 * i + 1) / n
            for dz, t, col, trim in ((-0.012, 0.024, body, 0.0), (0.012, 0.004, rgba("screen"), 0.012)):
                m = P.cbox(0, (y0 + h) / 2, 0, seg, h - y0 - trim * 2, t, col)
                m.apply_translation((0, 0, dz))
                m.apply_transform(trimesh.transformations.rotation_matrix(-phi, [0, 1, 0]))
                m.apply_translation((radius * np.sin(phi), 0, z_mid + radius * (1 - np.cos(phi))))
                out.append(m)
        out.append(P.block(-0.08, 0.08, y0 + (h - y0) * 0.3, y0 + (h - y0) * 0.7, z_mid - 0.05, z_mid - 0.02, body))
        return out
    out += [
        P.block(-w / 2, w / 2, y0, h, z_screen - 0.02, z_screen + 0.01, body),
        P.block(-w / 2 + 0.012, w / 2 - 0.012, y0 + 0.012, h - 0.012, z_screen + 0.009, z_screen + 0.013, rgba("screen")),
        P.rounded_block(
            -w * 0.3, w * 0.3, y0 + (h - y0) * 0.15, y0 + (h - y0) * 0.85, z_screen - 0.06, z_screen - 0.018, 0.015, body
        ),
    ]
    if style == "all_in_one":  # a coloured chin under the screen
        out[-2] = P.block(
            -w / 2 + 0.012, w / 2 - 0.012, y0 + (h - y0) * 0.2, h - 0.012, z_screen + 0.009, z_screen + 0.013, rgba("screen")
        )
        out.append(
            P.block(-w / 2, w / 2, y0, y0 + (h - y0) * 0.19, z_screen - 0.02, z_screen + 0.014, rgba(p.get("chin", "light grey")))
        )
    # a sky-blue desktop picture on the lower part of the screen reads as "switched on"
    out.append(P.block(-w / 2 + 0.03, -w / 2 + 0.1, h - 0.1, h - 0.04, z_screen + 0.012, z_screen + 0.016, rgba("pastel blue")))
    return out


@generator("projector")
def projector(w: float, h: float, d: float, p: dict) -> list:
    stand, body, lens = rgba(p.get("stand", "matte black metal")), rgba(p.get("body", "white")), rgba("screen")
    ph = min(0.13, h * 0.14)
    top = h - ph
    out: list = []
    if p.get("stand_style", "tripod") == "tripod":
        out.append(P.column(0, 0, 0.3, top - 0.02, 0.016, stand))
        for fx, fz in ((0, d / 2 - 0.01), (-w / 2 + 0.01, -d / 2 + 0.01), (w / 2 - 0.01, -d / 2 + 0.01)):
            out.append(P.rod((0, 0.34, 0), (fx, 0.01, fz), 0.01, stand, sections=10))
            out.append(P.ellipsoid(fx, 0.012, fz, 0.012, 0.012, 0.012, rgba("rubber"), subdivisions=1))
        out.append(P.block(-w * 0.4, w * 0.4, top - 0.02, top, -d * 0.35, d * 0.35, stand))
    else:  # pedestal: a round column on a disc base with a square tray
        out.append(P.frustum(0, 0, 0, 0.03, min(w, d) * 0.45, min(w, d) * 0.42, stand))
        out.append(P.column(0, 0, 0.03, top - 0.02, 0.035, stand))
        out.append(P.block(-w / 2, w / 2, top - 0.025, top, -d / 2, d / 2, stand))
    pw, pd = min(w * 0.75, 0.34), min(d * 0.65, 0.28)
    out.append(P.rounded_block(-pw / 2, pw / 2, top, h, -pd / 2, pd / 2, 0.02, body))
    lx = -pw / 4
    out.append(front_disc(lx, top + ph * 0.5, pd / 2 - 0.01, pd / 2 + 0.025, ph * 0.36, rgba("charcoal")))
    out.append(front_disc(lx, top + ph * 0.5, pd / 2 + 0.02, pd / 2 + 0.03, ph * 0.26, lens))
    for i in range(4):  # vent slots
        x = pw / 4 - 0.03 + i * 0.02
        out.append(P.block(x - 0.005, x + 0.005, top + ph * 0.25, top + ph * 0.75, pd / 2 - 0.005, pd / 2 + 0.002, rgba("grey")))
    return out


@generator("projector_screen")
def projector_screen(w: float, h: float, d: float, p: dict) -> list:
    case, border, screen = rgba(p.get("case", "black")), rgba(p.get("border", "black")), rgba(p.get("screen", "white"))
    out = [
        P.rod((-w / 2, h - 0.04, 0), (w / 2, h - 0.04, 0), min(0.04, d / 2), case),
        P.block(-w * 0.32, w * 0.32, 0, 0.03, -d / 2, d / 2, case),  # floor foot bar
        P.block(-0.02, 0.02, 0.02, h - 0.06, -d / 2 + 0.005, -d / 2 + 0.03, case),  # centre pole at the back
    ]
    y0 = h * 0.2
    out += [
        P.block(-w / 2 + 0.04, w / 2 - 0.04, y0, h - 0.08, -0.004, 0.004, border),
        P.block(-w / 2 + 0.1, w / 2 - 0.1, y0 + 0.06, h - 0.15, 0.003, 0.007, screen),
        P.rod((-w / 2 + 0.04, y0, 0), (w / 2 - 0.04, y0, 0), 0.012, case),
    ]
    for sx in (-1, 1):  # scissor arms from the pole to the screen's bottom bar
        out.append(P.rod((0, y0 * 0.4, -d / 2 + 0.02), (sx * w * 0.3, y0 - 0.01, -0.01), 0.008, case, sections=8))
    return out


@generator("speaker")
def speaker(w: float, h: float, d: float, p: dict) -> list:
    body, cone, rim = rgba(p.get("body", "black")), rgba(p.get("cone", "charcoal")), rgba(p.get("rim", "steel"))
    plinth = 0.04
    zf = d / 2 - 0.025
    out = [
        P.block(-w / 2, w / 2, 0.015, plinth, -d / 2, d / 2, rgba(p.get("plinth", "black"))),
        P.rounded_block(-w / 2 + 0.01, w / 2 - 0.01, plinth, h, -d / 2 + 0.01, zf, 0.012, body),
    ]
    out += P.legs(-w / 2, w / 2, -d / 2, d / 2, 0, 0.016, 0.025, rim, style="tapered", inset=0.01)
    r = min(w * 0.36, 0.1)
    out += _driver(0, h - 0.09, zf, min(0.03, r * 0.4), rgba("screen"), rim)
    for i in range(int(p.get("woofers", 2))):
        out += _driver(0, h - 0.09 - 0.06 - r - i * (2 * r + 0.04), zf, r, cone, rim)
    out.append(front_disc(0, plinth + 0.09, zf - 0.002, zf + 0.006, 0.025, rgba("screen"), sections=16))  # bass port
    return out


@generator("subwoofer")
def subwoofer(w: float, h: float, d: float, p: dict) -> list:
    body, cone, rim = rgba(p.get("body", "black")), rgba(p.get("cone", "charcoal")), rgba(p.get("rim", "steel"))
    zf = d / 2 - 0.025
    out = [P.rounded_block(-w / 2, w / 2, 0.03, h, -d / 2, zf, 0.015, body)]
    out += P.legs(-w / 2, w / 2, -d / 2, zf, 0, 0.032, 0.04, rgba("rubber"), style="round", inset=0.02)
    r = min(w, h - 0.03) * 0.38
    out += _driver(0, 0.03 + (h - 0.03) / 2, zf, r, cone, rim)
    out.append(P.block(w / 2 - 0.05, w / 2 - 0.03, 0.06, 0.07, zf - 0.002, zf + 0.004, rgba("pastel blue")))  # power light
    return out


@generator("amplifier")
def amplifier(w: float, h: float, d: float, p: dict) -> list:
    tolex, grille, panel = rgba(p.get("tolex", "black")), rgba(p.get("grille", "grey fabric")), rgba(p.get("panel", "chrome"))
    zf = d / 2 - 0.02
    ph = min(0.09, h * 0.2)
    out = [
        P.rounded_block(-w / 2, w / 2, 0, h - 0.035, -d / 2, zf, 0.02, tolex),
        P.block(-w / 2 + 0.03, w / 2 - 0.03, 0.03, h - ph - 0.05, zf - 0.003, zf + 0.008, grille),
        P.block(-w / 2 + 0.02, w / 2 - 0.02, h - ph - 0.04, h - 0.05, zf - 0.003, zf + 0.006, panel),
        P.block(-0.08, 0.08, h - 0.035, h - 0.015, -0.02, 0.02, rgba("black leather")),
        P.block(-0.09, -0.07, h - 0.04, h, -0.02, 0.02, rgba("black leather")),
        P.block(0.07, 0.09, h - 0.04, h, -0.02, 0.02, rgba("black leather")),
        P.block(-w / 2 + 0.05, -w / 2 + 0.14, 0.06, 0.09, zf + 0.007, zf + 0.012, rgba(p.get("logo", "off white"))),
    ]
    n = 6
    for i in range(n):  # a row of knobs on the control panel, an input jack at the left
        x = -w / 2 + 0.12 + (w - 0.18) * i / (n - 1)
        out.append(
            front_disc(x, h - 0.045 - ph / 2 + 0.005, zf + 0.005, zf + 0.02, 0.012, rgba(p.get("knobs", "black")), sections=12)
        )
    out.append(front_disc(-w / 2 + 0.06, h - 0.045 - ph / 2 + 0.005, zf + 0.005, zf + 0.012, 0.008, rgba("screen"), sections=10))
    return out


@generator("record_player")
def record_player(w: float, h: float, d: float, p: dict) -> list:
    body, deck, legs = rgba(p.get("body", "walnut")), rgba(p.get("deck", p.get("body", "walnut"))), rgba(p.get("leg", "walnut"))
    tt = 0.12
    hc = h - tt
    ly = min(0.18, hc * 0.3)
    t = 0.02
    out = P.legs(
        -w / 2 + 0.02, w / 2 - 0.02, -d / 2 + 0.02, d / 2 - 0.04, 0, ly + 0.002, 0.035, legs, style="tapered", inset=0.02
    )
    out += [
        P.block(-w / 2, w / 2, ly, ly + t, -d / 2, d / 2, body),
        P.block(-w / 2, w / 2, hc - t, hc, -d / 2, d / 2, body),
        P.block(-w / 2, -w / 2 + t, ly, hc, -d / 2, d / 2, body),
        P.block(w / 2 - t, w / 2, ly, hc, -d / 2, d / 2, body),
        P.block(-w / 2, w / 2, ly, hc, -d / 2, -d / 2 + 0.01, body),
        P.block(-t / 2, t / 2, ly, hc, -d / 2, d / 2, body),
    ]
    # left: a row of record sleeves; right: a door
    x = -w / 2 + t + 0.01
    i = 0
    while x < -t / 2 - 0.02:
        sh = min(0.31, hc - ly - 2 * t - 0.01)
        out.append(
            P.block(
                x,
                x + 0.012,
                ly + t,
                ly + t + sh,
                -d / 2 + 0.02,
                -d / 2 + 0.02 + min(0.31, d - 0.06),
                rgba(SLEEVE_COLORS[i % len(SLEEVE_COLORS)]),
            )
        )
        x += 0.018
        i += 1
    out += P.door_fronts(t / 2, w / 2 - t, ly + t, hc - t, d / 2 - 0.02, 1, deck, rgba("brass"))
    # turntable: plinth, platter with a record and its label, tonearm
    tw, td = min(0.46, w - 0.04), min(0.36, d - 0.04)
    y1 = hc + 0.07
    out.append(P.block(-tw / 2, tw / 2, hc, y1, -td / 2, td / 2, rgba(p.get("plinth", "black"))))
    pr = min(0.15, td / 2 - 0.02)
    px = -tw / 2 + pr + 0.03
    out += [
        P.column(px, 0, y1, y1 + 0.02, pr, rgba("steel"), sections=40),
        P.column(px, 0, y1 + 0.02, y1 + 0.026, pr * 0.98, rgba("screen"), sections=40),
        P.column(px, 0, y1 + 0.026, y1 + 0.028, pr * 0.3, rgba(p.get("label", "red")), sections=20),
        P.column(tw / 2 - 0.06, -td / 2 + 0.06, y1, y1 + 0.05, 0.018, rgba("chrome"), sections=12),
        P.rod(
            (tw / 2 - 0.06, y1 + 0.045, -td / 2 + 0.06), (px + pr * 0.7, y1 + 0.035, pr * 0.3), 0.005, rgba("chrome"), sections=8
        ),
        front_disc(tw / 2 - 0.06, hc + 0.03, td / 2 - 0.002, td / 2 + 0.008, 0.012, rgba("chrome"), sections=12),
    ]
    out.append(P.block(-tw / 2, tw / 2, h - 0.004, h, -td / 2, -td / 2 + 0.004, rgba("glass")))  # dust-cover hinge edge
    return out


def _arch(half_w: float, y0: float, y1: float) -> sg.Polygon:
    """Upright arch (rectangle with a half-round top) spanning ``[-half_w, half_w] x [y0, y1]`` (metres)."""
    yc = y1 - half_w
    return sg.box(-half_w, y0, half_w, yc).union(sg.Point(0, yc).buffer(half_w, quad_segs=16))


@generator("jukebox")
def jukebox(w: float, h: float, d: float, p: dict) -> list:
    body, neon, trim = rgba(p.get("body", "red")), rgba(p.get("neon", "orange")), rgba(p.get("trim", "chrome"))
    zf = d / 2 - 0.03

    def prism(poly, z0, z1, col):
        m = flat_prism(poly, z1 - z0, col)
        m.apply_translation((0, 0, z0))
        return m

    out = [
        prism(_arch(w / 2, 0, h), -d / 2, zf, body),
        prism(_arch(w / 2 - 0.01, 0.05, h - 0.01).difference(_arch(w / 2 - 0.07, 0.0, h - 0.07)), zf - 0.005, zf + 0.02, neon),
        prism(_arch(w / 2 - 0.09, h * 0.42, h - 0.09), zf - 0.005, zf + 0.012, rgba("glass")),
        P.block(-w / 2 + 0.09, w / 2 - 0.09, h * 0.42, h * 0.44, zf + 0.01, zf + 0.03, trim),
    ]
    # records standing in the window, a selector strip, the speaker grille with chrome bars, a plinth
    for i in range(5):
        x = -w / 2 + 0.14 + (w - 0.28) * i / 4
        out.append(front_disc(x, h * 0.55, zf + 0.011, zf + 0.016, min(0.05, w * 0.06), rgba("screen"), sections=20))
    out.append(P.block(-w / 2 + 0.1, w / 2 - 0.1, h * 0.36, h * 0.41, zf - 0.005, zf + 0.015, rgba(p.get("panel", "yellow"))))
    out.append(P.block(-w / 2 + 0.09, w / 2 - 0.09, 0.1, h * 0.34, zf - 0.005, zf + 0.008, rgba("charcoal")))
    for i in range(7):
        x = -w / 2 + 0.11 + (w - 0.22) * i / 6
        out.append(P.block(x - 0.008, x + 0.008, 0.1, h * 0.34, zf + 0.007, zf + 0.02, trim))
    out.append(P.block(-w / 2, w / 2, 0, 0.05, -d / 2, zf + 0.01, trim))
    return out


@generator("whiteboard")
def whiteboard(w: float, h: float, d: float, p: dict) -> list:
    frame, face, stand = rgba(p.get("frame", "steel")), rgba(p.get("face", "white")), rgba(p.get("stand", "steel"))
    hb = min(1.2, h * 0.62)
    yb = h - hb - 0.04
    out = []
    for sx in (-1, 1):  # uprights on caster feet
        x = sx * (w / 2 - 0.025)
        out.append(P.block(x - 0.02, x + 0.02, 0.07, h, -0.02, 0.02, stand))
        out.append(P.block(x - 0.025, x + 0.025, 0.06, 0.1, -d / 2 + 0.03, d / 2 - 0.03, stand))
        for z in (-d / 2 + 0.035, d / 2 - 0.035):
            out.append(P.rod((x - 0.02, 0.035, z), (x + 0.02, 0.035, z), 0.035, rgba("rubber"), sections=14))
    out.append(P.rod((-w / 2 + 0.05, 0.25, 0), (w / 2 - 0.05, 0.25, 0), 0.015, stand))
    out += [
        P.block(-w / 2 + 0.045, w / 2 - 0.045, yb, h - 0.04, -0.018, 0.018, frame),
        P.block(-w / 2 + 0.07, w / 2 - 0.07, yb + 0.025, h - 0.065, 0.017, 0.022, face),
        P.block(-w / 2 + 0.2, w / 2 - 0.2, yb - 0.015, yb + 0.01, 0.0, 0.07, frame),  # tray
    ]
    notes = p.get("notes", "markers")
    if notes == "markers":
        for i, c in enumerate(("red", "navy", "black")):
            x = -0.15 + i * 0.1
            out.append(P.rod((x, yb + 0.022, 0.045), (x + 0.12, yb + 0.022, 0.045), 0.01, rgba(c), sections=10))
        out.append(P.block(-w * 0.3, -w * 0.05, h - 0.3, h - 0.28, 0.021, 0.024, rgba("navy")))
        out.append(P.block(-w * 0.3, w * 0.1, h - 0.4, h - 0.38, 0.021, 0.024, rgba("red")))
    elif notes == "chalk":
        out.append(P.rod((-0.1, yb + 0.02, 0.045), (0.0, yb + 0.02, 0.045), 0.008, rgba("white"), sections=8))
        for i in range(3):
            out.append(
                P.block(-w * 0.3, w * (0.2 - 0.1 * i), h - 0.3 - 0.1 * i, h - 0.285 - 0.1 * i, 0.021, 0.024, rgba("white"))
            )
    else:  # pinned paper notes
        cols = ("yellow", "pastel pink", "pastel blue", "white", "sage")
        for i in range(8):
            x = -w / 2 + 0.2 + (i % 4) * (w - 0.4) / 3
            y = h - 0.2 - (i // 4) * hb * 0.45
            out.append(P.block(x - 0.07, x + 0.07, y - 0.09, y + 0.05, 0.021, 0.024, rgba(cols[i % len(cols)])))
    return out


@generator("fireplace")
def fireplace(w: float, h: float, d: float, p: dict) -> list:
    surround, mantel, hearth = (
        rgba(p.get("surround", "marble")),
        rgba(p.get("mantel", "marble")),
        rgba(p.get("hearth", "granite")),
    )
    style = p.get("style", "classic")
    zf = d / 2 - 0.06
    mt = 0.06
    out = [
        P.block(-w / 2, w / 2, 0, 0.05, -d / 2, d / 2, hearth),
        P.block(-w / 2 + 0.05, w / 2 - 0.05, 0.05, h - mt, -d / 2, zf, surround),
        P.block(-w / 2, w / 2, h - mt, h, -d / 2, d / 2 - 0.02, mantel),
    ]
    black, fire, glow = rgba("screen"), rgba("orange"), rgba("flame")
    if style == "modern":  # a wide, low firebox with a line of flames behind glass
        fw, fh = w * 0.7, (h - mt) * 0.3
        fy = (h - mt) * 0.35
        out.append(P.block(-fw / 2, fw / 2, fy, fy + fh, zf - 0.01, zf + 0.01, black))
        for i in range(9):
            x = -fw / 2 + 0.05 + (fw - 0.1) * i / 8
            out.append(
                P.ellipsoid(x, fy + fh * 0.3, zf + 0.012, fw / 22, fh * (0.22 + 0.08 * (i % 3)), 0.006, fire if i % 2 else glow)
            )
        out.append(P.block(-fw / 2, fw / 2, fy + 0.01, fy + 0.03, zf + 0.01, zf + 0.02, rgba("smoked glass")))
        return out
    fw, fh = w * 0.46, (h - mt) * 0.55
    out.append(P.block(-fw / 2, fw / 2, 0.05, 0.05 + fh, zf - 0.01, zf + 0.01, black))
    out.append(P.block(-fw / 2 - 0.06, fw / 2 + 0.06, 0.05, 0.11 + fh, zf - 0.012, zf + 0.005, hearth))  # slip around the opening
    if style == "classic":  # pilasters and a frieze under the mantel
        for sx in (-1, 1):
            x = sx * (w / 2 - 0.12)
            out.append(P.block(x - 0.07, x + 0.07, 0.05, h - mt, zf - 0.01, zf + 0.03, surround))
        out.append(P.block(-w / 2 + 0.05, w / 2 - 0.05, h - mt - 0.1, h - mt, zf - 0.01, zf + 0.03, surround))
    else:  # brick: mortar lines on the surround
        for i in range(1, int((h - mt - 0.05) / 0.08)):
            y = 0.05 + i * 0.08
            for sx in (-1, 1):
                out.append(
                    P.block(sx * fw / 2, sx * (w / 2 - 0.05), y - 0.006, y + 0.006, zf - 0.01, zf + 0.003, rgba("off white"))
                )
    # a grate with logs and flames, a brass fender rail on the hearth
    out.append(P.rod((-fw * 0.3, 0.1, zf + 0.035), (fw * 0.3, 0.1, zf + 0.035), 0.04, rgba("walnut"), sections=12))
    out.append(P.rod((-fw * 0.25, 0.14, zf + 0.02), (fw * 0.3, 0.12, zf + 0.03), 0.035, rgba("dark walnut"), sections=12))
    for i, (x, sc) in enumerate(((-fw * 0.15, 1.0), (0.0, 1.3), (fw * 0.15, 0.9))):
        out.append(P.ellipsoid(x, 0.15 + fh * 0.16 * sc, zf + 0.02, fw * 0.08, fh * 0.18 * sc, 0.02, glow if i == 1 else fire))
    out.append(
        P.rod((-fw / 2 - 0.05, 0.09, d / 2 - 0.02), (fw / 2 + 0.05, 0.09, d / 2 - 0.02), 0.012, rgba(p.get("fender", "brass")))
    )
    return out


@generator("aquarium")
def aquarium(w: float, h: float, d: float, p: dict) -> list:
    stand, rim = rgba(p.get("stand", "black")), rgba(p.get("rim", "black"))
    hs = h * 0.5
    tank_h = h - hs - 0.05
    y0 = hs
    zf = d / 2 - 0.01
    out = [P.block(-w / 2 + 0.01, w / 2 - 0.01, 0, hs, -d / 2 + 0.01, d / 2 - 0.03, stand)]
    out += P.door_fronts(-w / 2 + 0.02, w / 2 - 0.02, 0.04, hs - 0.02, d / 2 - 0.03, 2, stand, rgba(p.get("handle", "steel")))
    out += [
        P.block(-w / 2, w / 2, y0, y0 + 0.03, -d / 2, d / 2, rim),
        P.block(-w / 2 + 0.01, w / 2 - 0.01, y0 + 0.03, y0 + tank_h, -d / 2 + 0.01, zf - 0.01, rgba("water")),
        P.block(-w / 2 + 0.01, w / 2 - 0.01, y0 + 0.03, y0 + 0.03 + tank_h * 0.14, -d / 2 + 0.01, zf - 0.005, rgba("gravel")),
        P.block(-w / 2, w / 2, y0 + tank_h, h, -d / 2, d / 2, rim),  # hood
    ]
    for sx in (-1, 1):
        for sz in (-1, 1):
            x, z = sx * (w / 2 - 0.008), sz * (d / 2 - 0.008)
            out.append(P.block(x - 0.008, x + 0.008, y0, y0 + tank_h, z - 0.008, z + 0.008, rim))
    rng = np.random.default_rng(int(p.get("seed", 1)))
    for i in range(7):  # plants rising from the gravel, pressed against the front glass
        x = -w / 2 + 0.08 + (w - 0.16) * i / 6 + rng.uniform(-0.02, 0.02)
        ph = tank_h * rng.uniform(0.35, 0.75)
        out.append(
            P.ellipsoid(x, y0 + 0.03 + ph / 2, zf - 0.014, 0.035, ph / 2, 0.01, rgba("leaf green" if i % 3 else "dark leaf"))
        )
    for i in range(5):  # fish
        x = -w / 2 + 0.15 + (w - 0.3) * rng.uniform()
        y = y0 + 0.03 + tank_h * rng.uniform(0.35, 0.85)
        out.append(P.ellipsoid(x, y, zf - 0.012, 0.045, 0.022, 0.008, rgba(("orange", "yellow", "red")[i % 3])))
    out.append(P.block(-w / 2 + 0.05, -w / 2 + 0.15, h - 0.04, h - 0.01, d / 2 - 0.005, d / 2, rgba("light grey")))
    return out


@generator("wine_rack")
def wine_rack(w: float, h: float, d: float, p: dict) -> list:
    frame = rgba(p.get("frame", "pine"))
    style = p.get("style", "grid")
    t = 0.018
    cell = 0.11
    out: list = []
    if style == "fridge":  # wine cooler: steel cabinet, dark glass door, bottles lying on wooden shelves
        zf = d / 2 - 0.03
        out += [
            P.block(-w / 2, w / 2, 0.04, h, -d / 2, zf, frame),
            P.block(-w / 2 + 0.01, w / 2 - 0.01, 0, 0.045, -d / 2 + 0.02, zf, rgba("black")),
            P.block(-w / 2 + 0.005, w / 2 - 0.005, 0.05, h - 0.005, zf - 0.002, zf + 0.012, frame),
            P.block(-w / 2 + 0.04, w / 2 - 0.04, 0.08, h - 0.04, zf + 0.011, zf + 0.014, rgba("smoked glass")),
            P.block(w / 2 - 0.03, w / 2 - 0.015, h * 0.3, h * 0.7, zf + 0.012, zf + 0.03, rgba("chrome")),
        ]
        x0, x1, y0, y1, zb = -w / 2 + 0.05, w / 2 - 0.05, 0.09, h - 0.05, zf + 0.02
    else:
        out += [
            P.block(-w / 2, -w / 2 + t, 0, h, -d / 2, d / 2, frame),
            P.block(w / 2 - t, w / 2, 0, h, -d / 2, d / 2, frame),
            P.block(-w / 2, w / 2, h - t, h, -d / 2, d / 2, frame),
            P.block(-w / 2, w / 2, 0, 0.04, -d / 2, d / 2, frame),
        ]
        x0, x1, y0, y1, zb = -w / 2 + t, w / 2 - t, 0.04, h - t, d / 2 - 0.01
    cols, rows = max(1, int((x1 - x0) / cell)), max(1, int((y1 - y0) / cell))
    cw, rh = (x1 - x0) / cols, (y1 - y0) / rows
    if style != "fridge":
        for c in range(1, cols):
            out.append(P.block(x0 + c * cw - t / 4, x0 + c * cw + t / 4, y0, y1, -d / 2, d / 2 - 0.005, frame))
        for r in range(1, rows):
            out.append(P.block(x0, x1, y0 + r * rh - t / 4, y0 + r * rh + t / 4, -d / 2, d / 2 - 0.005, frame))
    glass, foil = rgba(p.get("bottle", "bottle green")), [rgba(c) for c in ("red", "brass", "charcoal")]
    br = min(0.038, cw * 0.38, rh * 0.38)
    for r in range(rows):
        for c in range(cols):
            if (r * 7 + c * 3) % 5 == 4:
                continue  # a few empty cubbies
            x, y = x0 + (c + 0.5) * cw, y0 + (r + 0.5) * rh
            if style == "fridge":
                out.append(P.block(x - cw / 2, x + cw / 2, y - rh / 2, y - rh / 2 + 0.01, zb - 0.004, zb + 0.004, rgba("oak")))
            out.append(P.rod((x, y, -d / 2 + 0.03), (x, y, zb - 0.09), br, glass, sections=14))
            out.append(P.rod((x, y, zb - 0.091), (x, y, zb - 0.02), br * 0.38, glass, sections=10))
            out.append(P.rod((x, y, zb - 0.021), (x, y, zb), br * 0.42, foil[(r + c) % 3], sections=10))
    return out


@generator("vanity")
def vanity(w: float, h: float, d: float, p: dict) -> list:
    body, handle = rgba(p.get("body", "white")), rgba(p.get("handle", "brass"))
    ht = h - 0.1  # table top; a hand mirror, a jewellery box and bottles stand on it
    pw = min(0.3, w * 0.3)
    zf = d / 2 - 0.02
    out = [P.block(-w / 2, w / 2, ht - 0.03, ht, -d / 2, d / 2, body)]
    leg = rgba(p.get("leg", p.get("body", "white")))
    if p.get("pedestals", True):
        for sx in (-1, 1):
            a, b = (-w / 2, -w / 2 + pw) if sx < 0 else (w / 2 - pw, w / 2)
            out.append(P.block(a + 0.005, b - 0.005, 0.05, ht - 0.03, -d / 2 + 0.01, zf, body))
            out.append(P.block(a + 0.02, b - 0.02, 0, 0.051, -d / 2 + 0.02, zf - 0.03, leg))
            out += P.drawer_fronts(a + 0.01, b - 0.01, 0.06, ht - 0.035, zf, 3, 1, body, handle, handle="knob")
        out += P.drawer_fronts(
            -w / 2 + pw + 0.01, w / 2 - pw - 0.01, ht - 0.14, ht - 0.035, zf, 1, 1, body, handle, handle="knob"
        )
        out.append(P.block(-w / 2 + pw, w / 2 - pw, ht - 0.14, ht - 0.03, -d / 2 + 0.01, zf, body))
    else:  # slim table on splayed legs with one wide drawer
        out += P.legs(
            -w / 2 + 0.02, w / 2 - 0.02, -d / 2 + 0.02, d / 2 - 0.02, 0, ht - 0.03, 0.04, leg, style="splayed", inset=0.03
        )
        out.append(P.block(-w / 2 + 0.03, w / 2 - 0.03, ht - 0.14, ht - 0.03, -d / 2 + 0.03, zf, body))
        out += P.drawer_fronts(-w / 2 + 0.06, w / 2 - 0.06, ht - 0.135, ht - 0.035, zf, 1, 2, body, handle, handle="knob")
    # table-top mirror on a stand, a jewellery box and three bottles
    mr = 0.045
    out.append(P.frustum(0, -d / 2 + 0.1, ht, ht + 0.008, 0.04, 0.035, handle))
    out.append(P.rod((0, h - mr, -d / 2 + 0.098), (0, h - mr, -d / 2 + 0.112), mr, handle, sections=24))
    out.append(P.rod((0, h - mr, -d / 2 + 0.111), (0, h - mr, -d / 2 + 0.116), mr * 0.85, rgba("mirror"), sections=24))
    out.append(P.column(0, -d / 2 + 0.1, ht, h - 2 * mr + 0.005, 0.006, handle))
    out.append(P.block(-w / 2 + 0.08, -w / 2 + 0.22, ht, ht + 0.06, -0.05, 0.05, rgba(p.get("box", "pastel pink"))))
    for i, c in enumerate(("glass", "blush", "brass")):
        out.append(P.column(w / 2 - 0.1 - 0.05 * i, -0.02, ht, ht + 0.05 + 0.015 * i, 0.018, rgba(c), sections=14))
    return out


@generator("console_table")
def console_table(w: float, h: float, d: float, p: dict) -> list:
    top, leg = rgba(p.get("top", "walnut")), rgba(p.get("leg", p.get("top", "walnut")))
    style = p.get("style", "wood")
    tt = 0.03
    out = [P.block(-w / 2, w / 2, h - tt, h, -d / 2, d / 2, top)]
    if style == "metal":  # slim metal frame with a lower glass shelf
        for sx in (-1, 1):
            x = sx * (w / 2 - 0.02)
            for sz in (-1, 1):
                out.append(
                    P.block(x - 0.012, x + 0.012, 0, h - tt, sz * (d / 2 - 0.02) - 0.012, sz * (d / 2 - 0.02) + 0.012, leg)
                )
            out.append(P.block(x - 0.012, x + 0.012, 0.15, 0.17, -d / 2 + 0.01, d / 2 - 0.01, leg))
        out.append(P.block(-w / 2 + 0.01, w / 2 - 0.01, 0.17, 0.18, -d / 2 + 0.01, d / 2 - 0.01, rgba("glass")))
        out.append(P.block(-w / 2 + 0.01, w / 2 - 0.01, h - tt - 0.04, h - tt, -d / 2 + 0.01, d / 2 - 0.01, leg))
        out.append(P.frustum(w * 0.25, 0, 0.18, 0.18 + min(0.3, h * 0.3), 0.06, 0.09, rgba("ceramic")))
        return out
    out += P.legs(
        -w / 2 + 0.01, w / 2 - 0.01, -d / 2 + 0.01, d / 2 - 0.01, 0, h - tt, 0.04, leg, style=p.get("leg_style", "tapered")
    )
    out.append(P.block(-w / 2 + 0.03, w / 2 - 0.03, 0.18, 0.2, -d / 2 + 0.03, d / 2 - 0.03, top))
    if p.get("drawers", True):
        out.append(P.block(-w / 2 + 0.03, w / 2 - 0.03, h - tt - 0.12, h - tt, -d / 2 + 0.03, d / 2 - 0.03, top))
        out += P.drawer_fronts(
            -w / 2 + 0.05,
            w / 2 - 0.05,
            h - tt - 0.115,
            h - tt - 0.005,
            d / 2 - 0.03,
            1,
            2,
            top,
            rgba(p.get("handle", "brass")),
            handle="knob",
        )
    # two baskets on the lower shelf
    for sx in (-1, 1):
        bw = min(0.35, w * 0.3)
        out.append(
            P.block(
                sx * w * 0.22 - bw / 2,
                sx * w * 0.22 + bw / 2,
                0.2,
                0.2 + min(0.22, h * 0.28),
                -d / 2 + 0.05,
                d / 2 - 0.05,
                rgba(p.get("basket", "wicker")),
            )
        )
    return out


@generator("bar_cart")
def bar_cart(w: float, h: float, d: float, p: dict) -> list:
    frame, tray = rgba(p.get("frame", "brass")), rgba(p.get("tray", "glass"))
    wr = 0.05
    out = []
    for sx in (-1, 1):
        for sz in (-1, 1):
            x, z = sx * (w / 2 - 0.06), sz * (d / 2 - 0.02)
            out.append(P.column(x, z, 2 * wr, h * 0.82, 0.012, frame, sections=12))
        # wheels at one end, feet at the other; a handle loop rising at each end
        x = sx * (w / 2 - 0.06)
        if sx < 0:
            for sz in (-1, 1):
                out.append(
                    P.rod((x - 0.015, wr, sz * (d / 2 - wr)), (x + 0.015, wr, sz * (d / 2 - wr)), wr, rgba("black"), sections=20)
                )
        else:
            for sz in (-1, 1):
                out.append(P.column(x, sz * (d / 2 - 0.02), 0, 2 * wr, 0.014, frame, sections=12))
        out.append(
            P.rod((x, h * 0.82, -d / 2 + 0.02), (sx * (w / 2 - 0.012), h - 0.012, -d / 2 + 0.02), 0.012, frame, sections=10)
        )
        out.append(P.rod((x, h * 0.82, d / 2 - 0.02), (sx * (w / 2 - 0.012), h - 0.012, d / 2 - 0.02), 0.012, frame, sections=10))
        out.append(
            P.rod(
                (sx * (w / 2 - 0.012), h - 0.012, -d / 2 + 0.02),
                (sx * (w / 2 - 0.012), h - 0.012, d / 2 - 0.02),
                0.012,
                frame,
                sections=10,
            )
        )
    for y in (0.2, h * 0.55):
        out.append(P.block(-w / 2 + 0.05, w / 2 - 0.05, y - 0.015, y, -d / 2 + 0.01, d / 2 - 0.01, tray))
        out.append(P.block(-w / 2 + 0.05, w / 2 - 0.05, y - 0.015, y + 0.03, -d / 2 + 0.005, -d / 2 + 0.015, frame))
        out.append(P.block(-w / 2 + 0.05, w / 2 - 0.05, y - 0.015, y + 0.03, d / 2 - 0.015, d / 2 - 0.005, frame))
    y = h * 0.55
    for i, c in enumerate(("bottle green", "smoked glass", "cognac leather", "glass")):
        x = -w / 2 + 0.14 + i * 0.11
        bh = 0.22 + 0.04 * (i % 2)
        out.append(
            P.lathe(
                [(0.035, 0), (0.035, bh * 0.62), (0.012, bh * 0.8), (0.012, bh)],
                rgba(c),
                x=x,
                y=y,
                z=-0.04 + 0.03 * (i % 2),
                sections=16,
            )
        )
    for i in range(3):  # glasses
        out.append(
            P.frustum(w / 2 - 0.14 + 0.06 * (i % 2), 0.06 - 0.07 * i, y, y + 0.09, 0.025, 0.03, rgba("glass"), sections=14)
        )
    out.append(P.frustum(0, 0, 0.2, 0.2 + 0.18, 0.08, 0.1, rgba("steel")))  # ice bucket on the lower tray
    return out
