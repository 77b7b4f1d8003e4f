"""The sidebar's downloads: a button per export format (`situation.exports.formats`), each made only when clicked."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from situation.exports.briefing.pdf import PdfError
from situation.exports.draft import Draft
from situation.exports.formats import FORMATS, Export
from situation.load.revisions import file_revision
from situation.serve.live.watch import FileView
from situation.views.derived import Derived


@st.cache_resource(max_entries=16, show_spinner="Preparing the download…")
def _made(
    version: tuple[str, str, float | None],
    as_of: str,
    output: str,
    draft_text: str | None,
    _derived: Derived,
    _draft: Draft | None,
) -> Export:
    """A briefing takes seconds to draw: each is made once per version of the file (a draft's, with what it changes
    from the published one), date and format, from the tables the pages built."""
    path, read_from, _ = version
    revision = read_from[:8] if read_from != "working tree" else file_revision(Path(path))
    return FORMATS[output].writer(_derived, None, revision, _draft)


def _content(view: FileView, output: str, derived: Derived, draft: Draft | None) -> str | bytes:
    """The file to download; a PDF that Chromium failed to print (a hang, a crash) is a one-line note, not a traceback.
    A failure is not cached (Streamlit caches only what returns), so the next click tries again."""
    text = draft.as_text() if draft else None
    try:
        return _made(view.version_key, derived.situation.as_of.isoformat(), output, text, derived, draft).content
    except PdfError as error:
        return f"No PDF could be made: {error}\n".encode()


def download_buttons(derived: Derived, view: FileView, draft: Draft | None = None) -> None:
    """One button per format, for the situation as shown (as of its chosen date, and marked as a draft when it is one);
    nothing is made until clicked, and a format this machine cannot make says why instead.

    The buttons are sent only while the box is open: closed, it is one element instead of seven, which every saved
    edit resends and every viewer's browser redraws, and a first visit need not fetch the buttons' code.
    """
    with st.sidebar.expander("Download", key="downloads", on_change="rerun") as box:
        if not box.open:
            return
        if draft is not None:
            st.caption("Every file made here is marked as a draft, with what it changes.")
        for output in FORMATS.values():
            if (why_not := output.unavailable()) is not None:
                st.caption(why_not)
                continue
            st.download_button(
                output.label,
                data=lambda name=output.name: _content(view, name, derived, draft),  # type: ignore[misc]  # mypy cannot type a lambda with a default
                file_name=output.file_name(derived.situation),
                mime=output.mime,
                on_click="ignore",
                key=f"download-{output.name}",
            )
