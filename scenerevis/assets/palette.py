"""palette.py: named finish colours (RGB 0-255) that catalog variants refer to, with their words for descriptions.

A finish has the colour a renderer shows and whether it is metallic (for the GLB's PBR material).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Finish:
    """One surface finish.

    Attributes
    ----------
    rgb : (3,) int
        Base colour, sRGB 0-255.
    metallic : bool
        True for metals (chrome, brass, steel), False otherwise.
    """

    rgb: tuple[int, int, int]
    metallic: bool = False

    @property
    def rgba(self) -> tuple[int, int, int, int]:
        return (*self.rgb, 255)


FINISHES: dict[str, Finish] = {
    # hobby pack
    "purple": Finish((110, 70, 150)),
    "clay": Finish((170, 140, 115)),
    # woods
    "walnut": Finish((96, 62, 40)),
    "dark walnut": Finish((70, 45, 30)),
    "oak": Finish((184, 146, 98)),
    "light oak": Finish((214, 184, 140)),
    "pine": Finish((222, 190, 135)),
    "cherry": Finish((140, 70, 45)),
    "mahogany": Finish((105, 45, 35)),
    "ash": Finish((225, 210, 185)),
    "birch": Finish((230, 212, 178)),
    "beech": Finish((215, 180, 140)),
    "bamboo": Finish((205, 180, 120)),
    "espresso": Finish((55, 38, 30)),
    "rosewood": Finish((92, 40, 30)),
    "acacia": Finish((150, 100, 62)),
    "ebony": Finish((42, 32, 28)),
    "elm": Finish((168, 122, 80)),
    "plywood": Finish((220, 195, 150)),
    # paints and laminates
    "white": Finish((236, 234, 228)),
    "off white": Finish((228, 222, 208)),
    "black": Finish((35, 35, 37)),
    "grey": Finish((140, 142, 146)),
    "light grey": Finish((190, 192, 195)),
    "charcoal": Finish((65, 66, 70)),
    "navy": Finish((38, 52, 92)),
    "sage": Finish((150, 170, 140)),
    "pastel blue": Finish((160, 195, 225)),
    "pastel pink": Finish((235, 185, 195)),
    "yellow": Finish((235, 195, 70)),
    "red": Finish((190, 50, 45)),
    # fabrics and leathers
    "grey fabric": Finish((128, 130, 135)),
    "beige fabric": Finish((205, 190, 165)),
    "cream fabric": Finish((232, 224, 205)),
    "navy fabric": Finish((45, 60, 100)),
    "teal velvet": Finish((30, 115, 118)),
    "green velvet": Finish((50, 100, 70)),
    "mustard velvet": Finish((200, 155, 45)),
    "terracotta": Finish((185, 95, 65)),
    "blush": Finish((220, 170, 165)),
    "brown leather": Finish((115, 68, 40)),
    "cognac leather": Finish((160, 90, 45)),
    "black leather": Finish((30, 28, 28)),
    "white linen": Finish((240, 238, 232)),
    "bedding blue": Finish((150, 175, 205)),
    "mesh black": Finish((45, 45, 48)),
    # metals, glass, stone, misc
    "chrome": Finish((205, 208, 212), True),
    "steel": Finish((150, 155, 160), True),
    "brass": Finish((195, 160, 80), True),
    "matte black metal": Finish((40, 40, 42), True),
    "glass": Finish((175, 205, 215)),
    "mirror": Finish((200, 215, 225), True),
    "marble": Finish((232, 230, 225)),
    "granite": Finish((80, 78, 76)),
    "concrete": Finish((150, 148, 142)),
    "slate": Finish((78, 84, 92)),
    "copper": Finish((184, 115, 70), True),
    "linen": Finish((226, 218, 200)),
    "iron": Finish((62, 62, 64), True),
    "maple": Finish((222, 190, 140)),
    "driftwood": Finish((160, 150, 135)),
    "plastic": Finish((235, 235, 232)),
    "lacquer": Finish((25, 22, 22)),
    "laminate": Finish((225, 222, 215)),
    "velvet": Finish((120, 40, 70)),
    "terrazzo": Finish((215, 210, 200)),
    "acrylic": Finish((225, 235, 240)),
    "enamel": Finish((240, 240, 236)),
    "aluminium": Finish((190, 192, 196), True),
    "cedar": Finish((170, 100, 65)),
    "ceramic": Finish((246, 246, 243)),
    "screen": Finish((18, 18, 22)),
    "rubber": Finish((30, 30, 30)),
    "felt green": Finish((25, 110, 60)),
    "felt blue": Finish((30, 80, 140)),
    "leaf green": Finish((62, 120, 52)),
    "dark leaf": Finish((40, 90, 40)),
    "terracotta pot": Finish((175, 95, 60)),
    "lamp shade": Finish((245, 235, 210)),
    "wool red": Finish((160, 60, 55)),
    "wool blue": Finish((70, 95, 140)),
    "jute": Finish((190, 165, 120)),
    "wool grey": Finish((160, 158, 152)),
    "orange": Finish((225, 120, 40)),
    "wicker": Finish((185, 150, 95)),
    "green": Finish((70, 140, 80)),
    # words prompts use for finishes no variant had (refinished assets, scenerevis.assets.refinish)
    "teak": Finish((150, 100, 55)),
    "rattan": Finish((190, 155, 100)),
    "pink": Finish((225, 150, 170)),
    "blue": Finish((60, 100, 170)),
    "brown": Finish((110, 75, 50)),
    "beige": Finish((210, 195, 170)),
    "cream": Finish((238, 230, 210)),
    "emerald": Finish((30, 110, 75)),
    "gold": Finish((205, 170, 80), True),
    "silver": Finish((190, 192, 196), True),
    "lead": Finish((105, 110, 116), True),
    "crystal": Finish((228, 236, 242)),
    # colour words of prompts (refinished assets)
    "rust": Finish((170, 80, 45)),
    "stone": Finish((160, 155, 145)),
    "olive": Finish((110, 110, 50)),
    "tan": Finish((190, 150, 100)),
    "taupe": Finish((150, 130, 115)),
    "ivory": Finish((240, 235, 215)),
    "turquoise": Finish((64, 190, 185)),
    "lilac": Finish((200, 162, 200)),
    "lavender": Finish((181, 160, 210)),
    "mauve": Finish((190, 140, 170)),
    "maroon": Finish((110, 30, 40)),
    "crimson": Finish((170, 25, 45)),
    "scarlet": Finish((200, 35, 30)),
    "coral": Finish((240, 120, 100)),
    "peach": Finish((245, 190, 150)),
    "mint": Finish((160, 220, 190)),
    "lime": Finish((150, 200, 60)),
    "ochre": Finish((200, 140, 40)),
    "khaki": Finish((190, 175, 125)),
    "plum": Finish((120, 60, 100)),
    "magenta": Finish((200, 40, 140)),
    "violet": Finish((130, 80, 180)),
    "indigo": Finish((70, 60, 140)),
    "cobalt": Finish((40, 70, 170)),
    "amber": Finish((230, 160, 40)),
    "sand": Finish((215, 195, 160)),
    "chocolate": Finish((90, 55, 35)),
    "caramel": Finish((180, 120, 60)),
    "graphite": Finish((60, 62, 66)),
    "bronze": Finish((140, 100, 55), True),
    "pewter": Finish((140, 140, 135), True),
    # home pack
    "water": Finish((70, 150, 200)),
    "gravel": Finish((170, 150, 120)),
    "smoked glass": Finish((60, 70, 80)),
    "champagne": Finish((205, 190, 160), True),
    "cork": Finish((190, 145, 95)),
    "cardboard": Finish((185, 145, 100)),
    "brick": Finish((160, 72, 52)),
    "chalkboard": Finish((45, 75, 60)),
    "bottle green": Finish((30, 70, 40)),
    "flame": Finish((250, 150, 40)),
    "popcorn": Finish((250, 235, 170)),
}


def rgba(name: str) -> tuple[int, int, int, int]:
    """RGBA of finish ``name``; an unknown name raises KeyError listing a few known ones."""
    try:
        return FINISHES[name].rgba
    except KeyError:
        raise KeyError(f"unknown finish {name!r}; known include {sorted(FINISHES)[:10]} ...") from None


def finish_for_rgba(color) -> Finish | None:
    """The finish whose colour equals ``color`` (first 3 channels), or None."""
    rgb = tuple(int(c) for c in list(color)[:3])
    for fin in FINISHES.values():
        if fin.rgb == rgb:
            return fin
    return None


#: Palette names that are plain colours (not woods, metals, stones or fabrics): "green" of "green leather".
COLOURS = frozenset(
    {"white", "black", "grey", "light grey", "off white", "beige", "cream", "brown", "red", "orange", "yellow", "green"}
    | {"blue", "navy", "purple", "pink", "blush", "sage", "emerald", "charcoal", "pastel blue", "pastel pink"}
    | {"bottle green", "espresso"}
)
