"""The JSON Schema works in a real validator, and the committed docs page is the one the model makes."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from situation.model.schema import situation_schema
from tests.paths import CASES, ROOT, SEED

CHECK_JSONSCHEMA = shutil.which("check-jsonschema") or str(Path(sys.executable).parent / "check-jsonschema")


@pytest.fixture(scope="module")
def schema_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("schema") / "situation.schema.json"
    path.write_text(json.dumps(situation_schema()), encoding="utf-8")
    return path


def check(schema_file: Path, document: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [CHECK_JSONSCHEMA, "--schemafile", str(schema_file), str(document)], capture_output=True, text=True, check=False
    )


def test_the_seed_passes_check_jsonschema(schema_file: Path) -> None:
    done = check(schema_file, SEED)
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.parametrize("case", ["unknown-field", "wrong-types", "bad-values"])
def test_check_jsonschema_refuses_what_the_loader_refuses(schema_file: Path, case: str) -> None:
    done = check(schema_file, CASES / "invalid" / f"{case}.yaml")
    assert done.returncode == 1, done.stdout


def test_the_committed_json_schema_is_up_to_date() -> None:
    committed = json.loads((ROOT / "docs" / "situation.schema.json").read_text(encoding="utf-8"))
    assert committed == situation_schema(), (
        "docs/situation.schema.json is stale: run `python -m situation schema > docs/situation.schema.json`"
    )


def test_the_pre_commit_hook_runs_the_validator() -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert [(h["id"], h["entry"], h["language"]) for h in hooks] == [("validate-situations", "situation validate", "python")]
    assert 'situation = "situation.cli.main:main"' in (ROOT / "pyproject.toml").read_text(encoding="utf-8")
