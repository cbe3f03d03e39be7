"""access.py: which faces of an object must be reachable for the accessibility metric.

Per-category access sides come from ``scenerevis/data/access_sides.json`` (keys: the rooms.json
categories): "front" (+Z face), "back" (-Z), "sides" (either X face), "any" (any of the four) or
"none" (nothing to reach: the object is not judged). An object is accessible when the floor strip
along any of its listed faces reaches the main walkable area. Objects whose category is unknown fall
back to the description words of :class:`scenerevis.eval.functional.FunctionalConfig`
(``any_side_words``: any side) and else to the file's default (the front).
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

SIDES = ("front", "back", "sides", "any", "none")
#: The faces each access side stands for (floorgrid.side_strip_xz names).
FACES = {
    "front": ("front",),
    "back": ("back",),
    "sides": ("left", "right"),
    "any": ("front", "back", "left", "right"),
    "none": (),
}


@lru_cache(maxsize=1)
def load_access_sides() -> tuple[tuple[str, ...], dict[str, tuple[str, ...]]]:
    """(default sides, {category: sides}) from the package's access_sides.json (cached)."""
    name = "access_sides.json"
    raw = json.loads(resources.files("scenerevis.data").joinpath(name).read_text(encoding="utf-8"))

    def sides(value, where: str) -> tuple[str, ...]:
        if not isinstance(value, list) or not value or any(v not in SIDES for v in value):
            raise ValueError(f"scenerevis/data/{name}: {where} must be a non-empty list of {SIDES}, got {value!r}")
        return tuple(value)

    default = sides(raw.get("default"), "default")
    cats = {str(k): sides(v, f"categories.{k}") for k, v in raw.get("categories", {}).items()}
    return default, cats


def access_faces(category: str | None, desc: str, any_side: re.Pattern | None) -> tuple[str, ...]:
    """The faces ("front", "back", "left", "right") of which one must be reachable; () when not judged.

    ``category`` is the object's rooms.json category (None when unrecognised); ``any_side`` matches
    descriptions of pieces reachable from any side when the category is unknown.
    """
    default, cats = load_access_sides()
    if category is not None and category in cats:
        sides = cats[category]
    elif any_side is not None and any_side.search(desc or ""):
        sides = ("any",)
    else:
        sides = default
    faces: list[str] = []
    for s in sides:
        faces += [f for f in FACES[s] if f not in faces]
    return tuple(faces)
