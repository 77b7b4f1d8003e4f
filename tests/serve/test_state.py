"""The process's guard state: one watcher per folder and one limiter per setting, however often the pages ask."""

from __future__ import annotations

import threading
from pathlib import Path

from situation.serve.access.limiter import Limits
from situation.serve.review.versions import Versions
from situation.serve.state import ServerState


def test_one_watcher_per_folder_however_many_pages_ask_at_once(seed_copy: Path) -> None:
    state = ServerState()
    found: list[Versions] = []
    askers = [threading.Thread(target=lambda: found.append(state.versions(seed_copy.parent, ()))) for _ in range(8)]
    for asker in askers:
        asker.start()
    for asker in askers:
        asker.join()
    try:
        assert len({id(versions) for versions in found}) == 1
        assert state.versions(seed_copy.parent / ".", ()) is found[0]  # the same folder, however it is written
    finally:
        found[0].stop()


def test_one_limiter_per_setting_counts_every_session(seed_copy: Path) -> None:
    state = ServerState()
    limiter = state.limiter(Limits(max_failures=2))
    limiter.record_failure("amina", "10.0.0.1", now=0)
    limiter.record_failure("amina", "10.0.0.1", now=0)
    again = state.limiter(Limits(max_failures=2))
    assert again is limiter and again.begin_try("amina", "10.0.0.1", now=0.5)[0] > 0
