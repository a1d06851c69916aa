"""The argument checks every public entry point shares.

One place decides what a year, a date, a whole number or a text argument is, so every
function refuses the same bad input with the same typed error, and every message can quote
any value safely (a huge int, a deeply nested list, an object whose ``repr`` fails).

>>> require_year("year", 2027)
2027
>>> require_year("year", 2570)
Traceback (most recent call last):
learning_cities.errors.BuddhistEraError: year 2570 looks like a Buddhist Era year; ... 2570 - 543 = 2027 ...
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, TypeVar

import attrs

from ._repr import shown
from .errors import BuddhistEraError

__all__ = [
    "BUDDHIST_ERA_FROM",
    "BUDDHIST_ERA_OFFSET",
    "FIRST_YEAR",
    "LAST_YEAR",
    "as_bytes",
    "checked",
    "instance_field",
    "out_of_range",
    "require_bool",
    "require_bytes",
    "require_callable",
    "require_count",
    "require_date",
    "require_instance",
    "require_int",
    "require_str",
    "require_text",
    "require_year",
    "tuple_field",
]

#: Years between the Common Era and the Thai Buddhist Era (BE = CE + 543).
BUDDHIST_ERA_OFFSET = 543
#: A year from this one on is taken for a Buddhist Era slip (BE 2400 is CE 1857, before any
#: fact this library holds; CE 2400 is beyond any question it can answer).
BUDDHIST_ERA_FROM = 2400
#: The Common Era years this library answers about: from 1 (the first of ``datetime.date``)
#: to 2399 (from 2400 on, a year is read as a Buddhist Era slip).
FIRST_YEAR, LAST_YEAR = dt.MINYEAR, BUDDHIST_ERA_FROM - 1
#: The last year taken for a Buddhist Era slip: the one whose Common Era year is the last
#: supported (BE 2942 is CE 2399). A later year is out of range: no year is suggested for it.
_BUDDHIST_ERA_TO = LAST_YEAR + BUDDHIST_ERA_OFFSET

T = TypeVar("T")


def _kind(value: object) -> str:
    return type(value).__name__


def require_int(name: str, value: object) -> int:
    """``value`` if it is an int (a bool is not); else :class:`TypeError` naming ``name``.

    >>> require_int("limit", True)
    Traceback (most recent call last):
    TypeError: limit must be an int, not bool: True
    """
    if value.__class__ is not int and (isinstance(value, bool) or not isinstance(value, int)):
        raise TypeError(f"{name} must be an int, not {_kind(value)}: {shown(value)}")
    return int(value)


def require_count(name: str, value: object) -> int:
    """``value`` if it is an int of at least 1 (how many results to return).

    >>> require_count("limit", 0)
    Traceback (most recent call last):
    ValueError: limit must be at least 1, not 0
    """
    count = require_int(name, value)
    if count < 1:
        raise ValueError(f"{name} must be at least 1, not {shown(count)}")
    return count


def require_str(name: str, value: object) -> str:
    """``value`` if it is a str; else :class:`TypeError` naming ``name``."""
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a str, not {_kind(value)}: {shown(value)}")
    return value


def require_text(name: str, value: object) -> str:
    """``value`` if it is a str that is not blank.

    >>> require_text("city", "  ")
    Traceback (most recent call last):
    ValueError: city must not be blank: '  '
    """
    if not require_str(name, value).strip():
        raise ValueError(f"{name} must not be blank: {shown(value)}")
    return str(value)


def require_bool(name: str, value: object) -> bool:
    """``value`` if it is ``True`` or ``False``; else :class:`TypeError` naming ``name``."""
    if not isinstance(value, bool):
        raise TypeError(f"{name} must be True or False, not {_kind(value)}: {shown(value)}")
    return value


def out_of_range(name: str, year: int) -> ValueError:
    """The error for a year outside :data:`FIRST_YEAR` to :data:`LAST_YEAR`, naming the range.

    >>> out_of_range("year", 9996)
    ValueError('year must be a Common Era year from 1 to 2399, not 9996')
    """
    return ValueError(f"{name} must be a Common Era year from {FIRST_YEAR} to {LAST_YEAR}, not {shown(year)}")


def _buddhist_slip(name: str, year: int) -> int:
    """The Common Era year a Buddhist Era ``year`` (2400 on) stands for, or the range error.

    A year is called a slip only when its Common Era year is one this library answers about
    (BE 2400 to 2942 are CE 1857 to 2399); any later year is refused as out of range, so the
    message never suggests a year that would itself be refused.
    """
    common = year - BUDDHIST_ERA_OFFSET
    if year > _BUDDHIST_ERA_TO:
        raise out_of_range(name, year)
    return common


def require_year(name: str, value: object) -> int:
    """A Common Era year: an int, below 2400 (a year from 2400 on is a Buddhist Era slip or out of range).

    A year from 2400 to 2942 raises :class:`~learning_cities.errors.BuddhistEraError`
    naming the Common Era year (2400 - 543 = 1857 to 2942 - 543 = 2399); any later year a
    :class:`ValueError` naming the supported range. Years before 1 are returned as they are:
    the caller decides whether they are unknown (a lookup) or out of range (a calculation).

    >>> require_year("year", "2024")
    Traceback (most recent call last):
    TypeError: year must be an int (a year), not str: '2024'
    >>> require_year("year", 9996)
    Traceback (most recent call last):
    ValueError: year must be a Common Era year from 1 to 2399, not 9996
    """
    if value.__class__ is not int and (isinstance(value, bool) or not isinstance(value, int)):
        raise TypeError(f"{name} must be an int (a year), not {_kind(value)}: {shown(value)}")
    year = int(value)
    if year >= BUDDHIST_ERA_FROM:
        common = _buddhist_slip(name, year)
        raise BuddhistEraError(
            f"{name} {year} looks like a Buddhist Era year; in the Common Era it is {year} - "
            f"{BUDDHIST_ERA_OFFSET} = {common} (lc.from_buddhist_era({year}))",
            year,
        )
    return year


def require_date(name: str, value: object) -> dt.date:
    """A ``datetime.date`` (not a ``datetime``) in the Common Era, up to 2399 (as :func:`require_year`).

    >>> require_date("day", dt.date(2567, 2, 14))
    Traceback (most recent call last):
    learning_cities.errors.BuddhistEraError: day 2567-02-14 looks like a Buddhist Era date; ... it is 2024-02-14 ...
    """
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        hint = " (use .date() on a datetime)" if isinstance(value, dt.datetime) else ""
        raise TypeError(f"{name} must be a datetime.date{hint}, not {_kind(value)}: {shown(value)}")
    if value.year >= BUDDHIST_ERA_FROM:
        common = _buddhist_slip(f"{name} year", value.year)
        try:
            converted = value.replace(year=common).isoformat()
        except ValueError:  # 29 February of a year that is not leap in the Common Era
            converted = f"{common}-{value.month:02d}-{value.day:02d}"
        raise BuddhistEraError(
            f"{name} {value.isoformat()} looks like a Buddhist Era date; in the Common Era it is {converted} "
            f"(year {value.year} - {BUDDHIST_ERA_OFFSET} = {common}, lc.from_buddhist_era({value.year}))",
            value.year,
        )
    return value


def require_callable(name: str, value: object) -> Callable[..., Any]:
    """``value`` if it can be called; else :class:`TypeError` naming ``name``.

    >>> require_callable("alternate_names", 5)
    Traceback (most recent call last):
    TypeError: alternate_names must be callable, not int: 5
    """
    if not callable(value):
        raise TypeError(f"{name} must be callable, not {_kind(value)}: {shown(value)}")
    return value


def as_bytes(value: object) -> bytes | None:
    """A bytes-like ``value`` (``bytes``, ``bytearray``, ``memoryview``) as ``bytes``; ``None`` for anything else.

    >>> as_bytes(bytearray(b"[]")), as_bytes(memoryview(b"{}")), as_bytes("[]")
    (b'[]', b'{}', None)
    """
    if value.__class__ is bytes:
        return value
    if isinstance(value, (bytes, bytearray, memoryview)):
        return bytes(value)
    return None


def require_bytes(name: str, value: object) -> bytes:
    """A bytes-like ``value`` as ``bytes`` (see :func:`as_bytes`); else :class:`TypeError` naming ``name``."""
    data = as_bytes(value)
    if data is None:
        raise TypeError(f"{name} must be bytes (or bytearray, memoryview), not {_kind(value)}: {shown(value)}")
    return data


def require_instance(name: str, value: Any, kind: type[T]) -> T:
    """``value`` if it is a ``kind``; else :class:`TypeError` naming ``name``."""
    if not isinstance(value, kind):
        raise TypeError(f"{name} must be a {kind.__name__}, not {_kind(value)}: {shown(value)}")
    return value


_Validator = Callable[[Any, "attrs.Attribute[Any]", Any], None]


def checked(check: Callable[[str, object], object], *, optional: bool = False) -> _Validator:
    """An attrs validator running one of these checks on the field (``None`` allowed when ``optional``).

    >>> import attrs
    >>> @attrs.frozen
    ... class Example:
    ...     year: int | None = attrs.field(default=None, validator=checked(require_year, optional=True))
    >>> Example(2570)
    Traceback (most recent call last):
    learning_cities.errors.BuddhistEraError: year 2570 looks like a Buddhist Era year; ...
    """

    def validate(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if not (optional and value is None):
            check(attribute.name, value)

    return validate


def instance_field(kind: type | tuple[type, ...], *, optional: bool = False) -> _Validator:
    """An attrs validator: the value is a ``kind`` (or ``None`` when ``optional``).

    >>> import attrs
    >>> @attrs.frozen
    ... class Example:
    ...     name: str = attrs.field(validator=instance_field(str))
    >>> Example(3)
    Traceback (most recent call last):
    TypeError: name must be a str, not int: 3
    """
    kinds = kind if isinstance(kind, tuple) else (kind,)
    wanted = " or ".join(k.__name__ for k in kinds)

    def validate(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if not (optional and value is None) and not isinstance(value, kinds):
            raise TypeError(f"{attribute.name} must be a {wanted}, not {type(value).__name__}: {shown(value)}")

    return validate


def tuple_field(kind: type) -> _Validator:
    """An attrs validator: the value is a tuple of ``kind``, each item named by its index when wrong."""

    def validate(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        items: tuple[object, ...] = require_instance(attribute.name, value, tuple)
        for index, item in enumerate(items):
            require_instance(f"{attribute.name}[{index}]", item, kind)

    return validate
