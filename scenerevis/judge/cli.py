"""cli.py: the command line of eval/vlm_scene_eval.py (VLM-judge scores of a folder of scenes)."""

from __future__ import annotations

import argparse
import logging
import os
from pathlib import Path

from scenerevis.cli_args import UsageError, run_cli
from scenerevis.fileio import check_output_file, read_prompts


def build_parser() -> argparse.ArgumentParser:
    from scenerevis.endpoints import EndpointConfig

    d = EndpointConfig(model="-")
    p = argparse.ArgumentParser(
        description="VLM-judge scores (rationality, spatial layout, accessibility; 1-10) of final renders."
    )
    p.add_argument("--render-dir", help="folder of prompt_{i}_final_render.png")
    p.add_argument("--json-dir", help="folder of prompt_{i}_final_scene.json (metadata, caps; rendered when no PNG)")
    p.add_argument("--prompts-file", help="line i is the request of prompt_{i}")
    p.add_argument("--output", default="vlm_eval_results.json", help="JSON report (rewritten after every scene)")
    p.add_argument("--max-scenes", type=int, default=None)
    p.add_argument("--max-workers", type=int, default=4, help="scenes judged concurrently")
    p.add_argument("--resume", action="store_true", help="keep answered scenes of an existing --output")
    p.add_argument("--base-url", help="OpenAI-compatible endpoint, e.g. http://localhost:8000/v1")
    p.add_argument("--model", required=True, help="served model name / Azure deployment")
    p.add_argument("--api-key-env", default=d.api_key_env, help="environment variable holding the key")
    p.add_argument("--azure", action="store_true", help="Azure OpenAI; --base-url is the Azure endpoint (key or Entra ID)")
    p.add_argument("--azure-api-version", default=d.azure_api_version)
    p.add_argument("--renderer", default="blender", choices=["blender", "gl"], help="for scenes given only as JSON")
    p.add_argument("--timeout", type=float, default=d.timeout_s, help="seconds one HTTP attempt may take")
    p.add_argument("--max-retries", type=int, default=d.max_retries, help="retries of a failed request (429, 5xx, bad body)")
    p.add_argument("--quiet", action="store_true")
    p.add_argument("--debug", action="store_true", help="full tracebacks instead of one-line errors")
    return p


def main(argv: list[str] | None = None) -> int:
    """Exit 0 when every question of every scene was answered, 1 when any failed, 2 for a usage error."""
    args = build_parser().parse_args(argv)
    return run_cli(lambda: _main(args), debug=args.debug)


def _main(args: argparse.Namespace) -> int:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    if not args.render_dir and not args.json_dir:
        raise UsageError("give --render-dir and/or --json-dir")
    check_output_file(args.output)
    from scenerevis.judge.batch import find_items, judge_items, render_missing
    from scenerevis.judge.judge import Judge, JudgeConfig

    prompts = read_prompts(args.prompts_file) if args.prompts_file else None
    items = find_items(args.render_dir, args.json_dir, prompts, args.max_scenes)
    if not items:
        raise UsageError(f"no scenes found in {args.render_dir or args.json_dir}")
    config = JudgeConfig(
        model=args.model,
        base_url=args.base_url,
        azure=args.azure,
        azure_api_version=args.azure_api_version,
        api_key_env=args.api_key_env,
        timeout_s=args.timeout,
        max_retries=args.max_retries,
    )
    if any(it.render is None for it in items):
        os.environ.setdefault("PYOPENGL_PLATFORM", "egl")
        from scenerevis.render import RenderConfig

        render_missing(items, Path(args.output).parent / "judge_renders", RenderConfig(renderer=args.renderer))
    report = judge_items(
        items, Judge(config), args.output, resume=args.resume, max_workers=args.max_workers, progress=not args.quiet
    )
    s = report["summary"]
    for d in config.dimensions:
        m = s[d]
        mean = f"{m['mean']:.2f} ± {m['std']:.2f}" if m["mean"] is not None else "n/a"
        print(f"{d:15s} {mean}  (n={m['n']}, flagged {m['flagged']})")
    print(f"{s['num_scenes']} scenes judged, {s['num_failed']} failed -> {args.output}")
    flagged = sum(s[d]["flagged"] for d in config.dimensions)
    return 0 if not s["num_failed"] and not flagged else 1
