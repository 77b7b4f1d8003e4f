"""The draft banner, on every page of a draft: "Draft — not published: N changes", what they are against the published
version, and for a reviewer the control that publishes it.

The words come from `situation.serve.review.story`; the decisions (may this person see it, may it be published, is it
still what was seen) from `situation.serve.review.versions`. Publishing runs in the button's callback with the state
the reviewer's page was drawn from, so what is published is what they saw, or nothing.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from pathlib import Path

import streamlit as st

from situation.exports.draft import Draft
from situation.load.problems import Problem
from situation.serve.access.roles import Role
from situation.serve.live.watch import FileView
from situation.serve.review.publish import Published, Refused
from situation.serve.review.refs import short_name
from situation.serve.review.story import Changed, changes, of_situation, summary_line
from situation.serve.review.versions import PUBLISHED, DraftState, Versions
from situation.ui import style
from situation.ui.switcher import Showing, open_version
from situation.ui.text import literal

OUTCOME_KEY = "_publish_outcome"
"""The last publication's outcome for this session, said once on the next run."""


@dataclass(frozen=True)
class Said:
    """What a publication's outcome says on the page."""

    ok: bool
    message: str
    problems: tuple[str, ...] = ()
    moved: str = ""
    """What the published version changed meanwhile, when it moved under the reviewer."""


Version = tuple[str, str, float | None]
Views = dict[Path, FileView]


@st.cache_resource(max_entries=16, show_spinner=False)
def _against_published(
    published: Version | None, draft: Version, _published: FileView | None, _draft: FileView
) -> Changed | None:
    """The draft's changes to one situation against its published version, once per pair of versions. Only editors'
    runs ask, and the key holds the draft's own version: no viewer's request can reach an entry."""
    older = {_published.path: _published} if _published is not None else {}
    found = changes(older, {_draft.path: _draft})
    return of_situation(found, _draft.situation.id) if _draft.situation is not None else None


def _published_view(showing: Showing, view: FileView) -> FileView | None:
    assert view.situation is not None
    _, published = showing.versions.published().snapshot()
    return next((v for v in published.values() if v.situation is not None and v.situation.id == view.situation.id), None)


def note(showing: Showing, view: FileView) -> Draft | None:
    """What every file made from this view says, when it is a draft: that it is not published, and what it changes."""
    if not showing.draft or view.situation is None:
        return None
    published = _published_view(showing, view)
    changed = _against_published(published.version_key if published else None, view.version_key, published, view)
    if published is None:
        return Draft("Draft — not published: a new situation", f"{view.situation.title} is not in the published version.")
    count = changed.count if changed else 0
    headline = f"Draft — not published: {count} change{'s' if count != 1 else ''}"
    return Draft(headline, changed.story if changed else "No fact differs from the published version.")


@st.cache_resource(max_entries=16, show_spinner=False)
def _summary(published: frozenset[Version], draft: frozenset[Version], _published: Views, _draft: Views) -> str:
    """What a publication of the whole draft would change, every situation of it (once per pair of versions)."""
    return summary_line(changes(_published, _draft))


def _everything(showing: Showing) -> str:
    _, published = showing.versions.published().snapshot()
    keys = frozenset(v.version_key for v in published.values()), frozenset(v.version_key for v in showing.views.values())
    return _summary(*keys, published, showing.views)


def banner(showing: Showing, view: FileView) -> None:
    """The draft's banner and its change story (a box that opens), and for a reviewer the publish control."""
    said = st.session_state.pop(OUTCOME_KEY, None)
    if isinstance(said, Said):
        _say(said)
    drafted = note(showing, view)
    if drafted is None:
        return
    with st.container(border=True, key="draft-banner"):
        st.warning(
            f"**{drafted.headline}.** {literal(showing.shown.label)}: partners do not see it until a reviewer publishes it.",
            icon=":material/edit_note:",
        )
        st.html(
            style.box(
                "What this draft changes from the published version", f'<pre class="changes">{html.escape(drafted.story)}</pre>'
            )
        )
        if Role.REVIEWER in showing.viewer.roles:
            _publish_control(showing, drafted)


def _publish_control(showing: Showing, drafted: Draft) -> None:
    versions = showing.versions
    state = versions.draft_state(showing.shown, showing.views)
    if state.why_not is not None:
        st.caption(f"Not ready to publish: {literal(state.why_not)}.")
        return
    target = short_name(versions.published_ref)
    with st.popover("Review and publish", icon=":material/publish:"):
        st.markdown(
            f"Publish **{literal(showing.shown.label)}** to `{target}`? It changes {literal(_everything(showing))}. "
            "Partners see it at once, and git records you as its reviewer."
        )
        reviewer = showing.viewer.identity
        if reviewer is None:  # a local run without sign-in: git still needs a name for the Reviewed-by trailer
            reviewer = st.text_input("Your name, for git's Reviewed-by", key="reviewer-name")
        st.button(
            "Publish",
            type="primary",
            key="publish",
            disabled=not reviewer,
            on_click=_publish,
            args=(versions, showing.shown.key, reviewer or "", state),
        )


def _publish(versions: Versions, draft: str, reviewer: str, state: DraftState) -> None:
    """The button's callback: publish the draft as the page showed it, and keep what happened for the next run."""
    outcome = versions.publish(draft, reviewer, state)
    if isinstance(outcome, Published):
        st.session_state[OUTCOME_KEY] = Said(True, outcome.message)
        open_version(PUBLISHED)  # what partners now see
        return
    assert isinstance(outcome, Refused)
    moved = ""
    if outcome.moved_to is not None:
        found = changes(versions.views_of(state.seen_published), versions.views_of(outcome.moved_to))
        moved = "\n\n".join(f"{c.title}: {c.summary}\n{c.story}" for c in found) or "No fact changed."
    st.session_state[OUTCOME_KEY] = Said(False, outcome.message, tuple(_line(p) for p in outcome.problems), moved)


def _line(problem: Problem) -> str:
    return problem.as_text()


def _say(said: Said) -> None:
    if said.ok:
        st.success(literal(said.message), icon=":material/check_circle:")
        return
    st.error(literal(said.message))
    if said.problems:
        st.code("\n".join(said.problems), language=None, wrap_lines=True)
    if said.moved:
        st.html(style.box("What was published meanwhile", f'<pre class="changes">{html.escape(said.moved)}</pre>'))
