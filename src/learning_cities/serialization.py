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
round-trips on its own. Structuring checks every field, coerces nothing (``"2024"`` and
``True`` are not years) and names the path to each bad field:

>>> lc.structure({**data, "joined": "2024"}, lc.City)
Traceback (most recent call last):
learning_cities.serialization.StructureError: cannot structure City: expected int, got str: '2024' @ $.joined

Importing this module is cheap: cattrs is imported when the converter is first needed.
"""

from __future__ import annotations

import datetime as dt
import enum
import json
import threading
import typing
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, TypeVar

import attrs

from ._frozenmap import FrozenMap
from .errors import LearningCitiesError

if TYPE_CHECKING:
    import cattrs

__all__ = ["StructureError", "from_json", "get_converter", "structure", "to_json", "unstructure"]

T = TypeVar("T")


class StructureError(LearningCitiesError, ValueError):
    """Data that does not make the record asked for.

    ``errors`` holds one line per bad field, each ending in its path (``@ $.joined``).
    """

    def __init__(self, cls: object, errors: typing.Sequence[str]) -> None:
        self.cls = cls
        self.errors = tuple(errors)
        name = getattr(cls, "__name__", None) or repr(cls)
        super().__init__(f"cannot structure {name}: " + "; ".join(self.errors))


_lock = threading.Lock()
_converters: list[cattrs.Converter] = []


def get_converter() -> cattrs.Converter:
    """The package's one configured :class:`cattrs.Converter`, made on first use.

    >>> get_converter() is get_converter()
    True
    """
    if not _converters:
        with _lock:
            if not _converters:
                _converters.append(_make_converter())
    return _converters[0]


def _is_record(cls: object) -> bool:
    return isinstance(cls, type) and attrs.has(cls) and cls.__module__.startswith("learning_cities")


def _homogeneous_tuple_item(cls: object) -> Any:
    """``X`` for ``tuple[X, ...]``, else ``None``."""
    if typing.get_origin(cls) is tuple:
        args = typing.get_args(cls)
        if len(args) == 2 and args[1] is Ellipsis:
            return args[0]
    return None


def _type_name(value: object) -> str:
    return type(value).__name__


def _show(value: object, limit: int = 60) -> str:
    """``repr(value)``, shortened to ``limit`` characters."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _make_converter() -> cattrs.Converter:
    import cattrs
    import cattrs.gen

    converter = cattrs.Converter(detailed_validation=True, forbid_extra_keys=True)

    # -- scalars: checked exactly, never coerced (a bool is not an int) ---------------------
    def structure_int(value: object, _: type) -> int:
        if value.__class__ is not int:
            raise TypeError(f"expected int, got {_type_name(value)}: {_show(value)}")
        return value

    def structure_str(value: object, _: type) -> str:
        if value.__class__ is not str:
            raise TypeError(f"expected str, got {_type_name(value)}: {_show(value)}")
        return value

    def structure_bool(value: object, _: type) -> bool:
        if value.__class__ is not bool:
            raise TypeError(f"expected bool, got {_type_name(value)}: {_show(value)}")
        return value

    def structure_date(value: object, _: type) -> dt.date:
        if value.__class__ is not str:
            raise TypeError(f"expected an ISO date string (YYYY-MM-DD), got {_type_name(value)}: {_show(value)}")
        text = value
        try:
            day = dt.date.fromisoformat(text)
        except ValueError:
            day = None
        if day is None or day.isoformat() != text:
            raise ValueError(f"expected an ISO date (YYYY-MM-DD), got {text!r}")
        return day

    converter.register_structure_hook(int, structure_int)
    converter.register_structure_hook(str, structure_str)
    converter.register_structure_hook(bool, structure_bool)
    converter.register_structure_hook(dt.date, structure_date)
    converter.register_unstructure_hook(dt.date, dt.date.isoformat)

    # -- enums by value ---------------------------------------------------------------------
    def is_enum(cls: Any) -> bool:
        return isinstance(cls, type) and issubclass(cls, enum.Enum)

    def structure_enum_factory(cls: Any) -> Callable[[object, type], Any]:
        values = {member.value: member for member in cls}
        choices = ", ".join(repr(v) for v in values)

        def structure_enum(value: object, _: type) -> Any:
            if value.__class__ is not str or value not in values:
                raise ValueError(f"expected one of {choices}, got {_show(value)}")
            return values[value]

        return structure_enum

    converter.register_structure_hook_factory(is_enum, structure_enum_factory)
    converter.register_unstructure_hook_func(is_enum, lambda member: member.value)

    # -- FrozenMap (local_names, official_names) as a plain dict ----------------------------
    def structure_frozen_map(value: object, _: type) -> FrozenMap:
        if not isinstance(value, Mapping):
            raise TypeError(f"expected an object of language tag to name, got {_type_name(value)}: {_show(value)}")
        for key, name in value.items():
            if key.__class__ is not str or name.__class__ is not str:
                raise TypeError(f"expected str keys and values, got {_show(key)}: {_show(name)}")
        return FrozenMap(value)

    converter.register_structure_hook(FrozenMap, structure_frozen_map)
    converter.register_unstructure_hook(FrozenMap, dict)

    # -- tuples as lists; structured only from a list (a string is not a tuple of letters) --
    def structure_tuple_factory(cls: Any) -> Callable[[object, type], tuple[Any, ...]]:
        item = _homogeneous_tuple_item(cls)
        inner = converter.get_structure_hook(item)

        def structure_tuple(value: object, _: type) -> tuple[Any, ...]:
            if not isinstance(value, (list, tuple)):
                raise TypeError(f"expected a list, got {_type_name(value)}: {_show(value)}")
            items = []
            errors: list[Exception] = []
            for index, element in enumerate(value):
                try:
                    items.append(inner(element, item))
                except Exception as error:
                    note = cattrs.errors.IterableValidationNote(f"Structuring {cls} @ index {index}", index, item)
                    # what cattrs itself attaches, so transform_error can name the index
                    setattr(error, "__notes__", [*getattr(error, "__notes__", []), note])  # noqa: B010
                    errors.append(error)
            if errors:
                raise cattrs.errors.IterableValidationError(f"While structuring {cls!r}", errors, cls)
            return tuple(items)

        return structure_tuple

    def unstructure_tuple_factory(cls: Any) -> Callable[[tuple[Any, ...]], list[Any]]:
        inner = converter.get_unstructure_hook(_homogeneous_tuple_item(cls))
        return lambda value: [inner(element) for element in value]

    # -- records: an object (dict) of fields, nothing extra --------------------------------
    def structure_record_factory(cls: Any) -> Callable[[object, type], Any]:
        make = cattrs.gen.make_dict_structure_fn(
            cls, converter, _cattrs_forbid_extra_keys=True, _cattrs_detailed_validation=True
        )

        def structure_record(value: object, _: type) -> Any:
            if not isinstance(value, Mapping):
                raise TypeError(f"expected an object, got {_type_name(value)}: {_show(value)}")
            return make(typing.cast(Mapping[str, Any], value), cls)

        return structure_record

    converter.register_structure_hook_factory(_is_record, structure_record_factory)

    def is_tuple(cls: Any) -> bool:
        return _homogeneous_tuple_item(cls) is not None

    converter.register_structure_hook_factory(is_tuple, structure_tuple_factory)
    converter.register_unstructure_hook_factory(is_tuple, unstructure_tuple_factory)
    return converter


def _check_class(cls: object) -> None:
    item = _homogeneous_tuple_item(cls)
    if _is_record(cls) or (item is not None and _is_record(item)):
        return
    raise TypeError(
        f"structure() makes a learning_cities record (lc.City, lc.Cohort, ...) or tuple[Record, ...], not {cls!r}"
    )


def unstructure(obj: object) -> Any:
    """``obj`` (a record, or a tuple or list of records) as JSON-ready dicts and lists.

    >>> import learning_cities as lc
    >>> lc.unstructure(lc.load().cohort(2022))["announced_on"]
    '2022-09-02'
    >>> lc.unstructure({"not": "a record"})
    Traceback (most recent call last):
    TypeError: unstructure() takes a learning_cities record or a tuple of records, not dict
    """
    if isinstance(obj, (tuple, list)):
        for item in obj:
            if not _is_record(type(item)):
                raise TypeError(f"unstructure() takes a tuple of learning_cities records, which {item!r} is not")
        converter = get_converter()
        return [converter.unstructure(item) for item in obj]
    if not _is_record(type(obj)):
        raise TypeError(f"unstructure() takes a learning_cities record or a tuple of records, not {type(obj).__name__}")
    return get_converter().unstructure(obj)


def structure(data: Any, cls: type[T]) -> T:
    """A record of class ``cls`` from data made by :func:`unstructure` (or JSON).

    Raises :class:`StructureError` naming the path to every bad field.

    >>> import learning_cities as lc
    >>> country = lc.structure(
    ...     {"code": "TH", "alpha3": "THA", "name": "Thailand", "region": "Asia and the Pacific"}, lc.Country
    ... )
    >>> country.name, country.region
    ('Thailand', <Region.ASIA_PACIFIC: 'Asia and the Pacific'>)
    >>> lc.structure({"code": "TH", "alpha3": "THA", "name": "Thailand", "region": "Asia"}, lc.Country)
    Traceback (most recent call last):
    learning_cities.serialization.StructureError: cannot structure Country: expected one of ... got 'Asia' @ $.region
    """
    _check_class(cls)
    converter = get_converter()
    import cattrs

    try:
        return converter.structure(data, cls)
    except (cattrs.BaseValidationError, cattrs.StructureHandlerNotFoundError, TypeError, ValueError) as error:
        raise StructureError(cls, _messages(error)) from error


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
        return f"extra fields found ({', '.join(sorted(error.extra_fields))})"
    if isinstance(error, AttributeError) and "object has no attribute" in str(error):
        return "expected an object"
    if isinstance(error, (TypeError, ValueError)) and str(error):
        return str(error)
    return cattrs.v.format_exception(error, _)


def to_json(obj: object, *, indent: int | None = None) -> str:
    """``obj`` (a record or a tuple of records) as JSON text, non-ASCII kept as is.

    >>> import learning_cities as lc
    >>> print(lc.to_json(lc.load().country("TH")))
    {"code": "TH", "alpha3": "THA", "name": "Thailand", "region": "Asia and the Pacific", "aliases": [], ...}
    """
    return json.dumps(unstructure(obj), ensure_ascii=False, indent=indent)


def from_json(text: str | bytes, cls: type[T]) -> T:
    """A record of class ``cls`` from JSON text made by :func:`to_json`.

    Malformed JSON raises :class:`StructureError` too.
    """
    _check_class(cls)
    if not isinstance(text, (str, bytes)):
        raise TypeError(f"from_json() takes JSON text (str or bytes), not {type(text).__name__}")
    try:
        data = json.loads(text)
    except ValueError as error:
        raise StructureError(cls, [f"not valid JSON ({error}) @ $"]) from None
    return structure(data, cls)
