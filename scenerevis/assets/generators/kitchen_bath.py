"""kitchen_bath.py: generators for kitchen and bathroom fixtures: counters, islands, fridges, stoves, toilets, tubs, sinks, showers.

All builders fill ``[-w/2, w/2] x [0, h] x [-d/2, d/2]`` (metres, Y up, front +Z).
"""

from __future__ import annotations

from scenerevis.assets import parts as P
from scenerevis.assets.generators.registry import generator
from scenerevis.assets.palette import rgba


def _base_cabinets(w: float, h: float, d: float, p: dict, top_t: float = 0.04) -> tuple[list, float]:
    """A run of base cabinets under a counter top; returns the parts and the top height."""
    body, front, top, handle = (
        rgba(p.get(k, v))
        for k, v in (("body", "white"), ("front", p.get("body", "white")), ("top", "marble"), ("handle", "steel"))
    )
    kick = 0.1
    zf = d / 2 - 0.05
    out = [
        P.block(-w / 2 + 0.01, w / 2 - 0.01, 0, kick, -d / 2, zf - 0.06, rgba("charcoal")),
        P.block(-w / 2 + 0.01, w / 2 - 0.01, kick, h - top_t, -d / 2, zf, body),
        P.block(-w / 2, w / 2, h - top_t, h, -d / 2, d / 2, top),
    ]
    units = max(1, int(round(w / 0.6)))
    uw = (w - 0.02) / units
    for i in range(units):
        a = -w / 2 + 0.01 + i * uw
        if p.get("drawers_first", True) and i == 0:
            out += P.drawer_fronts(a, a + uw, kick, h - top_t - 0.005, zf, 3, 1, front, handle)
        else:
            out += P.drawer_fronts(a, a + uw, h - top_t - 0.18, h - top_t - 0.005, zf, 1, 1, front, handle)
            out += P.door_fronts(a, a + uw, kick, h - top_t - 0.18, zf, 1, front, handle)
    return out, h


def _faucet(x: float, z: float, y: float, color, reach: float = 0.16, height: float = 0.25) -> list:
    """A tap: a column from ``y`` up ``height`` and a spout reaching ``reach`` towards +Z (nothing when too low)."""
    if height < 0.04:
        return []
    top = y + height - 0.012
    return [P.column(x, z, y, top, 0.014, color), P.rod((x, top, z), (x, top, z + reach), 0.012, color, sections=10)]


@generator("kitchen_counter")
def kitchen_counter(w: float, h: float, d: float, p: dict) -> list:
    body_h = min(h, 0.92)
    out, top_y = _base_cabinets(w, body_h, d, p)
    feature = p.get("feature", "sink")
    if feature == "sink":
        out.append(P.block(-0.3, 0.25, top_y - 0.002, top_y + 0.003, -0.2, 0.18, rgba("steel")))
        out.append(P.block(-0.27, 0.22, top_y + 0.003, top_y + 0.004, -0.17, 0.15, rgba("charcoal")))
        out += _faucet(0.0, -d / 2 + 0.08, top_y, rgba("chrome"), height=min(0.25, h - top_y))
    elif feature == "cooktop":
        out.append(P.block(-0.3, 0.3, top_y - 0.002, top_y + 0.006, -0.25, 0.25, rgba("screen")))
        for x in (-0.15, 0.15):
            for z in (-0.12, 0.12):
                out.append(P.frustum(x, z, top_y + 0.006, top_y + 0.008, 0.09, 0.09, rgba("charcoal")))
    if h > body_h + 0.05:  # backsplash / upper shelf
        out.append(P.block(-w / 2, w / 2, body_h, h, -d / 2, -d / 2 + 0.02, rgba(p.get("splash", "off white"))))
    return out


@generator("kitchen_island")
def kitchen_island(w: float, h: float, d: float, p: dict) -> list:
    over = 0.25
    out, top_y = _base_cabinets(w, h, d - over, p)
    # cabinet fronts face +Z; the worktop overhangs at the back (-Z) to seat stools there
    for m in out:
        m.apply_translation((0, 0, over / 2))
    out.append(P.block(-w / 2, w / 2, h - 0.04, h, -d / 2, -d / 2 + over + 0.02, rgba(p.get("top", "marble"))))
    return out


@generator("bar_counter")
def bar_counter(w: float, h: float, d: float, p: dict) -> list:
    body, top, foot = rgba(p.get("body", "walnut")), rgba(p.get("top", "black")), rgba(p.get("foot", "brass"))
    out = [
        P.block(-w / 2 + 0.05, w / 2 - 0.05, 0, h - 0.05, -d / 2, d / 2 - 0.15, body),
        P.block(-w / 2, w / 2, h - 0.05, h, -d / 2, d / 2, top),
    ]
    out.append(P.rod((-w / 2 + 0.1, 0.2, d / 2 - 0.1), (w / 2 - 0.1, 0.2, d / 2 - 0.1), 0.02, foot))
    for x in (-w / 2 + 0.12, w / 2 - 0.12):
        out.append(P.rod((x, 0.2, d / 2 - 0.1), (x, 0.2, d / 2 - 0.16), 0.015, foot))
    for i in range(int(w / 0.25)):
        x = -w / 2 + 0.15 + i * 0.25
        out.append(P.block(x - 0.1, x + 0.1, 0.1, h - 0.12, d / 2 - 0.16, d / 2 - 0.145, rgba(p.get("panel", "oak"))))
    return out


@generator("fridge")
def fridge(w: float, h: float, d: float, p: dict) -> list:
    body, handle = rgba(p.get("body", "steel")), rgba(p.get("handle", "chrome"))
    zf = d / 2 - 0.04
    out = [
        P.rounded_block(-w / 2, w / 2, 0.03, h, -d / 2, zf, 0.02, body),
        P.block(-w / 2 + 0.04, w / 2 - 0.04, 0, 0.031, -d / 2 + 0.05, zf - 0.04, rgba("black")),
    ]
    layout = p.get("layout", "bottom_freezer")
    if layout == "french":
        split = h * 0.38
        out += [
            P.rounded_block(-w / 2, -0.004, split + 0.005, h, zf - 0.01, d / 2 - 0.01, 0.01, body),
            P.rounded_block(0.004, w / 2, split + 0.005, h, zf - 0.01, d / 2 - 0.01, 0.01, body),
            P.rounded_block(-w / 2, w / 2, 0.04, split - 0.005, zf - 0.01, d / 2 - 0.01, 0.01, body),
        ]
        out += [
            P.block(-0.05, -0.03, split + 0.2, h - 0.2, d / 2 - 0.01, d / 2, handle),
            P.block(0.03, 0.05, split + 0.2, h - 0.2, d / 2 - 0.01, d / 2, handle),
            P.block(-w / 3, w / 3, split - 0.08, split - 0.06, d / 2 - 0.01, d / 2, handle),
        ]
    else:
        split = h * 0.35 if layout == "bottom_freezer" else h * 0.72
        out += [
            P.rounded_block(-w / 2, w / 2, 0.04, split - 0.005, zf - 0.01, d / 2 - 0.01, 0.01, body),
            P.rounded_block(-w / 2, w / 2, split + 0.005, h, zf - 0.01, d / 2 - 0.01, 0.01, body),
        ]
        hx = w / 2 - 0.06
        if layout == "bottom_freezer":
            out += [
                P.block(hx - 0.01, hx + 0.01, split + 0.1, split + 0.6, d / 2 - 0.01, d / 2, handle),
                P.block(-w / 4, w / 4, split - 0.09, split - 0.07, d / 2 - 0.01, d / 2, handle),
            ]
        else:
            out += [
                P.block(hx - 0.01, hx + 0.01, split - 0.5, split - 0.1, d / 2 - 0.01, d / 2, handle),
                P.block(hx - 0.01, hx + 0.01, split + 0.05, split + 0.25, d / 2 - 0.01, d / 2, handle),
            ]
    return out


@generator("stove")
def stove(w: float, h: float, d: float, p: dict) -> list:
    body, top = rgba(p.get("body", "steel")), rgba(p.get("top", "black"))
    ch = min(h, 0.92)
    zf = d / 2 - 0.045  # door face; handle and knobs stay inside the depth
    out = [
        P.block(-w / 2, w / 2, 0, ch - 0.03, -d / 2, zf - 0.02, body),
        P.block(-w / 2, w / 2, ch - 0.03, ch, -d / 2, zf - 0.02, top),
        P.block(-w / 2 + 0.03, w / 2 - 0.03, 0.15, ch - 0.2, zf - 0.02, zf, body),
        P.block(-w / 2 + 0.1, w / 2 - 0.1, 0.3, ch - 0.3, zf - 0.005, zf + 0.002, rgba("screen")),
        P.rod((-w / 2 + 0.08, ch - 0.23, zf + 0.03), (w / 2 - 0.08, ch - 0.23, zf + 0.03), 0.012, rgba("chrome")),
    ]
    for x in (-w / 4, w / 4):
        for z in (-d / 5, d / 6):
            out.append(P.frustum(x, z, ch, ch + 0.02, 0.08 if z < 0 else 0.06, 0.06, rgba("charcoal")))
    for i in range(4):
        out.append(
            P.rod(
                (-w / 2 + 0.1 + i * (w - 0.2) / 3, ch - 0.1, zf - 0.02),
                (-w / 2 + 0.1 + i * (w - 0.2) / 3, ch - 0.1, zf + 0.02),
                0.02,
                rgba("black"),
                sections=12,
            )
        )
    if h > ch + 0.05:
        out.append(P.block(-w / 2, w / 2, ch, h, -d / 2, -d / 2 + 0.05, body))
    return out


@generator("toilet")
def toilet(w: float, h: float, d: float, p: dict) -> list:
    china, seat = rgba(p.get("china", "ceramic")), rgba(p.get("seat", p.get("china", "ceramic")))
    bowl_h = 0.4
    tank_d = 0.2 if p.get("tank", True) else 0.12
    bz = -d / 2 + tank_d + (d - tank_d) / 2 - 0.02
    base = P.lathe([(0.13, 0), (0.11, 0.12), (0.13, 0.25), (0.19, bowl_h - 0.04), (0.18, bowl_h - 0.02)], china)
    base.apply_scale((min(1.0, (w - 0.02) / 0.38), 1.0, (d - tank_d) / 0.4))
    base.apply_translation((0, 0, bz))
    out = [base, P.block(-0.09, 0.09, 0, bowl_h - 0.05, -d / 2 + tank_d - 0.02, bz, china)]
    sr = P.lathe([(0.18, 0), (0.18, 0.025)], seat)
    sr.apply_scale((min(1.0, (w - 0.02) / 0.38), 1.0, (d - tank_d) / 0.4))
    sr.apply_translation((0, bowl_h - 0.02, bz))
    out.append(sr)
    out.append(P.block(-0.12, 0.12, bowl_h - 0.02, bowl_h + 0.01, -d / 2 + tank_d - 0.03, -d / 2 + tank_d + 0.02, seat))
    if p.get("tank", True):
        out.append(P.rounded_block(-w / 2, w / 2, bowl_h - 0.05, h - 0.02, -d / 2, -d / 2 + tank_d, 0.02, china))
        out.append(P.rounded_block(-w / 2 - 0.0, w / 2, h - 0.03, h, -d / 2, -d / 2 + tank_d + 0.01, 0.01, china))
        out.append(P.column(0, -d / 2 + tank_d / 2, h - 0.005, h + 0.002, 0.025, rgba("chrome")))
    else:  # wall-hung style with a flush plate on a low carrier box
        out.append(P.block(-w / 2, w / 2, 0, h, -d / 2, -d / 2 + tank_d, rgba(p.get("wall", "light grey"))))
        out.append(P.block(-0.1, 0.1, h - 0.3, h - 0.15, -d / 2 + tank_d - 0.005, -d / 2 + tank_d + 0.002, rgba("chrome")))
    return out


@generator("bathtub")
def bathtub(w: float, h: float, d: float, p: dict) -> list:
    shell, inner = rgba(p.get("shell", "ceramic")), rgba(p.get("inner", "ceramic"))
    wall = 0.07
    out = []
    y0 = 0.12 if p.get("feet", False) else 0.0
    if p.get("feet", False):
        out += P.legs(
            -w / 2 + 0.05,
            w / 2 - 0.05,
            -d / 2 + 0.1,
            d / 2 - 0.1,
            0,
            y0 + 0.01,
            0.06,
            rgba(p.get("foot", "brass")),
            style="tapered",
        )
        out.append(P.rounded_block(-w / 2, w / 2, y0, y0 + 0.08, -d / 2, d / 2, 0.08, shell))
    else:
        out.append(P.block(-w / 2, w / 2, 0, 0.08, -d / 2, d / 2, shell))
    rr = 0.03
    out += [
        P.rounded_block(-w / 2, -w / 2 + wall, y0, h, -d / 2, d / 2, rr, shell),
        P.rounded_block(w / 2 - wall, w / 2, y0, h, -d / 2, d / 2, rr, shell),
        P.rounded_block(-w / 2, w / 2, y0, h, -d / 2, -d / 2 + wall, rr, shell),
        P.rounded_block(-w / 2, w / 2, y0, h, d / 2 - wall, d / 2, rr, shell),
        P.block(
            -w / 2 + wall - 0.005, w / 2 - wall + 0.005, y0 + 0.06, y0 + 0.1, -d / 2 + wall - 0.005, d / 2 - wall + 0.005, inner
        ),
    ]
    # wall spout on the back rim, inside the tub's height
    tap = rgba(p.get("tap", "chrome"))
    out += [
        P.block(-0.04, 0.04, h - 0.1, h - 0.01, -d / 2 + 0.01, -d / 2 + wall + 0.01, tap),
        P.rod((0, h - 0.04, -d / 2 + wall), (0, h - 0.04, -d / 2 + wall + 0.12), 0.014, tap),
    ]
    return out


@generator("sink")
def sink(w: float, h: float, d: float, p: dict) -> list:
    china, tap = rgba(p.get("china", "ceramic")), rgba(p.get("tap", "chrome"))
    kind = p.get("kind", "vanity")
    top_y = h - 0.25
    if kind == "pedestal":
        out = [P.lathe([(0.12, 0), (0.08, 0.1), (0.07, top_y - 0.15), (0.15, top_y - 0.05)], china, z=-0.02)]
        out += [P.rounded_block(-w / 2, w / 2, top_y - 0.15, top_y, -d / 2, d / 2, 0.04, china)]
    else:
        body = rgba(p.get("body", "oak"))
        out = [
            P.block(-w / 2 + 0.01, w / 2 - 0.01, 0.12 if p.get("legs", False) else 0, top_y - 0.03, -d / 2, d / 2 - 0.02, body),
            P.block(-w / 2, w / 2, top_y - 0.03, top_y, -d / 2, d / 2, rgba(p.get("top", "marble"))),
        ]
        out += P.door_fronts(
            -w / 2 + 0.01,
            w / 2 - 0.01,
            0.13 if p.get("legs", False) else 0.02,
            top_y - 0.04,
            d / 2 - 0.02,
            2,
            body,
            rgba("brass"),
        )
        if p.get("legs", False):
            out += P.legs(-w / 2, w / 2, -d / 2, d / 2 - 0.02, 0, 0.125, 0.04, body, style="tapered", inset=0.01)
    out.append(P.lathe([(0.14, 0), (0.2, 0.12), (0.19, 0.13), (0.0, 0.13)], china, y=top_y, z=0.02, sections=40))
    out[-1].apply_scale((min(1.0, (w - 0.04) / 0.4), 1.0, min(1.0, (d - 0.12) / 0.4)))
    out[-1].vertices[:, 1] += 0.0
    out.append(
        P.block(
            -0.17 * min(1.0, (w - 0.04) / 0.4),
            0.17 * min(1.0, (w - 0.04) / 0.4),
            top_y + 0.125,
            top_y + 0.132,
            -0.1,
            0.12,
            rgba("light grey"),
        )
    )
    out += _faucet(0, -d / 2 + 0.05, top_y, tap, reach=0.12, height=min(0.25, h - top_y))
    out.append(
        P.block(-w / 2, w / 2, top_y, h, -d / 2, -d / 2 + 0.02, rgba(p.get("splash", p.get("top", "marble"))))
        if kind != "pedestal"
        else P.block(-w / 2, w / 2, top_y, h, -d / 2, -d / 2 + 0.02, china)
    )
    return out


@generator("shower")
def shower(w: float, h: float, d: float, p: dict) -> list:
    tray, glass, metal = rgba(p.get("tray", "ceramic")), rgba("glass"), rgba(p.get("metal", "chrome"))
    out = [
        P.block(-w / 2, w / 2, 0, 0.06, -d / 2, d / 2, tray),
        P.block(-w / 2 + 0.04, w / 2 - 0.04, 0.06, 0.062, -d / 2 + 0.04, d / 2 - 0.04, rgba("light grey")),
    ]
    out += [
        P.block(-w / 2, -w / 2 + 0.008, 0.06, h - 0.01, -d / 2, d / 2, glass),
        P.block(-w / 2, w / 2 * 0.3, 0.06, h - 0.01, d / 2 - 0.008, d / 2, glass),
        P.block(-w / 2, w / 2, h - 0.02, h, d / 2 - 0.015, d / 2, metal),
        P.block(-w / 2, -w / 2 + 0.015, h - 0.02, h, -d / 2, d / 2, metal),
        P.block(-w / 2, w / 2, 0.06, h, -d / 2, -d / 2 + 0.02, rgba(p.get("wall", "white"))),
    ]
    out += [
        P.column(w / 4, -d / 2 + 0.04, 0.9, h - 0.15, 0.012, metal),
        P.rod((w / 4, h - 0.15, -d / 2 + 0.04), (w / 4, h - 0.15, -d / 2 + 0.3), 0.01, metal),
        P.frustum(w / 4, -d / 2 + 0.3, h - 0.2, h - 0.16, 0.1, 0.03, metal),
        P.block(w / 4 - 0.05, w / 4 + 0.05, 1.0, 1.08, -d / 2 + 0.02, -d / 2 + 0.05, metal),
    ]
    return out
