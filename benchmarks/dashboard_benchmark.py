"""How fast the dashboard is for the people using it: script run, saved edit to screen, first visit. Prints figures only.

    .venv/bin/python benchmarks/dashboard_benchmark.py

1. The app script's run time in AppTest, the seed against a one-`st.metric` app, alternating in the same process
   (median of RUNS after a warm-up), and their ratio; then the same for a situation 100x the seed.
2. In headless chromium against `streamlit run` on 127.0.0.1, for the seed and for 100x the seed:
   - saved edit -> new value on screen: EDITS saves in place of the people-under-siege figure, alternating two
     values; each timed from just before the write until the card shows the new value (polled every 10 ms);
   - first visit -> all cards shown: from `page.goto` in a fresh browser context until the overview's last card
     shows its text (VISITS loads).
3. Where an edit's time goes: the watcher's quiet period and polls, the app's check interval, parsing, the run.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from generate import SEED, scaled_yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # for the browser harness in tests/browser

from playwright.sync_api import Browser, Page, sync_playwright  # noqa: E402
from streamlit.testing.v1 import AppTest  # noqa: E402

from situation.load.loader import parse_situation  # noqa: E402
from situation.serve.watch import Watcher  # noqa: E402
from situation.ui.app import ENVIRONMENT_VARIABLE  # noqa: E402
from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, streamlit_server  # noqa: E402

DASHBOARD = ROOT / "dashboard.py"
ARTICLE_LINE = "document: ../../shared/seed/000_8651377567f7f68b.txt"
ARTICLE = ROOT.parent / "shared" / "seed" / "000_8651377567f7f68b.txt"
ONE_METRIC_APP = 'import streamlit as st\n\nst.metric("People under siege", "about 250,000")\n'
RUNS = 15
RUNS_100X = 5
EDITS = 20
VISITS = 5
VIEWPORT = {"width": 1400, "height": 1000}
TIMEOUT_MS = 120_000


def seconds(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def p95(samples: list[float]) -> float:
    return statistics.quantiles(samples, n=20, method="inclusive")[18]


def ms(value: float) -> str:
    return f"{value * 1000:8.0f} ms"


# --- 1. The script run, in AppTest -----------------------------------------------------------------------------


def app_test(app: Path, situations: Path | None = None) -> Callable[[], None]:
    """One AppTest session; each call reruns the script (situations passed as the app reads them: $SITUATIONS_PATH)."""
    test = AppTest.from_file(str(app), default_timeout=120)

    def run() -> None:
        if situations is not None:
            os.environ[ENVIRONMENT_VARIABLE] = str(situations)
        test.run()
        assert not test.exception, test.exception

    return run


def script_runs(seed: Path, big: Path, folder: Path) -> dict[str, float]:
    metric_app = folder / "one_metric_app.py"
    metric_app.write_text(ONE_METRIC_APP, encoding="utf-8")
    dashboard, metric = app_test(DASHBOARD, seed), app_test(metric_app)
    dashboard(), metric()  # warm-up: imports, the watcher, caches
    ours, bare = [], []
    for _ in range(RUNS):  # alternating, so both see the same machine state
        ours.append(seconds(dashboard))
        bare.append(seconds(metric))
    big_dashboard = app_test(DASHBOARD, big)
    big_dashboard()
    big_runs = [seconds(big_dashboard) for _ in range(RUNS_100X)]
    return {"seed": statistics.median(ours), "metric": statistics.median(bare), "100x": statistics.median(big_runs)}


# --- 2. In the browser -----------------------------------------------------------------------------------------

# textContent, not innerText: innerText forces a layout of the whole page at every poll, which on a big page slows the
# very thing being measured.
CARD_TEXT = "([cls, text]) => (document.querySelector('.' + cls)?.textContent ?? '').includes(text)"
NOT_RUNNING = "() => document.querySelector(\"[data-testid='stApp']\")?.getAttribute('data-test-script-state') === 'notRunning'"
LAST_CARD = """() => {
    const cards = [...document.querySelectorAll("[class*='st-key-card-']")];
    const last = cards[cards.length - 1];
    if (!last) return null;
    return {cls: [...last.classList].find((c) => c.startsWith('st-key-card-')), text: last.innerText.split('\\n')[0]};
}"""


def wait_for_card(page: Page, cls: str, text: str) -> None:
    page.wait_for_function(CARD_TEXT, arg=[cls, text], polling=10, timeout=TIMEOUT_MS)


def edit_latencies(page: Page, path: Path, text: str, first_value: str, people_card: str) -> list[float]:
    """Save EDITS times in place, alternating two values; the seconds from each write until its value is shown."""
    values = ["261000", "262000"]
    latencies = []
    for edit in range(EDITS):
        value = values[edit % 2]
        changed = text.replace(first_value, f"value: {value}", 1)
        start = time.perf_counter()
        path.write_text(changed, encoding="utf-8")
        wait_for_card(page, people_card, f"about {int(value):,}")
        latencies.append(time.perf_counter() - start)
        page.wait_for_function(NOT_RUNNING, polling=50, timeout=TIMEOUT_MS)  # the run drawn to its end
        page.wait_for_timeout(400)  # and the watcher idle again before the next save
    return latencies


CARD_COUNT = "() => document.querySelectorAll(\"[class*='st-key-card-']\").length"


def settled_last_card(page: Page) -> dict[str, str]:
    """The overview's last card, once the page is drawn to the end: cards there, run over, count unchanged for 1.5 s."""
    counts: list[int] = []
    deadline = time.monotonic() + TIMEOUT_MS / 1000
    while len(counts) < 3 or len(set(counts[-3:])) > 1 or not counts[-1] or not page.evaluate(NOT_RUNNING):
        if time.monotonic() > deadline:
            raise TimeoutError(f"the overview did not settle; card counts {counts[-5:]}")
        page.wait_for_timeout(500)
        counts.append(page.evaluate(CARD_COUNT))
    return page.evaluate(LAST_CARD)


def first_visits(browser: Browser, url: str) -> list[float]:
    """Fresh contexts (new sessions); from goto until the overview's last card shows its text."""
    context = browser.new_context(viewport=VIEWPORT)
    page = context.new_page()
    page.goto(url)
    last = settled_last_card(page)
    context.close()
    times = []
    for _ in range(VISITS):
        context = browser.new_context(viewport=VIEWPORT)
        page = context.new_page()
        start = time.perf_counter()
        page.goto(url)
        wait_for_card(page, last["cls"], last["text"])
        times.append(time.perf_counter() - start)
        context.close()
    return times


IDLE_SECONDS = 5
IDLE_GAPS = """(seconds) => new Promise((done) => {
    const gaps = [];
    let last = performance.now();
    const timer = setInterval(() => { const now = performance.now(); gaps.push(now - last); last = now; }, 50);
    setTimeout(() => { clearInterval(timer); done(gaps); }, seconds * 1000);
})"""


def busy_share(page: Page) -> float:
    """The share of an idle page's time its main thread was too busy to run a 50 ms timer (gaps over 100 ms)."""
    gaps = page.evaluate(IDLE_GAPS, IDLE_SECONDS)
    return sum(gap for gap in gaps if gap > 100) / sum(gaps)


def in_browser(name: str, path: Path, people_card: str, browser: Browser, logs: Path) -> dict[str, list[float]]:
    text = path.read_text(encoding="utf-8")
    first_value = "value: 250000"
    with streamlit_server(DASHBOARD, path, logs) as server:
        visits = first_visits(browser, server.url)
        context = browser.new_context(viewport=VIEWPORT)
        page = context.new_page()
        page.goto(server.url)
        wait_for_card(page, people_card, "about 250,000")
        page.wait_for_timeout(3_000)
        busy = busy_share(page)
        edits = edit_latencies(page, path, text, first_value, people_card)
        context.close()
        path.write_text(text, encoding="utf-8")
    print(f"  {name}: done", file=sys.stderr)
    return {"edit": edits, "visit": visits, "busy": [busy]}


# --- 3. Where the time goes ------------------------------------------------------------------------------------


def parse_seconds(path: Path, runs: int) -> float:
    raw = path.read_bytes()
    return statistics.median(seconds(lambda: parse_situation(raw, str(path), base_dir=path.parent)) for _ in range(runs))


def main() -> None:
    folder = Path(tempfile.mkdtemp(prefix="dashboard-bench-"))
    seed = folder / "seed" / SEED.name
    seed.parent.mkdir()
    seed_text = SEED.read_text(encoding="utf-8")
    if ARTICLE.is_file():
        seed_text = seed_text.replace(ARTICLE_LINE, f"document: {ARTICLE}")
    seed.write_text(seed_text, encoding="utf-8")
    big = folder / "x100" / "aleppo-x100.yaml"
    big.parent.mkdir()
    big.write_text(scaled_yaml(100), encoding="utf-8")
    assert big.read_text(encoding="utf-8").count("value: 250000") == 100  # the first is copy 0's people-under-siege

    print(f"situations: seed {seed.stat().st_size / 1024:.0f} KiB, 100x {big.stat().st_size / 1024:.0f} KiB", file=sys.stderr)
    runs = script_runs(seed, big, folder)
    parse = {"seed": parse_seconds(seed, 15), "100x": parse_seconds(big, 3)}

    if not CHROMIUM.exists():
        sys.exit(f"{CHROMIUM} not found: the browser figures need Debian's chromium")
    logs = folder / "logs"
    logs.mkdir()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        seen = {
            "seed": in_browser("seed", seed, "st-key-card-indicator-people-under-siege", browser, logs),
            "100x": in_browser("100x", big, "st-key-card-indicator-people-under-siege-0", browser, logs),
        }
        browser.close()

    print("\nApp script run in AppTest (median after a warm-up):")
    print(f"  one st.metric app          {ms(runs['metric'])}   ({RUNS} runs, alternating with the seed)")
    print(f"  dashboard, seed            {ms(runs['seed'])}   ratio to one metric: {runs['seed'] / runs['metric']:.0f}x")
    print(f"  dashboard, 100x the seed   {ms(runs['100x'])}   ({RUNS_100X} runs)")

    print(f"\nIn headless chromium (streamlit run on 127.0.0.1; {EDITS} edits, {VISITS} first visits):")
    print(f"  {'situation':<10} {'edit->screen median':>20} {'p95':>11} {'first visit median':>20} {'p95':>11}")
    for name, figures in seen.items():
        edit, visit = figures["edit"], figures["visit"]
        print(
            f"  {name:<10} {ms(statistics.median(edit)):>20} {ms(p95(edit)):>11} "
            f"{ms(statistics.median(visit)):>20} {ms(p95(visit)):>11}"
        )

    print(f"\nAn open page doing nothing ({IDLE_SECONDS} s, after the overview is drawn): its main thread is busy")
    for name, figures in seen.items():
        print(
            f"  {name:<5} {figures['busy'][0]:5.0%} of the time (timer gaps over 100 ms; the server wakes the page on a change, "
            "so an idle page runs nothing)"
        )

    quiet, poll = Watcher.__init__.__kwdefaults__["quiet_seconds"], Watcher.__init__.__kwdefaults__["poll_seconds"]
    print("\nWhere an edit's time goes (expected, from the settings and the figures above):")
    for name in ("seed", "100x"):
        waits = quiet + poll / 2
        parsed, run = parse[name], runs[name]
        rest = statistics.median(seen[name]["edit"]) - waits - parsed - run
        print(
            f"  {name:<5} quiet period {quiet:.2f} s + watcher poll ~{poll / 2:.3f} s (every {poll} s) "
            f"+ parse {parsed:.3f} s "
            f"+ script run {run:.3f} s = {waits + parsed + run:.2f} s; the rest, {rest:+.2f} s, is sending and drawing"
        )


if __name__ == "__main__":
    main()
