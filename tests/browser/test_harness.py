"""Self-test of the browser harness on a tiny throwaway Streamlit app, so it proves the harness and not the dashboard."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the fixtures' types, for readers and type checkers only
    from tests.browser.conftest import OpenPage, StartStreamlit

APP = """\
import sys
from pathlib import Path

import streamlit as st

args = sys.argv[1:]
situations = Path(args[args.index("--situations") + 1])
st.title("harness ok")
st.write(f"situations file: {situations.name}")
"""


def test_harness_serves_an_app_locally(
    tmp_path: Path, start_streamlit: StartStreamlit, page_recorder: OpenPage, screenshot_dir: Path
) -> None:
    app = tmp_path / "harness_app.py"
    app.write_text(APP, encoding="utf-8")
    situations = tmp_path / "harness-situations"
    situations.mkdir()

    server = start_streamlit(app, situations)
    recorded = page_recorder(viewport={"width": 1000, "height": 600})
    recorded.page.goto(server.url)
    recorded.wait_for_text("harness ok")
    recorded.wait_for_text("situations file: harness-situations")
    recorded.page.screenshot(path=screenshot_dir / "harness.png", full_page=True)

    assert recorded.websockets, "the page never opened Streamlit's websocket"
    assert recorded.foreign_requests() == []
