"""A page that fails to draw shows the last good view of it, never Streamlit's error page, and the log says why.

Whatever `validate` accepts should draw (the property-based tests try hard), but a reason nobody foresaw must not
give every viewer "This app has encountered an error". A failed run is logged with its traceback, remembered for
this version of the file, and the page is drawn again from the last version that drew; if there is none, the page
says so plainly.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime

import streamlit as st

from situation.serve.live.watch import FileView
from situation.ui.text import literal

LOG = logging.getLogger(__name__)


@st.cache_resource(show_spinner=False)
def _last_drawn() -> dict[tuple[str, bool], FileView]:
    """Per file, the last version a page drew in full, shared by every viewer of this server: one for its published
    versions and one for its drafts, so a viewer's page never falls back on a draft."""
    return {}


def _version(view: FileView) -> tuple[str, str, float | None]:
    return view.version_key


def _slot(view: FileView, draft: bool) -> tuple[str, bool]:
    return str(view.path), draft


def drawable(view: FileView, draft: bool = False) -> FileView | None:
    """The view to draw: this one, or when it failed to draw before, the last one of its kind (a draft, or not) that
    drew (None: none did)."""
    failed: set[tuple[str, str, float | None]] = st.session_state.setdefault("failed_versions", set())
    if _version(view) not in failed:
        return view
    last = _last_drawn().get(_slot(view, draft))
    if last is not None and _version(last) not in failed:
        read = f"read at {datetime.fromtimestamp(last.loaded_at):%H:%M:%S}" if last.loaded_at else "the last that drew"
        st.warning(
            f"**The newest version of {literal(view.path.name)} could not be drawn** (the server's log says why); "
            f"the last version that could, {read}, stays on show."
        )
        return last
    st.error(f"**{literal(view.path.name)} could not be drawn** (the server's log says why). Fix or change the file to retry.")
    return None


def draw(view: FileView, render: Callable[[FileView], None], draft: bool = False) -> None:
    """`render(view)`; if it raises, log it and draw again from the last version that drew (in a fresh run)."""
    try:
        render(view)
    except Exception:  # st.rerun and st.stop are BaseExceptions, and pass through
        LOG.exception("drawing %s (read at %s) failed; showing the last version that drew", view.path, view.loaded_at)
        failed: set[tuple[str, str, float | None]] = st.session_state.setdefault("failed_versions", set())
        first_failure = _version(view) not in failed
        failed.add(_version(view))
        if first_failure:
            st.rerun()  # a fresh run: what the failed one drew is replaced, not appended to
        st.error(f"**{literal(view.path.name)} could not be drawn** (the server's log says why).")
        return
    _last_drawn()[_slot(view, draft)] = view
