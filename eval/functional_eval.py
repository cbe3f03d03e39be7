"""Functional metrics (navigability, accessibility, passages, support, essentials) of a folder of scenes; see `--help`."""

from scenerevis.eval.cli import functional_main

if __name__ == "__main__":
    raise SystemExit(functional_main())
