"""loader.py: detect a scene file's format and read it as scenes (one per room for house formats).

Formats (``fmt`` names): ``holodeck`` (Holodeck / ProcTHOR house, :mod:`.holodeck`), ``3dfront``
(raw 3D-FRONT house, :mod:`.front3d`), ``box`` (``scenerevis-box/1``, :mod:`.box`) and ``ssr`` (the
project's flat / grouped / ReSpace JSON; ``ours`` and ``respace`` are accepted spellings). ``auto``
looks at the keys: ``rooms[].floorPolygon`` -> holodeck, ``scene.room`` + ``furniture``/``mesh`` ->
3dfront, the box marker or ``floor``/``width`` -> box, anything else -> ssr.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from scenerevis.eval.importers.box import box_to_flat, is_box_format
from scenerevis.eval.importers.common import HouseResult, ImportOptions, RoomScene
from scenerevis.eval.importers.front3d import front3d_to_scenes, is_front3d_house
from scenerevis.eval.importers.holodeck import holodeck_to_scenes, is_holodeck_house
from scenerevis.scene.formats import read_json_file, scene_from_dict
from scenerevis.scene.model import Scene
from scenerevis.scene.validate import SceneFormatError

#: Per-file scene formats the folder evaluators accept ("ours"/"respace" are SSR JSON, auto-detected).
SCENE_FORMATS = ("auto", "ours", "respace", "box")
#: Formats whose files hold a whole house (several rooms).
HOUSE_FORMATS = ("holodeck", "3dfront")
#: Every format name :func:`load_any_scenes` and the converter accept.
IMPORT_FORMATS = ("auto", *HOUSE_FORMATS, "box", "ssr", "ours", "respace")


def detect_format(data: Any) -> str:
    """``"holodeck"``, ``"3dfront"``, ``"box"`` or ``"ssr"`` for a parsed JSON value."""
    if is_holodeck_house(data):
        return "holodeck"
    if is_front3d_house(data):
        return "3dfront"
    if is_box_format(data):
        return "box"
    return "ssr"


def _canonical(fmt: str) -> str:
    if fmt not in IMPORT_FORMATS:
        raise ValueError(f"unknown scene format {fmt!r}; expected one of {IMPORT_FORMATS}")
    return "ssr" if fmt in ("ours", "respace") else fmt


def scenes_from_any(data: Any, source: str, fmt: str = "auto", options: ImportOptions | None = None) -> HouseResult:
    """Every room of a parsed JSON value as validated flat scene dicts, with what was skipped and why.

    Single-room formats give one scene named after the file. Raises SceneFormatError (one line,
    naming the file and field) when the file as a whole cannot be read; rooms or objects that
    cannot be converted are listed in ``HouseResult.skipped`` instead.
    """
    fmt = _canonical(fmt)
    kind = detect_format(data) if fmt == "auto" else fmt
    if kind == "holodeck":
        res = holodeck_to_scenes(data, source, options)
    elif kind == "3dfront":
        res = front3d_to_scenes(data, source, options)
    else:
        flat = box_to_flat(data, source) if kind == "box" else data
        scene_from_dict(flat, source)  # validate now: a bad file fails as a whole
        return HouseResult(source, kind, [RoomScene(Path(source).stem, flat)])
    kept = []
    for room in res.scenes:  # the importers build their dicts; validate each like any scene file
        try:
            scene_from_dict(room.flat, f"{source}#{room.flat.get('room_id')}")
        except SceneFormatError as err:
            from scenerevis.eval.importers.common import Skipped

            res.skipped.append(Skipped(f"room {room.flat.get('room_id')!r}", str(err)))
            continue
        kept.append(room)
    res.scenes = kept
    return res


def load_any_scenes(path: str | os.PathLike, fmt: str = "auto", options: ImportOptions | None = None) -> HouseResult:
    """Read a scene or house file in any supported format (see :func:`scenes_from_any`)."""
    return scenes_from_any(read_json_file(path), str(path), fmt, options)


def scene_from_any(data: Any, source: str = "<scene>", fmt: str = "auto", options: ImportOptions | None = None) -> Scene:
    """One Scene from a parsed JSON value in any supported format.

    A house file (Holodeck / 3D-FRONT) must hold exactly one convertible room here; split bigger
    houses with ``python -m scenerevis.eval.importers convert`` first.
    """
    fmt = _canonical(fmt)
    kind = detect_format(data) if fmt == "auto" else fmt
    if kind in ("box", "ssr"):
        if kind == "box":
            data = box_to_flat(data, source)
        return scene_from_dict(data, source)
    res = scenes_from_any(data, source, kind, options)
    if len(res.scenes) != 1:
        why = "; ".join(s.line(source) for s in res.skipped[:3])
        raise SceneFormatError(
            source,
            "rooms" if kind == "holodeck" else "scene.room",
            f"a {kind} house with {len(res.scenes)} convertible rooms; split it with "
            f"'python -m scenerevis.eval.importers convert' first" + (f" (skipped: {why})" if why else ""),
        )
    return scene_from_dict(res.scenes[0].flat, source)


def load_any_scene(path: str | os.PathLike, fmt: str = "auto", options: ImportOptions | None = None) -> Scene:
    """Read one scene file in any supported format (auto-detected unless ``fmt`` says otherwise).

    The hook the folder evaluators call, so flat, grouped, ReSpace, box and one-room house files
    all evaluate.
    """
    source = str(path)
    return scene_from_any(read_json_file(path), source, fmt, options)
