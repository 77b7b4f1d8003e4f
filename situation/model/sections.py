"""The sections of a situation file, declared once: what each is called, what its entries are, how their facts are keyed.

Every module that goes through the sections (the loader cutting a file into entries, the reference and date checks,
the as-of view, the diff, the summary a CLI prints, the exports' tables) reads them from here, and every fact key
(`route:castello-road`, `shortage:east-aleppo:food`) is made by `Section.key`. A test fails when a module outside this
one lists section names or spells a key prefix itself. The entry classes (`Route`, `Shortage`, …) name their section
(`Keyed.section`), and `Situation` holds each section as a list of them; a test checks the two agree.

This module imports nothing of the model, so every part of it can name its section.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar


@dataclass(frozen=True)
class Section:
    """One list of a situation file and what its entries are."""

    name: str
    """Its key in the file ('access')."""
    kind: str
    """What one entry is, and the prefix of its key ('route', as in route:castello-road)."""
    words: str
    """What a person calls its entries when they are counted ('routes')."""
    key_fields: tuple[str, ...] = ("id",)
    """The fields after the prefix in an entry's key: its id, or a shortage's area and commodity."""
    nested: str | None = None
    """The list in each entry that holds its dated items ('observations', 'history', 'positions'), if any."""
    sourced: bool = False
    """Its facts carry their sources: the items of `nested` when it has one, else the entries themselves."""
    fact: bool = True
    """Its entries are facts a card, a headline line or a change is about; sources and reports are not, they back them."""

    @property
    def has_ids(self) -> bool:
        """Each entry has an `id` of its own, unique in the section, that others cite."""
        return self.key_fields == ("id",)

    @property
    def observed(self) -> bool:
        """Tracked over time, one dated observation after another, each with its sources: what goes stale."""
        return self.sourced and self.nested is not None

    def key(self, *parts: str) -> str:
        """'route:castello-road', 'shortage:east-aleppo:food': one key for a fact's card, its age and its changes."""
        return ":".join((self.kind, *parts))


SOURCES = Section("sources", "source", "sources", fact=False)
REPORTS = Section("reports", "report", "reports", fact=False)
AREAS = Section("areas", "area", "areas", nested="history", sourced=True)
INDICATORS = Section("indicators", "indicator", "indicators", nested="observations", sourced=True)
SHORTAGES = Section("shortages", "shortage", "shortages", key_fields=("area", "commodity"), nested="observations", sourced=True)
ACCESS = Section("access", "route", "routes", nested="observations", sourced=True)
CLAIMS = Section("claims", "claim", "claims", nested="positions")
STATEMENTS = Section("statements", "statement", "statements", sourced=True)
EVENTS = Section("events", "event", "events", sourced=True)

SECTIONS = (SOURCES, REPORTS, AREAS, INDICATORS, SHORTAGES, ACCESS, CLAIMS, STATEMENTS, EVENTS)
"""Every section, in the order a file gives them and every listing of them reads."""
BY_NAME = {section.name: section for section in SECTIONS}
BY_KIND = {section.kind: section for section in SECTIONS}
FACT_SECTIONS = tuple(section for section in SECTIONS if section.fact)
"""The sections whose entries a `headline:` key may name."""


class Keyed:
    """An entry of a section: its key is made here, the one place a fact key is spelt, from its section's `key_fields`."""

    section: ClassVar[Section]

    @property
    def key(self) -> str:
        """'indicator:people-under-siege', 'shortage:east-aleppo:food': one key for its card, its age and its changes."""
        return self.section.key(*(str(getattr(self, field)) for field in self.section.key_fields))
