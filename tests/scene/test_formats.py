import json

import numpy as np
import pytest

from scenerevis.scene import (
    SceneFormatError,
    detect_format,
    load_scene,
    save_scene,
    scene_from_dict,
    scene_to_flat,
    scene_to_grouped,
)
from tests.helpers import obj, room


def _flat_example():
    return {
        "room_type": "bedroom",
        "room_id": "bedroom-0001",
        "bounds_bottom": [[-1.7, 0, 2.1], [1.7, 0, 2.1], [1.7, 0, -2.1], [-1.7, 0, -2.1]],
        "bounds_top": [[-1.7, 2.6, 2.1], [1.7, 2.6, 2.1], [1.7, 2.6, -2.1], [-1.7, 2.6, -2.1]],
        "objects": [
            {
                "desc": "queen bed",
                "size": [1.6, 1.1, 2.1],
                "pos": [0, 0, -1.0],
                "rot": [0, 0, 0, 1],
                "jid": "J1",
                "style": "modern",
            },
            {
                "desc": "oak nightstand",
                "size": [0.5, 0.55, 0.4],
                "pos": [-1.2, 0, -1.8],
                "rot": [0, 0, 0, 1],
                "jid": "N1",
                "group_name": "sleep",
            },
            {
                "desc": "oak nightstand",
                "size": [0.5, 0.55, 0.4],
                "pos": [1.2, 0, -1.8],
                "rot": [0, 0, 0, 1],
                "jid": "N1",
                "group_name": "sleep",
            },
        ],
        "scene_note": "kept",
    }


def test_ids_assigned_unique_and_stable_across_save_load(tmp_path):
    scene = scene_from_dict(_flat_example(), "x.json")
    assert [o.id for o in scene.objects] == ["bed_1", "nightstand_1", "nightstand_2"]
    path = save_scene(scene, tmp_path / "s.json")
    again = load_scene(path)
    assert [o.id for o in again.objects] == ["bed_1", "nightstand_1", "nightstand_2"]
    assert again.objects[1].jid == again.objects[2].jid == "N1"


def test_flat_grouped_flat_is_lossless():
    flat1 = scene_to_flat(scene_from_dict(_flat_example()))
    grouped = scene_to_grouped(scene_from_dict(flat1))
    assert detect_format(grouped) == "grouped"
    assert [g["group_name"] for g in grouped["groups"]] == ["ungrouped", "sleep"]
    flat2 = scene_to_flat(scene_from_dict(grouped))
    # object order follows groups in the grouped file; compare per id
    by_id = lambda d: {o["id"]: o for o in d["objects"]}  # noqa: E731
    assert by_id(flat1) == by_id(flat2)
    assert {k: v for k, v in flat1.items() if k != "objects"} == {k: v for k, v in flat2.items() if k != "objects"}
    assert flat2["scene_note"] == "kept" and by_id(flat2)["bed_1"]["style"] == "modern"


def test_grouped_metadata_survives_grouped_flat_grouped():
    grouped = {
        "room_type": "livingroom",
        "room_id": "r",
        "room_envelope": {
            "bounds_top": [[0, 2.7, 0], [4, 2.7, 0], [4, 2.7, 4]],
            "bounds_bottom": [[0, 0, 0], [4, 0, 0], [4, 0, 4]],
        },
        "groups": [
            {
                "group_name": "seating",
                "group_type": "seating",
                "description": "sofa and table",
                "objects": [{"desc": "sofa", "size": [2, 0.8, 0.9], "pos": [2, 0, 1], "rot": [0, 0, 0, 1]}],
            }
        ],
    }
    again = scene_to_grouped(scene_from_dict(scene_to_flat(scene_from_dict(grouped))))
    assert again["groups"][0]["description"] == "sofa and table"
    assert again["groups"][0]["objects"][0]["id"] == "sofa_1"


def test_respace_aliases():
    d = _flat_example()
    d["objects"][0] = {
        "desc": "bed",
        "size": [1, 1, 2],
        "pos": [0, 0, 0],
        "rot": [0, 0, 0, 1],
        "jid": "GT",
        "sampled_asset_jid": "S1",
        "sampled_asset_size": [1.1, 1, 2],
    }
    scene = scene_from_dict(d)
    bed = scene.objects[0]
    assert bed.jid == "S1" and bed.retrieved_size == (1.1, 1.0, 2.0) and bed.extra["source_jid"] == "GT"


def test_duplicate_ids_rejected():
    d = _flat_example()
    d["objects"][0]["id"] = d["objects"][1]["id"] = "same"
    with pytest.raises(SceneFormatError, match=r"x.json: objects\[1\].id: duplicate"):
        scene_from_dict(d, "x.json")


@pytest.mark.parametrize(
    "mutate, field, words",
    [
        (lambda d: d["objects"][0].__setitem__("size", [1, float("nan"), 2]), "objects[0].size", "finite"),
        (lambda d: d["objects"][0].__setitem__("size", [1, 0, 2]), "objects[0].size", "> 0"),
        (lambda d: d["objects"][1].__setitem__("size", [1, -1, 2]), "objects[1].size", "> 0"),
        (lambda d: d["objects"][0].__setitem__("rot", [0, 0, 1]), "objects[0].rot", "expected 4 numbers"),
        (lambda d: d["objects"][0].__setitem__("rot", [0, 0, 0, 0]), "objects[0].rot", "zero length"),
        (lambda d: d["objects"][0].pop("pos"), "objects[0].pos", "missing"),
        (lambda d: d.__setitem__("bounds_bottom", d["bounds_bottom"][:2]), "bounds_bottom", "at least 3"),
        (
            lambda d: d.__setitem__("bounds_bottom", [d["bounds_bottom"][i] for i in (0, 2, 1, 3)]),
            "bounds_bottom",
            "self-intersecting",
        ),
        (lambda d: d.__setitem__("bounds_top", d["bounds_top"][:3]), "bounds_top", "corners"),
        (lambda d: d["bounds_top"][0].__setitem__(2, 2.5), "bounds_top", "do not match"),
        (lambda d: d["objects"][0].__setitem__("pos", "here"), "objects[0].pos", "list of 3"),
    ],
)
def test_bad_input_gives_one_line_error_naming_file_and_field(mutate, field, words):
    d = _flat_example()
    mutate(d)
    with pytest.raises(SceneFormatError) as info:
        scene_from_dict(d, "scenes/bad.json")
    msg = str(info.value)
    assert "\n" not in msg
    assert msg.startswith(f"scenes/bad.json: {field}: ")
    assert words in msg


def test_invalid_json_file_names_file_and_line(tmp_path):
    p = tmp_path / "broken.json"
    p.write_text('{"room_type": "bedroom",\n "objects": [}')
    with pytest.raises(SceneFormatError, match=r"broken.json: <json>: invalid JSON at line 2"):
        load_scene(p)


def test_save_is_atomic_and_leaves_no_temp_files(tmp_path):
    scene = room([obj("bed", (1.6, 1, 2), (0, 0, 0))])
    save_scene(scene, tmp_path / "a.json")
    save_scene(scene, tmp_path / "a.json", fmt="grouped")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.json"]
    assert "room_envelope" in json.loads((tmp_path / "a.json").read_text())


def test_floor_area_and_footprint():
    scene = room([obj("bed", (2.0, 1, 1.0), (1, 0, 0), rot=(0, np.sin(np.pi / 4), 0, np.cos(np.pi / 4)))])
    assert scene.floor_area == pytest.approx(16.0)
    fp = scene.objects[0].footprint()
    # rotated by 90 deg: 2 m along z, 1 m along x
    assert np.ptp(fp[:, 0]) == pytest.approx(1.0) and np.ptp(fp[:, 1]) == pytest.approx(2.0)


def test_atomic_writes_get_ordinary_permissions(tmp_path):
    import os

    from scenerevis.fileio import atomic_write_text

    p = atomic_write_text(tmp_path / "a.txt", "x")
    assert p.stat().st_mode & 0o777 == 0o644
    os.chmod(p, 0o664)
    atomic_write_text(p, "y")
    assert p.stat().st_mode & 0o777 == 0o664 and p.read_text() == "y"
