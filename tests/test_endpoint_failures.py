"""Server failures end in one clear line naming the endpoint; keys never leak (issue 10, items 5-8)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("openai")

from scenerevis.endpoints import EndpointConfig, EndpointError, build_client, chat_completion
from tests.fake_openai_server import FakeOpenAIServer, Planned

ROOT = Path(__file__).resolve().parents[1]
KEY = "sk-leaky-proxy-4d3c2b1a-SECRET"
REQ = {"model": "m", "messages": [{"role": "user", "content": "hi"}], "max_tokens": 8}


def _cfg(server: FakeOpenAIServer, **kw) -> EndpointConfig:
    return EndpointConfig(**{"model": "m", "base_url": server.base_url, "api_key": KEY, "max_retries": 2, "timeout_s": 5.0, **kw})


def test_a_non_json_body_is_retried_like_a_failed_request():
    plan = [Planned(raw=b"<html>502 bad gateway</html>", content_type="text/html"), Planned(text="fine")]
    with FakeOpenAIServer(plan) as server:
        cfg = _cfg(server)
        resp = chat_completion(build_client(cfg), cfg, REQ)
        assert resp.choices[0].message.content == "fine" and len(server.requests) == 2


def test_a_truncated_body_every_time_fails_naming_the_endpoint():
    plan = [Planned(raw=b'{"id": "x", "choi') for _ in range(3)]
    with FakeOpenAIServer(plan) as server:
        cfg = _cfg(server)
        with pytest.raises(EndpointError) as err:
            chat_completion(build_client(cfg), cfg, REQ, "policy request")
        assert len(server.requests) == 3  # 1 + max_retries
    text = str(err.value)
    assert text.startswith(f"policy request to {server.base_url} (model 'm') failed after 2 retries: ")


def test_401_is_not_retried_and_an_echoed_key_is_redacted():
    with FakeOpenAIServer([Planned(status=401, echo_key=True)]) as server:
        cfg = _cfg(server)
        with pytest.raises(EndpointError) as err:
            chat_completion(build_client(cfg), cfg, REQ)
        assert len(server.requests) == 1
    text = str(err.value)
    assert "(not retried): HTTP 401" in text and "retries" not in text
    assert KEY not in text and "***" in text


def test_timeout_bounds_a_hung_server():
    with FakeOpenAIServer([Planned(delay_s=3.0)] * 2, lifetime_s=20) as server:
        cfg = _cfg(server, timeout_s=0.5, max_retries=0)
        with pytest.raises(EndpointError, match="failed after 0 retries: APITimeoutError"):
            chat_completion(build_client(cfg), cfg, REQ)


def _all_text(folder: Path) -> str:
    parts = []
    for p in folder.rglob("*"):
        if p.is_file():
            parts.append(p.read_bytes().decode("utf-8", "replace"))
    return "\n".join(parts)


@pytest.mark.integration
def test_an_echoing_server_never_gets_the_key_into_outputs_logs_or_terminal(tmp_path):
    out = tmp_path / "out"
    renders = tmp_path / "renders"
    renders.mkdir()
    (renders / "prompt_0_final_render.png").write_bytes((ROOT / "docs" / "example_merged.png").read_bytes())
    plan = [Planned(status=401, echo_key=True), Planned(status=500, echo_key=True)] * 10
    with FakeOpenAIServer(plan, lifetime_s=120) as server:
        env = {**os.environ, "PYTHONPATH": str(ROOT), "LEAKY_KEY": KEY}
        cmd = [
            sys.executable, str(ROOT / "infer.py"), "--prompt", "a bedroom", "--policy", "openai", "--model", "m",
            "--base-url", server.base_url, "--api-key-env", "LEAKY_KEY", "--max-retries", "1", "--timeout", "5",
            "--renderer", "none", "--asset-source", "none", "--output", str(out),
        ]  # fmt: skip
        res = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=180)
        judge = subprocess.run(
            [sys.executable, str(ROOT / "eval" / "vlm_scene_eval.py"), "--render-dir", str(renders), "--model", "j",
             "--base-url", server.base_url, "--api-key-env", "LEAKY_KEY", "--max-retries", "0", "--max-scenes", "1",
             "--output", str(out / "judge.json"), "--quiet"],
            env=env, capture_output=True, text=True, timeout=180,
        )  # fmt: skip
    assert any(KEY in (r.headers.get("authorization") or "") for r in server.requests)  # the server did get it
    assert res.returncode == 1 and "FAILED prompt 0" in res.stderr and "HTTP 401" in res.stderr
    assert judge.returncode == 1 and "0 scenes judged, 1 failed" in judge.stdout
    summary = json.loads((out / "batch_summary.json").read_text())
    assert "not retried" in summary["failed"]["0"]
    for text in (res.stdout, res.stderr, judge.stdout, judge.stderr, _all_text(out)):
        assert KEY not in text
