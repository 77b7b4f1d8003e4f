"""Reading only what changed: a saved edit re-reads and re-validates the entries it touched, not months of others.

A team's file grows by entries (an event, an observation of an indicator) under a dozen top-level lists, and a save
changes a few of them. So the text is cut where each top-level entry starts, at a `- ` as indented as the list's
first item (a line-level cut, done by regular expressions over the whole text), and each entry is read and validated
alone (with the entries whose anchors it uses); the next read of the same file takes the entries whose text is
unchanged from the last, as they were. The
validated entries are frozen models, so two versions may share them; the model is then validated as usual, pydantic
taking model instances as they are.

Only a file that reads cleanly takes this path. Anything it cannot cut plainly (a document marker, a directive, a
top-level line that is not `key:`, a repeated top-level key) or any problem in any piece (an invalid field, an alias
whose anchor is elsewhere) sends the whole text to the ordinary path, which finds and places every problem
as it always did: the result is the same either way, only sooner.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from pydantic import BaseModel, TypeAdapter, ValidationError

from situation.load.locate import Located, locate
from situation.load.reader import MAX_ALIAS_NODES, Mark, read_yaml
from situation.load.references import CitedIds
from situation.model.facts import Situation
from situation.model.sections import BY_NAME, SECTIONS

ENTRY_LISTS = tuple(section.name for section in SECTIONS)
"""The top-level lists read entry by entry; the rest of the file (a few short fields) is read as one piece."""

_AT_COLUMN_ZERO = r"[^\s#]"
_TOP_KEY = re.compile(r"([A-Za-z_][A-Za-z0-9_]*):[ \t]*(#.*)?\r?$")
_INLINE_FIELD = re.compile(r"[A-Za-z_][A-Za-z0-9_]*:[ \t]")
_FIRST_ITEM = re.compile(r"^( *)-(?:[ \t]|\r?$)", re.MULTILINE)
_SIGNIFICANT = re.compile(r"^[ \t]*[^\s#]", re.MULTILINE)
_ANCHOR = re.compile(r"(?:^|[\s\[{,])&([^\s\[\]{},]+)")
_ALIAS = re.compile(r"(?:^|[\s\[{,])\*([^\s\[\]{},]+)")


@dataclass(frozen=True)
class _Piece:
    """One entry read and validated, or a few read together (one using an anchor another defines)."""

    raws: list[Any]
    """The entries as plain data (what the reference checks read)."""
    models: list[BaseModel]
    """The entries validated (what the situation is built from)."""
    alias_nodes: int


class Entries:
    """The entries of one file as its last clean read left them; `read` reuses those whose text is unchanged."""

    def __init__(self) -> None:
        self._known: dict[tuple[str, str], _Piece] = {}
        self._layout: dict[str, list[tuple[int, int, str]]] = {}
        """Per list of the last read: each piece's first entry, its first line in the file, and its text."""
        self.reused = 0
        """Entries the last `read` took from the read before: what a test or a benchmark looks at."""
        self.cited = CitedIds()
        """The ids each entry cited at the last check: only changed entries are looked through again."""

    def read(self, text: str, file: str) -> tuple[dict[str, Any], dict[str, Any]] | None:
        """The file's plain data, and the same data with each entry already a model, ready for `Situation`; None when
        the text is not plain enough to cut, or any piece of it has a problem (then read it whole)."""
        pieces = _cut(text)
        if pieces is None:
            return None
        rest, lists = pieces
        head = read_yaml(rest, file, keep_marks=False) if rest.strip(" \t\r\n") else None
        if head is not None and (head.problems or not isinstance(head.data, dict)):
            return None
        data: dict[str, Any] = dict(head.data) if head is not None else {}
        ready = dict(data)
        known: dict[tuple[str, str], _Piece] = {}
        layout: dict[str, list[tuple[int, int, str]]] = {}
        reused, alias_nodes = 0, head.alias_nodes if head is not None else 0
        for section, (texts, first_line) in lists.items():
            if section in data:
                return None  # the same key twice: the whole read says so, with both places
            raws: list[Any] = []
            models: list[BaseModel] = []
            layout[section] = []
            for text_of_piece in texts:
                layout[section].append((len(models), first_line, text_of_piece))
                first_line += text_of_piece.count("\n")
                piece = known.get((section, text_of_piece)) or self._known.get((section, text_of_piece))
                if piece is None:
                    piece = _read_piece(section, text_of_piece, file)
                    if piece is None:
                        return None
                else:
                    reused += len(piece.models)
                known[(section, text_of_piece)] = piece
                raws += piece.raws
                models += piece.models
                alias_nodes += piece.alias_nodes
            data[section], ready[section] = raws, models
        if alias_nodes > MAX_ALIAS_NODES:
            return None  # a bound on the whole file: the whole read refuses it, and says where
        self._known, self._layout, self.reused = known, layout, reused
        return data, ready

    def locate(self, path: tuple[str | int, ...]) -> Located | None:
        """Where `path` (into the last read's data) is in the file, from its entry's piece alone, or None when it is
        not inside an entry (then read the whole text with positions)."""
        if len(path) < 2 or not isinstance(path[0], str) or not isinstance(path[1], int) or path[0] not in self._layout:
            return None
        section, index = path[0], path[1]
        for first_entry, first_line, text in reversed(self._layout[section]):
            if first_entry <= index:
                read = read_yaml(text, "", keep_marks=True)
                assert read.positions is not None  # the piece read cleanly before: it does again
                found = locate(read.data, read.positions, (index - first_entry, *path[2:]))
                value_mark = _moved(found.value_mark, first_line)
                key_mark = None if found.key_mark is None else _moved(found.key_mark, first_line)
                return Located((section, index, *found.path[1:]), value_mark, key_mark, found.reached_end)
        return None


def _moved(mark: Mark, first_line: int) -> Mark:
    """A mark in a piece, as a mark in the file."""
    return Mark(mark.line + first_line - 1, mark.column)


def _read_piece(section: str, text: str, file: str) -> _Piece | None:
    read = read_yaml(text, file, keep_marks=False)
    if read.problems or not isinstance(read.data, list):
        return None
    try:
        return _Piece(read.data, [_adapter(section).validate_python(raw) for raw in read.data], read.alias_nodes)
    except ValidationError:
        return None


@cache
def _adapter(section: str) -> TypeAdapter[Any]:
    """Validates one entry of `section` as `Situation` would (the list's item type)."""
    return TypeAdapter(Situation.entry_type(BY_NAME[section]))


def _cut(text: str) -> tuple[str, dict[str, tuple[list[str], int]]] | None:
    """The text outside the entry lists, and each list's entries as text with the line the first starts on; None when
    the text does not cut plainly."""
    starts = _lines_starting(_AT_COLUMN_ZERO, text)
    rest: list[str] = []
    lists: dict[str, tuple[list[str], int]] = {}
    blocks = [start for start in starts if text[start] != "-"]  # a `- ` at the margin belongs to the key above it
    if not blocks or not _only_comments(text[: blocks[0]]):
        return None  # no key at all, or something before the first (a list at the top, say)
    for start, end in zip(blocks, [*blocks[1:], len(text)], strict=True):
        line_end = text.find("\n", start)
        line_end = end if line_end == -1 or line_end > end else line_end + 1
        key = _TOP_KEY.match(text, start, line_end)
        if key is None:
            if text.startswith(("---", "...", "%"), start) or not _inline_field(text[start:line_end]):
                return None
            rest.append(text[start:end])
            continue
        name = key[1]
        if name not in ENTRY_LISTS:
            rest.append(text[start:end])
            continue
        if name in lists:
            return None
        items = _items(text[line_end:end])
        if items is None:
            rest.append(text[start:end])  # `events:` with nothing, or a flow list under it: read with the rest
            continue
        pieces, offset = items
        lists[name] = (pieces, text.count("\n", 0, line_end + offset) + 1)
    return "".join(rest), lists


def _items(body: str) -> tuple[list[str], int] | None:
    """The entries of a block list, each as the text of a one-item list, and where the first starts in `body`; None
    when the body is not a block list."""
    first = _SIGNIFICANT.search(body)
    if first is None:
        return None
    item = _FIRST_ITEM.match(body, first.start())
    if item is None:
        return None
    indent = item[1]
    if not _only_comments(body[: item.start()]):
        return None
    starts = _lines_starting(rf"{indent}-(?:[ \t]|\r?$)", body, item.start())
    pieces = _with_their_anchors([body[start:end] for start, end in zip(starts, [*starts[1:], len(body)], strict=True)])
    return pieces, item.start()


def _lines_starting(line: str, text: str, pos: int = 0) -> list[int]:
    """Where each line from `pos` (the start of a line) begins that the pattern `line` matches from its first
    character. Searched as a newline followed by `line`, which the regex engine skips to in C; `^` in multiline mode
    is tried at every character (5 MiB of YAML: 36 ms against 7)."""
    first = [pos] if re.compile(line, re.MULTILINE).match(text, pos) else []
    return first + [match.start() + 1 for match in re.compile(f"\n(?:{line})", re.MULTILINE).finditer(text, pos)]


def _with_their_anchors(items: list[str]) -> list[str]:
    """The entries in pieces that can be read alone: an entry that uses an anchor an earlier entry defines is read with
    it and every entry between. A word that only looks like an anchor or an alias costs a merge, never a wrong read;
    an alias missed here fails its piece's read, and the file is read whole."""
    pieces: list[str] = []
    defined: dict[str, int] = {}
    for item in items:
        aliases = _ALIAS.findall(item) if "*" in item else []
        first = min((defined[name] for name in aliases if name in defined), default=len(pieces))
        if first < len(pieces):
            pieces[first:] = ["".join(pieces[first:]) + item]
            defined = {name: min(index, first) for name, index in defined.items()}
        else:
            pieces.append(item)
        if "&" in item:
            defined.update(dict.fromkeys(_ANCHOR.findall(item), first))
    return pieces


def _only_comments(text: str) -> bool:
    return all(not line.strip() or line.lstrip().startswith("#") for line in text.splitlines())


def _inline_field(line: str) -> bool:
    """`key: value` on one line (a short field of the rest): the only other thing a top-level line may be."""
    return _INLINE_FIELD.match(line) is not None
