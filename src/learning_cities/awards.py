"""Award cycles: the editions held, and projections by the cadence in force.

The UNESCO Learning City Award was biennial (2015, 2017, 2019, 2021). From the 2024 call
UNESCO calls it triennial, conferred at the International Conference on Learning Cities,
the 7th of which is planned for June 2027. :func:`award_schedule` answers from the
packaged editions and projects later ones every three years, saying which is which;
:meth:`AwardSchedule.biennial` is the pure every-two-years rule, for what-if questions.

>>> import learning_cities as lc
>>> from datetime import date
>>> cycle = lc.award_schedule().next_award(after=date(2025, 1, 1))
>>> cycle.year, cycle.edition, cycle.projected, cycle.conference.number
(2027, 6, True, 7)
"""

from __future__ import annotations

import datetime as dt

import attrs

from .errors import UnknownAwardError
from .model import Conference
from .rules import AWARD_CALLS, AwardCall

__all__ = ["TRIENNIAL_FROM", "AwardCycle", "AwardSchedule", "award_schedule"]

#: The first edition UNESCO's call describes as triennial.
TRIENNIAL_FROM = 2024


@attrs.frozen
class AwardCycle:
    """One award cycle: held (from the data) or projected (from a rule).

    ``rule`` names what produced it: ``"held"``, ``"triennial"`` or ``"biennial"``.
    ``call`` holds the application dates known for a held edition.
    """

    year: int
    edition: int
    projected: bool
    conference: Conference | None
    rule: str
    call: AwardCall | None = None

    @property
    def date(self) -> dt.date | None:
        """The day the award is conferred (its conference's first day), where known."""
        return None if self.conference is None else self.conference.start


def _require_year(name: str, value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{name} must be an int (a year), not {type(value).__name__}: {value!r}")
    return value


@attrs.frozen
class AwardSchedule:
    """Held cycles, then projections every ``interval`` years after the last one.

    ``conferences`` lets a projection name its conference where one is planned that year.
    """

    held: tuple[AwardCycle, ...]
    interval: int
    rule: str
    start: int | None = None
    conferences: tuple[Conference, ...] = ()

    @classmethod
    def biennial(cls, start: int = 2015) -> AwardSchedule:
        """The pure every-two-years rule from ``start`` (edition 1), held editions ignored.

        >>> AwardSchedule.biennial(start=2015).is_award_year(2023)
        True
        """
        return cls(held=(), interval=2, rule="biennial", start=_require_year("start", start))

    def _first_projected(self) -> tuple[int, int]:
        if self.held:
            last = self.held[-1]
            return last.year + self.interval, last.edition + 1
        assert self.start is not None
        return self.start, 1

    def cycle(self, year: int) -> AwardCycle:
        """The cycle of ``year``, held or projected; :class:`UnknownAwardError` if none.

        >>> import learning_cities as lc
        >>> lc.award_schedule().cycle(2019).projected
        False
        >>> lc.award_schedule().cycle(2018)
        Traceback (most recent call last):
        learning_cities.errors.UnknownAwardError: no Learning City Award in 2018; ... did you mean 2017 or 2019?
        """
        _require_year("year", year)
        for held in self.held:
            if held.year == year:
                return held
        first, edition = self._first_projected()
        if year >= first and (year - first) % self.interval == 0:
            conference = next((c for c in self.conferences if c.year == year), None)
            return AwardCycle(year, edition + (year - first) // self.interval, True, conference, self.rule)
        raise UnknownAwardError(year, self._neighbours(year), self._describe())

    def _neighbours(self, year: int) -> list[int]:
        before = [c.year for c in self.cycles(year - self.interval * 2, year - 1)][-1:]
        after = [c.year for c in self.cycles(year + 1, year + self.interval * 2)][:1]
        return before + after

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
        try:
            self.cycle(year)
        except UnknownAwardError:
            return False
        return True

    def cycles(self, start: int, end: int) -> tuple[AwardCycle, ...]:
        """Every held and projected cycle from ``start`` to ``end`` inclusive, by year.

        >>> import learning_cities as lc
        >>> [(c.year, c.projected) for c in lc.award_schedule().cycles(2021, 2030)]
        [(2021, False), (2024, False), (2027, True), (2030, True)]
        """
        _require_year("start", start)
        _require_year("end", end)
        found = [c for c in self.held if start <= c.year <= end]
        first, _ = self._first_projected()
        year = max(first, first + -(-(start - first) // self.interval) * self.interval)
        while year <= end:
            found.append(self.cycle(year))
            year += self.interval
        return tuple(found)

    def next_award(self, after: dt.date) -> AwardCycle:
        """The first cycle conferred after ``after``.

        A projected cycle whose date is unknown counts from its year (or from the end of
        its conference's planned month).

        >>> import learning_cities as lc
        >>> from datetime import date
        >>> lc.award_schedule().next_award(after=date(2021, 1, 1)).year
        2021
        """
        if isinstance(after, dt.datetime) or not isinstance(after, dt.date):
            raise TypeError(f"after must be a datetime.date, not {type(after).__name__}: {after!r}")
        for cycle in self.cycles(after.year, after.year + 2 * self.interval):
            if _conferred_after(cycle, after):
                return cycle
        raise AssertionError("a projected cycle always follows")  # pragma: no cover


def _conferred_after(cycle: AwardCycle, day: dt.date) -> bool:
    if cycle.date is not None:
        return cycle.date > day
    if cycle.year != day.year:
        return cycle.year > day.year
    month = cycle.conference.planned_month if cycle.conference else None
    return month is None or month >= day.month


def award_schedule() -> AwardSchedule:
    """The schedule built from the packaged editions, projected triennially after 2024.

    >>> import learning_cities as lc
    >>> [c.year for c in lc.award_schedule().cycles(2015, 2033)]
    [2015, 2017, 2019, 2021, 2024, 2027, 2030, 2033]
    """
    from . import load

    network = load()
    calls = {call.award_year: call for call in AWARD_CALLS}
    held = tuple(
        AwardCycle(award.year, award.edition, False, award.conference, "held", calls.get(award.year))
        for award in network.awards
    )
    return AwardSchedule(held=held, interval=3, rule="triennial", conferences=network.conferences)
