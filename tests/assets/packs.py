"""Checks every catalog pack's tests share: meshes built to their boxes, attribute words picking variants."""

from __future__ import annotations

import random

import numpy as np
import pytest

from scenerevis.policy.plan import variant_size
from scenerevis.scene.rooms import load_rooms

#: The grey a part gets when its generator names no finish (RGBA).
UNPAINTED = (102, 102, 102, 255)


def designer_variants(variants_by_name, names) -> list[tuple[str, list]]:
    """(name, variants) of each of a pack's category ``names``, after checking that the designer category of that
    name renders with this catalog category (rooms.json ``assets``) and that every variant size lies in the
    designer's size range (metres)."""
    facts = load_rooms()
    out = []
    for name in names:
        cat = facts.category(name)
        assert cat.assets == (name,), name
        variants = list(variants_by_name[name])
        for v in variants:
            for s, (lo, hi) in zip(v.size, cat.size_range, strict=True):
                assert lo <= s <= hi, (name, v.size, cat.size_range)
        out.append((name, variants))
    return out


def assert_sizes_apart(name: str, variants, gap: float = 0.05) -> None:
    """The variants' sizes differ pairwise by at least ``gap`` metres: the retrieval size term tells them apart."""
    sizes = np.array([v.size for v in variants])
    gaps = np.linalg.norm(sizes[:, None] - sizes[None], axis=-1) + np.eye(len(variants))
    assert gaps.min() >= gap - 1e-9, name


def assert_meshes_fill_their_boxes(catalog, categories, built_to_size: bool = True) -> None:
    """Every asset of ``categories``: its mesh spans exactly its size (metres), stands on y = 0 centred in XZ,
    is made of closed parts in at least two finishes (none unpainted); with ``built_to_size`` the generator's own
    parts already span the box within 3 cm, so fitting hardly stretches them."""
    from scenerevis.assets import parts
    from scenerevis.assets.generators import get_generator

    for asset in (a for a in catalog if a.category in categories):
        mesh = catalog.mesh(asset.id)
        lo, hi = mesh.bounds
        assert np.allclose(hi - lo, asset.size, atol=1e-6), asset.id
        assert lo[1] == pytest.approx(0.0, abs=1e-9), asset.id
        assert np.allclose((lo + hi)[[0, 2]] / 2, 0.0, atol=1e-6), asset.id
        assert all(p.is_watertight for p in mesh.split(only_watertight=False)), asset.id
        colours = {tuple(c) for c in np.unique(mesh.visual.face_colors, axis=0)}
        assert len(colours) >= 2 and UNPAINTED not in colours, asset.id
        if built_to_size:
            w, h, d = asset.size
            raw_lo, raw_hi = parts.assemble(get_generator(asset.generator)(w, h, d, dict(asset.params))).bounds
            box_lo, box_hi = np.array([-w / 2, 0, -d / 2]), np.array([w / 2, h, d / 2])
            assert np.abs(raw_lo - box_lo).max() <= 0.03 and np.abs(raw_hi - box_hi).max() <= 0.03, asset.id


def assert_attribute_words_pick(builtin_index, minilm, cases: list[tuple[str, str, str]]) -> None:
    """(category, description, asset id) cases: the designer's size for the description and the description
    retrieve that asset (the attribute words win among the category's variants)."""
    from scenerevis.assets import Retriever

    retriever = Retriever(encoder=minilm, index=builtin_index)
    facts = load_rooms()
    for cat, desc, want in cases:
        size = variant_size(facts.category(cat), desc, facts.category(cat).size, random.Random(0))
        assert retriever.retrieve(desc, size).asset_id == want, (desc, size)
