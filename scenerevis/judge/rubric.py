"""rubric.py: the three judge questions (our wording of DESIGN.md section 6) and the caps computed from the scene.

Scores are integers 1-10. Rationality is capped at 6 when the floor area is outside the room type's
range or when the room has fewer than 4 objects; the caps are stated in the question and enforced
again on the parsed score.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from scenerevis.scene.model import Scene

DIMENSIONS: tuple[str, ...] = ("rationality", "spatial_layout", "accessibility")
CAP_SCORE = 6
MIN_OBJECTS = 4
#: Area ranges (m^2) the judge expects, per DESIGN.md section 6 (rooms.json holds the same facts).
JUDGE_AREA: dict[str, tuple[float, float]] = {
    "bedroom": (10, 25),
    "living_room": (15, 35),
    "dining_room": (10, 25),
    "study": (10, 25),
    "kitchen": (6, 20),
    "bathroom": (4, 15),
}
_ALIASES = {
    "livingroom": "living_room",
    "livingdiningroom": "living_room",
    "diningroom": "dining_room",
    "studyroom": "study",
    "office": "study",
    "library": "study",
    "bedroom": "bedroom",
    "masterbedroom": "bedroom",
    "secondbedroom": "bedroom",
    "kidsroom": "bedroom",
    "kitchen": "kitchen",
    "bathroom": "bathroom",
}


def judge_room_type(room_type: str) -> str | None:
    """Our judge key for a scene's ``room_type`` ('LivingRoom', 'living room', 'livingroom' -> 'living_room')."""
    key = re.sub(r"[^a-z]", "", (room_type or "").lower())
    if key in _ALIASES:
        return _ALIASES[key]
    for name in JUDGE_AREA:
        if name.replace("_", "") == key:
            return name
    return None


@dataclass(frozen=True)
class SceneFacts:
    """What the judge is told about a scene besides the image."""

    room_type: str
    area: float  # m^2
    num_objects: int
    area_range: tuple[float, float] | None
    area_out_of_range: bool
    too_few_objects: bool

    @property
    def rationality_cap(self) -> int | None:
        return CAP_SCORE if (self.area_out_of_range or self.too_few_objects) else None

    def lines(self) -> str:
        rng = f"{self.area_range[0]:g}-{self.area_range[1]:g} m^2" if self.area_range else "unknown"
        return (
            f"Room type: {self.room_type or 'unknown'}\nFloor area: {self.area:.1f} m^2 (expected for this type: {rng})\n"
            f"Number of objects: {self.num_objects}"
        )


def scene_facts(scene: Scene) -> SceneFacts:
    key = judge_room_type(scene.room_type)
    rng = JUDGE_AREA.get(key) if key else None
    area = scene.floor_area
    return SceneFacts(
        room_type=scene.room_type,
        area=area,
        num_objects=len(scene.objects),
        area_range=rng,
        area_out_of_range=bool(rng and not (rng[0] <= area <= rng[1])),
        too_few_objects=len(scene.objects) < MIN_OBJECTS,
    )


_INTRO = (
    "You are judging a furnished 3D room from a render: the left half is a top-down orthographic view of the "
    "floor, the right half a perspective view from a corner. Answer with one line 'Score: N' (N an integer from "
    "1 to 10), then at most two sentences of reasons."
)

_QUESTIONS = {
    "rationality": (
        "Judge PHYSICAL RATIONALITY only: objects floating or sunk into the floor, objects overlapping or passing "
        "through each other, objects outside the room or through the walls, impossible sizes. Style and taste do "
        "not count. 10 = no physical problem at all, 1 = most objects have problems."
    ),
    "spatial_layout": (
        "Judge the SPATIAL LAYOUT: everything inside the room bounds, furniture grouped into sensible functional "
        "zones (sleeping, seating, dining, work), large pieces against walls facing into the room, at least 60 cm "
        "between pieces that need space. 10 = a professional layout, 1 = random placement."
    ),
    "accessibility": (
        "Judge ACCESSIBILITY: walkways of at least 80 cm to reach every piece of furniture, fronts of wardrobes, "
        "drawers and seats not blocked, no trapped areas. Gaps under 60 cm between furniture count as blocked. "
        "10 = everything easy to reach, 1 = most of the room cannot be walked."
    ),
}


def question(dimension: str, facts: SceneFacts | None, requirement: str | None = None) -> str:
    """The full text of one judge question (``facts`` None when only the render is known)."""
    if dimension not in _QUESTIONS:
        raise ValueError(f"unknown judge dimension {dimension!r}; known: {', '.join(DIMENSIONS)}")
    parts = [_INTRO, _QUESTIONS[dimension]]
    if facts is not None:
        parts.append(facts.lines())
    if requirement:
        parts.append(f"The room was requested as: {requirement}")
    if dimension == "rationality" and facts is not None and facts.rationality_cap:
        why = []
        if facts.area_out_of_range:
            why.append("the floor area is outside the expected range for this room type")
        if facts.too_few_objects:
            why.append(f"the room has fewer than {MIN_OBJECTS} objects")
        parts.append(f"Because {' and '.join(why)}, the score must be at most {CAP_SCORE}.")
    return "\n\n".join(parts)
