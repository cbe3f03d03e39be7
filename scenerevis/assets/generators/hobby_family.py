"""hobby_family.py: generators of the catalog_hobby pack for nursery, kids, pets and lounging: crib, changing
table, rocking chair, recliner, dog bed, cat tree, teepee, dollhouse, rocking horse.

All builders fill ``[-w/2, w/2] x [0, h] x [-d/2, d/2]`` (metres, Y up, front +Z). A crib lies along Z
like a bed; a rocking horse faces +X (it is widest along X), its rockers curving along X.
"""

from __future__ import annotations

import numpy as np
import trimesh

from scenerevis.assets import parts as P
from scenerevis.assets.generators import hobby_shapes as S
from scenerevis.assets.generators.registry import generator
from scenerevis.assets.palette import rgba


def _teddy(x: float, y: float, z: float, s: float, color) -> list:
    """A small sitting teddy bear (scale ``s`` metres tall) with its base at ``(x, y, z)``, facing +Z."""
    return [
        P.ellipsoid(x, y + s * 0.3, z, s * 0.28, s * 0.3, s * 0.24, color, 1),
        P.ellipsoid(x, y + s * 0.78, z, s * 0.22, s * 0.22, s * 0.2, color, 1),
        P.ellipsoid(x - s * 0.16, y + s * 0.96, z, s * 0.08, s * 0.08, s * 0.05, color, 1),
        P.ellipsoid(x + s * 0.16, y + s * 0.96, z, s * 0.08, s * 0.08, s * 0.05, color, 1),
        P.ellipsoid(x, y + s * 0.72, z + s * 0.18, s * 0.08, s * 0.06, s * 0.06, rgba("off white"), 1),
    ]


@generator("crib")
def crib(w: float, h: float, d: float, p: dict) -> list:
    wood, sheet = rgba(p.get("frame", "white")), rgba(p.get("sheet", "white linen"))
    post, rail = 0.05, 0.045
    yb = max(0.2, h * 0.26)  # bottom rail and mattress support
    out: list = []
    for sx in (-1, 1):
        for sz in (-1, 1):
            out.append(P.cbox(sx * (w / 2 - post / 2), h / 2, sz * (d / 2 - post / 2), post, h, post, wood))
    for y0, y1 in ((yb, yb + rail), (h - rail - 0.01, h - 0.01)):
        for sx in (-1, 1):
            out.append(
                P.block(
                    sx * (w / 2 - post / 2) - 0.015, sx * (w / 2 - post / 2) + 0.015, y0, y1, -d / 2 + post, d / 2 - post, wood
                )
            )
        for sz in (-1, 1):
            out.append(
                P.block(
                    -w / 2 + post, w / 2 - post, y0, y1, sz * (d / 2 - post / 2) - 0.015, sz * (d / 2 - post / 2) + 0.015, wood
                )
            )
    # slats all round
    gap = 0.085
    for sx in (-1, 1):
        n = int((d - 2 * post) / gap)
        for i in range(n):
            z = -d / 2 + post + (d - 2 * post) * (i + 0.5) / n
            out.append(P.cbox(sx * (w / 2 - post / 2), (yb + h) / 2, z, 0.02, h - yb - 0.02, 0.025, wood))
    for sz in (-1, 1):
        n = int((w - 2 * post) / gap)
        for i in range(n):
            x = -w / 2 + post + (w - 2 * post) * (i + 0.5) / n
            out.append(P.cbox(x, (yb + h) / 2, sz * (d / 2 - post / 2), 0.025, h - yb - 0.02, 0.02, wood))
    if p.get("drawer", False):
        out.append(P.block(-w / 2 + post, w / 2 - post, 0.04, yb - 0.01, -d / 2 + post, d / 2 - post, wood))
        out.append(P.block(-w / 2 + post, w / 2 - post, 0.05, yb - 0.02, d / 2 - post, d / 2 - post + 0.015, wood))
        out.append(
            P.block(-0.08, 0.08, yb * 0.5 - 0.01, yb * 0.5 + 0.01, d / 2 - post + 0.015, d / 2 - post + 0.03, rgba("brass"))
        )
    # mattress, a folded blanket and a teddy
    out.append(P.block(-w / 2 + post, w / 2 - post, yb + rail, yb + rail + 0.02, -d / 2 + post, d / 2 - post, wood))
    my = yb + rail + 0.14
    out.append(
        P.rounded_block(
            -w / 2 + post + 0.01,
            w / 2 - post - 0.01,
            yb + rail + 0.02,
            my,
            -d / 2 + post + 0.01,
            d / 2 - post - 0.01,
            0.03,
            sheet,
        )
    )
    out.append(
        P.rounded_block(
            -w / 2 + post + 0.02,
            w / 2 - post - 0.02,
            my - 0.01,
            my + 0.04,
            d * 0.1,
            d * 0.3,
            0.015,
            rgba(p.get("blanket", "pastel blue")),
        )
    )
    out += _teddy(-w * 0.15, my, -d / 2 + post + 0.14, 0.18, rgba(p.get("teddy", "cognac leather")))
    return out


@generator("changing_table")
def changing_table(w: float, h: float, d: float, p: dict) -> list:
    body, padc, knob = rgba(p.get("body", "white")), rgba(p.get("pad", "pastel blue")), rgba(p.get("handle", "brass"))
    top = h - 0.11
    out: list = []
    if p.get("open", False):
        # open frame: posts, three shelves with fabric baskets
        out += P.legs(-w / 2, w / 2, -d / 2, d / 2, 0, top, 0.045, body)
        for y in (0.08, top * 0.5, top - 0.03):
            out.append(P.block(-w / 2 + 0.02, w / 2 - 0.02, y, y + 0.025, -d / 2 + 0.02, d / 2 - 0.02, body))
        for y in (0.105, top * 0.5 + 0.025):
            for sx in (-1, 1):
                out.append(
                    P.rounded_block(
                        sx * w * 0.23 - w * 0.2,
                        sx * w * 0.23 + w * 0.2,
                        y,
                        y + min(0.2, top * 0.35),
                        -d / 2 + 0.06,
                        d / 2 - 0.04,
                        0.02,
                        rgba(p.get("baskets", "jute")),
                    )
                )
    else:
        out.append(P.block(-w / 2, w / 2, 0.06, top, -d / 2, d / 2 - 0.02, body))
        out += P.legs(-w / 2, w / 2, -d / 2, d / 2 - 0.02, 0, 0.065, 0.05, body)
        out += P.drawer_fronts(-w / 2 + 0.02, w / 2 - 0.02, 0.08, top - 0.02, d / 2 - 0.02, 3, 1, body, knob, handle="knob")
    # top: changing tray rails on three sides, a padded mat, nappies and a wipes box
    out.append(P.block(-w / 2, w / 2, top, top + 0.02, -d / 2, d / 2 - 0.02, body))
    out.append(P.block(-w / 2, w / 2, top, h, -d / 2, -d / 2 + 0.02, body))
    for sx in (-1, 1):
        out.append(P.block(sx * w / 2 - 0.02 * sx, sx * w / 2, top, h, -d / 2, d / 2 - 0.02, body))
    out.append(P.rounded_block(-w / 2 + 0.03, w / 2 - 0.25, top + 0.02, top + 0.09, -d / 2 + 0.03, d / 2 - 0.04, 0.03, padc))
    for k in range(3):
        out.append(
            P.rounded_block(
                w / 2 - 0.21,
                w / 2 - 0.05,
                top + 0.02 + 0.03 * k,
                top + 0.05 + 0.03 * k,
                -d / 2 + 0.05,
                -d / 2 + 0.17,
                0.01,
                rgba("white"),
            )
        )
    out.append(P.rounded_block(w / 2 - 0.2, w / 2 - 0.05, top + 0.02, top + 0.07, 0.0, 0.09, 0.01, rgba("sage")))
    return out


@generator("rocking_chair")
def rocking_chair(w: float, h: float, d: float, p: dict) -> list:
    wood, fabric = rgba(p.get("wood", "walnut")), rgba(p.get("fabric", "cream fabric"))
    upholstered = p.get("upholstered", False)
    rise, rt = min(0.1, h * 0.08), 0.045

    def rock_y(z: float) -> float:
        return rise * (z / (d / 2)) ** 2 + rt

    out: list = []
    xr = w / 2 - 0.035
    for sx in (-1, 1):
        x0, x1 = sorted((sx * xr - 0.02, sx * w / 2))
        out.append(S.extrude_x(S.rocker_outline(-d / 2, d / 2, rise, rt), x0, x1, wood))
    ys = 0.3 + h * 0.1
    zf, zb = d * 0.2, -d * 0.2
    ya = ys + 0.22
    z_top = -d / 2 + 0.04
    for sx in (-1, 1):
        x = sx * xr
        out.append(P.rod((x, rock_y(zf) - 0.02, zf), (x, ya, zf + 0.02), 0.02, wood, 10))  # front leg to arm
        out.append(P.rod((x, rock_y(zb) - 0.02, zb), (x, ys, zb), 0.02, wood, 10))
        out.append(P.rod((x * 0.9, ys - 0.02, zb), (x * 0.9, h - 0.02, z_top), 0.022, wood, 10))  # back stile
        out.append(P.block(x - 0.035, x + 0.035, ya, ya + 0.03, zb - 0.02, zf + 0.09, wood))  # arm
    out.append(P.block(-xr, xr, ys - 0.04, ys, zb - 0.03, zf + 0.05, wood))  # seat
    out.append(P.rod((-xr * 0.9, h - 0.03, z_top + 0.005), (xr * 0.9, h - 0.03, z_top + 0.005), 0.03, wood, 12))
    out.append(P.rod((-xr, 0.2, zf), (xr, 0.2, zf), 0.013, wood, 8))

    def back_z(y: float) -> float:
        return zb + (z_top - zb) * (y - ys) / (h - 0.02 - ys)

    if upholstered:
        out.append(P.rounded_block(-xr + 0.02, xr - 0.02, ys, ys + 0.1, zb, zf + 0.05, 0.04, fabric))
        yb0, yb1 = ys + 0.08, h - 0.06
        pts = [(x, y, back_z(y) + dz) for x in (-xr * 0.85, xr * 0.85) for y in (yb0, yb1) for dz in (0.02, 0.11)]
        out.append(S.hull(pts, fabric))
    else:
        for i in range(7):  # spindles
            x = -xr * 0.75 + xr * 1.5 * i / 6
            out.append(P.rod((x, ys, zb + 0.005), (x, h - 0.04, back_z(h - 0.04) + 0.005), 0.009, wood, 8))
        out.append(P.rounded_block(-xr + 0.04, xr - 0.04, ys, ys + 0.04, zb + 0.02, zf, 0.015, fabric))
    return out


@generator("recliner")
def recliner(w: float, h: float, d: float, p: dict) -> list:
    cover, dark = rgba(p.get("cover", "brown leather")), rgba("black")
    extended = p.get("extended", False)
    aw = min(0.2, w * 0.2)
    zb = -d / 2
    front = d / 2 - (0.38 if extended else 0.0)
    ys = 0.46
    out: list = []
    for sx in (-1, 1):
        for z in (zb + 0.12, front - 0.1):
            out.append(P.cbox(sx * (w / 2 - 0.1), 0.025, z, 0.05, 0.05, 0.05, dark))
    out.append(P.rounded_block(-w / 2 + aw, w / 2 - aw, 0.05, ys - 0.05, zb + 0.15, front, 0.04, cover))
    for sx in (-1, 1):
        x0, x1 = sorted((sx * w / 2, sx * (w / 2 - aw)))
        out.append(P.rounded_block(x0, x1, 0.05, ys + 0.2, zb + 0.1, front, 0.06, cover))
        out.append(P.rounded_block(x0 - 0.005, x1 + 0.005, ys + 0.12, ys + 0.22, zb + 0.15, front + 0.005, 0.05, cover))
        if p.get("cupholders", False):
            xc = (x0 + x1) / 2
            out.append(P.ring(xc, front - 0.1, ys + 0.2, ys + 0.225, 0.035, 0.045, rgba("chrome")))
            out.append(P.column(xc, front - 0.1, ys + 0.19, ys + 0.215, 0.036, dark))
    out.append(P.block(w / 2 - 0.005, w / 2 + 0.005, ys - 0.1, ys - 0.02, front - 0.3, front - 0.22, dark))  # lever
    out.append(P.rounded_block(-w / 2 + aw, w / 2 - aw, ys - 0.08, ys + 0.06, zb + 0.3, front, 0.05, cover))
    # pillow-top back: three stacked rolls leaning back
    out.append(P.rounded_block(-w / 2 + aw * 0.7, w / 2 - aw * 0.7, 0.05, h - 0.02, zb, zb + 0.22, 0.06, cover))
    n = 3
    for k in range(n):
        y0 = ys + (h - ys) * k / n
        y1 = ys + (h - ys) * (k + 1) / n + 0.03
        lean = 0.05 * k
        out.append(
            P.rounded_block(
                -w / 2 + aw + 0.01, w / 2 - aw - 0.01, y0, min(y1, h), zb + 0.12 - lean, zb + 0.38 - lean, 0.07, cover
            )
        )
    if extended:
        out.append(P.rounded_block(-w / 2 + aw, w / 2 - aw, 0.26, ys - 0.02, front + 0.04, d / 2, 0.05, cover))
        for sx in (-1, 1):
            out.append(
                P.rod(
                    (sx * (w / 2 - aw - 0.05), 0.2, front - 0.05),
                    (sx * (w / 2 - aw - 0.05), 0.3, front + 0.1),
                    0.012,
                    rgba("chrome"),
                    8,
                )
            )
    return out


@generator("dog_bed")
def dog_bed(w: float, h: float, d: float, p: dict) -> list:
    outer, cushion = rgba(p.get("outer", "grey fabric")), rgba(p.get("cushion", "cream fabric"))
    kind = p.get("kind", "donut")
    out: list = []
    if kind == "donut":
        m = 0.3
        ring = trimesh.creation.torus(major_radius=1.0 - m, minor_radius=m, major_sections=48, minor_sections=16)
        ring.apply_transform(trimesh.transformations.rotation_matrix(-np.pi / 2, [1, 0, 0]))
        ring.apply_scale((w / 2, h / (2 * m), d / 2))
        ring.apply_translation((0, h / 2, 0))
        out.append(S.paint(ring, outer))
        pad = P.column(0, 0, 0, h * 0.42, 1.0 - m, cushion, sections=40)
        pad.apply_scale((w / 2, 1.0, d / 2))
        out.append(pad)
        return out
    if kind == "basket":
        # wicker oval basket, lower at the front for the way in, woven bands, a cushion inside
        n = 48
        for k in range(n):
            a0, a1 = 2 * np.pi * k / n, 2 * np.pi * (k + 1) / n
            front = max(np.sin(a0), np.sin(a1))
            top = h - (h * 0.45) * max(front, 0.0) ** 4
            pts = []
            for a in (a0, a1):
                for f in (0.9, 1.0):
                    for y in (0.0, top):
                        pts.append((f * w / 2 * np.cos(a), y, f * d / 2 * np.sin(a)))
            out.append(S.hull(pts, outer if k % 2 == 0 else rgba(p.get("weave", "oak"))))
        pad = P.column(0, 0, 0.02, h * 0.45, 0.86, cushion, sections=40)
        pad.apply_scale((w / 2, 1.0, d / 2))
        out.append(pad)
        return out
    # rectangular bolster bed, open at the front
    out.append(P.rounded_block(-w / 2, w / 2, 0, h * 0.4, -d / 2, d / 2, 0.04, outer))
    out.append(P.rounded_block(-w / 2 + 0.12, w / 2 - 0.12, h * 0.3, h * 0.5, -d / 2 + 0.12, d / 2 - 0.04, 0.05, cushion))
    out.append(P.rounded_block(-w / 2, w / 2, 0, h, -d / 2, -d / 2 + 0.13, 0.06, outer))
    for sx in (-1, 1):
        x0, x1 = sorted((sx * w / 2, sx * (w / 2 - 0.12)))
        out.append(P.rounded_block(x0, x1, 0, h * 0.85, -d / 2, d / 2 - 0.02, 0.06, outer))
    out.append(P.rounded_block(-w / 2 + 0.1, w / 2 - 0.1, 0, h * 0.55, d / 2 - 0.09, d / 2, 0.04, outer))
    return out


@generator("cat_tree")
def cat_tree(w: float, h: float, d: float, p: dict) -> list:
    carpet, sisal, accent = rgba(p.get("carpet", "beige fabric")), rgba(p.get("post", "jute")), rgba(p.get("accent", "grey"))
    out: list = [P.rounded_block(-w / 2, w / 2, 0, 0.05, -d / 2, d / 2, 0.015, carpet)]
    # condo box with a round door, bottom left
    cb = min(w, d) * 0.55
    cx0, cz0 = -w / 2 + 0.01, -d / 2 + 0.01
    ct = 0.05 + cb * 0.8
    out.append(P.rounded_block(cx0, cx0 + cb, 0.05, ct, cz0, cz0 + cb, 0.015, carpet))
    out.append(S.zdisc(cx0 + cb / 2, 0.05 + cb * 0.38, cz0 + cb - 0.002, cz0 + cb + 0.004, cb * 0.28, rgba("espresso")))
    # sisal posts and platforms up to a perch with a round bed
    r = 0.045
    px, pz = w / 2 - r - 0.06, d / 2 - r - 0.06
    y2 = h * 0.6
    out.append(P.column(px, pz, 0.05, y2, r, sisal, sections=16))
    out.append(P.column(cx0 + cb * 0.5, cz0 + cb * 0.5, ct, h - 0.1, r, sisal, sections=16))
    out.append(P.column(w / 2 - r - 0.06, -d / 2 + r + 0.06, 0.05, h * 0.36, r, sisal, sections=16))
    out.append(P.rounded_block(w / 2 - 0.3, w / 2, h * 0.36, h * 0.36 + 0.035, -d / 2, -d / 2 + 0.3, 0.012, carpet))
    out.append(P.rounded_block(w / 2 - 0.36, w / 2, y2, y2 + 0.035, d / 2 - 0.36, d / 2, 0.012, carpet))
    out.append(P.column(w / 2 - 0.18, d / 2 - 0.18, y2 + 0.035, h * 0.82, r, sisal, sections=16))
    out.append(P.rounded_block(w / 2 - 0.3, w / 2, h * 0.82, h * 0.82 + 0.035, d / 2 - 0.3, d / 2, 0.012, carpet))
    rr = min(w, d) * 0.3
    bx, bz = cx0 + cb * 0.5, cz0 + cb * 0.5
    bx, bz = max(bx, -w / 2 + rr), max(bz, -d / 2 + rr)
    out.append(P.column(bx, bz, h - 0.1, h - 0.07, rr, carpet, sections=32))
    out.append(P.ring(bx, bz, h - 0.07, h, rr * 0.7, rr, accent, sections=32))
    out.append(P.column(px - 0.12, d / 2 - 0.06, y2 - 0.2, y2, 0.003, accent, sections=6))
    out.append(P.ellipsoid(px - 0.12, y2 - 0.22, d / 2 - 0.06, 0.03, 0.03, 0.03, rgba(p.get("toy", "red")), 1))
    return out


@generator("teepee")
def teepee(w: float, h: float, d: float, p: dict) -> list:
    canvas, pole, trim = rgba(p.get("canvas", "cream fabric")), rgba(p.get("poles", "pine")), rgba(p.get("trim", "grey"))
    r = 0.02
    a_x, a_z = w / 2 - r, (d / 2 - r) / np.sin(np.pi / 3)
    angles = [np.pi / 3 * k for k in range(6)]  # poles at 0, 60, ..., 300 deg; the door between 60 and 120
    bases = [np.array([a_x * np.cos(a), r, a_z * np.sin(a) * np.sin(np.pi / 3) / np.sin(np.pi / 3)]) for a in angles]
    bases = [np.array([b[0], r, np.clip(b[2], -(d / 2 - r), d / 2 - r)]) for b in bases]
    apex = np.array([0.0, h * 0.8, 0.0])
    fh = h * 0.74
    out: list = []
    for b in bases:
        top = apex + (apex - b) * ((h - r - apex[1]) / (apex[1] - b[1]))
        out.append(P.rod(b, top, r, pole, 8))

    def along(b: np.ndarray, y: float) -> np.ndarray:
        return b + (apex - b) * ((y - b[1]) / (apex[1] - b[1]))

    inset = 0.012
    for k in range(6):
        b0, b1 = bases[k], bases[(k + 1) % 6]
        if k == 1:  # the door: only a panel above the opening, with tied-back flaps
            y0 = fh * 0.55
        else:
            y0 = 0.0
        quad = [along(b0, max(y0, r)), along(b1, max(y0, r)), along(b1, fh), along(b0, fh)]
        inner = [q * np.array([1 - inset, 1, 1 - inset]) for q in quad]
        out.append(
            S.hull(quad + inner, canvas if k % 2 == 0 or k == 1 else rgba(p.get("canvas2", p.get("canvas", "cream fabric"))))
        )
        if k != 1:
            band = [along(b0, 0.1), along(b1, 0.1), along(b1, 0.2), along(b0, 0.2)]
            outer = [q * np.array([1 + 0.01, 1, 1 + 0.01]) for q in band]
            out.append(S.hull(band + outer, trim))
    for b in (bases[1], bases[2]):  # flaps gathered at the door's poles
        lo, hi = along(b, 0.15), along(b, fh * 0.55)
        out.append(P.rod(lo, hi, 0.04, canvas, 10))
    # a floor mat and a cushion inside
    out.append(P.column(0, 0, 0, 0.015, min(a_x, d / 2) * 0.75, rgba(p.get("mat", "off white")), sections=32))
    out.append(P.rounded_block(-0.2, 0.2, 0.015, 0.13, -0.15, 0.15, 0.05, rgba(p.get("cushion", "pastel pink"))))
    return out


@generator("dollhouse")
def dollhouse(w: float, h: float, d: float, p: dict) -> list:
    wall, roof, floor_c = rgba(p.get("walls", "white")), rgba(p.get("roof", "pastel pink")), rgba(p.get("floors", "light oak"))
    storeys = int(p.get("storeys", 2))
    t = 0.018
    base = 0.04
    eave = h * (0.62 if storeys == 2 else 0.7)
    out: list = [P.block(-w / 2, w / 2, 0, base, -d / 2, d / 2, floor_c)]
    # walls: back and sides; open at the front
    out.append(P.block(-w / 2 + 0.03, w / 2 - 0.03, base, eave, -d / 2 + 0.02, -d / 2 + 0.02 + t, wall))
    for sx in (-1, 1):
        x0, x1 = sorted((sx * (w / 2 - 0.03), sx * (w / 2 - 0.03 - t)))
        out.append(P.block(x0, x1, base, eave, -d / 2 + 0.02, d / 2 - 0.02, wall))
        for k in range(storeys):  # windows on the side walls
            yw = base + (eave - base) * (k + 0.5) / storeys
            xo = sx * (w / 2 - 0.03) + sx * 0.002
            a, b = sorted((xo, xo + sx * 0.006))
            out.append(P.block(a, b, yw - 0.05, yw + 0.05, -0.05, 0.05, rgba("pastel blue")))
    fl = [base + (eave - base) * k / storeys for k in range(1, storeys + 1)]
    for y in fl:
        out.append(P.block(-w / 2 + 0.03, w / 2 - 0.03, y - t, y, -d / 2 + 0.02, d / 2 - 0.02, floor_c))
    # inner walls with door holes (two pieces each), a few tiny furnishings
    levels = [base] + fl[:-1]
    for k, y0 in enumerate(levels):
        y1 = fl[k] - t
        out.append(P.block(-t / 2, t / 2, y0, y1, -d / 2 + 0.04, d * 0.05, wall))
        out.append(P.block(-t / 2, t / 2, y0 + (y1 - y0) * 0.7, y1, d * 0.05, d / 2 - 0.04, wall))
        colours = [rgba(c) for c in p.get("toys", ("red", "pastel blue", "yellow", "sage"))]
        sw = min(0.14, w * 0.16)
        out.append(P.block(-w / 4 - sw, -w / 4 + sw * 0.4, y0, y0 + 0.05, -d / 2 + 0.04, -d / 2 + 0.04 + 0.08, colours[k % 4]))
        out.append(P.block(-w / 4 - sw, -w / 4 + sw * 0.4, y0, y0 + 0.1, -d / 2 + 0.04, -d / 2 + 0.06, colours[k % 4]))
        out.append(P.column(w / 4, 0.0, y0, y0 + 0.06, 0.04, colours[(k + 1) % 4], sections=16))
        out.append(P.block(w / 4 + 0.07, w / 4 + 0.11, y0, y0 + 0.12, -0.05, -0.01, colours[(k + 2) % 4]))
    # gable roof (ridge along Z), attic back wall, chimney
    ov = 0.02
    for sx in (-1, 1):
        pts = []
        for z in (-d / 2, d / 2):
            pts += [
                (sx * (w / 2), eave - 0.02, z),
                (0.0, h - 0.0, z),
                (sx * (w / 2), eave - 0.02 + 0.03, z),
                (0.0, h - 0.03 - ov, z),
            ]
        out.append(S.hull(pts, roof))
    gable = [
        (x, y, z)
        for z in (-d / 2 + 0.02, -d / 2 + 0.02 + t)
        for x, y in ((-w / 2 + 0.04, eave), (w / 2 - 0.04, eave), (0.0, h - 0.05))
    ]
    out.append(S.hull(gable, wall))
    out.append(P.block(-w / 2 + 0.03, w / 2 - 0.03, eave - t, eave, -d / 2 + 0.02, d / 2 - 0.02, floor_c))
    cx = w * 0.25
    cy = eave + (h - eave) * (1 - cx / (w / 2)) - 0.02
    out.append(P.block(cx - 0.03, cx + 0.03, cy, min(h, cy + 0.12), -0.04, 0.02, rgba(p.get("chimney", "red"))))
    return out


@generator("rocking_horse")
def rocking_horse(w: float, h: float, d: float, p: dict) -> list:
    coat, mane, saddle, wood = (
        rgba(p.get("coat", "white")),
        rgba(p.get("mane", "black")),
        rgba(p.get("saddle", "red")),
        rgba(p.get("rockers", p.get("coat", "white"))),
    )
    rise, rt = min(0.09, h * 0.12), 0.04
    out: list = []
    zr = d / 2 - 0.015
    for sz in (-1, 1):
        z0, z1 = sorted((sz * zr - 0.015 * sz, sz * d / 2))
        outline = [(x, y) for x, y in S.rocker_outline(-w / 2, w / 2, rise, rt)]
        out.append(S.extrude_z(outline, z0, z1, wood))
    for xs in (-0.3, 0.3):
        x = xs * w
        out.append(P.block(x - 0.02, x + 0.02, rise * (xs * 2) ** 2 + rt - 0.02, rise * (xs * 2) ** 2 + rt + 0.03, -zr, zr, wood))
    # body on four splayed legs, neck and head towards +X, tail at -X
    by = h * 0.55
    brx, bry, brz = w * 0.26, h * 0.12, min(d * 0.28, 0.12)
    bx = -w * 0.04
    out.append(P.ellipsoid(bx, by, 0, brx, bry, brz, coat, 2))
    for sx in (-1, 1):
        for sz in (-1, 1):
            xt = bx + sx * brx * 0.6
            xb = sx * w * 0.3
            yb = rise * (xb / (w / 2)) ** 2 + rt
            out.append(P.rod((xt, by - bry * 0.5, sz * brz * 0.5), (xb, yb, sz * (zr - 0.02)), 0.022, coat, 10))
    nx0, ny0 = bx + brx * 0.7, by + bry * 0.3
    hx, hy = w / 2 - w * 0.12, h - h * 0.1
    out.append(P.rod((nx0, ny0, 0), (hx - 0.04, hy - 0.02, 0), min(0.06, brz * 0.7), coat, 16))
    head = P.ellipsoid(0, 0, 0, w * 0.11, h * 0.07, min(0.06, brz * 0.6), coat, 2)
    head.apply_transform(trimesh.transformations.rotation_matrix(-0.6, [0, 0, 1]))
    head.apply_translation((hx, hy - h * 0.03, 0))
    out.append(head)
    for sz in (-1, 1):
        out.append(P.rod((hx - 0.05, h - 0.06, sz * 0.025), (hx - 0.06, h, sz * 0.03), 0.012, coat, 8))  # ears
        out.append(P.ellipsoid(hx + 0.02, hy, sz * min(0.06, brz * 0.6) * 0.9, 0.012, 0.012, 0.006, rgba("black"), 1))  # eyes
    out.append(
        P.rod((hx - 0.05, hy - 0.02, -brz * 1.1), (hx - 0.05, hy - 0.02, brz * 1.1), 0.012, rgba(p.get("handle", "walnut")), 8)
    )
    for k in range(5):  # mane along the neck
        f = k / 4
        x, y = nx0 + (hx - 0.06 - nx0) * f, ny0 + (hy - ny0) * f
        out.append(P.ellipsoid(x - 0.02, y + 0.04, 0, 0.035, 0.03, 0.02, mane, 1))
    out.append(P.rod((bx - brx * 0.95, by + bry * 0.2, 0), (bx - brx * 1.25, by - bry * 1.6, 0), 0.03, mane, 10))  # tail
    out.append(P.ellipsoid(bx - brx * 0.05, by + bry * 0.85, 0, brx * 0.4, bry * 0.3, brz * 1.05, saddle, 1))
    for sz in (-1, 1):  # stirrups
        out.append(P.rod((bx, by, sz * brz * 0.95), (bx, by - bry * 1.3, sz * brz * 1.05), 0.005, rgba("black"), 6))
        out.append(
            P.block(
                bx - 0.025,
                bx + 0.025,
                by - bry * 1.4,
                by - bry * 1.3,
                sz * brz * 1.05 - 0.01,
                sz * brz * 1.05 + 0.01,
                rgba("steel"),
            )
        )
    return out
