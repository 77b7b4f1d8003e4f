"""What changed between two versions of a situation: facts added, removed and changed, old → new, with sources.

The comparison is of the validated models, not the text, so a comment or a reformatting is no change.
Each fact has a stable key, the model's own (`Indicator.key`, `Shortage.key`, …) with the observation's date, so
that a corrected figure reads as one change, not a removal and an addition.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from typing import Any, Literal

from pydantic import BaseModel

from situation.model.facts import Situation
from situation.model.fields import Sourced
from situation.model.sections import (
    ACCESS,
    AREAS,
    BY_NAME,
    CLAIMS,
    EVENTS,
    INDICATORS,
    REPORTS,
    SECTIONS,
    SHORTAGES,
    SOURCES,
    STATEMENTS,
)
from situation.views.labels import HURT, count_text, sources_label, value_text

WHOLE = "situation"
"""The section of a change to the situation's own fields (its title, its date, its summary)."""
ORDER = (WHOLE, *(section.name for section in SECTIONS))
"""Changes are listed by section in this order: the situation's own fields, then each section as a file gives them."""


@dataclass(frozen=True)
class Change:
    """One fact added, removed, or changed in one field."""

    section: str
    kind: Literal["added", "removed", "changed"]
    key: str
    label: str
    field: str | None
    old: str | None
    new: str | None
    sources: str
    """Who says so, with grades: of the new version of the fact, or of the old one for a removal."""


@dataclass(frozen=True)
class _Fact:
    section: str
    key: str
    label: str
    fields: dict[str, str]
    sources: str


def diff(old: Situation, new: Situation) -> list[Change]:
    """Every difference, grouped by section in reading order, then by key.

    Only the entries (a source, an indicator with its observations, an event, …) that differ are flattened and
    compared field by field: an edit of one figure in a file of months touches one entry, and an entry the loader
    reused unchanged is the very same object in both versions.
    """
    before_entries, after_entries = _entries(old), _entries(new)
    before: dict[tuple[str, str], _Fact] = {}
    after: dict[tuple[str, str], _Fact] = {}
    for where in before_entries.keys() | after_entries.keys():
        old_items, new_items = before_entries.get(where, []), after_entries.get(where, [])
        if old_items != new_items:  # a list compares its items by identity first, then by value
            same = _unchanged_nested(where[0], old_items, new_items)
            before.update(((f.section, f.key), f) for item in old_items for f in _item_facts(old, where[0], item, same))
            after.update(((f.section, f.key), f) for item in new_items for f in _item_facts(new, where[0], item, same))
    changes: list[Change] = []
    for section, key in sorted(before.keys() | after.keys(), key=lambda k: (ORDER.index(k[0]), k[1])):
        was, now = before.get((section, key)), after.get((section, key))
        if was is None and now is not None:
            changes.append(Change(section, "added", key, now.label, None, None, _summary(now), now.sources))
        elif now is None and was is not None:
            changes.append(Change(section, "removed", key, was.label, None, _summary(was), None, was.sources))
        elif was is not None and now is not None:
            for name in dict.fromkeys([*was.fields, *now.fields]):
                if was.fields.get(name) != now.fields.get(name):
                    changes.append(
                        Change(section, "changed", key, now.label, name, was.fields.get(name), now.fields.get(name), now.sources)
                    )
    return changes


SAID_EVEN_WHEN_UNKNOWN = {"value", "status", "severity", "convoys_can_pass", "fatalities", "injured", "missing"}
"""Fields whose 'unknown' is news; any other field left empty (no quote, no note, no claims) is not listed."""


def _summary(fact: _Fact) -> str:
    """An added or removed fact in words: its fields that say something ('claims []; quote unknown' says nothing)."""
    return "; ".join(
        f"{name} {value}"
        for name, value in fact.fields.items()
        if value not in ("[]", "{}") and (value != "unknown" or name in SAID_EVEN_WHEN_UNKNOWN)
    )


def _text(value: Any) -> str:
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False, separators=(", ", ": "))
    return "unknown" if value is None else str(value)


def _fields(model: BaseModel, *, leave_out: set[str]) -> dict[str, str]:
    """A fact's own fields as text, leaving out its nested lists (compared as facts of their own)."""
    dumped = model.model_dump(mode="json", exclude=leave_out | {"sources"})
    return {name: _text(value) for name, value in dumped.items()}


def _dated(
    s: Situation, section: str, owner: str, label: str, observation: Sourced, fields: dict[str, str] | None = None
) -> _Fact:
    """A dated observation, keyed by what it is about and its date, so a corrected value reads as one change."""
    date = observation.date  # type: ignore[attr-defined]  # every caller passes a dated observation; Sourced has no date
    own = fields if fields is not None else _fields(observation, leave_out=set())
    return _Fact(section, f"{owner} @ {date}", f"{label}, {date}", own, sources_label(s, observation.sources))


def _entries(s: Situation) -> dict[tuple[str, str], list[Any]]:
    """The situation's entries by (section, key), the situation's own fields as one entry; a list in case a key repeats."""
    found: dict[tuple[str, str], list[Any]] = {(WHOLE, WHOLE): [s.model_dump(exclude=set(ORDER[1:]))]}
    for section in SECTIONS:
        for item in s.entries(section):
            found.setdefault((section.name, item.key), []).append(item)
    return found


def _unchanged_nested(section: str, old_items: list[Any], new_items: list[Any]) -> set[int]:
    """The observations (or positions) of a changed entry that are equal in both versions, by id, paired by date: an
    edit of one figure among two years of daily observations then writes out one observation of each version, not
    730 (equal observations make equal facts, which are no change)."""
    field = BY_NAME[section].nested if section in BY_NAME else None
    if field is None or len(old_items) != 1 or len(new_items) != 1:
        return set()
    by_date: dict[str, list[Any]] = {}
    for was in getattr(old_items[0], field):
        by_date.setdefault(str(was.date), []).append(was)
    same: set[int] = set()
    for now in getattr(new_items[0], field):
        was = next((w for w in by_date.get(str(now.date), ()) if id(w) not in same and w == now), None)
        if was is not None:
            same.update((id(was), id(now)))
    return same


def _item_facts(s: Situation, section: str, item: Any, skip: set[int] | None = None) -> Iterator[_Fact]:
    """The facts of one entry of `section` (for "situation", of `s` itself, whatever `item` is), leaving out its
    observations or positions whose ids are in `skip`."""
    skip = skip or set()
    if section == WHOLE:
        yield _Fact(WHOLE, WHOLE, "The situation", _fields(s, leave_out=set(ORDER[1:])), "")
        return
    listed = BY_NAME[section]
    if listed is SOURCES:
        yield _Fact(section, item.key, item.name, _fields(item, leave_out=set()), "")
    elif listed is REPORTS:
        yield _Fact(section, item.key, item.title, _fields(item, leave_out=set()), "")
    elif listed is AREAS:
        yield _Fact(section, item.key, item.title, _fields(item, leave_out={"history"}), "")
        yield from (_dated(s, section, item.key, item.status_title, o) for o in item.history if id(o) not in skip)
    elif listed is INDICATORS:
        title = s.title_of(item)
        yield _Fact(section, item.key, title, _fields(item, leave_out={"observations"}), "")
        for o in item.observations:
            if id(o) in skip:
                continue
            value = {"value": value_text(o.value, o.approximate), **_fields(o, leave_out={"value", "approximate"})}
            yield _dated(s, section, item.key, title, o, value)
    elif listed is SHORTAGES:
        yield from (_dated(s, section, item.key, s.title_of(item), o) for o in item.observations if id(o) not in skip)
    elif listed is ACCESS:
        yield _Fact(section, item.key, s.title_of(item), _fields(item, leave_out={"observations"}), "")
        yield from (_dated(s, section, item.key, s.title_of(item), o) for o in item.observations if id(o) not in skip)
    elif listed is CLAIMS:
        fields = {**_fields(item, leave_out={"positions", "resolution"}), "status": item.status.value}
        if item.resolution is not None:
            r = item.resolution
            fields["resolution"] = f"{r.outcome.value} on {r.date}: {r.note}"
        yield _Fact(section, item.key, item.statement, fields, "")
        for p in item.positions:
            if id(p) in skip:
                continue
            label = f"{s.source(p.source).name} on “{item.statement}”"
            yield _Fact(
                section, f"{item.key} / {p.source} @ {p.date}", label, _fields(p, leave_out=set()), sources_label(s, [p.source])
            )
    elif listed is STATEMENTS:
        label = f"{s.source(item.by).name}, {item.kind.value}: {item.summary} ({item.date})"
        yield _Fact(section, item.key, label, _fields(item, leave_out=set()), sources_label(s, item.sources))
    elif listed is EVENTS:
        hurt = {field: count_text(count) for field, count in item.hurt().items()}  # 'at least 12', not a JSON mapping
        yield _Fact(
            section,
            item.key,
            f"{item.summary} ({item.date})",
            {**_fields(item, leave_out=set(HURT)), **hurt},
            sources_label(s, item.sources),
        )


def _fact_count(s: Situation) -> int:
    """How many facts `_item_facts` yields for the whole of `s`, without writing them out: one per entry and one per item
    of its nested list, but a shortage is only its observations (its area and commodity are its key, nothing more)."""
    count = 1
    for section in SECTIONS:
        for item in s.entries(section):
            count += (section is not SHORTAGES) + (len(getattr(item, section.nested)) if section.nested else 0)
    return count


def as_text(changes: list[Change]) -> str:
    """For people: grouped by section, old → new, with who says so."""
    if not changes:
        return "No changes."
    lines: list[str] = []
    for section in ORDER:
        in_section = [c for c in changes if c.section == section]
        if not in_section:
            continue
        lines.append(f"{section}:")
        for c in in_section:
            if c.kind == "changed":
                what = f"  changed  {c.label}: {c.field} {c.old} → {c.new}"
            else:
                what = f"  {c.kind:<8} {c.label}: {c.new if c.kind == 'added' else c.old}"
            lines.append(what + (f"  [{c.sources}]" if c.sources else ""))
    return "\n".join(lines)


def as_json(changes: list[Change]) -> str:
    """For machines: the same changes, one object each."""
    return json.dumps([asdict(c) for c in changes], ensure_ascii=False, indent=2)


LARGE_REMOVAL = 0.2
"""A new version that removes more than this share of the old version's facts is said loudly: a save cut short, a
wrong branch pulled or a block deleted by mistake usually looks like this, and a real week rarely does."""


@dataclass(frozen=True)
class Update:
    """What a new version of a file did, said briefly for a viewer whose page just took it."""

    changes: list[Change]
    facts_before: int
    removed: list[str]
    """The labels of the facts the new version no longer has."""

    @property
    def summary(self) -> str:
        """'3 facts changed, 1 added', counting facts (not fields); 'no fact changed' for a comment or a reformat."""
        counts = [
            (kind, len({(c.section, c.key) for c in self.changes if c.kind == kind})) for kind in ("changed", "added", "removed")
        ]
        parts = [f"{count} {kind}" for kind, count in counts if count]
        if not parts:
            return "no fact changed"
        first_count = next(count for _, count in counts if count)
        parts[0] = parts[0].replace(" ", " fact " if first_count == 1 else " facts ", 1)
        return ", ".join(parts)

    @property
    def large_removal(self) -> bool:
        """True when more than `LARGE_REMOVAL` of the old version's facts are gone."""
        return self.facts_before > 0 and len(self.removed) > LARGE_REMOVAL * self.facts_before


def update(old: Situation, new: Situation) -> Update:
    """The changes from `old` to `new`, with how many facts `old` had and which of them `new` lost."""
    changes = diff(old, new)
    removed = [c.label for c in changes if c.kind == "removed"]
    return Update(changes, _fact_count(old), removed)
