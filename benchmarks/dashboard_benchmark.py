"""Speed at the scale of a real crisis, measured side by side in one run, against the issue's targets. Prints figures only.

    .venv/bin/python benchmarks/dashboard_benchmark.py            # about 8 minutes on 2 cores
    .venv/bin/python benchmarks/dashboard_benchmark.py --quick    # fewer edits and visits, no 30-viewer run
    .venv/bin/python benchmarks/dashboard_benchmark.py --only seed M  # the anchor and some sizes (no targets table)

In one run and one headless Chromium (Debian's), on 127.0.0.1:
- the anchor: a one-`st.metric` Streamlit app, edited as Streamlit's own run-on-save sees it;
- the dashboard on the seed and on the generated crisis at S (1 month), M (6 months) and L (2 years)
  (benchmarks/generate.py), each on its own `streamlit run` server with the project's settings, all running at once.
For each: first visit -> all cards (a fresh browser context each time; the apps take turns, a visit each per round,
so a slow spell of the machine falls on all of them) and saved edit -> new value on screen (saves in place and by
rename, alternating; from just before the write until the card shows it); medians, p95 and the ratio to the anchor.
Then, per size: load+validate against `yaml.load` with the C loader and the peak memory of each (a fresh process
each); every derived table and card set; where an edit's time goes; and 30 viewers during edits at M
(benchmarks/many_viewers.py). Last, every row of the targets table with its target beside it.

The machine is shared: figures are noisy, so read medians and ratios measured in the same run.
"""

from __future__ import annotations

import argparse
import gc
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from generate import SIZES, crisis_yaml
from load_benchmark import derive_everything

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # for the browser harness in tests/browser

import many_viewers  # noqa: E402
from playwright.sync_api import Browser, Page, sync_playwright  # noqa: E402

from situation.load.entries import Entries  # noqa: E402
from situation.load.loader import load_situation, parse_situation  # noqa: E402
from situation.model.facts import Situation  # noqa: E402
from situation.views.cards import overview_cards  # noqa: E402
from situation.views.headline import headline  # noqa: E402
from situation.views.history import ages  # noqa: E402
from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, streamlit_server  # noqa: E402
from tests.browser.servers import PEOPLE_CARD, seed_text  # noqa: E402

DASHBOARD = ROOT / "dashboard.py"
ANCHOR_APP = 'import streamlit as st\n\nst.metric("People under siege", f"about {250000:,}")\n'
ANCHOR_ENV = {"STREAMLIT_SERVER_RUN_ON_SAVE": "true", "STREAMLIT_SERVER_FILE_WATCHER_TYPE": "watchdog"}
FIRST_VALUE = 250000
VIEWPORT = {"width": 1400, "height": 1000}
TIMEOUT_MS = 180_000
LOAD_RUNS = {"seed": 9, "S": 5, "M": 3, "L": 1}


@dataclass
class Seen:
    """What one app showed in the browser."""

    edits: list[float] = field(default_factory=list)
    visits: list[float] = field(default_factory=list)
    dom: dict[str, dict[str, int]] = field(default_factory=dict)
    """Per page: elements in the document, and inside SVG."""


def median(samples: list[float]) -> float:
    return statistics.median(samples) if samples else float("nan")


def p95(samples: list[float]) -> float:
    if len(samples) < 2:
        return samples[0] if samples else float("nan")
    return statistics.quantiles(samples, n=20, method="inclusive")[18]


def ms(value: float) -> str:
    return f"{value * 1000:,.0f} ms"


def seconds(action: Callable[[], object]) -> float:
    gc.collect()
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def save(path: Path, text: str, by_rename: bool) -> None:
    """A save as an editor makes it: in place, or a temporary file renamed over the old one."""
    if by_rename:
        temporary = path.with_name(f".{path.name}.tmp")
        temporary.write_text(text, encoding="utf-8")
        temporary.replace(path)
    else:
        path.write_text(text, encoding="utf-8")


# --- In the browser ----------------------------------------------------------------------------------------------

SHOWS = "([selector, text]) => (document.querySelector(selector)?.textContent ?? '').includes(text)"
NOT_RUNNING = "() => document.querySelector(\"[data-testid='stApp']\")?.getAttribute('data-test-script-state') === 'notRunning'"
CARD = ".card[data-card]"
"""A card of the Overview (`situation.ui.style.card_html`)."""
CARD_COUNT = f"() => document.querySelectorAll('{CARD}').length"
LAST_CARD = f"""() => {{
    const cards = [...document.querySelectorAll('{CARD}')];
    const last = cards[cards.length - 1];
    if (!last) return null;
    return {{selector: '.' + [...last.classList].find((c) => c.startsWith('card-')), text: last.innerText.split('\\n')[0]}};
}}"""
DOM_SIZE = "() => ({nodes: document.getElementsByTagName('*').length, svg: document.querySelectorAll('svg *').length})"


def wait_for(page: Page, selector: str, text: str) -> None:
    page.wait_for_function(SHOWS, arg=[selector, text], polling=10, timeout=TIMEOUT_MS)


def settled(page: Page) -> dict[str, str]:
    """The page drawn to its end: run over and the card count unchanged for 1.5 s; its last card."""
    page.wait_for_selector(f"{CARD}, [data-testid='stMetricValue']", timeout=TIMEOUT_MS)  # the run has begun to draw
    counts: list[int] = []
    deadline = time.monotonic() + TIMEOUT_MS / 1000
    while len(counts) < 3 or len(set(counts[-3:])) > 1 or not page.evaluate(NOT_RUNNING):
        if time.monotonic() > deadline:
            raise TimeoutError(f"the page did not settle; card counts {counts[-5:]}")
        page.wait_for_timeout(500)
        counts.append(page.evaluate(CARD_COUNT))
    return (
        page.evaluate(LAST_CARD)
        if counts[-1]
        else {"selector": "[data-testid='stMetricValue']", "text": f"about {FIRST_VALUE:,}"}
    )


def first_visits(browser: Browser, urls: dict[str, str], visits: dict[str, int]) -> dict[str, list[float]]:
    """Fresh contexts (new sessions), the apps taken in turn each round so they share the machine's drift: from goto
    until the last card (the anchor: its metric) shows its text."""
    last = {}
    for name, url in urls.items():  # a first load of each, not counted, to learn its last card
        context = browser.new_context(viewport=VIEWPORT)
        page = context.new_page()
        page.goto(url)
        last[name] = settled(page)
        context.close()
    times: dict[str, list[float]] = {name: [] for name in urls}
    for round_ in range(max(visits.values())):
        for name, url in urls.items():
            if round_ >= visits[name]:
                continue
            context = browser.new_context(viewport=VIEWPORT)
            page = context.new_page()
            start = time.perf_counter()
            page.goto(url)
            wait_for(page, last[name]["selector"], last[name]["text"])
            times[name].append(time.perf_counter() - start)
            context.close()
    return times


def edits_seen(page: Page, path: Path, text: str, selector: str, edits: int) -> list[float]:
    """`edits` saves, in place and by rename in turn, each a new value; seconds from the write until it is shown."""
    latencies = []
    for edit in range(edits):
        value = FIRST_VALUE + 1000 * (edit + 1)
        changed = (
            text.replace(f"{FIRST_VALUE}", f"{value}", 1)
            if "st.metric" in text
            else text.replace(f"value: {FIRST_VALUE}", f"value: {value}", 1)
        )
        start = time.perf_counter()
        save(path, changed, by_rename=edit % 2 == 1)
        wait_for(page, selector, f"about {value:,}")
        latencies.append(time.perf_counter() - start)
        page.wait_for_function(NOT_RUNNING, polling=50, timeout=TIMEOUT_MS)  # the run drawn to its end
        page.wait_for_timeout(500)  # and the server idle again before the next save
    save(path, text, by_rename=False)
    return latencies


def in_browser(browser: Browser, url: str, path: Path, edits: int, anchor: bool = False) -> Seen:
    """One open page: its size once drawn (each page), then `edits` saves it sees."""
    text = path.read_text(encoding="utf-8")
    selector = "[data-testid='stMetricValue']" if anchor else f".{PEOPLE_CARD}"
    context = browser.new_context(viewport=VIEWPORT)
    page = context.new_page()
    page.goto(url)
    wait_for(page, selector, f"about {FIRST_VALUE:,}")
    settled(page)
    dom = {"overview": page.evaluate(DOM_SIZE)}
    if not anchor:
        for name in ("charts", "map"):
            page.goto(f"{url}{name}")
            page.wait_for_selector(".js-plotly-plot", timeout=TIMEOUT_MS)
            page.wait_for_function(NOT_RUNNING, polling=100, timeout=TIMEOUT_MS)
            page.wait_for_timeout(1500)
            dom[name] = page.evaluate(DOM_SIZE)
        page.goto(url)
        wait_for(page, selector, f"about {FIRST_VALUE:,}")
        settled(page)
    seen = Seen(dom=dom, edits=edits_seen(page, path, text, selector, edits))
    context.close()
    print(f"  browser: {path.name} done", file=sys.stderr)
    return seen


# --- In this process ---------------------------------------------------------------------------------------------


def peak_rss_mib(code: str) -> float:
    """Peak resident memory of a fresh Python process running `code` (VmHWM: not inherited across fork and exec)."""
    report = "print(next(l for l in open('/proc/self/status') if l.startswith('VmHWM')).split()[1])"
    done = subprocess.run([sys.executable, "-c", f"{code}\n{report}"], capture_output=True, text=True, check=True, cwd=ROOT)
    return int(done.stdout.split()[-1]) / 1024


def first_screen(situation: Situation) -> None:
    """What the Overview derives before its first card shows after a save (tables wait until a page reads them)."""
    overview_cards(situation)
    headline(situation)
    ages(situation)


@dataclass
class Loaded:
    ours: float
    bare: float
    ours_mib: float
    bare_mib: float
    baseline_mib: float
    derive: float
    reload: float
    """A saved edit of one value read as the dashboard reads it: only the entries it changed read again."""
    overview: float


def loading(path: Path, runs: int) -> Loaded:
    text = path.read_text(encoding="utf-8")
    result = load_situation(path)
    assert result.situation is not None, result.problems[:3]
    ours, bare = [], []
    for _ in range(runs):  # alternating, so both see the same machine state
        ours.append(seconds(lambda: load_situation(path)))
        bare.append(seconds(lambda: yaml.load(text, Loader=yaml.CSafeLoader)))
    derive = [seconds(lambda: derive_everything(result.situation)) for _ in range(max(1, min(runs, 3)))]  # type: ignore[arg-type]
    overview = [seconds(lambda: first_screen(result.situation)) for _ in range(max(1, min(runs, 3)))]  # type: ignore[arg-type]
    entries = Entries()
    parse_situation(text.encode(), str(path), base_dir=path.parent, entries=entries)
    reload = []
    for run in range(max(3, runs)):
        edited = text.replace(f"value: {FIRST_VALUE}", f"value: {FIRST_VALUE + run + 1}", 1).encode()
        reload.append(seconds(lambda: parse_situation(edited, str(path), base_dir=path.parent, entries=entries)))  # noqa: B023
    baseline = peak_rss_mib("import situation.load.loader, yaml")
    ours_mib = peak_rss_mib(f"from situation.load.loader import load_situation; load_situation({str(path)!r})")
    bare_mib = peak_rss_mib(f"import situation.load.loader, yaml; yaml.load(open({str(path)!r}).read(), Loader=yaml.CSafeLoader)")
    print(f"  loaded: {path.name} done", file=sys.stderr)
    return Loaded(median(ours), median(bare), ours_mib, bare_mib, baseline, median(derive), median(reload), median(overview))


# --- The run -----------------------------------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer edits and visits; no 30-viewer run")
    parser.add_argument("--only", nargs="+", choices=["seed", *SIZES], default=["seed", *SIZES], help="the anchor and these only")
    args = parser.parse_args()
    edits = {"anchor": 20, "seed": 20, "S": 10, "M": 10, "L": 4}
    visits = {"anchor": 9, "seed": 9, "S": 5, "M": 9, "L": 3}
    if args.quick:
        edits = {name: max(2, count // 4) for name, count in edits.items()}
        visits = {name: 2 for name in visits}
    print(f"{os.cpu_count()} cores; load average before: {' '.join(f'{v:.2f}' for v in os.getloadavg())}", file=sys.stderr)

    folder = Path(tempfile.mkdtemp(prefix="dashboard-bench-"))
    files: dict[str, Path] = {}
    for name in ("anchor", *args.only):
        (folder / name).mkdir()
        files[name] = folder / name / ("anchor_app.py" if name == "anchor" else f"{name}.yaml")
    files["anchor"].write_text(ANCHOR_APP, encoding="utf-8")
    for name in args.only:
        files[name].write_text(seed_text() if name == "seed" else crisis_yaml(name), encoding="utf-8")
    sizes = {name: files[name].stat().st_size / 2**20 for name in args.only}
    print("files: " + ", ".join(f"{name} {mib:.1f} MiB" for name, mib in sizes.items()), file=sys.stderr)

    loaded = {name: loading(files[name], LOAD_RUNS[name]) for name in args.only}

    if not CHROMIUM.exists():
        sys.exit(f"{CHROMIUM} not found: the browser figures need Debian's chromium")
    logs = folder / "logs"
    logs.mkdir()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        with ExitStack() as servers:  # every app at once, so their first visits can take turns
            urls = {
                name: servers.enter_context(
                    streamlit_server(
                        DASHBOARD if name != "anchor" else files[name],
                        files[name].parent,
                        logs,
                        extra_env=ANCHOR_ENV if name == "anchor" else None,
                    )
                ).url
                for name in files
            }
            visited = first_visits(browser, urls, {name: visits[name] for name in urls})
            print("  browser: first visits done", file=sys.stderr)
            seen = {name: in_browser(browser, urls[name], files[name], edits[name], anchor=name == "anchor") for name in urls}
            for name, times in visited.items():
                seen[name].visits = times
        crowd: list[float] = []
        crowd_edits = 0
        if not args.quick and "M" in args.only:
            viewers_browser = playwright.chromium.launch(
                executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS + many_viewers.NO_THROTTLING
            )
            crowd_folder = folder / "crowd"
            crowd_folder.mkdir()
            *_, results = many_viewers.viewers_during_edits(
                viewers_browser, crowd_folder, files["M"].read_text(encoding="utf-8"), 30, 2, 10
            )
            crowd, crowd_edits = many_viewers.every_viewer_updated(results, 30, 2), len(results)
            viewers_browser.close()
        browser.close()

    report(sizes, loaded, seen, crowd, crowd_edits)


def report(
    sizes: dict[str, float],
    loaded: dict[str, Loaded],
    seen: dict[str, Seen],
    crowd: list[float],
    crowd_edits: int,
) -> None:
    edit = {name: median(figures.edits) for name, figures in seen.items()}
    visit = {name: median(figures.visits) for name, figures in seen.items()}
    print(f"Files: {', '.join(f'{name} {mib:.1f} MiB' for name, mib in sizes.items())} (S/M/L: 1 month, 6 months, 2 years)")
    print(f"\nIn headless chromium, one run; saves in place and by rename in turn (load average now {os.getloadavg()[0]:.1f}):")
    header = ("app", "edit->screen median", "p95", "x anchor", "first visit median", "p95", "x anchor")
    print("  {:<8} {:>20} {:>9} {:>9} {:>19} {:>9} {:>9}".format(*header))
    for name, figures in seen.items():
        print(
            f"  {name:<8} {ms(edit[name]):>20} {ms(p95(figures.edits)):>9} {edit[name] / edit['anchor']:>8.2f}x "
            f"{ms(visit[name]):>19} {ms(p95(figures.visits)):>9} {visit[name] / visit['anchor']:>8.2f}x"
        )
    print("\nWhat the browser holds once drawn (elements in the page / inside SVG):")
    for name, figures in seen.items():
        print(f"  {name:<8} " + "  ".join(f"{page} {size['nodes']:,}/{size['svg']:,}" for page, size in figures.dom.items()))

    baseline = next(iter(loaded.values())).baseline_mib
    print(
        "\nLoad+validate against yaml.load (C loader) of the same file; peak memory of a fresh process "
        f"(imports alone: {baseline:.0f} MiB); every derived table and card set:"
    )
    header = ("size", "load+validate", "yaml.load C", "ratio", "peak MiB", "yaml MiB", "ratio", "tables+cards")
    print("  {:<6} {:>14} {:>12} {:>6} {:>9} {:>9} {:>6} {:>13}".format(*header))
    for name, got in loaded.items():
        print(
            f"  {name:<6} {ms(got.ours):>14} {ms(got.bare):>12} {got.ours / got.bare:>6.2f} "
            f"{got.ours_mib:>9.0f} {got.bare_mib:>9.0f} {got.ours_mib / got.bare_mib:>6.2f} {ms(got.derive):>13}"
        )

    print("\nWhere an edit's time goes (medians): the watcher reads at once on the kernel's close-write or moved-to, reading")
    print("again only the entries the save changed; the Overview derives its cards and headline (tables wait for a page")
    print("that reads them); then every open page reruns, sends and draws:")
    for name in loaded:
        reload, overview = loaded[name].reload, loaded[name].overview
        print(
            f"  {name:<5} edit {ms(edit[name]):>9} = reload {ms(reload):>9} + cards and headline {ms(overview):>9} "
            f"+ the page's rerun, sending and drawing {ms(edit[name] - reload - overview):>9}"
        )

    if set(loaded) != {"seed", *SIZES}:
        return  # a run of some sizes (--only): no targets table
    large = loaded["L"]
    crowd_text = (
        f"{len(crowd)} of {crowd_edits} edits reached all; p95 {p95(crowd):.2f} s" if crowd_edits else "not run (--quick)"
    )
    rows = [
        (
            "edit -> screen, seed, median",
            f"{ms(edit['seed'])}, {edit['seed'] / edit['anchor']:.2f}x the anchor",
            "<= 250 ms and <= 1.5x the anchor",
            edit["seed"] <= 0.25 and edit["seed"] <= 1.5 * edit["anchor"],
        ),
        ("edit -> screen, M (6 months), median", ms(edit["M"]), "<= 600 ms", edit["M"] <= 0.6),
        (
            "first visit, seed / M, median",
            f"{visit['seed'] / visit['anchor']:.2f}x / {visit['M'] / visit['anchor']:.2f}x the anchor",
            "<= 1.0x / <= 1.3x the anchor",
            visit["seed"] <= visit["anchor"] and visit["M"] <= 1.3 * visit["anchor"],
        ),
        ("every derived table and card set, L", ms(large.derive), "< 1 s together", large.derive < 1.0),
        (
            "load + validate, L",
            f"{large.ours / large.bare:.2f}x yaml.load (C); peak {large.ours_mib / large.bare_mib:.2f}x its",
            "<= 0.5x yaml.load (C); peak memory <= 1x its",
            large.ours <= 0.5 * large.bare and large.ours_mib <= large.bare_mib,
        ),
        (
            "30 viewers during an edit at M, all updated, p95",
            crowd_text,
            "<= 2 s (benchmarks/many_viewers.py)",
            bool(crowd) and len(crowd) == crowd_edits and p95(crowd) <= 2.0,
        ),
    ]
    print("\nTargets (this machine, one run):")
    width, measured_width = max(len(row[0]) for row in rows), max(len(row[1]) for row in rows)
    for measure, value, target, met in rows:
        print(f"  {measure:<{width}}  {value:<{measured_width}}  target {target:<46} {'met' if met else 'MISSED'}")


if __name__ == "__main__":
    main()
