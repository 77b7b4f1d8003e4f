"""Load+validate time of the seed and of the generated crisis at S, M and L, beside a bare PyYAML load.

    python benchmarks/load_benchmark.py             # all sizes (a few minutes, mostly the bare loads)
    python benchmarks/load_benchmark.py seed S M    # chosen sizes
    python benchmarks/load_benchmark.py --tables S M L   # instead: each derived table and card set, and all of them

For each size, in the same run and alternating, `load_situation` (read, validate, check references) and
`yaml.load(text, CSafeLoader)` of the same file: medians of several runs and their ratio. Then, for the
largest size, where our time goes, and the peak memory of each, measured in a fresh process.

With `--tables`, per size: the median time of each table and card set the dashboard derives from a loaded version
(situation/views/derived.py), each after a collection, then of all of them one after another, as the dashboard runs them
(the collector's own work included: a full collection scans the whole model). Each run derives from a copy of the
model, as the dashboard does from each new version: nothing the views kept of an earlier run helps it.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml
from generate import SIZES, crisis_yaml

from situation.load.loader import load_situation
from situation.load.reader import read_yaml
from situation.load.references import check_references
from situation.model.facts import Situation
from situation.views import tables
from situation.views.attribution import quotes
from situation.views.cards import overview_cards
from situation.views.derived import Derived
from situation.views.history import ages

SEED = Path(__file__).resolve().parent.parent / "seeds" / "aleppo-2016-08.yaml"
RUNS = {"seed": 15, "S": 5, "M": 3, "L": 1}
DERIVED = {
    "indicator_table": tables.indicator_table,
    "shortage_table": tables.shortage_table,
    "access_table": tables.access_table,
    "event_table": tables.event_table,
    "claim_positions": tables.claim_positions,
    "area_table": tables.area_table,
    "source_table": tables.source_table,
    "overview_cards": overview_cards,
    "ages": ages,
    "quotes": quotes,
}
"""What the dashboard derives once per version (situation/views/derived.py): every table, the cards, ages, quotes."""
TABLE_RUNS = 5


def derive_everything(situation: Situation) -> None:
    """Every table and card set, as the dashboard derives them (one `Derived` per version; each built on first use).

    From a copy of the model, as after an edit: what the views keep of the last version they derived (the tables'
    shared `Repeats`, say) is of no use to a new one, so a run on the same model again would flatter them."""
    derived = Derived(situation.model_copy())
    for name in (
        "indicators",
        "shortages",
        "access",
        "events",
        "statements",
        "sources",
        "claims",
        "areas",
        "reports",
        "ages",
        "cards",
        "quotes",
    ):
        getattr(derived, name)


def seconds(action) -> float:
    gc.collect()
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def median_seconds(action, runs: int) -> float:
    return statistics.median(seconds(action) for _ in range(runs))


def peak_rss_mib(code: str) -> float:
    """Peak resident memory of a fresh Python process running `code`.

    Read from VmHWM: `ru_maxrss` would report this benchmark's own peak, inherited across fork and exec.
    """
    report = "print(next(l for l in open('/proc/self/status') if l.startswith('VmHWM')).split()[1])"
    done = subprocess.run([sys.executable, "-c", f"{code}\n{report}"], capture_output=True, text=True, check=True)
    return int(done.stdout.split()[-1]) / 1024


def main(sizes: list[str]) -> None:
    files = crisis_files(sizes)

    print(f"{'size':>6} {'file':>9} {'load_situation':>15} {'yaml.load C':>12} {'ratio':>6}")
    for size in sizes:
        path = files[size]
        text = path.read_text(encoding="utf-8")
        result = load_situation(path)
        assert result.ok, result.problems[:3]
        runs = RUNS.get(size, 3)
        ours, bare = [], []
        for _ in range(runs):  # alternate, so both see the same machine state
            ours.append(seconds(lambda p=path: load_situation(p)))
            bare.append(seconds(lambda t=text: yaml.load(t, Loader=yaml.CSafeLoader)))
        ours_median, bare_median = statistics.median(ours), statistics.median(bare)
        print(
            f"{size:>6} {path.stat().st_size / 1024:>7.0f}Ki {ours_median * 1000:>13.1f}ms {bare_median * 1000:>10.1f}ms "
            f"{ours_median / bare_median:>6.2f}"
        )

    largest = files[sizes[-1]]
    text = largest.read_text(encoding="utf-8")
    data = read_yaml(text, str(largest), keep_marks=False).data
    phases = {
        "read YAML (libyaml events -> data)": lambda: read_yaml(text, str(largest), keep_marks=False),
        "validate (pydantic)": lambda: Situation.model_validate(data),
        "check references": lambda: check_references(data),
        "read again keeping positions (only when a file has errors)": lambda: read_yaml(text, str(largest), keep_marks=True),
    }
    print(f"\nwhere the time goes at {sizes[-1]} (median of 3):")
    for name, action in phases.items():
        print(f"  {name:<60} {median_seconds(action, 3) * 1000:>8.1f} ms")

    imports = "import situation.load.loader, yaml"
    baseline = peak_rss_mib(imports)
    ours_rss = peak_rss_mib(f"from situation.load.loader import load_situation; load_situation({str(largest)!r})")
    bare_rss = peak_rss_mib(
        f"import situation.load.loader, yaml; yaml.load(open({str(largest)!r}).read(), Loader=yaml.CSafeLoader)"
    )
    print(f"\npeak memory at {sizes[-1]}, fresh process (imports alone: {baseline:.0f} MiB):")
    print(f"  load_situation {ours_rss:.0f} MiB, yaml.load C {bare_rss:.0f} MiB")


def crisis_files(sizes: list[str]) -> dict[str, Path]:
    folder = Path(tempfile.mkdtemp(prefix="situation-bench-"))
    files = {"seed": SEED}
    for size in sizes:
        if size != "seed":
            files[size] = folder / f"crisis-{size}.yaml"
            files[size].write_text(crisis_yaml(size), encoding="utf-8")
    return files


def derived_tables(sizes: list[str]) -> None:
    files = crisis_files(sizes)
    print(f"median of {TABLE_RUNS} runs, ms")
    print(f"{'':<24}" + "".join(f"{size:>9}" for size in sizes))
    figures: dict[str, list[float]] = {name: [] for name in [*DERIVED, "each, summed", "all, one after another"]}
    for size in sizes:
        situation = load_situation(files[size]).situation
        assert situation is not None
        derive_everything(situation)  # first-use work (imports, pandas' set-up) is not the builders'
        for name, build in DERIVED.items():
            figures[name].append(median_seconds(lambda b=build, s=situation: b(s.model_copy()), TABLE_RUNS))  # a new version
        figures["each, summed"].append(sum(figures[name][-1] for name in DERIVED))
        gc.collect()
        together = []
        for _ in range(TABLE_RUNS):
            start = time.perf_counter()
            derive_everything(situation)
            together.append(time.perf_counter() - start)
        figures["all, one after another"].append(statistics.median(together))
    for name, values in figures.items():
        print(f"{name:<24}" + "".join(f"{value * 1000:>9.0f}" for value in values))


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("sizes", nargs="*", help="seed, S, M, L (default: all)")
    parser.add_argument("--tables", action="store_true", help="instead: each derived table and card set, and all of them")
    chosen = parser.parse_args()
    if unknown := [size for size in chosen.sizes if size not in ("seed", *SIZES)]:  # choices= refuses an empty list
        parser.error(f"not a size: {', '.join(unknown)} (choose from seed, {', '.join(SIZES)})")
    if chosen.tables:
        derived_tables(chosen.sizes or list(SIZES))
    else:
        main(chosen.sizes or ["seed", *SIZES])
