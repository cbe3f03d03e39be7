"""compare_plot.py: bar plots (matplotlib, Agg canvas, PNG) of a method comparison: every metric per method and room type.

One panel per metric (grouped bars: room types on the x axis, one colour per method, the value above
each bar, the better direction in the title), plus panels of objects per scene and of failed scenes
per report. Rows come from :func:`scenerevis.eval.compare.method_rows`.
"""

from __future__ import annotations

import io
import math
from pathlib import Path
from typing import Any

import numpy as np

from scenerevis._optional import require

#: Method colours (colour-blind friendly, Okabe-Ito), reused cyclically.
COLOURS = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000")


def _label(v: float) -> str:
    if isinstance(v, int) or v == 0:
        return str(int(v))
    if abs(v) >= 100:
        return f"{v:.0f}"
    if abs(v) >= 10:
        return f"{v:.1f}"
    if abs(v) >= 0.1:
        return f"{v:.2f}"
    return f"{v:.3f}"


def _bars(
    ax, groups: list[str], methods: list[str], values: dict[tuple[str, str], float | None], title: str, ylabel: str
) -> None:
    n = len(methods)
    width = 0.8 / n
    x = np.arange(len(groups))
    top = max([v for v in values.values() if v is not None] + [0.0])
    small = len(groups) * n > 36
    for i, meth in enumerate(methods):
        vals = [values.get((g, meth)) for g in groups]
        xs = x - 0.4 + width * (i + 0.5)
        heights = [0.0 if v is None else v for v in vals]
        bars = ax.bar(xs, heights, width * 0.92, color=COLOURS[i % len(COLOURS)], label=meth)
        for b, v in zip(bars, vals):
            text = "n/a" if v is None else _label(v)
            ax.annotate(
                text,
                (b.get_x() + b.get_width() / 2, b.get_height()),
                xytext=(0, 2),
                textcoords="offset points",
                ha="center",
                va="bottom",
                fontsize=6 if small else 7.5,
                rotation=90 if small else 0,
                color="#444444" if v is None else "black",
            )
    ax.set_xticks(x, [g.replace("_", " ") for g in groups], fontsize=9)
    if groups and groups[0] == "all" and len(groups) > 1:  # set the all-scenes group apart from the room types
        ax.axvline(0.5, color="#999999", linestyle="--", linewidth=0.8)
        ax.get_xticklabels()[0].set_fontweight("bold")
    ax.set_title(title, fontsize=10.5, fontweight="bold")
    ax.set_ylabel(ylabel, fontsize=9)
    ax.set_ylim(0, top * (1.35 if small else 1.22) if top > 0 else 1.0)
    ax.tick_params(axis="y", labelsize=8)
    ax.grid(axis="y", alpha=0.3)
    ax.set_axisbelow(True)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)


def plot_comparison(rows: list[dict[str, Any]], metrics: list, methods: list[str], path: str | Path, dpi: int = 110) -> Path:
    """Write the grid of bar panels to ``path`` (PNG) and return it."""
    require("matplotlib")
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    from scenerevis.fileio import atomic_write_bytes

    groups = list(dict.fromkeys(r["room_type"] for r in rows))
    panels: list[tuple[str, str, dict]] = []
    obj = {(r["room_type"], r["method"]): r.get("objects_per_scene") for r in rows}
    panels.append(("objects per scene", "objects", obj))
    for mt in metrics:
        arrow = "↓ better" if mt.better == "lower" else "↑ better"
        panels.append((f"{mt.label}  ({arrow})", mt.unit, {(r["room_type"], r["method"]): r.get(mt.key) for r in rows}))
    kinds = [k.removeprefix("failed_") for k in rows[0] if k.startswith("failed_")] if rows else []
    failed = {(k, r["method"]): r.get(f"failed_{k}") for r in rows if r["room_type"] == "all" for k in kinds}

    ncols = 3 if len(groups) * len(methods) <= 12 else 2
    n_panels = len(panels) + (1 if kinds else 0)
    nrows = math.ceil(n_panels / ncols)
    panel_w = max(5.2, 0.55 * len(groups) * len(methods) + 1.2)
    fig = Figure(figsize=(panel_w * ncols, 3.3 * nrows + 1.0), dpi=dpi)
    FigureCanvasAgg(fig)
    axes = fig.subplots(nrows, ncols, squeeze=False).ravel()
    for ax, (title, unit, values) in zip(axes, panels):
        _bars(ax, groups, methods, values, title, unit)
    if kinds:
        _bars(axes[len(panels)], kinds, methods, failed, "failed scenes per report, all rooms  (↓ better)", "scenes")
        axes[len(panels)].yaxis.get_major_locator().set_params(integer=True)
    for ax in axes[n_panels:]:
        ax.set_visible(False)
    handles, labels = axes[0].get_legend_handles_labels()
    fig.legend(
        handles, labels, loc="upper center", ncol=min(len(methods), 6), fontsize=11, frameon=False, bbox_to_anchor=(0.5, 0.995)
    )
    # fixed margins in inches (tight_layout would draw the whole figure once more)
    w_in, h_in = fig.get_size_inches()
    fig.subplots_adjust(left=0.75 / w_in, right=1 - 0.2 / w_in, bottom=0.45 / h_in, top=1 - 0.95 / h_in, wspace=0.28, hspace=0.42)
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=dpi)
    return atomic_write_bytes(path, buf.getvalue())
