"""secrets.py: a wrapper that keeps credentials (API keys) out of reprs, logs and tracebacks."""

from __future__ import annotations

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
