"""tables.py: generators for tables with a top on legs: desks, dining/coffee/side tables, game tables.

All builders fill ``[-w/2, w/2] x [0, h] x [-d/2, d/2]`` (metres, Y up, front +Z). Legs stand at the
corners (inset a few cm) and the apron stays above knee height, so chairs and stools fit beneath.
"""

from __future__ import annotations

import numpy as np

from scenerevis.assets import parts as P
from scenerevis.assets.generators.registry import generator
from scenerevis.assets.palette import rgba


def _top_on_legs(w: float, h: float, d: float, p: dict, default_top: str, apron: bool = True) -> list:
    top, leg = rgba(p.get("top", default_top)), rgba(p.get("leg", p.get("top", default_top)))
    t = float(p.get("top_t", 0.035))
    style = p.get("leg_style", "square")
    thick = 0.05 if style != "metal" else 0.06
    out = [P.block(-w / 2, w / 2, h - t, h, -d / 2, d / 2, top)]
    inset = float(p.get("leg_inset", 0.04))
    if style == "trestle":
        for sx in (-1, 1):
            x = sx * (w / 2 - 0.2)
            out += [
                P.block(x - 0.035, x + 0.035, 0.04, h - t, -0.04, 0.04, leg),
                P.block(x - 0.04, x + 0.04, 0, 0.05, -d / 2 + 0.08, d / 2 - 0.08, leg),
                P.block(x - 0.04, x + 0.04, h - t - 0.05, h - t, -d / 2 + 0.08, d / 2 - 0.08, leg),
            ]
        out.append(P.block(-w / 2 + 0.2, w / 2 - 0.2, 0.3, 0.36, -0.03, 0.03, leg))
        return out
    if style == "panel":
        out += [
            P.block(-w / 2, -w / 2 + 0.03, 0, h - t, -d / 2, d / 2, leg),
            P.block(w / 2 - 0.03, w / 2, 0, h - t, -d / 2, d / 2, leg),
        ]
        return out
    out += P.legs(-w / 2, w / 2, -d / 2, d / 2, 0, h - t + 0.002, thick, leg, style=style, inset=inset)
    if apron and style in ("square", "tapered", "round"):
        ax, az = w / 2 - inset - 0.01, d / 2 - inset - 0.01
        out += [
            P.block(-ax, ax, h - t - 0.08, h - t, -az, -az + 0.02, leg),
            P.block(-ax, ax, h - t - 0.08, h - t, az - 0.02, az, leg),
            P.block(-ax, -ax + 0.02, h - t - 0.08, h - t, -az, az, leg),
            P.block(ax - 0.02, ax, h - t - 0.08, h - t, -az, az, leg),
        ]
    return out


@generator("desk")
def desk(w: float, h: float, d: float, p: dict) -> list:
    out = _top_on_legs(w, h, d, {"leg_style": "metal", **p}, "oak", apron=False)
    body = rgba(p.get("top", "oak"))
    if p.get("pedestal", False):
        pw = 0.4
        out.append(P.block(w / 2 - pw - 0.02, w / 2 - 0.02, 0.02, h - 0.035, -d / 2 + 0.03, d / 2 - 0.02, body))
        out += P.drawer_fronts(
            w / 2 - pw - 0.015,
            w / 2 - 0.025,
            0.03,
            h - 0.05,
            d / 2 - 0.02,
            3,
            1,
            rgba(p.get("front", p.get("top", "oak"))),
            rgba("steel"),
        )
    if p.get("modesty", True):
        out.append(
            P.block(
                -w / 2 + 0.06,
                w / 2 - 0.06,
                h - 0.4,
                h - 0.035,
                -d / 2 + 0.04,
                -d / 2 + 0.055,
                rgba(p.get("leg", "matte black metal")),
            )
        )
    if p.get("monitor", False):
        out += [
            P.block(-0.3, 0.3, h + 0.1, h + 0.42, -d / 2 + 0.12, -d / 2 + 0.14, rgba("screen")),
            P.column(0, -d / 2 + 0.1, h, h + 0.12, 0.015, rgba("black")),
            P.block(-0.1, 0.1, h, h + 0.01, -d / 2 + 0.04, -d / 2 + 0.18, rgba("black")),
        ]
    return out


@generator("dining_table")
def dining_table(w: float, h: float, d: float, p: dict) -> list:
    return _top_on_legs(w, h, d, {"top_t": 0.04, **p}, "oak")


@generator("round_table")
def round_table(w: float, h: float, d: float, p: dict) -> list:
    top, leg = rgba(p.get("top", "oak")), rgba(p.get("leg", p.get("top", "oak")))
    r = w / 2
    t = float(p.get("top_t", 0.035))
    out = [P.frustum(0, 0, h - t, h, r, r, top, sections=48)]
    if p.get("base", "pedestal") == "pedestal":
        out += [
            P.lathe([(0.07, 0), (0.05, 0.2), (0.045, h - t - 0.05), (0.09, h - t)], leg),
            P.frustum(0, 0, 0, 0.04, r * 0.5, r * 0.45, leg),
        ]
    elif p["base"] == "tripod":
        for k in range(3):
            a = 2 * np.pi * k / 3 + np.pi / 2
            out.append(
                P.rod(
                    (r * 0.75 * np.cos(a), 0.02, r * 0.75 * np.sin(a)),
                    (r * 0.35 * np.cos(a), h - t, r * 0.35 * np.sin(a)),
                    0.022,
                    leg,
                    sections=12,
                )
            )
    else:
        s = r * 0.62
        out += P.legs(-s, s, -s, s, 0, h - t + 0.002, 0.05, leg, style=p.get("leg_style", "round"))
    if p.get("scale_z", 1.0) != 1.0:
        for m in out:
            m.apply_scale((1.0, 1.0, float(p["scale_z"])))
    return out


@generator("coffee_table")
def coffee_table(w: float, h: float, d: float, p: dict) -> list:
    out = _top_on_legs(w, h, d, {"top_t": 0.04, "leg_inset": 0.03, **p}, "walnut", apron=False)
    if p.get("shelf", True):
        out.append(
            P.block(
                -w / 2 + 0.06,
                w / 2 - 0.06,
                0.08,
                0.1,
                -d / 2 + 0.06,
                d / 2 - 0.06,
                rgba(p.get("shelf_color", p.get("top", "walnut"))),
            )
        )
    if p.get("decor", False):  # a book and a vase on top (they add 12 cm to the height)
        out += [
            P.block(-w * 0.3, -w * 0.3 + 0.22, h, h + 0.03, -0.1, 0.08, rgba("navy")),
            P.frustum(w * 0.25, 0, h, h + 0.12, 0.05, 0.07, rgba("ceramic")),
        ]
    return out


@generator("side_table")
def side_table(w: float, h: float, d: float, p: dict) -> list:
    if p.get("round", False):
        return round_table(w, h, d, {"base": p.get("base", "tripod"), "top_t": 0.03, **p})
    out = _top_on_legs(w, h, d, {"top_t": 0.03, "leg_inset": 0.02, **p}, "oak", apron=False)
    if p.get("shelf", True):
        out.append(
            P.block(-w / 2 + 0.03, w / 2 - 0.03, h * 0.3, h * 0.3 + 0.02, -d / 2 + 0.03, d / 2 - 0.03, rgba(p.get("top", "oak")))
        )
    return out


@generator("pool_table")
def pool_table(w: float, h: float, d: float, p: dict) -> list:
    wood, felt = rgba(p.get("frame", "mahogany")), rgba(p.get("felt", "felt green"))
    rail = 0.12
    out = [
        P.block(-w / 2 + 0.06, w / 2 - 0.06, h - 0.3, h - 0.08, -d / 2 + 0.06, d / 2 - 0.06, wood),
        P.block(-w / 2 + rail, w / 2 - rail, h - 0.08, h - 0.03, -d / 2 + rail, d / 2 - rail, felt),
    ]
    for sx in (-1, 1):
        out.append(
            P.block(sx * (w / 2 - rail / 2) - rail / 2, sx * (w / 2 - rail / 2) + rail / 2, h - 0.1, h, -d / 2, d / 2, wood)
        )
    for sz in (-1, 1):
        out.append(
            P.block(
                -w / 2 + rail,
                w / 2 - rail,
                h - 0.1,
                h,
                sz * (d / 2 - rail / 2) - rail / 2,
                sz * (d / 2 - rail / 2) + rail / 2,
                wood,
            )
        )
    for x in (-w / 2 + rail, w / 2 - rail):
        for z in (-d / 2 + rail, 0.0, d / 2 - rail):
            out.append(P.column(x, z, h - 0.02, h + 0.002, 0.05, rgba("black")))
    leg_z = (-d / 2 + 0.2, 0.0, d / 2 - 0.2)
    for x in (-w / 2 + 0.16, w / 2 - 0.16):
        for z in leg_z:
            out.append(P.lathe([(0.08, 0), (0.06, 0.08), (0.07, (h - 0.3) * 0.5), (0.06, h - 0.3)], wood, x=x, z=z, sections=16))
    out.append(P.ellipsoid(0, h - 0.0, d / 4, 0.028, 0.028, 0.028, rgba("white"), subdivisions=1))
    out.append(P.ellipsoid(0.06, h - 0.0, -d / 4, 0.028, 0.028, 0.028, rgba("red"), subdivisions=1))
    return out


@generator("ping_pong_table")
def ping_pong_table(w: float, h: float, d: float, p: dict) -> list:
    top, leg = rgba(p.get("top", "felt blue")), rgba(p.get("leg", "matte black metal"))
    t = 0.03
    net_h = 0.15
    ht = h - net_h
    out = [
        P.block(-w / 2, w / 2, ht - t, ht, -d / 2, d / 2, top),
        P.block(-0.01, 0.01, ht, ht + 0.002, -d / 2, d / 2, rgba("white")),
    ]
    for sx in (-1, 1):
        out.append(P.block(sx * (w / 2 - 0.01) - 0.01, sx * (w / 2 - 0.01) + 0.01, ht, ht + 0.002, -d / 2, d / 2, rgba("white")))
    out.append(P.block(-w / 2 - 0.0, w / 2, ht, h, -0.005, 0.005, rgba("off white")))
    for z in (-d / 2 + 0.3, d / 2 - 0.3):
        out += P.legs(-w / 2 + 0.15, w / 2 - 0.15, z - 0.25, z + 0.25, 0, ht - t, 0.05, leg, style="square")
    return out
