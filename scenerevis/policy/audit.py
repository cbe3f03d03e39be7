"""audit.py: check a finished scene against its prompt: the room type's essentials and the requested object counts."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from scenerevis.policy.narrate import equivalence_key
from scenerevis.policy.occupancy import categorize
from scenerevis.policy.plan import count_cap
from scenerevis.policy.prompt_parse import PromptSpec
from scenerevis.scene.model import Scene
from scenerevis.scene.rooms import load_rooms


@dataclass
class Audit:
    """``missing_essentials``: unmet requirements (each a tuple of alternatives); ``count_misses``:
    category -> (requested, present) for explicit counts not met."""

    categories: Counter
    missing_essentials: list[tuple[str, ...]] = field(default_factory=list)
    count_misses: dict[str, tuple[int, int]] = field(default_factory=dict)
    explicit_counts: int = 0

    @property
    def essentials_ok(self) -> bool:
        return not self.missing_essentials

    @property
    def counts_ok(self) -> bool:
        return not self.count_misses


def audit_scene(scene: Scene, spec: PromptSpec, room_type: str | None = None) -> Audit:
    """Essentials of ``room_type`` (default: the prompt's) and the prompt's explicit counts in ``scene``."""
    rt = load_rooms().room_type(room_type or spec.room_type)
    cats = [c for c in categorize(scene, rt.name).values() if c]
    present = Counter(cats)
    by_key = Counter(equivalence_key(c) for c in cats)
    out = Audit(present, rt.missing_essentials(set(cats)))
    for item in spec.items:
        if not item.explicit:
            continue
        out.explicit_counts += 1
        want = min(item.count, count_cap(item.category, item.explicit))
        have = by_key[equivalence_key(item.category)]
        if have < want:
            out.count_misses[item.category] = (want, have)
    return out
