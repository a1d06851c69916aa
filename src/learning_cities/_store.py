"""The lazy record store of the packaged data file: each record read on first use, under a lock.

Only the file the build checked is read this way (:func:`is_built`: its checksum and size
match the ones the build recorded in the package); each record is still decoded, and
checked, by :mod:`learning_cities._codec`, the one decoder of the packaged files.

>>> records = PackagedRecords(_codec.read_bytes())
>>> records.record("cities", "th-bangkok").name
'Bangkok'
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import threading
import zlib
from typing import Any

from . import _codec
from ._repr import shown
from .errors import DataError

try:
    from ._digest import GNLC_JSON
except ImportError:  # pragma: no cover - a clone whose generated files are deleted, before tools/build.py runs
    GNLC_JSON = (-1, -1)  # matches no file: every read is checked in full

__all__ = ["PackagedRecords", "is_built"]

_KEYS = {name: _codec.key_field(name) for name, _, _ in _codec.SECTIONS}


def is_built(data: bytes) -> bool:
    """Whether ``data`` is the file the build checked: its checksum and size match.

    >>> is_built(_codec.read_bytes()), is_built(_codec.read_bytes() + b" ")
    (True, False)
    """
    return (zlib.crc32(data), len(data)) == GNLC_JSON


class PackagedRecords:
    """The records of the file the build checked (:func:`is_built`), each read on first use.

    The build wrote one record per line, its key first, and checked every record, key and
    reference. So a lookup finds the ids for a name in the lookup keys, then the line of
    each record it returns, and reads only those; each record is still made by its class,
    whose checks run. A section is read whole when asked for. Records are read once, under
    a lock, and shared.

    >>> records = PackagedRecords(_codec.read_bytes())
    >>> records.ids_for("khon kaen"), records.record("cities", "th-khon-kaen").country.name
    (('th-khon-kaen',), 'Thailand')
    >>> records.ids_for("นครขอนแก่น"), "นครขอนแก่น" in records.name_keys
    (('th-khon-kaen',), False)
    >>> records.record("cities", "xx-atlantis") is None, records.has("countries", "TH")
    (True, True)
    >>> len(records.section("countries")) == len(_codec.parse(_codec.read_bytes())["countries"])
    True
    """

    def __init__(self, data: bytes, file: str = _codec.DATA_FILE) -> None:
        self._data = data
        self._file = file
        self._lock = threading.RLock()
        self._read: dict[str, dict[Any, Any]] = {name: {} for name, _, _ in _codec.SECTIONS}
        self._sections: dict[str, tuple[Any, ...]] = {}
        self._ids: dict[str, tuple[str, ...] | None] = {}
        self._tables = {name: _Table(self, name) for name, _, _ in _codec.SECTIONS}

    def _line(self, marker: bytes, start: int = 0, end: int | None = None) -> bytes | None:
        """The line that begins with ``marker`` (searched from ``start`` to ``end``), or ``None``."""
        at = self._data.find(b"\n" + marker, start, end)
        return None if at < 0 else self._data[at + 1 : self._data.index(b"\n", at + 1)]

    def _value(self, name: str) -> Any:
        """A top-level value written on one line: ``"name": value,``."""
        marker = f'"{name}": '.encode()
        line = self._line(marker)
        if line is None:  # pragma: no cover - the build wrote it
            raise DataError(self._file, "top level", f"no {name!r}")
        return json.loads(line[len(marker) :].removesuffix(b","))

    @functools.cached_property
    def data_as_of(self) -> dt.date:
        """The newest dated fact in the data."""
        return dt.date.fromisoformat(self._value("data_as_of"))

    @functools.cached_property
    def name_keys(self) -> dict[str, tuple[str, ...]]:
        """Lookup key -> ids of the members known by it, as the build wrote them."""
        written = self._name_keys_line.removeprefix(b'"name_keys": ').removesuffix(b",")
        return {key: tuple(ids) for key, ids in json.loads(written).items()}

    @functools.cached_property
    def _name_keys_line(self) -> bytes:
        line = self._line(b'"name_keys": ')
        assert line is not None  # the build wrote it
        return line

    @functools.cached_property
    def derived_keys(self) -> dict[str, tuple[str, ...]]:
        """Lookup-only key -> ids: the forms derived by rule (no record's names), as the build wrote them."""
        return {key: tuple(ids) for key, ids in self._value("derived_keys").items()}

    def ids_for(self, key: str) -> tuple[str, ...] | None:
        """The ids of the members known by a lookup key, a name's or a derived form's (read only on a miss)."""
        return self._name_ids_for(key) or self.derived_keys.get(key)

    def _name_ids_for(self, key: str) -> tuple[str, ...] | None:
        """The ids of the members whose names give a lookup key; finds the key without reading the others."""
        if "name_keys" in self.__dict__:
            return self.name_keys.get(key)
        if key in self._ids:
            return self._ids[key]
        needle = _written(key) + b": ["  # as the build wrote it
        line = self._name_keys_line  # '"name_keys": {"key": [ids], "key": [ids], ...},'
        at = line.find(b"{" + needle)
        at = line.find(b", " + needle) + 1 if at < 0 else at
        if at <= 0 or needle == b": [":
            ids = None
        else:
            begin = line.index(b"[", at + len(needle) - 1)
            ids = tuple(json.loads(line[begin : line.index(b"]", begin) + 1]))
        if len(self._ids) < 4096:  # bounded: only keys asked for are kept
            self._ids[key] = ids
        return ids

    @functools.cached_property
    def _spans(self) -> dict[str, tuple[int, int]]:
        """Where each section's record lines are: after ``"name": [`` up to its closing ``]``.

        The sections follow one another in :data:`SECTIONS` order, so one pass finds them all.
        """
        spans = {}
        previous = None
        at = 0
        for name, _, _ in _codec.SECTIONS:
            header = f'\n"{name}": [\n'.encode()
            at = self._data.index(header, at)
            if previous is not None:
                spans[previous[0]] = (previous[1], self._data.rindex(b"\n]", previous[1] - 1, at))
            previous = (name, at + len(header))
            at += len(header)
        assert previous is not None
        spans[previous[0]] = (previous[1], self._data.rindex(b"\n]", previous[1] - 1))
        return spans

    def _decode(self, section: str, raw: Any, where: str) -> Any:
        return _codec.decode_record(section, raw, self._file, where, self._tables)

    def _find(self, section: str, key: Any) -> bytes | None:
        """The line of the record with that key, written first: ``  {"id": "th-bangkok", ...``."""
        written = _written(key) if key.__class__ in (str, int) else b""
        if not written:
            return None
        start, end = self._spans[section]
        return self._line(f'  {{"{_KEYS[section]}": '.encode() + written + b", ", start - 1, end)

    def record(self, section: str, key: Any) -> Any:
        """The record of ``section`` with that key (a city's id, a country's code...), or ``None``."""
        if key.__class__ not in (str, int):  # no key of the file is of another kind
            return None
        read = self._read[section]
        record = read.get(key)
        if record is None:
            with self._lock:
                record = read.get(key)
                if record is None:
                    line = self._find(section, key)
                    if line is None:
                        return None
                    record = read[key] = self._decode(section, json.loads(line.removesuffix(b",")), shown(key))
        return record

    def has(self, section: str, key: Any) -> bool:
        """Whether ``section`` holds a record with that key (reads no record)."""
        if key.__class__ not in (str, int):
            return False
        return key in self._read[section] or self._find(section, key) is not None

    def ids(self) -> frozenset[str]:
        """Every city's id, read from the start of each city's line (reads no record).

        >>> "th-bangkok" in PackagedRecords(_codec.read_bytes()).ids()
        True
        """
        return self._city_ids

    @functools.cached_property
    def _city_ids(self) -> frozenset[str]:
        start, end = self._spans["cities"]
        prefix = b'  {"id": "'
        lines = self._data[start:end].split(b"\n")
        if all(line.startswith(prefix) and b"\\" not in line[: line.find(b'"', len(prefix))] for line in lines):
            return frozenset(line[len(prefix) : line.find(b'"', len(prefix))].decode() for line in lines)
        return frozenset(city.id for city in self.section("cities"))  # pragma: no cover - the build writes ids plainly

    def section(self, section: str) -> tuple[Any, ...]:
        """Every record of ``section``, in the file's order."""
        records = self._sections.get(section)
        if records is None:
            with self._lock:
                records = self._sections.get(section)
                if records is not None:  # read by another thread meanwhile
                    return records
                start, end = self._spans[section]
                field = _KEYS[section]
                read = self._read[section]
                built = []
                for index, line in enumerate(self._data[start:end].split(b"\n") if end > start else ()):
                    raw = json.loads(line.removesuffix(b","))
                    record = read.get(raw[field]) if field else None
                    if record is None:
                        record = self._decode(section, raw, f"record {index}")
                        if field:
                            read[raw[field]] = record
                    built.append(record)
                records = self._sections[section] = tuple(built)
        return records


def _written(value: str | int) -> bytes:
    """``value`` as the build wrote it in the file (``b""`` for a string no UTF-8 file can hold)."""
    try:
        return json.dumps(value, ensure_ascii=False).encode()
    except UnicodeEncodeError:  # a lone surrogate
        return b""


class _Table:
    """A section's records by key, read on first use: what references resolve against."""

    def __init__(self, records: PackagedRecords, section: str) -> None:
        self._records = records
        self._section = section

    def get(self, key: Any) -> Any:
        return self._records.record(self._section, key)

    def values(self) -> tuple[Any, ...]:
        return self._records.section(self._section)
