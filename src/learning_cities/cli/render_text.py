"""The text renderer: each command's result as lines for people, in the language asked.

Words come from the message table (:mod:`.messages`); names are the city's local name in
that language where the data holds one (and the country's, from ``Country.names``);
years and dates are written in the language's era (Buddhist Era in Thai).

>>> import learning_cities as lc
>>> from learning_cities.cli import commands
>>> from learning_cities.cli.messages import Messages
>>> result = commands.search(lc.load(), "khon kaen", 1)
>>> list(lines(result, Messages("en")))
['th-khon-kaen  Khon Kaen (Thailand)']
>>> list(lines(result, Messages("th")))
['th-khon-kaen  ขอนแก่น (ไทย)']
"""

from __future__ import annotations

import datetime as dt
import functools
import unicodedata
from collections.abc import Iterable, Iterator
from typing import Any

from .._repr import shown
from ..conferences import Conference
from ..eligibility import EligibilityReport
from ..model import City, Country, Region
from .commands import (
    AwardEdition,
    AwardEligibility,
    Awards,
    CityReport,
    CohortReport,
    Conferences,
    CountryReport,
    Members,
    MembershipEligibility,
    NextAward,
    ProjectedAward,
    SearchResult,
    Summary,
)
from .messages import Messages

__all__ = ["age", "city_name", "conference_line", "country_name", "lines", "render"]


def city_name(city: City, m: Messages) -> str:
    """The city's name in ``m``'s language where the data holds one, else UNESCO's.

    >>> import learning_cities as lc
    >>> city_name(lc.load().city("Bangkok"), Messages("th"))
    'กรุงเทพมหานคร'
    """
    local = city.local_names.get(m.lang) if m.lang != "en" else None
    return local or city.name


def country_name(country: Country, m: Messages) -> str:
    """The country's name in ``m``'s language (``Country.names``), else UNESCO's.

    >>> import learning_cities as lc
    >>> country_name(lc.load().country("TR"), Messages("en"))
    'Türkiye'
    """
    found = country.names.get(m.lang) if m.lang != "en" else None
    return found or country.name


def age(data_as_of: dt.date, today: dt.date, m: Messages) -> str:
    """How old data of ``data_as_of`` is on ``today``, in ``m``'s language.

    >>> from datetime import date
    >>> data_as_of = date(2025, 12, 4)
    >>> age(data_as_of, date(2026, 12, 8), Messages("en")), age(data_as_of, date(2025, 12, 5), Messages("th"))
    ('369 days ago', '1 วันก่อน')
    """
    days = (today - data_as_of).days
    if days <= 0:
        return m("age.today") if days == 0 else m("age.ahead", days=-days)
    return m("age.day") if days == 1 else m("age.days", days=days)


def _width(text: str) -> int:
    """Columns ``text`` takes on a terminal: combining marks (Thai vowels and tones) take none."""
    return sum(1 for char in text if unicodedata.category(char) not in ("Mn", "Me", "Cf"))


def _pad(text: str, width: int, *, right: bool = False) -> str:
    """``text`` padded with spaces to ``width`` columns (on the left when ``right``)."""
    space = " " * max(width - _width(text), 0)
    return space + text if right else text + space


def _field(label: str, value: str) -> str:
    return f"  {_pad(label + ':', 15)} {value}"


def _years(years: Iterable[int], m: Messages) -> str:
    return m("list").join(m.year(year) for year in years)


def _city_line(city: City, m: Messages, *, country: bool = True) -> str:
    text = city_name(city, m)
    if country:
        text = m("city.line", name=text, country=country_name(city.country, m))
    if not city.is_active:
        status = m(f"status.{city.status.value}")
        if city.status_changed is not None:
            status += f" {m.year(city.status_changed)}"
        text += f"  [{status}]"
    return text


def conference_line(conference: Conference, m: Messages) -> str:
    """One line: the conference's name, host and dates (or when it is planned).

    >>> import learning_cities as lc
    >>> conference_line(lc.load().conference(7), Messages("en"))
    '7th International Conference on Learning Cities, host not yet known, planned for June 2027'
    """
    where = _host(conference, m) or m("conference.no_host")
    return f"{m('conference.name', ordinal=m.ordinal(conference.number))}, {where}, {_when(conference, m)}"


def _host(conference: Conference, m: Messages) -> str:
    country = country_name(conference.country, m) if conference.country else None
    return ", ".join(x for x in (conference.host_city, country) if x)


def _when(conference: Conference, m: Messages) -> str:
    if conference.start is not None:
        when = m.date(conference.start)
        if conference.end is not None and conference.end != conference.start:
            when = m("conference.span", start=when, end=m.date(conference.end))
        return when
    if conference.planned_month is not None:
        month = m(f"month.{conference.planned_month}")
        return m("conference.planned_month", month=month, year=m.year(conference.year))
    return m("conference.planned", year=m.year(conference.year))


def _sources(sources: Iterable[str], m: Messages) -> Iterator[str]:
    yield f"  {m('label.sources')}:"
    for source in sources:
        yield f"    {source}"


def _report(report: EligibilityReport, m: Messages) -> Iterator[str]:
    call = report.call.id if report.call_published else m("eligibility.assumed", call=report.call.id)
    yield f"  {m('label.call')}: {call}"
    note = m("eligibility.reasons")
    if note:
        yield f"  {note}"
    for result in report.results:
        yield f"  [{m(f'outcome.{result.outcome.value}')}] {result.criterion}: {result.reason}"
        yield f"      {m('label.source')}: {result.source}"
    for caveat in report.caveats:
        yield f"  {m('label.note')}: {caveat}"


def _verdict(report: EligibilityReport, m: Messages) -> str:
    return m({True: "verdict.true", False: "verdict.false", None: "verdict.none"}[report.eligible])


@functools.singledispatch
def lines(result: object, m: Messages) -> Iterator[str]:
    """The lines of text that show ``result`` (from :mod:`.commands`) in ``m``'s language."""
    raise TypeError(f"no text rendering for {type(result).__name__}")


@lines.register
def _(result: Summary, m: Messages) -> Iterator[str]:
    yield m("summary.title", date=m.date(result.data_as_of), age=age(result.data_as_of, result.today, m))
    yield m(
        "summary.records",
        active=result.active,
        countries=result.countries,
        dated=result.dated_today,
        today=m.date(result.today),
        undated=result.undated,
    )
    yield m("summary.withdrawn", withdrawn=result.withdrawn)
    total = result.reported
    if total is not None:  # a hand-built network may hold no reported total
        yield m("summary.reported", cities=total.cities, countries=total.countries, date=m.date(total.date))
    yield ""
    yield m("summary.coverage")
    yield (
        f"  {_pad(m('column.admitted'), 30)} {_pad(m('column.held'), 5, right=True)} "
        f"{_pad(m('column.reported'), 9, right=True)} {_pad(m('column.missing'), 8, right=True)}  "
        f"{_pad(m('column.countries'), 13, right=True)}"
    )
    complete = []
    for row in result.coverage:
        label = row.label if row.year is None else m.year(row.year)
        if row.reported is None:
            state = m("coverage.unreported")
        elif row.held >= row.reported:
            state = m("coverage.complete")
            if row.year is not None:
                complete.append(label)
        else:
            state = m("coverage.share", share=f"{row.share:.0%}")
        reported = "-" if row.reported is None else str(row.reported)
        missing = "-" if row.missing is None else str(max(row.missing, 0))
        countries = str(row.held_countries)
        if row.reported_countries is not None:
            countries += f" / {row.reported_countries}"
        yield f"  {_pad(label, 30)} {row.held:>5} {reported:>9} {missing:>8}  {countries:>13}  {state}"
    yield "  " + m("coverage.complete_cohorts", cohorts=m("list").join(complete) or m("coverage.none_yet"))
    yield ""
    yield m("summary.recency")
    for bucket in result.recency:
        yield f"  {_pad(m('recency.' + bucket.label), 34)} {bucket.held:>4}"
    yield ""
    yield m("summary.regions")
    for count in result.regions:
        region = _pad(m(f"region.{count.region.value}"), 34)
        yield "  " + m("summary.region", region=region, cities=count.cities, countries=count.countries)
    yield ""
    yield m("summary.awards")
    for award in result.awards:
        yield "  " + m(
            "summary.award",
            year=m.year(award.year),
            edition=m.ordinal(award.edition),
            conference=m.ordinal(award.conference.number),
            laureates=len(award.laureates),
        )
    upcoming = result.next_award
    if upcoming.projected:
        yield "  " + m("summary.next_award", year=m.year(upcoming.year), edition=m.ordinal(upcoming.edition))


@lines.register
def _(result: CityReport, m: Messages) -> Iterator[str]:
    city = result.city
    name = city_name(city, m)
    yield (name if name == city.name else f"{name} ({city.name})") + f"  ({city.id})"
    yield _field(m("label.country"), f"{country_name(city.country, m)} ({city.country.code})")
    yield _field(m("label.region"), m(f"region.{city.region.value}"))
    joined = m.year(city.joined)
    if city.joined is None and city.member_by is not None:
        joined = m("city.member_by", joined=joined, year=m.year(city.member_by))
    yield _field(m("label.joined"), joined)
    since = city.member_since
    if since is not None and city.is_active:
        yield _field(m("label.member_since"), m.date(since))
    elif since is not None:  # never "member" wording for a city that left
        left = (
            m("city.left", since=m.date(since))
            if city.status_changed is None
            else m("city.left_in", since=m.date(since), year=m.year(city.status_changed))
        )
        yield _field(m("label.in_network"), left)
    if city.cohorts:
        yield _field(m("label.cohorts"), _years(city.cohorts, m))
    status = m(f"status.{city.status.value}")
    if city.status_changed is not None:
        status += f" ({m.year(city.status_changed)})"
    yield _field(m("label.status"), status)
    yield _field(m("label.awards"), _years((a.year for a in result.awards), m) or m("none"))
    for label, names in (("label.local_names", city.local_names), ("label.official_names", city.official_names)):
        if names:
            yield _field(m(label), "; ".join(f"{local} ({tag})" for tag, local in names.items()))
    if city.aliases:
        yield _field(m("label.also_called"), "; ".join(city.aliases))
    if city.last_confirmed is not None:
        yield _field(m("label.last_confirmed"), m.year(city.last_confirmed))
    for conflict in city.conflicts:
        yield _field(m("label.conflict"), conflict)
    for doubt in city.doubts:
        yield _field(m("label.doubt"), doubt)
    yield _field(m("label.kind"), m(f"kind.{city.kind.value}"))
    if city.location is not None:
        yield _field(m("label.location"), f"{city.location.latitude}, {city.location.longitude}")
    if city.population is not None:
        yield _field(m("label.population"), f"{city.population.count:,}")
    yield from _sources(city.sources, m)


@lines.register
def _(result: SearchResult, m: Messages) -> Iterator[str]:
    if not result.cities:
        yield m("search.none", text=shown(result.text))
        return
    width = max(len(c.id) for c in result.cities)
    for city in result.cities:
        yield f"{city.id:{width}}  {_city_line(city, m)}"


@lines.register
def _(result: CountryReport, m: Messages) -> Iterator[str]:
    country = result.country
    yield m("country.title", name=country_name(country, m), code=country.code, alpha3=country.alpha3)
    yield _field(m("label.region"), m(f"region.{country.region.value}"))
    if country.aliases:
        yield _field(m("label.also_called"), "; ".join(country.aliases))
    yield "  " + m("country.cities", active=sum(1 for c in result.cities if c.is_active))
    width = max(_width(m("unknown")), _width(m.year(2000)))
    for city in result.cities:
        yield f"    {_pad(m.year(city.joined), width, right=True)}  {_city_line(city, m, country=False)}"


@lines.register
def _(result: CohortReport, m: Messages) -> Iterator[str]:
    cohort = result.cohort
    yield m("cohort.title", year=m.year(cohort.year), date=m.date(cohort.announced_on))
    if cohort.event:
        yield f"  {_pad(m('label.event') + ':', 8)} {cohort.event}"

    def number(value: int | None) -> str:
        return m("unknown") if value is None else str(value)

    reported = m("cohort.reported", cities=number(cohort.reported_cities), countries=number(cohort.reported_countries))
    if cohort.network_cities_after is not None or cohort.network_countries_after is not None:
        reported += m(
            "cohort.after",
            cities=number(cohort.network_cities_after),
            countries=number(cohort.network_countries_after),
        )
    yield "  " + reported
    held = "  " + m("cohort.held", held=cohort.held, countries=cohort.held_countries)
    missing = cohort.missing
    if missing is not None:
        held += m("cohort.complete") if missing <= 0 else m("cohort.missing", missing=missing)
    yield held
    for fix in cohort.corrections:
        yield "  " + m("cohort.correction", field=fix.field, original=fix.original, corrected=fix.corrected)
    yield "  " + m("cohort.cities", count=len(cohort.cities))
    for region, cities in _regions_of(cohort.cities):
        yield f"    {m(f'region.{region}')}:"
        for city in cities:
            yield f"      {_city_line(city, m)}"
    yield from _sources(cohort.sources, m)


def _regions_of(cities: Iterable[City]) -> list[tuple[str, list[City]]]:
    grouped: dict[str, list[City]] = {region.value: [] for region in Region}
    for city in cities:
        grouped[city.region.value].append(city)
    return [(region, found) for region, found in grouped.items() if found]


def _award(result: AwardEdition, m: Messages) -> Iterator[str]:
    award = result.award
    yield m("award.title", year=m.year(award.year), edition=m.ordinal(award.edition), laureates=len(award.laureates))
    yield "  " + m("award.at", conference=conference_line(award.conference, m))
    for city in award.laureates:
        yield f"    {_city_line(city, m)}"


@lines.register
def _(result: AwardEdition, m: Messages) -> Iterator[str]:
    yield from _award(result, m)


@lines.register
def _(result: Awards, m: Messages) -> Iterator[str]:
    for index, award in enumerate(result.awards):
        if index:
            yield ""
        yield from _award(AwardEdition(award), m)
    upcoming = result.next
    if upcoming.projected:
        yield ""
        yield m(
            "awards.next",
            year=m.year(upcoming.year),
            edition=m.ordinal(upcoming.edition),
            rule=m(f"rule.{upcoming.rule}"),
        )


@lines.register
def _(result: ProjectedAward, m: Messages) -> Iterator[str]:
    cycle = result.cycle
    key = "award.projected_next" if result.is_next else "award.projected"
    yield m(key, year=m.year(cycle.year), edition=m.ordinal(cycle.edition), rule=m(f"rule.{cycle.rule}"))
    if cycle.conference is not None:
        yield "  " + m("award.at", conference=conference_line(cycle.conference, m))


@lines.register
def _(result: NextAward, m: Messages) -> Iterator[str]:
    cycle = result.cycle
    mark = m("next.projected") if cycle.projected else m("next.held")
    yield m("next.title", date=m.date(result.after), year=m.year(cycle.year)) + mark
    kind = m("next.kind_projected") if cycle.projected else m("next.kind_held")
    yield f"  {_pad(m('label.edition') + ':', 11)} {m('edition', ordinal=m.ordinal(cycle.edition))} ({kind})"
    conference = m("not_yet_known") if cycle.conference is None else conference_line(cycle.conference, m)
    yield f"  {_pad(m('label.conference') + ':', 11)} {conference}"


@lines.register
def _(result: AwardEligibility, m: Messages) -> Iterator[str]:
    city = result.city
    yield m(
        "eligibility.title",
        city=city_name(city, m),
        country=country_name(city.country, m),
        year=m.year(result.year),
        verdict=_verdict(result.report, m),
    )
    yield from _report(result.report, m)


@lines.register
def _(result: MembershipEligibility, m: Messages) -> Iterator[str]:
    application = result.application
    yield m(
        "membership.title",
        city=application.city,
        country=application.country,
        date=m.date(application.submitted_on),
        verdict=_verdict(result.report, m),
    )
    yield from _report(result.report, m)


def _listed(cities: Iterable[City], m: Messages, since: bool) -> Iterator[str]:
    found = list(cities)
    width = max((len(c.id) for c in found), default=0)
    for city in found:
        line = f"  {city.id:{width}}  {_city_line(city, m)}"
        if since and city.member_since is not None:
            line += "  " + m("members.since", date=m.date(city.member_since))
        yield line


@lines.register
def _(result: Members, m: Messages) -> Iterator[str]:
    yield m("members.title", date=m.date(result.on), count=len(result.members))
    yield from _listed(result.members, m, since=True)
    yield ""
    yield m("members.undated", count=len(result.undated))
    yield from _listed(result.undated, m, since=False)
    yield ""
    yield m(
        "members.reconcile",
        date=m.date(result.today),
        dated=result.dated_today,
        undated=len(result.undated),
        active=result.active_records,
    )


@lines.register
def _(result: Conferences, m: Messages) -> Iterator[str]:
    for index, conference in enumerate(result.conferences):
        if index:
            yield ""
        name = m("conference.name", ordinal=m.ordinal(conference.number))
        yield m("conference.title", name=name, year=m.year(conference.year))
        yield _field(m("label.dates"), _when(conference, m))
        yield _field(m("label.host"), _host(conference, m) or m("not_yet_known"))
        yield _field(m("label.theme"), conference.theme)


def render(result: Any, m: Messages) -> str:
    """``result`` as text: its :func:`lines`, each ended by a newline."""
    return "".join(line + "\n" for line in lines(result, m))
