"""__main__.py: command line ``python -m scenerevis.render SCENE.json --out DIR`` writing top/diag/merged PNGs (and scene.glb)."""

from __future__ import annotations

import argparse
import logging
import os
import sys


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="python -m scenerevis.render", description="Render a scene JSON to top.png, diag.png and merged.png."
    )
    p.add_argument("scene", help="flat or grouped scene JSON")
    p.add_argument("--out", required=True, help="output folder")
    p.add_argument("--renderer", default="blender", help="backend name: blender (bpy worker) or gl (pyrender/EGL)")
    p.add_argument("--engine", default="cycles", choices=["workbench", "cycles", "eevee"], help="Blender engine")
    p.add_argument("--device", default="auto", choices=["cpu", "gpu", "auto"], help="Cycles device")
    p.add_argument("--seed", type=int, default=0, help="picks the diagonal camera's corner")
    p.add_argument("--resolution", type=int, default=512, help="pixels per view side")
    p.add_argument("--samples", type=int, default=None, help="Cycles/EEVEE samples (default from RenderConfig)")
    p.add_argument("--overlays", nargs="*", default=[], help="any of: boxes arrows grid labels")
    p.add_argument("--assets", default=None, help="asset source: 'builtin' (scenerevis.assets) or a 3D-FUTURE-style folder")
    p.add_argument("--blender", default=None, help="full Blender binary (default: $BLENDER_EXECUTABLE, else the bpy module)")
    p.add_argument("--glb", action="store_true", help="also write DIR/scene.glb")
    p.add_argument("--timeout", type=float, default=180.0, help="seconds per Blender job")
    p.add_argument("--debug", action="store_true", help="full tracebacks instead of one-line errors")
    return p


def _resolver(spec: str | None):
    if spec is None:
        return None
    if spec == "builtin":
        from scenerevis.assets import get_resolver

        return get_resolver("builtin")
    from scenerevis.scene.placement import DirectoryResolver

    return DirectoryResolver(spec)


def main(argv: list[str] | None = None) -> int:
    """Exit 0 when rendered, 1 when the render failed, 2 for a bad scene file or output folder."""
    from scenerevis.cli_args import run_cli

    args = build_parser().parse_args(argv)
    return run_cli(lambda: _main(args), debug=args.debug)


def _main(args: argparse.Namespace) -> int:
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    os.environ.setdefault("PYOPENGL_PLATFORM", "egl")  # headless GL; must precede the first OpenGL import

    from scenerevis.fileio import check_output_dir
    from scenerevis.render import RenderConfig, SceneRenderer, export_scene_glb
    from scenerevis.scene import load_scene

    scene = load_scene(args.scene)
    check_output_dir(args.out)
    kwargs = {} if args.samples is None else {"samples": args.samples}
    config = RenderConfig(
        renderer=args.renderer,
        engine=args.engine,
        device=args.device,
        seed=args.seed,
        resolution=args.resolution,
        overlays=tuple(args.overlays),
        timeout_s=args.timeout,
        blender_executable=args.blender or os.environ.get("BLENDER_EXECUTABLE") or None,
        **kwargs,
    )
    resolver = _resolver(args.assets)
    with SceneRenderer(config, resolver) as renderer:
        result = renderer.render(scene)
    paths = result.save(args.out)
    if args.glb:
        paths["glb"] = export_scene_glb(scene, os.path.join(args.out, "scene.glb"), resolver, config)
    for name, path in paths.items():
        print(f"{name}: {path}")
    if not result.ok:
        print(f"render failed: {result.error}", file=sys.stderr)
        return 1
    print(f"rendered in {result.seconds:.2f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
