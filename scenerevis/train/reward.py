"""reward.py: the RL reward of a scene-editing episode, usable without verl (per-turn scores and the trajectory reward).

API (stable; the verl agent loop and the ms-swift plugin call these):

- :func:`score_turn` ``(scene, info, config=None, *, requirement=None, judge=None, ...) -> TurnScore``:
  the score in [-1, 1] of one assistant turn, from the scene after the turn and what the environment
  recorded about the reply. ``info`` is a :class:`scenerevis.env.StepInfo` or anything with the same
  fields (:class:`TurnFacts`): ``turn``, ``kind``, ``errors``, ``calls``, ``report`` (a
  :class:`~scenerevis.physics.PhysicsReport`, computed when None), ``terminated``, ``truncated``,
  ``image``, ``reply``.
- :func:`trajectory_reward` ``(turn_scores, num_turns=None, config=None) -> float``: the final turn's
  score, ``short_penalty`` (-1) for trajectories of at most ``min_turns`` (2) turns.
- :func:`compute_score`: the same as a verl custom reward function (reads ``extra_info["turn_scores"]``).
- :class:`~scenerevis.train.reward_config.RewardConfig` (``.from_yaml(path)``, ``.default()``): weights per
  phase and the curve parameters.

Phases: turn 0 is scored as ``create`` (the ``<create_scene>`` room), a turn that ends the episode as
``final``, every other turn as ``edit``. A turn's total is the weighted mean of its computed components
(see ``reward_weights.yaml``); then the fuses apply: creation format -1 -> total -1; fewer than
``min_objects_final`` objects on the final turn -> total -1.

Units: metres, m^2, m^3; rates in percent. Frames: the scene's world frame (Y up).
"""

from __future__ import annotations

import dataclasses
import logging
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Protocol

from scenerevis.train import reward_terms as T
from scenerevis.train.reward_config import JUDGE_COMPONENTS, PHYSICS_COMPONENTS, RewardConfig

log = logging.getLogger(__name__)

#: Parse kinds (scenerevis.tools.ParsedReply.kind) that carry usable content per phase.
CREATE_KIND = "create_scene"
EDIT_KIND = "tool_calls"


@dataclass
class TurnFacts:
    """What the reward reads about one turn: the fields of ``scenerevis.env.StepInfo`` it uses.

    Attributes
    ----------
    turn : int
        The turn the reply answered (0 = creation turn).
    kind : str
        Parse kind: ``"create_scene"``, ``"tool_calls"``, ``"invalid"``, ``"empty"`` ...
    errors : list of str
        Every format / tool / id / retrieval error of the turn, one line each.
    calls : list of dict
        The parsed calls (``{"id", "name", "arguments"}``).
    report : PhysicsReport or None
        Physics of the scene after the turn; computed by :func:`score_turn` when None.
    terminated, truncated : bool
        The reply called ``terminate`` / the turn cap was reached (either makes the turn ``final``).
    image : str or None
        This turn's merged render (needed by the judge terms only).
    reply : str or None
        The raw reply (read for ``require_think``).
    """

    turn: int
    kind: str
    errors: list[str] = field(default_factory=list)
    calls: list[dict] = field(default_factory=list)
    report: Any = None
    terminated: bool = False
    truncated: bool = False
    image: str | None = None
    reply: str | None = None


class JudgeLike(Protocol):
    """What :func:`score_turn` needs of a judge (:class:`scenerevis.judge.judge.Judge` has it)."""

    def ask(self, dimension: str, image: str | Path, scene: Any, requirement: str | None = None) -> dict[str, Any]: ...


@dataclass
class TurnScore:
    """The score of one turn.

    Attributes
    ----------
    total : float
        In [-1, 1]: weighted mean of ``components`` under ``weights``, after the fuses in ``notes``.
    phase : str
        ``create``, ``edit`` or ``final``.
    components : dict
        Component -> score in [-1, 1], for every component that was computed and applies.
    weights : dict
        The weights the total used (those of ``components``).
    metrics : dict
        The measured numbers behind the components (rates %, depths m, volumes m^3, counts).
    notes : list of str
        Fuses applied and components skipped, one line each.
    """

    total: float
    phase: str
    components: dict[str, float] = field(default_factory=dict)
    weights: dict[str, float] = field(default_factory=dict)
    metrics: dict[str, Any] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """JSON-serialisable copy."""
        return dataclasses.asdict(self)


# ---------------------------------------------------------------------------------------------- helpers
def phase_of(info: Any) -> str:
    """``create`` for turn 0, ``final`` when the turn ended the episode, else ``edit``."""
    if int(getattr(info, "turn", 1)) == 0:
        return "create"
    if getattr(info, "terminated", False) or getattr(info, "truncated", False):
        return "final"
    return "edit"


@lru_cache(maxsize=1024)
def requirement_room_type(requirement: str | None) -> str | None:
    """The rooms.json room type a requirement asks for (named, else inferred from its furniture), or None."""
    if not requirement or not requirement.strip():
        return None
    from scenerevis.policy.prompt_parse import parse_prompt

    return parse_prompt(requirement).room_type


def _errors(info: Any) -> list[str]:
    errs = getattr(info, "errors", None) or []
    return [e if isinstance(e, str) else (e.line() if hasattr(e, "line") else str(e)) for e in errs]


def _weighted(components: dict[str, float | None], weights: dict[str, float]) -> tuple[float, dict[str, float], dict[str, float]]:
    used = {k: v for k, v in components.items() if v is not None and weights.get(k, 0) > 0}
    w = {k: weights[k] for k in used}
    total_w = sum(w.values())
    total = sum(w[k] * used[k] for k in used) / total_w if total_w > 0 else 0.0
    return T.clip(total), used, w  # type: ignore[return-value]


# ---------------------------------------------------------------------------------------------- creation
def _score_create(scene, info, config: RewardConfig, requirement: str | None, out: TurnScore) -> dict[str, float | None]:
    from scenerevis.eval.essentials import normalize_room_type
    from scenerevis.scene.rooms import load_rooms

    errors = _errors(info)
    kind = getattr(info, "kind", "")
    comps: dict[str, float | None] = {}
    out.metrics["num_errors"] = len(errors)
    # any problem with the creation reply leaves no usable room (the env falls back to a default one): -1
    if kind != CREATE_KIND or scene is None:
        out.notes.append(f"creation reply kind {kind!r} has no usable <create_scene>")
        comps["format"] = -1.0
    elif errors:
        out.notes.append(f"creation reply has {len(errors)} error(s): {errors[0]}")
        comps["format"] = -1.0
    elif scene.objects:
        out.notes.append(f"creation room holds {len(scene.objects)} objects (should be empty)")
        comps["format"] = -1.0
    else:
        comps["format"] = 1.0
    if comps["format"] == -1.0:
        return comps

    wanted = requirement_room_type(requirement)
    got = normalize_room_type(scene.room_type)
    out.metrics.update(requirement_room_type=wanted, scene_room_type=got)
    comps["room_type"] = None if wanted is None else (1.0 if got == wanted else -1.0)

    corners = len(scene.bounds_bottom)
    out.metrics["corners"] = corners
    comps["corners"] = float(config.corner_scores.get(corners, config.other_corners))

    area = scene.floor_area
    out.metrics["floor_area"] = area
    rt = load_rooms().room_types.get(wanted or got or "")
    if area <= 0 or area > config.create_max_area:
        comps["area"] = -1.0
    elif rt is None or rt.area[0] <= area <= rt.area[1]:
        comps["area"] = 1.0
    else:
        comps["area"] = 0.0
    return comps


# ---------------------------------------------------------------------------------------------- edit / final
def _physics(scene, info, config: RewardConfig, weights, resolver, physics, out: TurnScore) -> dict[str, float | None]:
    wanted = [c for c in PHYSICS_COMPONENTS if weights.get(c, 0) > 0]
    if not wanted:
        return {}
    n = len(scene.objects)
    if n < config.min_objects_physics:
        out.notes.append(f"{n} objects < min_objects_physics {config.min_objects_physics}: physics components -1")
        return dict.fromkeys(wanted, -1.0)
    comps: dict[str, float | None] = {}
    if set(wanted) - {"voxel_pbl"}:
        report = getattr(info, "report", None)
        if report is None:
            from scenerevis.physics import evaluate_physics

            report = evaluate_physics(scene, resolver, physics)
        depth = float(sum(p["depth"] for p in report.collision_pairs))
        oob_vol = float(sum(o.oob_volume for o in report.objects.values()))
        out.metrics.update(
            collision_rate=report.collision_rate, oob_rate=report.oob_rate, penetration_depth_sum=depth, oob_volume=oob_vol
        )
        comps["collision_rate"] = T.collision_rate_score(report.collision_rate)
        comps["penetration_depth"] = T.penetration_score(depth)
        comps["oob_rate"] = T.oob_rate_score(report.oob_rate)
        comps["oob_volume"] = T.oob_volume_score(oob_vol)
    if "voxel_pbl" in wanted:
        vox = getattr(info, "voxel_report", None)
        if vox is None:
            from scenerevis.physics import PhysicsConfig, evaluate_voxels

            pc = physics or PhysicsConfig()
            if config.voxel_pitch is not None:
                pc = dataclasses.replace(pc, voxel_pitch=config.voxel_pitch)
            vox = evaluate_voxels(scene, resolver, pc)
        out.metrics["pbl"] = vox.pbl
        comps["voxel_pbl"] = T.voxel_pbl_score(vox.pbl, config.pbl_full, config.pbl_worst)
    return {k: v for k, v in comps.items() if k in wanted}


def _essentials(scene, requirement: str | None, out: TurnScore) -> float | None:
    from scenerevis.eval.essentials import essentials_coverage

    wanted = requirement_room_type(requirement)
    target = dataclasses.replace(scene, room_type=wanted) if wanted else scene  # the requested room type decides
    res = essentials_coverage(target)
    out.metrics.update(essentials_coverage=res.coverage, essentials_missing=res.missing)
    if res.coverage is None:
        out.notes.append(f"essentials skipped: room type {scene.room_type!r} is unknown or lists no essentials")
        return None
    return T.essentials_score(res.coverage)


def _size(scene, requirement: str | None, config: RewardConfig, out: TurnScore) -> float:
    from scenerevis.eval.essentials import normalize_room_type
    from scenerevis.policy.vocab import classify_description
    from scenerevis.scene.rooms import load_rooms

    cats = load_rooms().categories
    room = requirement_room_type(requirement) or normalize_room_type(scene.room_type) or ""
    critical, minor = [], []
    for o in scene.objects:
        name = classify_description(o.desc or "", room)
        if name is None or name not in cats:
            continue
        level = T.size_level(o.size, cats[name].size_range, config.size_minor, config.size_critical, config.size_swap_wd)
        if level == T.SIZE_CRITICAL:
            critical.append(o.id)
        elif level == T.SIZE_MINOR:
            minor.append(o.id)
    out.metrics.update(size_critical=critical, size_minor=minor)
    return T.size_score(len(critical), len(minor))


def _judge(
    scene, info, requirement, judge: JudgeLike | None, config: RewardConfig, weights, out: TurnScore
) -> dict[str, float | None]:
    wanted = [c for c in JUDGE_COMPONENTS if weights.get(c, 0) > 0]
    if not wanted or judge is None:
        return {}
    image = getattr(info, "image", None)
    if not image or not Path(image).is_file():
        out.notes.append("judge skipped: no render for this turn")
        return {}
    comps: dict[str, float | None] = {}
    for comp in wanted:
        dim = comp.removeprefix("judge_")
        try:
            ans = judge.ask(dim, image, scene, requirement)
        except Exception as err:  # an unreachable judge must not kill a rollout: the term is skipped, and said so
            log.warning("judge %s failed: %s", dim, err)
            out.notes.append(f"judge {dim} failed: {type(err).__name__}: {err}")
            continue
        raw = ans.get("score")
        out.metrics[comp] = raw
        if raw is None:
            out.notes.append(f"judge {dim} gave no score: {ans.get('error')}")
            continue
        comps[comp] = T.judge_score(raw, config.judge_neutral, config.judge_half_range)
    return comps


def _score_edit(scene, info, config, phase, requirement, judge, resolver, physics, out: TurnScore) -> dict[str, float | None]:
    weights = config.phase_weights(phase)
    errors = _errors(info)
    kind = getattr(info, "kind", "")
    n_err = len(errors)
    reply = getattr(info, "reply", None)
    if config.require_think and isinstance(reply, str) and "<think>" not in reply:
        n_err += 1
        out.notes.append("reply has no <think> block")
    out.metrics["num_errors"] = n_err
    comps: dict[str, float | None] = {}
    if "format" in weights:
        comps["format"] = T.format_score(n_err, config.error_penalty) if kind == EDIT_KIND else -1.0
        if kind != EDIT_KIND:
            out.notes.append(f"edit reply kind {kind!r} is not a <tool_calls> reply")
    if scene is None:
        return comps
    out.metrics["num_objects"] = len(scene.objects)
    comps.update(_physics(scene, info, config, weights, resolver, physics, out))
    if "essentials" in weights:
        comps["essentials"] = _essentials(scene, requirement, out)
    if "size" in weights:
        comps["size"] = _size(scene, requirement, config, out)
    if "object_count" in weights:
        comps["object_count"] = T.object_count_score(len(scene.objects))
    comps.update(_judge(scene, info, requirement, judge, config, weights, out))
    return comps


# ---------------------------------------------------------------------------------------------- public API
def score_turn(
    scene: Any,
    info: Any,
    config: RewardConfig | None = None,
    *,
    requirement: str | None = None,
    judge: JudgeLike | None = None,
    resolver: Any = None,
    physics: Any = None,
    phase: str | None = None,
) -> TurnScore:
    """Score one assistant turn in [-1, 1].

    Parameters
    ----------
    scene : Scene, dict or None
        The scene after the turn (a flat/grouped scene dict is read with ``scene_from_dict``; None when the
        turn left no scene: total -1).
    info : StepInfo or TurnFacts
        What the environment recorded about the reply (see :class:`TurnFacts`).
    config : RewardConfig, optional
        Weights and parameters (default: the packaged ``reward_weights.yaml``).
    requirement : str, optional
        The user's requirement: decides the wanted room type (room_type, essentials, size categories) and
        goes to the judge.
    judge : Judge, optional
        Asked for the ``judge_*`` components with positive weight when the turn has a render; None skips them.
    resolver, physics : optional
        Mesh resolver and :class:`~scenerevis.physics.PhysicsConfig` for physics not already in ``info.report``.
    phase : str, optional
        Force ``create`` / ``edit`` / ``final`` instead of deriving it from ``info`` (:func:`phase_of`).
    """
    config = config or default_config()
    phase = phase or phase_of(info)
    if isinstance(scene, dict):
        from scenerevis.scene.formats import scene_from_dict

        scene = scene_from_dict(scene, "score_turn scene")
    out = TurnScore(total=-1.0, phase=phase)
    if phase == "create":
        comps = _score_create(scene, info, config, requirement, out)
    else:
        comps = _score_edit(scene, info, config, phase, requirement, judge, resolver, physics, out)
    total, used, weights = _weighted(comps, config.phase_weights(phase))
    out.components, out.weights = used, weights
    if phase == "create" and comps.get("format") == -1.0:
        total = -1.0
        out.notes.append("fuse: creation format -1 -> total -1")
    if phase == "final":
        n = len(scene.objects) if scene is not None else 0
        if n < config.min_objects_final:
            total = -1.0
            out.notes.append(f"fuse: {n} objects < min_objects_final {config.min_objects_final} -> total -1")
    if scene is None and phase != "create":
        total = -1.0
        out.notes.append("no scene after the turn -> total -1")
    out.total = float(total)
    return out


def trajectory_reward(turn_scores: list[float], num_turns: int | None = None, config: RewardConfig | None = None) -> float:
    """The trajectory reward: the last turn's score; ``short_penalty`` (-1) when the trajectory has at most
    ``min_turns`` (2) assistant turns (creation + one edit, e.g. an early terminate) or no score at all.

    ``num_turns`` is the number of assistant turns (default ``len(turn_scores)``).
    """
    config = config or default_config()
    n = len(turn_scores) if num_turns is None else int(num_turns)
    if not turn_scores or n <= config.min_turns:
        return float(config.short_penalty)
    return T.clip(float(turn_scores[-1]))


def compute_score(data_source: str, solution_str: str, ground_truth: Any, extra_info: dict | None = None, **kwargs: Any) -> float:
    """verl custom reward function (``custom_reward_function.path`` = this file, ``name`` = ``compute_score``).

    Reads ``extra_info["turn_scores"]`` (the per-turn totals the agent loop recorded, one per assistant
    turn) and optionally ``extra_info["num_assistant_turns"]`` and ``extra_info["reward_config"]`` (a
    weights-file path); returns :func:`trajectory_reward`. verl's own ``num_turns`` (which also counts user
    and system messages) is deliberately not read. A missing ``turn_scores`` is a ValueError naming the field.
    """
    info = extra_info or {}
    if "turn_scores" not in info:
        raise ValueError(f"compute_score: extra_info has no 'turn_scores' (data_source {data_source!r}); keys: {sorted(info)}")
    path = info.get("reward_config")
    config = RewardConfig.from_yaml(path) if path else default_config()
    scores = [float(s) for s in info["turn_scores"]]
    return trajectory_reward(scores, info.get("num_assistant_turns"), config)


_DEFAULT: RewardConfig | None = None


def default_config() -> RewardConfig:
    """The packaged default :class:`RewardConfig` (read once)."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = RewardConfig.default()
    return _DEFAULT
