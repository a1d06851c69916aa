"""The members stage and the package stage of the build (run by ``tools/build.py``).

Data flows one way::

    reference/upstream/*.csv   researched facts, settled in this repository with their sources
    reference/research/*.csv   cities added by our own research, each with its source
    reference/curated/*.csv    decisions we took on top of them, each with its source
        -> members (records with every fact but their place)
        -> (GeoNames local names, places: tools/geonames_local_names.py, tools/link_geonames.py)
        -> src/learning_cities/data/gnlc.json, alternate_names.json, _digest.py

:func:`members` reads the reference files; :func:`package` takes the members, their
GeoNames local names and their places, and returns the package's files. Neither writes:
``tools/build.py`` writes every file once all stages are done.

The build refuses input it cannot place (an unknown country, a laureate that matches no
member, an id used twice) instead of guessing, naming the file, line and column.
"""

from __future__ import annotations

import calendar
import datetime as dt
import json
import re
import zlib
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import thai_names
from buildlib import (
    PACKAGE,
    REFERENCE,
    BuildError,
    Row,
    fold,
    iso_date,
    number,
    read_rows,
    slug,
    urls,
    whole,
)
from buildlib import year as year_of
from learning_cities import _codec, _text
from learning_cities.errors import DataError

OUTPUT = PACKAGE / "data" / "gnlc.json"
DIGEST = PACKAGE / "_digest.py"
ALTERNATES = PACKAGE / "data" / "alternate_names.json"

MEMBER_COLUMNS = ("city", "country", "country_code", "region", "year_joined", "source_url", "notes")
_MEMBER_BY = re.compile(r"member_by=(\d{4})")


def _four_digits(text: str, where: str) -> int | None:
    if not text:
        return None
    if not re.fullmatch(r"\d{4}", text):
        raise BuildError(f"{where}: year {text!r} is not a four-digit year")
    return int(text)


def _int_or_none(text: str) -> int | None:
    return int(text) if re.fullmatch(r"\d+", text) else None


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
                "aliases": urls(row["aliases"]),
                "sources": urls(row["source_url"]),
                "notes": row["notes"],
                "names": {},
            }
            for name in [code, row["alpha3"], row["name"], *urls(row["aliases"])]:
                self._by_name[fold(name)] = code

    def code_of(self, name: str, where: str) -> str:
        try:
            return self._by_name[fold(name)]
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


def _merge_member(cities: dict[tuple[str, str], dict[str, Any]], row: Row) -> None:
    where = row.where
    key = (fold(row["city"]), row["country_code"])
    year = year_of(row, "year_joined")
    sources = urls(row["source_url"])
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
            "local_names": dict(_pairs(row.get("local_names", ""), row.at("local_names"))),
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
    for lang, name in _pairs(row.get("local_names", ""), row.at("local_names")):
        record["local_names"].setdefault(lang, name)
    record["origin"].append(where)


def _pairs(text: str, where: str) -> Iterator[tuple[str, str]]:
    for part in urls(text):
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


def _cities(countries: Countries, local_names: Sequence[Row]) -> dict[tuple[str, str], dict[str, Any]]:
    cities: dict[tuple[str, str], dict[str, Any]] = {}
    member_files = [REFERENCE / "upstream" / "members.csv", *_research_files("members")]
    for path in member_files:
        for row in read_rows(path):
            countries.check(row["country_code"], row["country"], row["region"], row.at("country_code"))
            _merge_member(cities, row)
    for path in _research_files("updates"):
        for row in read_rows(path):
            apply_update(cities, row)
    for row in local_names:
        apply_update(cities, row)
    return cities


def _find(cities: dict[tuple[str, str], dict[str, Any]], name: str, code: str, where: str) -> dict[str, Any]:
    try:
        return cities[(fold(name), code)]
    except KeyError:
        raise BuildError(f"{where}: no member city {name!r} in {code}") from None


def apply_update(cities: dict[tuple[str, str], dict[str, Any]], row: Row) -> None:
    """Apply one update row (``field`` ``year_joined`` or ``local_name``) to the member it names."""
    where = row.at("value")
    record = _find(cities, row["city"], row["country_code"], row.at("city"))
    sources = urls(row["source_url"])
    if row["field"] == "year_joined":
        # "2016" gives a year; "CONFLICT: 2017" records another source's year, never sets it.
        conflict, _, value = row["value"].rpartition(":")
        if conflict and conflict.strip() != "CONFLICT":
            raise BuildError(f"{where}: year_joined update {row['value']!r} is not 'YYYY' or 'CONFLICT: YYYY'")
        year = _four_digits(value.strip(), where)
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
        raise row.fail("field", f"unknown field {row['field']!r}")
    record["sources"] += [url for url in sources if url not in record["sources"]]
    if row["notes"]:
        record["notes"].append(row["notes"])


def _laureates(
    cities: dict[tuple[str, str], dict[str, Any]], countries: Countries
) -> list[tuple[int, tuple[str, str], Row]]:
    laureates = read_rows(REFERENCE / "curated" / "laureates.csv")
    aliases = {(fold(r["award_city"]), r["country_code"]): r for r in laureates}
    found = []
    for row in read_rows(REFERENCE / "upstream" / "awards.csv"):
        where = row.where
        year = year_of(row, "award_year")
        if year is None:
            raise row.fail("award_year", "an award row needs its award_year")
        code = countries.code_of(row["country"], row.at("country"))
        key = (fold(row["city"]), code)
        alias = aliases.get(key)
        if alias is not None:
            key = (fold(alias["member_city"]), code)
            record = _find(cities, alias["member_city"], code, alias.at("member_city"))
            if row["city"] not in record.setdefault("aliases", []):
                record["aliases"].append(row["city"])
            record["sources"] += [u for u in urls(alias["source_url"]) if u not in record["sources"]]
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
                "sources": urls(row["source_url"]),
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
    for row in read_rows(REFERENCE / "curated" / "cohort_corrections.csv"):
        corrections.setdefault(whole(row, "cohort_year"), []).append(
            {
                "field": row["field"],
                "original": whole(row, "original"),
                "corrected": whole(row, "corrected"),
                "sources": urls(row["source_url"]),
                "notes": row["notes"],
            }
        )
    cohorts = []
    for row in read_rows(REFERENCE / "upstream" / "cohorts.csv"):
        year = whole(row, "cohort_year")
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
                "announced_on": iso_date(row, "announced_on"),
                **figures,
                "event": row["event"],
                "sources": urls(row["source_url"]),
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
    for row in read_rows(REFERENCE / "upstream" / "conferences.csv"):
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
                "number": whole(row, "number"),
                "year": whole(row, "year"),
                "start": start,
                "end": _iso_or_none(row["end_date"]),
                "planned_month": int(planned.group(2)) if planned else None,
                "host_city": host_city,
                "country": None if row["country"] == "TBD" else countries.code_of(row["country"], row.at("country")),
                "theme": row["theme"],
                "outcome_document": outcome or None,
                "sources": urls(row["source_url"]),
                "notes": " ".join(notes),
            }
        )
    return sorted(conferences, key=lambda c: c["number"])


def _apply_curated_cities(cities: dict[tuple[str, str], dict[str, Any]]) -> None:
    for row in read_rows(REFERENCE / "curated" / "member_by.csv"):
        record = _find(cities, row["city"], row["country_code"], row.at("city"))
        year = whole(row, "member_by")
        if record["member_by"] is None or year < record["member_by"]:
            record["member_by"] = year
        record["sources"] += [u for u in urls(row["source_url"]) if u not in record["sources"]]
    for row in read_rows(REFERENCE / "curated" / "status.csv"):
        record = _find(cities, row["city"], row["country_code"], row.at("city"))
        record["status"] = row["status"]
        record["status_changed"] = whole(row, "changed_in")
        record["sources"] += [u for u in urls(row["source_url"]) if u not in record["sources"]]
        record["notes"].append(row["notes"])
    for row in read_rows(REFERENCE / "upstream" / "local_names.csv"):
        record = _find(cities, row["city"], row["country_code"], row.at("city"))
        record["local_names"][row["lang"]] = row["name"]
        record.setdefault("official_names", {})[row["lang"]] = row["official_name"]
        source = row["source"]
        if source and source not in record["sources"]:
            record["sources"] += urls(source)


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


def _apply_places(city_records: list[dict[str, Any]], places: Sequence[Row]) -> None:
    """Kind, location, GeoNames id, population and time zone from the places stage's rows."""
    for row in places:
        city = _by_id(city_records, row["city_id"], row.at("city_id"))
        city["kind"] = row["kind"] or "city"
        sources = urls(row["location_source"])
        if row["latitude"] and row["longitude"]:
            if not sources:
                raise row.fail("location_source", "a location needs its source")
            lat, lon = number(row, "latitude"), number(row, "longitude")
            city["location"] = {"latitude": lat, "longitude": lon, "source": sources[0]}
        if row["geonames_id"]:
            city["geonames_id"] = whole(row, "geonames_id")
        if row["population"]:
            year = year_of(row, "population_year")
            source = f"https://www.geonames.org/{row['geonames_id']}" if row["geonames_id"] else sources[0]
            city["population"] = {"count": whole(row, "population"), "year": year, "source": source}
        city["timezone"] = row["timezone"] or None
        city["place_note"] = row["note"]
        city["sources"] += [u for u in sources if u not in city["sources"]]


def _source_day(row: Row) -> str:
    """The last day of the period a source's date gives (``2025-01`` -> ``2025-01-31``): proven by then."""
    found = re.match(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?(?!\d)", row["source_date"])
    try:
        if found is None:
            raise ValueError(row["source_date"])
        year, month, day = int(found.group(1)), found.group(2), found.group(3)
        if day is not None:
            return dt.date(year, int(month or 1), int(day)).isoformat()
        if month is not None:
            return dt.date(year, int(month), calendar.monthrange(year, int(month))[1]).isoformat()
        return dt.date(year, 12, 31).isoformat()
    except ValueError:
        raise row.fail("source_date", f"{row['source_date']!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)") from None


def _apply_evidence(
    city_records: list[dict[str, Any]], cities: dict[tuple[str, str], dict[str, Any]], laureates: dict[int, list[str]]
) -> dict[str, str]:
    """``last_confirmed`` from every dated proof of membership; doubts recorded beside it.

    Returns, by city id, the earliest day a dated confirmation proves membership: the last
    day of the period its source's date gives (the source shows the city a member by then).
    """
    confirmed: dict[str, list[int]] = {}
    proven: dict[str, str] = {}
    for award_year, ids in laureates.items():
        for city_id in ids:
            confirmed.setdefault(city_id, []).append(award_year)
    for row in read_rows(REFERENCE / "research" / "evidence" / "evidence.csv"):
        record = _find(cities, row["city"], row["country_code"], row.at("city"))
        city = _by_id(city_records, record["id"], row.at("city"))
        year = year_of(row, "year")
        sources = urls(row["source_url"])
        if len(sources) != 1:
            raise row.fail("source_url", f"evidence takes exactly one source URL, not {row['source_url']!r}")
        if row["kind"] == "confirmed":
            if year is None or not row["source_date"]:
                raise row.fail("source_date", "a confirmation needs its year and the source's date")
            confirmed.setdefault(city["id"], []).append(year)
            day = _source_day(row)
            proven[city["id"]] = min(day, proven.get(city["id"], day))
            city["sources"] += [u for u in sources if u not in city["sources"]]
        elif row["kind"] == "doubt":
            when = "undated source" if year is None else str(year)
            city["doubts"].append(f"{when}: {row['notes']} ({sources[0]})")
        else:
            raise row.fail("kind", f"evidence kind {row['kind']!r} is not 'confirmed' or 'doubt'")
    for city in city_records:
        years = confirmed.get(city["id"], []) + list(city["cohorts"])
        years += [y for y in (city["joined"], city["member_by"]) if y is not None]
        city["last_confirmed"] = max(years) if years else None
    return proven


def _apply_name_variants(city_records: list[dict[str, Any]], cities: dict[tuple[str, str], dict[str, Any]]) -> None:
    """Other forms of a city's name (abbreviations, official forms) as lookup aliases, with their sources."""
    for row in read_rows(REFERENCE / "curated" / "city_name_variants.csv"):
        record = _find(cities, row["city"], row["country_code"], row.at("city"))
        city = _by_id(city_records, record["id"], row.at("city"))
        if row["name"] not in city["aliases"]:
            city["aliases"] = sorted([*city["aliases"], row["name"]])
        city["sources"] += [u for u in urls(row["source_url"]) if u not in city["sources"]]


def _country_names(cldr: Iterable[Sequence[str]]) -> dict[str, dict[str, Any]]:
    """Each country's CLDR names by language, and the curated common forms (UK, USA) as aliases."""
    found: dict[str, dict[str, Any]] = {}
    for code, lang, name, *_ in cldr:
        entry = found.setdefault(code, {"names": {}, "aliases": [], "sources": []})
        entry["names"][lang] = name
    for row in read_rows(REFERENCE / "curated" / "country_names.csv"):
        entry = found.setdefault(row["code"], {"names": {}, "aliases": [], "sources": []})
        entry["aliases"].append(row["name"])
        entry["sources"] += [u for u in urls(row["source_url"]) if u not in entry["sources"]]
    for entry in found.values():
        entry["names"] = dict(sorted(entry["names"].items()))
    return found


def _member_since(
    city: dict[str, Any], announced: dict[int, str], award_opened: str | None, proven: str | None, data_as_of: str
) -> str | None:
    """The earliest date a source proves membership (ISO), or ``None``; never after ``data_as_of``.

    For a member of a cohort: the announcement of its first cohort (or the opening day of the
    conference at which it first received the award, if earlier). Otherwise the earliest of:
    the day the earliest dated source shows it a member (``proven``); 31 December of the join
    year (or of ``member_by``); that opening day. Where a year is known, the data itself
    shows the city a member by ``data_as_of``, so the date is at most that.
    """
    awarded = [award_opened] if award_opened is not None else []
    if city["cohorts"]:
        return min([announced[city["cohorts"][0]], *awarded])
    proofs = [*awarded, *([proven] if proven is not None else [])]
    year = city["joined"] if city["joined"] is not None else city["member_by"]
    if year is not None:
        proofs.append(dt.date(year, 12, 31).isoformat())
        if year <= int(data_as_of[:4]):
            proofs.append(data_as_of)
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
            "sources": urls(row["source_url"]),
            "notes": row["notes"],
        }
        for row in read_rows(REFERENCE / "upstream" / "network_totals.csv")
    ]


def _country_totals(known: Countries) -> list[dict[str, Any]]:
    totals = []
    for row in read_rows(REFERENCE / "curated" / "country_totals.csv"):
        known.check(row["country_code"], "", "", row.at("country_code"))
        totals.append(
            {
                "country": row["country_code"],
                "as_of": row["as_of"],
                "date": _iso_or_none(row["as_of"]),
                "cities": whole(row, "cities"),
                "sources": urls(row["source_url"]),
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
            "sources": urls(row["source_url"]),
            "notes": row["notes"],
        }
        for row in read_rows(REFERENCE / "upstream" / "membership_changes.csv")
    ]


def countries() -> Countries:
    """The curated country table (``reference/curated/countries.csv``)."""
    return Countries(read_rows(REFERENCE / "curated" / "countries.csv"))


def members(local_names: Sequence[Row] = ()) -> dict[str, Any]:
    """The members stage: every reference file read into the package data, places left empty.

    ``local_names`` are update rows (``field`` ``local_name``) made by a later stage of an
    earlier pass (the GeoNames local names); they apply after the research updates.
    """
    known = countries()
    cities = _cities(known, local_names)
    laureates = _laureates(cities, known)
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
    conferences = _conferences(known)
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
            sources += [u for u in urls(row["source_url"]) if u not in sources]
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
    proven = _apply_evidence(city_records, cities, {award["year"]: award["laureates"] for award in awards})
    _apply_name_variants(city_records, cities)
    try:
        thai_names.lookup_forms(city_records)  # lookup keys only: the package derives them, no record holds them
    except thai_names.NameCollisionError as error:
        raise BuildError(str(error)) from None
    totals = _network_totals()
    dated = [c["announced_on"] for c in cohorts] + [t["date"] for t in totals if t["date"]]
    dated += [c["end"] for c in conferences if c["end"]]
    data_as_of = max(dated)
    announced = {c["year"]: c["announced_on"] for c in cohorts}
    opened = {a["year"]: next(c["start"] for c in conferences if c["number"] == a["conference"]) for a in awards}
    for city in city_records:
        award_opened = opened.get(first_award.get(city["id"], 0))
        city["member_since"] = _member_since(city, announced, award_opened, proven.get(city["id"]), data_as_of)
    used_countries = sorted({c["country"] for c in city_records} | {c["country"] for c in conferences if c["country"]})
    return {
        "schema": _codec.SCHEMA_VERSION,
        "data_as_of": data_as_of,
        "countries": [known.records[code] for code in used_countries],
        "cities": city_records,
        "cohorts": cohorts,
        "conferences": conferences,
        "awards": awards,
        "network_totals": totals,
        "membership_changes": _membership_changes(),
        "country_totals": _country_totals(known),
    }


def package(
    data: dict[str, Any],
    places: Sequence[Row],
    country_names: Iterable[Sequence[str]],
    alternates: Sequence[Row],
    alternates_source: str,
) -> dict[str, Any]:
    """The package stage: the members with their places and their countries' names, as the package's files.

    Returns the package data (plain JSON values) and, under ``files``, each file's text.
    """
    data = json.loads(json.dumps(data))  # the members stay as the earlier stages gave them
    _apply_places(data["cities"], places)
    names = _country_names(country_names)
    for record in data["countries"]:
        found = names.get(record["code"])
        if found is None:
            continue
        record["names"] = found["names"]
        record["aliases"] += [n for n in found["aliases"] if n not in record["aliases"] and n != record["name"]]
        record["sources"] += [u for u in found["sources"] if u not in record["sources"]]
    text = render(data)
    index = render_alternates(data, alternates, alternates_source)
    files = {OUTPUT: text, DIGEST: render_digest(text), ALTERNATES: index}
    return {"data": data, "files": files}


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


def render_alternates(data: dict[str, Any], alternates: Sequence[Row], source: str) -> str:
    """The second name index: every GeoNames name of each member's place, by lookup key.

    Read by the package only when a query misses the member's own names, so it costs nothing
    at start-up. Keys are normalised as the package normalises queries; a key names every
    member whose place carries that name. ``alternates`` are the places stage's name rows,
    ``source`` names the GeoNames extract they come from.
    """
    known = {city["id"] for city in data["cities"]}
    index: dict[str, set[str]] = {}
    for row in alternates:
        if row["city_id"] not in known:
            raise row.fail("city_id", f"no member city with id {row['city_id']!r}")
        key = _text.normalize(row["name"][: _text.MAX_KEY_LENGTH])
        if key:
            index.setdefault(key, set()).add(row["city_id"])
    out = {
        "source": source,
        "names": {key: sorted(ids) for key, ids in sorted(index.items())},
    }
    return json.dumps(out, ensure_ascii=False, separators=(",", ":")) + "\n"


def render_digest(text: str) -> str:
    """The module that records the built file's checksum, so the package can trust an unchanged file."""
    data = text.encode("utf-8")
    return (
        '"""The checksum of data/gnlc.json as tools/build.py wrote it (generated; do not edit)."""\n\n'
        "#: ``(zlib.crc32, size in bytes)`` of the file the build checked. ``lc.load()`` reads the\n"
        "#: package's own file one record at a time when it matches (a guard against damage, not\n"
        "#: forgery); any other content is checked in full.\n"
        f"GNLC_JSON = ({zlib.crc32(data)}, {len(data)})\n"
    )
