import base64

import pytest

from scenerevis.chat import (
    Message,
    TurnRecord,
    build_conversation,
    to_openai,
    to_qwen,
    to_swift_row,
)
from scenerevis.chat.prompts import DEFAULT_SYSTEM_PROMPT, load_system_prompt

SCENE = {"room_type": "bedroom", "bounds_bottom": [], "bounds_top": [], "objects": []}


def _records(tmp_path, n_edit):
    recs = [TurnRecord(0, reply="<create_scene>...</create_scene>")]
    for k in range(1, n_edit + 1):
        img = tmp_path / f"merged_iter_{k}.png"
        img.write_bytes(f"PNG{k}".encode())
        recs.append(TurnRecord(k, scene=SCENE, image=str(img), feedback=f"fb{k}" if k % 2 else None, reply=f"reply {k}"))
    recs[-1].reply = None
    return recs


def test_creation_turn_is_plain_text_without_image():
    msgs = build_conversation("SYS", "a cosy bedroom", [TurnRecord(0)])
    assert [(m.role, m.text, m.images) for m in msgs] == [("system", "SYS", []), ("user", "a cosy bedroom", [])]


def test_each_edit_turn_carries_exactly_its_own_image(tmp_path):
    msgs = build_conversation("SYS", "req", _records(tmp_path, 3))
    users = [m for m in msgs if m.role == "user"]
    assert [u.images for u in users] == [
        [],
        [str(tmp_path / "merged_iter_1.png")],
        [str(tmp_path / "merged_iter_2.png")],
        [str(tmp_path / "merged_iter_3.png")],
    ]
    assert users[1].text.startswith("<image>\nreq\n<feedback>\nfb1\n</feedback>\n<current_scene>\n```json\n")
    assert users[2].text.count("<feedback>") == 0 and users[2].text.endswith("```\n</current_scene>")
    assert [m.role for m in msgs] == ["system", "user", "assistant", "user", "assistant", "user", "assistant", "user"]


def test_history_trimmed_by_turns_and_tokens(tmp_path):
    recs = _records(tmp_path, 6)
    msgs = build_conversation("SYS", "req", recs, max_history_turns=2)
    kept = [m.images[0].rsplit("_", 1)[1] for m in msgs if m.role == "user" and m.images]
    assert kept == ["4.png", "5.png", "6.png"]  # turn 0 (no image) + last 2 edit turns + current
    assert msgs[1].text == "req"  # creation turn always kept
    tight = build_conversation("SYS", "req", recs, max_context_tokens=2 * 800 + 400, tokens_per_image=800)
    assert [m.images[0].rsplit("_", 1)[1] for m in tight if m.images] == ["5.png", "6.png"]
    assert build_conversation("SYS", "req", recs, max_history_turns=0)[-1].images == [str(tmp_path / "merged_iter_6.png")]


def test_openai_qwen_and_swift_formats(tmp_path):
    msgs = build_conversation("SYS", "req", _records(tmp_path, 2))
    oa = to_openai(msgs)
    last = oa[-1]["content"]
    assert last[0]["type"] == "image_url" and last[1]["type"] == "text" and last[1]["text"].startswith("req")
    assert base64.b64decode(last[0]["image_url"]["url"].split(",", 1)[1]) == b"PNG2"
    assert oa[1] == {"role": "user", "content": "req"}
    qw = to_qwen(msgs)
    assert qw[-1]["content"][0] == {"type": "image", "image": str(tmp_path / "merged_iter_2.png")}
    row = to_swift_row(msgs)
    assert row["images"] == [str(tmp_path / "merged_iter_1.png"), str(tmp_path / "merged_iter_2.png")]
    assert sum(m["content"].count("<image>") for m in row["messages"]) == 2


def test_placeholder_count_must_match_images():
    with pytest.raises(ValueError, match="1 <image> placeholders but 0 images"):
        Message("user", "<image> hi")


def test_system_prompt_file(tmp_path):
    assert "<tool_calls>" in DEFAULT_SYSTEM_PROMPT and load_system_prompt() == DEFAULT_SYSTEM_PROMPT
    p = tmp_path / "sys.txt"
    p.write_text("  exact checkpoint prompt \n")
    assert load_system_prompt(p) == "exact checkpoint prompt"
    p.write_text("")
    with pytest.raises(ValueError, match="empty"):
        load_system_prompt(p)
