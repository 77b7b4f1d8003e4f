"""A source's `document:` is read only when it is a text file that is not hidden (issue 25, finding 4): with
`document: .git/config` and a guessed quote, `quote-not-found` came or went with each guess, and a token in the
remote's URL leaked one character per save."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from situation.load.codes import Code
from situation.load.loader import load_situation
from tests.load.test_confine import with_document

TOKEN = "ghp_s3cr3tT0ken"


@pytest.fixture
def repository(tmp_path: Path) -> Path:
    """A situations folder that is a git clone whose remote URL holds a token, as a careless `git clone` leaves it."""
    folder = tmp_path / "situations"
    folder.mkdir()
    subprocess.run(["git", "init", "--quiet", str(folder)], check=True)
    subprocess.run(["git", "-C", str(folder), "remote", "add", "origin", f"https://{TOKEN}@git.example.org/team/s"], check=True)
    (folder / "notes").mkdir()
    (folder / "notes" / ".drafts").mkdir()
    (folder / "notes" / ".drafts" / "draft.txt").write_text(TOKEN, encoding="utf-8")
    (folder / "notes" / f".{TOKEN}.txt").write_text(TOKEN, encoding="utf-8")
    (folder / "article.txt").symlink_to(folder / ".git" / "config")
    (folder / "secrets.toml").write_text(f"token = '{TOKEN}'\n", encoding="utf-8")
    return folder


def answers(folder: Path, document: str) -> list[list[tuple[str, str, str]]]:
    """What the file gets with a right guess at the secret and with a wrong one."""
    said = []
    for guess in (f"https://{TOKEN[:5]}", "https://ghp_x"):
        (folder / "s.yaml").write_text(with_document(document, guess), encoding="utf-8")
        said.append([(p.code.value, p.path, p.message) for p in load_situation(folder / "s.yaml").problems])
    return said


@pytest.mark.parametrize(
    ("document", "why"),
    [
        (".git/config", "lies in a hidden folder"),
        ("article.txt", "lies in a hidden folder"),  # a link into .git
        ("notes/.drafts/draft.txt", "lies in a hidden folder"),
        (f"notes/.{TOKEN}.txt", "is hidden"),
        ("secrets.toml", "is not a text file (.txt, .text, .md, .markdown, .html, .htm)"),
    ],
)
def test_a_hidden_or_other_file_is_never_read_so_a_guess_learns_nothing(repository: Path, document: str, why: str) -> None:
    right, wrong = answers(repository, document)
    assert (
        right
        == wrong
        == [(Code.DOCUMENT_NOT_ALLOWED.value, "sources[doc].document", f"the document {why}; quotes from doc are not checked")]
    )


def test_a_text_file_inside_the_roots_is_still_checked(repository: Path) -> None:
    (repository / "article.txt").unlink()
    (repository / "article.txt").write_text("https://ghp_s3cr3t is the article's only line", encoding="utf-8")
    right, wrong = answers(repository, "article.txt")
    assert right == []
    assert [code for code, _, _ in wrong] == [Code.QUOTE_NOT_FOUND.value]


def test_the_text_kinds_are_the_ones_the_code_declares() -> None:
    from situation.load.confine import DOCUMENT_SUFFIXES

    assert all(suffix in Code.DOCUMENT_NOT_ALLOWED.meaning for suffix in DOCUMENT_SUFFIXES)


def test_a_boundary_file_in_a_hidden_folder_is_not_read(tmp_path: Path) -> None:
    (tmp_path / ".cache").mkdir()
    (tmp_path / ".cache" / "b.geojson").write_text('{"type": "FeatureCollection", "features": []}', encoding="utf-8")
    (tmp_path / "s.yaml").write_text(
        "id: s\ntitle: S\nas_of: 2016-09-05\nsummary: x\nboundaries:\n  - file: .cache/b.geojson\n"
        "sources:\n  - {id: team, name: The team, kind: other, reliability: F}\n",
        encoding="utf-8",
    )
    problems = load_situation(tmp_path / "s.yaml").problems
    assert [(p.code, p.message) for p in problems] == [
        (Code.BOUNDARY_UNREADABLE, "the boundary file .cache/b.geojson lies in a hidden folder; it is not read")
    ]
