"""How complete the data is: records held against UNESCO's reported figures.

>>> import learning_cities as lc
>>> row = lc.coverage(lc.load())[0]
>>> row.label, row.reported
('2015-2018 (rolling admission)', None)
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import attrs

if TYPE_CHECKING:
    from .model import City, Country, CountryTotal
    from .network import Network

__all__ = ["CoverageRow", "country_coverage", "coverage"]


@attrs.frozen
class CoverageRow:
    """One line of the coverage table: ``held`` active records against ``reported``.

    >>> import learning_cities as lc
    >>> row = next(r for r in lc.coverage(lc.load()) if r.year == 2022)
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
        >>> rows = lc.coverage(lc.load())
        >>> rows[0].missing is None, all(r.missing == r.reported - r.held for r in rows if r.reported)
        (True, True)
        """
        return None if self.reported is None else self.reported - self.held

    @property
    def share(self) -> float | None:
        """``held / reported`` (``None`` where unreported).

        >>> import learning_cities as lc
        >>> row = next(r for r in lc.coverage(lc.load()) if r.year == 2022)
        >>> row.share == row.held / 77
        True
        """
        return None if not self.reported else self.held / self.reported


def coverage(network: Network) -> tuple[CoverageRow, ...]:
    """Rows for the early members, each cohort, and the whole network, in that order.

    Members admitted before the first cohort, and those whose join year is unknown, have
    no reported count; the network row sets every active record against UNESCO's newest
    reported total.

    >>> import learning_cities as lc
    >>> rows = lc.coverage(lc.load())
    >>> [r.label for r in rows[:2]], [r.year for r in rows if r.year][:4], rows[-1].label.startswith("network")
    (['2015-2018 (rolling admission)', 'join year unknown'], [2019, 2020, 2022, 2024], True)
    """
    first = min(c.year for c in network.cohorts)
    outside = [c for c in network.cities if c.is_active and not c.cohorts]
    early = [c for c in outside if c.joined is not None and c.joined < first]
    undated = [c for c in outside if c.joined is None]
    rows = [
        CoverageRow(f"2015-{first - 1} (rolling admission)", None, len(early), None, _countries(early), None),
        CoverageRow("join year unknown", None, len(undated), None, _countries(undated), None),
    ]
    for cohort in network.cohorts:
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
    total = network.reported_total
    active = [c for c in network.cities if c.is_active]
    rows.append(
        CoverageRow(
            label=f"network ({total.date.isoformat() if total.date else total.as_of})",
            year=None,
            held=len(active),
            reported=total.cities,
            held_countries=_countries(active),
            reported_countries=total.countries,
        )
    )
    return tuple(rows)


def _countries(cities: list[City]) -> int:
    return len({city.country.code for city in cities})


@attrs.frozen
class CountryCoverageRow:
    """Member records held for one country, beside the newest national figure found.

    ``held`` counts active records today. Where a source reported the country's number of
    members (``reported``, as of ``reported_as_of``), ``held_then`` counts the records
    known to be members on that date, so the two figures compare like with like.

    >>> import learning_cities as lc
    >>> thailand = next(r for r in lc.country_coverage(lc.load()) if r.country.code == "TH")
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
        """``reported - held_then`` where a national figure exists, else ``None``."""
        return None if self.reported is None or self.held_then is None else self.reported - self.held_then


def _end_of(as_of: str) -> dt.date | None:
    """The last day an ``as_of`` text covers: ``2024-02-14``, ``2020-11`` or ``2019``."""
    parts = as_of.split("-")
    if not all(part.isdigit() for part in parts) or not 1 <= len(parts) <= 3:
        return None
    year = int(parts[0])
    if len(parts) == 3:
        return dt.date(year, int(parts[1]), int(parts[2]))
    if len(parts) == 2:
        month = int(parts[1])
        return dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
    return dt.date(year, 12, 31)


def country_coverage(network: Network) -> tuple[CountryCoverageRow, ...]:
    """One row per country with member cities: most records held first, then by name.

    >>> import learning_cities as lc
    >>> korea = next(r for r in lc.country_coverage(lc.load()) if r.country.code == "KR")
    >>> korea.reported, korea.reported_as_of
    (59, '2025-12-04')
    """
    latest: dict[str, CountryTotal] = {}
    for total in network.country_totals:
        known = latest.get(total.country.code)
        if known is None or (_end_of(total.as_of) or dt.date.min) >= (_end_of(known.as_of) or dt.date.min):
            latest[total.country.code] = total
    rows = []
    for country in network.countries:
        held = sum(1 for city in network.where(country=country) if city.is_active)
        reported = latest.get(country.code)
        if reported is None:
            rows.append(CountryCoverageRow(country, held))
            continue
        end = _end_of(reported.as_of)
        held_then = None if end is None else sum(1 for c in network.members_on(end) if c.country == country)
        rows.append(CountryCoverageRow(country, held, reported.cities, reported.as_of, held_then, reported.sources))
    return tuple(sorted(rows, key=lambda row: (-row.held, row.country.name)))
