"""Every file made from a draft says so, where a reader cannot miss it, with what it changes from the published version."""

from __future__ import annotations

import io
import json
import zipfile

from situation.exports.briefing.page import build_briefing
from situation.exports.draft import FILE_NAME, Draft
from situation.exports.formats import FORMATS
from situation.load.loader import load_situation
from situation.model.facts import Situation
from situation.views.derived import Derived
from tests.loaded import loaded_seed
from tests.paths import CASES

DRAFT = Draft(
    "Draft — not published: 1 change", "indicators:\n  changed  People under siege: value about 250,000 → about 260,000"
)


def minimal() -> Situation:
    situation = load_situation(CASES / "valid" / "minimal.yaml").situation
    assert situation is not None
    return situation


def test_a_drafts_briefing_is_watermarked_and_opens_with_its_changes() -> None:
    page = build_briefing(Derived(minimal()), charts=False, draft=DRAFT).html
    assert '<div class="watermark" aria-hidden="true">DRAFT</div>' in page
    assert "<strong>Draft — not published: 1 change</strong>" in page
    assert "value about 250,000 → about 260,000" in page
    assert '@top-center { content: "DRAFT — not published"' in page  # on every printed page too
    published = build_briefing(Derived(minimal()), charts=False).html
    assert "DRAFT" not in published and "watermark" not in published


def test_a_drafts_tables_say_so_first() -> None:
    derived = Derived(loaded_seed())
    document = json.loads(FORMATS["json"].writer(derived, None, None, DRAFT).content)
    assert list(document)[:2] == ["situation", "draft"]
    assert document["draft"] == {"not_published": DRAFT.headline, "changes": DRAFT.story}
    for name in ("csv", "hxl"):
        content = FORMATS[name].writer(derived, None, None, DRAFT).content
        assert isinstance(content, bytes)
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            assert archive.namelist()[0] == FILE_NAME
            assert archive.read(FILE_NAME).decode("utf-8-sig").startswith("Draft — not published: 1 change\n")
    assert "draft" not in json.loads(FORMATS["json"].writer(derived, None, None, None).content)
