"""Records to JSON-ready data and back, through one configured cattrs converter.

>>> import learning_cities as lc
>>> khon_kaen = lc.load().city("Khon Kaen")
>>> data = lc.unstructure(khon_kaen)
>>> data["joined"], data["country"]["code"], data["region"], data["local_names"]
(2024, 'TH', 'Asia and the Pacific', {'th': 'ขอนแก่น'})
>>> lc.structure(data, lc.City) == khon_kaen
True
>>> lc.from_json(lc.to_json(khon_kaen), lc.City) == khon_kaen
True

Dates become ISO strings, enums their values, tuples lists and local names dicts; nested
records (a city's country, an award's laureates) are written out in full, so every record
round-trips on its own. ``list[Record]`` and ``tuple[Record, ...]`` are read too.
Structuring checks every field, coerces nothing (``"2024"`` and ``True`` are not years)
and names the path to each bad field:

>>> lc.structure({**data, "joined": "2024"}, lc.City)
Traceback (most recent call last):
learning_cities.serialization.StructureError: cannot structure City: expected int, got str: '2024' @ $.joined

Input is bounded before any recursive code sees it: nesting deeper than :data:`MAX_DEPTH`
levels is refused (JSON text with a linear scan before it is parsed), ints must fit in 64
bits, and a list of bad items lists the first errors only, so a failure costs no more than
a success.

Importing this module is cheap: cattrs is imported when the converter is first needed.
"""

from __future__ import annotations

import contextvars
import datetime as dt
import enum
import functools
import heapq
import itertools
import json
import math
import re
import types
import typing
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any, TypeVar

import attrs

from ._checks import as_bytes, require_int
from ._frozenmap import FrozenMap
from ._repr import shown
from .errors import LearningCitiesError

if TYPE_CHECKING:
    import cattrs

__all__ = ["MAX_DEPTH", "StructureError", "from_json", "get_converter", "structure", "to_json", "unstructure"]

T = TypeVar("T")

# The deepest nesting of lists and objects read or written. The records nest about six
# levels deep (a list of cohorts, a cohort's cities, a city's country, its sources).
MAX_DEPTH = 64
#: Ints are years and counts: anything outside 64 bits is refused, not converted to text.
_INT_MIN, _INT_MAX = -(2**63), 2**63 - 1
#: After this many failures in one call, lists stop reading further items.
_MAX_FAILURES = 20
_MAX_INDENT = 16
#: A path in a message names at most this many keys.
_PATH_KEYS = 8
#: The longest int JSON text is read with: 2**63 has 19 digits.
_MAX_INT_DIGITS = 20


class StructureError(LearningCitiesError, ValueError):
    """Data that does not make the record asked for.

    ``errors`` holds one line per bad field, each ending in its path (``@ $.joined``).

    >>> import learning_cities as lc
    >>> try:
    ...     lc.from_json('{"code": "TH"}', lc.Country)
    ... except lc.StructureError as error:
    ...     error.errors[:2]
    ('required field missing @ $.alpha3', 'required field missing @ $.name')
    """

    def __init__(self, cls: object, errors: typing.Sequence[str]) -> None:
        self.cls = cls
        self.errors = tuple(errors)
        super().__init__(f"cannot structure {_class_name(cls)}: " + "; ".join(self.errors))


def _class_name(cls: object) -> str:
    """``City``, ``list[City]``, ``tuple[City, ...]``, or a safe repr of anything else."""
    name = getattr(cls, "__name__", None) if isinstance(cls, type) else None
    if isinstance(name, str):
        return name
    origin, args = typing.get_origin(cls), typing.get_args(cls)
    if origin in (list, tuple) and args and isinstance(args[0], type):
        return f"{origin.__name__}[{args[0].__name__}{', ...' if origin is tuple else ''}]"
    return shown(cls)


# -- the converter ----------------------------------------------------------------------------


@functools.cache
def get_converter() -> cattrs.Converter:
    """The package's one configured :class:`cattrs.Converter`, made on first use.

    (Two threads asking first at once may each build one; both are configured alike, and
    the cache keeps one.)

    >>> get_converter() is get_converter()
    True
    """
    return _make_converter()


def _is_record(cls: object) -> bool:
    """A public attrs class of this package: a record, a coverage row, a report."""
    return (
        isinstance(cls, type)
        and attrs.has(cls)
        and cls.__module__.startswith("learning_cities")
        and cls.__name__ != "Network"  # the aggregate, not a record: it pickles, it does not serialise
        and vars(cls).get("serializable", True) is not False  # a view with its own JSON form (Changes)
        and not cls.__name__.startswith("_")
    )


def _sequence_item(cls: object) -> Any:
    """``X`` for ``list[X]`` and ``tuple[X, ...]``, else ``None``."""
    origin, args = typing.get_origin(cls), typing.get_args(cls)
    if origin is list and len(args) == 1:
        return args[0]
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        return args[0]
    return None


class _Budget:
    """How many structuring failures one call has seen; lists stop reading past the limit."""

    __slots__ = ("failures", "truncated")

    def __init__(self) -> None:
        self.failures = 0
        self.truncated = False


_budget: contextvars.ContextVar[_Budget | None] = contextvars.ContextVar("learning_cities_budget", default=None)


def _count(failures: int) -> None:
    """Count ``failures`` against the current call's budget, if any."""
    budget = _budget.get()
    if budget is not None:
        budget.failures += failures


def _fail(error: Exception) -> Exception:
    """``error``, counted against the current call's budget."""
    _count(1)
    return error


def _items(value: list[Any] | tuple[Any, ...]) -> Iterator[Any]:
    """The items of ``value``, until the current call has failed too often."""
    budget = _budget.get()
    if budget is None:
        yield from value
        return
    for item in value:
        if budget.failures >= _MAX_FAILURES:
            budget.truncated = True
            return
        yield item


def _make_converter() -> cattrs.Converter:
    import cattrs
    import cattrs.cols
    import cattrs.gen

    # Not cattrs.preconf.json: its union passthrough would let ``int | None`` take a bool
    # or a 5000-digit int. The hooks below check every scalar exactly instead.
    converter = cattrs.Converter(detailed_validation=True, forbid_extra_keys=True)

    # -- scalars: checked exactly, never coerced (a bool is not an int) ---------------------
    def structure_int(value: object, _: type) -> int:
        if value.__class__ is not int:
            raise _fail(TypeError(f"expected int, got {type(value).__name__}: {shown(value)}"))
        if not _INT_MIN <= value <= _INT_MAX:
            raise _fail(ValueError(f"expected an int of at most 64 bits, got {shown(value)}"))
        return value

    def structure_str(value: object, _: type) -> str:
        if value.__class__ is not str:
            raise _fail(TypeError(f"expected str, got {type(value).__name__}: {shown(value)}"))
        return value

    def structure_bool(value: object, _: type) -> bool:
        if value.__class__ is not bool:
            raise _fail(TypeError(f"expected bool, got {type(value).__name__}: {shown(value)}"))
        return value

    def structure_date(value: object, _: type) -> dt.date:
        if value.__class__ is not str:
            raise _fail(
                TypeError(f"expected an ISO date string (YYYY-MM-DD), got {type(value).__name__}: {shown(value)}")
            )
        text = value
        try:
            day: dt.date | None = dt.date.fromisoformat(text) if len(text) == 10 else None
        except ValueError:
            day = None
        if day is None or day.isoformat() != text:
            raise _fail(ValueError(f"expected an ISO date (YYYY-MM-DD), got {shown(text)}"))
        return day

    converter.register_structure_hook(int, structure_int)
    converter.register_structure_hook(str, structure_str)
    converter.register_structure_hook(bool, structure_bool)
    converter.register_structure_hook(dt.date, structure_date)
    converter.register_unstructure_hook(dt.date, dt.date.isoformat)
    # a sentence the package made from a catalog template (learning_cities._i18n.Text) is
    # written as its English text, a plain str
    converter.register_unstructure_hook(str, str)

    # -- enums by value ---------------------------------------------------------------------
    def is_enum(cls: Any) -> bool:
        return isinstance(cls, type) and issubclass(cls, enum.Enum)

    def structure_enum_factory(cls: Any) -> Callable[[object, type], Any]:
        values = {member.value: member for member in cls}
        choices = ", ".join(repr(v) for v in values)

        def structure_enum(value: object, _: type) -> Any:
            if value.__class__ is not str or value not in values:
                raise _fail(ValueError(f"expected one of {choices}, got {shown(value)}"))
            return values[value]

        return structure_enum

    converter.register_structure_hook_factory(is_enum, structure_enum_factory)
    converter.register_unstructure_hook_func(is_enum, lambda member: member.value)

    # -- FrozenMap (local_names, official_names) as a plain object of str to str ----------
    def structure_frozen_map(value: object, _: type) -> FrozenMap:
        if not isinstance(value, dict):
            raise _fail(
                TypeError(f"expected an object of language tag to name, got {type(value).__name__}: {shown(value)}")
            )
        bad = [(k, v) for k, v in dict.items(value) if k.__class__ is not str or v.__class__ is not str]
        if bad:
            key, name = bad[0]
            more = f" (and {len(bad) - 1:,} more)" if len(bad) > 1 else ""
            raise _fail(TypeError(f"expected str keys and values, got {shown(key)}: {shown(name)}{more}"))
        return FrozenMap(value)

    converter.register_structure_hook(FrozenMap, structure_frozen_map)
    converter.register_unstructure_hook(FrozenMap, dict)

    # -- list[X] and tuple[X, ...]: cattrs' own hooks, given a list only ------------------
    # (a string is not a list of letters, nor a dict a list of its keys), and read no
    # further than the current call's failure budget.
    def structure_sequence_factory(cls: Any, converter: cattrs.Converter) -> Callable[[object, type], Any]:
        make = cattrs.cols.list_structure_factory if typing.get_origin(cls) is list else None
        inner = (make or cattrs.cols.homogenous_tuple_structure_factory)(cls, converter)

        def structure_sequence(value: object, kind: type) -> Any:
            if not isinstance(value, (list, tuple)):
                raise _fail(TypeError(f"expected a list, got {type(value).__name__}: {shown(value)}"))
            return inner(_items(value), kind)

        return structure_sequence

    def is_sequence(cls: Any) -> bool:
        return _sequence_item(cls) is not None

    converter.register_structure_hook_factory(is_sequence, structure_sequence_factory)

    # -- records: an object (dict) of fields, nothing extra --------------------------------
    def structure_record_factory(cls: Any, converter: cattrs.Converter) -> Callable[[object, type], Any]:
        make = cattrs.gen.make_dict_structure_fn(cls, converter)

        def structure_record(value: object, _: type) -> Any:
            if not isinstance(value, dict):
                raise _fail(TypeError(f"expected an object, got {type(value).__name__}: {shown(value)}"))
            try:
                return make(value, cls)
            except cattrs.ClassValidationError as error:
                # count the fields that no hook of ours saw fail: missing and extra keys
                _count(sum(1 for e in error.exceptions if isinstance(e, (KeyError, cattrs.ForbiddenExtraKeysError))))
                raise

        return structure_record

    converter.register_structure_hook_factory(_is_record, structure_record_factory)

    # -- a record or its name (a report's city): an object is the record, a string the name --
    def is_record_or_str(cls: Any) -> bool:
        args = typing.get_args(cls) if typing.get_origin(cls) in (typing.Union, types.UnionType) else ()
        return len(args) == 2 and str in args and any(_is_record(arg) for arg in args)

    def structure_record_or_str_factory(cls: Any, converter: cattrs.Converter) -> Callable[[object, type], Any]:
        record = next(arg for arg in typing.get_args(cls) if arg is not str)
        inner = converter.get_structure_hook(record)

        def structure_record_or_str(value: object, _: type) -> Any:
            return value if isinstance(value, str) else inner(value, record)

        return structure_record_or_str

    converter.register_structure_hook_factory(is_record_or_str, structure_record_or_str_factory)
    return converter


def _check_class(cls: object) -> None:
    item = _sequence_item(cls)
    if _is_record(cls) or (item is not None and _is_record(item)):
        return
    raise TypeError(
        "structure() makes a learning_cities record (lc.City, lc.Cohort, ...), list[Record] or "
        f"tuple[Record, ...], not {shown(cls)}"
    )


# -- bounds on the data, checked without recursion ------------------------------------------


def _path(trail: tuple[Any, ...] | None) -> str:
    """``$.cities[3].joined`` from a linked trail ``(parent, key)``."""
    keys = []
    while trail is not None:
        trail, key = trail
        keys.append(key)
    keys.reverse()
    parts = ["$"]
    for key in keys[:_PATH_KEYS]:
        if isinstance(key, int):
            parts.append(f"[{key}]")
        elif key.isidentifier():
            parts.append(f".{key}")
        else:
            parts.append(f"[{shown(key, 30)}]")
    if len(keys) > _PATH_KEYS:
        parts.append(f"... ({len(keys)} levels down)")
    return "".join(parts)


def _check_input(data: object) -> str | None:
    """What makes ``data`` unreadable before any field is looked at, with its path, else ``None``.

    Lists and objects nest at most :data:`MAX_DEPTH` deep; object keys are str.

    >>> _check_input({"a": [1, {2: "x"}]})
    'expected an object with str keys, got key 2 @ $.a[1]'
    """
    stack: list[tuple[object, int, tuple[Any, ...] | None]] = [(data, 1, None)]
    while stack:
        value, depth, trail = stack.pop()
        if depth > MAX_DEPTH:
            return f"nested deeper than {MAX_DEPTH} levels @ {_path(trail)}"
        if isinstance(value, dict):
            for key, item in dict.items(value):
                if key.__class__ is not str:
                    return f"expected an object with str keys, got key {shown(key)} @ {_path(trail)}"
                if isinstance(item, (dict, list, tuple)):
                    stack.append((item, depth + 1, (trail, key)))
        elif isinstance(value, (list, tuple)):
            for index, item in enumerate(value):
                if isinstance(item, (dict, list, tuple)):
                    stack.append((item, depth + 1, (trail, index)))
    return None


def _check_output(data: object) -> None:
    """Raise unless ``data`` is JSON-ready: str-keyed dicts, lists, str, 64-bit ints, finite floats, bools, None."""
    stack: list[tuple[object, int, tuple[Any, ...] | None]] = [(data, 1, None)]
    while stack:
        value, depth, trail = stack.pop()
        kind = value.__class__
        if kind is str or kind is bool or value is None:
            continue
        if kind is int:
            if not _INT_MIN <= typing.cast(int, value) <= _INT_MAX:
                raise ValueError(f"an int of more than 64 bits ({shown(value)}) @ {_path(trail)}")
            continue
        if kind is float:
            if not math.isfinite(typing.cast(float, value)):
                raise ValueError(f"a float that JSON cannot hold ({shown(value)}) @ {_path(trail)}")
            continue
        if kind is not dict and kind is not list:
            raise TypeError(f"a {kind.__name__} ({shown(value)}), which JSON cannot hold, @ {_path(trail)}")
        if depth > MAX_DEPTH:
            raise ValueError(f"nested deeper than {MAX_DEPTH} levels @ {_path(trail)}")
        if kind is dict:
            for key, item in typing.cast(dict[Any, Any], value).items():
                if key.__class__ is not str:
                    raise TypeError(f"an object key that is not a str ({shown(key)}) @ {_path(trail)}")
                stack.append((item, depth + 1, (trail, key)))
        else:
            stack.extend((item, depth + 1, (trail, index)) for index, item in enumerate(typing.cast(list[Any], value)))


# A JSON string: a quote, then anything but a quote or backslash, or a backslash and any
# one character, then a quote (written to run in linear time).
_JSON_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
# Opening brackets to 1, closing to -1 (255 as a signed byte); every other byte deleted.
_BRACKET_TABLE = bytes.maketrans(b"[{]}", b"\x01\x01\xff\xff")
_NOT_BRACKETS = bytes(b for b in range(256) if b not in b"[]{}")


def _json_depth(text: str) -> int:
    """How deep (at least) the lists and objects of JSON ``text`` nest: linear time, no recursion.

    Brackets inside strings do not count; where brackets do not balance, the deepest point
    that a parser would reach before the error. Past :data:`MAX_DEPTH`, the answer may be
    a lower bound.

    >>> _json_depth('[{"a": [1, 2]}, "[[[", 3]'), _json_depth("[" * 100_000), _json_depth('"x"')
    (3, 100000, 0)
    """
    brackets = _JSON_STRING.sub("", text).encode("utf-8", "surrogatepass").translate(_BRACKET_TABLE, _NOT_BRACKETS)
    if b"\x01" * (MAX_DEPTH + 1) in brackets:  # a run of openers: no need to count the rest
        return len(max(re.findall(b"\x01+", brackets), key=len))
    return max(itertools.accumulate(memoryview(brackets).cast("b")), default=0)


# -- the public functions ------------------------------------------------------------------------


def unstructure(obj: object) -> Any:
    """``obj`` (a record, or a list or tuple of records) as JSON-ready dicts and lists.

    A record holding what JSON cannot (a field set to some other object, an int beyond
    64 bits) raises :class:`TypeError` or :class:`ValueError` naming the field.

    >>> import learning_cities as lc
    >>> lc.unstructure(lc.load().cohort(2022))["announced_on"]
    '2022-09-02'
    >>> lc.unstructure({"not": "a record"})
    Traceback (most recent call last):
    TypeError: unstructure() takes a learning_cities record or a list or tuple of records, not dict: {'not': 'a record'}
    """
    if isinstance(obj, (tuple, list)):
        for index, item in enumerate(obj):
            if not _is_record(type(item)):
                raise TypeError(
                    "unstructure() takes a list or tuple of learning_cities records; "
                    f"item {index} is a {type(item).__name__}: {shown(item)}"
                )
        items = list(obj)
    elif _is_record(type(obj)):
        items = [obj]
    else:
        raise TypeError(
            "unstructure() takes a learning_cities record or a list or tuple of records, "
            f"not {type(obj).__name__}: {shown(obj)}"
        )
    converter = get_converter()
    data = []
    for item in items:
        try:
            data.append(converter.unstructure(item))
        except Exception as error:  # a field set to an object of another class
            reason = _text_of(error) or type(error).__name__
            raise TypeError(f"unstructure() cannot write {shown(item)}: {reason}") from error
    result: Any = data if isinstance(obj, (tuple, list)) else data[0]
    try:
        _check_output(result)
    except (TypeError, ValueError) as error:
        raise type(error)(f"unstructure() cannot write {_class_name(type(obj))} as JSON: {error}") from None
    return result


def structure(data: Any, cls: type[T]) -> T:
    """A record of class ``cls`` (or ``list[Record]``, ``tuple[Record, ...]``) from data made by :func:`unstructure`.

    Raises :class:`StructureError` naming the path to every bad field (the first ones, for
    a long list of bad items), :class:`TypeError` where ``cls`` is not a record class.

    >>> import learning_cities as lc
    >>> country = lc.structure(
    ...     {"code": "TH", "alpha3": "THA", "name": "Thailand", "region": "Asia and the Pacific"}, lc.Country
    ... )
    >>> country.name, country.region
    ('Thailand', <Region.ASIA_PACIFIC: 'Asia and the Pacific'>)
    >>> lc.structure([lc.unstructure(country)], list[lc.Country]) == [country]
    True
    >>> lc.structure({"code": "TH", "alpha3": "THA", "name": "Thailand", "region": "Asia"}, lc.Country)
    Traceback (most recent call last):
    learning_cities.serialization.StructureError: cannot structure Country: expected one of ... got 'Asia' @ $.region
    """
    _check_class(cls)
    problem = _check_input(data)
    if problem is not None:
        raise StructureError(cls, [problem])
    return _structure(data, cls)


def _structure(data: Any, cls: type[T]) -> T:
    import cattrs

    converter = get_converter()
    budget = _Budget()
    token = _budget.set(budget)
    try:
        result = converter.structure(data, cls)
    except (cattrs.BaseValidationError, cattrs.StructureHandlerNotFoundError, TypeError, ValueError) as error:
        errors = _messages(error)
        if budget.truncated:
            errors.append(f"(more errors not listed: reading stopped after {_MAX_FAILURES} failures)")
        raise StructureError(cls, errors) from error
    finally:
        _budget.reset(token)
    if budget.truncated:  # a failure that some hook recovered from stopped a list: read it all
        return converter.structure(data, cls)
    return result


def _messages(error: BaseException) -> list[str]:
    import cattrs

    if isinstance(error, cattrs.BaseValidationError):
        return cattrs.transform_error(error, format_exception=_format_exception)
    return [f"{_format_exception(error, None)} @ $"]


def _format_exception(error: BaseException, _: Any) -> str:
    import cattrs

    if isinstance(error, KeyError):
        return "required field missing"
    if isinstance(error, cattrs.ForbiddenExtraKeysError):
        extra = [key if key.__class__ is str and len(key) <= 30 else shown(key, 30) for key in error.extra_fields]
        listed = ", ".join(heapq.nsmallest(5, extra))
        more = f" and {len(extra) - 5:,} more" if len(extra) > 5 else ""
        return f"extra fields found ({listed}{more})"
    text = _text_of(error)
    if isinstance(error, (TypeError, ValueError)) and text:
        return text
    return f"{type(error).__name__}: {text}" if text else type(error).__name__


def _text_of(error: BaseException, limit: int = 300) -> str:
    """``str(error)``, cut to ``limit`` characters; ``""`` where it cannot be built."""
    try:
        text = str(error)
    except Exception:
        return ""
    return text if len(text) <= limit else text[: limit - 3] + "..."


def to_json(obj: object, *, indent: int | None = None) -> str:
    """``obj`` (a record or a list or tuple of records) as JSON text, non-ASCII kept as is.

    ``indent`` is ``None`` (one line) or a number of spaces from 0 to 16.

    >>> import learning_cities as lc
    >>> print(lc.to_json(lc.load().country("TH")))
    {"code": "TH", "alpha3": "THA", "name": "Thailand", "region": "Asia and the Pacific", "aliases": ["ประเทศไทย"], ...}
    >>> lc.to_json(lc.load().country("TH"), indent="  ")
    Traceback (most recent call last):
    TypeError: indent must be an int, not str: '  '
    """
    if indent is not None:
        require_int("indent", indent)
        if not 0 <= indent <= _MAX_INDENT:
            raise ValueError(f"indent must be None or from 0 to {_MAX_INDENT} spaces, not {shown(indent)}")
    return json.dumps(unstructure(obj), ensure_ascii=False, indent=indent, allow_nan=False)


def from_json(text: str | bytes | bytearray | memoryview, cls: type[T]) -> T:
    """A record of class ``cls`` (or ``list[Record]``, ``tuple[Record, ...]``) from JSON text made by :func:`to_json`.

    ``text`` is a ``str``, or bytes-like (``bytes``, ``bytearray``, ``memoryview``: read as
    the bytes it holds, in UTF-8, UTF-16 or UTF-32 as ``json.loads`` detects); anything
    else raises :class:`TypeError`.

    Malformed JSON, and JSON nested deeper than :data:`~learning_cities.serialization.MAX_DEPTH` levels, raise
    :class:`StructureError` too.

    >>> import learning_cities as lc
    >>> countries = lc.from_json(lc.to_json(lc.load().countries[:2]), list[lc.Country])
    >>> [country.code for country in countries]
    ['DZ', 'AR']
    >>> lc.from_json("[" * 100_000, lc.City)
    Traceback (most recent call last):
    learning_cities.serialization.StructureError: cannot structure City: JSON nested at least 100000 levels deep; ...
    """
    _check_class(cls)
    data = as_bytes(text)
    if data is not None:
        try:
            text = data.decode(json.detect_encoding(data), "surrogatepass")
        except (UnicodeDecodeError, LookupError) as error:
            raise StructureError(cls, [f"not valid JSON ({_text_of(error)}) @ $"]) from None
    elif not isinstance(text, str):
        raise TypeError(
            f"from_json() takes JSON text (str, or bytes-like: bytes, bytearray, memoryview), "
            f"not {type(text).__name__}: {shown(text)}"
        )
    depth = _json_depth(text)
    if depth > MAX_DEPTH:
        raise StructureError(cls, [f"JSON nested at least {depth} levels deep; at most {MAX_DEPTH} are read @ $"])
    try:
        data = json.loads(text, parse_int=_parse_int, parse_constant=_parse_constant)
    except _NumberError as error:
        raise StructureError(cls, [f"{error} @ $"]) from None
    except ValueError as error:  # malformed
        raise StructureError(cls, [f"not valid JSON ({_text_of(error)}) @ $"]) from None
    return _structure(data, cls)


class _NumberError(ValueError):
    """A number in JSON text that no record field can hold."""


def _parse_int(text: str) -> int:
    """An int from JSON text, refused before conversion where it has too many digits."""
    digits = len(text) - text.startswith("-")
    if digits > _MAX_INT_DIGITS:
        raise _NumberError(f"expected an int of at most 64 bits, got a number of {digits:,} digits")
    return int(text)


def _parse_constant(text: str) -> float:
    raise _NumberError(f"{text} is not a JSON number")
