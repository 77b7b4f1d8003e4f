"""What a committed file can make the server read: only regular files inside the roots, never a secret, never forever.

Each test is an attack from the issue "Nothing a committed file does can read, crash or freeze the server", tried
through `validate` as a teammate's commit would reach it.
"""

from __future__ import annotations

import io
import os
import subprocess
import threading
from pathlib import Path

import pytest

from situation.cli.main import main
from situation.load.codes import Code
from situation.load.confine import Roots, document_roots
from situation.load.loader import load_situation
from tests.paths import CASES

MINIMAL = (CASES / "valid" / "minimal.yaml").read_text(encoding="utf-8")
SECRET = "root:x:0:0:the-secret-line"


def validate(*argv: str, timeout: float = 20.0) -> tuple[int, str]:
    """`validate` run as a user runs it, in a thread that must finish: a FIFO must not hang it."""
    out, err = io.StringIO(), io.StringIO()
    done: list[int] = []
    thread = threading.Thread(target=lambda: done.append(main(["validate", *argv], out, err)), daemon=True)
    thread.start()
    thread.join(timeout)
    assert done, f"validate {' '.join(argv)} did not finish within {timeout} s"
    return done[0], out.getvalue() + err.getvalue()


def with_document(document: str, quote: str) -> str:
    """The minimal situation with a source whose `document:` is given, and a figure quoting it."""
    return MINIMAL + (
        f"  - {{id: doc, name: Doc, kind: ngo, reliability: B, document: '{document}'}}\n"
        "indicators:\n"
        "  - {id: people, name: People, unit: people, observations: "
        f"[{{date: 2024-01, value: 1, sources: [doc], credibility: 2, quote: {{text: '{quote}', by: doc}}}}]}}\n"
    )


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    """A file outside the situations folder, standing for /etc/passwd or .streamlit/secrets.toml."""
    path = tmp_path / "outside" / "secrets.toml"
    path.parent.mkdir()
    path.write_text(f"{SECRET}\npassword = 'hunter2'\n", encoding="utf-8")
    return path


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    path = tmp_path / "situations"
    path.mkdir()
    return path


def test_a_situation_file_linking_outside_is_refused_without_its_content(folder: Path, secret: Path) -> None:
    (folder / "passwd.yaml").symlink_to(secret)
    (folder / "etc.yaml").symlink_to("/etc/passwd")
    for named in (str(folder), str(folder / "passwd.yaml"), str(folder / "etc.yaml")):
        code, said = validate(named)
        assert code == 1
        assert "outside-roots" not in said  # the code is not printed, the words are
        assert "leads outside the folders it may be read from" in said
        assert "root:" not in said and "hunter2" not in said, said


def test_a_link_inside_the_folder_is_still_read(folder: Path) -> None:
    (folder / "real.yaml").write_text(MINIMAL, encoding="utf-8")
    (folder / "alias.yaml").symlink_to(folder / "real.yaml")
    assert validate(str(folder / "alias.yaml"))[0] == 0


@pytest.mark.parametrize("how", ["absolute", "dotdot", "link"])
def test_a_document_outside_the_roots_is_no_oracle(folder: Path, secret: Path, how: str) -> None:
    """A quote that is in the secret and one that is not get the same answer: the secret is never read."""
    document = {"absolute": str(secret), "dotdot": f"../outside/{secret.name}", "link": "link.txt"}[how]
    if how == "link":
        (folder / "link.txt").symlink_to(secret)
    answers = []
    for quote in ("root:x:0:0", "root:x:0:1"):
        (folder / "s.yaml").write_text(with_document(document, quote), encoding="utf-8")
        result = load_situation(folder / "s.yaml")
        answers.append([(p.code.value, p.severity, p.path) for p in result.problems])
        assert result.ok
    assert answers[0] == answers[1] == [("document-outside-roots", "note", "sources[doc].document")]


def test_a_document_root_lets_a_text_beside_the_situations_be_checked(folder: Path, secret: Path) -> None:
    text = secret.with_name("report.txt")  # a text file: only those are read as a source's text
    text.write_text(secret.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "s.yaml").write_text(with_document(str(text), "root:x:0:1"), encoding="utf-8")
    roots = Roots.around(folder, [secret.parent])
    assert [p.code.value for p in load_situation(folder / "s.yaml", roots=roots).problems] == ["quote-not-found"]
    code, said = validate("--documents", str(secret.parent), str(folder))
    assert code == 1 and "this quote is not in the text of doc" in said


def test_document_roots_come_from_the_option_else_the_environment(tmp_path: Path) -> None:
    environ = {"SITUATION_DOCUMENTS": f"{tmp_path / 'a'}{os.pathsep}{tmp_path / 'b'}"}
    assert document_roots([], environ) == (tmp_path / "a", tmp_path / "b")
    assert document_roots([str(tmp_path / "c")], environ) == (tmp_path / "c",)


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_an_endless_device_is_not_read(folder: Path, device: str) -> None:
    (folder / "s.yaml").write_text(with_document(device, "x"), encoding="utf-8")
    (folder / "link.yaml").symlink_to(device)
    code, said = validate(str(folder), str(folder / "link.yaml"), timeout=10)
    assert code == 1
    assert "link.yaml: the file leads outside" in said and "sources[doc].document: note: quotes from doc are not checked" in said


def test_a_fifo_never_hangs_validate(folder: Path) -> None:
    os.mkfifo(folder / "pipe.yaml")
    os.mkfifo(folder / "pipe.txt")
    (folder / "s.yaml").write_text(with_document("pipe.txt", "x"), encoding="utf-8")
    code, said = validate(str(folder), str(folder / "pipe.yaml"), timeout=10)
    assert code == 1
    assert "sources[doc].document: the document is not a regular file (a pipe, a device or a socket)" in said
    assert f"{folder / 'pipe.yaml'}: the file is not a regular file" in said


def test_a_huge_document_is_not_read_and_its_quotes_not_checkable(folder: Path) -> None:
    with (folder / "big.txt").open("wb") as big:
        big.truncate(9 * 1024 * 1024)  # sparse: costs no disk
    (folder / "s.yaml").write_text(with_document("big.txt", "x"), encoding="utf-8")
    result = load_situation(folder / "s.yaml")
    assert result.ok
    assert [(p.code.value, p.severity) for p in result.problems] == [("document-too-large", "warning")]
    assert "at most 8 MiB is read; quotes from doc are not checked" in result.problems[0].message


# A source's `document:` is read only when it is a text file that is not hidden (issue 25, finding 4): with
# `document: .git/config` and a guessed quote, `quote-not-found` came or went with each guess, and a token in the
# remote's URL leaked one character per save.

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
