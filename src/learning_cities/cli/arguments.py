"""Reading the command line: the parser, and years and dates in either era.

Years and dates are read in two steps. The parser checks their form (digits, ASCII or Thai,
an optional ``พ.ศ.`` mark) and keeps a :class:`YearArg` or :class:`DateArg`; once every
option is known (``--be`` may come after the year), :func:`resolve` turns each into a Common
Era ``int`` or ``datetime.date``, refusing a Buddhist Era slip the way the library does.

>>> resolve_year(read_year("2024"), Era.COMMON)
2024
>>> resolve_year(read_year("พ.ศ. 2567"), Era.COMMON)
2024
>>> resolve_year(read_year("๒๕๖๗"), Era.BUDDHIST)
2024
>>> resolve_year(read_year("2567"), Era.COMMON)
Traceback (most recent call last):
learning_cities.cli.arguments.UsageError: year 2567 looks like a Buddhist Era year; ... pass --be ...
"""

from __future__ import annotations

import argparse
import datetime as dt
import enum
import re
import sys
from collections.abc import Sequence
from typing import Any, NoReturn, Protocol

import attrs

from .._checks import BUDDHIST_ERA_FROM, BUDDHIST_ERA_OFFSET, require_date
from .._repr import shown
from ..calendars import calendar_year
from ..errors import BuddhistEraError

__all__ = [
    "BE_MARK",
    "DateArg",
    "Era",
    "UsageError",
    "Writer",
    "YearArg",
    "join_era_marks",
    "read_count",
    "read_date",
    "read_year",
    "resolve",
    "resolve_date",
    "resolve_year",
]

#: The Thai mark of a Buddhist Era year (พุทธศักราช), written before the year.
BE_MARK = "พ.ศ."
_THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
_DIGIT = "[0-9๐-๙]"
_MARK = r"(?:(พ\.ศ\.?)\s*)?"
_YEAR = re.compile(rf"{_MARK}({_DIGIT}{{1,5}})")
_DATE = re.compile(rf"{_MARK}({_DIGIT}{{4,5}})-({_DIGIT}{{2}})-({_DIGIT}{{2}})")
_COUNT = re.compile(rf"{_DIGIT}{{1,15}}")
_HINT = f"pass --be (or write {BE_MARK} before the year) to give Buddhist Era years"


class UsageError(ValueError):
    """Arguments that parse but make no sense (exit status 2)."""


class Era(enum.Enum):
    """How an unmarked year is read: Common Era, Buddhist Era (``--be``), or either (``--lang th``)."""

    COMMON = "common"
    BUDDHIST = "buddhist"
    EITHER = "either"


@attrs.frozen
class YearArg:
    """A year as typed: its digits, and whether it carried the ``พ.ศ.`` mark."""

    text: str
    value: int
    marked: bool


@attrs.frozen
class DateArg:
    """A date as typed (``YYYY-MM-DD``), not yet checked as a calendar date."""

    text: str
    year: int
    month: int
    day: int
    marked: bool


def _digits(text: str) -> int:
    return int(text.translate(_THAI_DIGITS))


def read_year(text: str) -> YearArg:
    """Read a year: ``2024``, ``๒๕๖๗``, ``พ.ศ. 2567`` or ``พ.ศ.2567``.

    >>> read_year("พ.ศ.2567")
    YearArg(text='พ.ศ.2567', value=2567, marked=True)
    >>> read_year("next")
    Traceback (most recent call last):
    argparse.ArgumentTypeError: expected a year such as 2024 (or พ.ศ. 2567), not 'next'
    """
    found = _YEAR.fullmatch(text.strip())
    if found is None:
        raise argparse.ArgumentTypeError(f"expected a year such as 2024 (or {BE_MARK} 2567), not {shown(text)}")
    return YearArg(text, _digits(found[2]), found[1] is not None)


def read_date(text: str) -> DateArg:
    """Read a date as ``YYYY-MM-DD`` (the year in either era, checked later by :func:`resolve_date`).

    >>> read_date("พ.ศ. 2567-02-29").year
    2567
    >>> read_date("2025-13-01")
    Traceback (most recent call last):
    argparse.ArgumentTypeError: expected a date as YYYY-MM-DD, not '2025-13-01'
    """
    found = _DATE.fullmatch(text.strip())
    if found is None or not 1 <= _digits(found[3]) <= 12 or not 1 <= _digits(found[4]) <= 31:
        raise argparse.ArgumentTypeError(f"expected a date as YYYY-MM-DD, not {shown(text)}")
    return DateArg(text, _digits(found[2]), _digits(found[3]), _digits(found[4]), found[1] is not None)


def read_count(text: str) -> int:
    """Read a whole number (0 or more; ASCII or Thai digits).

    >>> read_count("20000"), read_count("๑๐")
    (20000, 10)
    >>> read_count("-1")
    Traceback (most recent call last):
    argparse.ArgumentTypeError: expected a whole number such as 20000, not '-1'
    """
    if _COUNT.fullmatch(text.strip()) is None:
        raise argparse.ArgumentTypeError(f"expected a whole number such as 20000, not {shown(text)}")
    return _digits(text.strip())


def _era_of(marked: bool, era: Era, value: int) -> bool:
    """Whether ``value`` is a Buddhist Era year."""
    if marked or era is Era.BUDDHIST:
        return True
    return era is Era.EITHER and value >= BUDDHIST_ERA_FROM


def _from_buddhist(name: str, text: str, year: int) -> int:
    common = year - BUDDHIST_ERA_OFFSET
    if year < BUDDHIST_ERA_FROM:
        raise UsageError(
            f"{name} {shown(text)} read as Buddhist Era is the Common Era year {common}, before any fact the data "
            f"holds; for the Common Era year {year}, leave out --be and {BE_MARK}"
        )
    return common


def resolve_year(arg: YearArg, era: Era, name: str = "year") -> int:
    """The Common Era year ``arg`` stands for, read in ``era`` unless it carries ``พ.ศ.``.

    A year from 2400 on read as Common Era is a Buddhist Era slip, and a year outside the
    supported Common Era years (1 to 2399), in either era, a usage error (exit status 2) on
    every command; a supported year that the data does not hold is for the command to report.

    >>> resolve_year(read_year("2570"), Era.EITHER), resolve_year(read_year("2024"), Era.EITHER)
    (2027, 2024)
    >>> resolve_year(read_year("0000"), Era.COMMON)
    Traceback (most recent call last):
    learning_cities.cli.arguments.UsageError: year must be a Common Era year from 1 to 2399, not 0
    """
    buddhist = _era_of(arg.marked, era, arg.value)
    year = _from_buddhist(name, arg.text, arg.value) if buddhist else arg.value
    try:
        return calendar_year(name, year)
    except BuddhistEraError as error:
        raise UsageError(f"{error}; {_HINT}") from None
    except ValueError as error:
        read = f" ({shown(arg.text)} read as Buddhist Era)" if buddhist else ""
        raise UsageError(f"{error}{read}") from None


def resolve_date(arg: DateArg, era: Era, name: str = "date") -> dt.date:
    """The Common Era date ``arg`` stands for (see :func:`resolve_year`).

    A Buddhist Era date is converted before it is checked, so 29 February 2567 (a leap
    year in the Common Era, 2024) is a real day.

    >>> resolve_date(read_date("2567-02-29"), Era.BUDDHIST)
    datetime.date(2024, 2, 29)
    """
    year = arg.year
    if _era_of(arg.marked, era, year):
        year = _from_buddhist(name, arg.text, year)
    try:
        day = dt.date(year, arg.month, arg.day)
    except ValueError:
        if year >= BUDDHIST_ERA_FROM:  # not a day in this year, but a day in the Buddhist Era one
            resolve_year(YearArg(arg.text, year, False), Era.COMMON, f"{name} year")
        raise UsageError(f"{name} {shown(arg.text)} is not a day of the calendar") from None
    try:
        return require_date(name, day)
    except BuddhistEraError as error:
        raise UsageError(f"{error}; {_HINT}") from None
    except ValueError as error:  # a year past every Buddhist Era slip: out of range
        raise UsageError(str(error)) from None


def resolve(args: argparse.Namespace, era: Era) -> None:
    """Replace every :class:`YearArg` and :class:`DateArg` in ``args`` by its Common Era value."""
    for name, value in vars(args).items():
        label = name if name == "year" else f"--{name}"
        if isinstance(value, YearArg):
            setattr(args, name, resolve_year(value, era, label))
        elif isinstance(value, DateArg):
            setattr(args, name, resolve_date(value, era, label))


def join_era_marks(argv: Sequence[str]) -> list[str]:
    """``["cohort", "พ.ศ.", "2567"]`` as ``["cohort", "พ.ศ. 2567"]``: the mark, typed apart, joins its year.

    >>> join_era_marks(["cohort", "พ.ศ.", "2567", "--json"])
    ['cohort', 'พ.ศ. 2567', '--json']
    """
    joined: list[str] = []
    index = 0
    while index < len(argv):
        word = argv[index]
        if word.strip() in (BE_MARK, BE_MARK[:-1]) and index + 1 < len(argv):
            joined.append(f"{BE_MARK} {argv[index + 1]}")
            index += 2
        else:
            joined.append(word)
            index += 1
    return joined


class Writer(Protocol):
    """Where the parser prints: anything with a text ``write`` method."""

    def write(self, text: str, /) -> Any:
        """Write ``text``."""


class ParserExitError(Exception):
    """The parser has finished (``--help``, ``--version``, or a usage error already printed)."""

    def __init__(self, status: int) -> None:
        super().__init__(status)
        self.status = status


class Parser(argparse.ArgumentParser):
    """An :class:`argparse.ArgumentParser` that prints to the streams it is given and never exits.

    >>> import io
    >>> out, err = io.StringIO(), io.StringIO()
    >>> parser = Parser(prog="demo", streams=(out, err))
    >>> try:
    ...     parser.parse_args(["--nope"])
    ... except ParserExitError as done:
    ...     print(done.status, err.getvalue().splitlines()[-1])
    2 demo: error: unrecognized arguments: --nope
    """

    def __init__(self, *args: Any, streams: tuple[Writer, Writer], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.streams = streams

    def _print_message(self, message: str, file: Any = None) -> None:
        if message:
            out, err = self.streams
            (out if file is sys.stdout else err).write(message)

    def exit(self, status: int = 0, message: str | None = None) -> NoReturn:
        """Stop parsing with ``status``, after printing ``message`` to standard error."""
        if message:
            self._print_message(message)
        raise ParserExitError(status)
