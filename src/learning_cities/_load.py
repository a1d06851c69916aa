"""Read the packaged data through importlib.resources and turn it into records.

Every field is checked as it is read; anything malformed raises :class:`DataError` naming
the file and the record. Nothing here runs at import time: :func:`learning_cities.load`
calls :func:`read_network` once, under a lock.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Mapping
from typing import Any, TypeVar

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
_MISSING = object()
_REGIONS = {region.value: region for region in Region}
_STATUSES = {status.value: status for status in MembershipStatus}


class _Reader:
    """Typed access to one JSON object, with errors that say where."""

    def __init__(self, file: str, where: str, raw: object) -> None:
        if not isinstance(raw, dict):
            raise DataError(file, where, f"expected an object, got {type(raw).__name__}")
        self.file = file
        self.where = where
        self.raw: dict[str, Any] = raw

    def fail(self, problem: str) -> DataError:
        return DataError(self.file, self.where, problem)

    def _get(self, key: str) -> object:
        value = self.raw.get(key, _MISSING)
        if value is _MISSING:
            raise self.fail(f"missing field {key!r}")
        return value

    # The checks compare exact classes: JSON gives plain str/int/list/dict, and a bool is
    # not accepted where an int is expected.

    def typed(self, key: str, kind: type[T]) -> T:
        value = self._get(key)
        if value.__class__ is not kind:
            raise self.fail(f"field {key!r} should be {kind.__name__}, got {value!r}")
        return value

    def optional(self, key: str, kind: type[T]) -> T | None:
        return None if self._get(key) is None else self.typed(key, kind)

    def strings(self, key: str) -> tuple[str, ...]:
        values = self.typed(key, list)
        for value in values:
            if value.__class__ is not str:
                raise self.fail(f"field {key!r} should be a list of strings, has {value!r}")
        return tuple(values)

    def ints(self, key: str) -> tuple[int, ...]:
        values = self.typed(key, list)
        for value in values:
            if value.__class__ is not int:
                raise self.fail(f"field {key!r} should be a list of whole numbers, has {value!r}")
        return tuple(values)

    def names(self, key: str) -> dict[str, str]:
        value = self.typed(key, dict)
        for tag, name in value.items():
            if tag.__class__ is not str or name.__class__ is not str:
                raise self.fail(f"field {key!r} should map language tags to names")
        return value

    def date(self, key: str) -> dt.date | None:
        text = self.optional(key, str)
        if text is None:
            return None
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            raise self.fail(f"field {key!r} is not an ISO date: {text!r}") from None

    def enum(self, key: str, values: Mapping[str, T]) -> T:
        text = self.typed(key, str)
        try:
            return values[text]
        except KeyError:
            raise self.fail(f"field {key!r} has no such value: {text!r}") from None

    def pick(self, key: str, table: Mapping[Any, T], what: str) -> T:
        value = self._get(key)
        try:
            return table[value]
        except (KeyError, TypeError):
            raise self.fail(f"field {key!r} names no known {what}: {value!r}") from None


def read_text() -> str:
    """The packaged data file's text."""
    return files(DATA_PACKAGE).joinpath(DATA_FILE).read_text(encoding="utf-8")


def parse(text: str, file: str = DATA_FILE) -> dict[str, Any]:
    """Records from the data file's text, as keyword arguments for ``Network``."""
    try:
        raw = json.loads(text)
    except ValueError as error:
        raise DataError(file, "whole file", f"not valid JSON ({error})") from None
    top = _Reader(file, "top level", raw)
    if top.typed("schema", int) != SCHEMA_VERSION:
        raise top.fail(f"schema {top.raw['schema']!r} is not the supported {SCHEMA_VERSION}")

    def each(section: str) -> list[_Reader]:
        return [_Reader(file, f"{section}[{i}]", item) for i, item in enumerate(top.typed(section, list))]

    countries: dict[str, Country] = {}
    for r in each("countries"):
        code = r.typed("code", str)
        countries[code] = Country(
            code=code,
            alpha3=r.typed("alpha3", str),
            name=r.typed("name", str),
            region=r.enum("region", _REGIONS),
            aliases=r.strings("aliases"),
            sources=r.strings("sources"),
        )

    cities: dict[str, City] = {}
    for r in each("cities"):
        r.where = f"{r.where} ({r.raw.get('id', '?')})"
        country = r.pick("country", countries, "country")
        city = City(
            id=r.typed("id", str),
            name=r.typed("name", str),
            country=country,
            region=country.region,
            joined=r.optional("joined", int),
            member_by=r.optional("member_by", int),
            local_names=r.names("local_names"),
            status=r.enum("status", _STATUSES),
            sources=r.strings("sources"),
            status_changed=r.optional("status_changed", int),
            official_names=r.names("official_names"),
            aliases=r.strings("aliases"),
            cohorts=r.ints("cohorts"),
            conflicts=r.strings("conflicts"),
            notes=r.typed("notes", str),
        )
        if not city.sources:
            raise r.fail("a city needs at least one source")
        if city.id in cities:
            raise r.fail(f"id {city.id!r} is used twice")
        cities[city.id] = city

    cohorts = []
    for r in each("cohorts"):
        year = r.typed("year", int)
        announced = r.date("announced_on")
        if announced is None:
            raise r.fail("a cohort needs its announcement date")
        cohorts.append(
            Cohort(
                year=year,
                announced_on=announced,
                cities=tuple(sorted((c for c in cities.values() if year in c.cohorts), key=_by_name)),
                reported_cities=r.optional("reported_cities", int),
                reported_countries=r.optional("reported_countries", int),
                network_cities_after=r.optional("network_cities_after", int),
                network_countries_after=r.optional("network_countries_after", int),
                population_millions=r.optional("population_millions", int),
                event=r.typed("event", str),
                sources=r.strings("sources"),
                corrections=tuple(_correction(c) for c in _nested(r, "corrections")),
                notes=r.typed("notes", str),
            )
        )

    conferences: dict[int, Conference] = {}
    for r in each("conferences"):
        number = r.typed("number", int)
        host_code = r.optional("country", str)
        conferences[number] = Conference(
            number=number,
            year=r.typed("year", int),
            start=r.date("start"),
            end=r.date("end"),
            host_city=r.optional("host_city", str),
            country=None if host_code is None else r.pick("country", countries, "country"),
            theme=r.typed("theme", str),
            outcome_document=r.optional("outcome_document", str),
            planned_month=r.optional("planned_month", int),
            sources=r.strings("sources"),
            notes=r.typed("notes", str),
        )

    awards = []
    for r in each("awards"):
        laureate_ids = r.strings("laureates")
        missing = [i for i in laureate_ids if i not in cities]
        if missing:
            raise r.fail(f"laureates are not member cities: {', '.join(missing)}")
        awards.append(
            Award(
                year=r.typed("year", int),
                edition=r.typed("edition", int),
                conference=r.pick("conference", conferences, "conference number"),
                laureates=tuple(sorted((cities[i] for i in laureate_ids), key=_by_name)),
                sources=r.strings("sources"),
            )
        )

    totals = [
        NetworkTotal(
            as_of=r.typed("as_of", str),
            date=r.date("date"),
            cities=r.optional("cities", int),
            countries=r.optional("countries", int),
            cities_text=r.typed("cities_text", str),
            countries_text=r.typed("countries_text", str),
            sources=r.strings("sources"),
            notes=r.typed("notes", str),
        )
        for r in each("network_totals")
    ]
    changes = [
        MembershipChange(
            who=r.typed("who", str),
            country=r.typed("country", str),
            event=r.typed("event", str),
            period=r.typed("period", str),
            sources=r.strings("sources"),
            notes=r.typed("notes", str),
        )
        for r in each("membership_changes")
    ]
    country_totals = [
        CountryTotal(
            country=r.pick("country", countries, "country"),
            as_of=r.typed("as_of", str),
            date=r.date("date"),
            cities=r.typed("cities", int),
            sources=r.strings("sources"),
            notes=r.typed("notes", str),
        )
        for r in each("country_totals")
    ]
    as_of = top.date("data_as_of")
    if as_of is None:
        raise top.fail("missing data_as_of")
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


def _nested(parent: _Reader, key: str) -> list[_Reader]:
    return [_Reader(parent.file, f"{parent.where}.{key}[{i}]", x) for i, x in enumerate(parent.typed(key, list))]


def _correction(r: _Reader) -> CohortCorrection:
    return CohortCorrection(
        field=r.typed("field", str),
        original=r.typed("original", int),
        corrected=r.typed("corrected", int),
        sources=r.strings("sources"),
        notes=r.typed("notes", str),
    )
