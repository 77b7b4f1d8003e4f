"""The command line called in-process, as a user calls it, for the tests of every command."""

from __future__ import annotations

import io

from situation.cli.main import main


def run(*argv: str) -> tuple[int, str, str]:
    """`python -m situation ARGV…`: its exit code, what it printed and what it said on stderr."""
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out, err)
    return code, out.getvalue(), err.getvalue()
