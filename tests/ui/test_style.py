"""Cards as the browser gets them: grids of card boxes under their headings, each card saying what the bordered card said."""

from __future__ import annotations

import re
from dataclasses import replace
from html.parser import HTMLParser

from situation.ui.style import CardGroup, box, bullets, card_class, card_groups, card_html, page_head
from situation.views.cards import Card, overview_cards
from tests.loaded import loaded_seed

CLAIMS = "sources?situation=aleppo-2016-08"


class _Card(HTMLParser):
    """The lines a card shows (each block's text) and its links, read as a browser reads the HTML."""

    def __init__(self) -> None:
        super().__init__()
        self.lines: list[str] = []
        self.links: list[str] = []
        self.root: dict[str, str | None] = {}
        self.badges: list[str] = []
        self._in_badge = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if not self.root:
            self.root = dict(attrs)
        elif tag == "div":
            self.lines.append("")
        if tag == "a":
            self.links.append(dict(attrs)["href"] or "")
        self._in_badge = tag == "span" and dict(attrs).get("class") == "badge"

    def handle_endtag(self, tag: str) -> None:
        self._in_badge = False

    def handle_data(self, data: str) -> None:
        self.lines[-1] += data
        if self._in_badge:
            self.badges.append(data)


def read(card: Card) -> _Card:
    parsed = _Card()
    parsed.feed(card_html(card, CLAIMS))
    return parsed


def test_a_card_shows_title_value_badges_change_provenance_and_detail_in_that_order() -> None:
    cards = overview_cards(loaded_seed())
    corridor = next(c for c in cards if c.contested_claim and c.change and c.detail)
    claim = corridor.contested_claim
    assert claim is not None
    parsed = read(replace(corridor, stale=True, age_days=9))
    unit = f"{corridor.unit} · " if corridor.unit else ""
    assert parsed.lines == [
        corridor.title,
        corridor.value,
        f"⚠ contested {claim.statement}",
        "stale 9 days old: re-verify",
        f"Change: {corridor.change}",
        f"{unit}{corridor.when} · {corridor.sources} · credibility {corridor.credibility}",
        corridor.detail,
    ]
    assert parsed.links == [f"{CLAIMS}#claim-{claim.id}"]
    assert parsed.badges == ["⚠ contested", "stale"]


def test_every_card_of_the_seed_carries_its_key_and_says_its_title_and_value() -> None:
    for card in overview_cards(loaded_seed()):
        parsed = read(card)
        assert parsed.root["data-card"] == card.key
        assert (parsed.root["class"] or "").split() == ["card", card_class(card.key)]
        assert re.fullmatch(r"card-[A-Za-z0-9_-]+", card_class(card.key))
        assert parsed.lines[:2] == [card.title, card.value]
        assert ("stale" in parsed.badges) == card.stale and ("⚠ contested" in parsed.badges) == bool(card.contested_claim)


def test_text_from_the_file_is_shown_as_written_never_as_markup() -> None:
    card = overview_cards(loaded_seed())[0]
    markup = '<img src=x onerror="alert(1)"> **bold** & <b>'
    parsed = read(replace(card, title=markup, value=markup, detail=markup, key='a"b'))
    assert parsed.lines[0] == parsed.lines[1] == parsed.lines[-1] == markup
    assert parsed.root["data-card"] == 'a"b'
    assert "<img" not in card_html(replace(card, title=markup), CLAIMS)


def test_the_groups_are_one_element_each_under_its_anchored_heading_and_saying_what_is_left_out() -> None:
    cards = overview_cards(loaded_seed())
    people = [c for c in cards if c.group == "People"]
    shortages = [c for c in cards if c.group == "Shortages"]
    body = card_groups([CardGroup("Key figures", people, 0), CardGroup("Shortages & <more>", shortages[:2], 3)], CLAIMS)
    headings = re.findall(r'<h3 id="([^"]*)">(.*?)</h3>', body)
    assert headings == [("key-figures", "Key figures"), ("shortages-more", "Shortages &amp; &lt;more&gt;")]
    assert body.count('<div class="cards">') == 2
    assert re.findall(r'data-card="([^"]*)"', body) == [c.key for c in [*people, *shortages[:2]]]
    assert body.count("more not shown here") == 1 and "3 more not shown here" in body
    assert body.index("3 more not shown") > body.index("shortages-more")  # under its own group


def test_the_overview_title_list_and_box_show_text_from_the_file_as_written() -> None:
    head = page_head("<b>Siege</b> & *more*", "Overview · as of 8 August 2016")
    assert head.startswith('<h1 class="page-title" id="b-siege-b-more">&lt;b&gt;Siege&lt;/b&gt; &amp; *more*</h1>')
    assert '<p class="page-caption">Overview · as of 8 August 2016</p>' in head
    listed = bullets([f"fact {n} <i>" for n in range(53)], 50, "facts")
    assert listed.count("<li>") == 50 and "fact 49 &lt;i&gt;" in listed and "fact 50" not in listed
    assert listed.endswith('<p class="more">3 more facts not listed here.</p>')
    assert bullets(["one"], 50, "facts") == "<ul><li>one</li></ul>"
    opened = box("Needs update: <1>", listed)
    assert opened.startswith('<details class="box"><summary>Needs update: &lt;1&gt;</summary>') and listed in opened
