"""scene: the scene model, its JSON formats and validation."""

from scenerevis.scene.formats import (
    detect_format,
    load_scene,
    make_room,
    object_to_dict,
    save_scene,
    scene_from_dict,
    scene_to_dict,
    scene_to_flat,
    scene_to_grouped,
)
from scenerevis.scene.model import GroupInfo, Scene, SceneObject
from scenerevis.scene.rotation import forward_vector, quat_to_matrix, quat_to_yaw, yaw_to_quat
from scenerevis.scene.validate import SceneFormatError

__all__ = [
    "GroupInfo",
    "Scene",
    "SceneFormatError",
    "SceneObject",
    "detect_format",
    "forward_vector",
    "load_scene",
    "make_room",
    "object_to_dict",
    "quat_to_matrix",
    "quat_to_yaw",
    "save_scene",
    "scene_from_dict",
    "scene_to_dict",
    "scene_to_flat",
    "scene_to_grouped",
    "yaw_to_quat",
]
