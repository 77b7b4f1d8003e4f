"""Which version of the situations this page shows: the published one, a past publication, or (for editors) a draft.

The choice is kept in the session (never in the URL: a link carries no draft), and every run asks
`Versions.open` for it, which gives a person without the editor role the published version whatever was asked. An
editor picks from the sidebar's "Version on show"; anyone may open a past publication from the History page, and a
banner then says it is not the latest, with the way back.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import streamlit as st

from situation.serve.access.allow_list import Viewer
from situation.serve.access.roles import Role
from situation.serve.live.watch import FileView
from situation.serve.review.versions import PUBLICATION, PUBLISHED, Shown, Versions

KEY = "version"
"""The session's choice: a `Shown.key` ('published', 'working tree', a branch's full name, 'commit:SHA')."""


@dataclass(frozen=True)
class Showing:
    """What a run shows: the versions of the situations folder, the one on show and its files, and who is looking."""

    versions: Versions
    shown: Shown
    viewer: Viewer
    views: dict[Path, FileView]

    @property
    def draft(self) -> bool:
        return self.shown.kind not in (PUBLISHED, PUBLICATION)


def chosen(versions: Versions, viewer: Viewer) -> Shown:
    """The version this session shows, as far as the viewer's roles allow (the published one otherwise)."""
    shown = versions.open(st.session_state.get(KEY), viewer.roles)
    st.session_state[KEY] = shown.key  # before the sidebar's selectbox is drawn, so it shows what is on show
    return shown


def open_version(key: str) -> None:
    """A button's callback: show the version named `key` from the next run on."""
    st.session_state[KEY] = key


def sidebar(showing: Showing) -> None:
    """An editor's "Version on show": the published version, the working tree, each branch (and the publication
    opened from History, while it is open)."""
    versions, shown = showing.versions, showing.shown
    if not versions.review or Role.EDITOR not in showing.viewer.roles:
        return
    labels = {PUBLISHED: versions.published().label, **dict(versions.drafts())}
    if shown.key not in labels:
        labels[shown.key] = shown.label
    st.sidebar.selectbox(
        "Version on show",
        list(labels),
        key=KEY,
        format_func=labels.__getitem__,
        help="Partners see only the published version. A draft shows what it would change.",
    )


def past_banner(showing: Showing) -> None:
    """On a past publication: which one it is, that it is not the latest, and the way back."""
    if showing.shown.kind != PUBLICATION:
        return
    with st.container(border=True):
        st.info(
            f"**{showing.shown.label}**: the situations exactly as they were published then, not the latest. Its pages "
            "and downloads (the briefing too) are made from that version.",
            icon=":material/history:",
        )
        st.button("Back to the latest published version", key="back-to-latest", on_click=open_version, args=(PUBLISHED,))
