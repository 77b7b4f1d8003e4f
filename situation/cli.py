"""The command line: `python -m situation validate|schema|docs`. A thin edge over the library.

`main(argv, stdout, stderr)` returns the exit code and never lets a traceback out, so tests call it
directly. Exit codes: 0 all valid, 1 a file has errors, 2 a usage error (bad arguments, no such path).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from situation.diff import as_json, as_text, diff
from situation.docs import render_model_page
from situation.loader import LoadResult, load_situation, situation_files_in
from situation.problems import errors_in
from situation.revisions import RevisionError, load_revision
from situation.schema import situation_schema


class UsageError(Exception):
    """A mistake in how the command was called, reported on stderr with exit code 2."""


class _Parser(argparse.ArgumentParser):
    """argparse that raises instead of exiting, so `main` decides the exit code and the output stream."""

    def error(self, message: str) -> None:  # type: ignore[override]
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
    validate.add_argument(
        "--format", choices=("text", "json"), default="text", help="text for people (default), json for machines"
    )
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
    diff.add_argument("--format", choices=("text", "json"), default="text", help="text for people (default), json for machines")
    docs = commands.add_parser(
        "docs",
        help="print the model's reference page (Markdown)",
        description="Print the reference page of the situation model, made from the model's own field descriptions.",
        epilog="Example: python -m situation docs > docs/model.md",
    )
    docs.set_defaults(format="text")
    return parser


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
            return _validate(args.paths, args.format, stdout)
        if args.command == "diff":
            return _diff(args.paths, args.since, args.format, stdout, stderr)
        if args.command == "schema":
            print(json.dumps(situation_schema(), indent=2, ensure_ascii=False), file=stdout)
        elif args.command == "docs":
            print(render_model_page(), file=stdout, end="")
        return 0
    except UsageError as error:
        print(error, file=stderr)
        return 2
    except SystemExit as exit_:  # --help, handled by argparse
        return int(exit_.code or 0)


def _diff(paths: Sequence[str], since: str | None, output: str, stdout: TextIO, stderr: TextIO) -> int:
    if since is not None and len(paths) != 1:
        raise UsageError("diff --since REV takes one FILE")
    if since is None and len(paths) != 2:
        raise UsageError("diff takes two files, OLD and NEW (or --since REV FILE)")
    for name in paths:
        if not Path(name).is_file():
            raise UsageError(f"no such file: {name}")
    try:
        old = load_revision(Path(paths[0]), since) if since is not None else load_situation(paths[0])
    except RevisionError as error:
        raise UsageError(str(error)) from error
    new = load_situation(paths[-1])
    for version in (old, new):
        if not version.ok:
            for problem in version.problems:
                print(problem.as_text(), file=stderr)
            raise UsageError(f"cannot compare: {version.file} is not a valid situation")
    assert old.situation is not None and new.situation is not None
    changes = diff(old.situation, new.situation)
    print(as_json(changes) if output == "json" else as_text(changes), file=stdout)
    return 1 if changes else 0


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


def _validate(paths: Sequence[str], output: str, stdout: TextIO) -> int:
    results = [load_situation(file) for file in situation_files(paths)]
    if output == "json":
        print(
            json.dumps(
                {"valid": all(r.ok for r in results), "files": [_result_json(r) for r in results]}, indent=2, ensure_ascii=False
            ),
            file=stdout,
        )
    else:
        for result in results:
            for problem in result.problems:
                print(problem.as_text(), file=stdout)
            if result.ok:
                print(f"{result.file}: valid: {summary_line(result)}", file=stdout)
        invalid = sum(not r.ok for r in results)
        if invalid:
            errors = sum(len(errors_in(r.problems)) for r in results)
            print(f"{errors} error(s) in {invalid} of {len(results)} file(s)", file=stdout)
    return 0 if all(r.ok for r in results) else 1


def summary_line(result: LoadResult) -> str:
    """'Siege of eastern Aleppo, as of 2016-08-08: 10 sources, 6 areas, …' for a valid file."""
    s = result.situation
    assert s is not None
    counts = {
        "sources": s.sources,
        "areas": s.areas,
        "indicators": s.indicators,
        "shortages": s.shortages,
        "routes": s.access,
        "claims": s.claims,
        "events": s.events,
    }
    return f"{s.title}, as of {s.as_of.isoformat()}: " + ", ".join(f"{len(items)} {name}" for name, items in counts.items())


def _result_json(result: LoadResult) -> dict[str, object]:
    return {
        "file": result.file,
        "valid": result.ok,
        "summary": summary_line(result) if result.ok else None,
        "problems": [p.__dict__ for p in result.problems],
    }
