"""synth_sources.py: the good scenes training chains are made from, with their requirement text.

Two sources: a folder of scene files in any format the project reads (flat, grouped, ReSpace,
3D-FRONT-style boxes; :func:`scenerevis.eval.importers.load_any_scene`), or the built-in designer
(the ``rule`` policy run through the environment without rendering) on prompts of every room type
it knows. Both are filtered as the original filtered SSR-3DFRONT: keep a scene when
(collision < 10 % and OOB < 30 % and > 4 objects) or >= 20 objects or (collision-free and > 5 objects).
"""

from __future__ import annotations

import logging
import random
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from scenerevis.physics.evaluate import PhysicsReport
from scenerevis.scene.model import Scene

log = logging.getLogger(__name__)


@dataclass
class SourceScene:
    """A good scene, where it came from and the request it answers."""

    scene_id: str
    scene: Scene
    requirement: str
    origin: str  # "designer" or the file path


def keep_scene(report: PhysicsReport) -> bool:
    """The original's filter (rates in percent)."""
    n, c, o = report.num_objects, report.collision_rate, report.oob_rate
    return (c < 10 and o < 30 and n > 4) or n >= 20 or (c == 0 and n > 5)


def designer_prompts(root: Path | None = None) -> list[str]:
    """Prompts of every room type the designer knows: the lines of ``split_prompts/*.txt`` (when that
    folder exists) and, for every rooms.json room type, requests naming its essentials."""
    from scenerevis.scene.rooms import load_rooms

    prompts: list[str] = []
    root = root or Path(__file__).resolve().parents[2] / "split_prompts"
    if root.is_dir():
        for f in sorted(root.glob("*.txt")):
            prompts += [line.strip() for line in f.read_text(encoding="utf-8").splitlines() if line.strip()]
    facts = load_rooms()
    for rt in facts.room_types.values():
        names = [facts.categories[req[0]].noun for req in rt.essentials]
        extra = [facts.categories[c].noun for c in rt.often[:2] if c in facts.categories]
        prompts.append(f"A {rt.label} with " + ", ".join(f"a {n}" for n in names) + ".")
        if extra:
            prompts.append(f"A comfortable {rt.label} with " + ", ".join(f"a {n}" for n in names + extra) + ".")
    return prompts


def designer_scene(env, policy, requirement: str, seed: int, max_turns: int = 10) -> Scene:
    """The designer's final scene for ``requirement``: reset, then step the policy's replies until done."""
    policy.reset(requirement, seed)
    obs = env.reset(requirement)
    for _ in range(max_turns + 1):
        obs, info = env.step(policy.act(obs))
        if info.done:
            break
    return env.scene.copy()


def from_designer(n: int, seed: int, evaluate, env, prompts: list[str] | None = None) -> Iterator[SourceScene]:
    """Up to ``n`` filtered designer scenes made in ``env`` (a SceneEnv with rendering off), prompts
    cycled in a seeded order; scenes that fail the filter are logged and skipped (at most ``3 n`` attempts)."""
    from scenerevis.policy import make_policy

    prompts = prompts or designer_prompts()
    rng = random.Random(seed)
    order = list(range(len(prompts)))
    rng.shuffle(order)
    policy = make_policy("rule")
    made = 0
    for attempt in range(3 * n):
        if made >= n:
            break
        req = prompts[order[attempt % len(order)]]
        scene = designer_scene(env, policy, req, seed + attempt)
        report = evaluate(scene)
        if not keep_scene(report):
            log.info(
                "designer scene for %r filtered out (%d objects, collision %.0f%%)",
                req,
                report.num_objects,
                report.collision_rate,
            )
            continue
        scene.room_id = f"designer-{seed}-{attempt:04d}"
        made += 1
        yield SourceScene(scene.room_id, scene, req, "designer")


def from_folder(folder: Path, evaluate, seed: int) -> tuple[list[SourceScene], dict[str, str]]:
    """Filtered scenes of every ``*.json`` under ``folder`` with written requirements, and
    ``{path: reason}`` for files rejected (unreadable, or failing the filter)."""
    from scenerevis.eval.importers import load_any_scene
    from scenerevis.scene.validate import SceneFormatError
    from scenerevis.train.synth_requirements import write_requirement

    kept: list[SourceScene] = []
    rejected: dict[str, str] = {}
    files = sorted(p for p in Path(folder).rglob("*.json") if p.is_file())
    if not files:
        raise FileNotFoundError(f"{folder}: no *.json scene files found")
    for path in files:
        try:
            scene = load_any_scene(path)
        except SceneFormatError as err:
            rejected[str(path)] = str(err)
            continue
        report = evaluate(scene)
        if not keep_scene(report):
            rejected[str(path)] = (
                f"filtered: {report.num_objects} objects, collision {report.collision_rate:.0f}%, OOB {report.oob_rate:.0f}%"
            )
            continue
        sid = path.relative_to(folder).with_suffix("").as_posix().replace("/", "__")
        req = write_requirement(scene, random.Random(f"{seed}:{sid}"))
        kept.append(SourceScene(sid, scene, req, str(path)))
    return kept, rejected
