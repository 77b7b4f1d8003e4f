"""What review before publishing costs a server: reading a published commit, following its reference, publishing.

    python benchmarks/review_benchmark.py            # the seed and M
    python benchmarks/review_benchmark.py seed S     # chosen sizes

Per size, in one run, side by side with its anchor:
- reading a commit's situations from git's objects (`situation.serve.review.commits.read_views`: ls-tree, cat-file,
  load in a scratch folder) beside `load_situation` of the same file from disk (the anchor: what the watcher does);
- publishing the working tree from the page (`Versions.publish`: the tree of the saved files, the views on show as
  what would be published, the commit, the compare-and-swap) and until the published source shows it; and the same
  publication made reading everything from git, as `situation publish` does.
Then, once, what following the published reference costs while nothing happens: the process's CPU over 10 s with a
follower running, beside the same 10 s with none (the anchor), and one `git for-each-ref` (the look it saves).
Medians of several runs.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from generate import crisis_yaml

from situation.load.loader import load_situation
from situation.serve.access.roles import Role
from situation.serve.review.commits import CommitReader, Place, read_views
from situation.serve.review.git import Git
from situation.serve.review.publish import WORKING_TREE, Published, publish, working_tree_tree
from situation.serve.review.refs import Refs
from situation.serve.review.versions import DraftState, Versions

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "aleppo-2016-08.yaml"
ENV = {
    "GIT_AUTHOR_NAME": "b",
    "GIT_AUTHOR_EMAIL": "b@example.org",
    "GIT_COMMITTER_NAME": "b",
    "GIT_COMMITTER_EMAIL": "b@example.org",
}


def git(top: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=top, env={**os.environ, **ENV}, check=True, capture_output=True, text=True).stdout


def repository(top: Path, text: str) -> Path:
    (top / "situations").mkdir(parents=True)
    file = top / "situations" / "crisis.yaml"
    file.write_text(text, encoding="utf-8")
    git(top, "init", "--quiet", "--initial-branch=main")
    git(top, "add", "--all")
    git(top, "commit", "--quiet", "-m", "start")
    return file


def median_ms(run: Callable[[], object], times: int) -> float:
    taken = []
    for _ in range(times):
        started = time.perf_counter()
        run()
        taken.append(time.perf_counter() - started)
    return statistics.median(taken) * 1000


def size_figures(name: str, text: str, times: int) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        top = Path(scratch)
        file = repository(top, text)
        place = Place.of(Git(top), top / "situations")
        commit = git(top, "rev-parse", "main").strip()
        read = median_ms(lambda: read_views(place, commit, None), times)
        anchor = median_ms(lambda: load_situation(file), times)
        print(f"{name}: read a commit {read:.0f} ms, load the file {anchor:.0f} ms ({read / anchor:.2f}x)")
        versions = Versions(top / "situations", (), None, review=True)
        published, shown, cli = [], [], []
        try:
            for round_ in range(times):
                file.write_text(text.replace("value:", f"value: {round_}  # was", 1), encoding="utf-8")
                state = draft_state(versions)
                started = time.perf_counter()
                outcome = versions.publish(WORKING_TREE, "bench", state)  # as the page does, with the views on show
                assert isinstance(outcome, Published), outcome
                published.append(time.perf_counter() - started)
                while versions.published().commit != outcome.commit:
                    time.sleep(0.001)
                shown.append(time.perf_counter() - started)
            for round_ in range(times):  # as the command line does: everything read from git
                file.write_text(text.replace("value:", f"value: {round_ + 100}  # was", 1), encoding="utf-8")
                seen = git(top, "rev-parse", "main").strip()
                started = time.perf_counter()
                outcome = publish(place, "refs/heads/main", WORKING_TREE, "bench", seen, working_tree_tree(place, seen))
                assert isinstance(outcome, Published), outcome
                cli.append(time.perf_counter() - started)
        finally:
            versions.stop()
        print(
            f"{name}: publish from the page {statistics.median(published) * 1000:.0f} ms, until every page's source shows "
            f"it {statistics.median(shown) * 1000:.0f} ms; reading everything from git (the CLI's way) "
            f"{statistics.median(cli) * 1000:.0f} ms (medians of {times})"
        )


def draft_state(versions: Versions) -> DraftState:
    """The reviewer's view of the working tree once the watcher has read the last save."""
    while True:
        shown = versions.open(WORKING_TREE, frozenset(Role))
        state = versions.draft_state(shown, shown.snapshot()[1])
        if state.why_not is None:
            return state
        time.sleep(0.01)


def idle_cost(seconds: float) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        top = Path(scratch)
        repository(top, SEED.read_text(encoding="utf-8"))
        place = Place.of(Git(top), top / "situations")

        def cpu_over(follow: bool) -> float:
            refs = Refs(CommitReader(place))
            if follow:
                refs.follow("refs/heads/main", pinned=True)
                refs.start()
            before = os.times()
            time.sleep(seconds)
            after = os.times()
            refs.stop()
            spent = sum(after[:4]) - sum(before[:4])  # this process and the git it ran
            return 100 * spent / seconds

        following, anchor = cpu_over(True), cpu_over(False)
        look = median_ms(place.git.refs, 20)
        print(
            f"idle: following the published reference {following:.2f}% of a core, none {anchor:.2f}%; "
            f"one for-each-ref {look:.1f} ms"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", default=["seed", "M"], choices=["seed", "S", "M", "L"])
    parser.add_argument("--times", type=int, default=5)
    arguments = parser.parse_args()
    for name in arguments.sizes:
        size_figures(name, SEED.read_text(encoding="utf-8") if name == "seed" else crisis_yaml(name), arguments.times)
    idle_cost(10.0)
    return 0


if __name__ == "__main__":
    sys.exit(main())
