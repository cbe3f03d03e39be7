"""Tests of scenerevis/assets/catalog.py and the generators: coverage, frames, closed parts, colours, GLB cache."""

from __future__ import annotations

import numpy as np
import pytest
import trimesh

from scenerevis.assets.catalog import BuiltinCatalog, build_assets
from scenerevis.assets.meshio import load_coloured

REQUIRED = {
    "bed_single",
    "bed_double",
    "bed_queen",
    "bed_king",
    "nightstand",
    "wardrobe",
    "dresser",
    "desk",
    "office_chair",
    "dining_chair",
    "armchair",
    "sofa_2seat",
    "sofa_3seat",
    "sectional_sofa",
    "coffee_table",
    "side_table",
    "tv_stand",
    "tv",
    "bookshelf",
    "floor_lamp",
    "table_lamp",
    "ceiling_lamp",
    "dining_table",
    "round_dining_table",
    "sideboard",
    "rug",
    "plant",
    "cabinet",
    "filing_cabinet",
    "bench",
    "stool",
    "ottoman",
    "treadmill",
    "exercise_bike",
    "weight_bench",
    "dumbbell_rack",
    "piano",
    "pool_table",
    "game_console_cabinet",
    "kitchen_counter",
    "fridge",
    "toilet",
    "bathtub",
    "sink",
    "mirror",
    "wall_shelf",
}


def test_catalog_covers_required_categories_with_three_variants_each(catalog):
    cats = catalog.categories
    assert len(cats) >= 45
    assert REQUIRED <= set(cats)
    for cat in cats:
        members = [a for a in catalog if a.category == cat]
        assert len(members) >= 3, cat
        # variants differ in size or finish, not only in id
        assert len({(a.size, tuple(sorted(a.params.items()))) for a in members}) == len(members), cat
    assert catalog.get("bed_queen-01").category == "bed_queen"
    with pytest.raises(KeyError, match="no asset 'sofa-99'"):
        catalog.get("sofa-99")


@pytest.mark.slow
def test_every_mesh_fits_its_size_faces_front_and_has_closed_coloured_parts(catalog):
    multi = 0
    for asset in catalog:
        mesh = catalog.mesh(asset.id)
        lo, hi = mesh.bounds
        assert np.allclose(hi - lo, asset.size, atol=1e-6), asset.id
        assert lo[1] == pytest.approx(0.0, abs=1e-9), asset.id
        assert np.allclose((lo + hi)[[0, 2]] / 2, 0.0, atol=1e-6), asset.id
        parts = mesh.split(only_watertight=False)
        assert all(p.is_watertight for p in parts), asset.id
        assert mesh.visual.kind == "face", asset.id
        colours = {tuple(c) for c in np.unique(mesh.visual.face_colors, axis=0)}
        assert (102, 102, 102, 255) not in colours, asset.id  # trimesh's default grey means "unpainted"
        multi += len(colours) >= 2
    assert multi >= 0.9 * len(catalog)  # nearly every asset shows two or more finishes


def test_mesh_is_a_copy_and_cached(catalog):
    a = catalog.mesh("sofa_3seat-01")
    a.apply_translation((5, 0, 0))
    b = catalog.mesh("sofa_3seat-01")
    assert b.bounds[0][1] == pytest.approx(0.0) and abs(b.bounds[0][0]) < 2


def test_headboard_and_backrests_are_at_the_back(catalog):
    # the tallest part of a bed / sofa stands at -Z (the front faces +Z)
    for aid in ("bed_queen-01", "sofa_3seat-01", "dining_chair-01"):
        m = catalog.mesh(aid)
        top = m.vertices[m.vertices[:, 1] > m.bounds[1][1] - 0.02]
        assert top[:, 2].mean() < 0, aid


def test_stool_fits_between_dining_table_legs(catalog):
    table = catalog.mesh("dining_table-01")
    stool_size = catalog.get("stool-01").size
    lo, hi = table.bounds
    # free box under the top: the stool's footprint centred below the table must meet no table face
    box = trimesh.creation.box(extents=stool_size)
    box.apply_translation((0, stool_size[1] / 2, 0))
    clear = trimesh.collision.CollisionManager()
    clear.add_object("table", table)
    assert not clear.in_collision_single(box)


def test_glb_is_written_once_into_the_cache_with_colours(catalog, cache_dir):
    path = catalog.glb_path("armchair-01")
    assert path.is_file() and cache_dir in path.parents and path.suffix == ".glb"
    mtime = path.stat().st_mtime_ns
    assert catalog.glb_path("armchair-01").stat().st_mtime_ns == mtime
    back = load_coloured(path)
    src = catalog.mesh("armchair-01")
    assert np.allclose(back.bounds, src.bounds, atol=1e-5)
    got = np.unique(back.visual.face_colors, axis=0).astype(int)
    want = np.unique(src.visual.face_colors, axis=0).astype(int)
    assert got.shape == want.shape
    # base colours are stored linear in 8 bits: dark shades come back within a few levels
    assert np.abs(np.sort(got, axis=0) - np.sort(want, axis=0)).max() <= 4


def test_content_hash_tracks_catalog_content(tmp_path):
    cat = BuiltinCatalog(cache_dir=tmp_path)
    h = cat.content_hash()
    assert h == BuiltinCatalog(cache_dir=tmp_path / "other").content_hash()
    from scenerevis.assets import catalog as catalog_mod

    changed = build_assets()
    changed[0] = catalog_mod.Asset(
        **{
            **changed[0].to_dict(),
            "synonyms": tuple(changed[0].synonyms),
            "rooms": tuple(changed[0].rooms),
            "size": (1.0, 1.0, 2.0),
        }
    )
    cat.assets = changed
    assert cat.content_hash() != h


def test_metadata_file_matches_the_code():
    import json
    from pathlib import Path

    path = Path(__file__).resolve().parents[2] / "metadata" / "builtin_catalog.json"
    data = json.loads(path.read_text())
    cat = BuiltinCatalog()
    assert data["content_hash"] == cat.content_hash(), "run: python -m scenerevis.assets metadata"
    assert [a["id"] for a in data["assets"]] == cat.ids


@pytest.mark.slow
def test_generators_build_to_size_so_fitting_only_trims_millimetres():
    """Raw generator output may overhang its box by at most 3 cm (handles, knobs): decor never squashes an asset."""
    from scenerevis.assets import parts
    from scenerevis.assets.generators import get_generator

    for a in build_assets():
        w, h, d = a.size
        lo, hi = parts.assemble(get_generator(a.generator)(w, h, d, dict(a.params))).bounds
        over = max(np.max(np.array([-w / 2, 0, -d / 2]) - lo), np.max(hi - np.array([w / 2, h, d / 2])))
        assert over <= 0.03, (a.id, round(float(over), 3))
