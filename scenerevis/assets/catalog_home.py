"""catalog_home.py: a pack of built-in catalog categories (see :mod:`scenerevis.assets.catalog_content`).

Sizes ``[w, h, d]`` are metres with the front facing +Z; descriptions are our own words.
"""

from __future__ import annotations

from scenerevis.assets.catalog_spec import CategorySpec, VariantSpec

CATEGORIES: tuple[CategorySpec, ...] = ()

VARIANTS: dict[str, tuple[VariantSpec, ...]] = {}
