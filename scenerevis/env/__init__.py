"""env: the scene environment, one render -> evaluate -> revise step (``SceneEnv.reset`` / ``SceneEnv.step``)."""

from scenerevis.env.scene_env import Judge, Optimizer, SceneEnv, physics_metrics
from scenerevis.env.types import EnvConfig, Observation, StepInfo

__all__ = ["EnvConfig", "Judge", "Observation", "Optimizer", "SceneEnv", "StepInfo", "physics_metrics"]
