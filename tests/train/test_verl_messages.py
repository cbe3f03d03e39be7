"""Our chat messages as verl content blocks (no verl needed)."""

from __future__ import annotations

import pytest

from scenerevis.chat import Message, TurnRecord, user_message
from scenerevis.train.verl_messages import message_text, requirement_of, to_verl_message


def test_text_only_message_keeps_string_content():
    msg, images = to_verl_message(Message("user", "a bedroom"), lambda p: pytest.fail("no image to load"))
    assert msg == {"role": "user", "content": "a bedroom"}
    assert images == []


def test_edit_turn_splits_at_the_placeholder_and_keeps_text_byte_for_byte():
    scene = {"room_type": "bedroom", "objects": []}
    ours = user_message("a bedroom", TurnRecord(turn=1, scene=scene, image="/r/merged_iter_0.png", feedback="2 collisions"))
    loaded = []
    msg, images = to_verl_message(ours, lambda p: loaded.append(p) or f"IMG({p})")
    assert loaded == ["/r/merged_iter_0.png"]
    assert images == ["IMG(/r/merged_iter_0.png)"]
    assert msg["role"] == "user"
    # image block first (the placeholder opens the message), then the rest verbatim, newline included
    assert msg["content"][0] == {"type": "image", "image": "IMG(/r/merged_iter_0.png)"}
    assert msg["content"][1] == {"type": "text", "text": ours.text[len("<image>") :]}
    assert msg["content"][1]["text"].startswith("\na bedroom\n<feedback>\n2 collisions\n</feedback>\n<current_scene>\n")
    assert len(msg["content"]) == 2
    # the text blocks joined with the placeholder back in place give our message again
    assert "<image>" + message_text(msg) == ours.text


def test_two_images_in_order():
    msg, images = to_verl_message(Message("user", "a<image>b<image>", ["x", "y"]), str.upper)
    assert images == ["X", "Y"]
    assert msg["content"] == [
        {"type": "text", "text": "a"},
        {"type": "image", "image": "X"},
        {"type": "text", "text": "b"},
        {"type": "image", "image": "Y"},
    ]


def test_requirement_from_extra_info_then_last_user_message():
    prompt = [{"role": "system", "content": "sys"}, {"role": "user", "content": "  a small study  "}]
    assert requirement_of(prompt, {"requirement": "a gym"}) == "a gym"
    assert requirement_of(prompt, {}) == "a small study"
    blocks = [{"role": "user", "content": [{"type": "image"}, {"type": "text", "text": "a dining room"}]}]
    assert requirement_of(blocks, None) == "a dining room"
    with pytest.raises(ValueError, match="no requirement"):
        requirement_of([{"role": "system", "content": "sys"}], {"requirement": "  "})
