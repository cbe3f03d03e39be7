"""relation.py: one arrangement request of a prompt ("two desks back to back", "a lamp next to the sofa") as a
constraint between piece categories; read by :mod:`arrange`, met by the layout (:mod:`solve`, :mod:`relate`) and
judged by :mod:`brief_check`'s geometry.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Relation:
    """``subject`` category in relation ``kind`` to ``target`` (a category, or None for the room itself /
    the other instances of ``subject``); ``text`` the words it came from; ``subject_text`` / ``target_text``
    tell generic objects apart by their phrase."""

    kind: str
    subject: str
    target: str | None = None
    text: str = ""
    #: For generic objects (category ``generic_object``), the phrase naming which one ("cash register"); for
    #: pieces of a category named apart, the description of which ones ("laser printer").
    subject_text: str = ""
    target_text: str = ""
    #: The second piece of "between the piano and the bar counter" when it is not another ``target`` piece.
    target2: str | None = None
    target2_text: str = ""

    def sides(self) -> list[tuple[str | None, str]]:
        """(category, text) of the pieces a "between" stands between: the target's twice, or the target's and
        ``target2``'s."""
        return [
            (self.target, self.target_text),
            (self.target2, self.target2_text) if self.target2 else (self.target, self.target_text),
        ]
