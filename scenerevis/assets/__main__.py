"""__main__.py: ``python -m scenerevis.assets`` runs the assets CLI."""

import sys

from scenerevis.assets.cli import main

if __name__ == "__main__":
    sys.exit(main())
