"""config.py: PhysicsConfig, the options of the mesh and voxel evaluators (defaults = DESIGN.md section 6)."""

from __future__ import annotations

from dataclasses import dataclass

from scenerevis import constants as C


@dataclass
class PhysicsConfig:
    """Options of the physics checks. Units: metres, cubic metres.

    The defaults reproduce the published CNR/OBR/PBL definitions.
    """

    depth_threshold: float = C.COLLISION_DEPTH_THRESHOLD  # FCL penetration depth that counts as a collision (m)
    oob_samples: int = C.OOB_SAMPLES  # surface samples per object for the out-of-bounds test
    oob_buffer: float = C.OOB_BUFFER  # floor polygon buffer and height slack (m)
    oob_fraction_threshold: float = C.OOB_FRACTION_THRESHOLD  # object is OOB above this outside share
    voxel_pitch: float = C.VOXEL_PITCH  # voxel edge (m)
    pbl_valid_threshold: float = C.PBL_VALID_THRESHOLD  # scene valid when PBL <= this (m^3)
    seed: int = C.DEFAULT_SEED  # seed of the surface sampling (per object: seed + object index)
    # Rugs and mats (height <= FLOOR_COVERING_MAX_HEIGHT, lying on the floor) are walked on and
    # stood on: by default they take part in no collision pair (they are still checked for OOB).
    ignore_floor_coverings: bool = True
    # Compute per-object OOB volume (voxels outside the room) for objects found out of bounds.
    oob_volume: bool = True
    # True: each colliding pair reports its deepest FCL contact (every triangle contact enumerated).
    # False (fast, for RL rewards): the same verdicts, but a pair whose first contact is already
    # deeper than depth_threshold reports that contact's depth, a lower bound of the deepest.
    exact_depth: bool = True
    # Voxel losses: "ours" (every placed mesh on one world grid) or "original" (the original
    # eval/voxel_eval.py's per-object grids snapped with floor(); for comparison with published tables).
    voxel_compat: str = "ours"

    def __post_init__(self) -> None:
        if self.depth_threshold < 0:
            raise ValueError(f"depth_threshold must be >= 0, got {self.depth_threshold}")
        if self.oob_samples < 1:
            raise ValueError(f"oob_samples must be >= 1, got {self.oob_samples}")
        if not 0 <= self.oob_fraction_threshold < 1:
            raise ValueError(f"oob_fraction_threshold must be in [0, 1), got {self.oob_fraction_threshold}")
        if self.voxel_pitch <= 0:
            raise ValueError(f"voxel_pitch must be > 0, got {self.voxel_pitch}")
        if self.voxel_compat not in ("ours", "original"):
            raise ValueError(f"voxel_compat must be 'ours' or 'original', got {self.voxel_compat!r}")
        if self.oob_buffer < 0:
            raise ValueError(f"oob_buffer must be >= 0, got {self.oob_buffer}")
