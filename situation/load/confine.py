"""Reading only what a situation may read: files inside the situations root and the document roots, regular, bounded.

Whoever can commit to the situations repository can commit a symlink, or a `document:` naming any path. So every
file the package reads on a file's say-so goes through `read_confined`: its real path (symlinks resolved) must lie
inside one of the roots, it must be a regular file (a FIFO would block the reader forever, `/dev/zero` never ends),
and only `max_bytes` are read. Inside the roots, `not_allowed` keeps out hidden files and folders (`.git/config`)
and, for a source's text, any file but a text one. A refusal says why in words and never quotes what the file holds.

The situations root is the folder named to the CLI or the dashboard (for a single file, its folder). Document roots
are more folders where source texts may lie beside the situations (an article kept outside the repository, whose
text is not ours to copy): `--documents DIR` on the command line and the dashboard, or `SITUATION_DOCUMENTS`
(folders separated by the system's path separator, ':' on Linux).
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from situation.load.codes import Code

DOCUMENTS_VARIABLE = "SITUATION_DOCUMENTS"
MAX_DOCUMENT_BYTES = 8 * 1024 * 1024
"""A source's text larger than this is not read (the seed's article is 15 KiB; a long report is a few hundred)."""
DOCUMENT_SUFFIXES = (".txt", ".text", ".md", ".markdown", ".html", ".htm")
"""The kinds of file a source's text may be, read as UTF-8 text: plain text, Markdown, a web page saved as HTML."""
_OPEN_FLAGS = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)


@dataclass(frozen=True)
class Roots:
    """Where files may be read from: situation files from `situations`, source texts from it and from `documents`."""

    situations: Path
    documents: tuple[Path, ...] = ()

    @classmethod
    def around(cls, target: Path, documents: Iterable[Path] = ()) -> Roots:
        """The roots for a folder named by a person (or a single file's folder), with the document roots they gave."""
        target = Path(target)
        folder = target if target.is_dir() else target.parent
        return cls(folder.resolve(), tuple(Path(d).resolve() for d in documents))

    def for_documents(self) -> tuple[Path, ...]:
        return (self.situations, *self.documents)


class Refused(Exception):
    """A file that is not read: its code, and a sentence saying why (never what the file holds)."""

    def __init__(self, code: Code, message: str) -> None:
        super().__init__(message)
        self.code, self.message = code, message


def document_roots(named: Iterable[str], environ: Mapping[str, str]) -> tuple[Path, ...]:
    """The document roots given by `--documents DIR` (each), else by $SITUATION_DOCUMENTS."""
    folders = [name for name in named if name]
    if not folders:
        folders = [part for part in environ.get(DOCUMENTS_VARIABLE, "").split(os.pathsep) if part]
    return tuple(Path(folder) for folder in folders)


def inside(path: Path, roots: Iterable[Path]) -> bool:
    """Whether the real path of `path` (every symlink followed) lies inside one of `roots` (themselves resolved)."""
    real = path.resolve()
    return any(real.is_relative_to(root) for root in roots)


def not_allowed(written: str, path: Path, roots: Iterable[Path], suffixes: tuple[str, ...] = ()) -> str | None:
    """Why a file a situation names inside the roots is not read all the same, in words; None when it may be.

    Hidden files and everything under a hidden folder (`.git/config`, `.streamlit/secrets.toml`) are not read, as
    the file names them and where its links lead: a quote checked against such a file answers whether a guess is in
    it, one character per save. Given `suffixes`, only those kinds of file are read. A path outside every root is
    left to `read_confined`, which refuses it.
    """
    real = path.resolve()
    root = next((root for root in roots if real.is_relative_to(root)), None)
    if root is None:
        return None
    for parts in (Path(written).parts, real.relative_to(root).parts):
        hidden = [part for part in parts if part.startswith(".") and part not in (".", "..")]
        if hidden:
            return "is hidden" if hidden[-1] == parts[-1] else "lies in a hidden folder"
    if suffixes and real.suffix.lower() not in suffixes:
        return f"is not a text file ({', '.join(suffixes)})"
    return None


def read_confined(path: Path, roots: Iterable[Path], max_bytes: int, what: str = "the file") -> bytes:
    """The bytes of a regular file inside `roots`, at most `max_bytes` of them; else `Refused` saying why."""
    roots = tuple(roots)
    real = path.resolve()
    if not any(real.is_relative_to(root) for root in roots):
        raise Refused(
            Code.OUTSIDE_ROOTS, f"{what} leads outside the folders it may be read from (a link or '..'); it is not read"
        )
    try:
        # O_NONBLOCK: opening a FIFO does not wait for a writer; O_NOFOLLOW: a link swapped in since resolve() is refused.
        descriptor = os.open(real, _OPEN_FLAGS)
    except FileNotFoundError:
        raise Refused(Code.FILE_NOT_FOUND, f"{what} does not exist") from None
    except OSError as error:
        raise Refused(Code.UNREADABLE, f"{what} cannot be read: {(error.strerror or 'refused').lower()}") from None
    status = os.fstat(descriptor)
    if not stat.S_ISREG(status.st_mode):
        os.close(descriptor)
        if stat.S_ISDIR(status.st_mode):
            raise Refused(Code.NOT_A_FILE, f"{what} is a folder, not a file")
        raise Refused(Code.NOT_A_FILE, f"{what} is not a regular file (a pipe, a device or a socket); it is not read")
    with os.fdopen(descriptor, "rb") as stream:
        if status.st_size > max_bytes:
            raise Refused(Code.FILE_TOO_LARGE, _too_large(what, status.st_size, max_bytes))
        try:
            data = stream.read(max_bytes + 1)
        except OSError as error:
            raise Refused(Code.UNREADABLE, f"{what} cannot be read: {(error.strerror or 'refused').lower()}") from None
    if len(data) > max_bytes:  # it grew while we read it
        raise Refused(Code.FILE_TOO_LARGE, _too_large(what, len(data), max_bytes))
    return data


def _too_large(what: str, size: int, max_bytes: int) -> str:
    return f"{what} is {size / 2**20:.1f} MiB; at most {max_bytes / 2**20:.0f} MiB is read"
