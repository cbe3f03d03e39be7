"""catalog_variants.py: the variants (size, generator parameters, description words) of the original
categories: beds, bedroom storage, desks and chairs here, the rest gathered from
:mod:`catalog_variants_living` and :mod:`catalog_variants_utility` into :data:`VARIANTS`.

Sizes ``[w, h, d]`` are metres with the front facing +Z; descriptions are our own words.
"""

from __future__ import annotations

from scenerevis.assets.catalog_spec import VariantSpec, _v
from scenerevis.assets.catalog_variants_living import VARIANTS as _LIVING
from scenerevis.assets.catalog_variants_utility import VARIANTS as _UTILITY

VARIANTS: dict[str, tuple[VariantSpec, ...]] = {
    "bed_single": (
        _v(
            (0.95, 0.9, 2.05),
            {"style": "legs", "frame": "light oak", "cover": "bedding blue"},
            "single bed on light oak legs with a plain wooden headboard and a blue duvet",
            "scandinavian",
            "light oak, blue",
            "wood, cotton",
        ),
        _v(
            (1.0, 1.05, 2.05),
            {"style": "upholstered", "frame": "grey", "headboard": "grey fabric", "cover": "white linen"},
            "single bed with a padded grey fabric headboard and white bedding",
            "modern",
            "grey, white",
            "fabric",
        ),
        _v(
            (0.92, 0.85, 2.0),
            {"style": "slatted", "frame": "pine", "cover": "pastel pink", "footboard": True},
            "pine single bed with a slatted headboard and footboard, pink quilt",
            "cottage",
            "natural pine, pink",
            "pine wood",
        ),
    ),
    "bed_double": (
        _v(
            (1.4, 1.0, 2.0),
            {"style": "legs", "frame": "walnut", "cover": "sage"},
            "double bed in walnut with a panel headboard and sage green linen",
            "mid-century",
            "walnut, sage green",
            "walnut wood, linen",
        ),
        _v(
            (1.45, 1.1, 2.05),
            {"style": "upholstered", "frame": "navy", "headboard": "navy fabric", "cover": "white linen"},
            "full size double bed with a tall navy upholstered headboard",
            "contemporary",
            "navy blue, white",
            "velvet fabric",
        ),
        _v(
            (1.4, 0.8, 2.0),
            {"style": "platform", "frame": "black", "cover": "light grey"},
            "low black platform double bed, minimal frame, grey bedding",
            "minimalist",
            "black, grey",
            "lacquered wood",
        ),
        _v(
            (1.42, 0.78, 2.02),
            {"style": "platform", "frame": "white", "cover": "light grey"},
            "low white platform double bed with grey bedding",
            "minimalist",
            "white, grey",
            "lacquered wood",
        ),
    ),
    "bed_queen": (
        _v(
            (1.6, 1.05, 2.1),
            {"style": "upholstered", "frame": "beige fabric", "headboard": "beige fabric", "cover": "white linen"},
            "queen size bed with a beige upholstered headboard and crisp white bedding",
            "transitional",
            "beige, white",
            "linen fabric",
        ),
        _v(
            (1.62, 0.95, 2.12),
            {"style": "slatted", "frame": "oak", "cover": "terracotta"},
            "oak queen bed with vertical slats in the headboard and a rust coloured throw",
            "japandi",
            "oak, rust",
            "solid oak",
        ),
        _v(
            (1.65, 0.75, 2.15),
            {"style": "platform", "frame": "walnut", "cover": "teal velvet"},
            "low profile walnut platform queen bed with teal bedding",
            "modern",
            "walnut, teal",
            "walnut veneer",
        ),
        _v(
            (1.6, 1.2, 2.1),
            {"style": "upholstered", "frame": "charcoal", "headboard": "green velvet", "cover": "off white"},
            "queen bed with a green velvet channel headboard",
            "glam",
            "emerald green, cream",
            "velvet",
        ),
    ),
    "bed_king": (
        _v(
            (1.95, 1.1, 2.15),
            {"style": "upholstered", "frame": "grey fabric", "headboard": "grey fabric", "cover": "white linen"},
            "king size bed with a wide grey padded headboard",
            "modern",
            "grey, white",
            "fabric",
        ),
        _v(
            (2.0, 1.0, 2.2),
            {"style": "legs", "frame": "dark walnut", "cover": "navy", "footboard": True},
            "dark wood king bed with headboard and footboard and navy bedding",
            "traditional",
            "dark brown, navy",
            "hardwood",
        ),
        _v(
            (1.9, 0.7, 2.15),
            {"style": "platform", "frame": "ash", "cover": "sage"},
            "extra wide low ash platform king bed with sage linen",
            "japandi",
            "pale ash, sage",
            "ash wood, linen",
        ),
    ),
    "bunk_bed": (
        _v(
            (1.0, 1.65, 2.05),
            {"frame": "pine", "cover": "pastel blue", "cover2": "pastel pink"},
            "pine bunk bed with two stacked mattresses and a side ladder",
            "kids",
            "natural pine, pastel",
            "pine wood",
        ),
        _v(
            (1.0, 1.75, 2.05),
            {"frame": "white", "cover": "yellow", "cover2": "sage"},
            "white painted bunk bed with safety rail and ladder",
            "scandinavian",
            "white",
            "painted wood",
        ),
        _v(
            (0.98, 1.6, 2.0),
            {"frame": "grey", "cover": "navy", "cover2": "red"},
            "grey bunk beds for two children with navy and red bedding",
            "playful",
            "grey, navy, red",
            "painted MDF",
        ),
    ),
    "nightstand": (
        _v(
            (0.5, 0.55, 0.4),
            {"body": "oak", "drawers": 2, "handle": "brass"},
            "oak bedside table with two drawers and brass pulls on tapered legs",
            "mid-century",
            "oak, brass",
            "oak wood",
        ),
        _v(
            (0.45, 0.5, 0.38),
            {"body": "white", "drawers": 1, "handle_style": "knob", "open_shelf": True, "handle": "light oak"},
            "white nightstand with a drawer above an open shelf",
            "scandinavian",
            "white",
            "painted wood",
        ),
        _v(
            (0.55, 0.6, 0.42),
            {"body": "black", "drawers": 3, "base": "plinth", "handle": "brass"},
            "black three drawer night table on a plinth",
            "modern",
            "black, gold",
            "lacquer",
        ),
    ),
    "wardrobe": (
        _v(
            (1.2, 2.0, 0.6),
            {"body": "white", "doors": 2},
            "white two door wardrobe with steel bar handles",
            "modern",
            "white",
            "laminate",
        ),
        _v(
            (1.8, 2.2, 0.62),
            {"body": "oak", "doors": 3, "drawers_below": True},
            "large oak three door armoire with drawers underneath",
            "traditional",
            "oak",
            "oak veneer",
        ),
        _v(
            (1.0, 1.9, 0.55),
            {"body": "walnut", "doors": 2, "base": "legs", "handle": "brass"},
            "walnut closet cabinet on legs with two doors",
            "mid-century",
            "walnut, brass",
            "walnut",
        ),
    ),
    "dresser": (
        _v(
            (1.2, 0.8, 0.5),
            {"body": "walnut", "rows": 3, "cols": 2},
            "walnut chest of six drawers on short legs",
            "mid-century",
            "walnut, brass",
            "walnut wood",
        ),
        _v(
            (0.8, 1.1, 0.45),
            {"body": "white", "rows": 5, "cols": 1, "base": "plinth", "handle_style": "knob", "handle": "light oak"},
            "tall white five drawer chest with round knobs",
            "scandinavian",
            "white",
            "painted wood",
        ),
        _v(
            (1.6, 0.78, 0.5),
            {"body": "grey", "rows": 2, "cols": 4, "handle": "matte black metal"},
            "wide grey dresser with eight drawers and black handles",
            "contemporary",
            "grey, black",
            "MDF",
        ),
    ),
    "desk": (
        _v(
            (1.3, 0.75, 0.65),
            {"top": "oak", "leg": "matte black metal", "leg_style": "metal"},
            "oak writing desk on thin black metal legs",
            "industrial",
            "oak, black",
            "wood, steel",
        ),
        _v(
            (1.4, 0.76, 0.7),
            {"top": "white", "leg": "white", "pedestal": True, "leg_style": "square", "modesty": False},
            "white computer desk with a three drawer pedestal",
            "modern",
            "white",
            "laminate",
        ),
        _v(
            (1.6, 1.1, 0.75),
            {"top": "walnut", "leg": "charcoal", "leg_style": "panel"},
            "tall standing desk in walnut with charcoal side panels",
            "contemporary",
            "walnut, charcoal",
            "wood, steel",
        ),
    ),
    "office_chair": (
        _v(
            (0.65, 1.1, 0.65),
            {"seat": "mesh black"},
            "black mesh office chair with armrests on a five star base",
            "ergonomic",
            "black",
            "mesh, nylon",
        ),
        _v(
            (0.7, 1.3, 0.7),
            {"seat": "black leather", "headrest": True, "chrome": True},
            "high back executive swivel chair in black leather with a headrest",
            "executive",
            "black, chrome",
            "leather",
        ),
        _v(
            (0.58, 0.95, 0.6),
            {"seat": "grey fabric", "arms": False, "base": "grey"},
            "armless grey fabric task chair on casters",
            "simple",
            "grey",
            "fabric",
        ),
    ),
    "dining_chair": (
        _v(
            (0.48, 0.9, 0.52),
            {"frame": "oak", "back": "slats"},
            "oak dining chair with a spindle back",
            "farmhouse",
            "oak",
            "solid wood",
        ),
        _v(
            (0.5, 0.95, 0.56),
            {"frame": "walnut", "seat": "beige fabric", "upholstered": True, "leg_style": "tapered"},
            "upholstered dining chair with a beige seat and walnut legs",
            "modern",
            "beige, walnut",
            "fabric, wood",
        ),
        _v(
            (0.45, 0.85, 0.5),
            {"frame": "black", "back": "ladder", "leg_style": "round"},
            "black ladder back chair for the kitchen table",
            "rustic",
            "black",
            "painted wood",
        ),
    ),
}
VARIANTS.update(_LIVING)
VARIANTS.update(_UTILITY)
