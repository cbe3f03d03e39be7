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
import resource
import shutil
import tempfile
import time
from dataclasses import replace
from pathlib import Path

os.environ.setdefault("PYOPENGL_PLATFORM", "egl")


def _cpu() -> float:
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def run(cfg, n: int) -> tuple[float, float, int]:
    """Wall seconds and CPU seconds (this process and its finished workers) to play ``n`` chains
    with ``cfg`` into a fresh folder, and the rows written."""
    from scenerevis.train.synth import synthesize

    out = Path(tempfile.mkdtemp(prefix=f"synth_bench_{cfg.renderer}_"))
    shutil.copytree(cfg.out / "sources", out / "sources")
    t, c = time.perf_counter(), _cpu()
    stats = synthesize(replace(cfg, out=out, limit=n))
    seconds, cpu = time.perf_counter() - t, _cpu() - c
    rows = sum(stats["rows"].values())
    shutil.rmtree(out, ignore_errors=True)
    return seconds, cpu, rows


def _report(name: str, seconds: float, cpu: float, rows: int, workers: int) -> dict:
    per_min = 60 * rows / seconds
    idle = 60 * workers * rows / cpu  # what `workers` otherwise idle cores would give
    print(
        f"{name:8s}: {rows} trajectories in {seconds:.1f} s wall = {per_min:.2f} / min ({workers} workers, load {os.getloadavg()[0]:.1f}); "
        f"{cpu / rows:.1f} CPU-s each -> {idle:.1f} / min on {workers} idle cores"
    )
    return {
        "chains": rows,
        "seconds": round(seconds, 1),
        "per_minute": round(per_min, 2),
        "cpu_s_per_chain": round(cpu / rows, 2),
        "per_minute_idle_cores": round(idle, 2),
    }


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

    results = {"gl": _report("gl", *run(replace(cfg, renderer="gl"), args.chains), args.workers)}
    if not args.skip_blender:
        b_cfg = replace(cfg, renderer="blender", render_engine=args.blender_engine)
        results["blender"] = _report("blender", *run(b_cfg, args.blender_chains), args.workers)
        ratio = results["blender"]["cpu_s_per_chain"] / results["gl"]["cpu_s_per_chain"]
        print(f"blender costs {ratio:.2f} x the CPU of GL per trajectory (baseline: GL, same run)")
        results["blender_cpu_over_gl"] = round(ratio, 3)
    print(json.dumps(results))
    if args.work is None:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
