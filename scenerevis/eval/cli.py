"""cli.py: command lines of the folder evaluators (eval/myeval.py and eval/voxel_eval.py call these)."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from scenerevis import constants as C


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--scenes_dir", required=True, help="folder of scene JSON files (flat, grouped or ReSpace)")
    parser.add_argument(
        "--models_path",
        default=None,
        help="asset meshes as <root>/<jid>/raw_model.glb|obj (3D-FUTURE layout); read only. "
        "Without it, or for ids not found there, objects are evaluated as boxes of their size",
    )
    parser.add_argument("--format", default="auto", choices=["auto", "ours", "respace", "box"], help="scene file flavour (box: scenerevis-box/1)")
    parser.add_argument("--workers", type=int, default=1, help="worker processes")
    parser.add_argument("--max_scenes", type=int, default=None, help="evaluate only the first N files")
    parser.add_argument("--seed", type=int, default=C.DEFAULT_SEED, help="surface-sampling seed")
    parser.add_argument(
        "--count-rugs", action="store_true", help="let rugs/mats (<= 3 cm tall, on the floor) take part in collisions"
    )
    parser.add_argument("--quiet", action="store_true", help="no progress bar")


def _check_output(out: Path, models_path: str | None) -> None:
    if models_path:
        models = Path(models_path).resolve()
        target = out.resolve()
        if target == models or models in target.parents:
            raise SystemExit(f"error: output {out} is inside --models_path {models_path}; refusing to write there")


def _run(args: argparse.Namespace, kind: str, out_file: Path) -> dict:
    from scenerevis.eval.batch import BatchConfig, evaluate_folder
    from scenerevis.fileio import atomic_write_json
    from scenerevis.physics.config import PhysicsConfig

    _check_output(out_file, args.models_path)
    physics = PhysicsConfig(
        seed=args.seed,
        ignore_floor_coverings=not args.count_rugs,
        voxel_pitch=getattr(args, "voxel_size", C.VOXEL_PITCH),
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
        raise SystemExit(f"error: {err}") from None
    atomic_write_json(out_file, report)
    return report


def myeval_main(argv: list[str] | None = None) -> int:
    """Mesh physics (CNR/OBR) of a folder -> ``<output_dir>/evaluation_results.json``."""
    parser = argparse.ArgumentParser(description="Collision (CNR) and out-of-bounds (OBR) rates of a folder of scenes.")
    _common(parser)
    parser.add_argument("--output_dir", default="eval_output", help="writes evaluation_results.json here")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(message)s")
    out = Path(args.output_dir) / "evaluation_results.json"
    report = _run(args, "mesh", out)
    s = report["summary"]
    if s["num_scenes"]:
        print(
            f"{s['num_scenes']} scenes ({s['num_failed']} failed): CNR {s['collision_rate']:.2f}%  "
            f"OBR {s['oob_rate']:.2f}%  objects/scene {s['mean_num_objects']:.1f}  boxed objects {s['num_boxed_objects']}"
        )
    else:
        print(f"no scene evaluated ({s['num_failed']} failed)")
    for name, why in report["failed"].items():
        print(f"FAILED {name}: {why}", file=sys.stderr)
    print(f"wrote {out}")
    return 0 if s["num_scenes"] or not s["num_failed"] else 1


def voxel_eval_main(argv: list[str] | None = None) -> int:
    """Voxel losses (OOB volume, collision volume, PBL, validity) of a folder -> ``--output_file``."""
    parser = argparse.ArgumentParser(description="Voxel-based physics losses (ReSpace VBL) of a folder of scenes.")
    _common(parser)
    parser.add_argument("--output_file", default="voxel_results.json", help="JSON report path")
    parser.add_argument("--voxel_size", type=float, default=C.VOXEL_PITCH, help="voxel edge in metres")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(message)s")
    out = Path(args.output_file)
    report = _run(args, "voxel", out)
    s = report["summary"]
    if s["num_scenes"]:
        print(
            f"{s['num_scenes']} scenes ({s['num_failed']} failed): OOB {s['total_oob_volume']:.4f} m3  "
            f"collision {s['total_collision_volume']:.4f} m3  PBL {s['pbl']:.4f} m3  valid {100 * s['valid_scene_ratio']:.1f}%"
        )
    else:
        print(f"no scene evaluated ({s['num_failed']} failed)")
    for name, why in report["failed"].items():
        print(f"FAILED {name}: {why}", file=sys.stderr)
    print(f"wrote {out}")
    return 0 if s["num_scenes"] or not s["num_failed"] else 1


