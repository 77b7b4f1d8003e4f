"""Saying that the page took a new version of its file, and what changed, so a surprising save is seen.

A save cut short can still validate (most cards gone, a latitude of 36.20 become 3). Shown silently it would be
believed; said with its changes it is noticed. The wording and the rule for a large removal are in
`situation.views.diff` (`Update`); this only lays them out.
"""

from __future__ import annotations

import html
from datetime import datetime

import streamlit as st

from situation.model.facts import Situation
from situation.serve.live.watch import FileView
from situation.ui import style
from situation.ui.text import literal
from situation.views.diff import LARGE_REMOVAL, Update, as_text, update

MAX_LISTED = 12
"""Vanished facts named in the warning itself; the rest are counted (all are in the list under it)."""


Version = tuple[str, str, float | None]


@st.cache_resource(max_entries=16, show_spinner=False)
def _update(old: Version, new: Version, _old: Situation, _new: Situation) -> Update:
    """Worked out once per pair of versions, whichever of the open pages takes the new version first."""
    return update(_old, _new)


def change_notice(view: FileView, line: str = "published") -> None:
    """Once per new version of the file on this page: what changed since the version this page showed before of the
    same `line` (the published version, the working tree, a draft branch: switching between them is no update)."""
    assert view.situation is not None
    shown: dict[str, tuple[FileView, Update | None]] = st.session_state.setdefault("versions_shown", {})
    key = f"{view.path} {line}"
    previous = shown.get(key)
    if previous is None:
        shown[key] = (view, None)
        return
    before, notice = previous
    if before.situation is not view.situation:
        assert before.situation is not None
        notice = _update(before.version_key, view.version_key, before.situation, view.situation)
        shown[key] = (view, notice)
    if notice is not None:
        _show(view, notice)


def _show(view: FileView, notice: Update) -> None:
    when = f"{datetime.fromtimestamp(view.loaded_at):%H:%M:%S}" if view.loaded_at else "just now"
    said = f"{literal(view.path.name)} was updated at {when}: {notice.summary}."
    if notice.large_removal:
        named = ", ".join(notice.removed[:MAX_LISTED]) + (
            f" and {len(notice.removed) - MAX_LISTED} more" if len(notice.removed) > MAX_LISTED else ""
        )
        st.warning(
            f"**{said}** This save removed {len(notice.removed)} of {notice.facts_before} facts (more than "
            f"{LARGE_REMOVAL:.0%}): {literal(named)}. If that was not meant, the save may be cut short or mistaken; "
            "check the file.",
            icon=None,
        )
    else:
        st.info(said)
    if notice.changes:  # a box that opens in the browser (style.box): no rerun, and no code block's code to fetch
        st.html(style.box("What changed", f'<pre class="changes">{html.escape(as_text(notice.changes))}</pre>'))
