"""The PDF briefing as a reader gets it: printed by the real Chromium through the real CLI, read back with poppler.

What a reader checks on paper: at most three A4 pages for the seed; the headline band on page 1; no page left
half empty but the last (and that one at least a third full); our header and footer on every page; no "nan",
"None" or "unknown unknown". Fullness is where the last line of a page's body ends, from the words' boxes
(`pdftotext -bbox`), between the header and footer margins.
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from situation.exports.briefing.pdf import PdfError, chromium_path, html_to_pdf
from situation.exports.formats import FORMATS
from situation.load.loader import load_situation
from situation.load.revisions import file_revision
from situation.views.derived import Derived
from situation.views.headline import headline
from tests.command import run
from tests.exports.briefing.test_page import NOT_A_VALUE
from tests.loaded import loaded_seed
from tests.paths import REVISION, SEED

MM = 72 / 25.4
TOP_MM, BOTTOM_MM = 13, 12
"""The page's @page margins (situation/exports/briefing/template.py), where the header and footer print."""

needs_chromium = pytest.mark.skipif(chromium_path() is None, reason="no Chromium (install Debian's chromium)")
needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="no pdftotext (apt-get install poppler-utils)")


@dataclass(frozen=True)
class Page:
    text: str
    """The body's words, in reading order."""
    margins: str
    """The words in the header and footer."""
    fullness: float
    """Where the body's last line ends, as a share of the body's height."""


def read_pdf(pdf: Path) -> list[Page]:
    """Each page's words with their boxes, as poppler reads them, split into body and margins."""
    done = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True, timeout=60)
    pages = []
    for match in re.finditer(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', done.stdout, re.DOTALL):
        height = float(match.group(2))
        top, bottom = TOP_MM * MM, height - BOTTOM_MM * MM
        words = [
            (float(y_min), float(y_max), html.unescape(word))
            for y_min, y_max, word in re.findall(
                r'<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">(.*?)</word>', match.group(3)
            )
        ]
        body = [w for w in words if w[1] > top and w[0] < bottom]
        margins = [w for w in words if w not in body]
        fullness = (max(w[1] for w in body) - top) / (bottom - top) if body else 0.0
        pages.append(Page(" ".join(w[2] for w in body), " ".join(w[2] for w in margins), fullness))
    return pages


@pytest.fixture(scope="module")
def seed_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed's PDF as the command line writes it."""
    if chromium_path() is None:
        pytest.skip("no Chromium (install Debian's chromium)")
    path = tmp_path_factory.mktemp("pdf") / "briefing.pdf"
    code, _, err = run("export", str(SEED), "--format", "pdf", "--output", str(path))
    assert code == 0, err
    assert path.read_bytes().startswith(b"%PDF") and re.fullmatch(r"wrote .*briefing\.pdf \(\d+\.\d KiB\)\n", err)
    return path


@needs_poppler
def test_the_seeds_briefing_is_three_pages_at_most_none_half_empty(seed_pdf: Path) -> None:
    pages = read_pdf(seed_pdf)
    assert 1 <= len(pages) <= 3
    for number, page in enumerate(pages[:-1], start=1):
        assert page.fullness > 0.5, f"page {number} is only {page.fullness:.0%} full"
    assert pages[-1].fullness >= 1 / 3, f"the last page is only {pages[-1].fullness:.0%} full"


@needs_poppler
def test_page_one_holds_the_headline_band_and_the_key_figures(seed_pdf: Path) -> None:
    first = re.sub(r"\s+", " ", read_pdf(seed_pdf)[0].text)
    assert first.startswith("Siege of eastern Aleppo Situation as of 8 August 2016")
    for line in headline(loaded_seed()):
        assert re.sub(r"\s+", " ", f"{line.label} {line.text}".strip()) in first, line
    assert "Key figures" in first and "about 250,000" in first and "Key to the grades" in first


@needs_poppler
def test_every_page_has_our_header_and_footer_and_no_gap_printed_as_a_value(seed_pdf: Path) -> None:
    pages = read_pdf(seed_pdf)
    revision = file_revision(SEED)
    made_from = f"Made from commit {revision}" if revision else "Made from the team's situation file"
    for number, page in enumerate(pages, start=1):
        for part in ("Siege of eastern Aleppo", "Situation as of 8 August 2016", made_from, f"Page {number} of {len(pages)}"):
            assert part in page.margins, (number, part)
        assert NOT_A_VALUE.findall(page.text) == [], number


@needs_chromium
@needs_poppler
def test_the_revisions_briefing_prints_its_new_facts(tmp_path: Path) -> None:
    situation = load_situation(REVISION).situation
    assert situation is not None
    path = tmp_path / "revision.pdf"
    made = FORMATS["pdf"].writer(Derived(situation), None, None)
    assert made.warning is None and isinstance(made.content, bytes)
    path.write_bytes(made.content)
    pages = read_pdf(path)
    text = re.sub(r"\s+", " ", " ".join(page.text for page in pages))
    for new in (
        "250,000–275,000",
        "Night passage out of eastern Aleppo",
        "People hurt, by area and month",
        "Statements",
        "Reports cited",
        "superseded",
    ):
        assert new in text, new
    assert NOT_A_VALUE.findall(text) == []
    assert all(f"Page {n} of {len(pages)}" in page.margins for n, page in enumerate(pages, start=1))


def test_without_chromium_the_cli_says_so_in_one_line_and_writes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BROWSER_PATH", str(tmp_path / "no-chromium"))
    output = tmp_path / "briefing.pdf"
    code, out, err = run("export", str(SEED), "--format", "pdf", "--output", str(output))
    assert code == 1 and out == "" and not output.exists()
    assert err == (
        f"{SEED}: not exported: no Chromium to print the PDF: BROWSER_PATH names {tmp_path / 'no-chromium'}, "
        "which is not a program to run\n"
    )


def test_a_browser_that_fails_is_a_pdf_error_not_a_traceback(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    failing = tmp_path / "chromium"
    failing.write_text("#!/bin/sh\necho 'cannot open display' >&2\nexit 3\n", encoding="utf-8")
    failing.chmod(0o755)
    monkeypatch.setenv("BROWSER_PATH", str(failing))
    with pytest.raises(PdfError, match=r"^Chromium could not print the PDF \(exit 3\): cannot open display$"):
        html_to_pdf("<p>hello</p>")
