"""The sign-in gate: the first thing every run of the dashboard does, and the only Streamlit code about who is looking.

`main()` calls `gate()` before it reads a single situation. When sign-in is set up in `.streamlit/secrets.toml`
and nobody has signed in, the run stops here, so no page, download or export is ever made for them. Then
`shown_to()` drops the situations the viewer may not see before the picker, so no page can reach them.
Every decision is made in `situation.serve.access` (`settings`, `passwords`, `limiter` for the wait after wrong
ones, `sessions`, `allow_list`); this module only draws the form and keeps the session.

Two ways in, either or both:
- OpenID Connect with Streamlit's own `st.login` (an [auth] table): Streamlit keeps the identity in a signed cookie,
  so it survives a reload; we still end it `session_hours` after the provider issued it (`iat`).
- Named users with passwords ([signin.users]): the sign-in is kept by the server process (`SERVER.sign_ins`), and this
  session holds only its token (under a key no widget owns, so the browser cannot set it); it ends after
  `session_hours`, on sign-out, or when the tab is reloaded.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any, NoReturn

import streamlit as st

from situation.serve.access.allow_list import Viewer, visible_views
from situation.serve.access.limiter import client_address
from situation.serve.access.sessions import Outcome, attempt, expired, oidc_identity
from situation.serve.access.settings import AccessError, AccessSettings, settings_from
from situation.serve.live.watch import FileView
from situation.serve.state import SERVER
from situation.ui.text import literal

LOG = logging.getLogger(__name__)
SESSION_KEY = "_signed_in"
"""This session's sign-in token (`situation.serve.access.sessions.SignIns`): set only by this module; no widget has
this key, so no browser message can set it, and the sign-in it stands for is kept by the process, not the page."""
NOTICE_KEY = "_signin_notice"
PASSWORD, OIDC = "password", "oidc"


def gate() -> Viewer:
    """Who is looking; or, when sign-in is set up and nobody has signed in, the sign-in page and the end of the run."""
    settings = _settings()
    if not settings.signin_required:
        st.session_state.pop(SESSION_KEY, None)
        return Viewer(None, roles=settings.roles.of(None))  # a local run: the one person at the keyboard
    identity, via = _from_oidc(settings) or _from_password(settings) or (None, None)
    if identity is None:
        _signin_page(settings)
        st.stop()
    _sidebar(identity, via)
    return Viewer(identity, settings.allow, settings.roles.of(identity))


def shown_to(viewer: Viewer, views: dict[Path, FileView]) -> dict[Path, FileView]:
    """The files this viewer may see; a plain message and the end of the run when that is none of them."""
    visible = visible_views(views, viewer)
    if views and not visible:
        st.info(
            f"No situation is shared with {literal(viewer.identity)} yet. "
            "Ask whoever runs this dashboard to add you to its allow-list, then reload this page."
        )
        st.stop()
    return visible


def signed_in() -> bool:
    """True when this session holds a sign-in that can run out (sign-in is set up and someone signed in)."""
    return isinstance(st.session_state.get(SESSION_KEY), str)


def session_over() -> bool:
    """True once this session's sign-in has run out or ended: cheap enough for a page to ask every few seconds."""
    return signed_in() and SERVER.sign_ins.get(st.session_state[SESSION_KEY]) is None


def _settings() -> AccessSettings:
    try:
        return settings_from(_secrets())
    except AccessError as error:
        _refuse(f"sign-in settings: {error}")


def _secrets() -> Mapping[str, Any]:
    """The secrets as plain dicts. A secrets file that exists but does not parse is an error, never 'no sign-in'."""
    if st.secrets.load_if_toml_exists():
        return st.secrets.to_dict()
    unreadable = [name for name in st.get_option("secrets.files") if Path(name).is_file()]
    if unreadable:  # Streamlit treats a TOML mistake as no secrets at all; that would turn sign-in off
        raise AccessError(f"{unreadable[0]} exists but is not valid TOML")
    return {}


def _refuse(reason: str) -> NoReturn:
    """Fail closed: the viewer learns only that sign-in is broken; the server's log says why."""
    LOG.error("%s", reason)
    st.error("Sign-in is not set up correctly, so nothing can be shown. The server's log says why.")
    st.stop()


def _from_oidc(settings: AccessSettings) -> tuple[str, str] | None:
    if not settings.oidc_providers or not st.user.is_logged_in:
        return None
    claims = st.user.to_dict()
    issued = claims.get("iat")
    started = float(issued) if isinstance(issued, int | float) else None
    if expired(started, time.time(), settings.session_seconds):
        SERVER.sign_ins.end(st.session_state.pop(SESSION_KEY, None))
        st.logout()  # clears Streamlit's identity cookie and ends the session; the viewer signs in again
        st.stop()
    identity = oidc_identity(claims)
    if identity is None:
        _refuse("the identity provider returned neither an e-mail nor a subject")
    assert started is not None
    held = SERVER.sign_ins.get(st.session_state.get(SESSION_KEY))
    if held is None or (held.user, held.via) != (identity, OIDC):
        st.session_state[SESSION_KEY] = SERVER.sign_ins.start(identity, OIDC, started + settings.session_seconds)
    return identity, OIDC


def _from_password(settings: AccessSettings) -> tuple[str, str] | None:
    token = st.session_state.get(SESSION_KEY)
    if token is None:
        return None
    held = SERVER.sign_ins.get(token)
    if held is not None and held.via != PASSWORD:
        return None
    if held is None or held.user not in settings.users:
        SERVER.sign_ins.end(token)
        del st.session_state[SESSION_KEY]
        st.session_state[NOTICE_KEY] = "Your sign-in has ended. Sign in again to go on."
        return None
    return held.user, PASSWORD


def _signin_page(settings: AccessSettings) -> None:
    with st.columns([1, 2, 1])[1]:  # a form the width of a page, not of a wide screen
        st.title("Situation dashboard")
        st.write("Sign in to see the situations shared with you.")
        notice = st.session_state.pop(NOTICE_KEY, None)
        if notice:
            st.info(notice)
        for provider in settings.oidc_providers:
            label = "Sign in with your organisation's account" if provider == "default" else f"Sign in with {provider}"
            if st.button(label, key=f"login-{provider}", type="primary"):
                st.login(None if provider == "default" else provider)
        if settings.users:
            _password_form(settings)


def _password_form(settings: AccessSettings) -> None:
    with st.form("signin", clear_on_submit=True, enter_to_submit=True):
        name = st.text_input("User name", autocomplete="username")
        password = st.text_input("Password", type="password", autocomplete="current-password")
        submitted = st.form_submit_button("Sign in")
    if not submitted:
        return
    # One per process, out of every client's reach: a new tab or a cleared cache does not start the count again.
    limiter = SERVER.limiter(settings.limits)
    address = client_address(st.context.ip_address, st.context.headers.to_dict())
    result = attempt(settings, limiter, name, password, address, time.time())
    if result.outcome is Outcome.SIGNED_IN:
        LOG.info("signed in: %s from %s", result.user, address)
        assert result.user is not None
        st.session_state[SESSION_KEY] = SERVER.sign_ins.start(result.user, PASSWORD, time.time() + settings.session_seconds)
        st.rerun()
    LOG.warning("sign-in refused (%s): %r from %s", result.outcome.value, name[:64], address)
    st.error(result.message)


def _sidebar(identity: str, via: str | None) -> None:
    shown = identity.replace("`", "'")
    st.sidebar.caption(f"Signed in as `{shown}`")  # as code: Markdown would turn an e-mail into a mailto: link
    if st.sidebar.button("Sign out", key="sign-out"):
        SERVER.sign_ins.end(st.session_state.pop(SESSION_KEY, None))
        if via == OIDC:
            st.logout()
            st.stop()
        st.session_state[NOTICE_KEY] = "You have signed out."
        st.rerun()
