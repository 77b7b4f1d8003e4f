"""The HXL hashtags we write and read, defined once: the export tags them, the import finds columns by them,
and the tables in `docs/hxl.md` are generated from here (a test fails when the page is stale).

HXL 1.1 core hashtags where one fits; core hashtags with our own attributes where none does (attributes are free in
HXL: `+reliability`, `+approx` are ours). Why indicator values are `#indicator+value+num`, not `#affected`, is said
in docs/hxl.md.
"""

from __future__ import annotations

from dataclasses import dataclass

from situation.model.sections import ACCESS, AREAS, CLAIMS, EVENTS, INDICATORS, SHORTAGES, SOURCES, STATEMENTS


@dataclass(frozen=True)
class Tag:
    """One column's hashtag, and what a reader of docs/hxl.md should know about it (empty when nothing)."""

    hashtag: str
    note: str = ""


_AREA = {
    "area": Tag("#loc+code", "our areas are places of any size, not admin levels, so `#loc` rather than `#adm1`"),
    "area_name": Tag("#loc+name"),
}
_COORDINATES = {
    "lat": Tag("#geo+lat", "the area's approximate centre"),
    "lon": Tag("#geo+lon", "the area's approximate centre"),
}
_REPORTED = {"date": Tag("#date+reported", "when the fact held, as precise as the source (`2016-07`, `2016-spring`)")}
_SOURCES = {
    "sources": Tag("#meta+source", "`CNN [B]; SANA (…) [D]`: names with reliability grades"),
    "source_ids": Tag("#meta+source+code", "`cnn; sana`"),
    "reliability": Tag("#meta+source+reliability", "`B; D`: Admiralty source reliability, A–F (no core tag)"),
    "credibility": Tag("#meta+credibility", "the fact's credibility, 1–6 (no core tag)"),
}
_CONTESTED = {"contested": Tag("#status+contested", "`true` when a claim the fact rests on is contested")}
_ADMIN = {
    "adm1_pcode": Tag("#adm1+code", "the p-code of the governorate (admin 1) the area lies in, or is, from `pcode` and `parent`"),
    "adm1_name": Tag("#adm1+name"),
    "adm2_pcode": Tag("#adm2+code", "the p-code of the district (admin 2) the area lies in, or is"),
    "adm2_name": Tag("#adm2+name"),
}
_PCODE = {"pcode": Tag("#loc+code+pcode", "the area's COD p-code, where the file gives one (any admin level)")}

SHARED = {**_AREA, **_COORDINATES, **_REPORTED, **_SOURCES, **_CONTESTED, **_ADMIN, **_PCODE}
"""Columns several tables have, tagged alike in each."""

EXPORT: dict[str, dict[str, Tag]] = {
    INDICATORS.name: {
        "indicator": Tag("#indicator+code"),
        "name": Tag("#indicator+name"),
        "unit": Tag("#indicator+unit"),
        **_AREA,
        **_COORDINATES,
        **_REPORTED,
        "value": Tag("#indicator+value+num", "`unknown` when the sources say the figure is unknown"),
        "low": Tag("#indicator+value+low+num", "the low end of a range"),
        "high": Tag("#indicator+value+high+num", "the high end of a range"),
        "approximate": Tag("#indicator+value+approx", "`true`/`false`"),
        "value_text": Tag("#indicator+value+text", "the value in words: `over 2,000,000`, `up to 40,000`"),
        **_SOURCES,
        **_CONTESTED,
        "bound": Tag("#indicator+value+bound", "`lower` (at least, over: only `+low`), `upper` (up to: only `+high`)"),
        "reports": Tag("#meta+report", "the reports the figure is taken from"),
        **_PCODE,
        **_ADMIN,
    },
    SHORTAGES.name: {
        **_AREA,
        "commodity": Tag("#item+name"),
        **_REPORTED,
        "severity": Tag("#severity+num", "1–5, empty for insufficient evidence"),
        "severity_label": Tag("#severity+name"),
        **_SOURCES,
        **_PCODE,
        **_ADMIN,
    },
    ACCESS.name: {
        "route": Tag("#access+code"),
        "name": Tag("#access+name"),
        "kind": Tag("#access+type", "`aid_corridor`, `supply_line`"),
        "to_area": Tag("#loc+code", "the area the route leads into"),
        "to_area_name": Tag("#loc+name"),
        **_REPORTED,
        "status": Tag("#status+access", "`open`, `fragile`, `contested`, `closed`"),
        "convoys_can_pass": Tag("#access+convoys"),
        "threat": Tag("#access+threat"),
        "deliveries": Tag("#access+deliveries"),
        **_SOURCES,
        **_CONTESTED,
        "hours": Tag("#access+hours", "daily opening hours, `19:00–07:00`"),
        "valid_from": Tag("#date+start", "when the status takes effect"),
        "valid_until": Tag("#date+end", "when it ends; after it the route shows as ended"),
        "open_to": Tag("#access+for", "`civilians`, `aid_convoys`, …"),
        "window": Tag("#status+window", "`in force`, `ended` or `not yet in force` on the file's date"),
        "reports": Tag("#meta+report"),
    },
    EVENTS.name: {
        "event": Tag("#event+code"),
        "date": Tag("#date+occurred", "when it happened, not when reported"),
        **_AREA,
        **_COORDINATES,
        "type": Tag("#event+type+code", "ACLED's event types"),
        "type_name": Tag("#event+type+name"),
        "sub_type": Tag("#event+type+sub+code"),
        "sub_type_name": Tag("#event+type+sub+name"),
        "summary": Tag("#description"),
        "actors": Tag("#group+name"),
        "fatalities": Tag("#affected+killed+num", "the core way to count the dead; empty unless an exact count"),
        **_SOURCES,
        **_CONTESTED,
        "fatalities_text": Tag("#affected+killed+text", "in words: `at least 12`"),
        "fatalities_low": Tag("#affected+killed+min+num", "low end; empty for 'up to'"),
        "fatalities_high": Tag("#affected+killed+max+num", "high end; empty for 'at least'"),
        "injured_text": Tag("#affected+injured+text"),
        "injured_low": Tag("#affected+injured+min+num"),
        "injured_high": Tag("#affected+injured+max+num"),
        "missing_text": Tag("#affected+missing+text"),
        "missing_low": Tag("#affected+missing+min+num"),
        "missing_high": Tag("#affected+missing+max+num"),
        "reports": Tag("#meta+report"),
        **_PCODE,
        **_ADMIN,
    },
    CLAIMS.name: {
        "claim": Tag("#meta+claim+code"),
        "statement": Tag("#description+claim"),
        "status": Tag("#status+claim", "`contested`, or the one stance all sources share"),
        "credibility": Tag("#meta+credibility"),
        "source": Tag("#meta+source+code", "one row per source's position"),
        "source_name": Tag("#meta+source"),
        "reliability": Tag("#meta+source+reliability"),
        "stance": Tag("#meta+stance", "`asserts`/`denies`"),
        "date": Tag("#date+reported"),
        "quote": Tag("#description+quote"),
        "resolution": Tag("#status+resolution", "`confirmed`, `refuted`, `superseded`; empty while open"),
        "resolved_on": Tag("#date+resolved"),
        "resolution_note": Tag("#description+resolution"),
    },
    STATEMENTS.name: {
        "statement": Tag("#meta+statement+code"),
        "date": Tag("#date+reported"),
        "by": Tag("#org+code", "who said it"),
        "by_name": Tag("#org+name"),
        "by_reliability": Tag("#org+reliability", "the speaker's reliability, A–F"),
        "kind": Tag("#meta+statement+type", "`call`, `appeal`, `announcement`, `warning`, `pledge`, `condemnation`"),
        "summary": Tag("#description"),
        **_AREA,
        "quote": Tag("#description+quote"),
        **_SOURCES,
        "reports": Tag("#meta+report"),
    },
    AREAS.name: {
        "area": _AREA["area"],
        "name": _AREA["area_name"],
        **_PCODE,
        "admin_level": Tag("#loc+admin_level", "0 the country, 1 a governorate, 2 a district, …"),
        "parent": Tag("#loc+code+parent", "the id of the area it lies in"),
        **_COORDINATES,
        "status": Tag("#status+area", "`besieged`, `contested`, `hard_to_reach`, `accessible`; empty when unknown"),
        "controlled_by": Tag("#group+control", "who controls it, as the sources name them"),
        **_REPORTED,
        "sources": _SOURCES["sources"],
        **_ADMIN,
    },
    SOURCES.name: {
        "source": Tag("#meta+source+code"),
        "name": Tag("#meta+source"),
        "kind": Tag("#meta+source+type", "`news_media`, `monitor`, `party`, `un`, …"),
        "reliability": Tag("#meta+source+reliability"),
        "reliability_meaning": Tag("#meta+source+reliability+text"),
        "via": Tag("#meta+source+via", "the source that relays its words"),
        "facts": Tag("#meta+facts+num", "how many facts cite it"),
        "claim_positions": Tag("#meta+claims+num", "how many stances on claims it takes"),
        "note": Tag("#description"),
    },
    "key_figures": {
        **_AREA,
        **_PCODE,
        **_ADMIN,
        "date": Tag("#date+reported", "the latest of the figures' dates"),
        "sources": _SOURCES["sources"],
    },
}
"""Each export table's hashtag per column; a column not listed (kind) is left out of the HXL file."""


def hashtags(table: str) -> dict[str, str]:
    """Column → hashtag for one export table, in column order."""
    return {column: tag.hashtag for column, tag in EXPORT[table].items()}


# What the import looks for: tag patterns as libhxl matches them (`-x` excludes an attribute).
IMPORT_LONG = {
    "code": ("#indicator+code",),
    "name": ("#indicator+name",),
    "unit": ("#indicator+unit",),
    "value": ("#indicator+value-low-high-approx",),
    "low": ("#indicator+value+low",),
    "high": ("#indicator+value+high",),
    "approximate": ("#indicator+approx",),
    "date": ("#date+reported", "#date-start-end", "#date", "#period_date", "#report_date"),
    "source_code": ("#meta+source+code",),
    "source_name": ("#meta+source-code-reliability-url",),
    "reliability": ("#meta+source+reliability",),
    "credibility": ("#meta+credibility",),
    "lat": ("#geo+lat", "#lat_deg"),
    "lon": ("#geo+lon", "#lon_deg"),
}
"""For each field of an observation, the patterns of the column that holds it, the most specific first."""
PEOPLE_TAGS = ("#affected", "#population", "#inneed", "#targeted", "#reached")
"""HXL 1.x core hashtags whose values are counts of people: a wide table's figure columns."""
BETA_PEOPLE = {"aff_num", "idp_num", "refugee_num", "inneed_num", "reached_num", "targeted_num", "population_num", "pop_num"}
"""The same counts as the HXL beta (`#…_num`) spelled them, still found in old files on HDX."""
AREA_LEVELS = ("loc", "adm5", "adm4", "adm3", "adm2", "adm1", "adm", "country")
"""From the most precise place to the least: a row's area is the most precise one it names."""


def markdown_tables() -> str:
    """The export tag tables of docs/hxl.md: the shared columns once, then each table's own."""
    lines = ["Shared by several tables:", "", "| column | hashtag | note |", "|---|---|---|"]
    lines += [f"| {column} | `{tag.hashtag}` | {tag.note} |".replace(" |  |", " | |") for column, tag in SHARED.items()]
    lines += ["", "Per table:", "", "| table | column | hashtag | note |", "|---|---|---|---|"]
    for table, columns in EXPORT.items():
        own = [(column, tag) for column, tag in columns.items() if SHARED.get(column) != tag]
        for index, (column, tag) in enumerate(own):
            lines.append(f"| {table if index == 0 else ''} | {column} | `{tag.hashtag}` | {tag.note} |")
    return "\n".join(line.replace("|  |", "| |") for line in lines) + "\n"
