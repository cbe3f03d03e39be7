"""Tests of scenerevis/assets/cli.py: search output (text and JSON), metadata export, contact sheet."""

from __future__ import annotations

import json

import pytest

from scenerevis.assets import cli

from .datasets import make_future


@pytest.fixture
def shared_encoder(monkeypatch, minilm):
    import scenerevis.assets.embeddings as emb

    monkeypatch.setattr(emb, "load_encoder", lambda spec="minilm", device="cpu": minilm)
    return minilm


@pytest.mark.slow
def test_search_json_lists_ranked_matches(shared_encoder, cache_dir, capsys):
    rc = cli.main(["search", "ergonomic mesh task chair", "--top-k", "3", "--json", "--cache-dir", str(cache_dir)])
    assert rc == 0
    rows = json.loads(capsys.readouterr().out)
    assert len(rows) == 3 and {"id", "category", "description", "size", "score"} <= set(rows[0])
    assert rows[0]["category"] == "office_chair" and rows[0]["score"] >= rows[1]["score"] >= rows[2]["score"]


def test_search_text_with_size_and_3d_future_source(shared_encoder, tmp_path, capsys):
    paths = make_future(tmp_path / "ds", encoder=shared_encoder)
    rc = cli.main(
        [
            "search",
            "grey couch",
            "--size",
            "2.1",
            "0.85",
            "0.9",
            "--source",
            "3d-future",
            "--top-k",
            "2",
            "--future-metadata",
            paths["future_metadata"],
            "--future-embeddings",
            paths["future_embeddings"],
            "--cache-dir",
            str(tmp_path / "cache"),
        ]
    )
    out = capsys.readouterr().out.splitlines()
    assert rc == 0 and len(out) == 2
    assert out[0].split()[2] == "0a1b2c3d-sofa"


def test_search_reports_bad_sources_as_errors(shared_encoder, tmp_path, capsys):
    rc = cli.main(
        [
            "search",
            "sofa",
            "--source",
            "3d-future",
            "--future-metadata",
            str(tmp_path / "missing.json"),
            "--cache-dir",
            str(tmp_path),
        ]
    )
    assert rc == 2
    assert "missing.json: 3D-FUTURE asset metadata" in capsys.readouterr().err


def test_metadata_and_sheet_commands_write_files(tmp_path, capsys):
    out = tmp_path / "meta.json"
    assert cli.main(["metadata", "--out", str(out)]) == 0
    data = json.loads(out.read_text())
    assert len(data["assets"]) >= 135 and {"id", "category", "description", "size", "style", "color", "material"} <= set(
        data["assets"][0]
    )


@pytest.mark.slow
def test_sheet_command_renders_labelled_thumbnails(tmp_path):
    import subprocess
    import sys

    from PIL import Image

    png = tmp_path / "sheet.png"
    cmd = [
        sys.executable,
        "-m",
        "scenerevis.assets",
        "sheet",
        "--out",
        str(png),
        "--thumb",
        "96",
        "--columns",
        "2",
        "--categories",
        "sofa_3seat",
        "bed_king",
        "stool",
    ]
    res = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    assert res.returncode == 0, res.stderr
    img = Image.open(png)
    assert img.size == (2 * 96, 2 * (96 + 34))
    px = img.convert("RGB").load()
    corner = px[2, 2]
    assert corner == (255, 255, 255)  # white background
    centre_colours = {px[48 + dx, 48 + dy] for dx in range(-10, 11, 5) for dy in range(-10, 11, 5)}
    assert any(c != (255, 255, 255) for c in centre_colours)  # something was drawn
