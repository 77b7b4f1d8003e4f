"""The publications: each version the published branch has held, when, by whom, and from which commit.

They are the commits of the branch's first-parent line that changed the situations folder: each is the version that
was published at that moment (a draft branch's own commits, merged in as a second parent, never were). A commit with
a `Reviewed-by:` trailer was published from the dashboard or `situation publish`; one without was committed or merged
straight onto the branch (a team that reviews in pull requests), and says who committed it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from situation.serve.review.commits import Place
from situation.serve.review.git import GitError

MAX_LISTED = 200
"""Publications listed (and openable) at most: the last 200 are months of daily updates."""
_FIELD, _TRAILERS = "\x1f", "\x1e"


@dataclass(frozen=True)
class Publication:
    commit: str
    parent: str | None
    """The version it replaced (None for the first)."""
    at: datetime
    committer: str
    reviewers: tuple[str, ...]
    subject: str

    @property
    def by(self) -> str:
        """'reviewed by jo', or 'committed by amina, no review recorded' (straight onto the branch, or a pull request)."""
        if self.reviewers:
            return "reviewed by " + " and ".join(self.reviewers)
        return f"committed by {self.committer}, no review recorded"


def publications(place: Place, ref: str, limit: int = MAX_LISTED) -> list[Publication]:
    """The latest publications on `ref`, newest first; none when git cannot say (no such branch yet)."""
    fields = _FIELD.join(("%H", "%P", "%ct", "%cn", f"%(trailers:key=Reviewed-by,valueonly,separator={_TRAILERS})", "%s"))
    try:
        out = place.git.run(
            "log", "--first-parent", f"-n{limit}", "-z", f"--format={fields}", ref, "--", place.file or place.folder or "."
        )
    except GitError:
        return []
    found = []
    for record in out.decode("utf-8", "replace").split("\0"):
        if not record.strip():
            continue
        commit, parents, when, committer, trailers, subject = record.split(_FIELD, 5)
        reviewers = tuple(r.strip() for r in trailers.split(_TRAILERS) if r.strip())
        first = parents.split()[0] if parents.split() else None
        found.append(Publication(commit, first, datetime.fromtimestamp(int(when)), committer, reviewers, subject))
    return found
