"""The packaged files <-> records, derived from the records' field declarations: the one decoder.

The data file (``gnlc.json``) is read by :func:`parse`, or one record at a time by
:func:`decode_record` (for the record store, :mod:`learning_cities._store`); the rules file
(``rules.json``) by :func:`parse_tables`, whose records' own validators check their values.

Each section of the data file holds records of one class. A record is a JSON object whose keys
are exactly the class's :func:`attrs.fields`, less the few derived from other records
(:data:`DERIVED`); a field that names another record holds its key (:data:`REFERENCES`).
Reading checks every value against its field's annotation, and the record's own
validators check it again, so a malformed file raises :class:`DataError` naming the file
and the record: undeclared or missing keys, a key given twice, a duplicate code, year or
number, a value of the wrong type or out of range, invalid UTF-8 or JSON nested too deep.

``tools/build_data.py`` writes the file through :func:`dump`, from records it built, so
adding a field is one model edit and one build edit. The build also writes each member's
lookup keys (``name_keys``, and ``derived_keys`` for the forms derived by rule, which are
no record's names) and the file's checksum (:mod:`learning_cities._digest`): the
file the build checked is read one record at a time, on first use, by the record store
(:class:`learning_cities._store.PackagedRecords`, which decodes each record here); any other
file is read and checked in full by :func:`parse`, its lookup keys included.

>>> text = read_bytes()
>>> parts = parse(text)
>>> parts["cities"][0].__class__.__name__, parse(render(dump(parts))) == parts
('City', True)
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import json
import types
import typing
from collections.abc import Callable, Mapping
from typing import Annotated, Any

import attrs

from . import _resources, _text, model
from ._fields import resolved_type
from ._frozenmap import EMPTY, FrozenMap
from ._repr import shown
from .errors import DataError

__all__ = [
    "ALTERNATES_FILE",
    "DATA_FILE",
    "DERIVED",
    "NOT_EMPTY",
    "REFERENCES",
    "SCHEMA_VERSION",
    "SECTIONS",
    "decode_fields",
    "decode_record",
    "dump",
    "key_field",
    "lookup_keys",
    "parse",
    "parse_alternate_names",
    "parse_tables",
    "read_alternate_names",
    "read_bytes",
    "record_class",
    "render",
]

DATA_FILE = "gnlc.json"
ALTERNATES_FILE = "alternate_names.json"
SCHEMA_VERSION = 3

_Decode = Callable[[Any, "_Context"], Any]

# Record classes are named, not imported: the rarely used ones are defined on first use.
#: Fields the file must fill: a member city rests on at least one source.
NOT_EMPTY: frozenset[tuple[str, str]] = frozenset({("City", "sources")})
#: The file's sections in reading order: name, record class, the field that keys it (or None).
SECTIONS: tuple[tuple[str, str, str | None], ...] = (
    ("countries", "Country", "code"),
    ("cities", "City", "id"),
    ("cohorts", "Cohort", "year"),
    ("conferences", "Conference", "number"),
    ("awards", "Award", "year"),
    ("network_totals", "NetworkTotal", None),
    ("membership_changes", "MembershipChange", None),
    ("country_totals", "CountryTotal", None),
)
_KEYS = {name: key for name, _, key in SECTIONS}
#: Fields that hold another record, written as that record's key: (class, field) -> section.
REFERENCES: dict[tuple[str, str], str] = {
    ("City", "country"): "countries",
    ("Conference", "country"): "countries",
    ("CountryTotal", "country"): "countries",
    ("Award", "conference"): "conferences",
    ("Award", "laureates"): "cities",
}


def key_field(section: str) -> str | None:
    """The field that keys the records of a section of the file (``None``: not keyed).

    >>> key_field("cities"), key_field("network_totals")
    ('id', None)
    """
    return _KEYS[section]


def record_class(section: str) -> type:
    """The record class of a section of the file.

    >>> record_class("cities"), record_class("awards")
    (<class 'learning_cities.model.City'>, <class 'learning_cities.conferences.Award'>)
    """
    name = next(cls for section_name, cls, _ in SECTIONS if section_name == section)
    if hasattr(model, name):
        kind: type = getattr(model, name)
        return kind
    # defined on first use: importing attrs classes costs start-up time
    from . import cohorts, conferences

    found: type = getattr(cohorts, name, None) or getattr(conferences, name)
    return found


class _Context:
    """Where a value is being read, and the records read so far, for references and errors."""

    def __init__(self, file: str, tables: Mapping[str, Any] | None = None) -> None:
        self.file = file
        self.where = "top level"
        self.tables: dict[str, Any] = dict(tables or {})

    def fail(self, problem: str) -> DataError:
        return DataError(self.file, self.where, problem)


def _cohort_cities(values: dict[str, Any], ctx: _Context) -> tuple[model.City, ...]:
    """A cohort's cities: every city whose ``cohorts`` name its year, by name."""
    year = values["year"]
    members = [city for city in ctx.tables["cities"].values() if year in city.cohorts]
    return tuple(sorted(members, key=lambda city: (city.name.casefold(), city.id)))


#: Fields not in the file, derived when read: (class, field) -> how (None: the field's default).
DERIVED: dict[tuple[str, str], Callable[[dict[str, Any], _Context], Any] | None] = {
    ("City", "region"): None,
    ("Cohort", "cities"): _cohort_cities,
}


def read_bytes() -> bytes:
    """The packaged data file's bytes, read through :mod:`importlib.resources`.

    This works wherever the package is installed: as plain files, from a zip file, or
    through any loader that supports resources.
    """
    return _resources.read(DATA_FILE)


def read_alternate_names() -> dict[str, tuple[str, ...]]:
    """The second name index, read on first use: lookup key -> ids of the members with that name.

    >>> read_alternate_names()["krung thep"]
    ('th-bangkok',)
    """
    return parse_alternate_names(_resources.read(ALTERNATES_FILE))


def parse_alternate_names(data: bytes, file: str = ALTERNATES_FILE) -> dict[str, tuple[str, ...]]:
    """The second name index from its file's content; :class:`DataError` naming the file if malformed."""
    try:
        raw = json.loads(data.decode("utf-8"))
    except (ValueError, RecursionError) as error:  # UnicodeDecodeError is a ValueError
        raise DataError(file, "whole file", f"not valid UTF-8 JSON ({shown(str(error), 80)})") from None
    names = raw.get("names") if raw.__class__ is dict else None
    if names.__class__ is not dict or raw.get("source").__class__ is not str:
        raise DataError(file, "top level", "expected an object with 'source' (a string) and 'names' (an object)")
    index: dict[str, tuple[str, ...]] = {}
    for key, ids in names.items():
        if ids.__class__ is not list or not ids or not all(i.__class__ is str for i in ids):
            raise DataError(file, f"names[{shown(key)}]", f"expected a list of city ids, got {shown(ids)}")
        index[key] = tuple(ids)
    return index


# -- decoding one value by its annotation ------------------------------------------------


def _optional(kind: Any) -> Any:
    """``X`` for ``X | None``, else ``None``."""
    if typing.get_origin(kind) in (typing.Union, types.UnionType):
        rest = [arg for arg in typing.get_args(kind) if arg is not type(None)]
        return rest[0]
    return None


def _json_name(kind: Any) -> str:
    origin = typing.get_origin(kind)
    if origin is tuple:
        return "a list"
    if origin is Mapping or kind is Mapping or attrs.has(kind):
        return "an object"
    if origin is Annotated or kind is int:
        return "a whole number"
    if kind is float:
        return "a number with a decimal point"
    return "a string"


def _decoder(kind: Any, reference: str | None = None) -> _Decode:
    """A function that turns a JSON value into a field value of annotation ``kind``."""
    inner = _optional(kind)
    if inner is not None:
        decode_inner = _decoder(inner, reference)
        return lambda value, ctx: None if value is None else decode_inner(value, ctx)
    origin = typing.get_origin(kind)
    if origin is tuple:
        item = typing.get_args(kind)[0]
        decode_item = _decoder(item, reference)

        def decode_tuple(value: Any, ctx: _Context) -> tuple[Any, ...]:
            if value.__class__ is not list:
                raise ctx.fail(f"expected a list, got {shown(value)}")
            return tuple([decode_item(element, ctx) for element in value])

        return decode_tuple
    if reference is not None:
        return _reference_decoder(reference)
    if origin is Mapping or kind is Mapping:
        return _decode_names
    if kind is dt.date:
        return _decode_date
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        return _enum_decoder(kind)
    if attrs.has(kind):
        return _record_decoder(kind)
    json_class = int if typing.get_origin(kind) is Annotated else kind
    if json_class not in (int, str, bool, float):  # pragma: no cover - a model field the codec cannot read
        raise TypeError(f"the data file cannot hold a {kind!r}")
    wanted = _json_name(kind)

    def decode_scalar(value: Any, ctx: _Context) -> Any:
        if value.__class__ is not json_class:
            raise ctx.fail(f"expected {wanted}, got {shown(value)}")
        return value

    return decode_scalar


def _decode_names(value: Any, ctx: _Context) -> FrozenMap:
    if value.__class__ is not dict:
        raise ctx.fail(f"expected an object of language tag to name, got {shown(value)}")
    if not value:
        return EMPTY
    for key, name in value.items():
        if name.__class__ is not str:
            raise ctx.fail(f"name for {shown(key)} should be a string, got {shown(name)}")
    return FrozenMap(value)


def _decode_date(value: Any, ctx: _Context) -> dt.date:
    if value.__class__ is str and len(value) == 10:
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise ctx.fail(f"expected an ISO date (YYYY-MM-DD), got {shown(value)}")


def _enum_decoder(kind: type[enum.Enum]) -> _Decode:
    members = {member.value: member for member in kind}

    def decode_enum(value: Any, ctx: _Context) -> enum.Enum:
        member = members.get(value) if value.__class__ is str else None
        if member is None:
            raise ctx.fail(f"expected one of {', '.join(map(repr, members))}, got {shown(value)}")
        return member

    return decode_enum


def _reference_decoder(section: str) -> _Decode:
    def decode_reference(value: Any, ctx: _Context) -> Any:
        table = ctx.tables[section]
        try:
            found = table.get(value)
        except TypeError:  # an unhashable value
            found = None
        if found is None:
            raise ctx.fail(f"{shown(value)} names no record in {section}")
        return found

    return decode_reference


# -- records -------------------------------------------------------------------------------


def _file_fields(cls: type) -> list[attrs.Attribute[Any]]:
    return [field for field in attrs.fields(cls) if (cls.__name__, field.name) not in DERIVED]


def _record_decoder(cls: type) -> _Decode:
    kind = cls.__name__
    steps = [
        (field.name, _decoder(resolved_type(cls, field), REFERENCES.get((kind, field.name))))
        for field in _file_fields(cls)
    ]
    names = frozenset(name for name, _ in steps)
    required = [name for owner, name in NOT_EMPTY if owner == kind]
    derived = [(field.name, how) for field in attrs.fields(cls) if (how := DERIVED.get((kind, field.name)))]

    def decode_record(raw: Any, ctx: _Context) -> Any:
        if raw.__class__ is not dict:
            raise ctx.fail(f"expected an object, got {shown(raw)}")
        if raw.keys() != names:
            extra = sorted(map(str, raw.keys() - names))
            missing = sorted(names - raw.keys())
            problems = [f"undeclared field(s) {', '.join(map(repr, extra))}" if extra else ""]
            problems.append(f"missing field(s) {', '.join(map(repr, missing))}" if missing else "")
            raise ctx.fail("; ".join(p for p in problems if p))
        values = {}
        for name, decode in steps:
            values[name] = decode(raw[name], ctx)
        for name, derive in derived:
            values[name] = derive(values, ctx)
        for name in required:
            if not values[name]:
                raise ctx.fail(f"{name} must not be empty: every {cls.__name__.lower()} carries its source")
        try:
            return cls(**values)
        except (TypeError, ValueError) as error:
            raise ctx.fail(str(error)) from None

    return decode_record


@functools.cache
def _section_decoder(section: str) -> _Decode:
    return _record_decoder(record_class(section))


def decode_record(section: str, raw: Any, file: str, where: str, tables: Mapping[str, Any]) -> Any:
    """One record of ``section`` from its JSON value; references resolve against ``tables``.

    A malformed record raises :class:`DataError` naming ``file`` and ``where`` (its key).

    >>> decode_record("countries", {"code": "TH"}, "a.json", "TH", {})
    Traceback (most recent call last):
    learning_cities.errors.DataError: a.json: countries (TH): missing field(s) 'aliases', 'alpha3', 'name', ...
    """
    ctx = _Context(file, tables)
    ctx.where = f"{section} ({where})"
    return _section_decoder(section)(raw, ctx)


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        seen: set[str] = set()
        twice = next(key for key, _ in pairs if key in seen or seen.add(key))  # type: ignore[func-returns-value]
        raise ValueError(f"the key {shown(twice)} appears twice in one object")
    return result


def lookup_keys(cities: tuple[Any, ...]) -> dict[str, dict[str, list[str]]]:
    """The file's two indexes of lookup keys: of the members' names, and derived by rule (lookup only).

    ``name_keys`` are the keys of each member's names (:func:`learning_cities._text.name_keys`);
    ``derived_keys`` those of the Thai municipal forms (:func:`learning_cities._text.derived_keys`),
    which are no record's names, so no record, display or export shows them.
    """
    names = _text.name_keys(cities)
    return {
        "name_keys": {key: list(ids) for key, ids in names.items()},
        "derived_keys": {key: list(ids) for key, ids in _text.derived_keys(cities, names).items()},
    }


def _check_keys(raw: Mapping[str, Any], cities: tuple[Any, ...], ctx: _Context) -> None:
    """Check the file's lookup keys against the keys of its members' names and the rule's forms."""
    for section, expected in lookup_keys(cities).items():
        ctx.where = section
        written = raw[section]
        if written.__class__ is not dict:
            raise ctx.fail(f"expected an object of lookup key to city ids, got {shown(written)}")
        if written != expected:
            wrong = sorted(
                k for k in written.keys() ^ expected.keys() | {k for k in written if written[k] != expected.get(k)}
            )
            raise ctx.fail(
                f"the lookup keys do not match the members' names (first difference: {shown(wrong[0], 60)}); "
                "rebuild the file with tools/build_data.py"
            )


def parse(data: bytes | str, file: str = DATA_FILE, *, with_keys: bool = True) -> dict[str, Any]:
    """Records from the data file's content, as keyword arguments for ``Network``.

    Every record is read and checked, and the file's lookup keys (``name_keys`` and
    ``derived_keys``, :func:`lookup_keys`) are checked against the members' names. The
    build, which writes the keys, reads its records ``with_keys=False``: then the file must
    not have them.
    """
    ctx = _Context(file)
    try:
        text = data.decode("utf-8") if isinstance(data, bytes) else data
    except UnicodeDecodeError as error:
        raise DataError(file, "whole file", f"not valid UTF-8 ({error})") from None
    try:
        raw = json.loads(text, object_pairs_hook=_no_duplicate_keys)
    except RecursionError:
        raise DataError(file, "whole file", "JSON nested too deeply") from None
    except ValueError as error:
        raise DataError(file, "whole file", f"not valid JSON ({error})") from None
    if raw.__class__ is not dict:
        raise ctx.fail(f"expected an object, got {type(raw).__name__}")
    if raw.get("schema") != SCHEMA_VERSION or raw["schema"].__class__ is not int:
        raise ctx.fail(f"schema {shown(raw.get('schema'))} is not the supported {SCHEMA_VERSION}")
    keys = ["name_keys", "derived_keys"] if with_keys else []
    expected = {"schema", "data_as_of", *keys, *(name for name, _, _ in SECTIONS)}
    if raw.keys() != expected:
        extra = sorted(map(str, raw.keys() - expected))
        missing = sorted(expected - raw.keys())
        raise ctx.fail(f"sections: undeclared {extra or 'none'}, missing {missing or 'none'}")
    result: dict[str, Any] = {"data_as_of": _decode_date(raw["data_as_of"], ctx)}
    for name, _, key in SECTIONS:
        records = raw[name]
        if records.__class__ is not list:
            raise ctx.fail(f"section {name!r} should be a list, got {shown(records)}")
        decode = _section_decoder(name)
        table: dict[Any, Any] = {}
        read = []
        for index, item in enumerate(records):
            label = item.get(key) if key is not None and item.__class__ is dict else None
            ctx.where = f"{name}[{index}]" + (f" ({shown(label)})" if label is not None else "")
            record = decode(item, ctx)
            if key is not None:
                value = getattr(record, key)
                if value in table:
                    raise ctx.fail(f"{key} {shown(value)} is used twice in {name}")
                table[value] = record
            read.append(record)
        ctx.tables[name] = table
        result[name] = tuple(read)
    if with_keys:
        _check_keys(raw, result["cities"], ctx)
    return result


# -- the rules file: tables of records that their fields' own validators check ---------------

_Table = typing.TypeVar("_Table", bound=attrs.AttrsInstance)


def _field_reader(kind: object) -> Callable[[object], object]:
    """How to read one JSON value into a field of type ``kind``."""
    if kind is dt.date:
        return _iso_date
    if kind == tuple[str, ...]:
        return _tuple_of_str
    if kind in (str, int, bool):
        return lambda value: value
    if isinstance(kind, types.UnionType):
        (inner,) = [arg for arg in kind.__args__ if arg is not type(None)]
        read = _field_reader(inner)
        return lambda value: None if value is None else read(value)
    raise TypeError(f"no JSON reading for fields of type {kind!r}")  # pragma: no cover - a new field type


def _iso_date(value: object) -> dt.date:
    if not isinstance(value, str):
        raise TypeError(f"expected an ISO date string, not {type(value).__name__}: {shown(value)}")
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        day = None
    if day is None or day.isoformat() != value:
        raise ValueError(f"expected a date as YYYY-MM-DD, not {shown(value)}")
    return day


def _tuple_of_str(value: object) -> tuple[object, ...]:
    if not isinstance(value, list):
        raise TypeError(f"expected a list, not {type(value).__name__}: {shown(value)}")
    return tuple(value)


def decode_fields(kind: type[_Table], record: object) -> _Table:
    """A ``kind`` record from JSON data, for a class whose fields' validators check its values (the rules).

    The fields and their types come from the class; a field with a default may be left
    out; missing or unknown keys and wrong types raise :class:`TypeError` or
    :class:`ValueError` naming the field.

    >>> from learning_cities.rules import Rule
    >>> decode_fields(Rule, {"id": "x", "text": "X.", "applies_to": ["call-2025"], "source": "https://example.org"})
    Rule(id='x', threshold=None, unit=None)
    """
    if not isinstance(record, dict):
        raise TypeError(f"a {kind.__name__} record must be an object, not {type(record).__name__}: {shown(record)}")
    fields = attrs.fields_dict(attrs.resolve_types(kind))
    unknown = sorted(str(key) for key in record if key not in fields)
    if unknown:
        raise ValueError(f"unknown keys: {shown(unknown)}")
    values: dict[str, Any] = {}
    for name, field in fields.items():
        if name not in record:
            if field.default is attrs.NOTHING:
                raise ValueError(f"missing key {name!r}")
            continue
        values[name] = _field_reader(field.type)(record[name])
    return kind(**values)


def parse_tables(text: str, file: str, table: type[_Table], schema: int) -> _Table:
    """A ``table`` (attrs, of tuples of records: the rules) from a file's text; :class:`DataError` names the record.

    Each field of ``table`` is a key of the file's object, holding a list of the records
    its annotation (``tuple[Record, ...]``) names, read by :func:`decode_fields`.
    """
    try:
        data = json.loads(text)
    except ValueError as error:
        raise DataError(file, "the file", f"not JSON: {error}") from None
    if not isinstance(data, dict) or data.get("schema") != schema:
        raise DataError(file, "the file", f"expected an object with schema {schema}")
    sections = [
        _table_records(data, field.name, typing.get_args(field.type)[0], file)
        for field in attrs.fields(attrs.resolve_types(table))
    ]
    try:
        return table(*sections)
    except ValueError as error:
        raise DataError(file, "the tables", str(error)) from None


def _table_records(data: dict[str, Any], key: str, kind: type[Any], file: str) -> tuple[Any, ...]:
    rows = data.get(key)
    if not isinstance(rows, list):
        raise DataError(file, key, "expected a list of records")
    records = []
    for index, row in enumerate(rows):
        try:
            records.append(decode_fields(kind, row))
        except (TypeError, ValueError) as error:
            name = row.get("id") if isinstance(row, dict) else None
            raise DataError(file, f"{key}[{index}] {shown(name)}", str(error)) from None
    return tuple(records)


# -- writing -------------------------------------------------------------------------------


def _encode(value: Any, reference: bool) -> Any:
    if value is None or value.__class__ in (str, int, bool, float):
        return value
    if isinstance(value, tuple):
        return [_encode(item, reference) for item in value]
    if reference:
        return getattr(value, "code", None) or getattr(value, "id", None) or value.number
    if isinstance(value, Mapping):
        return dict(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return value.value
    return _encode_record(value)


def _encode_record(record: Any) -> dict[str, Any]:
    cls = type(record)
    return {
        field.name: _encode(getattr(record, field.name), (cls.__name__, field.name) in REFERENCES)
        for field in _file_fields(cls)
    }


def dump(parts: Mapping[str, Any]) -> dict[str, Any]:
    """The data file's JSON values for ``parts`` (the keyword arguments of ``Network``), lookup keys included."""
    data: dict[str, Any] = {
        "schema": SCHEMA_VERSION,
        "data_as_of": parts["data_as_of"].isoformat(),
        **lookup_keys(parts["cities"]),
    }
    for name, _, _ in SECTIONS:
        data[name] = [_encode_record(record) for record in parts[name]]
    return data


def render(data: Mapping[str, Any]) -> str:
    """The data file's exact text: one record per line, so diffs stay readable."""
    lines = []
    for key, value in data.items():
        if isinstance(value, list):
            inner = ",\n".join("  " + json.dumps(item, ensure_ascii=False) for item in value)
            lines.append(f"{json.dumps(key)}: [\n{inner}\n]")
        else:
            lines.append(f"{json.dumps(key)}: {json.dumps(value, ensure_ascii=False)}")
    return "{\n" + ",\n".join(lines) + "\n}\n"
