"""What the commands print: one result, two voices, picked from one table by `--format`.

As check-jsonschema does: `validate`, `diff` and `import-hxl` build their result once and hand it to a reporter,
so text for people and JSON for machines can never disagree about what was found, and a new format is one
class here, not an `if` in each command.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Protocol

from situation.load.loader import LoadResult
from situation.load.problems import MAX_MESSAGE_CHARS, errors_in, one_line, printable
from situation.model.sections import SECTIONS
from situation.views.diff import Change, as_json, as_text

if TYPE_CHECKING:  # HXL import pulls in libhxl, which `validate` should not pay for
    from situation.hxl.draft import HxlImport


class Reporter(Protocol):
    def validation(self, results: list[LoadResult]) -> str: ...

    def changes(self, changes: list[Change]) -> str: ...

    def hxl_import(self, result: HxlImport, output: str) -> str: ...


def summary_line(result: LoadResult) -> str:
    """'Siege of eastern Aleppo, as of 2016-08-08: 10 sources, 0 reports, 6 areas, …' for a valid file: every
    section counted, so a writer sees at once that what they added was read."""
    s = result.situation
    assert s is not None
    return f"{one_line(s.title, MAX_MESSAGE_CHARS)}, as of {s.as_of.isoformat()}: " + ", ".join(
        f"{len(s.entries(section))} {section.words}" for section in SECTIONS
    )


def _imported(result: HxlImport, output: str) -> str:
    if result.data is None:
        return f"{result.file}: refused: nothing written"
    return (
        f"{result.file}: {result.rows - result.refused_rows} of {result.rows} row(s) read, {result.refused_rows} refused; "
        f"{result.observations} observation(s) written to {output} — review it before committing"
    )


def json_text(document: object) -> str:
    """A JSON document as the CLI prints it: non-ASCII text kept, but control and bidirectional characters written as
    `\\uXXXX` escapes (the same JSON, and a terminal cannot be made to show it backwards)."""
    return printable(json.dumps(document, indent=2, ensure_ascii=False), json_document=True)


class TextReporter:
    """`FILE:LINE:COL: path: message` per problem, the form editors and CI logs make clickable, and a summary line.
    Everything it says goes through `printable`: a file name or a title from a file cannot write to the terminal."""

    def validation(self, results: list[LoadResult]) -> str:
        return printable(self._validation(results))

    def _validation(self, results: list[LoadResult]) -> str:
        lines: list[str] = []
        for result in results:
            lines += [problem.as_text() for problem in result.problems]
            if result.ok:
                lines.append(f"{result.file}: valid: {summary_line(result)}")
        invalid = sum(not r.ok for r in results)
        if invalid:
            errors = sum(len(errors_in(r.problems)) for r in results)
            lines.append(f"{errors} error(s) in {invalid} of {len(results)} file(s)")
        return "\n".join(lines)

    def changes(self, changes: list[Change]) -> str:
        return printable(as_text(changes))

    def hxl_import(self, result: HxlImport, output: str) -> str:
        return printable("\n".join([*(problem.as_text() for problem in result.problems), _imported(result, output)]))


class JsonReporter:
    """One JSON document per run, fields as in `Problem.as_dict` and `Change`."""

    def validation(self, results: list[LoadResult]) -> str:
        files = [
            {
                "file": r.file,
                "valid": r.ok,
                "summary": summary_line(r) if r.ok else None,
                "problems": [p.as_dict() for p in r.problems],
            }
            for r in results
        ]
        return json_text({"valid": all(r.ok for r in results), "files": files})

    def changes(self, changes: list[Change]) -> str:
        return json_text(json.loads(as_json(changes)))

    def hxl_import(self, result: HxlImport, output: str) -> str:
        document = {
            "file": result.file,
            "ok": result.ok,
            "written": output if result.data is not None else None,
            "rows": result.rows,
            "refused_rows": result.refused_rows,
            "observations": result.observations,
            "problems": [p.as_dict() for p in result.problems],
        }
        return json_text(document)


REPORTERS: dict[str, Reporter] = {"text": TextReporter(), "json": JsonReporter()}
"""`--format` of `validate`, `diff` and `import-hxl`: text for people (the default), json for machines."""
