"""`python -m situation hash-password`: the hash, never the password, whether typed at a terminal or piped in."""

from __future__ import annotations

import io
import subprocess
import sys

import pytest

from situation.cli.main import main
from situation.serve.access.passwords import password_matches
from tests.paths import ROOT

PASSWORD = "correct horse battery"


def run(monkeypatch: pytest.MonkeyPatch, stdin: io.StringIO, *argv: str) -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "stdin", stdin)
    out, err = io.StringIO(), io.StringIO()
    code = main(["hash-password", *argv], out, err)
    return code, out.getvalue(), err.getvalue()


def test_a_piped_password_prints_only_its_hash(monkeypatch: pytest.MonkeyPatch) -> None:
    code, out, err = run(monkeypatch, io.StringIO(PASSWORD + "\n"))
    assert code == 0
    hashed = out.strip()
    assert hashed.startswith("$argon2id$") and PASSWORD not in out + err
    assert password_matches({"amina": hashed}, "amina", PASSWORD)


def test_with_a_user_it_prints_a_line_for_signin_users(monkeypatch: pytest.MonkeyPatch) -> None:
    code, out, _ = run(monkeypatch, io.StringIO(PASSWORD + "\r\n"), "--user", "amina")
    assert code == 0
    name, hashed = out.strip().split(" = ")
    assert name == '"amina"'
    assert password_matches({"amina": hashed.strip('"')}, "amina", PASSWORD)


def test_a_short_password_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    code, out, err = run(monkeypatch, io.StringIO("short\n"))
    assert (code, out) == (2, "")
    assert "at least 10 characters" in err


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_at_a_terminal_it_asks_twice_without_echo(monkeypatch: pytest.MonkeyPatch) -> None:
    typed = iter([PASSWORD, PASSWORD + "x"])
    prompts: list[str] = []

    def getpass(prompt: str, stream: object = None) -> str:
        prompts.append(prompt)
        return next(typed)

    monkeypatch.setattr("getpass.getpass", getpass)
    code, out, err = run(monkeypatch, Terminal())
    assert prompts == ["Password: ", "Again: "]
    assert (code, out) == (2, "")
    assert "the two passwords differ" in err


def test_as_a_user_runs_it_from_a_pipe() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "situation", "hash-password"], input=PASSWORD + "\n", capture_output=True, text=True, cwd=ROOT
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("$argon2id$v=19$m=65536,t=3,p=4$")
