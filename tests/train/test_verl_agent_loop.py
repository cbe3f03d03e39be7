"""A scripted episode through the verl agent loop: real SceneEnv (physics, GL renders), real verl
Continuous Token merging over transformers' Qwen2.5-VL processor, a scripted server in place of vLLM.

Runs in .venv-rl (verl 0.9.1); skipped where verl is not installed.
"""

from __future__ import annotations

import asyncio
import json
from types import SimpleNamespace

import pytest

pytest.importorskip("verl")
pytest.importorskip("hydra")

import hydra  # noqa: E402
import numpy as np  # noqa: E402
import torch  # noqa: E402
from omegaconf import OmegaConf  # noqa: E402
from verl.experimental.agent_loop.agent_loop import AgentLoopWorker, DictConfigWrap, ToolListWrap  # noqa: E402
from verl.utils.dataset.rl_dataset import RLHFDataset  # noqa: E402

from scenerevis.chat import DEFAULT_SYSTEM_PROMPT  # noqa: E402
from scenerevis.train.verl_agent_loop import SceneAgentLoop  # noqa: E402
from tests.train.verl_fixtures import (  # noqa: E402
    AGENT_LOOPS_YAML,
    ScriptedServer,
    compose_trainer_config,
    tiny_processor,
    tiny_tokenizer,
)

REQUIREMENT = "A bedroom with a bed, a nightstand and a wardrobe."
ROOM = {
    "room_type": "bedroom",
    "room_id": "bedroom-1",
    "bounds_bottom": [[-2.0, 0.0, -2.5], [2.0, 0.0, -2.5], [2.0, 0.0, 2.5], [-2.0, 0.0, 2.5]],
    "bounds_top": [[-2.0, 2.7, -2.5], [2.0, 2.7, -2.5], [2.0, 2.7, 2.5], [-2.0, 2.7, 2.5]],
    "objects": [],
}


def create_reply() -> str:
    return f"<create_scene>\n```json\n{json.dumps(ROOM)}\n```\n</create_scene>"


def calls_reply(*calls: dict) -> str:
    listed = [{"id": f"tool_{i + 1}", **c} for i, c in enumerate(calls)]
    return f"<think>\nnext step\n</think>\n\n<tool_calls>\n{json.dumps(listed)}\n</tool_calls>"


def add(desc: str, pos: list[float], size: list[float]) -> dict:
    return {"name": "add_object", "arguments": {"object_description": desc, "position": pos, "rotation": [0, 0, 0, 1], "size": size}}


BED = add("double bed", [0.0, 0.0, 0.0], [1.6, 0.5, 2.0])
NIGHTSTAND = add("nightstand", [1.2, 0.0, -0.7], [0.4, 0.5, 0.4])
WARDROBE_ON_BED = add("wardrobe", [0.5, 0.0, 0.5], [1.0, 2.0, 0.6])
TERMINATE = {"name": "terminate", "arguments": {"reason": "done"}}

# creation, two edits, then a fix + terminate: 4 assistant turns, 3 user turns with a render each
SCRIPT = [
    create_reply(),
    calls_reply(BED, NIGHTSTAND),
    calls_reply(WARDROBE_ON_BED),
    calls_reply({"name": "move_object", "arguments": {"jid": "wardrobe_1", "new_position": [-1.3, 0.0, 2.0]}}, TERMINATE),
]


def scripted_turn_scorer(scene, info) -> SimpleNamespace:
    """A hand-computable per-turn score for the loop's bookkeeping: -1 for a turn with errors, else
    1 - collision_rate / 50 (collision_rate in percent of objects)."""
    if info.errors:
        return SimpleNamespace(total=-1.0, components={"format": -1.0})
    c = float(info.metrics["collision_rate"])
    return SimpleNamespace(total=1.0 - c / 50.0, components={"format": 1.0, "collision": 1.0 - c / 50.0})


def last_turn_reward(totals: list[float], num_turns: int) -> float:
    return -1.0 if num_turns <= 2 else totals[-1]


@pytest.fixture(scope="module")
def tokenizer():
    return tiny_tokenizer()


@pytest.fixture(scope="module")
def processor(tokenizer):
    return tiny_processor(tokenizer)


@pytest.fixture(scope="module")
def trainer_config():
    return compose_trainer_config(["data.max_response_length=8192", "data.max_prompt_length=2048"])


def make_loop(trainer_config, tokenizer, processor, server, **settings):
    """Instantiate the loop the way verl's AgentLoopWorker does: hydra.utils.instantiate on our YAML
    entry, inside the running event loop (the base class keeps the loop it was built in)."""
    entry = OmegaConf.load(AGENT_LOOPS_YAML)[0]
    assert entry.name == "scene_agent"
    entry.settings.update({"renderer": "gl", "retrieval": None, "resolver": None, **settings})
    return hydra.utils.instantiate(
        config=entry,
        trainer_config=DictConfigWrap(config=trainer_config),
        server_manager=server,
        tokenizer=tokenizer,
        processor=processor,
        hf_model_type="qwen2_5_vl",
        dataset_cls=RLHFDataset,
        data_config=DictConfigWrap(trainer_config.data),
        tools=ToolListWrap([]),
        scorer=scripted_turn_scorer,
        trajectory_reward=last_turn_reward,
    )


def run_episode(build, configure=None):
    """``build()`` -> the loop (called inside the event loop); ``configure(loop)`` may adjust it."""
    raw_prompt = [{"role": "system", "content": DEFAULT_SYSTEM_PROMPT}, {"role": "user", "content": REQUIREMENT}]

    async def go():
        loop: SceneAgentLoop = build()
        if configure is not None:
            configure(loop)
        return await loop.run({"temperature": 1.0}, raw_prompt=raw_prompt, extra_info={"index": 0})

    return asyncio.run(go())


# per-turn scores of SCRIPT: empty room, bed + nightstand apart, wardrobe into the bed (2 of 3 objects
# collide: 66.67 %), wardrobe moved to the wall + terminate
EXPECTED_SCORES = [1.0, 1.0, 1.0 - (200.0 / 3.0) / 50.0, 1.0]


def test_scripted_episode_scores_images_and_tokens(trainer_config, tokenizer, processor):
    server = ScriptedServer(tokenizer, list(SCRIPT))
    out = run_episode(lambda: make_loop(trainer_config, tokenizer, processor, server))

    # per-turn scores and the trajectory reward (the final turn's score; more than 2 turns)
    assert out.extra_fields["turn_scores"] == pytest.approx(EXPECTED_SCORES, abs=1e-9)
    assert out.extra_fields["stop_reason"] == "terminate"
    assert out.reward_score == pytest.approx(1.0)
    assert out.extra_fields["trajectory_reward"] == out.reward_score
    final = json.loads(out.extra_fields["final_scene"])
    assert sorted(o["id"] for o in final["objects"]) == ["bed_1", "nightstand_1", "wardrobe_1"]
    wardrobe = next(o for o in final["objects"] if o["id"] == "wardrobe_1")
    assert wardrobe["pos"] == pytest.approx([-1.3, 0.0, 2.0])

    # one merged render per edit turn, handed back for training and sent with every later generation
    images = out.multi_modal_data["images"]
    assert len(images) == 3
    assert all(im.size == (1080, 570) and im.mode == "RGB" for im in images)
    assert [r.num_images for r in server.requests] == [0, 1, 2, 3]
    assert out.num_turns == 4 + 3 + 1

    # the token stream: every image expanded to exactly its processor token count, between vision marks
    ids = out.prompt_ids + out.response_ids
    pad = tokenizer.convert_tokens_to_ids("<|image_pad|>")
    vstart = tokenizer.convert_tokens_to_ids("<|vision_start|>")
    grid = processor.image_processor(images=images, return_tensors="pt")["image_grid_thw"]
    per_image = (grid.prod(dim=-1) // processor.image_processor.merge_size**2).tolist()
    assert ids.count(vstart) == 3
    assert ids.count(pad) == sum(per_image)
    # the prompt is system + requirement only; everything after it is the response
    assert pad not in out.prompt_ids
    # response mask: 1 exactly on the generated tokens (each reply + its <|im_end|>)
    generated = sum(len(tokenizer.encode(r, add_special_tokens=False)) + 1 for r in SCRIPT)
    assert sum(out.response_mask) == generated
    assert len(out.response_mask) == len(out.response_ids)
    assert out.response_logprobs is not None and len(out.response_logprobs) == len(out.response_ids)

    # each user turn reads as in our SFT rows: image, requirement, feedback, the current scene JSON
    text = tokenizer.decode(out.response_ids, skip_special_tokens=False)
    user_turns = text.split("<|im_start|>user\n")[1:]
    assert len(user_turns) == 3
    for turn in user_turns:
        assert turn.startswith("<|vision_start|>")
        body = turn.split("<|vision_end|>", 1)[1]
        assert body.startswith("\n" + REQUIREMENT + "\n")
        assert "<current_scene>\n```json\n" in body
    assert '"id": "wardrobe_1"' in user_turns[2] and '"id": "wardrobe_1"' not in user_turns[1]


def test_turn_cap_ends_the_episode_and_scores_the_last_turn_as_final(trainer_config, tokenizer, processor):
    seen = []

    def scorer(scene, info):
        seen.append((info.turn, info.terminated, info.truncated))
        return scripted_turn_scorer(scene, info)

    server = ScriptedServer(tokenizer, [create_reply(), calls_reply(BED), calls_reply(NIGHTSTAND)])
    out = run_episode(
        lambda: make_loop(trainer_config, tokenizer, processor, server, max_edit_turns=2),
        lambda loop: setattr(loop, "scorer", scorer),
    )
    assert seen == [(0, False, False), (1, False, False), (2, False, True)]
    assert out.extra_fields["stop_reason"] == "max_turns"
    assert len(out.multi_modal_data["images"]) == 2
    assert out.reward_score == pytest.approx(1.0)


def test_short_episode_gets_the_short_penalty(trainer_config, tokenizer, processor):
    server = ScriptedServer(tokenizer, [create_reply(), calls_reply(BED, TERMINATE)])
    out = run_episode(lambda: make_loop(trainer_config, tokenizer, processor, server))
    assert out.extra_fields["turn_scores"] == pytest.approx([1.0, 1.0])
    assert out.extra_fields["stop_reason"] == "terminate"
    assert out.reward_score == -1.0
    assert len(out.multi_modal_data["images"]) == 1
