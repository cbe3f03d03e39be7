"""cli.py: the command line of infer.py: one prompt or a batch of prompts through the episode loop."""

from __future__ import annotations

import logging
import os
import sys
from argparse import SUPPRESS
from dataclasses import dataclass
from typing import Any, Literal

from scenerevis.cli_args import EXIT_INTERRUPTED, UsageError, run_cli


@dataclass
class RunOptions:
    """What to run and where (the top level of ``infer.py``'s options)."""

    prompt: str | None = None  # one room request
    batch_mode: bool = False  # run every line of --prompts-file
    prompts_file: str | None = None  # one prompt per line (a line may embed a <current_scene> block)
    max_prompts: int | None = None  # only the first N prompts of the file
    skip_existing: bool = False  # skip prompts already complete in --output
    scene: str | None = None  # initial scene JSON to refine (skips the creation turn)
    output: str = "outputs/infer"  # output folder
    workers: int = 1  # local worker processes (batch mode)
    ray_address: str | None = None  # 'local', 'auto' or ray://host:port to spread prompts over Ray
    quiet: bool = False  # no progress bar, warnings only
    debug: bool = False  # full tracebacks instead of one-line errors
    policy: str = "rule"  # one of rule (built-in designer, offline), openai, transformers, vllm, or package.module:Class
    model: str | None = None  # model name (openai) or local checkpoint path (transformers, vllm)
    policy_config: str | None = None  # JSON object of extra policy options


@dataclass
class ExtraEndpoint:
    """An extra OpenAI-compatible endpoint (judge, first-scene LLM); unset parts fall back to the policy's."""

    model: str | None = None  # model name (default: --policy.model)
    base_url: str | None = None  # endpoint (default: --endpoint.base_url)
    api_key_env: str | None = None  # variable holding its key (default: --endpoint.api_key_env)


ALIASES: dict[str, dict[str, list[str]]] = {
    "run": {
        "prompt": ["--prompt"],
        "scene": ["--scene"],
        "output": ["--output"],
        "quiet": ["--quiet"],
        "batch_mode": ["--batch-mode"],
        "prompts_file": ["--prompts-file"],
        "max_prompts": ["--max-prompts"],
        "skip_existing": ["--skip-existing"],
        "ray_address": ["--ray-address"],
        "workers": ["--workers", "--max-workers"],
        "policy": ["--policy"],
        "model": ["--model"],
        "policy_config": ["--policy-config"],
    },
    "chat": {
        "system_prompt_file": ["--system-prompt-file"],
        "max_history_turns": ["--max-history-turns"],
        "max_context_tokens": ["--max-context-tokens"],
        "temperature": ["--temperature"],
        "top_p": ["--top-p"],
        "max_new_tokens": ["--max-new-tokens"],
    },
    "endpoint": {
        "base_url": ["--base-url"],
        "api_key_env": ["--api-key-env"],
        "azure": ["--azure"],
        "azure_api_version": ["--azure-api-version"],
        "timeout_s": ["--timeout"],
        "max_retries": ["--max-retries"],
    },
    "loop": {
        "max_turns": ["--iterations"],
        "seed": ["--seed"],
        "room_prompt": ["--room-prompt"],
        "enable_physics_feedback": ["--enable-physics-feedback"],
        "enable_vlm_feedback": ["--enable-vlm-feedback"],
        "enable_physics_optimization": ["--enable-physics-optimization"],
        "physics_opt_steps": ["--physics-opt-steps"],
    },
    "retrieval": {
        "source": ["--asset-source"],
        "future_root": ["--models-path"],
        "future_metadata": ["--future-metadata"],
        "future_embeddings": ["--future-embeddings"],
        "objaverse_dir": ["--objaverse-dir"],
        "lam": ["--retrieval-lambda"],
        "sigma": ["--retrieval-sigma"],
        "mode": ["--retrieval-mode"],
        "top_k": ["--retrieval-top-k"],
        "top_p": ["--retrieval-top-p"],
    },
    "render": {"renderer": ["--renderer"], "engine": ["--engine"], "resolution": ["--resolution"]},
    "judge": {"model": ["--judge-model"], "base_url": ["--judge-base-url"], "api_key_env": ["--judge-api-key-env"]},
    "initial_llm": {"model": ["--gpt-model"], "base_url": ["--gpt-base-url"], "api_key_env": ["--gpt-api-key-env"]},
}


#: The only defaults of this CLI that differ from the config dataclasses' (tests/loop/test_cli.py checks the rest).
CLI_DEFAULTS: dict[str, dict[str, Any]] = {
    # the CLI picks the first configured real asset source (--models-path, --objaverse-dir), else the built-in catalog
    "retrieval": {"source": "auto"},
}


def build_parser():
    """The ``infer.py`` parser, generated from the config dataclasses (see :mod:`scenerevis.cli_args`)."""
    from jsonargparse import ActionConfigFile, ActionYesNo, ArgumentParser

    from scenerevis.assets.config import RetrievalConfig
    from scenerevis.cli_args import add_section
    from scenerevis.endpoints import EndpointConfig
    from scenerevis.loop.config import LoopConfig
    from scenerevis.physics.config import PhysicsConfig
    from scenerevis.policy.chat import ChatConfig
    from scenerevis.render.config import RenderConfig

    p = ArgumentParser(
        prog="infer.py",
        description="Text prompt -> furnished 3D room through the render -> evaluate -> revise loop. Every option "
        "is --<section>.<field> (also in a --config YAML with the same sections); the original SceneReVis "
        "spellings (--iterations, --batch-mode, ...) are aliases.",
        default_env=False,
    )
    p.add_argument("--config", action=ActionConfigFile, help="YAML file of options (sections as below)")
    sections = [
        ("run", RunOptions, "what to run", {}),
        ("chat", ChatConfig, "VLM policies: conversation and sampling", {"skip": ("system_prompt",)}),
        ("endpoint", EndpointConfig, "OpenAI-compatible endpoint of --policy openai", {"skip": ("model", "api_key")}),
        ("loop", LoopConfig, "the loop", {"skip": ("render",)}),
        ("retrieval", RetrievalConfig, "asset retrieval", {"skip": ("seed",), "defaults": CLI_DEFAULTS["retrieval"]}),
        (
            "render",
            RenderConfig,
            "rendering",
            {"skip": ("seed",), "types": {"renderer": Literal["blender", "gl", "none"]}},
        ),
        ("physics", PhysicsConfig, "physics checks", {"skip": ("seed",)}),
        ("judge", ExtraEndpoint, "VLM judge of --enable-vlm-feedback", {}),
        ("initial_llm", ExtraEndpoint, "first-scene LLM of --use-gpt-with-objects", {}),
    ]
    for name, cls, title, kw in sections:
        group = p.add_argument_group(title)
        add_section(p, cls, name, aliases=ALIASES.get(name), group=group, **kw)
        if name == "initial_llm":
            group.add_argument(
                "--use-gpt-with-objects",
                dest="initial_llm.use",
                action=ActionYesNo,
                default=False,
                help="an LLM writes the first scene (room + 5-10 objects), which is then refined",
            )
    p.add_argument("--no-enable-physics-feedback", dest="loop.enable_physics_feedback", action="store_false", help=SUPPRESS)
    return p


def _section(ns: Any, name: str) -> dict[str, Any]:
    return dict(vars(getattr(ns, name)))


def _extra_endpoint(args: Any, section: str) -> dict[str, Any]:
    """Options of an extra endpoint (judge, first-scene LLM); unset parts fall back to the policy's."""
    extra = _section(args, section)
    endpoint = _section(args, "endpoint")
    return {
        **endpoint,
        "model": extra["model"] or args.run.model,
        "base_url": extra["base_url"] or endpoint["base_url"],
        "api_key_env": extra["api_key_env"] or endpoint["api_key_env"],
    }


def _policy_config(args: Any) -> dict[str, Any]:
    import json

    try:
        extra = json.loads(args.run.policy_config) if args.run.policy_config else {}
    except json.JSONDecodeError as err:
        raise UsageError(f"--policy-config is not JSON: {err}") from None
    if not isinstance(extra, dict):
        raise UsageError("--policy-config must be a JSON object")
    name = args.run.policy
    if name not in ("openai", "transformers", "vllm"):
        return extra
    cfg: dict[str, Any] = _section(args, "chat")
    if name == "openai":
        if not args.run.model:
            raise UsageError("--policy openai needs --model")
        cfg.update(_section(args, "endpoint"), model=args.run.model)
    else:
        if not args.run.model:
            raise UsageError(f"--policy {name} needs --model PATH (a local checkpoint)")
        cfg["model_path"] = args.run.model
    return {**cfg, **extra}


def build_spec(args: Any):
    """The :class:`~scenerevis.loop.factory.RunSpec` of parsed ``infer.py`` options."""
    from scenerevis.loop.config import LoopConfig
    from scenerevis.loop.factory import RunSpec
    from scenerevis.physics.config import PhysicsConfig

    renderer = args.render.renderer
    loop = LoopConfig(**_section(args, "loop"), render=renderer != "none")
    seed = loop.seed
    judge = None
    if loop.enable_vlm_feedback:
        judge = _extra_endpoint(args, "judge")
        if not judge["model"] or not judge["base_url"]:
            raise UsageError("--enable-vlm-feedback needs --judge-model and --judge-base-url (or --model/--base-url)")
    retrieval = None
    if args.retrieval.source != "none":
        from scenerevis.assets import RetrievalConfig

        r = _section(args, "retrieval")
        r["objaverse_dir"] = r["objaverse_dir"] or os.environ.get("OBJATHOR_ASSETS_BASE_DIR")
        r["cache_dir"] = r["cache_dir"] or os.environ.get("SCENEREVIS_CACHE_DIR")
        retrieval = RetrievalConfig(**r, seed=seed)
    render = None
    if renderer != "none":
        from scenerevis.render import RenderConfig

        render = RenderConfig(**_section(args, "render"), seed=seed)
    initial_llm = None
    llm = _section(args, "initial_llm")
    if llm.pop("use", False):
        initial_llm = _extra_endpoint(args, "initial_llm")
        if not initial_llm["model"]:
            raise UsageError("--use-gpt-with-objects needs --gpt-model (or --model)")
    return RunSpec(
        judge=judge,
        initial_llm=initial_llm,
        policy=args.run.policy,
        policy_config=_policy_config(args),
        loop=loop,
        physics=PhysicsConfig(**_section(args, "physics")),
        retrieval=retrieval,
        render=render,
        resolver_source=None if args.retrieval.source == "none" else "auto",
    )


def main(argv: list[str] | None = None) -> int:
    """``infer.py``: exit 0 when every prompt completed, 1 when any failed, 2 for a usage error, 130 when interrupted."""
    ns = build_parser().parse_args(argv)
    return run_cli(lambda: _main(ns), debug=ns.run.debug)


def _main(ns: Any) -> int:
    args = ns.run
    logging.basicConfig(
        level=logging.WARNING if args.quiet else logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("PYOPENGL_PLATFORM", "egl")
    from scenerevis.fileio import check_output_dir, read_prompts
    from scenerevis.loop.batch import BatchInterrupted, BatchOptions, run_batch

    if args.batch_mode:
        if not args.prompts_file:
            raise UsageError("--batch-mode needs --prompts-file")
        prompts = read_prompts(args.prompts_file, args.max_prompts)
    elif args.prompt:
        if not args.prompt.strip():
            raise UsageError("--prompt is empty")
        prompts = [args.prompt]
    else:
        raise UsageError("give --prompt TEXT or --batch-mode --prompts-file FILE")
    if args.scene:
        import json

        from scenerevis.scene.formats import load_scene, scene_to_flat

        block = json.dumps(scene_to_flat(load_scene(args.scene)))
        prompts = [f"{p} <current_scene>{block}</current_scene>" for p in prompts]
    spec = build_spec(ns)
    out = check_output_dir(args.output)
    opts = BatchOptions(
        workers=args.workers, skip_existing=args.skip_existing, ray_address=args.ray_address, progress=not args.quiet
    )
    try:
        summary = run_batch(prompts, spec, out, opts)
    except BatchInterrupted as stop:
        print(stop, file=sys.stderr)
        return EXIT_INTERRUPTED
    print(
        f"{summary['num_completed']}/{summary['num_prompts']} prompts done in {out}: "
        f"CNR {summary['mean_collision_rate'] or 0:.2f}%  OBR {summary['mean_oob_rate'] or 0:.2f}%  "
        f"objects {summary['mean_num_objects'] or 0:.1f}  turns {summary['mean_turns'] or 0:.1f}"
    )
    for i, err in summary["failed"].items():
        print(f"FAILED prompt {i}: {err}", file=sys.stderr)
    if len(prompts) == 1 and summary["num_completed"] == 1:
        print(f"report: {out / 'prompt_0' / 'report.html'}")
    complete = not summary["failed"] and summary["num_completed"] == summary["num_prompts"]
    return 0 if complete else 1
