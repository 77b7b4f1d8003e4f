"""What the files of issue 25 cost `validate`, beside the seed as the anchor: time and peak memory, in fresh processes.

    python benchmarks/hostile_files.py                   # this checkout
    python benchmarks/hostile_files.py --code OLD/       # another checkout's `situation` package (before/after)

Cases: a 50 KB TopoJSON whose ring names one 1,000-position arc 9,000 times; 20,000 unknown keys; 1,000 p-codes
missing from 5,000 features; a file spanning 1900-2100 exported as the HTML briefing. Each runs in its own process,
in turn with the seed's `validate`, RUNS times; printed: the median seconds of the command after its imports, the
ratio to the seed's, and the peak resident memory of the process (VmHWM, imports included).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "aleppo-2016-08.yaml"
RUNS = 3
CHILD = """
import io, json, sys, time
from situation.cli.main import main
out, err = io.StringIO(), io.StringIO()
started = time.perf_counter()
main(sys.argv[1:], out, err)
seconds = time.perf_counter() - started
with open("/proc/self/status") as status:
    peak = next(int(line.split()[1]) * 1024 for line in status if line.startswith("VmHWM:"))
print(json.dumps({"seconds": seconds, "peak": peak}))
"""
MINIMAL = "id: s\ntitle: S\nas_of: 2016-09-05\nsummary: x\nsources:\n  - {id: team, name: Team, kind: other, reliability: F}\n"


def amplified(folder: Path) -> list[str]:
    arc = [[0, 0]] + [[1, 0]] * 999
    start = {"type": "Topology", "transform": {"scale": [1e-5, 1e-5], "translate": [0, 0]}, "arcs": [arc]}
    text = json.dumps({**start, "objects": {"a": {"type": "Polygon", "arcs": [[]]}}}, separators=(",", ":"))
    references = ",".join(["0,-1"] * ((50_000 - len(text)) // 5))
    (folder / "amplified.topojson").write_text(text.replace("[[]]", f"[[{references}]]"), encoding="utf-8")
    (folder / "amplified.yaml").write_text(
        MINIMAL + "boundaries:\n  - file: amplified.topojson\nareas:\n  - {id: a, name: A, pcode: XY, admin_level: 0}\n",
        encoding="utf-8",
    )
    return ["validate", str(folder / "amplified.yaml")]


def unknown_keys(folder: Path) -> list[str]:
    (folder / "keys.yaml").write_text(MINIMAL + "".join(f"unknown_key_{i:05d}: {i}\n" for i in range(20_000)), encoding="utf-8")
    return ["validate", str(folder / "keys.yaml")]


def missing_pcodes(folder: Path) -> list[str]:
    square = [[[0, 0], [0.01, 0], [0.01, 0.01], [0, 0]]]
    features = [
        {"type": "Feature", "properties": {"ADM2_PCODE": f"XY{i:06d}"}, "geometry": {"type": "Polygon", "coordinates": square}}
        for i in range(5_000)
    ]
    (folder / "pcodes.geojson").write_text(json.dumps({"type": "FeatureCollection", "features": features}), encoding="utf-8")
    areas = "".join(f"  - {{id: a{i}, name: A{i}, pcode: XY{i * 5:06d}9, admin_level: 2}}\n" for i in range(1_000))
    (folder / "pcodes.yaml").write_text(MINIMAL + "boundaries:\n  - file: pcodes.geojson\nareas:\n" + areas, encoding="utf-8")
    return ["validate", str(folder / "pcodes.yaml")]


def two_centuries(folder: Path) -> list[str]:
    source = ROOT / "tests" / "cases" / "generated" / "two-centuries.yaml"
    return ["export", "--format", "html", "--output", str(folder / "two-centuries.html"), str(source)]


CASES = {
    "50 KB amplified TopoJSON": amplified,
    "20,000 unknown keys": unknown_keys,
    "1,000 p-codes x 5,000 features": missing_pcodes,
    "briefing of 1900-2100": two_centuries,
}


def measure(argv: list[str], code: Path) -> dict[str, float]:
    env = {**os.environ, "PYTHONPATH": str(code)}
    child = subprocess.run([sys.executable, "-c", CHILD, *argv], capture_output=True, text=True, env=env, cwd=code, check=False)
    if child.returncode != 0:
        return {"seconds": float("nan"), "peak": float("nan")}
    return json.loads(child.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--code", type=Path, default=ROOT, help="the checkout whose situation package runs")
    parser.add_argument("--runs", type=int, default=RUNS)
    args = parser.parse_args()
    anchor = ["validate", str(SEED)]
    print(f"code: {args.code}; median of {args.runs} runs, each case in turn with the seed's validate")
    print(f"{'case':34} {'seconds':>9} {'x seed':>8} {'peak MB':>8}")
    with tempfile.TemporaryDirectory() as temporary:
        for name, make in CASES.items():
            argv = make(Path(temporary))
            runs, seeds = [], []
            for _ in range(args.runs):
                runs.append(measure(argv, args.code))
                seeds.append(measure(anchor, args.code))
            seconds = statistics.median(r["seconds"] for r in runs)
            ratio = statistics.median(r["seconds"] / s["seconds"] for r, s in zip(runs, seeds, strict=True))
            peak = statistics.median(r["peak"] for r in runs) / 2**20
            print(f"{name:34} {seconds:9.2f} {ratio:8.1f} {peak:8.0f}")
        print(f"{'anchor: the seed':34} {statistics.median(s['seconds'] for s in seeds):9.2f} {1:8.1f}")


if __name__ == "__main__":
    main()
