"""Eligibility checks: may a city apply to join the network, or for the award in a year.

Each check picks the call that applies (by the date submitted, or by the award year) and
runs, for every rule :mod:`learning_cities.rules` lists for that call, the check registered
for that rule's id. Every question is answered as of its date: an application as of the day
it was submitted (against who was a member that day), an award candidacy as of the call's
deadline. A report lists every criterion with its outcome, a sentence naming the facts used
and the rule's source. It is eligible only when every criterion is met, not eligible when
any is not met, and undecided (``None``) when none fails but some are unknown.

>>> import learning_cities as lc
>>> from datetime import date
>>> report = lc.check_award_eligibility("Cork", 2027)
>>> report.eligible
False
>>> [r.outcome.value for r in report.results]
['met', 'not met', 'met']
>>> app = lc.MembershipApplication(city="Nan", country="TH", submitted_on=date(2025, 6, 1),
...     mayor_endorsed=True, national_commission_endorsed=True,
...     commits_to_guiding_documents=True, track_record=True, population=20_000)
>>> lc.check_membership(app).eligible
True
"""

from __future__ import annotations

import calendar
import datetime as dt
import enum
import html
from collections.abc import Callable
from typing import Any, Generic, Protocol, TypeVar, runtime_checkable

import attrs

from ._checks import (
    checked,
    instance_field,
    require_bool,
    require_date,
    require_instance,
    require_int,
    require_str,
    require_text,
    tuple_field,
)
from ._i18n import Named, Text
from ._packaged import network_or_load
from ._repr import shown
from ._tables import Rows
from .awards import AwardCycle, assumed_window, award_schedule
from .calendars import calendar_year
from .errors import AmbiguousCityError, DataError, UnknownCityError, UnknownCountryError
from .model import City, Country
from .network import Network
from .rules import AwardCall, MembershipCall, NoCheckError, Rule, call_label, rules_for, table

__all__ = [
    "CriterionResult",
    "EligibilityReport",
    "MembershipApplication",
    "Outcome",
    "RuleCheck",
    "check_award_eligibility",
    "check_for",
    "check_membership",
    "checked_rules",
]

#: The largest population an application may state (more people than live on Earth).
MAX_POPULATION = 10_000_000_000


class Outcome(enum.Enum):
    """How one criterion came out.

    >>> str(Outcome.NOT_MET)
    'not met'
    """

    MET = "met"
    NOT_MET = "not met"
    UNKNOWN = "unknown"

    def __str__(self) -> str:
        return self.value


def _population(name: str, value: object) -> int:
    count = require_int(name, value)
    if not 0 <= count <= MAX_POPULATION:
        raise ValueError(f"{name} must be from 0 to {MAX_POPULATION:,}, not {shown(count)}")
    return count


@attrs.frozen
class CriterionResult:
    """One criterion's outcome, with the reason (the facts used) and the rule's source.

    >>> import learning_cities as lc
    >>> lc.check_award_eligibility("Bangkok", 2024).result("award-membership-12-months").outcome
    <Outcome.NOT_MET: 'not met'>
    """

    criterion: str = attrs.field(validator=checked(require_str))
    outcome: Outcome = attrs.field(validator=instance_field(Outcome))
    reason: str = attrs.field(validator=checked(require_str))
    source: str = attrs.field(validator=checked(require_str))


@attrs.frozen(kw_only=True)
class MembershipApplication:
    """A city's application to join the network; fields left unset are unknown (``None``).

    ``track_record`` says whether the city has a track record of good policy and practice
    in lifelong learning, the second prerequisite UNESCO names. Wrong types are refused
    (``population=True`` or ``submitted_on="2025-06-01"`` raise :class:`TypeError`), and
    so is a Buddhist Era date.

    >>> import learning_cities as lc
    >>> from datetime import date
    >>> lc.MembershipApplication(city="Nan", country="TH", submitted_on=date(2568, 6, 1))
    Traceback (most recent call last):
    learning_cities.errors.BuddhistEraError: submitted_on 2568-06-01 looks like a Buddhist Era date; ... 2025-06-01 ...
    """

    city: str = attrs.field(validator=checked(require_text), repr=shown)
    country: str = attrs.field(validator=checked(require_text), repr=shown)
    submitted_on: dt.date = attrs.field(validator=checked(require_date))
    mayor_endorsed: bool | None = attrs.field(default=None, validator=checked(require_bool, optional=True))
    national_commission_endorsed: bool | None = attrs.field(
        default=None, validator=checked(require_bool, optional=True)
    )
    commits_to_guiding_documents: bool | None = attrs.field(
        default=None, validator=checked(require_bool, optional=True)
    )
    track_record: bool | None = attrs.field(default=None, validator=checked(require_bool, optional=True))
    population: int | None = attrs.field(default=None, validator=checked(_population, optional=True))


_VERDICT = {True: "eligible", False: "not eligible", None: "undecided"}


@attrs.frozen(repr=False)
class EligibilityReport:
    """The outcome of every criterion of the call that applies, and what was asked.

    ``city`` is the member :class:`City` the question is about, or the name asked when no
    member has it; ``year`` the award year (award questions) or ``application`` the
    application (membership questions); ``call`` the call whose rules were used;
    ``as_of`` the day the question was judged on, where one day decides it (the day
    submitted, or a call's published deadline). ``call_published`` is ``False`` when the
    call for that date or year is not published and the latest known call's rules are
    assumed; ``caveats`` says so once, with anything else that limits the answer.

    >>> import learning_cities as lc
    >>> report = lc.check_award_eligibility("Rayong", 2027)
    >>> report
    EligibilityReport(city='Rayong', year=2027, call='award-2024', eligible=None)
    >>> print(report)
    May Rayong (Thailand) apply for the 2027 Learning City Award? undecided
      [met] award-members-only: ...
      [met] award-past-laureates-six-years: ...
      [unknown] award-membership-12-months: ... it meets the rule from 2026-12-05, ...
      note: The 2027 call is not yet published ...
    """

    results: tuple[CriterionResult, ...] = attrs.field(validator=tuple_field(CriterionResult))
    call: MembershipCall | AwardCall = attrs.field(validator=instance_field((MembershipCall, AwardCall)))
    city: City | str = attrs.field(validator=instance_field((City, str)))
    year: int | None = attrs.field(default=None, validator=checked(calendar_year, optional=True))
    application: MembershipApplication | None = attrs.field(
        default=None, validator=instance_field(MembershipApplication, optional=True)
    )
    as_of: dt.date | None = attrs.field(default=None, validator=checked(require_date, optional=True))
    call_published: bool = attrs.field(default=True, validator=checked(require_bool))
    caveats: tuple[str, ...] = attrs.field(default=(), validator=tuple_field(str))

    @property
    def eligible(self) -> bool | None:
        """``True`` if every criterion is met, ``False`` if any is not, else ``None``."""
        outcomes = {result.outcome for result in self.results}
        if Outcome.NOT_MET in outcomes:
            return False
        if Outcome.UNKNOWN in outcomes:
            return None
        return True

    @property
    def call_name(self) -> str:
        """The call the report used, named as people read it; said so where it is only assumed.

        In English a call is named by its id; in Thai (``call_name.in_language("th")``) by
        what it is, with its year in the Buddhist Era.

        >>> import learning_cities as lc
        >>> lc.check_award_eligibility("Khon Kaen", 2024).call_name
        'award-2024'
        >>> lc.check_award_eligibility("Khon Kaen", 2027).call_name
        'award-2024 (the latest known call; the one that applies is not yet published)'
        """
        name = call_label(self.call)  # a Text: its id in English, what it is in Thai
        if self.call_published:
            return name
        return Text("{call} (the latest known call; the one that applies is not yet published)", call=name)

    @property
    def question(self) -> str:
        """The question answered, in words.

        >>> import learning_cities as lc
        >>> lc.check_award_eligibility("Khon Kaen", 2027).question
        'May Khon Kaen (Thailand) apply for the 2027 Learning City Award?'
        """
        who: str = _label(self.city) if isinstance(self.city, City) else _plain(self.city)
        if self.application is not None:
            if not isinstance(self.city, City):
                who = Text("{city} ({country})", city=who, country=_plain(self.application.country))
            return Text("May {who} apply to join the network on {day}?", who=who, day=self.application.submitted_on)
        return Text("May {who} apply for the {year:year} Learning City Award?", who=who, year=self.year)

    def result(self, criterion: str) -> CriterionResult:
        """The result of one criterion by its id; :class:`KeyError` naming the ones held.

        >>> import learning_cities as lc
        >>> lc.check_award_eligibility("Cork", 2015).result("award-members-only").outcome.value
        'met'
        """
        for found in self.results:
            if found.criterion == criterion:
                return found
        held = ", ".join(r.criterion for r in self.results)
        raise KeyError(f"no criterion {shown(criterion)} in this report; it has {held}")

    def to_records(self) -> list[dict[str, Any]]:
        """The criteria as one dict each: ``criterion``, ``outcome`` (its value), ``reason``, ``source``.

        >>> import learning_cities as lc
        >>> [(r["criterion"], r["outcome"]) for r in lc.check_award_eligibility("Cork", 2027).to_records()][:2]
        [('award-members-only', 'met'), ('award-past-laureates-six-years', 'not met')]
        """
        return Rows(self.results).to_records()

    def to_dataframe(self) -> Any:
        """:meth:`to_records` as a :class:`pandas.DataFrame` (needs the ``pandas`` extra)."""
        return Rows(self.results).to_dataframe()

    def __repr__(self) -> str:
        name = self.city.name if isinstance(self.city, City) else self.city
        asked = f"year={self.year}" if self.application is None else f"submitted_on={self.application.submitted_on}"
        return f"EligibilityReport(city={shown(name)}, {asked}, call={self.call.id!r}, eligible={self.eligible})"

    def __str__(self) -> str:
        lines = [f"{self.question} {_VERDICT[self.eligible]}"]
        lines += [f"  [{r.outcome}] {r.criterion}: {r.reason}" for r in self.results]
        lines += [f"  note: {caveat}" for caveat in self.caveats]
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        """The question, the verdict and each criterion, in the display's calendar and language."""
        from .display_options import display_text, header, show_date, text, year

        link = html.escape(text("source"))
        rows = "".join(
            f"<tr><td>{html.escape(r.criterion)}</td><td>{html.escape(text(r.outcome.value))}</td>"
            f'<td>{html.escape(display_text(r.reason))}</td><td><a href="{html.escape(r.source)}">{link}</a></td></tr>'
            for r in self.results
        )
        notes = "".join(f"<p>{html.escape(display_text(caveat))}</p>" for caveat in self.caveats)
        head = "".join(f"<th>{html.escape(header(name))}</th>" for name in ("criterion", "outcome", "reason", "source"))
        if isinstance(self.city, City):  # with its country, as the question says
            name = f"{display_text(self.city)} ({display_text(self.city.country)})"
        else:
            name = display_text(_plain(self.city))
        if self.application is None:
            question = text("May {city} apply for the {year} Learning City Award?").format(
                city=name, year=year(self.year)
            )
        else:
            if not isinstance(self.city, City):  # a name: with its country, as the question says
                name += f" ({_plain(self.application.country)})"
            question = text("May {city} apply to join the network on {date}?").format(
                city=name, date=show_date(self.application.submitted_on)
            )
        call = html.escape(text("call {call}").format(call=display_text(self.call_name)))
        verdict = html.escape(text(_VERDICT[self.eligible]))
        return (
            f"<p><b>{html.escape(question)}</b> {verdict} ({call})</p>"
            f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>{notes}"
        )


# -- the check registry -------------------------------------------------------------------

Q = TypeVar("Q")
Check = Callable[[Rule, Q], CriterionResult]


@runtime_checkable
class RuleCheck(Protocol):
    """A registered check: it judges one rule for one question (an application or a candidacy).

    >>> isinstance(check_for("track-record"), RuleCheck)
    True
    """

    def __call__(self, rule: Rule, question: Any, /) -> CriterionResult:
        """The result of ``rule`` for ``question``."""


class _Registry(Generic[Q]):
    """Checks by rule id, for one kind of question."""

    def __init__(self) -> None:
        self.checks: dict[str, Check[Q]] = {}

    def register(self, rule_id: str) -> Callable[[Check[Q]], Check[Q]]:
        def add(check: Check[Q]) -> Check[Q]:
            if rule_id in _MEMBERSHIP.checks or rule_id in _AWARD.checks:
                raise ValueError(f"a check for rule {shown(rule_id)} is already registered")
            self.checks[rule_id] = check
            return check

        return add

    def run(self, rule: Rule, question: Q) -> CriterionResult:
        check = self.checks.get(rule.id)
        if check is None:
            raise NoCheckError(rule.id, tuple(self.checks))
        return check(rule, question)


@attrs.frozen
class _Applicant:
    """A membership question, with the facts every check may use."""

    application: MembershipApplication
    network: Network
    call: MembershipCall
    published: bool
    country: Country | None
    city: City | None  # the member of that name in that country, if any
    unmatched: str  # why no member matched, when none did


@attrs.frozen
class _Candidate:
    """An award question, with the facts every check may use."""

    city: City
    network: Network
    cycle: AwardCycle
    call: AwardCall
    published: bool
    deadline: _Span
    deadline_text: Text


_MEMBERSHIP: _Registry[_Applicant] = _Registry()
_AWARD: _Registry[_Candidate] = _Registry()


def check_for(rule_id: str) -> RuleCheck:
    """The check registered for a rule id; :class:`~learning_cities.rules.NoCheckError` if none.

    >>> check_for("minimum-population").__name__
    '_minimum_population'
    """
    require_str("rule id", rule_id)
    for registry in (_MEMBERSHIP, _AWARD):
        if rule_id in registry.checks:
            return registry.checks[rule_id]
    raise NoCheckError(rule_id, checked_rules())


def checked_rules() -> tuple[str, ...]:
    """The ids of the rules that have a check, membership rules first.

    >>> "track-record" in checked_rules()
    True
    """
    return (*_MEMBERSHIP.checks, *_AWARD.checks)


# -- membership in time -------------------------------------------------------------------


@attrs.frozen
class _Span:
    """A day known to lie from ``lo`` to ``hi`` (``None``: no bound known); ``lo == hi`` if exact."""

    lo: dt.date | None
    hi: dt.date | None

    def shift(self, *, years: int = 0, months: int = 0, days: int = 0) -> _Span:
        return _Span(_plus(self.lo, years, months, days), _plus(self.hi, years, months, days))


def _plus(day: dt.date | None, years: int, months: int, days: int) -> dt.date | None:
    """``day`` moved on (29 February to 28 February); ``date.max`` past the calendar's end."""
    if day is None:
        return None
    total = day.year * 12 + day.month - 1 + years * 12 + months
    year, month = divmod(total, 12)
    if year > dt.MAXYEAR:
        return dt.date.max
    last = calendar.monthrange(year, month + 1)[1]
    moved = dt.date(year, month + 1, min(day.day, last))
    return dt.date.max if dt.date.max - moved < dt.timedelta(days=days) else moved + dt.timedelta(days=days)


def _label(city: City) -> Text:
    """``Name (Country)``, each in the language the text is said in."""
    country = city.country
    return Text(
        "{city} ({country})", city=Named(city.name, city.local_names), country=Named(country.name, country.names)
    )


def _plain(text: str) -> str:
    """``text`` as it is when short and printable, else quoted and cut (:func:`shown`)."""
    return text if len(text) <= 60 and text.isprintable() else shown(text)


class _Standing(enum.Enum):
    MEMBER = "member"
    NOT_YET = "not yet a member"
    LEFT = "withdrawn"
    UNKNOWN = "unknown"


def _joined(city: City, net: Network) -> _Span:
    """When ``city`` joined: exact for a cohort's announcement, else within its join year (or unknown)."""
    since = city.member_since
    if since is None:
        # nothing dates it: an active record is a member by the data date, no more is known
        return _Span(None, net.data_as_of if city.is_active else None)
    if any(cohort.year in city.cohorts and cohort.announced_on == since for cohort in net.cohorts):
        return _Span(since, since)
    if city.joined is not None:
        return _Span(min(dt.date(city.joined, 1, 1), since), since)
    return _Span(None, since)


def _since_text(city: City, joined: _Span) -> Text:
    if joined.hi is None or city.member_since is None:
        return Text("a member (no source dates when it joined)")
    if joined.lo == joined.hi:
        return Text("a member since {day}", day=joined.hi)
    if city.joined is not None:
        if joined.hi == dt.date(city.joined, 12, 31):
            return Text("a member since {year:year} (on a day no source gives)", year=city.joined)
        return Text(
            "a member since {year:year} (on a day no source gives; a member by {day})", year=city.joined, day=joined.hi
        )
    return Text("a member by {day} (no source gives the year it joined)", day=joined.hi)


def _standing(city: City, net: Network, day: _Span) -> tuple[_Standing, Text]:
    """Whether ``city`` was a member on a day in ``day``, with the facts in words.

    A city counts as a member from the day it joined until the year it withdrew (as
    :meth:`Network.members_on` counts); a year-precise date leaves the days of that year open.
    """
    joined = _joined(city, net)
    left = None if city.is_active else city.status_changed
    if not city.is_active and left is None:
        if joined.lo is not None and day.hi is not None and joined.lo > day.hi:
            return _Standing.NOT_YET, Text("it joined on {day}", day=joined.lo)
        return _Standing.UNKNOWN, Text("it withdrew from the network in a year no source gives")
    if joined.lo is not None and day.hi is not None and joined.lo > day.hi:
        if joined.lo == joined.hi:
            return _Standing.NOT_YET, Text("it joined on {day}", day=joined.lo)
        return _Standing.NOT_YET, Text("it joined in {year:year}", year=city.joined)
    if left is not None and day.lo is not None and day.lo >= dt.date(left, 1, 1):
        return _Standing.LEFT, Text("it withdrew from the network in {year:year}", year=left)
    if joined.hi is not None and day.lo is not None and joined.hi <= day.lo:
        if left is None:
            return _Standing.MEMBER, _since_text(city, joined)
        until = Text("{since}, until it withdrew in {year:year}", since=_since_text(city, joined), year=left)
        if day.hi is not None and day.hi < dt.date(left, 1, 1):
            return _Standing.MEMBER, until
        return _Standing.UNKNOWN, until
    if joined.hi is None:
        return _Standing.UNKNOWN, Text("no source dates when it joined")
    return _Standing.UNKNOWN, _since_text(city, joined)


# -- membership ---------------------------------------------------------------------------


def _result(rule: Rule, outcome: Outcome, reason: str) -> CriterionResult:
    return CriterionResult(rule.id, outcome, reason, rule.source)


def _membership_call(day: dt.date) -> tuple[MembershipCall, bool]:
    """The call whose rules apply on ``day``, and whether a call is known for that date."""
    calls = table().membership_calls
    latest = calls[-1]
    if day.year > latest.opens.year:
        return latest, False
    before = [call for call in calls if call.opens <= day or call.opens.year == day.year]
    return (before[-1] if before else calls[0]), True


def _match(name: str, country: Country | None, asked_country: str, net: Network) -> tuple[City | None, str]:
    """The member named ``name`` in ``country``, or why there is none."""
    matches: tuple[City, ...]
    try:
        matches = (net.city(name),)
    except AmbiguousCityError as error:
        matches = tuple(net.city(i) for i in error.candidates)
    except UnknownCityError:
        return None, Text("No member city is named {name}.", name=shown(name))
    same = [city for city in matches if country is not None and city.country == country]
    if same:
        return same[0], ""
    where = (
        Named(country.name, country.names)
        if country is not None
        else Text("{country} (no country with member cities)", country=_plain(asked_country))
    )
    names = Text.joined(", ", [_label(city) for city in matches])
    return None, Text(
        "No member named {name} is in {where}; the one found: {names}.", name=shown(name), where=where, names=names
    )


def check_membership(application: MembershipApplication, network: Network | None = None) -> EligibilityReport:
    """Check an application to join, as of the day it was submitted.

    The call open on that day gives the rules, and "not yet a member" is judged against
    who was a member that day (:meth:`Network.members_on` semantics). ``network``
    defaults to :func:`learning_cities.load`.

    >>> import learning_cities as lc
    >>> from datetime import date
    >>> early = lc.MembershipApplication(city="Khon Kaen", country="TH", submitted_on=date(2019, 3, 15))
    >>> lc.check_membership(early).result("not-yet-member").reason
    'Khon Kaen (Thailand) was not yet a member on 2019-03-15: it joined on 2024-02-14.'
    >>> late = lc.MembershipApplication(city="Khon Kaen", country="TH", submitted_on=date(2025, 6, 1))
    >>> lc.check_membership(late).result("not-yet-member").outcome
    <Outcome.NOT_MET: 'not met'>
    """
    application = require_instance("application", application, MembershipApplication)
    net = network_or_load(network)
    day = application.submitted_on
    call, published = _membership_call(day)
    country: Country | None
    try:
        country = net.country(application.country)
    except UnknownCountryError:
        country = None
    city, unmatched = _match(application.city, country, application.country, net)
    applicant = _Applicant(application, net, call, published, country, city, unmatched)
    results = tuple(_MEMBERSHIP.run(rule, applicant) for rule in rules_for(call.id))
    caveats: tuple[str, ...] = ()
    if not published:
        first, last = call.window()
        caveats = (
            Text(
                "No call for members is known after {call} ({first} to {last}): whether a call is open on "
                "{day} is unknown, and the rules of {call} are assumed.",
                call=call_label(call),
                first=first,
                last=last,
                day=day,
            ),
        )
    return EligibilityReport(
        results,
        call,
        city if city is not None else application.city,
        application=application,
        as_of=day,
        call_published=published,
        caveats=caveats,
    )


@_MEMBERSHIP.register("member-state")
def _member_state(rule: Rule, q: _Applicant) -> CriterionResult:
    if q.country is not None:
        country = Named(q.country.name, q.country.names)
        return _result(
            rule, Outcome.MET, Text("{country} is a UNESCO Member State with member cities.", country=country)
        )
    return _result(
        rule,
        Outcome.UNKNOWN,
        Text(
            "{country} is not among the countries with member cities in the data, which holds "
            "no full list of UNESCO Member States.",
            country=shown(q.application.country),
        ),
    )


@_MEMBERSHIP.register("application-window")
def _window(rule: Rule, q: _Applicant) -> CriterionResult:
    day = q.application.submitted_on
    if not q.published:
        return _result(rule, Outcome.UNKNOWN, Text("No call for members is known for {day}.", day=day))
    if q.call.is_open_on(day):
        first, last = q.call.window(day.year)
        falls = Text(
            "{day} falls in the {call} window ({first} to {last}).",
            day=day,
            call=call_label(q.call),
            first=first,
            last=last,
        )
        return _result(rule, Outcome.MET, falls)
    windows = Text.joined("; ", [call.describe() for call in table().membership_calls])
    return _result(
        rule, Outcome.NOT_MET, Text("No call was open on {day} (known windows: {windows}).", day=day, windows=windows)
    )


@_MEMBERSHIP.register("not-yet-member")
def _not_yet_member(rule: Rule, q: _Applicant) -> CriterionResult:
    if q.city is None:
        return _result(rule, Outcome.MET, q.unmatched)
    day = q.application.submitted_on
    standing, facts = _standing(q.city, q.network, _Span(day, day))
    said = {"who": _label(q.city), "on": day, "facts": facts}
    if standing is _Standing.MEMBER:
        return _result(rule, Outcome.NOT_MET, Text("{who} was already a member on {on}: {facts}.", **said))
    if standing is _Standing.NOT_YET:
        return _result(rule, Outcome.MET, Text("{who} was not yet a member on {on}: {facts}.", **said))
    if standing is _Standing.LEFT:
        return _result(rule, Outcome.MET, Text("{who} was no longer a member on {on}: {facts}.", **said))
    return _result(
        rule, Outcome.UNKNOWN, Text("Whether {who} was already a member on {on} is unknown: {facts}.", **said)
    )


def _flag(rule: Rule, value: bool | None, what: Text) -> CriterionResult:
    if value is None:
        return _result(rule, Outcome.UNKNOWN, Text("The application does not say whether {what}.", what=what))
    if value:
        return _result(rule, Outcome.MET, Text("The application states that {what}.", what=what))
    return _result(
        rule, Outcome.NOT_MET, Text("The application states that it is not the case that {what}.", what=what)
    )


@_MEMBERSHIP.register("mayor-endorsement")
def _mayor(rule: Rule, q: _Applicant) -> CriterionResult:
    return _flag(rule, q.application.mayor_endorsed, Text("the mayor endorses it"))


@_MEMBERSHIP.register("national-commission-endorsement")
def _national_commission(rule: Rule, q: _Applicant) -> CriterionResult:
    return _flag(
        rule, q.application.national_commission_endorsed, Text("the National Commission for UNESCO endorses it")
    )


@_MEMBERSHIP.register("guiding-documents")
def _guiding_documents(rule: Rule, q: _Applicant) -> CriterionResult:
    return _flag(
        rule,
        q.application.commits_to_guiding_documents,
        Text("the city commits to the Beijing Declaration and the Key Features"),
    )


@_MEMBERSHIP.register("track-record")
def _track_record(rule: Rule, q: _Applicant) -> CriterionResult:
    return _flag(
        rule,
        q.application.track_record,
        Text("the city has a track record of good policy and practice in lifelong learning"),
    )


def _threshold(rule: Rule, unit: str) -> int:
    if rule.threshold is None or rule.unit != unit:
        raise DataError("rules.json", f"rule {shown(rule.id)}", f"its check needs a threshold in {unit}")
    return rule.threshold


@_MEMBERSHIP.register("minimum-population")
def _minimum_population(rule: Rule, q: _Applicant) -> CriterionResult:
    minimum = _threshold(rule, "inhabitants")
    population = q.application.population
    if population is None:
        return _result(rule, Outcome.UNKNOWN, Text("The application gives no population."))
    counts = {"population": population, "minimum": minimum}
    if population >= minimum:
        return _result(rule, Outcome.MET, Text("Population {population:,} is at least {minimum:,}.", **counts))
    return _result(rule, Outcome.NOT_MET, Text("Population {population:,} is below {minimum:,}.", **counts))


# -- the award ----------------------------------------------------------------------------


def _award_call(year: int) -> tuple[AwardCall, bool]:
    """The call of the award of ``year`` and ``True``; else the latest earlier call and ``False``."""
    calls = table().award_calls
    for call in calls:
        if call.award_year == year:
            return call, True
    earlier = [call for call in calls if call.award_year < year]
    return (earlier[-1] if earlier else calls[0]), False


def _deadline(
    cycle: AwardCycle, previous: AwardCycle | None, call: AwardCall, published: bool, net: Network
) -> tuple[_Span, Text, list[str]]:
    """When the call's deadline fell, in words, and the caveats that go with it.

    An unpublished call's deadline falls after the data's date and after the previous
    edition was conferred (each call so far followed the last award), and no later than
    the award itself.
    """
    latest = cycle.conferred_by
    if not published:
        assumed = assumed_window(latest, previous.conferred_from if previous else None, net.data_as_of)
        earliest = assumed[0] if assumed else None
        window = (
            Text("between {first} and {last}", first=earliest, last=latest)
            if earliest
            else Text("by {last}", last=latest)
        )
        note = Text(
            "The {year:year} call is not yet published (the data runs to {data_as_of}): its "
            "deadline is taken to fall {window}, and the rules of the latest known call ({call}) are assumed.",
            year=cycle.year,
            data_as_of=net.data_as_of,
            window=window,
            call=call_label(call),
        )
        return _Span(earliest, latest), Text("the call's deadline (not yet published; {window})", window=window), [note]
    caveats: list[str] = [
        Text("Sources disagree on the {year:year} call: {conflict}.", year=cycle.year, conflict=conflict)
        for conflict in call.conflicts
    ]
    if call.city_deadline is not None:
        deadline = Text("the call's deadline ({day})", day=call.city_deadline)
        return _Span(call.city_deadline, call.city_deadline), deadline, caveats
    span = _Span(call.deadline_earliest, call.deadline_latest or latest)
    hi = span.hi or latest
    words = (
        Text("between {first} and {last}", first=span.lo, last=hi)
        if span.lo is not None
        else Text("by {last} at the latest", last=hi)
    )
    caveats.insert(
        0,
        Text(
            "No source gives the {year:year} call's deadline; it is taken to fall {words}.",
            year=cycle.year,
            words=words,
        ),
    )
    return span, Text("the call's deadline ({words})", words=words), caveats


def check_award_eligibility(city: City | str, year: int, network: Network | None = None) -> EligibilityReport:
    """Check whether ``city`` (a :class:`City` or a name) may apply for the award of ``year``.

    Judged as of the call's deadline. ``year`` must be a held or projected award year of
    ``network``'s schedule (default :func:`learning_cities.load`); otherwise
    :class:`UnknownAwardError` says which years are. Where the call is not yet published,
    the latest known call's rules are assumed, a criterion that depends on its deadline is
    ``UNKNOWN`` (its reason names the day from which it would be met), and the report says
    so once (``call_published``, ``caveats``). A name that is no member is not eligible,
    and the reason suggests the closest member's name.

    >>> import learning_cities as lc
    >>> lc.check_award_eligibility("Bangkok", 2027).eligible
    True
    >>> report = lc.check_award_eligibility("Rayong", 2027)
    >>> report.eligible, report.call_published
    (None, False)
    >>> lc.check_award_eligibility("Khon Kaen", 2570)
    Traceback (most recent call last):
    learning_cities.errors.BuddhistEraError: year 2570 looks like a Buddhist Era year; ... = 2027 ...
    """
    year = calendar_year("year", year)
    net = network_or_load(network)
    schedule = award_schedule(net)
    cycle = schedule.cycle(year)  # UnknownAwardError for a year with no award
    call, published = _award_call(cycle.year)
    previous = schedule.cycles(1, cycle.year - 1)[-1:] if cycle.year > 1 else ()
    deadline, deadline_text, caveats = _deadline(cycle, previous[0] if previous else None, call, published, net)
    as_of = deadline.lo if deadline.lo == deadline.hi else None
    try:
        member = net.resolve(city)
    except (UnknownCityError, AmbiguousCityError) as error:
        message = str(error)
        outcome = Outcome.UNKNOWN if isinstance(error, AmbiguousCityError) else Outcome.NOT_MET
        reason = Text("{error} Only member cities may apply.", error=message + ("" if message.endswith("?") else "."))
        rules = rules_for(call.id)
        members_only = next((rule for rule in rules if rule.id == "award-members-only"), rules[0])
        asked = city.name if isinstance(city, City) else city
        return EligibilityReport(
            (_result(members_only, outcome, reason),),
            call,
            asked,
            year=cycle.year,
            as_of=as_of,
            call_published=published,
            caveats=tuple(caveats),
        )
    candidate = _Candidate(member, net, cycle, call, published, deadline, deadline_text)
    results = tuple(_AWARD.run(rule, candidate) for rule in rules_for(call.id))
    return EligibilityReport(
        results, call, member, year=cycle.year, as_of=as_of, call_published=published, caveats=tuple(caveats)
    )


@_AWARD.register("award-members-only")
def _members_only(rule: Rule, q: _Candidate) -> CriterionResult:
    who = _label(q.city)
    if not q.cycle.projected and any(laureate.id == q.city.id for laureate in q.network.award(q.cycle.year).laureates):
        received = Text(
            "{who} received the {year:year} award, which only members may receive.", who=who, year=q.cycle.year
        )
        return _result(rule, Outcome.MET, received)
    standing, facts = _standing(q.city, q.network, q.deadline)
    said = {"who": who, "deadline": q.deadline_text, "facts": facts}
    if standing is _Standing.MEMBER and not q.published:
        return _result(rule, Outcome.MET, Text("{who} is {facts}.", **said))
    if standing is _Standing.MEMBER:
        return _result(rule, Outcome.MET, Text("{who} was a member by {deadline}: {facts}.", **said))
    if standing is _Standing.LEFT:
        return _result(rule, Outcome.NOT_MET, Text("{who} is no longer a member: {facts}.", **said))
    if standing is _Standing.NOT_YET:
        return _result(rule, Outcome.NOT_MET, Text("{who} was not a member by {deadline}: {facts}.", **said))
    return _result(rule, Outcome.UNKNOWN, Text("Whether {who} was a member by {deadline} is unknown: {facts}.", **said))


def _compare(rule: Rule, q: _Candidate, met_from: _Span, facts: Text, what: Text) -> CriterionResult:
    """The outcome of a rule met from a day in ``met_from``, judged as of the call's deadline."""
    start = met_from.hi or met_from.lo
    said: dict[str, str] = {"facts": facts, "what": what, "deadline": q.deadline_text}
    said["latest"] = "" if met_from.lo == met_from.hi else Text(" at the latest")
    if met_from.hi is not None and q.deadline.lo is not None and met_from.hi <= q.deadline.lo:
        return _result(rule, Outcome.MET, Text("{facts}: {what} from {day}{latest}.", day=met_from.hi, **said))
    if met_from.lo is not None and q.deadline.hi is not None and met_from.lo > q.deadline.hi:
        only = Text("{facts}: {what} only from {day}, after {deadline}.", day=met_from.lo, **said)
        return _result(rule, Outcome.NOT_MET, only)
    if start is None:
        return _result(rule, Outcome.UNKNOWN, Text("{facts}, so when {what} is unknown.", **said))
    return _result(
        rule,
        Outcome.UNKNOWN,
        Text(
            "{facts}: it meets the rule from {day}{latest}, and whether that is before {deadline} is unknown.",
            day=start,
            **said,
        ),
    )


@_AWARD.register("award-past-laureates-six-years")
def _past_laureates(rule: Rule, q: _Candidate) -> CriterionResult:
    years = _threshold(rule, "years")
    who = _label(q.city)
    earlier = [award for award in q.network.awards_of(q.city) if award.year < q.cycle.year]
    if not earlier:
        return _result(
            rule, Outcome.MET, Text("{who} has not received the award before {year:year}.", who=who, year=q.cycle.year)
        )
    last = earlier[-1]
    received = last.conference.start
    span = _Span(received, received) if received else _Span(dt.date(last.year, 1, 1), dt.date(last.year, 12, 31))
    facts = (
        Text("{who} last received the award on {day}", who=who, day=received)
        if received
        else Text("{who} last received the award in {year:year}", who=who, year=last.year)
    )
    return _compare(rule, q, span.shift(years=years), facts, Text("it may apply again"))


@_AWARD.register("award-membership-12-months")
def _membership_months(rule: Rule, q: _Candidate) -> CriterionResult:
    months = _threshold(rule, "months")
    who = _label(q.city)
    standing, facts = _standing(q.city, q.network, q.deadline)
    if standing is _Standing.LEFT:
        return _result(rule, Outcome.NOT_MET, Text("{who} is no longer a member: {facts}.", who=who, facts=facts))
    joined = _joined(q.city, q.network)
    facts = Text("{who} is {facts}", who=who, facts=_since_text(q.city, joined))
    what = Text("more than {months} months of membership", months=months)
    return _compare(rule, q, joined.shift(months=months, days=1), facts, what)
