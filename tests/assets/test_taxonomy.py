"""One taxonomy: every designer category that names catalog assets names existing ones, and attributes win retrieval."""

from __future__ import annotations

import random

from scenerevis.assets.catalog_content import CATEGORIES, VARIANTS
from scenerevis.policy.plan import variant_size
from scenerevis.scene.rooms import load_rooms


def test_designer_categories_map_to_catalog_categories_with_variants():
    catalog = {c.name for c in CATEGORIES}
    facts = load_rooms()
    for cat in facts.categories.values():
        for name in cat.assets:
            assert name in catalog, (cat.name, name)
            assert len(VARIANTS[name]) >= 3, name
    # every catalog category but a decor piece the designer never plans is reachable from a designer category
    used = {a for c in facts.categories.values() for a in c.assets}
    assert catalog - used == {"game_console_cabinet"}


def test_attribute_words_win_retrieval_with_the_designer_size(builtin_index, minilm):
    from scenerevis.assets import Retriever
    from scenerevis.assets.config import RetrievalConfig

    retriever = Retriever(encoder=minilm, index=builtin_index)
    facts = load_rooms()
    cases = [
        ("desk", "white desk", "white"),
        ("armchair", "green velvet armchair", "green"),
        ("tv_stand", "black tv stand", "black"),
        ("sofa", "leather sofa", "leather"),
        ("loveseat", "red velvet loveseat", "red"),
        ("beanbag", "blue beanbag", "blue"),
        ("rug", "pink rug", "pink"),
        ("double_bed", "low white platform bed", "white"),
        ("rug", "striped rug", "stripes"),  # a pattern word picks its variant like a colour
    ]
    for cat, desc, word in cases:
        size = variant_size(facts.category(cat), desc, facts.category(cat).size, random.Random(0))
        m = retriever.retrieve(desc, size)
        assert word in m.description.lower(), (desc, m.description)
    # with the category's default size the size term decides: the oak desk wins over the white one, and
    # retrieval refinishes it white (a finish the query names and the asset lacks, scenerevis.assets.refinish)
    plain = Retriever(RetrievalConfig(refinish=False), encoder=minilm, index=builtin_index)
    m = plain.retrieve("white desk", facts.category("desk").size)
    assert "white" not in m.description.lower()
    refinished = retriever.retrieve("white desk", facts.category("desk").size)
    assert refinished.asset_id == f"{m.asset_id}~white" and "white" in refinished.description
