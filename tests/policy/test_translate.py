"""The word-by-word gloss of non-English prompts (scenerevis.policy.translate)."""

from __future__ import annotations

import json

import pytest

from scenerevis.policy import translate
from scenerevis.policy.prompt_parse import parse_prompt


@pytest.mark.parametrize(
    "text, language, counts, room",
    [
        (
            "Chambre : un lit double, deux tables de chevet, un bureau avec une chaise et un fauteuil.",
            "fr",
            {"double_bed": 1, "nightstand": 2, "desk": 1, "office_chair": 1, "armchair": 1},
            "bedroom",
        ),
        (
            "Schlafzimmer mit einem Doppelbett, zwei Nachttischen, einem Kleiderschrank und einer Kommode.",
            "de",
            {"double_bed": 1, "nightstand": 2, "wardrobe": 1, "dresser": 1},
            "bedroom",
        ),
        (
            "Soggiorno con un divano, un tavolino, una libreria e due poltrone.",
            "it",
            {"sofa": 1, "coffee_table": 1, "bookshelf": 1, "armchair": 2},
            "living_room",
        ),
        ("Cocina con una nevera y cuatro sillas.", "es", {"fridge": 1, "dining_chair": 4}, "kitchen"),
    ],
)
def test_non_english_prompts_are_read_through_the_gloss(text, language, counts, room):
    spec = parse_prompt(text)
    assert not spec.english and spec.language == language
    assert spec.room_type == room
    assert {i.category: i.count for i in spec.items} == counts
    assert spec.text == text  # the spec keeps the prompt as written


def test_adjectives_after_the_noun_move_before_it_and_areas_are_kept():
    got = translate.gloss("Sala de estar com um sofá cinza e duas poltronas de couro. Cerca de 20 m².")
    assert got is not None and got.language == "pt"
    assert "grey sofa" in got.text and "leather armchair" in got.text
    assert parse_prompt("Sala de estar com um sofá cinza e duas poltronas de couro. Cerca de 20 m².").area == 20.0


def test_english_and_unknown_text_have_no_gloss():
    assert translate.gloss("一个有床和衣柜的卧室") is None
    spec = parse_prompt("A bedroom with a bed.")
    assert spec.english and spec.language == "en"


def test_a_bad_lexicon_names_the_file_and_field(tmp_path, monkeypatch):
    bad = tmp_path / "lexicon.json"
    bad.write_text(json.dumps({"languages": {"fr": {"lit": 3}}}), encoding="utf-8")
    monkeypatch.setattr(translate, "LEXICON", bad)
    translate.lexicon.cache_clear()
    try:
        with pytest.raises(ValueError, match=r"lexicon.json: languages.fr must map words"):
            translate.lexicon()
    finally:
        translate.lexicon.cache_clear()
