"""registry.py: the name -> generator table that procedural catalog entries refer to.

A generator is ``fn(w, h, d, p) -> list[trimesh.Trimesh]``: it builds coloured parts filling the box
``[-w/2, w/2] x [0, h] x [-d/2, d/2]`` (metres, Y up, front facing +Z) from the parameter dict ``p``
(finish names and style switches, each with a default).
"""

from __future__ import annotations

from collections.abc import Callable

GeneratorFn = Callable[..., list]

GENERATORS: dict[str, GeneratorFn] = {}


def generator(name: str) -> Callable[[GeneratorFn], GeneratorFn]:
    """Decorator registering a generator under ``name``; a name registered twice is an error."""

    def wrap(fn: GeneratorFn) -> GeneratorFn:
        if name in GENERATORS:
            raise ValueError(f"generator {name!r} is already registered")
        GENERATORS[name] = fn
        return fn

    return wrap


def get_generator(name: str) -> GeneratorFn:
    """The generator called ``name``; unknown names raise KeyError listing the known ones."""
    _load_all()
    try:
        return GENERATORS[name]
    except KeyError:
        raise KeyError(f"unknown generator {name!r}; known: {sorted(GENERATORS)}") from None


def _load_all() -> None:
    """Import every generator module once so their decorators run."""
    from scenerevis.assets.generators import (  # noqa: F401
        decor,
        gym,
        hobby,
        hobby_family,
        hobby_play,
        hobby_tables,
        home,
        home_media,
        kitchen_bath,
        seating,
        shop,
        shop_fixtures,
        storage,
        tables,
    )
