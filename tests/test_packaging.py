"""Packaging: pinned requirements agree with pyproject; imports are light and side-effect free."""

import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[1]


def _pins() -> dict[str, str]:
    pins = {}
    for line in (ROOT / "requirements_infer_batch.txt").read_text().splitlines():
        line = line.split("#")[0].strip()
        if line and not line.startswith("-"):
            req = Requirement(line)
            (spec,) = req.specifier  # every line is an exact pin
            assert spec.operator == "==", line
            pins[canonicalize_name(req.name)] = spec.version
    return pins


def test_requirements_pin_every_pyproject_dependency_within_its_range():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    extras = project["optional-dependencies"]
    wanted = list(project["dependencies"])
    for extra in ("render", "embed", "policy", "test", "ray", "train"):
        wanted += extras[extra]
    pins = _pins()
    for line in wanted:
        req = Requirement(line)
        name = canonicalize_name(req.name)
        assert name in pins, f"{req.name} (pyproject) is not pinned in requirements_infer_batch.txt"
        assert req.specifier.contains(pins[name], prereleases=True), f"{req.name}=={pins[name]} violates {req.specifier}"


def test_import_has_no_heavy_imports_or_side_effects():
    code = (
        "import os, sys; before = dict(os.environ); p = list(sys.path);"
        "import scenerevis, scenerevis.scene, scenerevis.tools, scenerevis.physics, scenerevis.eval.cli;"
        "heavy = [m for m in ('bpy', 'torch', 'fcl', 'pyrender', 'sentence_transformers', 'openai') if m in sys.modules];"
        "assert not heavy, heavy; assert dict(os.environ) == before; assert sys.path == p; print('ok')"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert out.stdout.strip() == "ok", out.stderr


@pytest.mark.integration
def test_cli_help_works():
    for script in ("eval/myeval.py", "eval/voxel_eval.py"):
        out = subprocess.run([sys.executable, str(ROOT / script), "--help"], capture_output=True, text=True, cwd=ROOT)
        assert out.returncode == 0 and "--scenes_dir" in out.stdout, out.stderr
