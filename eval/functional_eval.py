"""Functional metrics (navigability, accessibility, passages, support, essentials) of a folder of scenes; see `--help`."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    from scenerevis.eval.functional import FunctionalConfig
    from scenerevis.eval.functional_batch import FunctionalBatchConfig, evaluate_functional_folder
    from scenerevis.eval.importers import SCENE_FORMATS
    from scenerevis.fileio import atomic_write_json

    d = FunctionalConfig()
    p = argparse.ArgumentParser(description="Functional metrics without a VLM of a folder of scenes (flat, grouped, ReSpace or box JSON).")
    p.add_argument("--scenes_dir", required=True, help="folder of scene JSON files")
    p.add_argument("--output_file", default="functional_results.json", help="JSON report path")
    p.add_argument("--format", default="auto", choices=SCENE_FORMATS, help="scene file flavour (auto detects box files too)")
    p.add_argument("--workers", type=int, default=1, help="worker processes")
    p.add_argument("--max_scenes", type=int, default=None, help="evaluate only the first N files")
    p.add_argument("--cell", type=float, default=d.cell, help="floor grid cell in metres")
    p.add_argument("--agent_radius", type=float, default=d.agent_radius, help="walking agent radius in metres")
    p.add_argument("--min_walkway_width", type=float, default=d.min_walkway_width, help="narrowest walkway in metres")
    p.add_argument("--overhead_clearance", type=float, default=d.overhead_clearance, help="objects with bottom at/above this height (m) do not block walking")
    p.add_argument("--front_depth", type=float, default=d.front_depth, help="depth (m) of the strip in front of an object that must be reachable")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    args = p.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(message)s")
    try:
        metrics = FunctionalConfig(
            cell=args.cell,
            agent_radius=args.agent_radius,
            min_walkway_width=args.min_walkway_width,
            overhead_clearance=args.overhead_clearance,
            front_depth=args.front_depth,
        )
        config = FunctionalBatchConfig(args.format, args.workers, args.max_scenes, metrics, progress=not args.quiet)
        report = evaluate_functional_folder(args.scenes_dir, config)
    except (FileNotFoundError, ValueError) as err:
        raise SystemExit(f"error: {err}") from None
    out = Path(args.output_file)
    atomic_write_json(out, report)
    s = report["summary"]
    if s["num_scenes"]:
        fmt = lambda v, spec: "n/a" if v is None else format(v, spec)  # noqa: E731
        print(
            f"{s['num_scenes']} scenes ({s['num_failed']} failed): navigability {fmt(s['navigability'], '.3f')}  "
            f"accessibility {fmt(s['accessibility'], '.3f')}  support {fmt(s['support_rate'], '.3f')}  "
            f"essentials {fmt(s['essentials_coverage'], '.3f')}  narrowest passage {fmt(s['min_passage_width'], '.2f')} m  "
            f"objects/scene {fmt(s['mean_num_objects'], '.1f')}"
        )
    else:
        print(f"no scene evaluated ({s['num_failed']} failed)")
    for name, why in report["failed"].items():
        print(f"FAILED {name}: {why}", file=sys.stderr)
    print(f"wrote {out}")
    return 0 if s["num_scenes"] or not s["num_failed"] else 1


if __name__ == "__main__":
    raise SystemExit(main())
