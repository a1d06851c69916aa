"""What changed between two networks, record by record: :func:`diff`.

Records are matched by id in each section (cities by ``id``, countries by ``code``, cohorts
and awards by ``year``, conferences by ``number``, reported totals by their date), and a
record both networks hold is compared field by field. A field that names another record
compares that record's id, so a country's new name is one change, not one per city.

>>> import learning_cities as lc
>>> net = lc.load()
>>> old = lc.from_json(lc.to_json(net), lc.Network)
>>> changes = lc.diff(old, net)
>>> bool(changes), len(changes), str(changes)
(False, 0, 'no changes (data as of 2025-12-04)')

An edited document: one city added, one join year changed.

>>> document = lc.unstructure(net)
>>> bangkok = next(city for city in document["cities"] if city["id"] == "th-bangkok")
>>> bangkok["joined"] = 2023
>>> document["cities"] = [city for city in document["cities"] if city["id"] != "th-yala"]
>>> changes = lc.diff(lc.structure(document, lc.Network), net)
>>> print(changes)
1 city added, 1 changed: th-bangkok joined 2023 → 2024
>>> [(c.section, c.id, c.kind.value, c.field, c.old, c.new) for c in changes][:2]
[('cities', 'th-yala', 'added', None, None, None), ('cities', 'th-bangkok', 'changed', 'joined', 2023, 2024)]
"""

from __future__ import annotations

import datetime as dt
import enum
import types
import typing
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Annotated, Any, ClassVar

import attrs

from ._codec import record_class
from ._fields import resolved_type
from ._repr import shown
from .document import DERIVED, REFERENCE_KEYS
from .document import SECTIONS as _DOCUMENT_SECTIONS
from .network import Network

if TYPE_CHECKING:
    import pandas

__all__ = ["SECTIONS", "Change", "ChangeKind", "Changes", "diff", "is_year", "plain", "text", "value_change"]

#: The sections of a comparison, in the order changes are listed (``network``: its data date).
SECTIONS: tuple[str, ...] = (
    "network",
    "cities",
    "countries",
    "cohorts",
    "awards",
    "conferences",
    "network_totals",
    "membership_changes",
    "country_totals",
)
#: How a section's records are named in a summary: (one, many).
_NOUNS = {
    "network": ("network", "network"),
    "cities": ("city", "cities"),
    "countries": ("country", "countries"),
    "cohorts": ("cohort", "cohorts"),
    "awards": ("award", "awards"),
    "conferences": ("conference", "conferences"),
    "network_totals": ("network total", "network totals"),
    "membership_changes": ("membership change", "membership changes"),
    "country_totals": ("country total", "country totals"),
}
#: The id of a record of each section: totals are keyed by their dates (and country, period).
_KEYS: dict[str, Callable[[Any], str | int]] = {
    "cities": lambda city: city.id,
    "countries": lambda country: country.code,
    "cohorts": lambda cohort: cohort.year,
    "awards": lambda award: award.year,
    "conferences": lambda conference: conference.number,
    "network_totals": lambda total: total.as_of,
    "membership_changes": lambda change: f"{change.period} {change.country}",
    "country_totals": lambda total: f"{total.country.code} {total.as_of}",
}
#: The most changed fields a summary lists in one section.
_LISTED = 5
#: The longest a value is written in a summary or a table.
_LONGEST = 80


class ChangeKind(enum.Enum):
    """Whether a record was added, removed or changed."""

    ADDED = "added"
    REMOVED = "removed"
    CHANGED = "changed"

    def __str__(self) -> str:
        return self.value


@attrs.frozen
class Change:
    """One change: a record added or removed, or one field of a record changed.

    ``id`` is the record's id in its section (a city's id, a country's code, a cohort's
    year...). For a change, ``field`` is the field and ``old``/``new`` its values, a
    reference to another record given as that record's id (a city's ``country`` as its code).

    >>> change = Change("cities", "th-bangkok", ChangeKind.CHANGED, "joined", 2023, 2024)
    >>> str(change)
    'cities th-bangkok joined: 2023 → 2024'
    """

    #: Not a record that :func:`learning_cities.unstructure` writes: :meth:`to_record` is its JSON form.
    serializable: ClassVar[bool] = False

    section: str
    id: str | int
    kind: ChangeKind
    field: str | None = None
    old: Any = None
    new: Any = None

    def __str__(self) -> str:
        if self.kind is not ChangeKind.CHANGED:
            return f"{self.section} {self.id} {self.kind}"
        return f"{self.section} {self.id} {self.field}: {text(self.old)} → {text(self.new)}"

    def to_record(self) -> dict[str, Any]:
        """The change as a JSON-ready dict: section, id, kind, field, old, new."""
        return {
            "section": self.section,
            "id": self.id,
            "kind": self.kind.value,
            "field": self.field,
            "old": plain(self.old),
            "new": plain(self.new),
        }


_COLUMNS = ("section", "id", "kind", "field", "old", "new")


@attrs.frozen(repr=False)
class Changes:
    """The changes from one network to another, section by section: an immutable, iterable collection.

    It is falsy when nothing changed; ``str()`` gives a one-paragraph summary, a notebook
    shows a table per section.

    >>> import learning_cities as lc
    >>> changes = lc.diff(lc.load(), lc.load())
    >>> list(changes), changes.to_records(), changes.old_data_as_of
    ([], [], datetime.date(2025, 12, 4))
    """

    #: Not a record that :func:`learning_cities.unstructure` writes: :meth:`to_records` is its JSON form.
    serializable: ClassVar[bool] = False

    changes: tuple[Change, ...]
    old_data_as_of: dt.date
    new_data_as_of: dt.date

    def __iter__(self) -> Iterator[Change]:
        return iter(self.changes)

    def __len__(self) -> int:
        return len(self.changes)

    def __bool__(self) -> bool:
        return bool(self.changes)

    def __getitem__(self, index: int) -> Change:
        return self.changes[index]

    def section(self, name: str) -> tuple[Change, ...]:
        """The changes of one section (``"cities"``, ``"cohorts"``...), in order.

        >>> import learning_cities as lc
        >>> lc.diff(lc.load(), lc.load()).section("cities")
        ()
        """
        if name not in _NOUNS:
            raise ValueError(f"no section {shown(name)}; sections: {', '.join(SECTIONS)}")
        return tuple(change for change in self.changes if change.section == name)

    def counts(self) -> dict[str, dict[str, int]]:
        """Records added, removed and changed per section that has changes (a changed record counts once).

        >>> import learning_cities as lc
        >>> lc.diff(lc.load(), lc.load()).counts()
        {}
        """
        counts: dict[str, dict[str, int]] = {}
        seen: set[tuple[str, str | int, ChangeKind]] = set()
        for change in self.changes:
            if (change.section, change.id, change.kind) in seen:
                continue
            seen.add((change.section, change.id, change.kind))
            kinds = counts.setdefault(change.section, {})
            kinds[change.kind.value] = kinds.get(change.kind.value, 0) + 1
        return counts

    def to_records(self) -> list[dict[str, Any]]:
        """One JSON-ready dict per change: section, id, kind, field, old, new."""
        return [change.to_record() for change in self.changes]

    def to_dataframe(self) -> pandas.DataFrame:
        """:meth:`to_records` as a :class:`pandas.DataFrame` (needs the ``pandas`` extra)."""
        from ._tables import require_pandas

        pd = require_pandas("Changes.to_dataframe()")
        frame: pandas.DataFrame = pd.DataFrame(self.to_records(), columns=list(_COLUMNS))
        return frame

    def __str__(self) -> str:
        if not self.changes:
            return f"no changes (data as of {self.new_data_as_of.isoformat()})"
        parts = []
        counts = self.counts()
        for section in SECTIONS:
            if section not in counts:
                continue
            if section == "network":
                parts.append(f"data as of {self.old_data_as_of.isoformat()} → {self.new_data_as_of.isoformat()}")
                continue
            kinds = counts[section]
            said: list[str] = []
            for kind in ChangeKind:
                count = kinds.get(kind.value)
                if count:
                    noun = _NOUNS[section][count != 1]
                    said.append(f"{count} {noun} {kind}" if not said else f"{count} {kind}")
            part = ", ".join(said)
            changed = [change for change in self.changes if change.section == section and change.field is not None]
            if changed:
                listed = ", ".join(_change_text(change) for change in changed[:_LISTED])
                more = f" and {len(changed) - _LISTED} more" if len(changed) > _LISTED else ""
                part += f": {listed}{more}"
            parts.append(part)
        return "; ".join(parts)

    def __repr__(self) -> str:
        dates = f"{self.old_data_as_of.isoformat()} → {self.new_data_as_of.isoformat()}"
        return f"<Changes: {len(self.changes)} from data as of {dates}>"

    def _repr_html_(self) -> str:
        from ._tables import table

        dates = f"data as of {self.old_data_as_of.isoformat()} → {self.new_data_as_of.isoformat()}"
        if not self.changes:
            return table(f"No changes ({dates})", (), ())
        counts = self.counts()
        tables = []
        for section in SECTIONS:
            rows = [
                (change.id, change.kind.value, change.field or "", value_change(change))
                for change in self.changes
                if change.section == section
            ]
            if rows:
                said = ", ".join(f"{count} {kind}" for kind, count in counts[section].items())
                tables.append(table(f"{section}: {said} ({dates})", ("id", "change", "field", "old → new"), rows))
        return "".join(tables)


def _change_text(change: Change) -> str:
    return f"{change.id} {change.field} {value_change(change)}"


def value_change(change: Change) -> str:
    """``old → new``; for two tuples, the items removed (``-``) and added (``+``).

    >>> value_change(Change("cities", "ir-mashhad", ChangeKind.CHANGED, "cohorts", (2019,), ()))
    '-2019'
    """
    if change.kind is not ChangeKind.CHANGED:
        return ""
    old, new = change.old, change.new
    if isinstance(old, tuple) and isinstance(new, tuple):
        gone = [f"-{text(item)}" for item in old if item not in new]
        came = [f"+{text(item)}" for item in new if item not in old]
        if gone or came:
            return " ".join(gone + came)
        return "reordered"
    return f"{text(old)} → {text(new)}"


def text(value: object) -> str:
    """A field value written short: dates in ISO form, enums by value, long text cut.

    >>> text(None), text(dt.date(2024, 2, 14)), text(("a", "b"))
    ('None', '2024-02-14', 'a, b')
    """
    if value is None:
        return "None"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, tuple):
        written = ", ".join(text(item) for item in value) if value else "none"
    elif isinstance(value, Mapping):
        written = ", ".join(f"{key}: {name}" for key, name in value.items()) if value else "none"
    elif isinstance(value, str):
        written = value
    else:
        return shown(value, _LONGEST)
    return written if len(written) <= _LONGEST else written[: _LONGEST - 1] + "…"


def plain(value: object) -> Any:
    """A field value as JSON-ready data: dates in ISO form, enums by value, records as objects."""
    if value is None or value.__class__ in (str, int, float, bool):
        return value
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, tuple):
        return [plain(item) for item in value]
    if isinstance(value, Mapping):
        return dict(value)
    from .serialization import unstructure

    return unstructure(value)


def is_year(section: str, field: str | None) -> bool:
    """Whether ``field`` of a record of ``section`` holds Common Era years (to show in another era).

    >>> is_year("cities", "joined"), is_year("cities", "cohorts"), is_year("cities", "name"), is_year("cohorts", None)
    (True, True, False, False)
    """
    if field is None or section not in _DOCUMENT_SECTIONS:
        return False
    cls = record_class(section)
    found = [f for f in attrs.fields(cls) if f.name == field]
    if not found:
        return False
    kind = resolved_type(cls, found[0])
    while typing.get_origin(kind) in (tuple, typing.Union, types.UnionType):
        kind = next(arg for arg in typing.get_args(kind) if arg is not type(None))
    return typing.get_origin(kind) is Annotated


# -- comparing ------------------------------------------------------------------------------


def _comparer(cls: type) -> Callable[[Any], tuple[tuple[str, Any], ...]]:
    """A function from a record to its compared fields: ``(name, value)``, references as ids."""
    steps: list[tuple[str, Callable[[Any], Any] | None]] = []
    for field in attrs.fields(cls):
        if (cls.__name__, field.name) in DERIVED:  # a change of a derived field shows on the records it derives from
            continue
        kind = resolved_type(cls, field)
        steps.append((field.name, _reference_key(kind)))

    def compared(record: Any) -> tuple[tuple[str, Any], ...]:
        return tuple(
            (name, getattr(record, name) if key is None else key(getattr(record, name))) for name, key in steps
        )

    return compared


def _reference_key(kind: Any) -> Callable[[Any], Any] | None:
    """How to write a value of annotation ``kind`` that names other records by their ids (``None``: as is)."""
    args = typing.get_args(kind)
    origin = typing.get_origin(kind)
    if origin is tuple and args and getattr(args[0], "__name__", None) in REFERENCE_KEYS:
        key = REFERENCE_KEYS[args[0].__name__]
        return lambda records: tuple(getattr(record, key) for record in records)
    named = [arg for arg in (args if origin is not tuple else ()) or (kind,) if arg is not type(None)]
    if len(named) == 1 and getattr(named[0], "__name__", None) in REFERENCE_KEYS:
        key = REFERENCE_KEYS[named[0].__name__]
        return lambda record: None if record is None else getattr(record, key)
    return None


def _grouped(section: str, records: Iterable[Any]) -> dict[str | int, list[Any]]:
    key = _KEYS[section]
    groups: dict[str | int, list[Any]] = {}
    for record in records:
        groups.setdefault(key(record), []).append(record)
    return groups


def _pairs(section: str, old: tuple[Any, ...], new: tuple[Any, ...]) -> Iterator[tuple[str | int, Any, Any]]:
    """``(id, old record or None, new record or None)`` for each record of either network.

    Records are matched by id. Where several share one (two totals reported for one month),
    equal records match first, the rest in order, and each is named by its place among them
    (``2019-07 #2``).
    """
    before, after = _grouped(section, old), _grouped(section, new)
    for key in {**after, **before}:
        olds, news = before.get(key, []), after.get(key, [])
        if len(olds) <= 1 and len(news) <= 1:
            yield key, olds[0] if olds else None, news[0] if news else None
            continue
        left_old = [(index, record) for index, record in enumerate(olds, 1) if record not in news]
        left_new = [(index, record) for index, record in enumerate(news, 1) if record not in olds]
        for (index, was), (_, now) in zip(left_old, left_new, strict=False):  # the longer's rest follows
            yield f"{key} #{index}", was, now
        for index, was in left_old[len(left_new) :]:
            yield f"{key} #{index}", was, None
        for index, now in left_new[len(left_old) :]:
            yield f"{key} #{index}", None, now


def _section_changes(section: str, old: tuple[Any, ...], new: tuple[Any, ...]) -> list[Change]:
    added: list[Change] = []
    removed: list[Change] = []
    changed: list[Change] = []
    compared: Callable[[Any], tuple[tuple[str, Any], ...]] | None = None
    for key, was, now in _pairs(section, old, new):
        if was is None:
            added.append(Change(section, key, ChangeKind.ADDED))
        elif now is None:
            removed.append(Change(section, key, ChangeKind.REMOVED))
        elif was != now:
            if compared is None:
                compared = _comparer(type(now))
            for (name, old_value), (_, new_value) in zip(compared(was), compared(now), strict=True):
                if old_value != new_value or type(old_value) is not type(new_value):
                    changed.append(Change(section, key, ChangeKind.CHANGED, name, old_value, new_value))
    return added + removed + changed


def diff(old: Network, new: Network) -> Changes:
    """The changes from network ``old`` to network ``new``, record by record, keyed by id.

    Changes are listed by section (``network`` for the data date, then ``cities``,
    ``countries``, ``cohorts``, ``awards``, ``conferences`` and the reported totals): the
    records added, then removed, then each changed field.

    >>> import learning_cities as lc
    >>> lc.diff(lc.load(), lc.load())
    <Changes: 0 from data as of 2025-12-04 → 2025-12-04>
    >>> lc.diff("old.json", lc.load())
    Traceback (most recent call last):
    TypeError: diff() old must be a Network (read a document with lc.from_json(text, lc.Network)), not str: 'old.json'
    """
    for name, value in (("old", old), ("new", new)):
        if not isinstance(value, Network):
            raise TypeError(
                f"diff() {name} must be a Network (read a document with lc.from_json(text, lc.Network)), "
                f"not {type(value).__name__}: {shown(value)}"
            )
    changes: list[Change] = []
    if old.data_as_of != new.data_as_of:
        dates = (old.data_as_of, new.data_as_of)
        changes.append(Change("network", "data_as_of", ChangeKind.CHANGED, "data_as_of", *dates))
    if old is not new:
        for section in SECTIONS[1:]:
            changes += _section_changes(section, getattr(old, section), getattr(new, section))
    return Changes(tuple(changes), old.data_as_of, new.data_as_of)
