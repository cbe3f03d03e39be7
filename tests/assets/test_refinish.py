"""Built-in assets refinished in a finish their variants lack (scenerevis.assets.refinish)."""

from __future__ import annotations

import numpy as np
import pytest

from scenerevis.assets import refinish
from scenerevis.assets.palette import FINISHES


@pytest.mark.parametrize(
    "desc, finish",
    [
        ("black leather sofa", "black leather"),  # the longer name at the same place wins
        ("a walnut chess table with a grey base", "walnut"),  # the first one named
        ("round table", None),
        ("a mirror with a screen", None),  # parts, not finishes a prompt asks for
        ("a jade-green folding screen", "green"),  # a word hyphenated before a colour names a shade of it
        ("a sea-blue rug with a rosewood border", "blue"),
        ("a wire dog crate", "wire"),  # a word that means a finish of another name (steel)
        ("a square rosewood mahjong table", "rosewood"),
    ],
)
def test_requested_finish(desc, finish):
    assert refinish.requested_finish(desc) == finish


def test_woods_and_words_of_finishes_prompts_name():
    assert refinish.palette_name("wire") == "steel" and refinish.palette_name("hickory") == "walnut"
    assert {"rosewood", "ebony", "elm", "plywood"} <= set(FINISHES)
    assert refinish.requested_finishes("a long birch plywood cabinet") == ["birch", "plywood"]


def test_refinished_ids_round_trip_and_bad_finishes_name_the_id(catalog):
    asset = catalog.get("round_dining_table-02")  # marble top on a black pedestal
    assert asset.params["top"] == "marble"
    new = catalog.get("round_dining_table-02~walnut")
    assert new.params["top"] == "walnut" and new.params["leg"] == "black"
    assert new.description == asset.description.replace("marble", "walnut", 1)
    assert "round_dining_table-02~black_leather" in catalog
    with pytest.raises(KeyError, match="round_dining_table-02~plaid"):
        catalog.get("round_dining_table-02~plaid")
    assert "round_dining_table-02~plaid" not in catalog


def test_the_mesh_takes_the_finish_colour(catalog):
    walnut = np.array(FINISHES["walnut"].rgb)
    colours = catalog.mesh("round_dining_table-02~walnut").visual.face_colors[:, :3].astype(int)
    plain = catalog.mesh("round_dining_table-02").visual.face_colors[:, :3].astype(int)
    assert (np.abs(colours - walnut).sum(axis=1) == 0).any()
    assert not (np.abs(plain - walnut).sum(axis=1) == 0).any()


def test_retrieval_applies_a_finish_no_variant_has(builtin_index, minilm):
    from scenerevis.assets import Retriever
    from scenerevis.assets.config import RetrievalConfig

    retriever = Retriever(encoder=minilm, index=builtin_index)
    m = retriever.retrieve("walnut round dining table", (1.2, 0.76, 1.2))
    assert m.asset_id == "round_dining_table-02~walnut" and "walnut" in m.description
    # a finish the asset has keeps the catalog asset; the option turns refinishing off
    assert retriever.retrieve("round marble top table", (1.2, 0.76, 1.2)).asset_id == "round_dining_table-02"
    plain = Retriever(RetrievalConfig(refinish=False), encoder=minilm, index=builtin_index)
    assert plain.retrieve("walnut round dining table", (1.2, 0.76, 1.2)).asset_id == "round_dining_table-02"


def test_words_that_mean_a_finish_and_the_main_surface(catalog):
    """ "wooden" means oak, "rattan" is a finish of its own; the seat of a chair, not its legs, takes it and
    the description says so in the prompt's word."""
    assert refinish.requested_finish("a wooden bar counter") == "wooden"
    assert refinish.palette_name("wooden") == "oak" and refinish.palette_name("rattan") == "rattan"
    chair = catalog.get("dining_chair-02")
    red = catalog.get("dining_chair-02~red")
    surface = next(k for k in refinish.MAIN_SURFACE if k in chair.params)
    assert red.params[surface] == "red" and red.params.get("leg") == chair.params.get("leg")
    assert "red seat" in red.description
    assert catalog.get("bar_counter-02~wooden").params != catalog.get("bar_counter-02").params


@pytest.mark.parametrize(
    "desc, finishes",
    [
        ("long white marble reception desk", ["white", "marble"]),  # in written order
        ("beige linen sofa", ["beige", "linen"]),
        ("copper-topped bar", ["copper"]),  # a finish word naming a part
        ("glass-fronted curio cabinet", ["glass"]),
        ("old cast-iron sink", ["cast-iron"]),
        ("black leather armchair", ["black leather"]),  # not "black" and "leather" apart
        ("a well-made stool", []),
    ],
)
def test_requested_finishes_in_written_order(desc, finishes):
    assert refinish.requested_finishes(desc) == finishes


def test_the_first_finish_the_asset_lacks_is_applied():
    """A white desk asked for in white marble becomes marble (it is white already); "gilt" and "cast-iron" mean
    the palette's gold and iron."""
    from scenerevis.assets.index import Match

    assert refinish.palette_name("gilt") == "gold" and refinish.palette_name("cast-iron") == "iron"
    white_desk = next(a for a in refinish._builtin().values() if a.category == "desk" and refinish.has_finish(a, "white"))
    assert not refinish.has_finish(white_desk, "marble")
    match = Match(white_desk.id, "builtin", "desk", white_desk.description, np.array(white_desk.size), 0.9)
    got = refinish.refinish_match("long white marble reception desk", match)
    assert got.asset_id == f"{white_desk.id}~marble" and "marble" in got.description
    # every finish it names it has already: the catalog asset stays
    assert refinish.refinish_match("white desk", match).asset_id == white_desk.id
