"""Read YAML text into plain Python data, safely, with YAML 1.2 meanings and the position of every node.

Why not `yaml.safe_load`: PyYAML speaks YAML 1.1 (`NO` becomes False, `012` becomes 10), lets the last of
two duplicate keys win silently, expands aliases without limit, and its C composer crashes the process on
very deep nesting. So we take libyaml's event stream (fast, iterative, positions on every event) and build
the data ourselves in one pass: YAML 1.2 core-schema scalars, duplicate keys and unknown tags reported,
nesting and alias expansion bounded, and every node's line and column kept for error messages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml import events

from situation.load.codes import Code
from situation.load.indentation import explain_indentation
from situation.load.problems import Problem, one_line

MAX_DEPTH = 64
"""Deeper nesting is refused; a situation needs fewer than ten levels."""

MAX_ALIAS_NODES = 100_000
"""How many nodes aliases may add in all; a 'billion laughs' file needs billions."""

MAX_NUMBER_CHARS = 1000
"""A plain number longer than this is refused as written: Python will not even read a whole number past 4,300 digits.
Shorter ones are read, and the model refuses those outside its range (`situation.model.fields.LARGEST_FIGURE`)."""

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_CORE_TAG = "tag:yaml.org,2002:"
_SCALAR_TAGS = {"str", "int", "float", "bool", "null"}

# YAML 1.2 core schema (https://yaml.org/spec/1.2.2/#1032-tag-resolution).
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_TRUES = frozenset({"true", "True", "TRUE"})
_FALSES = frozenset({"false", "False", "FALSE"})
_INT = re.compile(r"[-+]?[0-9]+\Z")
_OCT = re.compile(r"0o[0-7]+\Z")
_HEX = re.compile(r"0x[0-9a-fA-F]+\Z")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?\Z")
_INF = re.compile(r"[-+]?\.(inf|Inf|INF)\Z")
_NAN = re.compile(r"\.(nan|NaN|NAN)\Z")


@dataclass(frozen=True)
class Mark:
    """Where a node starts, 1-based as editors count."""

    line: int
    column: int


@dataclass
class Positions:
    """Marks of every node: for a mapping, key -> (mark of the key, mark of the value); for a list, one per item.

    Indexed by `id()` of the container in the data, so the data stays plain dicts and lists.
    """

    root: Mark
    children: dict[int, dict[str, tuple[Mark, Mark]] | list[Mark]] = field(default_factory=dict)


@dataclass
class ReadResult:
    """The data of the file's one document (None when unreadable), its positions, and what went wrong."""

    data: Any
    root_mark: Mark
    positions: Positions | None
    problems: list[Problem]
    fatal: bool
    """True when the data could not be read in full; then it is not worth validating."""
    alias_nodes: int = 0
    """How many nodes aliases added (bounded by MAX_ALIAS_NODES for the whole file)."""


class _Refusal(Exception):
    """Stops reading: the rest of the file cannot be trusted or is not worth reading."""

    def __init__(self, mark: Mark | None, code: Code, message: str) -> None:
        super().__init__(message)
        self.mark, self.code, self.message = mark, code, message


class _Frame:
    """A mapping or list being built."""

    __slots__ = ("anchor", "container", "is_map", "key", "key_mark", "mark", "marks", "size")

    def __init__(self, is_map: bool, anchor: str | None, mark: Mark, keep_marks: bool) -> None:
        self.is_map = is_map
        self.container: dict[str, Any] | list[Any] = {} if is_map else []
        self.key: str | None = None
        self.key_mark: Mark | None = None
        self.marks: dict[str, tuple[Mark, Mark]] | list[Mark] | None = ({} if is_map else []) if keep_marks else None
        self.anchor = anchor
        self.mark = mark
        self.size = 1


def resolve_plain(text: str) -> Any:
    """The YAML 1.2 core-schema value of a plain (unquoted, untagged) scalar."""
    if text in _NULLS:
        return None
    first = text[0]
    if first in "tTfF":
        if text in _TRUES:
            return True
        if text in _FALSES:
            return False
        return text
    if first in "-+.0123456789":
        if _INT.match(text):
            return int(text)
        if _OCT.match(text):
            return int(text[2:], 8)
        if _HEX.match(text):
            return int(text[2:], 16)
        if _FLOAT.match(text) or _INF.match(text) or _NAN.match(text):
            return float(
                text.replace(".inf", "inf")
                .replace(".Inf", "inf")
                .replace(".INF", "inf")
                .replace(".nan", "nan")
                .replace(".NaN", "nan")
                .replace(".NAN", "nan")
            )
    return text


def _looks_numeric(text: str) -> bool:
    """Whether a plain scalar would resolve to a number (cheaply, before Python parses its digits)."""
    return bool(_INT.match(text) or _OCT.match(text) or _HEX.match(text) or _FLOAT.match(text))


def _mark(event: events.Event) -> Mark:
    start = event.start_mark
    assert start is not None  # the parser marks every event it emits; only hand-made events lack one
    return Mark(start.line + 1, start.column + 1)


class _Builder:
    """Turns libyaml events into data, one event at a time, without recursion."""

    def __init__(self, file: str, keep_marks: bool) -> None:
        self.file = file
        self.keep_marks = keep_marks
        self.stack: list[_Frame] = []
        self.anchors: dict[str, tuple[Any, int]] = {}
        self.alias_nodes = 0
        self.problems: list[Problem] = []
        self.positions = Positions(Mark(1, 1)) if keep_marks else None
        self.root: Any = None
        self.root_mark = Mark(1, 1)
        self.documents = 0

    def problem(self, mark: Mark | None, code: Code, message: str) -> None:
        line, column = (mark.line, mark.column) if mark else (None, None)
        self.problems.append(Problem(self.file, line, column, "", code, message))

    def run(self, text: str) -> None:
        for event in yaml.parse(text, Loader=_Loader):
            kind = type(event)
            if kind is events.ScalarEvent:
                self.scalar(event)  # type: ignore[arg-type]  # `kind is` (the fast test) does not narrow `event`
            elif kind is events.MappingStartEvent or kind is events.SequenceStartEvent:
                self.start(event, kind is events.MappingStartEvent)  # type: ignore[arg-type]  # as for scalar
            elif kind is events.MappingEndEvent or kind is events.SequenceEndEvent:
                self.end()
            elif kind is events.AliasEvent:
                self.alias(event)  # type: ignore[arg-type]  # as for scalar
            elif kind is events.DocumentStartEvent:
                self.documents += 1
                if self.documents > 1:
                    raise _Refusal(
                        _mark(event),
                        Code.MULTIPLE_DOCUMENTS,
                        "a second YAML document starts here; a situation file holds one document (remove the '---' line)",
                    )

    def add(self, value: Any, mark: Mark, size: int) -> None:
        if not self.stack:
            self.root, self.root_mark = value, mark
            if self.positions is not None:
                self.positions.root = mark
            return
        frame = self.stack[-1]
        frame.size += size
        if not frame.is_map:
            frame.container.append(value)  # type: ignore[union-attr]  # not is_map: the container is a list
            if frame.marks is not None:
                frame.marks.append(mark)  # type: ignore[union-attr]  # not is_map: the marks are a list
            return
        if frame.key is None:
            self.take_key(frame, value, mark)
            return
        key, frame.key = frame.key, None
        if key in frame.container:
            return  # a duplicate, already reported; the first one stands
        frame.container[key] = value  # type: ignore[call-overload]  # is_map: the container is a dict
        if frame.marks is not None:
            frame.marks[key] = (frame.key_mark, mark)  # type: ignore[call-overload, assignment]  # is_map, and take_key set key_mark

    def take_key(self, frame: _Frame, key: Any, mark: Mark) -> None:
        if isinstance(key, (dict, list)):
            self.problem(mark, Code.COMPLEX_KEY, "a key must be plain text, not a list or a mapping")
            key = f"<complex key at line {mark.line}>"
        key = str(key)
        if key in frame.container:
            first = frame.marks[key][0] if isinstance(frame.marks, dict) and key in frame.marks else None
            where = f" (first at line {first.line})" if first else ""
            self.problem(
                mark, Code.DUPLICATE_KEY, f"duplicate key '{one_line(key)}'{where}; each key may appear once in a mapping"
            )
        frame.key, frame.key_mark = key, mark

    def scalar(self, event: events.ScalarEvent) -> None:
        mark = _mark(event)
        text = event.value
        expecting_key = bool(self.stack) and self.stack[-1].is_map and self.stack[-1].key is None
        if event.tag is None and not event.style and len(text) > MAX_NUMBER_CHARS and _looks_numeric(text):
            message = f"a number of {len(text):,} characters is not read; figures range from -10^15 to 10^15 (put text in quotes)"
            self.problem(mark, Code.NUMBER_TOO_LONG, message)
            value: Any = text
        elif event.tag is None:
            value = resolve_plain(text) if (not event.style and not expecting_key) else text
        else:
            value = self.tagged(event.tag, text, mark)
        if event.anchor:
            self.anchors[event.anchor] = (value, 1)
        self.add(value, mark, 1)

    def forbidden_tag(self, tag: str, mark: Mark) -> None:
        shown = "!!" + tag[len(_CORE_TAG) :] if tag.startswith(_CORE_TAG) else tag
        message = f"the tag {one_line(shown)} is not allowed: a situation file holds plain text, numbers, lists and mappings"
        self.problem(mark, Code.FORBIDDEN_TAG, message)

    def tagged(self, tag: str, text: str, mark: Mark) -> Any:
        name = tag[len(_CORE_TAG) :] if tag.startswith(_CORE_TAG) else None
        if tag == "!" or name == "str":
            return text
        if name not in _SCALAR_TAGS:
            self.forbidden_tag(tag, mark)
            return text
        if len(text) > MAX_NUMBER_CHARS and _looks_numeric(text):
            self.problem(mark, Code.NUMBER_TOO_LONG, f"a number of {len(text):,} characters is not read")
            return text
        value = resolve_plain(text)
        types: dict[str, type[Any] | tuple[type[Any], ...]] = {
            "int": int,
            "float": (int, float),
            "bool": bool,
            "null": type(None),
        }
        wanted = types[name]
        if not isinstance(value, wanted) or (name != "bool" and isinstance(value, bool)):
            self.problem(mark, Code.BAD_TAGGED_VALUE, f"'{one_line(text)}' is not a valid !!{name}")
            return text
        return float(value) if name == "float" else value

    def start(self, event: events.CollectionStartEvent, is_map: bool) -> None:
        mark = _mark(event)
        if event.tag is not None and event.tag not in (_CORE_TAG + "map", _CORE_TAG + "seq", "!"):
            self.forbidden_tag(event.tag, mark)
        if len(self.stack) >= MAX_DEPTH:
            raise _Refusal(
                mark, Code.TOO_DEEP, f"nesting goes deeper than {MAX_DEPTH} levels here; a situation file needs fewer than ten"
            )
        self.stack.append(_Frame(is_map, event.anchor, mark, self.keep_marks))

    def end(self) -> None:
        frame = self.stack.pop()
        if self.positions is not None and frame.marks is not None:
            self.positions.children[id(frame.container)] = frame.marks
        if frame.anchor:
            self.anchors[frame.anchor] = (frame.container, frame.size)
        self.add(frame.container, frame.mark, frame.size)

    def alias(self, event: events.AliasEvent) -> None:
        mark = _mark(event)
        if event.anchor not in self.anchors:
            raise _Refusal(
                mark, Code.UNKNOWN_ALIAS, f"the alias *{event.anchor} names no anchor &{event.anchor} defined before it"
            )
        value, size = self.anchors[event.anchor]
        self.alias_nodes += size
        if self.alias_nodes > MAX_ALIAS_NODES:
            raise _Refusal(
                mark,
                Code.ALIAS_BOMB,
                f"aliases here expand the file to more than {MAX_ALIAS_NODES:,} nodes; refused as an alias bomb",
            )
        self.add(value, mark, size)


def _syntax_problem(file: str, text: str, error: yaml.YAMLError) -> Problem:
    """A libyaml error as a located Problem: an indentation mistake said as such, any other in libyaml's words."""
    if isinstance(error, yaml.reader.ReaderError):
        before = text[: error.position]
        line = before.count("\n") + 1
        column = error.position - (before.rfind("\n") + 1) + 1
        return Problem(
            file,
            line,
            column,
            "",
            Code.YAML_SYNTAX,
            f"YAML cannot contain this character (code {error.character:#06x}): {error.reason}",
        )
    if isinstance(error, yaml.MarkedYAMLError) and error.problem_mark is not None:
        mark = error.problem_mark
        explained = explain_indentation(text, mark.line + 1)
        if explained is not None:  # libyaml's words name its parser's state; the writer needs the line and the indent
            column, said = explained
            return Problem(file, mark.line + 1, column, "", Code.YAML_SYNTAX, f"YAML syntax: {said}")
        message = f"YAML syntax: {error.problem}"
        if error.context:
            context_line = f" at line {error.context_mark.line + 1}" if error.context_mark else ""
            message += f" ({error.context}{context_line})"
        return Problem(file, mark.line + 1, mark.column + 1, "", Code.YAML_SYNTAX, message)
    return Problem.about_file(file, Code.YAML_SYNTAX, f"YAML syntax: {error}")


def read_yaml(text: str, file: str, *, keep_marks: bool = True) -> ReadResult:
    """Parse one YAML document. Never raises for bad input: everything wrong comes back as Problems."""
    builder = _Builder(file, keep_marks)
    fatal = False
    try:
        builder.run(text)
    except _Refusal as refusal:
        builder.problem(refusal.mark, refusal.code, refusal.message)
        fatal = True
    except yaml.YAMLError as error:
        builder.problems.append(_syntax_problem(file, text, error))
        fatal = True
    except RecursionError:  # pragma: no cover - the depth limit should make this unreachable
        builder.problem(None, Code.TOO_DEEP, "the file nests too deeply to read")
        fatal = True
    if builder.documents == 0 and not fatal:
        builder.problem(Mark(1, 1), Code.EMPTY_FILE, "the file holds no YAML document: it is empty or holds only comments")
        fatal = True
    return ReadResult(
        None if fatal else builder.root, builder.root_mark, builder.positions, builder.problems, fatal, builder.alias_nodes
    )
