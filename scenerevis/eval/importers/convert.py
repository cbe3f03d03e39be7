"""convert.py: ``python -m scenerevis.eval.importers convert``: other methods' files -> flat SSR scene files.

``convert --from holodeck|3dfront|box|ssr IN [IN ...] --to OUT [--objathor-dir D] [--future-root D]``
(``--from`` defaults to ``auto``: detected per file) writes one ``OUT/<name>.json`` per room: single
-room files keep their file name, house files give ``<house>__<room id>.json``. Every input folder is
read recursively (``*.json``; files under OUT are never read back). ``OUT/conversion_report.jsonl``
gets one line per input file: the scenes written, the objects whose asset was unknown (kept as
boxes), every room or object skipped with its reason, and warnings. Inputs are never written to: an
OUT inside an input folder is refused. The exit status is 1 when any input file failed as a whole.
``--export-meshes DIR`` also writes the objathor meshes of the converted Holodeck objects as
``DIR/<assetId>/raw_model.obj`` (:mod:`.objathor_meshes`) for the evaluators' ``--models_path``.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

from scenerevis.eval.importers.common import HouseResult, ImportOptions
from scenerevis.eval.importers.loader import IMPORT_FORMATS, load_any_scenes
from scenerevis.fileio import atomic_write_text
from scenerevis.scene.formats import save_scene, scene_from_dict
from scenerevis.scene.validate import SceneFormatError

REPORT_NAME = "conversion_report.jsonl"


@dataclass
class ConversionReport:
    """What a conversion did: written scene files, per-input results and failures (input -> one line)."""

    out_dir: Path
    written: list[Path] = field(default_factory=list)
    houses: list[HouseResult] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)

    @property
    def num_skipped(self) -> int:
        return sum(len(h.skipped) for h in self.houses)

    @property
    def num_unknown_assets(self) -> int:
        return sum(len(s.unknown_assets) for h in self.houses for s in h.scenes)

    def lines(self) -> list[dict]:
        """One JSON-ready record per input file (the ``conversion_report.jsonl`` lines)."""
        out = [{"status": "ok", **h.to_dict()} for h in self.houses]
        out += [{"status": "failed", "source": src, "error": why} for src, why in self.failed.items()]
        return out


def find_inputs(inputs: list[str | os.PathLike], exclude: Path | None = None) -> list[Path]:
    """Input files: each file as given, every ``*.json`` under each folder (sorted), minus files under ``exclude``."""
    files: list[Path] = []
    ex = exclude.resolve() if exclude is not None else None
    for item in inputs:
        p = Path(item)
        found = sorted(q for q in p.rglob("*.json") if q.is_file()) if p.is_dir() else [p]
        files += [q for q in found if ex is None or not q.resolve().is_relative_to(ex)]
    return list(dict.fromkeys(files))


def check_output_dir(inputs: list[str | os.PathLike], out_dir: str | os.PathLike) -> None:
    """Refuse (ValueError) an output folder that is an input folder or inside one."""
    out = Path(out_dir).resolve()
    for item in inputs:
        p = Path(item).resolve()
        if p.is_dir() and (out == p or out.is_relative_to(p)):
            raise ValueError(f"output {out_dir} is inside the input folder {item}; refusing to write there")


def convert_inputs(
    inputs: list[str | os.PathLike],
    out_dir: str | os.PathLike,
    fmt: str = "auto",
    options: ImportOptions | None = None,
    progress: bool = False,
    write_report: bool = True,
) -> ConversionReport:
    """Convert every input file into flat SSR scenes under ``out_dir`` (see the module docstring)."""
    from tqdm import tqdm

    out = Path(out_dir)
    rep = ConversionReport(out)
    names: dict[Path, str] = {}
    for f in tqdm(find_inputs(inputs, out), desc="convert", unit="file", disable=not progress):
        try:
            house = load_any_scenes(f, fmt, options)
        except SceneFormatError as err:
            rep.failed[str(f)] = str(err)
            continue
        except ValueError as err:
            rep.failed[str(f)] = f"{f}: <format>: {err}"
            continue
        if not house.scenes:
            why = "; ".join(s.line(str(f)) for s in house.skipped[:3]) or "no room"
            rep.failed[str(f)] = f"{f}: <rooms>: nothing to convert ({why})"
            rep.houses.append(house)
            continue
        for room in house.scenes:
            target = out / f"{room.name}.json"
            if target in names:  # two inputs that map to the same output name
                rep.failed[str(f)] = f"{f}: <file>: output {target} was already written from {names[target]}"
                break
            names[target] = str(f)
            rep.written.append(save_scene(scene_from_dict(room.flat, str(f)), target))
        rep.houses.append(house)
    if write_report:
        atomic_write_text(out / REPORT_NAME, "".join(json.dumps(line) + "\n" for line in rep.lines()))
    return rep


def convert_files(
    inputs: list[str | os.PathLike], out_dir: str | os.PathLike, fmt: str = "auto", options: ImportOptions | None = None
) -> tuple[list[Path], dict[str, str]]:
    """Convert scene files (or every ``*.json`` of folders) to flat SSR files in ``out_dir``.

    Returns the written paths and ``{input path: one-line error}`` of the files that failed.
    """
    rep = convert_inputs(inputs, out_dir, fmt, options, write_report=False)
    return rep.written, rep.failed


def main(argv: list[str] | None = None) -> int:
    """``python -m scenerevis.eval.importers convert [--from FMT] IN [IN ...] --to OUT [--objathor-dir D] [--future-root D]``."""
    parser = argparse.ArgumentParser(
        prog="python -m scenerevis.eval.importers",
        description="Convert other methods' scenes (Holodeck / ProcTHOR houses, raw 3D-FRONT houses, box or SSR JSON) "
        "to flat SSR scene files, one per room.",
    )
    sub = parser.add_subparsers(dest="command", required=True)
    conv = sub.add_parser("convert", help="house / box / grouped / ReSpace / flat JSON -> flat SSR JSON files")
    conv.add_argument("inputs", nargs="+", help="scene or house JSON files, or folders of them (recursive)")
    conv.add_argument("--to", required=True, dest="out_dir", help="output folder (one <name>.json per room)")
    conv.add_argument(
        "--from",
        "--format",
        dest="fmt",
        default="auto",
        choices=IMPORT_FORMATS,
        help="input format (default: detect per file)",
    )
    conv.add_argument("--objathor-dir", default=None, help="objathor annotations folder (default $OBJATHOR_ASSETS_BASE_DIR)")
    conv.add_argument("--future-root", default=None, help="3D-FUTURE folder: model_info.json and <jid>/raw_model.obj")
    conv.add_argument("--keep-empty-rooms", action="store_true", help="also write rooms without objects")
    conv.add_argument(
        "--export-meshes",
        default=None,
        metavar="DIR",
        help="also write the objathor meshes of the converted Holodeck objects as DIR/<assetId>/raw_model.obj "
        "(give DIR to the evaluators as --models_path)",
    )
    conv.add_argument("--quiet", action="store_true", help="no progress bar, no per-item lines")
    args = parser.parse_args(argv)
    try:
        check_output_dir(args.inputs, args.out_dir)
        if args.export_meshes:
            check_output_dir(args.inputs, args.export_meshes)
    except ValueError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    options = ImportOptions(args.objathor_dir, args.future_root, args.keep_empty_rooms)
    rep = convert_inputs(args.inputs, args.out_dir, args.fmt, options, progress=not args.quiet)
    if not args.quiet:
        for h in rep.houses:
            for s in h.skipped:
                print(f"SKIPPED {s.line(h.source)}", file=sys.stderr)
            for w in h.warnings:
                print(f"WARNING {h.source}: {w}", file=sys.stderr)
    if args.export_meshes:
        from scenerevis.eval.importers.objathor_meshes import export_meshes, scene_uids

        root = options.resolved_objathor_dir()
        if root is None:
            rep.failed["--export-meshes"] = "--export-meshes: give --objathor-dir (or set $OBJATHOR_ASSETS_BASE_DIR)"
        else:
            got = export_meshes(scene_uids(rep.written), root, args.export_meshes)
            for why in got["failed"]:
                rep.failed[why.split(":")[0]] = why
            print(
                f"meshes: {len(got['exported'])} written, {len(got['present'])} already there, "
                f"{len(got['missing'])} assets without a mesh file (evaluated as boxes) -> {args.export_meshes}"
            )
    for why in rep.failed.values():
        print(f"FAILED {why}", file=sys.stderr)
    print(
        f"converted {len(rep.written)} scene(s) to {args.out_dir} ({len(rep.failed)} failed, "
        f"{rep.num_skipped} skipped, {rep.num_unknown_assets} unknown assets kept as boxes; see {REPORT_NAME})"
    )
    return 0 if not rep.failed else 1
