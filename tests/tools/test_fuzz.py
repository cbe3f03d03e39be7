"""Property test: >= 10,000 mutated model replies never raise and always yield structured errors."""

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scenerevis.tools import ToolError, apply_tool_calls, parse_reply
from tests.helpers import obj, room

SCENE = room(
    [obj("queen bed", (1.6, 1, 2.1), (0, 0, -0.9), jid="B"), obj("nightstand", (0.5, 0.5, 0.4), (1.2, 0, -1.7), jid="N")]
)
VALID = [
    {
        "id": "tool_1",
        "name": "add_object",
        "arguments": {"object_description": "lamp", "position": [1, 0, 1], "rotation": [0, 0, 0, 1], "size": [0.4, 1.6, 0.4]},
    },
    {"id": "tool_2", "name": "move_object", "arguments": {"jid": "bed_1", "new_position": [0, 0, -1]}},
    {
        "id": "tool_3",
        "name": "replace_object",
        "arguments": {"jid_to_replace": "N", "new_object_description": "walnut nightstand"},
    },
    {"id": "tool_4", "name": "terminate", "arguments": {"reason": "done"}},
]
JUNK = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.floats(min_value=1e200, max_value=1e308),
    st.text(max_size=8),
    st.lists(st.floats(allow_nan=True), max_size=5),
    st.dictionaries(st.text(max_size=4), st.integers(), max_size=2),
)
TOOL_NAMES = st.sampled_from(
    ["add_object", "remove_object", "move_object", "rotate_object", "scale_object", "replace_object", "terminate", "teleport", ""]
)
ARG_NAMES = st.sampled_from(
    [
        "jid",
        "uid",
        "id",
        "jid_to_replace",
        "object_description",
        "position",
        "rotation",
        "size",
        "new_position",
        "new_rotation",
        "new_size",
        "new_object_description",
        "group_name",
        "reason",
        "\u00e9\u00e8",
    ]
)


@st.composite
def mutated_reply(draw):
    calls = json.loads(json.dumps(VALID))
    for _ in range(draw(st.integers(0, 4))):
        call = calls[draw(st.integers(0, len(calls) - 1))]
        op = draw(st.integers(0, 3))
        if op == 0:
            call["name"] = draw(TOOL_NAMES)
        elif op == 1 and isinstance(call["arguments"], dict):
            call["arguments"][draw(ARG_NAMES)] = draw(JUNK)
        elif op == 2 and isinstance(call["arguments"], dict) and call["arguments"]:
            call["arguments"].pop(draw(st.sampled_from(sorted(call["arguments"]))))
        else:
            call["arguments"] = draw(JUNK)
    text = (
        "<think>"
        + draw(st.text(max_size=20))
        + "</think>\n<tool_calls>\n"
        + json.dumps(calls, allow_nan=True)
        + "\n</tool_calls>"
    )
    mode = draw(st.integers(0, 3))
    if mode == 1:  # truncate anywhere (tags, JSON)
        text = text[: draw(st.integers(0, len(text)))]
    elif mode == 2:  # splice random unicode somewhere
        i = draw(st.integers(0, len(text)))
        text = text[:i] + draw(st.text(min_size=1, max_size=6)) + text[i:]
    elif mode == 3:  # delete a slice
        i = draw(st.integers(0, len(text)))
        text = text[:i] + text[i + draw(st.integers(1, 12)) :]
    return text


def _never_raises(text: str) -> None:
    parsed = parse_reply(text)
    assert parsed.kind in ("tool_calls", "create_scene", "invalid")
    assert all(isinstance(e, ToolError) and "\n" not in e.message for e in parsed.errors)
    if parsed.kind == "invalid":
        assert parsed.errors
    out = apply_tool_calls(SCENE, parsed.calls)
    assert len(out.results) == len(parsed.calls)
    for r in out.results:
        assert r.ok == (r.error is None)
        if r.error is not None:
            assert r.error.kind in {"unknown_tool", "missing_argument", "bad_argument", "unknown_object", "ambiguous_object"}
            assert r.error.message and "\n" not in r.error.message
    assert len(SCENE.objects) == 2  # the input scene is never modified


@pytest.mark.slow
@settings(max_examples=10_000, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
@given(mutated_reply())
def test_mutated_replies_never_raise(text):
    _never_raises(text)


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
@given(mutated_reply())
def test_mutated_replies_never_raise_quick(text):
    """The same property on the first 300 derandomised examples (the fast set)."""
    _never_raises(text)
