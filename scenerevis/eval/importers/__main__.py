"""``python -m scenerevis.eval.importers convert ...`` (see :mod:`scenerevis.eval.importers.convert`)."""

from scenerevis.eval.importers.convert import main

raise SystemExit(main())
