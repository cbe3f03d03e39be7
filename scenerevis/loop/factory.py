"""factory.py: RunSpec, a picklable description of a run, and the builders of its policy and environment.

Worker processes and Ray actors receive a RunSpec and build their own warm policy, retriever,
renderer and resolver from it (nothing heavy crosses process boundaries).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from scenerevis.env import SceneEnv
from scenerevis.loop.config import LoopConfig
from scenerevis.physics.config import PhysicsConfig


@dataclass
class RunSpec:
    """Everything needed to run episodes, as plain data."""

    policy: str = "rule"  # policy backend name (scenerevis.policy registry)
    policy_config: dict[str, Any] = field(default_factory=dict)  # keyword options of that backend
    loop: LoopConfig = field(default_factory=LoopConfig)
    physics: PhysicsConfig = field(default_factory=PhysicsConfig)
    retrieval: Any = None  # scenerevis.assets.RetrievalConfig, or None for no retrieval (boxes)
    render: Any = None  # scenerevis.render.RenderConfig, or None for no rendering
    resolver_source: str | None = "auto"  # mesh resolver for physics/rendering; None = boxes
    # --use-gpt-with-objects: EndpointConfig keyword options (model, base_url, api_key, azure) of the
    # LLM that writes each prompt's first scene; None = the policy creates the empty room
    initial_llm: dict[str, Any] | None = None
    # --enable-vlm-feedback: JudgeConfig keyword options (model, base_url, api_key, azure) of the judge
    judge: dict[str, Any] | None = None


def build_policy(spec: RunSpec):
    """The policy named in ``spec``: a registered name, or ``"package.module:Class"`` for a user's own
    policy class (built with ``policy_config`` as keyword arguments). Heavy backends load models here."""
    if ":" in spec.policy:
        import importlib

        module, _, cls = spec.policy.partition(":")
        return getattr(importlib.import_module(module), cls)(**spec.policy_config)
    from scenerevis.policy import make_policy

    return make_policy(spec.policy, **spec.policy_config)


def build_env(spec: RunSpec) -> SceneEnv:
    """Retriever, renderer, resolver, physics config and repair optimizer for ``spec``."""
    retriever = resolver = renderer = None
    if spec.retrieval is not None:
        from scenerevis.assets import Retriever

        retriever = Retriever(spec.retrieval)
    if spec.resolver_source is not None:
        from scenerevis.assets import get_resolver

        paths = {}
        if spec.retrieval is not None:
            r = spec.retrieval
            paths = dict(
                cache_dir=r.cache_dir,
                future_root=r.future_root,
                future_metadata_scaled=r.future_metadata_scaled,
                objaverse_dir=r.objaverse_dir,
                objaverse_glb_dir=r.objaverse_glb_dir,
                best_effort=True,
            )
        resolver = get_resolver(spec.resolver_source, **paths)
    if spec.render is not None:
        from scenerevis.render import SceneRenderer

        renderer = SceneRenderer(spec.render, resolver)
    judge = None
    if spec.judge:
        from scenerevis.judge.judge import Judge, JudgeConfig

        judge = Judge(JudgeConfig(**spec.judge)).feedback
    return SceneEnv(
        retriever=retriever, renderer=renderer, resolver=resolver, physics=spec.physics, optimizer=_optimizer(), judge=judge
    )


def _optimizer():
    """The physics repair of the built-in designer."""
    from scenerevis.loop.optimize import physics_optimizer

    return physics_optimizer


def build_initial_llm(spec: RunSpec):
    """``(client, model)`` of the first-scene LLM, or None."""
    if not spec.initial_llm:
        return None
    from scenerevis.endpoints import EndpointConfig, build_client

    cfg = EndpointConfig(**spec.initial_llm)
    return build_client(cfg), cfg.model
