"""The import-linter layers contract of pyproject.toml holds, and bites on an upward import."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LINT = Path(sys.executable).with_name("lint-imports")

pytestmark = pytest.mark.skipif(not LINT.exists(), reason="import-linter is not installed in this venv")


def _lint(root: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(LINT), "--config", str(root / "pyproject.toml"), "--no-cache"],
        cwd=root,
        env={"PYTHONPATH": str(root), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_layers_kept():
    res = _lint(ROOT)
    assert res.returncode == 0, res.stdout + res.stderr
    assert "scenerevis layers KEPT" in res.stdout


@pytest.mark.integration
def test_an_upward_import_breaks_the_contract(tmp_path):
    shutil.copytree(ROOT / "scenerevis", tmp_path / "scenerevis", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    # the policy layer reaching up into the loop: the cycle issue 9 removed
    (tmp_path / "scenerevis" / "policy" / "upward.py").write_text("from scenerevis.loop import episode  # noqa: F401\n")
    res = _lint(tmp_path)
    assert res.returncode != 0
    assert "scenerevis layers BROKEN" in res.stdout
    assert "scenerevis.policy.upward -> scenerevis.loop.episode" in res.stdout
