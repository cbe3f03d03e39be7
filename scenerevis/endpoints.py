"""endpoints.py: OpenAI-compatible endpoints (policy, judge, first-scene LLM): one config, one client builder.

:class:`EndpointConfig` holds the model, the base URL, the key (or the name of the variable holding it),
Azure / Entra ID options, the timeout and the retries; :func:`build_client` turns it into an ``openai``
client. Credentials live in :class:`Secret` so they never show in a repr, a log or a traceback, and
:func:`redact` removes a key's value from any text (some proxies echo the key in their error bodies).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

from scenerevis._optional import require

MASK = "***"


class Secret:
    """A credential string whose ``repr``/``str``/``format`` all print ``***``.

    The value is only reachable through :meth:`get`, so a config dataclass holding a ``Secret`` can be
    logged, printed or put in an exception message without leaking the key. Secrets compare by value
    (so configs stay comparable) but are not hashable, so they never end up as dict keys in logs.
    """

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        if isinstance(value, Secret):
            value = value.get()
        if not isinstance(value, str):
            raise TypeError(f"Secret needs a str, got {type(value).__name__}")
        self._value = value

    def get(self) -> str:
        """The real value; pass it straight to the client that needs it, never to a logger."""
        return self._value

    def __repr__(self) -> str:
        return MASK

    __str__ = __repr__

    def __format__(self, spec: str) -> str:
        return MASK

    def __bool__(self) -> bool:
        return bool(self._value)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Secret) and other._value == self._value

    __hash__ = None  # type: ignore[assignment]


def as_secret(value: str | Secret | None) -> Secret | None:
    """``value`` wrapped in a :class:`Secret` (None and empty strings stay None)."""
    if value is None or (isinstance(value, str) and not value):
        return None
    return value if isinstance(value, Secret) else Secret(value)


AZURE_SCOPE = "https://cognitiveservices.azure.com/.default"
#: Placeholder sent when a local server (``vllm serve`` without ``--api-key``) needs no key: the openai
#: client would otherwise read OPENAI_API_KEY from the environment on its own.
NO_KEY = "EMPTY"
OPENAI_URL = "https://api.openai.com/v1"


def redact(text: str, *secrets: Secret | str | None) -> str:
    """``text`` with every occurrence of each secret's value replaced by ``***``."""
    for s in secrets:
        value = s.get() if isinstance(s, Secret) else s
        if value and len(value) >= 4:
            text = text.replace(value, MASK)
    return text


@dataclass(kw_only=True)
class EndpointConfig:
    """Where and how to reach one OpenAI-compatible chat-completions endpoint.

    Shared by the VLM policy, the judge and the first-scene LLM. The key is ``api_key`` when given
    (a plain str is wrapped in a :class:`Secret`), else the value of the environment variable named
    ``api_key_env`` at the time the client is built; neither is ever logged.
    """

    # Model name the server knows (vllm serve --served-model-name), or the Azure deployment name.
    model: str
    # Server root incl. /v1, e.g. http://127.0.0.1:8000/v1; None -> https://api.openai.com/v1.
    # With azure=True: the Azure resource endpoint, https://<resource>.openai.azure.com
    base_url: str | None = None
    # API key value; None -> read from the variable ``api_key_env`` (local servers need none).
    api_key: Secret | str | None = None
    # Name of the environment variable holding the key.
    api_key_env: str | None = "OPENAI_API_KEY"
    # Azure OpenAI instead of a plain OpenAI-compatible server; without a key: Entra ID (azure-identity).
    azure: bool = False
    # Azure only: REST API version.
    azure_api_version: str = "2024-10-21"
    # Azure Entra ID only: token scope requested from DefaultAzureCredential.
    azure_scope: str = AZURE_SCOPE
    # Seconds before one HTTP attempt times out.
    timeout_s: float = 120.0
    # Retries after a failed attempt (429, 408, 409, 5xx, connection errors), exponential backoff.
    max_retries: int = 4

    def __post_init__(self) -> None:
        if not self.model:
            raise ValueError("model is required (the served model name or the Azure deployment)")
        if self.azure and not self.base_url:
            raise ValueError("azure=True needs base_url = the Azure endpoint (https://<resource>.openai.azure.com)")
        if self.base_url is not None and not self.base_url.startswith(("http://", "https://")):
            raise ValueError(f"base_url must start with http:// or https://, got {self.base_url!r}")
        if self.timeout_s <= 0:
            raise ValueError(f"timeout_s must be > 0, got {self.timeout_s}")
        if self.max_retries < 0:
            raise ValueError(f"max_retries must be >= 0, got {self.max_retries}")
        self.api_key = as_secret(self.api_key)

    @property
    def url(self) -> str:
        """The server root requests go to (for messages)."""
        return self.base_url or OPENAI_URL

    def key(self) -> Secret | None:
        """The key: ``api_key``, else the value of ``$api_key_env``, else None."""
        if self.api_key is not None:
            return self.api_key  # type: ignore[return-value]
        return as_secret(os.environ.get(self.api_key_env)) if self.api_key_env else None

    def endpoint_fields(self) -> dict[str, Any]:
        """This config's endpoint options as keyword arguments (to build another config type from them)."""
        return {f: getattr(self, f) for f in ENDPOINT_FIELDS}


ENDPOINT_FIELDS = tuple(EndpointConfig.__dataclass_fields__)


def build_client(config: EndpointConfig) -> Any:
    """An ``openai.OpenAI`` or ``openai.AzureOpenAI`` client for ``config``."""
    openai = require("openai")
    key = config.key()
    value = key.get() if key is not None else None
    common = {"timeout": config.timeout_s, "max_retries": config.max_retries}
    if not config.azure:
        return openai.OpenAI(api_key=value or NO_KEY, base_url=config.url, **common)
    if value:
        return openai.AzureOpenAI(azure_endpoint=config.base_url, api_version=config.azure_api_version, api_key=value, **common)
    identity = require("azure.identity")
    provider = identity.get_bearer_token_provider(identity.DefaultAzureCredential(), config.azure_scope)
    return openai.AzureOpenAI(
        azure_endpoint=config.base_url, api_version=config.azure_api_version, azure_ad_token_provider=provider, **common
    )


class EndpointError(RuntimeError):
    """A request to an endpoint failed for good (after its retries); the message names the endpoint."""


#: HTTP statuses the openai client does not retry (a retry cannot help: fix the key, model or request).
NOT_RETRIED = frozenset({400, 401, 403, 404, 422})


def chat_completion(client: Any, config: EndpointConfig, request: dict[str, Any], what: str = "request") -> Any:
    """One chat-completions call with the client's own retries (HTTP 429/5xx/connection errors) plus
    retries of replies that are not a chat completion (a non-JSON or truncated body from a proxy).

    Raises :class:`EndpointError` with a one-line message that names the endpoint and model, says whether
    retries happened, and never contains the key's value.
    """
    import logging
    import time

    openai = require("openai")
    log = logging.getLogger(__name__)
    where = f"{what} to {config.url} (model {config.model!r})"
    attempts = config.max_retries + 1
    problem = ""
    for attempt in range(1, attempts + 1):
        try:
            resp = client.chat.completions.create(**request)
        except openai.APIStatusError as err:
            status = err.status_code
            retried = "(not retried)" if status in NOT_RETRIED else f"after {config.max_retries} retries"
            raise EndpointError(
                redact(f"{where} failed {retried}: HTTP {status} ({type(err).__name__}): {err}", config.key())
            ) from None
        except openai.APIError as err:  # connection errors and timeouts, after the client's retries
            raise EndpointError(
                redact(f"{where} failed after {config.max_retries} retries: {type(err).__name__}: {err}", config.key())
            ) from None
        except ValueError as err:  # a body that claims JSON but does not parse
            problem = f"unreadable response body ({type(err).__name__}: {err})"
        else:
            if hasattr(resp, "choices") and isinstance(getattr(resp, "choices", None), list):
                return resp
            problem = f"not a chat completion: {str(resp)[:80]!r}"
        if attempt < attempts:
            delay = min(0.5 * 2 ** (attempt - 1), 8.0)
            log.warning("%s: %s; retry %d/%d in %.1f s", where, redact(problem, config.key()), attempt, config.max_retries, delay)
            time.sleep(delay)
    raise EndpointError(redact(f"{where} failed after {config.max_retries} retries: {problem}", config.key()))
