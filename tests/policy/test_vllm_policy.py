"""Tests of scenerevis/policy/vllm_policy.py: the guard and config (the engine itself needs a CUDA GPU)."""

from __future__ import annotations

import sys
import types

import pytest

from scenerevis.policy import vllm_policy
from scenerevis.policy.vllm_policy import VLLMPolicy, VLLMPolicyConfig, VLLMUnavailableError


def _fake_torch(cuda: bool) -> types.ModuleType:
    mod = types.ModuleType("torch")
    mod.cuda = types.SimpleNamespace(is_available=lambda: cuda)  # type: ignore[attr-defined]
    return mod


def test_registered_under_vllm() -> None:
    from scenerevis.policy import policy_class

    assert policy_class("vllm") is VLLMPolicy and VLLMPolicy.config_class is VLLMPolicyConfig


def test_without_cuda_the_error_says_what_to_use(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "torch", _fake_torch(cuda=False))
    with pytest.raises(VLLMUnavailableError) as err:
        VLLMPolicy(VLLMPolicyConfig(model_path="/models/SceneReVis-7B"))
    text = str(err.value)
    assert text.startswith("no CUDA GPU found: the 'vllm' policy runs vLLM in-process and needs a CUDA GPU.")
    assert "--policy openai" in text and "vllm serve" in text and "pip install -e '.[vllm]'" in text


def test_with_cuda_but_no_vllm_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "torch", _fake_torch(cuda=True))
    monkeypatch.setitem(sys.modules, "vllm", None)  # makes `import vllm` raise ImportError
    with pytest.raises(VLLMUnavailableError) as err:
        vllm_policy.check_vllm_available()
    text = str(err.value)
    assert "scenerevis needs 'vllm'" in text and "pip install -e '.[vllm]'" in text
    assert "Alternatively: the 'vllm' policy runs vLLM in-process" in text
    assert isinstance(err.value.__cause__, ImportError)


def test_engine_and_sampling_arguments_with_a_stub_vllm(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    """The engine gets the configured limits and each turn one LLM.chat call with data-URL images."""
    from tests.policy.common import REQUIREMENT, observations

    calls: dict = {}

    class Completion:
        text = "<think>t</think>"
        token_ids = [1, 2, 3]
        finish_reason = "stop"

    class Result:
        prompt_token_ids = list(range(10))
        outputs = [Completion()]

    class LLM:
        def __init__(self, **kw):
            calls["engine"] = kw

        def chat(self, messages, sampling_params, use_tqdm):
            calls.setdefault("chat", []).append((messages, sampling_params, use_tqdm))
            return [Result()]

    stub = types.ModuleType("vllm")
    stub.LLM = LLM  # type: ignore[attr-defined]
    stub.SamplingParams = lambda **kw: kw  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "torch", _fake_torch(cuda=True))
    monkeypatch.setitem(sys.modules, "vllm", stub)
    cfg = VLLMPolicyConfig(model_path="/m", limit_images_per_prompt=2, max_pixels=1280 * 28 * 28, temperature=0.2)
    assert cfg.max_images == 2
    policy = VLLMPolicy(cfg)
    policy.reset(REQUIREMENT, 5)
    obs_list = observations(tmp_path, 4)
    assert [policy.act(o) for o in obs_list] == ["<think>t</think>"] * 4
    assert calls["engine"]["limit_mm_per_prompt"] == {"image": 2}
    assert calls["engine"]["mm_processor_kwargs"] == {"max_pixels": 1280 * 28 * 28}
    messages, params, use_tqdm = calls["chat"][3]
    assert params == {"temperature": 0.2, "top_p": 1.0, "max_tokens": 4096, "seed": 8} and use_tqdm is False
    urls = [
        p["image_url"]["url"]
        for m in messages
        if isinstance(m["content"], list)
        for p in m["content"]
        if p["type"] == "image_url"
    ]
    assert len(urls) == 2 and all(u.startswith("data:image/png;base64,") for u in urls)
    assert len(messages) == 6  # turn 1 dropped to respect the 2-image limit
    assert policy.last_stats["prompt_tokens"] == 10 and policy.last_stats["completion_tokens"] == 3
