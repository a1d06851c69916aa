"""Award cycles: the editions held, and projections by the cadence in force.

The UNESCO Learning City Award was biennial (2015, 2017, 2019, 2021). From the 2024 call
UNESCO calls it triennial, conferred at the International Conference on Learning Cities,
the 7th of which is planned for June 2027. :func:`award_schedule` answers from a network's
editions and projects later ones every three years, saying which is which;
:meth:`AwardSchedule.biennial` is the pure every-two-years rule, for what-if questions.

Years are Common Era years from 1 to 2399: a Buddhist Era year (2400 to 10542) raises
:class:`~learning_cities.errors.BuddhistEraError` naming the Common Era year, and any other
year :class:`ValueError`, so every question is answered in bounded time.

>>> import learning_cities as lc
>>> from datetime import date
>>> cycle = lc.award_schedule().next_award(after=date(2025, 1, 1))
>>> cycle.year, cycle.edition, cycle.projected, cycle.conference.number
(2027, 6, True, 7)
>>> lc.award_schedule().cycle(2570)
Traceback (most recent call last):
learning_cities.errors.BuddhistEraError: year 2570 looks like a Buddhist Era year; ... = 2027 ...
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import attrs

from ._checks import FIRST_YEAR, LAST_YEAR, checked, instance_field, require_date, require_int, tuple_field
from ._repr import shown
from .calendars import calendar_year
from .conferences import Conference
from .errors import UnknownAwardError
from .rules import AwardCall, table

if TYPE_CHECKING:
    from .network import Network

__all__ = [
    "TRIENNIAL_FROM",
    "TRIENNIAL_INTERVAL",
    "AssumedWindow",
    "AwardCycle",
    "AwardSchedule",
    "assumed_window",
    "award_schedule",
]

#: The first edition UNESCO's call describes as triennial.
TRIENNIAL_FROM = 2024
#: The cadence in force from :data:`TRIENNIAL_FROM`, in years.
TRIENNIAL_INTERVAL = 3


def _positive_field(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if require_int(attribute.name, value) < 1:
        raise ValueError(f"{attribute.name} must be 1 or more, not {shown(value)}")


def _first_day(year: int, conference: Conference | None) -> dt.date:
    """The first day an award of ``year`` can be conferred on, at ``conference`` if known."""
    if conference is not None and conference.start is not None:
        return conference.start
    month = conference.planned_month if conference is not None else None
    return dt.date(year, month or 1, 1)


def assumed_window(
    conferred_by: dt.date, previous_conferred_from: dt.date | None, data_as_of: dt.date | None
) -> tuple[dt.date, dt.date] | None:
    """The span an unpublished call's deadline is taken to fall in; ``None`` if none is left.

    It falls after the data's date and after the previous edition was conferred (each call
    so far followed the last award), and no later than the award itself.

    >>> assumed_window(dt.date(2027, 6, 30), dt.date(2024, 12, 3), dt.date(2025, 12, 4))
    (datetime.date(2025, 12, 5), datetime.date(2027, 6, 30))
    """
    bounds = [day for day in (_day_after(data_as_of), previous_conferred_from) if day is not None]
    earliest = max(bounds) if bounds else None
    if earliest is None or earliest > conferred_by:
        return None
    return earliest, conferred_by


def _day_after(day: dt.date | None) -> dt.date | None:
    return None if day is None or day == dt.date.max else day + dt.timedelta(days=1)


@attrs.frozen
class AssumedWindow:
    """The span the library assumes an unpublished call's deadline falls in, from ``first`` to ``last``.

    ``sources`` are the sources of those days (the pages of the conferences that bound it).

    >>> import learning_cities as lc
    >>> window = lc.award_schedule().cycle(2027).assumed_window
    >>> window.first, window.last
    (datetime.date(2025, 12, 5), datetime.date(2027, 6, 30))
    """

    first: dt.date = attrs.field(validator=checked(require_date))
    last: dt.date = attrs.field(validator=checked(require_date))
    sources: tuple[str, ...] = attrs.field(default=(), validator=tuple_field(str), repr=False)

    def __attrs_post_init__(self) -> None:
        if self.first > self.last:
            raise ValueError(f"an assumed window runs from its first day to its last, not {self.first} to {self.last}")


@attrs.frozen
class AwardCycle:
    """One award cycle: held (from the data) or projected (from a rule).

    ``rule`` names what produced it: ``"held"``, ``"triennial"`` or ``"biennial"``.
    ``call`` holds the application dates known for a held edition; ``call_published`` is
    ``False`` where no call is published. For such a cycle ``assumed_window`` is the span the
    library assumes the call's deadline falls in (the one the eligibility check uses): after
    the data's date and after the previous edition was conferred (each call so far followed
    the last award), and no later than the award itself, with the sources of those days;
    ``None`` where no such span is left.

    >>> import learning_cities as lc
    >>> lc.award_schedule().cycle(2024)
    AwardCycle(year=2024, edition=5, projected=False, rule='held')
    >>> upcoming = lc.award_schedule().cycle(2027)
    >>> upcoming.call_published, upcoming.assumed_window
    (False, AssumedWindow(first=datetime.date(2025, 12, 5), last=datetime.date(2027, 6, 30)))
    """

    year: int = attrs.field(validator=checked(calendar_year))
    edition: int = attrs.field(validator=_positive_field)
    projected: bool = attrs.field(validator=instance_field(bool))
    conference: Conference | None = attrs.field(validator=instance_field(Conference, optional=True), repr=False)
    rule: str = attrs.field(validator=instance_field(str))
    call: AwardCall | None = attrs.field(default=None, validator=instance_field(AwardCall, optional=True), repr=False)
    assumed_window: AssumedWindow | None = attrs.field(
        default=None, validator=instance_field(AssumedWindow, optional=True), repr=False
    )

    @property
    def call_published(self) -> bool:
        """Whether the call of this cycle is published (held editions with a known call).

        >>> import learning_cities as lc
        >>> lc.award_schedule().cycle(2024).call_published, lc.award_schedule().cycle(2027).call_published
        (True, False)
        """
        return self.call is not None

    @property
    def date(self) -> dt.date | None:
        """The day the award is conferred (its conference's first day), where known.

        >>> import learning_cities as lc
        >>> lc.award_schedule().cycle(2024).date
        datetime.date(2024, 12, 3)
        """
        return None if self.conference is None else self.conference.start

    @property
    def conferred_from(self) -> dt.date:
        """The first day the award can be conferred on: its conference's, its planned month's, or its year's.

        >>> import learning_cities as lc
        >>> lc.award_schedule().cycle(2027).conferred_from    # the 7th conference is planned for June 2027
        datetime.date(2027, 6, 1)
        """
        return _first_day(self.year, self.conference)

    @property
    def conferred_by(self) -> dt.date:
        """The last day the award can be conferred on: its conference's, or the end of its planned month or year.

        >>> import learning_cities as lc
        >>> lc.award_schedule().cycle(2024).conferred_by, lc.award_schedule().cycle(2027).conferred_by
        (datetime.date(2024, 12, 3), datetime.date(2027, 6, 30))
        """
        if self.date is not None:
            return self.date
        month = self.conference.planned_month if self.conference is not None else None
        return (
            dt.date(self.year, month, calendar.monthrange(self.year, month)[1]) if month else dt.date(self.year, 12, 31)
        )


def _held_in_order(instance: AwardSchedule, attribute: attrs.Attribute[Any], value: tuple[AwardCycle, ...]) -> None:
    tuple_field(AwardCycle)(instance, attribute, value)
    years = [cycle.year for cycle in value]
    if years != sorted(set(years)):
        raise ValueError(f"held cycles must be one per year, by year, not {shown(years)}")


@attrs.frozen
class AwardSchedule:
    """Held cycles, then projections every ``interval`` years after the last one.

    With no held cycle, projections start at ``start`` (edition 1). ``conferences`` lets a
    projection name its conference where one is planned that year. Every field is checked:
    ``interval=0`` or a Buddhist Era ``start`` raise :class:`ValueError`.

    >>> AwardSchedule(held=(), interval=4, rule="every four years", start=2016).cycles(2015, 2025)
    (AwardCycle(year=2016, edition=1, projected=True, rule='every four years'), AwardCycle(year=2020, ...), ...)
    >>> AwardSchedule(held=(), interval=0, rule="never", start=2016)
    Traceback (most recent call last):
    ValueError: interval must be 1 or more, not 0
    """

    held: tuple[AwardCycle, ...] = attrs.field(validator=_held_in_order, repr=False)
    interval: int = attrs.field(validator=_positive_field)
    rule: str = attrs.field(validator=instance_field(str))
    start: int | None = attrs.field(default=None, validator=checked(calendar_year, optional=True))
    conferences: tuple[Conference, ...] = attrs.field(default=(), validator=tuple_field(Conference), repr=False)
    data_as_of: dt.date | None = attrs.field(default=None, validator=checked(require_date, optional=True), repr=False)

    def __attrs_post_init__(self) -> None:
        if not self.held and self.start is None:
            raise ValueError("a schedule with no held cycle needs a start year")

    @classmethod
    def biennial(cls, start: int = 2015) -> AwardSchedule:
        """The pure every-two-years rule from ``start`` (edition 1), held editions ignored.

        >>> AwardSchedule.biennial(start=2015).is_award_year(2023)
        True
        >>> AwardSchedule.biennial(start=2558)
        Traceback (most recent call last):
        learning_cities.errors.BuddhistEraError: start 2558 looks like a Buddhist Era year; ... = 2015 ...
        """
        return cls(held=(), interval=2, rule="biennial", start=calendar_year("start", start))

    def _first_projected(self) -> tuple[int, int]:
        """The year and edition of the first projection (the year may lie past 2399)."""
        if self.held:
            last = self.held[-1]
            return last.year + self.interval, last.edition + 1
        return self.start or FIRST_YEAR, 1

    def _conference(self, year: int) -> Conference | None:
        return next((c for c in self.conferences if c.year == year), None)

    def _projected(self, year: int, first: int, edition: int) -> AwardCycle:
        conference = self._conference(year)
        if year > first:
            previous: Conference | None = self._conference(year - self.interval)
            previous_from: dt.date | None = _first_day(year - self.interval, previous)
        elif self.held:
            previous, previous_from = self.held[-1].conference, self.held[-1].conferred_from
        else:
            previous, previous_from = None, None
        cycle = AwardCycle(year, edition + (year - first) // self.interval, True, conference, self.rule)
        window = assumed_window(cycle.conferred_by, previous_from, self.data_as_of)
        if window is None:
            return cycle
        sources = dict.fromkeys(url for c in (previous, conference) if c is not None for url in c.sources)
        return attrs.evolve(cycle, assumed_window=AssumedWindow(*window, tuple(sources)))

    def _iter(self, start: int, end: int) -> Iterator[AwardCycle]:
        """Held then projected cycles from ``start`` to ``end`` (clamped to 1..2399), by year."""
        start, end = max(start, FIRST_YEAR), min(end, LAST_YEAR)
        for held in self.held:
            if start <= held.year <= end:
                yield held
        first, edition = self._first_projected()
        year = max(first, first + -(-(start - first) // self.interval) * self.interval)
        while year <= end:
            yield self._projected(year, first, edition)
            year += self.interval

    def cycle(self, year: int) -> AwardCycle:
        """The cycle of ``year``, held or projected; :class:`UnknownAwardError` if none.

        >>> import learning_cities as lc
        >>> lc.award_schedule().cycle(2019).projected
        False
        >>> lc.award_schedule().cycle(2018)
        Traceback (most recent call last):
        learning_cities.errors.UnknownAwardError: no Learning City Award in 2018; ... did you mean 2017 or 2019?
        """
        year = calendar_year("year", year)
        found = next(self._iter(year, year), None)
        if found is not None:
            return found
        after = next(self._iter(year + 1, LAST_YEAR), None)
        near = [c for c in (self._last_before(year), after) if c is not None]
        raise UnknownAwardError(year, [c.year for c in near], self._describe())

    def _last_before(self, year: int) -> AwardCycle | None:
        first, _ = self._first_projected()
        if first < year:
            last = min(first + (year - 1 - first) // self.interval * self.interval, LAST_YEAR)
            return next(self._iter(last, last), None)
        held = [c for c in self.held if c.year < year]
        return held[-1] if held else None

    def _describe(self) -> str:
        first, _ = self._first_projected()
        held = ", ".join(str(c.year) for c in self.held)
        projected = f"projected every {self.interval} years from {first} ({self.rule})"
        return f"editions: {held}; {projected}" if held else projected

    def is_award_year(self, year: int) -> bool:
        """Whether an award is held or projected in ``year``.

        >>> import learning_cities as lc
        >>> lc.award_schedule().is_award_year(2017), lc.award_schedule().is_award_year(2018)
        (True, False)
        """
        year = calendar_year("year", year)
        return next(self._iter(year, year), None) is not None

    def cycles(self, start: int, end: int) -> tuple[AwardCycle, ...]:
        """Every held and projected cycle from ``start`` to ``end`` inclusive, by year.

        Both are years from 1 to 2399; ``start > end`` gives ``()``.

        >>> import learning_cities as lc
        >>> [(c.year, c.projected) for c in lc.award_schedule().cycles(2021, 2030)]
        [(2021, False), (2024, False), (2027, True), (2030, True)]
        >>> lc.award_schedule().cycles(2015, 10**12)
        Traceback (most recent call last):
        ValueError: end must be a Common Era year from 1 to 2399, not 1000000000000
        """
        return tuple(self._iter(calendar_year("start", start), calendar_year("end", end)))

    def next_award(self, after: dt.date) -> AwardCycle:
        """The first cycle conferred after the day ``after``.

        A projected cycle whose date is unknown counts from its year (or from the end of
        its conference's planned month). Before the first edition, that edition.
        :class:`UnknownAwardError` if no cycle falls before 2400.

        >>> import learning_cities as lc
        >>> from datetime import date
        >>> lc.award_schedule().next_award(after=date(2021, 1, 1)).year
        2021
        >>> lc.award_schedule().next_award(after=date(2000, 1, 1)).edition
        1
        """
        after = require_date("after", after)
        for cycle in self._iter(after.year, LAST_YEAR):
            if _conferred_after(cycle, after):
                return cycle
        raise UnknownAwardError(
            after.year, (), f"no cycle is held or projected after {after.isoformat()} and before {LAST_YEAR + 1}"
        )


def _conferred_after(cycle: AwardCycle, day: dt.date) -> bool:
    return cycle.date > day if cycle.date is not None else cycle.conferred_by >= day


def award_schedule(network: Network | None = None) -> AwardSchedule:
    """The schedule of ``network`` (default :func:`learning_cities.load`): its editions, then triennial.

    >>> import learning_cities as lc
    >>> [c.year for c in lc.award_schedule().cycles(2015, 2033)]
    [2015, 2017, 2019, 2021, 2024, 2027, 2030, 2033]
    >>> lc.award_schedule(network=lc.load()) == lc.award_schedule()
    True
    """
    from ._packaged import network_or_load

    network = network_or_load(network)
    calls = {call.award_year: call for call in table().award_calls}
    held = tuple(
        AwardCycle(award.year, award.edition, False, award.conference, "held", calls.get(award.year))
        for award in network.awards
    )
    start = None if held else TRIENNIAL_FROM  # a network with no edition: the rule in force
    return AwardSchedule(
        held=held,
        interval=TRIENNIAL_INTERVAL,
        rule="triennial",
        start=start,
        conferences=network.conferences,
        data_as_of=network.data_as_of,
    )
