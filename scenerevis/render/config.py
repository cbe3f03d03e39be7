"""config.py: RenderConfig, the single source of rendering options."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

#: Engines the Blender backend knows; the GL backend ignores the engine.
ENGINES: tuple[str, ...] = ("workbench", "cycles", "eevee")
#: Overlay layers that :mod:`scenerevis.render.overlays` can draw.
OVERLAYS: tuple[str, ...] = ("boxes", "arrows", "grid", "labels")
#: View names, in merged-image order (left to right).
VIEWS: tuple[str, ...] = ("top", "diag")

RGB = tuple[int, int, int]


@dataclass
class RenderConfig:
    """All rendering options (DESIGN.md section 5). Colours are 8-bit sRGB, angles degrees, lengths metres."""

    renderer: str = "blender"  # backend name: "blender" (bpy worker) or "gl" (pyrender over EGL)
    engine: str = "cycles"  # Blender engine: "workbench" (fast preview), "cycles" (default), "eevee"
    device: str = "auto"  # Cycles device: "cpu", "gpu" (fails if none), "auto" (GPU when one exists)
    resolution: int = 512  # width = height of each view, pixels
    samples: int = 4  # Cycles / EEVEE samples per pixel (4 + OpenImageDenoise reads clean at 512 px)
    denoise: bool = True  # OpenImageDenoise on Cycles output
    denoise_quality: str = "fast"  # OIDN quality: "fast" (~half the CPU of "high", same look at 512 px), "balanced", "high"
    adaptive_threshold: float = 0.05  # Cycles adaptive-sampling noise threshold (0 = always take every sample)
    seed: int = 0  # picks the room corner of the diagonal camera (reproducible)
    shading: str = "lit"  # "lit" (shaded) or "flat" (unlit base colours, for masks/tests; Blender then uses Workbench)
    overlays: tuple[str, ...] = ()  # subset of OVERLAYS drawn over both views
    diag_fov_deg: float = 50.0  # vertical field of view of the diagonal camera
    diag_elevation_deg: float = 38.0  # angle of the diagonal camera above the floor plane
    top_margin: float = 0.06  # empty border around the floor polygon in the top view, fraction of its extent
    floor_thickness: float = 0.05  # floor slab thickness below y = 0
    wall_height: float = 0.12  # height of the low wall outline (0 disables it)
    wall_thickness: float = 0.05  # thickness of the wall outline, outside the polygon
    background: RGB = (236, 238, 242)  # world / clear colour
    floor_color: RGB = (200, 190, 175)  # floor slab colour
    wall_color: RGB = (120, 124, 132)  # wall outline colour
    placeholder_color: RGB = (255, 0, 200)  # boxes standing in for objects without a mesh
    merged_size: tuple[int, int] = (1080, 570)  # merged image (width, height), pixels
    label_views: bool = True  # print "Top view" / "Diagonal view" above each view in the merged image
    timeout_s: float = 180.0  # seconds one Blender job may take (incl. worker start) before it is killed
    blender_executable: str | None = None  # full Blender binary (subprocess ``-b -P``); None = bpy module
    python_executable: str | None = None  # Python with bpy for the worker; None = the current interpreter
    max_jobs_per_worker: int = 500  # restart the Blender worker after this many jobs (bounds memory)
    asset_cache_dir: str | None = None  # folder for temp GLBs of resolver meshes; None = a temp folder

    def __post_init__(self) -> None:
        if self.engine not in ENGINES:
            raise ValueError(f"RenderConfig.engine: unknown engine {self.engine!r}; known: {', '.join(ENGINES)}")
        if self.device not in ("cpu", "gpu", "auto"):
            raise ValueError(f"RenderConfig.device: expected 'cpu', 'gpu' or 'auto', got {self.device!r}")
        if self.shading not in ("lit", "flat"):
            raise ValueError(f"RenderConfig.shading: expected 'lit' or 'flat', got {self.shading!r}")
        if not (16 <= int(self.resolution) <= 8192):
            raise ValueError(f"RenderConfig.resolution: expected 16..8192 pixels, got {self.resolution}")
        if self.denoise_quality not in ("fast", "balanced", "high"):
            raise ValueError(f"RenderConfig.denoise_quality: expected fast, balanced or high, got {self.denoise_quality!r}")
        if self.adaptive_threshold < 0:
            raise ValueError(f"RenderConfig.adaptive_threshold: expected >= 0, got {self.adaptive_threshold}")
        if int(self.samples) < 1:
            raise ValueError(f"RenderConfig.samples: expected >= 1, got {self.samples}")
        self.overlays = tuple(self.overlays)
        bad = [o for o in self.overlays if o not in OVERLAYS]
        if bad:
            raise ValueError(f"RenderConfig.overlays: unknown {bad}; known: {', '.join(OVERLAYS)}")
        if not (1.0 <= self.diag_fov_deg <= 150.0):
            raise ValueError(f"RenderConfig.diag_fov_deg: expected 1..150 degrees, got {self.diag_fov_deg}")
        if not (5.0 <= self.diag_elevation_deg <= 89.0):
            raise ValueError(f"RenderConfig.diag_elevation_deg: expected 5..89 degrees, got {self.diag_elevation_deg}")
        if self.top_margin < 0 or self.floor_thickness <= 0 or self.wall_height < 0 or self.wall_thickness <= 0:
            raise ValueError("RenderConfig: top_margin, wall_height must be >= 0; floor/wall thickness > 0")
        if self.timeout_s <= 0:
            raise ValueError(f"RenderConfig.timeout_s: expected > 0 seconds, got {self.timeout_s}")
        if len(self.merged_size) != 2 or min(self.merged_size) < 64:
            raise ValueError(f"RenderConfig.merged_size: expected (width, height) >= 64, got {self.merged_size}")
        for name in ("background", "floor_color", "wall_color", "placeholder_color"):
            value = tuple(int(v) for v in getattr(self, name))
            if len(value) != 3 or not all(0 <= v <= 255 for v in value):
                raise ValueError(f"RenderConfig.{name}: expected 3 ints in 0..255, got {getattr(self, name)}")
            setattr(self, name, value)
        self.resolution = int(self.resolution)
        self.samples = int(self.samples)
        self.seed = int(self.seed)

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-able dict of the options."""
        d = asdict(self)
        d["overlays"] = list(self.overlays)
        return d
