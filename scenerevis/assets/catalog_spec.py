"""catalog_spec.py: the built-in catalog's content: categories (names, synonyms, rooms) and their variants.

Sizes are ``[w, h, d]`` in metres (x width, y height, z depth, front facing +Z), within the ranges of
``ROOMS.md``. Each variant names a generator parameter set (finishes and style switches) and a short
description in our own words, plus style / colour / material words used for retrieval.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class CategorySpec:
    """One furniture category.

    Attributes
    ----------
    name : str
        Stable id part, e.g. ``"bed_queen"``.
    label : str
        Human name, e.g. ``"queen bed"``.
    synonyms : tuple of str
        Other words people use for it; they enter the asset's embedded text.
    rooms : tuple of str
        Room types it is typical for.
    generator : str
        Name of the procedural generator (``scenerevis.assets.generators``).
    """

    name: str
    label: str
    synonyms: tuple[str, ...]
    rooms: tuple[str, ...]
    generator: str


@dataclass(frozen=True)
class VariantSpec:
    """One asset of a category: size (m), generator parameters and words."""

    size: tuple[float, float, float]
    params: dict = field(default_factory=dict)
    description: str = ""
    style: str = ""
    color: str = ""
    material: str = ""


def _c(name, label, synonyms, rooms, gen):
    return CategorySpec(name, label, tuple(synonyms), tuple(rooms), gen)


def _v(size, params, description, style, color, material):
    return VariantSpec(tuple(float(s) for s in size), dict(params), description, style, color, material)


CATEGORIES: tuple[CategorySpec, ...] = (
    _c("bed_single", "single bed", ["twin bed", "narrow bed for one person", "kid's bed"], ["bedroom", "kids"], "bed"),
    _c("bed_double", "double bed", ["full size bed", "full bed", "bed for two"], ["bedroom"], "bed"),
    _c("bed_queen", "queen bed", ["queen size bed", "queen-size bed"], ["bedroom"], "bed"),
    _c("bed_king", "king bed", ["king size bed", "extra wide king-size bed"], ["bedroom"], "bed"),
    _c("bunk_bed", "bunk bed", ["two stacked beds with a ladder", "loft bed"], ["kids", "bedroom"], "bunk_bed"),
    _c("nightstand", "nightstand", ["bedside table", "night table", "bedside cabinet"], ["bedroom"], "nightstand"),
    _c("wardrobe", "wardrobe", ["closet", "armoire", "tall clothes cabinet with doors"], ["bedroom", "kids"], "wardrobe"),
    _c("dresser", "dresser", ["chest of drawers", "bureau", "drawer chest"], ["bedroom", "kids"], "dresser"),
    _c(
        "desk",
        "desk",
        ["writing desk", "work table", "computer desk", "study table"],
        ["study", "office", "bedroom", "kids"],
        "desk",
    ),
    _c(
        "office_chair",
        "office chair",
        ["desk chair", "swivel chair on casters", "task chair", "computer chair"],
        ["study", "office"],
        "office_chair",
    ),
    _c("dining_chair", "dining chair", ["side chair", "kitchen chair", "wooden chair"], ["dining", "kitchen"], "dining_chair"),
    _c(
        "armchair",
        "armchair",
        ["lounge chair", "accent chair", "club chair", "easy chair"],
        ["living", "bedroom", "study"],
        "armchair",
    ),
    _c(
        "sofa_2seat", "two-seat sofa", ["loveseat", "2-seater couch", "small sofa", "settee"], ["living", "entertainment"], "sofa"
    ),
    _c("sofa_3seat", "three-seat sofa", ["3-seater couch", "sofa", "couch"], ["living", "entertainment"], "sofa"),
    _c(
        "sectional_sofa",
        "L-shaped sectional sofa",
        ["corner sofa", "sectional couch with chaise", "L sofa"],
        ["living", "entertainment"],
        "sectional",
    ),
    _c("coffee_table", "coffee table", ["cocktail table", "low centre table in front of a sofa"], ["living"], "coffee_table"),
    _c("side_table", "side table", ["end table", "accent table", "small occasional table"], ["living", "bedroom"], "side_table"),
    _c(
        "tv_stand",
        "TV stand",
        ["media console", "TV cabinet", "entertainment unit", "low media unit"],
        ["living", "entertainment"],
        "tv_stand",
    ),
    _c("tv", "television", ["TV", "flat screen TV", "smart TV", "monitor screen"], ["living", "entertainment", "bedroom"], "tv"),
    _c(
        "bookshelf",
        "bookshelf",
        ["bookcase", "shelving unit", "book shelves"],
        ["study", "office", "living", "kids"],
        "bookshelf",
    ),
    _c("floor_lamp", "floor lamp", ["standing lamp", "tall lamp", "standard lamp"], ["living", "bedroom", "study"], "floor_lamp"),
    _c("table_lamp", "table lamp", ["desk lamp", "bedside lamp", "small lamp"], ["bedroom", "living", "study"], "table_lamp"),
    _c(
        "ceiling_lamp",
        "ceiling lamp",
        ["pendant light", "hanging lamp", "chandelier", "ceiling light"],
        ["dining", "living", "kitchen"],
        "ceiling_lamp",
    ),
    _c(
        "dining_table",
        "rectangular dining table",
        ["dining table", "kitchen table", "long table"],
        ["dining", "kitchen"],
        "dining_table",
    ),
    _c(
        "round_dining_table",
        "round dining table",
        ["circular table", "round table", "pedestal table"],
        ["dining", "kitchen"],
        "round_table",
    ),
    _c("sideboard", "sideboard", ["buffet", "credenza", "dining cabinet"], ["dining", "living"], "sideboard"),
    _c("rug", "rug", ["carpet", "area rug", "floor mat"], ["living", "bedroom", "dining", "kids"], "rug"),
    _c(
        "plant",
        "potted plant",
        ["houseplant", "indoor plant", "plant in a pot", "fern", "ficus"],
        ["living", "study", "dining"],
        "plant",
    ),
    _c(
        "cabinet",
        "cabinet",
        ["storage cabinet", "cupboard", "storage cupboard"],
        ["study", "office", "living", "dining"],
        "cabinet",
    ),
    _c(
        "filing_cabinet",
        "filing cabinet",
        ["file cabinet", "file drawers", "office drawer unit"],
        ["office", "study"],
        "filing_cabinet",
    ),
    _c("bench", "bench", ["bed end bench", "entryway bench", "long seat"], ["bedroom", "dining", "gym"], "bench"),
    _c("stool", "stool", ["low stool", "footstool", "small seat without a back"], ["kitchen", "living", "kids"], "stool"),
    _c("bar_stool", "bar stool", ["counter stool", "tall stool", "high chair for a bar"], ["kitchen", "entertainment"], "stool"),
    _c("ottoman", "ottoman", ["pouf", "footrest", "upholstered footstool"], ["living", "bedroom"], "ottoman"),
    _c("beanbag", "bean bag chair", ["beanbag", "floor cushion seat"], ["kids", "entertainment"], "beanbag"),
    _c("toy_chest", "toy chest", ["toy box", "toy storage chest"], ["kids"], "toy_chest"),
    _c("treadmill", "treadmill", ["running machine", "walking machine"], ["gym"], "treadmill"),
    _c("exercise_bike", "exercise bike", ["stationary bike", "spin bike", "indoor cycle"], ["gym"], "exercise_bike"),
    _c("rowing_machine", "rowing machine", ["rower", "indoor rower", "erg"], ["gym"], "rowing_machine"),
    _c("weight_bench", "weight bench", ["workout bench", "lifting bench", "press bench"], ["gym"], "weight_bench"),
    _c("dumbbell_rack", "dumbbell rack", ["rack of dumbbells", "free weights stand", "weight rack"], ["gym"], "dumbbell_rack"),
    _c("piano", "upright piano", ["piano", "keyboard instrument"], ["living", "entertainment"], "piano"),
    _c("pool_table", "pool table", ["billiard table", "snooker table"], ["entertainment"], "pool_table"),
    _c("ping_pong_table", "ping pong table", ["table tennis table"], ["entertainment", "gym"], "ping_pong_table"),
    _c(
        "game_console_cabinet",
        "game console cabinet",
        ["gaming cabinet", "video game console storage", "games console unit"],
        ["entertainment", "living", "kids"],
        "console_cabinet",
    ),
    _c("bar_counter", "bar counter", ["home bar", "drinks bar", "bar top"], ["entertainment", "kitchen"], "bar_counter"),
    _c(
        "kitchen_counter",
        "kitchen counter",
        ["kitchen cabinets with worktop", "countertop run", "base units with sink"],
        ["kitchen"],
        "kitchen_counter",
    ),
    _c("kitchen_island", "kitchen island", ["island counter", "island with breakfast bar"], ["kitchen"], "kitchen_island"),
    _c("fridge", "refrigerator", ["fridge", "fridge freezer"], ["kitchen"], "fridge"),
    _c("stove", "stove", ["cooking range", "oven with hob", "cooker"], ["kitchen"], "stove"),
    _c("toilet", "toilet", ["WC", "lavatory", "water closet"], ["bathroom"], "toilet"),
    _c("bathtub", "bathtub", ["bath tub", "bath", "tub for bathing"], ["bathroom"], "bathtub"),
    _c("sink", "bathroom sink", ["washbasin", "vanity with basin", "lavatory basin", "wash stand"], ["bathroom"], "sink"),
    _c("shower", "shower", ["shower enclosure", "shower cabin", "walk-in shower"], ["bathroom"], "shower"),
    _c("mirror", "mirror", ["wall mirror", "looking glass", "full-length mirror"], ["bathroom", "bedroom", "gym"], "mirror"),
    _c(
        "wall_shelf",
        "wall shelf",
        ["floating shelf", "wall-mounted shelves", "hanging shelf"],
        ["living", "study", "kids", "bathroom"],
        "wall_shelf",
    ),
    _c(
        "generic_object",
        "placeholder object",
        ["unknown object", "generic item", "stand-in crate"],
        ["living", "bedroom", "study", "kitchen", "bathroom", "dining", "gym", "kids", "entertainment"],
        "placeholder",
    ),
)
