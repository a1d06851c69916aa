"""Eligibility checks: may a city apply to join the network, or for the award in a year.

Each check picks the call that applies (by the date submitted, or by the award year), runs
the rules :mod:`learning_cities.rules` lists for that call, and reports every criterion
with its outcome, a sentence naming the facts used, and the rule's source. A report is
eligible only when every criterion is met. It is not eligible when any criterion is not
met. It is undecided (``None``) when none fails but the input leaves some open.

>>> import learning_cities as lc
>>> from datetime import date
>>> report = lc.check_award_eligibility("Cork", 2027)
>>> report.eligible
False
>>> [r.outcome.value for r in report.results]
['met', 'not met', 'met']
>>> app = lc.MembershipApplication(city="Nan", country="TH", submitted_on=date(2025, 6, 1),
...     mayor_endorsed=True, national_commission_endorsed=True,
...     commits_to_guiding_documents=True, population=20_000)
>>> lc.check_membership(app).eligible
True
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable
from typing import Any

import attrs

from .awards import award_schedule
from .errors import AmbiguousCityError, UnknownCityError, UnknownCountryError
from .model import City, Country
from .network import Network
from .rules import AWARD_CALLS, MEMBERSHIP_CALLS, AwardCall, MembershipCall, Rule, rules_for

__all__ = [
    "CriterionResult",
    "EligibilityReport",
    "MembershipApplication",
    "Outcome",
    "check_award_eligibility",
    "check_membership",
]


class Outcome(enum.Enum):
    """How one criterion came out."""

    MET = "met"
    NOT_MET = "not met"
    UNKNOWN = "unknown"

    def __str__(self) -> str:
        return self.value


@attrs.frozen
class CriterionResult:
    """One criterion's outcome, with the reason (the facts used) and the rule's source."""

    criterion: str
    outcome: Outcome
    reason: str
    source: str


@attrs.frozen
class EligibilityReport:
    """The outcome of every criterion of the call that applies.

    ``call`` names the call whose rules were used, ``question`` what was asked.
    """

    question: str
    call: str
    results: tuple[CriterionResult, ...]

    @property
    def eligible(self) -> bool | None:
        """``True`` if every criterion is met, ``False`` if any is not, else ``None``."""
        outcomes = {result.outcome for result in self.results}
        if Outcome.NOT_MET in outcomes:
            return False
        if Outcome.UNKNOWN in outcomes:
            return None
        return True

    def result(self, criterion: str) -> CriterionResult:
        """The result of one criterion by its id."""
        for found in self.results:
            if found.criterion == criterion:
                return found
        raise KeyError(f"no criterion {criterion!r} in this report; it has {[r.criterion for r in self.results]}")


def _checked(kind: type, *, optional: bool) -> Callable[[object, attrs.Attribute[Any], object], None]:
    """An attrs validator: ``kind`` (or ``None`` when optional), never a bool for an int."""

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is None and optional:
            return
        if (
            isinstance(value, dt.datetime)
            or (isinstance(value, bool) and kind is not bool)
            or not isinstance(value, kind)
        ):
            wanted = f"{kind.__name__} or None" if optional else kind.__name__
            raise TypeError(f"{attribute.name} must be {wanted}, not {type(value).__name__}: {value!r}")

    return check


@attrs.frozen(kw_only=True)
class MembershipApplication:
    """A city's application to join the network; fields left unset are unknown (``None``).

    Wrong types are refused: ``population=True`` or ``submitted_on="2025-06-01"`` raise
    :class:`TypeError`.
    """

    city: str = attrs.field(validator=_checked(str, optional=False))
    country: str = attrs.field(validator=_checked(str, optional=False))
    submitted_on: dt.date = attrs.field(validator=_checked(dt.date, optional=False))
    mayor_endorsed: bool | None = attrs.field(default=None, validator=_checked(bool, optional=True))
    national_commission_endorsed: bool | None = attrs.field(default=None, validator=_checked(bool, optional=True))
    commits_to_guiding_documents: bool | None = attrs.field(default=None, validator=_checked(bool, optional=True))
    population: int | None = attrs.field(default=None, validator=_checked(int, optional=True))


def _network(network: Network | None) -> Network:
    if network is None:
        from . import load

        return load()
    if not isinstance(network, Network):
        raise TypeError(f"network must be a Network, not {type(network).__name__}")
    return network


def _result(rule: Rule, outcome: Outcome, reason: str) -> CriterionResult:
    return CriterionResult(rule.id, outcome, reason, rule.source)


def _membership_call(day: dt.date) -> tuple[MembershipCall, str]:
    """The call whose rules apply on ``day``, and a note when they are the latest known ones."""
    latest = MEMBERSHIP_CALLS[-1]
    if day.year > latest.opens.year:
        return latest, f" No call is known for {day.year}; the rules of the latest known call ({latest.id}) apply."
    before = [call for call in MEMBERSHIP_CALLS if call.opens <= day or call.opens.year == day.year]
    return (before[-1] if before else MEMBERSHIP_CALLS[0]), ""


def _flag(rule: Rule, value: bool | None, what: str) -> CriterionResult:
    if value is None:
        return _result(rule, Outcome.UNKNOWN, f"The application does not say whether {what}.")
    if value:
        return _result(rule, Outcome.MET, f"The application states that {what}.")
    return _result(rule, Outcome.NOT_MET, f"The application states that it is not the case that {what}.")


def check_membership(application: MembershipApplication, network: Network | None = None) -> EligibilityReport:
    """Check an application to join against the call open on its submission date.

    >>> import learning_cities as lc
    >>> from datetime import date
    >>> app = lc.MembershipApplication(city="Bangkok", country="TH", submitted_on=date(2025, 6, 1))
    >>> report = lc.check_membership(app)
    >>> report.eligible, report.result("not-yet-member").outcome
    (False, <Outcome.NOT_MET: 'not met'>)
    """
    if not isinstance(application, MembershipApplication):
        raise TypeError(f"expected a MembershipApplication, not {type(application).__name__}")
    net = _network(network)
    day = application.submitted_on
    call, latest_note = _membership_call(day)
    rules = {rule.id: rule for rule in rules_for(call.id)}
    country: Country | None
    try:
        country = net.country(application.country)
    except UnknownCountryError:
        country = None
    results = [
        _member_state(rules["member-state"], application.country, country),
        _window(rules["application-window"], day, call, latest_note),
        _not_member(rules["not-yet-member"], application.city, country, net),
        _flag(rules["mayor-endorsement"], application.mayor_endorsed, "the mayor endorses it"),
        _flag(
            rules["national-commission-endorsement"],
            application.national_commission_endorsed,
            "the National Commission for UNESCO endorses it",
        ),
        _flag(
            rules["guiding-documents"],
            application.commits_to_guiding_documents,
            "the city commits to the Beijing Declaration and the Key Features",
        ),
        _population(rules["minimum-population"], application.population),
    ]
    question = f"May {application.city} ({application.country}) apply to join on {day.isoformat()}?"
    return EligibilityReport(question, call.id, tuple(results))


def _member_state(rule: Rule, asked: str, country: Country | None) -> CriterionResult:
    if country is not None:
        return _result(rule, Outcome.MET, f"{country.name} is a UNESCO Member State with member cities.")
    return _result(
        rule,
        Outcome.UNKNOWN,
        f"{asked!r} is not among the countries with member cities in the data, which holds no full list of "
        "UNESCO Member States.",
    )


def _window(rule: Rule, day: dt.date, call: MembershipCall, latest_note: str) -> CriterionResult:
    if latest_note:
        return _result(
            rule,
            Outcome.UNKNOWN,
            f"{day.isoformat()} is after the last known call ({call.describe()})." + latest_note,
        )
    if call.is_open_on(day):
        first, last = call.window(day.year)
        return _result(
            rule,
            Outcome.MET,
            f"{day.isoformat()} falls in the {call.id} window ({first.isoformat()} to {last.isoformat()}).",
        )
    windows = "; ".join(call.describe() for call in MEMBERSHIP_CALLS)
    return _result(rule, Outcome.NOT_MET, f"No call was open on {day.isoformat()} (known windows: {windows}).")


def _not_member(rule: Rule, name: str, country: Country | None, net: Network) -> CriterionResult:
    try:
        city = net.city(name)
    except AmbiguousCityError as error:
        matches = [net.city(i) for i in error.candidates]
        same = [c for c in matches if country is not None and c.country == country]
        if not same:
            return _result(
                rule, Outcome.MET, f"No member named {name!r} in {country.name if country else 'that country'}."
            )
        city = same[0]
    except UnknownCityError:
        return _result(rule, Outcome.MET, f"No member city is named {name!r}.")
    if country is not None and city.country != country:
        return _result(
            rule, Outcome.MET, f"The member named {city.name} is in {city.country.name}, not {country.name}."
        )
    since = net.member_since(city)
    when = f"since {since.isoformat()}" if since else "(join date unknown)"
    return _result(rule, Outcome.NOT_MET, f"{city.name} ({city.country.name}) is already a member {when}.")


def _population(rule: Rule, population: int | None) -> CriterionResult:
    if population is None:
        return _result(rule, Outcome.UNKNOWN, "The application gives no population.")
    if population >= 10_000:
        return _result(rule, Outcome.MET, f"Population {population:,} is at least 10,000.")
    return _result(rule, Outcome.NOT_MET, f"Population {population:,} is below 10,000.")


def _award_call(year: int) -> tuple[AwardCall, str]:
    calls = {call.award_year: call for call in AWARD_CALLS}
    if year in calls:
        return calls[year], ""
    latest = AWARD_CALLS[-1]
    return latest, f" The {year} call is not published; the rules of the latest known call ({latest.id}) apply."


def check_award_eligibility(city: City | str, year: int, network: Network | None = None) -> EligibilityReport:
    """Check whether ``city`` (a :class:`City` or a name) may apply for the award of ``year``.

    ``year`` must be a held or projected award year (:func:`award_schedule`); otherwise
    :class:`UnknownAwardError` says which years are. A name that is no member is not
    eligible, and the reason suggests the closest member's name.

    >>> import learning_cities as lc
    >>> lc.check_award_eligibility("Bangkok", 2027).eligible
    True
    """
    net = _network(network)
    cycle = award_schedule().cycle(year)
    call, latest_note = _award_call(cycle.year)
    rules = {rule.id: rule for rule in rules_for(call.id)}
    question = f"May {city.name if isinstance(city, City) else city} apply for the {cycle.year} award?"
    try:
        member = net.resolve(city)
    except (UnknownCityError, AmbiguousCityError) as error:
        message = str(error)
        reason = message + ("" if message.endswith("?") else ".") + " Only member cities may apply." + latest_note
        return EligibilityReport(question, call.id, (_result(rules["award-members-only"], Outcome.NOT_MET, reason),))
    reference = call.opens or call.city_deadline
    results = [_award_member(rules["award-members-only"], member, net, cycle.year, reference, latest_note)]
    if "award-past-laureates-six-years" in rules:
        results.append(_past_laureate(rules["award-past-laureates-six-years"], member, net, cycle.year, latest_note))
    if "award-membership-12-months" in rules:
        opens = call.opens if not latest_note else None
        results.append(_twelve_months(rules["award-membership-12-months"], member, net, cycle.year, opens, latest_note))
    return EligibilityReport(question, call.id, tuple(results))


def _membership_text(city: City, since: dt.date) -> str:
    """Describe membership: 'a member since 2024-02-14', or 'a member by 2015' for a year only."""
    if city.joined is None:
        return f"a member by {city.member_by} (join year unknown)"
    if since.month == 12 and since.day == 31 and city.joined not in city.cohorts:
        return f"a member since {city.joined}"
    return f"a member since {since.isoformat()}"


def _award_member(
    rule: Rule, city: City, net: Network, year: int, reference: dt.date | None, note: str
) -> CriterionResult:
    since = net.member_since(city)
    if not city.is_active:
        return _result(rule, Outcome.NOT_MET, f"{city.name} is no longer a member ({city.status.value}).{note}")
    deadline = reference if reference is not None and not note else dt.date(year, 12, 31)
    if since is None:
        return _result(rule, Outcome.UNKNOWN, f"{city.name} is a member, but no source dates its membership.{note}")
    if since <= deadline:
        return _result(rule, Outcome.MET, f"{city.name} is {_membership_text(city, since)}.{note}")
    if reference is None or note:
        return _result(rule, Outcome.NOT_MET, f"{city.name} is a member only from {since.isoformat()}.{note}")
    return _result(
        rule, Outcome.NOT_MET, f"{city.name} became a member on {since.isoformat()}, after {reference.isoformat()}."
    )


def _past_laureate(rule: Rule, city: City, net: Network, year: int, note: str) -> CriterionResult:
    earlier = [award.year for award in net.awards_of(city) if award.year < year]
    if not earlier:
        return _result(rule, Outcome.MET, f"{city.name} has not received the award before {year}.{note}")
    last = max(earlier)
    if year - last < 6:
        return _result(
            rule, Outcome.NOT_MET, f"{city.name} received the award in {last}, {year - last} years before {year}.{note}"
        )
    return _result(
        rule, Outcome.MET, f"{city.name} last received the award in {last}, {year - last} years before.{note}"
    )


def _twelve_months(
    rule: Rule, city: City, net: Network, year: int, opens: dt.date | None, note: str
) -> CriterionResult:
    since = net.member_since(city)
    if since is None:
        return _result(rule, Outcome.UNKNOWN, f"No source dates {city.name}'s membership.{note}")
    anniversary = (
        since.replace(year=since.year + 1) if (since.month, since.day) != (2, 29) else dt.date(since.year + 1, 3, 1)
    )
    if opens is not None:
        outcome = Outcome.MET if anniversary < opens else Outcome.NOT_MET
        return _result(
            rule,
            outcome,
            f"{city.name} is {_membership_text(city, since)}; the call opened {opens.isoformat()}.{note}",
        )
    if anniversary < dt.date(year, 1, 1):
        return _result(
            rule, Outcome.MET, f"{city.name} is {_membership_text(city, since)}, over a year before {year}.{note}"
        )
    if anniversary > dt.date(year, 12, 31):
        return _result(rule, Outcome.NOT_MET, f"{city.name} is a member only since {since.isoformat()}.{note}")
    return _result(
        rule,
        Outcome.UNKNOWN,
        f"{city.name} is {_membership_text(city, since)}; whether that is more than 12 months before the {year} "
        f"call opens depends on the call's date, not yet published.{note}",
    )
