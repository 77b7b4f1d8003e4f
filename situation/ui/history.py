"""The History page: every publication of the situations (when, by whom, which commit), its change story, and the way to
open it as it was published, pages and briefing alike.

Everyone may read it: a publication is what partners were shown. The list and each story come from
`situation.serve.review` (`Versions.publications`, `story.changes`); this page only lays them out.
"""

from __future__ import annotations

import html

import pandas as pd
import streamlit as st

from situation.serve.review.history import Publication
from situation.serve.review.story import Changed, changes, of_situation
from situation.serve.review.versions import COMMIT_PREFIX, PUBLISHED, Versions
from situation.ui import style
from situation.ui.pages import PageContext
from situation.ui.switcher import Showing, open_version
from situation.ui.text import literal


@st.cache_resource(max_entries=64, show_spinner="Reading the change story…")
def _story(commit: str, parent: str | None, situation: str, _versions: Versions) -> Changed | None:
    """What one publication changed in one situation, worked out once: two commits never change."""
    return of_situation(changes(_versions.views_of(parent), _versions.views_of(commit)), situation)


def _label(publication: Publication) -> str:
    return f"{publication.at:%-d %b %Y %H:%M} · {publication.by} · {publication.commit[:8]}"


def page(context: PageContext, showing: Showing) -> None:
    situation = context.derived.situation
    st.title(literal(situation.title))
    st.caption("History · every version published, newest first")
    published = showing.versions.publications()
    if not published:
        st.info("Nothing has been published yet: the published branch has no commit that holds these situations.")
        return
    table = pd.DataFrame(
        {
            "published": [f"{p.at:%-d %b %Y %H:%M}" for p in published],
            "by": [p.by for p in published],
            "commit": [p.commit[:8] for p in published],
            "what": [p.subject for p in published],
        }
    )
    st.dataframe(
        table,
        hide_index=True,
        column_config={
            "what": st.column_config.TextColumn("what", width="large"),
            "by": st.column_config.TextColumn("by", width="medium"),
        },
    )
    on_show = showing.shown.commit
    default = next((i for i, p in enumerate(published) if p.commit == on_show), 0)
    chosen = st.selectbox("Publication", published, index=default, key="history-pick", format_func=_label)
    changed = _story(chosen.commit, chosen.parent, situation.id, showing.versions)
    said = ""
    if chosen.parent is None:
        said = " The first publication."
    elif changed is None:
        said = f" It changed nothing in {situation.title} (another situation, or only the file's wording)."
    st.markdown(f"**{literal(_label(chosen))}** — {literal(chosen.subject)}.{literal(said)}")
    if changed is not None and changed.update is not None:
        story = f'<pre class="changes">{html.escape(changed.story)}</pre>'
        st.html(style.box(f"What it changed in {situation.title}: {changed.summary}", story, opened=True))
    if showing.shown.key == COMMIT_PREFIX + chosen.commit:
        st.button("Back to the latest published version", key="history-latest", on_click=open_version, args=(PUBLISHED,))
    else:
        st.button(
            "Open this version",
            key="history-open",
            icon=":material/history:",
            on_click=open_version,
            args=(COMMIT_PREFIX + chosen.commit,),
            help="Every page and download (the briefing too) then shows the situations exactly as they were published.",
        )
