"""registry.py: policy backends by name: ``@register_policy("rule")`` on a class, ``make_policy(name, **config)`` to build one.

Registration is cheap: backends whose module is not imported yet are listed in ``BUILTIN_MODULES``
and imported only when built, so heavy dependencies (torch, vllm, openai) load on first use.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

#: Built-in backend name -> module that registers it when imported.
BUILTIN_MODULES: dict[str, str] = {
    "rule": "scenerevis.policy.rule",
    "openai": "scenerevis.policy.openai_policy",
    "transformers": "scenerevis.policy.hf_policy",
    "vllm": "scenerevis.policy.vllm_policy",
}

_REGISTRY: dict[str, type] = {}


def register_policy(name: str) -> Callable[[type], type]:
    """Class decorator registering a policy backend under ``name``.

    The class must have a ``config_class`` attribute (a dataclass) and accept an instance of it as
    its only constructor argument. Registering a second class under a taken name is an error.
    """

    def wrap(cls: type) -> type:
        if name in _REGISTRY and _REGISTRY[name] is not cls:
            raise ValueError(f"policy name {name!r} is already registered by {_REGISTRY[name].__qualname__}")
        _REGISTRY[name] = cls
        return cls

    return wrap


def known_policies() -> list[str]:
    """Names that :func:`make_policy` accepts."""
    return sorted(set(_REGISTRY) | set(BUILTIN_MODULES))


def policy_class(name: str) -> type:
    """The class registered under ``name`` (importing its built-in module if needed)."""
    if name not in _REGISTRY and name in BUILTIN_MODULES:
        importlib.import_module(BUILTIN_MODULES[name])
    if name not in _REGISTRY:
        raise ValueError(f"unknown policy {name!r}; known policies: {', '.join(known_policies())}")
    return _REGISTRY[name]


def make_policy(name: str, **config: Any):
    """Build the policy ``name`` with its config dataclass filled from ``config`` (unknown keys are an error)."""
    cls = policy_class(name)
    config_class = getattr(cls, "config_class", None)
    if config_class is None:
        return cls(**config)
    try:
        cfg = config_class(**config)
    except TypeError as err:
        raise ValueError(f"bad config for policy {name!r}: {err}") from None
    return cls(cfg)
