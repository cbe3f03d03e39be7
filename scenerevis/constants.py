"""constants.py: every tolerance and threshold of the metric definitions (DESIGN.md section 6), in one place.

Units are metres, cubic metres and percent as named.
"""

from __future__ import annotations

#: FCL contact counts as a collision only when its penetration depth exceeds this (m).
COLLISION_DEPTH_THRESHOLD: float = 0.01
#: Surface samples per object for the out-of-bounds test.
OOB_SAMPLES: int = 500
#: Floor polygon buffer and height slack for the out-of-bounds test (m).
OOB_BUFFER: float = 0.001
#: An object is out of bounds when more than this fraction of its samples is outside.
OOB_FRACTION_THRESHOLD: float = 0.01
#: Voxel edge length for the voxel losses (m).
VOXEL_PITCH: float = 0.05
#: A scene is physically valid when its voxel PBL is at most this (m^3).
PBL_VALID_THRESHOLD: float = 0.1
#: Objects at most this tall (m) lying on the floor count as floor coverings (rugs, mats).
FLOOR_COVERING_MAX_HEIGHT: float = 0.03
#: Default seed of every sampling step of the evaluators.
DEFAULT_SEED: int = 0
