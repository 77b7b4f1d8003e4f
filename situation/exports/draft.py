"""What every file made from a draft carries: that it is not published, and what it changes from what is.

A draft's briefing, tables or HXL may leave the dashboard as easily as the published ones, so each says what it is
where a reader cannot miss it: the briefing under a "DRAFT" watermark on every page with the change story at the top,
a zip of tables with a file of its own, the JSON document with a `draft` entry before the tables.
"""

from __future__ import annotations

from dataclasses import dataclass

FILE_NAME = "DRAFT-NOT-PUBLISHED.txt"
"""The file a zip made from a draft holds first, beside its tables."""


@dataclass(frozen=True)
class Draft:
    headline: str
    """'Draft — not published: 3 changes'."""
    story: str
    """The change story against the published version, as text."""

    def as_text(self) -> str:
        return f"{self.headline}\n\nWhat it changes from the published version:\n\n{self.story}\n"
