"""The app: which situations to show, which version of them, which one and which area (kept in the URL), live reload,
and the pages.

`dashboard.py` calls `main()`. Each rerun reads one snapshot of the version on show (the published one, or for an
editor a draft: `situation/ui/switcher.py`), so a page never mixes two versions of a file. When that version changes,
the server wakes every page that shows it (situation/ui/push.py); where it cannot (an AppTest), a fragment in each page
polls its version instead.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime
from pathlib import Path

import streamlit as st

from situation.load.confine import document_roots
from situation.load.problems import errors_in
from situation.load.revisions import load_revision
from situation.serve.access.roles import Role
from situation.serve.live.watch import FileView
from situation.serve.review.versions import PUBLISHED_VARIABLE, Shown
from situation.serve.state import SERVER
from situation.ui import cache_clearing, draft, guard, history, pages, push, signin, style, switcher
from situation.ui.cache import derive, earliest
from situation.ui.downloads import download_buttons
from situation.ui.notice import change_notice
from situation.ui.text import literal

DEFAULT_SITUATIONS = Path(__file__).resolve().parents[2] / "seeds"
ENVIRONMENT_VARIABLE = "SITUATIONS_PATH"
LIVE_CHECK_SECONDS = 0.2
"""How often a page asks for changes where the server cannot wake it (an AppTest, or a Streamlit without push)."""
SIGNIN_CHECK_SECONDS = 10.0
"""How often a signed-in page checks whether its sign-in has run out."""
ALL_AREAS = "all"


def situations_target(argv: Sequence[str], environ: Mapping[str, str]) -> Path:
    """`-- --situations PATH`, else $SITUATIONS_PATH, else the seeds folder beside the code."""
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--situations")
    known, _ = parser.parse_known_args(list(argv))
    return Path(known.situations or environ.get(ENVIRONMENT_VARIABLE) or DEFAULT_SITUATIONS)


def documents_option(argv: Sequence[str], environ: Mapping[str, str]) -> tuple[Path, ...]:
    """`-- --documents DIR` (repeatable), else $SITUATION_DOCUMENTS: where sources' texts may lie besides the situations."""
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--documents", action="append", default=[])
    known, _ = parser.parse_known_args(list(argv))
    return document_roots(known.documents, environ)


def published_option(argv: Sequence[str], environ: Mapping[str, str]) -> str | None:
    """`-- --published REF`, else $SITUATIONS_PUBLISHED: the git reference viewers are shown (None: `main`, when review
    is in force, which sign-in or this option puts it in)."""
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--published")
    known, _ = parser.parse_known_args(list(argv))
    return known.published or environ.get(PUBLISHED_VARIABLE) or None


def _follow_changes(shown: Shown) -> None:
    """Rerun the whole page when its version has something newer than the page shows (where the server cannot wake it)."""
    if (shown.key, shown.snapshot()[0]) != st.session_state.get("seen_version"):
        st.rerun()


def _end_when_signed_out() -> None:
    """Rerun the page, to the sign-in, once this session's sign-in has run out, even if nobody touches the page."""
    if signin.session_over():
        st.rerun()


def main() -> None:
    # No page_icon: a Material icon as favicon is fetched from fonts.gstatic.com; the default favicon is served locally.
    st.set_page_config(page_title="Situation dashboard", layout="wide")
    cache_clearing.refuse()  # once per process: nothing here needs a client to clear the server's caches
    viewer = signin.gate()  # before any situation is read: with sign-in set up, the run ends here until someone signs in
    target = situations_target(sys.argv[1:], os.environ)
    documents = documents_option(sys.argv[1:], os.environ)
    published = published_option(sys.argv[1:], os.environ)
    # One watcher and one follower of the published reference per process and folder, kept where no client message can
    # reach them (situation/serve/state.py); each new version wakes the pages that show it. Review is in force on a
    # server with sign-in, or when a published reference is named.
    review = published is not None or viewer.identity is not None
    versions = SERVER.versions(target, documents, published, review, wake=push.rerun_following)
    shown = switcher.chosen(versions, viewer)
    push.follow(shown.key)
    version, views = shown.snapshot()
    visible = signin.shown_to(viewer, views)  # the allow-list, before the picker: no page sees the others
    _show(target, switcher.Showing(versions, shown, viewer, visible))
    # Only once the page is drawn: a run cut short by another request loses what it had not sent, so until a run
    # gets here the page does not count as showing this version, and its next check asks for a rerun.
    st.session_state["seen_version"] = (shown.key, version)
    # Last, after the page: a run_every fragment drawn before st.navigation's page left the page blank in the browser.
    # The server wakes every open page when a file changes (situation/ui/push.py). Pages check by themselves only
    # where it cannot: checking as well made some pages miss an edit when a check and a wake-up met (the
    # many-viewers benchmark saw it), and 30 pages checking 5 times a second took half a core.
    if not push.available():
        st.fragment(_follow_changes, run_every=LIVE_CHECK_SECONDS)(shown)
    if signin.signed_in():
        st.fragment(_end_when_signed_out, run_every=SIGNIN_CHECK_SECONDS)()


def _show(target: Path, showing: switcher.Showing) -> None:
    """Everything on screen for one snapshot of the files; returns early, saying why, when there is nothing to show."""
    views = showing.views
    switcher.past_banner(showing)
    if not views and (why := showing.versions.why_empty(showing.shown)) is not None:
        st.warning(f"Nothing to show: {literal(why)}. The server's log says more.")
        switcher.sidebar(showing)
        return
    if not target.exists() and not any(view.situation for view in views.values()):
        # Checked after the watcher: a file deleted while on show keeps its last good version.
        st.error(
            f"No situation file or folder at {literal(target)}. Start with `-- --situations PATH` or set {ENVIRONMENT_VARIABLE}."
        )
        return
    if not views:
        st.warning(f"No situation files (.yaml) in {literal(target)} yet; this page shows them as soon as one is saved.")
        return
    view = _choose_situation(views)
    _banner(view)
    if view.situation is None:
        switcher.sidebar(showing)
        return
    change_notice(view, showing.shown.key)
    draft.banner(showing, view)
    drawn = guard.drawable(view, showing.draft)
    if drawn is not None:
        guard.draw(drawn, lambda chosen: _draw(chosen, showing), showing.draft)


def _draw(view: FileView, showing: switcher.Showing) -> None:
    """The chosen page, then the sidebar's view choices (`_view_choices`) and downloads, for one version of one file.

    The page comes first: a browser draws elements in the order the server sends them, and fetches the code of each
    kind of element the first time one arrives. With the sidebar's date picker, selectboxes and download buttons sent
    first, a first visit fetched their ~450 KB of code before the cards' own, and every saved edit resent and redrew
    them before the cards' new values. The widgets' values are read from the session before the page, as the
    widgets would give them, so drawing the widgets after it changes nothing a viewer sees.
    """
    assert view.situation is not None
    style.apply()  # first: see its docstring
    first, last = earliest(view), view.situation.as_of
    day = _chosen_day(first, last)
    derived = derive(view, day)
    names = {ALL_AREAS: "All areas", **{a.id: a.name for a in derived.situation.areas}}
    area = _chosen_area(names)
    versions = showing.versions
    context = pages.PageContext(
        derived=derived,
        area=area,
        view=view,
        published_only=versions.review and (not showing.draft or Role.EDITOR not in showing.viewer.roles),
        read_revision=versions.load_revision if versions.review else load_revision,
    )
    listed = [
        _page(pages.overview, context, "Overview", "overview", default=True),
        _page(pages.charts, context, "Charts", "charts"),
        _page(pages.area_map, context, "Map", "map"),
        _page(pages.sources_and_claims, context, "Sources & claims", "sources"),
        _page(pages.changes, context, "Changes", "changes"),
    ]
    if versions.review:
        listed.append(_page(lambda c: history.page(c, showing), context, "History", "history"))
    navigation = st.navigation(listed)
    _remember_in_url(view, area, day)
    navigation.run()
    switcher.sidebar(showing)
    _view_choices(first, last, names, area)
    download_buttons(derived, view, draft.note(showing, view))


def _view_choices(first: date, last: date, names: dict[str, str], area: str | None) -> None:
    """The as-of date and the area, in a sidebar popover whose label says what is on show.

    A browser fetches the date picker's and the selectbox's code (about 25 files) only when the popover opens. Drawn
    in the sidebar, that code loaded during every first visit, and the cards, waiting for the code of `st.html`, were
    revealed only once the widgets' code had loaded too: React 18 holds back a part that has finished loading while
    another is still loading (for up to 0.5 s). In side-by-side runs a first visit to the seed took 1.11-1.18x the
    one-metric app's with the widgets in the sidebar, and 1.00-1.04x with them in the popover.
    A shared link still opens any area and day (`_from_url_once`), and the popover's label names them.
    """
    day = st.session_state["as_of"]
    label = f"{literal(names[area or ALL_AREAS])} · as of {day.day} {day:%b %Y}"
    with st.sidebar.popover(label, icon=":material/tune:", width="stretch"):
        st.date_input(
            "As of", min_value=first, max_value=last, key="as_of", help="See the situation as it stood on an earlier day."
        )
        st.selectbox("Area", list(names), key="area", format_func=names.__getitem__)


def _page(
    render: Callable[[pages.PageContext], None], context: pages.PageContext, title: str, path: str, default: bool = False
) -> st.Page:
    # No icons: under st.navigation a page's icon becomes the favicon, and Streamlit fetches that from a CDN.
    return st.Page(lambda: render(context), title=title, url_path=path, default=default)


def _from_url_once(key: str) -> None:
    """A shared link sets the view on a session's first run; later, the widgets (and session) own it."""
    if key not in st.session_state and key in st.query_params:
        st.session_state[key] = st.query_params[key]


def _choose_situation(views: dict[Path, FileView]) -> FileView:
    by_id = {v.key: v for v in views.values()}
    hidden = [v.path.name for v in views.values() if by_id[v.key] is not v]
    if hidden:  # e.g. last week's file copied to start this week's, its id left as it was
        st.warning(f"Not shown: {literal(', '.join(hidden))} (the same `id` as another file). Give each situation its own id.")
    _from_url_once("situation")
    if st.session_state.get("situation") not in by_id:
        st.session_state["situation"] = next(iter(by_id))
    if len(by_id) > 1:
        titles = {key: (v.situation.title if v.situation else v.path.name) for key, v in by_id.items()}
        st.sidebar.selectbox("Situation", list(by_id), key="situation", format_func=titles.__getitem__)
    return by_id[st.session_state["situation"]]


def _chosen_day(first: date, last: date) -> date | None:
    """The as-of date: None for the file's own date `last`, or an earlier day (from `first`) to see only what was known then."""
    if "as_of" not in st.session_state and "as_of" in st.query_params:
        with contextlib.suppress(ValueError):
            st.session_state["as_of"] = date.fromisoformat(st.query_params["as_of"])
    chosen = st.session_state.get("as_of")
    # A viewer on the file's latest day stays on the latest day when an edit moves it forward.
    was_latest = chosen == st.session_state.get("as_of_latest")
    if not isinstance(chosen, date) or not first <= chosen <= last or was_latest:
        st.session_state["as_of"] = last
    st.session_state["as_of_latest"] = last
    day = st.session_state["as_of"]
    return None if day == last else day


def _chosen_area(names: dict[str, str]) -> str | None:
    """The area chosen (None for all), among `names` (id -> name, 'all' first)."""
    _from_url_once("area")
    if st.session_state.get("area") not in names:
        st.session_state["area"] = ALL_AREAS
    chosen = st.session_state["area"]
    return None if chosen == ALL_AREAS else chosen


def _remember_in_url(view: FileView, area: str | None, day: date | None) -> None:
    """Write the view into the URL on every run: page changes clear query parameters."""
    wanted = {"situation": view.key}
    if area:
        wanted["area"] = area
    if day:
        wanted["as_of"] = day.isoformat()
    if dict(st.query_params) != wanted:
        st.query_params.from_dict(wanted)


def _banner(view: FileView) -> None:
    """Say plainly what is wrong with the file as it is now, above the last good version; and when its newest save is
    slow to read, that the version on show is the one before it."""
    if view.reading_since is not None:
        st.info(
            f"Reading the newest save of {literal(view.path.name)} (since "
            f"{datetime.fromtimestamp(view.reading_since):%H:%M:%S}); the version read before it stays on show meanwhile."
        )
    errors = errors_in(view.problems)
    if not errors:
        return
    shown = (
        f"the last good version, read at {datetime.fromtimestamp(view.loaded_at):%H:%M:%S}, stays on show"
        if view.loaded_at
        else "nothing can be shown until it is fixed"
    )
    with st.container(border=True):
        st.error(
            f"**{literal(view.path.name)} has {len(errors)} problem(s); {shown}.** Fix the file and this page updates by itself."
        )
        st.code("\n".join(p.as_text() for p in errors), language=None, wrap_lines=True)
