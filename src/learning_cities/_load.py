"""Read the packaged data file and turn it into validated records.

Every field is checked as it is read; anything malformed raises :class:`DataError` naming
the file and the record. Nothing here runs at import time: :func:`learning_cities.load`
calls :func:`read_text` and :func:`parse` once, under a lock.

Each record type has a schema, a tuple of ``(field, JSON type, may be null, item check)``,
checked in one pass: exact classes, so a bool is no int and a string no list.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from ._frozenmap import FrozenMap
from .errors import DataError
from .model import (
    Award,
    City,
    Cohort,
    CohortCorrection,
    Conference,
    Country,
    CountryTotal,
    MembershipChange,
    MembershipStatus,
    NetworkTotal,
    Region,
)

if sys.version_info >= (3, 11):
    from importlib.resources import files
else:  # pragma: no cover - exercised on Python 3.10 only
    from importlib_resources import files

DATA_PACKAGE = "learning_cities.data"
DATA_FILE = "gnlc.json"
SCHEMA_VERSION = 1

T = TypeVar("T")
_MISSING: Any = object()
_REGIONS = {region.value: region for region in Region}
_STATUSES = {status.value: status for status in MembershipStatus}
_NO_NAMES = FrozenMap()


def read_text() -> str:
    """The packaged data file's text, read through :mod:`importlib.resources`.

    This works wherever the package is installed: as plain files, from a zip file, or
    through any loader that supports resources.
    """
    return files(DATA_PACKAGE).joinpath(DATA_FILE).read_text(encoding="utf-8")


# -- schemas --------------------------------------------------------------------------

_Check = Callable[[Any], bool]
_Schema = tuple[tuple[str, type, bool, "_Check | None"], ...]


def _all_str(values: list[Any]) -> bool:
    return not values or all(value.__class__ is str for value in values)


def _all_int(values: list[Any]) -> bool:
    return not values or all(value.__class__ is int for value in values)


def _str_to_str(mapping: dict[Any, Any]) -> bool:
    return not mapping or (_all_str(list(mapping)) and _all_str(list(mapping.values())))


_KINDS: dict[str, tuple[type, bool, _Check | None]] = {
    "str": (str, False, None),
    "str?": (str, True, None),
    "int": (int, False, None),
    "int?": (int, True, None),
    "list": (list, False, None),
    "strs": (list, False, _all_str),
    "ints": (list, False, _all_int),
    "names": (dict, False, _str_to_str),
}
_ITEMS = {_all_str: "a list of strings", _all_int: "a list of whole numbers", _str_to_str: "language tags to names"}


def _schema(spec: str) -> _Schema:
    fields = (item.split(":") for item in spec.split())
    return tuple((name, *_KINDS[kind]) for name, kind in fields)


_TOP = _schema(
    "schema:int data_as_of:str countries:list cities:list cohorts:list conferences:list awards:list"
    " network_totals:list membership_changes:list country_totals:list"
)
_COUNTRY = _schema("code:str alpha3:str name:str region:str aliases:strs sources:strs")
_CITY = _schema(
    "id:str name:str country:str joined:int? member_by:int? member_since:str? local_names:names status:str sources:strs"
    " status_changed:int? official_names:names aliases:strs cohorts:ints conflicts:strs notes:str"
)
_COHORT = _schema(
    "year:int announced_on:str reported_cities:int? reported_countries:int? network_cities_after:int?"
    " network_countries_after:int? population_millions:int? event:str sources:strs corrections:list notes:str"
)
_CORRECTION = _schema("field:str original:int corrected:int sources:strs notes:str")
_CONFERENCE = _schema(
    "number:int year:int start:str? end:str? host_city:str? country:str? theme:str outcome_document:str?"
    " planned_month:int? sources:strs notes:str"
)
_AWARD = _schema("year:int edition:int conference:int laureates:strs sources:strs")
_NETWORK_TOTAL = _schema(
    "as_of:str date:str? cities:int? countries:int? cities_text:str countries_text:str sources:strs notes:str"
)
_CHANGE = _schema("who:str country:str event:str period:str sources:strs notes:str")
_COUNTRY_TOTAL = _schema("country:str as_of:str date:str? cities:int sources:strs notes:str")


class _Records:
    """The records of one section of the file, each checked against a schema.

    A section of one object (the top level) names no index in its errors.
    """

    def __init__(self, file: str, section: str, schema: _Schema, *, indexed: bool = True) -> None:
        self.file = file
        self.section = section
        self.schema = schema
        self.indexed = indexed

    def where(self, index: int, raw: object) -> str:
        if not self.indexed:
            return self.section
        name = raw.get("id") if isinstance(raw, dict) else None
        place = f"{self.section}[{index}]"
        return place if name.__class__ is not str else f"{place} ({name})"

    def fail(self, index: int, raw: object, problem: str) -> DataError:
        return DataError(self.file, self.where(index, raw), problem)

    def check(self, raws: list[Any]) -> list[dict[str, Any]]:
        for index, raw in enumerate(raws):
            if raw.__class__ is not dict:
                raise self.fail(index, raw, f"expected an object, got {type(raw).__name__}")
            for key, kind, nullable, items in self.schema:
                value = raw.get(key, _MISSING)
                if value.__class__ is not kind:
                    if value is None and nullable:
                        continue
                    if value is _MISSING:
                        raise self.fail(index, raw, f"missing field {key!r}")
                    raise self.fail(index, raw, f"field {key!r} should be {kind.__name__}, got {value!r}")
                if items is not None and not items(value):
                    raise self.fail(index, raw, f"field {key!r} should be {_ITEMS[items]}, has {value!r}")
        return raws

    def date(self, index: int, raw: dict[str, Any], key: str) -> dt.date | None:
        text = raw[key]
        if text is None:
            return None
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            raise self.fail(index, raw, f"field {key!r} is not an ISO date: {text!r}") from None

    def pick(self, index: int, raw: dict[str, Any], key: str, table: Mapping[Any, T], what: str) -> T:
        value = raw[key]
        found = table.get(value, _MISSING)
        if found is _MISSING:
            raise self.fail(index, raw, f"field {key!r} names no known {what}: {value!r}")
        return found  # type: ignore[no-any-return]


def _names(mapping: dict[str, str]) -> FrozenMap:
    return FrozenMap(mapping) if mapping else _NO_NAMES


def parse(text: str, file: str = DATA_FILE) -> dict[str, Any]:
    """Records from the data file's text, as keyword arguments for ``Network``."""
    try:
        raw = json.loads(text)
    except ValueError as error:
        raise DataError(file, "whole file", f"not valid JSON ({error})") from None
    top = _Records(file, "top level", _TOP, indexed=False)
    if raw.__class__ is not dict:
        raise top.fail(0, raw, f"expected an object, got {type(raw).__name__}")
    # The version first: a file of another schema may lack fields this one requires.
    if raw.get("schema") != SCHEMA_VERSION or raw["schema"].__class__ is not int:
        raise top.fail(0, raw, f"schema {raw.get('schema')!r} is not the supported {SCHEMA_VERSION}")
    top.check([raw])
    as_of = top.date(0, raw, "data_as_of")

    section = _Records(file, "countries", _COUNTRY)
    countries: dict[str, Country] = {}
    for i, r in enumerate(section.check(raw["countries"])):
        countries[r["code"]] = Country(
            code=r["code"],
            alpha3=r["alpha3"],
            name=r["name"],
            region=section.pick(i, r, "region", _REGIONS, "region"),
            aliases=tuple(r["aliases"]),
            sources=tuple(r["sources"]),
        )

    section = _Records(file, "cities", _CITY)
    cities: dict[str, City] = {}
    for i, r in enumerate(section.check(raw["cities"])):
        country = section.pick(i, r, "country", countries, "country")
        if not r["sources"]:
            raise section.fail(i, r, "a city needs at least one source")
        if r["id"] in cities:
            raise section.fail(i, r, f"id {r['id']!r} is used twice")
        cities[r["id"]] = City(
            id=r["id"],
            name=r["name"],
            country=country,
            region=country.region,
            joined=r["joined"],
            member_by=r["member_by"],
            member_since=section.date(i, r, "member_since"),
            local_names=_names(r["local_names"]),
            status=section.pick(i, r, "status", _STATUSES, "membership status"),
            sources=tuple(r["sources"]),
            status_changed=r["status_changed"],
            official_names=_names(r["official_names"]),
            aliases=tuple(r["aliases"]),
            cohorts=tuple(r["cohorts"]),
            conflicts=tuple(r["conflicts"]),
            notes=r["notes"],
        )

    section = _Records(file, "cohorts", _COHORT)
    cohorts = []
    for i, r in enumerate(section.check(raw["cohorts"])):
        year = r["year"]
        announced = section.date(i, r, "announced_on")
        corrections = _Records(file, f"cohorts[{i}].corrections", _CORRECTION).check(r["corrections"])
        cohorts.append(
            Cohort(
                year=year,
                announced_on=announced,  # type: ignore[arg-type]  # "str" in the schema: never None
                cities=tuple(sorted((c for c in cities.values() if year in c.cohorts), key=_by_name)),
                reported_cities=r["reported_cities"],
                reported_countries=r["reported_countries"],
                network_cities_after=r["network_cities_after"],
                network_countries_after=r["network_countries_after"],
                population_millions=r["population_millions"],
                event=r["event"],
                sources=tuple(r["sources"]),
                corrections=tuple(
                    CohortCorrection(
                        field=c["field"],
                        original=c["original"],
                        corrected=c["corrected"],
                        sources=tuple(c["sources"]),
                        notes=c["notes"],
                    )
                    for c in corrections
                ),
                notes=r["notes"],
            )
        )

    section = _Records(file, "conferences", _CONFERENCE)
    conferences: dict[int, Conference] = {}
    for i, r in enumerate(section.check(raw["conferences"])):
        conferences[r["number"]] = Conference(
            number=r["number"],
            year=r["year"],
            start=section.date(i, r, "start"),
            end=section.date(i, r, "end"),
            host_city=r["host_city"],
            country=None if r["country"] is None else section.pick(i, r, "country", countries, "country"),
            theme=r["theme"],
            outcome_document=r["outcome_document"],
            planned_month=r["planned_month"],
            sources=tuple(r["sources"]),
            notes=r["notes"],
        )

    section = _Records(file, "awards", _AWARD)
    awards = []
    for i, r in enumerate(section.check(raw["awards"])):
        missing = [city_id for city_id in r["laureates"] if city_id not in cities]
        if missing:
            raise section.fail(i, r, f"laureates are not member cities: {', '.join(missing)}")
        awards.append(
            Award(
                year=r["year"],
                edition=r["edition"],
                conference=section.pick(i, r, "conference", conferences, "conference number"),
                laureates=tuple(sorted((cities[city_id] for city_id in r["laureates"]), key=_by_name)),
                sources=tuple(r["sources"]),
            )
        )

    section = _Records(file, "network_totals", _NETWORK_TOTAL)
    totals = [
        NetworkTotal(
            as_of=r["as_of"],
            date=section.date(i, r, "date"),
            cities=r["cities"],
            countries=r["countries"],
            cities_text=r["cities_text"],
            countries_text=r["countries_text"],
            sources=tuple(r["sources"]),
            notes=r["notes"],
        )
        for i, r in enumerate(section.check(raw["network_totals"]))
    ]
    changes = [
        MembershipChange(
            who=r["who"],
            country=r["country"],
            event=r["event"],
            period=r["period"],
            sources=tuple(r["sources"]),
            notes=r["notes"],
        )
        for r in _Records(file, "membership_changes", _CHANGE).check(raw["membership_changes"])
    ]
    section = _Records(file, "country_totals", _COUNTRY_TOTAL)
    country_totals = [
        CountryTotal(
            country=section.pick(i, r, "country", countries, "country"),
            as_of=r["as_of"],
            date=section.date(i, r, "date"),
            cities=r["cities"],
            sources=tuple(r["sources"]),
            notes=r["notes"],
        )
        for i, r in enumerate(section.check(raw["country_totals"]))
    ]
    return {
        "data_as_of": as_of,
        "countries": tuple(sorted(countries.values(), key=lambda c: c.name)),
        "cities": tuple(cities.values()),
        "cohorts": tuple(sorted(cohorts, key=lambda c: c.year)),
        "awards": tuple(sorted(awards, key=lambda a: a.year)),
        "conferences": tuple(sorted(conferences.values(), key=lambda c: c.number)),
        "network_totals": tuple(totals),
        "membership_changes": tuple(changes),
        "country_totals": tuple(country_totals),
    }


def _by_name(city: City) -> tuple[str, str]:
    return (city.name.casefold(), city.id)
