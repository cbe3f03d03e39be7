"""Tests of scenerevis/policy/chat.py (ChatPolicy with a scripted backend) and the Secret of endpoints.py."""

from __future__ import annotations

import copy
import pickle
from pathlib import Path

import pytest

from scenerevis.chat import Message
from scenerevis.endpoints import Secret, as_secret
from scenerevis.policy.chat import ChatConfig, ChatPolicy, PolicyGenerationError
from tests.policy.common import REQUIREMENT, observations, scene_with


class Scripted(ChatPolicy):
    name = "scripted"

    def __init__(self, config: ChatConfig, replies: list) -> None:
        super().__init__(config)
        self.replies = list(replies)
        self.seen: list[tuple[list[Message], int]] = []

    def _generate(self, messages: list[Message], seed: int) -> str:
        self.seen.append((messages, seed))
        reply = self.replies.pop(0)
        if isinstance(reply, Exception):
            raise reply
        return reply


def test_records_seeds_and_conversation(tmp_path: Path) -> None:
    obs_list = observations(tmp_path, 3, feedback="desk_1 is out of bounds")
    policy = Scripted(ChatConfig(), ["a", "b", None])
    policy.reset(REQUIREMENT, 100)
    assert [policy.act(o) for o in obs_list] == ["a", "b", ""]
    assert [seed for _, seed in policy.seen] == [100, 101, 102]
    assert [r.reply for r in policy.records] == ["a", "b", ""]
    assert policy.records[0].scene is None and len(policy.records[2].scene["objects"]) == 2
    msgs = policy.last_conversation
    assert [m.role for m in msgs] == ["system", "user", "assistant", "user", "assistant", "user"]
    assert "<feedback>\ndesk_1 is out of bounds\n</feedback>" in msgs[-1].text
    policy.reset(REQUIREMENT, 1)
    assert policy.records == [] and policy.last_conversation == []


def test_room_prompt_is_the_creation_turn_text(tmp_path: Path) -> None:
    obs_list = observations(tmp_path, 3)
    obs_list[0].requirement = "an empty 4 m x 5 m bedroom"
    policy = Scripted(ChatConfig(), ["a", "b", "c"])
    policy.reset(REQUIREMENT, 0)
    for o in obs_list:
        policy.act(o)
    firsts = [msgs[1].text for msgs, _ in policy.seen]
    assert firsts == ["an empty 4 m x 5 m bedroom"] * 3
    assert policy.seen[2][0][3].text.startswith("<image>\n" + REQUIREMENT + "\n<current_scene>")


def test_flat_dict_scene_is_used_as_is(tmp_path: Path) -> None:
    from scenerevis.scene.formats import scene_to_flat

    obs = observations(tmp_path, 2)[1]
    flat = scene_to_flat(scene_with(1))
    obs.scene = flat
    policy = Scripted(ChatConfig(), ["x"])
    policy.reset(REQUIREMENT, 0)
    policy.act(obs)
    assert policy.records[0].scene is flat


def test_max_images_drops_oldest_edit_turns(tmp_path: Path) -> None:
    obs_list = observations(tmp_path, 5)
    policy = Scripted(ChatConfig(max_images=2), ["r"] * 5)
    policy.reset(REQUIREMENT, 0)
    for o in obs_list:
        policy.act(o)
    images = [p for m in policy.last_conversation for p in m.images]
    assert images == [obs_list[3].image_path, obs_list[4].image_path]
    assert policy.last_conversation[1].text == REQUIREMENT  # creation turn always kept


def test_too_many_images_on_kept_turns_raises(tmp_path: Path) -> None:
    obs_list = observations(tmp_path, 2)
    obs_list[0].scene, obs_list[0].image_path = scene_with(0), obs_list[1].image_path  # initial-scene mode
    policy = Scripted(ChatConfig(max_images=1), ["r", "r"])
    policy.reset(REQUIREMENT, 0)
    policy.act(obs_list[0])
    with pytest.raises(PolicyGenerationError, match="carry 2 images, more than max_images=1"):
        policy.act(obs_list[1])


def test_backend_error_propagates_and_turn_is_replaced(tmp_path: Path) -> None:
    obs_list = observations(tmp_path, 2)
    policy = Scripted(ChatConfig(), ["a", PolicyGenerationError("down"), "b"])
    policy.reset(REQUIREMENT, 0)
    policy.act(obs_list[0])
    with pytest.raises(PolicyGenerationError, match="down"):
        policy.act(obs_list[1])
    assert policy.act(obs_list[1]) == "b"
    assert [r.turn for r in policy.records] == [0, 1]


def test_system_prompt_sources(tmp_path: Path) -> None:
    f = tmp_path / "sys.txt"
    f.write_text("checkpoint prompt\n")
    assert Scripted(ChatConfig(system_prompt_file=str(f)), []).system_prompt == "checkpoint prompt"
    assert Scripted(ChatConfig(system_prompt="mine"), []).system_prompt == "mine"
    with pytest.raises(ValueError, match="system_prompt is empty"):
        ChatConfig(system_prompt="  ")
    with pytest.raises(ValueError, match="max_images must be >= 1"):
        ChatConfig(max_images=0)


def test_secret_never_prints_its_value() -> None:
    s = Secret("sk-abc")
    assert repr(s) == "***" and str(s) == "***" and f"{s}" == "***" and f"{s:>10}" == "***"
    assert s.get() == "sk-abc" and s == Secret("sk-abc") and s != Secret("other")
    assert "sk-abc" not in repr([s, {"k": s}])
    assert pickle.loads(pickle.dumps(s)).get() == "sk-abc" and copy.deepcopy(s).get() == "sk-abc"
    assert as_secret(None) is None and as_secret("") is None and as_secret(s) is s
    with pytest.raises(TypeError):
        hash(s)
    with pytest.raises(TypeError, match="Secret needs a str"):
        Secret(123)  # type: ignore[arg-type]
