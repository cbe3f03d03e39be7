"""Tiny, locally built stand-ins for what a verl rollout gets from a Qwen2.5-VL checkpoint, plus a
scripted server manager in place of vLLM.

- ``tiny_tokenizer()``: a byte-level BPE trained here on a few sentences, with the ChatML and vision
  special tokens of Qwen2.5-VL and our own ChatML chat template (image blocks render as
  ``<|vision_start|><|image_pad|><|vision_end|>``, as a Qwen2.5-VL template does);
- ``tiny_processor()``: transformers' real ``Qwen2_5_VLProcessor`` over that tokenizer with the real
  Qwen2-VL image processor, its pixel budget made small so a render is a few dozen tokens;
- ``ScriptedServer``: answers ``generate`` with the next scripted reply (tokenized, ending in
  ``<|im_end|>`` as vLLM returns it) and records what each request carried.

Nothing is downloaded.
"""

from __future__ import annotations

import asyncio
import json
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from scenerevis.chat import DEFAULT_SYSTEM_PROMPT
from scenerevis.train.tiny_model import SPECIALS

SPECIAL_TOKENS = SPECIALS  # the tiny checkpoints' special tokens (scenerevis.train.tiny_model)

# Our ChatML template (string content, or a list of text / image blocks).
CHAT_TEMPLATE = (
    "{% for message in messages %}"
    "{{ '<|im_start|>' + message['role'] + '\n' }}"
    "{% if message['content'] is string %}{{ message['content'] }}"
    "{% else %}{% for block in message['content'] %}"
    "{% if block['type'] == 'image' or 'image' in block %}{{ '<|vision_start|><|image_pad|><|vision_end|>' }}"
    "{% elif block['type'] == 'text' %}{{ block['text'] }}{% endif %}"
    "{% endfor %}{% endif %}"
    "{{ '<|im_end|>\n' }}"
    "{% endfor %}"
    "{% if add_generation_prompt %}{{ '<|im_start|>assistant\n' }}{% endif %}"
)

_CORPUS = [
    "You are an interior designer who builds 3D rooms by editing a JSON scene.",
    '<create_scene>\n```json\n{"room_type": "bedroom", "room_id": "r", "bounds_bottom": [], "objects": []}\n```\n</create_scene>',
    '<think>\nadd a bed\n</think>\n\n<tool_calls>\n[{"id": "tool_1", "name": "add_object", "arguments": {}}]\n</tool_calls>',
    "<current_scene>\n```json\n{}\n```\n</current_scene> <feedback> collision out of bounds terminate",
    "A cosy bedroom with a double bed, two nightstands and a wardrobe. position rotation size 0123456789.-,",
]


def tiny_tokenizer():
    """A PreTrainedTokenizerFast (byte-level BPE, up to 2000 tokens) with Qwen's special tokens."""
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers
    from transformers import PreTrainedTokenizerFast

    tok = Tokenizer(models.BPE())
    tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tok.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(
        vocab_size=2000, special_tokens=SPECIAL_TOKENS, initial_alphabet=pre_tokenizers.ByteLevel.alphabet()
    )
    tok.train_from_iterator([*_CORPUS, DEFAULT_SYSTEM_PROMPT] * 4, trainer=trainer)
    fast = PreTrainedTokenizerFast(
        tokenizer_object=tok,
        eos_token="<|im_end|>",
        pad_token="<|endoftext|>",
        additional_special_tokens=SPECIAL_TOKENS[1:],
    )
    fast.chat_template = CHAT_TEMPLATE
    return fast


def tiny_processor(tokenizer, max_pixels: int = 56 * 56 * 4):
    """transformers' Qwen2.5-VL processor over ``tokenizer``; ``max_pixels`` bounds each image's tokens.

    Without its video sub-processor: transformers' video processors need a torchvision built for the
    installed torch, and PyPI has none for the CPU torch of the test venv. Images (all we send) go
    through the real Qwen2.5-VL processing and placeholder expansion.
    """
    from transformers import Qwen2_5_VLProcessor, Qwen2VLImageProcessor

    class ImageOnlyQwen25VLProcessor(Qwen2_5_VLProcessor):
        def __init__(self, image_processor=None, tokenizer=None, chat_template=None, **kwargs):
            # ProcessorMixin takes its sub-processors from this signature: image processor + tokenizer
            super().__init__(image_processor, tokenizer, None, chat_template=chat_template)

        @property
        def model_input_names(self):
            names = self.tokenizer.model_input_names + self.image_processor.model_input_names
            return list(dict.fromkeys(names)) + ["mm_token_type_ids"]

    image_processor = Qwen2VLImageProcessor(min_pixels=28 * 28, max_pixels=max_pixels)
    return ImageOnlyQwen25VLProcessor(image_processor=image_processor, tokenizer=tokenizer, chat_template=CHAT_TEMPLATE)


@dataclass
class Request:
    prompt_ids: list[int]
    num_images: int
    image_sizes: list[tuple[int, int]]


class ScriptedServer:
    """``generate`` returns ``replies`` in order (a fake of verl's LLM server client). A plain class,
    not a dataclass: hydra.utils.instantiate would turn a dataclass argument into a config node."""

    def __init__(self, tokenizer: Any, replies: list[str]) -> None:
        self.tokenizer = tokenizer
        self.replies = list(replies)
        self.requests: list[Request] = []

    async def generate(self, *, request_id, prompt_ids, sampling_params, image_data=None, **kwargs):
        from verl.workers.rollout.replica import TokenOutput

        if len(self.requests) >= len(self.replies):
            raise AssertionError(f"generate called {len(self.requests) + 1} times; only {len(self.replies)} replies scripted")
        images = list(image_data or [])
        self.requests.append(Request(list(prompt_ids), len(images), [im.size for im in images]))
        reply = self.replies[len(self.requests) - 1]
        ids = self.tokenizer.encode(reply, add_special_tokens=False) + [self.tokenizer.convert_tokens_to_ids("<|im_end|>")]
        # the policy weights' version: step 5 at the first request, one more per later request
        versions = {"min_global_steps": 5, "max_global_steps": 5 + len(self.requests) - 1}
        return TokenOutput(token_ids=ids, log_probs=[-0.5] * len(ids), stop_reason="completed", extra_fields=versions)


CONFIG_DIR = Path(__file__).resolve().parents[2] / "script" / "RL" / "config"
AGENT_LOOPS_YAML = CONFIG_DIR / "agent_loops.yaml"


def compose_trainer_config(overrides: list[str] | None = None):
    """script/RL/config/scene_grpo.yaml composed with verl's trainer config (Hydra compose API)."""
    from hydra import compose, initialize_config_dir

    base = [
        "data.train_files=unused.parquet",
        "data.val_files=unused.parquet",
        "actor_rollout_ref.model.path=unused-model",
    ]
    with initialize_config_dir(config_dir=str(CONFIG_DIR), version_base=None):
        return compose(config_name="scene_grpo", overrides=base + list(overrides or []))


# ------------------------------------------------------------------ scripted episodes
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
    return {
        "name": "add_object",
        "arguments": {"object_description": desc, "position": pos, "rotation": [0, 0, 0, 1], "size": size},
    }


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


def scripted_turn_scorer(scene, info, requirement) -> SimpleNamespace:
    """A hand-computable per-turn score for the loop's bookkeeping: -1 for a turn with errors, else
    1 - collision_rate / 50 (collision_rate in percent of objects)."""
    if info.errors:
        return SimpleNamespace(total=-1.0, components={"format": -1.0})
    c = float(info.metrics["collision_rate"])
    return SimpleNamespace(total=1.0 - c / 50.0, components={"format": 1.0, "collision": 1.0 - c / 50.0})


def last_turn_reward(totals: list[float], num_turns: int) -> float:
    return -1.0 if num_turns <= 2 else totals[-1]


def make_loop(trainer_config, tokenizer, processor, server, package_reward: bool = False, **settings):
    """Instantiate the loop the way verl's AgentLoopWorker does: hydra.utils.instantiate on our YAML
    entry, inside the running event loop (the base class keeps the loop it was built in). The scripted
    scorer unless ``package_reward`` (then the loop's default: scenerevis.train.reward)."""
    import hydra
    from omegaconf import OmegaConf
    from verl.experimental.agent_loop.agent_loop import DictConfigWrap, ToolListWrap
    from verl.utils.dataset.rl_dataset import RLHFDataset

    entry = OmegaConf.load(AGENT_LOOPS_YAML)[0]
    assert entry.name == "scenerevis_agent"
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
        **({} if package_reward else {"scorer": scripted_turn_scorer, "trajectory_reward": last_turn_reward}),
    )


def run_episode(build, configure=None):
    """``build()`` -> the loop (called inside the event loop); ``configure(loop)`` may adjust it."""
    raw_prompt = [{"role": "system", "content": DEFAULT_SYSTEM_PROMPT}, {"role": "user", "content": REQUIREMENT}]

    async def go():
        loop = build()
        if configure is not None:
            configure(loop)
        return await loop.run({"temperature": 1.0}, raw_prompt=raw_prompt, extra_info={"index": 0})

    return asyncio.run(go())
