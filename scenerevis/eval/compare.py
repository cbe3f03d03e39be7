"""compare.py: gather several methods' evaluation result folders into one table (markdown + CSV + JSON) per method and room type.

A result folder holds any of the evaluators' JSON reports, recognised by content, not by name:
mesh physics (``eval/myeval.py``: summary has ``collision_rate``), voxel losses
(``eval/voxel_eval.py``: ``pbl``), functional metrics (``eval/functional_eval.py``: ``navigability``)
and VLM-judge scores (``eval/vlm_scene_eval.py``: per-dimension ``{"mean", ...}`` summaries). Every
metric is a mean over the scenes that evaluated (per room type: over that type's scenes); failed
scenes are counted per report. A scene's room type comes from the functional results, else from its
scene file (``summary.scenes_dir`` / file name for the physics reports, ``scenes[..].scene`` for
the judge), normalised to the rooms.json names; ``unknown`` when none is found. Plots:
:mod:`scenerevis.eval.compare_plot`.
"""

from __future__ import annotations

import csv
import io
import json
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from scenerevis.eval.essentials import normalize_room_type
from scenerevis.fileio import atomic_write_json, atomic_write_text

log = logging.getLogger(__name__)

SOURCES = ("mesh", "voxel", "functional", "vlm")
ALL = "all"


@dataclass(frozen=True)
class Metric:
    """One compared number.

    ``key`` names the column; ``source`` the report it comes from; ``unit`` is shown in labels;
    ``better`` is ``"lower"`` or ``"higher"``; ``value`` maps a per-scene entry to a float or None.
    """

    key: str
    source: str
    label: str
    unit: str
    better: str
    value: Callable[[dict], float | None]


def _get(name: str, scale: float = 1.0) -> Callable[[dict], float | None]:
    def value(row: dict) -> float | None:
        v = row.get(name)
        return None if v is None else scale * float(v)

    return value


def _vlm(dim: str) -> Callable[[dict], float | None]:
    def value(row: dict) -> float | None:
        s = (row.get("scores") or {}).get(dim) or {}
        return None if s.get("score") is None else float(s["score"])

    return value


#: The fixed metrics, in table order (VLM dimensions are added per input, see :func:`metrics_for`).
METRICS: tuple[Metric, ...] = (
    Metric("CNR", "mesh", "collision rate CNR", "%", "lower", _get("collision_rate")),
    Metric("OBR", "mesh", "out-of-bounds rate OBR", "%", "lower", _get("oob_rate")),
    Metric("PBL", "voxel", "voxel PBL", "m³", "lower", _get("pbl")),
    Metric("OOB_volume", "voxel", "out-of-bounds volume", "m³", "lower", _get("total_oob_volume")),
    Metric("collision_volume", "voxel", "collision volume", "m³", "lower", _get("total_collision_volume")),
    Metric("valid", "voxel", "valid scenes (PBL ≤ 0.1 m³)", "%", "higher", _get("valid", 100.0)),
    Metric("navigability", "functional", "navigability", "share", "higher", _get("navigability")),
    Metric(
        "passage_navigability", "functional", "navigability, ≥ 0.6 m passages", "share", "higher", _get("passage_navigability")
    ),
    Metric("min_passage_width", "functional", "narrowest passage", "m", "higher", _get("min_passage_width")),
    Metric("accessibility", "functional", "objects with reachable front", "share", "higher", _get("accessibility")),
    Metric("support", "functional", "objects supported", "share", "higher", _get("support_rate")),
    Metric("essentials", "functional", "essentials coverage", "share", "higher", _get("essentials_coverage")),
)
#: Object counts come from the first report (in this order) that has them.
OBJECT_SOURCES = ("mesh", "functional", "voxel")


def classify_report(data: Any) -> str | None:
    """Which evaluator wrote a parsed JSON report: one of :data:`SOURCES`, or None."""
    if not isinstance(data, dict) or not isinstance(data.get("summary"), dict) or not isinstance(data.get("scenes", {}), dict):
        return None
    s = data["summary"]
    if "collision_rate" in s:
        return "mesh"
    if "pbl" in s:
        return "voxel"
    if "navigability" in s:
        return "functional"
    if any(isinstance(v, dict) and "mean" in v for v in s.values()):
        return "vlm"
    return None


@dataclass
class MethodResults:
    """One method's reports: ``reports[source]`` is the parsed JSON, ``paths[source]`` its file,
    ``room_types[source][scene name]`` the room type of each evaluated or failed scene."""

    name: str
    folder: Path
    reports: dict[str, dict] = field(default_factory=dict)
    paths: dict[str, Path] = field(default_factory=dict)
    room_types: dict[str, dict[str, str]] = field(default_factory=dict)


def _room_of_file(path: Path | None, cache: dict[Path, str]) -> str:
    if path is None:
        return "unknown"
    if path not in cache:
        try:
            raw = json.loads(path.read_text(encoding="utf-8")).get("room_type")
        except (OSError, ValueError, AttributeError):
            raw = None
        cache[path] = (normalize_room_type(raw) or str(raw).strip().lower() or "unknown") if isinstance(raw, str) else "unknown"
    return cache[path]


def _scenes_dir(summary: dict, folder: Path) -> Path | None:
    raw = summary.get("scenes_dir")
    if not raw:
        return None
    for cand in (Path(raw), folder / raw, folder.parent / raw):
        if cand.is_dir():
            return cand
    return None


def _scene_file(scenes_dir: Path | None, name: str, index: dict[str, Path]) -> Path | None:
    if scenes_dir is None:
        return None
    direct = scenes_dir / name
    if direct.is_file():
        return direct
    if not index:
        index.update({p.name: p for p in sorted(scenes_dir.rglob("*.json"))})
    return index.get(name)


def load_method(folder: str | Path, name: str | None = None) -> MethodResults:
    """Read every evaluator report found (by content) in ``folder``; one report per kind."""
    folder = Path(folder)
    if not folder.is_dir():
        raise FileNotFoundError(f"result folder {folder} is not a directory")
    res = MethodResults(name or folder.name, folder)
    for path in sorted(folder.glob("*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as err:
            log.warning("skipping %s: %s", path, err)
            continue
        kind = classify_report(data)
        if kind is None:
            continue
        if kind in res.reports:
            log.warning("%s: a %s report was already read from %s; ignoring %s", folder, kind, res.paths[kind].name, path.name)
            continue
        res.reports[kind], res.paths[kind] = data, path
    if not res.reports:
        raise FileNotFoundError(f"result folder {folder} holds no evaluator report (mesh, voxel, functional or vlm JSON)")
    cache: dict[Path, str] = {}
    for kind, data in res.reports.items():
        names = list(data.get("scenes", {})) + list(data.get("failed", {}) or {})
        rooms: dict[str, str] = {}
        index: dict[str, Path] = {}
        sdir = _scenes_dir(data["summary"], folder)
        for n in names:
            row = data.get("scenes", {}).get(n)
            if kind == "functional" and row is not None:
                rooms[n] = row.get("room_type_key") or normalize_room_type(row.get("room_type", "")) or "unknown"
            elif kind == "vlm":
                scene = (row or {}).get("scene")
                path = Path(scene) if scene else None
                if path is not None and not path.is_absolute() and not path.is_file() and (folder / path).is_file():
                    path = folder / path  # a relative path written by a judge run started in the result folder
                rooms[n] = _room_of_file(path, cache)
            else:
                rooms[n] = _room_of_file(_scene_file(sdir, n, index), cache)
        res.room_types[kind] = rooms
    return res


def metrics_for(methods: list[MethodResults]) -> list[Metric]:
    """The fixed metrics whose report any method has, then one metric per VLM-judge dimension."""
    present = {k for m in methods for k in m.reports}
    out = [mt for mt in METRICS if mt.source in present]
    dims: list[str] = []
    for m in methods:
        for key, val in m.reports.get("vlm", {}).get("summary", {}).items():
            if isinstance(val, dict) and "mean" in val and key not in dims:
                dims.append(key)
    out += [Metric(f"vlm_{d}", "vlm", f"VLM {d.replace('_', ' ')}", "1-10", "higher", _vlm(d)) for d in dims]
    return out


def _mean(values: list[float]) -> float | None:
    return float(np.mean(values)) if values else None


def method_rows(m: MethodResults, metrics: list[Metric]) -> list[dict[str, Any]]:
    """One row for all scenes (``room_type`` = "all") then one per room type of its evaluated scenes, of one method."""
    # room types of evaluated scenes; a failed scene of a type nothing else has is counted in "all" only
    room_types = sorted({m.room_types[k][n] for k, rep in m.reports.items() for n in rep.get("scenes", {})})
    rows = []
    for rt in [ALL, *room_types]:
        row: dict[str, Any] = {"method": m.name, "room_type": rt}

        def scenes(kind: str, rt: str = rt) -> list[dict]:
            rep = m.reports.get(kind, {})
            return [r for n, r in rep.get("scenes", {}).items() if rt == ALL or m.room_types[kind].get(n) == rt]

        row["scenes"] = max((len(scenes(k)) for k in m.reports), default=0)
        for kind in SOURCES:
            if kind in m.reports:
                failed = m.reports[kind].get("failed", {}) or {}
                row[f"failed_{kind}"] = (
                    int(m.reports[kind]["summary"].get("num_failed", len(failed)))
                    if rt == ALL
                    else sum(1 for n in failed if m.room_types[kind].get(n) == rt)
                )
        kind = next((k for k in OBJECT_SOURCES if k in m.reports), None)
        row["objects_per_scene"] = (
            _mean([float(r["num_objects"]) for r in scenes(kind) if r.get("num_objects") is not None]) if kind else None
        )
        for mt in metrics:
            vals = [v for v in (mt.value(r) for r in scenes(mt.source)) if v is not None] if mt.source in m.reports else []
            row[mt.key] = _mean(vals)
        rows.append(row)
    return rows


def _columns(metrics: list[Metric], methods: list[MethodResults]) -> list[str]:
    kinds = [k for k in SOURCES if any(k in m.reports for m in methods)]
    return ["method", "room_type", "scenes", *[f"failed_{k}" for k in kinds], "objects_per_scene", *[mt.key for mt in metrics]]


def _fmt(value: Any) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:.3f}" if abs(value) < 10 else f"{value:.2f}"
    return str(value)


def _markdown_table(rows: list[dict], columns: list[str], heads: dict[str, str]) -> str:
    lines = ["| " + " | ".join(heads.get(c, c) for c in columns) + " |", "|" + "|".join("---" for _ in columns) + "|"]
    lines += ["| " + " | ".join(_fmt(r.get(c)) for c in columns) + " |" for r in rows]
    return "\n".join(lines)


def to_markdown(rows: list[dict], metrics: list[Metric], methods: list[MethodResults]) -> str:
    """The comparison as markdown: one table over all scenes, one per room type, sources and legend."""
    cols = _columns(metrics, methods)
    heads = {mt.key: f"{mt.key} {'↓' if mt.better == 'lower' else '↑'}" for mt in metrics}
    heads.update({"objects_per_scene": "objects/scene", "room_type": "room type"})
    overall = [r for r in rows if r["room_type"] == ALL]
    per_room = sorted(
        (r for r in rows if r["room_type"] != ALL), key=lambda r: (r["room_type"], [m.name for m in methods].index(r["method"]))
    )
    parts = [
        "# Method comparison",
        "",
        "## All scenes",
        "",
        _markdown_table(overall, [c for c in cols if c != "room_type"], heads),
    ]
    if per_room:
        parts += ["", "## Per room type", "", _markdown_table(per_room, ["room_type", "method", *cols[2:]], heads)]
    parts += ["", "## Metrics", ""]
    parts += [f"- **{mt.key}** ({mt.source}): {mt.label}, {mt.unit}; {mt.better} is better" for mt in metrics]
    parts += [
        "- **scenes**: scenes evaluated (the largest count over the reports); **failed_<report>**: scenes that report "
        "could not evaluate (never dropped silently); **objects/scene** from the "
        + " / ".join(OBJECT_SOURCES)
        + " report, the first present",
        "",
        "## Sources",
        "",
    ]
    parts += [f"- {m.name}: " + ", ".join(f"{k} = `{m.paths[k]}`" for k in SOURCES if k in m.paths) for m in methods]
    return "\n".join(parts) + "\n"


def to_csv(rows: list[dict], metrics: list[Metric], methods: list[MethodResults]) -> str:
    """The comparison as CSV: one row per (method, room type), ``all`` rows first."""
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=_columns(metrics, methods), extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for r in rows:
        writer.writerow({k: "" if v is None else (round(v, 6) if isinstance(v, float) else v) for k, v in r.items()})
    return buf.getvalue()


@dataclass
class CompareConfig:
    """Options of a comparison."""

    output_dir: str = "comparison"  # folder for comparison.md / .csv / .json / .png
    plot: bool = True  # write comparison.png (needs matplotlib)
    dpi: int = 110  # PNG resolution (dots per inch)


def compare(folders: list[str | Path], names: list[str] | None, config: CompareConfig) -> dict[str, Path]:
    """Compare result ``folders`` (one per method, named by ``names`` or folder names); returns written paths."""
    if names is not None and len(names) != len(folders):
        raise ValueError(f"got {len(names)} method names for {len(folders)} result folders")
    methods = [load_method(f, names[i] if names else None) for i, f in enumerate(folders)]
    if len({m.name for m in methods}) != len(methods):
        raise ValueError(f"method names must be unique, got {[m.name for m in methods]}")
    metrics = metrics_for(methods)
    rows = [r for m in methods for r in method_rows(m, metrics)]
    out = Path(config.output_dir)
    written = {
        "markdown": atomic_write_text(out / "comparison.md", to_markdown(rows, metrics, methods)),
        "csv": atomic_write_text(out / "comparison.csv", to_csv(rows, metrics, methods)),
        "json": atomic_write_json(
            out / "comparison.json",
            {
                "methods": [m.name for m in methods],
                "metrics": [
                    {"key": mt.key, "source": mt.source, "label": mt.label, "unit": mt.unit, "better": mt.better}
                    for mt in metrics
                ],
                "rows": rows,
            },
        ),
    }
    if config.plot:
        from scenerevis.eval.compare_plot import plot_comparison

        written["png"] = plot_comparison(rows, metrics, [m.name for m in methods], out / "comparison.png", config.dpi)
    return written
