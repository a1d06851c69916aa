"""The commands: each computes a result record from the network and prints nothing.

A result holds the records and figures a command found; :mod:`.render_text` and
:mod:`.render_json` print it. Lookups raise the library's errors (``LookupError`` for an
unknown city, country or year), before anything is printed.

>>> import learning_cities as lc
>>> found = city(lc.load(), "Khon Kaen")
>>> found.city.id, [award.year for award in found.awards]
('th-khon-kaen', [])
>>> counts = members(lc.load(), __import__("datetime").date(2024, 2, 14))
>>> counts.dated_today + len(counts.undated) == counts.active_records
True
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

import attrs

from ..awards import AwardCycle, award_schedule
from ..cohorts import Cohort, NetworkTotal
from ..conferences import Award, Conference
from ..eligibility import EligibilityReport, MembershipApplication, check_award_eligibility, check_membership
from ..model import City, Country, Region

if TYPE_CHECKING:
    from ..completeness import CoverageRow, RecencyRow
    from ..network import Network

__all__ = [
    "AwardEdition",
    "AwardEligibility",
    "Awards",
    "CityReport",
    "CohortReport",
    "Conferences",
    "CountryReport",
    "Export",
    "Members",
    "MembershipEligibility",
    "NextAward",
    "ProjectedAward",
    "RegionCount",
    "SearchResult",
    "Summary",
    "award_eligibility",
    "awards",
    "city",
    "cohort",
    "conferences",
    "country",
    "export",
    "members",
    "membership",
    "next_award",
    "search",
    "summary",
]


# -- results ---------------------------------------------------------------------------------


@attrs.frozen
class RegionCount:
    """Active member records of one region, and their countries."""

    region: Region
    cities: int
    countries: int


@attrs.frozen
class Summary:
    """The network at a glance; ``dated_today + undated == active`` records."""

    data_as_of: dt.date
    today: dt.date
    active: int
    dated_today: int
    undated: int
    withdrawn: int
    countries: int
    reported: NetworkTotal | None
    coverage: tuple[CoverageRow, ...]
    recency: tuple[RecencyRow, ...]
    regions: tuple[RegionCount, ...]
    awards: tuple[Award, ...]
    next_award: AwardCycle


@attrs.frozen
class CityReport:
    """One city with the award editions it received."""

    city: City
    awards: tuple[Award, ...]


@attrs.frozen
class SearchResult:
    """The cities closest to ``text``, best first."""

    text: str
    cities: tuple[City, ...]


@attrs.frozen
class CountryReport:
    """One country with its member city records, by join year."""

    country: Country
    cities: tuple[City, ...]


@attrs.frozen
class CohortReport:
    """One admission round."""

    cohort: Cohort


@attrs.frozen
class Awards:
    """Every award edition held, and the next one (projected or held)."""

    awards: tuple[Award, ...]
    next: AwardCycle


@attrs.frozen
class AwardEdition:
    """One award edition that was held."""

    award: Award


@attrs.frozen
class ProjectedAward:
    """An award edition projected by the rule in force; ``is_next`` if it is the next one."""

    cycle: AwardCycle
    is_next: bool


@attrs.frozen
class NextAward:
    """The first award cycle conferred after ``after``."""

    after: dt.date
    cycle: AwardCycle


@attrs.frozen
class AwardEligibility:
    """Whether a member city may apply for an award edition."""

    city: City
    year: int
    report: EligibilityReport


@attrs.frozen
class MembershipEligibility:
    """Whether a city may apply to join, on the date it applies."""

    report: EligibilityReport

    @property
    def application(self) -> MembershipApplication:
        """The application the report judged."""
        assert self.report.application is not None, "a membership report carries its application"
        return self.report.application


@attrs.frozen
class Members:
    """Members on a date, the undated active records apart, and today's reconciled counts."""

    on: dt.date
    today: dt.date
    members: tuple[City, ...]
    undated: tuple[City, ...]
    dated_today: int
    active_records: int


@attrs.frozen
class Conferences:
    """The International Conferences on Learning Cities, by number."""

    conferences: tuple[Conference, ...]


@attrs.frozen
class Export:
    """Every city as one row (for ``geojson``, a FeatureCollection), and the format to write them in."""

    rows: Any = attrs.field(eq=False)
    format: str
    excel: bool


# -- commands --------------------------------------------------------------------------------


def summary(net: Network, today: dt.date) -> Summary:
    """The network at a glance, with members counted on ``today``."""
    from ..completeness import coverage, recency

    active = [c for c in net.cities if c.is_active]
    regions = []
    for region in Region:
        cities = [c for c in active if c.region is region]
        regions.append(RegionCount(region, len(cities), len({c.country.code for c in cities})))
    return Summary(
        data_as_of=net.data_as_of,
        today=today,
        active=len(active),
        dated_today=len(net.members_on(today)),
        undated=len(net.undated),
        withdrawn=len(net.cities) - len(active),
        countries=len({c.country.code for c in active}),
        reported=net.reported_total,
        coverage=coverage(net),
        recency=recency(net),
        regions=tuple(regions),
        awards=net.awards,
        next_award=award_schedule(net).next_award(after=today),
    )


def city(net: Network, name: str, country: str | None = None) -> CityReport:
    """The city of that id or name, in ``country`` if given (``UnknownCityError`` otherwise)."""
    found = net.city(name, country=country)
    return CityReport(found, net.awards_of(found))


def search(net: Network, text: str, limit: int) -> SearchResult:
    """At most ``limit`` cities whose names are close to ``text``."""
    return SearchResult(text, net.search(text, limit=limit))


def country(net: Network, name: str) -> CountryReport:
    """The country of that code or name, with its member city records."""
    found = net.country(name)
    return CountryReport(found, net.where(country=found))


def cohort(net: Network, year: int) -> CohortReport:
    """The admission round of ``year``."""
    return CohortReport(net.cohort(year))


def awards(net: Network, year: int | None, today: dt.date) -> Awards | AwardEdition | ProjectedAward:
    """Every edition (``year`` is ``None``), or one: held, or projected by the rule in force."""
    schedule = award_schedule(net)
    upcoming = schedule.next_award(after=today)
    if year is None:
        return Awards(net.awards, upcoming)
    held = {award.year: award for award in net.awards}
    if year in held:
        return AwardEdition(held[year])
    cycle = schedule.cycle(year)  # UnknownAwardError for a year with no edition
    return ProjectedAward(cycle, cycle.year == upcoming.year)


def next_award(net: Network, after: dt.date) -> NextAward:
    """The first award cycle conferred after ``after``."""
    return NextAward(after, award_schedule(net).next_award(after=after))


def award_eligibility(net: Network, name: str, year: int) -> AwardEligibility:
    """The award eligibility report of a member city for the edition of ``year``."""
    found = net.city(name)
    return AwardEligibility(found, year, check_award_eligibility(found, year, network=net))


def membership(net: Network, application: MembershipApplication) -> MembershipEligibility:
    """The membership eligibility report of an application, judged on its submission date."""
    return MembershipEligibility(check_membership(application, network=net))


def members(net: Network, on: dt.date, today: dt.date | None = None) -> Members:
    """The members on ``on``, the undated active records apart, and today's counts."""
    today = dt.date.today() if today is None else today
    return Members(
        on=on,
        today=today,
        members=net.members_on(on),
        undated=net.undated,
        dated_today=len(net.members_on(today)),
        active_records=sum(1 for c in net.cities if c.is_active),
    )


def conferences(net: Network) -> Conferences:
    """Every International Conference on Learning Cities."""
    return Conferences(net.conferences)


def export(net: Network, format: str, excel: bool) -> Export:
    """Every city's row, to be written as ``format`` (``csv`` or ``json``), or the located ones as GeoJSON.

    For ``network``, the whole network as one document (:mod:`learning_cities.document`).
    """
    if format == "network":
        from ..document import unstructure

        return Export(unstructure(net), format, excel)
    return Export(net.to_geojson() if format == "geojson" else net.to_records(), format, excel)
