"""The room's knowledge as data: companion rules, the role table and a room type added as data only."""

from __future__ import annotations

import json

import pytest

from scenerevis.scene import rooms as rooms_mod
from scenerevis.scene.rooms import CompanionRule, load_rooms


@pytest.fixture
def patched_rooms(monkeypatch):
    """Edit a copy of rooms.json in memory: ``edit(fn)`` applies ``fn(raw)`` and reloads every cache."""
    from scenerevis.policy import layout, vocab

    original = rooms_mod._load_text()

    def clear():
        load_rooms.cache_clear()
        layout.check_roles.cache_clear()
        vocab.vocabulary.cache_clear()

    def edit(fn):
        raw = json.loads(original)
        fn(raw)
        monkeypatch.setattr(rooms_mod, "_load_text", lambda: json.dumps(raw))
        clear()
        return raw

    yield edit
    monkeypatch.undo()
    clear()


def test_companion_rule_counts():
    beds = ("double_bed", "single_bed")
    rule = CompanionRule(when=beds, add="nightstand", count=2, count_several=1, count_in={"kids_room": 1})
    assert rule.applies("bedroom", {"double_bed": 1})
    assert not rule.applies("bedroom", {"double_bed": 1, "nightstand": 1})  # already planned
    assert rule.count_for("bedroom", {"double_bed": 1}, large=False) == 2
    assert rule.count_for("bedroom", {"single_bed": 3}, large=False) == 1
    assert rule.count_for("kids_room", {"single_bed": 1}, large=False) == 1
    same = CompanionRule(when=("desk",), add="office_chair", count="same")
    assert same.count_for("study", {"desk": 3}, large=False) == 3
    few = CompanionRule(when=("dining_chair",), add="small_table", max_count=2, unless=("dining_table",))
    assert few.applies("kitchen", {"dining_chair": 2}) and not few.applies("kitchen", {"dining_chair": 3})
    assert not few.applies("kitchen", {"dining_chair": 2, "dining_table": 1})
    room_bound = CompanionRule(when=("sofa",), add="coffee_table", rooms=("living_room",), add_in={"living_room": "ottoman"})
    assert room_bound.applies("living_room", {"sofa": 1}) and not room_bound.applies("bedroom", {"sofa": 1})
    assert room_bound.category_for("living_room") == "ottoman"


def test_companions_come_from_the_data(patched_rooms):
    from scenerevis.policy.plan import build_plan
    from scenerevis.policy.prompt_parse import parse_prompt

    def plan_counts(prompt):
        return {
            c: sum(1 for i in build_plan(parse_prompt(prompt), 0, extras=False).items if i.category == c)
            for c in ("office_chair", "side_table")
        }

    assert plan_counts("A living room with two desks.") == {"office_chair": 2, "side_table": 0}

    def desk_gets_side_table(raw):
        for rule in raw["companions"]:
            if rule["add"] == "office_chair":
                rule["add"], rule["count"] = "side_table", 1

    patched_rooms(desk_gets_side_table)
    assert plan_counts("A living room with two desks.") == {"office_chair": 0, "side_table": 1}


def test_bad_data_names_the_field(patched_rooms):
    def unknown_role(raw):
        raw["categories"]["desk"]["role"] = "levitate"

    patched_rooms(unknown_role)
    from scenerevis.policy.layout import check_roles

    with pytest.raises(ValueError, match=r"category desk has role 'levitate'"):
        check_roles()

    def unknown_companion(raw):
        raw["companions"][0]["add"] = "hammock_stand"

    patched_rooms(unknown_companion)
    with pytest.raises(ValueError, match=r"companions\[0\] names unknown category 'hammock_stand'"):
        load_rooms()

    def anchorless(raw):
        raw["categories"]["nightstand"].pop("anchors")

    patched_rooms(anchorless)
    with pytest.raises(ValueError, match=r"nightstand has companion role 'bed_side' but no anchors"):
        check_roles()


def test_a_room_type_added_as_data_only(patched_rooms):
    """A "sunroom" entry (essentials, extras, area) is all the designer needs to furnish one."""
    from scenerevis.loop.simulate import run_rule_episode
    from scenerevis.physics import evaluate_physics
    from scenerevis.policy.prompt_parse import parse_prompt

    assert "sunroom" not in load_rooms().room_types

    def add_sunroom(raw):
        raw["room_types"]["sunroom"] = {
            "label": "sunroom",
            "synonyms": ["sunroom", "sun room", "conservatory"],
            "area": [9, 20],
            "typical_area": 12,
            "ceiling": [2.6, 3.0],
            "essentials": [["armchair", "sofa"], ["plant"]],
            "often": ["side_table", "rug"],
            "default_extra": ["side_table"],
        }

    patched_rooms(add_sunroom)
    spec = parse_prompt("A bright sunroom with a rattan sofa.")
    assert spec.room_type == "sunroom"
    scene, _turns = run_rule_episode("A bright sunroom with a rattan sofa.", iterations=10, seed=0)
    cats = [o.desc for o in scene.objects]
    assert any("sofa" in d for d in cats) and any("plant" in d for d in cats), cats
    assert 9 <= scene.floor_area <= 20
    report = evaluate_physics(scene)
    assert report.collision_rate == 0 and report.oob_rate == 0


def test_clearances_name_entries_of_the_clearance_table(patched_rooms):
    facts = load_rooms()
    assert facts.categories["wardrobe"].clearance["front"] == facts.clearances["storage_front"] == 0.8
    assert facts.categories["treadmill"].clearance["back"] == facts.clearances["treadmill_behind"] == 2.0

    def wider_storage(raw):
        raw["clearances"]["storage_front"] = 1.0
        raw["categories"]["dresser"]["clearance"]["front"] = "sofa_to_coffee_table"  # a [min, max] entry: its minimum

    patched_rooms(wider_storage)
    facts = load_rooms()
    assert facts.categories["wardrobe"].clearance["front"] == 1.0
    assert facts.categories["dresser"].clearance["front"] == 0.4

    def unknown(raw):
        raw["categories"]["desk"]["clearance"]["front"] = "elbow_room"

    patched_rooms(unknown)
    with pytest.raises(ValueError, match=r"category desk clearance 'front' names unknown clearance 'elbow_room'"):
        load_rooms()


def test_wall_mounted_pieces_hang_at_their_mount_height():
    """rooms.json ``mount``: floating shelves hang 1.35 m up a wall, so a desk may stand below them."""
    from scenerevis.loop.simulate import run_rule_episode
    from scenerevis.physics import evaluate_physics

    assert load_rooms().category("wall_shelf").mount == 1.35
    assert load_rooms().category("desk").mount == 0.0
    scene, _turns = run_rule_episode("A study with a desk, an office chair and two floating shelves.", iterations=10, seed=0)
    shelves = [o for o in scene.objects if "floating shel" in o.desc.lower()]
    assert len(shelves) == 2
    assert all(abs(o.pos[1] - 1.35) < 1e-6 for o in shelves)
    rep = evaluate_physics(scene)
    assert rep.collision_rate == 0.0 and rep.oob_rate == 0.0


def test_stools_pull_up_to_their_tables_a_share_each():
    """role ``pull_up``: 12 stools for three work tables are shared among the tables (four slots each); all but
    what the packed floor leaves no slot for stand within 0.5 m of a table."""
    from shapely.geometry import Point

    from scenerevis.loop.simulate import run_rule_episode
    from scenerevis.policy.occupancy import body_from_object

    scene, _turns = run_rule_episode("A workshop with three large work tables and 12 stools.", iterations=10, seed=0)
    tables = [body_from_object(o, "work_table", False).poly for o in scene.objects if "work table" in o.desc]
    stools = [o for o in scene.objects if o.desc.endswith("stool")]
    assert len(tables) == 3 and len(stools) == 12
    nearest = [min(range(3), key=lambda k: tables[k].distance(Point(o.pos[0], o.pos[2]))) for o in stools]
    pulled_up = [k for o, k in zip(stools, nearest) if tables[k].distance(Point(o.pos[0], o.pos[2])) < 0.5]
    assert len(pulled_up) >= 10
    assert all(2 <= pulled_up.count(k) <= 4 for k in range(3))  # a share each, never six at one table
