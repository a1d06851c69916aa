"""UNESCO's published rules for joining the network and for the Learning City Award, as data.

Each :class:`Rule` has a stable id, a sentence, the calls it applies to, and its source.
Calls carry their dates. The checks in :mod:`learning_cities.eligibility` pick the call that
applies to the date or year asked for, then apply exactly the rules listed for that call.
The facts come from the project's reference file ``criteria.md``; "secondary" marks a
source that is not UNESCO's own.

>>> from learning_cities.rules import MEMBERSHIP_CALLS, rules_for
>>> [call.id for call in MEMBERSHIP_CALLS]
['regulations-2018', 'call-2021', 'call-2023', 'call-2025']
>>> [rule.id for rule in rules_for("award-2024")][:3]
['award-members-only', 'award-past-laureates-six-years', 'award-membership-12-months']
"""

from __future__ import annotations

import datetime as dt

import attrs

__all__ = ["AWARD_CALLS", "MEMBERSHIP_CALLS", "RULES", "AwardCall", "MembershipCall", "Rule", "rules_for"]

_D = dt.date

_CALL_2021 = "https://uil.unesco.org/node/11061"
_EXTENSION_2022 = "https://preprod.uil.unesco.org/learning-cities/members/become-member"
_CALL_2023 = "http://www.center4mediarts.com/html/419/20230425/3034.html"
_CALL_2025 = (
    "https://mojaafrica-staging.flowsa.com/en/event/2025/"
    "call-for-applications-to-join-the-unesco-global-network-of-learning-cities-gnlc"
)
_REGULATIONS_2018 = (
    "https://webarchive.unesco.org/web/20190610192729/http://uil.unesco.org/lifelong-learning/"
    "learning-cities/new-membership-regulations-unesco-global-network-learning-cities"
)
_BECOME_MEMBER = "https://uil.unesco.org/lifelong-learning/learning-cities/become-member"
_FORM_2021 = "https://unescoghana.gov.gh:443/join-the-unesco-global-network-of-learning-cities"
_CITY_DEFINITION = (
    "https://www2.fundsforngos.org/education/"
    "unesco-learning-city-award-2017-developing-learning-cities-around-the-world/"
)
_AWARD_2015 = "https://uil.unesco.org/lifelong-learning/learning-cities/2015-unesco-learning-city-award"
_AWARD_2017 = "http://preprod.uil.unesco.org/lifelong-learning/learning-cities/unesco-learning-city-award"
_AWARD_2019 = "https://uil.unesco.org/lifelong-learning/learning-cities/unesco-learning-city-award/award-2019"
_AWARD_2021 = "https://uil.unesco.org/lifelong-learning/learning-cities/unesco-learning-city-award/award-2021"
_AWARD_2021_DEADLINE = "https://www2.fundsforngos.org/education/unesco-announces-learning-city-award-2021/amp"
_AWARD_2024 = "https://opportunitydesk.org/2024/05/22/unesco-learning-city-award-2024/"
_AWARD_2024_DATES = "https://onuitalia.com/2024/04/18/il-22-aprile-il-bando-per-lunesco-learning-cities-award/"


@attrs.frozen
class Rule:
    """One published criterion: ``id`` is stable, ``applies_to`` lists call ids."""

    id: str
    text: str
    applies_to: tuple[str, ...]
    source: str


@attrs.frozen
class MembershipCall:
    """A period in which cities could apply to join, and the cohort it led to.

    ``opens``/``closes`` bound the window (``extended_to`` where a notice extended it);
    under the 2018 regulations the window recurs every year from March to April.
    """

    id: str
    opens: dt.date
    closes: dt.date
    cohort: int | None
    sources: tuple[str, ...]
    extended_to: dt.date | None = None
    yearly: bool = False
    note: str = ""

    def window(self, year: int | None = None) -> tuple[dt.date, dt.date]:
        """The first and last day applications were accepted (for ``year`` if yearly)."""
        if self.yearly and year is not None:
            return self.opens.replace(year=year), self.closes.replace(year=year)
        return self.opens, self.extended_to or self.closes

    def describe(self) -> str:
        """The window in words, e.g. ``"call-2023: 2023-04-01 to 2023-05-31"``."""
        if self.yearly:
            last = (self.extended_to or self.closes).year
            return f"{self.id}: {self.opens:%d %B} to {self.closes:%d %B} each year, {self.opens.year}-{last}"
        first, end = self.window()
        extended = f" (extended from {self.closes.isoformat()})" if self.extended_to else ""
        return f"{self.id}: {first.isoformat()} to {end.isoformat()}{extended}"

    def is_open_on(self, day: dt.date) -> bool:
        """Whether an application submitted on ``day`` fell in this call's window."""
        if self.yearly:
            last = self.extended_to or _D(9999, 12, 31)
            first, end = self.window(day.year)
            return self.opens <= day <= last and first <= day <= end
        first, end = self.window()
        return first <= day <= end


@attrs.frozen
class AwardCall:
    """The application round of one Learning City Award edition, with the dates known."""

    id: str
    award_year: int
    sources: tuple[str, ...]
    opens: dt.date | None = None
    city_deadline: dt.date | None = None
    national_commission_deadline: dt.date | None = None
    conflicts: tuple[str, ...] = ()
    note: str = ""


MEMBERSHIP_CALLS: tuple[MembershipCall, ...] = (
    MembershipCall(
        id="regulations-2018",
        opens=_D(2019, 3, 1),
        closes=_D(2019, 4, 30),
        extended_to=_D(2020, 12, 31),
        yearly=True,
        cohort=None,
        sources=(_REGULATIONS_2018,),
        note="Regulations in force from 1 Oct 2018: applications reviewed only in March and April each year "
        "(the 2019 and 2020 cohorts).",
    ),
    MembershipCall(
        id="call-2021",
        opens=_D(2021, 9, 1),
        closes=_D(2021, 11, 1),
        extended_to=_D(2022, 2, 28),
        cohort=2022,
        sources=(_CALL_2021, _EXTENSION_2022),
        note="1 Sep - 1 Nov 2021, extended: applications to reach the GNLC team by 28 Feb 2022.",
    ),
    MembershipCall(
        id="call-2023",
        opens=_D(2023, 4, 1),
        closes=_D(2023, 5, 31),
        cohort=2024,
        sources=(_CALL_2023,),
        note="1 Apr - 31 May 2023; National Commissions submit up to three applications.",
    ),
    MembershipCall(
        id="call-2025",
        opens=_D(2025, 5, 15),
        closes=_D(2025, 6, 15),
        cohort=2025,
        sources=(_CALL_2025,),
        note="15 May - 15 June 2025; no per-country cap found for this call.",
    ),
)

AWARD_CALLS: tuple[AwardCall, ...] = (
    AwardCall(id="award-2015", award_year=2015, sources=(_AWARD_2015,)),
    AwardCall(
        id="award-2017",
        award_year=2017,
        city_deadline=_D(2016, 8, 31),
        sources=(_AWARD_2017,),
        conflicts=(
            "the UIL 2015 award page says the 2017 process would open in April 2016 and close on 30 September 2016",
        ),
        note="Forms signed by the mayor went to the National Commission, which nominated up to three cities.",
    ),
    AwardCall(
        id="award-2019",
        award_year=2019,
        sources=(_AWARD_2019,),
        conflicts=("the nomination quota is 'up to three' on the how-to-apply page, 'up to two' on the 2019 page",),
        note="Cities could apply in spring 2018; no exact dates found.",
    ),
    AwardCall(
        id="award-2021",
        award_year=2021,
        city_deadline=_D(2021, 6, 25),
        sources=(_AWARD_2021, _AWARD_2021_DEADLINE),
        note="Deadline from a secondary source; National Commissions nominated up to two cities.",
    ),
    AwardCall(
        id="award-2024",
        award_year=2024,
        opens=_D(2024, 4, 22),
        city_deadline=_D(2024, 5, 31),
        national_commission_deadline=_D(2024, 6, 28),
        sources=(_AWARD_2024_DATES, _AWARD_2024),
        note="The first call to call the award triennial; National Commissions forwarded two candidacies.",
    ),
)

_AWARD_AFTER_2015 = ("award-2017", "award-2019", "award-2021", "award-2024")
_ALL_MEMBERSHIP = tuple(call.id for call in MEMBERSHIP_CALLS)

RULES: tuple[Rule, ...] = (
    Rule(
        "member-state",
        "The city is in a UNESCO Member State.",
        _ALL_MEMBERSHIP,
        _CALL_2021,
    ),
    Rule(
        "application-window",
        "The application is submitted while a call for members is open.",
        _ALL_MEMBERSHIP,
        _CALL_2021,
    ),
    Rule(
        "not-yet-member",
        "The city is not already a member of the network.",
        _ALL_MEMBERSHIP,
        _BECOME_MEMBER,
    ),
    Rule(
        "mayor-endorsement",
        "The mayor endorses the application (signature and official stamp on the form).",
        _ALL_MEMBERSHIP,
        _FORM_2021,
    ),
    Rule(
        "national-commission-endorsement",
        "The National Commission for UNESCO endorses the application and forwards it to UIL.",
        _ALL_MEMBERSHIP,
        _BECOME_MEMBER,
    ),
    Rule(
        "guiding-documents",
        "The city commits to the Beijing Declaration on Building Learning Cities and the Key Features of "
        "Learning Cities.",
        _ALL_MEMBERSHIP,
        _BECOME_MEMBER,
    ),
    Rule(
        "minimum-population",
        "A city is an administrative unit of at least 10,000 inhabitants (the definition in the 2017 award "
        "call; secondary source).",
        _ALL_MEMBERSHIP,
        _CITY_DEFINITION,
    ),
    Rule(
        "award-members-only",
        "Only member cities of the network may apply for the award.",
        tuple(call.id for call in AWARD_CALLS),
        _AWARD_2015,
    ),
    Rule(
        "award-past-laureates-six-years",
        "A laureate may not apply again within six years of receiving the award.",
        _AWARD_AFTER_2015,
        _AWARD_2019,
    ),
    Rule(
        "award-membership-12-months",
        "The city has been a member for more than 12 months when the call opens.",
        ("award-2024",),
        _AWARD_2024,
    ),
)


def rules_for(call_id: str) -> tuple[Rule, ...]:
    """The rules that apply to a call, in :data:`RULES` order.

    >>> [rule.id for rule in rules_for("award-2015")]
    ['award-members-only']
    """
    found = tuple(rule for rule in RULES if call_id in rule.applies_to)
    if not found:
        known = [call.id for call in MEMBERSHIP_CALLS] + [call.id for call in AWARD_CALLS]
        raise ValueError(f"no rules for call {call_id!r}; known calls: {', '.join(known)}")
    return found
