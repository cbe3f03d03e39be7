"""The backtracking search of arrangement requests (scenerevis/policy/solve.py)."""

from __future__ import annotations

import math

import pytest

from scenerevis.loop.simulate import run_rule_episode
from scenerevis.physics import evaluate_physics
from scenerevis.policy import solve
from scenerevis.policy.arrange import Relation
from scenerevis.policy.brief_check import relation_met
from scenerevis.policy.plan import PlannedItem
from scenerevis.policy.solve import group_order
from scenerevis.scene.rotation import quat_to_yaw

EASELS = "A small art studio with a large work table in the middle, three easels in a row along one wall and a flat file cabinet."
TWIN = "Twin bedroom for two children: two single beds side by side with a nightstand between them, a desk and a blue beanbag."


def _item(cat: str) -> PlannedItem:
    return PlannedItem(cat, cat, (0.5, 0.5, 0.5), 1, "g", True, False, False)


def test_group_order_places_targets_first():
    items = [_item("nightstand"), _item("single_bed"), _item("desk"), _item("single_bed")]
    rels = [Relation("between", "nightstand", "single_bed"), Relation("side_by_side", "single_bed")]
    assert [i.category for i in group_order(items, rels)] == ["single_bed", "single_bed", "nightstand"]


@pytest.mark.parametrize(
    ("prompt", "relations", "greedy_meets"),
    [
        (EASELS, [["in_row", "easel"]], False),
        (TWIN, [["side_by_side", "single bed", "single bed"], ["between", "nightstand", "single bed", "single bed"]], True),
    ],
)
def test_the_search_meets_what_the_greedy_pass_misses(prompt, relations, greedy_meets, monkeypatch):
    scene, _ = run_rule_episode(prompt, iterations=10, seed=0)
    assert all(relation_met(scene, r) for r in relations)
    report = evaluate_physics(scene)
    assert report.collision_rate == 0 and report.oob_rate == 0
    # with a budget of one candidate per piece the search is the greedy pass: in the small studio whose work
    # table takes the middle, the row its first easel starts cannot grow to three
    monkeypatch.setattr(solve, "BUDGET", 3)
    greedy, _ = run_rule_episode(prompt, iterations=10, seed=0)
    assert all(relation_met(greedy, r) for r in relations) == greedy_meets


def test_next_to_a_tv_means_beside_its_stand_and_the_tv_stays_on_it():
    prompt = "Media room with a large sectional, two floor-standing speakers next to the TV and a popcorn machine."
    scene, _ = run_rule_episode(prompt, iterations=10, seed=0)
    tvs = [o for o in scene.objects if o.desc.endswith(" tv") or o.desc.endswith("TV")]
    assert len(tvs) == 1 and tvs[0].pos[1] > 0.3  # on its stand, not on the floor
    assert relation_met(scene, ["next_to", "speaker", "tv"])


def test_in_the_middle_of_a_long_room_means_its_centre():
    """A 7.6 x 3.9 m room: any point of its long axis is farthest from the walls, the middle is the centre;
    the table asked for there is placed before the sofa that would take that floor."""
    scene, _ = run_rule_episode("A room with a round table in the middle, two chairs and a small sofa.", iterations=10, seed=0)
    table = next(o for o in scene.objects if o.desc.endswith("table"))
    assert abs(table.pos[0]) < 0.3 and abs(table.pos[2]) < 0.3
    assert relation_met(scene, ["middle", "table"])


def test_generic_objects_keep_their_own_arrangement():
    """Two generic objects, two requests: the cash register goes on the counter, the display case beside it
    (relations name which generic object by its phrase)."""
    prompt = "Bakery front: a glass display case next to the sales counter and a cash register on top of the counter."
    scene, _ = run_rule_episode(prompt, iterations=10, seed=0)
    assert relation_met(scene, ["on_top", "cash register", "counter"])
    assert relation_met(scene, ["next_to", "glass display case", "counter"])
    register = next(o for o in scene.objects if o.desc == "cash register")
    assert register.pos[1] > 0.5 and max(register.size) <= 0.6  # on the counter, sized to stand on it


def test_each_with_a_stool_stands_by_its_owner():
    """ "2 potter's wheels, each with a stool": each stool pulls up to a wheel, not to the wedging table its
    data lists first."""
    prompt = "Pottery studio, about 20 m²: 2 potter's wheels, each with a stool, a wedging table and a kiln in the corner."
    scene, _ = run_rule_episode(prompt, iterations=10, seed=0)
    assert relation_met(scene, ["next_to", "stool", "potter's wheel"])
    assert sum(o.desc.endswith("stool") for o in scene.objects) == 2


def test_a_small_room_without_nightstands_puts_the_bed_in_a_corner():
    """9 m^2, a single bed, a desk and a stool: the bed goes into a corner (no bedside floor on its wall side),
    which leaves the desk room; centred on a wall it split the room and the desk was dropped."""
    prompt = "Capsule-hotel style room, 9 m²: a single bed, a fold-down desk, one stool. nothing else."
    scene, _ = run_rule_episode(prompt, iterations=10, seed=0)
    assert sorted(o.desc.split()[-1] for o in scene.objects) == ["bed", "desk", "stool"]
    assert relation_met(scene, ["corner", "bed"])
    report = evaluate_physics(scene)
    assert report.collision_rate == 0 and report.oob_rate == 0


def test_a_piece_set_on_a_named_generic_object_finds_that_object():
    """Three chests and a pedestal are all generic objects: the globe goes on the pedestal, sized to its top."""
    prompt = "escape room, 5 x 6 m. steel workbench in the middle, 3 locked chests, and a pedestal with a globe on top"
    scene, _ = run_rule_episode(prompt, iterations=10, seed=0)
    pedestal = next(o for o in scene.objects if o.desc == "pedestal")
    globe = next(o for o in scene.objects if o.desc == "globe")
    assert globe.pos[1] == pytest.approx(pedestal.pos[1] + pedestal.size[1], abs=0.01)
    assert globe.size[0] <= pedestal.size[0] + 0.05 and globe.size[2] <= pedestal.size[2] + 0.05
    assert relation_met(scene, ["on_top", "globe", "pedestal"])


@pytest.mark.parametrize(
    "prompt, relation",
    [
        ("Computer lab for 8 pupils: eight computer desks in two rows back to back, 8 office chairs", "back_to_back"),
        ("Open plan office for 6 people: two rows of three desks facing each other, six task chairs", "opposite"),
    ],
)
def test_two_rows_stand_back_to_back_or_facing(prompt, relation):
    scene, _ = run_rule_episode(prompt, iterations=10, seed=0)
    assert relation_met(scene, ["in_row", "desk"])
    assert relation_met(scene, [relation, "desk", "desk"])
    desks = [o for o in scene.objects if o.desc.endswith(" desk")]
    chairs = [o for o in scene.objects if o.desc.endswith(("task chair", "office chair"))]
    assert len(chairs) == len(desks)
    if relation == "back_to_back":  # every chair at a desk (the facing rows of this L-shaped room leave some out)
        assert all(min(abs(c.pos[0] - d.pos[0]) + abs(c.pos[2] - d.pos[2]) for d in desks) < 1.0 for c in chairs)


@pytest.mark.parametrize(
    "prompt",
    [
        "A family hotel room of roughly 28 m2: one king bed and one sofa bed, two nightstands with lamps, a crib, a "
        "long low dresser with a TV on top facing the beds, a desk with an office chair, a wardrobe and a mirror",
        "Master bedroom, approx 4.5 x 4 m. A king bed with its headboard against the middle of the wall, two "
        "nightstands with matching lamps on them, a bench at the foot of the bed, a dresser with a mirror above it, a "
        "reading chair in the corner with a floor lamp beside it, a rug under the bed, a TV on the wall opposite the "
        "bed, a laundry hamper and a tall plant.",
    ],
)
def test_a_tv_faces_what_the_brief_names_through_its_host(prompt):
    scene, _ = run_rule_episode(prompt, iterations=10, seed=0)
    assert relation_met(scene, ["facing", "tv", "bed"]) and relation_met(scene, ["facing", "bed", "tv"])
    tv = next(o for o in scene.objects if o.desc.lower().endswith("tv"))
    if "on the wall" in prompt:  # hung, standing on nothing
        assert tv.pos[1] >= 0.9 and not any(relation_met(scene, ["on_top", "tv", c]) for c in ("dresser", "stand"))
    else:
        assert relation_met(scene, ["on_top", "tv", "dresser"])


def test_a_screen_between_two_beds_turns_its_long_side_along_the_gap():
    prompt = "Two-patient ward, 4 x 5 m. A pair of beds side by side with a folding privacy screen between them. Nothing else."
    scene, _ = run_rule_episode(prompt, iterations=10, seed=0)
    assert relation_met(scene, ["between", "screen", "bed", "bed"])
    report = evaluate_physics(scene)
    assert report.collision_rate == 0 and report.oob_rate == 0


def test_a_piece_in_front_of_another_stands_at_its_front():
    prompt = "A small chapel with an altar table against the wall and a kneeler in front of it"
    scene, _ = run_rule_episode(prompt, iterations=10, seed=0)
    altar = next(o for o in scene.objects if o.desc.endswith("altar table"))
    kneeler = next(o for o in scene.objects if o.desc == "kneeler")
    assert relation_met(scene, ["next_to", "kneeler", "altar table"]) and relation_met(
        scene, ["facing", "kneeler", "altar table"]
    )
    yaw = quat_to_yaw(altar.rot)
    ahead = (kneeler.pos[0] - altar.pos[0]) * math.sin(yaw) + (kneeler.pos[2] - altar.pos[2]) * math.cos(yaw)
    assert ahead > altar.size[2] / 2  # on the altar's front side
