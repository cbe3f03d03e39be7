"""hobby_tables.py: generators of the catalog_hobby pack for work surfaces: drafting table, sewing table,
workbench, folding table, conference table, work table.

All builders fill ``[-w/2, w/2] x [0, h] x [-d/2, d/2]`` (metres, Y up, front +Z); the person working
stands or sits at the front (+Z).
"""

from __future__ import annotations

import numpy as np

from scenerevis.assets import parts as P
from scenerevis.assets.generators import hobby_shapes as S
from scenerevis.assets.generators.registry import generator
from scenerevis.assets.palette import rgba


@generator("drafting_table")
def drafting_table(w: float, h: float, d: float, p: dict) -> list:
    board, frame, paper = rgba(p.get("board", "white")), rgba(p.get("frame", "matte black metal")), rgba("off white")
    rise = min(0.42, d * 0.5)
    yf = h - rise  # the board's front edge; it rises to h at the back
    zf, zb = d / 2 - 0.04, -d / 2 + 0.02
    out: list = []

    def on(x: float, t: float, lift: float = 0.0) -> tuple[float, float, float]:
        """Point on the board top: ``t`` 0 at the front edge, 1 at the back; ``lift`` along the normal."""
        n = np.array([0.0, zf - zb, rise])
        n = n / np.linalg.norm(n)
        return (x, yf + rise * t + n[1] * lift, zf + (zb - zf) * t + n[2] * lift)

    top = [on(-w / 2, 0, 0), on(w / 2, 0, 0), on(w / 2, 1, 0), on(-w / 2, 1, 0)]
    bottom = [(x, y - 0.03, z) for x, y, z in top]
    out.append(S.hull(top + bottom, board))
    edge = rgba(p.get("edge", "charcoal"))
    for sx in (-1, 1):  # dark side edges so the tilt reads against a pale board
        xa, xb = sorted((sx * w / 2, sx * (w / 2 - 0.02)))
        out.append(
            S.hull(
                [(x, y + dy, z) for x in (xa, xb) for (x0, y, z) in (on(0, 0, 0.004), on(0, 1, 0.004)) for dy in (0.0, -0.035)],
                edge,
            )
        )
    out.append(
        S.hull(
            [on(-w * 0.3, 0.12, 0.0005), on(w * 0.3, 0.12, 0.0005), on(w * 0.3, 0.82, 0.0005), on(-w * 0.3, 0.82, 0.0005)]
            + [on(x, t, 0.003) for x, t in ((-w * 0.3, 0.12), (w * 0.3, 0.12), (w * 0.3, 0.82), (-w * 0.3, 0.82))],
            paper,
        )
    )
    rule = [on(-w / 2 + 0.02, 0.3, 0.0), on(w / 2 - 0.02, 0.3, 0.0), on(w / 2 - 0.02, 0.36, 0.0), on(-w / 2 + 0.02, 0.36, 0.0)]
    out.append(S.hull(rule + [(x, y + 0.012, z) for x, y, z in rule], rgba(p.get("rule", "charcoal"))))
    out.append(
        P.block(-w / 2 + 0.02, w / 2 - 0.02, yf - 0.03, yf + 0.02, zf, d / 2, rgba(p.get("ledge", "steel")))
    )  # pencil ledge
    for k, col in enumerate(("red", "yellow", "pastel blue")):
        x = -w * 0.3 + 0.05 * k
        out.append(P.rod((x - 0.07, yf + 0.005, d / 2 - 0.02), (x + 0.07, yf + 0.005, d / 2 - 0.02), 0.004, rgba(col), 6))
    # base: two side frames with feet along Z, a stretcher, a hinge rail under the board
    if p.get("base", "steel") == "trestle":
        for sx in (-1, 1):
            x = sx * (w / 2 - 0.1)
            out.append(P.block(x - 0.03, x + 0.03, 0, 0.05, -d / 2, d / 2 - 0.02, frame))
            out.append(P.rod((x, 0.04, -d * 0.3), (x, yf - 0.02, 0.0), 0.025, frame, 8))
            out.append(P.rod((x, 0.04, d * 0.3), (x, yf - 0.02, 0.0), 0.025, frame, 8))
        out.append(P.block(-w / 2 + 0.1, w / 2 - 0.1, 0.3, 0.34, -0.02, 0.02, frame))
    else:
        for sx in (-1, 1):
            x = sx * (w / 2 - 0.08)
            out.append(P.block(x - 0.03, x + 0.03, 0, 0.04, -d / 2, d / 2 - 0.02, frame))
            out.append(P.block(x - 0.025, x + 0.025, 0.04, yf - 0.05, -0.025, 0.025, frame))
        out.append(P.block(-w / 2 + 0.08, w / 2 - 0.08, 0.12, 0.16, -0.02, 0.02, frame))
        out.append(P.block(-w / 2 + 0.05, w / 2 - 0.05, 0.15, 0.17, d / 2 - 0.2, d / 2 - 0.16, frame))  # foot rail
    out.append(P.block(-w / 2 + 0.1, w / 2 - 0.1, yf - 0.06, yf - 0.03, -0.05, 0.05, frame))
    for sx in (-1, 1):  # tilt struts holding the board's back edge
        out.append(P.rod((sx * (w / 2 - 0.12), yf - 0.05, 0.0), (sx * (w / 2 - 0.12), h - 0.05, zb + 0.08), 0.012, frame, 8))
    return out


def _sewing_machine(x: float, y: float, z: float, s: float, body, trim) -> list:
    """A sewing machine (``s`` = base length, m) with its base at height ``y``, needle end to -X, facing +Z."""
    out = [P.rounded_block(x - s / 2, x + s / 2, y, y + s * 0.16, z - s * 0.2, z + s * 0.2, 0.015, body)]
    out.append(P.rounded_block(x + s * 0.22, x + s / 2, y + s * 0.16, y + s * 0.68, z - s * 0.16, z + s * 0.16, 0.02, body))
    out.append(P.rounded_block(x - s / 2 + 0.02, x + s / 2, y + s * 0.56, y + s * 0.72, z - s * 0.13, z + s * 0.13, 0.02, body))
    out.append(
        P.rounded_block(
            x - s / 2 + 0.02, x - s / 2 + s * 0.2, y + s * 0.36, y + s * 0.72, z - s * 0.13, z + s * 0.13, 0.015, body
        )
    )
    out.append(P.column(x - s / 2 + s * 0.1, z + s * 0.05, y + s * 0.2, y + s * 0.38, 0.005, rgba("chrome"), 8))
    out.append(
        P.block(x - s / 2 + s * 0.04, x - s / 2 + s * 0.17, y + s * 0.16, y + s * 0.165, z - 0.03, z + 0.05, rgba("chrome"))
    )
    out.append(S.xdisc(y + s * 0.5, z, x + s / 2, x + s / 2 + 0.025, s * 0.12, trim, 24))
    out.append(P.block(x - s * 0.2, x + s * 0.15, y + s * 0.6, y + s * 0.68, z + s * 0.13, z + s * 0.135, trim))
    out.append(P.column(x + s * 0.1, z - s * 0.05, y + s * 0.72, y + s * 0.8, 0.004, rgba("chrome"), 8))
    out.append(P.column(x + s * 0.1, z - s * 0.05, y + s * 0.72, y + s * 0.78, 0.018, rgba("red"), 12))
    return out


@generator("sewing_table")
def sewing_table(w: float, h: float, d: float, p: dict) -> list:
    wood, mach, trim = rgba(p.get("table", "white")), rgba(p.get("machine", "white")), rgba(p.get("trim", "grey"))
    s = min(0.45, w * 0.4)
    top = h - s * 0.8
    out: list = [P.block(-w / 2, w / 2, top - 0.03, top, -d / 2, d / 2, wood)]
    # drawer pedestal on the right, legs on the left, a fabric stack and scissors
    pw = min(0.4, w * 0.35)
    out.append(P.block(w / 2 - pw, w / 2 - 0.01, 0.0, top - 0.03, -d / 2 + 0.01, d / 2 - 0.03, wood))
    out += P.drawer_fronts(
        w / 2 - pw + 0.01, w / 2 - 0.02, 0.04, top - 0.05, d / 2 - 0.03, 3, 1, wood, rgba(p.get("handle", "chrome"))
    )
    for sz in (-1, 1):
        out.append(
            P.block(-w / 2 + 0.02, -w / 2 + 0.07, 0, top - 0.03, sz * (d / 2 - 0.07) - 0.025, sz * (d / 2 - 0.07) + 0.025, wood)
        )
    out.append(P.block(-w / 2 + 0.02, w / 2 - pw, top - 0.1, top - 0.03, -d / 2 + 0.02, -d / 2 + 0.04, wood))
    out += _sewing_machine(-w * 0.08, top, -d * 0.05, s, mach, trim)
    for k, col in enumerate(p.get("fabrics", ("pastel pink", "sage", "navy"))):
        out.append(
            P.block(w / 2 - 0.28, w / 2 - 0.04, top + 0.02 * k, top + 0.02 * (k + 1), -d / 2 + 0.04, -d / 2 + 0.22, rgba(col))
        )
    out.append(P.block(w / 2 - 0.25, w / 2 - 0.1, top, top + 0.006, d / 2 - 0.12, d / 2 - 0.1, rgba("steel")))
    return out


@generator("workbench")
def workbench(w: float, h: float, d: float, p: dict) -> list:
    topc, frame, metal = rgba(p.get("top", "light oak")), rgba(p.get("frame", p.get("top", "light oak"))), rgba("steel")
    pegboard = p.get("pegboard", False)
    bh = min(h, 0.92) if pegboard else h
    out: list = [P.block(-w / 2, w / 2, bh - 0.06, bh, -d / 2 + (0.03 if pegboard else 0.0), d / 2 - 0.04, topc)]
    zf = d / 2 - 0.04
    out += P.legs(-w / 2 + 0.03, w / 2 - 0.03, -d / 2 + 0.03, zf - 0.03, 0, bh - 0.06, 0.07, frame)
    out.append(P.block(-w / 2 + 0.05, w / 2 - 0.05, 0.12, 0.15, -d / 2 + 0.06, zf - 0.06, frame))  # lower shelf
    out.append(P.block(-w / 2 + 0.05, w / 2 - 0.05, bh - 0.16, bh - 0.06, zf - 0.06, zf - 0.04, frame))  # apron
    for k in range(3):  # tool boxes on the shelf
        x = -w / 2 + 0.2 + 0.28 * k
        out.append(P.block(x, x + 0.22, 0.15, 0.3, -d / 4, d / 4, rgba(("red", "charcoal", "yellow")[k])))
    if p.get("drawers", False):
        out += P.drawer_fronts(w / 2 - 0.55, w / 2 - 0.08, bh - 0.3, bh - 0.07, zf - 0.06, 2, 1, frame, metal)
        out.append(P.block(w / 2 - 0.55, w / 2 - 0.08, bh - 0.3, bh - 0.06, -d / 2 + 0.06, zf - 0.06, frame))
    # a vice on the front left corner
    vx = -w / 2 + 0.25
    out.append(P.block(vx - 0.09, vx + 0.09, bh - 0.1, bh + 0.0, zf - 0.04, zf - 0.0, rgba(p.get("vice", "navy"))))
    out.append(P.block(vx - 0.09, vx + 0.09, bh - 0.1, bh, zf + 0.0, d / 2, rgba(p.get("vice", "navy"))))
    out.append(P.rod((vx, bh - 0.07, d / 2 - 0.01), (vx, bh - 0.07, d / 2), 0.012, metal, 8))
    out.append(P.rod((vx - 0.1, bh - 0.07, d / 2 - 0.005), (vx + 0.1, bh - 0.07, d / 2 - 0.005), 0.006, metal, 8))
    if pegboard:
        # pegboard with hung tools
        pb = rgba(p.get("board", "cork"))
        out.append(P.block(-w / 2 + 0.04, w / 2 - 0.04, bh, h, -d / 2, -d / 2 + 0.025, pb))
        for i in range(int((w - 0.2) / 0.1)):
            for j in range(int((h - bh - 0.08) / 0.1)):
                x, y = -w / 2 + 0.12 + 0.1 * i, bh + 0.06 + 0.1 * j
                out.append(P.block(x - 0.005, x + 0.005, y - 0.005, y + 0.005, -d / 2 + 0.025, -d / 2 + 0.027, rgba("charcoal")))
        zt = -d / 2 + 0.04
        yt = bh + (h - bh) * 0.5
        out.append(
            P.block(-w * 0.35 - 0.015, -w * 0.35 + 0.015, yt - 0.12, yt + 0.08, zt - 0.01, zt + 0.01, rgba("walnut"))
        )  # hammer
        out.append(P.block(-w * 0.35 - 0.06, -w * 0.35 + 0.06, yt + 0.06, yt + 0.1, zt - 0.015, zt + 0.015, metal))
        for k in range(4):  # screwdrivers
            x = -w * 0.15 + 0.06 * k
            out.append(P.rod((x, yt - 0.15, zt), (x, yt - 0.03, zt), 0.004, metal, 6))
            out.append(
                P.rod((x, yt - 0.03, zt), (x, yt + 0.07, zt), 0.014, rgba(("red", "yellow", "pastel blue", "green")[k]), 8)
            )
        for k in range(3):  # spanners
            x = w * 0.15 + 0.07 * k
            out.append(P.block(x - 0.01, x + 0.01, yt - 0.14 + 0.03 * k, yt + 0.1, zt - 0.004, zt + 0.004, metal))
        out.append(
            S.extrude_z(
                [(w * 0.38, yt - 0.1), (w * 0.38 + 0.15, yt - 0.02), (w * 0.38 + 0.15, yt + 0.1), (w * 0.38 - 0.02, yt + 0.1)],
                zt - 0.003,
                zt + 0.003,
                metal,
            )
        )
    return out


@generator("folding_table")
def folding_table(w: float, h: float, d: float, p: dict) -> list:
    topc, legc = rgba(p.get("top", "white")), rgba(p.get("legs", "grey"))
    kind = p.get("kind", "folding")
    out: list = []
    if kind == "laundry":
        # a laundry folding counter: worktop over a shelf with two baskets, towels folded on top
        top = h - 0.14
        out.append(P.block(-w / 2, w / 2, top - 0.03, top, -d / 2, d / 2, topc))
        out += P.legs(-w / 2, w / 2, -d / 2, d / 2, 0, top - 0.03, 0.045, legc)
        out.append(P.block(-w / 2 + 0.02, w / 2 - 0.02, 0.1, 0.12, -d / 2 + 0.02, d / 2 - 0.02, legc))
        for sx in (-1, 1):
            x0, x1 = sorted((sx * 0.03, sx * (w / 2 - 0.06)))
            out.append(
                P.rounded_block(
                    x0,
                    x1,
                    0.12,
                    0.12 + min(0.32, top * 0.45),
                    -d / 2 + 0.06,
                    d / 2 - 0.06,
                    0.02,
                    rgba(p.get("baskets", "wicker")),
                )
            )
        for k, col in enumerate(p.get("towels", ("pastel blue", "white", "sage", "white", "pastel pink"))):
            out.append(
                P.rounded_block(-w * 0.35, -w * 0.05, top + 0.028 * k, top + 0.028 * (k + 1), -d * 0.25, d * 0.2, 0.01, rgba(col))
            )
        out.append(P.rounded_block(w * 0.05, w * 0.35, top, top + 0.06, -d * 0.25, d * 0.2, 0.01, rgba("white")))
        return out
    top = h
    out.append(P.rounded_block(-w / 2, w / 2, top - 0.04, top, -d / 2, d / 2, 0.012, topc))
    out.append(P.block(-w / 2 + 0.03, w / 2 - 0.03, top - 0.07, top - 0.04, -d / 2 + 0.03, -d / 2 + 0.05, legc))
    out.append(P.block(-w / 2 + 0.03, w / 2 - 0.03, top - 0.07, top - 0.04, d / 2 - 0.05, d / 2 - 0.03, legc))
    if kind == "x":
        # X legs at both ends, pinned at the middle
        for sx in (-1, 1):
            x = sx * (w / 2 - 0.08)
            for sz in (-1, 1):
                out.append(P.rod((x, 0.015, sz * (d / 2 - 0.04)), (x, top - 0.05, -sz * (d / 2 - 0.06)), 0.016, legc, 8))
            out.append(S.xdisc((top - 0.04) / 2, 0.0, x - 0.02, x + 0.02, 0.02, rgba("steel"), 12))
            out.append(P.rod((x, 0.015, -(d / 2 - 0.04)), (x, 0.015, d / 2 - 0.04), 0.014, legc, 8))
        return out
    # U-shaped folding legs near both ends, braced to a centre rail
    for sx in (-1, 1):
        x = sx * (w / 2 - 0.12)
        for sz in (-1, 1):
            out.append(P.column(x, sz * (d / 2 - 0.06), 0.02, top - 0.04, 0.015, legc, sections=10))
            out.append(P.column(x, sz * (d / 2 - 0.06), 0.0, 0.025, 0.02, rgba("black"), sections=10))
        out.append(P.rod((x, 0.12, -(d / 2 - 0.06)), (x, 0.12, d / 2 - 0.06), 0.011, legc, 8))
        out.append(P.rod((x, 0.35, 0.0), (sx * 0.1, top - 0.05, 0.0), 0.01, legc, 8))
        out.append(P.block(x - 0.03, x + 0.03, top - 0.06, top - 0.04, -d / 2 + 0.03, d / 2 - 0.03, rgba("steel")))
    out.append(P.block(-0.12, 0.12, top - 0.06, top - 0.04, -0.03, 0.03, rgba("steel")))
    return out


def _top_outline(w: float, d: float, shape: str, n: int = 24) -> list[tuple[float, float]]:
    """(x, z) outline of a table top: ``rect``, ``racetrack`` (round ends) or ``boat`` (wider in the middle)."""
    if shape == "racetrack":
        r = d / 2
        pts = [(w / 2 - r + r * np.cos(a), r * np.sin(a)) for a in np.linspace(-np.pi / 2, np.pi / 2, n)]
        pts += [(-w / 2 + r + r * np.cos(a), r * np.sin(a)) for a in np.linspace(np.pi / 2, 3 * np.pi / 2, n)]
        return pts
    if shape == "boat":
        xs = np.linspace(-w / 2, w / 2, n)
        half = d / 2 * (1 - 0.28 * (xs / (w / 2)) ** 2)
        return [(x, z) for x, z in zip(xs, half)] + [(x, -z) for x, z in zip(xs[::-1], half[::-1])]
    return [(-w / 2, -d / 2), (w / 2, -d / 2), (w / 2, d / 2), (-w / 2, d / 2)]


@generator("conference_table")
def conference_table(w: float, h: float, d: float, p: dict) -> list:
    topc, base = rgba(p.get("top", "walnut")), rgba(p.get("base", "matte black metal"))
    shape = p.get("shape", "racetrack")
    t = 0.045
    outline = _top_outline(w, d, shape)
    out: list = [S.hull([(x, y, z) for x, z in outline for y in (h - t - 0.005, h - 0.005)], topc)]
    # power and data hubs along the centre line
    n_hub = max(1, int(w // 1.4))
    for i in range(n_hub):
        x = -w / 2 + w * (i + 0.5) / n_hub
        out.append(P.block(x - 0.12, x + 0.12, h - 0.006, h, -0.05, 0.05, rgba("charcoal")))
        for k in range(3):
            out.append(P.block(x - 0.08 + 0.06 * k, x - 0.05 + 0.06 * k, h - 0.003, h + 0.0, -0.02, 0.02, rgba("black")))
    legs = p.get("legs", "pedestal")
    if legs == "metal":
        out += P.legs(-w / 2 + 0.08, w / 2 - 0.08, -d / 2 + 0.08, d / 2 - 0.08, 0, h - t, 0.05, base, style="square")
        out.append(P.block(-w / 2 + 0.1, w / 2 - 0.1, h - t - 0.06, h - t, -d / 2 + 0.1, -d / 2 + 0.13, base))
        out.append(P.block(-w / 2 + 0.1, w / 2 - 0.1, h - t - 0.06, h - t, d / 2 - 0.13, d / 2 - 0.1, base))
    else:
        # two (or three) slab pedestals and a cable spine between them
        n = 3 if w > 3.6 else 2
        xs = [-w * 0.3, w * 0.3] if n == 2 else [-w * 0.34, 0.0, w * 0.34]
        dz = d * 0.28
        for x in xs:
            if legs == "panel":
                out.append(P.block(x - 0.04, x + 0.04, 0, h - t, -dz, dz, base))
            else:
                out.append(P.block(x - 0.16, x + 0.16, 0, 0.03, -dz, dz, base))
                out.append(P.block(x - 0.09, x + 0.09, 0.03, h - t, -0.12, 0.12, base))
        out.append(P.block(xs[0], xs[-1], h - t - 0.14, h - t - 0.02, -0.06, 0.06, base))
    return out


@generator("work_table")
def work_table(w: float, h: float, d: float, p: dict) -> list:
    topc, frame = rgba(p.get("top", "oak")), rgba(p.get("frame", "matte black metal"))
    mat = p.get("cutting_mat", True)
    surf = h - 0.004 if mat else h - 0.12  # the top's surface; paint jars stand above it
    t = 0.04
    out: list = [P.block(-w / 2, w / 2, surf - t, surf, -d / 2, d / 2, topc)]
    out += P.legs(-w / 2 + 0.02, w / 2 - 0.02, -d / 2 + 0.02, d / 2 - 0.02, 0, surf - t, 0.06, frame)
    for sz in (-1, 1):
        out.append(
            P.block(
                -w / 2 + 0.06,
                w / 2 - 0.06,
                surf - t - 0.08,
                surf - t,
                sz * (d / 2 - 0.05) - 0.02,
                sz * (d / 2 - 0.05) + 0.02,
                frame,
            )
        )
    # lower shelf with storage bins
    ys = 0.16
    out.append(
        P.block(
            -w / 2 + 0.06, w / 2 - 0.06, ys - 0.03, ys, -d / 2 + 0.06, d / 2 - 0.06, rgba(p.get("shelf", p.get("top", "oak")))
        )
    )
    if p.get("bins", True):
        n = max(2, int((w - 0.2) / 0.42))
        bw = (w - 0.2) / n
        for i in range(n):
            x0 = -w / 2 + 0.1 + bw * i
            out.append(
                P.block(
                    x0 + 0.02,
                    x0 + bw - 0.02,
                    ys,
                    ys + min(0.28, surf * 0.3),
                    -d * 0.3,
                    d * 0.3,
                    rgba(p.get("bin_color", "light grey")),
                )
            )
    if mat:  # a gridded cutting mat
        mw, md = w * 0.45, d * 0.6
        x0 = -mw / 2 - w * 0.12
        out.append(P.block(x0, x0 + mw, h - 0.004, h - 0.0015, -md / 2, md / 2, rgba("felt green")))
        for k in range(1, 8):
            x = x0 + mw * k / 8
            out.append(P.block(x - 0.002, x + 0.002, h - 0.0015, h, -md / 2, md / 2, rgba("white")))
        for k in range(1, 6):
            z = -md / 2 + md * k / 6
            out.append(P.block(x0, x0 + mw, h - 0.0015, h, z - 0.002, z + 0.002, rgba("white")))
        return out
    # paint jars with lids, a jar of brushes and a sheet of paper
    for k, col in enumerate(("red", "yellow", "pastel blue", "green", "white")):
        x = w * 0.08 + 0.09 * k
        out.append(P.column(x, -d * 0.2, surf, surf + 0.07, 0.035, rgba("glass"), sections=16))
        out.append(P.column(x, -d * 0.2, surf + 0.005, surf + 0.055, 0.032, rgba(col), sections=16))
        out.append(P.column(x, -d * 0.2, surf + 0.07, surf + 0.085, 0.037, rgba(col), sections=16))
    bx, bz = w * 0.08 + 0.09 * 5 + 0.02, -d * 0.2
    out.append(P.column(bx, bz, surf, surf + 0.08, 0.04, rgba("terracotta"), sections=16))
    for k in range(4):
        a = 2 * np.pi * k / 4
        out.append(
            P.rod(
                (bx + 0.015 * np.cos(a), surf + 0.02, bz + 0.015 * np.sin(a)),
                (bx + 0.035 * np.cos(a), h, bz + 0.035 * np.sin(a)),
                0.004,
                rgba("walnut"),
                6,
            )
        )
    out.append(P.block(-w * 0.38, -w * 0.02, surf, surf + 0.002, -d * 0.3, d * 0.25, rgba("white")))
    out.append(P.block(-w * 0.3, -w * 0.12, surf + 0.002, surf + 0.003, -d * 0.15, d * 0.05, rgba("pastel blue")))
    return out
