"""Tests of scenerevis/policy/openai_policy.py against a local fake OpenAI-compatible server."""

from __future__ import annotations

import base64
import json
import logging
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytest.importorskip("openai")

from scenerevis.chat import DEFAULT_SYSTEM_PROMPT
from scenerevis.endpoints import Secret
from scenerevis.policy.chat import PolicyGenerationError
from scenerevis.policy.openai_policy import OpenAIPolicy, OpenAIPolicyConfig
from scenerevis.tools.parse import parse_reply
from tests.fake_openai_server import FakeOpenAIServer, Planned
from tests.policy.common import REQUIREMENT, observations

KEY = "sk-test-9f8e7d6c5b4a-NEVER-LOG-ME"
LOGGERS = ("openai", "openai._base_client", "httpx", "httpx2", "httpcore", "httpcore2", "scenerevis")


def reply_for(turn: int) -> str:
    return f'<think>turn {turn}</think>\n<tool_calls>\n[{{"id": "tool_1", "name": "terminate", "arguments": {{"reason": "t{turn}"}}}}]\n</tool_calls>'


def config(server: FakeOpenAIServer, **kw) -> OpenAIPolicyConfig:
    base = {"model": "scenerevis-7b", "base_url": server.base_url, "api_key": KEY, "max_retries": 2, "timeout_s": 10.0}
    return OpenAIPolicyConfig(**{**base, **kw})


def image_bytes(part: dict) -> bytes:
    url = part["image_url"]["url"]
    assert url.startswith("data:image/png;base64,")
    return base64.b64decode(url.split(",", 1)[1])


def user_images(message: dict) -> list[bytes]:
    if isinstance(message["content"], str):
        return []
    return [image_bytes(p) for p in message["content"] if p["type"] == "image_url"]


def run_episode(policy: OpenAIPolicy, obs_list, seed: int = 7) -> list[str]:
    policy.reset(REQUIREMENT, seed)
    return [policy.act(o) for o in obs_list]


def test_four_turns_each_user_turn_carries_its_own_image(tmp_path: Path) -> None:
    obs_list = observations(tmp_path, 4)
    pngs = [None] + [Path(o.image_path).read_bytes() for o in obs_list[1:]]
    assert len(set(pngs[1:])) == 3
    with FakeOpenAIServer([Planned(text=reply_for(k)) for k in range(4)]) as server:
        policy = OpenAIPolicy(config(server))
        replies = run_episode(policy, obs_list, seed=7)
    assert replies == [reply_for(k) for k in range(4)]
    assert len(server.requests) == 4
    for k, req in enumerate(server.requests):
        body = req.body
        assert req.path == "/v1/chat/completions"
        assert body["model"] == "scenerevis-7b"
        assert body["seed"] == 7 + k
        assert body["max_tokens"] == 4096 and body["temperature"] == 0.7 and body["top_p"] == 1.0
        msgs = body["messages"]
        # system, then (user, assistant) for each earlier turn, then this turn's user message
        assert [m["role"] for m in msgs] == ["system"] + ["user", "assistant"] * k + ["user"]
        assert msgs[0]["content"] == DEFAULT_SYSTEM_PROMPT
        assert [m["content"] for m in msgs[2::2]] == [reply_for(j) for j in range(k)]
        users = msgs[1::2]
        assert users[0]["content"] == REQUIREMENT  # creation turn: plain text, no image
        # turn k's last user message carries exactly its own image; earlier ones theirs, in order
        assert [user_images(u) for u in users] == [[]] + [[pngs[j]] for j in range(1, k + 1)]
        if k:
            last = users[-1]["content"]
            assert [p["type"] for p in last] == ["image_url", "text"]
            assert last[1]["text"].startswith(REQUIREMENT + "\n<current_scene>\n```json\n")
            scene = json.loads(last[1]["text"].split("```json\n")[1].split("\n```")[0])
            assert len(scene["objects"]) == k
    assert [r.turn for r in policy.records] == [0, 1, 2, 3]
    assert [r.image for r in policy.records] == [None] + [o.image_path for o in obs_list[1:]]
    assert policy.last_stats["images"] == 3 and policy.last_stats["prompt_tokens"] == 11


@pytest.mark.parametrize(("history", "roles", "images"), [(1, 6, [2, 3]), (0, 4, [3]), (2, 8, [1, 2, 3])])
def test_history_trimmed_to_max_history_turns(tmp_path: Path, history: int, roles: int, images: list[int]) -> None:
    obs_list = observations(tmp_path, 4)
    pngs = {k: Path(obs_list[k].image_path).read_bytes() for k in (1, 2, 3)}
    with FakeOpenAIServer([Planned(text=reply_for(k)) for k in range(4)]) as server:
        run_episode(OpenAIPolicy(config(server, max_history_turns=history)), obs_list)
    msgs = server.requests[3].body["messages"]
    assert len(msgs) == roles
    # creation turn kept, then the `history` most recent edit turns, then the current turn
    kept = [k for k in images if k != 3]
    assert [m["content"] for m in msgs if m["role"] == "assistant"] == [reply_for(0)] + [reply_for(k) for k in kept]
    assert [b for m in msgs if m["role"] == "user" for b in user_images(m)] == [pngs[k] for k in images]


def test_key_sent_as_header_but_never_logged_or_printed(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    for name in LOGGERS:
        caplog.set_level(logging.DEBUG, logger=name)
    obs_list = observations(tmp_path, 2)
    with FakeOpenAIServer([Planned(status=500)]) as server:
        cfg = config(server)
        policy = OpenAIPolicy(cfg)
        run_episode(policy, obs_list)
        with pytest.raises(PolicyGenerationError) as failed:
            OpenAIPolicy(config(server, max_retries=0, base_url=server.root_url + "/nope")).act(obs_list[0])
    assert [r.headers["authorization"] for r in server.requests[:3]] == [f"Bearer {KEY}"] * 3
    assert KEY not in repr(cfg) and KEY not in str(cfg) and "api_key=***" in repr(cfg)
    assert isinstance(cfg.api_key, Secret) and cfg.api_key.get() == KEY
    assert KEY not in str(failed.value) and "HTTP 404" in str(failed.value)
    assert any(r.name.startswith("openai") and r.levelno == logging.DEBUG for r in caplog.records)
    assert any(r.name == "scenerevis.policy.openai_policy" and "images=1" in r.getMessage() for r in caplog.records)
    for record in caplog.records:
        assert KEY not in record.getMessage(), record.name
        assert KEY not in repr(record.args), record.name
    assert KEY not in caplog.text


def test_500_then_200_is_retried(tmp_path: Path) -> None:
    obs = observations(tmp_path, 1)[0]
    with FakeOpenAIServer([Planned(status=500), Planned(text="<think>x</think>")]) as server:
        policy = OpenAIPolicy(config(server, max_retries=2))
        policy.reset(REQUIREMENT, 0)
        assert policy.act(obs) == "<think>x</think>"
    assert len(server.requests) == 2
    assert server.requests[0].body == server.requests[1].body


def test_429_is_retried_honouring_retry_after(tmp_path: Path) -> None:
    obs = observations(tmp_path, 1)[0]
    plan = [Planned(status=429, headers={"retry-after-ms": "30"}), Planned(status=429), Planned(text="done")]
    with FakeOpenAIServer(plan) as server:
        policy = OpenAIPolicy(config(server, max_retries=3))
        policy.reset(REQUIREMENT, 0)
        start = time.perf_counter()
        assert policy.act(obs) == "done"
        assert time.perf_counter() - start < 5.0
    assert len(server.requests) == 3


def test_failure_after_retries_raises_and_turn_can_be_retried(tmp_path: Path) -> None:
    obs_list = observations(tmp_path, 2)
    plan = [Planned(text=reply_for(0))] + [Planned(status=503)] * 2 + [Planned(text="")]
    with FakeOpenAIServer(plan) as server:
        policy = OpenAIPolicy(config(server, max_retries=1))
        policy.reset(REQUIREMENT, 0)
        policy.act(obs_list[0])
        with pytest.raises(PolicyGenerationError, match=r"failed after 1 retries: HTTP 503 \(InternalServerError\)"):
            policy.act(obs_list[1])
        assert len(server.requests) == 3
        assert policy.records[-1].reply is None
        # the loop may ask again: the pending turn is replaced, not duplicated; empty output -> ""
        reply = policy.act(obs_list[1])
    assert reply == ""
    assert parse_reply(reply).kind == "invalid"
    assert [r.turn for r in policy.records] == [0, 1] and policy.records[-1].reply == ""
    assert len(server.requests[3].body["messages"]) == 4


def test_no_key_sends_placeholder_and_extra_body_merged(tmp_path: Path) -> None:
    obs = observations(tmp_path, 1)[0]
    with FakeOpenAIServer() as server:
        cfg = config(server, api_key=None, send_seed=False, extra_body={"top_k": 20}, temperature=0.0)
        policy = OpenAIPolicy(cfg)
        policy.reset(REQUIREMENT, 0)
        policy.act(obs)
    req = server.requests[0]
    assert req.headers["authorization"] == "Bearer EMPTY"
    assert "seed" not in req.body and req.body["top_k"] == 20 and req.body["temperature"] == 0.0


def test_azure_with_api_key(tmp_path: Path) -> None:
    obs = observations(tmp_path, 1)[0]
    with FakeOpenAIServer() as server:
        cfg = OpenAIPolicyConfig(model="my-deployment", azure=True, base_url=server.root_url, api_key=KEY, max_retries=0)
        policy = OpenAIPolicy(cfg)
        policy.reset(REQUIREMENT, 0)
        policy.act(obs)
    req = server.requests[0]
    assert req.path == "/openai/deployments/my-deployment/chat/completions?api-version=2024-10-21"
    assert req.headers["api-key"] == KEY
    assert KEY not in repr(cfg)


def test_azure_entra_id_uses_default_credential(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    identity = pytest.importorskip("azure.identity")
    from azure.core.credentials import AccessToken

    scopes_seen: list[tuple[str, ...]] = []

    class FakeCredential:
        def get_token(self, *scopes: str, **kwargs) -> AccessToken:
            scopes_seen.append(scopes)
            return AccessToken("entra-token-123", int(time.time()) + 3600)

    monkeypatch.setattr(identity, "DefaultAzureCredential", FakeCredential)
    obs = observations(tmp_path, 1)[0]
    with FakeOpenAIServer() as server:
        cfg = OpenAIPolicyConfig(model="dep", azure=True, base_url=server.root_url, max_retries=0)
        policy = OpenAIPolicy(cfg)
        policy.reset(REQUIREMENT, 0)
        policy.act(obs)
    assert server.requests[0].headers["authorization"] == "Bearer entra-token-123"
    assert "api-key" not in server.requests[0].headers
    assert scopes_seen == [("https://cognitiveservices.azure.com/.default",)]


@pytest.mark.parametrize(
    ("kw", "message"),
    [
        ({"model": ""}, "model is required"),
        ({"azure": True}, "azure=True needs base_url"),
        ({"base_url": "127.0.0.1:8000/v1"}, "must start with http"),
        ({"max_retries": -1}, "max_retries must be >= 0"),
        ({"top_p": 0.0}, r"top_p must be in \(0, 1\]"),
        ({"max_history_turns": -1}, "max_history_turns must be >= 0"),
    ],
)
def test_config_checks(kw: dict, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        OpenAIPolicyConfig(**{"model": "m", **kw})


def test_registered_and_built_by_name(tmp_path: Path) -> None:
    from scenerevis.policy import make_policy, policy_class

    assert policy_class("openai") is OpenAIPolicy
    with FakeOpenAIServer() as server:
        policy = make_policy("openai", model="m", base_url=server.base_url, api_key=KEY, max_history_turns=2)
        policy.reset(REQUIREMENT, 0)
        policy.act(observations(tmp_path, 1)[0])
    assert isinstance(policy, OpenAIPolicy) and policy.config.max_history_turns == 2
    assert len(server.requests) == 1


def test_module_import_is_light() -> None:
    code = "import sys, scenerevis.policy, scenerevis.policy.openai_policy, scenerevis.policy.hf_policy, scenerevis.policy.vllm_policy; print(sorted(m for m in ('openai', 'torch', 'transformers', 'vllm', 'azure.identity') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
