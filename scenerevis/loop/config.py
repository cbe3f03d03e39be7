"""config.py: LoopConfig, the options of one episode of the loop: the environment's plus the loop's own outputs."""

from __future__ import annotations

from dataclasses import dataclass

from scenerevis.env.types import EnvConfig


@dataclass
class LoopConfig(EnvConfig):
    """Options of :func:`scenerevis.loop.episode.run_episode`: :class:`EnvConfig` plus seeds and outputs."""

    seed: int = 0  # policy seed (episode i of a batch uses seed + i)
    export_glb: bool = True  # write the final scene as final_scene.glb
    write_report: bool = True  # write report.html

    def env_config(self) -> EnvConfig:
        """The environment part of this config."""
        return EnvConfig(**{f: getattr(self, f) for f in EnvConfig.__dataclass_fields__})
