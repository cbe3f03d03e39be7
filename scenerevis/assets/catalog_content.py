"""catalog_content.py: every category and variant of the built-in catalog, gathered from its packs.

A pack is a module with ``CATEGORIES`` (a tuple of :class:`CategorySpec`) and ``VARIANTS`` (category
name -> tuple of :class:`VariantSpec`): ``catalog_spec`` / ``catalog_variants`` (the original furniture),
``catalog_home`` (appliances, media, storage), ``catalog_hobby`` (kids, pets, hobby, music, fitness,
work tables) and ``catalog_shop`` (shop, salon, clinic, workshop and meeting-room pieces). Sizes are ``[w, h, d]`` metres, front facing +Z.
"""

from __future__ import annotations

from scenerevis.assets import catalog_hobby, catalog_home, catalog_shop, catalog_spec, catalog_variants
from scenerevis.assets.catalog_spec import CategorySpec, VariantSpec


def _gather() -> tuple[tuple[CategorySpec, ...], dict[str, tuple[VariantSpec, ...]]]:
    cats: list[CategorySpec] = []
    variants: dict[str, tuple[VariantSpec, ...]] = {}
    for cat_mod, var_mod in (
        (catalog_spec, catalog_variants),
        (catalog_home, catalog_home),
        (catalog_hobby, catalog_hobby),
        (catalog_shop, catalog_shop),
    ):
        for c in cat_mod.CATEGORIES:
            if any(c.name == o.name for o in cats):
                raise ValueError(f"catalog category {c.name!r} is defined twice ({cat_mod.__name__})")
            cats.append(c)
        variants.update(var_mod.VARIANTS)
    return tuple(cats), variants


CATEGORIES, VARIANTS = _gather()
