"""Tests of scenerevis/scene/rooms.py and the facts in scenerevis/data/rooms.json."""

from __future__ import annotations

import re

from scenerevis.scene.rooms import load_rooms, phrase_pattern


def test_room_types_and_areas_match_rooms_md():
    facts = load_rooms()
    assert set(facts.room_types) == {
        "bedroom",
        "living_room",
        "dining_room",
        "study",
        "kids_room",
        "gym",
        "game_room",
        "kitchen",
        "bathroom",
        # added as data only (the designer has no code for them)
        "nursery",
        "yoga_studio",
        "home_theater",
        "laundry_room",
        "music_room",
        "art_studio",
        "entryway",
        "conference_room",
        "room",  # the fallback when neither the name nor the furniture tells the room type
    }
    assert facts.fallback_room_type == "room"
    assert facts.room_type("bedroom").area == (10.0, 25.0)
    assert facts.room_type("living_room").area == (15.0, 35.0)
    assert facts.room_type("bathroom").area == (4.0, 15.0)
    assert facts.room_type("dining_room").essentials == (("dining_table",), ("dining_chair",), ("sideboard",))
    assert facts.ceiling == (2.6, 2.8)


def test_category_sizes_lie_in_their_ranges():
    facts = load_rooms()
    for cat in facts.categories.values():
        assert cat.clamp_size(cat.size) == cat.size, cat.name
        assert all(lo <= hi for lo, hi in cat.size_range), cat.name
    assert facts.category("double_bed").size == (1.6, 1.0, 2.1)
    assert facts.category("nightstand").size_range == ((0.35, 0.65), (0.4, 0.7), (0.3, 0.5))
    assert facts.category("wardrobe").clearance == {"front": 0.8}


def test_every_synonym_names_one_category():
    facts = load_rooms()
    seen: dict[str, str] = {}
    for cat in facts.categories.values():
        for syn in cat.synonyms:
            assert seen.setdefault(syn, cat.name) == cat.name, f"{syn!r} in {seen[syn]} and {cat.name}"


def test_phrase_pattern_plurals_and_hyphens():
    pat = re.compile(phrase_pattern("tv stand"), re.IGNORECASE)
    assert pat.fullmatch("TV stands") and pat.fullmatch("tv-stand")
    assert re.compile(phrase_pattern("bookshelf")).fullmatch("bookshelves")
    assert not re.compile(phrase_pattern("dining")).search("dining-style")
