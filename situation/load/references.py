"""Cross-references: every cited source, area and claim must exist, and every id must be unique in its section.

Checked on the raw data, not the validated model, so a wrong reference is reported in the same run as a
typo elsewhere in the file. Which fields are references is read off the model (`RefersTo`), not listed here.
"""

from __future__ import annotations

from typing import Any

from situation.load.codes import Code
from situation.load.messages import Suggestions
from situation.load.paths import DataPath, Pattern, data_at, model_paths, values_at
from situation.load.problems import Finding, one_line
from situation.model.facts import Situation
from situation.model.fields import RefersTo
from situation.model.sections import FACT_SECTIONS, SECTIONS, Section

SECTIONS_WITH_IDS = tuple(section for section in SECTIONS if section.has_ids)

REFERENCES: list[tuple[Pattern, Section]] = model_paths(
    Situation, lambda _annotation, metadata: next((m.section for m in metadata if isinstance(m, RefersTo)), None)
)


class CitedIds:
    """The ids each entry of a file cites, kept from one check of the file to the next: a save changes a few entries,
    and the raw data of the others are the very same objects (`situation.load.entries`), so only the changed ones
    are looked through again (the whole check at L after one edit: 235 ms -> 77)."""

    def __init__(self) -> None:
        self._by_entry: dict[int, tuple[Any, dict[str, set[str]]]] = {}

    def all_known(self, data: dict[str, Any], ids: dict[str, set[str]]) -> bool:
        """True when every id that any entry cites exists (then no path need be made); remembers this file's entries."""
        wanted: dict[str, list[set[str]]] = {}
        kept: dict[int, tuple[Any, dict[str, set[str]]]] = {}
        for section, fields in _CITING.items():
            entries = data.get(section)
            for entry in entries if isinstance(entries, list) else ():
                known = self._by_entry.get(id(entry))
                cited = known[1] if known is not None and known[0] is entry else _cited(entry, fields)
                kept[id(entry)] = (entry, cited)  # the entry is kept with its id, so the id cannot be reused meanwhile
                for target, values in cited.items():
                    wanted.setdefault(target, []).append(values)
        self._by_entry = kept
        return all(set().union(*cited).issubset(ids[target]) for target, cited in wanted.items())


_CITING: dict[str, list[tuple[Pattern, Section]]] = {}
"""Per section, the reference fields inside each of its entries (the pattern after `section, *`) and what they name."""
for _pattern, _target in REFERENCES:
    assert _pattern[1] == "*", _pattern  # every reference lies inside an entry of a list
    _CITING.setdefault(_pattern[0], []).append((_pattern[2:], _target))


def _cited(entry: Any, fields: list[tuple[Pattern, Section]]) -> dict[str, set[str]]:
    cited: dict[str, set[str]] = {}
    for pattern, target in fields:
        cited.setdefault(target.name, set()).update(value for value in values_at(entry, pattern) if isinstance(value, str))
    return cited


def check_references(data: Any, cited: CitedIds | None = None) -> list[Finding]:
    """Duplicate ids, references to ids that do not exist, and `via` chains that loop. `cited`: this file's ids as
    cited at its last check (the live reload's case)."""
    findings: list[Finding] = []
    ids: dict[str, set[str]] = {}
    for section in SECTIONS_WITH_IDS:
        seen, repeats = _repeats(data, (section.name, "*", "id"))
        for path, value, first in repeats:
            message = f"the id '{one_line(value)}' is already used by {section.name}[{first[1]}]; ids must be unique"
            findings.append(Finding(path, Code.DUPLICATE_ID, message))
        ids[section.name] = seen
    every_one_known = cited is not None and isinstance(data, dict) and cited.all_known(data, ids)
    suggestions: dict[str, Suggestions] = {}
    for pattern, target in REFERENCES:
        known = ids[target.name]
        if every_one_known or _all_known(values_at(data, pattern), known):
            continue  # the common case, found without making a path for every value
        suggest = suggestions.setdefault(target.name, Suggestions(known))
        for path, value in data_at(data, pattern):
            if isinstance(value, str) and value not in known:
                message = f"no {target.kind} has the id '{one_line(value)}'{suggest(value)}"
                findings.append(Finding(path, Code.UNKNOWN_REFERENCE, message))
    findings.extend(_unknown_headlines(data))
    findings.extend(_via_loops(data))
    findings.extend(_duplicate_pcodes(data))
    return findings


def _all_known(values: list[Any], ids: set[str]) -> bool:
    """Every text among `values` is one of `ids` (other shapes are the model's to report): by sets, in C, for the
    few hundred thousand references of a long file."""
    try:
        unknown = set(values).difference(ids)
    except TypeError:  # a list or a mapping where an id belongs
        unknown = {value for value in values if isinstance(value, str) and value not in ids}
    return not any(isinstance(value, str) for value in unknown)


def fact_keys(data: Any) -> set[str]:
    """Every fact key the raw file defines, made as the model's `.key` makes it ('shortage:east-aleppo:food')."""
    keys: set[str] = set()
    for section in FACT_SECTIONS:
        for entry in values_at(data, (section.name, "*")):
            parts = [entry.get(field) for field in section.key_fields] if isinstance(entry, dict) else [None]
            if all(isinstance(part, str) for part in parts):
                keys.add(section.key(*parts))
    return keys


def _unknown_headlines(data: Any) -> list[Finding]:
    """A headline key must name a fact of this file: a misspelt one would drop a line from the first screen unseen."""
    keys = fact_keys(data)
    unknown = [(path, value) for path, value in data_at(data, ("headline", "*")) if isinstance(value, str) and value not in keys]
    suggest = Suggestions(keys) if unknown else None
    return [
        Finding(path, Code.UNKNOWN_HEADLINE, f"no fact has the key '{one_line(value)}'{suggest(value) if suggest else ''}")
        for path, value in unknown
    ]


def _duplicate_pcodes(data: Any) -> list[Finding]:
    """Two areas with one p-code would join the same row of the COD: one of them is wrong."""
    _, repeats = _repeats(data, ("areas", "*", "pcode"))
    return [
        Finding(
            path,
            Code.DUPLICATE_PCODE,
            f"the p-code '{one_line(value)}' is already used by areas[{first[1]}]; p-codes must be unique",
        )
        for path, value, first in repeats
    ]


def _repeats(data: Any, pattern: Pattern) -> tuple[set[str], list[tuple[DataPath, str, DataPath]]]:
    """The distinct texts at `pattern`, and each later use of one (its path, the text, where it was first used)."""
    texts = [value for value in values_at(data, pattern) if isinstance(value, str)]
    distinct = set(texts)
    if len(distinct) == len(texts):
        return distinct, []  # the common case, found without making a path for every value
    first_at: dict[str, DataPath] = {}
    repeats: list[tuple[DataPath, str, DataPath]] = []
    for path, value in data_at(data, pattern):
        if not isinstance(value, str):
            continue
        if value in first_at:
            repeats.append((path, value, first_at[value]))
        else:
            first_at[value] = path
    return set(first_at), repeats


def _via_loops(data: Any) -> list[Finding]:
    """A source relayed via itself, directly or round a loop, has no first-hand text to check quotes against.

    Only well-formed ids and vias are followed: any other shape is the model's to report, never a crash here.
    """
    sources = [(path, s) for path, s in data_at(data, ("sources", "*")) if isinstance(s, dict) and isinstance(s.get("id"), str)]
    via = {s["id"]: s.get("via") for _, s in sources if isinstance(s.get("via"), str)}
    findings = []
    for path, source in sources:
        seen, current = set(), source["id"]
        while current in via:
            if current in seen:
                findings.append(Finding((*path, "via"), Code.VIA_LOOP, f"'via' leads round in a loop back to '{current}'"))
                break
            seen.add(current)
            current = via[current]
    return findings
