"""The sidebar's downloads: the offline briefing and the tables, made only when someone clicks."""

from __future__ import annotations

from pathlib import PurePath

import streamlit as st

from situation.exports.formats import FORMATS
from situation.exports.tables_out import MIME_TYPES, Export, export, file_name
from situation.model.facts import Situation


@st.cache_resource(max_entries=16, show_spinner="Preparing the download…")
def _made(path: str, loaded_at: float, as_of: str, output: str, _situation: Situation) -> Export:
    """A briefing takes seconds to draw: each is made once per version of the file, date and format."""
    return export(_situation, output)


def download_buttons(situation: Situation, path: str, loaded_at: float) -> None:
    """One button per format, for the situation as shown (as of its chosen date); nothing is made until clicked."""
    with st.sidebar.expander("Download"):
        for output, label in FORMATS.items():
            name = file_name(situation, output)
            st.download_button(
                label,
                data=lambda output=output: _made(path, loaded_at, situation.as_of.isoformat(), output, situation).content,  # type: ignore[misc]  # mypy cannot type a lambda with a default
                file_name=name,
                mime=MIME_TYPES[PurePath(name).suffix],
                on_click="ignore",
                key=f"download-{output}",
            )
