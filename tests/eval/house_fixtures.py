"""Tiny Holodeck and raw 3D-FRONT houses written from the formats' schemas, with hand-computable answers.

Holodeck house (``holodeck_house``): a 4 m x 3 m bedroom (walls 2.5 m) and a 4 m x 4 m living room
(no walls: 2.7 m ceiling), objathor annotations in ``<objathor>/2023_09_23/annotations.json.gz``.

| object | asset size (x, y, z) | position (centre) | rot.y | footprint in XZ after conversion |
|---|---|---|---|---|
| bed | 1.6, 0.5, 2.0 | (2.0, 0.25, 1.05) | 0 | x 1.2..2.8, z 0.05..2.05 |
| stand | 0.5, 0.6, 0.4 (min/max box) | (0.5, 0.3, 2.5) | 90 | x 0.3..0.7, z 2.25..2.75 |
| wardrobe | 1.0, 2.0, 0.6 (size box) | (3.3, 1.0, 2.6) | 180 | x 2.8..3.8, z 2.3..2.9 |
| painting (wall) | 0.8, 0.6, 0.05 | (0.03, 1.5, 1.0) | 90 | x 0.005..0.055, z 0.6..1.4, bottom 1.2 |
| stand_out | 0.5, 0.6, 0.4 | (3.9, 0.3, 0.5) | 270 | x 3.7..4.1, z 0.25..0.75: through the wall x = 4 |
| sofa | 2.0, 0.8, 0.9 | (6.0, 0.4, 3.5) | 180 | x 5..7, z 3.05..3.95 |
| table | 1.0, 0.45, 0.6 | (6.0, 0.225, 3.0) | 0 | x 5.5..6.5, z 2.7..3.3: sinks 0.25 m into the sofa |
| mystery (unknown asset, no roomId) | vertices 100 x 40 cm, y 0.35 | (5.0, 0.35, 0.7) | 0 | x 4.5..5.5, z 0.5..0.9, h 0.7 |
| garage_box (roomId "garage") | skipped: no such room |
| ghost (unknown asset, no footprint) | skipped: cannot be sized |

Bedroom: 5 objects, OBR 1/5 = 20 %, CNR 0. Living room: 3 objects, CNR 2/3, OBR 0.

3D-FRONT house (``front3d_house``): one bedroom whose L-shaped floor is two Floor meshes (x 0..4,
z 0..2 and x 0..2, z 2..4: area 12 m², the notch x 2..4, z 2..4 outside), a ceiling at 2.8 m, and
an empty room (skipped). Objects: the bed (raw model x -0.8..0.8, y 0..1, z -1..1; yaw 90 at
(1.1, 0, 1.0): x 0.1..2.1, z 0.2..1.8), two chairs (raw model x 0..0.5, y 0.1..0.9, z -0.25..0.25;
origin not at the bottom-centre), one scaled [2, 1, 1] and turned 180 deg at (3.2, 0, 0.5): size
1.0 x 0.8 x 0.5, bottom-centre (2.7, 0.1, 0.5), x 2.2..3.2, z 0.25..0.75; one plain at (2.8, 0, 0.9):
bottom-centre (3.05, 0.1, 0.9), x 2.8..3.3, z 0.65..1.15 (overlaps the first by 0.4 x 0.1 m), and an
unknown model with a 0.5 x 0.8 x 0.5 bbox in the notch at (3, 0, 3). CNR 2/4 = 50 %, OBR 1/4 = 25 %.
"""

from __future__ import annotations

import gzip
import json
import math
from pathlib import Path


def _thor(bbox: dict) -> dict:
    return {"thor_metadata": {"assetMetadata": {"boundingBox": bbox}}}


ANNOTATIONS = {
    "bed_a": {"category": "bed", "description": "a double bed", **_thor({"x": 1.6, "y": 0.5, "z": 2.0})},
    "stand_a": {
        "category": "nightstand",
        **_thor({"min": {"x": -0.25, "y": 0.0, "z": -0.2}, "max": {"x": 0.25, "y": 0.6, "z": 0.2}}),
    },
    "wardrobe_a": {"category": "wardrobe", **_thor({"size": {"x": 1.0, "y": 2.0, "z": 0.6}})},
    "painting_a": {"category": "painting", **_thor({"x": 0.8, "y": 0.6, "z": 0.05})},
    "sofa_a": {"category": "sofa", "assetMetadata": {"boundingBox": {"x": 2.0, "y": 0.8, "z": 0.9}}},
    "table_a": {"category": "coffee table", **_thor({"x": 1.0, "y": 0.45, "z": 0.6})},
}


def _pts(xz: list[tuple[float, float]], y: float = 0.0) -> list[dict]:
    return [{"x": x, "y": y, "z": z} for x, z in xz]


def _obj(oid: str, asset: str, pos: tuple[float, float, float], yaw: float, room: str | None, **kw) -> dict:
    out = {
        "assetId": asset,
        "id": oid,
        "kinematic": True,
        "position": {"x": pos[0], "y": pos[1], "z": pos[2]},
        "rotation": {"x": 0, "y": yaw, "z": 0},
        "material": None,
        **kw,
    }
    if room is not None:
        out["roomId"] = room
    return out


def holodeck_house() -> dict:
    """The two-room Holodeck house of the module docstring."""
    bed_xz = [(0, 0), (4, 0), (4, 3), (0, 3)]
    walls = [
        {"id": f"wall|bedroom|{k}", "roomId": "bedroom", "height": 2.5, "polygon": _pts([bed_xz[k], bed_xz[(k + 1) % 4]])}
        for k in range(3)
    ]
    # the fourth wall gives its height only through its polygon
    walls.append({"id": "wall|bedroom|3", "roomId": "bedroom", "polygon": _pts([(0, 3), (0, 0)]) + _pts([(0, 0), (0, 3)], 2.5)})
    return {
        "rooms": [
            {"id": "bedroom", "roomType": "bedroom", "floorPolygon": _pts(bed_xz), "floorMaterial": {"name": "oak"}},
            {"id": "living room", "roomType": "living room", "floorPolygon": _pts([(4, 0), (8, 0), (8, 4), (4, 4)])},
        ],
        "walls": walls,
        "doors": [
            {
                "id": "door|bedroom|living room",
                "assetId": "Doorway_1",
                "room0": "bedroom",
                "room1": "living room",
                "wall0": "wall|bedroom|1",
                "holePolygon": [{"x": 1.0, "y": 0, "z": 0}, {"x": 2.0, "y": 2.1, "z": 0}],
                "assetPosition": {"x": 1.5, "y": 1.05, "z": 0},
            }
        ],
        "windows": [{"id": "window|living room|0", "assetId": "Window_1", "roomId": "living room", "wall0": "w"}],
        "objects": [
            _obj("bed (bedroom)", "bed_a", (2.0, 0.25, 1.05), 0, "bedroom", object_name="double bed"),
            _obj("stand (bedroom)", "stand_a", (0.5, 0.3, 2.5), 90, "bedroom"),
            _obj("wardrobe (bedroom)", "wardrobe_a", (3.3, 1.0, 2.6), 180, "bedroom"),
            _obj("painting (bedroom)", "painting_a", (0.03, 1.5, 1.0), 90, "bedroom"),
            _obj("stand_out (bedroom)", "stand_a", (3.9, 0.3, 0.5), 270, "bedroom"),
            _obj("sofa (living room)", "sofa_a", (6.0, 0.4, 3.5), 180, "living room"),
            _obj("table (living room)", "table_a", (6.0, 0.225, 3.0), 0, "living room"),
            _obj("mystery", "mystery_x", (5.0, 0.35, 0.7), 0, None, vertices=[[450, 50], [550, 50], [550, 90], [450, 90]]),
            _obj("garage_box", "table_a", (20.0, 0.225, 20.0), 0, "garage"),
            _obj("ghost", "ghost_x", (6.0, 1.5, 0.05), 0, "living room"),
        ],
    }


def write_holodeck(folder: Path, objathor: Path, name: str = "house1.json") -> Path:
    """The Holodeck house at ``folder/name`` and its annotations under ``objathor/2023_09_23/``."""
    folder.mkdir(parents=True, exist_ok=True)
    (objathor / "2023_09_23").mkdir(parents=True, exist_ok=True)
    with gzip.open(objathor / "2023_09_23" / "annotations.json.gz", "wt", encoding="utf-8") as fh:
        json.dump(ANNOTATIONS, fh)
    path = folder / name
    path.write_text(json.dumps(holodeck_house()))
    return path


def _box_obj(lo: tuple[float, float, float], hi: tuple[float, float, float]) -> str:
    import trimesh

    return trimesh.creation.box(bounds=[lo, hi]).export(file_type="obj")


def _quad_mesh(uid: str, mtype: str, x0: float, x1: float, z0: float, z1: float, y: float) -> dict:
    xyz = [x0, y, z0, x1, y, z0, x1, y, z1, x0, y, z1]
    return {
        "uid": uid,
        "jid": "",
        "type": mtype,
        "xyz": xyz,
        "normal": [0, 1, 0] * 4,
        "uv": [0, 0] * 4,
        "faces": [0, 1, 2, 0, 2, 3],
    }


def _yaw_quat(deg: float) -> list[float]:
    t = math.radians(deg)
    return [0.0, math.sin(t / 2), 0.0, math.cos(t / 2)]


def front3d_house() -> dict:
    """The raw 3D-FRONT house of the module docstring."""

    def child(ref: str, inst: str, pos=(0.0, 0.0, 0.0), yaw: float = 0.0, scale=(1, 1, 1)) -> dict:
        return {"ref": ref, "instanceid": inst, "pos": list(pos), "rot": _yaw_quat(yaw), "scale": list(scale)}

    return {
        "uid": "house-3df",
        "jobid": "j",
        "furniture": [
            {"uid": "f-bed", "jid": "jid-bed", "title": "bed/king", "category": "King-size Bed", "valid": True},
            {"uid": "f-chair", "jid": "jid-chair", "title": "chair", "valid": True},
            {"uid": "f-unknown", "jid": "jid-unknown", "title": "mystery stool", "bbox": [0.5, 0.8, 0.5]},
            {"uid": "f-nothing", "jid": "jid-nothing", "title": "lost thing"},
            {"uid": "f-door", "jid": "jid-door", "title": "door", "category": "Door"},
        ],
        "mesh": [
            _quad_mesh("m-floor-a", "Floor", 0, 4, 0, 2, 0.0),
            _quad_mesh("m-floor-b", "Floor", 0, 2, 2, 4, 0.0),
            _quad_mesh("m-ceiling", "Ceiling", 0, 4, 0, 4, 2.8),
            _quad_mesh("m-floor-c", "Floor", 10, 13, 0, 3, 0.0),
            _quad_mesh("m-window", "Window", 0, 1, 0, 1, 1.0),
        ],
        "scene": {
            "room": [
                {
                    "type": "Bedroom",
                    "instanceid": "Bedroom-123",
                    "pos": [0, 0, 0],
                    "rot": [0, 0, 0, 1],
                    "scale": [1, 1, 1],
                    "children": [
                        child("m-floor-a", "mesh/1"),
                        child("m-floor-b", "mesh/2"),
                        child("m-ceiling", "mesh/3"),
                        child("m-window", "mesh/4"),
                        child("f-bed", "furniture/10", (1.1, 0.0, 1.0), 90),
                        child("f-chair", "furniture/11", (3.2, 0.0, 0.5), 180, (2, 1, 1)),
                        child("f-chair", "furniture/12", (2.8, 0.0, 0.9)),
                        child("f-unknown", "furniture/13", (3.0, 0.0, 3.0)),
                        child("f-nothing", "furniture/14", (1.0, 0.0, 3.0)),
                        child("f-door", "furniture/15", (4.0, 0.0, 1.0)),
                        child("no-such-uid", "furniture/16"),
                    ],
                },
                {"type": "Hallway", "instanceid": "Hallway-7", "children": [child("m-floor-c", "mesh/5")]},
            ]
        },
    }


def write_front3d(folder: Path, future_root: Path, name: str = "house3df.json") -> Path:
    """The 3D-FRONT house at ``folder/name`` and its models (model_info.json, raw_model.obj) under ``future_root``."""
    folder.mkdir(parents=True, exist_ok=True)
    for jid, lo, hi in (("jid-bed", (-0.8, 0, -1), (0.8, 1, 1)), ("jid-chair", (0, 0.1, -0.25), (0.5, 0.9, 0.25))):
        (future_root / jid).mkdir(parents=True, exist_ok=True)
        (future_root / jid / "raw_model.obj").write_text(_box_obj(lo, hi))
    info = [
        {"model_id": "jid-bed", "category": "King-size Bed", "super-category": "Bed", "style": "Modern"},
        {"model_id": "jid-chair", "category": "Dining Chair", "super-category": "Chair", "style": "Modern"},
    ]
    (future_root / "model_info.json").write_text(json.dumps(info))
    path = folder / name
    path.write_text(json.dumps(front3d_house()))
    return path


def write_objathor_meshes(objathor: Path) -> None:
    """THOR-format meshes (``assets/<uid>/<uid>.pkl.gz``) for ``sofa_a`` and ``bed_a``.

    The sofa is a backrest (local z -0.45..-0.15, full 0.8 m height) plus a thin bar along its front
    top edge (z 0.40..0.45, y 0.75..0.8): its box is the asset's 2.0 x 0.8 x 0.9, but the 0.45 m
    table that sinks into the sofa's box in front stays clear of the mesh. The bed is a plain box.
    """
    import pickle

    import trimesh

    parts = {
        "sofa_a": [((-1, 0, -0.45), (1, 0.8, -0.15)), ((-1, 0.75, 0.40), (1, 0.8, 0.45))],
        "bed_a": [((-0.8, 0, -1.0), (0.8, 0.5, 1.0))],
    }
    for uid, boxes in parts.items():
        mesh = trimesh.util.concatenate([trimesh.creation.box(bounds=[lo, hi]) for lo, hi in boxes])
        data = {
            "vertices": [{"x": float(x), "y": float(y), "z": float(z)} for x, y, z in mesh.vertices],
            "triangles": [int(i) for i in mesh.faces.reshape(-1)],
            "normals": [],
            "uvs": [],
        }
        folder = objathor / "2023_09_23" / "assets" / uid
        folder.mkdir(parents=True, exist_ok=True)
        with gzip.open(folder / f"{uid}.pkl.gz", "wb") as fh:
            pickle.dump(data, fh)
