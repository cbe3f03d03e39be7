"""datasets.py: builders of tiny 3D-FUTURE (ReSpace metadata) and Objaverse (objathor) datasets in their real file formats."""

from __future__ import annotations

import gzip
import json
import pickle
from pathlib import Path

import numpy as np
import trimesh

FUTURE = {
    "0a1b2c3d-sofa": {
        "summary": "a three-seat sofa upholstered in grey fabric",
        "style": "modern",
        "color": "grey",
        "material": "fabric",
        "size": [2.1, 0.85, 0.9],
    },
    "1e2f3a4b-lamp": {
        "summary": "a floor lamp with a white shade on a metal pole",
        "style": "minimalist",
        "color": "white",
        "material": "metal",
        "size": [0.4, 1.6, 0.4],
    },
    "5c6d7e8f-desk": {
        "summary": "a wooden writing desk with two drawers",
        "style": "nordic",
        "color": "brown",
        "material": "wood",
        "size": [1.2, 0.75, 0.6],
    },
}
SCALED_ID = "0a1b2c3d-sofa-(1.2)-(1.0)-(1.0)"
OBJAVERSE = {
    "aa11bb22cc33": ("a red office chair with wheels", "chair", (0.6, 1.1, 0.6)),
    "dd44ee55ff66": ("a tall wooden bookcase full of books", "bookshelf", (0.9, 1.9, 0.35)),
    "0f9e8d7c6b5a": ("a short wide wooden bookcase", "bookshelf", (1.6, 0.8, 0.35)),
}


def _textured_box(size) -> trimesh.Trimesh:
    from PIL import Image

    m = trimesh.creation.box(extents=size)
    m.apply_translation((0, size[1] / 2, 0))
    uv = np.random.default_rng(0).uniform(0, 1, (len(m.vertices), 2))
    m.visual = trimesh.visual.TextureVisuals(uv=uv, image=Image.new("RGB", (8, 8), (150, 90, 60)))
    return m


def _coloured_l(size) -> trimesh.Trimesh:
    """An L-shaped two-part mesh (seat + back) filling ``size``: clearly not a box."""
    w, h, d = size
    seat = trimesh.creation.box(extents=(w, h * 0.5, d))
    seat.apply_translation((0, h * 0.25, 0))
    back = trimesh.creation.box(extents=(w, h * 0.5, d * 0.2))
    back.apply_translation((0, h * 0.75, -d * 0.4))
    for part, c in ((seat, (200, 40, 40, 255)), (back, (40, 40, 200, 255))):
        part.visual.face_colors = c
    return trimesh.util.concatenate([seat, back])


def make_future(root: Path, encoder=None, embed_dim: int | None = None) -> dict:
    """3D-FUTURE-model folder + ReSpace metadata JSONs + embeddings pickle; returns the paths.

    The sofa has a GLB, the lamp a textured OBJ, the desk no mesh folder (a missing mesh).
    Embeddings are the encoder's (when given) or random rows of ``embed_dim``.
    """
    models = root / "3D-FUTURE-model"
    (models / "0a1b2c3d-sofa").mkdir(parents=True)
    (models / "1e2f3a4b-lamp").mkdir(parents=True)
    _coloured_l(FUTURE["0a1b2c3d-sofa"]["size"]).export(models / "0a1b2c3d-sofa" / "raw_model.glb")
    _textured_box(FUTURE["1e2f3a4b-lamp"]["size"]).export(models / "1e2f3a4b-lamp" / "raw_model.obj")
    meta_dir = root / "metadata"
    meta_dir.mkdir()
    (meta_dir / "model_info_3dfuture_assets.json").write_text(json.dumps(FUTURE, indent=1))
    scaled = {
        SCALED_ID: {
            "jid": "0a1b2c3d-sofa",
            "jid_scaled_asset": SCALED_ID,
            "scale": [1.2, 1.0, 1.0],
            "orig_size": [2.1, 0.85, 0.9],
            "size": [2.52, 0.85, 0.9],
        }
    }
    (meta_dir / "model_info_3dfuture_assets_scaled.json").write_text(json.dumps(scaled, indent=1))
    jids = list(FUTURE) + [SCALED_ID]
    texts = [FUTURE[j]["summary"] for j in FUTURE] + [FUTURE["0a1b2c3d-sofa"]["summary"]]
    embeds = encoder.encode(texts) if encoder is not None else np.random.default_rng(1).normal(size=(len(jids), embed_dim))
    sizes = [FUTURE[j]["size"] for j in FUTURE] + [scaled[SCALED_ID]["size"]]
    with open(meta_dir / "model_info_3dfuture_assets_embeds.pickle", "wb") as fh:
        pickle.dump({"jids": jids, "sizes": np.asarray(sizes), "embeds": np.asarray(embeds)}, fh)
    return {
        "future_root": str(models),
        "future_metadata": str(meta_dir / "model_info_3dfuture_assets.json"),
        "future_metadata_scaled": str(meta_dir / "model_info_3dfuture_assets_scaled.json"),
        "future_embeddings": str(meta_dir / "model_info_3dfuture_assets_embeds.pickle"),
    }


def make_objaverse(base: Path, encoder=None, dim: int = 384, glb_dir: Path | None = None) -> dict:
    """objathor base dir (annotations.json.gz, features/*.pkl) and GLBs in both layouts; returns the paths.

    The chair's GLB sits in ``glbs/000-023/``, the tall bookcase's in ``<uid[:2]>/`` of ``glb_dir``
    (or ``base``); the wide bookcase has no GLB.
    """
    base.mkdir(parents=True, exist_ok=True)
    ann = {}
    for uid, (desc, cat, size) in OBJAVERSE.items():
        lo = {"x": -size[0] / 2, "y": 0.0, "z": -size[2] / 2}
        hi = {"x": size[0] / 2, "y": size[1], "z": size[2] / 2}
        ann[uid] = {
            "uid": uid,
            "description": desc,
            "category": cat,
            "pose_z_rot_angle": 0.0,
            "thor_metadata": {"assetMetadata": {"boundingBox": {"min": lo, "max": hi}}},
        }
    ann["dd44ee55ff66"]["pose_z_rot_angle"] = float(np.pi / 2)  # its GLB is stored turned by a quarter
    with gzip.open(base / "annotations.json.gz", "wt", encoding="utf-8") as fh:
        json.dump(ann, fh)
    uids = list(OBJAVERSE)
    descs = [OBJAVERSE[u][0] for u in uids]
    rng = np.random.default_rng(2)
    if encoder is not None:
        text = encoder.encode(descs)
        views = np.stack([text + 0.02 * rng.normal(size=text.shape) for _ in range(3)], axis=1)
    else:
        text = rng.normal(size=(3, dim))
        views = rng.normal(size=(3, 3, dim))
    (base / "features").mkdir(exist_ok=True)
    with open(base / "features" / "clip_features.pkl", "wb") as fh:
        pickle.dump({"uids": uids, "img_features": views.astype(np.float16)}, fh)
    with open(base / "features" / "sbert_features.pkl", "wb") as fh:
        pickle.dump({"uids": uids, "text_features": text.astype(np.float32)}, fh)
    shard = base / "glbs" / "000-023"
    shard.mkdir(parents=True)
    _coloured_l(OBJAVERSE["aa11bb22cc33"][2]).export(shard / "aa11bb22cc33.glb")
    gd = glb_dir or base
    (gd / "dd").mkdir(parents=True, exist_ok=True)
    turned = _coloured_l(OBJAVERSE["dd44ee55ff66"][2])
    turned.apply_transform(trimesh.transformations.rotation_matrix(-np.pi / 2, [0, 1, 0]))  # front now faces -X
    turned.export(gd / "dd" / "dd44ee55ff66.glb")
    return {"objaverse_dir": str(base), "objaverse_glb_dir": str(gd) if glb_dir else None}


def snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    """{relative path: (size, mtime_ns)} of every file under ``folder`` (to prove nothing was written there)."""
    return {
        str(p.relative_to(folder)): (p.stat().st_size, p.stat().st_mtime_ns) for p in sorted(folder.rglob("*")) if p.is_file()
    }
