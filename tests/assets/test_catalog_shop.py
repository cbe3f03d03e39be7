"""The shop pack of the built-in catalog (catalog_shop, generators/shop*.py) and its rooms.json links: sizes inside
the designer's ranges, meshes that fill their box, shapes that read as what they are, retrieval and parsing that
find them."""

from __future__ import annotations

import random

import numpy as np
import pytest

from scenerevis.assets import catalog_shop
from scenerevis.assets.palette import rgba
from scenerevis.policy.plan import variant_size
from scenerevis.scene.rooms import load_rooms
from tests.assets.packs import assert_attribute_words_pick, assert_meshes_fill_their_boxes, assert_sizes_apart, designer_variants

SHOP = (
    "room_divider",
    "treatment_table",
    "display_case",
    "clothing_rack",
    "mannequin",
    "salon_chair",
    "lectern",
    "utility_cart",
    "pegboard",
)


def test_pack_has_the_nine_categories_each_a_designer_category_with_three_variants_in_range():
    assert tuple(c.name for c in catalog_shop.CATEGORIES) == SHOP
    assert set(catalog_shop.VARIANTS) == set(SHOP)
    for name, variants in designer_variants(catalog_shop.VARIANTS, SHOP):
        assert len(variants) == 3, name
        assert_sizes_apart(name, variants)
        assert len({v.color for v in variants}) == len(variants), name
        assert len({v.description for v in variants}) == len(variants), name


def test_designer_knowledge_of_the_pack():
    facts = load_rooms()
    # hung on the wall like a wall shelf; free-standing pieces keep their floor
    peg = facts.category("pegboard")
    assert peg.role == "wall" and peg.mount > 0.8 and peg.mount + peg.size[1] < 2.2
    # a treatment table stands in the open with room to work along its front, or with its back to a wall
    table = facts.category("treatment_table")
    assert table.role == "center" and table.clearance == {"front": 0.7}
    assert "treatment_table" in facts.category("stool").anchors
    # moved synonyms: a garment rack is no coat rack, a vitrine no plain cabinet
    assert "garment rack" in facts.category("clothing_rack").synonyms
    assert "garment rack" not in facts.category("coat_rack").synonyms
    assert "vitrine" in facts.category("display_case").synonyms
    assert "vitrine" not in facts.category("cabinet").synonyms
    # trolleys and drinks carts stay bar carts
    assert {"trolley", "bar cart"} <= set(facts.category("bar_cart").synonyms)


@pytest.mark.slow
def test_every_shop_mesh_fills_its_box_with_closed_coloured_parts(catalog):
    assert_meshes_fill_their_boxes(catalog, SHOP)


def _points(mesh, finish: str) -> np.ndarray:
    colours = mesh.visual.face_colors[:, :3]
    return mesh.triangles[np.all(colours == rgba(finish)[:3], axis=1)].reshape(-1, 3)


def test_treatment_table_top_is_at_table_height_with_the_face_cradle_at_the_head(catalog):
    mesh = catalog.mesh("treatment_table-01")  # cream top, face cradle at -X
    w, h, _ = catalog.get("treatment_table-01").size
    pad = _points(mesh, "cream")
    assert pad[:, 1].max() == pytest.approx(h, abs=0.01)
    assert pad[:, 0].min() == pytest.approx(-w / 2, abs=0.01)
    # the cradle has a hole: a ray straight down the centre line near the head end meets nothing, one beside it padding
    x = -w / 2 + 0.17
    down = np.array([[0.0, -1.0, 0.0]] * 2)
    hits = mesh.ray.intersects_any(np.array([[x, h + 0.1, 0.0], [x, h + 0.1, 0.1]]), down)
    assert hits.tolist() == [False, True]


def test_pegboard_tools_stand_proud_of_a_board_against_the_wall(catalog):
    mesh = catalog.mesh("pegboard-01")
    _, h, d = catalog.get("pegboard-01").size
    board = _points(mesh, "white")
    tools = np.concatenate([_points(mesh, "steel"), _points(mesh, "walnut")])
    assert board[:, 2].min() == pytest.approx(-d / 2, abs=1e-6)
    assert tools[:, 2].min() > board[:, 2].min() + 0.02  # hung in front of the board, not behind it


def test_salon_chairs_sit_on_a_round_pedestal_with_a_footrest_in_front(catalog):
    for aid in ("salon_chair-01", "salon_chair-02"):
        mesh = catalog.mesh(aid)
        w, _, d = catalog.get(aid).size
        floor = mesh.vertices[mesh.vertices[:, 1] < 0.005]
        # one round base: the floor contact is a disc narrower than the seat, not four feet at the corners
        assert np.abs(floor[:, 0]).max() < w / 2 - 0.01
        chrome = _points(mesh, "chrome")
        low = chrome[chrome[:, 1] < 0.3]
        assert low[:, 2].max() > d / 2 - 0.03  # footplate / foot bar at the front


PLAIN = {
    "room_divider": "a folding privacy screen",
    "treatment_table": "a massage table",
    "display_case": "a glass jewelry display case",
    "clothing_rack": "a garment rack",
    "mannequin": "a dress form",
    "salon_chair": "a barber chair",
    "lectern": "a podium",
    "utility_cart": "a rolling instrument cart",
    "pegboard": "a pegboard with tools",
}


def test_plain_requests_retrieve_the_shop_category(builtin_index, minilm):
    from scenerevis.assets import Retriever

    assert set(PLAIN) == set(SHOP)
    retriever = Retriever(encoder=minilm, index=builtin_index)
    facts = load_rooms()
    wrong = []
    for name, desc in PLAIN.items():
        sizes = [None, facts.category(name).size] + [
            variant_size(facts.category(name), desc, facts.category(name).size, random.Random(seed)) for seed in (0, 1)
        ]
        for size in sizes:
            m = retriever.retrieve(desc, size)
            if m.category != name:
                wrong.append((desc, size, m.asset_id))
    assert not wrong


def test_attribute_words_pick_the_matching_shop_variant(builtin_index, minilm):
    cases = [
        ("room_divider", "a walnut room divider", "room_divider-03"),
        ("treatment_table", "a black tattoo bed", "treatment_table-03"),
        ("display_case", "a white bakery display case", "display_case-01"),
        ("clothing_rack", "a black pipe clothing rack", "clothing_rack-02"),
        ("mannequin", "a black dress form", "mannequin-02"),
        ("salon_chair", "a red leather barber chair", "salon_chair-01"),
        ("lectern", "an oak pulpit", "lectern-03"),
        ("utility_cart", "a red rolling tool chest", "utility_cart-03"),
        ("pegboard", "a grey pegboard", "pegboard-03"),
    ]
    assert_attribute_words_pick(builtin_index, minilm, cases)


@pytest.mark.parametrize(
    ("prompt", "want"),
    [
        ("A physio room with two massage tables and a privacy screen.", {"treatment_table": 2, "room_divider": 1}),
        ("A boutique with 4 garment racks, 2 mannequins and a glass display case.", {"clothing_rack": 4, "mannequin": 2}),
        ("A barber shop with two barber chairs and a rolling tool chest.", {"salon_chair": 2, "utility_cart": 1}),
        ("A seminar room with a podium and a pegboard.", {"lectern": 1, "pegboard": 1}),
    ],
)
def test_prompts_name_the_shop_categories(prompt, want):
    from scenerevis.policy.prompt_parse import parse_prompt

    spec = parse_prompt(prompt)
    for cat, n in want.items():
        assert spec.count(cat) == n, (prompt, cat)


def test_verbs_are_no_furniture():
    from scenerevis.policy.prompt_parse import parse_prompt

    spec = parse_prompt("Use a tall bookcase to partition the studio, and a glass cabinet to showcase the trophies.")
    # the glass cabinet is a display case (glass-fronted); the verb "showcase" adds none
    assert spec.count("room_divider") == 0 and [i.desc for i in spec.items if i.category == "display_case"] == ["glass cabinet"]
    # a piece used as a room divider is that piece, not a second one
    spec = parse_prompt("A loft with a double bed, a sofa and a tall bookcase used as a room divider between them.")
    assert spec.count("room_divider") == 0 and spec.count("bookshelf") == 1
