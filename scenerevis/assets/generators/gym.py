"""gym.py: generators for exercise equipment: treadmill, exercise bike, rowing machine, weight bench, dumbbell rack.

All builders fill ``[-w/2, w/2] x [0, h] x [-d/2, d/2]`` (metres, Y up, front +Z); the user faces -Z
on a treadmill and a bike, so their console stands at the back (-Z) end.
"""

from __future__ import annotations

from scenerevis.assets import parts as P
from scenerevis.assets.generators.registry import generator
from scenerevis.assets.palette import rgba


@generator("treadmill")
def treadmill(w: float, h: float, d: float, p: dict) -> list:
    frame, hood, belt = rgba(p.get("frame", "charcoal")), rgba(p.get("hood", "black")), rgba("rubber")
    accent = rgba(p.get("accent", "red"))
    deck_h = 0.2
    out = [
        P.block(-w / 2 + 0.06, w / 2 - 0.06, 0, deck_h, -d / 2 + 0.25, d / 2, frame),
        P.block(-w / 2 + 0.1, w / 2 - 0.1, deck_h, deck_h + 0.012, -d / 2 + 0.3, d / 2 - 0.05, belt),
        P.rounded_block(-w / 2 + 0.04, w / 2 - 0.04, 0, deck_h + 0.12, -d / 2, -d / 2 + 0.3, 0.05, hood),
        P.block(-w / 2 + 0.06, w / 2 - 0.06, deck_h + 0.06, deck_h + 0.08, -d / 2 + 0.05, -d / 2 + 0.3, accent),
    ]
    top = h - 0.12
    for sx in (-1, 1):
        x = sx * (w / 2 - 0.05)
        out.append(P.rod((x, deck_h, -d / 2 + 0.25), (x, top, -d / 2 + 0.12), 0.03, frame))
        out.append(P.rod((x, top - 0.2, -d / 2 + 0.14), (x, top - 0.2, -d / 2 + 0.55), 0.02, frame))
    out.append(P.rounded_block(-w / 2 + 0.02, w / 2 - 0.02, top - 0.05, h, -d / 2 + 0.02, -d / 2 + 0.24, 0.04, hood))
    out.append(P.block(-0.15, 0.15, top, top + 0.09, -d / 2 + 0.2, -d / 2 + 0.245, rgba("screen")))
    return out


@generator("exercise_bike")
def exercise_bike(w: float, h: float, d: float, p: dict) -> list:
    frame, accent, seat = rgba(p.get("frame", "black")), rgba(p.get("accent", "chrome")), rgba(p.get("seat", "black leather"))
    out = [
        P.rounded_block(-w / 2, w / 2, 0, 0.06, -d / 2, -d / 2 + 0.08, 0.02, frame),
        P.rounded_block(-w / 2, w / 2, 0, 0.06, d / 2 - 0.08, d / 2, 0.02, frame),
    ]
    out.append(P.rod((0, 0.05, d / 2 - 0.06), (0, 0.05, -d / 2 + 0.06), 0.03, frame))
    # flywheel near the front (-Z), rotating about X
    fr = min(0.26, h * 0.2)
    out.append(P.rod((-0.025, fr + 0.08, -d / 2 + 0.25), (0.025, fr + 0.08, -d / 2 + 0.25), fr, accent, sections=32))
    out.append(P.rod((-0.035, fr + 0.08, -d / 2 + 0.25), (0.035, fr + 0.08, -d / 2 + 0.25), fr * 0.35, frame, sections=16))
    # down tube to the handlebars and seat post
    bar_y = h - 0.05
    out.append(P.rod((0, 0.06, -d / 2 + 0.12), (0, bar_y - 0.05, -d / 2 + 0.2), 0.035, frame))
    out.append(P.rod((0, 0.06, d / 2 - 0.2), (0, h * 0.72, d * 0.08), 0.035, frame))
    out.append(P.rod((0, 0.3, -d / 2 + 0.25), (0, 0.1, d / 2 - 0.2), 0.03, frame))
    out.append(P.rounded_block(-0.12, 0.12, h * 0.72, h * 0.72 + 0.08, d * 0.08 - 0.14, d * 0.08 + 0.12, 0.03, seat))
    out.append(P.rod((-w / 2 + 0.06, bar_y, -d / 2 + 0.22), (w / 2 - 0.06, bar_y, -d / 2 + 0.22), 0.018, frame))
    out.append(P.block(-0.08, 0.08, bar_y - 0.04, h, -d / 2 + 0.16, -d / 2 + 0.2, rgba("screen")))
    for sx in (-1, 1):
        out.append(P.block(sx * 0.12 - 0.04, sx * 0.12 + 0.04, 0.25, 0.28, -0.05, 0.07, rgba("charcoal")))
    return out


@generator("rowing_machine")
def rowing_machine(w: float, h: float, d: float, p: dict) -> list:
    frame, rail, seat = rgba(p.get("frame", "black")), rgba(p.get("rail", "steel")), rgba(p.get("seat", "black"))
    out = [P.rod((0, 0.15, -d / 2 + 0.5), (0, 0.22, d / 2 - 0.05), 0.03, rail)]
    fr = min(h * 0.5, w / 2, 0.3)
    out.append(
        P.rod(
            (-w / 4, fr, -d / 2 + fr),
            (w / 4, fr, -d / 2 + fr),
            fr,
            frame if p.get("wood", None) is None else rgba(p["wood"]),
            sections=32,
        )
    )
    out += [
        P.block(-w / 2, w / 2, 0, 0.05, d / 2 - 0.1, d / 2, frame),
        P.block(-w / 2 + 0.05, w / 2 - 0.05, 0, 0.05, -d / 2 + 0.1, -d / 2 + 0.2, frame),
        P.block(-0.03, 0.03, 0.04, 0.22, d / 2 - 0.08, d / 2 - 0.02, frame),
    ]
    out.append(P.rounded_block(-0.15, 0.15, 0.24, 0.3, 0.0, 0.3, 0.03, seat))
    for sx in (-1, 1):
        out.append(P.block(sx * 0.12 - 0.06, sx * 0.12 + 0.06, 0.15, 0.2, -d / 2 + 0.55, -d / 2 + 0.82, rgba("charcoal")))
    out.append(P.rod((-0.2, fr + 0.1, -d / 2 + 2 * fr + 0.05), (0.2, fr + 0.1, -d / 2 + 2 * fr + 0.05), 0.015, rail))
    out.append(P.block(-0.1, 0.1, h - 0.15, h, -d / 2 + fr - 0.05, -d / 2 + fr, rgba("screen")))
    out.append(P.rod((0, fr, -d / 2 + fr), (0, h - 0.12, -d / 2 + fr - 0.03), 0.015, frame))
    return out


@generator("weight_bench")
def weight_bench(w: float, h: float, d: float, p: dict) -> list:
    frame, pad = rgba(p.get("frame", "black")), rgba(p.get("pad", "black leather"))
    pad_h = min(0.45, h) if not p.get("rack", False) else 0.45
    z0 = -d / 2 if not p.get("rack", False) else -d / 2 + 0.1
    out = [P.rounded_block(-0.15, 0.15, pad_h - 0.07, pad_h, z0, d / 2 - 0.05, 0.02, pad)]
    out += [
        P.block(-0.04, 0.04, 0.05, pad_h - 0.07, -d / 2 + 0.2, -d / 2 + 0.26, frame),
        P.block(-0.04, 0.04, 0.05, pad_h - 0.07, d / 2 - 0.3, d / 2 - 0.24, frame),
        P.block(-w / 2, w / 2, 0, 0.05, -d / 2 + 0.15, -d / 2 + 0.3, frame),
        P.block(-w / 2, w / 2, 0, 0.05, d / 2 - 0.32, d / 2 - 0.2, frame),
        P.block(-0.03, 0.03, 0.04, 0.1, -d / 2 + 0.2, d / 2 - 0.24, frame),
    ]
    if p.get("rack", False):
        for sx in (-1, 1):
            x = sx * (w / 2 - 0.04)
            out += [
                P.block(x - 0.03, x + 0.03, 0, h, -d / 2, -d / 2 + 0.06, frame),
                P.block(x - 0.03, x + 0.03, 0, 0.05, -d / 2, -d / 2 + 0.35, frame),
            ]
        out.append(P.rod((-w / 2, h - 0.15, -d / 2 + 0.12), (w / 2, h - 0.15, -d / 2 + 0.12), 0.014, rgba("chrome")))
        for sx in (-1, 1):
            out.append(
                P.rod(
                    (sx * (w / 2 - 0.02), h - 0.15, -d / 2 + 0.12),
                    (sx * (w / 2 - 0.2), h - 0.15, -d / 2 + 0.12),
                    0.12,
                    rgba("rubber"),
                    sections=24,
                )
            )
    if p.get("leg_roller", True):
        out.append(P.rod((-0.2, 0.22, d / 2 - 0.08), (0.2, 0.22, d / 2 - 0.08), 0.06, pad))
        out.append(P.block(-0.03, 0.03, 0.05, 0.22, d / 2 - 0.11, d / 2 - 0.05, frame))
    return out


@generator("dumbbell_rack")
def dumbbell_rack(w: float, h: float, d: float, p: dict) -> list:
    frame, bell, handle = rgba(p.get("frame", "black")), rgba(p.get("bells", "charcoal")), rgba("chrome")
    tiers = int(p.get("tiers", 2))
    out = []
    for sx in (-1, 1):
        x = sx * (w / 2 - 0.03)
        out += [
            P.block(x - 0.03, x + 0.03, 0, h, -d * 0.25, -d * 0.25 + 0.05, frame),
            P.block(x - 0.03, x + 0.03, 0, 0.04, -d / 2, d / 2, frame),
        ]
    for t in range(tiers):
        y = h * (t + 1) / tiers - 0.14
        z = d * 0.15 - t * d * 0.25
        out.append(P.block(-w / 2, w / 2, y - 0.03, y, z - 0.09, z + 0.09, frame))
        n = max(2, int((w - 0.1) / 0.2))
        for i in range(n):
            x = -w / 2 + 0.1 + (w - 0.2) * i / max(n - 1, 1)
            r = 0.04 + 0.012 * (i % 3) + 0.01 * t
            out += [
                P.rod((x, y + r, z - 0.12), (x, y + r, z + 0.12), 0.014, handle, sections=10),
                P.rod((x, y + r, z - 0.13), (x, y + r, z - 0.07), r, bell, sections=6 if p.get("hex", True) else 16),
                P.rod((x, y + r, z + 0.07), (x, y + r, z + 0.13), r, bell, sections=6 if p.get("hex", True) else 16),
            ]
    return out
