"""optimize.py: the physics optimizer of ``--enable-physics-optimization``: repair, re-check, repeat.

Each pass asks the built-in designer's repair planner (nearest free pose, turn, shrink within the
category's size range; remove only as a last resort) for tool calls, applies them with the normal
tool protocol and re-evaluates, until the scene is clean or ``steps`` passes are spent.
"""

from __future__ import annotations

from collections.abc import Callable

from scenerevis.physics.evaluate import PhysicsReport
from scenerevis.scene.model import Scene
from scenerevis.tools.apply import apply_tool_calls
from scenerevis.tools.parse import ToolCall


def physics_optimizer(
    scene: Scene, report: PhysicsReport, steps: int, evaluate: Callable[[Scene], PhysicsReport]
) -> tuple[Scene, list[str]]:
    """The repaired scene and one note per change (``"wardrobe_1 was outside the room: moved 0.40 m"``)."""
    from scenerevis.policy.repair import plan_repairs

    notes: list[str] = []
    for step in range(steps):
        if not report.collision_pairs and not report.oob_objects:
            break
        plan = plan_repairs(scene, report, scene.room_type, seed=step)
        if not plan.calls:
            break
        calls = [ToolCall(f"repair_{i + 1}", c["name"], c["arguments"]) for i, c in enumerate(plan.calls)]
        scene = apply_tool_calls(scene, calls).scene
        notes += plan.notes
        report = evaluate(scene)
    return scene, notes
