"""home.py: generators of the catalog_home pack.

All builders fill ``[-w/2, w/2] x [0, h] x [-d/2, d/2]`` (metres, Y up, front +Z).
"""

from __future__ import annotations
