"""synth_requirements.py: a user request written from a scene's contents, in several styles (seeded).

Used for dataset scenes that come without a prompt (3D-FRONT / ReSpace folders). Objects are grouped
by the category their description names (:func:`scenerevis.policy.vocab.classify_description`);
unrecognised ones by the head of their description. Area in m^2 from the floor polygon.
"""

from __future__ import annotations

import random
from collections import Counter

from scenerevis.scene.model import Scene

STYLES = ("short", "detailed", "list", "first_person", "brief")
_NUMBERS = {1: "a", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight"}


def _plural(noun: str) -> str:
    if noun.endswith(("s", "sh", "ch", "x")):
        return noun + "es"
    if noun.endswith("y") and noun[-2:-1] not in "aeiou":
        return noun[:-1] + "ies"
    return noun + "s"


def _counted(noun: str, n: int) -> str:
    if n == 1:
        return ("an " if noun[:1] in "aeiou" else "a ") + noun
    return f"{_NUMBERS.get(n, str(n))} {_plural(noun)}"


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def scene_items(scene: Scene) -> list[tuple[str, int, str]]:
    """``(noun, count, example description)`` per kind of object, largest kinds first."""
    from scenerevis.policy.vocab import classify_description
    from scenerevis.scene.rooms import load_rooms

    facts = load_rooms()
    kinds: Counter[str] = Counter()
    example: dict[str, str] = {}
    volume: dict[str, float] = {}
    for o in scene.objects:
        cat = classify_description(o.desc, scene.room_type)
        noun = facts.categories[cat].noun if cat else (o.desc.split(" with ")[0].strip() or "object")
        kinds[noun] += 1
        example.setdefault(noun, o.desc)
        volume[noun] = max(volume.get(noun, 0.0), o.size[0] * o.size[1] * o.size[2])
    return [(n, kinds[n], example[n]) for n in sorted(kinds, key=lambda n: (-volume[n], n))]


def room_label(scene: Scene) -> str:
    from scenerevis.eval.essentials import normalize_room_type
    from scenerevis.scene.rooms import load_rooms

    rt = normalize_room_type(scene.room_type)
    return load_rooms().room_type(rt).label if rt else (scene.room_type.replace("_", " ") or "room")


def write_requirement(scene: Scene, rng: random.Random, style: str | None = None) -> str:
    """A request for ``scene`` in ``style`` (one of :data:`STYLES`; a seeded choice when None)."""
    style = style or rng.choice(STYLES)
    if style not in STYLES:
        raise ValueError(f"unknown requirement style {style!r}; known: {', '.join(STYLES)}")
    label = room_label(scene)
    items = scene_items(scene)
    if not items:
        return f"An empty {label}."
    area = scene.floor_area
    main = [_counted(n, c) for n, c, _ in items[:4]]
    if style == "short":
        return f"{('An ' if label[:1] in 'aeiou' else 'A ')}{label} with {_join(main)}."
    if style == "detailed":
        parts = [_counted(n, c) + (f" ({ex})" if ex.lower() != n else "") for n, c, ex in items[:8]]
        return f"Design a {label} of about {area:.0f} square metres. It should have {_join(parts)}. Keep clear walkways and put large pieces against the walls."
    if style == "list":
        return f"{label.capitalize()}, {area:.0f} m2: " + ", ".join(f"{c} x {n}" for n, c, _ in items) + "."
    if style == "first_person":
        opener = rng.choice(["I'd like", "I need", "Please make me"])
        return f"{opener} a {label} with {_join([_counted(n, c) for n, c, _ in items[:6]])}."
    return f"Furnish a {area:.0f} m2 {label}: {_join(main)}."
