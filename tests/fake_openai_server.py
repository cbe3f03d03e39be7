"""fake_openai_server.py: a bounded local HTTP server speaking just enough of POST /v1/chat/completions."""

from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Planned:
    """One scripted answer: HTTP status, extra headers, and the assistant text for a 200."""

    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    text: str = "<think>ok</think>\n<tool_calls>\n[]\n</tool_calls>"
    raw: bytes | None = None  # send these bytes as the body instead of a chat completion (a broken proxy)
    content_type: str = "application/json"
    echo_key: bool = False  # put the request's Authorization header into the error message (a leaky proxy)
    delay_s: float = 0.0  # wait this long before answering (a slow or hung server)


@dataclass
class Received:
    """One request as the server saw it."""

    path: str
    headers: dict[str, str]
    body: dict[str, Any]


class FakeOpenAIServer:
    """Answers chat-completion requests on 127.0.0.1 from a script (then the default reply), recording each.

    Bounded: it stops serving after ``max_requests`` requests or ``lifetime_s`` seconds, whichever first.
    """

    def __init__(self, plan: list[Planned] | None = None, max_requests: int = 50, lifetime_s: float = 60.0) -> None:
        self.plan = list(plan or [])
        self.requests: list[Received] = []
        self.max_requests = max_requests
        self._lock = threading.Lock()
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:  # keep test output quiet
                pass

            def do_POST(self) -> None:  # noqa: N802 (http.server naming)
                length = int(self.headers.get("Content-Length", "0"))
                raw = self.rfile.read(length)
                with owner._lock:
                    owner.requests.append(Received(self.path, {k.lower(): v for k, v in self.headers.items()}, json.loads(raw)))
                    count = len(owner.requests)
                    planned = owner.plan.pop(0) if owner.plan else Planned()
                if count >= owner.max_requests:
                    threading.Thread(target=owner.server.shutdown, daemon=True).start()
                route = self.path.split("?")[0]
                if route != "/v1/chat/completions" and not route.startswith("/openai/deployments/"):
                    planned = Planned(status=404)
                if planned.status == 200:
                    payload = {
                        "id": f"chatcmpl-{count}",
                        "object": "chat.completion",
                        "created": 0,
                        "model": owner.requests[-1].body.get("model", "m"),
                        "choices": [
                            {
                                "index": 0,
                                "message": {"role": "assistant", "content": planned.text},
                                "finish_reason": "stop",
                            }
                        ],
                        "usage": {"prompt_tokens": 11, "completion_tokens": 7, "total_tokens": 18},
                    }
                else:
                    message = f"planned {planned.status}"
                    if planned.echo_key:
                        message += f": invalid credentials {self.headers.get('Authorization', '')}"
                    payload = {"error": {"message": message, "type": "test", "code": None}}
                data = json.dumps(payload).encode() if planned.raw is None else planned.raw
                if planned.delay_s:
                    time.sleep(planned.delay_s)
                self.send_response(planned.status)
                self.send_header("Content-Type", planned.content_type)
                self.send_header("Content-Length", str(len(data)))
                for k, v in planned.headers.items():
                    self.send_header(k, v)
                self.end_headers()
                self.wfile.write(data)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self._thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self._timer = threading.Timer(lifetime_s, self.server.shutdown)
        self._timer.daemon = True

    @property
    def base_url(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}/v1"

    @property
    def root_url(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}"

    def __enter__(self) -> FakeOpenAIServer:
        self._thread.start()
        self._timer.start()
        return self

    def __exit__(self, *exc: Any) -> None:
        self._timer.cancel()
        self.server.shutdown()
        self.server.server_close()
        self._thread.join(timeout=5)
