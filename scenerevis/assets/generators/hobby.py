"""hobby.py: generators of the catalog_hobby pack for music and crafts: easel, drum kit, guitar on a stand,
music stand, cello, kiln, pottery wheel.

All builders fill ``[-w/2, w/2] x [0, h] x [-d/2, d/2]`` (metres, Y up, front +Z). Instruments face the
room (+Z); a drummer sits at the back (-Z) of the kit.
"""

from __future__ import annotations

import numpy as np
import trimesh
from scipy.interpolate import PchipInterpolator

from scenerevis.assets import parts as P
from scenerevis.assets.generators import hobby_shapes as S
from scenerevis.assets.generators.registry import generator
from scenerevis.assets.palette import rgba


def _tripod(x: float, z: float, y_hub: float, reach: float, r: float, color, start: float = np.pi / 2) -> list:
    """Three splayed legs from a hub at ``(x, y_hub, z)`` down to the floor ``reach`` away (stands)."""
    out = []
    for k in range(3):
        a = start + 2 * np.pi * k / 3
        out.append(P.rod((x, y_hub, z), (x + reach * np.cos(a), r, z + reach * np.sin(a)), r, color, sections=8))
    return out


@generator("easel")
def easel(w: float, h: float, d: float, p: dict) -> list:
    wood, canvas = rgba(p.get("wood", "pine")), rgba(p.get("canvas", "white"))
    paint = [rgba(c.strip()) for c in p.get("painting", "").split(",") if c.strip()]  # ground, sky, sun finishes
    out: list = []
    ch = min(0.75, h * 0.42)
    cw = min(w * 0.85, ch * 1.25)
    if p.get("style", "aframe") == "studio":
        # H-frame studio easel: two runners, two uprights and a centre mast, all vertical
        zc = 0.0
        for sx in (-1, 1):
            out.append(P.block(sx * (w / 2) - 0.05 * sx, sx * (w / 2), 0, 0.06, -d / 2, d / 2, wood))
            out.append(P.block(sx * w * 0.3 - 0.025, sx * w * 0.3 + 0.025, 0.06, h * 0.62, -0.025, 0.025, wood))
        out.append(P.block(-w / 2, w / 2, 0.06, 0.14, -0.03, 0.03, wood))
        out.append(P.block(-0.03, 0.03, 0.06, h, -0.06, -0.0, wood))

        def lean(y: float) -> float:
            return zc + 0.03
    else:
        zf, zt = d / 2 - 0.03, d / 2 - 0.03 - h * 0.2

        def leg_z(y: float) -> float:
            return zf + (zt - zf) * y / h

        for sx in (-1, 1):
            out.append(P.rod((sx * (w / 2 - 0.025), 0.02, zf), (sx * 0.05, h - 0.1, leg_z(h - 0.1)), 0.02, wood, sections=8))
        out.append(P.rod((0, 0.02, -d / 2 + 0.025), (0, h * 0.8, leg_z(h * 0.8) - 0.04), 0.02, wood, sections=8))
        out.append(P.rod((0, h * 0.3, leg_z(h * 0.3)), (0, h - 0.01, leg_z(h)), 0.018, wood, sections=8))
        out.append(P.rod((-w * 0.32, h * 0.22, leg_z(h * 0.22)), (w * 0.32, h * 0.22, leg_z(h * 0.22)), 0.012, wood, sections=8))

        def lean(y: float) -> float:
            return leg_z(y) + 0.03

    y0 = h * 0.36
    z0 = lean(y0)
    slope = (lean(y0 + ch) - z0) / ch
    out.append(P.block(-w * 0.4, w * 0.4, y0 - 0.03, y0, z0 - 0.03, z0 + 0.07, wood))  # canvas ledge / tray

    def on_canvas(x: float, y: float, dz: float) -> tuple[float, float, float]:
        return (x, y, z0 + slope * (y - y0) + dz)

    corners = [
        on_canvas(-cw / 2, y0, 0.0),
        on_canvas(cw / 2, y0, 0.0),
        on_canvas(cw / 2, y0 + ch, 0.0),
        on_canvas(-cw / 2, y0 + ch, 0.0),
    ]
    out.append(S.slab(corners, 0.025, canvas, offset=(0, 0, 0.025)))
    out.append(P.block(-0.05, 0.05, y0 + ch - 0.01, y0 + ch + 0.05, lean(y0 + ch) - 0.02, lean(y0 + ch) + 0.04, wood))
    # a painting: bands of colour on the canvas face (a horizon, a hill, a sun)
    if paint:
        face = 0.027
        band = [(-cw / 2 + 0.03, y0 + 0.03), (cw / 2 - 0.03, y0 + ch * 0.45)]
        sky = [(-cw / 2 + 0.03, y0 + ch * 0.45), (cw / 2 - 0.03, y0 + ch - 0.03)]
        for (xa, ya), (xb, yb), col in ((band[0], band[1], paint[0]), (sky[0], sky[1], paint[1 % len(paint)])):
            pts = [on_canvas(xa, ya, face), on_canvas(xb, ya, face), on_canvas(xb, yb, face), on_canvas(xa, yb, face)]
            out.append(S.slab(pts, 0.004, col, offset=(0, 0, 0.004)))
        sx, sy = cw * 0.2, y0 + ch * 0.72
        out.append(S.zdisc(sx, sy, on_canvas(0, sy, face + 0.003)[2], on_canvas(0, sy, face + 0.008)[2], ch * 0.09, paint[-1]))
    return out


@generator("drum_kit")
def drum_kit(w: float, h: float, d: float, p: dict) -> list:
    shell, hw, head = rgba(p.get("shell", "red")), rgba(p.get("hardware", "chrome")), rgba(p.get("head", "off white"))
    cym, seat = rgba(p.get("cymbal", "brass")), rgba("black leather")
    out: list = []
    # bass drum lying on its side, front head to the audience (+Z)
    rb = min(0.28, h * 0.24)
    zb0, zb1 = d / 2 - 0.42, d / 2 - 0.01
    out += [
        S.zdisc(0, rb, zb0, zb1, rb, shell),
        S.zring(0, rb, zb1 - 0.035, zb1 + 0.01, rb - 0.01, rb + 0.012, hw),
        S.zring(0, rb, zb0 - 0.01, zb0 + 0.035, rb - 0.01, rb + 0.012, hw),
        S.zdisc(0, rb, zb1, zb1 + 0.004, rb - 0.012, head),
        S.zdisc(0, rb, zb1 + 0.004, zb1 + 0.008, rb * 0.4, shell),
    ]
    for sx in (-1, 1):  # spurs
        out.append(P.rod((sx * rb * 0.8, rb * 0.4, zb1 - 0.05), (sx * (rb + 0.08), 0.01, zb1 - 0.02), 0.01, hw, sections=8))
    out.append(P.block(-0.05, 0.05, 0, 0.2, zb0 - 0.14, zb0 - 0.01, rgba("black")))  # pedal

    def drum(x: float, z: float, y0: float, depth: float, r: float) -> list:
        return [
            P.column(x, z, y0, y0 + depth, r, shell, sections=28),
            P.ring(x, z, y0 + depth - 0.02, y0 + depth + 0.008, r - 0.004, r + 0.01, hw),
            P.column(x, z, y0 + depth, y0 + depth + 0.004, r - 0.006, head, sections=28),
        ]

    # rack toms on the bass drum, floor tom right, snare left (all in front of the drummer)
    zt = (zb0 + zb1) / 2 - 0.06
    for sx, r in ((-1, 0.12), (1, 0.14)):
        out += drum(sx * 0.16, zt, 2 * rb + 0.06, 0.2, r)
    out.append(P.column(0, zt, 2 * rb - 0.01, 2 * rb + 0.12, 0.015, hw, sections=10))
    xf, zf = w * 0.26, -d * 0.05
    out += drum(xf, zf, 0.22, 0.38, 0.19)
    for k in range(3):
        a = np.pi / 3 + 2 * np.pi * k / 3
        out.append(
            P.rod(
                (xf + 0.19 * np.cos(a), 0.35, zf + 0.19 * np.sin(a)),
                (xf + 0.25 * np.cos(a), 0.005, zf + 0.25 * np.sin(a)),
                0.01,
                hw,
                sections=8,
            )
        )
    xs, zs = -w * 0.2, -d * 0.08
    out += drum(xs, zs, 0.52, 0.14, 0.17)
    out += _tripod(xs, zs, 0.5, 0.2, 0.01, hw)
    out.append(P.column(xs, zs, 0.3, 0.53, 0.012, hw, sections=10))

    def cymbal_stand(x: float, z: float, top: float, r: float, pair: bool = False) -> list:
        parts = _tripod(x, z, 0.45, 0.22, 0.011, hw, start=np.pi / 6)
        parts.append(P.column(x, z, 0.3, top - 0.01, 0.013, hw, sections=10))
        parts.append(P.lathe([(r, 0), (0.05, 0.025), (0.03, 0.035)], cym, x=x, y=top - 0.035, z=z))
        if pair:
            parts.append(P.lathe([(0.03, 0), (0.05, 0.01), (r, 0.035)], cym, x=x, y=top - 0.085, z=z))
        return parts

    ri = 0.2
    out += cymbal_stand(-w / 2 + ri + 0.02, -d * 0.18, min(0.95, h * 0.72), 0.18, pair=True)  # hi-hat
    out += cymbal_stand(-w / 2 + ri + 0.04, d * 0.12, h, ri)  # crash
    out += cymbal_stand(w / 2 - ri - 0.02, d * 0.15, h * 0.9, ri + 0.02)  # ride
    # drum throne at the back
    zt0 = -d / 2 + 0.18
    out += _tripod(0, zt0, 0.3, 0.16, 0.012, hw, start=-np.pi / 2)
    out.append(P.column(0, zt0, 0.25, 0.5, 0.02, hw, sections=10))
    out.append(P.frustum(0, zt0, 0.48, 0.56, 0.17, 0.18, seat))
    return out


def _guitar(kind: str, y0: float, length: float, z: float, body_c, top_c, dark) -> list:
    """An upright guitar (front +Z) from ``y0`` up ``length`` metres, its body's centre plane at ``z``."""
    out: list = []
    body_h = length * (0.44 if kind == "acoustic" else 0.4)
    t = 0.1 if kind == "acoustic" else 0.045
    r1 = body_h * 0.38
    r2 = body_h * 0.29 if kind == "acoustic" else body_h * 0.25
    c1, c2 = y0 + r1, y0 + body_h - r2
    out += [S.zdisc(0, c1, z - t / 2, z + t / 2, r1, body_c, 40), S.zdisc(0, c2, z - t / 2, z + t / 2, r2, body_c, 40)]
    face = z + t / 2
    if kind == "acoustic":
        out.append(S.zdisc(0, c1, face - 0.002, face + 0.002, r1 - 0.008, top_c, 40))
        out.append(S.zdisc(0, c2, face - 0.002, face + 0.002, r2 - 0.008, top_c, 40))
        out.append(S.zdisc(0, c2 - r2 * 0.25, face, face + 0.004, r2 * 0.34, dark))
        out.append(P.block(-r1 * 0.4, r1 * 0.4, c1 - r1 * 0.35, c1 - r1 * 0.22, face, face + 0.01, dark))
    else:
        # horns of a double cut body and a pickguard with two pickups and knobs
        for sx in (-1, 1):
            out.append(S.zdisc(sx * r2 * 0.75, c2 + r2 * 0.55, z - t / 2, z + t / 2, r2 * 0.5, body_c, 24))
        out.append(P.block(-r1 * 0.55, r1 * 0.2, c1 - r1 * 0.2, c2 + r2 * 0.3, face - 0.001, face + 0.003, top_c))
        for k in range(2):
            out.append(P.block(-0.04, 0.04, c1 + r1 * 0.2 * k - 0.012, c1 + r1 * 0.2 * k + 0.012, face, face + 0.008, dark))
        for k in range(2):
            out.append(S.zdisc(r1 * 0.5, c1 - r1 * 0.3 + 0.05 * k, face, face + 0.015, 0.014, rgba("chrome"), 12))
        out.append(P.block(-0.04, 0.04, c1 - r1 * 0.55, c1 - r1 * 0.45, face, face + 0.01, rgba("chrome")))
    top = y0 + length
    neck_w = 0.055 if kind != "bass" else 0.06
    head_h = length * 0.16
    out.append(P.block(-neck_w / 2, neck_w / 2, c2, top - head_h, z - t / 2 + 0.01, face - 0.01, body_c))
    fb0 = c2 + r2 * 0.15 if kind == "acoustic" else c2
    out.append(P.block(-neck_w / 2, neck_w / 2, fb0, top - head_h, face - 0.012, face + 0.004, dark))
    out.append(
        P.block(-neck_w * 0.85, neck_w * 0.85, top - head_h, top, z - 0.012, z + 0.012, dark if kind != "acoustic" else body_c)
    )
    for k in range(3 if kind != "bass" else 2):
        for sx in (-1, 1):
            yy = top - head_h * (0.25 + 0.25 * k)
            out.append(P.rod((sx * neck_w * 0.8, yy, z), (sx * (neck_w * 0.8 + 0.035), yy, z), 0.007, rgba("chrome"), 8))
    return out


@generator("guitar_stand")
def guitar_stand(w: float, h: float, d: float, p: dict) -> list:
    metal = rgba(p.get("stand", "matte black metal"))
    kind = p.get("guitar", "acoustic")
    body_c, top_c = rgba(p.get("body", "walnut")), rgba(p.get("top", "pine"))
    dark = rgba("espresso") if kind == "acoustic" else rgba("black")
    zg = d / 2 - 0.09
    out: list = []
    # A-frame stand: two front feet, one back foot, a neck yoke behind the headstock
    hub = (0, 0.32, -0.02)
    for foot in ((-w / 2 + 0.015, 0.015, d / 2 - 0.015), (w / 2 - 0.015, 0.015, d / 2 - 0.015), (0, 0.015, -d / 2 + 0.015)):
        out.append(P.rod(hub, foot, 0.012, metal, sections=8))
    yc = 0.12
    out.append(P.rod((-0.13, yc, zg - 0.01), (0.13, yc, zg - 0.01), 0.012, metal, sections=8))
    for sx in (-1, 1):
        out.append(P.rod((sx * 0.13, yc, zg - 0.01), (sx * 0.13, yc + 0.05, zg + 0.01), 0.014, rgba("rubber"), sections=8))
        out.append(P.rod((sx * 0.08, yc, zg - 0.01), hub, 0.01, metal, sections=8))
    yoke_y = yc + (h - yc) * 0.8
    out.append(P.rod(hub, (0, yoke_y, -0.07), 0.012, metal, sections=8))
    out.append(P.rod((-0.05, yoke_y, -0.06), (0.05, yoke_y, -0.06), 0.012, rgba("rubber"), sections=8))
    guitar = P.assemble(_guitar(kind, 0.0, h - yc - 0.01, 0.0, body_c, top_c, dark))
    tilt = -np.arctan2(zg + 0.06, h)  # lean the neck back onto the yoke
    guitar.apply_transform(trimesh.transformations.rotation_matrix(tilt, [1, 0, 0]))
    guitar.apply_translation((0, yc + 0.01, zg))
    out.append(guitar)
    return out


@generator("music_stand")
def music_stand(w: float, h: float, d: float, p: dict) -> list:
    metal, desk_c = rgba(p.get("metal", "matte black metal")), rgba(p.get("desk", p.get("metal", "matte black metal")))
    paper = rgba("white")
    dh = min(0.36, h * 0.3)
    out = _tripod(0, -d * 0.05, 0.22, min(w, d) / 2 - 0.02, 0.012, metal, start=-np.pi / 2)
    out.append(P.column(0, -d * 0.05, 0.2, h * 0.55, 0.016, metal, sections=12))
    out.append(P.column(0, -d * 0.05, h * 0.5, h - dh * 0.5, 0.01, metal, sections=12))
    out.append(P.column(0, -d * 0.05, h * 0.54, h * 0.57, 0.024, metal, sections=12))
    ya, za, yb, zb = h - dh, 0.09, h, -0.06  # desk: lower edge forward, top leaning back

    def pt(x: float, t: float, dz: float = 0.0) -> tuple[float, float, float]:
        return (x, ya + (yb - ya) * t, za + (zb - za) * t + dz)

    if p.get("slatted", False):
        for k in range(6):
            t0, t1 = k / 6 + 0.02, (k + 1) / 6 - 0.04
            out.append(S.slab([pt(-w / 2, t0), pt(w / 2, t0), pt(w / 2, t1), pt(-w / 2, t1)], 0.01, desk_c, offset=(0, 0, -0.01)))
        for sx in (-1, 1):
            out.append(P.rod(pt(sx * (w / 2 - 0.01), 0, -0.005), pt(sx * (w / 2 - 0.01), 1, -0.005), 0.006, desk_c, 8))
    else:
        out.append(S.slab([pt(-w / 2, 0), pt(w / 2, 0), pt(w / 2, 1), pt(-w / 2, 1)], 0.012, desk_c, offset=(0, 0, -0.012)))
    out.append(P.block(-w / 2, w / 2, ya - 0.01, ya + 0.04, za - 0.01, d / 2, desk_c))  # lip
    for sx in (-1, 1):  # an open book of sheet music
        a, b = (-w * 0.42, -0.01) if sx < 0 else (0.01, w * 0.42)
        out.append(
            S.slab(
                [pt(a, 0.08, 0.004), pt(b, 0.08, 0.004), pt(b, 0.92, 0.004), pt(a, 0.92, 0.004)],
                0.004,
                paper,
                offset=(0, 0, 0.004),
            )
        )
        for k in range(5):
            t = 0.2 + 0.14 * k
            out.append(
                S.slab(
                    [
                        pt(a + 0.02, t, 0.009),
                        pt(b - 0.02, t, 0.009),
                        pt(b - 0.02, t + 0.012, 0.009),
                        pt(a + 0.02, t + 0.012, 0.009),
                    ],
                    0.002,
                    rgba("charcoal"),
                    offset=(0, 0, 0.002),
                )
            )
    return out


def _cello_profile(kind: str) -> list[tuple[float, float]]:
    """(half-width fraction, height fraction) of the body outline, bottom to top."""
    if kind == "bass":  # sloping shoulders
        return [
            (0.5, 0),
            (0.86, 0.07),
            (1.0, 0.22),
            (0.94, 0.38),
            (0.68, 0.5),
            (0.66, 0.57),
            (0.74, 0.66),
            (0.66, 0.8),
            (0.42, 0.93),
            (0.2, 1.0),
        ]
    return [
        (0.55, 0),
        (0.88, 0.08),
        (1.0, 0.22),
        (0.92, 0.36),
        (0.62, 0.48),
        (0.6, 0.55),
        (0.75, 0.65),
        (0.82, 0.78),
        (0.7, 0.9),
        (0.35, 1.0),
    ]


@generator("cello")
def cello(w: float, h: float, d: float, p: dict) -> list:
    wood, dark = rgba(p.get("wood", "cherry")), rgba("black")
    metal = rgba(p.get("stand", "matte black metal"))
    kind = p.get("kind", "cello")
    half = w / 2 - 0.005
    body_y0 = h * 0.1
    body_h = h * (0.58 if kind == "bass" else 0.55)
    t = min(0.24, d * 0.5)
    zc = d / 2 - t / 2 - 0.055
    prof = np.array(_cello_profile(kind))
    gs = np.linspace(0.0, 1.0, 25)
    fs = PchipInterpolator(prof[:, 1], prof[:, 0])(gs)
    body = P.lathe([(half * f, body_h * g) for f, g in zip(fs, gs)], wood, y=body_y0, sections=40)
    body.vertices[:, 2] *= (t / 2) / half
    body.apply_translation((0, 0, zc))
    out: list = [body]
    face = zc + t / 2 - 0.01
    # endpin, tailpiece, bridge, f-holes, fingerboard, neck, pegbox and scroll
    out.append(P.rod((0, 0.0, zc), (0, body_y0 + 0.01, zc), 0.008, rgba("chrome"), 8))
    out.append(P.block(-0.035, 0.035, body_y0 + body_h * 0.06, body_y0 + body_h * 0.3, face, face + 0.03, dark))
    out.append(P.block(-0.06, 0.06, body_y0 + body_h * 0.4, body_y0 + body_h * 0.45, face, face + 0.06, rgba("light oak")))
    for sx in (-1, 1):
        out.append(
            P.block(
                sx * half * 0.32 - 0.008,
                sx * half * 0.32 + 0.008,
                body_y0 + body_h * 0.35,
                body_y0 + body_h * 0.55,
                face,
                face + 0.008,
                dark,
            )
        )
    top = h
    neck_top = top - h * 0.1
    out.append(P.block(-0.03, 0.03, body_y0 + body_h * 0.5, neck_top - 0.02, face + 0.015, face + 0.045, dark))
    out.append(P.block(-0.022, 0.022, body_y0 + body_h * 0.95, neck_top, zc - 0.0, face + 0.02, wood))
    out.append(P.block(-0.025, 0.025, neck_top, top - 0.05, zc - 0.01, zc + 0.05, wood))
    out.append(S.xdisc(top - 0.045, zc + 0.03, -0.022, 0.022, 0.045, wood, 20))
    for k in range(2):
        for sx in (-1, 1):
            yy = neck_top + 0.03 + 0.04 * k
            out.append(P.rod((sx * 0.02, yy, zc + 0.02), (sx * 0.06, yy, zc + 0.02), 0.008, dark, 8))
    for k in range(4):  # strings
        x = -0.018 + 0.012 * k
        out.append(P.rod((x, body_y0 + body_h * 0.28, face + 0.035), (x, neck_top, face + 0.05), 0.0015, rgba("light grey"), 6))
    # floor stand: endpin cup, base frame and a back rest under the neck
    out.append(P.frustum(0, zc, 0, 0.02, 0.045, 0.04, metal))
    zb = -d / 2 + 0.02
    out.append(P.rod((0, 0.015, zc), (0, 0.015, zb), 0.012, metal, 8))
    out.append(P.rod((-half * 0.7, 0.015, zc - t * 0.3), (half * 0.7, 0.015, zc - t * 0.3), 0.012, metal, 8))
    out.append(P.rod((0, 0.015, zb), (0, body_y0 + body_h * 1.05, zc - t / 2 - 0.005), 0.012, metal, 8))
    return out


@generator("kiln")
def kiln(w: float, h: float, d: float, p: dict) -> list:
    body, trim, panel = rgba(p.get("body", "steel")), rgba(p.get("trim", "charcoal")), rgba("screen")
    out: list = []
    if p.get("style", "top") == "front":
        # front loading box kiln on a stand: door with a big latch, chimney vent, control panel on the right
        bw = w - 0.14
        cx = -0.07
        x0, x1 = cx - bw / 2, cx + bw / 2
        y0 = 0.3
        out += P.legs(x0, x1, -d / 2, d / 2 - 0.06, 0, y0, 0.05, trim)
        out.append(P.block(x0, x1, y0, h - 0.06, -d / 2, d / 2 - 0.06, body))
        out.append(P.block(x0 + 0.03, x1 - 0.03, y0 + 0.04, h - 0.1, d / 2 - 0.06, d / 2 - 0.02, body))
        out.append(P.block(x1 - 0.1, x1 - 0.06, y0 + 0.2, h - 0.3, d / 2 - 0.02, d / 2, trim))
        out.append(P.column(cx, 0, h - 0.06, h, 0.04, trim))
        out.append(P.block(x1, w / 2, y0 + 0.1, h - 0.2, 0.0, d / 2 - 0.1, trim))
        out.append(P.block(w / 2 - 0.005, w / 2, y0 + 0.3, h - 0.3, 0.05, d / 2 - 0.15, panel))
        out.append(S.zdisc(cx - bw * 0.25, (y0 + h) / 2, d / 2 - 0.02, d / 2 - 0.005, 0.02, rgba("orange"), 12))
        return out
    # top loader: a many-sided body (round, squeezed front to back to leave room for the control box)
    sides = int(p.get("sides", 12))
    r = w / 2
    rz = d / 2 - 0.05
    zc = -d / 2 + rz
    y0 = 0.18
    round_parts = [P.column(0, 0, 0.0, 0.03, r * 0.92, trim, sections=sides)]
    round_parts.append(P.column(0, 0, y0, h - 0.1, r * 0.985, body, sections=sides))
    for yy in (y0 + 0.05, (y0 + h - 0.1) / 2, h - 0.15):
        round_parts.append(P.ring(0, 0, yy - 0.015, yy + 0.015, r * 0.95, r * 1.015, trim, sections=sides))
    round_parts.append(P.column(0, 0, h - 0.1, h - 0.05, r * 0.99, body, sections=sides))  # lid
    round_parts.append(P.column(0, 0, h - 0.05, h - 0.04, r * 0.3, trim, sections=16))
    for m in round_parts:
        m.apply_scale((1.0, 1.0, rz / r))
        m.apply_translation((0, 0, zc))
    out += round_parts
    for k in range(4):
        a = np.pi / 4 + np.pi / 2 * k
        x, z = r * 0.6 * np.cos(a), zc + rz * 0.6 * np.sin(a)
        out.append(P.block(x - 0.025, x + 0.025, 0.0, y0, z - 0.025, z + 0.025, trim))
    out.append(P.block(-0.12, 0.12, h - 0.04, h, zc + rz * 0.55, zc + rz * 0.65, trim))  # lid handle
    out.append(P.block(-0.11, 0.11, y0 + (h - y0) * 0.3, y0 + (h - y0) * 0.58, zc + rz * 0.85, d / 2 - 0.012, trim))
    out.append(P.block(-0.08, 0.08, y0 + (h - y0) * 0.45, y0 + (h - y0) * 0.54, d / 2 - 0.012, d / 2, panel))
    out.append(S.zdisc(0.05, y0 + (h - y0) * 0.36, d / 2 - 0.012, d / 2 - 0.004, 0.015, rgba("red"), 12))
    for sx in (-1, 1):  # lid hinges at the back, peephole plugs on the sides
        out.append(P.block(sx * 0.1 - 0.03, sx * 0.1 + 0.03, h - 0.16, h - 0.06, -d / 2, -d / 2 + 0.03, trim))
        out.append(S.xdisc((y0 + h) / 2, zc, sx * r * 0.98, sx * (r + 0.008), 0.02, rgba("off white"), 12))
    return out


@generator("pottery_wheel")
def pottery_wheel(w: float, h: float, d: float, p: dict) -> list:
    body, pan, clay = rgba(p.get("body", "white")), rgba(p.get("pan", "light grey")), rgba(p.get("clay", "clay"))
    metal = rgba("steel")
    r = min(w, d) * 0.4
    zc = -d / 2 + r + 0.02
    top = h - 0.14
    out: list = []
    # body with adjustable legs, splash pan round the wheel head, a pot being thrown, pedal at the front
    out += P.legs(-w / 2 + 0.02, w / 2 - 0.02, zc - r, zc + r * 0.7, 0, 0.12, 0.04, metal, style="round")
    out.append(P.rounded_block(-w / 2, w / 2, 0.1, top - 0.1, zc - r, zc + r * 0.75, 0.04, body))
    out.append(P.column(0, zc, top - 0.12, top - 0.06, r, body, sections=40))
    out.append(P.ring(0, zc, top - 0.07, top + 0.04, r * 0.92, r, pan, sections=40))
    out.append(P.column(0, zc, top - 0.07, top - 0.05, r * 0.92, pan, sections=40))
    out.append(P.column(0, zc, top - 0.05, top + 0.01, r * 0.48, metal, sections=40))
    ph = h - top - 0.01
    out.append(
        P.lathe([(0.07, 0), (0.1, ph * 0.35), (0.075, ph * 0.75), (0.05, ph * 0.85), (0.06, ph)], clay, y=top + 0.01, z=zc)
    )
    out.append(P.column(0, zc, top + 0.01 + ph * 0.55, h, 0.04, rgba("espresso"), sections=16))  # hollow of the pot
    zp = d / 2 - 0.12
    out.append(
        S.hull(
            [(x, y, z) for x in (0.02, 0.16) for (y, z) in ((0, zp - 0.11), (0, d / 2), (0.09, zp - 0.11), (0.04, d / 2))],
            rgba("charcoal"),
        )
    )
    out.append(P.rod((0.09, 0.02, zp - 0.1), (0.09, 0.08, zc + r * 0.7), 0.008, rgba("black"), 8))
    out.append(P.block(-w / 2, -w / 2 + 0.16, top - 0.14, top - 0.1, zc + r * 0.2, zc + r * 0.75, pan))  # tool tray
    return out
