"""`situation publish DRAFT_REF --reviewer NAME`, on a real git repository made in the test."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.command import run
from tests.paths import ROOT
from tests.serve.review.repository import Repository


def draft_branch(tmp_path: Path, value: str = "270000") -> Repository:
    repository = Repository(tmp_path / "team")
    repository.git("checkout", "--quiet", "-b", "fix-figures")
    text = repository.file.read_text(encoding="utf-8").replace("value: 250000", f"value: {value}")
    repository.file.write_text(text, encoding="utf-8")
    repository.commit("The new figure")
    repository.git("checkout", "--quiet", "main")
    return repository


def test_publish_merges_the_draft_and_records_the_reviewer(tmp_path: Path) -> None:
    repository = draft_branch(tmp_path)
    before = repository.commit_of("main")
    code, out, err = run("publish", "fix-figures", "--reviewer", "Jo Smith <jo@example.org>", "--repo", str(repository.top))
    assert (code, err) == (0, "")
    assert out.splitlines()[0] == "aleppo-2016-08: 1 fact changed"
    assert "People under siege, 2016-08-08: value about 250,000 → about 270,000" in out
    assert out.splitlines()[-1].startswith(f"Published: main now at {repository.commit_of('main')[:8]} (was {before[:8]})")
    assert repository.git("log", "-1", "--format=%(trailers:key=Reviewed-by,valueonly)", "main") == "Jo Smith <jo@example.org>"
    assert repository.git("log", "-1", "--format=%P", "main").split() == [before, repository.commit_of("fix-figures")]


def test_publish_runs_inside_the_repository_and_a_dry_run_moves_nothing(tmp_path: Path) -> None:
    repository = draft_branch(tmp_path)
    before = repository.commit_of("main")
    done = subprocess.run(
        [sys.executable, "-m", "situation", "publish", "fix-figures", "--reviewer", "jo", "--dry-run"],
        cwd=repository.situations,  # anywhere inside it
        env={**os.environ, "PYTHONPATH": str(ROOT)},  # this checkout's package, wherever the test runs from
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == f"Not published (--dry-run): main stays at {before[:8]}."
    assert repository.commit_of("main") == before


def test_a_draft_that_does_not_validate_is_refused_and_nothing_moves(tmp_path: Path) -> None:
    repository = draft_branch(tmp_path, value="lots")
    before = repository.commit_of("main")
    code, _, err = run("publish", "fix-figures", "--reviewer", "jo", "--repo", str(repository.top))
    assert code == 1
    assert err.startswith("Not published: 'fix-figures' does not validate (1 error(s)); fix them and look again\n")
    assert ":situations/aleppo-2016-08.yaml:216:16: indicators[people-under-siege].observations[0].value:" in err
    assert repository.commit_of("main") == before


def test_mistakes_in_the_command_are_usage_errors_without_a_traceback(tmp_path: Path) -> None:
    repository = draft_branch(tmp_path)
    top = str(repository.top)
    assert run("publish", "no-such-branch", "--reviewer", "jo", "--repo", top)[::2] == (
        2,
        f"publish: no draft 'no-such-branch' in the repository at {repository.top}\n",
    )
    assert run("publish", "fix-figures", "--reviewer", "jo", "--repo", top, "--published", "release")[0] == 2
    assert run("publish", "fix-figures", "--reviewer", "jo\nReviewed-by: x", "--repo", top)[0] == 2
    assert run("publish", "fix-figures", "--reviewer", "jo", "--repo", str(tmp_path / "nowhere"))[0] == 2
    assert run("publish", "--upload-pack=touch /tmp/x", "--reviewer", "jo", "--repo", top)[0] == 2  # never an option to git
