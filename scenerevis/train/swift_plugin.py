"""swift_plugin.py: ms-swift 4.6 GRPO plugins: a multi-turn scheduler over SceneEnv and the scene reward.

ms-swift's rollout (the transformers engine on one machine, or vLLM colocate) generates one assistant turn at
a time; between turns it calls the scheduler's hooks (``swift.rollout.multi_turn.MultiTurnScheduler``):

- ``on_trajectory_start``: one :class:`~scenerevis.env.SceneEnv` episode per request, keyed by the
  request's ``uuid`` (unique per generation); the requirement is the dataset column ``requirement`` (else
  the first user message).
- ``on_turn_end``: ``SceneEnv.step(reply)`` (parse, apply the tool calls, render, physics, feedback); the
  turn is scored (:mod:`scenerevis.train.swift_reward`) and recorded in ``rollout_infos["scenerevis"]``;
  the episode is done on ``terminate`` or at the turn cap, and its state is released then.
- ``step``: appends the next **user** turn, built by :func:`scenerevis.chat.user_message` exactly as at
  inference (``<image>``, requirement, feedback, current scene), adds its render to the request's images
  and returns the **full** image list as ``rollout_infos["images"]`` (ms-swift copies that list onto the
  training sample; without it the sample keeps only the dataset's images and the extra ``<image>`` tags
  go unmatched).

:class:`SceneReward` (an ``ORM``) reads the scores the scheduler recorded (never the token ids of earlier
assistant turns) and returns the trajectory reward. :func:`register` adds both to ms-swift's registries
under :data:`SCHEDULER_NAME` / :data:`REWARD_NAME`; ``--external_plugins scenerevis/train/swift_register.py``
does that at start-up.

Turns: ms-swift counts assistant turns from 1 (``--max_turns`` = all of them); the environment counts the
creation turn as 0 and caps the edit turns after it, so ``EnvConfig.max_turns = --max_turns - 1``.

Options come from environment variables (the scheduler is built by ms-swift with ``max_turns`` only),
see :class:`SwiftEnvSpec`. Renders are written under ``SCENEREVIS_SWIFT_WORKDIR/<uuid>/`` and kept for
inspection; ms-swift itself embeds ``rollout_infos["images"]`` as base64 when it closes a trajectory
(``RolloutOutput.mminfo_to_serializable``), so the training sample does not depend on the files.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from swift.rewards import ORM, orms
from swift.rollout.multi_turn import MultiTurnScheduler, multi_turns

from scenerevis.chat import IMAGE_TOKEN, TurnRecord, user_message
from scenerevis.env import EnvConfig, Observation, SceneEnv, StepInfo
from scenerevis.train.swift_reward import TurnScorer, load_scorer

log = logging.getLogger(__name__)

SCHEDULER_NAME = "scenerevis_scene_edit"
REWARD_NAME = "scenerevis_scene_reward"
#: key of our record inside ``rollout_infos``
INFO_KEY = "scenerevis"
#: when set, the reward appends one JSON line per training sample to this file (smoke runs, debugging)
SAMPLE_LOG_ENV = "SCENEREVIS_SWIFT_SAMPLE_LOG"


def _env_flag(value: str | None, default: bool) -> bool:
    if value is None or value == "":
        return default
    return value.strip().lower() in ("1", "true", "yes", "on")


def _size(value: str, name: str) -> tuple[int, int]:
    try:
        w, h = (int(v) for v in value.lower().split("x"))
    except ValueError:
        raise ValueError(f"{name}: expected WIDTHxHEIGHT in pixels, got {value!r}") from None
    return w, h


@dataclass
class SwiftEnvSpec:
    """How the scheduler builds its environment (read from ``SCENEREVIS_SWIFT_*`` environment variables).

    Attributes
    ----------
    workdir : str or None
        ``SCENEREVIS_SWIFT_WORKDIR``: renders go to ``workdir/<request uuid>/merged_iter_<turn>.png``
        (None: a new temporary folder, kept for the run).
    renderer : str
        ``SCENEREVIS_SWIFT_RENDERER``: ``gl`` (pyrender, default), ``blender``, or ``none`` (no images).
    resolution : int
        ``SCENEREVIS_SWIFT_RESOLUTION``: pixels of each view (default 512).
    merged_size : tuple or None
        ``SCENEREVIS_SWIFT_MERGED_SIZE`` ``WxH``: the merged image in pixels (None: the renderer's default).
    resolver : str or None
        ``SCENEREVIS_SWIFT_RESOLVER``: mesh source for physics and renders (``auto`` default; ``none`` = boxes).
    physics_feedback : bool
        ``SCENEREVIS_SWIFT_PHYSICS_FEEDBACK``: physics text in each user turn (default on, as at inference).
    reward_config : str or None
        ``SCENEREVIS_REWARD_CONFIG``: the reward weights file (None: the reward module's defaults).
    extra_render : dict
        Further :class:`~scenerevis.render.RenderConfig` fields (code only, e.g. ``{"engine": "workbench"}``).
    """

    workdir: str | None = None
    renderer: str = "gl"
    resolution: int = 512
    merged_size: tuple[int, int] | None = None
    resolver: str | None = "auto"
    physics_feedback: bool = True
    reward_config: str | None = None
    extra_render: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.renderer not in ("gl", "blender", "none"):
            raise ValueError(f"SCENEREVIS_SWIFT_RENDERER: expected gl, blender or none, got {self.renderer!r}")

    @classmethod
    def from_environ(cls, environ: dict[str, str] | None = None) -> SwiftEnvSpec:
        """The spec the ``SCENEREVIS_SWIFT_*`` / ``SCENEREVIS_REWARD_CONFIG`` variables describe."""
        env = os.environ if environ is None else environ
        size = env.get("SCENEREVIS_SWIFT_MERGED_SIZE")
        resolver = env.get("SCENEREVIS_SWIFT_RESOLVER", "auto")
        res = env.get("SCENEREVIS_SWIFT_RESOLUTION", "512")
        if not res.isdigit():
            raise ValueError(f"SCENEREVIS_SWIFT_RESOLUTION: expected pixels, got {res!r}")
        return cls(
            workdir=env.get("SCENEREVIS_SWIFT_WORKDIR") or None,
            renderer=env.get("SCENEREVIS_SWIFT_RENDERER", "gl"),
            resolution=int(res),
            merged_size=_size(size, "SCENEREVIS_SWIFT_MERGED_SIZE") if size else None,
            resolver=None if resolver in ("", "none") else resolver,
            physics_feedback=_env_flag(env.get("SCENEREVIS_SWIFT_PHYSICS_FEEDBACK"), True),
            reward_config=env.get("SCENEREVIS_REWARD_CONFIG") or None,
        )

    def build_parts(self) -> SceneEnv:
        """A SceneEnv holding the warm parts (renderer, resolver) that every episode shares."""
        from scenerevis.loop.factory import RunSpec, build_env

        render = None
        if self.renderer != "none":
            from scenerevis.render import RenderConfig

            opts: dict[str, Any] = {"renderer": self.renderer, "resolution": self.resolution, **self.extra_render}
            if self.merged_size is not None:
                opts["merged_size"] = self.merged_size
            render = RenderConfig(**opts)
        return build_env(RunSpec(render=render, resolver_source=self.resolver))


@dataclass
class Episode:
    """One trajectory's state: its environment, the last observation and the per-turn record."""

    env: SceneEnv
    requirement: str
    obs: Observation
    images: list[str]
    turns: list[dict[str, Any]] = field(default_factory=list)
    turn_scores: list[float] = field(default_factory=list)
    final_scene: dict[str, Any] | None = None
    end: str | None = None  # "terminate" | "turn_cap" once the episode is over

    def record(self) -> dict[str, Any]:
        """The JSON-ready record the reward reads (``rollout_infos["scenerevis"]``)."""
        return {
            "requirement": self.requirement,
            "turns": list(self.turns),
            "turn_scores": list(self.turn_scores),
            "final_scene": self.final_scene,
            "end": self.end,
        }


def _turn_summary(info: StepInfo, score: float, components: dict[str, float]) -> dict[str, Any]:
    keep = ("turn", "kind", "errors", "results", "metrics", "image", "render_error", "terminated", "truncated")
    d = {k: getattr(info, k) for k in keep}
    d["errors"], d["results"], d["metrics"] = list(d["errors"]), list(d["results"]), dict(d["metrics"])
    d.update(score=float(score), components=dict(components))
    return d


def _requirement(request: Any) -> str:
    data = getattr(request, "data_dict", None) or {}
    text = data.get("requirement")
    if isinstance(text, str) and text.strip():
        return text
    for msg in request.messages:
        if msg.get("role") == "user" and isinstance(msg.get("content"), str):
            return msg["content"]
    raise ValueError(f"request {request.uuid}: no 'requirement' column and no text user message")


class SceneEditScheduler(MultiTurnScheduler):
    """ms-swift multi-turn scheduler driving one :class:`SceneEnv` episode per request (see module doc).

    ``spec`` and ``scorer`` default to :meth:`SwiftEnvSpec.from_environ` and
    :func:`~scenerevis.train.swift_reward.load_scorer`; ``parts`` (a SceneEnv whose renderer, resolver,
    retriever and physics the episodes share) defaults to ``spec.build_parts()``, built on first use.
    """

    def __init__(
        self,
        infer_engine: Any = None,
        max_turns: int | None = None,
        *args: Any,
        spec: SwiftEnvSpec | None = None,
        scorer: TurnScorer | None = None,
        parts: SceneEnv | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(infer_engine, max_turns, *args, **kwargs)
        self.spec = spec or SwiftEnvSpec.from_environ()
        self.scorer = scorer or load_scorer(self.spec.reward_config)
        self._parts = parts
        self._workdir: Path | None = None
        #: live episodes by request uuid; an entry is dropped when its episode ends
        self.episodes: dict[str, Episode] = {}

    # ------------------------------------------------------------------ environment
    @property
    def parts(self) -> SceneEnv:
        if self._parts is None:
            self._parts = self.spec.build_parts()
        return self._parts

    @property
    def workdir(self) -> Path:
        if self._workdir is None:
            root = self.spec.workdir or tempfile.mkdtemp(prefix="scenerevis-swift-")
            self._workdir = Path(root)
            self._workdir.mkdir(parents=True, exist_ok=True)
        return self._workdir

    def env_config(self) -> EnvConfig:
        """Edit-turn cap = ms-swift's ``max_turns`` minus the creation turn (10 edit turns when unset)."""
        edit_turns = max(int(self.max_turns) - 1, 0) if self.max_turns else 10
        render = self.spec.renderer != "none"
        return EnvConfig(max_turns=edit_turns, render=render, enable_physics_feedback=self.spec.physics_feedback)

    def start_episode(self, request: Any) -> Episode:
        """Reset a new environment for ``request`` (keyed by its uuid) at the creation turn."""
        if not request.uuid:
            raise ValueError("SceneEditScheduler: the request has no uuid (needed to key the episode)")
        p = self.parts
        env = SceneEnv(
            retriever=p.retriever,
            renderer=p.renderer,
            resolver=p.resolver,
            physics=p.physics,
            optimizer=p.optimizer,
            judge=p.judge,
            config=self.env_config(),
        )
        requirement = _requirement(request)
        obs = env.reset(requirement, workdir=self.workdir / str(request.uuid))
        ep = Episode(env=env, requirement=requirement, obs=obs, images=list(request.images or []))
        self.episodes[request.uuid] = ep
        return ep

    def release(self, uuid: str) -> None:
        """Forget the episode of ``uuid`` (its renders stay on disk)."""
        self.episodes.pop(uuid, None)

    # ------------------------------------------------------------------ ms-swift hooks
    async def on_trajectory_start(self, requests: list[Any]) -> None:
        for request in requests:
            self.start_episode(request)

    async def on_turn_end(self, infer_request: Any, response_choice: Any, current_turn: int) -> dict[str, Any]:
        ep = self.episodes.get(infer_request.uuid) or self.start_episode(infer_request)
        reply = response_choice.message.content
        obs, info = ep.env.step(reply if isinstance(reply, str) else "")
        result = self.scorer.score(ep.env.scene, info, ep.requirement)
        ep.obs = obs
        ep.turn_scores.append(float(result.total))
        ep.turns.append(_turn_summary(info, result.total, result.components))
        capped = bool(self.max_turns) and current_turn >= int(self.max_turns)
        done = info.done or capped
        if done:
            from scenerevis.scene.formats import scene_to_flat

            ep.end = "terminate" if info.terminated else "turn_cap"
            ep.final_scene = scene_to_flat(ep.env.scene) if ep.env.scene is not None else None
            self.release(infer_request.uuid)
        return {"done": done, "rollout_infos": {"images": list(ep.images), INFO_KEY: ep.record()}}

    def check_finished(self, infer_request: Any, response_choice: Any, current_turn: int) -> bool:
        """Only the turn cap (``on_turn_end`` decides; a reply cut at the length limit is just a bad turn)."""
        return bool(self.max_turns) and current_turn >= int(self.max_turns)

    def step(self, infer_request: Any, response_choice: Any, current_turn: int) -> dict[str, Any]:
        ep = self.episodes[infer_request.uuid]
        obs = ep.obs
        scene = None
        if obs.scene is not None:
            from scenerevis.scene.formats import scene_to_flat

            scene = scene_to_flat(obs.scene)
        record = TurnRecord(turn=obs.turn, scene=scene, image=obs.image_path, feedback=obs.feedback)
        msg = user_message(ep.requirement, record)
        infer_request.messages.append({"role": "user", "content": msg.text})
        ep.images = list(infer_request.images or []) + list(msg.images)
        infer_request.images = list(ep.images)
        return {"infer_request": infer_request, "rollout_infos": {"images": list(ep.images), INFO_KEY: ep.record()}}


class SceneReward(ORM):
    """GRPO reward: the trajectory reward of the turn scores the scheduler recorded in ``rollout_infos``."""

    def __init__(self, args: Any = None, scorer: TurnScorer | None = None, **kwargs: Any) -> None:
        super().__init__(args, **kwargs)
        self.scorer = scorer or load_scorer(os.environ.get("SCENEREVIS_REWARD_CONFIG") or None)

    def __call__(self, completions: list[Any], rollout_infos: list[dict] | None = None, **kwargs: Any) -> list[float]:
        if rollout_infos is None or len(rollout_infos) != len(completions):
            raise ValueError(
                f"{REWARD_NAME}: needs one rollout_infos per completion (got "
                f"{None if rollout_infos is None else len(rollout_infos)} for {len(completions)}); "
                f"run with --multi_turn_scheduler {SCHEDULER_NAME}"
            )
        out = []
        for i, infos in enumerate(rollout_infos):
            rec = (infos or {}).get(INFO_KEY)
            if rec is None:
                raise ValueError(f"{REWARD_NAME}: rollout_infos[{i}] has no {INFO_KEY!r} record (keys {sorted(infos or {})})")
            num_turns = int(infos.get("num_turns", len(rec["turn_scores"])))
            out.append(float(self.scorer.trajectory([float(s) for s in rec["turn_scores"]], num_turns)))
        log_path = os.environ.get(SAMPLE_LOG_ENV)
        if log_path:
            _log_samples(log_path, out, rollout_infos, kwargs)
        return out


def _log_samples(path: str, rewards: list[float], rollout_infos: list[dict], kwargs: dict[str, Any]) -> None:
    """Append one JSON line per training sample: turns, images it carries, ``<image>`` tags, reward."""
    messages = kwargs.get("messages") or [[] for _ in rewards]
    images = kwargs.get("images") or [[] for _ in rewards]
    ids = kwargs.get("request_id") or [None for _ in rewards]
    with open(path, "a", encoding="utf-8") as f:
        for reward, infos, msgs, imgs, rid in zip(rewards, rollout_infos, messages, images, ids):
            tags = sum(
                m["content"].count(IMAGE_TOKEN) for m in msgs if m.get("role") == "user" and isinstance(m.get("content"), str)
            )
            line = {
                "request_id": rid,
                "num_turns": int(infos.get("num_turns", 0)),
                "images": len(imgs or []),
                "image_tags": tags,
                "end": infos[INFO_KEY].get("end"),
                "turn_scores": infos[INFO_KEY]["turn_scores"],
                "reward": reward,
            }
            f.write(json.dumps(line) + "\n")


def register() -> None:
    """Add the scheduler and the reward to ms-swift's ``multi_turns`` / ``orms`` registries, and the
    tokenizer-id template of tiny test checkpoints (:mod:`scenerevis.train.swift_tiny`)."""
    from scenerevis.train.swift_tiny import register_tiny_template

    multi_turns[SCHEDULER_NAME] = SceneEditScheduler
    orms[REWARD_NAME] = SceneReward
    register_tiny_template()
