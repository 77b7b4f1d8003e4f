"""Size and drawing time of the offline briefing of the seed, beside what inlining plotly.js would have cost.

    python benchmarks/briefing_size.py            # the seed
    python benchmarks/briefing_size.py FILE.yaml  # another situation

Prints the briefing's size with and without its charts, each chart's SVG size, the time to draw the charts (one
Chromium session for all of them) and the size of plotly.js, which an interactive briefing would have to carry.
The target: at most 500 KB, to cross a poor connection.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import plotly.offline

from situation.exports.briefing.layout import charts as briefing_charts
from situation.exports.briefing.page import build_briefing
from situation.exports.briefing.svg import svg_charts
from situation.load.loader import load_situation
from situation.views.derived import Derived

TARGET_BYTES = 500 * 1000
SEED = Path(__file__).resolve().parents[1] / "seeds" / "aleppo-2016-08.yaml"


def kb(size: int) -> str:
    return f"{size / 1000:,.1f} KB"


def main(path: Path) -> None:
    situation = load_situation(path).situation
    if situation is None:
        sys.exit(f"{path} is not a valid situation")
    start = time.perf_counter()
    briefing = build_briefing(Derived(situation))
    with_charts = time.perf_counter() - start
    size = len(briefing.html.encode("utf-8"))
    without = len(build_briefing(Derived(situation), charts=False).html.encode("utf-8"))
    start = time.perf_counter()
    charts = svg_charts(list(briefing_charts(Derived(situation)).values()))
    drawing = time.perf_counter() - start
    print(f"situation: {path.name}")
    verdict = "within" if size <= TARGET_BYTES else "OVER"
    print(f"briefing with {briefing.charts} charts: {kb(size)} ({verdict} {kb(TARGET_BYTES)})")
    print(f"briefing without charts: {kb(without)}")
    for name, svg in zip(briefing_charts(Derived(situation)), charts, strict=True):
        print(f"  chart {name}: {kb(len(svg.encode('utf-8')))}")
    print(f"time to build the briefing: {with_charts:.1f} s; to draw the charts alone: {drawing:.1f} s")
    if briefing.chart_problem:
        print(f"charts could not be drawn: {briefing.chart_problem}")
    print(f"plotly.js, had it been inlined: {kb(len(plotly.offline.get_plotlyjs().encode('utf-8')))}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else SEED)
