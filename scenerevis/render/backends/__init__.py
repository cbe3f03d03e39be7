"""backends: the renderer registry (name -> backend class); backend modules load only when asked for.

Known names map to modules here; each module registers its class with :func:`register_backend`
when imported. Heavy libraries (bpy, pyrender) load inside the backend, not at import.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable

from scenerevis.render.backends.base import RenderBackend, RenderError

#: Built-in backend name -> module that registers it.
BUILTIN_BACKENDS: dict[str, str] = {
    "blender": "scenerevis.render.backends.blender",
    "gl": "scenerevis.render.backends.gl",
}

_REGISTRY: dict[str, type] = {}


def register_backend(name: str) -> Callable[[type], type]:
    """Class decorator registering a backend under ``name`` (a second class under a taken name is refused)."""

    def deco(cls: type) -> type:
        if name in _REGISTRY and _REGISTRY[name] is not cls:
            raise ValueError(f"renderer backend {name!r} is already registered by {_REGISTRY[name].__name__}")
        _REGISTRY[name] = cls
        cls.backend_name = name
        return cls

    return deco


def known_backends() -> list[str]:
    """Names accepted by :func:`get_backend_class`."""
    return sorted(set(BUILTIN_BACKENDS) | set(_REGISTRY))


def get_backend_class(name: str) -> type:
    """The backend class registered as ``name``; unknown names raise a ValueError listing the known ones."""
    if name not in _REGISTRY and name in BUILTIN_BACKENDS:
        importlib.import_module(BUILTIN_BACKENDS[name])
    if name not in _REGISTRY:
        raise ValueError(f"unknown renderer {name!r}; known renderers: {', '.join(known_backends())}")
    return _REGISTRY[name]


__all__ = ["BUILTIN_BACKENDS", "RenderBackend", "RenderError", "get_backend_class", "known_backends", "register_backend"]
