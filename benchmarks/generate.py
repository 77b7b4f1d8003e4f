"""A crisis grown over time, for the benchmarks: the situation file a team would hold after one month, six or two years.

    python benchmarks/generate.py M > crisis-m.yaml           # S (1 month), M (6 months) or L (2 years)

Not the seed copied N times (which makes 1,000 sources and 600 areas of ten facts each): one country with 300
areas in three admin levels and 40 sources, where time adds the bulk, as it does in a real file after months of
daily updates: 60 indicators observed daily, shortages of 7 commodities in 100 areas weekly, routes whose status
changes every few days, ~27 ACLED-typed events a day and a claim every other day, each with its positions.
Random but seeded, so every run of a size writes the same file. Only fields the model has today.

The first indicator is `people-under-siege`; its latest value, written `value: 250000`, appears once in the file, so a
benchmark can edit it and wait for its card, as it does with the seed.
"""

from __future__ import annotations

import argparse
import random
import sys
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import yaml

from situation.model.taxonomy import EVENT_TYPES
from situation.model.tracked import Commodity

START = date(2016, 1, 1)


@dataclass(frozen=True)
class Size:
    days: int
    label: str


SIZES = {"S": Size(30, "1 month"), "M": Size(182, "6 months"), "L": Size(730, "2 years")}
GOVERNORATES, DISTRICTS_EACH, SUBDISTRICTS_EACH = 12, 4, 5  # 12 + 48 + 240 = 300 areas
SOURCES = 40
INDICATORS = 60
SHORTAGE_AREAS = 100
ROUTES = 12
EVENTS_PER_DAY = 5000 / 182
CLAIMS_PER_DAY = 100 / 182
EDITED_VALUE = 250000
RELIABILITY = "ABCDEF"
KINDS = ["news_media", "state_media", "monitor", "civil_defence", "party", "government", "un", "ngo", "other"]
STATUSES = ["besieged", "contested", "hard_to_reach", "accessible"]
ROUTE_STATUSES = ["open", "fragile", "contested", "closed"]
UNITS = ["people", "people", "percent", "trucks", "households", "litres per person per day"]
WORDS = [
    "shelling", "convoy", "checkpoint", "market", "hospital", "bakery", "school", "water", "station", "displaced",
    "families", "crossing", "bridge", "neighbourhood", "district", "fighting", "ceasefire", "clinic", "supplies",
    "fuel", "flour", "road", "fighters", "airstrike", "residents",
]  # fmt: skip


def _sentence(rng: random.Random, words: int = 10) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


class _Crisis:
    """Builds the data of one situation, section by section, from one seeded random stream."""

    def __init__(self, size: Size, seed: int) -> None:
        self.rng = random.Random(seed)
        self.days = size.days
        self.last = START + timedelta(days=size.days - 1)

    def day(self, offset: int) -> date:
        return START + timedelta(days=offset)

    def cited(self) -> dict[str, Any]:
        """Who says so: one to three sources, and a credibility; now and then a quote or a note."""
        fact: dict[str, Any] = {
            "sources": self.rng.sample(self.source_ids, self.rng.choice([1, 1, 1, 2, 2, 3])),
            "credibility": self.rng.randint(1, 6),
        }
        if self.rng.random() < 0.05:
            fact["quote"] = {"text": _sentence(self.rng, 8), "by": fact["sources"][0]}
        if self.rng.random() < 0.05:
            fact["note"] = _sentence(self.rng, 12)
        return fact

    def sources(self) -> list[dict[str, Any]]:
        self.source_ids = [f"source-{n:02d}" for n in range(SOURCES)]
        found = []
        for index, source_id in enumerate(self.source_ids):
            source: dict[str, Any] = {
                "id": source_id,
                "name": f"Source {index:02d} ({self.rng.choice(WORDS)} {self.rng.choice(WORDS)})",
                "kind": self.rng.choice(KINDS),
                "reliability": self.rng.choice(RELIABILITY),
            }
            if index >= 4 and self.rng.random() < 0.4:
                source["via"] = self.source_ids[self.rng.randrange(4)]  # relayed by one of the big outlets
            if self.rng.random() < 0.5:
                source["note"] = _sentence(self.rng, 8)
            found.append(source)
        return found

    def areas(self) -> list[dict[str, Any]]:
        """Governorates, their districts and their sub-districts, each with its status changing about monthly."""
        found: list[dict[str, Any]] = []
        for g in range(GOVERNORATES):
            lat, lon = 32.5 + self.rng.random() * 4.5, 36.0 + self.rng.random() * 5.5
            found.append(self.area(f"gov-{g:02d}", f"Governorate {g:02d}", None, lat, lon))
            for d in range(DISTRICTS_EACH):
                dlat, dlon = lat + self.rng.uniform(-0.4, 0.4), lon + self.rng.uniform(-0.4, 0.4)
                found.append(self.area(f"dis-{g:02d}-{d}", f"District {g:02d}-{d}", f"gov-{g:02d}", dlat, dlon))
                for s in range(SUBDISTRICTS_EACH):
                    slat, slon = dlat + self.rng.uniform(-0.1, 0.1), dlon + self.rng.uniform(-0.1, 0.1)
                    found.append(
                        self.area(f"sub-{g:02d}-{d}-{s}", f"Sub-district {g:02d}-{d}-{s}", f"dis-{g:02d}-{d}", slat, slon)
                    )
        found[0]["id"], found[0]["name"] = "besieged-city", "Besieged city"
        for area in found:
            if area.get("parent") == "gov-00":
                area["parent"] = "besieged-city"
        self.area_ids = [a["id"] for a in found]
        self.lowest = [a["id"] for a in found if a["id"].startswith("sub-")]
        return found

    def area(self, area_id: str, name: str, parent: str | None, lat: float, lon: float) -> dict[str, Any]:
        area: dict[str, Any] = {"id": area_id, "name": name}
        if parent:
            area["parent"] = parent
        area |= {"lat": round(lat, 4), "lon": round(lon, 4)}
        history = []
        offset = 0
        while offset < self.days:
            status = self.rng.choice([*STATUSES, None])
            history.append(
                {"date": self.day(offset), "status": status, "controlled_by": f"Group {self.rng.randint(1, 8)}", **self.cited()}
            )
            offset += self.rng.randint(20, 45)
        area["history"] = history
        return area

    def indicators(self) -> list[dict[str, Any]]:
        """Daily values, a random walk; now and then a range, a hedge or an unknown."""
        found = []
        for index in range(INDICATORS):
            unit = "people" if index == 0 else self.rng.choice(UNITS)
            level = 100 if unit == "percent" else self.rng.randint(1_000, 400_000)
            observations = []
            for offset in range(self.days):
                level = max(1, int(level * self.rng.uniform(0.97, 1.03)))
                roll = self.rng.random()
                if roll < 0.03:
                    value: Any = None
                elif roll < 0.10:
                    value = {"low": level, "high": int(level * 1.1) + 1}
                else:
                    value = min(level, 100) if unit == "percent" else level
                if value == EDITED_VALUE:
                    value += 1  # the edited figure appears once in the file
                observation = {"date": self.day(offset), "value": value, "approximate": self.rng.random() < 0.3, **self.cited()}
                if self.claim_ids and self.rng.random() < 0.02:
                    observation["claims"] = [self.rng.choice(self.claim_ids)]
                observations.append(observation)
            indicator: dict[str, Any] = {
                "id": "people-under-siege" if index == 0 else f"indicator-{index:02d}",
                "name": "People under siege" if index == 0 else f"Indicator {index:02d}: {self.rng.choice(WORDS)}",
                "unit": unit,
                "area": "besieged-city" if index == 0 else self.rng.choice(self.area_ids),
                "observations": observations,
            }
            found.append(indicator)
        found[0]["observations"][-1] |= {"value": EDITED_VALUE, "approximate": True}
        return found

    def shortages(self) -> list[dict[str, Any]]:
        found = []
        for area_id in self.rng.sample(self.area_ids, SHORTAGE_AREAS):
            for commodity in Commodity:
                severity = self.rng.randint(1, 5)
                observations = []
                for offset in range(0, self.days, 7):
                    severity = min(5, max(1, severity + self.rng.choice([-1, 0, 0, 1])))
                    shown: Any = "insufficient_evidence" if self.rng.random() < 0.05 else severity
                    observations.append({"date": self.day(offset), "severity": shown, **self.cited()})
                found.append({"area": area_id, "commodity": commodity.value, "observations": observations})
        return found

    def access(self) -> list[dict[str, Any]]:
        found = []
        for index in range(ROUTES):
            observations = []
            offset = 0
            while offset < self.days:
                observation: dict[str, Any] = {
                    "date": self.day(offset),
                    "status": self.rng.choice(ROUTE_STATUSES),
                    "convoys_can_pass": self.rng.choice([True, False, None]),
                    **self.cited(),
                }
                if self.rng.random() < 0.3:
                    observation["threat"] = _sentence(self.rng, 6)
                observations.append(observation)
                offset += self.rng.randint(2, 6)
            found.append(
                {
                    "id": f"route-{index:02d}",
                    "name": f"Route {index:02d}",
                    "kind": self.rng.choice(["aid_corridor", "supply_line"]),
                    "to_area": self.rng.choice(self.area_ids),
                    "from_area": self.rng.choice(self.area_ids),
                    "observations": observations,
                }
            )
        return found

    def claims(self) -> list[dict[str, Any]]:
        count = max(3, round(self.days * CLAIMS_PER_DAY))
        found = []
        for index in range(count):
            offset = self.rng.randrange(self.days)
            positions = []
            for source_id in self.rng.sample(self.source_ids, self.rng.randint(1, 5)):
                position: dict[str, Any] = {
                    "source": source_id,
                    "stance": self.rng.choice(["asserts", "asserts", "denies"]),
                    "date": self.day(min(self.days - 1, offset + self.rng.randint(0, 5))),
                }
                if self.rng.random() < 0.2:
                    position["quote"] = {"text": _sentence(self.rng, 8), "by": source_id}
                positions.append(position)
            found.append(
                {
                    "id": f"claim-{index:04d}",
                    "statement": _sentence(self.rng, 12),
                    "credibility": self.rng.randint(1, 6),
                    "positions": positions,
                }
            )
        self.claim_ids = [c["id"] for c in found]
        return found

    def events(self) -> list[dict[str, Any]]:
        count = round(self.days * EVENTS_PER_DAY)
        found = []
        types = list(EVENT_TYPES)
        for index in range(count):
            event_type = self.rng.choice(types)
            event: dict[str, Any] = {
                "id": f"event-{index:05d}",
                "date": self.day(index * self.days // count),
                "area": self.rng.choice(self.lowest),
                "type": event_type,
                "sub_type": self.rng.choice(list(EVENT_TYPES[event_type][1])),
                "summary": _sentence(self.rng, 14),
                "actors": [f"Group {self.rng.randint(1, 8)}"],
                "fatalities": self.rng.choice([None, 0, 1, 2, 3, 5, 8, 12]),
                **self.cited(),
            }
            if self.rng.random() < 0.02:
                event["claims"] = [self.rng.choice(self.claim_ids)]
            found.append(event)
        return found


def crisis(size: str, seed: int = 2016) -> dict[str, Any]:
    """The situation data of size S, M or L: the same crisis, seen `SIZES[size].days` days after it began."""
    chosen = SIZES[size]
    build = _Crisis(chosen, seed)
    build.claim_ids = []
    sources = build.sources()
    areas = build.areas()
    claims = build.claims()
    return {
        "id": f"crisis-{size.lower()}",
        "title": f"A crisis after {chosen.label} (generated, {size})",
        "as_of": build.last,
        "summary": "A generated crisis for the benchmarks: one country, months of daily updates. Not real events.",
        "sources": sources,
        "areas": areas,
        "indicators": build.indicators(),
        "shortages": build.shortages(),
        "access": build.access(),
        "claims": claims,
        "events": build.events(),
    }


def crisis_yaml(size: str, seed: int = 2016) -> str:
    """The situation as YAML, block style with short lists inline, as a person writes it."""
    text = yaml.dump(
        crisis(size, seed), Dumper=getattr(yaml, "CSafeDumper", yaml.SafeDumper), sort_keys=False, allow_unicode=True, width=130
    )
    assert text.count(f"value: {EDITED_VALUE}\n") == 1, "the edited figure must appear once"
    return text


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("size", nargs="?", default="M", choices=list(SIZES), help="S (1 month), M (6 months) or L (2 years)")
    sys.stdout.write(crisis_yaml(parser.parse_args().size))
