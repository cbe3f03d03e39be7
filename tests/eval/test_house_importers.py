"""Holodeck / ProcTHOR and raw 3D-FRONT houses -> one scene per room, checked against hand-computed values.

The fixtures and their expected numbers are in tests/eval/house_fixtures.py
(scenerevis/eval/importers/holodeck.py, front3d.py, loader.py, convert.py).
"""

from __future__ import annotations

import json
import math
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from scenerevis.eval.importers import (
    ImportOptions,
    convert_inputs,
    detect_format,
    load_any_scene,
    load_any_scenes,
    main,
)
from scenerevis.physics.evaluate import evaluate_physics
from scenerevis.scene import SceneFormatError, forward_vector, load_scene
from scenerevis.scene.rotation import quat_to_yaw
from tests.eval.house_fixtures import front3d_house, holodeck_house, write_front3d, write_holodeck

ROOT = Path(__file__).resolve().parents[2]


def _rect(o) -> tuple[float, float, float, float]:
    """(x min, x max, z min, z max) of an object's footprint, rounded to 1e-6."""
    fp = o.footprint()
    return tuple(round(float(v), 6) + 0.0 for v in (fp[:, 0].min(), fp[:, 0].max(), fp[:, 1].min(), fp[:, 1].max()))


@pytest.fixture
def holo(tmp_path):
    path = write_holodeck(tmp_path / "in", tmp_path / "objathor")
    return path, ImportOptions(objathor_dir=tmp_path / "objathor")


@pytest.fixture
def front(tmp_path):
    path = write_front3d(tmp_path / "in3", tmp_path / "future")
    return path, ImportOptions(future_root=tmp_path / "future")


def test_detects_the_formats():
    assert detect_format(holodeck_house()) == "holodeck"
    assert detect_format(front3d_house()) == "3dfront"
    assert detect_format({"width": 3, "depth": 3, "objects": []}) == "box"
    assert detect_format({"bounds_bottom": [], "objects": []}) == "ssr"


def test_holodeck_rooms_sizes_positions_and_yaws(holo):
    path, options = holo
    res = load_any_scenes(path, options=options)
    assert res.format == "holodeck" and [s.name for s in res.scenes] == ["house1__bedroom", "house1__living_room"]
    bed_scene, living = (s.flat for s in res.scenes)
    assert bed_scene["room_type"] == "bedroom" and bed_scene["bounds_top"][0][1] == 2.5  # the walls' height
    assert living["bounds_top"][0][1] == 2.7  # no walls: the default
    assert [c[::2] for c in bed_scene["bounds_bottom"]] == [[0, 0], [4, 0], [4, 3], [0, 3]]
    objs = {o["id"]: o for o in bed_scene["objects"]}
    assert objs["bed (bedroom)"]["size"] == [1.6, 0.5, 2.0] and objs["bed (bedroom)"]["pos"] == [2.0, 0.0, 1.05]
    assert objs["bed (bedroom)"]["desc"] == "double bed" and objs["bed (bedroom)"]["uid"] == "bed_a"
    assert objs["stand (bedroom)"]["size"] == [0.5, 0.6, 0.4]  # from the min/max box
    assert objs["wardrobe (bedroom)"]["size"] == [1.0, 2.0, 0.6]  # from the size box
    assert objs["painting (bedroom)"]["pos"] == [0.03, 1.2, 1.0]  # wall object: centre 1.5 - 0.6 / 2
    from scenerevis.scene.formats import scene_from_dict

    s = scene_from_dict(bed_scene)
    by_id = {o.id: o for o in s.objects}
    # yaw 0 / 90 / 180 / 90 / 270 deg face +Z / +X / -Z / +X / -X
    for oid, fwd in (
        ("bed (bedroom)", (0, 0, 1)),
        ("stand (bedroom)", (1, 0, 0)),
        ("wardrobe (bedroom)", (0, 0, -1)),
        ("painting (bedroom)", (1, 0, 0)),
        ("stand_out (bedroom)", (-1, 0, 0)),
    ):
        assert np.allclose(forward_vector(by_id[oid].rot), fwd, atol=1e-9), oid
    assert _rect(by_id["bed (bedroom)"]) == (1.2, 2.8, 0.05, 2.05)
    assert _rect(by_id["stand (bedroom)"]) == (0.3, 0.7, 2.25, 2.75)
    assert _rect(by_id["wardrobe (bedroom)"]) == (2.8, 3.8, 2.3, 2.9)
    assert _rect(by_id["painting (bedroom)"]) == (0.005, 0.055, 0.6, 1.4)
    assert _rect(by_id["stand_out (bedroom)"]) == (3.7, 4.1, 0.25, 0.75)
    liv = {o["id"]: o for o in living["objects"]}
    assert set(liv) == {"sofa (living room)", "table (living room)", "mystery"}  # mystery: by floor containment
    assert liv["mystery"]["size"] == [1.0, 0.7, 0.4] and liv["mystery"]["pos"] == [5.0, 0.0, 0.7]
    assert liv["mystery"]["size_source"] == "vertices" and res.scenes[1].unknown_assets == ["mystery"]
    assert quat_to_yaw(liv["sofa (living room)"]["rot"]) == pytest.approx(math.pi)
    # doors and windows are metadata of the rooms they touch, not objects
    assert [d["id"] for d in bed_scene["doors"]] == ["door|bedroom|living room"] == [d["id"] for d in living["doors"]]
    assert [w["id"] for w in living["windows"]] == ["window|living room|0"] and bed_scene["windows"] == []
    skipped = {s.what: s.reason for s in res.skipped}
    assert skipped == {
        "objects[8] (garage_box)": "roomId 'garage' is not a room of the house",
        "objects[9] (ghost)": "asset 'ghost_x' is not in the objathor annotations and has no footprint to size it",
    }


def test_holodeck_cnr_and_obr_of_the_converted_rooms(holo):
    path, options = holo
    res = load_any_scenes(path, options=options)
    from scenerevis.scene.formats import scene_from_dict

    bedroom, living = (evaluate_physics(scene_from_dict(s.flat)) for s in res.scenes)
    assert bedroom.oob_rate == pytest.approx(100 / 5) and bedroom.oob_objects == ["stand_out (bedroom)"]
    assert bedroom.collision_rate == 0.0
    assert living.collision_rate == pytest.approx(200 / 3) and living.oob_rate == 0.0
    assert sorted(living.colliding_objects) == ["sofa (living room)", "table (living room)"]


def test_front3d_l_shaped_room_from_two_floor_meshes(front):
    path, options = front
    res = load_any_scenes(path, options=options)
    assert res.format == "3dfront" and [s.name for s in res.scenes] == ["house3df__Bedroom-123"]
    flat = res.scenes[0].flat
    from shapely.geometry import Polygon

    from scenerevis.scene.formats import scene_from_dict

    corners = {(c[0], c[2]) for c in flat["bounds_bottom"]}
    assert corners == {(0, 0), (4, 0), (4, 2), (2, 2), (2, 4), (0, 4)} and len(flat["bounds_bottom"]) == 6
    assert Polygon([(c[0], c[2]) for c in flat["bounds_bottom"]]).area == pytest.approx(12.0)
    assert flat["bounds_top"][0][1] == 2.8 and flat["room_type"] == "Bedroom"
    objs = {o["id"]: o for o in flat["objects"]}
    assert list(objs) == ["furniture_10", "furniture_11", "furniture_12", "furniture_13"]
    bed, chair1, chair2, unknown = objs.values()
    assert bed["size"] == [1.6, 1.0, 2.0] and bed["pos"] == [1.1, 0.0, 1.0] and bed["jid"] == "jid-bed"
    assert bed["desc"] == "king-size bed" and bed["category"] == "king_size_bed" and bed["super_category"] == "Bed"
    assert quat_to_yaw(bed["rot"]) == pytest.approx(math.pi / 2)
    assert chair1["size"] == [1.0, 0.8, 0.5] and chair1["pos"] == pytest.approx([2.7, 0.1, 0.5])
    assert abs(quat_to_yaw(chair1["rot"])) == pytest.approx(math.pi)
    assert chair2["pos"] == pytest.approx([3.05, 0.1, 0.9]) and chair2["size"] == [0.5, 0.8, 0.5]
    assert unknown["size"] == [0.5, 0.8, 0.5] and unknown["pos"] == [3.0, 0.0, 3.0]
    assert res.scenes[0].unknown_assets == ["furniture_13"]
    s = scene_from_dict(flat)
    by_id = {o.id: o for o in s.objects}
    assert _rect(by_id["furniture_10"]) == (0.1, 2.1, 0.2, 1.8)
    assert _rect(by_id["furniture_11"]) == (2.2, 3.2, 0.25, 0.75)
    assert _rect(by_id["furniture_12"]) == (2.8, 3.3, 0.65, 1.15)
    assert [o["kind"] for o in flat["openings"]] == ["mesh", "furniture"]  # the window mesh and the door
    skipped = {sk.what: sk.reason for sk in res.skipped}
    assert skipped == {
        "scene.room[0].children[8]": "model 'jid-nothing' has no raw_model.obj under --future-root and no bbox",
        "scene.room[0].children[10]": "ref 'no-such-uid' names no furniture or mesh of the house (room Bedroom-123)",
        "scene.room[1] (Hallway-7)": "room has no furniture (use --keep-empty-rooms to write it)",
    }
    rep = evaluate_physics(s)
    assert rep.collision_rate == pytest.approx(50.0) and sorted(rep.colliding_objects) == ["furniture_11", "furniture_12"]
    assert rep.oob_rate == pytest.approx(25.0) and rep.oob_objects == ["furniture_13"]


def test_front3d_without_future_root_uses_bbox_and_counts_unknown(front):
    path, _ = front
    res = load_any_scenes(path)  # no models: only the bbox-sized furniture converts
    objs = res.scenes[0].flat["objects"]
    assert [o["id"] for o in objs] == ["furniture_13"] and res.scenes[0].unknown_assets == ["furniture_13"]
    assert "no --future-root" in res.warnings[0]
    assert sum("no raw_model.obj" in s.reason for s in res.skipped) == 4  # bed, two chairs, lost thing


def test_one_room_house_loads_directly_and_bigger_houses_say_convert(holo, tmp_path):
    path, options = holo
    with pytest.raises(SceneFormatError, match=r"house1.json: rooms: a holodeck house with 2 convertible rooms; split it"):
        load_any_scene(path, options=options)
    one = holodeck_house()
    one["rooms"] = one["rooms"][:1]
    one["objects"] = [o for o in one["objects"] if o.get("roomId") == "bedroom"]
    (tmp_path / "one.json").write_text(json.dumps(one))
    scene = load_any_scene(tmp_path / "one.json", options=options)
    assert scene.room_id == "bedroom" and len(scene.objects) == 5


@pytest.mark.parametrize(
    ("patch", "message"),
    [
        (lambda h: h["rooms"][1].pop("floorPolygon"), "rooms[1].floorPolygon: missing"),
        (lambda h: h["rooms"][0]["floorPolygon"][2].update(x="far"), "rooms[0].floorPolygon[2].x: expected a number"),
        (lambda h: h["rooms"][1].update(id="bedroom"), "rooms[1].id: duplicate room id 'bedroom'"),
        (lambda h: h["walls"][0].update(height=-1), "walls[0].height: must be > 0"),
    ],
)
def test_bad_holodeck_houses_fail_in_one_line_naming_the_field(holo, tmp_path, patch, message):
    _, options = holo
    house = holodeck_house()
    patch(house)
    (tmp_path / "bad.json").write_text(json.dumps(house))
    with pytest.raises(SceneFormatError) as err:
        load_any_scenes(tmp_path / "bad.json", "holodeck", options)
    assert str(err.value).startswith(f"{tmp_path / 'bad.json'}: {message}") and "\n" not in str(err.value)


def test_bad_object_fields_skip_the_object_with_a_reason(holo, tmp_path):
    _, options = holo
    house = holodeck_house()
    house["objects"][0]["position"].pop("y")
    house["objects"][1]["rotation"]["y"] = "north"
    (tmp_path / "h.json").write_text(json.dumps(house))
    res = load_any_scenes(tmp_path / "h.json", options=options)
    reasons = {s.what: s.reason for s in res.skipped}
    assert reasons["objects[0].position.y"] == "missing (object bed (bedroom))"
    assert reasons["objects[1].rotation.y"].startswith("expected a number, got 'north'")
    assert len(res.scenes[0].flat["objects"]) == 3


def test_missing_annotations_folder_fails_every_holodeck_file(holo, tmp_path):
    path, _ = holo
    (tmp_path / "empty").mkdir()
    with pytest.raises(SceneFormatError, match="empty: --objathor-dir: holds no annotations.json"):
        load_any_scenes(path, options=ImportOptions(objathor_dir=tmp_path / "empty"))


def test_objathor_dir_defaults_to_the_environment_variable(holo, monkeypatch):
    path, options = holo
    monkeypatch.setenv("OBJATHOR_ASSETS_BASE_DIR", str(options.objathor_dir))
    res = load_any_scenes(path)
    assert sum(len(s.flat["objects"]) for s in res.scenes) == 8


def test_convert_command_writes_one_file_per_room_and_a_report(holo, front, tmp_path):
    hpath, hopt = holo
    fpath, fopt = front
    (tmp_path / "in" / "broken.json").write_text("{")
    out = tmp_path / "out"
    args = ["convert", str(tmp_path / "in"), str(fpath), "--to", str(out), "--quiet"]
    args += ["--objathor-dir", str(hopt.objathor_dir), "--future-root", str(fopt.future_root)]
    assert main(args) == 1  # broken.json failed
    names = sorted(p.name for p in out.glob("*.json"))
    assert names == ["house1__bedroom.json", "house1__living_room.json", "house3df__Bedroom-123.json"]
    scene = load_scene(out / "house1__bedroom.json")
    assert scene.extra["source"] == {"format": "holodeck", "file": str(hpath), "room": "bedroom"}
    assert len(scene.objects) == 5 and scene.ceiling_y == pytest.approx(2.5)
    lines = [json.loads(x) for x in (out / "conversion_report.jsonl").read_text().splitlines()]
    by_src = {Path(x["source"]).name: x for x in lines}
    assert by_src["broken.json"]["status"] == "failed" and "invalid JSON" in by_src["broken.json"]["error"]
    assert by_src["house1.json"]["unknown_assets"] == {"house1__living_room": ["mystery"]}
    assert len(by_src["house1.json"]["skipped"]) == 2 and by_src["house3df.json"]["num_objects"] == 4
    # the output folder may not be inside an input folder
    assert main(["convert", str(tmp_path / "in"), "--to", str(tmp_path / "in" / "o")]) == 2
    assert not (tmp_path / "in" / "o").exists()


def test_convert_runs_as_a_module_with_forced_format(holo, tmp_path):
    path, options = holo
    res = subprocess.run(
        [
            sys.executable,
            "-m",
            "scenerevis.eval.importers",
            "convert",
            "--from",
            "holodeck",
            str(path),
            "--to",
            str(tmp_path / "o"),
            "--objathor-dir",
            str(options.objathor_dir),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert res.returncode == 0, res.stderr
    assert "converted 2 scene(s)" in res.stdout and "2 skipped, 1 unknown assets" in res.stdout
    assert "SKIPPED " in res.stderr and "garage" in res.stderr
    forced = convert_inputs([path], tmp_path / "o2", "3dfront")
    assert list(forced.failed.values())[0].startswith(f"{path}: scene: ")


def test_procthor_children_rooms_by_containment_and_tilt_warnings(holo, tmp_path):
    """ProcTHOR style: no roomId (rooms found from the floor polygons), objects nested as children, a raised floor."""
    _, options = holo
    house = holodeck_house()
    for r in house["rooms"]:
        for p in r["floorPolygon"]:
            p["y"] = 0.1  # the floor is 10 cm up: everything moves down by 0.1
    sofa, table = house["objects"][5], house["objects"][6]
    for o in (sofa, table):
        o.pop("roomId")
        o["position"]["y"] += 0.1
    table["rotation"]["x"] = 5
    sofa["children"] = [table]
    house["objects"] = [sofa]
    # a wall given by its polygon only: top at 2.6 m absolute, so 2.5 m above the raised floor
    house["walls"].append(
        {"id": "w", "roomId": "living room", "polygon": [{"x": 8, "y": 0.1, "z": 0}, {"x": 8, "y": 2.6, "z": 4}]}
    )
    (tmp_path / "p.json").write_text(json.dumps(house))
    res = load_any_scenes(tmp_path / "p.json", options=options)
    assert [s.name for s in res.scenes] == ["p__living_room"] and res.scenes[0].flat["bounds_top"][0][1] == 2.5
    objs = {o["id"]: o for o in res.scenes[0].flat["objects"]}
    assert objs["sofa (living room)"]["pos"] == [6.0, 0.0, 3.5] and objs["table (living room)"]["pos"] == [6.0, 0.0, 3.0]
    assert res.warnings == [
        "objects[0].children[0] (table (living room)): rotation x/z (5.0, 0.0) deg dropped; only the yaw is kept"
    ]
    assert {s.what for s in res.skipped} == {"rooms[0] (bedroom)"}  # no objects left in the bedroom


def test_front3d_zero_scale_and_raised_floor(front, tmp_path):
    _, options = front
    house = front3d_house()
    for m in house["mesh"]:
        m["xyz"] = [v + 0.2 if k % 3 == 1 else v for k, v in enumerate(m["xyz"])]  # everything 0.2 m up
    kids = house["scene"]["room"][0]["children"]
    for c in kids[4:]:  # the furniture (the meshes' vertices moved already)
        c["pos"][1] += 0.2
    kids[6]["scale"] = [1, 0, 1]
    (tmp_path / "r.json").write_text(json.dumps(house))
    res = load_any_scenes(tmp_path / "r.json", options=options)
    flat = res.scenes[0].flat
    assert flat["bounds_top"][0][1] == pytest.approx(2.8)  # ceiling 3.0 - floor 0.2
    objs = {o["id"]: o for o in flat["objects"]}
    assert objs["furniture_10"]["pos"] == pytest.approx([1.1, 0.0, 1.0]) and "furniture_12" not in objs
    assert {s.what: s.reason for s in res.skipped}["scene.room[0].children[6]"] == "scale [1.0, 0.0, 1.0] has a zero component"


def test_objathor_meshes_replace_boxes_in_the_evaluation(holo, tmp_path):
    """With the sofa's real mesh (a backrest and a high front bar) the table no longer collides; boxes say it does."""
    from scenerevis.eval.cli import myeval_main
    from scenerevis.eval.importers.objathor_meshes import load_asset_mesh
    from tests.eval.house_fixtures import write_objathor_meshes

    path, options = holo
    write_objathor_meshes(options.objathor_dir)
    out, meshes = tmp_path / "scenes", tmp_path / "meshes"
    args = ["convert", str(path), "--to", str(out), "--objathor-dir", str(options.objathor_dir), "--quiet"]
    assert main([*args, "--export-meshes", str(meshes)]) == 0
    assert sorted(p.name for p in meshes.iterdir()) == ["bed_a", "sofa_a"]
    assert np.allclose(load_asset_mesh(options.objathor_dir / "2023_09_23/assets/sofa_a/sofa_a.pkl.gz").extents, [2.0, 0.8, 0.9])
    results = {}
    for label, extra in (("boxes", []), ("with_meshes", ["--models_path", str(meshes)])):
        assert myeval_main(["--scenes_dir", str(out), "--output_dir", str(tmp_path / label), "--quiet", *extra]) == 0
        results[label] = json.loads((tmp_path / label / "evaluation_results.json").read_text())["scenes"]
    assert results["boxes"]["house1__living_room.json"]["collision_rate"] == pytest.approx(200 / 3)
    assert results["with_meshes"]["house1__living_room.json"]["collision_rate"] == 0.0
    assert results["with_meshes"]["house1__living_room.json"]["num_boxed"] == 2  # table and the unknown asset
    assert results["with_meshes"]["house1__bedroom.json"]["num_boxed"] == 4  # all but the bed
    assert results["with_meshes"]["house1__bedroom.json"]["oob_rate"] == pytest.approx(20.0)


def test_asset_pickles_that_build_other_objects_are_refused(tmp_path):
    import gzip
    import pickle

    from scenerevis.eval.importers.objathor_meshes import load_asset_mesh

    class Evil:
        def __reduce__(self):
            return (print, ("owned",))

    with gzip.open(tmp_path / "x.pkl.gz", "wb") as fh:
        pickle.dump({"vertices": Evil(), "triangles": []}, fh)
    with pytest.raises(SceneFormatError, match=r"x.pkl.gz: <pickle>: cannot read: refusing to load builtins.print"):
        load_asset_mesh(tmp_path / "x.pkl.gz")
