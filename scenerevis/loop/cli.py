"""cli.py: the command line of infer.py: one prompt or a batch of prompts through the episode loop."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path
from typing import Any

POLICIES = ("rule", "openai", "transformers", "vllm")


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        description="Text prompt -> furnished 3D room through the render -> evaluate -> revise loop.",
        formatter_class=argparse.ArgumentDefaultsHelpFormatter,
    )
    g = p.add_argument_group("what to run")
    g.add_argument("--prompt", help="one room request")
    g.add_argument("--batch-mode", action="store_true", help="run every line of --prompts-file")
    g.add_argument("--prompts-file", help="one prompt per line (a line may embed a <current_scene> block)")
    g.add_argument("--max-prompts", type=int, default=None, help="only the first N prompts of the file")
    g.add_argument("--skip-existing", action="store_true", help="skip prompts already complete in --output")
    g.add_argument("--scene", help="initial scene JSON to refine (skips the creation turn)")
    g.add_argument("--room-prompt", help="text for the creation turn instead of the prompt")
    g.add_argument("--output", default="outputs/infer", help="output folder")
    g.add_argument("--iterations", type=int, default=10, help="edit turns after the creation turn")
    g.add_argument("--seed", type=int, default=0, help="seed of the policy, retrieval sampling and cameras")
    g = p.add_argument_group("policy")
    g.add_argument(
        "--policy",
        default="rule",
        help=f"one of {', '.join(POLICIES)} (rule = built-in designer, offline) or package.module:Class",
    )
    g.add_argument("--policy-config", default=None, help="JSON object of extra policy options")
    g.add_argument("--model", help="model name (openai) or local checkpoint path (transformers, vllm)")
    g.add_argument("--base-url", help="OpenAI-compatible endpoint, e.g. http://localhost:8000/v1 (vllm serve)")
    g.add_argument("--api-key-env", default="OPENAI_API_KEY", help="name of the environment variable holding the key")
    g.add_argument("--azure", action="store_true", help="Azure OpenAI (--base-url is the Azure endpoint)")
    g.add_argument("--azure-api-version", default="2024-10-21")
    g.add_argument("--max-history-turns", type=int, default=None, help="edit turns kept in the model's context")
    g.add_argument("--max-context-tokens", type=int, default=None, help="estimated token budget of the context")
    g.add_argument("--system-prompt-file", help="exact system prompt a checkpoint was trained with")
    g.add_argument("--temperature", type=float, default=None)
    g.add_argument("--use-gpt-with-objects", action="store_true", help="an LLM writes the first scene (room + 5-10 objects)")
    g.add_argument("--gpt-model", help="model of that LLM (default: --model)")
    g.add_argument("--gpt-base-url", help="endpoint of that LLM (default: --base-url)")
    g.add_argument("--gpt-api-key-env", help="env var with that LLM's key (default: --api-key-env)")
    g = p.add_argument_group("environment")
    g.add_argument("--asset-source", default="auto", choices=["auto", "builtin", "3d-future", "objaverse", "none"])
    g.add_argument("--models-path", help="3D-FUTURE-model folder (<root>/<jid>/raw_model.glb|obj)")
    g.add_argument("--future-metadata", help="ReSpace model_info_3dfuture_assets.json")
    g.add_argument("--future-embeddings", help="ReSpace 3D-FUTURE embeddings pickle")
    g.add_argument("--objaverse-dir", default=None, help="objathor assets dir (default: $OBJATHOR_ASSETS_BASE_DIR)")
    g.add_argument("--renderer", default="blender", choices=["blender", "gl", "none"])
    g.add_argument("--engine", default="cycles", choices=["workbench", "cycles", "eevee"])
    g.add_argument("--resolution", type=int, default=512, help="pixels per view")
    g.add_argument("--enable-physics-feedback", action=argparse.BooleanOptionalAction, default=True)
    g.add_argument("--enable-vlm-feedback", action="store_true", help="VLM-judge scores of each render as feedback")
    g.add_argument("--judge-model", help="judge model (default: --model)")
    g.add_argument("--judge-base-url", help="judge endpoint (default: --base-url)")
    g.add_argument("--judge-api-key-env", help="env var with the judge's key (default: --api-key-env)")
    g.add_argument("--enable-physics-optimization", action="store_true", help="repair collisions/OOB after each turn")
    g.add_argument("--physics-opt-steps", type=int, default=3)
    g = p.add_argument_group("scale-out")
    g.add_argument("--workers", type=int, default=1, help="local worker processes (batch mode)")
    g.add_argument("--ray-address", help="'local', 'auto' or ray://host:port to spread prompts over Ray")
    g.add_argument("--quiet", action="store_true", help="no progress bar, warnings only")
    return p


def _secret(env_var: str):
    """The key in ``env_var`` wrapped so it never shows in a repr or log, or None."""
    from scenerevis.endpoints import Secret

    value = os.environ.get(env_var)
    return Secret(value) if value else None


def _endpoint(args: argparse.Namespace, model: str | None, base_url: str | None, key_env: str | None) -> dict[str, Any]:
    """Options of an extra OpenAI-compatible endpoint (judge, first-scene LLM); unset parts fall back to the policy's."""
    return {
        "model": model or args.model,
        "base_url": base_url or args.base_url,
        "azure": args.azure,
        "azure_api_version": args.azure_api_version,
        "api_key": _secret(key_env or args.api_key_env),
    }


def _policy_config(args: argparse.Namespace) -> dict[str, Any]:
    import json

    extra = json.loads(args.policy_config) if args.policy_config else {}
    if not isinstance(extra, dict):
        raise SystemExit("error: --policy-config must be a JSON object")
    if args.policy not in ("openai", "transformers", "vllm"):
        return extra
    cfg: dict[str, Any] = {
        "max_history_turns": args.max_history_turns,
        "max_context_tokens": args.max_context_tokens,
        "system_prompt_file": args.system_prompt_file,
    }
    if args.temperature is not None:
        cfg["temperature"] = args.temperature
    if args.policy == "openai":
        if not args.model:
            raise SystemExit("error: --policy openai needs --model")
        cfg.update(model=args.model, base_url=args.base_url, azure=args.azure, azure_api_version=args.azure_api_version)
        cfg["api_key"] = _secret(args.api_key_env)  # the key is read here, never logged
    else:
        if not args.model:
            raise SystemExit(f"error: --policy {args.policy} needs --model PATH (a local checkpoint)")
        cfg["model_path"] = args.model
    return {**{k: v for k, v in cfg.items() if v is not None}, **extra}


def build_spec(args: argparse.Namespace):
    from scenerevis.loop.config import LoopConfig
    from scenerevis.loop.factory import RunSpec

    loop = LoopConfig(
        max_turns=args.iterations,
        seed=args.seed,
        enable_physics_feedback=args.enable_physics_feedback,
        enable_vlm_feedback=args.enable_vlm_feedback,
        enable_physics_optimization=args.enable_physics_optimization,
        physics_opt_steps=args.physics_opt_steps,
        render=args.renderer != "none",
        room_prompt=args.room_prompt,
    )
    judge = None
    if args.enable_vlm_feedback:
        judge = _endpoint(args, args.judge_model, args.judge_base_url, args.judge_api_key_env)
        if not judge["model"] or not judge["base_url"]:
            raise SystemExit("error: --enable-vlm-feedback needs --judge-model and --judge-base-url (or --model/--base-url)")
    retrieval = None
    if args.asset_source != "none":
        from scenerevis.assets import RetrievalConfig

        retrieval = RetrievalConfig(
            source=args.asset_source,
            seed=args.seed,
            future_root=args.models_path,
            future_metadata=args.future_metadata,
            future_embeddings=args.future_embeddings,
            objaverse_dir=args.objaverse_dir or os.environ.get("OBJATHOR_ASSETS_BASE_DIR"),
            cache_dir=os.environ.get("SCENEREVIS_CACHE_DIR"),
        )
    render = None
    if args.renderer != "none":
        from scenerevis.render import RenderConfig

        render = RenderConfig(renderer=args.renderer, engine=args.engine, resolution=args.resolution, seed=args.seed)
    initial_llm = None
    if args.use_gpt_with_objects:
        initial_llm = _endpoint(args, args.gpt_model, args.gpt_base_url, args.gpt_api_key_env)
        if not initial_llm["model"]:
            raise SystemExit("error: --use-gpt-with-objects needs --gpt-model (or --model)")
    return RunSpec(
        judge=judge,
        initial_llm=initial_llm,
        policy=args.policy,
        policy_config=_policy_config(args),
        loop=loop,
        retrieval=retrieval,
        render=render,
        resolver_source=None if args.asset_source == "none" else "auto",
    )


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(
        level=logging.WARNING if args.quiet else logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("PYOPENGL_PLATFORM", "egl")
    from scenerevis.loop.batch import BatchOptions, read_prompts, run_batch

    if args.batch_mode:
        if not args.prompts_file:
            raise SystemExit("error: --batch-mode needs --prompts-file")
        prompts = read_prompts(args.prompts_file, args.max_prompts)
    elif args.prompt:
        prompts = [args.prompt]
    else:
        raise SystemExit("error: give --prompt TEXT or --batch-mode --prompts-file FILE")
    if args.scene:
        import json

        from scenerevis.scene.formats import load_scene, scene_to_flat

        block = json.dumps(scene_to_flat(load_scene(args.scene)))
        prompts = [f"{p} <current_scene>{block}</current_scene>" for p in prompts]
    try:
        spec = build_spec(args)
    except ValueError as err:
        raise SystemExit(f"error: {err}") from None
    opts = BatchOptions(
        workers=args.workers, skip_existing=args.skip_existing, ray_address=args.ray_address, progress=not args.quiet
    )
    summary = run_batch(prompts, spec, args.output, opts)
    out = Path(args.output)
    print(
        f"{summary['num_completed']}/{summary['num_prompts']} prompts done in {out}: "
        f"CNR {summary['mean_collision_rate'] or 0:.2f}%  OBR {summary['mean_oob_rate'] or 0:.2f}%  "
        f"objects {summary['mean_num_objects'] or 0:.1f}  turns {summary['mean_turns'] or 0:.1f}"
    )
    for i, err in summary["failed"].items():
        print(f"FAILED prompt {i}: {err}", file=sys.stderr)
    if len(prompts) == 1 and summary["num_completed"] == 1:
        print(f"report: {out / 'prompt_0' / 'report.html'}")
    return 0 if not summary["failed"] else 1
