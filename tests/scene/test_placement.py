import numpy as np
import trimesh

from scenerevis.scene import yaw_to_quat
from scenerevis.scene.placement import DirectoryResolver, object_mesh
from tests.helpers import obj


def test_box_fallback_matches_size_and_pose():
    o = obj("desk", (1.2, 0.75, 0.6), (1.0, 0.0, -0.5), rot=yaw_to_quat(np.pi / 2))
    mesh, boxed = object_mesh(o)
    assert boxed
    assert np.allclose(mesh.bounds, [[1.0 - 0.3, 0.0, -0.5 - 0.6], [1.0 + 0.3, 0.75, -0.5 + 0.6]])


def test_directory_resolver_stretches_mesh_to_size(tmp_path):
    (tmp_path / "J42").mkdir()
    src = trimesh.creation.cylinder(radius=3.0, height=10.0)  # centred at origin, any scale
    src.export(tmp_path / "J42" / "raw_model.obj")
    before = sorted(p.name for p in (tmp_path / "J42").iterdir())
    resolver = DirectoryResolver(tmp_path)
    o = obj("round table", (1.0, 0.75, 1.0), (0.0, 0.0, 2.0), jid="J42")
    mesh, boxed = object_mesh(o, resolver)
    assert not boxed
    assert np.allclose(mesh.bounds, [[-0.5, 0.0, 1.5], [0.5, 0.75, 2.5]], atol=1e-6)
    missing = obj("ghost", (1, 1, 1), (0, 0, 0), jid="NOPE")
    assert object_mesh(missing, resolver)[1] and resolver.missing == {"NOPE"}
    assert sorted(p.name for p in (tmp_path / "J42").iterdir()) == before  # nothing written there


def test_asset_ids_that_leave_the_models_folder_are_never_read(tmp_path):
    import trimesh

    from scenerevis.scene.model import SceneObject
    from scenerevis.scene.placement import DirectoryResolver

    models, outside = tmp_path / "models", tmp_path / "secret"
    (models / "good").mkdir(parents=True)
    outside.mkdir()
    trimesh.creation.box((1, 1, 1)).export(models / "good" / "raw_model.obj")
    trimesh.creation.box((1, 1, 1)).export(outside / "raw_model.obj")
    resolver = DirectoryResolver(models)

    def o(jid: str) -> SceneObject:
        return SceneObject(id="a", desc="x", size=(1, 1, 1), pos=(0, 0, 0), rot=(0, 0, 0, 1), jid=jid)

    assert resolver.path_for("good") == models / "good" / "raw_model.obj"
    for bad in ("../secret", str(outside), "good/../../secret"):
        assert resolver.path_for(bad) is None, bad
        assert resolver.resolve(o(bad)) is None  # evaluated as a box of its size
    (models / "linked").symlink_to(outside)  # datasets often link asset folders to another disk
    assert resolver.path_for("linked") == models / "linked" / "raw_model.obj"
