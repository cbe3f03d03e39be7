import json

import jsonschema
import pytest

from scenerevis.scene import scene_from_dict, scene_to_flat
from scenerevis.tools import (
    TOOLS,
    apply_tool_calls,
    format_create_scene,
    format_tool_calls,
    openai_tools,
    parse_reply,
)
from tests.helpers import obj, room


def _scene():
    return room(
        [
            obj("queen bed", (1.6, 1.0, 2.1), (0, 0, -0.9), jid="BED"),
            obj("oak nightstand", (0.5, 0.55, 0.4), (-1.2, 0, -1.7), jid="NS"),
            obj("oak nightstand", (0.5, 0.55, 0.4), (1.2, 0, -1.7), jid="NS"),
        ]
    )


def _reply(calls):
    return "<think>plan</think>\n<tool_calls>\n" + json.dumps(calls) + "\n</tool_calls>"


def test_create_scene_roundtrip_through_parser():
    flat = scene_to_flat(room([]))
    parsed = parse_reply(format_create_scene(flat, think="empty room"))
    assert parsed.kind == "create_scene" and parsed.think == "empty room" and not parsed.errors
    assert scene_from_dict(parsed.scene).floor_area == pytest.approx(16.0)


def test_calls_apply_in_order_on_previous_result():
    reply = _reply(
        [
            {
                "id": "tool_1",
                "name": "add_object",
                "arguments": {
                    "object_description": "reading armchair",
                    "position": [1, 0, 1],
                    "rotation": [0, 0, 0, 1],
                    "size": [0.8, 0.9, 0.85],
                },
            },
            {"id": "tool_2", "name": "move_object", "arguments": {"jid": "armchair_1", "new_position": [1.2, 0, 1.1]}},
            {"id": "tool_3", "name": "scale_object", "arguments": {"id": "armchair_1", "new_size": [0.7, 0.9, 0.8]}},
            {"id": "tool_4", "name": "rotate_object", "arguments": {"jid": "armchair_1", "new_rotation": [0, 2, 0, 0]}},
            {"id": "tool_5", "name": "terminate", "arguments": {"reason": "done"}},
        ]
    )
    parsed = parse_reply(reply)
    out = apply_tool_calls(_scene(), parsed.calls)
    assert [r.ok for r in out.results] == [True] * 5
    chair = out.scene.find("armchair_1")[0]
    assert chair.pos == (1.2, 0.0, 1.1) and chair.size == (0.7, 0.9, 0.8) and chair.rot == (0.0, 1.0, 0.0, 0.0)
    assert out.terminated and out.terminate_reason == "done" and out.needs_asset == ["armchair_1"]


def test_ambiguous_jid_is_an_error_not_a_first_match():
    scene = _scene()
    out = apply_tool_calls(scene, parse_reply(_reply([{"name": "remove_object", "arguments": {"jid": "NS"}}])).calls)
    (err,) = out.errors
    assert err.kind == "ambiguous_object"
    assert err.line() == "[tool_1 remove_object] jid 'NS' matches 2 objects (nightstand_1, nightstand_2); use one instance id"
    assert len(out.scene.objects) == 3 and len(scene.objects) == 3


def test_remove_by_instance_id_removes_exactly_one_and_unique_jid_works():
    calls = parse_reply(
        _reply(
            [
                {"name": "remove_object", "arguments": {"jid": "nightstand_2"}},
                {"name": "move_object", "arguments": {"jid": "BED", "new_position": [0, 0, -1.0]}},
            ]
        )
    ).calls
    out = apply_tool_calls(_scene(), calls)
    assert [o.id for o in out.scene.objects] == ["bed_1", "nightstand_1"]
    assert out.scene.objects[0].pos == (0.0, 0.0, -1.0)


def test_replace_keeps_pose_and_size_and_clears_asset():
    calls = parse_reply(
        _reply(
            [
                {
                    "name": "replace_object",
                    "arguments": {"jid_to_replace": "bed_1", "new_object_description": "king bed with a walnut frame"},
                }
            ]
        )
    ).calls
    out = apply_tool_calls(_scene(), calls)
    bed = out.scene.find("bed_1")[0]
    assert bed.desc == "king bed with a walnut frame" and bed.pos == (0.0, 0.0, -0.9) and bed.size == (1.6, 1.0, 2.1)
    assert bed.jid is None and out.needs_asset == ["bed_1"]


@pytest.mark.parametrize(
    "call, kind, text",
    [
        ({"name": "fly_object", "arguments": {}}, "unknown_tool", "unknown tool 'fly_object'"),
        ({"name": "move_object", "arguments": {"jid": "bed_1"}}, "missing_argument", "missing argument 'new_position'"),
        ({"name": "move_object", "arguments": {"new_position": [0, 0, 0]}}, "missing_argument", "missing argument 'jid'"),
        (
            {"name": "move_object", "arguments": {"jid": "bed_1", "new_position": [0, "a", 0]}},
            "bad_argument",
            "list of 3 numbers",
        ),
        ({"name": "move_object", "arguments": {"jid": "bed_1", "new_position": [0, 1e300, 0]}}, "bad_argument", "within +-1000"),
        ({"name": "scale_object", "arguments": {"jid": "bed_1", "new_size": [1, 0, 1]}}, "bad_argument", "must be > 0"),
        (
            {"name": "rotate_object", "arguments": {"jid": "bed_1", "new_rotation": [0, 0, 0, 0]}},
            "bad_argument",
            "zero quaternion",
        ),
        (
            {"name": "move_object", "arguments": {"jid": "sofa_9", "new_position": [0, 0, 0]}},
            "unknown_object",
            "unknown object 'sofa_9' (instance ids: bed_1, nightstand_1, nightstand_2)",
        ),
        (
            {
                "name": "add_object",
                "arguments": {"object_description": "", "position": [0, 0, 0], "rotation": [0, 0, 0, 1], "size": [1, 1, 1]},
            },
            "bad_argument",
            "non-empty string",
        ),
    ],
)
def test_bad_calls_are_skipped_with_precise_errors(call, kind, text):
    out = apply_tool_calls(_scene(), parse_reply(_reply([call])).calls)
    (err,) = out.errors
    assert err.kind == kind and text in err.message
    assert scene_to_flat(out.scene) == scene_to_flat(_scene())


@pytest.mark.parametrize(
    "reply, text",
    [
        ('<tool_calls>[{"name": "terminate"', "not closed"),
        ('<tool_calls>[{"name": "terminate",]</tool_calls>', "not valid JSON"),
        ("I think the room is fine.", "neither <tool_calls> nor <create_scene>"),
        ('<tool_calls>"terminate"</tool_calls>', "JSON list"),
        ("<create_scene>```json\n[1, 2]\n```</create_scene>", "JSON object"),
        ("<tool_calls></tool_calls>", "empty"),
    ],
)
def test_malformed_replies_give_format_errors(reply, text):
    parsed = parse_reply(reply)
    assert parsed.kind == "invalid" and parsed.errors[0].kind == "format" and text in parsed.errors[0].message


def test_openai_style_nested_function_with_string_arguments():
    reply = _reply([{"id": "call_9", "type": "function", "function": {"name": "terminate", "arguments": '{"reason": "ok"}'}}])
    (call,) = parse_reply(reply).calls
    assert call.id == "call_9" and call.name == "terminate" and call.arguments == {"reason": "ok"}


def test_calls_after_terminate_are_ignored_with_error():
    calls = parse_reply(
        _reply([{"name": "terminate", "arguments": {"reason": "x"}}, {"name": "remove_object", "arguments": {"jid": "bed_1"}}])
    ).calls
    out = apply_tool_calls(_scene(), calls)
    assert out.terminated and len(out.scene.objects) == 3 and out.errors[0].message == "call after terminate was ignored"


def test_formatted_calls_parse_back():
    text = format_tool_calls([{"name": "terminate", "arguments": {"reason": "done"}}], think="all good")
    parsed = parse_reply(text)
    assert parsed.think == "all good" and parsed.calls[0].to_dict() == {
        "id": "tool_1",
        "name": "terminate",
        "arguments": {"reason": "done"},
    }


def test_openai_schema_is_valid_json_schema_and_matches_calls():
    tools = openai_tools()
    assert [t["function"]["name"] for t in tools] == list(TOOLS)
    for t in tools:
        jsonschema.Draft202012Validator.check_schema(t["function"]["parameters"])
    add = jsonschema.Draft202012Validator(tools[0]["function"]["parameters"])
    assert add.is_valid({"object_description": "x", "position": [0, 0, 0], "rotation": [0, 0, 0, 1], "size": [1, 1, 1]})
    assert not add.is_valid({"object_description": "x", "position": [0, 0], "rotation": [0, 0, 0, 1], "size": [1, 1, 1]})
    move = jsonschema.Draft202012Validator(tools[2]["function"]["parameters"])
    assert not move.is_valid({"new_position": [0, 0, 0]})  # no object reference


def test_compact_formatting_parses_the_same():
    calls = [{"name": "move_object", "arguments": {"jid": "bed_1", "new_position": [0, 0, -1.0]}}]
    compact = format_tool_calls(calls, "x", indent=None)
    assert (
        compact
        == '<think>x</think>\n<tool_calls>\n[{"id": "tool_1", "name": "move_object", "arguments": {"jid": "bed_1", "new_position": [0, 0, -1.0]}}]\n</tool_calls>'
    )
    assert parse_reply(compact).calls == parse_reply(format_tool_calls(calls, "x")).calls
    flat = scene_to_flat(room([]))
    assert parse_reply(format_create_scene(flat, indent=None)).scene == flat
