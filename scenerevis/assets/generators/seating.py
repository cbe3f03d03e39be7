"""seating.py: generators for things people sit or lie on: beds, sofas, chairs, stools, benches, ottomans.

All builders fill ``[-w/2, w/2] x [0, h] x [-d/2, d/2]`` (metres, Y up, front +Z); a bed's headboard
and a seat's backrest stand at the back (-Z).
"""

from __future__ import annotations

import numpy as np

from scenerevis.assets import parts as P
from scenerevis.assets.generators.registry import generator
from scenerevis.assets.palette import rgba


@generator("bed")
def bed(w: float, h: float, d: float, p: dict) -> list:
    frame, head, sheet, cover = (
        rgba(p.get(k, v))
        for k, v in (("frame", "oak"), ("headboard", p.get("frame", "oak")), ("sheet", "white linen"), ("cover", "bedding blue"))
    )
    style = p.get("style", "legs")
    hb_t = 0.06 if style != "upholstered" else 0.1
    mat_top = min(float(p.get("mattress_top", 0.55)), h - 0.05)
    base_top = mat_top - 0.22
    base_y0 = 0.0 if style == "platform" else 0.12
    out = [P.block(-w / 2, w / 2, base_y0, base_top, -d / 2 + hb_t, d / 2, frame)]
    if style == "platform":
        out[0] = P.block(-w / 2 + 0.04, w / 2 - 0.04, 0, base_top - 0.06, -d / 2 + hb_t, d / 2 - 0.04, frame)
        out.append(P.block(-w / 2, w / 2, base_top - 0.06, base_top, -d / 2 + hb_t, d / 2, frame))
    else:
        out += P.legs(
            -w / 2,
            w / 2,
            -d / 2 + hb_t,
            d / 2,
            0,
            base_y0 + 0.002,
            0.06,
            rgba(p.get("leg", p.get("frame", "oak"))),
            style=p.get("leg_style", "square"),
            inset=0.02,
        )
    # mattress, duvet and pillows
    out.append(
        P.rounded_block(-w / 2 + 0.02, w / 2 - 0.02, base_top - 0.01, mat_top, -d / 2 + hb_t + 0.01, d / 2 - 0.02, 0.05, sheet)
    )
    out.append(
        P.rounded_block(
            -w / 2 + 0.005, w / 2 - 0.005, base_top + 0.05, mat_top + 0.03, -d / 2 + hb_t + 0.55, d / 2 - 0.005, 0.04, cover
        )
    )
    n_pillows = 1 if w < 1.2 else 2
    pw = (w - 0.12) / n_pillows
    for i in range(n_pillows):
        x0 = -w / 2 + 0.06 + i * pw
        out.append(
            P.rounded_block(
                x0 + 0.03, x0 + pw - 0.03, mat_top - 0.02, mat_top + 0.11, -d / 2 + hb_t + 0.05, -d / 2 + hb_t + 0.42, 0.05, sheet
            )
        )
    # headboard
    if style == "upholstered":
        out.append(P.block(-w / 2, w / 2, 0, h * 0.55, -d / 2, -d / 2 + hb_t, frame))
        out.append(P.rounded_block(-w / 2, w / 2, h * 0.4, h, -d / 2, -d / 2 + hb_t, 0.04, head))
    elif style == "slatted":
        out += [
            P.block(-w / 2, -w / 2 + 0.06, 0, h, -d / 2, -d / 2 + hb_t, head),
            P.block(w / 2 - 0.06, w / 2, 0, h, -d / 2, -d / 2 + hb_t, head),
            P.block(-w / 2, w / 2, h - 0.07, h, -d / 2, -d / 2 + hb_t, head),
            P.block(-w / 2, w / 2, base_top - 0.05, base_top + 0.05, -d / 2, -d / 2 + hb_t, head),
        ]
        n = max(3, int(w / 0.14))
        for i in range(n):
            x = -w / 2 + 0.06 + (w - 0.12) * (i + 0.5) / n
            out.append(P.block(x - 0.025, x + 0.025, base_top + 0.05, h - 0.07, -d / 2 + 0.01, -d / 2 + hb_t - 0.01, head))
    else:
        out.append(P.block(-w / 2, w / 2, 0, h, -d / 2, -d / 2 + hb_t, head))
    if p.get("footboard", False):
        out.append(P.block(-w / 2, w / 2, 0, mat_top - 0.05, d / 2 - 0.05, d / 2, frame))
    return out


@generator("bunk_bed")
def bunk_bed(w: float, h: float, d: float, p: dict) -> list:
    frame, sheet, cover, cover2 = (
        rgba(p.get(k, v))
        for k, v in (("frame", "pine"), ("sheet", "white linen"), ("cover", "pastel blue"), ("cover2", "pastel pink"))
    )
    post = 0.07
    out = [
        P.block(
            sx * (w / 2 - post / 2) - post / 2,
            sx * (w / 2 - post / 2) + post / 2,
            0,
            h,
            sz * (d / 2 - post / 2) - post / 2,
            sz * (d / 2 - post / 2) + post / 2,
            frame,
        )
        for sx in (-1, 1)
        for sz in (-1, 1)
    ]
    for y in (0.22, h * 0.58):
        out.append(P.block(-w / 2 + post, w / 2 - post, y, y + 0.12, -d / 2, d / 2, frame))
        out.append(P.rounded_block(-w / 2 + post, w / 2 - post, y + 0.12, y + 0.28, -d / 2 + post, d / 2 - post, 0.04, sheet))
        out.append(
            P.rounded_block(
                -w / 2 + post - 0.005,
                w / 2 - post + 0.005,
                y + 0.16,
                y + 0.3,
                -d / 2 + 0.7,
                d / 2 - post,
                0.04,
                cover if y < 1 else cover2,
            )
        )
        out.append(
            P.rounded_block(
                -w / 2 + 0.15, w / 2 - 0.15, y + 0.26, y + 0.36, -d / 2 + post + 0.04, -d / 2 + post + 0.4, 0.04, sheet
            )
        )
    # guard rail on the top bunk and a ladder at the front right
    out.append(P.block(-w / 2 + post, w / 2 - post, h - 0.12, h - 0.06, -d / 2 + 0.6, d / 2 - post, frame))
    lx0, lx1 = w / 2 - 0.05, w / 2
    for z in (d / 2 - 0.5, d / 2 - 0.1):
        out.append(P.block(lx0, lx1, 0, h * 0.85, z - 0.025, z + 0.025, frame))
    for i in range(1, 6):
        y = i * h * 0.85 / 6
        out.append(P.rod((w / 2 - 0.025, y, d / 2 - 0.5), (w / 2 - 0.025, y, d / 2 - 0.1), 0.015, frame))
    return out


def _sofa_block(x0: float, x1: float, z0: float, z1: float, h: float, p: dict, seats: int, arms: tuple[bool, bool]) -> list:
    """One straight sofa run from ``x0`` to ``x1`` with its back at ``z0`` and front at ``z1``."""
    fabric, cushion = rgba(p.get("fabric", "grey fabric")), rgba(p.get("cushion", p.get("fabric", "grey fabric")))
    leg_h = float(p.get("leg_h", 0.1))
    seat_h = float(p.get("seat_h", 0.44))
    arm_w = float(p.get("arm_w", 0.16))
    arm_h = min(float(p.get("arm_h", 0.62)), h)
    back_t = 0.18
    out = [
        P.block(x0, x1, leg_h, seat_h - 0.12, z0, z1, fabric),
        P.rounded_block(x0, x1, leg_h, h, z0, z0 + back_t, 0.04, fabric),
    ]
    if leg_h > 0.01:
        out += P.legs(
            x0, x1, z0, z1, 0, leg_h + 0.002, 0.045, rgba(p.get("leg", "walnut")), style=p.get("leg_style", "tapered"), inset=0.04
        )
    ax0 = x0 + (arm_w if arms[0] else 0.0)
    ax1 = x1 - (arm_w if arms[1] else 0.0)
    for on, (a, b) in zip(arms, ((x0, x0 + arm_w), (x1 - arm_w, x1))):
        if on:
            out.append(P.rounded_block(a, b, leg_h, arm_h, z0, z1, float(p.get("arm_round", 0.05)), fabric))
    sw = (ax1 - ax0) / seats
    for i in range(seats):
        a, b = ax0 + i * sw, ax0 + (i + 1) * sw
        out.append(P.rounded_block(a + 0.005, b - 0.005, seat_h - 0.13, seat_h, z0 + back_t - 0.02, z1, 0.05, cushion))
        if p.get("back_cushions", True):
            out.append(
                P.rounded_block(
                    a + 0.01, b - 0.01, seat_h - 0.02, h - 0.04, z0 + back_t - 0.03, z0 + back_t + 0.13, 0.06, cushion
                )
            )
    return out


@generator("sofa")
def sofa(w: float, h: float, d: float, p: dict) -> list:
    out = _sofa_block(-w / 2, w / 2, -d / 2, d / 2, h, p, int(p.get("seats", 3)), (True, True))
    if p.get("throw_pillows", True):
        accent = rgba(p.get("accent", "mustard velvet"))
        seat_h, arm_w = float(p.get("seat_h", 0.44)), float(p.get("arm_w", 0.16))
        for sx in (-1, 1):
            x = sx * (w / 2 - arm_w - 0.2)
            out.append(
                P.rounded_block(x - 0.18, x + 0.18, seat_h - 0.02, seat_h + 0.34, -d / 2 + 0.3, -d / 2 + 0.42, 0.05, accent)
            )
    return out


@generator("sectional")
def sectional(w: float, h: float, d: float, p: dict) -> list:
    """L-shaped sofa: a run along the back (depth ``p['run_d']``) plus a chaise on the left reaching the front."""
    run_d = float(p.get("run_d", 0.95))
    chaise_w = float(p.get("chaise_w", 0.9))
    out = _sofa_block(-w / 2 + chaise_w, w / 2, -d / 2, -d / 2 + run_d, h, p, int(p.get("seats", 2)), (False, True))
    fabric, cushion = rgba(p.get("fabric", "grey fabric")), rgba(p.get("cushion", p.get("fabric", "grey fabric")))
    leg_h, seat_h = float(p.get("leg_h", 0.1)), float(p.get("seat_h", 0.44))
    x0, x1, z0, z1 = -w / 2, -w / 2 + chaise_w, -d / 2, d / 2
    out += [
        P.block(x0, x1, leg_h, seat_h - 0.12, z0, z1, fabric),
        P.rounded_block(x0, x1, leg_h, h, z0, z0 + 0.18, 0.04, fabric),
        P.rounded_block(x0, x0 + 0.16, leg_h, min(float(p.get("arm_h", 0.62)), h), z0, z1, 0.05, fabric),
        P.rounded_block(x0 + 0.16, x1, seat_h - 0.13, seat_h, z0 + 0.16, z1, 0.05, cushion),
        P.rounded_block(x0 + 0.17, x1 - 0.01, seat_h - 0.02, h - 0.04, z0 + 0.15, z0 + 0.3, 0.06, cushion),
    ]
    if leg_h > 0.01:
        out += P.legs(
            x0, x1, z0, z1, 0, leg_h + 0.002, 0.045, rgba(p.get("leg", "walnut")), style=p.get("leg_style", "tapered"), inset=0.04
        )
    return out


@generator("armchair")
def armchair(w: float, h: float, d: float, p: dict) -> list:
    out = _sofa_block(-w / 2, w / 2, -d / 2, d / 2, h, {"arm_w": 0.13, "leg_h": 0.14, **p}, 1, (True, True))
    if p.get("wings", False):
        fabric = rgba(p.get("fabric", "grey fabric"))
        for sx in (-1, 1):
            a = sx * (w / 2 - 0.065)
            out.append(P.rounded_block(a - 0.065, a + 0.065, 0.5, h, -d / 2, -d / 2 + 0.35, 0.04, fabric))
    return out


@generator("dining_chair")
def dining_chair(w: float, h: float, d: float, p: dict) -> list:
    wood, seat_c = rgba(p.get("frame", "oak")), rgba(p.get("seat", p.get("frame", "oak")))
    seat_h = float(p.get("seat_h", 0.46))
    leg = 0.035
    out = P.legs(-w / 2, w / 2, -d / 2, d / 2, 0, seat_h - 0.03, leg, wood, style=p.get("leg_style", "square"), inset=0.01)
    if p.get("upholstered", False):
        out.append(P.rounded_block(-w / 2, w / 2, seat_h - 0.06, seat_h, -d / 2, d / 2, 0.025, seat_c))
    else:
        out.append(P.block(-w / 2, w / 2, seat_h - 0.035, seat_h, -d / 2, d / 2, seat_c))
    # back posts and backrest
    for sx in (-1, 1):
        x = sx * (w / 2 - 0.01 - leg / 2)
        out.append(P.block(x - leg / 2, x + leg / 2, seat_h - 0.03, h, -d / 2 + 0.01, -d / 2 + 0.01 + leg, wood))
    back = p.get("back", "panel")
    if back == "slats":
        for i in range(4):
            x = -w / 2 + 0.06 + (w - 0.12) * (i + 0.5) / 4
            out.append(P.block(x - 0.015, x + 0.015, seat_h + 0.05, h - 0.07, -d / 2 + 0.015, -d / 2 + 0.035, wood))
        out.append(P.block(-w / 2 + 0.01, w / 2 - 0.01, h - 0.08, h, -d / 2 + 0.01, -d / 2 + 0.045, wood))
    elif back == "ladder":
        for y in np.linspace(seat_h + 0.12, h - 0.04, 3):
            out.append(P.block(-w / 2 + 0.01, w / 2 - 0.01, y - 0.03, y + 0.03, -d / 2 + 0.01, -d / 2 + 0.04, wood))
    else:
        out.append(
            P.rounded_block(
                -w / 2 + 0.01,
                w / 2 - 0.01,
                seat_h + 0.12,
                h,
                -d / 2 + 0.005,
                -d / 2 + 0.05,
                0.015,
                seat_c if p.get("upholstered", False) else wood,
            )
        )
    return out


@generator("office_chair")
def office_chair(w: float, h: float, d: float, p: dict) -> list:
    base, seat_c, back_c = (
        rgba(p.get("base", "matte black metal")),
        rgba(p.get("seat", "black")),
        rgba(p.get("back", p.get("seat", "black"))),
    )
    seat_h = float(p.get("seat_h", 0.48))
    r = min(w, d) / 2 - 0.03
    out = []
    for k in range(5):
        a = 2 * np.pi * k / 5 + np.pi / 2
        x, z = r * np.cos(a), r * np.sin(a)
        out.append(P.rod((0, 0.08, 0), (x, 0.06, z), 0.02, base))
        out.append(P.ellipsoid(x, 0.03, z, 0.03, 0.03, 0.03, rgba("rubber"), subdivisions=1))
    out.append(P.column(0, 0, 0.07, seat_h - 0.07, 0.028, rgba("chrome") if p.get("chrome", False) else base))
    out.append(P.block(-0.12, 0.12, seat_h - 0.1, seat_h - 0.07, -0.12, 0.12, base))
    sd0, sd1 = -d / 2 + 0.08, d / 2 - 0.03
    out.append(P.rounded_block(-w / 2 + 0.06, w / 2 - 0.06, seat_h - 0.08, seat_h, sd0, sd1, 0.03, seat_c))
    # backrest on a spine
    out.append(P.block(-0.03, 0.03, seat_h - 0.09, seat_h + 0.15, -d / 2 + 0.02, -d / 2 + 0.06, base))
    bw = w / 2 - (0.07 if not p.get("wide_back", False) else 0.05)
    out.append(
        P.rounded_block(
            -bw, bw, seat_h + 0.08, h - (0.0 if p.get("headrest", False) else 0.0), -d / 2, -d / 2 + 0.07, 0.03, back_c
        )
    )
    if p.get("headrest", False):
        out[-1] = P.rounded_block(-bw, bw, seat_h + 0.08, h - 0.14, -d / 2, -d / 2 + 0.07, 0.03, back_c)
        out.append(P.rounded_block(-0.14, 0.14, h - 0.12, h, -d / 2, -d / 2 + 0.06, 0.03, back_c))
    if p.get("arms", True):
        for sx in (-1, 1):
            x = sx * (w / 2 - 0.03)
            out.append(P.block(x - 0.015, x + 0.015, seat_h - 0.05, seat_h + 0.2, -0.05, 0.0, base))
            out.append(P.rounded_block(x - 0.03, x + 0.03, seat_h + 0.18, seat_h + 0.22, -0.18, 0.12, 0.01, rgba("black")))
    return out


@generator("stool")
def stool(w: float, h: float, d: float, p: dict) -> list:
    wood, seat_c = rgba(p.get("frame", "oak")), rgba(p.get("seat", p.get("frame", "oak")))
    r = min(w, d) / 2
    out = [
        P.frustum(0, 0, h - 0.04, h, r, r, seat_c)
        if p.get("round", True)
        else P.block(-w / 2, w / 2, h - 0.04, h, -d / 2, d / 2, seat_c)
    ]
    kind = p.get("base", "legs")
    if kind == "column":
        out += [P.column(0, 0, 0.02, h - 0.04, 0.03, wood), P.frustum(0, 0, 0, 0.025, r * 0.85, r * 0.8, wood)]
        if h > 0.55:  # footrest ring on three spokes
            y = h * 0.33
            out.append(P.ring(0, 0, y, y + 0.02, r * 0.62, r * 0.72, wood))
            for k in range(3):
                a = 2 * np.pi * k / 3
                out.append(
                    P.rod((0, y + 0.01, 0), (r * 0.66 * np.cos(a), y + 0.01, r * 0.66 * np.sin(a)), 0.008, wood, sections=8)
                )
    else:
        s = r * 0.62
        for ang in (np.pi / 4, 3 * np.pi / 4, 5 * np.pi / 4, 7 * np.pi / 4):
            top = (s * np.cos(ang) * 0.8, h - 0.035, s * np.sin(ang) * 0.8)
            foot = (r * 0.95 * np.cos(ang) - 0.015 * np.cos(ang), 0.015, r * 0.95 * np.sin(ang) - 0.015 * np.sin(ang))
            out.append(P.rod(foot, top, 0.016, wood, sections=10))
        yr = h * 0.3
        q = r * 0.8
        out += [P.rod((-q, yr, -q), (q, yr, -q), 0.01, wood), P.rod((-q, yr, q), (q, yr, q), 0.01, wood)]
    return out


@generator("bench")
def bench(w: float, h: float, d: float, p: dict) -> list:
    wood, top = rgba(p.get("frame", "oak")), rgba(p.get("top", p.get("frame", "oak")))
    out = []
    if p.get("cushion", False):
        out.append(P.block(-w / 2, w / 2, h - 0.1, h - 0.07, -d / 2, d / 2, wood))
        out.append(P.rounded_block(-w / 2, w / 2, h - 0.075, h, -d / 2, d / 2, 0.025, top))
        ytop = h - 0.1
    else:
        out.append(P.block(-w / 2, w / 2, h - 0.045, h, -d / 2, d / 2, top))
        ytop = h - 0.045
    if p.get("base", "legs") == "panel":
        out += [
            P.block(-w / 2 + 0.03, -w / 2 + 0.07, 0, ytop, -d / 2 + 0.02, d / 2 - 0.02, wood),
            P.block(w / 2 - 0.07, w / 2 - 0.03, 0, ytop, -d / 2 + 0.02, d / 2 - 0.02, wood),
        ]
        if p.get("shelf", True):
            out.append(P.block(-w / 2 + 0.07, w / 2 - 0.07, 0.1, 0.13, -d / 2 + 0.03, d / 2 - 0.03, wood))
    else:
        out += P.legs(-w / 2, w / 2, -d / 2, d / 2, 0, ytop + 0.002, 0.045, wood, style=p.get("leg_style", "tapered"), inset=0.04)
    return out


@generator("ottoman")
def ottoman(w: float, h: float, d: float, p: dict) -> list:
    fabric = rgba(p.get("fabric", "beige fabric"))
    if p.get("round", False):
        out = [
            P.lathe(
                [(min(w, d) / 2 - 0.02, 0), (min(w, d) / 2, 0.03), (min(w, d) / 2, h - 0.04), (min(w, d) / 2 - 0.04, h)],
                fabric,
                sections=40,
            )
        ]
        out[0].apply_scale((1.0, 1.0, d / w))
        return out
    leg_h = float(p.get("leg_h", 0.06))
    out = [P.rounded_block(-w / 2, w / 2, leg_h, h, -d / 2, d / 2, 0.05, fabric)]
    if leg_h > 0:
        out += P.legs(
            -w / 2, w / 2, -d / 2, d / 2, 0, leg_h + 0.01, 0.04, rgba(p.get("leg", "walnut")), style="round", inset=0.04
        )
    if p.get("tufted", False):
        for x in np.linspace(-w / 4, w / 4, 3):
            for z in (-d / 6, d / 6):
                out.append(P.ellipsoid(x, h - 0.004, z, 0.015, 0.008, 0.015, rgba("charcoal"), subdivisions=1))
    return out


@generator("beanbag")
def beanbag(w: float, h: float, d: float, p: dict) -> list:
    fabric = rgba(p.get("fabric", "orange"))
    return [
        P.ellipsoid(0, h * 0.4, 0.02 * d, w / 2, h * 0.4, d / 2 * 0.96, fabric, subdivisions=3),
        P.ellipsoid(0, h * 0.62, -d * 0.18, w * 0.4, h * 0.38, d * 0.3, fabric, subdivisions=3),
    ]
