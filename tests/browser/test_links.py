"""Text from the file is never a link (issue 25, finding 7): Markdown turns a bare web address in a text field into one
(`http://…`, `www.…`), so whoever can commit could put a link to anywhere in the team's dashboard.

A copy of the seed, with addresses written into a source's name, an area's name, an indicator's name and a note, in a
git repository with two commits (so the Changes page has a change to show); every page is opened in Chromium, with the
area chosen so its name is in the page's heading too, and no link on any page may lead to the addresses.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path
from typing import TYPE_CHECKING

from tests.browser.pages import open_view
from tests.browser.servers import seed_text
from tests.browser.test_dashboard import DASHBOARD, VIEWPORT
from tests.paths import SEED

if TYPE_CHECKING:
    from tests.browser.conftest import OpenPage, StartStreamlit

ADDRESSES = (
    ("name: CNN\n", "name: CNN http://evil.example/cnn\n"),
    ("name: Eastern Aleppo\n", "name: Eastern Aleppo www.evil.example/area\n"),
    ("name: People under siege\n", "name: People under siege https://evil.example/people\n"),
    ("note: Battles in the city are ongoing, the SDF says.", "note: Battles go on, write to press@evil.example"),
)
SHOWN = ("http://evil.example/cnn", "www.evil.example/area", "https://evil.example/people")
PAGES = ("charts", "map", "sources", "changes")
LINKS = "() => [...document.querySelectorAll('a:not([href^=\"mailto:\"])')].map((a) => a.href + ' ' + a.innerText)"
"""Every link but an e-mail address's (a mailto: link opens the viewer's mail program, nothing else)."""
GIT = {
    "GIT_AUTHOR_NAME": "T",
    "GIT_AUTHOR_EMAIL": "t@example.org",
    "GIT_COMMITTER_NAME": "T",
    "GIT_COMMITTER_EMAIL": "t@example.org",
}


def committed(folder: Path, text: str, message: str) -> None:
    (folder / SEED.name).write_text(text, encoding="utf-8")
    env = {**os.environ, **GIT, "GIT_CONFIG_NOSYSTEM": "1"}
    for command in (["add", SEED.name], ["commit", "--quiet", "-m", message]):
        subprocess.run(["git", *command], cwd=folder, env=env, check=True, capture_output=True)


def test_addresses_in_the_file_are_shown_as_text_never_as_links(
    tmp_path: Path, start_streamlit: StartStreamlit, page_recorder: OpenPage
) -> None:
    folder = tmp_path / "situations"
    folder.mkdir()
    subprocess.run(["git", "init", "--quiet", str(folder)], check=True)
    text = seed_text()
    for old, new in ADDRESSES:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    committed(folder, text, "with addresses")
    committed(folder, text.replace("value: 250000", "value: 260000"), "a figure changed")
    server = start_streamlit(DASHBOARD, folder)
    page = page_recorder(viewport=VIEWPORT).page
    said = ""
    for name in PAGES:
        open_view(page, server.url, name, "area=east-aleppo")
        page.get_by_text("as of 8 August 2016 · Eastern Aleppo").first.wait_for(timeout=30_000)
        links = [link for link in page.evaluate(LINKS) if "evil" in link]
        assert links == [], (name, links)
        said += page.locator("[data-testid='stMain']").inner_text().replace("\u2060", "")
    assert all(address in said for address in SHOWN), said[:3000]  # shown as text, as written
