"""GRPO on our rewards with verl's own code, on CPU: 8 scripted rollouts of one prompt through the scene
agent loop, verl's AgentLoopWorker post-processing (padding, multimodal inputs re-computed from the
trajectory text and its renders, reward at the last response token), then verl's GRPO advantage.

Runs in .venv-rl (verl 0.9.1); skipped where verl is not installed.
"""

from __future__ import annotations

import asyncio

import numpy as np
import pytest

pytest.importorskip("verl")

import torch  # noqa: E402
from verl.experimental.agent_loop.agent_loop import AgentLoopWorker  # noqa: E402
from verl.trainer.ppo.core_algos import AdvantageEstimator  # noqa: E402
from verl.trainer.ppo.ray_trainer import compute_advantage  # noqa: E402
from verl.trainer.ppo.reward import extract_reward  # noqa: E402
from verl.utils.config import omega_conf_to_dataclass  # noqa: E402

from scenerevis.chat import DEFAULT_SYSTEM_PROMPT  # noqa: E402
from tests.train.verl_fixtures import (  # noqa: E402
    BED,
    NIGHTSTAND,
    REQUIREMENT,
    SCRIPT,
    TERMINATE,
    WARDROBE_ON_BED,
    ScriptedServer,
    calls_reply,
    compose_trainer_config,
    create_reply,
    make_loop,
    tiny_processor,
    tiny_tokenizer,
)

NIGHTSTAND_INTO_BED = {"name": "move_object", "arguments": {"jid": "nightstand_1", "new_position": [0.5, 0.0, 0.5]}}

# eight rollouts of one prompt and their trajectory rewards (scripted_turn_scorer: 1 - collision % / 50,
# -1 for a turn with errors; trajectory = the last turn's score, -1 for <= 2 turns)
GROUP: list[tuple[list[str], float]] = [
    (list(SCRIPT), 1.0),  # collision fixed before terminate
    ([create_reply(), calls_reply(BED), calls_reply(WARDROBE_ON_BED, TERMINATE)], -1.0),  # 2 of 2 collide
    ([create_reply(), calls_reply(BED, NIGHTSTAND), calls_reply(WARDROBE_ON_BED, TERMINATE)], 1.0 - (200 / 3) / 50),
    ([create_reply(), calls_reply(BED, TERMINATE)], -1.0),  # creation + one edit: short
    ([create_reply(), "no tool calls here", calls_reply(BED, NIGHTSTAND, TERMINATE)], 1.0),  # a bad turn, then fine
    ([create_reply(), calls_reply(BED, NIGHTSTAND), calls_reply(NIGHTSTAND_INTO_BED, TERMINATE)], -1.0),  # 2 of 2
    ([create_reply(), calls_reply(BED), calls_reply(NIGHTSTAND), calls_reply(TERMINATE)], 1.0),
    (
        [create_reply(), calls_reply(BED), calls_reply({"name": "remove_object", "arguments": {"jid": "ghost_9"}}, TERMINATE)],
        -1.0,
    ),
]


def test_grpo_advantages_on_a_group_of_eight_scene_rollouts():
    tokenizer = tiny_tokenizer()
    processor = tiny_processor(tokenizer)
    config = compose_trainer_config(["data.max_response_length=8192", "data.max_prompt_length=2048"])
    assert config.actor_rollout_ref.rollout.n == len(GROUP) == 8
    raw_prompt = [{"role": "system", "content": DEFAULT_SYSTEM_PROMPT}, {"role": "user", "content": REQUIREMENT}]

    # verl's worker, with only what its post-processing reads (no Ray actor, no model, no reward workers)
    worker = AgentLoopWorker.__new__(AgentLoopWorker)
    worker.config = config
    worker.rollout_config = omega_conf_to_dataclass(config.actor_rollout_ref.rollout)
    worker.tokenizer, worker.processor = tokenizer, processor
    worker.mm_processor_kwargs = {}
    worker.reward_loop_worker_handles = None
    worker.distillation_enabled = False

    async def rollouts():
        outs = []
        for script, _ in GROUP:
            loop = make_loop(config, tokenizer, processor, ScriptedServer(tokenizer, script))
            out = await loop.run({"temperature": 1.0}, raw_prompt=raw_prompt, extra_info={"index": 0})
            outs.append(await worker._agent_loop_postprocess(out, validate=False, raw_prompt=raw_prompt))
        return outs

    internal = asyncio.run(rollouts())
    rewards = [o.reward_score for o in internal]
    assert rewards == pytest.approx([r for _, r in GROUP], abs=1e-9)
    # verl re-ran the processor over each trajectory's text with its renders: one grid per edit-turn image
    for o, (script, _) in zip(internal, GROUP):
        assert o.multi_modal_inputs["image_grid_thw"].shape[0] == len(o.multi_modal_data["images"]) == len(script) - 1

    batch = worker._postprocess(internal)
    batch.non_tensor_batch["uid"] = np.array(["prompt-0"] * len(GROUP), dtype=object)
    reward_tensor, _ = extract_reward(batch)
    last = batch.batch["attention_mask"][:, config.data.max_prompt_length :].sum(-1) - 1
    assert reward_tensor.sum(-1).tolist() == pytest.approx(rewards, abs=1e-6)
    assert reward_tensor[torch.arange(8), last].tolist() == pytest.approx(rewards, abs=1e-6)
    batch.batch["token_level_scores"] = reward_tensor
    batch.batch["token_level_rewards"] = reward_tensor  # use_kl_in_reward is off (KL is in the loss)

    algo = omega_conf_to_dataclass(config.algorithm)
    batch = compute_advantage(batch, adv_estimator=AdvantageEstimator(config.algorithm.adv_estimator), config=algo)

    r = np.array(rewards)
    expected = (r - r.mean()) / (r.std(ddof=1) + 1e-6)
    mask = batch.batch["response_mask"].bool()
    adv = batch.batch["advantages"]
    for i in range(8):
        assert adv[i][mask[i]].tolist() == pytest.approx([expected[i]] * int(mask[i].sum()), abs=1e-5)
        assert torch.all(adv[i][~mask[i]] == 0)
    # the best rollouts get the largest advantage, the failed ones the smallest
    assert expected.argmax() in (0, 4, 6) and adv[0][mask[0]][0] > 0 > adv[1][mask[1]][0]
