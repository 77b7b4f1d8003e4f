"""Where things are, for every test. Outside material lives in ../shared beside the repository, read where it lies."""

from __future__ import annotations

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "aleppo-2016-08.yaml"
CASES = Path(__file__).resolve().parent / "cases"
REVISION = CASES / "revisions" / "aleppo-2016-09.yaml"
"""The seed carried forward to 5 September 2016: every shape of the model that updates need."""
SHARED = ROOT.parent / "shared"
ARTICLES = SHARED / "seed"
"""The seed's source article: outside the repository (its text is not ours to copy), named as a document root."""


def copy_seed(target: Path) -> Path:
    """The seed copied to `target`, with the boundary files it names beside it, as a clone of the repository has them."""
    shutil.copy(SEED, target)
    shutil.copytree(SEED.parent / "boundaries", target.parent / "boundaries", dirs_exist_ok=True)
    return target
