"""Many viewers at once: 30 sessions open on one dashboard server while the situation file is edited. Prints figures only.

    .venv/bin/python benchmarks/many_viewers.py                         # 30 viewers and 2 browser pages, 10 edits
    .venv/bin/python benchmarks/many_viewers.py --viewers 10 --browsers 1 --edits 5
    .venv/bin/python benchmarks/many_viewers.py --size M                # on the generated 6-month crisis

One `streamlit run dashboard.py` on 127.0.0.1 with the project's .streamlit/config.toml.

Who watches:
- `--viewers` light clients of Streamlit's websocket, in one asyncio thread. Each is a full Streamlit session on the
  server, driven as the browser drives it: it asks for the first run, keeps the query string and page the server sets,
  and answers every `auto_rerun` message with a fragment rerun at its interval (the page's own checks, if the app
  draws any), cancelling those timers when a full run starts, as the browser does. On an edit the server wakes them.
  They do not draw anything: 30 Chromium pages rendering React on this 2-core machine measured Chromium, not the
  server (see docs/serving.md).
- `--browsers` real pages in headless Debian chromium at the same time, for what a person sees.

Figures:
- Edit -> every viewer updated: the people-under-siege figure is saved in place with a new value; a light viewer notes
  the wall-clock time the value first arrives on its websocket, a browser page the time its card first shows it (a
  MutationObserver). An edit's time is its slowest viewer's; median and p95 over the edits, and how many viewers saw
  each. First with one browser page alone: the pipeline's own floor (the watcher's quiet time and poll, the page's
  check interval, one rerun).
- Server memory per viewer session: the server's RSS once warm, then with every viewer connected, divided.
- CPU: the server's CPU time over an idle stretch with every viewer connected and over the edits, in % of one core,
  and the whole machine's busy share of its cores (the viewers and chromium run on the same cores).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # for the browser harness in tests/browser

import websockets  # noqa: E402
from generate import crisis_yaml  # noqa: E402
from playwright.sync_api import Browser, Page, sync_playwright  # noqa: E402
from streamlit.proto.BackMsg_pb2 import BackMsg  # noqa: E402
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg  # noqa: E402

from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, streamlit_server  # noqa: E402
from tests.browser.servers import PEOPLE_CARD, seed_text, wait_for_people  # noqa: E402

DASHBOARD = ROOT / "dashboard.py"
SITUATION = "aleppo-2016-08.yaml"
VIEWPORT = {"width": 1280, "height": 900}
IDLE_S = 10.0
BETWEEN_EDITS_S = 1.5
EDIT_TIMEOUT_S = 30.0
CONNECT_TIMEOUT_S = 120.0
BASELINE_EDITS = 5
FIRST_VALUE = 250_000
NO_THROTTLING = [
    "--disable-background-timer-throttling",
    "--disable-renderer-backgrounding",
    "--disable-backgrounding-occluded-windows",
]
RECORD_CHANGES = """(cls) => {
    window.__seen = {};
    const record = () => {
        const found = (document.querySelector('.' + cls)?.innerText ?? '').match(/about ([0-9,]+)/);
        if (found && !(found[1] in window.__seen)) window.__seen[found[1]] = Date.now();
    };
    new MutationObserver(record).observe(document.body, { subtree: true, childList: true, characterData: true });
    record();
}"""


# --- Measuring the server ------------------------------------------------------------------------------------------


def rss_mib(pid: int) -> float:
    status = Path(f"/proc/{pid}/status").read_text()
    return int(next(line for line in status.splitlines() if line.startswith("VmRSS")).split()[1]) / 1024


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def machine_busy() -> tuple[int, int]:
    """(busy, total) jiffies of all cores since boot."""
    values = [int(v) for v in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    return sum(values) - values[3] - values[4], sum(values)


@dataclass
class Usage:
    server_percent: float = 0.0
    machine_percent: float = 0.0


@contextmanager
def measured(pid: int) -> Iterator[Usage]:
    """The server's CPU in % of one core, and the machine's busy share of all cores, over the block."""
    usage = Usage()
    cpu0, wall0, (busy0, total0) = cpu_seconds(pid), time.monotonic(), machine_busy()
    yield usage
    wall, (busy1, total1) = time.monotonic() - wall0, machine_busy()
    usage.server_percent = 100 * (cpu_seconds(pid) - cpu0) / wall
    usage.machine_percent = 100 * (busy1 - busy0) / max(total1 - total0, 1)


# --- Light viewers: Streamlit's websocket protocol, without drawing ------------------------------------------------


@dataclass
class LightViewer:
    """One Streamlit session, driven like a browser tab: first run, then fragment reruns whenever the server asks."""

    url: str
    seen: dict[str, float] = field(default_factory=dict)
    """'about 351,000' -> when it first arrived (time.time())."""
    page_hash: str = ""
    query: str = ""
    timers: dict[str, asyncio.Task[None]] = field(default_factory=dict)

    async def run(self, stop: asyncio.Event) -> None:
        address = self.url.replace("http://", "ws://") + "_stcore/stream"
        async with websockets.connect(address, subprotocols=["streamlit"], origin=self.url.rstrip("/"), max_size=None) as ws:
            await self._rerun(ws)
            while not stop.is_set():
                try:
                    data = await asyncio.wait_for(ws.recv(), timeout=0.5)
                except TimeoutError:
                    continue
                assert isinstance(data, bytes)
                self._note_values(data)
                self._handle(ws, ForwardMsg.FromString(data))
        for task in self.timers.values():
            task.cancel()

    def _note_values(self, data: bytes) -> None:
        start = 0
        while (found := data.find(b"about ", start)) >= 0:
            end = found + 6
            while end < len(data) and (data[end : end + 1].isdigit() or data[end : end + 1] == b","):
                end += 1
            value = data[found + 6 : end].decode().rstrip(",")
            if value and value not in self.seen:
                self.seen[value] = time.time()
            start = end

    def _handle(self, ws: websockets.ClientConnection, message: ForwardMsg) -> None:
        kind = message.WhichOneof("type")
        if kind == "new_session":
            self.page_hash = message.new_session.page_script_hash
            if not message.metadata.run.fragment_ids:  # a full run: the browser drops every auto-rerun timer
                for task in self.timers.values():
                    task.cancel()
                self.timers.clear()
        elif kind == "page_info_changed":
            self.query = message.page_info_changed.query_string
        elif kind == "auto_rerun":
            fragment = message.auto_rerun.fragment_id
            if fragment not in self.timers:
                self.timers[fragment] = asyncio.create_task(self._every(ws, fragment, message.auto_rerun.interval))
        elif kind == "stop_auto_rerun":
            for fragment in message.stop_auto_rerun.fragment_ids:
                with contextlib.suppress(KeyError):
                    self.timers.pop(fragment).cancel()

    async def _every(self, ws: websockets.ClientConnection, fragment: str, interval: float) -> None:
        while True:
            await asyncio.sleep(interval)
            await self._rerun(ws, fragment)

    async def _rerun(self, ws: websockets.ClientConnection, fragment: str = "") -> None:
        message = BackMsg()
        state = message.rerun_script
        state.query_string = self.query
        state.page_script_hash = self.page_hash
        if fragment:
            state.fragment_id = fragment
            state.is_auto_rerun = True
        with contextlib.suppress(websockets.ConnectionClosed):
            await ws.send(message.SerializeToString())


class LightViewers:
    """`count` light viewers in an asyncio loop on a thread of their own, until `close()`."""

    def __init__(self, url: str, count: int) -> None:
        self.viewers = [LightViewer(url) for _ in range(count)]
        self._loop = asyncio.new_event_loop()
        self._stop = asyncio.Event()
        self._thread = threading.Thread(target=self._loop.run_until_complete, args=(self._main(),), daemon=True)
        self._thread.start()

    async def _main(self) -> None:
        await asyncio.gather(*(viewer.run(self._stop) for viewer in self.viewers))

    def close(self) -> None:
        self._loop.call_soon_threadsafe(self._stop.set)
        self._thread.join(10)


# --- Browser pages -------------------------------------------------------------------------------------------------


def open_page(browser: Browser, url: str) -> Page:
    page = browser.new_context(viewport=VIEWPORT).new_page()
    page.goto(url)
    wait_for_people(page, "about 250,000", timeout_ms=60_000)
    page.evaluate(RECORD_CHANGES, PEOPLE_CARD)
    return page


def page_seen(page: Page, value: str) -> float | None:
    stamp = page.evaluate("(v) => window.__seen[v] ?? null", value)
    return None if stamp is None else stamp / 1000


# --- Edits ---------------------------------------------------------------------------------------------------------


@dataclass
class Edit:
    light_s: list[float]
    browser_s: list[float]


def edit_rounds(path: Path, light: Sequence[LightViewer], pages: Sequence[Page], edits: int, start: int, text: str) -> list[Edit]:
    """Save `edits` new values in place; for each, when every viewer had it (or EDIT_TIMEOUT_S passed)."""
    results = []
    for index in range(edits):
        value = start + (index + 1) * 1000
        wanted = f"{value:,}"
        saved_at = time.time()
        path.write_text(text.replace(f"value: {FIRST_VALUE}", f"value: {value}"), encoding="utf-8")
        deadline = time.monotonic() + EDIT_TIMEOUT_S
        page_times: list[float | None] = [None] * len(pages)
        while time.monotonic() < deadline:
            time.sleep(0.25)
            page_times = [t if t is not None else page_seen(page, wanted) for t, page in zip(page_times, pages, strict=True)]
            if None not in page_times and all(wanted in viewer.seen for viewer in light):
                break
        results.append(
            Edit(
                [viewer.seen[wanted] - saved_at for viewer in light if wanted in viewer.seen],
                [t - saved_at for t in page_times if t is not None],
            )
        )
        time.sleep(BETWEEN_EDITS_S)
    return results


def p95(samples: list[float]) -> float:
    return statistics.quantiles(samples, n=20, method="inclusive")[18] if len(samples) > 1 else samples[0]


def report(label: str, delays: list[list[float]], viewers: int) -> None:
    """One line per kind of viewer: how many edits reached all of them, and how long the slowest took."""
    if not viewers:
        return
    complete = [max(d) for d in delays if len(d) == viewers]
    every = [s for d in delays for s in d]
    line = f"{label}: every one saw {len(complete)} of {len(delays)} edits"
    if complete:
        line += f"; edit -> all updated: median {statistics.median(complete):.2f} s, p95 {p95(complete):.2f} s"
        line += f", max {max(complete):.2f} s"
    if every:
        line += f"; any one: median {statistics.median(every):.2f} s"
    print(line)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--viewers", type=int, default=30, help="light websocket viewers (default 30)")
    parser.add_argument("--browsers", type=int, default=2, help="real chromium pages at the same time (default 2)")
    parser.add_argument("--edits", type=int, default=10)
    parser.add_argument("--size", default="seed", choices=["seed", "S", "M", "L"], help="the seed, or a generated crisis")
    args = parser.parse_args(argv)
    print(f"{os.cpu_count()} cores; load average before: {' '.join(f'{v:.2f}' for v in os.getloadavg())}")
    text = seed_text() if args.size == "seed" else crisis_yaml(args.size)
    with tempfile.TemporaryDirectory() as temporary, sync_playwright() as playwright:
        folder = Path(temporary)
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS + NO_THROTTLING)
        floor, light_open_s, rss_warm, rss_all, idle, editing, results = viewers_during_edits(
            browser, folder, text, args.viewers, args.browsers, args.edits
        )
        browser.close()
    sessions = args.viewers + args.browsers
    print(
        f"{args.viewers} light viewers connected and shown the {args.size} in {light_open_s:.1f} s, "
        f"then {args.browsers} browser pages"
    )
    report("1 browser page alone (the pipeline's floor)", [e.browser_s for e in floor], 1)
    report(f"{args.viewers} light viewers", [e.light_s for e in results], args.viewers)
    report(f"{args.browsers} browser pages among them", [e.browser_s for e in results], args.browsers)
    print(
        f"server memory: {rss_warm:.0f} MiB warm, {rss_all:.0f} MiB with {sessions} sessions "
        f"({(rss_all - rss_warm) / sessions:.2f} MiB per viewer session)"
    )
    print(
        f"server CPU with {sessions} sessions idle ({IDLE_S:.0f} s): {idle.server_percent:.0f}% of one core; "
        f"during the edits: {editing.server_percent:.0f}% (machine busy: {idle.machine_percent:.0f}% idle, "
        f"{editing.machine_percent:.0f}% editing)"
    )
    print(f"load average after: {' '.join(f'{v:.2f}' for v in os.getloadavg())}")


def every_viewer_updated(edits: list[Edit], viewers: int, browsers: int) -> list[float]:
    """For each edit that reached every viewer and page: the seconds until its slowest one had it."""
    return [max(e.light_s + e.browser_s) for e in edits if len(e.light_s) == viewers and len(e.browser_s) == browsers]


def viewers_during_edits(
    browser: Browser, folder: Path, text: str, viewers: int, browsers: int, edits: int
) -> tuple[list[Edit], float, float, float, Usage, Usage, list[Edit]]:
    """One server on `text`: a page alone through a few edits, then every viewer connected through `edits` more."""
    situations = folder / "situations"
    situations.mkdir()
    path = situations / SITUATION
    path.write_text(text, encoding="utf-8")
    with streamlit_server(DASHBOARD, situations, folder) as server:
        pid = server.process.pid
        alone = open_page(browser, server.url)
        floor = edit_rounds(path, [], [alone], BASELINE_EDITS, FIRST_VALUE, text)
        alone.context.close()
        path.write_text(text, encoding="utf-8")
        time.sleep(3)
        rss_warm = rss_mib(pid)

        opened = time.monotonic()
        light = LightViewers(server.url, viewers)
        deadline = time.monotonic() + CONNECT_TIMEOUT_S
        while not all("250,000" in viewer.seen for viewer in light.viewers) and time.monotonic() < deadline:
            time.sleep(0.1)
        light_open_s = time.monotonic() - opened
        pages = [open_page(browser, server.url) for _ in range(browsers)]
        time.sleep(2)
        with measured(pid) as idle:
            time.sleep(IDLE_S)
        rss_all = rss_mib(pid)
        with measured(pid) as editing:
            results = edit_rounds(path, light.viewers, pages, edits, FIRST_VALUE + 100_000, text)
        light.close()
    return floor, light_open_s, rss_warm, rss_all, idle, editing, results


if __name__ == "__main__":
    main()
