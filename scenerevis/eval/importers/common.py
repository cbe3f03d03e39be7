"""common.py: what every house importer returns (scenes, skipped items with reasons) and small field readers.

A *house* file (Holodeck / ProcTHOR, raw 3D-FRONT) holds several rooms; each importer turns it into
one flat SSR scene dict per room (DESIGN.md section 2: metres, Y up, floor at y = 0, ``pos`` the
bottom-centre of the object's box, ``rot`` a yaw quaternion ``[x, y, z, w]``, identity facing +Z).
Nothing is dropped silently: every room or object left out is a :class:`Skipped` entry with its
reason, and objects whose asset size was not found in the asset metadata are counted.
"""

from __future__ import annotations

import math
import os
import re
from dataclasses import asdict, dataclass, field
from typing import Any

from scenerevis.scene.validate import SceneFormatError

#: Ceiling height (m) of rooms whose walls or ceiling give none.
DEFAULT_CEILING = 2.7


@dataclass
class ImportOptions:
    """Where the asset metadata of house importers lives, and what to keep.

    ``objathor_dir``: folder with objathor ``annotations.json(.gz)`` (Holodeck assets; default
    ``$OBJATHOR_ASSETS_BASE_DIR``). ``future_root``: 3D-FUTURE folder with ``model_info.json`` and
    ``<jid>/raw_model.obj``. ``keep_empty_rooms``: also write rooms without a single object
    (skipped, with a reason, by default: an empty room scores a perfect CNR/OBR).
    """

    objathor_dir: str | os.PathLike | None = None
    future_root: str | os.PathLike | None = None
    keep_empty_rooms: bool = False
    default_ceiling: float = DEFAULT_CEILING

    def resolved_objathor_dir(self) -> str | None:
        """``objathor_dir``, else ``$OBJATHOR_ASSETS_BASE_DIR``, else None."""
        if self.objathor_dir:
            return str(self.objathor_dir)
        return os.environ.get("OBJATHOR_ASSETS_BASE_DIR") or None


@dataclass
class Skipped:
    """A room or object that was not converted: ``what`` names it (file field or id), ``reason`` says why."""

    what: str
    reason: str

    def line(self, source: str) -> str:
        return f"{source}: {self.what}: {self.reason}"


@dataclass
class RoomScene:
    """One converted room: ``name`` is the output file stem, ``flat`` the flat SSR dict."""

    name: str
    flat: dict[str, Any]
    unknown_assets: list[str] = field(default_factory=list)  # object ids whose size did not come from asset metadata


@dataclass
class HouseResult:
    """Everything one input file gave: its rooms as scenes, what was skipped and why, and notes."""

    source: str
    format: str
    scenes: list[RoomScene] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready summary (without the scene dicts)."""
        return {
            "source": self.source,
            "format": self.format,
            "scenes": [s.name for s in self.scenes],
            "num_objects": sum(len(s.flat.get("objects", [])) for s in self.scenes),
            "unknown_assets": {s.name: s.unknown_assets for s in self.scenes if s.unknown_assets},
            "skipped": [asdict(s) for s in self.skipped],
            "warnings": list(self.warnings),
        }


def number(value: Any, source: str, field: str, positive: bool = False) -> float:
    """``value`` as one finite float (> 0 when ``positive``), else a one-line SceneFormatError."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise SceneFormatError(source, field, f"expected a number, got {value!r}")
    if not math.isfinite(value) or (positive and value <= 0):
        raise SceneFormatError(source, field, f"must be {'> 0' if positive else 'finite'}, got {value!r}")
    return float(value)


def xyz(value: Any, source: str, field: str, default: float | None = None) -> tuple[float, float, float]:
    """A ``{"x", "y", "z"}`` dict (THOR style) as a tuple; a missing key takes ``default`` when given."""
    if not isinstance(value, dict):
        raise SceneFormatError(source, field, f"expected an object with x, y, z, got {value!r}")
    out = []
    for k in ("x", "y", "z"):
        if k not in value and default is not None:
            out.append(default)
        elif k not in value:
            raise SceneFormatError(source, f"{field}.{k}", "missing")
        else:
            out.append(number(value[k], source, f"{field}.{k}"))
    return out[0], out[1], out[2]


def get_list(data: dict, key: str, source: str, field: str | None = None, required: bool = False) -> list:
    """``data[key]`` as a list (``[]`` when absent and not ``required``)."""
    name = field or key
    if key not in data or data[key] is None:
        if required:
            raise SceneFormatError(source, name, "missing")
        return []
    if not isinstance(data[key], list):
        raise SceneFormatError(source, name, f"expected a list, got {type(data[key]).__name__}")
    return data[key]


def safe_name(text: str) -> str:
    """A file-name-safe version of a room id (letters, digits, ``-``, ``_``, ``.``)."""
    out = re.sub(r"[^A-Za-z0-9._-]+", "_", text).strip("._")
    return out or "room"


def category_key(text: str) -> str:
    """``"Double Bed"`` -> ``"double_bed"``."""
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")


def room_bounds(xz: list[tuple[float, float]], height: float) -> tuple[list[list[float]], list[list[float]]]:
    """``bounds_bottom`` (corners at y = 0) and ``bounds_top`` (at ``height``) of a floor polygon in XZ."""
    bottom = [[round(float(x), 6), 0.0, round(float(z), 6)] for x, z in xz]
    return bottom, [[x, round(float(height), 6), z] for x, _, z in bottom]
