"""Compare methods' evaluation result folders: one table (markdown + CSV) and bar plots per method and room type; see `--help`."""

from __future__ import annotations

import argparse
import logging


def main(argv: list[str] | None = None) -> int:
    from scenerevis.eval.compare import CompareConfig, compare

    p = argparse.ArgumentParser(
        description="Gather result folders (evaluation_results.json from eval/myeval.py, voxel / functional / VLM-judge "
        "JSON reports, whichever are present; recognised by content) into comparison.md, .csv, .json and .png."
    )
    p.add_argument("results", nargs="+", help="one result folder per method")
    p.add_argument("--names", nargs="+", default=None, help="method names, in the order of the folders (default: folder names)")
    p.add_argument("--output_dir", default="comparison", help="folder for comparison.md / .csv / .json / .png")
    p.add_argument("--no_plot", action="store_true", help="skip the PNG (no matplotlib needed)")
    p.add_argument("--dpi", type=int, default=110, help="PNG resolution")
    args = p.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(message)s")
    try:
        written = compare(args.results, args.names, CompareConfig(args.output_dir, plot=not args.no_plot, dpi=args.dpi))
    except (FileNotFoundError, ValueError) as err:
        raise SystemExit(f"error: {err}") from None
    for kind, path in written.items():
        print(f"wrote {kind}: {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
