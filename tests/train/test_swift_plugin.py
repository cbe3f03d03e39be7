"""ms-swift GRPO plugins: the scene-edit scheduler driven by ms-swift's own multi-turn driver.

The only fake is the model: a scripted engine answers each turn (creation room, edits, terminate);
ms-swift's ``run_multi_turn`` (the colocate / transformers-rollout driver), SceneEnv, the GL renderer,
physics and the chat package are real. Runs in the ms-swift env (.venv-sft); skipped where swift is absent.
"""

from __future__ import annotations

import base64
import json

import pytest

swift = pytest.importorskip("swift")
pytest.importorskip("pyrender")

from PIL import Image  # noqa: E402
from swift.infer_engine.protocol import (  # noqa: E402
    ChatCompletionResponse,
    ChatCompletionResponseChoice,
    ChatMessage,
    RequestConfig,
    RolloutInferRequest,
    RolloutOutput,
    UsageInfo,
)
from swift.rewards import orms  # noqa: E402
from swift.rollout.agent_loop import run_multi_turn  # noqa: E402
from swift.rollout.multi_turn import multi_turns  # noqa: E402

from scenerevis.chat import DEFAULT_SYSTEM_PROMPT, TurnRecord, build_conversation, to_swift_row  # noqa: E402
from scenerevis.env import EnvConfig, SceneEnv  # noqa: E402
from scenerevis.scene.formats import scene_to_flat  # noqa: E402
from scenerevis.tools.format import format_create_scene, format_tool_calls  # noqa: E402
from scenerevis.train import swift_plugin as sp  # noqa: E402
from scenerevis.train.swift_data import grpo_row  # noqa: E402
from scenerevis.train.swift_reward import PhysicsScorer  # noqa: E402

REQ = "a small bedroom with a bed and a desk"
ROOM = {
    "room_type": "bedroom",
    "room_id": "r1",
    "bounds_bottom": [[-2, 0, -2], [2, 0, -2], [2, 0, 2], [-2, 0, 2]],
    "bounds_top": [[-2, 2.7, -2], [2, 2.7, -2], [2, 2.7, 2], [-2, 2.7, 2]],
    "objects": [],
}


def add(desc, pos, size):
    return {
        "name": "add_object",
        "arguments": {"object_description": desc, "position": pos, "rotation": [0, 0, 0, 1], "size": size},
    }


CREATE = format_create_scene(ROOM)
ADD_BED = format_tool_calls([add("double bed", [0, 0, 0], [1.6, 0.5, 2.0])], think="bed first")
ADD_DESK = format_tool_calls([add("desk", [1.4, 0, -1.6], [1.0, 0.75, 0.5])], think="desk by the wall")
# overlaps the bed: collision rate > 0 in the last turn of the capped episode
ADD_CHAIR = format_tool_calls([add("chair", [0.2, 0, 0.2], [0.5, 0.9, 0.5])], think="chair")
TERMINATE = format_tool_calls([{"name": "terminate", "arguments": {"reason": "done"}}], think="complete")


def tokenizer():
    """A real byte-level tokenizer (exact encode/decode round trip), so that ms-swift freezes earlier
    assistant turns as token-id lists the way it does in training."""
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers
    from transformers import PreTrainedTokenizerFast

    bpe = Tokenizer(models.BPE())
    bpe.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    bpe.decoder = decoders.ByteLevel()
    bpe.train_from_iterator(
        [CREATE, ADD_BED], trainers.BpeTrainer(vocab_size=300, initial_alphabet=pre_tokenizers.ByteLevel.alphabet())
    )
    return PreTrainedTokenizerFast(tokenizer_object=bpe)


class ScriptedEngine:
    """The fake model: the k-th call for a request answers that request's k-th scripted reply."""

    def __init__(self, tok, scripts: dict[str, list[str]]) -> None:
        self.tok, self.scripts, self.calls = tok, scripts, {u: 0 for u in scripts}
        self.seen_images: dict[str, list[int]] = {u: [] for u in scripts}

    def __call__(self, requests, request_config=None):
        outs = []
        for req in requests:
            k = self.calls[req.uuid]
            self.calls[req.uuid] += 1
            self.seen_images[req.uuid].append(len(req.images))
            text = self.scripts[req.uuid][k]
            choice = ChatCompletionResponseChoice(
                index=0,
                message=ChatMessage(role="assistant", content=text),
                finish_reason="stop",
                token_ids=self.tok.encode(text, add_special_tokens=False),
            )
            resp = ChatCompletionResponse(model="scripted", choices=[choice], usage=UsageInfo(0, 0, 0))
            outs.append(RolloutOutput(response=resp))
        return outs


def request(uuid: str) -> RolloutInferRequest:
    row = grpo_row(REQ, DEFAULT_SYSTEM_PROMPT)
    return RolloutInferRequest(
        messages=row["messages"], images=row["images"], uuid=uuid, data_dict={"requirement": row["requirement"]}
    )


@pytest.fixture()
def scheduler(tmp_path):
    spec = sp.SwiftEnvSpec(workdir=str(tmp_path / "renders"), renderer="gl", resolution=64, merged_size=(128, 72), resolver=None)
    s = sp.SceneEditScheduler(max_turns=5, tokenizer=tokenizer(), spec=spec, scorer=PhysicsScorer())
    yield s
    s.parts.close()


def rollout(s, scripts):
    engine = ScriptedEngine(s.tokenizer, scripts)
    reqs = [request(u) for u in scripts]
    import asyncio

    asyncio.run(s.on_trajectory_start(reqs))
    assert set(s.episodes) == set(scripts)
    first = engine(reqs)
    outs = run_multi_turn(reqs, first, s, engine, RequestConfig(max_tokens=64), max_turns=s.max_turns)
    return engine, {u: o for u, o in zip(scripts, outs)}


def test_registered_names():
    sp.register()
    assert multi_turns[sp.SCHEDULER_NAME] is sp.SceneEditScheduler
    assert orms[sp.REWARD_NAME] is sp.SceneReward


def test_three_edit_turns_three_user_turns_with_images_and_state_released(scheduler):
    scripts = {
        "a": [CREATE, ADD_BED, ADD_DESK, TERMINATE],  # terminates on turn 4
        "b": [CREATE, ADD_BED, ADD_DESK, ADD_CHAIR, ADD_CHAIR],  # hits the cap of 5 turns
    }
    engine, outs = rollout(scheduler, scripts)
    assert scheduler.episodes == {}  # every episode's state released at its end

    a = outs["a"]
    roles = [m["role"] for m in a.messages]
    assert roles == ["system", "user", "assistant", "user", "assistant", "user", "assistant", "user", "assistant"]
    users = [m["content"] for m in a.messages if m["role"] == "user"]
    assert [u.count("<image>") for u in users] == [0, 1, 1, 1]
    # ms-swift turns the image list into base64 when it closes the trajectory: the renders of turns 0..2
    files = [scheduler.workdir / "a" / f"merged_iter_{k}.png" for k in range(3)]
    assert [base64.b64decode(x) for x in a.rollout_infos["images"]] == [f.read_bytes() for f in files]
    assert len({Image.open(f).tobytes() for f in files}) == 3  # three distinct renders
    assert Image.open(files[0]).size == (128, 72)
    assert engine.seen_images["a"] == [0, 1, 2, 3]  # each generation saw every render so far
    assert a.rollout_infos["num_turns"] == 4
    rec = a.rollout_infos[sp.INFO_KEY]
    assert rec["end"] == "terminate"
    assert [t["kind"] for t in rec["turns"]] == ["create_scene", "tool_calls", "tool_calls", "tool_calls"]
    assert [t["metrics"]["num_objects"] for t in rec["turns"]] == [0, 1, 2, 2]
    assert [o["desc"] for o in rec["final_scene"]["objects"]] == ["double bed", "desk"]
    json.dumps(a.rollout_infos)  # what ms-swift gathers must be JSON-serialisable
    # earlier assistant turns were frozen to token ids by ms-swift; the reward never reads them
    assert [type(m["content"]).__name__ for m in a.messages if m["role"] == "assistant"] == ["list", "list", "list", "str"]

    b = outs["b"]
    assert b.rollout_infos["num_turns"] == 5
    assert len(b.rollout_infos["images"]) == 4
    assert b.rollout_infos[sp.INFO_KEY]["end"] == "turn_cap"
    assert b.rollout_infos[sp.INFO_KEY]["turns"][-1]["truncated"] is True


def test_user_turns_identical_to_inference_conversation(scheduler, tmp_path):
    """The scheduler's user turns are the ones scenerevis.chat builds for the same episode at inference."""
    replies = [CREATE, ADD_BED, ADD_DESK, TERMINATE]
    _, outs = rollout(scheduler, {"a": replies})
    got = outs["a"]

    env = SceneEnv(config=EnvConfig(max_turns=4, render=False))  # physics feedback on, as in the scheduler
    obs = env.reset(REQ)
    records = []
    for reply in replies:
        scene = scene_to_flat(obs.scene) if obs.scene is not None else None
        image = str(scheduler.workdir / "a" / f"merged_iter_{obs.turn - 1}.png") if obs.turn > 0 else None
        records.append(TurnRecord(obs.turn, scene, image, obs.feedback, reply))
        obs, _ = env.step(reply)
    want = to_swift_row(build_conversation(DEFAULT_SYSTEM_PROMPT, REQ, records))
    want["messages"].append({"role": "assistant", "content": replies[-1]})
    assert [m["content"] for m in got.messages if m["role"] != "assistant"] == [
        m["content"] for m in want["messages"] if m["role"] != "assistant"
    ]
    assert [base64.b64decode(x) for x in got.rollout_infos["images"]] == [open(p, "rb").read() for p in want["images"]]


def test_reward_reads_the_record(scheduler):
    _, outs = rollout(scheduler, {"a": [CREATE, ADD_BED, ADD_DESK, TERMINATE], "b": [CREATE, TERMINATE]})
    reward = sp.SceneReward(scorer=PhysicsScorer())
    infos = [outs["a"].rollout_infos, outs["b"].rollout_infos]
    # a: last turn two non-overlapping objects in the room, no errors -> 1.0; b: 2 turns, terminate on an
    # empty room -> its last score is 0.0 (no objects)
    assert outs["b"].rollout_infos[sp.INFO_KEY]["turn_scores"] == [1.0, 0.0]
    assert reward(["x", "y"], rollout_infos=infos) == [1.0, 0.0]
    with pytest.raises(ValueError, match="no 'scenerevis' record"):
        reward(["x"], rollout_infos=[{"num_turns": 1}])


def test_spec_from_environ_errors():
    spec = sp.SwiftEnvSpec.from_environ({"SCENEREVIS_SWIFT_MERGED_SIZE": "320x180", "SCENEREVIS_SWIFT_RESOLVER": "none"})
    assert (spec.merged_size, spec.resolver, spec.renderer) == ((320, 180), None, "gl")
    with pytest.raises(ValueError, match="SCENEREVIS_SWIFT_MERGED_SIZE"):
        sp.SwiftEnvSpec.from_environ({"SCENEREVIS_SWIFT_MERGED_SIZE": "big"})
    with pytest.raises(ValueError, match="SCENEREVIS_SWIFT_RENDERER"):
        sp.SwiftEnvSpec.from_environ({"SCENEREVIS_SWIFT_RENDERER": "ray"})


def test_reward_module_scores(tmp_path):
    """With the project's reward module installed, the recorded turn scores and the trajectory reward are
    exactly its score_turn / trajectory_reward on the same episode."""
    reward = pytest.importorskip("scenerevis.train.reward")
    from scenerevis.train.swift_reward import ModuleScorer

    scorer = ModuleScorer(None)
    spec = sp.SwiftEnvSpec(workdir=str(tmp_path / "r"), renderer="none", resolver=None)
    s = sp.SceneEditScheduler(max_turns=5, tokenizer=tokenizer(), spec=spec, scorer=scorer)
    replies = [CREATE, ADD_BED, ADD_DESK, ADD_CHAIR, TERMINATE]
    _, outs = rollout(s, {"a": replies})
    infos = outs["a"].rollout_infos
    assert infos["num_turns"] == 5 and infos["images"] == []  # no renderer: no images, no <image> tags

    env = SceneEnv(config=EnvConfig(max_turns=4, render=False))
    env.reset(REQ)
    want = []
    for reply in replies:
        _, info = env.step(reply)
        want.append(reward.score_turn(env.scene, info, scorer.config, requirement=REQ).total)
    assert infos[sp.INFO_KEY]["turn_scores"] == want
    assert len(set(want)) > 1  # the turns are told apart
    assert sp.SceneReward(scorer=scorer)(["c"], rollout_infos=[infos]) == [reward.trajectory_reward(want, 5, scorer.config)]
