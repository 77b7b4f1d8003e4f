"""The command line, called as a user calls it: exit codes, one located line per error, JSON, help; and `hash-password`,
which prints the hash, never the password, whether typed at a terminal or piped in."""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from situation.cli.main import build_parser, main
from situation.serve.access.passwords import password_matches
from tests.command import run
from tests.paths import CASES, ROOT, SEED
from tests.serve.review.repository import Repository


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


# What the CLI prints cannot be turned around by the file it reads (issue 25, finding 7): a right-to-left override
# (U+202E) in a title, a key, a label or a file's name made the terminal show the rest of the line backwards, so a
# message could read as something else. Every such character is printed as an escape; the JSON parses to the same text.

MINIMAL = (CASES / "valid" / "minimal.yaml").read_text(encoding="utf-8")
RLO, ISOLATE, ZERO_WIDTH, MARK = "\u202e", "\u2067", "\u200b", "\u200f"
RAW = re.compile("[\u202a-\u202e\u2066-\u2069\u200b-\u200f\x80-\x9f]")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    folder = tmp_path / f"team{RLO}lmth.exe"
    folder.mkdir()
    return folder


def test_a_valid_file_with_an_override_in_its_title_and_name(folder: Path) -> None:
    path = folder / f"{RLO}gpj.yaml"
    path.write_text(MINIMAL.replace("title: A situation", f"title: A {RLO}noitautis{ISOLATE}{MARK}"), encoding="utf-8")
    code, out, err = run("validate", str(path))
    assert code == 0 and err == ""
    assert not RAW.search(out), ascii(out)
    assert "\\u202egpj.yaml: valid: A \\u202enoitautis\\u2067\\u200f with nothing" in out


def test_problems_and_a_missing_file_are_escaped(folder: Path) -> None:
    path = folder / "s.yaml"
    path.write_text(MINIMAL + f"lmth{RLO}key: 1\n{ZERO_WIDTH}sources2: 2\n", encoding="utf-8")
    code, out, _ = run("validate", str(path))
    assert code == 1 and not RAW.search(out), ascii(out)
    assert "unknown field 'lmth\\u202ekey'" in out and "\\u200bsources2" in out
    code, _, err = run("diff", str(path), str(folder / f"{RLO}missing.yaml"))
    assert code == 2 and not RAW.search(err) and "\\u202emissing.yaml" in err, ascii(err)


def test_a_diff_of_labels_with_an_override_is_escaped(folder: Path) -> None:
    area = "areas:\n  - id: a\n    name: North{mark}\n    history:\n"
    area += "      - {{date: 2024-01-30, status: {status}, sources: [team], credibility: 2}}\n"
    old, new = folder / "old.yaml", folder / "new.yaml"
    old.write_text(MINIMAL + area.format(mark=RLO, status="besieged"), encoding="utf-8")
    new.write_text(MINIMAL + area.format(mark=RLO, status="accessible"), encoding="utf-8")
    code, out, _ = run("diff", str(old), str(new))
    assert code == 1 and "North\\u202e" in out and not RAW.search(out), ascii(out)  # 1: there are changes
    code, out, _ = run("diff", "--format", "json", str(old), str(new))
    assert not RAW.search(out) and "North\\u202e" in out
    assert any(change["label"].startswith(f"North{RLO}") for change in json.loads(out))


def test_json_output_escapes_the_same_characters_and_parses_back(folder: Path) -> None:
    path = folder / "s.yaml"
    path.write_text(MINIMAL.replace("title: A situation", f"title: A {RLO}{MARK}situation"), encoding="utf-8")
    code, out, _ = run("validate", "--format", "json", str(path))
    assert code == 0 and not RAW.search(out), ascii(out)
    document = json.loads(out)
    assert "A \\u202e\\u200fsituation" in document["files"][0]["summary"]  # a summary quotes the title as one line
    assert RLO in document["files"][0]["file"]


# `situation publish DRAFT_REF --reviewer NAME`, on a real git repository made in the test.


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
