"""refinish.py: built-in assets in a finish their catalog variants lack ("a walnut chess table" when every
round table is oak, marble or white).

A refinished asset is the variant's generator run with its main surface (a sofa's fabric, a table's top,
a bed's frame, a placeholder's core; else the first parameter naming a palette finish) in the requested
finish: a palette name, or a word meaning one (``ALIASES``: "wooden" is oak, "metal" steel). Its id is ``<asset id>~<finish>`` (spaces as underscores, e.g. ``round_dining_table-02~walnut``),
so a scene names it like any catalog asset and its mesh and GLB are built and cached on demand.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING

from scenerevis.assets.palette import COLOURS, FINISHES

if TYPE_CHECKING:
    from scenerevis.assets.catalog import Asset
    from scenerevis.assets.index import Match

#: Palette names that are parts of objects, not finishes a prompt asks for.
NOT_ASKED = frozenset(
    {"screen", "mirror", "water", "flame", "popcorn", "lamp shade", "bedding blue", "mesh black", "terracotta pot"}
    | {"dark leaf", "leaf green", "gravel", "chalkboard", "felt green", "felt blue", "champagne", "clay"}
)
SEP = "~"
#: Words of prompts that mean a palette finish of another name.
ALIASES = {
    "wooden": "oak",
    "wood": "oak",
    "metal": "steel",
    "metallic": "steel",
    "stainless steel": "steel",
    "stainless": "steel",
    "stainless-steel": "steel",
    "timber": "oak",
    "aqua": "turquoise",
    "cyan": "turquoise",
    "salmon": "coral",
    "burgundy": "maroon",
    "wine": "maroon",
    "anthracite": "graphite",
    "cognac": "cognac leather",
    "wool": "wool grey",
    "vinyl": "plastic",
    "bentwood": "beech",
    "gray": "grey",
    "golden": "gold",
    "leather": "brown leather",
    "mustard": "mustard velvet",
    "teal": "teal velvet",
    "gilt": "gold",
    "gilded": "gold",
    "cast-iron": "iron",
    "wrought-iron": "iron",
    "hinoki": "pine",
    "cypress": "pine",
    "canvas": "cream fabric",
    "formica": "laminate",
    "lacquered": "lacquer",
    "aluminum": "aluminium",
    "plexiglass": "acrylic",
    "perspex": "acrylic",
    "enamelled": "enamel",
    "enameled": "enamel",
    "wire": "steel",
    "hickory": "walnut",
    "sisal": "jute",
    "seagrass": "jute",
}
#: Endings that make a finish word describe a part ("copper-topped", "glass-fronted", "brass-bound", "lead-lined").
PART_ENDINGS = ("topped", "fronted", "front", "framed", "bound", "clad", "covered", "legged", "lined")
#: "pale-blue", "light-grey": a shade word hyphenated to a colour, read as two words.
SHADE_HYPHEN = re.compile(r"\b(pale|light|dark|pastel|deep|bright|soft|dusty|muted|sky|navy|powder|mint|forest)-([a-z]+)\b")
#: "jade-green", "blood-red": a word hyphenated before a colour names a shade of it.
_BEFORE_COLOUR = re.compile(r"\b[a-z]+-(?=(?:red|green|blue|yellow|orange|purple|pink|grey|gray|brown|black|white)\b)")
#: Parameters that name an asset's main surface, most telling first.
MAIN_SURFACE = ("fabric", "upholstery", "seat", "top", "body", "frame", "mat", "core", "cover", "shell", "surface")


@lru_cache(maxsize=1)
def _askable() -> tuple[tuple[str, re.Pattern], ...]:
    """Finish words a prompt may name (palette names and aliases), longest first, with their patterns (a whole
    word, or the first half of "copper-topped" and the like)."""
    names = sorted([n for n in FINISHES if n not in NOT_ASKED] + list(ALIASES), key=lambda n: -len(n))
    part = "|".join(PART_ENDINGS)
    return tuple((n, re.compile(r"(?<![\w-])" + re.escape(n) + rf"(?:(?![\w-])|-(?:{part})\b)")) for n in names)


def palette_name(word: str) -> str:
    """The palette finish a prompt word means ("rattan" is itself one, "wooden" means oak; a colour and a
    material, "green leather", the colour's)."""
    name = ALIASES.get(word, word)
    if name not in FINISHES and " " in name:
        words = name.split()
        for k in range(len(words) - 1, 0, -1):  # "light grey linen": light grey
            if " ".join(words[:k]) in FINISHES:
                return " ".join(words[:k])
    return name


def _combined(lacking: list[str], desc: str) -> str | None:
    """ "a green leather chair" on a beige fabric one: the colour and the material written right after it,
    as one finish ("green leather", rendered in the colour); None unless the first two lacking finishes are
    written that way."""
    if len(lacking) < 2 or lacking[0] not in COLOURS or lacking[1] in COLOURS:
        return None  # (not "walnut glass": two materials; not "white blue")
    a, b = lacking[0], lacking[1]
    if not re.search(r"(?<![\w-])" + re.escape(a) + r"\s+" + re.escape(b) + r"(?![\w-])", desc.lower()):
        return None
    return f"{a} {b}"


def requested_finishes(desc: str) -> list[str]:
    """The finish words ``desc`` names as whole words, in written order ("black leather" rather than "black" at
    one place): palette names or aliases of one (:data:`ALIASES`)."""
    low = SHADE_HYPHEN.sub(r"\1 \2", desc.lower())  # "pale-blue" is "pale blue"
    low = _BEFORE_COLOUR.sub("", low)  # "jade-green" is green
    found: list[tuple[int, int, str]] = []
    for name, pattern in _askable():
        for m in pattern.finditer(low):
            if not any(a <= m.start() < a + n for a, n, _ in found):  # longest first: "black leather" wins
                found.append((m.start(), len(name), name))
    return [name for _, _, name in sorted(found)]


def requested_finish(desc: str) -> str | None:
    """The first finish word ``desc`` names (:func:`requested_finishes`); None when it names none."""
    names = requested_finishes(desc)
    return names[0] if names else None


def has_finish(asset: Asset, finish: str) -> bool:
    """Whether ``asset``'s words already name ``finish`` (as written: a part in "steel" does not make a
    "stainless steel" piece)."""
    text = f"{asset.description} {asset.color} {asset.material}".lower()
    return re.search(r"(?<![\w-])" + re.escape(finish) + r"(?![\w-])", text) is not None


def refinished_id(asset_id: str, finish: str) -> str:
    return f"{asset_id}{SEP}{finish.replace(' ', '_')}"


def split_id(asset_id: str) -> tuple[str, str | None]:
    """(base id, finish or None) of a possibly refinished id; raises KeyError naming an unknown finish."""
    if SEP not in asset_id:
        return asset_id, None
    base, finish = asset_id.split(SEP, 1)
    finish = finish.replace("_", " ")
    if palette_name(finish) not in FINISHES or finish in NOT_ASKED:
        raise KeyError(f"built-in asset id {asset_id!r}: {finish!r} is no palette finish")
    return base, finish


def refinish(asset: Asset, finish: str) -> Asset:
    """``asset`` with its main surface in ``finish`` (a finish word: a palette name or an alias; id, params,
    description and colour follow, in the prompt's word)."""
    params = dict(asset.params)
    finishes = [k for k, v in params.items() if isinstance(v, str) and v in FINISHES]
    key = next((k for k in MAIN_SURFACE if k in finishes), finishes[0] if finishes else None)
    old = params.get(key) if key else None
    if key is not None:
        params[key] = palette_name(finish)
    desc = f"{finish} {asset.description}"
    for words in ([old] + old.split()) if old else []:  # "beige fabric", else "beige", in the description
        pattern = r"(?<![\w-])" + re.escape(words) + r"(?![\w-])"
        if re.search(pattern, asset.description):
            desc = re.sub(pattern, finish, asset.description, count=1)
            break
    return replace(asset, id=refinished_id(asset.id, finish), params=params, description=desc, color=f"{finish}, {asset.color}")


@lru_cache(maxsize=1)
def _builtin() -> dict[str, Asset]:
    from scenerevis.assets.catalog import build_assets

    return {a.id: a for a in build_assets()}


def refinish_match(desc: str, match: Match) -> Match:
    """``match`` (a built-in asset) refinished in the first finish ``desc`` names that the asset lacks ("a white
    marble desk" on a white desk: a marble one)."""
    asset = _builtin().get(match.asset_id)
    if asset is None:
        return match
    lacking = [f for f in requested_finishes(desc) if not has_finish(asset, f)]
    if not lacking:
        return match
    finish = _combined(lacking, desc) or lacking[0]
    new = refinish(asset, finish)
    return replace(match, asset_id=new.id, description=new.description)
