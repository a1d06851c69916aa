"""Checks derived from field types, so each record is declared once.

An attrs class that derives from :class:`Record` checks every field against its annotation
when a record is made: a bool is no int, a str no tuple, a ``datetime`` no ``date``, and a
:data:`Year` is a Common Era year (a Buddhist Era slip raises
:class:`~learning_cities.errors.BuddhistEraError`). A field with a validator of its own is
left to it. The checks are derived from ``attrs.fields`` when the first record of a class is
made, so defining a record class costs no more than attrs does. The same annotations drive
the data file's codec (:mod:`learning_cities._codec`).

>>> import attrs
>>> @attrs.frozen
... class Example(Record):
...     year: Year
...     names: tuple[str, ...] = ()
>>> Example(2024, ("a",))
Example(year=2024, names=('a',))
>>> Example("2024")
Traceback (most recent call last):
TypeError: Example.year must be a year (int), not str: '2024'
"""

from __future__ import annotations

import datetime as dt
import sys
import types
import typing
from collections.abc import Callable, Mapping
from typing import Annotated, Any

import attrs

from ._checks import out_of_range, require_date, require_year
from ._repr import shown

__all__ = ["Record", "Year", "check_for", "resolved_type"]

#: A Common Era year: an ``int`` from 1 to 2399 (a year from 2400 is taken for a Buddhist Era slip).
Year = Annotated[int, "year"]

_Check = Callable[[Any], bool]


def _describe(kind: Any) -> str:
    origin = typing.get_origin(kind)
    if origin is Annotated:
        return "a year (int)"
    if origin in (typing.Union, types.UnionType):
        return " or ".join(_describe(arg) for arg in typing.get_args(kind))
    if origin is tuple:
        return f"a tuple of {_describe(typing.get_args(kind)[0])}"
    if origin is Mapping or kind is Mapping:
        return "a mapping of str to str"
    if kind is type(None):
        return "None"
    return getattr(kind, "__name__", str(kind))


def check_for(kind: Any) -> _Check:
    """A predicate that is true for values of the annotation ``kind`` (exact classes)."""
    origin = typing.get_origin(kind)
    if origin is Annotated:
        return lambda value: value.__class__ is int and _is_year(value)
    if origin in (typing.Union, types.UnionType):
        checks = [check_for(arg) for arg in typing.get_args(kind) if arg is not type(None)]
        (inner,) = checks
        return lambda value: value is None or inner(value)
    if origin is tuple:
        item = check_for(typing.get_args(kind)[0])
        return lambda value: _is_tuple(value) and all(map(item, value))
    if origin is Mapping or kind is Mapping:
        return lambda value: isinstance(value, Mapping)  # converted and checked by its converter
    if kind is dt.date:
        return lambda value: value.__class__ is dt.date and value.year < 2400
    if kind is int:
        return lambda value: value.__class__ is int
    if kind is float:
        return lambda value: value.__class__ is float
    if kind is str:
        return lambda value: isinstance(value, str)
    if kind is bool:
        return lambda value: value.__class__ is bool
    if isinstance(kind, type):
        return lambda value: isinstance(value, kind)
    raise TypeError(f"no check for the annotation {kind!r}")  # pragma: no cover - a model bug


def _is_tuple(value: object) -> bool:
    """A tuple, or a tuple class that declares itself one to records (``__record_tuple__``: ``Cities``)."""
    return value.__class__ is tuple or getattr(value.__class__, "__record_tuple__", False) is True


def _is_year(value: int) -> bool:
    return 1 <= value < 2400


def resolved_type(cls: type, field: attrs.Attribute[Any]) -> Any:
    """The annotation of ``field``, resolved where it is declared if it is postponed (a string).

    The class that declares the field may be a base of ``cls``, in another module.

    >>> import learning_cities as lc
    >>> resolved_type(lc.Cohort, attrs.fields(lc.Cohort).year)
    typing.Annotated[int, 'year']
    """
    kind: Any = field.type
    if isinstance(kind, str):
        owner = next((base for base in cls.__mro__ if field.name in vars(base).get("__annotations__", {})), cls)
        kind = eval(kind, dict(vars(sys.modules[owner.__module__])))
    return kind


def _fail(name: str, kind: Any) -> Callable[[Any], None]:
    """What to raise when a value of ``name`` fails its check."""
    wanted = _describe(kind)

    def fail(value: Any) -> None:
        _explain(name, kind, value)
        raise TypeError(f"{name} must be {wanted}, not {type(value).__name__}: {shown(value)}")

    return fail


def _explain(name: str, kind: Any, value: Any) -> None:
    """Raise the precise error for a value of the right class but out of range."""
    origin = typing.get_origin(kind)
    if origin in (typing.Union, types.UnionType):
        kind = next(arg for arg in typing.get_args(kind) if arg is not type(None))
        origin = typing.get_origin(kind)
    if origin is Annotated and value.__class__ is int:
        require_year(name, value)
        raise out_of_range(name, value)
    if kind is dt.date and value.__class__ is dt.date:
        require_date(name, value)
    if origin is tuple and _is_tuple(value):
        item = check_for(typing.get_args(kind)[0])
        for index, element in enumerate(value):
            if not item(element):
                _explain(f"{name}[{index}]", typing.get_args(kind)[0], element)
                raise TypeError(
                    f"{name}[{index}] must be {_describe(typing.get_args(kind)[0])}, "
                    f"not {type(element).__name__}: {shown(element)}"
                )


_Checks = tuple[tuple[str, _Check, Callable[[Any], None]], ...]


def _checks_of(cls: type) -> _Checks:
    """The checks of a record class, derived on first use and kept on the class itself."""
    checks: _Checks | None = vars(cls).get("__record_checks__")
    if checks is None:
        checks = tuple(
            (field.name, check_for(kind), _fail(f"{cls.__name__}.{field.name}", kind))
            for field in attrs.fields(cls)
            if field.validator is None
            for kind in (resolved_type(cls, field),)
        )
        type.__setattr__(cls, "__record_checks__", checks)
    return checks


class Record:
    """Base of the record classes: once attrs has set a record's fields, each is checked against its annotation.

    The checks run in ``__attrs_post_init__``, as attrs runs checks that span a whole record;
    a subclass that defines its own calls ``super().__attrs_post_init__()``. A field with a
    validator of its own is left to it. ``attrs.validators.disabled()`` turns the checks off,
    as it does attrs' validators; ``attrs.validate()`` runs only the fields' own validators (a
    frozen record cannot change after its checks ran).

    >>> import learning_cities as lc
    >>> lc.Location(13.75, 100.5, "https://www.geonames.org/1609350").source
    'https://www.geonames.org/1609350'
    >>> lc.Population(10_000_000, 2567, "a census")
    Traceback (most recent call last):
    learning_cities.errors.BuddhistEraError: Population.year 2567 looks like a Buddhist Era year; ... = 2024 ...)
    """

    __slots__ = ()

    def __attrs_post_init__(self) -> None:
        if attrs.validators.get_disabled():  # attrs' switch turns these checks off too
            return
        for name, check, fail in _checks_of(self.__class__):
            value = getattr(self, name)
            if not check(value):
                fail(value)
