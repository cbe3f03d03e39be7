"""The hobby pack of the built-in catalog: sizes inside the designer's ranges, meshes that fill their box,
shapes that read as what they are (rockers touch the floor only in the middle), and retrieval that finds them."""

from __future__ import annotations

import random

import numpy as np
import pytest

from scenerevis.assets import catalog_hobby
from scenerevis.assets.catalog import build_mesh
from scenerevis.policy.plan import variant_size
from scenerevis.scene.rooms import load_rooms
from tests.assets.packs import assert_meshes_fill_their_boxes, designer_variants

HOBBY = [c.name for c in catalog_hobby.CATEGORIES]


def test_pack_has_the_thirty_categories_each_a_designer_category_with_three_variants_in_range():
    assert len(HOBBY) == 30 and len(set(HOBBY)) == 30
    assert set(catalog_hobby.VARIANTS) == set(HOBBY)
    for name, variants in designer_variants(catalog_hobby.VARIANTS, HOBBY):
        assert len(variants) >= 3, name
        assert len({v.size for v in variants}) == len(variants), name  # the size term can tell them apart
        assert len({v.color for v in variants}) == len(variants), name


@pytest.mark.slow
def test_every_hobby_mesh_fills_its_box_with_closed_coloured_parts(catalog):
    assert_meshes_fill_their_boxes(catalog, HOBBY)


def _floor_contact(mesh, axis: int) -> np.ndarray:
    """Coordinates along ``axis`` of the vertices within 5 mm of the floor."""
    v = mesh.vertices
    return v[v[:, 1] < 0.005][:, axis]


def test_rockers_touch_the_floor_only_near_their_middle(catalog):
    # rocking chair rockers curve along Z, a rocking horse's along X; both stand on the low point of a parabola
    chair = catalog.mesh("rocking_chair-01")
    z = _floor_contact(chair, 2)
    assert len(z) and np.abs(z).max() < 0.1 * chair.extents[2]
    horse = catalog.mesh("rocking_horse-01")
    x = _floor_contact(horse, 0)
    assert len(x) and np.abs(x).max() < 0.1 * horse.extents[0]
    # a plain crib stands on four corner posts instead
    crib = catalog.mesh("crib-01")
    zc = _floor_contact(crib, 2)
    assert np.abs(zc).min() > 0.4 * crib.extents[2]


def test_dartboard_faces_the_room_at_throwing_height():
    from scenerevis.assets.catalog import build_assets

    board = next(a for a in build_assets() if a.id == "dartboard-01")  # (0.6, 1.8, 0.15) on a stand
    mesh = build_mesh(board)
    red = np.all(mesh.visual.face_colors[:, :3] == (190, 50, 45), axis=1)  # bull and scoring rings
    pts = mesh.triangles[red].reshape(-1, 3)
    # board radius min(0.6 * 0.42, 0.23) = 0.23 m, its top at the 1.8 m top of the stand: centre 1.57 m
    assert (pts[:, 1].min() + pts[:, 1].max()) / 2 == pytest.approx(1.57, abs=0.005)
    assert pts[:, 2].max() == pytest.approx(0.075, abs=0.002)  # on the front face (+Z)


PLAIN = [
    ("crib", "a baby crib with slatted sides"),
    ("changing_table", "a changing table for the baby"),
    ("rocking_chair", "a wooden rocking chair"),
    ("recliner", "a comfy recliner"),
    ("easel", "an easel with a canvas"),
    ("drum_kit", "a drum kit"),
    ("guitar_stand", "a guitar on a stand"),
    ("music_stand", "a music stand"),
    ("cello", "a cello"),
    ("punching_bag", "a punching bag"),
    ("squat_rack", "a squat rack with a barbell"),
    ("reformer", "a pilates reformer"),
    ("meditation_cushion", "a meditation cushion"),
    ("exercise_mat", "a yoga mat"),
    ("dog_bed", "a dog bed"),
    ("cat_tree", "a cat tree"),
    ("dartboard", "a dartboard"),
    ("kiln", "a pottery kiln"),
    ("pottery_wheel", "a pottery wheel"),
    ("teepee", "a play teepee"),
    ("dollhouse", "a dollhouse"),
    ("rocking_horse", "a rocking horse"),
    ("drafting_table", "a drafting table"),
    ("sewing_table", "a sewing table"),
    ("workbench", "a workbench"),
    ("folding_table", "a folding table"),
    ("foosball_table", "a foosball table"),
    ("arcade_cabinet", "an arcade machine"),
    ("conference_table", "a conference table"),
    ("work_table", "a large work table"),
]


def test_plain_descriptions_retrieve_their_category_with_the_designer_size(builtin_index, minilm):
    from scenerevis.assets import Retriever

    assert sorted(c for c, _ in PLAIN) == sorted(HOBBY)
    retriever = Retriever(encoder=minilm, index=builtin_index)
    facts = load_rooms()
    for seed in (0, 1):
        for cat, desc in PLAIN:
            size = variant_size(facts.category(cat), desc, facts.category(cat).size, random.Random(seed))
            assert retriever.retrieve(desc, size).category == cat, (seed, desc)


def test_colour_and_material_words_pick_the_matching_variant(builtin_index, minilm):
    from scenerevis.assets import Retriever

    retriever = Retriever(encoder=minilm, index=builtin_index)
    facts = load_rooms()
    cases = [
        ("crib", "a white crib", "crib-01"),
        ("crib", "a natural wood crib", "crib-02"),
        ("crib", "a grey crib", "crib-03"),
        ("recliner", "a black leather recliner", "recliner-03"),
        ("drum_kit", "a red drum kit", "drum_kit-01"),
        ("exercise_mat", "a purple yoga mat", "exercise_mat-01"),
        ("teepee", "a pink teepee", "teepee-02"),
        ("arcade_cabinet", "a blue arcade cabinet", "arcade_cabinet-02"),
        ("conference_table", "a white conference table", "conference_table-02"),
        ("guitar_stand", "a red electric guitar", "guitar_stand-02"),
    ]
    for cat, desc, want in cases:
        size = variant_size(facts.category(cat), desc, facts.category(cat).size, random.Random(0))
        assert retriever.retrieve(desc, size).asset_id == want, (desc, size)
