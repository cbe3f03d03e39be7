"""Other methods' output folders -> the paper's OBR / CNR / Ra / Spa / Ac / Avg table per room type; see `--help`.

Thin wrapper of ``python -m scenerevis.eval.benchmark`` (scenerevis/eval/benchmark.py).
"""

from __future__ import annotations

if __name__ == "__main__":
    from scenerevis.eval.benchmark import main

    raise SystemExit(main())
