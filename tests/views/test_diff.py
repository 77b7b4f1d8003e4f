"""What changed: two real YAML versions, and two git revisions of one file, compared as a user would."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest

from situation.load.loader import parse_situation
from situation.model.facts import Situation
from situation.views.diff import LARGE_REMOVAL, as_text, diff, update
from tests.command import run
from tests.paths import REVISION, SEED, copy_seed
from tests.ui.apptest import go_to, open_app

SEED_TEXT = SEED.read_text(encoding="utf-8")


def version(text: str) -> Situation:
    situation = parse_situation(text.encode(), "version.yaml").situation
    assert situation is not None
    return situation


def test_one_changed_figure_is_the_only_change_named() -> None:
    changes = diff(version(SEED_TEXT), version(SEED_TEXT.replace("value: 250000", "value: 240000")))
    assert [(c.section, c.kind, c.key, c.field, c.old, c.new) for c in changes] == [
        ("indicators", "changed", "indicator:people-under-siege @ 2016-08-08", "value", "about 250,000", "about 240,000")
    ]
    assert changes[0].sources == "CNN [B]"
    assert as_text(changes) == (
        "indicators:\n  changed  People under siege, 2016-08-08: value about 250,000 → about 240,000  [CNN [B]]"
    )


def test_comments_and_formatting_are_no_change() -> None:
    reformatted = SEED_TEXT.replace("# Siege of eastern Aleppo", "# Siege of east Aleppo (comment edited)")
    reformatted = reformatted.replace("sources: [cnn]\n", "sources:\n          - cnn\n", 1).replace("\n\n", "\n")
    assert reformatted != SEED_TEXT
    assert diff(version(SEED_TEXT), version(reformatted)) == []


def test_added_removed_and_changed_facts_with_their_sources() -> None:
    later = SEED_TEXT.replace("        stance: denies\n", "        stance: asserts\n")  # SANA comes round
    later = later.replace("  - id: west-aleppo-shelling\n", "  - id: west-aleppo-shelling-renamed\n")
    changes = {(c.section, c.kind, c.key, c.field) for c in diff(version(SEED_TEXT), version(later))}
    assert changes == {
        ("claims", "changed", "claim:siege-broken", "status"),
        ("claims", "changed", "claim:siege-broken / sana @ 2016-08-08", "stance"),
        ("events", "removed", "event:west-aleppo-shelling", None),
        ("events", "added", "event:west-aleppo-shelling-renamed", None),
    }


def test_the_cli_compares_two_files(tmp_path: Path) -> None:
    new = tmp_path / "new.yaml"
    new.write_text(
        SEED_TEXT.replace("credibility: 3             # CNN cites", "credibility: 2             # CNN cites"), encoding="utf-8"
    )
    code, out, _ = run("diff", str(SEED), str(new), "--format", "json")
    assert code == 1
    assert [(c["key"], c["field"], c["old"], c["new"]) for c in json.loads(out)] == [
        ("indicator:people-under-siege @ 2016-08-08", "credibility", "3", "2")
    ]
    assert run("diff", str(SEED), str(SEED))[:2] == (0, "No changes.\n")


def git(repo: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-C", str(repo), "-c", "user.name=Test", "-c", "user.email=test@example.org", *args],
        check=True,
        capture_output=True,
    )


@pytest.fixture
def repository(tmp_path: Path) -> Path:
    """A team's repository with two commits of the seed: 250,000, then 260,000 under siege."""
    repo = tmp_path / "team"
    (repo / "situations").mkdir(parents=True)
    file = repo / "situations" / "aleppo.yaml"
    copy_seed(file)
    git(repo, "init", "-q")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "Aleppo as of 8 August")
    file.write_text(SEED_TEXT.replace("value: 250000", "value: 260000"), encoding="utf-8")
    git(repo, "commit", "-q", "-am", "Revised figure")
    return file


def test_the_cli_compares_a_file_with_an_earlier_git_revision(
    repository: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(tmp_path)  # the repository is found from the file, not from where the command runs
    code, out, _ = run("diff", "--since", "HEAD~1", str(repository))
    assert code == 1
    assert "value about 250,000 → about 260,000" in out
    assert run("diff", "--since", "HEAD", str(repository))[0] == 0


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (("--since", "no-such-rev"), "unknown revision 'no-such-rev'"),
        (("--since", "HEAD", "extra.yaml"), "diff --since REV takes one FILE"),
    ],
)
def test_diff_usage_errors_exit_2(repository: Path, argv: tuple[str, ...], said: str) -> None:
    code, out, err = run("diff", *argv, str(repository))
    assert code == 2 and said in err and "Traceback" not in out + err


def test_a_file_outside_any_repository_still_diffs_but_has_no_revisions(tmp_path: Path) -> None:
    loose = tmp_path / "loose.yaml"
    copy_seed(loose)
    assert run("diff", str(SEED), str(loose))[0] == 0
    code, _, err = run("diff", "--since", "HEAD", str(loose))
    assert code == 2 and "is not in a git repository" in err


def test_the_changes_page_compares_with_a_picked_commit(repository: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = go_to(open_app(repository, monkeypatch), "Changes")
    assert not app.exception
    picker = app.selectbox(key="since")
    # labelled by the day it was saved and the situation's own date, not by the commit message
    saved = r"Saved \d{4}-\d\d-\d\d: the situation as of 8 Aug 2016 \([0-9a-f]{8}\)"
    assert len(picker.options) == 2 and all(re.fullmatch(saved, option) for option in picker.options)
    # it opens on the previous commit that changed the facts, not on the newest (which is the file as it is)
    assert picker.index == 1 and not app.success
    table = app.dataframe[0].value
    assert list(table.columns[:5]) == ["kind", "label", "field", "new", "old"]  # the new value first
    assert list(zip(table["label"], table["new"], table["old"], strict=True)) == [
        ("People under siege, 2016-08-08", "about 260,000", "about 250,000")
    ]
    picker.select_index(0).run()
    assert "No changes to the facts" in app.success[0].value


def test_the_changes_page_explains_a_file_outside_git(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    loose = tmp_path / "loose.yaml"
    copy_seed(loose)
    app = go_to(open_app(loose, monkeypatch), "Changes")
    assert "not in a git repository" in app.info[0].value


def test_the_revision_against_the_seed_lists_every_new_shape_in_words() -> None:
    from situation.load.loader import load_situation
    from situation.views.diff import as_text, diff
    from tests.paths import REVISION, SEED

    old, new = load_situation(SEED).situation, load_situation(REVISION).situation
    assert old is not None and new is not None
    changes = diff(old, new)
    text = as_text(changes)
    assert "status contested → superseded" in text
    assert "resolution None → superseded on 2016-09-04: Government forces retook Ramouseh" in text
    assert {c.key for c in changes if c.section == "statements"} == {
        "statement:un-warns-disaster",
        "statement:russia-announces-pauses",
        "statement:un-calls-weekly-pause",
    }
    assert {c.key for c in changes if c.section == "reports"} == {"report:ocha-aleppo-2016-09", "report:russia-mod-2016-08-10"}
    assert "value over 2,000,000" in text and "value up to 40,000" in text and "value 250,000–275,000" in text
    assert "fatalities at least 12; injured about 30; missing unknown" in text
    assert "hours 19:00-07:00; valid_from 2016-08-29; until 2016-09-02" in text
    assert "pcode SY02; admin_level 1" in text


def cut_short(lines: int) -> str:
    """The seed as a save cut short after `lines` lines would leave it."""
    return "".join(SEED_TEXT.splitlines(keepends=True)[:lines])


def test_a_new_version_is_summed_up_in_facts() -> None:
    found = update(
        version(SEED_TEXT), version(SEED_TEXT.replace("value: 250000", "value: 240000").replace("lat: 36.20", "lat: 3", 1))
    )
    assert found.summary == "2 facts changed"
    assert not found.large_removal and found.removed == []


def test_a_save_cut_short_that_still_validates_is_a_large_removal_naming_what_vanished() -> None:
    found = update(version(SEED_TEXT), version(cut_short(219)))
    assert found.summary == "1 fact changed, 37 removed"
    assert found.large_removal and len(found.removed) == 37 > LARGE_REMOVAL * found.facts_before
    assert "Share of Manbij taken by the SDF" in found.removed and "Phosphorus bombs reported on Idlib city" in found.removed


def test_removing_a_fifth_or_less_is_no_large_removal() -> None:
    old = version(SEED_TEXT)
    facts = update(old, old).facts_before
    assert update(old, old).summary == "no fact changed"
    one_event_less = SEED_TEXT[: SEED_TEXT.rindex("\n  - id: ")] + "\n"
    found = update(old, version(one_event_less))
    assert 0 < len(found.removed) <= LARGE_REMOVAL * facts and not found.large_removal


@pytest.mark.parametrize("path", [SEED, REVISION], ids=["seed", "revision"])
def test_facts_before_counts_every_fact_a_new_version_could_lose(path: Path) -> None:
    old = version(path.read_text(encoding="utf-8"))
    nothing_left = version(
        "id: x\ntitle: X\nas_of: 2016-08-01\nsummary: S\nsources:\n  - {id: only-new, name: N, kind: other, reliability: F}\n"
    )
    found = update(old, nothing_left)
    assert found.facts_before == len(found.removed) + 1  # every fact but the situation's own, which changed
    assert found.large_removal


def test_an_entry_equal_in_both_versions_is_no_change_even_when_loaded_twice() -> None:
    """Entries are compared whole before their fields: two loads of one text hold equal, not identical, entries."""
    assert diff(version(SEED_TEXT), version(SEED_TEXT)) == []
    assert [c.key for c in diff(version(SEED_TEXT), version(SEED_TEXT.replace("value: 250000", "value: 250001")))] == [
        "indicator:people-under-siege @ 2016-08-08"
    ]
