"""importers: read other methods' scene outputs as our scenes (flat SSR JSON, DESIGN.md section 2).

Formats: Holodeck / ProcTHOR house JSON (:mod:`.holodeck`), raw 3D-FRONT house JSON with 3D-FUTURE
models (:mod:`.front3d`), the simple box format (:mod:`.box`) and the project's own flat / grouped /
ReSpace JSON. House files give one scene per room. :mod:`.loader` detects the format and reads
files; :mod:`.convert` is the command ``python -m scenerevis.eval.importers convert``.
"""

from scenerevis.eval.importers.box import BOX_FORMAT, DEFAULT_HEIGHT, UNITS, box_to_flat, is_box_format
from scenerevis.eval.importers.common import DEFAULT_CEILING, HouseResult, ImportOptions, RoomScene, Skipped
from scenerevis.eval.importers.convert import ConversionReport, check_output_dir, convert_files, convert_inputs, main
from scenerevis.eval.importers.front3d import front3d_to_scenes, is_front3d_house
from scenerevis.eval.importers.holodeck import ObjathorCatalog, holodeck_to_scenes, is_holodeck_house
from scenerevis.eval.importers.loader import (
    HOUSE_FORMATS,
    IMPORT_FORMATS,
    SCENE_FORMATS,
    detect_format,
    load_any_scene,
    load_any_scenes,
    scene_from_any,
    scenes_from_any,
)

__all__ = [
    "BOX_FORMAT",
    "DEFAULT_CEILING",
    "DEFAULT_HEIGHT",
    "HOUSE_FORMATS",
    "IMPORT_FORMATS",
    "SCENE_FORMATS",
    "UNITS",
    "ConversionReport",
    "HouseResult",
    "ImportOptions",
    "ObjathorCatalog",
    "RoomScene",
    "Skipped",
    "box_to_flat",
    "check_output_dir",
    "convert_files",
    "convert_inputs",
    "detect_format",
    "front3d_to_scenes",
    "holodeck_to_scenes",
    "is_box_format",
    "is_front3d_house",
    "is_holodeck_house",
    "load_any_scene",
    "load_any_scenes",
    "main",
    "scene_from_any",
    "scenes_from_any",
]
