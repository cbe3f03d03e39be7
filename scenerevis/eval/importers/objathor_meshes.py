"""objathor_meshes.py: write objathor asset meshes as ``<out>/<uid>/raw_model.obj`` so the evaluators can load them.

Objathor (Holodeck's Objaverse assets) stores each asset as ``<version>/assets/<uid>/<uid>.pkl.gz``:
a gzip'd pickle of a dict with ``vertices`` (``[{x, y, z}, ...]``, metres, THOR frame) and
``triangles`` (flat vertex indices). The pickle is read with an unpickler that only builds plain
containers and numpy arrays, never arbitrary classes. Vertices are copied as numbers, like the
object positions (see :mod:`.holodeck` for why the THOR -> ours mirror changes no metric). The folder
evaluators then take ``--models_path <out>`` and find each object's mesh by its ``uid`` (= assetId);
objects whose asset has no mesh file stay boxes of their size and are counted (``num_boxed``).
"""

from __future__ import annotations

import gzip
import io
import os
import pickle
from collections.abc import Iterable
from pathlib import Path

import numpy as np

from scenerevis.fileio import atomic_write_bytes
from scenerevis.scene.validate import SceneFormatError

#: Globals a THOR asset pickle may need (numpy array reconstruction); anything else is refused.
_ALLOWED = {
    ("numpy.core.multiarray", "_reconstruct"),
    ("numpy._core.multiarray", "_reconstruct"),
    ("numpy", "ndarray"),
    ("numpy", "dtype"),
    ("numpy.core.multiarray", "scalar"),
    ("numpy._core.multiarray", "scalar"),
    ("collections", "OrderedDict"),
}


class _SafeUnpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str):  # noqa: D102 - pickle API
        if (module, name) in _ALLOWED:
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"refusing to load {module}.{name} from an asset pickle")


def find_asset_file(root: str | os.PathLike, uid: str) -> Path | None:
    """``<root>[/<version>]/assets/<uid>/<uid>.pkl.gz`` (or ``<root>/<uid>/<uid>.pkl.gz``), None when absent."""
    base = Path(root)
    for cand in (base / "assets" / uid, *sorted(base.glob(f"*/assets/{uid}")), base / uid):
        f = cand / f"{uid}.pkl.gz"
        if f.is_file():
            return f
    return None


def load_asset_mesh(path: str | os.PathLike):
    """The trimesh of one objathor ``<uid>.pkl.gz``; SceneFormatError (file, field) when it is not one."""
    import trimesh

    source = str(path)
    try:
        with gzip.open(path, "rb") as fh:
            data = _SafeUnpickler(io.BytesIO(fh.read())).load()
    except (OSError, EOFError, pickle.UnpicklingError, ValueError) as err:
        raise SceneFormatError(source, "<pickle>", f"cannot read: {err}") from None
    if not isinstance(data, dict) or "vertices" not in data or "triangles" not in data:
        raise SceneFormatError(source, "<root>", "expected a dict with 'vertices' and 'triangles'")
    try:
        verts = np.array([[v["x"], v["y"], v["z"]] if isinstance(v, dict) else v for v in data["vertices"]], dtype=float)
        faces = np.asarray(data["triangles"], dtype=int).reshape(-1, 3)
    except (KeyError, TypeError, ValueError) as err:
        raise SceneFormatError(source, "vertices", f"expected [{{x, y, z}}, ...]: {err}") from None
    if verts.ndim != 2 or verts.shape[1] != 3 or len(verts) == 0 or not np.all(np.isfinite(verts)):
        raise SceneFormatError(source, "vertices", f"expected finite x, y, z points, got shape {verts.shape}")
    if faces.size == 0 or faces.min() < 0 or faces.max() >= len(verts):
        raise SceneFormatError(source, "triangles", "expected vertex index triples within the vertices")
    return trimesh.Trimesh(verts, faces, process=False)


def export_meshes(uids: Iterable[str], objathor_root: str | os.PathLike, out_root: str | os.PathLike) -> dict[str, list[str]]:
    """Write ``out_root/<uid>/raw_model.obj`` for every uid found; returns ``{"exported", "present", "missing", "failed"}``.

    ``present``: already written by an earlier run (kept); ``failed`` entries are one-line reasons.
    """
    out: dict[str, list[str]] = {"exported": [], "present": [], "missing": [], "failed": []}
    for uid in sorted(set(uids)):
        target = Path(out_root) / uid / "raw_model.obj"
        if target.is_file():
            out["present"].append(uid)
            continue
        src = find_asset_file(objathor_root, uid)
        if src is None:
            out["missing"].append(uid)
            continue
        try:
            mesh = load_asset_mesh(src)
        except SceneFormatError as err:
            out["failed"].append(str(err))
            continue
        atomic_write_bytes(target, mesh.export(file_type="obj").encode())
        out["exported"].append(uid)
    return out


def scene_uids(scene_files: Iterable[str | os.PathLike]) -> list[str]:
    """Objathor asset ids (``uid`` of objects with ``asset_source`` "objathor") of converted scene files."""
    import json

    uids: list[str] = []
    for f in scene_files:
        data = json.loads(Path(f).read_text(encoding="utf-8"))
        uids += [o["uid"] for o in data.get("objects", []) if o.get("asset_source") == "objathor" and o.get("uid")]
    return sorted(set(uids))
