"""What one server can show of one situations folder, and who may see which: the published version for everyone, past
publications for everyone, drafts (the working tree, other branches) for editors only.

`open()` is the one place that decides what a session is shown: whatever a page asks for, a person without the editor
role gets the published version or a past publication, never a draft. Review is in force when the situations are in a
git repository and the server was told to publish from a reference (`--published REF`, `$SITUATIONS_PUBLISHED`) or
has sign-in (a shared server); then what viewers see is read from that reference's commit, never from the working
tree. Otherwise (a local run, a folder outside git) the working tree is what everyone sees, live on save, as before.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from situation.load.loader import LoadResult
from situation.load.revisions import RevisionError
from situation.serve.access.roles import Role
from situation.serve.live import heap
from situation.serve.live.watch import FileView, Watcher
from situation.serve.review.commits import CommitReader, Place
from situation.serve.review.git import Git, GitError
from situation.serve.review.history import Publication, publications
from situation.serve.review.publish import WORKING_TREE, Known, Published, Refused, publish, working_tree_tree
from situation.serve.review.refs import Refs, RefSource, short_name

LOG = logging.getLogger(__name__)
PUBLISHED_VARIABLE = "SITUATIONS_PUBLISHED"
DEFAULT_PUBLISHED = "main"
PUBLISHED, DRAFT, PUBLICATION = "published", "draft", "publication"
"""What a shown version is: the published one, a draft (editors only), or a past publication."""
COMMIT_PREFIX = "commit:"


class Source(Protocol):
    def snapshot(self) -> tuple[int, dict[Path, FileView]]: ...


class _Fixed:
    """A past publication: a commit's views, which never change."""

    def __init__(self, views: dict[Path, FileView]) -> None:
        self._views = views

    def snapshot(self) -> tuple[int, dict[Path, FileView]]:
        return 0, dict(self._views)


@dataclass(frozen=True)
class Shown:
    """A version a session shows."""

    key: str
    """What names it: 'published', 'working tree', a draft branch's full name, or 'commit:SHA' for a publication. A
    change to the version wakes the pages that show this key."""
    kind: str
    label: str
    source: Source
    commit: str | None = None
    """The commit it shows (None for the working tree, or a reference that names none)."""

    def snapshot(self) -> tuple[int, dict[Path, FileView]]:
        return self.source.snapshot()


@dataclass(frozen=True)
class DraftState:
    """A draft as a reviewer sees it: what to hand back when publishing, or why it cannot be published now."""

    seen_published: str | None
    seen_draft: str | None
    why_not: str | None = None
    views: dict[Path, FileView] = field(default_factory=dict)
    """The draft's views as the reviewer saw them (what is published when nothing needs merging)."""


class Versions:
    """The published version, the drafts and the publications of one situations folder, for one server process."""

    def __init__(
        self,
        target: Path,
        documents: tuple[Path, ...],
        published: str | None,
        review: bool,
        wake: Callable[[str], None] = lambda key: None,
    ) -> None:
        self.target = target
        self._wake = wake
        git = Git.around(target) if review else None
        self.review = git is not None
        self.watcher = Watcher(target, documents=documents)
        heap.settle()  # the first versions, read above
        self.watcher.on_change(lambda version: self._changed("working tree" if self.review else PUBLISHED))
        self.watcher.start()
        self._publications: tuple[str | None, list[Publication]] = (None, [])
        self._lock = threading.Lock()
        self._refused: str | None = None
        """Why nothing is shown at all: a published reference was named, and there is no repository to read it from."""
        if git is None:
            if published is not None:  # asked for review explicitly: fail closed, never fall back to the working tree
                self._refused = f"{target} is in no git repository, so there is no '{published}' to show"
                LOG.error("%s", self._refused)
            elif review:
                LOG.warning("%s is in no git repository: every save is published at once (no review)", target)
            return
        wanted = published or DEFAULT_PUBLISHED
        self.published_ref = git.full_name(wanted) or (wanted if wanted.startswith("refs/") else f"refs/heads/{wanted}")
        self.place = Place.of(git, target, documents)
        self.reader = CommitReader(self.place)
        self.refs = Refs(self.reader)
        self.refs.on_change(lambda ref, version: self._changed(PUBLISHED if ref == self.published_ref else ref))
        self._published = self.refs.follow(self.published_ref, pinned=True)
        self.refs.start()
        LOG.warning("publishing %s from %s: viewers see only what it holds", target, self.published_ref)

    def _changed(self, key: str) -> None:
        heap.settle()
        self._wake(key)

    def stop(self) -> None:
        self.watcher.stop()
        if self.review:
            self.refs.stop()

    # --- What a session may be shown ------------------------------------------------------------------------------

    def published(self) -> Shown:
        if self._refused is not None:
            return Shown(PUBLISHED, PUBLISHED, "Nothing published", _Fixed({}))
        if not self.review:
            return Shown(PUBLISHED, PUBLISHED, "The situations as saved", self.watcher)
        commit = self._published.commit
        at = f", {commit[:8]}" if commit else ""
        return Shown(PUBLISHED, PUBLISHED, f"Published ({short_name(self.published_ref)}{at})", self._published, commit)

    def why_empty(self, shown: Shown) -> str | None:
        """Why a version shows no file at all, when the reason is its reference (None: it is the folder that is empty)."""
        if self._refused is not None:
            return self._refused
        source = shown.source
        return source.problem if isinstance(source, RefSource) else None

    def drafts(self) -> list[tuple[str, str]]:
        """(key, label) of every draft an editor may open: the working tree, then the other branches."""
        if not self.review:
            return []
        branches = sorted(ref for ref in self.refs.latest if ref != self.published_ref and not ref.startswith("refs/tags/"))
        return [(WORKING_TREE, "Working tree (live on save)"), *((ref, f"Branch {short_name(ref)}") for ref in branches)]

    def open(self, wanted: str | None, roles: frozenset[Role]) -> Shown:
        """The version to show for `wanted` (a key), as far as `roles` allow: the published version otherwise."""
        if not self.review or not wanted or wanted == PUBLISHED:
            return self.published()
        if wanted.startswith(COMMIT_PREFIX):
            return self.publication(wanted.removeprefix(COMMIT_PREFIX)) or self.published()
        if Role.EDITOR not in roles:
            return self.published()
        if wanted == WORKING_TREE:
            return Shown(WORKING_TREE, DRAFT, "Working tree (live on save)", self.watcher)
        if wanted in self.refs.latest and wanted != self.published_ref and not wanted.startswith("refs/tags/"):
            source = self.refs.follow(wanted)
            return Shown(wanted, DRAFT, f"Branch {short_name(wanted)}", source, source.commit)
        return self.published()

    def publication(self, commit: str) -> Shown | None:
        """A past publication, opened as it was; None for any commit that was not one (a draft's, say)."""
        listed = next((p for p in self.publications() if p.commit == commit), None)
        if listed is None:
            return None
        try:
            views = self.reader.views(commit)
        except GitError as error:
            LOG.error("reading the publication %s: %s", commit, error)
            return None
        label = f"Published {listed.at:%-d %b %Y %H:%M} ({commit[:8]})"
        return Shown(COMMIT_PREFIX + commit, PUBLICATION, label, _Fixed(views), commit)

    def publications(self) -> list[Publication]:
        """The publications, newest first, listed again only when the published reference moves."""
        if not self.review:
            return []
        now = self._published.commit
        with self._lock:
            if self._publications[0] != now or now is None:
                self._publications = (now, publications(self.place, self.published_ref))
            return self._publications[1]

    def load_revision(self, path: Path, commit: str) -> LoadResult:
        """A file as it was at `commit`, read from git's objects alone (its boundary files too), for the Changes page."""
        label = f"{commit[:8]}:{path.name}"
        try:
            view = self.reader.views(commit).get(path)
        except GitError as error:
            raise RevisionError(str(error)) from error
        if view is None:
            raise RevisionError(f"{path.name} did not exist at {commit[:8]}")
        return LoadResult(label, view.situation, view.problems)

    def views_of(self, commit: str | None) -> dict[Path, FileView]:
        """The views of a commit (none for None): the version a publication replaced, for its change story."""
        if commit is None or not self.review:
            return {}
        try:
            return self.reader.views(commit)
        except GitError:
            return {}

    # --- Publishing -----------------------------------------------------------------------------------------------

    def draft_state(self, shown: Shown, views: dict[Path, FileView]) -> DraftState:
        """What a reviewer looking at `shown` (with these views) is looking at, to publish exactly that."""
        published = self._published.commit if self.review else None
        if shown.kind != DRAFT or published is None:
            return DraftState(
                published, None, "there is no published version to publish onto yet" if shown.kind == DRAFT else None
            )
        if not self.published_ref.startswith("refs/heads/"):
            name = short_name(self.published_ref)
            return DraftState(
                published, None, f"'{name}' is not a branch of this server's repository: publish where it comes from"
            )
        if shown.key != WORKING_TREE:
            commits = {view.commit for view in views.values()}
            if len(commits) > 1 or shown.commit is None:
                return DraftState(published, None, "the draft is being read; wait a moment")
            return DraftState(published, commits.pop() if commits else shown.commit, views=views)
        try:
            tree = working_tree_tree(self.place, published)
            saved = self._blobs(tree)
        except GitError as error:
            return DraftState(published, None, f"git could not read the working tree ({error})")
        for path, view in views.items():
            relative = path.relative_to(self.place.git.top).as_posix()
            if view.broken or view.reading_since is not None or saved.get(relative) != view.blob:
                return DraftState(
                    published, None, f"{path.name} is being saved or does not validate; publish once it shows as saved"
                )
        return DraftState(published, tree, views=views)

    def _blobs(self, tree: str) -> dict[str, str]:
        out = self.place.git.run("ls-tree", "-r", "-z", "--full-tree", tree, "--", self.place.folder or ".")
        blobs = {}
        for record in out.split(b"\0"):
            meta, _, name = record.partition(b"\t")
            if meta:
                blobs[name.decode("utf-8", "surrogateescape")] = meta.split()[2].decode()
        return blobs

    def publish(self, draft: str, reviewer: str, state: DraftState) -> Published | Refused:
        """Publish the draft named `draft` (a key) as the reviewer saw it (`state`); every page follows at once."""
        if not self.review or state.seen_published is None or state.seen_draft is None:
            return Refused(state.why_not or "there is nothing here to publish")
        commit, published = self._published.held()
        known = Known(published, state.views) if commit == state.seen_published else None
        outcome = publish(self.place, self.published_ref, draft, reviewer, state.seen_published, state.seen_draft, known)
        self.refs.check_now()  # viewers follow now, not at the next look
        if isinstance(outcome, Published):
            LOG.warning(
                "published %s at %s (was %s), reviewed by %s", self.published_ref, outcome.commit, outcome.previous, reviewer
            )
        return outcome


def published_option(named: str | None, environ: dict[str, str] | None = None) -> str | None:
    """`--published REF`, else $SITUATIONS_PUBLISHED, else None (the default reference, when review is in force)."""
    return named or (environ or {}).get(PUBLISHED_VARIABLE) or None
