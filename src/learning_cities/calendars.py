"""The Thai solar calendar: Buddhist Era (BE) years, as Thai sources date GNLC events.

BE = CE + 543, so Thailand's 2024 cohort is dated พ.ศ. 2567. The conversions take CE 1 to
2399 (a CE year from 2400 on is taken for a BE year given by mistake, as everywhere in this
library) and BE 544 to 10542 (CE 1 to 9999, the years of :class:`datetime.date`).

>>> to_buddhist_era(2024)
2567
>>> from_buddhist_era(2567)
2024
>>> to_buddhist_era(True)
Traceback (most recent call last):
TypeError: year must be an int (a year), not bool: True
>>> to_buddhist_era(2567)
Traceback (most recent call last):
learning_cities.errors.BuddhistEraError: year 2567 looks like a Buddhist Era year; ... = 2024 ...
"""

from __future__ import annotations

import datetime as dt

from ._checks import BUDDHIST_ERA_OFFSET, FIRST_YEAR, LAST_YEAR, out_of_range, require_date, require_int, require_year
from ._repr import shown

__all__ = ["BUDDHIST_ERA_OFFSET", "calendar_year", "from_buddhist_era", "to_buddhist_era"]


def calendar_year(name: str, value: object) -> int:
    """``value`` as a Common Era year from 1 to 2399, after the Buddhist Era guard.

    The check every year argument of the award schedule and the eligibility checks goes
    through: :class:`TypeError` for a non-int (or a bool),
    :class:`~learning_cities.errors.BuddhistEraError` for
    2400 to 2942 (BE 2942 is CE 2399, the last year it answers about), and
    :class:`ValueError` naming the range for any other year.

    >>> calendar_year("year", 2027)
    2027
    >>> calendar_year("year", 20_000)
    Traceback (most recent call last):
    ValueError: year must be a Common Era year from 1 to 2399, not 20000
    """
    year = require_year(name, value)
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise out_of_range(name, year)
    return year


def to_buddhist_era(year: int | dt.date) -> int:
    """The Buddhist Era year of a Common Era year (or of a date's year).

    >>> import datetime
    >>> to_buddhist_era(datetime.date(2025, 12, 4))
    2568
    >>> to_buddhist_era(0)
    Traceback (most recent call last):
    ValueError: year must be a Common Era year from 1 to 2399, not 0
    """
    if isinstance(year, dt.date):
        return require_date("year", year).year + BUDDHIST_ERA_OFFSET
    return calendar_year("year", year) + BUDDHIST_ERA_OFFSET


def from_buddhist_era(year: int) -> int:
    """The Common Era year of a Buddhist Era year (BE 544 to 10542).

    >>> from_buddhist_era(2568)
    2025
    >>> from_buddhist_era(543)
    Traceback (most recent call last):
    ValueError: BE 543 falls outside the years this library knows: BE 544 (CE 1) to BE 10542 (CE 9999)
    """
    buddhist = require_int("year", year)
    if not dt.MINYEAR + BUDDHIST_ERA_OFFSET <= buddhist <= dt.MAXYEAR + BUDDHIST_ERA_OFFSET:
        raise ValueError(
            f"BE {shown(buddhist)} falls outside the years this library knows: BE {dt.MINYEAR + BUDDHIST_ERA_OFFSET} "
            f"(CE {dt.MINYEAR}) to BE {dt.MAXYEAR + BUDDHIST_ERA_OFFSET} (CE {dt.MAXYEAR})"
        )
    return buddhist - BUDDHIST_ERA_OFFSET
