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
.brief td.placed,.brief td.met{color:#1b5e20} .brief td.dropped,.brief td.unmet{color:#b00020}
.brief td.partial,.brief td.substituted,.brief td.generic{color:#8a5300}
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


def _brief_table(requirement: str, scene) -> str:
    """The requested-vs-delivered table: each request of the prompt as read by the built-in parser and
    what the final scene holds of it (whoever designed the scene), then each arrangement request."""
    from scenerevis.policy.narrate import brief_outcome

    out = brief_outcome(requirement, scene)
    if not (out.deliveries or out.relations or out.not_placed):
        return ""
    rows = [
        f"<tr><td>{_e(d.phrase)}</td><td>{d.asked}</td><td>{d.placed}</td><td class='{d.status}'>{d.status}</td><td>{_e(d.note)}</td></tr>"
        for d in out.deliveries
    ]
    rows += [
        f"<tr><td>{_e(p)}</td><td></td><td>0</td><td class='dropped'>not placed</td><td>{_e(why)}</td></tr>"
        for p, why in out.not_placed
    ]
    rows += [
        f"<tr><td>{_e(n)}</td><td>0</td><td></td><td class='met'>left out</td><td>excluded by the prompt</td></tr>"
        for n in out.excluded
    ]
    parts = [
        "<h2>Requested vs delivered</h2>",
        "" if out.english else "<p class='err'>The prompt does not read as English; the parser reads English only.</p>",
        "<table class='brief' id='brief'><tr><th>request</th><th>asked</th><th>in the scene</th><th>outcome</th><th>note</th></tr>",
        "".join(rows),
        "</table>",
    ]
    if out.relations:
        rel_rows = "".join(
            f"<tr><td>{_e(r.subject)}</td><td>{_e(r.text or r.kind)}</td><td>{_e(r.target or '')}</td>"
            f"<td class='{'met' if ok else 'unmet'}'>{'met' if ok else 'not met'}</td></tr>"
            for r, ok in out.relations
        )
        parts.append(
            "<table class='brief' id='arrangement'><tr><th>piece</th><th>arrangement</th><th>relative to</th><th>outcome</th></tr>"
            + rel_rows
            + "</table>"
        )
    return "\n".join(parts)


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
        _brief_table(result.requirement, result.scene),
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
