"""cli.py: command lines of the folder evaluators (eval/myeval.py, eval/voxel_eval.py and eval/functional_eval.py call these)."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from scenerevis.cli_args import UsageError, run_cli
from scenerevis.eval.importers import IMPORT_FORMATS as FORMATS
from scenerevis.fileio import check_output_file
from scenerevis.physics.config import PhysicsConfig


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--scenes_dir", required=True, help="folder of scene JSON files (flat, grouped or ReSpace)")
    parser.add_argument(
        "--models_path",
        default=None,
        help="asset meshes as <root>/<jid>/raw_model.glb|obj (3D-FUTURE layout); read only. "
        "Without it, or for ids not found there, objects are evaluated as boxes of their size",
    )
    parser.add_argument(
        "--format",
        default="auto",
        choices=FORMATS,
        help="scene file flavour (auto: each file's own; holodeck / 3dfront files must hold one room, else convert them)",
    )
    parser.add_argument("--workers", type=int, default=1, help="worker processes")
    parser.add_argument("--max_scenes", type=int, default=None, help="evaluate only the first N files")
    parser.add_argument("--seed", type=int, default=PhysicsConfig().seed, help="surface-sampling seed")
    parser.add_argument(
        "--count-rugs", action="store_true", help="let rugs/mats (<= 3 cm tall, on the floor) take part in collisions"
    )
    parser.add_argument("--quiet", action="store_true", help="no progress bar")
    parser.add_argument("--debug", action="store_true", help="full tracebacks instead of one-line errors")


def _check_output(out: Path, models_path: str | None) -> None:
    """Refuse an output inside the dataset folder, then make sure the output can be written (before any work)."""
    if models_path:
        models = Path(models_path).resolve()
        target = out.resolve()
        if target == models or models in target.parents:
            raise UsageError(f"output {out} is inside --models_path {models_path}; refusing to write there")
    check_output_file(out)


def _run(args: argparse.Namespace, kind: str, out_file: Path) -> dict:
    from scenerevis.eval.batch import BatchConfig, evaluate_folder
    from scenerevis.fileio import atomic_write_json

    _check_output(out_file, args.models_path)
    physics = PhysicsConfig(
        seed=args.seed,
        ignore_floor_coverings=not args.count_rugs,
        voxel_pitch=getattr(args, "voxel_size", PhysicsConfig().voxel_pitch),
        voxel_compat=getattr(args, "compat", PhysicsConfig().voxel_compat),
    )
    try:
        config = BatchConfig(
            kind=kind,
            models_path=args.models_path,
            scene_format=args.format,
            workers=args.workers,
            max_scenes=args.max_scenes,
            physics=physics,
            progress=not args.quiet,
        )
        report = evaluate_folder(args.scenes_dir, config)
    except (FileNotFoundError, ValueError) as err:
        raise UsageError(str(err)) from None
    if not report["summary"]["num_scenes"] and not report["summary"]["num_failed"]:
        raise UsageError(f"{args.scenes_dir}: no scene files (*.json) found")
    atomic_write_json(out_file, report)
    return report


def _finish(report: dict, out: Path, line: str) -> int:
    """Print the summary line, the failed scenes and the output path; exit code 1 when any scene failed or none was found."""
    s = report["summary"]
    print(line if s["num_scenes"] else f"no scene evaluated ({s['num_failed']} failed)")
    for name, why in report["failed"].items():
        print(f"FAILED {name}: {why}", file=sys.stderr)
    print(f"wrote {out}")
    return 0 if s["num_scenes"] and not s["num_failed"] else 1


def myeval_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description="Collision (CNR) and out-of-bounds (OBR) rates of a folder of scenes.")
    _common(parser)
    parser.add_argument(
        "--output", "--output_dir", dest="output_dir", default="eval_output", help="writes evaluation_results.json here"
    )
    return parser


def myeval_main(argv: list[str] | None = None) -> int:
    """Mesh physics (CNR/OBR) of a folder -> ``<output_dir>/evaluation_results.json``."""
    args = myeval_parser().parse_args(argv)
    return run_cli(lambda: _myeval(args), debug=args.debug)


def _myeval(args: argparse.Namespace) -> int:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(message)s")
    out = Path(args.output_dir) / "evaluation_results.json"
    report = _run(args, "mesh", out)
    s = report["summary"]
    line = (
        f"{s['num_scenes']} scenes ({s['num_failed']} failed): CNR {s['collision_rate'] or 0:.2f}%  "
        f"OBR {s['oob_rate'] or 0:.2f}%  objects/scene {s['mean_num_objects'] or 0:.1f}  boxed objects {s['num_boxed_objects']}"
    )
    return _finish(report, out, line)


def voxel_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description="Voxel-based physics losses (ReSpace VBL) of a folder of scenes.")
    _common(parser)
    parser.add_argument("--output_file", default="voxel_results.json", help="JSON report path (under --output when given)")
    parser.add_argument("--output", default=None, help="output folder (the report is written there as --output_file's name)")
    parser.add_argument("--voxel_size", type=float, default=PhysicsConfig().voxel_pitch, help="voxel edge in metres")
    parser.add_argument(
        "--compat",
        choices=("ours", "original"),
        default=PhysicsConfig().voxel_compat,
        help="voxel losses: ours (one world grid) or original (the original eval/voxel_eval.py's per-object grids "
        "snapped with floor(); for comparing with published ReSpace/SceneReVis tables; slow)",
    )
    return parser


def voxel_eval_main(argv: list[str] | None = None) -> int:
    """Voxel losses (OOB volume, collision volume, PBL, validity) of a folder -> ``--output_file``."""
    args = voxel_parser().parse_args(argv)
    return run_cli(lambda: _voxel(args), debug=args.debug)


def _voxel(args: argparse.Namespace) -> int:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(message)s")
    out = Path(args.output) / Path(args.output_file).name if args.output else Path(args.output_file)
    report = _run(args, "voxel", out)
    s = report["summary"]
    line = (
        f"{s['num_scenes']} scenes ({s['num_failed']} failed): OOB {s['total_oob_volume'] or 0:.4f} m3  "
        f"collision {s['total_collision_volume'] or 0:.4f} m3  PBL {s['pbl'] or 0:.4f} m3  valid {100 * (s['valid_scene_ratio'] or 0):.1f}%"
    )
    return _finish(report, out, line)


def functional_parser() -> argparse.ArgumentParser:
    from scenerevis.eval.functional import FunctionalConfig
    from scenerevis.eval.importers import IMPORT_FORMATS

    d = FunctionalConfig()
    p = argparse.ArgumentParser(
        description="Functional metrics without a VLM of a folder of scenes (flat, grouped, ReSpace or box JSON)."
    )
    p.add_argument("--scenes_dir", required=True, help="folder of scene JSON files")
    p.add_argument("--output_file", default="functional_results.json", help="JSON report path (under --output when given)")
    p.add_argument("--output", default=None, help="output folder (the report is written there as --output_file's name)")
    p.add_argument("--format", default="auto", choices=IMPORT_FORMATS, help="scene file flavour (auto detects each file's)")
    p.add_argument("--workers", type=int, default=1, help="worker processes")
    p.add_argument("--max_scenes", type=int, default=None, help="evaluate only the first N files")
    p.add_argument("--cell", type=float, default=d.cell, help="floor grid cell in metres")
    p.add_argument("--agent_radius", type=float, default=d.agent_radius, help="walking agent radius in metres")
    p.add_argument("--min_walkway_width", type=float, default=d.min_walkway_width, help="narrowest walkway in metres")
    p.add_argument(
        "--overhead_clearance",
        type=float,
        default=d.overhead_clearance,
        help="objects with bottom at/above this height (m) do not block walking",
    )
    p.add_argument(
        "--front_depth",
        type=float,
        default=d.front_depth,
        help="depth (m) of the strip in front of an object that must be reachable",
    )
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.add_argument("--debug", action="store_true", help="full tracebacks instead of one-line errors")
    return p


def functional_main(argv: list[str] | None = None) -> int:
    """Functional metrics (navigability, accessibility, passages, support, essentials) of a folder -> ``--output_file``."""
    args = functional_parser().parse_args(argv)
    return run_cli(lambda: _functional(args), debug=args.debug)


def _functional(args: argparse.Namespace) -> int:
    from scenerevis.eval.functional import FunctionalConfig
    from scenerevis.eval.functional_batch import FunctionalBatchConfig, evaluate_functional_folder
    from scenerevis.fileio import atomic_write_json

    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(message)s")
    out = Path(args.output) / Path(args.output_file).name if args.output else Path(args.output_file)
    check_output_file(out)
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
        raise UsageError(str(err)) from None
    if not report["summary"]["num_scenes"] and not report["summary"]["num_failed"]:
        raise UsageError(f"{args.scenes_dir}: no scene files (*.json) found")
    atomic_write_json(out, report)
    s = report["summary"]

    def fmt(v, spec: str) -> str:
        return "n/a" if v is None else format(v, spec)

    line = (
        f"{s['num_scenes']} scenes ({s['num_failed']} failed): navigability {fmt(s['navigability'], '.3f')}  "
        f"accessibility {fmt(s['accessibility'], '.3f')}  support {fmt(s['support_rate'], '.3f')}  "
        f"essentials {fmt(s['essentials_coverage'], '.3f')}  narrowest passage {fmt(s['min_passage_width'], '.2f')} m  "
        f"objects/scene {fmt(s['mean_num_objects'], '.1f')}"
    )
    return _finish(report, out, line)
