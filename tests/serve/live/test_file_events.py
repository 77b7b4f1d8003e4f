"""A save is read as soon as the kernel says it is complete, whichever way the editor saved; where events do not come,
polling with the quiet period still reads every save; a file held open between two writes is never shown half."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from situation.load.loader import parse_situation
from situation.serve.live.file_events import KernelEvents, open_for_writing, signature
from situation.serve.live.watch import Watcher

NEVER_QUIET = 60.0
"""A quiet period no test waits out: whatever a test sees within seconds came through a file event."""


@pytest.fixture
def started() -> Iterator[Callable[..., Watcher]]:
    watchers: list[Watcher] = []

    def start(path: Path, **options: object) -> Watcher:
        watcher = Watcher(path, poll_seconds=0.02, **options).start()  # type: ignore[arg-type]
        watchers.append(watcher)
        return watcher

    yield start
    for watcher in watchers:
        watcher.stop()


def people(watcher: Watcher, path: Path) -> object:
    situation = watcher.snapshot()[1][path].situation
    assert situation is not None
    return next(i for i in situation.indicators if i.id == "people-under-siege").observations[-1].value


def shows(watcher: Watcher, path: Path, value: int, within: float = 5.0) -> bool:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        if people(watcher, path) == value:
            return True
        time.sleep(0.01)
    return False


def with_value(path: Path, value: int) -> str:
    return path.read_text(encoding="utf-8").replace("value: 250000", f"value: {value}")


def save_in_place(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")


def save_by_rename(path: Path, text: str) -> None:
    temporary = path.with_name(f".{path.name}.swp")
    temporary.write_text(text, encoding="utf-8")
    temporary.replace(path)


def delete_and_recreate(path: Path, text: str) -> None:
    path.unlink()
    path.write_text(text, encoding="utf-8")


SAVES = [save_in_place, save_by_rename, delete_and_recreate]


@pytest.mark.parametrize("save", SAVES, ids=lambda save: save.__name__)
def test_each_kind_of_save_is_read_as_soon_as_the_kernel_says_it_is_complete(
    seed_copy: Path, started: Callable[..., Watcher], save: Callable[[Path, str], None]
) -> None:
    watcher = started(seed_copy, quiet_seconds=NEVER_QUIET)
    assert "inotify" in watcher._events.description  # this machine has inotify on its temporary folder
    for value in (261000, 262000):  # twice: the second save is not taken for the first
        save(seed_copy, with_value(seed_copy, value) if value == 261000 else seed_copy.read_text().replace("261000", "262000"))
        assert shows(watcher, seed_copy, value), f"{save.__name__}: not read within 5 s although the save was complete"


@pytest.mark.parametrize("save", SAVES, ids=lambda save: save.__name__)
def test_with_events_turned_off_polling_still_reads_each_save(
    seed_copy: Path, started: Callable[..., Watcher], save: Callable[[Path, str], None]
) -> None:
    watcher = started(seed_copy, quiet_seconds=0.4, events=False)
    assert watcher._events.description == "polling"
    save(seed_copy, with_value(seed_copy, 263000))
    time.sleep(0.2)
    assert people(watcher, seed_copy) == 250000  # not yet: polling waits for the file to be quiet
    assert shows(watcher, seed_copy, 263000)


def test_the_environment_turns_events_off(
    seed_copy: Path, started: Callable[..., Watcher], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SITUATIONS_FILE_EVENTS", "off")
    assert started(seed_copy)._events.description == "polling"


def test_a_file_held_open_between_two_writes_is_never_shown_half(seed_copy: Path, started: Callable[..., Watcher]) -> None:
    full = with_value(seed_copy, 290000).encode()
    half = full[: full.index(b"\nevents:")]
    assert parse_situation(half, "half.yaml").ok  # the first half alone would be a valid situation
    watcher = started(seed_copy, quiet_seconds=NEVER_QUIET)
    seen = []
    with seed_copy.open("wb") as file:
        file.write(half)
        file.flush()
        deadline = time.monotonic() + 1.0  # written, flushed, but still open for a second
        while time.monotonic() < deadline:
            seen.append(people(watcher, seed_copy))
            time.sleep(0.02)
        file.write(full[len(half) :])
    assert set(seen) == {250000}  # the old version throughout, never the half
    assert shows(watcher, seed_copy, 290000)  # and the whole file once closed
    assert len(watcher.snapshot()[1][seed_copy].situation.events) == 7  # type: ignore[union-attr]


def test_a_broken_save_keeps_the_last_good_model_with_events_too(seed_copy: Path, started: Callable[..., Watcher]) -> None:
    watcher = started(seed_copy, quiet_seconds=NEVER_QUIET)
    save_by_rename(seed_copy, with_value(seed_copy, 250000).replace("value: 250000", "value: 250,000"))
    deadline = time.monotonic() + 5
    while not watcher.snapshot()[1][seed_copy].broken and time.monotonic() < deadline:
        time.sleep(0.01)
    assert watcher.snapshot()[1][seed_copy].broken and people(watcher, seed_copy) == 250000


def test_a_change_no_event_announced_turns_events_off_and_says_so(seed_copy: Path, caplog: pytest.LogCaptureFixture) -> None:
    events = KernelEvents(seed_copy.parent)
    try:
        events._observer.stop()  # as on a network filesystem: the change happens, no event comes
        events._observer.join(5)
        seed_copy.write_text(with_value(seed_copy, 264000), encoding="utf-8")
        look = signature(seed_copy)
        assert look is not None and not events.saved(seed_copy, look)
        with caplog.at_level(logging.WARNING):
            events.read_after_quiet(seed_copy)  # what the watcher says once it read the change by polling
        assert "watching by polling from now on" in caplog.text
        assert events.wait(0.01) is False  # polling now: waits out its interval
    finally:
        events.stop()


def test_the_kernel_says_whether_a_file_is_open_for_writing(seed_copy: Path) -> None:
    """The check that keeps a late close-write event from reading the next writer's first half."""
    assert open_for_writing(seed_copy) is False
    with seed_copy.open("ab"):
        assert open_for_writing(seed_copy) is True
    with seed_copy.open("rb"):
        assert open_for_writing(seed_copy) is False


@pytest.mark.parametrize("events", [None, False], ids=["kernel events", "polling"])
def test_a_file_held_open_longer_than_the_quiet_period_shows_no_passing_error(
    seed_copy: Path, started: Callable[..., Watcher], events: bool | None
) -> None:
    """An editor that writes a file in two parts, 0.8 s apart: the file is quiet for twice the quiet period while it is
    still open, and its first part alone is not YAML. Neither a banner nor half a file may show meanwhile."""
    full = with_value(seed_copy, 290000).encode()
    half = full[: full.index(b"value: 290000") + len(b"value: 29")] + b"\n  - [unclosed"
    assert not parse_situation(half, "half.yaml").ok
    watcher = started(seed_copy, quiet_seconds=0.4, events=events)
    seen: list[tuple[bool, object]] = []
    with seed_copy.open("wb") as file:
        file.write(half)
        file.flush()
        deadline = time.monotonic() + 0.8
        while time.monotonic() < deadline:
            seen.append((watcher.snapshot()[1][seed_copy].broken, people(watcher, seed_copy)))
            time.sleep(0.02)
        file.seek(0)
        file.truncate()
        file.write(full)
    assert set(seen) == {(False, 250000)}  # the old version throughout, and no banner
    assert shows(watcher, seed_copy, 290000)
