"""The Thai solar calendar: Buddhist Era (BE) years, as Thai sources date GNLC events.

BE = CE + 543, so Thailand's 2024 cohort is dated พ.ศ. 2567.

>>> to_buddhist_era(2024)
2567
>>> from_buddhist_era(2567)
2024
>>> to_buddhist_era(True)
Traceback (most recent call last):
TypeError: a year must be an int, not bool: True
"""

from __future__ import annotations

import datetime as dt

__all__ = ["BUDDHIST_ERA_OFFSET", "from_buddhist_era", "to_buddhist_era"]

#: Years between the Common Era and the Thai Buddhist Era.
BUDDHIST_ERA_OFFSET = 543


def _year(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"a year must be an int, not {type(value).__name__}: {value!r}")
    return value


def to_buddhist_era(year: int | dt.date) -> int:
    """The Buddhist Era year of a Common Era year (or of a date's year).

    >>> import datetime
    >>> to_buddhist_era(datetime.date(2025, 12, 4))
    2568
    """
    if isinstance(year, dt.date) and not isinstance(year, dt.datetime):
        return year.year + BUDDHIST_ERA_OFFSET
    common = _year(year)
    if common < 1:
        raise ValueError(f"{common} is not a Common Era year (years start at 1)")
    return common + BUDDHIST_ERA_OFFSET


def from_buddhist_era(year: int) -> int:
    """The Common Era year of a Buddhist Era year.

    >>> from_buddhist_era(2568)
    2025
    """
    buddhist = _year(year)
    if buddhist <= BUDDHIST_ERA_OFFSET:
        raise ValueError(f"BE {buddhist} falls before the Common Era year 1 (BE {BUDDHIST_ERA_OFFSET + 1})")
    return buddhist - BUDDHIST_ERA_OFFSET
