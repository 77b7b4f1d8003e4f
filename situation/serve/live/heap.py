"""Keep the interpreter's full garbage collections off the objects of the versions on show.

CPython's cyclic collector walks every object it tracks in a full collection. A server showing two years of daily
figures (21 MiB of YAML) holds millions: the raw entries, the models and their tables. A full collection then took
about 0.9 s, and one came about every other saved edit, so a viewer waited 2 s for an edit instead of 1
(benchmarks/dashboard_benchmark.py). These objects need no cyclic collection: a version's models, entries and
tables refer to each other in one direction only, so reference counting frees them when a later version replaces
them.

So once a new version is taken, `settle()` freezes every object then alive (`gc.freeze`): later collections skip
them, and only what came after is walked. Garbage that does form a cycle among frozen objects (Streamlit's, a few
hundred objects an edit) is not collected while frozen, so every `FULL_EVERY` versions a full collection runs once
over everything and takes it back.
"""

from __future__ import annotations

import gc
import logging
import threading
import time

LOG = logging.getLogger(__name__)
FULL_EVERY = 50
"""Versions between full collections: reclaims frozen cycles (about 20k objects by then) for one pause per 50 edits."""

_lock = threading.Lock()
_settled = 0


def settle(version: int = 0) -> None:
    """Freeze what is alive now (call once a new version is in place; a Watcher listener, so `version` is unused)."""
    global _settled
    with _lock:
        _settled += 1
        if _settled % FULL_EVERY == 0:
            started = time.perf_counter()
            gc.unfreeze()
            found = gc.collect()
            LOG.info("full collection after %d versions: %d objects in %.2f s", FULL_EVERY, found, time.perf_counter() - started)
        gc.freeze()
