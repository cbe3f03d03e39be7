"""physics: collision (FCL), out-of-bounds and voxel checks of scenes, and their feedback text."""

from scenerevis.physics.config import PhysicsConfig
from scenerevis.physics.evaluate import ObjectPhysics, PhysicsReport, VoxelReport, evaluate_physics, evaluate_voxels
from scenerevis.physics.feedback import physics_feedback
from scenerevis.physics.geometry import PlacedScene, is_floor_covering, place_scene

__all__ = [
    "ObjectPhysics",
    "PhysicsConfig",
    "PhysicsReport",
    "PlacedScene",
    "VoxelReport",
    "evaluate_physics",
    "evaluate_voxels",
    "is_floor_covering",
    "physics_feedback",
    "place_scene",
]
