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

from scenerevis.assets.palette import FINISHES

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
    "gray": "grey",
    "golden": "gold",
    "leather": "brown leather",
    "mustard": "mustard velvet",
    "teal": "teal velvet",
}
#: Parameters that name an asset's main surface, most telling first.
MAIN_SURFACE = ("fabric", "upholstery", "seat", "top", "body", "frame", "mat", "core", "cover", "shell", "surface")


@lru_cache(maxsize=1)
def _askable() -> tuple[tuple[str, re.Pattern], ...]:
    """Finish words a prompt may name (palette names and aliases), longest first, with their patterns."""
    names = sorted([n for n in FINISHES if n not in NOT_ASKED] + list(ALIASES), key=lambda n: -len(n))
    return tuple((n, re.compile(r"(?<![\w-])" + re.escape(n) + r"(?![\w-])")) for n in names)


def palette_name(word: str) -> str:
    """The palette finish a prompt word means ("rattan" is itself one, "wooden" means oak)."""
    return ALIASES.get(word, word)


def requested_finish(desc: str) -> str | None:
    """The first finish word ``desc`` names as whole words ("black leather" before "black"): a palette name or
    an alias of one (:data:`ALIASES`); None when it names none."""
    low = desc.lower()
    best: tuple[int, int, str] | None = None
    for name, pattern in _askable():
        m = pattern.search(low)
        if m and (best is None or (m.start(), -len(name)) < (best[0], best[1])):
            best = (m.start(), -len(name), name)
    return best[2] if best else None


def has_finish(asset: Asset, finish: str) -> bool:
    """Whether ``asset``'s words already name ``finish``."""
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
    """``match`` (a built-in asset) refinished in the finish ``desc`` names when the asset lacks it."""
    finish = requested_finish(desc)
    asset = _builtin().get(match.asset_id)
    if finish is None or asset is None or has_finish(asset, finish):
        return match
    new = refinish(asset, finish)
    return replace(match, asset_id=new.id, description=new.description)
