"""report.py: report.html of an episode: every turn's render, reply, tool calls, errors and metrics."""

from __future__ import annotations

import html
import json
from pathlib import Path

from scenerevis.fileio import atomic_write_text

_CSS = """
body{font-family:system-ui,sans-serif;margin:24px;color:#222;background:#fafafa}
h1{font-size:20px} h2{font-size:16px;margin:0 0 8px}
.turn{background:#fff;border:1px solid #ddd;border-radius:6px;padding:12px;margin:12px 0}
.row{display:flex;gap:16px;flex-wrap:wrap} img{max-width:720px;width:100%;border:1px solid #ccc}
pre{white-space:pre-wrap;background:#f3f3f3;padding:8px;border-radius:4px;max-height:320px;overflow:auto;font-size:12px}
.err{color:#b00020} .ok{color:#1b5e20} table{border-collapse:collapse} td,th{border:1px solid #ccc;padding:2px 8px;font-size:13px}
"""
# Marks the page once every image has loaded (tests and people can check body[data-images-ok]).
_SCRIPT = """
window.addEventListener('load', () => {
  const imgs = Array.from(document.images);
  const bad = imgs.filter(i => !i.complete || i.naturalWidth === 0).map(i => i.getAttribute('src'));
  document.body.dataset.imagesOk = String(bad.length === 0);
  document.body.dataset.imagesLoaded = String(imgs.length - bad.length);
  document.getElementById('image-status').textContent = bad.length ? 'missing images: ' + bad.join(', ') : imgs.length + ' images loaded';
});
"""


def _e(text) -> str:
    return html.escape("" if text is None else str(text))


def _metrics_table(m: dict) -> str:
    if not m:
        return ""
    rows = "".join(
        f"<tr><th>{_e(k)}</th><td>{_e(', '.join(v) if isinstance(v, list) else (f'{v:.2f}' if isinstance(v, float) else v))}</td></tr>"
        for k, v in m.items()
    )
    return f"<table>{rows}</table>"


def write_report(result, path: str | Path) -> Path:
    """Write the self-contained HTML report of an :class:`~scenerevis.loop.episode.EpisodeResult`.

    Images are referenced by their file names next to the report (the episode folder).
    """
    parts = [
        "<!doctype html><html><head><meta charset='utf-8'><title>SceneReVis episode</title>",
        f"<style>{_CSS}</style></head><body>",
        f"<h1>{_e(result.requirement)}</h1>",
        f"<p>{len(result.turns)} turns, {'terminated by the policy' if result.terminated else 'stopped at the turn limit'}, "
        f"{result.seconds:.1f} s. <span id='image-status'></span></p>",
        _metrics_table(result.metrics),
    ]
    for t in result.turns:
        parts.append(f"<div class='turn' id='turn-{t.turn}'><h2>Turn {t.turn} — {_e(t.kind)}</h2><div class='row'>")
        if t.image:
            parts.append(f"<div><img src='{_e(Path(t.image).name)}' alt='render of turn {t.turn}'></div>")
        parts.append("<div style='flex:1;min-width:320px'>")
        if t.render_error:
            parts.append(f"<p class='err'>render: {_e(t.render_error)}</p>")
        if t.feedback_in:
            parts.append(f"<details><summary>feedback shown to the policy</summary><pre>{_e(t.feedback_in)}</pre></details>")
        parts.append(f"<details open><summary>reply</summary><pre>{_e(t.reply)}</pre></details>")
        if t.calls:
            parts.append(
                f"<details><summary>{len(t.calls)} tool calls</summary><pre>{_e(json.dumps(t.calls, indent=1))}</pre></details>"
            )
        if t.results:
            parts.append("<ul>" + "".join(f"<li class='ok'>{_e(r)}</li>" for r in t.results) + "</ul>")
        if t.errors:
            parts.append("<ul>" + "".join(f"<li class='err'>{_e(r)}</li>" for r in t.errors) + "</ul>")
        if t.repairs:
            parts.append("<p>optimizer: " + _e("; ".join(t.repairs)) + "</p>")
        parts.append(_metrics_table(t.metrics))
        timing = ", ".join(f"{k} {v:.2f}s" for k, v in t.timings.items())
        parts.append(f"<p style='color:#666;font-size:12px'>{_e(timing)}</p></div></div></div>")
    parts.append(f"<script>{_SCRIPT}</script></body></html>")
    return atomic_write_text(path, "\n".join(parts))
