"""initial.py: ``--use-gpt-with-objects``: ask an OpenAI-compatible LLM for a complete first scene.

The LLM answers with a room (width, depth, ceiling in metres) and 5-10 floor-standing objects
(description, size [w, h, d] in metres, floor position [x, z] of the bottom-centre, yaw in degrees,
0 = facing +Z, 90 = facing +X). The answer is validated into a :class:`Scene` (objects clamped to the
floor); the episode then retrieves assets for it and the policy refines it.
"""

from __future__ import annotations

import json
import math
import re
from typing import Any

from scenerevis.scene.formats import make_room
from scenerevis.scene.model import Scene, SceneObject
from scenerevis.scene.rotation import yaw_to_quat
from scenerevis.scene.validate import SceneFormatError, as_vector

INSTRUCTIONS = """Design a furnished room for the request below. Answer with ONE JSON object and nothing else:
{"room_type": "bedroom", "width": 4.0, "depth": 5.0, "ceiling": 2.7,
 "objects": [{"desc": "queen bed with a grey fabric headboard", "size": [1.6, 1.0, 2.1], "position": [0.0, -1.4], "yaw_deg": 0}]}
Units are metres. The floor spans x in [-width/2, width/2] and z in [-depth/2, depth/2]. "position" is the
[x, z] of an object's bottom-centre on the floor; "size" is [width, height, depth] in the object's own frame;
yaw_deg 0 faces +z, 90 faces +x, 180 faces -z, -90 faces -x. Give 5 to 10 floor-standing objects that fit
inside the room without overlapping, large pieces against the walls facing into the room.

Request: """

_OBJECT = re.compile(r"\{.*\}", re.S)


def extract_json(text: str) -> Any:
    """The first JSON object in ``text`` (fenced or bare); ValueError when there is none."""
    fence = re.search(r"```(?:json)?\s*(\{.*?\})\s*```", text or "", re.S)
    candidates = [fence.group(1)] if fence else []
    m = _OBJECT.search(text or "")
    if m:
        candidates.append(m.group(0))
    for c in candidates:
        try:
            return json.loads(c)
        except json.JSONDecodeError:
            continue
    raise ValueError("the LLM answer holds no JSON object")


def scene_from_llm(data: Any, source: str = "<llm scene>") -> Scene:
    """Validate the LLM's room + objects answer into a scene (one-line errors naming the field)."""
    if not isinstance(data, dict):
        raise SceneFormatError(source, "<root>", "expected a JSON object")
    w, d, h = (as_vector([data.get(k)], 1, source, k, positive=True)[0] for k in ("width", "depth", "ceiling"))
    if not (1.0 <= w <= 30 and 1.0 <= d <= 30 and 2.0 <= h <= 6):
        raise SceneFormatError(source, "width/depth/ceiling", f"implausible room {w} x {d} x {h} m")
    raw = data.get("objects")
    if not isinstance(raw, list) or not raw:
        raise SceneFormatError(source, "objects", "expected a non-empty list")
    scene = make_room(
        [[-w / 2, -d / 2], [w / 2, -d / 2], [w / 2, d / 2], [-w / 2, d / 2]],
        h,
        room_type=str(data.get("room_type", "")),
        room_id="llm-initial",
    )
    for i, o in enumerate(raw[:10]):
        f = f"objects[{i}]"
        if not isinstance(o, dict) or not isinstance(o.get("desc"), str) or not o["desc"].strip():
            raise SceneFormatError(source, f"{f}.desc", "expected a non-empty string")
        size = as_vector(o.get("size"), 3, source, f"{f}.size", positive=True)
        x, z = as_vector(o.get("position"), 2, source, f"{f}.position")
        yaw = as_vector([o.get("yaw_deg", 0)], 1, source, f"{f}.yaw_deg")[0]
        obj = SceneObject("", o["desc"].strip(), size, (x, 0.0, z), yaw_to_quat(math.radians(yaw)))  # type: ignore[arg-type]
        obj.id = scene.new_id(obj.desc)
        scene.objects.append(obj)
    return scene


def llm_initial_scene(requirement: str, client: Any, model: str, temperature: float = 0.2, max_tokens: int = 1500) -> Scene:
    """Ask ``client`` (an ``openai.OpenAI``-like client) for the first scene of ``requirement``."""
    resp = client.chat.completions.create(
        model=model,
        messages=[{"role": "user", "content": INSTRUCTIONS + requirement}],
        temperature=temperature,
        max_tokens=max_tokens,
    )
    text = (resp.choices[0].message.content if resp.choices else None) or ""
    return scene_from_llm(extract_json(text))
