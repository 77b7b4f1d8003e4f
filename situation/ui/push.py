"""Wake every open page when the situations change, instead of each page asking several times a second.

Streamlit has no public way for the server to start a run (streamlit/streamlit#2838), so this module reaches into its
runtime (as `cache_clearing` does for one message, and nothing else does): the session manager, each session's last
client state, and the event loop the sessions live on. It does what Streamlit's own "run on save" does for a changed
script: ask each session for a full rerun with the page and query string its last run had. Why it is worth it
(benchmarks/many_viewers.py): with 30 viewers polling five times a second, the checks alone took half a core, and on a
busy server a page could lose its polling timer and stop following edits; a push costs nothing while nothing changes
and reaches every connected session.

A session in the middle of a run is asked again a moment later rather than at once: its run may be the one a
click started, and a rerun with the last finished run's page would undo that click.
If this Streamlit lacks what is used here, `available()` is False and pages go back to polling five times a second.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import threading
from typing import Any

from streamlit import runtime
from streamlit.proto.ClientState_pb2 import ClientState
from streamlit.runtime.app_session import AppSessionState
from streamlit.runtime.scriptrunner import get_script_run_ctx

LOG = logging.getLogger(__name__)
RETRY_SECONDS = 0.05
MAX_RETRIES = 400
"""A session busy for 20 s on end (retried every 0.05 s) is left alone; its next run shows the change anyway."""
_lock = threading.Lock()
_following: dict[str, str] = {}
"""Session id -> the key of the version its page shows."""


def _internals() -> tuple[Any, asyncio.AbstractEventLoop] | None:
    """The session manager and the server's event loop, or None (no server running, or Streamlit changed)."""
    if not runtime.exists():
        return None
    try:
        instance = runtime.get_instance()
        return instance._session_mgr, instance._get_async_objs().eventloop
    except (AttributeError, RuntimeError):
        return None


def available() -> bool:
    """True when this process is a Streamlit server whose sessions `rerun_following` can reach."""
    return _internals() is not None


def follow(key: str) -> None:
    """Note that this session's page shows the version named `key` (`situation.serve.review.versions.Shown.key`): a
    new version of it wakes the page, a new version of another does not. So a viewer's page is not even rerun when an
    editor saves a draft."""
    context = get_script_run_ctx()
    if context is not None:
        with _lock:
            _following[context.session_id] = key


def rerun_following(key: str) -> None:
    """From any thread: a full rerun of every session whose page shows the version named `key` (see `follow`)."""
    found = _internals()
    if found is None:
        return
    manager, loop = found
    with _lock:
        sessions = {session for session, shown in _following.items() if shown == key}
    if sessions:
        with contextlib.suppress(RuntimeError):  # raised while the server shuts down: no page is left to wake
            loop.call_soon_threadsafe(_rerun, manager, loop, sessions, MAX_RETRIES)


def _rerun(manager: Any, loop: asyncio.AbstractEventLoop, only: set[str] | None, retries: int) -> None:
    """On the event loop: rerun each idle session of `only` (None: all); try the busy ones again shortly."""
    busy: set[str] = set()
    try:
        active = manager.list_active_sessions()
        with _lock:  # forget the pages that have closed
            for gone in _following.keys() - {info.session.id for info in active}:
                del _following[gone]
        for info in active:
            session = info.session
            if only is not None and session.id not in only:
                continue
            if session._state is AppSessionState.APP_IS_RUNNING:
                busy.add(session.id)
                continue
            state = ClientState()
            state.CopyFrom(session._client_state)
            state.fragment_id = ""  # a full run, even when the last run was a fragment's
            state.is_auto_rerun = False
            session.request_rerun(state)
    except AttributeError as error:  # Streamlit's internals moved under us: say so plainly in the server's log
        LOG.error("cannot wake open pages (%s): they show a change on their next run; see situation/ui/push.py", error)
        return
    if busy and retries > 0:
        loop.call_later(RETRY_SECONDS, _rerun, manager, loop, busy, retries - 1)
