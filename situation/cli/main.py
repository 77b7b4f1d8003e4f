"""The command line: `python -m situation validate|diff|schema|docs|export|import-hxl|hash-password|publish`: a thin edge.

`main(argv, stdout, stderr)` returns the exit code and never lets a traceback out, so tests call it
directly. Exit codes: 0 all valid, 1 a file has errors, 2 a usage error (bad arguments, no such path).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
import textwrap
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NoReturn, TextIO

from situation.cli.report import REPORTERS
from situation.exports.formats import FORMATS, TABLES
from situation.hxl.tags import markdown_tables
from situation.load.codes import problems_page, sanity_checks
from situation.load.confine import DOCUMENTS_VARIABLE, Roots, document_roots
from situation.load.loader import load_situation, situation_files_in
from situation.load.problems import printable
from situation.load.revisions import RevisionError, file_revision, load_revision
from situation.model.model_page import render_model_page
from situation.model.places import Area
from situation.model.schema import situation_schema
from situation.views.diff import diff

_FORMAT_HELP = "text for people (default), json for machines"
DOC_PAGES = {"model": lambda: render_model_page(sanity_checks()), "problems": problems_page, "hxl-tags": markdown_tables}
"""`docs --page`: each page of docs/ that is generated from the code, by name."""


class UsageError(Exception):
    """A mistake in how the command was called, reported on stderr with exit code 2."""


class _Parser(argparse.ArgumentParser):
    """argparse that raises instead of exiting, so `main` decides the exit code and the output stream."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{self.prog}: {message}")


def build_parser() -> argparse.ArgumentParser:
    """The arguments of every command, each command's help ending with an example."""
    parser = _Parser(
        prog="python -m situation",
        description="Validate situation files, compare versions, and print the model's JSON Schema or its documentation.",
        epilog="Example: python -m situation validate seeds/",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    validate = commands.add_parser(
        "validate",
        help="check situation files and report every mistake with its line and column",
        description="Check situation files (or all .yaml/.yml files in folders). Exit 0 when all are valid, 1 on any error.",
        epilog="Example: python -m situation validate seeds/ --format json",
    )
    validate.add_argument("paths", nargs="+", metavar="PATH", help="a situation file, or a folder of them")
    validate.add_argument("--format", choices=tuple(REPORTERS), default="text", help=_FORMAT_HELP)
    _add_documents_option(validate)
    schema = commands.add_parser(
        "schema",
        help="print the JSON Schema of a situation file",
        description="Print the JSON Schema of a situation file, for editors (yaml-language-server) and other validators.",
        epilog="Example: python -m situation schema > situation.schema.json",
    )
    schema.set_defaults(format="json")
    diff = commands.add_parser(
        "diff",
        help="what changed between two versions of a situation: facts added, removed and changed",
        description=(
            "Compare two versions of a situation: two files, or a file and an earlier git revision of it (--since). "
            "Comments and formatting are not changes. Exit 0 when nothing changed, 1 when something did, 2 on a usage error."
        ),
        epilog="Example: python -m situation diff --since HEAD~1 seeds/aleppo-2016-08.yaml",
    )
    diff.add_argument("paths", nargs="+", metavar="FILE", help="OLD NEW, or with --since the one FILE")
    diff.add_argument("--since", metavar="REV", help="compare FILE with its version at this git revision")
    diff.add_argument("--format", choices=tuple(REPORTERS), default="text", help=_FORMAT_HELP)
    _add_documents_option(diff)
    docs = commands.add_parser(
        "docs",
        help="print a reference page generated from the code (Markdown)",
        description=(
            "Print a page of docs/ that is generated from the code: the situation model (docs/model.md, from the model's "
            "own field descriptions), the problem codes (docs/problems.md), or the HXL hashtag tables of docs/hxl.md."
        ),
        epilog="Example: python -m situation docs --page problems > docs/problems.md",
    )
    docs.add_argument("--page", choices=tuple(DOC_PAGES), default="model", help="which page (default: model)")
    docs.set_defaults(format="text")
    _add_carry_commands(commands)
    _add_serving_commands(commands)
    return parser


def _add_documents_option(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--documents",
        action="append",
        default=[],
        metavar="DIR",
        help=(
            f"a folder where sources' texts (`document:`) may lie besides the situations' own folder; repeat for more "
            f"(default: ${DOCUMENTS_VARIABLE}, folders separated by '{os.pathsep}'). Texts elsewhere are not read."
        ),
    )


def _add_carry_commands(commands: Any) -> None:
    """`export` and `import-hxl`: a situation carried out as a briefing or tables, and figures carried in from HXL."""
    export = commands.add_parser(
        "export",
        help="write a situation as an offline HTML or PDF briefing, or its tables as CSV, JSON or HXL",
        description=(
            "Write a valid situation as a self-contained HTML briefing (charts as inline SVG, nothing fetched, prints on A4), "
            "or as that briefing printed to an A4 PDF by the machine's Chromium (Debian's chromium, or BROWSER_PATH), "
            "or its tables (indicators, shortages, access, events, claims; one row per observation) as CSV, JSON or "
            "HXL-tagged CSV. CSV and HXL: a zip of one file per table, or with --table one CSV file. "
            "Exit 0 when written, 1 when the situation file has errors or no PDF can be printed (nothing written), "
            "2 on a usage error."
        ),
        epilog="Example: python -m situation export seeds/aleppo-2016-08.yaml --format pdf --output briefing.pdf",
    )
    export.add_argument("file", metavar="FILE", help="the situation file")
    export.add_argument("--format", choices=tuple(FORMATS), required=True, help="what to write")
    export.add_argument("--output", metavar="PATH", help="where to write; '-' or none for standard output (not a zip, not a PDF)")
    export.add_argument("--table", choices=TABLES, help="only this table (csv, hxl: one CSV file instead of a zip)")
    _add_documents_option(export)
    hxl = commands.add_parser(
        "import-hxl",
        help="read figures from an HXL-tagged CSV into a draft situation file to review",
        description=(
            "Read an HXL-tagged CSV (UTF-8 or Latin-1; the hashtag row may sit below header rows) into indicator "
            "observations and write them as a situation YAML file for the team to review before committing. "
            "Every row that cannot be read is reported with its row number, column and reason. "
            "Exit 0 when every row was read, 1 when a row or the whole file was refused (what was read is still "
            "written), 2 on a usage error."
        ),
        epilog="Example: python -m situation import-hxl figures.csv --output situations/imported.yaml",
    )
    hxl.add_argument("file", metavar="FILE.csv", help="the HXL file")
    hxl.add_argument("--output", metavar="PATH.yaml", required=True, help="the situation file to write")
    hxl.add_argument("--date", metavar="DATE", help="the date of rows that give none (2016-08-08, 2016-08 or 2016)")
    hxl.add_argument("--force", action="store_true", help="overwrite PATH.yaml if it exists")
    hxl.add_argument(
        "--areas",
        metavar="SITUATION.yaml",
        help="a situation whose areas rows join by p-code: a row's #adm1+code (or #adm2+code, …) names that area",
    )
    hxl.add_argument("--format", choices=tuple(REPORTERS), default="text", help=_FORMAT_HELP)


def _add_serving_commands(commands: Any) -> None:
    """`hash-password`: what a team without an identity provider puts in the server's secrets.toml; `publish`: a draft
    made what partners see (docs/serving.md)."""
    publish = commands.add_parser(
        "publish",
        help="publish a draft: move the published branch to it, recording the reviewer in git",
        description=(
            "Publish a draft branch (or commit) of the situations repository: the published branch moves forward to a "
            "commit that merges the draft, with a 'Reviewed-by: NAME' trailer, only if the result validates; history "
            "is never rewritten. Run inside the repository (or give --repo). Prints what it changes. Exit 0 when "
            "published, 1 when refused (nothing moved), 2 on a usage error."
        ),
        epilog="Example: python -m situation publish fix-figures --reviewer 'Jo Smith <jo@example.org>'",
    )
    publish.add_argument("draft", metavar="DRAFT_REF", help="the draft: a branch (or a commit) of the repository")
    publish.add_argument("--reviewer", required=True, metavar="NAME", help="who reviewed it, for the Reviewed-by trailer")
    publish.add_argument("--repo", default=".", metavar="DIR", help="the situations repository (default: the current folder)")
    publish.add_argument("--published", metavar="REF", help="the published branch (default: $SITUATIONS_PUBLISHED, else main)")
    publish.add_argument(
        "--situations", default="", metavar="DIR", help="the situations folder inside the repository (default: all of it)"
    )
    publish.add_argument("--dry-run", action="store_true", help="say what it would change, and publish nothing")
    _add_documents_option(publish)
    hashing = commands.add_parser(
        "hash-password",
        help="make the argon2id hash of a password, for [signin.users] in the server's .streamlit/secrets.toml",
        description=(
            "Make the argon2id hash of a password for the dashboard's sign-in. At a terminal the password is asked for "
            "twice and not shown; piped in, the first line of standard input is the password. Only the hash is printed: "
            "put it in the server's .streamlit/secrets.toml (append it when [signin.users] is the last table there), "
            "never in the repository."
        ),
        epilog="Example: python -m situation hash-password --user amina >> .streamlit/secrets.toml",
    )
    hashing.add_argument("--user", metavar="NAME", help='print a whole line, NAME = "HASH", for the [signin.users] table')


def main(argv: Sequence[str] | None = None, stdout: TextIO | None = None, stderr: TextIO | None = None) -> int:
    """Run one command; return its exit code."""
    stdout, stderr = stdout or sys.stdout, stderr or sys.stderr
    parser = build_parser()
    try:
        with contextlib.redirect_stdout(stdout):  # argparse prints --help to sys.stdout
            args = parser.parse_args(argv)
        if args.command is None:
            parser.print_help(stdout)
            return 2
        if args.command == "validate":
            return _validate(args.paths, args.format, stdout, _documents(args))
        if args.command == "diff":
            return _diff(args.paths, args.since, args.format, stdout, stderr, _documents(args))
        if args.command == "export":
            return _export(args, stdout, stderr)
        if args.command == "import-hxl":
            return _import_hxl(args, stdout)
        if args.command == "hash-password":
            return _hash_password(args.user, stdout, stderr)
        if args.command == "publish":
            return _publish(args, stdout, stderr)
        if args.command == "schema":
            print(json.dumps(situation_schema(), indent=2, ensure_ascii=False), file=stdout)
        elif args.command == "docs":
            print(DOC_PAGES[args.page](), file=stdout, end="")
        return 0
    except UsageError as error:
        print(printable(str(error)), file=stderr)
        return 2
    except SystemExit as exit_:  # --help, handled by argparse
        return int(exit_.code or 0)
    except BrokenPipeError:
        # The reader stopped reading (`validate … | head`): nothing more to say, and no traceback at exit either.
        # Python's advice (docs: signal, "Note on SIGPIPE"): point stdout at devnull so the final flush cannot fail.
        with contextlib.suppress(OSError, ValueError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1


def _documents(args: argparse.Namespace) -> tuple[Path, ...]:
    return document_roots(args.documents, os.environ)


def _diff(
    paths: Sequence[str], since: str | None, output: str, stdout: TextIO, stderr: TextIO, documents: tuple[Path, ...]
) -> int:
    if since is not None and len(paths) != 1:
        raise UsageError("diff --since REV takes one FILE")
    if since is None and len(paths) != 2:
        raise UsageError("diff takes two files, OLD and NEW (or --since REV FILE)")
    for name in paths:
        if not Path(name).is_file():
            raise UsageError(f"no such file: {name}")
    try:
        old = (
            load_revision(Path(paths[0]), since)
            if since is not None
            else load_situation(paths[0], roots=Roots.around(Path(paths[0]), documents))
        )
    except RevisionError as error:
        raise UsageError(str(error)) from error
    new = load_situation(paths[-1], roots=Roots.around(Path(paths[-1]), documents))
    for version in (old, new):
        if not version.ok:
            for problem in version.problems:
                print(problem.as_text(), file=stderr)
            raise UsageError(f"cannot compare: {version.file} is not a valid situation")
    assert old.situation is not None and new.situation is not None
    changes = diff(old.situation, new.situation)
    print(REPORTERS[output].changes(changes), file=stdout)
    return 1 if changes else 0


def _export(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    # Imported here: with plotly, pandas and kaleido they take most of a second, which `validate` should not pay.
    from situation.exports.briefing.pdf import PdfError
    from situation.views.derived import Derived

    if not Path(args.file).is_file():
        raise UsageError(f"no such file: {args.file}")
    chosen = FORMATS[args.format]
    to_stdout = args.output in (None, "-")
    if to_stdout and chosen.binary and not (args.table and chosen.table_suffix):
        if chosen.table_suffix:  # a zip of every table, unless one is chosen
            raise UsageError(
                f"--format {chosen.name} writes a zip of every table: give --output FILE{chosen.suffix}, or --table NAME"
            )
        raise UsageError(f"--format {chosen.name} writes a binary file: give --output FILE{chosen.suffix}")
    result = load_situation(args.file, roots=Roots.around(Path(args.file), _documents(args)))
    if result.situation is None:
        for problem in result.problems:
            print(problem.as_text(), file=stderr)
        print(printable(f"{args.file}: not exported: the situation has errors"), file=stderr)
        return 1
    try:
        made = chosen.writer(Derived(result.situation), args.table, file_revision(Path(args.file)), None)
    except PdfError as error:
        print(printable(f"{args.file}: not exported: {error}"), file=stderr)
        return 1
    if made.warning:
        print(printable(f"warning: {made.warning}"), file=stderr)
    if to_stdout:
        print(made.content, file=stdout, end="")
        return 0
    _write(Path(args.output), made.content, bom=chosen.table_suffix == ".csv")
    print(printable(f"wrote {args.output} ({_size(Path(args.output).stat().st_size)})"), file=stderr)
    return 0


def _write(path: Path, content: str | bytes, bom: bool) -> None:
    """Write the file, or say in words why it cannot be (a missing folder, no permission); CSV gets a BOM for Excel."""
    try:
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8-sig" if bom else "utf-8", newline="")
    except OSError as error:
        raise UsageError(f"cannot write {path}: {error.strerror or error}") from error


def _size(size: int) -> str:
    return f"{size / 1024:.1f} KiB" if size >= 1024 else f"{size} bytes"


def _import_hxl(args: argparse.Namespace, stdout: TextIO) -> int:
    from situation.hxl.draft import import_hxl  # imported here, as in `_export`: libhxl is slow to import

    if not Path(args.file).is_file():
        raise UsageError(f"no such file: {args.file}")
    output = Path(args.output)
    if output.exists() and not args.force:
        raise UsageError(f"{output} exists: choose another --output, or add --force to overwrite it")
    areas: tuple[Area, ...] = ()
    if args.areas:
        known = load_situation(args.areas)
        if known.situation is None:
            raise UsageError(f"--areas {args.areas} is not a valid situation file: validate it first")
        areas = tuple(known.situation.areas)
    result = import_hxl(args.file, args.date, areas)
    if result.data is not None:
        _write(output, result.yaml_text(), bom=False)
    print(REPORTERS[args.format].hxl_import(result, str(output)), file=stdout)
    return 0 if result.ok else 1


def situation_files(paths: Sequence[str]) -> list[Path]:
    """The files named, and the .yaml/.yml files under the folders named (hidden folders skipped)."""
    files: list[Path] = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            found = situation_files_in(path)
            if not found:
                raise UsageError(f"no situation files (.yaml or .yml) in the folder {name}")
            files.extend(found)
        elif path.exists():
            files.append(path)
        else:
            raise UsageError(f"no such file or folder: {name}")
    return files


def _validate(paths: Sequence[str], output: str, stdout: TextIO, documents: tuple[Path, ...]) -> int:
    # Each named file or folder is the root of what is read on its behalf: a link inside leading out is refused.
    results = [
        load_situation(file, roots=Roots.around(Path(name), documents)) for name in paths for file in situation_files([name])
    ]
    print(REPORTERS[output].validation(results), file=stdout)
    return 0 if all(r.ok for r in results) else 1


def _hash_password(user: str | None, stdout: TextIO, stderr: TextIO) -> int:
    """Read the password unseen (a terminal) or from the first line of stdin (a pipe), and print only its hash."""
    import getpass  # here, with argon2: only this command needs them

    from situation.serve.access.passwords import hash_password

    if sys.stdin.isatty():
        password = getpass.getpass("Password: ", stream=stderr)
        if getpass.getpass("Again: ", stream=stderr) != password:
            raise UsageError("the two passwords differ; nothing was hashed")
    else:
        password = sys.stdin.readline().rstrip("\r\n")
    try:
        hashed = hash_password(password)
    except ValueError as error:
        raise UsageError(f"hash-password: {error}") from error
    print(f"{json.dumps(user)} = {json.dumps(hashed)}" if user else hashed, file=stdout)
    return 0


def _publish(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    """Publish a draft as `situation.serve.review.publish` does from the page: compare-and-swap, validated, recorded."""
    from situation.serve.review.commits import Place, read_views
    from situation.serve.review.git import Git, GitError
    from situation.serve.review.publish import Known, Published, publish, reviewer_name
    from situation.serve.review.refs import short_name
    from situation.serve.review.story import changes
    from situation.serve.review.versions import DEFAULT_PUBLISHED, PUBLISHED_VARIABLE

    git = Git.around(Path(args.repo).resolve()) if Path(args.repo).is_dir() else None
    if git is None:
        raise UsageError(f"publish: not a git repository: {args.repo}")
    try:
        reviewer_name(args.reviewer)
    except ValueError as error:
        raise UsageError(f"publish: --reviewer: {error}") from error
    folder = (git.top / args.situations).resolve()
    if not folder.is_dir() or not folder.is_relative_to(git.top):
        raise UsageError(f"publish: --situations: no folder {args.situations} in the repository at {git.top}")
    wanted = args.published or os.environ.get(PUBLISHED_VARIABLE) or DEFAULT_PUBLISHED
    ref = git.full_name(wanted)
    published = git.commit_of(ref) if ref else None
    draft = git.commit_of(args.draft)
    if ref is None or published is None:
        raise UsageError(f"publish: no published branch '{wanted}' in the repository at {git.top} (give --published REF)")
    if draft is None:
        raise UsageError(f"publish: no draft '{args.draft}' in the repository at {git.top}")
    place = Place.of(git, folder, _documents(args))
    try:
        before, after = read_views(place, published, None, commit=published), read_views(place, draft, None, commit=draft)
        found = changes(before, after)
    except GitError as error:
        print(f"Not published: {error}", file=stderr)
        return 1
    for changed in found:
        print(f"{changed.key}: {changed.summary}", file=stdout)
        if changed.update is not None:
            print(textwrap.indent(changed.story, "  "), file=stdout)
    if args.dry_run:
        print(f"Not published (--dry-run): {short_name(ref)} stays at {published[:8]}.", file=stdout)
        return 0
    outcome = publish(place, ref, args.draft, args.reviewer, published, draft, Known(before, after))
    if isinstance(outcome, Published):
        print(outcome.message, file=stdout)
        return 0
    print(outcome.message, file=stderr)
    for problem in outcome.problems:
        print(problem.as_text(), file=stderr)
    return 1
