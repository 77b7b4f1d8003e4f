"""The briefing as a PDF: the same HTML, printed to A4 by the Chromium that already draws its charts.

Why this way:
- No new dependency: kaleido (the charts) drives the machine's Chromium already, found by its own library
  (choreographer: BROWSER_PATH, else `chromium` on PATH). Chromium's `--print-to-pdf` lays the page out with the
  briefing's own `@page` rules, margin boxes included, so the PDF's header and footer are ours, not the browser's.
- Offline: the page asks for nothing (its CSP forbids it) and the browser is told not to reach the network in the
  background either. Its profile lives in a temporary folder, so a server account with no writable home works.
- A browser that hangs is stopped with every process it started, and the caller gets a `PdfError` it can say in one
  line; a missing browser is said as such.
"""

from __future__ import annotations

import os
import signal
import subprocess
import tempfile
from pathlib import Path

from choreographer.browsers.chromium import Chromium

TIMEOUT_S = 60
FLAGS = (
    "--headless",
    "--no-sandbox",  # as kaleido runs it: a container or a server account has no user namespaces for the sandbox
    "--disable-gpu",
    "--no-pdf-header-footer",  # Chromium's own date, title and URL: the page prints its own instead
    "--disable-background-networking",
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-extensions",
)


class PdfError(Exception):
    """No PDF could be made: no Chromium, or it failed or hung. The message is one plain sentence."""


def chromium_path() -> str | None:
    """The browser kaleido would use: BROWSER_PATH when set (None when it names no program), else Chromium on PATH."""
    named = os.environ.get("BROWSER_PATH")
    if named:
        return named if Path(named).is_file() and os.access(named, os.X_OK) else None
    return Chromium.find_browser(skip_local=False)


def no_chromium() -> str:
    """Why there is no PDF, in one sentence that says what to do."""
    named = os.environ.get("BROWSER_PATH")
    if named:
        return f"no Chromium to print the PDF: BROWSER_PATH names {named}, which is not a program to run"
    return "no Chromium to print the PDF: install Debian's chromium, or set BROWSER_PATH to a Chromium"


def html_to_pdf(html: str) -> bytes:
    """The page printed to PDF as its own `@page` rules say (A4, margins, running header and footer)."""
    browser = chromium_path()
    if browser is None:
        raise PdfError(no_chromium())
    with tempfile.TemporaryDirectory(prefix="situation-pdf-") as folder:
        page, pdf = Path(folder) / "briefing.html", Path(folder) / "briefing.pdf"
        page.write_text(html, encoding="utf-8")
        command = [browser, *FLAGS, f"--user-data-dir={Path(folder) / 'profile'}", f"--print-to-pdf={pdf}", page.as_uri()]
        # A session of its own, so a timeout stops the browser's helper processes too, not only the first one.
        try:
            process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
        except OSError as error:
            raise PdfError(f"cannot start Chromium at {browser}: {error.strerror or error}") from error
        with process:
            try:
                _, errors = process.communicate(timeout=TIMEOUT_S)
            except subprocess.TimeoutExpired as error:
                os.killpg(process.pid, signal.SIGKILL)
                process.communicate()
                raise PdfError(f"Chromium did not print the PDF within {TIMEOUT_S} s") from error
        if process.returncode != 0 or not pdf.is_file() or pdf.stat().st_size == 0:
            said = errors.decode("utf-8", errors="replace").strip().splitlines()
            raise PdfError(f"Chromium could not print the PDF (exit {process.returncode}){': ' + said[-1] if said else ''}")
        return pdf.read_bytes()
