"""essentials.py: share of a room type's essential furniture present in a scene, from the object descriptions.

Room types, their essentials (each a set of alternative categories) and the category synonyms come
from the project's one data file, ``scenerevis/data/rooms.json`` (:func:`scenerevis.scene.rooms.load_rooms`);
descriptions are mapped to categories by the project's shared classifier
(:func:`scenerevis.policy.vocab.classify_description`: the head noun phrase decides, "queen bed
with a grey headboard" -> ``double_bed``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from scenerevis.scene.model import Scene


def _squash(text: str) -> str:
    return re.sub(r"[^a-z]", "", text.lower())


def normalize_room_type(room_type: str) -> str | None:
    """The rooms.json room type named by ``room_type`` (``"Bedroom"``, ``"living_room"``,
    ``"livingroom"``, ``"MasterBedroom"``, ``"home office"``), or None when none matches.

    Exact names and synonyms win (case, spaces, underscores and hyphens ignored); otherwise the
    longest synonym contained in the text ("masterbedroom" -> bedroom).
    """
    from scenerevis.scene.rooms import load_rooms

    key = _squash(room_type or "")
    if not key:
        return None
    best: tuple[int, str] | None = None
    for name, rt in load_rooms().room_types.items():
        names = {_squash(name), _squash(rt.label), *(_squash(s) for s in rt.synonyms)}
        if key in names:
            return name
        for syn in names:
            if syn and syn in key and (best is None or len(syn) > best[0]):
                best = (len(syn), name)
    return best[1] if best else None


@dataclass
class EssentialsResult:
    """Essentials coverage of one scene.

    Attributes
    ----------
    room_type : str or None
        The rooms.json room type, None when the scene's room type is unknown.
    coverage : float or None
        Met requirements / requirements of the room type (0-1); None for an unknown room type.
    missing : list of list of str
        Unmet requirements, each the list of categories any one of which would meet it.
    categories : list of str or None
        Per object, the category its description names (None when unrecognised).
    """

    room_type: str | None
    coverage: float | None
    missing: list[list[str]] = field(default_factory=list)
    categories: list[str | None] = field(default_factory=list)


def essentials_coverage(scene: Scene) -> EssentialsResult:
    """Essentials coverage of ``scene`` for its ``room_type`` (see the module docstring)."""
    from scenerevis.policy.vocab import classify_description
    from scenerevis.scene.rooms import load_rooms

    rt_name = normalize_room_type(scene.room_type)
    cats = [classify_description(o.desc or "", rt_name or "") for o in scene.objects]
    if rt_name is None:
        return EssentialsResult(None, None, [], cats)
    rt = load_rooms().room_type(rt_name)
    missing = [list(req) for req in rt.missing_essentials(c for c in cats if c)]
    total = len(rt.essentials)
    # a room type that lists no essentials (the fallback type of unknown rooms) has nothing to cover: None
    return EssentialsResult(rt_name, (total - len(missing)) / total if total else None, missing, cats)
