"""VLM-judge scores (rationality, spatial layout, accessibility) of final renders; see `--help`."""

from scenerevis.judge.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
