"""reward_config.py: the weights and parameters of the per-turn reward (:mod:`scenerevis.train.reward`), read from YAML.

A weights file has two top-level keys, ``weights`` and ``params``; the package ships the defaults
as ``scenerevis/train/reward_weights.yaml`` (:meth:`RewardConfig.default`). Every key is checked:
an unknown phase, component or parameter, a negative weight or a phase without any positive weight
is a one-line ``ValueError`` naming the file and the field.

Phases (which weight set scores a turn):

- ``create``: the creation turn (turn 0, the reply that should hold ``<create_scene>``);
- ``edit``: an edit turn that does not end the episode;
- ``final``: the turn that ends the episode (``terminate`` called or the turn cap reached).

Units: metres, square metres, cubic metres, percent for rates.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from importlib import resources
from pathlib import Path
from typing import Any

PHASES: tuple[str, ...] = ("create", "edit", "final")

#: Components of the creation turn.
CREATE_COMPONENTS: tuple[str, ...] = ("format", "room_type", "corners", "area")
#: Judge dimensions (scenerevis.judge.rubric.DIMENSIONS) as reward components.
JUDGE_COMPONENTS: tuple[str, ...] = ("judge_rationality", "judge_spatial_layout", "judge_accessibility")
#: Physics components: all -1 when the scene has fewer than ``min_objects_physics`` objects.
PHYSICS_COMPONENTS: tuple[str, ...] = ("collision_rate", "penetration_depth", "oob_rate", "oob_volume", "voxel_pbl")
#: Components of edit and final turns.
EDIT_COMPONENTS: tuple[str, ...] = ("format", *PHYSICS_COMPONENTS, "essentials", "size", "object_count", *JUDGE_COMPONENTS)
#: Components allowed per phase.
PHASE_COMPONENTS: dict[str, tuple[str, ...]] = {"create": CREATE_COMPONENTS, "edit": EDIT_COMPONENTS, "final": EDIT_COMPONENTS}

DEFAULT_WEIGHTS_FILE = "train/reward_weights.yaml"


@dataclass
class RewardConfig:
    """Weights per phase and the parameters of each component (see ``reward_weights.yaml`` for the meaning of each).

    Attributes
    ----------
    weights : dict
        Phase -> component -> weight (>= 0). A component with weight 0 (or absent) is not computed; the
        turn's total is the weighted mean of the computed, applicable components, so it stays in [-1, 1].
    error_penalty : float
        Edit/final turns: format score lost per error line (format = max(-1, 1 - error_penalty * errors)).
        On the creation turn any error, a missing ``<create_scene>`` or a furnished room scores -1.
    require_think : bool
        Edit/final replies without a ``<think>`` block count one extra format error.
    create_max_area : float
        Creation turn: a floor larger than this (m^2) scores ``area`` -1.
    corner_scores : dict
        Creation turn: number of floor corners -> ``corners`` score; any other count scores ``other_corners``.
    other_corners : float
    min_objects_physics : int
        Fewer objects than this: every physics component is -1 (an empty room has no collisions).
    min_objects_final : int
        Fewer objects than this on the final turn: the turn's total is -1.
    size_minor, size_critical : (float, float)
        A dimension below ``lo * factor[0]`` or above ``hi * factor[1]`` of its category range is minor / critical.
    size_swap_wd : bool
        Also accept width and depth swapped (an object modelled sideways) when that fits better.
    pbl_full, pbl_worst : float
        Voxel PBL (m^3): 1 at or below ``pbl_full``, linear to -1 at ``pbl_worst``, -1 above.
    voxel_pitch : float or None
        Voxel edge (m) for ``voxel_pbl``; None = PhysicsConfig's (0.05 m).
    min_turns : int
        Trajectories with at most this many scored turns get ``short_penalty`` instead of the final score.
    short_penalty : float
    judge_neutral, judge_half_range : float
        A judge score s (1-10) maps to clip((s - judge_neutral) / judge_half_range, -1, 1).
    source : str
        Where the config came from (for messages).
    """

    weights: dict[str, dict[str, float]] = field(default_factory=dict)
    error_penalty: float = 0.5
    require_think: bool = False
    create_max_area: float = 30.0
    corner_scores: dict[int, float] = field(default_factory=lambda: {4: 1.0, 6: 0.5, 8: 0.5})
    other_corners: float = -1.0
    min_objects_physics: int = 3
    min_objects_final: int = 4
    size_minor: tuple[float, float] = (0.8, 1.3)
    size_critical: tuple[float, float] = (0.5, 2.0)
    size_swap_wd: bool = True
    pbl_full: float = 1e-5
    pbl_worst: float = 0.1
    voxel_pitch: float | None = None
    min_turns: int = 2
    short_penalty: float = -1.0
    judge_neutral: float = 5.5
    judge_half_range: float = 4.5
    source: str = "<code>"

    def __post_init__(self) -> None:
        self.validate()

    # ------------------------------------------------------------------ checks
    def _fail(self, where: str, msg: str) -> None:
        raise ValueError(f"{self.source}: {where}: {msg}")

    def validate(self) -> None:
        """Raise a one-line ValueError (naming :attr:`source` and the field) for a bad config."""
        if not isinstance(self.weights, dict) or not self.weights:
            self._fail("weights", f"must map phases ({', '.join(PHASES)}) to component weights")
        for phase, comps in self.weights.items():
            if phase not in PHASES:
                self._fail(f"weights.{phase}", f"unknown phase; known: {', '.join(PHASES)}")
            if not isinstance(comps, dict):
                self._fail(f"weights.{phase}", "must map components to weights")
            for name, w in comps.items():
                if name not in PHASE_COMPONENTS[phase]:
                    self._fail(f"weights.{phase}.{name}", f"unknown component; known: {', '.join(PHASE_COMPONENTS[phase])}")
                if isinstance(w, bool) or not isinstance(w, (int, float)) or not w >= 0:
                    self._fail(f"weights.{phase}.{name}", f"weight must be a number >= 0, got {w!r}")
            if not any(w > 0 for w in comps.values()):
                self._fail(f"weights.{phase}", "needs at least one positive weight")
        for phase in PHASES:
            if phase not in self.weights:
                self._fail(f"weights.{phase}", "missing")
        if not 0 <= self.error_penalty <= 2:
            self._fail("params.error_penalty", f"must be in [0, 2], got {self.error_penalty}")
        if self.create_max_area <= 0:
            self._fail("params.create_max_area", f"must be > 0, got {self.create_max_area}")
        for n, s in self.corner_scores.items():
            if not -1 <= s <= 1:
                self._fail(f"params.corner_scores.{n}", f"must be in [-1, 1], got {s}")
        for name in ("other_corners", "short_penalty"):
            if not -1 <= getattr(self, name) <= 1:
                self._fail(f"params.{name}", f"must be in [-1, 1], got {getattr(self, name)}")
        for name in ("size_minor", "size_critical"):
            lo, hi = getattr(self, name)
            if not (0 < lo <= 1 <= hi):
                self._fail(f"params.{name}", f"must be [low factor <= 1, high factor >= 1], got {[lo, hi]}")
        if not (self.size_critical[0] <= self.size_minor[0] and self.size_critical[1] >= self.size_minor[1]):
            self._fail("params.size_critical", "must lie outside size_minor (critical is the worse deviation)")
        if not 0 <= self.pbl_full < self.pbl_worst:
            self._fail("params.pbl_worst", f"need 0 <= pbl_full < pbl_worst, got {self.pbl_full}, {self.pbl_worst}")
        if self.voxel_pitch is not None and self.voxel_pitch <= 0:
            self._fail("params.voxel_pitch", f"must be > 0, got {self.voxel_pitch}")
        for name in ("min_objects_physics", "min_objects_final", "min_turns"):
            if getattr(self, name) < 0:
                self._fail(f"params.{name}", f"must be >= 0, got {getattr(self, name)}")
        if self.judge_half_range <= 0:
            self._fail("params.judge_half_range", f"must be > 0, got {self.judge_half_range}")

    # ------------------------------------------------------------------ access
    def phase_weights(self, phase: str) -> dict[str, float]:
        """Positive weights of ``phase`` (component -> weight)."""
        if phase not in PHASES:
            raise ValueError(f"unknown reward phase {phase!r}; known: {', '.join(PHASES)}")
        return {k: float(v) for k, v in self.weights[phase].items() if v > 0}

    def to_dict(self) -> dict[str, Any]:
        """The YAML layout (``{"weights": …, "params": …}``), readable by :meth:`from_dict`."""
        params = {f.name: getattr(self, f.name) for f in fields(self) if f.name not in ("weights", "source")}
        params["size_minor"] = list(self.size_minor)
        params["size_critical"] = list(self.size_critical)
        params["corner_scores"] = dict(self.corner_scores)
        return {"weights": {p: dict(c) for p, c in self.weights.items()}, "params": params}

    # ------------------------------------------------------------------ loading
    @classmethod
    def from_dict(cls, data: Any, source: str = "<dict>") -> RewardConfig:
        """Build from the YAML layout; unknown keys are errors naming ``source`` and the field."""
        if not isinstance(data, dict):
            raise ValueError(f"{source}: top level must be a mapping with 'weights' and 'params'")
        unknown = set(data) - {"weights", "params", "version"}
        if unknown:
            raise ValueError(f"{source}: unknown top-level key(s) {sorted(unknown)}; expected weights, params")
        if "weights" not in data:
            raise ValueError(f"{source}: weights: missing")
        params = data.get("params") or {}
        if not isinstance(params, dict):
            raise ValueError(f"{source}: params: must be a mapping")
        known = {f.name: f for f in fields(cls) if f.name not in ("weights", "source")}
        kwargs: dict[str, Any] = {}
        for key, value in params.items():
            if key not in known:
                raise ValueError(f"{source}: params.{key}: unknown parameter; known: {', '.join(sorted(known))}")
            try:
                kwargs[key] = _convert(key, value)
            except (TypeError, ValueError) as err:
                raise ValueError(f"{source}: params.{key}: {err}") from None
        weights = data["weights"]
        if isinstance(weights, dict):
            weights = {p: dict(c) if isinstance(c, dict) else c for p, c in weights.items()}
        return cls(weights=weights, source=source, **kwargs)

    @classmethod
    def from_yaml(cls, path: str | Path) -> RewardConfig:
        """Read a weights file (the layout of the packaged ``reward_weights.yaml``)."""
        import yaml

        path = Path(path)
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as err:
            raise ValueError(f"{path}: cannot read reward weights file: {err.strerror or err}") from None
        try:
            data = yaml.safe_load(text)
        except yaml.YAMLError as err:
            line = getattr(getattr(err, "problem_mark", None), "line", None)
            where = f" (line {line + 1})" if line is not None else ""
            raise ValueError(f"{path}: not valid YAML{where}: {getattr(err, 'problem', None) or err}") from None
        return cls.from_dict(data, source=str(path))

    @classmethod
    def default(cls) -> RewardConfig:
        """The packaged defaults (``scenerevis/train/reward_weights.yaml``)."""
        import yaml

        res = resources.files("scenerevis").joinpath(DEFAULT_WEIGHTS_FILE)
        return cls.from_dict(yaml.safe_load(res.read_text(encoding="utf-8")), source=f"scenerevis/{DEFAULT_WEIGHTS_FILE}")


def _number(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ValueError(f"must be a number, got {value!r}")
    return float(value)


def _convert(key: str, value: Any) -> Any:
    """Type-check one YAML parameter value."""
    if key in ("require_think", "size_swap_wd"):
        if not isinstance(value, bool):
            raise ValueError(f"must be true or false, got {value!r}")
        return value
    if key in ("min_objects_physics", "min_objects_final", "min_turns"):
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValueError(f"must be an integer, got {value!r}")
        return value
    if key in ("size_minor", "size_critical"):
        if not isinstance(value, (list, tuple)) or len(value) != 2:
            raise ValueError(f"must be a list of two numbers, got {value!r}")
        return (_number(value[0]), _number(value[1]))
    if key == "corner_scores":
        if not isinstance(value, dict):
            raise ValueError(f"must map corner counts to scores, got {value!r}")
        out = {}
        for n, s in value.items():
            try:
                count = int(n)
            except (TypeError, ValueError):
                raise ValueError(f"corner count {n!r} is not an integer") from None
            out[count] = _number(s)
        return out
    if key == "voxel_pitch" and value is None:
        return None
    return _number(value)
