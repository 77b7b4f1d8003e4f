"""Publishing a draft: the published branch moves to a new commit that holds the draft, only as the reviewer saw it.

What a publication is, in git: a commit on the published branch whose first parent is the version it replaces and
whose message ends with the trailer `Reviewed-by: NAME`. A draft branch is merged (a second parent, so its own commits
stay in history as they were); the working tree becomes a commit of the situations folder as saved, on top of the
published version. History is never rewritten: the branch only ever moves forward, to a child of where it was. Where
the published branch is the one checked out in the repository, its checkout follows (index, and files a merged branch
changed), keeping any local edit.

It moves only if, at that moment:
- the published branch is still where the reviewer saw it: `git update-ref REF NEW OLD` is git's own compare-and-swap,
  so of two reviewers publishing at once one wins and the other is told what moved;
- the draft is still what the reviewer saw (the same commit; for the working tree, the same tree of files);
- what would be published validates (every situation file loads without an error) and differs from what is.
Otherwise nothing moves and `Refused` says why, in words, with the problems when the draft does not validate.
"""

from __future__ import annotations

import logging
import tempfile
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from situation.load.problems import Problem, errors_in
from situation.serve.live.watch import FileView
from situation.serve.review.commits import Place, read_views
from situation.serve.review.git import GitError
from situation.serve.review.refs import short_name
from situation.serve.review.story import changes, summary_line

LOG = logging.getLogger(__name__)
WORKING_TREE = "working tree"
"""The draft that is the situations folder as saved on the server, named like a branch where one is expected."""
MAX_REVIEWER_LENGTH = 200


@dataclass(frozen=True)
class Known:
    """Views a server holds already: of the published commit the reviewer saw, and of the draft as they saw it."""

    published: Mapping[Path, FileView]
    draft: Mapping[Path, FileView]


@dataclass(frozen=True)
class Published:
    ref: str
    commit: str
    previous: str
    reviewer: str
    summary: str
    note: str | None = None
    """What is left for a person to do, when the branch is checked out here and could not follow by itself."""

    @property
    def message(self) -> str:
        return (
            f"Published: {short_name(self.ref)} now at {self.commit[:8]} (was {self.previous[:8]}), reviewed by "
            f"{self.reviewer} ({self.summary})." + (f" {self.note}" if self.note else "")
        )


@dataclass(frozen=True)
class Refused:
    reason: str
    problems: list[Problem] = field(default_factory=list)
    """The errors of what would have been published, when it does not validate."""
    moved_to: str | None = None
    """Where the published branch is now, when it moved since the reviewer looked."""

    @property
    def message(self) -> str:
        return f"Not published: {self.reason}"


def reviewer_name(name: str) -> str:
    """The name as it goes into the trailer; ValueError when it is empty, too long, or holds a line break or control
    character (a trailer is one line: a name with a newline could write another trailer)."""
    name = name.strip()
    if not name:
        raise ValueError("the reviewer's name is empty")
    if len(name) > MAX_REVIEWER_LENGTH:
        raise ValueError(f"the reviewer's name is longer than {MAX_REVIEWER_LENGTH} characters")
    if any(unicodedata.category(c).startswith("C") for c in name):
        raise ValueError("the reviewer's name holds a line break or another control character")
    return name


def working_tree_tree(place: Place, base: str) -> str:
    """The tree of `base` with the situations folder as it is saved in the working tree now (hidden files left out),
    made with an index of its own, so the repository's index and files are not touched."""
    folder = place.folder or "."
    hidden = [f":(exclude,glob){place.folder + '/' if place.folder else ''}**/.*"]
    hidden.append(hidden[0] + "/**")
    with tempfile.TemporaryDirectory(prefix="situation-index-") as scratch:
        env = {"GIT_INDEX_FILE": str(Path(scratch) / "index")}
        place.git.run("read-tree", base, env=env)
        place.git.run("add", "--all", "--", folder, *hidden, env=env)
        return place.git.run("write-tree", env=env).decode().strip()


def publish(
    place: Place,
    ref: str,
    draft: str,
    reviewer: str,
    seen_published: str,
    seen_draft: str,
    known: Known | None = None,
) -> Published | Refused:
    """Move `ref` to a commit holding `draft` (a reference, or WORKING_TREE), reviewed by `reviewer`.

    `seen_published` is the commit the reviewer saw published; `seen_draft` the draft as they saw it: its commit, or
    for the working tree the tree `working_tree_tree` gave then. `known`: the views the caller already holds of the
    published commit and of the draft as seen, so a server does not read again what it has on show (a folder of 5 MiB
    takes seconds to read); they are used only where they are exactly what would be read."""
    try:
        return _publish(place, ref, draft, reviewer_name(reviewer), seen_published, seen_draft, known)
    except ValueError as error:
        return Refused(str(error))
    except GitError as error:
        return Refused(f"git could not do it ({error})")


def _publish(
    place: Place, ref: str, draft: str, reviewer: str, seen_published: str, seen_draft: str, known: Known | None
) -> Published | Refused:
    git = place.git
    if not ref.startswith("refs/heads/"):
        return Refused(f"'{short_name(ref)}' is not a branch of this repository; only a branch can be moved forward")
    current = git.commit_of(ref)
    if current is None:
        return Refused(f"the published branch '{short_name(ref)}' does not exist")
    if current != seen_published:
        return Refused(_moved(place, seen_published, current), moved_to=current)
    parents = [current]
    if draft == WORKING_TREE:
        tree = working_tree_tree(place, current)
        if tree != seen_draft:
            return Refused("the working tree was saved again since you looked at it; look at the draft again")
        title = "the working tree"
    else:
        draft_commit = git.commit_of(draft)
        if draft_commit is None:
            return Refused(f"the draft '{short_name(draft)}' no longer exists")
        if draft_commit != seen_draft:
            return Refused(f"the draft '{short_name(draft)}' moved since you looked at it (now {draft_commit[:8]}); look again")
        if git.is_ancestor(draft_commit, current):
            return Refused(f"everything in '{short_name(draft)}' is published already")
        merged = _merged(place, current, draft_commit)
        if merged is None:
            return Refused(
                f"'{short_name(draft)}' and what was published since it began change the same lines; bring the draft up "
                f"to date first (git merge {short_name(ref)}, in the draft)"
            )
        tree = merged
        parents.append(draft_commit)
        title = f"'{short_name(draft)}'"
    if tree == git.tree_of(current):
        return Refused(f"{title} holds nothing that is not published already")
    as_seen = len(parents) == 1 or git.tree_of(parents[-1]) == tree  # no merge needed: what is published is the draft
    candidate = known.draft if known is not None and as_seen else read_views(place, tree, None)
    problems = [p for view in candidate.values() for p in errors_in(view.problems)]
    if problems:
        return Refused(f"{title} does not validate ({len(problems)} error(s)); fix them and look again", problems)
    published_views = known.published if known is not None else read_views(place, current, None, commit=current)
    summary = summary_line(changes(published_views, candidate))
    message = f"Publish {title}: {summary}\n\nReviewed-by: {reviewer}\n"
    who = {
        f"GIT_{role}_{part}": value
        for role in ("AUTHOR", "COMMITTER")
        for part, value in (("NAME", reviewer), ("EMAIL", reviewer if "@" in reviewer else ""))
    }
    arguments = ["commit-tree", tree, *(a for parent in parents for a in ("-p", parent))]
    new = git.run(*arguments, input=message.encode(), env=who).decode().strip()
    try:
        git.run("update-ref", "-m", f"publish: reviewed by {reviewer}", ref, new, current)
    except GitError:  # it moved between our look and the swap
        now = git.commit_of(ref) or current
        return Refused(_moved(place, current, now), moved_to=now)
    return Published(ref, new, current, reviewer, summary, _checkout_follows(place, ref, current, new, draft))


def _checkout_follows(place: Place, ref: str, old: str, new: str, draft: str) -> str | None:
    """When the published branch is the one checked out here, bring its index (and, for a merged branch, its files) to
    the new commit, as a `git commit` or `git pull --ff-only` would have; else the checkout would seem to undo the
    publication. Local edits are never overwritten: when they stand in the way, say so instead."""
    git = place.git
    try:
        if git.run("symbolic-ref", "--quiet", "HEAD").decode().strip() != ref:
            return None
    except GitError:
        return None  # a detached HEAD, or a bare repository: nothing is checked out to follow
    try:
        if draft == WORKING_TREE:  # the files are the new commit already: only the index still holds the old one
            git.run("reset", "--quiet", "--", place.folder or ".")
        else:
            git.run("read-tree", "-m", "-u", old, new)  # a fast-forward of the checkout that keeps local edits
    except GitError as error:
        LOG.warning("the checkout of %s did not follow the publication: %s", short_name(ref), error)
        return (
            f"The working tree here has edits of its own and still holds the version before: merge "
            f"{short_name(ref)} into it (git merge) before publishing the working tree."
        )
    return None


def _merged(place: Place, published: str, draft: str) -> str | None:
    """The tree of the draft merged onto the published version, without touching any file; None on a conflict."""
    if place.git.is_ancestor(published, draft):
        return place.git.tree_of(draft)  # the draft began from the published version: it is the merge
    try:
        return place.git.run("merge-tree", "--write-tree", "--no-messages", published, draft).decode().split("\n", 1)[0]
    except GitError:  # exit 1: the two change the same lines
        return None


def _moved(place: Place, seen: str, now: str) -> str:
    """'the published version moved since you looked: it is now 1a2b3c4d (Publish 'fix': …, by jo, 14:02)'."""
    said = place.git.run("show", "-s", "--format=%s, by %an, %cd", "--date=format:%d %b %H:%M", now).decode().strip()
    return (
        f"the published version moved since you looked (from {seen[:8]}): it is now {now[:8]} ({said}); "
        "its changes are shown, look again"
    )
