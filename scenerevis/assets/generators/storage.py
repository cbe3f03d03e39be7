"""storage.py: generators for case goods: nightstands, wardrobes, dressers, cabinets, shelves, media units, chests.

All builders fill ``[-w/2, w/2] x [0, h] x [-d/2, d/2]`` (metres, Y up, front +Z).
"""

from __future__ import annotations

from scenerevis.assets import parts as P
from scenerevis.assets.generators.registry import generator
from scenerevis.assets.palette import rgba

BOOK_COLORS = [rgba(n) for n in ("red", "navy", "sage", "yellow", "off white", "charcoal", "terracotta", "teal velvet")]


def _carcass(w: float, h: float, d: float, y0: float, body, front_inset: float = 0.02) -> tuple[list, float]:
    """Closed box body from ``y0`` to ``h`` whose front face sits ``front_inset`` behind z = d/2."""
    zf = d / 2 - front_inset
    return [P.block(-w / 2, w / 2, y0, h, -d / 2, zf, body)], zf


def _base(w: float, d: float, y_top: float, p: dict, body) -> list:
    """Feet under a case: ``p['base']`` = ``legs`` (tapered), ``metal`` (thin rods), ``plinth`` or ``none``."""
    kind = p.get("base", "plinth")
    if y_top <= 0 or kind == "none":
        return []
    leg = rgba(p.get("leg", p.get("body", "walnut")))
    if kind == "plinth":
        return [P.block(-w / 2 + 0.03, w / 2 - 0.03, 0, y_top + 0.002, -d / 2 + 0.02, d / 2 - 0.06, body)]
    style = {"legs": "tapered", "metal": "metal", "round": "round"}.get(kind, "square")
    return P.legs(-w / 2, w / 2, -d / 2, d / 2 - 0.03, 0, y_top + 0.002, 0.045, leg, style=style, inset=0.02)


@generator("nightstand")
def nightstand(w: float, h: float, d: float, p: dict) -> list:
    body, front, handle = rgba(p.get("body", "oak")), rgba(p.get("front", p.get("body", "oak"))), rgba(p.get("handle", "brass"))
    y0 = 0.14 * h if p.get("base", "legs") != "plinth" else 0.04
    out, zf = _carcass(w, h, d, y0, body)
    out += _base(w, d, y0, {"base": "legs", **p}, body)
    drawers = int(p.get("drawers", 2))
    if p.get("open_shelf", False):
        out = [
            P.block(-w / 2, w / 2, y0, y0 + 0.02, -d / 2, d / 2 - 0.02, body),
            P.block(-w / 2, -w / 2 + 0.02, y0, h, -d / 2, d / 2 - 0.02, body),
            P.block(w / 2 - 0.02, w / 2, y0, h, -d / 2, d / 2 - 0.02, body),
            P.block(-w / 2, w / 2, y0, h, -d / 2, -d / 2 + 0.015, body),
            P.block(-w / 2, w / 2, y0 + (h - y0) * 0.5, h, -d / 2, zf, body),
        ] + _base(w, d, y0, {"base": "legs", **p}, body)
        out += P.drawer_fronts(
            -w / 2 + 0.01,
            w / 2 - 0.01,
            y0 + (h - y0) * 0.5,
            h - 0.02,
            zf,
            1,
            1,
            front,
            handle,
            handle=p.get("handle_style", "knob"),
        )
        return out
    out += P.drawer_fronts(
        -w / 2 + 0.01, w / 2 - 0.01, y0 + 0.01, h - 0.03, zf, drawers, 1, front, handle, handle=p.get("handle_style", "bar")
    )
    out.append(P.block(-w / 2, w / 2, h - 0.025, h, -d / 2, d / 2 - 0.005, body))
    return out


@generator("wardrobe")
def wardrobe(w: float, h: float, d: float, p: dict) -> list:
    body, front, handle = (
        rgba(p.get("body", "white")),
        rgba(p.get("front", p.get("body", "white"))),
        rgba(p.get("handle", "steel")),
    )
    y0 = 0.08 if p.get("base", "plinth") == "plinth" else 0.15
    out, zf = _carcass(w, h - 0.03, d, y0, body)
    out += _base(w, d, y0, {"base": "plinth", **p}, body)
    out.append(P.block(-w / 2, w / 2, h - 0.035, h, -d / 2, d / 2 - 0.01, body))
    doors = int(p.get("doors", 2))
    if p.get("drawers_below", False):
        out += P.drawer_fronts(-w / 2 + 0.01, w / 2 - 0.01, y0, y0 + 0.25, zf, 1, doors, front, handle)
        out += P.door_fronts(-w / 2 + 0.01, w / 2 - 0.01, y0 + 0.25, h - 0.04, zf, doors, front, handle)
    else:
        out += P.door_fronts(-w / 2 + 0.01, w / 2 - 0.01, y0, h - 0.04, zf, doors, front, handle)
    return out


@generator("dresser")
def dresser(w: float, h: float, d: float, p: dict) -> list:
    body, front, handle = (
        rgba(p.get("body", "walnut")),
        rgba(p.get("front", p.get("body", "walnut"))),
        rgba(p.get("handle", "brass")),
    )
    y0 = 0.12 if p.get("base", "legs") != "plinth" else 0.05
    out, zf = _carcass(w, h - 0.025, d, y0, body)
    out += _base(w, d, y0, {"base": "legs", **p}, body)
    out.append(P.block(-w / 2, w / 2, h - 0.03, h, -d / 2, d / 2 - 0.005, body))
    out += P.drawer_fronts(
        -w / 2 + 0.01,
        w / 2 - 0.01,
        y0 + 0.01,
        h - 0.04,
        zf,
        int(p.get("rows", 3)),
        int(p.get("cols", 2)),
        front,
        handle,
        handle=p.get("handle_style", "bar"),
    )
    return out


@generator("cabinet")
def cabinet(w: float, h: float, d: float, p: dict) -> list:
    body, front, handle = (
        rgba(p.get("body", "white")),
        rgba(p.get("front", p.get("body", "white"))),
        rgba(p.get("handle", "steel")),
    )
    y0 = 0.12 if p.get("base", "legs") != "plinth" else 0.05
    out, zf = _carcass(w, h - 0.02, d, y0, body)
    out += _base(w, d, y0, {"base": "legs", **p}, body)
    out.append(P.block(-w / 2, w / 2, h - 0.025, h, -d / 2, d / 2 - 0.005, body))
    top_drawer = bool(p.get("top_drawer", False))
    split = h - 0.2 if top_drawer else h - 0.03
    out += P.door_fronts(-w / 2 + 0.01, w / 2 - 0.01, y0 + 0.01, split, zf, int(p.get("doors", 2)), front, handle)
    if top_drawer:
        out += P.drawer_fronts(-w / 2 + 0.01, w / 2 - 0.01, split, h - 0.035, zf, 1, int(p.get("doors", 2)), front, handle)
    return out


@generator("filing_cabinet")
def filing_cabinet(w: float, h: float, d: float, p: dict) -> list:
    body, handle = rgba(p.get("body", "grey")), rgba(p.get("handle", "chrome"))
    y0 = 0.06 if p.get("casters", False) else 0.02
    out, zf = _carcass(w, h, d, y0, body, front_inset=0.015)
    if p.get("casters", False):
        out += P.legs(-w / 2, w / 2, -d / 2, d / 2 - 0.04, 0, y0 + 0.002, 0.05, rgba("rubber"), style="round", inset=0.02)
    else:
        out.append(P.block(-w / 2 + 0.02, w / 2 - 0.02, 0, y0 + 0.002, -d / 2 + 0.02, d / 2 - 0.04, body))
    rows = int(p.get("drawers", 3))
    out += P.drawer_fronts(-w / 2 + 0.008, w / 2 - 0.008, y0 + 0.005, h - 0.01, zf, rows, 1, body, handle)
    # label holders above each handle
    step = (h - y0) / rows
    for r in range(rows):
        yy = y0 + step * (r + 0.88)
        out.append(P.block(-0.04, 0.04, yy - 0.012, yy + 0.012, zf + 0.01, zf + 0.02, rgba("off white")))
    return out


@generator("bookshelf")
def bookshelf(w: float, h: float, d: float, p: dict) -> list:
    body = rgba(p.get("body", "oak"))
    t = 0.022
    out = [
        P.block(-w / 2, -w / 2 + t, 0, h, -d / 2, d / 2, body),
        P.block(w / 2 - t, w / 2, 0, h, -d / 2, d / 2, body),
        P.block(-w / 2, w / 2, h - t, h, -d / 2, d / 2, body),
        P.block(-w / 2, w / 2, 0, 0.06, -d / 2, d / 2, body),
        P.block(-w / 2, w / 2, 0, h, -d / 2, -d / 2 + 0.01, rgba(p.get("back", p.get("body", "oak")))),
    ]
    n = int(p.get("shelves", 4))
    out += P.shelves(-w / 2 + t, w / 2 - t, 0.06, h - t, -d / 2 + 0.01, d / 2 - 0.005, n, t, body)
    if p.get("divider", False):
        out.append(P.block(-t / 2, t / 2, 0.06, h - t, -d / 2, d / 2 - 0.005, body))
    step = (h - t - 0.06) / (n + 1)
    if p.get("books", True):
        for i in range(n + 1):
            y = 0.06 + step * i + (t / 2 if i else 0)
            out += P.books(
                -w / 2 + t,
                w / 2 - t,
                y,
                -d / 2 + 0.01,
                d / 2 - 0.02,
                min(step - 0.04, 0.3),
                seed=i + int(w * 100),
                palette=BOOK_COLORS,
            )
    return out


@generator("wall_shelf")
def wall_shelf(w: float, h: float, d: float, p: dict) -> list:
    body, bracket = rgba(p.get("body", "oak")), rgba(p.get("bracket", "matte black metal"))
    n = int(p.get("boards", 2))
    out = []
    t = 0.025
    for i in range(n):
        y = (h - t) * i / max(n - 1, 1)
        out.append(P.block(-w / 2, w / 2, y, y + t, -d / 2, d / 2, body))
        if p.get("brackets", True):
            for x in (-w / 2 + 0.08, w / 2 - 0.08):
                out.append(P.block(x - 0.01, x + 0.01, max(y - 0.06, 0), y, -d / 2, -d / 2 + 0.6 * d, bracket))
    if n > 1 and p.get("sides", False):
        out += [P.block(-w / 2, -w / 2 + t, 0, h, -d / 2, d / 2, body), P.block(w / 2 - t, w / 2, 0, h, -d / 2, d / 2, body)]
    if p.get("decor", True):
        out += P.books(
            -w / 2 + 0.05,
            w / 2 * 0.2,
            t,
            -d / 2,
            d / 2,
            min(0.2, h * 0.8 if n == 1 else (h - t) / max(n - 1, 1) - 0.03),
            seed=3,
            palette=BOOK_COLORS,
        )
        out.append(P.frustum(w / 2 - 0.12, 0, t, t + min(0.12, h), 0.045, 0.06, rgba("terracotta pot")))
    return out


@generator("sideboard")
def sideboard(w: float, h: float, d: float, p: dict) -> list:
    body, front, handle = (
        rgba(p.get("body", "walnut")),
        rgba(p.get("front", p.get("body", "walnut"))),
        rgba(p.get("handle", "brass")),
    )
    y0 = 0.16 if p.get("base", "legs") != "plinth" else 0.05
    out, zf = _carcass(w, h - 0.025, d, y0, body)
    out += _base(w, d, y0, {"base": "legs", **p}, body)
    out.append(P.block(-w / 2, w / 2, h - 0.03, h, -d / 2, d / 2 - 0.005, body))
    doors = int(p.get("doors", 3))
    if p.get("drawer_row", True):
        out += P.drawer_fronts(-w / 2 + 0.01, w / 2 - 0.01, h - 0.2, h - 0.035, zf, 1, doors, front, handle)
        out += P.door_fronts(-w / 2 + 0.01, w / 2 - 0.01, y0 + 0.01, h - 0.2, zf, doors, front, handle)
    else:
        out += P.door_fronts(-w / 2 + 0.01, w / 2 - 0.01, y0 + 0.01, h - 0.035, zf, doors, front, handle)
    return out


@generator("tv_stand")
def tv_stand(w: float, h: float, d: float, p: dict) -> list:
    body, front, handle = (
        rgba(p.get("body", "oak")),
        rgba(p.get("front", p.get("body", "oak"))),
        rgba(p.get("handle", "matte black metal")),
    )
    y0 = 0.12 if p.get("base", "legs") != "plinth" else 0.04
    out = _base(w, d, y0, {"base": "legs", **p}, body)
    t = 0.025
    out += [
        P.block(-w / 2, w / 2, y0, y0 + t, -d / 2, d / 2, body),
        P.block(-w / 2, w / 2, h - t, h, -d / 2, d / 2, body),
        P.block(-w / 2, -w / 2 + t, y0, h, -d / 2, d / 2, body),
        P.block(w / 2 - t, w / 2, y0, h, -d / 2, d / 2, body),
        P.block(-w / 2, w / 2, y0, h, -d / 2, -d / 2 + 0.012, body),
    ]
    # open middle cubby with devices, doors or drawers at the sides
    third = w / 3
    out += [
        P.block(-third / 2 - t / 2, -third / 2 + t / 2, y0, h, -d / 2, d / 2, body),
        P.block(third / 2 - t / 2, third / 2 + t / 2, y0, h, -d / 2, d / 2, body),
    ]
    zf = d / 2 - 0.02
    for sgn in (-1, 1):
        a, b = (-w / 2 + t, -third / 2 - t / 2) if sgn < 0 else (third / 2 + t / 2, w / 2 - t)
        out.append(P.block(a, b, y0 + t, h - t, -d / 2 + 0.012, zf, body))
        if p.get("fronts", "doors") == "drawers":
            out += P.drawer_fronts(a, b, y0 + t, h - t, zf, 2, 1, front, handle)
        else:
            out += P.door_fronts(a, b, y0 + t, h - t, zf, 1, front, handle)
    mid_h = (h - y0) / 2 + y0
    out.append(P.block(-third / 2, third / 2, mid_h - t / 2, mid_h + t / 2, -d / 2, d / 2 - 0.01, body))
    out.append(
        P.block(
            -0.15, 0.12, mid_h + t / 2, mid_h + t / 2 + 0.06, -d / 2 + 0.05, -d / 2 + 0.05 + min(0.25, d - 0.1), rgba("black")
        )
    )
    return out


@generator("toy_chest")
def toy_chest(w: float, h: float, d: float, p: dict) -> list:
    body, lid, trim = rgba(p.get("body", "pastel blue")), rgba(p.get("lid", "white")), rgba(p.get("trim", "yellow"))
    out = [
        P.block(-w / 2 + 0.01, w / 2 - 0.01, 0.03, h - 0.05, -d / 2 + 0.01, d / 2 - 0.01, body),
        P.block(-w / 2, w / 2, h - 0.05, h, -d / 2, d / 2, lid),
        P.block(-w / 2 + 0.03, w / 2 - 0.03, 0, 0.031, -d / 2 + 0.03, d / 2 - 0.03, trim),
    ]
    for x in (-w / 2 + 0.005, w / 2 - 0.035):
        out.append(P.block(x, x + 0.03, h * 0.55, h * 0.62, -0.06, 0.06, trim))
    # a star-like motif on the front: three coloured discs
    for i, c in enumerate(("red", "yellow", "green")):
        x = (i - 1) * w * 0.25
        out.append(P.rod((x, h * 0.45, d / 2 - 0.012), (x, h * 0.45, d / 2 - 0.002), min(0.08, h * 0.15), rgba(c)))
    return out


@generator("console_cabinet")
def console_cabinet(w: float, h: float, d: float, p: dict) -> list:
    body, glass = rgba(p.get("body", "black")), rgba("glass")
    y0 = 0.08
    t = 0.025
    out = _base(w, d, y0, {"base": p.get("base", "plinth"), **p}, body)
    out += [
        P.block(-w / 2, w / 2, y0, y0 + t, -d / 2, d / 2, body),
        P.block(-w / 2, w / 2, h - t, h, -d / 2, d / 2, body),
        P.block(-w / 2, -w / 2 + t, y0, h, -d / 2, d / 2, body),
        P.block(w / 2 - t, w / 2, y0, h, -d / 2, d / 2, body),
        P.block(-w / 2, w / 2, y0, h, -d / 2, -d / 2 + 0.012, body),
    ]
    n = int(p.get("shelves", 2))
    out += P.shelves(-w / 2 + t, w / 2 - t, y0 + t, h - t, -d / 2, d / 2 - 0.02, n, t, body)
    step = (h - y0 - 2 * t) / (n + 1)
    accent = rgba(p.get("accent", "white"))
    for i in range(n + 1):
        y = y0 + t + step * i + (t / 2 if i else 0)
        # a console box and a controller on each shelf
        out.append(
            P.block(
                -w / 2 + 0.06,
                -w / 2 + 0.06 + min(0.3, w * 0.35),
                y,
                y + min(0.08, step * 0.5),
                -d / 2 + 0.03,
                -d / 2 + 0.03 + min(0.28, d * 0.6),
                accent if i % 2 == 0 else rgba("black"),
            )
        )
        out.append(P.rounded_block(0.05, 0.2, y, y + 0.04, -0.05, 0.05, 0.015, rgba("charcoal") if i % 2 else accent))
    if p.get("glass_doors", True):
        out += [
            P.block(-w / 2 + t, 0, y0 + t, h - t, d / 2 - 0.02, d / 2 - 0.012, glass),
            P.block(0, w / 2 - t, y0 + t, h - t, d / 2 - 0.02, d / 2 - 0.012, glass),
        ]
    if p.get("led", True):
        out.append(
            P.block(
                -w / 2 + t, w / 2 - t, h - t - 0.012, h - t, d / 2 - 0.05, d / 2 - 0.04, rgba(p.get("led_color", "pastel blue"))
            )
        )
    return out
