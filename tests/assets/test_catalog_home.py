"""Tests of the catalog's "home" pack (catalog_home / catalog_home_media, generators/home*.py) and its rooms.json links."""

from __future__ import annotations

import numpy as np
import pytest

from scenerevis.assets.catalog import BuiltinCatalog
from scenerevis.assets.catalog_home import CATEGORIES, VARIANTS
from scenerevis.assets.palette import rgba
from scenerevis.scene.rooms import load_rooms
from tests.assets.packs import assert_attribute_words_pick, assert_meshes_fill_their_boxes, assert_sizes_apart, designer_variants

HOME = (
    "vanity",
    "console_table",
    "bar_cart",
    "monitor",
    "coat_rack",
    "storage_rack",
    "washing_machine",
    "dryer",
    "ironing_board",
    "drying_rack",
    "laundry_basket",
    "dishwasher",
    "microwave",
    "water_cooler",
    "towel_rack",
    "printer",
    "shredder",
    "whiteboard",
    "projector",
    "projector_screen",
    "speaker",
    "subwoofer",
    "amplifier",
    "record_player",
    "jukebox",
    "fireplace",
    "shoe_rack",
    "wine_rack",
    "aquarium",
    "popcorn_machine",
)

# plain requests, worded independently of the pack's descriptions
PLAIN = {
    "vanity": "a dressing table with drawers for doing makeup",
    "console_table": "a narrow hallway table against the wall",
    "bar_cart": "a drinks trolley on wheels with bottles",
    "monitor": "a computer monitor on the desk",
    "coat_rack": "a standing coat rack with hooks",
    "storage_rack": "a metal wire shelving rack for storage",
    "washing_machine": "a front-loading washing machine",
    "dryer": "a tumble dryer for clothes",
    "ironing_board": "an ironing board",
    "drying_rack": "a folding rack for drying laundry",
    "laundry_basket": "a basket for dirty laundry",
    "dishwasher": "a dishwasher",
    "microwave": "a microwave oven",
    "water_cooler": "an office water cooler with a big bottle",
    "towel_rack": "a towel rack",
    "printer": "a printer",
    "shredder": "a paper shredder",
    "whiteboard": "a whiteboard on wheels",
    "projector": "a video projector on a stand",
    "projector_screen": "a projection screen",
    "speaker": "a tall floor-standing speaker",
    "subwoofer": "a subwoofer",
    "amplifier": "a guitar amplifier",
    "record_player": "a turntable for vinyl records",
    "jukebox": "a retro jukebox",
    "fireplace": "a fireplace with a mantelpiece",
    "shoe_rack": "a rack for shoes by the door",
    "wine_rack": "a wine rack full of bottles",
    "aquarium": "a fish tank",
    "popcorn_machine": "a popcorn machine",
}


def test_pack_has_the_thirty_categories_each_with_three_variants_inside_the_designer_range():
    assert tuple(c.name for c in CATEGORIES) == HOME
    for name, variants in designer_variants(VARIANTS, HOME):
        assert len(variants) >= 3, name
        # variants are told apart by size (the designer asks for a variant's size) and by finish words
        assert_sizes_apart(name, variants)
        assert len({(v.color, v.material) for v in variants}) == len(variants), name
        assert len({v.description for v in variants}) == len(variants), name


@pytest.fixture(scope="module")
def home_catalog(tmp_path_factory):
    return BuiltinCatalog(cache_dir=tmp_path_factory.mktemp("home-cache"))


@pytest.mark.slow
def test_every_home_mesh_fills_its_box_with_closed_painted_parts(home_catalog):
    assert_meshes_fill_their_boxes(home_catalog, HOME, built_to_size=False)


@pytest.mark.parametrize("aid", ["washing_machine-01", "dryer-02"])
def test_laundry_machines_show_a_round_door_on_the_front(home_catalog, aid):
    mesh = home_catalog.mesh(aid)
    v = mesh.vertices
    front = v[v[:, 2] > mesh.bounds[1][2] - 1e-6]
    centre = front[:, :2].mean(axis=0)
    r = np.linalg.norm(front[:, :2] - centre, axis=1)
    r = r[r > 1e-6]  # the cap's rim; a fan centre, if any, sits on the axis
    assert len(r) >= 16 and r.max() / r.min() < 1.01
    assert 0.1 < r.max() < home_catalog.get(aid).size[0] / 2


def test_jukebox_top_is_rounded_and_aquarium_water_sits_on_its_stand(home_catalog):
    juke = home_catalog.mesh("jukebox-01")
    w, h, _ = home_catalog.get("jukebox-01").size
    top = juke.vertices[juke.vertices[:, 1] > h - 0.01]
    assert np.abs(top[:, 0]).max() < 0.3 * w  # a box would reach w / 2 there

    tank = home_catalog.mesh("aquarium-01")
    w, h, _ = home_catalog.get("aquarium-01").size
    colours = tank.visual.face_colors
    water = np.all(colours == rgba("water"), axis=1)
    gravel = np.all(colours == rgba("gravel"), axis=1)
    assert water.any() and gravel.any()
    assert tank.vertices[tank.faces[water]][..., 1].min() >= 0.45 * h


def test_plain_requests_retrieve_the_home_category(builtin_index, minilm):
    from scenerevis.assets import Retriever

    retriever = Retriever(encoder=minilm, index=builtin_index)
    facts = load_rooms()
    wrong = []
    for name, desc in PLAIN.items():
        for size in (None, facts.category(name).size):
            m = retriever.retrieve(desc, size)
            if m.asset_id.rsplit("-", 1)[0] != name:
                wrong.append((desc, size, m.asset_id))
    assert not wrong


def test_attribute_words_pick_the_matching_home_variant(builtin_index, minilm):
    cases = [
        ("washing_machine", "a white washing machine", "washing_machine-01"),
        ("washing_machine", "a black washing machine", "washing_machine-02"),
        ("washing_machine", "a stainless steel washing machine", "washing_machine-03"),
        ("dishwasher", "a black dishwasher", "dishwasher-03"),
        ("microwave", "a stainless steel microwave", "microwave-02"),
        ("speaker", "a walnut tower speaker", "speaker-02"),
        ("whiteboard", "a green chalkboard", "whiteboard-02"),
        ("fireplace", "a white marble fireplace", "fireplace-01"),
        ("wine_rack", "a steel wine fridge", "wine_rack-03"),
        ("jukebox", "a red jukebox", "jukebox-01"),
    ]
    assert_attribute_words_pick(builtin_index, minilm, cases)
