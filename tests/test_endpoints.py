"""EndpointConfig: key resolution, validation and redaction (scenerevis/endpoints.py)."""

from __future__ import annotations

import pytest

from scenerevis.endpoints import MASK, EndpointConfig, Secret, redact


def test_key_from_value_then_variable(monkeypatch):
    monkeypatch.setenv("MY_KEY_VAR", "sk-from-env-1234")
    assert EndpointConfig(model="m", api_key="sk-direct-9876", api_key_env="MY_KEY_VAR").key().get() == "sk-direct-9876"
    assert EndpointConfig(model="m", api_key_env="MY_KEY_VAR").key().get() == "sk-from-env-1234"
    monkeypatch.delenv("MY_KEY_VAR")
    assert EndpointConfig(model="m", api_key_env="MY_KEY_VAR").key() is None
    assert EndpointConfig(model="m", api_key_env=None).key() is None


def test_repr_never_shows_the_key():
    cfg = EndpointConfig(model="m", api_key="sk-secret-value")
    assert "sk-secret-value" not in repr(cfg) and MASK in repr(cfg)


def test_redact_removes_every_occurrence():
    text = "401: bad key sk-abcdef (sent sk-abcdef)"
    assert redact(text, Secret("sk-abcdef")) == "401: bad key *** (sent ***)"
    assert redact(text, None, "sk-abcdef") == "401: bad key *** (sent ***)"
    assert redact("nothing to hide", Secret("sk-abcdef")) == "nothing to hide"


@pytest.mark.parametrize(
    "kw, msg",
    [
        ({"model": ""}, "model is required"),
        ({"model": "m", "azure": True}, "azure=True needs base_url"),
        ({"model": "m", "base_url": "localhost:8000"}, "must start with http"),
        ({"model": "m", "timeout_s": 0}, "timeout_s must be > 0"),
        ({"model": "m", "max_retries": -1}, "max_retries must be >= 0"),
    ],
)
def test_validation(kw, msg):
    with pytest.raises(ValueError, match=msg):
        EndpointConfig(**kw)
