"""config.py: LoopConfig, the options of one render -> evaluate -> revise episode."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class LoopConfig:
    """Options of :func:`scenerevis.loop.episode.run_episode`."""

    iterations: int = 10  # edit turns after the creation turn (the episode stops earlier at terminate)
    seed: int = 0  # policy seed (episode i of a batch uses seed + i)
    enable_physics_feedback: bool = True  # put the physics report of the current scene in the next user turn
    enable_vlm_feedback: bool = False  # ask the judge endpoint for feedback on each render (needs a judge)
    enable_physics_optimization: bool = False  # repair collisions / out-of-bounds after each turn's edits
    physics_opt_steps: int = 3  # repair passes per turn when the optimizer is on
    feedback_top_k: int = 5  # collisions / OOB objects listed in the feedback
    render: bool = True  # render every turn (off: no images, e.g. for fast physics-only runs)
    export_glb: bool = True  # write the final scene as final_scene.glb
    write_report: bool = True  # write report.html
    room_prompt: str | None = None  # text shown in the creation turn instead of the requirement
    default_room_xz: tuple[float, float] = (4.0, 5.0)  # room used when the creation reply is unusable (m)
    default_ceiling: float = 2.7  # ceiling of that room (m)

    def __post_init__(self) -> None:
        if self.iterations < 0:
            raise ValueError(f"LoopConfig.iterations must be >= 0, got {self.iterations}")
        if self.physics_opt_steps < 0:
            raise ValueError(f"LoopConfig.physics_opt_steps must be >= 0, got {self.physics_opt_steps}")
        if min(self.default_room_xz) <= 0 or self.default_ceiling <= 0:
            raise ValueError("LoopConfig.default_room_xz and default_ceiling must be > 0")
