"""scenechain.py: import a downloaded SceneChain-12K folder; ``python -m scenerevis.train.scenechain import SRC --out DATA``.

Every ``*.jsonl`` under SRC is read row by row and validated with :func:`scenerevis.train.check.check_row`
(images relative to the JSONL's folder). Good rows get their images copied (or hard-linked with
``--link``) to ``DATA/images/`` and their paths rewritten; they are split by source scene into
``DATA/train.jsonl`` / ``DATA/val.jsonl`` with ``DATA/stats.json``. Rejected rows, with every reason,
go to ``DATA/rejected.jsonl``. Nothing is ever written under SRC.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
from pathlib import Path
from typing import Any

from scenerevis.fileio import atomic_write_json, atomic_write_text
from scenerevis.train.check import check_row


def _new_path(rel: str) -> str:
    """Image path inside DATA: ``images/<name>`` kept, anything else flattened under ``images/``."""
    rel = rel.replace("\\", "/").lstrip("./")
    if rel.startswith("images/") and "/" not in rel[len("images/") :]:
        return rel
    return "images/" + rel.replace("/", "__")


def _place(src: Path, dst: Path, link: bool) -> None:
    if dst.exists():
        return
    dst.parent.mkdir(parents=True, exist_ok=True)
    if link:
        try:
            os.link(src, dst)
            return
        except OSError:
            pass
    shutil.copyfile(src, dst)


def _scene_key(row: dict[str, Any]) -> str:
    meta = row.get("metadata") or {}
    return str(meta.get("scene_id") or row.get("id") or "")


def import_scenechain(
    src: Path, out: Path, val_ratio: float = 0.05, seed: int = 0, link: bool = False, nd: int = 4
) -> dict[str, Any]:
    """Validate, copy and split SRC's rows into ``out``; returns a summary (rows kept / rejected, reasons)."""
    from scenerevis.train.synth import is_val
    from scenerevis.train.synth_stats import dataset_stats

    src, out = Path(src).resolve(), Path(out).resolve()
    if out == src or src in out.parents:
        raise ValueError(f"--out {out} is inside the source folder {src}; choose a folder outside it")
    files = sorted(p for p in src.rglob("*.jsonl") if p.is_file())
    if not files:
        raise FileNotFoundError(f"{src}: no *.jsonl files found")
    out.mkdir(parents=True, exist_ok=True)
    kept: list[dict[str, Any]] = []
    rejected: list[dict[str, Any]] = []
    seen: set[str] = set()
    for f in files:
        with open(f, encoding="utf-8") as fh:
            for i, line in enumerate(fh):
                if not line.strip():
                    continue
                where = {"file": str(f.relative_to(src)), "line": i + 1}
                try:
                    row = json.loads(line)
                except json.JSONDecodeError as e:
                    rejected.append({**where, "id": None, "reasons": [f"invalid JSON ({e.msg})"]})
                    continue
                result = check_row(row, f.parent, i, nd)
                if result.ok and result.row_id in seen:
                    result.errors.append(f"duplicate row id {result.row_id}")
                if not result.ok:
                    rejected.append({**where, "id": result.row_id, "reasons": result.errors})
                    continue
                seen.add(result.row_id)
                new_images = []
                for p in row["images"]:
                    rel = _new_path(p)
                    _place(f.parent / p, out / rel, link)
                    new_images.append(rel)
                row["images"] = new_images
                kept.append(row)
    scenes = sorted({_scene_key(r) for r in kept})
    val = {s for s in scenes if is_val(s, seed, val_ratio)}
    splits: dict[str, list[dict[str, Any]]] = {"train": [], "val": []}
    for r in kept:
        splits["val" if _scene_key(r) in val else "train"].append(r)
    for name, rows in splits.items():
        atomic_write_text(out / f"{name}.jsonl", "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows))
    atomic_write_text(out / "rejected.jsonl", "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rejected))
    stats = dataset_stats(splits, out)
    stats["rejected"] = len(rejected)
    atomic_write_json(out / "stats.json", stats)
    return {"kept": len(kept), "rejected": len(rejected), "train": len(splits["train"]), "val": len(splits["val"])}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m scenerevis.train.scenechain", description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="command", required=True)
    imp = sub.add_parser("import", help="validate a SceneChain-12K folder and write it in our layout")
    imp.add_argument("src", type=Path, help="downloaded SceneChain-12K folder (read only)")
    imp.add_argument("--out", required=True, type=Path, help="output folder DATA")
    imp.add_argument("--val-ratio", type=float, default=0.05)
    imp.add_argument("--seed", type=int, default=0)
    imp.add_argument("--link", action="store_true", help="hard-link images instead of copying (same file system)")
    imp.add_argument("--decimals", type=int, default=4, help="decimals compared when replaying scenes")
    args = ap.parse_args(argv)
    if not args.src.is_dir():
        print(f"{args.src}: not a folder", file=sys.stderr)
        return 2
    try:
        summary = import_scenechain(args.src, args.out, args.val_ratio, args.seed, args.link, args.decimals)
    except (ValueError, FileNotFoundError) as e:
        print(str(e), file=sys.stderr)
        return 2
    print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())
