"""Streamlit's client-sent "clear caches" refused, for every session: nothing in this dashboard needs it.

Any websocket client can send Streamlit's `clear_cache` message (the developer menu's "Clear caches", the `c` key),
signed in or not, and Streamlit then empties every `st.cache_data` and `st.cache_resource` of the process, for all
viewers. What a server's safety rests on no longer lives there (`situation/serve/state.py`), but a clear would still
throw away every viewer's derived tables and briefings, so one script could keep a server rebuilding them. And no
user needs it: every cache here is keyed by the version of the file it was made from, so a new version is never
served from an old entry, and viewers have no menu that offers it (`client.toolbarMode = "viewer"`). So the message
is refused for everyone, signed in or not, and the server's log says so once per session.

Streamlit has no setting for this; like `push`, this reaches into its runtime (the session's handler of that message),
and if that handler has moved, `refuse()` says so in the log and changes nothing.
"""

from __future__ import annotations

import logging
import threading
import weakref
from typing import Any

from streamlit.runtime.app_session import AppSession

LOG = logging.getLogger(__name__)
_HANDLER = "_handle_clear_cache_request"
_lock = threading.Lock()
_refused_for: weakref.WeakSet[Any] = weakref.WeakSet()
"""Sessions already named in the log: a script sending the message in a loop writes one line, not thousands."""


def _refuse(session: Any) -> None:
    """Streamlit's handler of `clear_cache`, replaced: clears nothing, and logs the first refusal of a session."""
    with _lock:
        first = session not in _refused_for
        _refused_for.add(session)
    if first:
        LOG.warning("a client asked to clear the server's caches (session %s); refused: nothing here needs it", session.id)


def refuse() -> None:
    """Refuse every client's `clear_cache` from now on, in this process (idempotent: each run of a page may call it)."""
    if getattr(AppSession, _HANDLER, None) is _refuse:
        return
    if not hasattr(AppSession, _HANDLER):
        LOG.error("cannot refuse clients' cache clearing: Streamlit's %s has moved; see situation/ui/cache_clearing.py", _HANDLER)
        return
    setattr(AppSession, _HANDLER, _refuse)
