"""The wheel that `pip install .` (and pre-commit) builds holds the whole package: every sub-package, and the app.

Built from a copy of only what the wheel is made from, installed into a fresh venv, and run from a folder outside
the source tree, so nothing can come from the checkout. The dependencies are not installed again: the fresh venv sees
this venv's site-packages after its own (a plain path, so this venv's editable install of the project is not).
"""

from __future__ import annotations

import os
import shutil
import site
import subprocess
import sys
from pathlib import Path

from tests.paths import ROOT, SEED


def run(*command: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {key: value for key, value in os.environ.items() if key not in ("PYTHONPATH", "PYTHONHOME")}
    return subprocess.run([str(part) for part in command], cwd=cwd, env=env, capture_output=True, text=True, timeout=180)


def test_the_wheel_validates_a_situation_and_imports_the_app_from_a_fresh_venv(tmp_path: Path) -> None:
    source = tmp_path / "source"
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    shutil.copytree(ROOT / "situation", source / "situation", ignore=shutil.ignore_patterns("__pycache__"))
    built = run(sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "--wheel-dir", tmp_path / "dist", source, cwd=tmp_path)
    assert built.returncode == 0, built.stderr
    [wheel] = (tmp_path / "dist").glob("situation_dashboard-*.whl")

    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=60)
    python = venv / "bin" / "python"
    venv_site = Path(run(python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))", cwd=tmp_path).stdout.strip())
    (venv_site / "dependencies.pth").write_text("\n".join(site.getsitepackages()) + "\n", encoding="utf-8")
    installed = run(sys.executable, "-m", "pip", "--python", python, "install", "--no-deps", "--quiet", wheel, cwd=tmp_path)
    assert installed.returncode == 0, installed.stderr

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    validated = run(venv / "bin" / "situation", "validate", SEED, cwd=elsewhere)
    assert validated.returncode == 0, validated.stderr
    assert validated.stdout.splitlines()[-1].startswith(f"{SEED}: valid: Siege of eastern Aleppo")

    imported = run(python, "-c", "import situation, situation.ui.app; print(situation.__file__)", cwd=elsewhere)
    assert imported.returncode == 0, imported.stderr
    assert Path(imported.stdout.strip()).is_relative_to(venv_site)
