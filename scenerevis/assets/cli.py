"""cli.py: the ``python -m scenerevis.assets`` command: search the catalogs, draw the contact sheet, export metadata."""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from pathlib import Path


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m scenerevis.assets", description="SceneReVis asset catalog tools")
    sub = p.add_subparsers(dest="cmd", required=True)

    s = sub.add_parser("search", help="rank assets for a description (and optional size)")
    s.add_argument("desc", help="object description, e.g. 'low walnut platform bed'")
    s.add_argument("--size", nargs=3, type=float, metavar=("W", "H", "D"), help="size in metres [width height depth]")
    s.add_argument("--source", default="builtin", choices=["builtin", "3d-future", "objaverse", "auto"])
    s.add_argument("--top-k", type=int, default=5)
    s.add_argument("--json", action="store_true", help="print a JSON list")
    s.add_argument("--lam", type=float, default=0.5, help="text weight lambda (DESIGN default 0.5)")
    s.add_argument("--sigma", type=float, default=0.05, help="size Gaussian width in metres (DESIGN default 0.05)")
    s.add_argument("--category-weight", type=float, default=0.0, help="extra category-prototype term (0 = DESIGN score)")
    s.add_argument("--encoder", default="minilm", help="query encoder: minilm | sbert:<path> | clip:<path> | siglip:<path>")
    s.add_argument("--future-root", help="3D-FUTURE-model folder")
    s.add_argument("--future-metadata", help="model_info_3dfuture_assets.json")
    s.add_argument("--future-metadata-scaled", help="model_info_3dfuture_assets_scaled.json")
    s.add_argument("--future-embeddings", help="ReSpace embeddings pickle")
    s.add_argument("--objaverse-dir", default=None, help="objathor base dir (default: $OBJATHOR_ASSETS_BASE_DIR)")
    s.add_argument("--clip-encoder", help="CLIP text tower for Objaverse, e.g. clip:<path>")
    s.add_argument("--sbert-encoder", help="SBERT model for Objaverse, e.g. sbert:<path>")
    s.add_argument(
        "--cache-dir", help="cache folder (default: $SCENEREVIS_CACHE_DIR, $XDG_CACHE_HOME/scenerevis or ~/.cache/scenerevis)"
    )

    sh = sub.add_parser("sheet", help="render a labelled contact sheet, one thumbnail per category")
    sh.add_argument("--out", default="docs/catalog.png")
    sh.add_argument("--thumb", type=int, default=200)
    sh.add_argument("--columns", type=int, default=8)
    sh.add_argument("--variant", type=int, default=1, help="which variant of each category (1-based)")
    sh.add_argument("--backend", default="auto", choices=["auto", "pyrender", "matplotlib"])
    sh.add_argument("--categories", nargs="+", help="only these categories (default: all)")

    m = sub.add_parser("metadata", help="write the built-in catalog records as JSON")
    m.add_argument("--out", default="metadata/builtin_catalog.json")

    g = sub.add_parser("glb", help="write one built-in asset's GLB and print its path")
    g.add_argument("asset_id")
    g.add_argument("--cache-dir")
    return p


def _cache_dir(arg: str | None) -> str | None:
    """--cache-dir, else $SCENEREVIS_CACHE_DIR, else $XDG_CACHE_HOME/scenerevis, else None (library default)."""
    if arg:
        return arg
    if os.environ.get("SCENEREVIS_CACHE_DIR"):
        return os.environ["SCENEREVIS_CACHE_DIR"]
    xdg = os.environ.get("XDG_CACHE_HOME")
    return str(Path(xdg) / "scenerevis") if xdg else None


def _search(args) -> int:
    from scenerevis.assets.config import RetrievalConfig
    from scenerevis.assets.retrieval import Retriever

    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    cfg = RetrievalConfig(
        source=args.source,
        lam=args.lam,
        sigma=args.sigma,
        category_weight=args.category_weight,
        encoder=args.encoder,
        cache_dir=_cache_dir(args.cache_dir),
        future_root=args.future_root,
        future_metadata=args.future_metadata,
        future_metadata_scaled=args.future_metadata_scaled,
        future_embeddings=args.future_embeddings,
        objaverse_dir=args.objaverse_dir or os.environ.get("OBJATHOR_ASSETS_BASE_DIR"),
        clip_encoder=args.clip_encoder,
        sbert_encoder=args.sbert_encoder,
    )
    matches = Retriever(cfg).search(args.desc, args.size, top_k=args.top_k)
    if args.json:
        print(json.dumps([m.to_dict() for m in matches], indent=2))
        return 0
    for m in matches:
        size = "x".join(f"{s:.2f}" for s in m.size)
        print(f"{m.rank + 1:2d}. {m.score:8.4f}  {m.asset_id:28s} {m.category:22s} {size:16s} {m.description}")
    return 0


def _sheet(args) -> int:
    os.environ.setdefault("PYOPENGL_PLATFORM", "egl")
    import io

    from scenerevis.assets.catalog import BuiltinCatalog
    from scenerevis.assets.sheet import SheetConfig, catalog_sheet
    from scenerevis.fileio import atomic_write_bytes

    img, backend = catalog_sheet(
        BuiltinCatalog(_cache_dir(None)),
        SheetConfig(thumb=args.thumb, columns=args.columns, backend=args.backend),
        variant=args.variant,
        categories=args.categories,
    )
    buf = io.BytesIO()
    img.save(buf, format="PNG", optimize=True)
    atomic_write_bytes(args.out, buf.getvalue())
    print(f"wrote {args.out} ({img.size[0]}x{img.size[1]}, {backend})")
    return 0


def _metadata(args) -> int:
    from scenerevis.assets.catalog import BuiltinCatalog
    from scenerevis.fileio import atomic_write_json

    cat = BuiltinCatalog()
    atomic_write_json(args.out, {"content_hash": cat.content_hash(), "assets": cat.metadata()})
    print(f"wrote {args.out} ({len(cat)} assets, {len(cat.categories)} categories)")
    return 0


def _glb(args) -> int:
    from scenerevis.assets.catalog import BuiltinCatalog

    print(BuiltinCatalog(_cache_dir(args.cache_dir)).glb_path(args.asset_id))
    return 0


def main(argv: list[str] | None = None) -> int:
    """Entry point; returns the process exit code."""
    args = _parser().parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    try:
        return {"search": _search, "sheet": _sheet, "metadata": _metadata, "glb": _glb}[args.cmd](args)
    except (ValueError, KeyError, FileNotFoundError, ImportError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
