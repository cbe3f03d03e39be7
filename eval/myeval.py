"""Collision (CNR) and out-of-bounds (OBR) rates of a folder of scenes; see `--help`."""

from scenerevis.eval.cli import myeval_main

if __name__ == "__main__":
    raise SystemExit(myeval_main())
