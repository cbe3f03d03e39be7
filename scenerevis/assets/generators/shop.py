"""shop.py: generators of the catalog_shop pack for shops, clinics and studios: folding room divider,
treatment table, glass display case, clothing rack, mannequin.

All builders fill ``[-w/2, w/2] x [0, h] x [-d/2, d/2]`` (metres, Y up, front +Z). A treatment table lies
along X with its head (face cradle or raised backrest) at -X; a room divider's hinged panels zigzag
between the front and the back of its box.
"""

from __future__ import annotations

import numpy as np

from scenerevis.assets import parts as P
from scenerevis.assets.generators import hobby_shapes as S
from scenerevis.assets.generators.registry import generator
from scenerevis.assets.palette import rgba


def _sheet(a, b, y0: float, y1: float, t: float, color):
    """A vertical board ``t`` thick between the floor-plan points ``a`` and ``b`` (x, z), from ``y0`` to ``y1``."""
    a, b = np.asarray(a, float), np.asarray(b, float)
    u = (b - a) / max(np.linalg.norm(b - a), 1e-9)
    n = np.array([-u[1], u[0]]) * t / 2
    pts = [(p[0] + s * n[0], y, p[1] + s * n[1]) for p in (a, b) for y in (y0, y1) for s in (-1, 1)]
    return S.hull(pts, color)


@generator("room_divider")
def room_divider(w: float, h: float, d: float, p: dict) -> list:
    frame = rgba(p.get("frame", "light oak"))
    fill = rgba(p.get("fabric", p.get("panel", "off white")))
    style = p.get("style", "shoji")
    n = int(p.get("panels", 4))
    r = 0.016  # hinge posts
    amp = max(d / 2 - r - 0.002, 0.0)
    hinge = [np.array([x, amp if k % 2 == 0 else -amp]) for k, x in enumerate(np.linspace(-w / 2 + r, w / 2 - r, n + 1))]
    foot = 0.03 if style == "fabric" else 0.06
    y_lo, y_hi = foot + 0.06, h - 0.05
    out: list = []
    hinge_c = rgba(p.get("hinge", "steel" if style == "fabric" else "brass"))
    for k, c in enumerate(hinge):
        out.append(P.column(c[0], c[1], 0.0, h, r, frame, sections=12))
        if 0 < k < n:  # hinges: collars round the inner posts
            for yy in (h * 0.15, h * 0.5, h * 0.85):
                out.append(P.column(c[0], c[1], yy - 0.03, yy + 0.03, r + 0.002, hinge_c, sections=12))
        if style == "fabric":  # a glide under each post
            out.append(P.column(c[0], c[1], 0.0, 0.02, r * 1.3 if abs(c[1]) + r * 1.3 <= d / 2 else r, rgba("rubber"), 12))
    for a, b in zip(hinge[:-1], hinge[1:]):
        u = (b - a) / np.linalg.norm(b - a)
        a1, b1 = a + u * r * 0.8, b - u * r * 0.8
        out.append(_sheet(a1, b1, y_hi, h - 0.01, 0.03, frame))  # top rail
        out.append(_sheet(a1, b1, foot, y_lo, 0.03, frame))  # bottom rail
        out.append(_sheet(a1, b1, y_lo, y_hi, 0.012, fill))
        length = float(np.linalg.norm(b1 - a1))
        if style == "shoji":  # a lattice of thin bars over the rice paper, both faces
            for f in np.linspace(0, 1, 5)[1:-1]:
                c = a1 + (b1 - a1) * f
                out.append(_sheet(c - u * 0.007, c + u * 0.007, y_lo, y_hi, 0.02, frame))
            for yy in np.linspace(y_lo, y_hi, 7)[1:-1]:
                out.append(_sheet(a1, b1, yy - 0.007, yy + 0.007, 0.02, frame))
        elif style == "louvered":  # horizontal slats over the whole panel, a mid rail
            for yy in np.arange(y_lo + 0.03, y_hi - 0.02, 0.045):
                out.append(_sheet(a1, b1, yy - 0.012, yy + 0.012, 0.024, fill))
            ym = (y_lo + y_hi) / 2
            out.append(_sheet(a1, b1, ym - 0.03, ym + 0.03, 0.03, frame))
        elif style == "fabric":  # a padded band across the panel and a tie at the top
            out.append(_sheet(a1 + u * length * 0.05, b1 - u * length * 0.05, y_hi - 0.04, y_hi - 0.02, 0.02, frame))
    return out


@generator("treatment_table")
def treatment_table(w: float, h: float, d: float, p: dict) -> list:
    pad = rgba(p.get("upholstery", "black leather"))
    frame = rgba(p.get("frame", "oak"))
    base = p.get("base", "legs")
    backrest = bool(p.get("backrest", False))
    face_hole = bool(p.get("face_hole", False))
    t = 0.08  # pad thickness
    top = h - 0.3 if backrest else h
    x_head = -w / 2 + (0.3 if face_hole else 0.0)
    out: list = [P.rounded_block(x_head, w / 2, top - t, top, -d / 2, d / 2, 0.03, pad)]
    y_frame = top - t
    if face_hole:  # horseshoe face cradle on two rods at the head end
        zc = 0.15
        cy0, cy1 = top - t - 0.015, top - 0.02
        x0, x1 = -w / 2, x_head - 0.03
        out += [
            P.rounded_block(x0, x1, cy0, cy1, -zc, -0.055, 0.02, pad),
            P.rounded_block(x0, x1, cy0, cy1, 0.055, zc, 0.02, pad),
            P.rounded_block(x0, x0 + 0.08, cy0, cy1, -zc, zc, 0.02, pad),
        ]
        for sz in (-1, 1):
            out.append(P.rod((x1 - 0.04, cy0, sz * 0.1), (x_head + 0.1, y_frame - 0.02, sz * 0.1), 0.01, rgba("chrome"), 8))
    if backrest:  # the head section raised, sloping up to the full height at -X
        xb0, xb1 = -w / 2 + 0.02, -w / 2 + 0.62
        pts = [(xb1, top, sz * (d / 2 - 0.01)) for sz in (-1, 1)] + [(xb0, h, sz * (d / 2 - 0.01)) for sz in (-1, 1)]
        out.append(S.hull(pts + [(x, y - t, z) for x, y, z in pts], pad))
        out.append(P.block(xb0 + 0.08, xb0 + 0.12, top - t - 0.05, h - 0.15, -0.15, 0.15, rgba("chrome")))  # strut
    if p.get("paper", False):  # a sheet of paper down the middle, its roll at the foot end
        out.append(
            P.block(x_head + (0.6 if backrest else 0.05), w / 2 - 0.02, top - 0.004, top + 0.003, -0.24, 0.24, rgba("white"))
        )
        out.append(S.zdisc(w / 2 - 0.06, top - t - 0.05, -0.26, 0.26, 0.045, rgba("white"), 20))
        for sz in (-1, 1):
            out.append(
                P.block(w / 2 - 0.09, w / 2 - 0.03, top - t - 0.06, top - t, sz * 0.28 - 0.01, sz * 0.28 + 0.01, rgba("chrome"))
            )
    if base == "cabinet":  # a cabinet base with drawers and doors along the front
        body = rgba(p.get("body", "white"))
        bx0, bx1 = -w / 2 + 0.08, w / 2 - 0.08
        out.append(P.block(bx0 + 0.02, bx1 - 0.02, 0, 0.06, -d / 2 + 0.1, d / 2 - 0.12, rgba("charcoal")))
        out.append(P.block(bx0, bx1, 0.06, y_frame, -d / 2 + 0.06, d / 2 - 0.1, body))
        handle = rgba(p.get("handle", "chrome"))
        mid = (bx0 + bx1) / 2
        out += P.drawer_fronts(bx0 + 0.02, mid, y_frame - 0.2, y_frame - 0.02, d / 2 - 0.1, 1, 2, body, handle)
        out += P.door_fronts(bx0 + 0.02, mid, 0.08, y_frame - 0.22, d / 2 - 0.1, 2, body, handle)
        out += P.drawer_fronts(mid, bx1 - 0.02, 0.08, y_frame - 0.02, d / 2 - 0.1, 3, 1, body, handle)
        out.append(P.block(bx1 - 0.25, bx1 - 0.02, 0.1, 0.14, d / 2 - 0.1, d / 2 - 0.02, rgba("charcoal")))  # pull-out step
    elif base == "column":  # a lift column on a steel base frame with castors
        out.append(P.block(-w * 0.3, w * 0.3, y_frame - 0.05, y_frame, -d / 2 + 0.06, d / 2 - 0.06, frame))
        out.append(P.block(-0.12, 0.12, 0.1, y_frame - 0.05, -0.1, 0.1, frame))
        out.append(P.block(-0.15, 0.15, 0.07, 0.18, -0.13, 0.13, rgba("charcoal")))
        for sx in (-1, 1):
            x = sx * (w * 0.36)
            out.append(P.block(x - 0.03, x + 0.03, 0.05, 0.09, -d / 2 + 0.04, d / 2 - 0.04, frame))
            for sz in (-1, 1):
                out.append(P.column(x, sz * (d / 2 - 0.06), 0.0, 0.05, 0.03, rgba("rubber"), 12))
        out.append(P.block(-w * 0.36, w * 0.36, 0.06, 0.09, -0.03, 0.03, frame))
        out.append(P.rod((-w * 0.3, 0.1, d / 2 - 0.05), (w * 0.3, 0.1, d / 2 - 0.05), 0.01, rgba("chrome"), 8))  # foot bar
    else:  # four wooden legs, an apron under the pad, stretchers low down
        x0, x1 = x_head + 0.06, w / 2 - 0.06
        z0, z1 = -d / 2 + 0.06, d / 2 - 0.06
        out += P.legs(x0, x1, z0, z1, 0, y_frame, 0.05, frame)
        out.append(P.block(x0, x1, y_frame - 0.1, y_frame, z0 + 0.01, z0 + 0.03, frame))
        out.append(P.block(x0, x1, y_frame - 0.1, y_frame, z1 - 0.03, z1 - 0.01, frame))
        for sz in (-1, 1):
            z = sz * (d / 2 - 0.085)
            out.append(P.block(x0 + 0.05, x1 - 0.05, 0.14, 0.17, z - 0.012, z + 0.012, frame))
        out.append(P.block(x0 + 0.04, x1 - 0.04, 0.16, 0.18, z0 + 0.03, z1 - 0.03, frame))  # shelf for towels
        out.append(P.rounded_block(x1 - 0.45, x1 - 0.1, 0.18, 0.26, -0.18, 0.18, 0.03, rgba(p.get("towels", "white"))))
    return out


def _case_items(kind: str, x0: float, x1: float, y: float, z0: float, z1: float, room: float, seed: int) -> list:
    """Things on show on one shelf of a display case, from ``x0`` to ``x1`` at height ``y`` (``room`` m above it)."""
    rng = np.random.default_rng(seed)
    out: list = []
    zc = (z0 + z1) / 2
    if kind == "cakes":
        x = x0 + 0.04
        while x < x1 - 0.14:
            r = rng.uniform(0.07, 0.1)
            hh = min(room * 0.7, rng.uniform(0.07, 0.11))
            body = rgba(("pastel pink", "brown", "cream", "yellow", "off white")[int(rng.integers(5))])
            out.append(P.column(x + r, zc, y, y + hh, r, body, sections=24))
            out.append(
                P.column(x + r, zc, y + hh, y + hh + 0.012, r * 0.95, rgba(("white", "brown", "red")[int(rng.integers(3))]), 24)
            )
            out.append(P.ellipsoid(x + r, y + hh + 0.02, zc, 0.015, 0.012, 0.015, rgba("red"), 1))
            x += 2 * r + 0.04
        return out
    if kind == "pastries":
        for i in range(int((x1 - x0 - 0.05) / 0.12)):
            x = x0 + 0.08 + 0.12 * i
            for zz in (zc - 0.08, zc + 0.06):
                out.append(
                    P.ellipsoid(x, y + 0.025, zz, 0.05, 0.025, 0.035, rgba(("pine", "oak", "cherry")[(i + (zz > zc)) % 3]), 1)
                )
        return out
    if kind == "jewelry":
        x = x0 + 0.06
        k = 0
        while x < x1 - 0.06:
            if k % 3 == 0:  # a necklace on a black neck stand
                hh = min(room * 0.75, 0.22)
                out.append(
                    S.hull(
                        [(x + sx * 0.05, y, zc + sz * 0.03) for sx in (-1, 1) for sz in (-1, 1)]
                        + [(x + sx * 0.035, y + hh, zc - 0.01 + sz * 0.02) for sx in (-1, 1) for sz in (-1, 1)],
                        rgba("black"),
                    )
                )
                out.append(P.rod((x - 0.03, y + hh * 0.85, zc + 0.025), (x, y + hh * 0.45, zc + 0.035), 0.004, rgba("gold"), 6))
                out.append(P.rod((x, y + hh * 0.45, zc + 0.035), (x + 0.03, y + hh * 0.85, zc + 0.025), 0.004, rgba("gold"), 6))
                out.append(P.ellipsoid(x, y + hh * 0.42, zc + 0.038, 0.012, 0.014, 0.008, rgba("emerald"), 1))
                x += 0.14
            elif k % 3 == 1:  # rings standing in a small black box
                out.append(P.block(x - 0.04, x + 0.04, y, y + 0.035, zc - 0.04, zc + 0.04, rgba("black")))
                for j, c in enumerate(("gold", "silver")):
                    out.append(S.zring(x - 0.018 + 0.036 * j, y + 0.05, zc - 0.003, zc + 0.003, 0.011, 0.015, rgba(c), 16))
                x += 0.12
            else:  # a watch on a pillow
                out.append(P.rounded_block(x - 0.04, x + 0.04, y, y + 0.04, zc - 0.035, zc + 0.035, 0.015, rgba("cream")))
                out.append(S.zdisc(x, y + 0.06, zc - 0.005, zc + 0.008, 0.02, rgba("silver"), 20))
                out.append(P.block(x - 0.008, x + 0.008, y + 0.03, y + 0.09, zc - 0.004, zc + 0.004, rgba("black")))
                x += 0.12
            k += 1
        return out
    # vases and trophies
    x = x0 + 0.05
    k = 0
    while x < x1 - 0.08:
        hh = min(room * 0.8, rng.uniform(0.14, 0.26))
        c = rgba(("ceramic", "blue", "gold", "terracotta", "emerald")[(k + seed) % 5])
        if k % 2:
            out.append(
                P.lathe(
                    [(0.03, 0), (0.03, 0.02), (0.01, 0.03), (0.01, hh * 0.5), (0.05, hh * 0.8), (0.055, hh)],
                    c,
                    x=x + 0.05,
                    y=y,
                    z=zc,
                    sections=20,
                )
            )
        else:
            out.append(
                P.lathe(
                    [(0.035, 0), (0.06, hh * 0.4), (0.045, hh * 0.8), (0.025, hh * 0.9), (0.035, hh)],
                    c,
                    x=x + 0.05,
                    y=y,
                    z=zc,
                    sections=20,
                )
            )
        x += 0.13
        k += 1
    return out


@generator("display_case")
def display_case(w: float, h: float, d: float, p: dict) -> list:
    body, trim = rgba(p.get("body", "white")), rgba(p.get("trim", "chrome"))
    glass, back = rgba("glass"), rgba(p.get("backdrop", p.get("body", "white")))
    kind = p.get("items", "cakes")
    tower = h > 1.4 and w < 0.9
    base_h = 0.12 if tower else min(h * 0.55, h - 0.3)
    cap = 0.08 if tower else 0.0
    out: list = [
        P.block(-w / 2 + 0.03, w / 2 - 0.03, 0, 0.06, -d / 2 + 0.03, d / 2 - 0.05, rgba("charcoal")),
        P.block(-w / 2, w / 2, 0.06, base_h, -d / 2, d / 2 - 0.01, body),
    ]
    if not tower:  # a panelled front on the counter's base
        n = max(1, int(round(w / 0.6)))
        step = (w - 0.08) / n
        for i in range(n):
            a = -w / 2 + 0.04 + i * step
            out.append(
                P.block(
                    a + 0.02,
                    a + step - 0.02,
                    0.12,
                    base_h - 0.06,
                    d / 2 - 0.01,
                    d / 2,
                    rgba(p.get("panel", p.get("body", "white"))),
                )
            )
    y0, y1 = base_h, h - cap
    t = 0.02
    for sx in (-1, 1):  # corner posts
        for sz in (-1, 1):
            out.append(P.cbox(sx * (w / 2 - t / 2), (y0 + y1) / 2, sz * (d / 2 - t / 2), t, y1 - y0, t, trim))
    for yy in (y0, y1 - t):  # rails round the bottom and the top of the glass
        out.append(P.block(-w / 2, w / 2, yy, yy + t, d / 2 - t, d / 2, trim))
        out.append(P.block(-w / 2, w / 2, yy, yy + t, -d / 2, -d / 2 + t, trim))
        for sx in (-1, 1):
            out.append(P.block(sx * (w / 2 - t), sx * w / 2, yy, yy + t, -d / 2, d / 2, trim))
    # glass top and sides, a backdrop behind (the front pane is left out so the contents show)
    out.append(P.block(-w / 2 + t, w / 2 - t, y1 - 0.012, y1 - 0.004, -d / 2 + t, d / 2 - t, glass))
    for sx in (-1, 1):
        out.append(
            P.block(sx * (w / 2 - t / 2) - 0.003, sx * (w / 2 - t / 2) + 0.003, y0 + t, y1 - t, -d / 2 + t, d / 2 - t, glass)
        )
    out.append(P.block(-w / 2 + t, w / 2 - t, y0 + t, y1 - t, -d / 2 + 0.005, -d / 2 + 0.012, back))
    n_shelves = int(p.get("shelves", 3 if tower else 1))
    levels = [y0 + t] + [y0 + t + (y1 - y0 - 2 * t) * (k + 1) / (n_shelves + 1) for k in range(n_shelves)]
    room = (y1 - y0 - 2 * t) / (n_shelves + 1) - 0.02
    for k, yy in enumerate(levels):
        if k:
            out.append(P.block(-w / 2 + t, w / 2 - t, yy - 0.008, yy, -d / 2 + 0.012, d / 2 - t, glass))
            for sx in (-1, 1):  # shelf clips
                out.append(P.block(sx * (w / 2 - t) - 0.01, sx * (w / 2 - t) + 0.01, yy - 0.02, yy - 0.008, -0.02, 0.02, trim))
        out += _case_items(kind, -w / 2 + t, w / 2 - t, yy, -d / 2 + 0.03, d / 2 - 0.04, room, seed=k + int(w * 10))
    if tower:  # a lit header on top
        out.append(P.block(-w / 2, w / 2, y1, h, -d / 2, d / 2, body))
        out.append(P.block(-w / 2 + 0.03, w / 2 - 0.03, y1 - 0.004, y1 + 0.001, -d / 2 + 0.05, d / 2 - 0.05, rgba("lamp shade")))
    return out


@generator("clothing_rack")
def clothing_rack(w: float, h: float, d: float, p: dict) -> list:
    frame = rgba(p.get("frame", "chrome"))
    style = p.get("style", "rolling")
    garments = [rgba(c) for c in p.get("garments", ("navy", "white", "red", "grey fabric", "black", "pastel blue"))]
    r = 0.014
    xp = w / 2 - (0.03 if style == "pipe" else r)
    rail_y = h - r
    out: list = []
    if style == "wood":  # A-frame ends: two splayed legs per end meeting under the rail
        for sx in (-1, 1):
            x = sx * (w / 2 - 0.025)
            for sz in (-1, 1):
                out.append(P.rod((x, 0.02, sz * (d / 2 - 0.025)), (x, rail_y - 0.02, 0.0), 0.022, frame, 10))
                out.append(
                    P.block(x - 0.025, x + 0.025, 0.0, 0.025, sz * (d / 2 - 0.025) - 0.025, sz * (d / 2 - 0.025) + 0.025, frame)
                )
            out.append(P.block(x - 0.02, x + 0.02, 0.28, 0.32, -d / 2 * 0.75, d / 2 * 0.75, frame))
        out.append(P.rod((-w / 2, rail_y - 0.01, 0), (w / 2, rail_y - 0.01, 0), 0.02, frame, 12))
        for k in range(5):  # slatted shelf low down
            z = -d * 0.28 + d * 0.56 * k / 4
            out.append(P.block(-w / 2 + 0.05, w / 2 - 0.05, 0.32, 0.34, z - 0.025, z + 0.025, frame))
    else:
        for sx in (-1, 1):
            x = sx * xp
            y_foot = 0.07 if style == "rolling" else 0.03
            out.append(P.column(x, 0, y_foot, rail_y, r, frame, 12))
            out.append(P.rod((x, y_foot, -d / 2 + 0.04), (x, y_foot, d / 2 - 0.04), r, frame, 12))
            out.append(P.ellipsoid(x, rail_y, 0, r * 1.3, r * 1.3, r * 1.3, frame, 1))
            for sz in (-1, 1):
                z = sz * (d / 2 - 0.03)
                if style == "rolling":  # castors
                    out.append(P.block(x - 0.012, x + 0.012, 0.05, 0.07, z - 0.012, z + 0.012, frame))
                    out.append(P.rod((x - 0.012, 0.03, z), (x + 0.012, 0.03, z), 0.03, rgba("rubber"), 16))
                else:  # floor flanges of a pipe rack
                    out.append(P.column(x, z, 0.0, 0.03, 0.03, frame, 16))
        out.append(P.rod((-xp, rail_y, 0), (xp, rail_y, 0), r, frame, 12))
        if style == "pipe":  # a board shelf low down with shoe boxes on it
            out.append(P.block(-xp + r, xp - r, 0.18, 0.2, -d / 2 + 0.04, d / 2 - 0.04, rgba(p.get("shelf", "oak"))))
            for k in range(3):
                x = -w / 2 + 0.12 + k * (w - 0.24) / 3
                out.append(P.block(x, x + (w - 0.24) / 3 - 0.04, 0.2, 0.32, -0.13, 0.13, rgba(("white", "black", "orange")[k])))
        else:
            out.append(P.rod((-xp, 0.07, 0), (xp, 0.07, 0), r * 0.8, frame, 10))
    # garments on hangers, their breadth across the rail (along Z), hung at one-third intervals
    n = int(p.get("count", 7))
    span = w - 0.2
    gw = min(0.44, d - 0.06)
    y_top = rail_y - 0.1
    low = 0.4 if style != "rolling" else 0.3
    for i in range(n):
        x = -span / 2 + span * (i + 0.5) / n
        kind = i % 3
        length = min((0.65, 1.0, 0.9)[kind], y_top - low)
        th = (0.05, 0.04, 0.08)[kind]
        c = garments[i % len(garments)]
        out.append(P.rod((x, rail_y - r, 0), (x, y_top + 0.04, 0), 0.004, rgba("steel"), 6))  # hook
        out.append(P.rod((x, y_top + 0.02, -gw * 0.42), (x, y_top + 0.02, gw * 0.42), 0.007, rgba("walnut"), 6))  # hanger
        flare = 1.0 if kind != 1 else 1.25
        top_half, bot_half = gw * 0.42, min(gw * 0.42 * flare, d / 2 - 0.01)
        out.append(
            S.hull(
                [(x + sx * th / 2, y_top + 0.02, sz * top_half) for sx in (-1, 1) for sz in (-1, 1)]
                + [(x + sx * th / 2, y_top - length, sz * bot_half) for sx in (-1, 1) for sz in (-1, 1)],
                c,
            )
        )
    return out


_TORSO = (
    (0.0, 0.17, 0.13),
    (0.14, 0.19, 0.15),
    (0.4, 0.14, 0.11),
    (0.62, 0.18, 0.14),
    (0.82, 0.19, 0.12),
    (0.93, 0.16, 0.1),
    (1.0, 0.07, 0.06),
)
"""Dress-form torso, hips to neck base: (height fraction, half width, half depth) in metres."""


def _torso(y0: float, y1: float, sx: float, sz: float, color, z: float = 0.0) -> list:
    """Convex slices between the elliptical sections of :data:`_TORSO`, scaled by ``sx`` / ``sz``."""
    ang = np.linspace(0, 2 * np.pi, 18, endpoint=False)
    rings = [[(sx * a * np.cos(t), y0 + (y1 - y0) * f, z + sz * b * np.sin(t)) for t in ang] for f, a, b in _TORSO]
    return [S.hull(lo + hi, color) for lo, hi in zip(rings[:-1], rings[1:])]


@generator("mannequin")
def mannequin(w: float, h: float, d: float, p: dict) -> list:
    body, stand = rgba(p.get("body", "beige fabric")), rgba(p.get("stand", "walnut"))
    full = p.get("style", "form") == "full"
    out: list = []
    if full:  # a whole figure: head, arms and legs, on a glass disc with a calf rod
        sx = min(1.0, (w / 2 - 0.06) / 0.19)
        sz = min(1.0, (d / 2 - 0.02) / 0.15)
        head = h * 0.12
        y_neck = h - head - 0.06
        y_hip = h * 0.5
        out += _torso(y_hip, y_neck, sx, sz, body)
        out.append(P.column(0, 0, y_neck - 0.02, y_neck + 0.07, 0.05, body, 16))
        out.append(P.ellipsoid(0, h - head / 2, 0.0, head * 0.38, head / 2, head * 0.45, body, 2))
        for s in (-1, 1):
            xs = s * 0.17 * sx
            hand = (s * (w / 2 - 0.035), y_hip - 0.02, 0.03)
            out.append(P.ellipsoid(xs, y_neck - 0.08, 0, 0.055, 0.05, 0.05, body, 1))
            out.append(P.rod((xs, y_neck - 0.08, 0), (s * (w / 2 - 0.04), y_hip + 0.22, -0.01), 0.04, body, 12))
            out.append(P.rod((s * (w / 2 - 0.04), y_hip + 0.22, -0.01), hand, 0.032, body, 12))
            out.append(P.ellipsoid(*hand, 0.03, 0.05, 0.025, body, 1))
            out.append(P.rod((s * 0.09 * sx, y_hip + 0.05, 0), (s * 0.08, 0.09, 0.0), 0.06, body, 14))
            out.append(P.rounded_block(s * 0.08 - 0.045, s * 0.08 + 0.045, 0.03, 0.1, -0.06, min(0.14, d / 2 - 0.01), 0.02, body))
        out.append(P.column(0, 0, 0.0, 0.03, min(w, d) / 2 - 0.005, rgba(p.get("stand", "glass")), 32))
        out.append(P.rod((0.08, 0.03, -0.06), (0.08, 0.35, -0.02), 0.01, rgba("chrome"), 8))
        return out
    # dress form: torso on a pole, a turned cap on the neck, a tripod or a round base
    sx = min(1.25, (w / 2 - 0.005) / 0.19)
    sz = min(1.25, (d / 2 - 0.005) / 0.15)
    top = h - 0.1
    y_bottom = top - 0.72 * min(1.0, h / 1.6)
    out += _torso(y_bottom, top, sx, sz, body)
    out.append(P.column(0, 0, top - 0.01, top + 0.05, 0.05, body, 16))
    out.append(P.frustum(0, 0, top + 0.05, top + 0.07, 0.055, 0.05, stand, 16))
    out.append(P.ellipsoid(0, h - 0.02, 0, 0.025, 0.025, 0.025, stand, 1))
    out.append(P.column(0, 0, top + 0.07, h - 0.03, 0.012, stand, 10))
    out.append(P.frustum(0, 0, y_bottom - 0.03, y_bottom + 0.01, 0.03, 0.1, stand, 20))  # skirt plate
    if p.get("base", "tripod") == "tripod":
        hub = 0.32
        reach = min(w, d) / 2 - 0.015
        out.append(P.column(0, 0, hub - 0.04, y_bottom - 0.03, 0.016, stand, 12))
        out.append(P.column(0, 0, hub - 0.06, hub + 0.02, 0.03, stand, 12))
        for k in range(3):
            a = np.pi / 2 + 2 * np.pi * k / 3
            out.append(P.rod((0, hub, 0), (reach * np.cos(a), 0.015, reach * np.sin(a)), 0.015, stand, 8))
    else:
        out.append(P.column(0, 0, 0.04, y_bottom - 0.03, 0.014, rgba("chrome"), 12))
        out.append(P.frustum(0, 0, 0.0, 0.04, min(w, d) / 2 - 0.02, min(w, d) / 2 - 0.05, stand, 32))
    return out
