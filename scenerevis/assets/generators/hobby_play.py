"""hobby_play.py: generators of the catalog_hobby pack for training and games: punching bag, squat rack,
pilates reformer, meditation cushion, exercise mat, dartboard, arcade cabinet, foosball table.

All builders fill ``[-w/2, w/2] x [0, h] x [-d/2, d/2]`` (metres, Y up, front +Z). A dartboard stands
against a wall on its own floor stand or backboard, its board facing +Z; a reformer's footbar and a
foosball table's first goal are at the +Z end.
"""

from __future__ import annotations

import numpy as np

from scenerevis.assets import parts as P
from scenerevis.assets.generators import hobby_shapes as S
from scenerevis.assets.generators.registry import generator
from scenerevis.assets.palette import rgba


@generator("punching_bag")
def punching_bag(w: float, h: float, d: float, p: dict) -> list:
    bag, band, frame = rgba(p.get("bag", "red")), rgba(p.get("band", "black")), rgba(p.get("frame", "matte black metal"))
    style = p.get("style", "free")
    out: list = []
    if style == "free":
        # weighted round base, a short spring neck and a tall padded column
        r = min(w, d) / 2
        out.append(P.frustum(0, 0, 0, 0.26, r, r * 0.8, frame, sections=40))
        out.append(P.column(0, 0, 0.26, 0.42, 0.06, rgba("chrome"), sections=16))
        rb = r * 0.62
        out.append(P.lathe([(rb * 0.8, 0), (rb, 0.05), (rb, h - 0.45 - 0.06), (rb * 0.75, h - 0.42)], bag, y=0.42, sections=40))
        for y in (0.62, h - 0.3):
            out.append(P.ring(0, 0, y, y + 0.05, rb * 0.95, rb + 0.006, band, sections=40))
        return out
    rb = min(w, d) * 0.36 if style == "stand" else min(w, d) / 2 - 0.005
    zb = d / 2 - rb - 0.005 if style == "stand" else 0.0
    y0 = 0.32
    y1 = h - (0.45 if style == "hanging" else 0.3)
    out.append(P.lathe([(rb * 0.85, 0), (rb, 0.04), (rb, y1 - y0 - 0.04), (rb * 0.85, y1 - y0)], bag, y=y0, z=zb, sections=40))
    for y in (y0 + 0.2, y1 - 0.2):
        out.append(P.ring(0, zb, y, y + 0.05, rb * 0.95, rb + 0.006, band, sections=40))
    top = y1 + 0.15
    out.append(P.column(0, zb, y1 + 0.12, top, 0.025, rgba("chrome"), sections=12))
    for k in range(4):  # chains to the rim
        a = np.pi / 4 + np.pi / 2 * k
        out.append(P.rod((0, top - 0.02, zb), (rb * 0.8 * np.cos(a), y1, zb + rb * 0.8 * np.sin(a)), 0.006, rgba("chrome"), 6))
    if style == "hanging":
        # ceiling mount with a swivel, a floor anchor and its bungee cord
        out.append(P.column(0, zb, top, h - 0.03, 0.012, rgba("chrome"), sections=10))
        out.append(P.column(0, zb, h - 0.03, h, 0.08, frame, sections=24))
        out.append(P.column(0, zb, 0, 0.02, 0.07, frame, sections=24))
        out.append(P.column(0, zb, 0.02, y0, 0.008, band, sections=8))
        return out
    # gallows stand: a post at the back, an arm over the bag, two feet to the front
    zp = -d / 2 + 0.035
    out.append(P.block(-0.035, 0.035, 0, h, zp - 0.035, zp + 0.035, frame))
    out.append(P.block(-0.03, 0.03, h - 0.06, h, zp, zb + 0.03, frame))
    out.append(P.column(0, zb, top, h - 0.06, 0.012, rgba("chrome"), sections=10))
    out.append(P.block(-w / 2, w / 2, 0, 0.05, zp - 0.035, zp + 0.1, frame))
    for sx in (-1, 1):
        out.append(P.block(sx * (w / 2 - 0.03) - 0.025, sx * (w / 2 - 0.03) + 0.025, 0, 0.05, zp, d / 2, frame))
        out.append(P.rod((sx * 0.02, h * 0.35, zp), (sx * (w / 2 - 0.03), 0.05, zp + 0.08), 0.015, frame, 8))
        out.append(S.xdisc(0.12, zp + 0.06, sx * 0.06, sx * 0.12, 0.1, rgba("rubber"), 24))
    return out


@generator("squat_rack")
def squat_rack(w: float, h: float, d: float, p: dict) -> list:
    frame, bar, plate = rgba(p.get("frame", "matte black metal")), rgba("chrome"), rgba(p.get("plates", "black"))
    cage = p.get("cage", True)
    post = 0.075
    xi = w / 2 - 0.22  # uprights inside the barbell's length
    zs = (-d / 2 + post / 2, d / 2 - post / 2) if cage else (-d / 2 + 0.35,)
    out: list = []
    for sx in (-1, 1):
        x = sx * (xi - post / 2)
        for z in zs:
            out.append(P.cbox(x, h / 2, z, post, h, post, frame))
            for k in range(int((h - 0.3) / 0.1)):  # adjustment holes
                out.append(
                    P.block(x - 0.012, x + 0.012, 0.3 + 0.1 * k, 0.32 + 0.1 * k, z + post / 2, z + post / 2 + 0.003, rgba("grey"))
                )
        out.append(P.block(x - post / 2, x + post / 2, 0, 0.06, -d / 2, d / 2, frame))
        if cage:
            out.append(P.block(x - post / 2, x + post / 2, h - 0.06, h, -d / 2, d / 2, frame))
        out.append(P.block(x - 0.02, x + 0.02, 0.78, 0.82, -d / 2 + 0.05, d / 2 - 0.05, rgba("steel")))  # safety arm
    for z in zs:
        out.append(P.cbox(0, h - 0.03 if cage else h - 0.03, z, 2 * xi, 0.06, post, frame))
    out.append(P.cbox(0, 0.03, zs[0], 2 * xi, 0.06, post, frame))
    zf = zs[-1]
    out.append(P.rod((-xi, h - 0.15, zf + 0.02), (xi, h - 0.15, zf + 0.02), 0.016, bar, 12))  # pull-up bar
    # barbell resting on the J-hooks, plates outside the uprights
    yb = min(1.4, h * 0.58)
    rp = min(0.225, yb - 0.05)
    zbar = min(zf + 0.05, d / 2 - rp - 0.005)
    for sx in (-1, 1):  # J-hooks from the front uprights to the bar
        out.append(
            P.block(sx * xi - 0.04, sx * xi + 0.0, yb - 0.05, yb - 0.014, min(zbar, zf) - 0.04, max(zbar, zf) + 0.02, frame)
        )
    out.append(P.rod((-w / 2, yb, zbar), (w / 2, yb, zbar), 0.014, bar, 12))
    for sx in (-1, 1):
        for k, (r, t) in enumerate(((rp, 0.05), (rp * 0.8, 0.03))):
            x0 = sx * (xi + 0.03 + 0.055 * k)
            out.append(S.xdisc(yb, zbar, x0, x0 + sx * t, r, plate if k == 0 else rgba(p.get("plates2", "red")), 28))
        out.append(S.xdisc(yb, zbar, sx * (xi + 0.12), sx * (xi + 0.14), 0.03, bar, 16))
    return out


@generator("reformer")
def reformer(w: float, h: float, d: float, p: dict) -> list:
    frame, pad, metal = rgba(p.get("frame", "light oak")), rgba(p.get("pad", "black leather")), rgba("chrome")
    rail = h * 0.55
    out: list = []
    for sx in (-1, 1):
        out.append(P.block(sx * (w / 2 - 0.06), sx * w / 2, 0.07, rail, -d / 2, d / 2, frame))
        for z in (-d / 2 + 0.05, 0.0, d / 2 - 0.05):
            out.append(P.cbox(sx * (w / 2 - 0.05), 0.04, z, 0.07, 0.08, 0.07, rgba("charcoal")))
    for z in (-d / 2 + 0.03, d / 2 - 0.03):
        out.append(P.cbox(0, (0.07 + rail) / 2, z, w - 0.12, rail - 0.07, 0.06, frame))
    out.append(P.block(-w / 2 + 0.08, w / 2 - 0.08, rail - 0.05, rail - 0.035, -d / 2 + 0.06, d / 2 - 0.06, metal))
    # carriage with headrest and shoulder blocks at its -Z end
    zc0 = -d / 2 + 0.35
    zc1 = zc0 + min(0.85, d * 0.36)
    top = min(rail + 0.1, h - 0.06)
    out.append(P.block(-w / 2 + 0.08, w / 2 - 0.08, rail - 0.04, top - 0.05, zc0, zc1, rgba("charcoal")))
    out.append(P.rounded_block(-w / 2 + 0.09, w / 2 - 0.09, top - 0.06, top, zc0 + 0.12, zc1, 0.02, pad))
    out.append(P.rounded_block(-0.12, 0.12, top - 0.06, top + 0.02, zc0, zc0 + 0.12, 0.02, pad))
    for sx in (-1, 1):
        out.append(P.rounded_block(sx * 0.1 - 0.04, sx * 0.1 + 0.04, top - 0.02, h, zc0 + 0.14, zc0 + 0.22, 0.025, pad))
    # springs from the carriage to the footbar end, each its own colour
    colours = [rgba(c) for c in ("yellow", "red", "pastel blue", "green")]
    zs = d / 2 - 0.28
    for k, col in enumerate(colours):
        x = -0.12 + 0.08 * k
        out.append(P.rod((x, rail - 0.02, zc1), (x, rail - 0.02, zs), 0.01, col, 10))
    out.append(P.block(-w / 2 + 0.08, w / 2 - 0.08, rail - 0.05, rail + 0.01, zs, zs + 0.04, metal))
    # footbar and standing platform at +Z, risers with rope pulleys at -Z
    zf = d / 2 - 0.3
    for sx in (-1, 1):
        out.append(P.rod((sx * (w / 2 - 0.08), rail, zf + 0.1), (sx * (w / 2 - 0.08), h - 0.03, zf - 0.02), 0.015, metal, 10))
    out.append(P.rod((-w / 2 + 0.08, h - 0.03, zf - 0.02), (w / 2 - 0.08, h - 0.03, zf - 0.02), 0.03, rgba("black"), 16))
    out.append(P.rounded_block(-w / 2 + 0.07, w / 2 - 0.07, rail - 0.01, rail + 0.03, d / 2 - 0.2, d / 2 - 0.03, 0.01, pad))
    for sx in (-1, 1):
        x = sx * (w / 2 - 0.03)
        out.append(P.block(x - 0.025, x + 0.025, rail, h, -d / 2 + 0.02, -d / 2 + 0.07, metal))
        out.append(S.xdisc(h - 0.04, -d / 2 + 0.05, x - 0.03 * sx, x - 0.05 * sx, 0.035, rgba("black"), 16))
        out.append(P.rod((x - 0.04 * sx, h - 0.05, -d / 2 + 0.05), (sx * 0.14, top + 0.005, zc0 + 0.3), 0.004, rgba("black"), 6))
        out.append(P.block(sx * 0.14 - 0.04, sx * 0.14 + 0.04, top, top + 0.008, zc0 + 0.3, zc0 + 0.4, rgba("black")))
    return out


@generator("meditation_cushion")
def meditation_cushion(w: float, h: float, d: float, p: dict) -> list:
    cover, mat = rgba(p.get("cover", "purple")), rgba(p.get("mat", "black"))
    kind = p.get("kind", "zafu")
    out: list = []
    if kind == "square":
        out.append(P.rounded_block(-w / 2, w / 2, 0, h, -d / 2, d / 2, min(0.06, h * 0.4), cover))
        for x in (-w / 4, 0, w / 4):
            for z in (-d / 4, 0, d / 4):
                out.append(P.column(x, z, h - 0.012, h, 0.015, mat, sections=10))
        return out
    mh = min(0.06, h * 0.3)
    out.append(P.rounded_block(-w / 2, w / 2, 0, mh, -d / 2, d / 2, 0.02, mat))
    for k in range(2):  # the mat's stitching lines
        z = -d / 6 + d / 3 * k
        out.append(P.block(-w / 2 + 0.03, w / 2 - 0.03, mh - 0.004, mh + 0.002, z - 0.004, z + 0.004, rgba("grey")))
    ch = h - mh
    if kind == "bolster":
        r = ch / 2
        out.append(P.rod((-w / 2 + 0.05, mh + r, 0), (w / 2 - 0.05, mh + r, 0), r, cover, 28))
        for sx in (-1, 1):
            out.append(S.xdisc(mh + r, 0, sx * (w / 2 - 0.05), sx * (w / 2 - 0.035), r * 0.6, mat, 20))
        return out
    r = min(w, d) * 0.34
    out.append(
        P.lathe([(r * 0.85, 0), (r, ch * 0.3), (r * 0.97, ch * 0.7), (r * 0.6, ch * 0.97), (0.0, ch)], cover, y=mh, sections=40)
    )
    out.append(P.ring(0, 0, mh + ch * 0.48, mh + ch * 0.53, r * 0.9, r * 1.0, mat, sections=40))  # piped seam
    out.append(P.column(0, 0, h - 0.012, h, 0.025, mat, sections=12))
    return out


@generator("exercise_mat")
def exercise_mat(w: float, h: float, d: float, p: dict) -> list:
    main, line = rgba(p.get("mat", "purple")), rgba(p.get("lines", "light grey"))
    kind = p.get("kind", "yoga")
    out: list = []
    if kind == "tiles":
        # interlocking foam tiles, alternating colours, with puzzle teeth at the joins
        n_x, n_z = max(2, round(w / 0.6)), max(2, round(d / 0.6))
        tw, td = w / n_x, d / n_z
        for i in range(n_x):
            for j in range(n_z):
                col = main if (i + j) % 2 == 0 else line
                x0, z0 = -w / 2 + i * tw, -d / 2 + j * td
                out.append(P.block(x0 + 0.003, x0 + tw - 0.003, 0, h, z0 + 0.003, z0 + td - 0.003, col))
                if i + 1 < n_x:
                    for k in range(3):
                        zz = z0 + td * (k + 0.5) / 3
                        out.append(P.block(x0 + tw - 0.004, x0 + tw + 0.03, 0, h * 0.9, zz - 0.03, zz + 0.03, col))
        return out
    out.append(P.block(-w / 2, w / 2, 0, h * 0.9, -d / 2, d / 2, main))
    if kind == "folding":
        panels = 4
        for k in range(1, panels):
            z = -d / 2 + d * k / panels
            out.append(P.block(-w / 2, w / 2, h * 0.9 - 0.001, h, z - 0.006, z + 0.006, line))
        for sx in (-1, 1):
            out.append(P.block(sx * w / 2 - 0.01 * sx, sx * w / 2, h * 0.9 - 0.001, h, -d / 2, d / 2, line))
        return out
    for k in (-1, 1):  # alignment lines of a yoga mat
        out.append(P.block(k * w * 0.3 - 0.004, k * w * 0.3 + 0.004, h * 0.9 - 0.001, h, -d / 2 + 0.15, d / 2 - 0.15, line))
    out.append(P.block(-w * 0.3, w * 0.3, h * 0.9 - 0.001, h, -0.004, 0.004, line))
    out.append(P.block(-0.05, 0.05, h * 0.9 - 0.001, h, d / 2 - 0.1, d / 2 - 0.06, line))
    return out


def _board(yc: float, zb: float, zf: float, r: float) -> list:
    """A bristle dartboard facing +Z centred at height ``yc``: back ``zb``, face ``zf``, radius ``r``."""
    black, cream, red, green = rgba("black"), rgba("off white"), rgba("red"), rgba("green")
    out = [S.zdisc(0, yc, zb, zf, r, black, 48), S.zdisc(0, yc, zf, zf + 0.002, r * 0.76, cream, 48)]
    step = 2 * np.pi / 20
    for k in range(20):
        a0 = np.pi / 2 - step / 2 + k * step
        if k % 2:
            out.append(S.zsector(0, yc, zf + 0.001, zf + 0.004, r * 0.09, r * 0.76, a0, a0 + step, black))
        for r0, r1 in ((r * 0.45, r * 0.5), (r * 0.71, r * 0.76)):
            out.append(S.zsector(0, yc, zf + 0.004, zf + 0.007, r0, r1, a0, a0 + step, red if k % 2 == 0 else green))
        a = a0 + step / 2  # number ring wires
        out.append(
            P.block(-0.006, 0.006, -0.006, 0.006, zf, zf + 0.003, black).apply_translation(
                (r * 0.86 * np.cos(a), yc + r * 0.86 * np.sin(a), 0)
            )
        )
    out.append(S.zring(0, yc, zf, zf + 0.005, r * 0.8, r * 0.815, rgba("steel"), 48))
    out.append(S.zdisc(0, yc, zf + 0.002, zf + 0.008, r * 0.09, green, 24))
    out.append(S.zdisc(0, yc, zf + 0.002, zf + 0.01, r * 0.04, red, 16))
    return out


@generator("dartboard")
def dartboard(w: float, h: float, d: float, p: dict) -> list:
    style = p.get("style", "stand")
    wood, metal = rgba(p.get("wood", "mahogany")), rgba(p.get("metal", "matte black metal"))
    out: list = []
    zf = d / 2 - 0.012
    zb = zf - 0.04
    if style == "panel":
        # full-height cork backboard with the board, a chalk scoreboard and a dart shelf
        r = min(w * 0.4, 0.23)
        yc = min(1.73, h - r - 0.07)
        out.append(P.block(-w / 2, w / 2, 0, h, -d / 2, zb - 0.04, wood))
        out.append(P.block(-w / 2 + 0.03, w / 2 - 0.03, 0.1, h - 0.03, zb - 0.04, zb, rgba(p.get("panel", "cork"))))
        out += _board(yc, zb, zf, r)
        ys = yc - r - 0.45
        out.append(P.block(-w / 2 + 0.08, w / 2 - 0.08, ys, ys + 0.3, zb, zb + 0.012, rgba("charcoal")))
        for k in range(4):
            out.append(
                P.block(-w / 2 + 0.12, -0.02, ys + 0.05 + 0.06 * k, ys + 0.06 + 0.06 * k, zb + 0.012, zb + 0.015, rgba("white"))
            )
        out.append(P.block(-w / 2 + 0.05, w / 2 - 0.05, ys - 0.1, ys - 0.07, zb, d / 2, wood))
        return out
    # floor stand: a wide foot, a post behind the board
    out.append(P.block(-w / 2, w / 2, 0, 0.04, -d / 2, d / 2, metal))
    zp = -d / 2 + 0.025
    out.append(P.block(-0.025, 0.025, 0.04, h - 0.1, zp - 0.02, zp + 0.03, metal))
    for sx in (-1, 1):
        out.append(P.rod((sx * (w / 2 - 0.03), 0.04, zp), (0, 0.5, zp), 0.012, metal, 8))
    if style == "cabinet":
        # a wooden cabinet with its doors folded open, chalk scoreboards inside the doors
        cw = w / 2
        r = cw / 2 - 0.04
        ch = 2 * r + 0.16
        yc = min(1.73, h - ch / 2)
        y0, y1 = yc - ch / 2, yc + ch / 2
        zc0 = zp + 0.03
        out.append(P.block(-cw / 2, cw / 2, y0, y1, zc0, zb, wood))
        out.append(P.block(-cw / 2 + 0.025, cw / 2 - 0.025, y0 + 0.025, y1 - 0.025, zb - 0.001, zb + 0.001, rgba("black")))
        for sx in (-1, 1):
            out.append(P.block(sx * cw / 2 - 0.025 * sx, sx * cw / 2, y0, y1, zb, d / 2 - 0.01, wood))
            out.append(P.block(sx * cw / 2, sx * cw, y0, y1, d / 2 - 0.02, d / 2 - 0.005, wood))
            a, b = sorted((sx * (cw / 2 + 0.03), sx * (cw - 0.03)))
            out.append(P.block(a, b, y0 + 0.04, y1 - 0.04, d / 2 - 0.005, d / 2, rgba("charcoal")))
            for k in range(5):
                yy = y0 + 0.08 + (ch - 0.16) * k / 4
                out.append(P.block(a + 0.02, b - 0.02, yy, yy + 0.006, d / 2 - 0.004, d / 2 + 0.001, rgba("white")))
        out += _board(yc, zb, zf - 0.008, r)
        return out
    r = min(w * 0.42, 0.23)
    yc = min(1.73, h - r)
    out.append(P.block(-0.1, 0.1, yc - 0.1, yc + 0.1, zp, zb, metal))
    out += _board(yc, zb, zf, r)
    out.append(P.rod((-r, 0.9, zp + 0.03), (r, 0.9, zp + 0.03), 0.012, metal, 8))
    out.append(P.block(-r * 0.6, r * 0.6, 0.9, 0.93, zp, zf, metal))  # dart tray
    for k in range(3):
        x = -0.05 + 0.05 * k
        out.append(P.rod((x, 0.93, zp + 0.05), (x, 0.96, zf - 0.02), 0.004, rgba("yellow"), 6))
    return out


@generator("arcade_cabinet")
def arcade_cabinet(w: float, h: float, d: float, p: dict) -> list:
    side, body, lit = rgba(p.get("side", "red")), rgba(p.get("body", "black")), rgba(p.get("marquee", "yellow"))
    zf = d / 2
    yp, ys0, ys1, ym = 0.82, 1.02, h - 0.36, h - 0.3
    zk = zf - 0.12  # kick panel face
    zs0, zs1, zm = zf - 0.3, zf - 0.42, zf - 0.18
    outline = [
        (-d / 2, 0),
        (zk, 0),
        (zk, yp),
        (zf, yp + 0.08),
        (zf, yp + 0.15),
        (zs0, ys0),
        (zs1, ys1),
        (zm, ym),
        (zm, h),
        (-d / 2, h),
    ]
    t = 0.025
    out = [
        S.extrude_x(outline, -w / 2, -w / 2 + t, side),
        S.extrude_x(outline, w / 2 - t, w / 2, side),
        S.extrude_x([(z - 0.004 if z > -d / 2 else z, y) for z, y in outline], -w / 2 + t, w / 2 - t, body),
    ]
    # screen tilted back, with a bezel; marquee lit on top; control panel with joysticks and buttons
    xi = w / 2 - t - 0.02

    def on(z0: float, y0: float, z1: float, y1: float, fa: float, fb: float, x0: float, x1: float, lift: float) -> list:
        pa = (z0 + (z1 - z0) * fa, y0 + (y1 - y0) * fa)
        pb = (z0 + (z1 - z0) * fb, y0 + (y1 - y0) * fb)
        n = np.array([y1 - y0, -(z1 - z0)])
        n = n / np.linalg.norm(n) * (1 if n[1] <= 0 else -1) * -1  # outward: towards +Z / up
        return [(x, pa[1] + n[1] * lift, pa[0] + n[0] * lift) for x in (x0, x1)] + [
            (x, pb[1] + n[1] * lift, pb[0] + n[0] * lift) for x in (x1, x0)
        ]

    out.append(S.slab(on(zs0, ys0, zs1, ys1, 0.04, 0.96, -xi, xi, 0.0), 0.0, rgba("charcoal"), offset=(0, 0.004, 0.006)))
    out.append(
        S.slab(on(zs0, ys0, zs1, ys1, 0.12, 0.88, -xi + 0.04, xi - 0.04, 0.006), 0.0, rgba("screen"), offset=(0, 0.003, 0.005))
    )
    out.append(
        S.slab(
            on(zs0, ys0, zs1, ys1, 0.3, 0.5, -xi + 0.1, -xi + 0.2, 0.011),
            0.0,
            rgba(p.get("glow", "pastel blue")),
            offset=(0, 0.002, 0.003),
        )
    )
    out.append(P.block(-xi, xi, ym + 0.03, h - 0.03, zm - 0.001, zm + 0.012, lit))
    out.append(P.block(-xi * 0.6, xi * 0.6, ym + 0.1, h - 0.1, zm + 0.012, zm + 0.016, rgba("red")))
    zc, yc = (zf + zs0) / 2, (yp + 0.15 + ys0) / 2
    for side_x in (-w * 0.22, w * 0.18):
        out.append(P.rod((side_x, yc, zc + 0.02), (side_x, yc + 0.08, zc + 0.02), 0.008, rgba("black"), 8))
        out.append(P.ellipsoid(side_x, yc + 0.09, zc + 0.02, 0.02, 0.02, 0.02, rgba("red"), 1))
        for k in range(3):
            out.append(
                P.rod(
                    (side_x + 0.06 + 0.035 * k, yc - 0.01, zc + 0.01),
                    (side_x + 0.06 + 0.035 * k, yc + 0.02, zc - 0.005),
                    0.012,
                    rgba(("yellow", "green", "pastel blue")[k]),
                    10,
                )
            )
    # coin door
    out.append(P.block(-0.12, 0.12, 0.3, 0.62, zk - 0.002, zk + 0.012, rgba("steel")))
    for sx in (-1, 1):
        out.append(P.block(sx * 0.05 - 0.025, sx * 0.05 + 0.025, 0.5, 0.55, zk + 0.012, zk + 0.018, rgba("orange")))
    return out


@generator("foosball_table")
def foosball_table(w: float, h: float, d: float, p: dict) -> list:
    cab, leg_c, field = rgba(p.get("cabinet", "cherry")), rgba(p.get("legs", p.get("cabinet", "cherry"))), rgba("felt green")
    team_a, team_b, rod_c, grip = (
        rgba(p.get("team_a", "red")),
        rgba(p.get("team_b", "pastel blue")),
        rgba("chrome"),
        rgba("black"),
    )
    wc = w - 0.2
    yb, yf, yt = h - 0.3, h - 0.18, h - 0.016
    t = 0.03
    out: list = [
        P.block(-wc / 2, wc / 2, yb, yf, -d / 2, d / 2, cab),
        P.block(-wc / 2 + t, wc / 2 - t, yf, yf + 0.004, -d / 2 + t, d / 2 - t, field),
        P.block(-wc * 0.2, wc * 0.2, yf + 0.004, yf + 0.006, -0.005, 0.005, rgba("white")),
    ]
    out.append(P.ring(0, 0, yf + 0.004, yf + 0.006, 0.07, 0.08, rgba("white")))
    for sx in (-1, 1):
        out.append(P.block(sx * wc / 2 - t * sx, sx * wc / 2, yf, yt, -d / 2, d / 2, cab))
    for sz in (-1, 1):
        out.append(P.block(-wc / 2, wc / 2, yf, yt, sz * d / 2 - t * sz, sz * d / 2, cab))
        out.append(
            P.block(
                -wc * 0.18,
                wc * 0.18,
                yf + 0.005,
                yf + 0.08,
                sz * (d / 2 - t) - 0.002 * sz,
                sz * (d / 2 - t) + 0.001 * sz,
                rgba("black"),
            )
        )
        for k in range(5):  # score beads
            out.append(
                P.rod(
                    (wc / 2 - 0.15 + 0.025 * k, yt + 0.008, sz * (d / 2 - 0.015) - 0.01),
                    (wc / 2 - 0.15 + 0.025 * k, yt + 0.008, sz * (d / 2 - 0.015) + 0.01),
                    0.008,
                    rgba("white"),
                    8,
                )
            )
    for sx in (-1, 1):
        for sz in (-1, 1):
            out.append(P.cbox(sx * (wc / 2 - 0.05), yb / 2, sz * (d / 2 - 0.06), 0.08, yb, 0.08, leg_c))
        out.append(
            P.block(sx * (wc / 2 - 0.07) - 0.015, sx * (wc / 2 - 0.07) + 0.015, 0.1, 0.14, -d / 2 + 0.1, d / 2 - 0.1, leg_c)
        )
    # eight rods; teams alternate, each team's handles on its own side
    layout = ((1, 0), (2, 0), (3, 1), (5, 0), (5, 1), (3, 0), (2, 1), (1, 1))
    yr = yt - 0.03
    for k, (n, team) in enumerate(layout):
        z = d / 2 - t - (d - 2 * t) * (k + 0.5) / 8
        sx = 1 if team == 0 else -1
        col = team_a if team == 0 else team_b
        out.append(P.rod((-sx * (wc / 2 + 0.03), yr, z), (sx * (w / 2 - 0.08), yr, z), 0.007, rod_c, 10))
        out.append(P.rod((sx * (w / 2 - 0.09), yr, z), (sx * w / 2, yr, z), 0.017, grip, 14))
        span = wc - 2 * t - 0.1
        for i in range(n):
            x = -span / 2 + span * (i + 0.5) / n
            out.append(P.block(x - 0.012, x + 0.012, yf + 0.02, yr + 0.01, z - 0.01, z + 0.01, col))
            out.append(P.ellipsoid(x, yr + 0.025, z, 0.013, 0.015, 0.013, col, 1))
    out.append(P.ellipsoid(0.05, yf + 0.021, 0.02, 0.017, 0.017, 0.017, rgba("white"), 1))
    return out
