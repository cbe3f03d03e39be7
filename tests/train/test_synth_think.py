"""Think text from real diagnostics, in six phrasings; requirement text from scene contents."""

from __future__ import annotations

import random

import pytest

from scenerevis.physics.evaluate import evaluate_physics
from scenerevis.scene.formats import make_room
from scenerevis.scene.model import SceneObject
from scenerevis.tools.parse import ToolCall
from scenerevis.train.synth_requirements import STYLES as REQ_STYLES
from scenerevis.train.synth_requirements import write_requirement
from scenerevis.train.think import STYLES, diagnose, think_text
from tests.train.scenes import SQUARE, bedroom, q


def _overlapping():
    """Two 1 m cubes 0.8 m apart (0.2 m overlap) and a 1 m cube half through the +X wall."""
    objs = [
        SceneObject("cabinet_1", "cabinet", (1.0, 1.0, 1.0), (0.0, 0.0, 0.0), q(0)),
        SceneObject("cabinet_2", "cabinet", (1.0, 1.0, 1.0), (0.8, 0.0, 0.0), q(0)),
        SceneObject("cabinet_3", "cabinet", (1.0, 1.0, 1.0), (2.0, 0.0, -1.2), q(0)),
    ]
    return make_room(SQUARE, 2.7, "bedroom", "t", objs)


def test_diagnosis_reports_depths_oob_and_missing_essentials():
    scene = _overlapping()
    d = diagnose(scene, evaluate_physics(scene))
    assert d.collisions == [("cabinet_1", "cabinet_2", 20.0)]
    assert [i for i, _ in d.oob] == ["cabinet_3"]
    assert 44 <= d.oob[0][1] <= 56  # half the cube is outside; 500 sampled surface points
    assert d.missing == ["double bed", "nightstand", "wardrobe"]
    assert not d.clean


def test_every_style_states_the_problems_and_the_plan():
    scene = _overlapping()
    d = diagnose(scene, evaluate_physics(scene))
    calls = [ToolCall("tool_1", "move_object", {"jid": "cabinet_2", "new_position": [1.2, 0.0, 1.0]})]
    texts = {s: think_text(d, calls, scene, random.Random(0), ["it overlapped the cabinet"], style=s) for s in STYLES}
    assert len(STYLES) >= 5 and len(set(texts.values())) == len(STYLES)
    for style, text in texts.items():
        assert "move cabinet_2 to (1.20, 1.00)" in text.lower(), style
        if style != "terse":
            assert "20.0 cm" in text and "cabinet_3" in text, style
    assert texts["terse"].startswith("3 objects, 1 collisions, 1 out of bounds.")


def test_terminate_text_on_a_clean_scene():
    scene = bedroom()
    d = diagnose(scene, evaluate_physics(scene))
    assert d.clean
    calls = [ToolCall("tool_1", "terminate", {"reason": "done"})]
    text = think_text(d, calls, scene, random.Random(0), style="bullets")
    first, *rest = text.split("\n")
    assert first in (
        "- The bedroom (16.0 m2) has 6 objects.",
        "- 6 objects are placed in the 16.0 m2 room.",
        "- There are 6 pieces in the room now.",
    )
    assert rest == [
        "- No collisions, nothing outside the room and every essential is there.",
        "- The request is covered, so I finish.",
    ]
    with pytest.raises(ValueError, match="unknown think style"):
        think_text(d, calls, scene, random.Random(0), style="poem")


def test_requirements_from_contents():
    scene = bedroom()
    assert (
        write_requirement(scene, random.Random(0), "short")
        == "A bedroom with a double bed, a wardrobe, a floor lamp and two nightstands."
    )
    assert write_requirement(scene, random.Random(0), "list") == (
        "Bedroom, 16 m2: 1 x double bed, 1 x wardrobe, 1 x floor lamp, 2 x nightstand, 1 x rug."
    )
    texts = {write_requirement(scene, random.Random(0), s) for s in REQ_STYLES}
    assert len(texts) == len(REQ_STYLES)
    assert write_requirement(scene, random.Random(3)) == write_requirement(scene, random.Random(3))


def test_cot_endpoint_rewrites_but_never_drops_an_object():
    from scenerevis.endpoints import EndpointConfig
    from scenerevis.train.think import rewrite_think
    from tests.fake_openai_server import FakeOpenAIServer, Planned

    text = "cabinet_1 overlaps cabinet_2 by 20.0 cm; next: move cabinet_2 to (1.20, 1.00)."
    good = "I see cabinet_1 and cabinet_2 overlapping by 20.0 cm, so I move cabinet_2 to (1.20, 1.00)."
    plan = [Planned(text=good), Planned(text="I move the second cabinet."), Planned(status=400)]
    with FakeOpenAIServer(plan) as server:
        endpoint = EndpointConfig(model="m", base_url=server.base_url, api_key="k", max_retries=0)
        assert rewrite_think(text, {"op": "move"}, endpoint) == good
        assert rewrite_think(text, {"op": "move"}, endpoint) == text  # dropped cabinet_1 / cabinet_2
        assert rewrite_think(text, {"op": "move"}, endpoint) == text  # HTTP error
        assert len(server.requests) == 3
        assert text in server.requests[0].body["messages"][0]["content"]
