"""feedback.py: the physics feedback text fed back to the policy (top collisions and OOB objects)."""

from __future__ import annotations

from scenerevis.physics.evaluate import PhysicsReport
from scenerevis.scene.model import Scene


def _name(scene: Scene, obj_id: str) -> str:
    desc = next((o.desc for o in scene.objects if o.id == obj_id), "")
    short = desc if len(desc) <= 40 else desc[:37] + "..."
    return f"{obj_id} ({short})" if short else obj_id


def physics_feedback(scene: Scene, report: PhysicsReport, top_k: int = 5) -> str:
    """Short multi-line text: counts, the ``top_k`` deepest collisions and the ``top_k`` worst OOB objects.

    Depths are given in centimetres, OOB shares in percent of surface samples.
    """
    lines = [
        f"Physics: {report.num_objects} objects, collision rate {report.collision_rate:.1f}%, "
        f"out-of-bounds rate {report.oob_rate:.1f}%."
    ]
    if report.collision_pairs:
        lines.append(f"Collisions ({len(report.collision_pairs)} pairs, deepest first):")
        for p in report.collision_pairs[:top_k]:
            lines.append(f"- {_name(scene, p['a'])} overlaps {_name(scene, p['b'])} by {100 * p['depth']:.1f} cm")
    oob = sorted(report.oob_objects, key=lambda i: -report.objects[i].oob_fraction)
    if oob:
        lines.append(f"Out of bounds ({len(oob)} objects, worst first):")
        for obj_id in oob[:top_k]:
            info = report.objects[obj_id]
            vol = f", {1000 * info.oob_volume:.0f} L outside" if info.oob_volume > 0 else ""
            lines.append(f"- {_name(scene, obj_id)}: {100 * info.oob_fraction:.0f}% of its surface is outside the room{vol}")
    if not report.collision_pairs and not oob:
        lines.append("No collisions and nothing out of bounds.")
    return "\n".join(lines)
