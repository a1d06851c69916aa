"""The text renderer: each command's result as lines for people, in the language asked.

Words come from the gettext catalogs (:mod:`learning_cities._i18n`: each message is its
English text); names are the city's local name in that language where the data holds one
(and the country's, from ``Country.names``);
years and dates are written in the language's era (Buddhist Era in Thai).

>>> import learning_cities as lc
>>> from learning_cities.cli import commands
>>> from learning_cities._i18n import Language as Messages
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

from .._i18n import N_, NC_, Language, in_language
from .._repr import shown
from ..conferences import Conference
from ..eligibility import EligibilityReport
from ..model import City, Country, Region
from ..rules import rule
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

__all__ = ["age", "city_name", "conference_line", "country_name", "lines", "render"]


def city_name(city: City, m: Language) -> str:
    """The city's name in ``m``'s language where the data holds one, else UNESCO's.

    >>> import learning_cities as lc
    >>> from learning_cities._i18n import Language as Messages
    >>> city_name(lc.load().city("Bangkok"), Messages("th"))
    'กรุงเทพมหานคร'
    """
    local = city.local_names.get(m.lang) if m.lang != "en" else None
    return local or city.name


def country_name(country: Country, m: Language) -> str:
    """The country's name in ``m``'s language (``Country.names``), else UNESCO's.

    >>> import learning_cities as lc
    >>> from learning_cities._i18n import Language as Messages
    >>> country_name(lc.load().country("TR"), Messages("en"))
    'Türkiye'
    """
    found = country.names.get(m.lang) if m.lang != "en" else None
    return found or country.name


def age(data_as_of: dt.date, today: dt.date, m: Language) -> str:
    """How old data of ``data_as_of`` is on ``today``, in ``m``'s language.

    >>> from datetime import date
    >>> data_as_of = date(2025, 12, 4)
    >>> age(data_as_of, date(2026, 12, 8), Language("en")), age(data_as_of, date(2025, 12, 5), Language("th"))
    ('369 days ago', '1 วันก่อน')
    """
    days = (today - data_as_of).days
    if days <= 0:
        return m("today") if days == 0 else m("{days} days after today", days=-days)
    return m("1 day ago") if days == 1 else m("{days} days ago", days=days)


def _width(text: str) -> int:
    """Columns ``text`` takes on a terminal: combining marks (Thai vowels and tones) take none."""
    return sum(1 for char in text if unicodedata.category(char) not in ("Mn", "Me", "Cf"))


def _pad(text: str, width: int, *, right: bool = False) -> str:
    """``text`` padded with spaces to ``width`` columns (on the left when ``right``)."""
    space = " " * max(width - _width(text), 0)
    return space + text if right else text + space


def _field(label: str, value: str) -> str:
    return f"  {_pad(label + ':', 15)} {value}"


def _label(label: str, value: str) -> str:
    """A short labelled line (the next award's)."""
    return f"  {_pad(label + ':', 11)} {value}"


def _years(years: Iterable[int], m: Language) -> str:
    return ", ".join(m.year(year) for year in years)


def _city_line(city: City, m: Language, *, country: bool = True) -> str:
    text = city_name(city, m)
    if country:
        text = m("{name} ({country})", name=text, country=country_name(city.country, m))
    if not city.is_active:
        status = m.pick("status", city.status.value)
        if city.status_changed is not None:
            status += f" {m.year(city.status_changed)}"
        text += f"  [{status}]"
    return text


def conference_line(conference: Conference, m: Language) -> str:
    """One line: the conference's name, host and dates (or when it is planned).

    >>> import learning_cities as lc
    >>> from learning_cities._i18n import Language as Messages
    >>> conference_line(lc.load().conference(7), Messages("en"))
    '7th International Conference on Learning Cities, host not yet known, planned for June 2027'
    """
    where = _host(conference, m) or m("host not yet known")
    name = m("{ordinal} International Conference on Learning Cities", ordinal=m.ordinal(conference.number))
    return f"{name}, {where}, {_when(conference, m)}"


def _host(conference: Conference, m: Language) -> str:
    country = country_name(conference.country, m) if conference.country else None
    return ", ".join(x for x in (conference.host_city, country) if x)


def _when(conference: Conference, m: Language) -> str:
    if conference.start is not None:
        when = m.date(conference.start)
        if conference.end is not None and conference.end != conference.start:
            when = m("{start} to {end}", start=when, end=m.date(conference.end))
        return when
    if conference.planned_month is not None:
        month = m.month(conference.planned_month)
        return m("planned for {month} {year}", month=month, year=m.year(conference.year))
    return m("planned for {year}", year=m.year(conference.year))


def _quoted(text: str, m: Language) -> str:
    """Text of the source data (English, as the sources give it): marked as such outside English."""
    return m.pick("quoted source text", "{text}", text=text)


def _sources(sources: Iterable[str], m: Language) -> Iterator[str]:
    yield "  " + m("sources") + ":"
    for source in sources:
        yield f"    {source if source.startswith(('http://', 'https://')) else _quoted(source, m)}"


def _report(report: EligibilityReport, m: Language) -> Iterator[str]:
    yield "  " + m("call") + f": {in_language(report.call_name, m.lang, m.calendar)}"
    for result in report.results:
        yield "  " + m(
            "[{outcome}] {criterion}: {reason}",
            outcome=m.pick("outcome", result.outcome.value),
            criterion=result.criterion,
            rule=_criterion(result.criterion, m),
            reason=in_language(result.reason, m.lang),
        )
        yield "      " + m("source") + f": {result.source}"
    for caveat in report.caveats:
        yield "  " + m("note") + f": {in_language(caveat, m.lang)}"


def _criterion(rule_id: str, m: Language) -> str:
    """The rule's text in ``m``'s language (the rules' texts are in the catalogs, from the rules data)."""
    try:
        return m(rule(rule_id).text)
    except LookupError:  # a report made by hand may name a rule the table does not hold
        return rule_id


#: How each report's verdict reads.
_VERDICTS = {True: N_("eligible"), False: N_("not eligible"), None: N_("cannot be decided from the data")}
#: How each rule of an award schedule reads.
_RULES = {
    "triennial": N_("every three years, the rule in force"),
    "biennial": N_("every two years"),
    "held": N_("held, from the data"),
}
#: Values the records hold in English and the renderer shows through the catalogs (marked for extraction).
_VALUES = (
    N_("Africa"),
    N_("Arab States"),
    N_("Asia and the Pacific"),
    N_("Europe and North America"),
    N_("Latin America and the Caribbean"),
    NC_("status", "active"),
    NC_("status", "withdrawn"),
    NC_("outcome", "met"),
    NC_("outcome", "not met"),
    NC_("outcome", "unknown"),
    NC_("kind", "city"),
    NC_("kind", "municipality"),
    NC_("kind", "district"),
    NC_("kind", "county"),
    NC_("kind", "province"),
    NC_("kind", "region"),
    NC_("kind", "consortium"),
    N_("confirmed 2022 or later"),
    N_("confirmed 2019-2021"),
    N_("confirmed only before 2019"),
    N_("no dated confirmation"),
)


def _verdict(report: EligibilityReport, m: Language) -> str:
    return m(_VERDICTS[report.eligible])


@functools.singledispatch
def lines(result: object, m: Language) -> Iterator[str]:
    """The lines of text that show ``result`` (from :mod:`.commands`) in ``m``'s language."""
    raise TypeError(f"no text rendering for {type(result).__name__}")


@lines.register
def _(result: Summary, m: Language) -> Iterator[str]:
    yield m(
        "UNESCO Global Network of Learning Cities: data as of {date}, {age}",
        date=m.date(result.data_as_of),
        age=age(result.data_as_of, result.today, m),
    )
    yield m(
        "{active} active records in {countries} countries: {dated} dated members on {today}, {undated} undated",
        active=result.active,
        countries=result.countries,
        dated=result.dated_today,
        today=m.date(result.today),
        undated=result.undated,
    )
    yield m("withdrawn records, counted apart: {withdrawn}", withdrawn=result.withdrawn)
    total = result.reported
    if total is not None:  # a hand-built network may hold no reported total
        yield m(
            "UNESCO reported {cities} cities in {countries} countries on {date}",
            cities=total.cities,
            countries=total.countries,
            date=m.date(total.date),
        )
    yield ""
    yield m("Members held against UNESCO's reported figures (complete = every reported member held):")
    yield (
        "  "
        + " ".join((_pad(m("admitted"), 30), _pad(m("held"), 5, right=True), _pad(m("reported"), 9, right=True)))
        + " "
        + _pad(m("missing"), 8, right=True)
        + "  "
        + _pad(m("countries"), 13, right=True)
    )
    complete = []
    for row in result.coverage:
        label = in_language(row.label, m.lang) if row.year is None else m.year(row.year)
        if row.reported is None:
            state = m("no reported count")
        elif row.held >= row.reported:
            state = m("complete")
            if row.year is not None:
                complete.append(label)
        else:
            state = m("{share} held", share=format(row.share, ".0%"))
        reported = "-" if row.reported is None else str(row.reported)
        missing = "-" if row.missing is None else str(max(row.missing, 0))
        countries = str(row.held_countries)
        if row.reported_countries is not None:
            countries += f" / {row.reported_countries}"
        yield f"  {_pad(label, 30)} {row.held:>5} {reported:>9} {missing:>8}  {countries:>13}  {state}"
    yield "  " + m(
        "complete cohorts: {cohorts}; a dash means UNESCO gave no count", cohorts=", ".join(complete) or m("none yet")
    )
    yield ""
    yield m("Active members by their newest dated confirmation as members:")
    for bucket in result.recency:
        yield f"  {_pad(m(bucket.label), 34)} {bucket.held:>4}"
    yield ""
    yield m("Active members held by region:")
    for count in result.regions:
        region = _pad(m(count.region.value), 34)
        yield "  " + m(
            "{region} {cities:>4} cities in {countries:>2} countries",
            region=region,
            cities=count.cities,
            countries=count.countries,
        )
    yield ""
    yield m("UNESCO Learning City Award:")
    for award in result.awards:
        yield "  " + m(
            "{year}  {edition} edition, at the {conference} conference: {laureates} laureates",
            year=m.year(award.year),
            edition=m.ordinal(award.edition),
            conference=m.ordinal(award.conference.number),
            laureates=len(award.laureates),
        )
    upcoming = result.next_award
    if upcoming.projected:
        yield "  " + m(
            "{year}  {edition} edition, projected: the next, not yet held",
            year=m.year(upcoming.year),
            edition=m.ordinal(upcoming.edition),
        )


@lines.register
def _(result: CityReport, m: Language) -> Iterator[str]:
    city = result.city
    name = city_name(city, m)
    yield (name if name == city.name else f"{name} ({city.name})") + f"  ({city.id})"
    yield _field(m("country"), f"{country_name(city.country, m)} ({city.country.code})")
    yield _field(m("region"), m(city.region.value))
    joined = m.year(city.joined)
    if city.joined is None and city.member_by is not None:
        joined = m("{joined} (a member by {year})", joined=joined, year=m.year(city.member_by))
    yield _field(m("joined"), joined)
    since = city.member_since
    if since is not None and city.is_active:
        yield _field(m("member since"), m.date(since))
    elif since is not None:  # never "member" wording for a city that left
        left = (
            m("from {since} until it withdrew", since=m.date(since))
            if city.status_changed is None
            else m("from {since} until it withdrew in {year}", since=m.date(since), year=m.year(city.status_changed))
        )
        yield _field(m("in network"), left)
    if city.cohorts:
        yield _field(m("cohorts"), _years(city.cohorts, m))
    status = m.pick("status", city.status.value)
    if city.status_changed is not None:
        status += f" ({m.year(city.status_changed)})"
    yield _field(m("status"), status)
    yield _field(m("awards"), _years((a.year for a in result.awards), m) or m("none"))
    for label, names in ((N_("local names"), city.local_names), (N_("official names"), city.official_names)):
        if names:
            yield _field(m(label), "; ".join(f"{local} ({tag})" for tag, local in names.items()))
    if city.aliases:
        yield _field(m("also called"), "; ".join(city.aliases))
    if city.last_confirmed is not None:
        yield _field(m("last confirmed"), m.year(city.last_confirmed))
    for conflict in city.conflicts:
        yield _field(m("conflict"), _quoted(conflict, m))
    for doubt in city.doubts:
        yield _field(m("doubt"), _quoted(doubt, m))
    yield _field(m("kind"), m.pick("kind", city.kind.value))
    if city.location is not None:
        yield _field(m("location"), f"{city.location.latitude}, {city.location.longitude}")
    if city.population is not None:
        yield _field(m("population"), f"{city.population.count:,}")
    yield from _sources(city.sources, m)


@lines.register
def _(result: SearchResult, m: Language) -> Iterator[str]:
    if not result.cities:
        yield m("no member city is close to {text}", text=shown(result.text))
        return
    width = max(len(c.id) for c in result.cities)
    for city in result.cities:
        yield f"{city.id:{width}}  {_city_line(city, m)}"


@lines.register
def _(result: CountryReport, m: Language) -> Iterator[str]:
    country = result.country
    yield m("{name}  ({code}, {alpha3})", name=country_name(country, m), code=country.code, alpha3=country.alpha3)
    yield _field(m("region"), m(country.region.value))
    if country.aliases:
        yield _field(m("also called"), "; ".join(country.aliases))
    yield "  " + m(
        "member cities held ({active} active), by join year:", active=sum(1 for c in result.cities if c.is_active)
    )
    width = max(_width(m("unknown")), _width(m.year(2000)))
    for city in result.cities:
        yield f"    {_pad(m.year(city.joined), width, right=True)}  {_city_line(city, m, country=False)}"


@lines.register
def _(result: CohortReport, m: Language) -> Iterator[str]:
    cohort = result.cohort
    yield m("Cohort {year}: announced {date}", year=m.year(cohort.year), date=m.date(cohort.announced_on))
    if cohort.event:
        yield "  " + _pad(m("event") + ":", 8) + " " + _quoted(cohort.event, m)

    def number(value: int | None) -> str:
        return m("unknown") if value is None else str(value)

    reported = m(
        "UNESCO reported: {cities} new cities from {countries} countries",
        cities=number(cohort.reported_cities),
        countries=number(cohort.reported_countries),
    )
    if cohort.network_cities_after is not None or cohort.network_countries_after is not None:
        reported += m(
            "; network after: {cities} cities in {countries} countries",
            cities=number(cohort.network_cities_after),
            countries=number(cohort.network_countries_after),
        )
    yield "  " + reported
    held = "  " + m(
        "held:    {held} active records from {countries} countries", held=cohort.held, countries=cohort.held_countries
    )
    missing = cohort.missing
    if missing is not None:
        held += m(" (complete)") if missing <= 0 else m(" ({missing} not yet found)", missing=missing)
    yield held
    for fix in cohort.corrections:
        yield "  " + m(
            "correction: {field} first {original}, corrected to {corrected}",
            field=fix.field,
            original=fix.original,
            corrected=fix.corrected,
        )
    yield "  " + m("cities ({count}):", count=len(cohort.cities))
    for region, cities in _regions_of(cohort.cities):
        yield f"    {m(region)}:"
        for city in cities:
            yield f"      {_city_line(city, m)}"
    yield from _sources(cohort.sources, m)


def _regions_of(cities: Iterable[City]) -> list[tuple[str, list[City]]]:
    grouped: dict[str, list[City]] = {region.value: [] for region in Region}
    for city in cities:
        grouped[city.region.value].append(city)
    return [(region, found) for region, found in grouped.items() if found]


def _award(result: AwardEdition, m: Language) -> Iterator[str]:
    award = result.award
    yield m(
        "{year}: {edition} UNESCO Learning City Award, {laureates} laureates",
        year=m.year(award.year),
        edition=m.ordinal(award.edition),
        laureates=len(award.laureates),
    )
    yield "  " + m("at the {conference}", conference=conference_line(award.conference, m))
    for city in award.laureates:
        yield f"    {_city_line(city, m)}"


@lines.register
def _(result: AwardEdition, m: Language) -> Iterator[str]:
    yield from _award(result, m)


@lines.register
def _(result: Awards, m: Language) -> Iterator[str]:
    for index, award in enumerate(result.awards):
        if index:
            yield ""
        yield from _award(AwardEdition(award), m)
    upcoming = result.next
    if upcoming.projected:
        yield ""
        yield m(
            "next: {year}, {edition} edition, projected ({rule}); not yet held",
            year=m.year(upcoming.year),
            edition=m.ordinal(upcoming.edition),
            rule=m(_RULES[upcoming.rule]),
        )


@lines.register
def _(result: ProjectedAward, m: Language) -> Iterator[str]:
    cycle = result.cycle
    key = (
        N_("{year}: {edition} UNESCO Learning City Award, projected ({rule}): the next edition, not yet held")
        if result.is_next
        else N_("{year}: {edition} UNESCO Learning City Award, projected ({rule}); not yet held")
    )
    yield m(key, year=m.year(cycle.year), edition=m.ordinal(cycle.edition), rule=m(_RULES[cycle.rule]))
    if cycle.conference is not None:
        yield "  " + m("at the {conference}", conference=conference_line(cycle.conference, m))


@lines.register
def _(result: NextAward, m: Language) -> Iterator[str]:
    cycle = result.cycle
    mark = m(" (projected)") if cycle.projected else m(" (held)")
    yield (
        m("Next UNESCO Learning City Award after {date}: {year}", date=m.date(result.after), year=m.year(cycle.year))
        + mark
    )
    kind = m("projected from the rule in force") if cycle.projected else m("held, from the data")
    edition = m.pick("edition", "{ordinal}", ordinal=m.ordinal(cycle.edition))
    yield _label(m("edition"), f"{edition} ({kind})")
    conference = m("not yet known") if cycle.conference is None else conference_line(cycle.conference, m)
    yield _label(m("conference"), conference)
    if not cycle.call_published:
        yield _label(m("call"), m("not yet published"))
        if cycle.assumed_window is not None:
            window = cycle.assumed_window
            first, last = m.date(window.first), m.date(window.last)
            yield _label(m("window"), m("assumed: its deadline falls from {first} to {last}", first=first, last=last))
            yield (
                "  "
                + _pad("", 11)
                + " "
                + m("(after the data's date and the previous award, by the award; as eligibility assumes)")
            )
            yield from _sources(window.sources, m)


@lines.register
def _(result: AwardEligibility, m: Language) -> Iterator[str]:
    city = result.city
    yield m(
        "{city} ({country}) for the {year} UNESCO Learning City Award: {verdict}",
        city=city_name(city, m),
        country=country_name(city.country, m),
        year=m.year(result.year),
        verdict=_verdict(result.report, m),
    )
    yield from _report(result.report, m)


@lines.register
def _(result: MembershipEligibility, m: Language) -> Iterator[str]:
    application = result.application
    yield m(
        "{city} ({country}) applying to join on {date}: {verdict}",
        city=application.city,
        country=application.country,
        date=m.date(application.submitted_on),
        verdict=_verdict(result.report, m),
    )
    yield from _report(result.report, m)


def _listed(cities: Iterable[City], m: Language, since: bool) -> Iterator[str]:
    found = list(cities)
    width = max((len(c.id) for c in found), default=0)
    for city in found:
        line = f"  {city.id:{width}}  {_city_line(city, m)}"
        if since and city.member_since is not None:
            line += "  " + m("since {date}", date=m.date(city.member_since))
        yield line


@lines.register
def _(result: Members, m: Language) -> Iterator[str]:
    yield m("Members on {date}: {count} dated members", date=m.date(result.on), count=len(result.members))
    yield from _listed(result.members, m, since=True)
    yield ""
    yield m(
        "Undated active records, shown apart (members today; no source dates them): {count}", count=len(result.undated)
    )
    yield from _listed(result.undated, m, since=False)
    yield ""
    yield m(
        "Today ({date}): {dated} dated members + {undated} undated = {active} active records",
        date=m.date(result.today),
        dated=result.dated_today,
        undated=len(result.undated),
        active=result.active_records,
    )


@lines.register
def _(result: Conferences, m: Language) -> Iterator[str]:
    for index, conference in enumerate(result.conferences):
        if index:
            yield ""
        name = m("{ordinal} International Conference on Learning Cities", ordinal=m.ordinal(conference.number))
        yield m("{name} ({year})", name=name, year=m.year(conference.year))
        yield _field(m("dates"), _when(conference, m))
        yield _field(m("host"), _host(conference, m) or m("not yet known"))
        yield _field(m("theme"), _quoted(conference.theme, m))


def render(result: Any, m: Language) -> str:
    """``result`` as text: its :func:`lines`, each ended by a newline."""
    return "".join(line + "\n" for line in lines(result, m))
