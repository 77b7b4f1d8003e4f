"""The situations as a commit holds them, read from git's objects: never from the working tree, where drafts are saved.

A commit's situations folder is written, blob by blob, into a private temporary folder (`git ls-tree` lists it,
`git cat-file --batch` gives every blob in one call), loaded there exactly as the watcher loads the working tree
(the same reader, checks, boundary files and quotes), and the folder is removed again: what is kept is the views.
A commit never changes, so its views are read once and kept for the few commits looked at most recently.

Not written: links (a link's target is a path, and a committed link could lead anywhere), submodules, and anything
under a hidden name (`.github/`, an editor's `.swp`), as the working tree's reader skips them too. The folder has a
budget, checked on git's own listing before any blob is read: at most `MAX_TREE_FILES` files and `MAX_TREE_BYTES`.
A `document:` outside the situations folder is read where it lies on this machine (a document root), as ever.
"""

from __future__ import annotations

import tempfile
import threading
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from situation.load.confine import Refused, Roots, read_confined
from situation.load.entries import Entries
from situation.load.loader import MAX_FILE_BYTES, parse_situation, situation_files_in
from situation.load.problems import Problem
from situation.serve.live.watch import FileView
from situation.serve.review.git import Git, GitError

MAX_TREE_FILES = 10_000
MAX_TREE_BYTES = 256 * 1024 * 1024
"""A commit's situations folder beyond these is not read (the L benchmark file is 21 MiB; a country's COD-AB 10)."""
COMMITS_KEPT = 4
"""Commits whose views are kept besides the ones followed (the published version, a draft branch): for History."""


@dataclass(frozen=True)
class Place:
    """Where the situations lie in their repository, and where their source texts may lie beside it."""

    git: Git
    folder: str
    """The situations folder, relative to the top of the repository ('' for the top itself), POSIX-style."""
    file: str | None
    """The one situation file, relative to the top, when the dashboard was given a file rather than a folder."""
    documents: tuple[Path, ...] = ()

    @classmethod
    def of(cls, git: Git, target: Path, documents: tuple[Path, ...] = ()) -> Place:
        target = target.resolve()
        folder = target if target.is_dir() else target.parent
        inside = folder.relative_to(git.top).as_posix()
        file = target.relative_to(git.top).as_posix() if target.is_file() else None
        return cls(git, "" if inside == "." else inside, file, documents)

    def shown_path(self, relative: str) -> Path:
        """Where a file of a commit lies in the working tree: how pages, links and the allow-list name it."""
        return self.git.top / relative


class CommitReader:
    """The views of the situations of any commit, each commit read once (the latest few kept)."""

    def __init__(self, place: Place) -> None:
        self.place = place
        self._kept: OrderedDict[str, dict[Path, FileView]] = OrderedDict()
        self._lock = threading.Lock()
        self._reading: dict[str, threading.Lock] = {}

    def views(self, commit: str, entries: dict[Path, Entries] | None = None) -> dict[Path, FileView]:
        """Every situation file of `commit` as a view (its model, or its problems); GitError when git cannot say.

        `entries`: the entries of each file as last read along one line of commits (the published version's), so a new
        commit reads again only the entries it changed; the caller keeps it for that one line and one thread."""
        with self._lock:
            if commit in self._kept:
                self._kept.move_to_end(commit)
                return self._kept[commit]
            lock = self._reading.setdefault(commit, threading.Lock())
        with lock:  # two pages opening one commit at once: read it once
            with self._lock:
                if commit in self._kept:
                    return self._kept[commit]
            views = self._read(commit, entries)
            with self._lock:
                self._kept[commit] = views
                while len(self._kept) > COMMITS_KEPT:
                    self._kept.popitem(last=False)
                self._reading.pop(commit, None)
            return views

    def _read(self, commit: str, entries: dict[Path, Entries] | None) -> dict[Path, FileView]:
        committed_at = float(self.place.git.run("show", "-s", "--format=%ct", commit).decode().strip())
        return read_views(self.place, commit, committed_at, entries, commit=commit)


def read_views(
    place: Place,
    treeish: str,
    loaded_at: float | None,
    entries: dict[Path, Entries] | None = None,
    *,
    commit: str | None = None,
) -> dict[Path, FileView]:
    """The views of the situation files of `treeish` (a commit, or a tree about to become one), loaded in a scratch
    folder that is gone when this returns; GitError when git cannot list or read them."""
    with tempfile.TemporaryDirectory(prefix="situation-commit-") as scratch:
        into = Path(scratch).resolve()
        blobs = write_tree(place.git, treeish, place.folder, into)
        root = into / place.folder if place.folder else into
        if not root.is_dir():
            return {}
        files = [into / place.file] if place.file else situation_files_in(root)
        roots = Roots(root, tuple(d.resolve() for d in place.documents))
        views: dict[Path, FileView] = {}
        for disk in files:
            relative = disk.relative_to(into).as_posix()
            shown = place.shown_path(relative)
            label = f"{treeish[:8]}:{relative}"
            try:
                raw = read_confined(disk, [root], MAX_FILE_BYTES, "the file")
            except Refused as refusal:
                views[shown] = FileView(shown, None, [Problem.about_file(label, refusal.code, refusal.message)], commit=commit)
                continue
            mine = None if entries is None else entries.setdefault(shown, Entries())
            result = parse_situation(raw, label, base_dir=disk.parent, roots=roots, entries=mine)
            at = loaded_at if result.situation is not None else None
            views[shown] = FileView(shown, result.situation, result.problems, at, commit=commit, blob=blobs.get(relative))
        return views


def write_tree(git: Git, treeish: str, folder: str, into: Path) -> dict[str, str]:
    """Write the regular files of `folder` at `treeish` under `into` (paths as in the repository); their blob ids by path.

    GitError when git cannot list or read them, or when the folder is over its budget."""
    listing = git.run("ls-tree", "-r", "-z", "-l", "--full-tree", treeish, "--", folder or ".")
    wanted: list[tuple[str, str, int]] = []
    for record in listing.split(b"\0"):
        if not record:
            continue
        meta, _, name = record.partition(b"\t")
        mode, kind, oid, length = meta.split()
        relative = name.decode("utf-8", "surrogateescape")
        parts = PurePosixPath(relative).parts[len(PurePosixPath(folder).parts) :]
        if kind != b"blob" or mode not in (b"100644", b"100755") or any(p.startswith(".") for p in parts):
            continue  # a link, a submodule, or hidden
        wanted.append((relative, oid.decode(), int(length)))
    total = sum(size for _, _, size in wanted)
    if len(wanted) > MAX_TREE_FILES or total > MAX_TREE_BYTES:
        raise GitError(
            f"the situations folder at {treeish[:8]} holds {len(wanted):,} files, {total / 2**20:.0f} MiB: over the "
            f"budget of {MAX_TREE_FILES:,} files and {MAX_TREE_BYTES / 2**20:.0f} MiB, so it is not read"
        )
    if not wanted:
        return {}
    out = git.run("cat-file", "--batch", input="".join(f"{blob}\n" for _, blob, _ in wanted).encode())
    at = 0
    for relative, blob, size in wanted:
        header_end = out.index(b"\n", at)
        if out[at:header_end].split() != [blob.encode(), b"blob", str(size).encode()]:
            raise GitError(f"git cat-file gave something other than the blob of {relative}")
        content = out[header_end + 1 : header_end + 1 + size]
        at = header_end + 1 + size + 1
        target = into / relative
        if not target.resolve().is_relative_to(into):  # git never lists '..', but a tree object could be made to
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
    return {relative: blob for relative, blob, _ in wanted}
