"""Training-data synthesis throughput: trajectories per minute with the GL and the Blender renderer.

Source scenes come from the built-in designer (made once, untimed, cached in the work folder); then
the same seeded chains are played through the environment with each renderer, ``--workers`` worker
processes each. GL is the baseline of the run: Blender is reported as a ratio to it.

    python bench/synth_bench.py [--scenes 4] [--chains 8] [--blender-chains 4] [--workers 2]
                                [--blender-engine cycles] [--skip-blender] [--work DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import tempfile
import time
from dataclasses import replace
from pathlib import Path

os.environ.setdefault("PYOPENGL_PLATFORM", "egl")


def run(cfg, n: int) -> tuple[float, int]:
    """Seconds to play ``n`` chains with ``cfg`` into a fresh folder, and the rows written."""
    from scenerevis.train.synth import synthesize

    out = Path(tempfile.mkdtemp(prefix=f"synth_bench_{cfg.renderer}_"))
    shutil.copytree(cfg.out / "sources", out / "sources")
    t = time.perf_counter()
    stats = synthesize(replace(cfg, out=out, limit=n))
    seconds = time.perf_counter() - t
    rows = sum(stats["rows"].values())
    shutil.rmtree(out, ignore_errors=True)
    return seconds, rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--scenes", type=int, default=4, help="designer source scenes")
    ap.add_argument("--chains", type=int, default=8, help="chains played with GL")
    ap.add_argument("--blender-chains", type=int, default=4, help="chains played with Blender")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--blender-engine", default=None, help="Blender engine (default: RenderConfig's)")
    ap.add_argument("--skip-blender", action="store_true")
    ap.add_argument("--work", type=Path, help="folder for the cached source scenes (default: a temp folder)")
    args = ap.parse_args()

    from scenerevis.train.synth import SynthConfig, load_sources

    work = args.work or Path(tempfile.mkdtemp(prefix="synth_bench_"))
    chains_per_scene = max(1, -(-max(args.chains, args.blender_chains) // args.scenes))
    cfg = SynthConfig(
        out=work, from_designer=args.scenes, chains_per_scene=chains_per_scene, workers=args.workers, progress=False
    )
    t = time.perf_counter()
    load_sources(cfg)
    print(f"designer sources: {args.scenes} scenes in {time.perf_counter() - t:.1f} s (untimed below)")

    results = {}
    gl_s, gl_rows = run(replace(cfg, renderer="gl"), args.chains)
    results["gl"] = {"chains": gl_rows, "seconds": round(gl_s, 1), "per_minute": round(60 * gl_rows / gl_s, 2)}
    print(f"gl      : {gl_rows} trajectories in {gl_s:.1f} s = {60 * gl_rows / gl_s:.2f} / min ({args.workers} workers)")
    if not args.skip_blender:
        b_s, b_rows = run(replace(cfg, renderer="blender", render_engine=args.blender_engine), args.blender_chains)
        per_min = 60 * b_rows / b_s
        results["blender"] = {"chains": b_rows, "seconds": round(b_s, 1), "per_minute": round(per_min, 2)}
        ratio = per_min / (60 * gl_rows / gl_s)
        print(f"blender : {b_rows} trajectories in {b_s:.1f} s = {per_min:.2f} / min; {ratio:.3f} x GL throughput")
        results["blender_over_gl"] = round(ratio, 3)
    print(json.dumps(results))
    if args.work is None:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
