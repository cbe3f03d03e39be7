"""errors.py: the structured error a bad model reply or tool call turns into (never an exception)."""

from __future__ import annotations

from dataclasses import asdict, dataclass


@dataclass(frozen=True)
class ToolError:
    """One problem with a reply or a call, with a one-line message meant for the policy's feedback.

    Attributes
    ----------
    kind : str
        ``"format"`` (tags/JSON), ``"unknown_tool"``, ``"missing_argument"``, ``"bad_argument"``,
        ``"unknown_object"`` or ``"ambiguous_object"``.
    message : str
        One line, no newlines.
    call_id, tool : str or None
        The call's ``id`` and ``name`` when the error belongs to one call.
    """

    kind: str
    message: str
    call_id: str | None = None
    tool: str | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "message", " ".join(str(self.message).split())[:500])

    def to_dict(self) -> dict:
        return asdict(self)

    def line(self) -> str:
        """The feedback line: ``[tool_2 move_object] unknown object 'bed_9' ...``."""
        who = " ".join(x for x in (self.call_id, self.tool) if x)
        return f"[{who}] {self.message}" if who else self.message
