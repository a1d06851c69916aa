"""How complete the data is: records held against UNESCO's reported figures.

Every count follows the one meaning of membership in time (see :meth:`Network.members_on`):
active records that no source dates (:attr:`Network.undated`) are shown on a row of their
own, never dropped, so the rows outside the rounds, the active records of the rounds and
the undated add up to the network row, which counts every active record.

>>> import learning_cities as lc
>>> row = lc.coverage()[0]
>>> row.label, row.reported
('2015-2018 (rolling admission)', None)
>>> lc.coverage(lc.load()) == lc.coverage()
True
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable

import attrs

from ._i18n import N_, Text
from ._packaged import network_or_load
from .display import Rows
from .model import City, Country, CountryTotal, NetworkTotal
from .network import Network

__all__ = ["CountryCoverageRow", "CoverageRow", "RecencyRow", "country_coverage", "coverage", "recency"]

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


def coverage(network: Network | None = None) -> Rows[CoverageRow]:
    """Rows for the members outside the rounds, each round, and the whole network, in that order.

    The first three rows have no reported count: the active records admitted on a rolling
    basis before the first round, those outside every round's list whose join year no
    source gives (but which a source dates, e.g. by an award), and the active records that
    no source dates at all (:attr:`Network.undated`). Each round's row sets the active
    records of its published list against UNESCO's count; the network row sets every
    active record against UNESCO's newest reported total. ``network`` defaults to
    :func:`learning_cities.load`.

    >>> import learning_cities as lc
    >>> rows = lc.coverage()
    >>> [r.label for r in rows[:3]]
    ['2015-2018 (rolling admission)', 'join year unknown', 'undated (no source dates them)']
    >>> [r.year for r in rows if r.year][:4], rows[-1].label
    ([2019, 2020, 2022, 2024], 'network (2025-12-04)')
    >>> rows[2].held == len(lc.load().undated)
    True
    >>> lc.coverage("network")
    Traceback (most recent call last):
    TypeError: network must be a Network, not str: 'network'
    """
    net = network_or_load(network)
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
    total = _reported_total(net)
    if total is None:
        label, reported, reported_countries = Text("network (no reported total)"), None, None
    else:
        label = Text("network ({when})", when=total.date if total.date else total.as_of)
        reported, reported_countries = total.cities, total.countries
    rows.append(CoverageRow(label, None, len(active), reported, _countries(active), reported_countries))
    return Rows(rows, "Member records held against UNESCO's reported figures")


def _reported_total(network: Network) -> NetworkTotal | None:
    try:
        return network.reported_total
    except ValueError:  # no exact total reported
        return None


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
        >>> france = next(r for r in lc.country_coverage() if r.country.code == "FR")
        >>> france.reported, france.missing
        (None, None)
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


def country_coverage(network: Network | None = None) -> Rows[CountryCoverageRow]:
    """One row per country with member cities: most records held first, then by name.

    ``network`` defaults to :func:`learning_cities.load`.

    >>> import learning_cities as lc
    >>> korea = next(r for r in lc.country_coverage() if r.country.code == "KR")
    >>> korea.reported, korea.reported_as_of
    (59, '2025-12-04')
    >>> lc.country_coverage(lc.load) # doctest: +ELLIPSIS
    Traceback (most recent call last):
    TypeError: network must be a Network, not function: <function load at 0x...>
    """
    net = network_or_load(network)
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


def recency(network: Network | None = None) -> Rows[RecencyRow]:
    """How recently a dated source showed each active member as a member (:attr:`City.last_confirmed`).

    UIL removes inactive members without naming them, so an old confirmation is weaker
    evidence of membership today than a recent one.

    >>> import learning_cities as lc
    >>> rows = lc.recency()
    >>> [row.label for row in rows]
    ['confirmed 2022 or later', 'confirmed 2019-2021', 'confirmed only before 2019', 'no dated confirmation']
    >>> sum(row.held for row in rows) == sum(city.is_active for city in lc.load().cities)
    True
    """
    net = network_or_load(network)
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
