"""Tests of scenerevis/policy/hf_policy.py with a tiny randomly initialised Qwen2.5-VL built in the test."""

from __future__ import annotations

from pathlib import Path

import pytest

from scenerevis.policy.hf_policy import HFPolicy, HFPolicyConfig
from scenerevis.tools.parse import parse_reply
from scenerevis.train.tiny_model import build_tiny_qwen2_5_vl
from tests.policy.common import REQUIREMENT, observations


@pytest.fixture(scope="module", autouse=True)
def _needs_torch_and_transformers() -> None:
    """Skip without torch / transformers; checked when the tests run, so collecting this module stays cheap."""
    for name in ("torch", "transformers", "tokenizers"):
        pytest.importorskip(name)


@pytest.fixture(scope="module")
def tiny_checkpoint(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_tiny_qwen2_5_vl(tmp_path_factory.mktemp("tiny_qwen25vl"))


def test_two_turns_garbage_handled_and_image_attached(tiny_checkpoint: Path, tmp_path: Path) -> None:
    cfg = HFPolicyConfig(
        model_path=str(tiny_checkpoint),
        device="cpu",
        min_pixels=28 * 28,
        max_pixels=28 * 28 * 2,
        max_new_tokens=12,
        temperature=1.0,
    )
    policy = HFPolicy(cfg)
    obs_list = observations(tmp_path, 2, feedback="bed_1 collides with desk_1")
    policy.reset(REQUIREMENT, seed=3)

    first = policy.act(obs_list[0])
    assert isinstance(first, str)
    assert policy.last_stats["images"] == 0 and policy.last_stats["image_grid_thw"] == []
    assert policy.last_stats["image_tokens"] == 0
    assert 1 <= policy.last_stats["completion_tokens"] <= 12

    second = policy.act(obs_list[1])
    assert isinstance(second, str)
    stats = policy.last_stats
    # exactly one image reached the model: a 64x32 PNG resized within max_pixels to 56x28 -> 2x4 patches
    assert stats["images"] == 1
    assert stats["image_grid_thw"] == [[1, 2, 4]]
    assert stats["image_tokens"] == 2  # 8 patches / (2x2 merge)
    assert stats["messages"] == 4  # system, creation turn, its reply, this turn

    for text in (first, second):
        parsed = parse_reply(text)
        assert parsed.kind == "invalid"
        assert parsed.errors and parsed.errors[0].kind == "format"
    assert [r.turn for r in policy.records] == [0, 1]
    assert [r.image for r in policy.records] == [None, obs_list[1].image_path]
    assert [r.reply for r in policy.records] == [first, second]
    assert policy.records[1].feedback == "bed_1 collides with desk_1"
    assert [m.images for m in policy.last_conversation] == [[], [], [], [obs_list[1].image_path]]

    # same seed, same episode -> same samples
    policy.reset(REQUIREMENT, seed=3)
    assert [policy.act(o) for o in obs_list] == [first, second]


def test_greedy_decoding_and_config_checks(tiny_checkpoint: Path, tmp_path: Path) -> None:
    policy = HFPolicy(HFPolicyConfig(model_path=str(tiny_checkpoint), device="cpu", do_sample=False, max_new_tokens=4))
    obs = observations(tmp_path, 1)[0]
    policy.reset(REQUIREMENT, 0)
    a = policy.act(obs)
    policy.reset(REQUIREMENT, 99)
    assert policy.act(obs) == a  # greedy: the seed does not matter
    from scenerevis.policy import policy_class

    assert policy_class("transformers") is HFPolicy
    with pytest.raises(ValueError, match="dtype must be one of"):
        HFPolicyConfig(model_path="x", dtype="int8")
    with pytest.raises(ValueError, match="min_pixels 5000 > max_pixels 1000"):
        HFPolicyConfig(model_path="x", min_pixels=5000, max_pixels=1000)
    with pytest.raises(ValueError, match="device must be"):
        HFPolicyConfig(model_path="x", device="tpu")


def _real_qwen_processor(path: Path, monkeypatch: pytest.MonkeyPatch, **pixels):
    """transformers' own Qwen2_5_VLProcessor; its torchvision-only video check is bypassed (images only)."""
    from transformers import AutoImageProcessor, AutoTokenizer, Qwen2_5_VLProcessor
    from transformers.processing_utils import ProcessorMixin

    monkeypatch.setattr(ProcessorMixin, "check_argument_for_proper_class", lambda self, name, arg: None)
    tok = AutoTokenizer.from_pretrained(path)
    return Qwen2_5_VLProcessor(
        image_processor=AutoImageProcessor.from_pretrained(path, **pixels),
        tokenizer=tok,
        video_processor=None,
        chat_template=tok.chat_template,
    )


def test_plain_processor_matches_transformers_qwen_processor(
    tiny_checkpoint: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import torch
    from PIL import Image
    from transformers import AutoImageProcessor, AutoTokenizer

    from scenerevis.chat import Message, to_qwen
    from scenerevis.policy.hf_policy import PlainQwenProcessor
    from tests.policy.common import make_png

    pixels = {"min_pixels": 28 * 28, "max_pixels": 28 * 28 * 6}
    a, b = make_png(tmp_path / "a.png", 1, (64, 32)), make_png(tmp_path / "b.png", 2, (90, 90))
    msgs = [
        Message("system", "sys"),
        Message("user", "make a room"),
        Message("assistant", "ok"),
        Message("user", "<image>\nfirst", [str(a)]),
        Message("assistant", "fine"),
        Message("user", "<image>\nsecond", [str(b)]),
    ]
    images = [Image.open(p).convert("RGB") for p in (a, b)]
    real = _real_qwen_processor(tiny_checkpoint, monkeypatch, **pixels)
    tok = AutoTokenizer.from_pretrained(tiny_checkpoint)
    plain = PlainQwenProcessor(tok, AutoImageProcessor.from_pretrained(tiny_checkpoint, **pixels), tok.chat_template)
    prompts = [p.apply_chat_template(to_qwen(msgs), tokenize=False, add_generation_prompt=True) for p in (real, plain)]
    assert prompts[0] == prompts[1] and prompts[0].count("<|image_pad|>") == 2
    want = real(text=[prompts[0]], images=images, return_tensors="pt")
    got = plain(text=[prompts[1]], images=images, return_tensors="pt")
    assert sorted(got) == sorted(want)
    for key in want:
        assert torch.equal(got[key], want[key]), key
    assert got["image_grid_thw"].tolist() == [[1, 2, 4], [1, 4, 4]]


def test_autoprocessor_path_gives_the_same_replies(
    tiny_checkpoint: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import transformers

    cfg = HFPolicyConfig(
        model_path=str(tiny_checkpoint), device="cpu", min_pixels=28 * 28, max_pixels=28 * 28 * 2, max_new_tokens=6
    )
    obs_list = observations(tmp_path, 2)
    fallback = HFPolicy(cfg)
    assert type(fallback.processor).__name__ == "PlainQwenProcessor"
    fallback.reset(REQUIREMENT, 11)
    expected = [fallback.act(o) for o in obs_list]

    real = _real_qwen_processor(tiny_checkpoint, monkeypatch, min_pixels=28 * 28, max_pixels=28 * 28 * 2)
    seen: list[dict] = []

    def from_pretrained(path, **kw):
        seen.append({"path": path, **kw})
        return real

    monkeypatch.setattr(transformers.AutoProcessor, "from_pretrained", from_pretrained)
    policy = HFPolicy(cfg)
    assert policy.processor is real
    assert seen == [{"path": str(tiny_checkpoint), "min_pixels": 784, "max_pixels": 1568, "trust_remote_code": False}]
    policy.reset(REQUIREMENT, 11)
    assert [policy.act(o) for o in obs_list] == expected
    assert policy.last_stats["image_grid_thw"] == [[1, 2, 4]]
