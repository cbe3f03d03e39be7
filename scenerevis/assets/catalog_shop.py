"""catalog_shop.py: the "shop" pack of built-in catalog categories (see :mod:`scenerevis.assets.catalog_content`):
shop, salon, clinic, workshop and meeting-room pieces: room divider, treatment table, display case, clothing
rack, mannequin, salon chair, lectern, utility cart and pegboard.

Sizes ``[w, h, d]`` are metres with the front facing +Z, inside the designer's ranges of
``scenerevis/data/rooms.json``; descriptions are our own words. Generators:
:mod:`scenerevis.assets.generators.shop` and ``shop_fixtures``.
"""

from __future__ import annotations

from scenerevis.assets.catalog_spec import CategorySpec, VariantSpec, _c, _v

CATEGORIES: tuple[CategorySpec, ...] = (
    _c(
        "room_divider",
        "folding room divider",
        ["folding screen", "privacy screen", "room divider", "shoji screen", "folding partition with hinged panels"],
        ["bedroom", "living", "office", "clinic"],
        "room_divider",
    ),
    _c(
        "treatment_table",
        "treatment table",
        ["massage table", "examination table", "exam couch", "physio table", "tattoo bed"],
        ["clinic", "spa", "salon"],
        "treatment_table",
    ),
    _c(
        "display_case",
        "glass display case",
        ["display cabinet", "vitrine", "showcase", "glass counter", "jewelry case", "bakery display"],
        ["shop", "cafe", "living"],
        "display_case",
    ),
    _c(
        "clothing_rack",
        "clothing rack",
        ["garment rack", "clothes rail", "rolling rack", "dress rack with clothes on hangers"],
        ["shop", "bedroom", "studio"],
        "clothing_rack",
    ),
    _c(
        "mannequin",
        "mannequin",
        ["dress form", "tailor's dummy", "dress dummy", "display torso on a stand"],
        ["shop", "studio"],
        "mannequin",
    ),
    _c(
        "salon_chair",
        "salon styling chair",
        ["barber chair", "salon chair", "hydraulic styling chair", "hairdresser chair", "pedicure chair"],
        ["salon"],
        "salon_chair",
    ),
    _c(
        "lectern",
        "lectern",
        ["podium", "speaker's stand", "pulpit", "stand with a sloped reading top"],
        ["office", "meeting"],
        "lectern",
    ),
    _c(
        "utility_cart",
        "utility cart",
        ["rolling cart", "drawer cart", "instrument cart", "service trolley", "tool cart", "rolling tool chest"],
        ["studio", "clinic", "salon", "office"],
        "utility_cart",
    ),
    _c(
        "pegboard",
        "pegboard",
        ["peg board", "tool wall", "tool board", "perforated wall panel with hooks for hanging tools"],
        ["studio", "office"],
        "pegboard",
    ),
)

VARIANTS: dict[str, tuple[VariantSpec, ...]] = {
    "room_divider": (
        _v(
            (1.8, 1.75, 0.35),
            {"style": "shoji", "frame": "light oak", "panel": "off white", "panels": 4},
            "four-panel shoji screen: a light oak lattice over off-white rice paper",
            "japanese",
            "natural wood, off white",
            "oak wood, rice paper",
        ),
        _v(
            (1.5, 1.7, 0.45),
            {"style": "fabric", "frame": "steel", "fabric": "pastel blue", "panels": 3},
            "three-panel folding privacy screen with light blue fabric on a steel frame",
            "clinical",
            "light blue, silver",
            "fabric, steel",
        ),
        _v(
            (1.4, 1.65, 0.3),
            {"style": "louvered", "frame": "walnut", "panel": "walnut", "panels": 4},
            "walnut louvered room divider with four hinged panels",
            "traditional",
            "walnut brown",
            "walnut wood",
        ),
    ),
    "treatment_table": (
        _v(
            (1.9, 0.72, 0.7),
            {"base": "legs", "upholstery": "cream", "frame": "oak", "face_hole": True, "towels": "white"},
            "wooden massage table with a cream padded top, a face cradle and a towel shelf",
            "spa",
            "cream, natural oak",
            "PU leather, oak wood",
        ),
        _v(
            (1.85, 0.95, 0.7),
            {"base": "cabinet", "upholstery": "pastel blue", "body": "white", "backrest": True, "paper": True},
            "medical examination couch: light blue padding with a raised backrest and a paper roll on a white cabinet base with drawers",
            "clinical",
            "light blue, white",
            "vinyl, laminate",
        ),
        _v(
            (2.0, 0.65, 0.75),
            {"base": "column", "upholstery": "black leather", "frame": "steel", "face_hole": True},
            "black physio treatment bed with a face hole on a steel lift column, also used as a tattoo bed",
            "modern",
            "black, silver",
            "vinyl, steel",
        ),
    ),
    "display_case": (
        _v(
            (1.2, 1.1, 0.65),
            {"body": "white", "panel": "pastel pink", "trim": "chrome", "items": "cakes", "shelves": 1},
            "white bakery display counter with a glass case of cakes on two tiers",
            "patisserie",
            "white, pink",
            "glass, laminate, chrome",
        ),
        _v(
            (1.4, 0.95, 0.5),
            {"body": "walnut", "backdrop": "black", "trim": "brass", "items": "jewelry", "shelves": 1},
            "walnut jewelry display counter: a glass case with brass trim, necklaces, rings and watches on black velvet",
            "luxury",
            "walnut brown, black, gold",
            "glass, walnut wood, brass",
        ),
        _v(
            (0.6, 1.75, 0.45),
            {"body": "black", "trim": "matte black metal", "backdrop": "mirror", "items": "vases", "shelves": 3},
            "tall glass vitrine tower in a black frame, four glass shelves of vases and trophies lit from the top",
            "modern",
            "black",
            "glass, metal",
        ),
    ),
    "clothing_rack": (
        _v(
            (1.2, 1.6, 0.5),
            {"style": "rolling", "frame": "chrome", "count": 6},
            "chrome rolling garment rack on castors with shirts, dresses and coats on hangers",
            "retail",
            "silver, mixed colours",
            "chrome steel",
        ),
        _v(
            (0.95, 1.75, 0.45),
            {
                "style": "pipe",
                "frame": "matte black metal",
                "shelf": "oak",
                "count": 5,
                "garments": ("beige fabric", "terracotta", "sage", "cream", "brown"),
            },
            "black industrial pipe clothing rail with an oak shoe shelf and earth-toned clothes",
            "industrial",
            "black, natural oak",
            "steel pipe, oak wood",
        ),
        _v(
            (1.5, 1.55, 0.55),
            {
                "style": "wood",
                "frame": "light oak",
                "count": 8,
                "garments": ("pastel pink", "white linen", "blush", "sage", "pastel blue", "cream fabric"),
            },
            "light oak A-frame clothes rail with a slatted shelf, hung with pastel clothes",
            "scandinavian",
            "natural wood, pastel",
            "oak wood",
        ),
    ),
    "mannequin": (
        _v(
            (0.45, 1.65, 0.33),
            {"body": "beige fabric", "stand": "walnut", "base": "tripod"},
            "beige linen dress form on a walnut tripod stand",
            "vintage",
            "beige, walnut brown",
            "linen, walnut wood",
        ),
        _v(
            (0.42, 1.75, 0.38),
            {"body": "black", "stand": "chrome", "base": "disc"},
            "black jersey dress form on a chrome pole and round base",
            "boutique",
            "black, silver",
            "jersey fabric, chrome",
        ),
        _v(
            (0.5, 1.85, 0.32),
            {"style": "full", "body": "white", "stand": "glass"},
            "white full-body store mannequin with arms and legs on a glass base",
            "retail",
            "white",
            "fibreglass, glass",
        ),
    ),
    "salon_chair": (
        _v(
            (0.68, 1.15, 0.85),
            {"style": "barber", "upholstery": "red", "base": "chrome"},
            "classic barber chair in red leather with a headrest, chrome footplate and hydraulic pedestal",
            "vintage",
            "red, silver",
            "leather, chrome",
        ),
        _v(
            (0.6, 0.95, 0.7),
            {"style": "styling", "upholstery": "black leather", "base": "chrome"},
            "black hairdresser's styling chair with chrome arms on a hydraulic round base with a foot bar",
            "modern",
            "black, silver",
            "faux leather, chrome",
        ),
        _v(
            (0.75, 1.15, 1.15),
            {"style": "pedicure", "upholstery": "cream", "base": "white"},
            "white pedicure spa chair with cream cushions and a foot basin",
            "spa",
            "white, cream",
            "leather, ceramic",
        ),
    ),
    "lectern": (
        _v(
            (0.6, 1.15, 0.5),
            {"style": "box", "body": "walnut", "trim": "brass", "mic": True},
            "walnut lectern with a sloped reading top, a brass emblem and a microphone",
            "classic",
            "walnut brown, gold",
            "walnut wood, brass",
        ),
        _v(
            (0.55, 1.05, 0.42),
            {"style": "column", "body": "white", "stand": "matte black metal"},
            "modern speaker's stand: a white sloped top on a black steel column",
            "modern",
            "white, black",
            "laminate, steel",
        ),
        _v(
            (0.8, 1.25, 0.6),
            {"style": "pulpit", "body": "oak", "trim": "light oak", "plinth": "dark walnut"},
            "oak pulpit with raised panels, a cornice and a sloped book rest",
            "traditional",
            "natural oak",
            "oak wood",
        ),
    ),
    "utility_cart": (
        _v(
            (0.45, 0.78, 0.36),
            {"style": "tiers", "frame": "white", "tiers": 3},
            "white three-tier rolling utility cart with jars, bottles and rolled towels",
            "modern",
            "white",
            "powder-coated steel",
        ),
        _v(
            (0.65, 0.95, 0.45),
            {"style": "instrument", "frame": "steel", "tray": "steel"},
            "stainless steel instrument cart with two trays and a push handle",
            "clinical",
            "silver",
            "stainless steel",
        ),
        _v(
            (0.7, 1.02, 0.46),
            {"style": "drawers", "body": "red", "drawers": 5},
            "red rolling tool chest with five drawers, a rubber top and a side handle",
            "industrial",
            "red, black",
            "steel",
        ),
    ),
    "pegboard": (
        _v(
            (1.2, 0.8, 0.06),
            {"surface": "white", "trim": "white", "holes": "charcoal", "tools": "workshop"},
            "white pegboard with hooks holding a hammer, screwdrivers, spanners, pliers and a saw",
            "utilitarian",
            "white",
            "hardboard, steel",
        ),
        _v(
            (0.9, 0.6, 0.05),
            {"surface": "pine", "trim": "pine", "holes": "espresso", "tools": "craft"},
            "natural wood craft pegboard with scissors, rulers, thread spools and tape",
            "scandinavian",
            "natural wood",
            "plywood",
        ),
        _v(
            (1.6, 0.9, 0.15),
            {"surface": "grey", "trim": "charcoal", "holes": "black", "tools": "workshop", "shelf": True, "pitch": 0.06},
            "grey metal tool wall pegboard with a shelf, parts bins and hanging tools",
            "industrial",
            "grey",
            "steel",
        ),
    ),
}
