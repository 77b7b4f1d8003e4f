"""What one version of the situations changes from another, situation by situation: the draft banner's count and story,
a publication's commit message, the History view and every file made from a draft all say it from here.

The words come from one function of the views, `situation.views.diff.update` ("the changes between two versions"),
called only here, so the day the change story is told another way it changes in one place.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from situation.model.facts import Situation
from situation.serve.live.watch import FileView
from situation.views.diff import Update, as_text, update


@dataclass(frozen=True)
class Changed:
    """One situation's changes from an older version to a newer one."""

    key: str
    title: str
    update: Update | None
    """The changes; None when the situation is new or gone (`kind` says which)."""
    kind: str = "changed"
    """'changed', 'new' (not in the older version) or 'gone' (not in the newer one)."""

    @property
    def count(self) -> int:
        """Facts changed, added or removed (a fact with two fields changed counts once)."""
        return len({(c.section, c.key) for c in self.update.changes}) if self.update else 0

    @property
    def summary(self) -> str:
        """'3 facts changed, 1 added', or what happened to the whole situation."""
        if self.kind == "new":
            return "a new situation, not in the other version"
        if self.kind == "gone":
            return "removed"
        assert self.update is not None
        return self.update.summary

    @property
    def story(self) -> str:
        """The changes for people, section by section, old → new, with who says so."""
        if self.update is None:
            return f"{self.title}: {self.summary}."
        return as_text(self.update.changes)


def by_situation(views: Mapping[Path, FileView]) -> dict[str, Situation]:
    """The situations of a version by id (files that never loaded have none)."""
    return {view.situation.id: view.situation for view in views.values() if view.situation is not None}


def changes(older: Mapping[Path, FileView], newer: Mapping[Path, FileView]) -> list[Changed]:
    """Every situation that differs between two versions, in the newer version's order, then the ones it removed."""
    before, after = by_situation(older), by_situation(newer)
    found: list[Changed] = []
    for key, situation in after.items():
        if key not in before:
            found.append(Changed(key, situation.title, None, "new"))
        elif before[key] is not situation:
            changed = Changed(key, situation.title, update(before[key], situation))
            if changed.count:
                found.append(changed)
    found += [Changed(key, situation.title, None, "gone") for key, situation in before.items() if key not in after]
    return found


def of_situation(found: list[Changed], key: str) -> Changed | None:
    return next((changed for changed in found if changed.key == key), None)


def summary_line(found: list[Changed]) -> str:
    """'aleppo-2016-08: 3 facts changed, 1 added; other-place: removed', or 'no fact changed'."""
    return "; ".join(f"{changed.key}: {changed.summary}" for changed in found) or "no fact changed"
