"""The whole network as one JSON document, and back: a release you can keep and compare.

>>> import learning_cities as lc
>>> net = lc.load()
>>> text = lc.to_json(net)
>>> document = lc.unstructure(net)
>>> document["format"], document["schema"], document["data_as_of"]
('learning-cities/network', 1, '2025-12-04')
>>> khon_kaen = next(city for city in document["cities"] if city["id"] == "th-khon-kaen")
>>> khon_kaen["country"], "region" in khon_kaen, document["awards"][0]["conference"]
('TH', False, 2)
>>> old = lc.from_json(text, lc.Network)
>>> old.cities == net.cities and old.awards == net.awards and old.data_as_of == net.data_as_of
True
>>> old.city("ขอนแก่น").name
'Khon Kaen'

The document names its ``format`` and ``schema`` version, the ``library_version`` that wrote
it and the network's ``data_as_of``, then holds one list per section of the network, each
record written by the package's cattrs converter (:mod:`learning_cities.serialization`).
Records refer to one another by id, so no record is written twice: a city's ``country`` is
the country's code, an award's ``laureates`` are city ids and its ``conference`` the
conference's number. What a record derives is not written: a city's ``region`` is its
country's, a cohort's ``cities`` are the cities whose ``cohorts`` name its year. Reading
checks every field, resolves every reference and rebuilds the name index from the records,
so every name of every city looks it up again. The second name index
of the packaged data (the gazetteer's names of each member's place) is not part of a document.

A document of another schema, or a reference to a record the document does not hold, raises
:class:`~learning_cities.StructureError` naming the path:

>>> lc.from_json(text.replace('"schema": 1', '"schema": 9'), lc.Network)
Traceback (most recent call last):
learning_cities.serialization.StructureError: cannot structure Network: schema 9 is not supported; ... @ $.schema
>>> lc.from_json(text.replace('"country": "TH"', '"country": "XX"', 1), lc.Network)
Traceback (most recent call last):
learning_cities.serialization.StructureError: ...: 'XX' names no record in countries @ $.cities[...].country

:func:`to_json`, :func:`from_json`, :func:`unstructure` and :func:`structure` here are the
package's (``lc.to_json`` ...): they take a :class:`~learning_cities.Network` as a document
and hand every other record to :mod:`learning_cities.serialization`.
"""

from __future__ import annotations

import contextvars
import datetime as dt
import functools
import json
import types
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from . import _codec, serialization
from ._checks import as_bytes, require_date
from ._codec import record_class
from ._repr import shown
from ._version import __version__
from .network import Network
from .serialization import StructureError

__all__ = [
    "DERIVED",
    "FORMAT",
    "REFERENCE_KEYS",
    "SCHEMA_VERSION",
    "SECTIONS",
    "from_json",
    "structure",
    "to_json",
    "unstructure",
]

T = TypeVar("T")

#: What the document's ``format`` says it is.
FORMAT = "learning-cities/network"
#: The version of the document's layout; a reader refuses any other.
SCHEMA_VERSION = 1
#: The network's sections in the document's order, as in the packaged data file: each after
#: the sections it refers to.
SECTIONS: tuple[str, ...] = tuple(name for name, _, _ in _codec.SECTIONS)
_HEADER = ("format", "schema", "library_version", "data_as_of")
#: Fields a record derives, not written (nor compared by :func:`learning_cities.diff`): a
#: city's region is its country's, a cohort's cities are the cities whose ``cohorts`` name its
#: year (as in the packaged data file). ``(record class name, field)``.
DERIVED: frozenset[tuple[str, str]] = frozenset({("City", "region"), ("Cohort", "cities")})
#: The sections other records refer to, and the field that identifies each record.
_KEYS = {section: key for section in ("countries", "cities", "conferences") if (key := _codec.key_field(section))}
#: The records other records refer to, by class name, and the field a reference writes.
REFERENCE_KEYS: Mapping[str, str] = types.MappingProxyType(
    {record_class(section).__name__: key for section, key in _KEYS.items()}
)

#: The records read so far by the current call: section -> key -> record.
_tables: contextvars.ContextVar[dict[str, dict[Any, Any]] | None] = contextvars.ContextVar(
    "learning_cities_document_tables", default=None
)


class _Codec:
    """One structure and one unstructure function per section, made once from the converter."""

    def __init__(self) -> None:
        import cattrs
        import cattrs.gen

        base = serialization.get_converter()
        refs = base.copy()  # the same hooks, but a referred record is its key
        for section, key in _KEYS.items():
            kind = record_class(section)
            refs.register_unstructure_hook(kind, _unstructure_reference(key))
            refs.register_structure_hook(kind, _structure_reference(section, key))
        self.structure: dict[str, Callable[[Any], Any]] = {}
        self.unstructure: dict[str, Callable[[Any], Any]] = {}
        for section in SECTIONS:
            kind = record_class(section)
            name = kind.__name__
            omitted = [field for owner, field in DERIVED if owner == name]
            write: dict[str, Any] = {field: cattrs.override(omit=True) for field in omitted}
            read = {field: write[field] for field in omitted if field != "cities"}  # a cohort's cities are given
            self.unstructure[section] = cattrs.gen.make_dict_unstructure_fn(kind, refs, **write)
            self.structure[section] = _checked(cattrs.gen.make_dict_structure_fn(kind, refs, **read), kind)


def _unstructure_reference(key: str) -> Callable[[Any], Any]:
    return lambda record: getattr(record, key)


def _structure_reference(section: str, key: str) -> Callable[[object, type], Any]:
    def structure_reference(value: object, _: type) -> Any:
        tables = _tables.get()
        if value.__class__ is not (int if key == "number" else str):
            kind = "a conference number" if key == "number" else f"a {key} (str)"
            raise serialization._fail(TypeError(f"expected {kind}, got {type(value).__name__}: {shown(value)}"))
        found = None if tables is None else tables[section].get(value)
        if found is None:
            raise serialization._fail(ValueError(f"{shown(value)} names no record in {section}"))
        return found

    return structure_reference


def _checked(make: Callable[[Any, type], Any], kind: type) -> Callable[[Any], Any]:
    derive_cities = kind.__name__ == "Cohort"

    def structure_record(value: Any) -> Any:
        if not isinstance(value, dict):
            raise TypeError(f"expected an object, got {type(value).__name__}: {shown(value)}")
        if derive_cities:
            if "cities" in value:
                raise ValueError("extra fields found (cities): a cohort's cities are the cities whose cohorts name it")
            value = {**value, "cities": [city.id for city in _cohort_cities(value.get("year"))]}
        return make(value, kind)

    return structure_record


def _cohort_cities(year: object) -> tuple[Any, ...]:
    """The cities read so far whose ``cohorts`` name ``year``, by name: as the data file derives them."""
    tables = _tables.get()
    assert tables is not None
    members = [city for city in tables["cities"].values() if year in city.cohorts]
    return tuple(sorted(members, key=lambda city: (city.name.casefold(), city.id)))


@functools.cache
def _section_codec() -> _Codec:
    return _Codec()


# -- writing -----------------------------------------------------------------------------


def _document(network: Network) -> dict[str, Any]:
    codec = _section_codec()
    document: dict[str, Any] = {
        "format": FORMAT,
        "schema": SCHEMA_VERSION,
        "library_version": __version__,
        "data_as_of": network.data_as_of.isoformat(),
    }
    for section in SECTIONS:
        write = codec.unstructure[section]
        document[section] = [write(record) for record in getattr(network, section)]
    token = _tables.set({"cities": {city.id: city for city in network.cities}})
    try:
        for cohort in network.cohorts:
            if cohort.cities != _cohort_cities(cohort.year):
                raise ValueError(
                    f"unstructure() cannot write the network as one document: the cities of cohort {cohort.year} "
                    "are not the cities whose cohorts name its year, in name order (a document derives them)"
                )
    finally:
        _tables.reset(token)
    try:
        serialization._check_output(document)
    except (TypeError, ValueError) as error:
        raise type(error)(f"unstructure() cannot write the network as JSON: {error}") from None
    return document


def unstructure(obj: object) -> Any:
    """``obj`` as JSON-ready data: a :class:`~learning_cities.Network` as one document.

    Any other record is written as :func:`learning_cities.serialization.unstructure` writes it.

    >>> import learning_cities as lc
    >>> document = lc.unstructure(lc.load())
    >>> list(document)[:5], len(document["cities"]) == len(lc.load().cities)
    (['format', 'schema', 'library_version', 'data_as_of', 'countries'], True)
    """
    if isinstance(obj, Network):
        return _document(obj)
    return serialization.unstructure(obj)


def to_json(obj: object, *, indent: int | None = None) -> str:
    """``obj`` as JSON text: a :class:`~learning_cities.Network` as one document.

    Any other record is written as :func:`learning_cities.serialization.to_json` writes it.

    >>> import learning_cities as lc
    >>> lc.to_json(lc.load())[:60]
    '{"format": "learning-cities/network", "schema": 1, "library_'
    """
    if not isinstance(obj, Network):
        return serialization.to_json(obj, indent=indent)
    if indent is not None:
        serialization.to_json((), indent=indent)  # the same checks of indent
    return json.dumps(_document(obj), ensure_ascii=False, indent=indent, allow_nan=False)


# -- reading -----------------------------------------------------------------------------


def _problem(message: str, path: str = "$") -> StructureError:
    return StructureError(Network, [f"{message} @ {path}"])


def _header(data: Any) -> dt.date:
    """The document's ``data_as_of``, once its header and sections are as this library writes them."""
    if not isinstance(data, dict):
        raise _problem(f"expected a network document (an object), got {type(data).__name__}: {shown(data)}")
    if data.get("format") != FORMAT:
        found = f"format {shown(data['format'])}" if "format" in data else "no 'format'"
        raise _problem(f"not a learning-cities network document ({found}; expected {FORMAT!r})", "$.format")
    schema = data.get("schema")
    if schema.__class__ is not int:
        raise _problem(f"expected the schema version (an int), got {shown(schema)}", "$.schema")
    if schema != SCHEMA_VERSION:
        raise _problem(f"schema {schema} is not supported; this library reads schema {SCHEMA_VERSION}", "$.schema")
    if data.get("library_version").__class__ is not str:
        version = shown(data.get("library_version"))
        raise _problem(f"expected the library version (a str), got {version}", "$.library_version")
    expected = {*_HEADER, *SECTIONS}
    if data.keys() != expected:
        extra = sorted(key if len(key) <= 30 else shown(key, 30) for key in data.keys() - expected)
        missing = sorted(expected - data.keys())
        listed = [f"extra fields found ({', '.join(extra[:5])})" if extra else ""]
        listed.append(f"missing sections ({', '.join(missing)})" if missing else "")
        raise _problem("; ".join(part for part in listed if part))
    day = data["data_as_of"]
    if not (day.__class__ is str and _is_iso(day)):
        raise _problem(f"expected an ISO date (YYYY-MM-DD), got {shown(day)}", "$.data_as_of")
    try:
        return require_date("data_as_of", dt.date.fromisoformat(day))
    except ValueError as error:  # a Buddhist Era year
        raise _problem(str(error), "$.data_as_of") from None


def _is_iso(text: str) -> bool:
    if len(text) != 10:
        return False
    try:
        return dt.date.fromisoformat(text).isoformat() == text
    except ValueError:
        return False


def _network(data: Any) -> Network:
    import cattrs

    problem = serialization._check_input(data)
    if problem is not None:
        raise StructureError(Network, [problem])
    data_as_of = _header(data)
    codec = _section_codec()
    tables: dict[str, dict[Any, Any]] = {section: {} for section in _KEYS}
    sections: dict[str, Any] = {}
    token = _tables.set(tables)
    try:
        for section in SECTIONS:
            raw = data[section]
            if not isinstance(raw, list):
                raise _problem(f"expected a list, got {type(raw).__name__}: {shown(raw)}", f"$.{section}")
            read = codec.structure[section]
            key = _KEYS.get(section)
            records = []
            for index, item in enumerate(raw):
                path = f"$.{section}[{index}]"
                try:
                    record = read(item)
                except cattrs.ClassValidationError as error:
                    errors = cattrs.transform_error(error, path=path, format_exception=serialization._format_exception)
                    raise StructureError(Network, errors) from error
                except (TypeError, ValueError) as error:
                    raise _problem(serialization._text_of(error) or type(error).__name__, path) from error
                if key is not None:
                    table = tables[section]
                    value = getattr(record, key)
                    if value in table:
                        raise _problem(f"{key} {shown(value)} is used twice in {section}", f"{path}.{key}")
                    table[value] = record
                records.append(record)
            sections[section] = tuple(records)
    finally:
        _tables.reset(token)
    try:
        return Network(data_as_of, **sections)
    except (TypeError, ValueError) as error:  # pragma: no cover - every record was checked as read
        raise _problem(serialization._text_of(error)) from error


def structure(data: Any, cls: type[T]) -> T:
    """A record of class ``cls`` from JSON-ready data: a :class:`~learning_cities.Network` from a document.

    The document is one :func:`unstructure` made; any other record is read as
    :func:`learning_cities.serialization.structure` reads it.

    >>> import learning_cities as lc
    >>> net = lc.structure(lc.unstructure(lc.load()), lc.Network)
    >>> net.cohort(2024).cities == lc.load().cohort(2024).cities
    True
    >>> lc.structure({"format": "learning-cities/network"}, lc.Network)
    Traceback (most recent call last):
    learning_cities.serialization.StructureError: ...: expected the schema version (an int), got None @ $.schema
    """
    if cls is Network:
        return _network(data)  # type: ignore[return-value]
    return serialization.structure(data, cls)


def from_json(text: str | bytes | bytearray | memoryview, cls: type[T]) -> T:
    """A record of class ``cls`` from JSON text: a :class:`~learning_cities.Network` from a document.

    The document is one :func:`to_json` wrote; any other record is read as
    :func:`learning_cities.serialization.from_json` reads it.

    >>> import learning_cities as lc
    >>> lc.from_json('{"code": "TH"}', lc.Network)
    Traceback (most recent call last):
    learning_cities.serialization.StructureError: ...: not a learning-cities network document (no 'format'; ...
    """
    if cls is not Network:
        return serialization.from_json(text, cls)
    return _network(_parse(text))  # type: ignore[return-value]


def _parse(text: object) -> Any:
    """JSON ``text`` (str or bytes-like) as data, read as :func:`learning_cities.serialization.from_json` reads it."""
    data = as_bytes(text)
    if data is not None:
        try:
            text = data.decode(json.detect_encoding(data), "surrogatepass")
        except (UnicodeDecodeError, LookupError) as error:
            raise _problem(f"not valid JSON ({serialization._text_of(error)})") from None
    if not isinstance(text, str):
        raise TypeError(
            "from_json() takes JSON text (str, or bytes-like: bytes, bytearray, memoryview), "
            f"not {type(text).__name__}: {shown(text)}"
        )
    try:  # the parser stops at the interpreter's recursion limit; _check_input then holds MAX_DEPTH
        return json.loads(text, parse_int=serialization._parse_int, parse_constant=serialization._parse_constant)
    except RecursionError:
        raise _problem(f"JSON nested more than {serialization.MAX_DEPTH} levels deep") from None
    except serialization._NumberError as error:
        raise _problem(str(error)) from None
    except ValueError as error:  # malformed
        raise _problem(f"not valid JSON ({serialization._text_of(error)})") from None
