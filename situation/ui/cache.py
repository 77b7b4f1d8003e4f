"""Caching at the page edge: one `Derived` bundle per version of a file and day, shared by every viewer.

The bundle itself (`situation.views.derived`) builds each table once and keeps it; here Streamlit keeps the bundles,
keyed by the file, where its version was read from (a commit, or the working tree), when, and the as-of day
(`FileView.version_key`), so thirty open pages read one, and a draft never shares an entry with the published version.
"""

from __future__ import annotations

from datetime import date

import streamlit as st

from situation.model.facts import Situation
from situation.serve.live.watch import FileView
from situation.views.derived import Derived
from situation.views.history import as_of, earliest_date

Version = tuple[str, str, float | None]


@st.cache_resource(max_entries=32, show_spinner=False)
def _derive(version: Version, day: date | None, _situation: Situation) -> Derived:
    """Keyed by the version and the as-of day: one per version and day, whoever asks first."""
    return Derived(_situation if day is None else as_of(_situation, day), (*version, day))


def derive(view: FileView, day: date | None = None) -> Derived:
    """What the pages draw from the version of `view` on show (its last good model), as it stood on `day` if given."""
    assert view.situation is not None and view.loaded_at is not None
    return _derive(view.version_key, day, view.situation)


@st.cache_resource(max_entries=32, show_spinner=False)
def _earliest(version: Version, _situation: Situation) -> date:
    return earliest_date(_situation)


def earliest(view: FileView) -> date:
    """The first day the version on show speaks of (where the as-of control starts), worked out once per version."""
    assert view.situation is not None and view.loaded_at is not None
    return _earliest(view.version_key, view.situation)
