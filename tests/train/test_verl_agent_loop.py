"""A scripted episode through the verl agent loop: real SceneEnv (physics, GL renders), real verl
Continuous Token merging over transformers' Qwen2.5-VL processor, a scripted server in place of vLLM.

Runs in .venv-rl (verl 0.9.1); skipped where verl is not installed.
"""

from __future__ import annotations

import asyncio
import json

import pytest

pytest.importorskip("verl")

from tests.train.verl_fixtures import (  # noqa: E402
    BED,
    NIGHTSTAND,
    REQUIREMENT,
    SCRIPT,
    TERMINATE,
    ScriptedServer,
    calls_reply,
    compose_trainer_config,
    create_reply,
    make_loop,
    run_episode,
    scripted_turn_scorer,
    tiny_processor,
    tiny_tokenizer,
)


@pytest.fixture(scope="module")
def tokenizer():
    return tiny_tokenizer()


@pytest.fixture(scope="module")
def processor(tokenizer):
    return tiny_processor(tokenizer)


@pytest.fixture(scope="module")
def trainer_config():
    return compose_trainer_config(["data.max_response_length=8192", "data.max_prompt_length=2048"])


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
    # the weight versions the server reported: first request's min, last request's max (off-policy bookkeeping)
    assert (out.extra_fields["min_global_steps"], out.extra_fields["max_global_steps"]) == (5, 8)

    # the token stream: every image expanded to exactly its processor token count, between vision marks
    ids = out.prompt_ids + out.response_ids
    pad = tokenizer.convert_tokens_to_ids("<|image_pad|>")
    vstart = tokenizer.convert_tokens_to_ids("<|vision_start|>")
    grid = processor.image_processor(images=images, return_tensors="pt")["image_grid_thw"]
    per_image = (grid.prod(dim=-1) // processor.image_processor.merge_size**2).tolist()
    assert ids.count(vstart) == 3
    assert ids.count(pad) == sum(per_image)
    # the prompt is system + requirement only (not truncated); everything after it is the response
    assert pad not in out.prompt_ids
    assert len(out.prompt_ids) < trainer_config.data.max_prompt_length
    assert tokenizer.decode(out.prompt_ids).endswith(REQUIREMENT + "<|im_end|>\n<|im_start|>assistant\n")
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

    def scorer(scene, info, requirement):
        seen.append((info.turn, info.terminated, info.truncated, requirement))
        return scripted_turn_scorer(scene, info, requirement)

    server = ScriptedServer(tokenizer, [create_reply(), calls_reply(BED), calls_reply(NIGHTSTAND)])
    out = run_episode(
        lambda: make_loop(trainer_config, tokenizer, processor, server, max_edit_turns=2),
        lambda loop: setattr(loop, "scorer", scorer),
    )
    assert seen == [(0, False, False, REQUIREMENT), (1, False, False, REQUIREMENT), (2, False, True, REQUIREMENT)]
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


def test_default_reward_is_the_package_reward_on_each_turn(trainer_config, tokenizer, processor):
    """Without an injected scorer the loop scores with scenerevis.train.reward: the same totals as
    score_turn on a SceneEnv stepped through the same replies, and trajectory_reward of them."""
    reward = pytest.importorskip("scenerevis.train.reward")
    from scenerevis.env import EnvConfig, SceneEnv
    from scenerevis.render import RenderConfig, SceneRenderer

    server = ScriptedServer(tokenizer, list(SCRIPT))
    out = run_episode(lambda: make_loop(trainer_config, tokenizer, processor, server, package_reward=True))

    config = reward.RewardConfig.default()
    env = SceneEnv(renderer=SceneRenderer(RenderConfig(renderer="gl")), config=EnvConfig(max_turns=6))
    try:
        env.reset(REQUIREMENT)
        expected = []
        for reply in SCRIPT:
            _, info = env.step(reply)
            expected.append(reward.score_turn(env.scene, info, config, requirement=REQUIREMENT).total)
    finally:
        env.close()
    assert len(set(round(x, 9) for x in expected)) > 1  # the turns differ: a real comparison
    assert out.extra_fields["turn_scores"] == pytest.approx(expected, abs=1e-9)
    assert out.reward_score == pytest.approx(reward.trajectory_reward(expected, len(expected), config))
    assert out.extra_fields["num_assistant_turns"] == len(SCRIPT)
    assert set(json.loads(out.extra_fields["turn_components"])[-1]) >= {"format", "collision_rate"}


def test_response_budget_ends_the_episode_before_a_turn_that_does_not_fit(tokenizer, processor):
    """The next user turn (scene JSON + render) would overflow rollout.response_length: it is not added,
    and the turn just played is re-scored as the final one."""
    seen = []

    def scorer(scene, info, requirement):
        seen.append((info.turn, info.truncated))
        return scripted_turn_scorer(scene, info, requirement)

    reply_tokens = len(tokenizer.encode(create_reply(), add_special_tokens=False)) + 1  # + <|im_end|>
    config = compose_trainer_config([f"data.max_response_length={reply_tokens + 10}", "data.max_prompt_length=2048"])
    server = ScriptedServer(tokenizer, [create_reply(), calls_reply(BED)])
    out = run_episode(lambda: make_loop(config, tokenizer, processor, server), lambda loop: setattr(loop, "scorer", scorer))
    assert seen == [(0, False), (0, True)]
    assert out.extra_fields["stop_reason"] == "response_length"
    assert len(server.requests) == 1
    assert out.multi_modal_data == {}
    assert out.response_mask == [1] * reply_tokens
    assert out.reward_score == -1.0  # a single scored turn: the short-trajectory penalty


def test_a_row_from_rl_data_runs_through_the_loop(tmp_path, trainer_config, tokenizer, processor):
    """rl_data parquet -> verl's RLHFDataset (our composed data config) -> the loop, with the row's fields
    as verl's worker passes them (agent_name selects the loop and is not forwarded)."""
    from verl.utils.dataset.rl_dataset import RLHFDataset

    from scenerevis.train.rl_data import main as rl_data_main

    prompts = tmp_path / "p.txt"
    prompts.write_text(REQUIREMENT + "\n")
    assert rl_data_main(["--prompts", str(prompts), "--out", str(tmp_path / "data"), "--val-ratio", "0"]) == 0
    ds = RLHFDataset(str(tmp_path / "data" / "train.parquet"), tokenizer, trainer_config.data, processor=None)
    item = ds[0]
    assert item["agent_name"] == trainer_config.actor_rollout_ref.rollout.agent.default_agent_loop
    row = {k: v for k, v in item.items() if k != "agent_name" and not hasattr(v, "shape")}

    requirements = []

    def scorer(scene, info, requirement):
        requirements.append(requirement)
        return scripted_turn_scorer(scene, info, requirement)

    async def go():
        loop = make_loop(trainer_config, tokenizer, processor, ScriptedServer(tokenizer, list(SCRIPT)))
        loop.scorer = scorer
        return await loop.run({"temperature": 1.0}, **row)

    out = asyncio.run(go())
    assert requirements == [REQUIREMENT] * len(SCRIPT)
    assert out.extra_fields["turn_scores"] == pytest.approx(EXPECTED_SCORES, abs=1e-9)
    assert len(out.multi_modal_data["images"]) == 3
