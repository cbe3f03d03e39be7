"""specs.py: the seven scene-editing tools, their arguments, and their OpenAI-format JSON Schema.

Names and argument names are exactly those the SceneReVis-7B checkpoint emits (DESIGN.md section 3).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

_VEC3 = {"type": "array", "items": {"type": "number"}, "minItems": 3, "maxItems": 3}
_QUAT = {"type": "array", "items": {"type": "number"}, "minItems": 4, "maxItems": 4}
_REF = {"type": "string", "description": "instance id (preferred), jid or uid of an object in the scene"}


@dataclass(frozen=True)
class ToolSpec:
    """A tool: its name, a one-line description, JSON-Schema properties and required names.

    ``ref_args`` lists the alternative argument names that identify the target object (the first
    one present is used).
    """

    name: str
    description: str
    properties: dict[str, Any]
    required: tuple[str, ...]
    ref_args: tuple[str, ...] = ()

    def openai_schema(self) -> dict[str, Any]:
        """``{"type": "function", "function": {name, description, parameters}}``."""
        params: dict[str, Any] = {"type": "object", "properties": self.properties, "required": list(self.required)}
        if self.ref_args:
            params["anyOf"] = [{"required": [r]} for r in self.ref_args]
        return {"type": "function", "function": {"name": self.name, "description": self.description, "parameters": params}}


TOOLS: dict[str, ToolSpec] = {
    t.name: t
    for t in (
        ToolSpec(
            "add_object",
            "Add a new object; an asset is retrieved for its description and size.",
            {
                "object_description": {"type": "string"},
                "position": {**_VEC3, "description": "bottom-centre [x, y, z] in metres, Y up"},
                "rotation": {**_QUAT, "description": "quaternion [x, y, z, w]; identity faces +Z"},
                "size": {**_VEC3, "description": "[width, height, depth] in metres"},
                "group_name": {"type": "string"},
            },
            ("object_description", "position", "rotation", "size"),
        ),
        ToolSpec("remove_object", "Remove an object.", {"jid": _REF, "uid": _REF, "id": _REF}, (), ("jid", "uid", "id")),
        ToolSpec(
            "move_object",
            "Move an object to a new bottom-centre position [x, y, z] (metres).",
            {"jid": _REF, "uid": _REF, "id": _REF, "new_position": _VEC3},
            ("new_position",),
            ("jid", "uid", "id"),
        ),
        ToolSpec(
            "rotate_object",
            "Set an object's rotation quaternion [x, y, z, w].",
            {"jid": _REF, "uid": _REF, "id": _REF, "new_rotation": _QUAT},
            ("new_rotation",),
            ("jid", "uid", "id"),
        ),
        ToolSpec(
            "scale_object",
            "Set an object's size [width, height, depth] (metres).",
            {"jid": _REF, "uid": _REF, "id": _REF, "new_size": _VEC3},
            ("new_size",),
            ("jid", "uid", "id"),
        ),
        ToolSpec(
            "replace_object",
            "Replace an object's asset by a new description, keeping its position, rotation and size.",
            {
                "jid_to_replace": _REF,
                "uid_to_replace": _REF,
                "id_to_replace": _REF,
                "new_object_description": {"type": "string"},
            },
            ("new_object_description",),
            ("jid_to_replace", "uid_to_replace", "id_to_replace"),
        ),
        ToolSpec("terminate", "Finish the episode: the scene is done.", {"reason": {"type": "string"}}, ()),
    )
}


def openai_tools() -> list[dict[str, Any]]:
    """All tools in the OpenAI ``tools=[...]`` format (for server-side tool calling)."""
    return [t.openai_schema() for t in TOOLS.values()]
