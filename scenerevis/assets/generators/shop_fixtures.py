"""shop_fixtures.py: generators of the catalog_shop pack for seats, stands, carts and boards: salon chair,
lectern, utility cart, pegboard.

All builders fill ``[-w/2, w/2] x [0, h] x [-d/2, d/2]`` (metres, Y up, front +Z). A salon chair's sitter
faces +Z (its footrest is at the front); a lectern's reading slope falls towards the speaker at -Z and
faces the audience with its front panel; a pegboard hangs with its back on the wall at -Z.
"""

from __future__ import annotations

import numpy as np

from scenerevis.assets import parts as P
from scenerevis.assets.generators import hobby_shapes as S
from scenerevis.assets.generators.registry import generator
from scenerevis.assets.palette import rgba


def _seat(w: float, seat_h: float, back_top: float, zb: float, zf: float, uph, arm, padded_arms: bool) -> list:
    """Seat cushion, reclined backrest and two armrests of a chair whose back is at ``zb`` and seat front at ``zf``."""
    aw = 0.08
    bw = w / 2 - aw
    out = [P.rounded_block(-bw, bw, seat_h - 0.12, seat_h, zb + 0.1, zf, 0.04, uph)]
    lo = [(sx * bw, seat_h - 0.1, z) for sx in (-1, 1) for z in (zb + 0.06, zb + 0.2)]
    hi = [(sx * bw * 0.92, back_top, z) for sx in (-1, 1) for z in (zb, zb + 0.1)]
    out.append(S.hull(lo + hi, uph))
    for sx in (-1, 1):
        x = sx * (w / 2 - aw / 2)
        if padded_arms:  # upholstered arm panels down to the seat frame
            out.append(P.rounded_block(x - aw / 2, x + aw / 2, seat_h - 0.16, seat_h + 0.2, zb + 0.12, zf - 0.02, 0.03, uph))
            out.append(P.block(x - aw / 2 - 0.002, x + aw / 2 + 0.002, seat_h + 0.05, seat_h + 0.07, zb + 0.2, zf - 0.04, arm))
        else:  # a chrome arm bent down to the seat, a pad on top
            out.append(P.rod((x, seat_h - 0.08, zb + 0.2), (x, seat_h + 0.18, zb + 0.2), 0.012, arm, 8))
            out.append(P.rod((x, seat_h - 0.08, zf - 0.08), (x, seat_h + 0.18, zf - 0.08), 0.012, arm, 8))
            out.append(P.rounded_block(x - 0.03, x + 0.03, seat_h + 0.18, seat_h + 0.23, zb + 0.15, zf - 0.03, 0.015, uph))
    return out


@generator("salon_chair")
def salon_chair(w: float, h: float, d: float, p: dict) -> list:
    uph, base, metal = rgba(p.get("upholstery", "black leather")), rgba(p.get("base", "chrome")), rgba(p.get("trim", "chrome"))
    style = p.get("style", "styling")
    out: list = []
    if style == "pedicure":  # armchair on a plinth at the back, a foot basin in front
        zb, zf = -d / 2, -d / 2 + 0.7
        plinth = 0.34
        seat_h = plinth + 0.26
        out.append(P.block(-w / 2 + 0.03, w / 2 - 0.03, 0, plinth, zb + 0.03, zf, base))
        out.append(P.block(-w / 2 + 0.06, w / 2 - 0.06, 0, 0.04, zb + 0.06, zf - 0.03, rgba("charcoal")))
        out += _seat(w, seat_h, h, zb, zf, uph, metal, True)
        zc = d / 2 - 0.22
        out.append(P.block(-0.2, 0.2, 0, 0.12, zc - 0.2, d / 2 - 0.01, base))  # step under the basin
        out.append(P.frustum(0, zc, 0.12, 0.36, 0.17, 0.21, rgba("ceramic"), 32))
        out.append(P.column(0, zc, 0.36, 0.37, 0.2, rgba("white"), 32))
        out.append(P.column(0, zc, 0.36, 0.372, 0.175, rgba("water"), 32))
        out.append(P.rod((-0.15, 0.5, zc - 0.22), (0.15, 0.5, zc - 0.22), 0.02, metal, 10))  # footrest bar
        for sx in (-1, 1):
            out.append(P.rod((sx * 0.15, 0.5, zc - 0.22), (sx * 0.15, plinth - 0.05, zf), 0.015, metal, 8))
        return out
    barber = style == "barber"
    zf = d / 2 - (0.2 if barber else 0.12)
    zb = -d / 2
    seat_h = float(p.get("seat_h", 0.58 if barber else 0.55))
    back_top = h - 0.17 if barber else h
    zc = (zb + zf) / 2 + 0.03
    rb = min(w / 2 - 0.02, 0.29)
    # round pedestal base, hydraulic column under a shroud, pump lever on the right
    out.append(P.frustum(0, zc, 0, 0.045, rb, rb * 0.92, base, 40))
    out.append(P.frustum(0, zc, 0.045, 0.22, 0.1, 0.065, rgba("black"), 24))
    out.append(P.column(0, zc, 0.22, seat_h - 0.17, 0.045, metal, 20))
    out.append(P.block(-0.17, 0.17, seat_h - 0.19, seat_h - 0.12, zb + 0.1, zf - 0.04, rgba("black")))  # seat frame
    out.append(P.rod((0.05, 0.1, zc), (rb * 0.95, 0.09, zc + 0.08), 0.012, metal, 8))
    out.append(P.block(rb * 0.85, rb * 0.99, 0.075, 0.095, zc + 0.05, zc + 0.12, rgba("black")))
    out += _seat(w, seat_h, back_top, zb, zf, uph, metal, barber)
    if barber:  # headrest on a chrome bar, a ribbed footplate well out in front
        out.append(P.block(-0.02, 0.02, back_top - 0.1, h - 0.08, zb + 0.005, zb + 0.04, metal))
        out.append(P.rounded_block(-0.13, 0.13, h - 0.14, h, zb, zb + 0.1, 0.04, uph))
        yp = 0.2
        out.append(P.block(-0.2, 0.2, yp - 0.025, yp, d / 2 - 0.16, d / 2, metal))
        for k in range(4):
            z = d / 2 - 0.14 + 0.04 * k
            out.append(P.block(-0.18, 0.18, yp, yp + 0.008, z - 0.008, z + 0.008, rgba("black")))
        for sx in (-1, 1):
            out.append(P.rod((sx * 0.13, seat_h - 0.17, zf - 0.02), (sx * 0.15, yp - 0.01, d / 2 - 0.14), 0.015, metal, 8))
    else:  # a chrome foot bar in front of the seat
        yb = 0.24
        out.append(P.rod((-0.18, yb, d / 2 - 0.015), (0.18, yb, d / 2 - 0.015), 0.014, metal, 10))
        for sx in (-1, 1):
            out.append(P.rod((sx * 0.12, seat_h - 0.17, zf - 0.06), (sx * 0.18, yb, d / 2 - 0.015), 0.012, metal, 8))
    return out


@generator("lectern")
def lectern(w: float, h: float, d: float, p: dict) -> list:
    body = rgba(p.get("body", "walnut"))
    slope = rgba(p.get("slope", p.get("body", "walnut")))
    trim = rgba(p.get("trim", "brass"))
    style = p.get("style", "box")
    y_back = h - 0.13

    def top_y(z: float) -> float:  # the reading slope: low at the speaker (-Z), high at the audience (+Z)
        return y_back + (h - y_back) * (z + d / 2) / d

    t = 0.04
    pts = [(sx * w / 2, top_y(sz * d / 2), sz * d / 2) for sx in (-1, 1) for sz in (-1, 1)]
    out: list = [S.hull(pts + [(x, y - t, z) for x, y, z in pts], slope)]
    out.append(P.block(-w / 2 + 0.04, w / 2 - 0.04, y_back - 0.01, y_back + 0.03, -d / 2, -d / 2 + 0.02, body))  # book ledge
    if style == "column":  # a steel column on a round foot, a bracket under the slope
        r = min(w, d) / 2 - 0.01
        metal = rgba(p.get("stand", "matte black metal"))
        out.append(P.frustum(0, 0, 0, 0.03, r, r * 0.9, metal, 36))
        out.append(P.column(0, 0, 0.03, top_y(0) - t - 0.04, 0.035, metal, 20))
        out.append(P.block(-0.1, 0.1, top_y(0) - t - 0.06, top_y(0) - t, -0.08, 0.08, metal))
        return out
    pulpit = style == "pulpit"
    inset = 0.11 if pulpit else 0.03
    zb, zf = (-d / 2 + 0.1, d / 2 - 0.08) if pulpit else (-d / 2 + 0.04, d / 2 - 0.02)
    outline = [(zb + 0.02, 0.06), (zf - 0.03, 0.06), (zf, top_y(zf) - t), (zb, top_y(zb) - t)]
    out.append(S.extrude_x(outline, -w / 2 + inset, w / 2 - inset, body))
    out.append(P.block(-w / 2, w / 2, 0, 0.07, -d / 2, d / 2, rgba(p.get("plinth", p.get("body", "walnut")))))
    yf = top_y(zf) - t
    if pulpit:  # a wide desk box under the slope on a narrower panelled body, a moulding between
        yd = h - 0.4
        za, zz = -d / 2 + 0.02, d / 2 - 0.02
        desk = [(za, yd), (zz, yd), (zz, top_y(zz) - t), (za, top_y(za) - t)]
        out.append(S.extrude_x(desk, -w / 2 + 0.01, w / 2 - 0.01, body))
        out.append(P.block(-w / 2 + 0.06, w / 2 - 0.06, yd - 0.05, yd, zb - 0.03, zf + 0.03, trim))
        out.append(P.block(-w / 2 + 0.06, w / 2 - 0.06, yd + 0.05, top_y(zz) - t - 0.05, zz, d / 2, trim))
        bw = w / 2 - inset - 0.04
        for y0, y1 in ((0.14, yd * 0.45), (yd * 0.45 + 0.05, yd - 0.09)):
            for sx in (-1, 1):
                z0 = zf - 0.03 + 0.03 * (y0 - 0.06) / (yf - 0.06)
                out.append(P.block(sx * 0.02, sx * bw, y0, y1, z0, z0 + 0.025, trim))
    else:  # a brass emblem on the front, a microphone on a gooseneck
        out.append(S.zdisc(0, yf * 0.68, zf - 0.01, zf + 0.004, min(0.09, w * 0.16), trim, 32))
        out.append(S.zring(0, yf * 0.68, zf - 0.005, zf + 0.008, min(0.09, w * 0.16) * 0.8, min(0.09, w * 0.16) * 0.9, body, 32))
    if p.get("mic", False):
        x = w / 2 - 0.1
        z0 = -d / 2 + 0.06
        mid = (x - 0.02, y_back + 0.07, z0 + 0.05)
        out.append(P.rod((x, top_y(z0), z0), mid, 0.007, rgba("black"), 8))
        out.append(P.rod(mid, (x - 0.06, h - 0.03, z0 + 0.12), 0.007, rgba("black"), 8))
        out.append(P.ellipsoid(x - 0.065, h - 0.025, z0 + 0.13, 0.018, 0.018, 0.025, rgba("charcoal"), 1))
    return out


@generator("utility_cart")
def utility_cart(w: float, h: float, d: float, p: dict) -> list:
    frame = rgba(p.get("frame", "white"))
    style = p.get("style", "tiers")
    steel, rubber = rgba("steel"), rgba("rubber")
    wr = 0.04
    out: list = []
    for sx in (-1, 1):  # castors: a wheel under a fork
        for sz in (-1, 1):
            x, z = sx * (w / 2 - 0.07), sz * (d / 2 - wr - 0.005)
            out.append(P.rod((x - 0.012, wr, z), (x + 0.012, wr, z), wr, rubber, 16))
            out.append(P.block(x - 0.02, x + 0.02, wr, 2 * wr + 0.015, z - 0.02, z + 0.02, rgba("charcoal")))
    y0 = 2 * wr + 0.015
    if style == "drawers":  # a rolling tool chest: drawers, a rubber-topped lid, a side handle at -X
        body = rgba(p.get("body", "red"))
        x0, zf = -w / 2 + 0.06, d / 2 - 0.04
        out.append(P.block(x0, w / 2, y0, h - 0.04, -d / 2, zf, body))
        out.append(P.block(x0, w / 2, h - 0.04, h, -d / 2, d / 2, rgba("charcoal")))
        rows = int(p.get("drawers", 5))
        out += P.drawer_fronts(x0 + 0.015, w / 2 - 0.015, y0 + 0.02, h - 0.07, zf, rows, 1, body, steel)
        yh = h - 0.18
        out.append(P.rod((-w / 2 + 0.013, yh, -d / 2 + 0.07), (-w / 2 + 0.013, yh, d / 2 - 0.07), 0.013, steel, 10))
        for sz in (-1, 1):
            out.append(P.rod((-w / 2 + 0.013, yh, sz * (d / 2 - 0.07)), (x0 + 0.01, yh, sz * (d / 2 - 0.07)), 0.011, steel, 8))
        return out
    instrument = style == "instrument"
    tray = rgba(p.get("tray", p.get("frame", "white")))
    xa, xb = (-w / 2 + 0.07, w / 2 - 0.012) if instrument else (-w / 2 + 0.012, w / 2 - 0.012)  # post centres
    cx, xp = (xa + xb) / 2, (xb - xa) / 2
    top = h - (0.08 if instrument else 0.07)
    for x in (xa, xb):
        for sz in (-1, 1):
            out.append(P.column(x, sz * (d / 2 - 0.02), y0, top, 0.012, frame, 12))
    n = int(p.get("tiers", 2 if instrument else 3))
    lip = 0.025 if instrument else 0.06
    levels = [y0 + 0.06 + (top - lip - y0 - 0.06) * k / (n - 1) for k in range(n)]
    for k, yy in enumerate(levels):
        x0, x1 = xa - 0.012, xb + 0.012
        out.append(P.block(x0, x1, yy, yy + 0.012, -d / 2, d / 2, tray))
        for sz in (-1, 1):
            out.append(P.block(x0, x1, yy, yy + lip, sz * (d / 2 - 0.006) - 0.006, sz * (d / 2 - 0.006) + 0.006, tray))
        for sx in (-1, 1):
            x = cx + sx * (xp + 0.006)
            out.append(P.block(x - 0.006, x + 0.006, yy, yy + lip, -d / 2, d / 2, tray))
        ys = yy + 0.012
        if instrument and k == n - 1:  # instruments on a cloth, a kidney dish, a box of gloves
            out.append(P.block(cx - xp + 0.04, cx + 0.05, ys, ys + 0.003, -d / 2 + 0.05, d / 2 - 0.05, rgba("pastel blue")))
            for j in range(5):
                z = -d / 2 + 0.09 + j * (d - 0.18) / 4
                out.append(P.rod((cx - xp + 0.07, ys + 0.008, z), (cx, ys + 0.008, z), 0.004, steel, 6))
            out.append(P.ellipsoid(cx + xp * 0.5, ys + 0.02, -0.05, 0.09, 0.02, 0.05, steel, 2))
            out.append(P.block(cx + xp * 0.3, cx + xp - 0.03, ys, ys + 0.08, 0.06, d / 2 - 0.03, rgba("blue")))
        elif instrument:  # folded towels and packs of gauze on the lower shelf
            out.append(
                P.rounded_block(cx - xp + 0.03, cx - 0.02, ys, ys + 0.08, -d / 2 + 0.05, d / 2 - 0.05, 0.02, rgba("white"))
            )
            out.append(P.block(cx + 0.04, cx + xp - 0.04, ys, ys + 0.05, -0.1, 0.1, rgba("off white")))
        else:  # jars on top, bottles in the middle, rolled towels at the bottom
            room = min(0.2, (levels[1] - levels[0]) * 0.8 if n > 1 else 0.2)
            cols = (("yellow", "pastel pink", "sage"), ("pastel blue", "white", "orange"), ("grey fabric", "cream"))[k % 3]
            m = max(2, int((2 * xp - 0.06) / 0.11))
            for j in range(m):
                x = cx - xp + 0.06 + j * (2 * xp - 0.12) / max(m - 1, 1)
                c = rgba(cols[j % len(cols)])
                if k == n - 1:  # jars standing up out of the top basket to the full height
                    jh = max(0.04, h - ys - 0.016)
                    out.append(P.column(x, 0.0, ys, ys + jh, 0.035, c, 16))
                    out.append(P.column(x, 0.0, ys + jh, h, 0.03, rgba("white"), 16))
                elif k == 0:
                    out.append(P.rod((x, ys + 0.045, -d / 2 + 0.04), (x, ys + 0.045, d / 2 - 0.04), 0.045, c, 16))
                else:
                    out.append(P.column(x, 0.0, ys, ys + room * 0.7, 0.03, c, 12))
                    out.append(P.block(x - 0.01, x + 0.01, ys + room * 0.7, ys + room * 0.85, -0.01, 0.03, rgba("white")))
    if instrument:  # push handle rising at -X
        x = -w / 2 + 0.012
        for sz in (-1, 1):
            z = sz * (d / 2 - 0.05)
            out.append(P.rod((xa, top - 0.05, z), (x, top - 0.02, z), 0.01, frame, 8))
            out.append(P.rod((x, top - 0.02, z), (x, h - 0.012, z), 0.012, frame, 8))
        out.append(P.rod((x, h - 0.012, -d / 2 + 0.05), (x, h - 0.012, d / 2 - 0.05), 0.012, frame, 10))
    return out


def _tools(w: float, h: float, zf: float, room: float) -> list:
    """Workshop tools hung on the board face at ``zf`` (``room`` m deep): hammer, screwdrivers, spanners, saw, pliers."""
    steel, wood = rgba("steel"), rgba("walnut")
    zt = zf + min(room, 0.03) / 2
    th = min(room, 0.03) / 2
    out: list = []
    x, y = -w * 0.38, h * 0.6
    out.append(P.block(x - 0.015, x + 0.015, y - 0.2, y + 0.08, zt - th * 0.6, zt + th * 0.6, wood))
    out.append(P.block(x - 0.07, x + 0.07, y + 0.06, y + 0.11, zt - th, zt + th, steel))
    for k in range(4):
        x = -w * 0.22 + 0.05 * k
        out.append(P.rod((x, y - 0.18, zt), (x, y - 0.04, zt), 0.004, steel, 6))
        out.append(P.rod((x, y - 0.04, zt), (x, y + 0.08, zt), min(0.014, th), rgba(("red", "yellow", "blue", "green")[k]), 8))
    for k in range(5):
        x = w * 0.02 + 0.045 * k
        ln = 0.12 + 0.03 * k
        out.append(P.block(x - 0.009, x + 0.009, y + 0.08 - ln, y + 0.08, zt - th * 0.3, zt + th * 0.3, steel))
        out.append(S.zring(x, y + 0.08 - 0.012, zt - th * 0.3, zt + th * 0.3, 0.008, 0.02, steel, 16))
    x = w * 0.32
    yb = h * 0.2
    blade = [(x - 0.05, yb), (x + 0.05, yb), (x + 0.06, min(h - 0.1, yb + 0.4)), (x - 0.01, min(h - 0.1, yb + 0.4))]
    out.append(S.extrude_z(blade, zt - th * 0.2, zt + th * 0.2, steel))
    ytop = min(h - 0.1, yb + 0.4)
    out.append(P.block(x - 0.04, x + 0.08, ytop, ytop + 0.09, zt - th, zt + th, rgba("red")))
    xp, yp = -w * 0.05, h * 0.22
    for s in (-1, 1):  # pliers: two crossed jaws and handles
        out.append(
            S.hull(
                [(xp + s * 0.012, yp + 0.12, zt - th * 0.4), (xp + s * 0.012, yp + 0.12, zt + th * 0.4)]
                + [(xp - s * 0.035 + dx, yp - 0.06, zt + dz) for dx in (-0.01, 0.01) for dz in (-th * 0.4, th * 0.4)],
                rgba("red") if s > 0 else rgba("blue"),
            )
        )
    out.append(S.zdisc(-w * 0.3, h * 0.2, zt - th, zt + th, 0.04, rgba("yellow"), 24))  # tape measure
    return out


def _craft(w: float, h: float, zf: float, room: float) -> list:
    """Craft supplies on the board face at ``zf``: scissors, rulers, thread spools, tape rolls, a basket."""
    zt = zf + min(room, 0.03) / 2
    th = min(room, 0.03) / 2
    out: list = []
    x, y = -w * 0.35, h * 0.62
    for s in (-1, 1):  # scissors: finger loops and crossing blades
        out.append(S.zring(x + s * 0.025, y, zt - th * 0.4, zt + th * 0.4, 0.012, 0.022, rgba("orange"), 16))
        out.append(
            S.hull(
                [
                    (x + s * 0.015, y + 0.02, zt - th * 0.3),
                    (x + s * 0.015, y + 0.02, zt + th * 0.3),
                    (x - s * 0.01, y + 0.17, zt - th * 0.3),
                    (x - s * 0.01, y + 0.17, zt + th * 0.3),
                    (x + s * 0.005, y + 0.17, zt),
                ],
                rgba("steel"),
            )
        )
    for k in range(3):  # rulers
        x = -w * 0.18 + 0.05 * k
        out.append(
            P.block(
                x - 0.015,
                x + 0.015,
                h * 0.12,
                h * 0.12 + 0.3 + 0.06 * k,
                zt - th * 0.2,
                zt + th * 0.2,
                rgba(("white", "yellow", "pastel blue")[k]),
            )
        )
    for i in range(2):  # thread spools on pegs
        for j in range(4):
            x, y = w * 0.05 + 0.07 * j, h * 0.7 - 0.12 * i
            out.append(
                P.rod(
                    (x, y, zf),
                    (x, y, zt + th),
                    0.015,
                    rgba(("red", "navy", "mustard velvet", "sage", "pastel pink", "purple", "white", "black")[i * 4 + j]),
                    14,
                )
            )
    for k in range(2):  # tape rolls on a hook
        out.append(S.zring(w * 0.38, h * 0.65 - 0.1 * k, zt - th, zt + th, 0.025, 0.045, rgba(("white", "pastel pink")[k]), 24))
    out.append(P.block(w * 0.05, w * 0.05 + 0.3, h * 0.1, h * 0.1 + 0.12, zf, zt + th, rgba("wicker")))  # basket
    return out


@generator("pegboard")
def pegboard(w: float, h: float, d: float, p: dict) -> list:
    board, trim, holes = (
        rgba(p.get("surface", "white")),
        rgba(p.get("trim", p.get("surface", "white"))),
        rgba(p.get("holes", "charcoal")),
    )
    gap, tb = 0.015, 0.012
    zb = -d / 2 + gap
    zf = zb + tb
    out: list = [
        P.block(-w / 2 + 0.04, w / 2 - 0.04, 0.03, 0.08, -d / 2, zb, trim),  # spacer battens behind the board
        P.block(-w / 2 + 0.04, w / 2 - 0.04, h - 0.08, h - 0.03, -d / 2, zb, trim),
        P.block(-w / 2, w / 2, 0, h, zb, zf, board),
    ]
    if p.get("framed", True):
        f = 0.03
        out += [
            P.block(-w / 2, w / 2, 0, f, zf, zf + 0.008, trim),
            P.block(-w / 2, w / 2, h - f, h, zf, zf + 0.008, trim),
            P.block(-w / 2, -w / 2 + f, f, h - f, zf, zf + 0.008, trim),
            P.block(w / 2 - f, w / 2, f, h - f, zf, zf + 0.008, trim),
        ]
    step = float(p.get("pitch", 0.05))
    for x in np.arange(-w / 2 + 0.06, w / 2 - 0.05, step):
        for y in np.arange(0.06, h - 0.05, step):
            out.append(P.block(x - 0.004, x + 0.004, y - 0.004, y + 0.004, zf - 0.001, zf + 0.0012, holes))
    room = d / 2 - zf
    out += _craft(w, h, zf, room) if p.get("tools", "workshop") == "craft" else _tools(w, h, zf, room)
    if p.get("shelf", False):  # a steel shelf and two parts bins low on the board
        ys = h * 0.42
        out.append(P.block(-w * 0.15, w * 0.2, ys - 0.015, ys, zf, d / 2, trim))
        for k in range(3):
            x = -w * 0.12 + 0.1 * k
            out.append(
                P.column(x, (zf + d / 2) / 2, ys, ys + 0.1, min(0.035, room / 2 - 0.005), rgba(("clay", "steel", "cream")[k]), 14)
            )
        for k in range(2):
            x = w * 0.25 + 0.16 * k
            if x + 0.07 < w / 2 - 0.04:
                out.append(P.block(x - 0.07, x + 0.07, h * 0.06, h * 0.06 + 0.1, zf, d / 2, rgba(("blue", "yellow")[k])))
    return out
