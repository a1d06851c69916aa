"""Admission rounds and the network sizes sources reported.

A :class:`Cohort` sets the member records we hold beside UNESCO's own figures for the
round; :class:`NetworkTotal`, :class:`CountryTotal` and :class:`MembershipChange` keep the
totals sources gave, as they gave them.

>>> import learning_cities as lc
>>> lc.load().cohort(2024)
Cohort(2024: 60 of 64 cities held, announced 2024-02-14)
"""

from __future__ import annotations

import datetime as dt

import attrs

from ._fields import Record, Year
from .model import City, Country

__all__ = ["Cohort", "CohortCorrection", "CountryTotal", "MembershipChange", "NetworkTotal"]


@attrs.frozen(cache_hash=True)
class CohortCorrection(Record):
    """A figure UNESCO first announced and later corrected; both are kept.

    >>> import learning_cities as lc
    >>> correction = lc.load().cohort(2020).corrections[0]
    >>> correction.field, correction.original, correction.corrected
    ('reported_cities', 55, 54)
    """

    field: str
    original: int
    corrected: int
    sources: tuple[str, ...] = ()
    notes: str = ""


@attrs.frozen(cache_hash=True)
class Cohort(Record):
    """One admission round: the member records we hold, beside UNESCO's own figures.

    ``cities`` holds every record named in the round's published list, by name,
    including one later withdrawn; ``held`` counts the active ones, the number to set
    against ``reported_cities``.

    >>> import learning_cities as lc
    >>> cohort = lc.load().cohort(2022)
    >>> cohort.announced_on, cohort.reported_cities, cohort.reported_countries, cohort.network_cities_after
    (datetime.date(2022, 9, 2), 77, 44, 294)
    """

    year: Year
    announced_on: dt.date
    cities: tuple[City, ...]
    reported_cities: int | None
    reported_countries: int | None
    network_cities_after: int | None
    network_countries_after: int | None
    population_millions: int | None
    event: str
    sources: tuple[str, ...]
    corrections: tuple[CohortCorrection, ...] = ()
    notes: str = ""

    def __repr__(self) -> str:
        reported = "?" if self.reported_cities is None else self.reported_cities
        return f"Cohort({self.year}: {self.held} of {reported} cities held, announced {self.announced_on.isoformat()})"

    def _repr_html_(self) -> str:
        """Its figures beside the records held, then its cities."""
        from ._tables import fields_table, table  # only for notebooks

        summary = fields_table(
            f"Cohort {self.year}, announced {self.announced_on.isoformat()}",
            [
                ("reported new cities", self.reported_cities),
                ("reported countries", self.reported_countries),
                ("records held", f"{self.held} active ({self.held_countries} countries)"),
                ("not yet found", self.missing),
                ("event", self.event),
            ],
        )
        rows = [(c.name, c.country.name, c.status) for c in self.cities]
        return summary + table(f"{len(rows)} cities held", ("name", "country", "status"), rows)

    @property
    def held(self) -> int:
        """Active member records we hold for this round.

        >>> import learning_cities as lc
        >>> cohort = lc.load().cohort(2020)
        >>> cohort.held == len(cohort.cities) - 1    # Laâyoune was listed, then withdrawn
        True
        """
        return sum(1 for city in self.cities if city.is_active)

    @property
    def missing(self) -> int | None:
        """``reported_cities - held``: records not yet found (``None`` if unreported).

        >>> import learning_cities as lc
        >>> cohort = lc.load().cohort(2022)
        >>> cohort.missing == 77 - cohort.held
        True
        """
        return None if self.reported_cities is None else self.reported_cities - self.held

    @property
    def held_countries(self) -> int:
        """Countries among the active records we hold for this round.

        >>> import learning_cities as lc
        >>> cohort = lc.load().cohort(2024)
        >>> 0 < cohort.held_countries <= cohort.reported_countries == 35
        True
        """
        return len({city.country.code for city in self.cities if city.is_active})


@attrs.frozen(cache_hash=True)
class NetworkTotal(Record):
    """A network size that a source reported on a date, as the source gave it.

    ``cities``/``countries`` are whole numbers where the source gave an exact total;
    ``cities_text``/``countries_text`` keep the wording ("200+", "~50 new").

    >>> import learning_cities as lc
    >>> total = next(t for t in lc.load().network_totals if t.as_of == "2025-12-04")
    >>> total.date, total.cities, total.countries
    (datetime.date(2025, 12, 4), 425, 91)
    >>> next(t for t in lc.load().network_totals if t.cities_text == "200+").cities is None
    True
    """

    as_of: str
    date: dt.date | None
    cities: int | None
    countries: int | None
    cities_text: str
    countries_text: str
    sources: tuple[str, ...]
    notes: str = ""


@attrs.frozen(cache_hash=True)
class CountryTotal(Record):
    """A country's number of member cities as a national or UNESCO source reported it.

    >>> import learning_cities as lc
    >>> korea = [t for t in lc.load().country_totals if t.country.code == "KR"]
    >>> [(t.as_of, t.cities) for t in korea if t.as_of in ("2017-09", "2025-12-04")]
    [('2017-09', 35), ('2025-12-04', 59)]
    """

    country: Country
    as_of: str
    date: dt.date | None
    cities: int
    sources: tuple[str, ...]
    notes: str = ""


@attrs.frozen(cache_hash=True)
class MembershipChange(Record):
    """A departure from the network, as inferred from reported totals.

    No source names a departed city, so ``who`` describes the group.

    >>> import learning_cities as lc
    >>> change = next(c for c in lc.load().membership_changes if c.period == "2018-2019")
    >>> change.event, change.country
    ('removed', '(various)')
    """

    who: str
    country: str
    event: str
    period: str
    sources: tuple[str, ...]
    notes: str = ""
