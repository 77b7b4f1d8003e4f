"""The command line, called as a user calls it: exit codes, one located line per error, JSON, help; and `hash-password`,
which prints the hash, never the password, whether typed at a terminal or piped in."""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from situation.cli.main import build_parser, main
from situation.serve.access.passwords import password_matches
from tests.command import run
from tests.paths import CASES, ROOT, SEED


def test_a_valid_file_gets_a_one_line_summary() -> None:
    code, out, _ = run("validate", str(SEED))
    assert code == 0
    assert out.splitlines()[-1].startswith(f"{SEED}: valid: Siege of eastern Aleppo, as of 2016-08-08: 10 sources")


def test_each_error_gets_one_located_line_and_exit_1() -> None:
    path = CASES / "invalid" / "wrong-types.yaml"
    code, out, _ = run("validate", str(path))
    assert code == 1
    lines = out.splitlines()
    located = [line for line in lines if re.match(rf"{re.escape(str(path))}:\d+:\d+: \S+: ", line)]
    assert len(located) == 4
    assert lines[-1] == "4 error(s) in 1 of 1 file(s)"


def test_folders_are_searched_and_every_file_reported() -> None:
    code, out, _ = run("validate", str(CASES / "valid"), str(CASES / "invalid" / "duplicate-key.yaml"))
    assert code == 1
    assert out.count(": valid: ") == len(list((CASES / "valid").glob("*.yaml")))
    assert "duplicate key 'title'" in out


def test_json_output_for_machines() -> None:
    code, out, _ = run("validate", "--format", "json", str(CASES / "invalid" / "references.yaml"), str(SEED))
    assert code == 1
    report = json.loads(out)
    assert report["valid"] is False
    bad, good = report["files"]
    assert good["valid"] is True and good["summary"].startswith("Siege of eastern Aleppo")
    assert [(p["line"], p["column"], p["code"]) for p in bad["problems"]] == [
        (13, 10, "duplicate-id"),
        (18, 11, "unknown-reference"),
        (22, 25, "unknown-reference"),
        (24, 18, "unknown-reference"),
    ]
    assert set(bad["problems"][0]) == {"file", "line", "column", "path", "code", "message", "severity"}


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        ((), "COMMAND"),
        (("validate",), "the following arguments are required: PATH"),
        (("frobnicate",), "invalid choice"),
        (("validate", "no/such/file.yaml"), "no such file or folder: no/such/file.yaml"),
        (("validate", "--format", "xml", "seeds"), "invalid choice"),
    ],
)
def test_usage_errors_exit_2_with_a_plain_message(argv: tuple[str, ...], said: str) -> None:
    code, out, err = run(*argv)
    assert code == 2
    assert said in out + err
    assert "Traceback" not in out + err


def test_a_folder_without_situation_files_is_a_usage_error(tmp_path: Path) -> None:
    assert run("validate", str(tmp_path))[0] == 2


def test_every_command_has_help_ending_with_an_example() -> None:
    commands = build_parser()._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    assert set(commands) == {"validate", "diff", "schema", "docs", "export", "import-hxl", "hash-password", "publish"}
    for argv in [("--help",), *((name, "--help") for name in commands)]:
        code, out, _ = run(*argv)
        assert code == 0
        assert "Example: python -m situation" in out


def test_schema_is_json_schema() -> None:
    code, out, _ = run("schema")
    schema = json.loads(out)
    assert code == 0 and schema["$schema"].endswith("2020-12/schema") and schema["additionalProperties"] is False


@pytest.mark.parametrize("content", [b"", b"\xff\xfe", b"a: [\n", b"!!python/object/apply:os.system [ls]", b"[" * 50_000])
def test_no_traceback_reaches_the_user(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "bad.yaml"
    path.write_bytes(content)
    done = subprocess.run(
        [sys.executable, "-m", "situation", "validate", str(path)], capture_output=True, text=True, cwd=ROOT, check=False
    )
    assert done.returncode == 1
    assert "Traceback" not in done.stdout + done.stderr
    assert re.match(rf"{re.escape(str(path))}:\d+:\d+: ", done.stdout)


def test_every_command_that_reports_takes_the_same_formats() -> None:
    """validate, diff and import-hxl print through one table of reporters, so `--format json` means the same in each."""
    from situation.cli.report import REPORTERS

    parser = build_parser()
    commands = parser._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    for name in ("validate", "diff", "import-hxl"):
        formats = next(a.choices for a in commands[name]._actions if a.dest == "format")
        assert tuple(formats) == tuple(REPORTERS), name


def test_import_hxl_reports_as_json(tmp_path) -> None:
    source = tmp_path / "figures.csv"
    rows = [
        "Place,Date,People,In need",
        "#adm1+name,#date,#affected,#inneed",
        "Aleppo,2016-08-06,250000,",
        "Idlib,2016-08-06,lots,900",
    ]
    source.write_text("\n".join(rows) + "\n", "utf-8")
    code, out, _ = run("import-hxl", str(source), "--output", str(tmp_path / "draft.yaml"), "--format", "json")
    report = json.loads(out)
    assert code == 0 and report["ok"] is True and report["observations"] == 2
    assert [(p["line"], p["code"], p["severity"]) for p in report["problems"]] == [(4, "hxl-cell-left-out", "warning")]
    assert "expected a number, found the text 'lots'" in report["problems"][0]["message"]


def test_docs_pages_are_printed_by_name() -> None:
    for page, heading in (("model", "# "), ("problems", "# Problem codes"), ("hxl-tags", "Shared by several tables:")):
        code, out, _ = run("docs", "--page", page)
        assert code == 0 and out.startswith(heading), page


def test_validate_prints_no_traceback_for_any_input_the_tests_and_shared_testdata_hold(shared: Path) -> None:
    """Every fixture and every file of ../shared/testdata (the YAML test suite, HXL files), named one by one."""
    inputs = sorted(p for p in [*CASES.rglob("*"), *(shared / "testdata").rglob("*")] if p.is_file())
    assert len(inputs) > 400
    code, out, err = run("validate", *map(str, inputs))  # in process: any exception fails this test
    assert code == 1 and err == ""
    assert "Traceback" not in out
    lines = out.splitlines()
    assert all(line.startswith(tuple(map(str, inputs))) for line in lines[:-1]), "a line that names no file"
    assert lines[-1].endswith(f"of {len(inputs)} file(s)")


def test_a_key_holding_newlines_stays_on_its_one_line(tmp_path: Path) -> None:
    path = CASES / "invalid" / "newline-keys.yaml"
    code, out, _ = run("validate", str(path))
    assert code == 1
    lines = out.splitlines()
    assert len(lines) == 3 and all(line.startswith(f"{path}:") for line in lines[:2])
    assert "unknown field 'summary\\nseeds/other.yaml:1:1: id: everything is fine'" in lines[0]
    assert "\x1b" not in out and "\\x1b[31mred\\ttab" in lines[1]
    huge = tmp_path / "huge-key.yaml"
    huge.write_text((CASES / "valid" / "minimal.yaml").read_text(encoding="utf-8") + "k" * 1_000_000 + ": 1\n", encoding="utf-8")
    code, out, _ = run("validate", str(huge))
    assert code == 1 and len(out) < 1_000, "a 1 MB key is echoed, not cut short"


def test_a_reader_that_stops_early_gets_no_traceback() -> None:
    """`validate … | head -1`: the pipe closes under the CLI, which stops quietly."""
    import subprocess
    import sys

    folders = " ".join([str(CASES / "invalid")] * 60)  # far more output than a pipe holds, so the write meets a closed pipe
    command = f"{sys.executable} -m situation validate {folders} | head -1"
    done = subprocess.run(["bash", "-c", command], capture_output=True, text=True, cwd=ROOT, timeout=60, check=False)
    assert done.stdout.count("\n") == 1
    assert "Traceback" not in done.stderr and "Error" not in done.stderr, done.stderr


PASSWORD = "correct horse battery"


def hash_password(monkeypatch: pytest.MonkeyPatch, stdin: io.StringIO, *argv: str) -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "stdin", stdin)
    out, err = io.StringIO(), io.StringIO()
    code = main(["hash-password", *argv], out, err)
    return code, out.getvalue(), err.getvalue()


def test_a_piped_password_prints_only_its_hash(monkeypatch: pytest.MonkeyPatch) -> None:
    code, out, err = hash_password(monkeypatch, io.StringIO(PASSWORD + "\n"))
    assert code == 0
    hashed = out.strip()
    assert hashed.startswith("$argon2id$") and PASSWORD not in out + err
    assert password_matches({"amina": hashed}, "amina", PASSWORD)


def test_with_a_user_it_prints_a_line_for_signin_users(monkeypatch: pytest.MonkeyPatch) -> None:
    code, out, _ = hash_password(monkeypatch, io.StringIO(PASSWORD + "\r\n"), "--user", "amina")
    assert code == 0
    name, hashed = out.strip().split(" = ")
    assert name == '"amina"'
    assert password_matches({"amina": hashed.strip('"')}, "amina", PASSWORD)


def test_a_short_password_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    code, out, err = hash_password(monkeypatch, io.StringIO("short\n"))
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
    code, out, err = hash_password(monkeypatch, Terminal())
    assert prompts == ["Password: ", "Again: "]
    assert (code, out) == (2, "")
    assert "the two passwords differ" in err


def test_as_a_user_runs_it_from_a_pipe() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "situation", "hash-password"], input=PASSWORD + "\n", capture_output=True, text=True, cwd=ROOT
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("$argon2id$v=19$m=65536,t=3,p=4$")
