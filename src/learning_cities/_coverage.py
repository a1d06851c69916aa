"""The coverage tables, computed from any network: records held against UNESCO's figures.

The rows are :mod:`learning_cities.completeness`'s (where their classes are public, and
where ``network`` defaults to the packaged one); they are computed here, below the
network, so that :meth:`Network.to_records` can give them as tables.

>>> import learning_cities as lc
>>> coverage_rows(lc.load()) == lc.coverage()
True
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable
from typing import Protocol

import attrs

from ._i18n import N_, Text
from ._tables import Rows
from .cohorts import Cohort, CountryTotal, NetworkTotal
from .model import City, Country

__all__ = [
    "CountryCoverageRow",
    "CoverageRow",
    "Holdings",
    "RecencyRow",
    "country_coverage_rows",
    "coverage_rows",
    "recency_rows",
]


class Holdings(Protocol):
    """What the coverage tables ask of a network (a :class:`~learning_cities.Network` has it)."""

    @property
    def cities(self) -> tuple[City, ...]: ...

    @property
    def countries(self) -> tuple[Country, ...]: ...

    @property
    def cohorts(self) -> tuple[Cohort, ...]: ...

    @property
    def country_totals(self) -> tuple[CountryTotal, ...]: ...

    @property
    def undated(self) -> tuple[City, ...]: ...

    @property
    def reported_total(self) -> NetworkTotal | None: ...

    def members_on(self, day: dt.date) -> tuple[City, ...]: ...


#: The labels of the rows outside the rounds (the first, for the rolling admissions, names
#: the years before the first round).
YEAR_UNKNOWN = N_("join year unknown")
UNDATED = N_("undated (no source dates them)")


@attrs.frozen
class CoverageRow:
    """One line of the coverage table: ``held`` active records against ``reported``.

    >>> import learning_cities as lc
    >>> row = next(r for r in lc.coverage() if r.year == 2022)
    >>> row.label, row.reported, row.reported_countries, row.held <= row.reported
    ('2022', 77, 44, True)
    """

    label: str
    year: int | None
    held: int
    reported: int | None
    held_countries: int
    reported_countries: int | None

    @property
    def missing(self) -> int | None:
        """Cities UNESCO reported that we do not hold (``None`` where unreported).

        >>> import learning_cities as lc
        >>> rows = lc.coverage()
        >>> rows[0].missing is None, all(r.missing == r.reported - r.held for r in rows if r.reported)
        (True, True)
        """
        return None if self.reported is None else self.reported - self.held

    @property
    def share(self) -> float | None:
        """``held / reported`` (``None`` where unreported).

        >>> import learning_cities as lc
        >>> row = next(r for r in lc.coverage() if r.year == 2022)
        >>> row.share == row.held / 77
        True
        """
        return None if not self.reported else self.held / self.reported


def coverage_rows(net: Holdings) -> Rows[CoverageRow]:
    """The rows of :func:`learning_cities.completeness.coverage` for ``net``."""
    first = min((cohort.year for cohort in net.cohorts), default=None)
    active = [city for city in net.cities if city.is_active]
    # outside every round's list, dated by some source
    outside = [city for city in active if not city.cohorts and city.member_since is not None]
    early = [city for city in outside if city.joined is not None and (first is None or city.joined < first)]
    early_ids = {city.id for city in early}
    unknown_year = [city for city in outside if city.id not in early_ids]
    undated = list(net.undated)
    rolling = (
        Text("rolling admission")
        if first is None
        else Text("{first:year}-{last:year} (rolling admission)", first=2015, last=first - 1)
    )
    rows = [
        CoverageRow(rolling, None, len(early), None, _countries(early), None),
        CoverageRow(YEAR_UNKNOWN, None, len(unknown_year), None, _countries(unknown_year), None),
        CoverageRow(UNDATED, None, len(undated), None, _countries(undated), None),
    ]
    for cohort in net.cohorts:
        rows.append(
            CoverageRow(
                label=str(cohort.year),
                year=cohort.year,
                held=cohort.held,
                reported=cohort.reported_cities,
                held_countries=cohort.held_countries,
                reported_countries=cohort.reported_countries,
            )
        )
    total = net.reported_total
    if total is None:
        label, reported, reported_countries = Text("network (no reported total)"), None, None
    else:
        label = Text("network ({when})", when=total.date if total.date else total.as_of)
        reported, reported_countries = total.cities, total.countries
    rows.append(CoverageRow(label, None, len(active), reported, _countries(active), reported_countries))
    return Rows(rows, "Member records held against UNESCO's reported figures")


def _countries(cities: Iterable[City]) -> int:
    return len({city.country.code for city in cities})


@attrs.frozen
class CountryCoverageRow:
    """Member records held for one country, beside the newest national figure found.

    ``held`` counts active records today. Where a source reported the country's number of
    members (``reported``, as of ``reported_as_of``), ``held_then`` counts the records
    known to be members on the last day that figure covers
    (:meth:`Network.members_on`), so the two figures compare like with like.

    >>> import learning_cities as lc
    >>> thailand = next(r for r in lc.country_coverage() if r.country.code == "TH")
    >>> thailand.reported, thailand.reported_as_of, thailand.held_then, thailand.missing
    (10, '2024-02', 10, 0)
    """

    country: Country
    held: int
    reported: int | None = None
    reported_as_of: str | None = None
    held_then: int | None = None
    sources: tuple[str, ...] = ()

    @property
    def missing(self) -> int | None:
        """``reported - held_then`` where a national figure exists, else ``None``.

        >>> import learning_cities as lc
        >>> germany = next(r for r in lc.country_coverage() if r.country.code == "DE")
        >>> germany.reported, germany.missing
        (None, None)
        >>> france = next(r for r in lc.country_coverage() if r.country.code == "FR")
        >>> france.reported, france.held_then, france.missing
        (8, 6, 2)
        """
        return None if self.reported is None or self.held_then is None else self.reported - self.held_then


def _end_of(as_of: str) -> dt.date | None:
    """The last day an ``as_of`` text covers: ``2024-02-14``, ``2020-11`` or ``2019``.

    >>> _end_of("2020-11"), _end_of("2019"), _end_of("2024-12")
    (datetime.date(2020, 11, 30), datetime.date(2019, 12, 31), datetime.date(2024, 12, 31))
    >>> _end_of("2024-13") is None, _end_of("early 2019") is None
    (True, True)
    """
    parts = as_of.split("-")
    if not 1 <= len(parts) <= 3 or not all(part.isascii() and part.isdigit() for part in parts):
        return None
    numbers = [int(part) for part in parts]
    try:
        if len(numbers) == 3:
            return dt.date(numbers[0], numbers[1], numbers[2])
        if len(numbers) == 2:
            year, month = numbers
            if not 1 <= month <= 12:
                return None
            return dt.date(year, month, calendar.monthrange(year, month)[1])
        return dt.date(numbers[0], 12, 31)
    except (ValueError, OverflowError):  # no such day
        return None


def country_coverage_rows(net: Holdings) -> Rows[CountryCoverageRow]:
    """The rows of :func:`learning_cities.completeness.country_coverage` for ``net``."""
    latest: dict[str, tuple[dt.date | None, CountryTotal]] = {}
    for total in net.country_totals:
        end = _end_of(total.as_of)
        known = latest.get(total.country.code)
        if known is None or (end or dt.date.min) >= (known[0] or dt.date.min):
            latest[total.country.code] = (end, total)
    held: dict[str, int] = {}
    for city in net.cities:
        if city.is_active:
            held[city.country.code] = held.get(city.country.code, 0) + 1
    members_on: dict[dt.date, tuple[City, ...]] = {}
    rows = []
    for country in net.countries:
        found = latest.get(country.code)
        if found is None:
            rows.append(CountryCoverageRow(country, held.get(country.code, 0)))
            continue
        end, total = found
        held_then = None
        if end is not None:
            if end not in members_on:
                members_on[end] = net.members_on(end)
            held_then = sum(1 for city in members_on[end] if city.country.code == country.code)
        rows.append(
            CountryCoverageRow(country, held.get(country.code, 0), total.cities, total.as_of, held_then, total.sources)
        )
    return Rows(sorted(rows, key=lambda row: (-row.held, row.country.name)), "Member records held per country")


@attrs.frozen
class RecencyRow:
    """Active members whose newest dated confirmation falls in a span of years.

    ``since``/``until`` bound the span (``None``: open); ``held`` counts the members.
    """

    label: str
    since: int | None
    until: int | None
    held: int


#: The spans of :func:`recency`: (label, first year, last year); the last row holds the undated.
RECENCY_SPANS: tuple[tuple[str, int | None, int | None], ...] = (
    ("confirmed 2022 or later", 2022, None),
    ("confirmed 2019-2021", 2019, 2021),
    ("confirmed only before 2019", None, 2018),
)


def recency_rows(net: Holdings) -> Rows[RecencyRow]:
    """The rows of :func:`learning_cities.completeness.recency` for ``net``."""
    active = [city for city in net.cities if city.is_active]
    rows = []
    for label, since, until in RECENCY_SPANS:
        held = sum(
            1
            for city in active
            if city.last_confirmed is not None
            and (since is None or city.last_confirmed >= since)
            and (until is None or city.last_confirmed <= until)
        )
        rows.append(RecencyRow(label, since, until, held))
    rows.append(RecencyRow("no dated confirmation", None, None, sum(c.last_confirmed is None for c in active)))
    return Rows(rows, "Active members by their newest dated confirmation")
