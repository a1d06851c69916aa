"""UNESCO's published rules for joining the network and for the Learning City Award, as data.

Each :class:`Rule` has a stable id, a sentence, the calls it applies to, its source and,
where it has one, its threshold (``10,000`` inhabitants, ``12`` months, ``6`` years).
Each call carries its dates. The tables are packaged data (``data/rules.json``), written by
``tools/build_rules.py`` from the reviewable tables ``reference/curated/rules.csv``,
``membership_calls.csv`` and ``award_calls.csv``, and read on first use.
:mod:`learning_cities.eligibility` picks the call that applies to the date or year asked
for, then runs the check registered for each rule of that call.

>>> from learning_cities.rules import MEMBERSHIP_CALLS, rule, rules_for
>>> [call.id for call in MEMBERSHIP_CALLS]
['regulations-2018', 'call-2021', 'call-2023', 'call-2025']
>>> [r.id for r in rules_for("award-2024")]
['award-members-only', 'award-past-laureates-six-years', 'award-membership-12-months']
>>> rule("minimum-population").threshold, rule("minimum-population").unit
(10000, 'inhabitants')
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

import attrs

from . import _codec, _resources
from ._checks import (
    checked,
    require_bool,
    require_date,
    require_int,
    require_str,
    require_text,
    require_year,
    tuple_field,
)
from ._i18n import Text
from ._repr import shown
from .calendars import calendar_year
from .errors import LearningCitiesError

__all__ = [
    "AWARD_CALLS",
    "MEMBERSHIP_CALLS",
    "RULES",
    "AwardCall",
    "MembershipCall",
    "NoCheckError",
    "Rule",
    "RuleTable",
    "UnknownCallError",
    "UnknownRuleError",
    "award_call",
    "call_label",
    "decode",
    "encode",
    "membership_call",
    "parse",
    "read_text",
    "rule",
    "rules_for",
    "table",
]

DATA_FILE = "rules.json"
SCHEMA_VERSION = 1
#: What a threshold counts.
UNITS = ("inhabitants", "months", "years")

_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_Validator = Callable[[Any, "attrs.Attribute[Any]", Any], None]


# -- errors -------------------------------------------------------------------------------


class UnknownCallError(LearningCitiesError, LookupError, ValueError):
    """No call (for members or for the award) has that id or year.

    >>> rules_for("call-2031")
    Traceback (most recent call last):
    learning_cities.rules.UnknownCallError: no call 'call-2031'; known calls: regulations-2018, ...
    """

    def __str__(self) -> str:
        return str(self.args[0])


class UnknownRuleError(LearningCitiesError, LookupError):
    """No rule has that id.

    >>> rule("age-limit")
    Traceback (most recent call last):
    learning_cities.rules.UnknownRuleError: no rule 'age-limit'; rules: member-state, ...
    """

    def __str__(self) -> str:
        return str(self.args[0])


class NoCheckError(LearningCitiesError, LookupError):
    """A rule in the data that no eligibility check implements; ``rule_id`` names it.

    >>> from learning_cities.eligibility import check_for
    >>> check_for("age-limit")
    Traceback (most recent call last):
    learning_cities.rules.NoCheckError: no check is registered for rule 'age-limit'; checks: ...
    """

    def __init__(self, rule_id: str, known: tuple[str, ...]) -> None:
        self.rule_id = rule_id
        super().__init__(f"no check is registered for rule {shown(rule_id)}; checks: {', '.join(known)}")

    def __str__(self) -> str:
        return str(self.args[0])


# -- field validators (the shared argument checks, as attrs validators) --------------------


_text = checked(require_text)
_optional_date = checked(require_date, optional=True)


def _identifier(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not _ID.fullmatch(require_str(attribute.name, value)):
        raise ValueError(f"{attribute.name} must be lower-case words joined by '-', not {shown(value)}")


def _texts(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, tuple):
        raise TypeError(f"{attribute.name} must be a tuple of str, not {type(value).__name__}: {shown(value)}")
    for index, item in enumerate(value):
        require_text(f"{attribute.name}[{index}]", item)


# -- records ------------------------------------------------------------------------------


@attrs.frozen
class Rule:
    """One published criterion.

    ``id`` is stable; ``applies_to`` lists the ids of the calls it belongs to; ``source`` is
    the URL that states it; ``threshold`` and ``unit`` give its number, where it has one.

    >>> rule("award-membership-12-months")
    Rule(id='award-membership-12-months', threshold=12, unit='months')
    """

    id: str = attrs.field(validator=_identifier)
    text: str = attrs.field(validator=_text, repr=False)
    applies_to: tuple[str, ...] = attrs.field(validator=_texts, repr=False)
    source: str = attrs.field(validator=_text, repr=False)
    threshold: int | None = attrs.field(default=None, validator=checked(require_int, optional=True))
    unit: str | None = attrs.field(default=None, validator=checked(require_text, optional=True))
    note: str = attrs.field(default="", validator=checked(require_str), repr=False)

    def __attrs_post_init__(self) -> None:
        if (self.threshold is None) != (self.unit is None):
            raise ValueError(f"rule {shown(self.id)}: a threshold needs its unit and a unit its threshold")
        if self.threshold is not None and self.threshold < 0:
            raise ValueError(f"rule {shown(self.id)}: threshold must be 0 or more, not {shown(self.threshold)}")
        if self.unit is not None and self.unit not in UNITS:
            raise ValueError(f"rule {shown(self.id)}: unit must be one of {', '.join(UNITS)}, not {shown(self.unit)}")


@attrs.frozen
class MembershipCall:
    """A period in which cities could apply to join, and the cohort it led to.

    ``opens``/``closes`` bound the window (``extended_to`` where a notice extended it);
    under the 2018 regulations the window recurs every year from March to April, until
    ``extended_to``.

    >>> membership_call("call-2023")
    MembershipCall(id='call-2023', opens=datetime.date(2023, 4, 1), closes=datetime.date(2023, 5, 31), cohort=2024)
    """

    id: str = attrs.field(validator=_identifier)
    opens: dt.date = attrs.field(validator=checked(require_date))
    closes: dt.date = attrs.field(validator=checked(require_date))
    sources: tuple[str, ...] = attrs.field(validator=_texts, repr=False)
    cohort: int | None = attrs.field(default=None, validator=checked(calendar_year, optional=True))
    extended_to: dt.date | None = attrs.field(default=None, validator=_optional_date, repr=False)
    yearly: bool = attrs.field(default=False, validator=checked(require_bool), repr=False)
    note: str = attrs.field(default="", validator=checked(require_str), repr=False)

    def __attrs_post_init__(self) -> None:
        if not self.opens <= self.closes <= (self.extended_to or self.closes):
            raise ValueError(f"call {shown(self.id)}: its dates must run opens <= closes <= extended_to")
        if self.yearly and self.opens.year != self.closes.year:
            raise ValueError(f"call {shown(self.id)}: a yearly window must open and close in the same year")

    def window(self, year: int | None = None) -> tuple[dt.date, dt.date]:
        """The first and last day applications were accepted (in ``year``, for a yearly call).

        >>> membership_call("regulations-2018").window(2020)
        (datetime.date(2020, 3, 1), datetime.date(2020, 4, 30))
        """
        if self.yearly and year is not None:
            require_year("year", year)
            try:
                return self.opens.replace(year=year), self.closes.replace(year=year)
            except ValueError:  # 29 February, or a year outside the calendar
                raise ValueError(f"call {shown(self.id)} has no window in {shown(year)}") from None
        return self.opens, self.extended_to or self.closes

    def describe(self) -> str:
        """The window in words, e.g. ``"call-2023: 2023-04-01 to 2023-05-31"``.

        >>> membership_call("call-2021").describe()
        'call-2021: 2021-09-01 to 2022-02-28 (extended from 2021-11-01)'
        """
        call = call_label(self)
        if self.yearly:
            return Text(
                "{call}: {opens:day_month} to {closes:day_month} each year, {first:year}-{last:year}",
                call=call,
                opens=self.opens,
                closes=self.closes,
                first=self.opens.year,
                last=(self.extended_to or self.closes).year,
            )
        first, end = self.window()
        if self.extended_to:
            return Text(
                "{call}: {first} to {end} (extended from {closes})", call=call, first=first, end=end, closes=self.closes
            )
        return Text("{call}: {first} to {end}", call=call, first=first, end=end)

    def is_open_on(self, day: dt.date) -> bool:
        """Whether an application submitted on ``day`` fell in this call's window.

        >>> membership_call("call-2025").is_open_on(dt.date(2025, 6, 1))
        True
        """
        require_date("day", day)
        if self.yearly:
            last = self.extended_to or self.closes
            if not self.opens <= day <= last:
                return False
            first, end = self.window(day.year)
            return first <= day <= end
        first, end = self.window()
        return first <= day <= end


@attrs.frozen
class AwardCall:
    """The application round of one Learning City Award edition, with the dates known.

    ``city_deadline`` is the day applications were due. Where no source gives it,
    ``deadline_earliest`` and ``deadline_latest`` bound it (e.g. "spring 2018").
    ``conflicts`` keeps what sources disagree on.

    >>> award_call(2024)
    AwardCall(id='award-2024', award_year=2024, city_deadline=datetime.date(2024, 5, 31))
    """

    id: str = attrs.field(validator=_identifier)
    award_year: int = attrs.field(validator=checked(calendar_year))
    sources: tuple[str, ...] = attrs.field(validator=_texts, repr=False)
    opens: dt.date | None = attrs.field(default=None, validator=_optional_date, repr=False)
    city_deadline: dt.date | None = attrs.field(default=None, validator=_optional_date)
    national_commission_deadline: dt.date | None = attrs.field(default=None, validator=_optional_date, repr=False)
    deadline_earliest: dt.date | None = attrs.field(default=None, validator=_optional_date, repr=False)
    deadline_latest: dt.date | None = attrs.field(default=None, validator=_optional_date, repr=False)
    conflicts: tuple[str, ...] = attrs.field(default=(), validator=_texts, repr=False)
    note: str = attrs.field(default="", validator=checked(require_str), repr=False)

    def __attrs_post_init__(self) -> None:
        if self.city_deadline is not None and (self.deadline_earliest or self.deadline_latest):
            raise ValueError(f"call {shown(self.id)}: bounds on the deadline are for a call whose deadline is unknown")
        early, late = self.deadline_earliest, self.deadline_latest
        if early is not None and late is not None and early > late:
            raise ValueError(f"call {shown(self.id)}: deadline_earliest {early} is after deadline_latest {late}")


@attrs.frozen
class RuleTable:
    """The three tables of the packaged rules data, checked against each other.

    Ids are unique, every rule applies to known calls only, every threshold is stated in its
    rule's text, and the calls are in date order.

    >>> len(table().membership_calls), len(table().award_calls), len(table().rules)
    (4, 5, 11)
    """

    membership_calls: tuple[MembershipCall, ...] = attrs.field(validator=tuple_field(MembershipCall))
    award_calls: tuple[AwardCall, ...] = attrs.field(validator=tuple_field(AwardCall))
    rules: tuple[Rule, ...] = attrs.field(validator=tuple_field(Rule))

    def __attrs_post_init__(self) -> None:
        ids = [c.id for c in self.membership_calls] + [c.id for c in self.award_calls]
        for name, values in (("call", ids), ("rule", [r.id for r in self.rules])):
            twice = sorted({value for value in values if values.count(value) > 1})
            if twice:
                raise ValueError(f"{name} ids used twice: {', '.join(twice)}")
        for found in self.rules:
            unknown = [call for call in found.applies_to if call not in ids]
            if unknown:
                raise ValueError(f"rule {shown(found.id)} applies to unknown calls: {', '.join(unknown)}")
            if found.threshold is not None and f"{found.threshold:,}" not in found.text:
                raise ValueError(f"rule {shown(found.id)}: its text does not state its threshold {found.threshold:,}")
        if [c.opens for c in self.membership_calls] != sorted(c.opens for c in self.membership_calls):
            raise ValueError("membership calls must be in the order they opened")
        years = [c.award_year for c in self.award_calls]
        if years != sorted(set(years)):
            raise ValueError("award calls must be one per award year, by year")


# -- the codec: records <-> JSON, by the one decoder of the packaged files (_codec) ---------


_Record = TypeVar("_Record", bound="Rule | MembershipCall | AwardCall")


def decode(kind: type[_Record], record: object) -> _Record:
    """A ``kind`` record (:class:`Rule`, :class:`MembershipCall` or :class:`AwardCall`) from JSON data.

    The fields and their types come from the class; missing or unknown keys and wrong
    types raise :class:`TypeError` or :class:`ValueError` naming the field.

    >>> decode(Rule, {"id": "x", "text": "X.", "applies_to": ["call-2025"], "source": "https://example.org"})
    Rule(id='x', threshold=None, unit=None)
    """
    return _codec.decode_fields(kind, record)


def encode(record: Rule | MembershipCall | AwardCall) -> dict[str, object]:
    """JSON data for a record: every field, dates as ISO strings, tuples as lists.

    >>> encode(rule("minimum-population"))["threshold"]
    10000
    """

    def value(inst: object, field: attrs.Attribute[Any], item: object) -> object:
        if isinstance(item, dt.date):
            return item.isoformat()
        return list(item) if isinstance(item, tuple) else item

    return attrs.asdict(record, recurse=False, value_serializer=value)


def parse(text: str, file: str = DATA_FILE) -> RuleTable:
    """The :class:`RuleTable` in ``text`` (the packaged file's format); :class:`DataError` names the record.

    >>> parse('{"schema": 1, "membership_calls": [], "award_calls": [], '
    ...       '"rules": [{"id": 7, "text": "X.", "applies_to": [], "source": "s"}]}')
    Traceback (most recent call last):
    learning_cities.errors.DataError: rules.json: rules[0] 7: id must be a str, not int: 7
    """
    return _codec.parse_tables(text, file, RuleTable, SCHEMA_VERSION)


def read_text() -> str:
    """The packaged rules file's text, read through :mod:`importlib.resources`.

    >>> read_text().startswith("{")
    True
    """
    return _resources.read(DATA_FILE).decode("utf-8")


@functools.lru_cache(maxsize=1)
def table() -> RuleTable:
    """The packaged rules, read on first use (and cached).

    >>> len(table().rules) >= 10
    True
    """
    return parse(read_text())


if TYPE_CHECKING:
    #: The membership calls, by opening date.
    MEMBERSHIP_CALLS: tuple[MembershipCall, ...]
    #: The award calls, by award year.
    AWARD_CALLS: tuple[AwardCall, ...]
    #: Every rule, in the order reports list them.
    RULES: tuple[Rule, ...]

_TABLES = {"MEMBERSHIP_CALLS": "membership_calls", "AWARD_CALLS": "award_calls", "RULES": "rules"}


def __getattr__(name: str) -> Any:
    """The tables as module constants, read from the packaged data on first use."""
    if name in _TABLES:
        return getattr(table(), _TABLES[name])
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# -- lookups ------------------------------------------------------------------------------


def _known_calls(rules: RuleTable) -> str:
    return ", ".join([c.id for c in rules.membership_calls] + [c.id for c in rules.award_calls])


def rules_for(call_id: str) -> tuple[Rule, ...]:
    """The rules that apply to a call, in :data:`RULES` order.

    >>> [r.id for r in rules_for("award-2015")]
    ['award-members-only']
    """
    require_str("call id", call_id)
    rules = table()
    found = tuple(r for r in rules.rules if call_id in r.applies_to)
    if not found:
        raise UnknownCallError(f"no call {shown(call_id)}; known calls: {_known_calls(rules)}")
    return found


def rule(rule_id: str) -> Rule:
    """The rule with that id.

    >>> rule("track-record").source
    'https://uil.unesco.org/unesco-global-network-learning-cities-77-new-members-44-countries'
    """
    require_str("rule id", rule_id)
    for found in table().rules:
        if found.id == rule_id:
            return found
    raise UnknownRuleError(f"no rule {shown(rule_id)}; rules: {', '.join(r.id for r in table().rules)}")


def call_label(call: MembershipCall | AwardCall) -> str:
    """How a call is named: its id in English; in Thai what it is, with its year in the Buddhist Era.

    >>> call_label(membership_call("call-2025")), call_label(membership_call("call-2025")).in_language("th")
    ('call-2025', 'ประกาศรับสมัครสมาชิก พ.ศ. 2568')
    """
    if isinstance(call, AwardCall):
        return Text.in_context("award call", "{id}", id=call.id, year=call.award_year)
    return Text.in_context("membership call", "{id}", id=call.id, year=call.opens.year)


def membership_call(call_id: str) -> MembershipCall:
    """The membership call with that id.

    >>> membership_call("call-2025").cohort
    2025
    """
    require_str("call id", call_id)
    for call in table().membership_calls:
        if call.id == call_id:
            return call
    raise UnknownCallError(f"no membership call {shown(call_id)}; known calls: {_known_calls(table())}")


def award_call(award_year: int) -> AwardCall:
    """The published call of the award of ``award_year``.

    >>> award_call(2021).city_deadline
    datetime.date(2021, 6, 25)
    >>> award_call(2027)
    Traceback (most recent call last):
    learning_cities.rules.UnknownCallError: no published award call for 2027; calls: 2015, 2017, 2019, 2021, 2024
    """
    require_year("award year", award_year)
    calls = table().award_calls
    for call in calls:
        if call.award_year == award_year:
            return call
    years = ", ".join(str(c.award_year) for c in calls)
    raise UnknownCallError(f"no published award call for {shown(award_year)}; calls: {years}")
