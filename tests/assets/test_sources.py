"""Tests of the dataset adapters (sources/future3d.py, sources/objaverse.py) and resolvers on fixture datasets."""

from __future__ import annotations

import logging
import pickle

import numpy as np
import pytest

from scenerevis.assets import get_resolver
from scenerevis.assets.config import RetrievalConfig
from scenerevis.assets.retrieval import Retriever
from scenerevis.assets.sources.common import AssetDataError
from scenerevis.assets.sources.future3d import parse_scaled_id, read_embeddings, read_metadata
from scenerevis.scene.formats import make_room
from scenerevis.scene.model import SceneObject
from scenerevis.scene.placement import object_mesh

from .datasets import SCALED_ID, make_future, make_objaverse, snapshot


@pytest.fixture(scope="module")
def future(tmp_path_factory, minilm):
    root = tmp_path_factory.mktemp("future")
    return root, make_future(root, encoder=minilm)


@pytest.fixture(scope="module")
def objaverse(tmp_path_factory, minilm):
    root = tmp_path_factory.mktemp("objathor")
    return root, make_objaverse(root / "base", encoder=minilm, glb_dir=root / "glbs-extra")


def _obj(i, **kw):
    base = {"id": f"obj_{i}", "desc": "x", "size": (1.0, 1.0, 1.0), "pos": (0.0, 0.0, 0.0)}
    return SceneObject(**{**base, **kw})


def _room():
    return make_room([(-3.0, -3.0), (3.0, -3.0), (3.0, 3.0), (-3.0, 3.0)], 2.7, "living room", "fixture-0001")


# ---------------------------------------------------------------- 3D-FUTURE
def test_future_retrieval_reads_respace_pickle_and_sets_fields(future, minilm, tmp_path):
    root, paths = future
    before = snapshot(root)
    r = Retriever(
        RetrievalConfig(source="3d-future", cache_dir=str(tmp_path), **{k: v for k, v in paths.items()}), encoder=minilm
    )
    out = r.retrieve_objects(
        [_obj(1, desc="grey couch", size=(2.1, 0.85, 0.9)), _obj(2, desc="standing lamp", size=(0.4, 1.6, 0.4))]
    )
    assert [o.jid for o in out] == ["0a1b2c3d-sofa", "1e2f3a4b-lamp"]
    assert out[0].asset_source == "3d-future" and out[0].retrieved_size == (2.1, 0.85, 0.9)
    wide = r.retrieve("grey couch", (2.52, 0.85, 0.9))
    assert wide.asset_id == SCALED_ID and wide.description == "a three-seat sofa upholstered in grey fabric"
    assert snapshot(root) == before


def test_future_without_pickle_embeds_summaries_into_the_cache_dir(future, minilm, tmp_path):
    root, paths = future
    before = snapshot(root)
    cfg = RetrievalConfig(source="auto", cache_dir=str(tmp_path), future_metadata=paths["future_metadata"])
    r = Retriever(cfg, encoder=minilm)
    assert r.retrieve("writing desk").asset_id == "5c6d7e8f-desk"
    assert list((tmp_path / "embeddings").glob("*.npy"))
    assert snapshot(root) == before


def test_future_siglip_pickle_needs_the_matching_encoder(tmp_path, minilm):
    paths = make_future(tmp_path, embed_dim=1152)
    r = Retriever(RetrievalConfig(source="3d-future", cache_dir=str(tmp_path / "c"), **paths), encoder=minilm)
    with pytest.raises(ValueError, match=r"1152-d embeddings.*minilm.*384-d.*siglip"):
        r.retrieve("sofa")


def test_future_resolver_loads_glb_obj_and_scaled_meshes(future):
    _, paths = future
    res = get_resolver("3d-future", **paths)
    sofa = res.resolve(_obj(1, jid="0a1b2c3d-sofa", asset_source="3d-future"))
    assert np.allclose(sofa.extents, (2.1, 0.85, 0.9)) and len(np.unique(sofa.visual.face_colors, axis=0)) == 2
    lamp = res.resolve(_obj(2, jid="1e2f3a4b-lamp"))
    assert lamp.visual.kind == "texture" and np.allclose(lamp.extents, (0.4, 1.6, 0.4))
    scaled = res.resolve(_obj(3, jid=SCALED_ID))
    assert np.allclose(scaled.extents, (2.52, 0.85, 0.9))
    assert res.mesh_path(_obj(1, jid="0a1b2c3d-sofa")).name == "raw_model.glb"
    assert res.resolve(_obj(4)) is None  # no asset id: caller uses a box
    assert parse_scaled_id(SCALED_ID) == ("0a1b2c3d-sofa", (1.2, 1.0, 1.0)) and parse_scaled_id("plain-id") is None


def test_future_missing_mesh_is_loud_or_a_logged_placeholder(future, caplog):
    _, paths = future
    desk = _obj(1, jid="5c6d7e8f-desk", asset_source="3d-future")
    with pytest.raises(AssetDataError, match=r"5c6d7e8f-desk.*raw_model.glb or raw_model.obj"):
        get_resolver("3d-future", **paths).resolve(desk)
    with caplog.at_level(logging.WARNING):
        assert get_resolver("3d-future", best_effort=True, **paths).resolve(desk) is None
    assert "placeholder" in caplog.text and "5c6d7e8f-desk" in caplog.text


def test_future_meshes_feed_placement_and_physics(future):
    from scenerevis.physics.evaluate import evaluate_physics

    _, paths = future
    res = get_resolver("3d-future", **paths)
    sofa = _obj(1, jid="0a1b2c3d-sofa", asset_source="3d-future", size=(2.0, 0.8, 0.9), pos=(0.0, 0.0, 1.0))
    mesh, boxed = object_mesh(sofa, res)
    assert not boxed and np.allclose(mesh.extents, (2.0, 0.8, 0.9))
    assert mesh.volume < 0.9 * 2.0 * 0.8 * 0.9  # the L-shaped asset, not a box of its size
    scene = _room()
    scene.objects = [sofa, _obj(2, jid="1e2f3a4b-lamp", asset_source="3d-future", size=(0.4, 1.6, 0.4), pos=(2.0, 0.0, 2.0))]
    report = evaluate_physics(scene, res)
    assert report.num_boxed == 0 and report.collision_rate == 0.0 and report.oob_rate == 0.0


def test_future_truncated_or_malformed_files_name_file_and_field(tmp_path):
    bad = tmp_path / "model_info_3dfuture_assets.json"
    bad.write_text('{"abc": {"summary": "chair", "size": [1, 1')
    with pytest.raises(AssetDataError, match=r"model_info_3dfuture_assets.json.*truncated"):
        read_metadata(bad)
    bad.write_text('{"abc": {"summary": "chair"}}')
    with pytest.raises(AssetDataError, match=r"asset 'abc' has no field 'size'"):
        read_metadata(bad)
    bad.write_text('{"abc": {"summary": "chair", "size": [1, 0, 1]}}')
    with pytest.raises(AssetDataError, match=r"'size' must be 3 positive numbers"):
        read_metadata(bad)
    with pytest.raises(AssetDataError, match="not found"):
        read_metadata(tmp_path / "nope.json")
    pk = tmp_path / "embeds.pickle"
    pk.write_bytes(pickle.dumps({"jids": ["a", "b"], "sizes": np.ones((2, 3)), "embeds": np.ones((2, 8))})[:-20])
    with pytest.raises(AssetDataError, match=r"embeds.pickle.*truncated"):
        read_embeddings(pk)
    pk.write_bytes(pickle.dumps({"jids": ["a", "b"], "sizes": np.ones((2, 3))}))
    with pytest.raises(AssetDataError, match=r"has no field 'embeds'"):
        read_embeddings(pk)
    pk.write_bytes(pickle.dumps({"jids": ["a", "b"], "sizes": np.ones((2, 3)), "embeds": np.ones((3, 8))}))
    with pytest.raises(AssetDataError, match=r"'embeds' has shape \(3, 8\), expected \(2, D\)"):
        read_embeddings(pk)


# ---------------------------------------------------------------- Objaverse
def test_objaverse_retrieval_uses_clip_sbert_and_aspect_penalty(objaverse, minilm, tmp_path):
    root, paths = objaverse
    before = snapshot(root)
    cfg = RetrievalConfig(source="objaverse", cache_dir=str(tmp_path), **paths)
    r = Retriever(cfg, encoder=minilm)
    r.index.clip_encoder = r.index.sbert_encoder = minilm  # share the session model
    out = r.retrieve_objects([_obj(1, desc="red swivel desk chair", size=(0.6, 1.0, 0.6))])[0]
    assert out.uid == "aa11bb22cc33" and out.jid is None and out.asset_source == "objaverse"
    assert out.retrieved_size == pytest.approx((0.6, 1.1, 0.6))
    # two bookcases: the query's proportions decide
    assert r.retrieve("wooden bookcase", (0.8, 2.0, 0.3)).asset_id == "dd44ee55ff66"
    assert r.retrieve("wooden bookcase", (1.8, 0.9, 0.35)).asset_id == "0f9e8d7c6b5a"
    m = r.search("red swivel desk chair", top_k=1)[0]
    qc = minilm.encode(["red swivel desk chair"])[0]
    views = r.index.clip_img[0]
    want = 100 * float((views @ qc).max()) + float(r.index.sbert[0] @ qc)
    assert m.score == pytest.approx(want, abs=1e-3)  # no size: no aspect term
    assert snapshot(root) == before


def test_objaverse_resolver_finds_both_glb_layouts(objaverse):
    _, paths = objaverse
    res = get_resolver("objaverse", **paths)
    chair = _obj(1, uid="aa11bb22cc33", asset_source="objaverse", size=(0.6, 1.1, 0.6))
    assert "glbs/000-023" in str(res.mesh_path(chair))
    book = _obj(2, uid="dd44ee55ff66", asset_source="objaverse", size=(0.9, 1.9, 0.35), pos=(1.5, 0, 0))
    assert res.mesh_path(book).parent.name == "dd"
    for o in (chair, book):
        mesh, boxed = object_mesh(o, res)
        assert not boxed and np.allclose(mesh.extents, o.size)
    # objathor's pose_z_rot_angle turns the stored (sideways) bookcase back: its back panel ends up at -Z
    raw = res.resolve(book)
    assert np.allclose(raw.extents, (0.9, 1.9, 0.35), atol=1e-6)
    top = raw.vertices[raw.vertices[:, 1] > 1.5]
    assert top[:, 2].mean() < 0
    with pytest.raises(AssetDataError, match=r"no GLB for Objaverse uid '0f9e8d7c6b5a'"):
        res.resolve(_obj(3, uid="0f9e8d7c6b5a"))


def test_objaverse_feature_dims_need_matching_encoders(tmp_path):
    paths = make_objaverse(tmp_path / "base", dim=768)
    r = Retriever(RetrievalConfig(source="objaverse", cache_dir=str(tmp_path / "c"), **paths))
    with pytest.raises(ValueError, match=r"768-d CLIP image features; set clip_encoder"):
        r.retrieve("chair")


def test_objaverse_missing_index_files_are_loud(tmp_path):
    paths = make_objaverse(tmp_path / "base", dim=16)
    (tmp_path / "base" / "features" / "sbert_features.pkl").unlink()
    with pytest.raises(AssetDataError, match=r"sbert_features.pkl: objathor SBERT features not found"):
        _ = Retriever(RetrievalConfig(source="objaverse", **paths)).index
    (tmp_path / "base" / "annotations.json.gz").write_bytes(b"\x1f\x8b\x08\x00garbage")
    with pytest.raises(AssetDataError, match=r"annotations.json.gz: objathor annotations is truncated"):
        _ = Retriever(RetrievalConfig(source="objaverse", **paths)).index


# ---------------------------------------------------------------- built-in and auto
def test_builtin_resolver_and_physics_use_real_legs(tmp_path):
    from scenerevis.physics.evaluate import evaluate_physics

    res = get_resolver("builtin", cache_dir=str(tmp_path))
    table = _obj(1, desc="dining table", jid="dining_table-01", asset_source="builtin", size=(1.4, 0.75, 0.9))
    stool = _obj(2, desc="stool", jid="stool-01", asset_source="builtin", size=(0.35, 0.45, 0.35))
    mesh, boxed = object_mesh(stool, res)
    assert not boxed and mesh.volume < 0.5 * 0.35 * 0.45 * 0.35
    scene = _room()
    scene.objects = [table, stool]  # the stool stands under the table, between its legs
    assert evaluate_physics(scene, res).collision_rate == 0.0
    assert evaluate_physics(scene, None).collision_rate == 100.0  # as boxes they would collide
    path = res.mesh_path(table)
    assert path.suffix == ".glb" and tmp_path in path.parents
    with pytest.raises(AssetDataError, match="built-in catalog has no asset 'sofa-77'"):
        res.resolve(_obj(3, jid="sofa-77", asset_source="builtin"))


def test_auto_resolver_dispatches_on_asset_source(future, objaverse, tmp_path):
    _, fpaths = future
    _, opaths = objaverse
    res = get_resolver("auto", cache_dir=str(tmp_path), **fpaths, **opaths)
    assert res.resolve(_obj(1, jid="sofa_2seat-01", asset_source="builtin")) is not None
    assert res.resolve(_obj(2, jid="bed_king-02")) is not None  # built-in id without a source
    assert np.allclose(res.resolve(_obj(3, jid="0a1b2c3d-sofa", asset_source="3d-future")).extents, (2.1, 0.85, 0.9))
    assert res.mesh_path(_obj(4, uid="aa11bb22cc33", asset_source="objaverse")).suffix == ".glb"
    only_builtin = get_resolver("auto", cache_dir=str(tmp_path))
    with pytest.raises(AssetDataError, match="asset_source '3d-future' but no 3d-future source is configured"):
        only_builtin.resolve(_obj(5, jid="0a1b2c3d-sofa", asset_source="3d-future"))
