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
