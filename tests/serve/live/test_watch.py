"""The watcher sees every way an editor saves, waits for a save to settle, and never swaps in a broken file."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest

from situation.load.loader import parse_situation
from situation.serve.live.watch import Watcher
from tests.paths import CASES, SEED, copy_seed

QUIET = 0.4


def people(watcher: Watcher, path: Path) -> object:
    view = watcher.snapshot()[1][path]
    assert view.situation is not None
    return next(i for i in view.situation.indicators if i.id == "people-under-siege").observations[-1].value


def settle(watcher: Watcher) -> bool:
    time.sleep(QUIET + 0.05)
    return watcher.poll()


def with_value(path: Path, value: int) -> str:
    return path.read_text(encoding="utf-8").replace("value: 250000", f"value: {value}")


def test_the_file_is_read_once_at_start_and_not_again_until_it_changes(seed_copy: Path) -> None:
    watcher = Watcher(seed_copy, quiet_seconds=QUIET)
    version, views = watcher.snapshot()
    assert people(watcher, seed_copy) == 250000
    assert not watcher.poll() and watcher.snapshot()[0] == version
    assert watcher.snapshot()[1][seed_copy].situation is views[seed_copy].situation


def test_an_edit_in_place_is_swapped_in_once_settled(seed_copy: Path) -> None:
    watcher = Watcher(seed_copy, quiet_seconds=QUIET)
    seed_copy.write_text(with_value(seed_copy, 260000), encoding="utf-8")
    assert not watcher.poll()  # just written: it may still be being written
    assert settle(watcher)
    assert people(watcher, seed_copy) == 260000


def test_a_save_reads_again_only_the_entries_it_changed(seed_copy: Path) -> None:
    """What a save left alone is the very same entry in the new version (and the change notice skips it)."""
    watcher = Watcher(seed_copy, quiet_seconds=QUIET)
    before = watcher.snapshot()[1][seed_copy].situation
    seed_copy.write_text(with_value(seed_copy, 260000), encoding="utf-8")
    assert settle(watcher)
    after = watcher.snapshot()[1][seed_copy].situation
    assert before is not None and after is not None and people(watcher, seed_copy) == 260000
    assert all(a is b for a, b in zip(after.events, before.events, strict=True))
    assert after.indicators[0] is not before.indicators[0]


def test_a_save_by_rename_is_seen(seed_copy: Path) -> None:
    watcher = Watcher(seed_copy, quiet_seconds=QUIET)
    temporary = seed_copy.with_suffix(".tmp")
    temporary.write_text(with_value(seed_copy, 270000), encoding="utf-8")
    temporary.replace(seed_copy)
    assert settle(watcher)
    assert people(watcher, seed_copy) == 270000


def test_delete_and_recreate_shows_no_gap(seed_copy: Path) -> None:
    watcher = Watcher(seed_copy, quiet_seconds=QUIET)
    text = with_value(seed_copy, 280000)
    seed_copy.unlink()
    assert not watcher.poll()  # gone only for a moment: not reported
    seed_copy.write_text(text, encoding="utf-8")
    assert settle(watcher)
    view = watcher.snapshot()[1][seed_copy]
    assert not view.broken and people(watcher, seed_copy) == 280000


def test_a_file_gone_for_good_is_reported_and_its_last_version_kept(seed_copy: Path) -> None:
    watcher = Watcher(seed_copy, quiet_seconds=QUIET)
    seed_copy.unlink()
    watcher.poll()
    assert settle(watcher)
    view = watcher.snapshot()[1][seed_copy]
    assert [p.code for p in view.problems] == ["file-missing"] and view.broken
    assert people(watcher, seed_copy) == 250000


def test_a_broken_save_keeps_the_last_good_model_and_a_fix_clears_it(seed_copy: Path) -> None:
    watcher = Watcher(seed_copy, quiet_seconds=QUIET)
    good = seed_copy.read_text(encoding="utf-8")
    seed_copy.write_text(good.replace("value: 250000", "value: 250,000"), encoding="utf-8")
    assert settle(watcher)
    view = watcher.snapshot()[1][seed_copy]
    assert [(p.code, p.path) for p in view.problems] == [("wrong-type", "indicators[people-under-siege].observations[0].value")]
    assert people(watcher, seed_copy) == 250000
    seed_copy.write_text(good.replace("value: 250000", "value: 255000"), encoding="utf-8")
    assert settle(watcher)
    assert not watcher.snapshot()[1][seed_copy].broken and people(watcher, seed_copy) == 255000


def test_a_save_in_two_halves_is_never_shown_half_written(seed_copy: Path) -> None:
    full = with_value(seed_copy, 290000).encode()
    half = full[: full.index(b"\nevents:")]
    assert parse_situation(half, "half.yaml").ok  # the first half alone would be a valid situation
    watcher = Watcher(seed_copy, quiet_seconds=QUIET, poll_seconds=0.02).start()
    try:
        with seed_copy.open("wb") as file:
            file.write(half)
            file.flush()
            seen = []
            deadline = time.monotonic() + 0.3  # the two halves 300 ms apart
            while time.monotonic() < deadline:
                seen.append(len(watcher.snapshot()[1][seed_copy].situation.events))  # type: ignore[union-attr]
                time.sleep(0.02)
            file.write(full[len(half) :])
        time.sleep(QUIET + 0.2)
    finally:
        watcher.stop()
    assert set(seen) == {7}  # the old version throughout the gap, never the half without events
    assert people(watcher, seed_copy) == 290000 and len(watcher.snapshot()[1][seed_copy].situation.events) == 7  # type: ignore[union-attr]


def test_a_folder_picks_up_new_files(tmp_path: Path) -> None:
    copy_seed(tmp_path / "aleppo.yaml")
    watcher = Watcher(tmp_path, quiet_seconds=QUIET)
    assert list(watcher.snapshot()[1]) == [tmp_path / "aleppo.yaml"]
    shutil.copy(CASES / "valid" / "minimal.yaml", tmp_path / "minimal.yaml")
    assert settle(watcher)
    assert sorted(p.name for p in watcher.snapshot()[1]) == ["aleppo.yaml", "minimal.yaml"]


def test_listeners_hear_of_each_new_version_once(seed_copy: Path) -> None:
    watcher = Watcher(seed_copy, quiet_seconds=QUIET)
    heard: list[int] = []
    watcher.on_change(heard.append)
    seed_copy.write_text(with_value(seed_copy, 260000), encoding="utf-8")
    assert settle(watcher)
    assert heard == [watcher.version]
    assert not watcher.poll()  # nothing new: nobody is woken
    assert heard == [watcher.version]


def test_a_file_that_raises_while_loading_stops_no_other_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A bad file sorted first: the files after it still update, it gets its own banner, the watcher goes on."""
    from situation.serve.live import watch

    first, second = tmp_path / "a-bad.yaml", tmp_path / "b-good.yaml"
    copy_seed(first)
    second.write_text(SEED.read_text(encoding="utf-8").replace("id: aleppo-2016-08\n", "id: other\n"), encoding="utf-8")
    real_parse = watch.parse_situation

    def parse(raw: bytes, file: str, **options: object) -> object:
        if file.endswith("a-bad.yaml") and b"value: 1\n" in raw:
            raise RecursionError("something nobody foresaw")
        return real_parse(raw, file, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(watch, "parse_situation", parse)
    watcher = Watcher(tmp_path, quiet_seconds=QUIET)
    first.write_text(with_value(first, 1), encoding="utf-8")
    second.write_text(with_value(second, 260000), encoding="utf-8")
    assert settle(watcher)
    assert people(watcher, second) == 260000
    bad = watcher.snapshot()[1][first]
    assert people(watcher, first) == 250000 and bad.broken
    assert [p.code for p in bad.problems] == ["load-failed"]
    assert not watcher.poll(), "a file that keeps failing is not a new version on every poll"
    second.write_text(second.read_text(encoding="utf-8").replace("value: 260000", "value: 270000"), encoding="utf-8")
    assert settle(watcher) and people(watcher, second) == 270000


def test_a_link_out_of_the_watched_folder_is_refused_unread(tmp_path: Path) -> None:
    folder = tmp_path / "situations"
    folder.mkdir()
    secret = tmp_path / "secret.yaml"
    secret.write_text("root:x:0:0\n", encoding="utf-8")
    (folder / "passwd.yaml").symlink_to(secret)
    view = Watcher(folder, quiet_seconds=QUIET).snapshot()[1][folder / "passwd.yaml"]
    assert [p.code for p in view.problems] == ["outside-roots"]
    assert "root" not in view.problems[0].message


def test_a_slow_file_does_not_hold_back_another_files_reload(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """One file takes 2.5 s to read (20,000 unknown keys once took 42 s); another file's save, made at the same moment,
    still shows within the read budget, and the slow one shows once read."""
    from situation.serve.live import watch

    slow, quick = tmp_path / "a-slow.yaml", tmp_path / "b-quick.yaml"
    copy_seed(slow)
    quick.write_text(SEED.read_text(encoding="utf-8").replace("id: aleppo-2016-08\n", "id: other\n"), encoding="utf-8")
    real_parse = watch.parse_situation

    def parse(raw: bytes, file: str, **options: object) -> object:
        if file.endswith("a-slow.yaml") and b"value: 260000" in raw:
            time.sleep(2.5)  # the slow part of reading this file, whatever it is
        return real_parse(raw, file, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(watch, "parse_situation", parse)
    watcher = Watcher(tmp_path, quiet_seconds=QUIET, poll_seconds=0.02).start()
    try:
        slow.write_text(with_value(slow, 260000), encoding="utf-8")
        quick.write_text(with_value(quick, 270000), encoding="utf-8")
        saved = time.monotonic()
        while people(watcher, quick) != 270000:
            assert time.monotonic() - saved < QUIET + watch.READ_BUDGET_SECONDS + 0.5, "the quick file waited for the slow one"
            time.sleep(0.02)
        assert people(watcher, slow) == 250000 and watcher.snapshot()[1][slow].reading_since is not None
        while people(watcher, slow) != 260000:
            assert time.monotonic() - saved < 10, "the slow file was never shown"
            time.sleep(0.05)
        assert watcher.snapshot()[1][slow].reading_since is None
    finally:
        watcher.stop()
