"""benchmark.py: other methods' output folders -> the paper's comparison table, in one resumable command.

``python -m scenerevis.eval.benchmark --method NAME=DIR [--method ...] --output OUT [--prompts-dir D]
[--judge-base-url URL --judge-model M]`` does, per method:

1. convert every file of DIR (Holodeck / ProcTHOR houses, raw 3D-FRONT houses, box or SSR JSON,
   detected per file; :mod:`scenerevis.eval.importers`) into ``OUT/methods/NAME/scenes/`` (one
   flat scene per room, ``conversion_report.jsonl`` beside them);
2. runs the folder evaluators on those scenes: mesh CNR / OBR (``evaluation_results.json``), voxel
   losses (``voxel_results.json``), functional metrics (``functional_results.json``) and, when a
   judge endpoint is given, renders each scene and asks the VLM judge (``vlm_eval_results.json``);

then writes ``OUT/benchmark.md`` / ``.csv`` / ``.json``: the paper's table, one row per method and,
per room type and for their average, the columns OBR (%), CNR (%), Ra, Spa, Ac (judge scores 1-10:
rationality, spatial layout, accessibility) and Avg (the mean of Ra, Spa and Ac). A room type's
value is the mean over that method's scenes of the type; the *average* group is the mean of the
room-type values (each room type weighs the same). Every evaluator's own table and plots go to
``OUT/comparison/`` (:func:`scenerevis.eval.compare.compare`).

Resumable: a method's stages are redone only when its input files (names, sizes, modification
times) or the conversion options change; the judge asks only the questions still unanswered.
Failed input files and failed scenes are counted per method in the table. The exit status is 1
when any file or scene failed.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import json
import logging
import os
import shutil
import sys
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from scenerevis.eval.importers import IMPORT_FORMATS, ImportOptions, check_output_dir, convert_inputs
from scenerevis.eval.importers.common import safe_name
from scenerevis.eval.importers.convert import REPORT_NAME, find_inputs
from scenerevis.fileio import atomic_write_json, atomic_write_text

log = logging.getLogger(__name__)

#: Room types first in the table (the paper's order); others follow alphabetically, "unknown" last.
ROOM_ORDER = ("bedroom", "living_room", "dining_room", "study", "kitchen", "bathroom")
#: Paper column -> compare.py metric key.
PAPER_COLUMNS = (
    ("OBR", "OBR"),
    ("CNR", "CNR"),
    ("Ra", "vlm_rationality"),
    ("Spa", "vlm_spatial_layout"),
    ("Ac", "vlm_accessibility"),
)
#: Stages of one method, in order (the judge runs only with an endpoint).
STAGES = ("convert", "mesh", "voxel", "functional", "judge")
REPORT_FILES = {
    "mesh": "evaluation_results.json",
    "voxel": "voxel_results.json",
    "functional": "functional_results.json",
    "judge": "vlm_eval_results.json",
}
STATE_NAME = "benchmark_state.json"
AVERAGE = "average"


@dataclass
class BenchmarkConfig:
    """Options of a benchmark run (paths are folders; lengths in metres)."""

    output: str
    scene_format: str = "auto"  # input format of every method's files (see importers.IMPORT_FORMATS)
    import_options: ImportOptions = field(default_factory=ImportOptions)
    models_path: str | None = None  # 3D-FUTURE-style meshes for the mesh/voxel evaluators; None: boxes of size
    objathor_meshes: bool = False  # evaluate Holodeck objects with their objathor meshes (exported per method)
    workers: int = 1  # evaluator worker processes
    prompts_dir: str | None = None  # <dir>/<scene or house name>.txt: the request text given to the judge
    judge_base_url: str | None = None  # OpenAI-compatible endpoint; None: no judge (Ra/Spa/Ac/Avg empty)
    judge_model: str | None = None
    judge_api_key_env: str = "OPENAI_API_KEY"
    judge_workers: int = 4  # scenes judged concurrently
    renderer: str = "blender"  # renders for the judge: "blender" or "gl"
    plot: bool = True  # OUT/comparison/comparison.png
    progress: bool = True
    force: bool = False  # redo every stage

    def __post_init__(self) -> None:
        if self.scene_format not in IMPORT_FORMATS:
            raise ValueError(f"format must be one of {IMPORT_FORMATS}, got {self.scene_format!r}")
        if bool(self.judge_base_url) != bool(self.judge_model):
            raise ValueError("give --judge-base-url and --judge-model together")
        if self.workers < 1 or self.judge_workers < 1:
            raise ValueError("workers must be >= 1")


def parse_method(text: str) -> tuple[str, Path]:
    """``"NAME=DIR"`` -> (name, folder); ValueError naming what is wrong."""
    name, sep, folder = text.partition("=")
    name = name.strip()
    if not sep or not name or not folder:
        raise ValueError(f"--method {text!r}: expected NAME=DIR")
    if safe_name(name) != name:
        raise ValueError(f"--method {text!r}: the name may hold only letters, digits, '-', '_' and '.'")
    path = Path(folder)
    if not path.is_dir():
        raise ValueError(f"--method {text!r}: {folder} is not a directory")
    return name, path


def _fingerprint(folder: Path, config: BenchmarkConfig, exclude: Path) -> str:
    h = hashlib.sha256()
    for f in find_inputs([folder], exclude):
        st = f.stat()
        h.update(f"{f.relative_to(folder)}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
    opts = asdict(config.import_options) | {
        "format": config.scene_format,
        "models_path": config.models_path,
        "objathor_meshes": config.objathor_meshes,
    }
    h.update(json.dumps(opts, sort_keys=True, default=str).encode())
    return h.hexdigest()


def _reset(mdir: Path) -> None:
    """Remove what earlier runs wrote for a method (only our own files and folders)."""
    for name in ("scenes", "renders", "meshes"):
        if (mdir / name).is_dir():
            shutil.rmtree(mdir / name)
    for name in (*REPORT_FILES.values(), STATE_NAME):
        (mdir / name).unlink(missing_ok=True)


def _prompt(config: BenchmarkConfig, method: str, scene: Path) -> str | None:
    if not config.prompts_dir:
        return None
    data = json.loads(scene.read_text(encoding="utf-8"))
    house = Path(str((data.get("source") or {}).get("file") or scene)).stem
    root = Path(config.prompts_dir)
    for folder in (root / method, root):
        for stem in (scene.stem, house):
            p = folder / f"{stem}.txt"
            if p.is_file():
                return p.read_text(encoding="utf-8").strip() or None
    return None


def _judge(method: str, mdir: Path, scenes: list[Path], config: BenchmarkConfig) -> dict:
    from scenerevis.judge.batch import Item, judge_items, render_missing
    from scenerevis.judge.judge import Judge, JudgeConfig

    renders = mdir / "renders"
    items = []
    for i, s in enumerate(scenes):
        png = renders / f"prompt_{i}_final_render.png"
        items.append(Item(f"prompt_{i}", i, png if png.is_file() else None, s, _prompt(config, method, s)))
    if any(it.render is None for it in items):
        os.environ.setdefault("PYOPENGL_PLATFORM", "egl")
        from scenerevis.render import RenderConfig

        render_missing(items, renders, RenderConfig(renderer=config.renderer))
    out = mdir / REPORT_FILES["judge"]
    old_model = None
    if out.is_file():
        old_model = json.loads(out.read_text(encoding="utf-8")).get("summary", {}).get("model")
    judge = Judge(JudgeConfig(model=config.judge_model, base_url=config.judge_base_url, api_key_env=config.judge_api_key_env))
    return judge_items(
        items, judge, out, resume=old_model == config.judge_model, max_workers=config.judge_workers, progress=config.progress
    )


def _method_models(mdir: Path, files: list[Path], config: BenchmarkConfig) -> str | None:
    """The evaluators' models folder of one method: ``config.models_path``, or with ``objathor_meshes`` a folder
    ``mdir/meshes`` holding the exported objathor meshes plus links to the ``models_path`` entries the scenes use."""
    root = config.import_options.resolved_objathor_dir()
    if not config.objathor_meshes or root is None:
        return config.models_path
    from scenerevis.eval.importers.objathor_meshes import export_meshes, scene_uids

    meshes = mdir / "meshes"
    meshes.mkdir(parents=True, exist_ok=True)
    got = export_meshes(scene_uids(files), root, meshes)
    for why in got["failed"]:
        log.warning("objathor mesh: %s", why)
    if config.models_path:  # the other assets (e.g. 3D-FUTURE jids) through links, never copies
        for f in files:
            for o in json.loads(f.read_text(encoding="utf-8")).get("objects", []):
                aid = o.get("jid") or o.get("uid")
                src = Path(config.models_path) / str(aid)
                if aid and src.is_dir() and not (meshes / str(aid)).exists():
                    (meshes / str(aid)).symlink_to(src.resolve(), target_is_directory=True)
    return str(meshes)


def run_method(name: str, folder: Path, config: BenchmarkConfig, bar: Any = None) -> dict[str, Any]:
    """Convert and evaluate one method's folder into ``OUT/methods/NAME``; returns its counts."""
    from scenerevis.eval.batch import BatchConfig, evaluate_folder, find_scene_files
    from scenerevis.eval.functional_batch import FunctionalBatchConfig, evaluate_functional_folder

    out = Path(config.output)
    mdir = out / "methods" / name
    scenes_dir = mdir / "scenes"
    fp = _fingerprint(folder, config, out)
    state_path = mdir / STATE_NAME
    state = json.loads(state_path.read_text(encoding="utf-8")) if state_path.is_file() else {}
    if config.force or state.get("fingerprint") != fp:
        _reset(mdir)
        state = {"fingerprint": fp, "input": str(folder), "done": []}
    done: list[str] = state["done"]

    def finish(stage: str) -> None:
        if stage not in done:
            done.append(stage)
        atomic_write_json(state_path, state)

    def step(stage: str) -> None:
        if bar is not None:
            bar.set_postfix_str(f"{name}: {stage}")

    step("convert")
    if "convert" not in done:
        convert_inputs([folder], scenes_dir, config.scene_format, config.import_options)
        finish("convert")
    if bar is not None:
        bar.update(1)
    files = find_scene_files(scenes_dir) if scenes_dir.is_dir() else []
    models_path = _method_models(mdir, files, config)
    for stage in ("mesh", "voxel", "functional"):
        step(stage)
        target = mdir / REPORT_FILES[stage]
        if stage not in done or not target.is_file():
            if stage == "functional":
                rep = evaluate_functional_folder(
                    scenes_dir, FunctionalBatchConfig(workers=config.workers, progress=config.progress)
                )
            else:
                bc = BatchConfig(kind=stage, models_path=models_path, workers=config.workers, progress=config.progress)
                rep = evaluate_folder(scenes_dir, bc)
            atomic_write_json(target, rep)
            finish(stage)
        if bar is not None:
            bar.update(1)
    if config.judge_base_url:
        step("judge")
        _judge(name, mdir, files, config)
        finish("judge")
        if bar is not None:
            bar.update(1)
    return method_counts(mdir)


def method_counts(mdir: Path) -> dict[str, Any]:
    """Failed input files (conversion), failed scenes (any evaluator), skipped items and unknown assets of a method."""
    lines = []
    report = mdir / "scenes" / REPORT_NAME
    if report.is_file():
        lines = [json.loads(x) for x in report.read_text(encoding="utf-8").splitlines() if x.strip()]
    from scenerevis.eval.batch import find_scene_files

    scene_names = [f.name for f in find_scene_files(mdir / "scenes")] if (mdir / "scenes").is_dir() else []
    failed_scenes: set[str] = set()
    for stage, fname in REPORT_FILES.items():
        p = mdir / fname
        if p.is_file():
            failed = json.loads(p.read_text(encoding="utf-8")).get("failed") or {}
            if stage == "judge":  # keys prompt_<i>: the i-th scene file
                idx = [int(k.split("_")[1]) for k in failed if k.split("_")[-1].isdigit()]
                failed = {scene_names[i] if i < len(scene_names) else f"prompt_{i}" for i in idx}
            failed_scenes |= set(failed)
    return {
        "failed_files": sum(1 for x in lines if x.get("status") == "failed"),
        "failed_scenes": len(failed_scenes),
        "skipped_items": sum(len(x.get("skipped", [])) for x in lines),
        "unknown_assets": sum(len(v) for x in lines for v in (x.get("unknown_assets") or {}).values()),
    }


def _room_sort_key(rt: str) -> tuple[int, str]:
    if rt in ROOM_ORDER:
        return ROOM_ORDER.index(rt), rt
    return (len(ROOM_ORDER) + (1 if rt == "unknown" else 0), rt)


def _mean(values: list[float | None]) -> float | None:
    vals = [v for v in values if v is not None]
    return sum(vals) / len(vals) if vals else None


def paper_table(method_folders: list[tuple[str, Path]], counts: dict[str, dict]) -> tuple[list[str], list[dict[str, Any]]]:
    """(room types in column order, one row per method) with ``<room>_<col>`` keys (col in OBR CNR Ra Spa Ac Avg)."""
    from scenerevis.eval.compare import load_method, method_rows, metrics_for

    methods = [load_method(folder, name) for name, folder in method_folders]
    metrics = metrics_for(methods)
    per: dict[str, dict[str, dict]] = {m.name: {r["room_type"]: r for r in method_rows(m, metrics)} for m in methods}
    rooms = sorted({rt for rows in per.values() for rt in rows if rt != "all"}, key=_room_sort_key)
    table = []
    for m in methods:
        rows = per[m.name]
        row: dict[str, Any] = {"method": m.name, "scenes": rows.get("all", {}).get("scenes", 0), **counts.get(m.name, {})}
        for rt in rooms:
            r = rows.get(rt, {})
            vals = {col: r.get(key) for col, key in PAPER_COLUMNS}
            vlm = [vals["Ra"], vals["Spa"], vals["Ac"]]
            vals["Avg"] = sum(vlm) / 3.0 if all(v is not None for v in vlm) else None
            row.update({f"{rt}_{col}": v for col, v in vals.items()})
        for col in (*(c for c, _ in PAPER_COLUMNS), "Avg"):
            row[f"{AVERAGE}_{col}"] = _mean([row.get(f"{rt}_{col}") for rt in rooms])
        table.append(row)
    return rooms, table


def _columns(rooms: list[str]) -> list[str]:
    cols = ["method", "scenes", "failed_files", "failed_scenes"]
    for rt in [*rooms, AVERAGE]:
        cols += [f"{rt}_{c}" for c in ("OBR", "CNR", "Ra", "Spa", "Ac", "Avg")]
    return cols


def table_csv(rooms: list[str], table: list[dict]) -> str:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=_columns(rooms), extrasaction="ignore", lineterminator="\n")
    w.writeheader()
    for r in table:
        w.writerow({k: "" if v is None else (round(v, 6) if isinstance(v, float) else v) for k, v in r.items()})
    return buf.getvalue()


def table_markdown(rooms: list[str], table: list[dict], judged: bool) -> str:
    arrows = {"OBR": "↓", "CNR": "↓", "Ra": "↑", "Spa": "↑", "Ac": "↑", "Avg": "↑"}
    cols = _columns(rooms)
    head = []
    for c in cols:
        rt, _, metric = c.rpartition("_")
        head.append(f"{rt.replace('_', ' ').title()} {metric} {arrows[metric]}" if metric in arrows and rt else c)

    def fmt(v: Any) -> str:
        return "–" if v is None else (f"{v:.2f}" if isinstance(v, float) else str(v))

    lines = ["# Benchmark", "", "| " + " | ".join(head) + " |", "|" + "|".join("---" for _ in cols) + "|"]
    lines += ["| " + " | ".join(fmt(r.get(c)) for c in cols) + " |" for r in table]
    lines += ["", "## The same, one table per room type", ""]
    for rt in [*rooms, AVERAGE]:
        metrics = ("OBR", "CNR", "Ra", "Spa", "Ac", "Avg")
        lines += [f"### {rt.replace('_', ' ').title()}", ""]
        lines += ["| method | " + " | ".join(f"{m} {arrows[m]}" for m in metrics) + " |", "|---" * (len(metrics) + 1) + "|"]
        lines += ["| " + " | ".join([r["method"], *(fmt(r.get(f"{rt}_{m}")) for m in metrics)]) + " |" for r in table]
        lines.append("")
    lines += [
        "## Legend",
        "",
        "- **OBR** / **CNR**: out-of-bounds and collision rates (%, mesh evaluator, mean over the room type's scenes).",
        "- **Ra** / **Spa** / **Ac**: VLM-judge rationality, spatial layout, accessibility (1-10); **Avg**: their mean."
        + ("" if judged else " No judge endpoint was given: these columns are empty."),
        "- **Average**: the mean of the room-type values (each room type weighs the same).",
        "- **failed_files**: input files that could not be converted; **failed_scenes**: converted scenes an evaluator "
        "could not evaluate. Per-evaluator tables and plots: `comparison/`.",
    ]
    return "\n".join(lines) + "\n"


def run_benchmark(methods: list[tuple[str, Path]], config: BenchmarkConfig) -> dict[str, Any]:
    """Run every method and write the tables; returns ``{"written": {...}, "counts": {...}, "rows": [...]}``."""
    from tqdm import tqdm

    from scenerevis.eval.compare import CompareConfig, compare

    names = [n for n, _ in methods]
    if len(set(names)) != len(names):
        raise ValueError(f"method names must be unique, got {names}")
    out = Path(config.output)
    check_output_dir([f for _, f in methods], out)
    stages = 4 + (1 if config.judge_base_url else 0)
    counts: dict[str, dict] = {}
    with tqdm(total=stages * len(methods), desc="benchmark", unit="stage", disable=not config.progress) as bar:
        for name, folder in methods:
            counts[name] = run_method(name, folder, config, bar)
    folders = [(n, out / "methods" / n) for n in names]
    rooms, table = paper_table(folders, counts)
    written = {
        "markdown": atomic_write_text(out / "benchmark.md", table_markdown(rooms, table, bool(config.judge_base_url))),
        "csv": atomic_write_text(out / "benchmark.csv", table_csv(rooms, table)),
        "json": atomic_write_json(out / "benchmark.json", {"room_types": rooms, "rows": table, "columns": _columns(rooms)}),
    }
    cmp = compare([f for _, f in folders], names, CompareConfig(str(out / "comparison"), plot=config.plot))
    written.update({f"comparison_{k}": v for k, v in cmp.items()})
    return {"written": written, "counts": counts, "rows": table, "room_types": rooms}


def main(argv: list[str] | None = None) -> int:
    """Command line (see the module docstring)."""
    p = argparse.ArgumentParser(
        prog="python -m scenerevis.eval.benchmark",
        description="Convert other methods' scene folders, evaluate them and write the paper's comparison table.",
    )
    p.add_argument("--method", action="append", required=True, metavar="NAME=DIR", help="a method's output folder (repeat)")
    p.add_argument("--output", required=True, help="output folder (tables, per-method scenes and reports)")
    p.add_argument("--from", dest="fmt", default="auto", choices=IMPORT_FORMATS, help="input format (default: per file)")
    p.add_argument("--objathor-dir", default=None, help="objathor annotations (default $OBJATHOR_ASSETS_BASE_DIR)")
    p.add_argument("--future-root", default=None, help="3D-FUTURE folder: model_info.json, <jid>/raw_model.obj")
    p.add_argument("--models-path", default=None, help="meshes <root>/<jid>/raw_model.glb|obj for the evaluators")
    p.add_argument(
        "--objathor-meshes", action="store_true", help="evaluate Holodeck objects with their objathor meshes (else boxes)"
    )
    p.add_argument("--workers", type=int, default=1, help="evaluator worker processes")
    p.add_argument("--prompts-dir", default=None, help="request texts for the judge: <dir>[/<method>]/<scene or house>.txt")
    p.add_argument("--judge-base-url", default=None, help="OpenAI-compatible judge endpoint (enables Ra/Spa/Ac)")
    p.add_argument("--judge-model", default=None, help="judge model name")
    p.add_argument("--judge-api-key-env", default="OPENAI_API_KEY", help="environment variable holding the judge key")
    p.add_argument("--judge-workers", type=int, default=4, help="scenes judged concurrently")
    p.add_argument("--renderer", default="blender", choices=["blender", "gl"], help="renders for the judge")
    p.add_argument("--no-plot", action="store_true", help="no comparison.png")
    p.add_argument("--force", action="store_true", help="redo every stage")
    p.add_argument("--quiet", action="store_true", help="no progress bars")
    args = p.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(message)s")
    try:
        methods = [parse_method(m) for m in args.method]
        config = BenchmarkConfig(
            output=args.output,
            scene_format=args.fmt,
            import_options=ImportOptions(args.objathor_dir, args.future_root),
            models_path=args.models_path,
            objathor_meshes=args.objathor_meshes,
            workers=args.workers,
            prompts_dir=args.prompts_dir,
            judge_base_url=args.judge_base_url,
            judge_model=args.judge_model,
            judge_api_key_env=args.judge_api_key_env,
            judge_workers=args.judge_workers,
            renderer=args.renderer,
            plot=not args.no_plot,
            progress=not args.quiet,
            force=args.force,
        )
        result = run_benchmark(methods, config)
    except (FileNotFoundError, ValueError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    bad = 0
    for name, c in result["counts"].items():
        print(
            f"{name}: {c['failed_files']} file(s) failed to convert, {c['failed_scenes']} scene(s) failed to evaluate, "
            f"{c['skipped_items']} item(s) skipped, {c['unknown_assets']} unknown asset(s) kept as boxes"
        )
        bad += c["failed_files"] + c["failed_scenes"]
    print(f"wrote {result['written']['markdown']} and {result['written']['csv']}")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
