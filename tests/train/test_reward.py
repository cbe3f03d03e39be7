"""Per-turn reward on hand-made scenes with known overlaps, out-of-room volumes, errors and contents; trajectory rule."""

import pytest

from scenerevis.physics import evaluate_physics
from scenerevis.tools import apply_tool_calls, parse_reply
from scenerevis.train.reward import TurnFacts, compute_score, phase_of, score_turn, trajectory_reward
from scenerevis.train.reward_config import RewardConfig
from tests.fake_openai_server import FakeOpenAIServer, Planned
from tests.helpers import L_ROOM, obj, room

DEFAULT = RewardConfig.default()
VOXEL = 0.05**3  # m^3, one voxel at the default pitch


def only(phase: str, **weights) -> RewardConfig:
    """The default config with ``phase`` weighted by ``weights`` alone."""
    w = {p: dict(c) for p, c in DEFAULT.weights.items()}
    w[phase] = weights
    return RewardConfig(weights=w)


def edit(**kw) -> TurnFacts:
    return TurnFacts(turn=kw.pop("turn", 1), kind=kw.pop("kind", "tool_calls"), **kw)


def apart(n: int, desc: str = "box") -> list:
    """``n`` 0.4 m cubes 1 m apart along z = 1.5, inside the 4 x 4 m test room (x, z in [-2, 2])."""
    return [obj(desc, (0.4, 0.4, 0.4), (-1.5 + 1.0 * i, 0, 1.5)) for i in range(n)]


# ---------------------------------------------------------------------------------------------- physics
def test_two_boxes_overlapping_by_a_known_depth():
    # unit cubes at x = 0 and x = 0.9 overlap by 0.1 m along x; a third cube stands apart
    scene = room(
        [obj("box", (1, 1, 1), (0, 0, 0)), obj("box", (1, 1, 1), (0.9, 0, 0)), obj("box", (0.4, 0.4, 0.4), (-1.5, 0, 1.5))]
    )
    cfg = only("edit", collision_rate=1.0, penetration_depth=1.0, oob_rate=1.0, oob_volume=1.0)
    s = score_turn(scene, edit(), cfg)
    assert s.phase == "edit"
    assert s.metrics["collision_rate"] == pytest.approx(200 / 3)
    assert s.metrics["penetration_depth_sum"] == pytest.approx(0.1, abs=1e-9)
    assert s.components["collision_rate"] == pytest.approx(-(200 / 3 - 45) / 55)  # = -13/33
    assert s.components["penetration_depth"] == pytest.approx(0.5, abs=1e-8)  # 1 - 5 * 0.1
    assert s.components["oob_rate"] == 1.0 and s.components["oob_volume"] == 1.0
    assert s.total == pytest.approx((-13 / 33 + 0.5 + 1 + 1) / 4, abs=1e-8)


def test_penetration_sums_over_pairs():
    # two separate overlapping pairs: 0.1 m and 0.2 m deep -> d = 0.3 -> score 0
    objs = [
        obj("box", (1, 1, 1), (-1.2, 0, -1.2)),
        obj("box", (1, 1, 1), (-0.3, 0, -1.2)),
        obj("box", (0.8, 0.8, 0.8), (1.0, 0, 1.2)),
        obj("box", (0.8, 0.8, 0.8), (1.0, 0, 0.6)),
    ]
    s = score_turn(room(objs), edit(), only("edit", penetration_depth=1.0))
    assert s.metrics["penetration_depth_sum"] == pytest.approx(0.3, abs=1e-9)
    assert s.components["penetration_depth"] == pytest.approx(0.0, abs=1e-8)
    assert s.total == pytest.approx(0.0, abs=1e-8)


def test_box_poking_out_of_the_room_by_a_known_volume():
    # a unit cube at x = 1.8 spans x in [1.3, 2.3]: 0.3 m^3 lies beyond the wall at x = 2
    scene = room([obj("box", (1, 1, 1), (1.8, 0, 0)), *apart(2)])
    s = score_turn(scene, edit(), only("edit", oob_rate=1.0, oob_volume=1.0))
    assert s.metrics["oob_volume"] == pytest.approx(0.3, abs=1e-6)
    assert s.metrics["oob_rate"] == pytest.approx(100 / 3)
    assert s.components["oob_volume"] == pytest.approx(0.5 - 0.1 / 0.6, abs=1e-6)  # 1/3
    assert s.components["oob_rate"] == pytest.approx(-(100 / 3 - 30) / 70)  # -1/21
    assert s.total == pytest.approx((1 / 3 - 1 / 21) / 2, abs=1e-6)


def test_voxel_pbl_of_a_box_one_voxel_layer_outside():
    # cube spanning x in [1.05, 2.05]: the filled lattice (boundary planes included) has one 21 x 21
    # layer of voxels beyond x = 2 -> PBL = 441 voxels
    scene = room([obj("box", (1, 1, 1), (1.55, 0, 0)), *apart(2)])
    s = score_turn(scene, edit(), only("edit", voxel_pbl=1.0))
    pbl = 441 * VOXEL
    assert s.metrics["pbl"] == pytest.approx(pbl, abs=1e-12)
    assert s.components["voxel_pbl"] == pytest.approx(1 - 2 * (pbl - 1e-5) / (0.1 - 1e-5), abs=1e-12)
    inside = score_turn(room(apart(3)), edit(), only("edit", voxel_pbl=1.0))
    assert inside.metrics["pbl"] == 0.0 and inside.components["voxel_pbl"] == 1.0


def test_physics_components_are_minus_one_below_three_objects():
    s = score_turn(room(apart(2)), edit(), only("edit", collision_rate=1.0, oob_rate=1.0, voxel_pbl=1.0, format=1.0))
    assert s.components == {"format": 1.0, "collision_rate": -1.0, "oob_rate": -1.0, "voxel_pbl": -1.0}
    assert s.total == pytest.approx(-0.5)


def test_given_report_is_used_instead_of_recomputing():
    scene = room(apart(3))
    report = evaluate_physics(room([obj("box", (1, 1, 1), (1.8, 0, 0)), *apart(2)]))  # a report of another scene
    s = score_turn(scene, edit(report=report), only("edit", oob_volume=1.0))
    assert s.metrics["oob_volume"] == pytest.approx(0.3, abs=1e-6)


# ---------------------------------------------------------------------------------------------- format
def _errors_of(scene, reply: str) -> TurnFacts:
    """What the environment records for ``reply``: parse errors, then apply errors, one line each."""
    parsed = parse_reply(reply)
    applied = apply_tool_calls(scene, parsed.calls)
    errors = [e.line() for e in parsed.errors] + [e.line() for e in applied.errors]
    return TurnFacts(turn=1, kind=parsed.kind, errors=errors, calls=[c.to_dict() for c in parsed.calls], reply=reply)


def _calls(*calls: str) -> str:
    return "<think>fix it</think>\n<tool_calls>\n[" + ", ".join(calls) + "]\n</tool_calls>"


MOVE_OK = '{"id": "tool_1", "name": "move_object", "arguments": {"jid": "box_1", "new_position": [0, 0, 0]}}'
UNKNOWN_TOOL = '{"id": "tool_2", "name": "fly_object", "arguments": {}}'
BAD_ID = '{"id": "tool_3", "name": "move_object", "arguments": {"jid": "sofa_9", "new_position": [0, 0, 0]}}'


@pytest.mark.parametrize(
    "reply, num_errors, score",
    [
        (_calls(MOVE_OK), 0, 1.0),
        (_calls(MOVE_OK, UNKNOWN_TOOL), 1, 0.5),
        (_calls(MOVE_OK, UNKNOWN_TOOL, BAD_ID), 2, 0.0),
        (_calls(UNKNOWN_TOOL, BAD_ID, BAD_ID.replace("tool_3", "tool_4")), 3, -0.5),
        ("<tool_calls>[{]</tool_calls>", 1, -1.0),  # bad JSON: kind invalid
        ("I would move the bed.", 1, -1.0),  # neither block
        ("<create_scene>\n```json\n{}\n```\n</create_scene>", 0, -1.0),  # creation block in an edit turn
    ],
)
def test_format_component_from_real_parse_and_apply(reply, num_errors, score):
    scene = room([obj("box", (0.4, 0.4, 0.4), (0, 0, 0), id="box_1")])
    facts = _errors_of(scene, reply)
    assert len(facts.errors) == num_errors
    s = score_turn(scene, facts, only("edit", format=1.0))
    assert s.components == {"format": score} and s.total == score


def test_require_think_counts_a_missing_think_block():
    cfg = RewardConfig(weights=only("edit", format=1.0).weights, require_think=True)
    scene = room(apart(1))
    no_think = "<tool_calls>\n[]\n</tool_calls>"
    assert score_turn(scene, edit(reply=no_think), cfg).total == 0.5
    assert score_turn(scene, edit(reply="<think>ok</think>" + no_think), cfg).total == 1.0


# ---------------------------------------------------------------------------------------------- contents
def test_essentials_coverage_of_the_requested_room_type():
    objs = [
        obj("queen bed with a grey headboard", (1.6, 1.0, 2.1), (0, 0, -0.9)),
        obj("oak nightstand", (0.5, 0.55, 0.4), (1.2, 0, -1.7)),
    ]
    cfg = only("edit", essentials=1.0)
    s = score_turn(room(objs), edit(), cfg, requirement="A calm bedroom with a double bed and a nightstand.")
    assert s.metrics["essentials_coverage"] == pytest.approx(2 / 3) and s.metrics["essentials_missing"] == [["wardrobe"]]
    assert s.total == pytest.approx(1 / 3)
    # the requested room type decides, not the room type the policy wrote
    s = score_turn(room(objs, room_type="weird-room"), edit(), cfg, requirement="A living room with a sofa.")
    assert s.metrics["essentials_coverage"] == 0.0 and s.total == -1.0
    # no requirement, unknown room type: the component does not apply (skipped, said so)
    s = score_turn(room(objs, room_type="weird-room"), edit(), only("edit", essentials=1.0, format=0.5))
    assert (
        "essentials" not in s.components
        and s.total == 1.0
        and s.notes == ["essentials skipped: room type 'weird-room' is unknown or lists no essentials"]
    )


def test_size_plausibility_counts_critical_and_minor_objects():
    beds = [
        obj("double bed", (1.6, 1.0, 2.1), (0, 0, 0)),  # fits
        obj("double bed", (1.6, 1.8, 2.1), (0, 0, 0)),  # minor: height 1.8 > 1.3 * 1.3
        obj("double bed", (4.5, 1.0, 2.1), (0, 0, 0)),  # critical: width 4.5 > 2 * 1.7
        obj("cardboard box", (9, 9, 9), (0, 0, 0)),  # no category: not judged
    ]
    cfg = only("edit", size=1.0)
    s = score_turn(room(beds), edit(), cfg)
    assert len(s.metrics["size_critical"]) == 1 and len(s.metrics["size_minor"]) == 1
    assert s.total == 0.0  # one critical
    s = score_turn(room(beds[:2]), edit(), cfg)
    assert s.total == 0.5  # one minor
    s = score_turn(room([beds[2]] * 3), edit(), cfg)
    assert s.total == -1.0  # three critical


def test_final_turn_fuse_and_weight_renormalisation():
    final = edit(terminated=True)
    assert phase_of(final) == "final" and phase_of(edit(truncated=True)) == "final" and phase_of(edit()) == "edit"
    cfg = only("final", format=1.0, object_count=1.0, judge_rationality=2.0)
    # no judge given: the judge weight drops out and the total is the mean of the rest
    s = score_turn(room(apart(10)), final, cfg)
    assert s.components == {"format": 1.0, "object_count": 0.5} and s.total == 0.75
    # fewer than min_objects_final (4) objects: total -1 whatever the components
    s = score_turn(room(apart(3)), final, cfg)
    assert s.total == -1.0 and s.components["format"] == 1.0 and "fuse" in s.notes[-1]


def test_default_weights_on_a_furnished_bedroom_final_turn():
    objs = [
        obj("queen bed", (1.6, 1.0, 2.1), (0, 0, -0.9)),
        obj("nightstand", (0.5, 0.55, 0.4), (-1.2, 0, -1.7)),
        obj("nightstand", (0.5, 0.55, 0.4), (1.2, 0, -1.7)),
        obj("wardrobe", (1.2, 2.0, 0.6), (-1.3, 0, 1.6)),
        obj("dresser", (1.0, 0.8, 0.5), (1.3, 0, 1.7)),
    ]
    s = score_turn(room(objs), edit(terminated=True), requirement="A bedroom with a queen bed, two nightstands and a wardrobe.")
    assert s.components == {
        "format": 1.0,
        "collision_rate": 1.0,
        "penetration_depth": 1.0,
        "oob_rate": 1.0,
        "oob_volume": 1.0,
        "voxel_pbl": 1.0,
        "essentials": 1.0,
        "size": 1.0,
        "object_count": 0.0,  # 5 objects
    }
    w = DEFAULT.weights["final"]
    assert s.total == pytest.approx(
        1 - w["object_count"] / (1 - w["judge_rationality"] - w["judge_spatial_layout"] - w["judge_accessibility"])
    )


# ---------------------------------------------------------------------------------------------- creation
def _create(room_json_scene, kind="create_scene", errors=()):
    return TurnFacts(turn=0, kind=kind, errors=list(errors))


@pytest.mark.parametrize(
    "corners, room_type, requirement, comps, total",
    [
        # 4 x 4 m bedroom (16 m^2, in 10-25): everything right
        (None, "bedroom", "A cozy bedroom with a bed.", {"format": 1.0, "room_type": 1.0, "corners": 1.0, "area": 1.0}, 1.0),
        # wrong room type: 0.5 - 0.2 + 0.15 + 0.15
        (None, "living_room", "A cozy bedroom with a bed.", {"format": 1.0, "room_type": -1.0, "corners": 1.0, "area": 1.0}, 0.6),
        # L-shaped (6 corners, 12 m^2)
        ("L", "bedroom", "A bedroom.", {"format": 1.0, "room_type": 1.0, "corners": 0.5, "area": 1.0}, 0.925),
        # 6 x 6 m = 36 m^2 > 30
        ("big", "bedroom", "A bedroom.", {"format": 1.0, "room_type": 1.0, "corners": 1.0, "area": -1.0}, 0.7),
        # 3 x 3 m = 9 m^2, below the bedroom range but <= 30
        ("small", "bedroom", "A bedroom.", {"format": 1.0, "room_type": 1.0, "corners": 1.0, "area": 0.0}, 0.85),
        # no room type in the requirement ("a cosy place"): room_type does not apply, weights renormalise
        (None, "bedroom", "", {"format": 1.0, "corners": 1.0, "area": 1.0}, 1.0),
    ],
)
def test_creation_turn(corners, room_type, requirement, comps, total):
    shapes = {
        None: [[-2, -2], [2, -2], [2, 2], [-2, 2]],
        "L": L_ROOM,
        "big": [[-3, -3], [3, -3], [3, 3], [-3, 3]],
        "small": [[0, 0], [3, 0], [3, 3], [0, 3]],
    }
    scene = room([], corners=shapes[corners], room_type=room_type)
    s = score_turn(scene, _create(scene), requirement=requirement)
    assert s.phase == "create" and s.components == comps and s.total == pytest.approx(total)


def test_creation_turn_failures_score_minus_one():
    scene = room([])
    for facts in (
        _create(scene, kind="invalid", errors=["reply has neither <tool_calls> nor <create_scene>"]),
        _create(scene, kind="tool_calls"),
    ):
        s = score_turn(scene, facts, requirement="A bedroom.")
        assert s.total == -1.0 and s.components["format"] == -1.0
    assert score_turn(None, _create(None), requirement="A bedroom.").total == -1.0
    # a furnished "empty room", or a <create_scene> the env could not read (it fell back to a default room)
    furnished = room(apart(2))
    assert score_turn(furnished, _create(furnished), requirement="A bedroom.").total == -1.0
    broken = _create(scene, errors=["[create_scene] <create_scene>: bounds_bottom: needs >= 3 corners"])
    s = score_turn(scene, broken, requirement="A bedroom.")
    assert s.total == -1.0 and s.components == {"format": -1.0}


# ---------------------------------------------------------------------------------------------- judge
def test_judge_terms_through_an_openai_compatible_server(tmp_path):
    pytest.importorskip("openai")  # the judge's client (absent from .venv-rl)
    from PIL import Image

    from scenerevis.judge.judge import Judge, JudgeConfig

    image = tmp_path / "merged.png"
    Image.new("RGB", (8, 4), (200, 200, 200)).save(image)
    cfg = only("final", judge_rationality=1.0, judge_spatial_layout=1.0, judge_accessibility=1.0)
    plan = [Planned(text="Score: 10"), Planned(text="Score: 1"), Planned(text="no idea")]
    with FakeOpenAIServer(plan) as server:
        judge = Judge(JudgeConfig(model="judge", base_url=server.base_url, api_key="x", max_retries=0))
        s = score_turn(room(apart(5)), edit(terminated=True, image=str(image)), cfg, judge=judge, requirement="A bedroom.")
        asked = [r.body["messages"][0]["content"][1]["text"] for r in server.requests]
    assert len(asked) == 3
    assert s.components == {"judge_rationality": 1.0, "judge_spatial_layout": -1.0}
    assert s.metrics["judge_accessibility"] is None and "judge accessibility gave no score" in s.notes[0]
    assert s.total == 0.0
    # without a render the judge is not asked
    s = score_turn(room(apart(5)), edit(terminated=True), only("final", judge_rationality=1.0, format=1.0), judge=judge)
    assert s.components == {"format": 1.0} and s.notes == ["judge skipped: no render for this turn"]


# ---------------------------------------------------------------------------------------------- trajectory
def test_trajectory_reward_is_the_last_turn_and_short_trajectories_get_minus_one():
    assert trajectory_reward([1.0, 0.2, -0.3, 0.7]) == 0.7
    assert trajectory_reward([1.0, 0.2, 0.4]) == 0.4
    assert trajectory_reward([1.0, 0.9]) == -1.0  # creation + one edit
    assert trajectory_reward([0.5]) == -1.0
    assert trajectory_reward([]) == -1.0
    assert trajectory_reward([1.0, 0.9], num_turns=5) == 0.9 and trajectory_reward([1.0, 0.2, 0.4], 2) == -1.0
    cfg = RewardConfig(weights=DEFAULT.weights, min_turns=0, short_penalty=-0.5)
    assert trajectory_reward([0.3], None, cfg) == 0.3 and trajectory_reward([], config=cfg) == -0.5


def test_compute_score_reads_turn_scores_from_extra_info(tmp_path):
    assert compute_score("scenerevis", "", "placeholder", {"turn_scores": [1.0, 0.1, 0.25]}) == 0.25
    assert compute_score("scenerevis", "", None, {"turn_scores": [1.0, 0.1], "num_assistant_turns": 2}) == -1.0
    assert compute_score("scenerevis", "", None, {"turn_scores": [1.0, 0.1, 0.3], "num_turns": 7}) == 0.3  # verl's count ignored
    assert compute_score("scenerevis", "", None, {"turn_scores": [1.0, 0.1, 0.3], "num_assistant_turns": 2}) == -1.0
    path = tmp_path / "w.yaml"
    path.write_text(_yaml_with(min_turns=1))
    assert compute_score("scenerevis", "", None, {"turn_scores": [1.0, 0.1], "reward_config": str(path)}) == 0.1
    with pytest.raises(ValueError, match="extra_info has no 'turn_scores'"):
        compute_score("scenerevis", "", None, {"index": 3})


def _yaml_with(**params) -> str:
    import yaml

    d = DEFAULT.to_dict()
    d["params"].update(params)
    return yaml.safe_dump(d)


def test_scene_given_as_flat_dict_scores_like_the_scene():
    from scenerevis.scene.formats import scene_to_flat

    scene = room([obj("box", (1, 1, 1), (0, 0, 0)), obj("box", (1, 1, 1), (0.9, 0, 0)), *apart(1)])
    cfg = only("edit", collision_rate=1.0, penetration_depth=1.0)
    assert score_turn(scene_to_flat(scene), edit(), cfg).to_dict() == score_turn(scene, edit(), cfg).to_dict()
