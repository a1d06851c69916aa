"""Generic tables: rows to HTML, a DataFrame and CSV, knowing no record class.

Records, query results, the network and reports render and export through these: a table
of labelled values (:func:`fields_table`), a table with a header row (:func:`table`), and
:class:`Rows`, a tuple of attrs records that shows as a table and becomes a DataFrame,
its columns taken from :func:`attrs.fields`. Every value is escaped.

>>> fields_table("Khon Kaen", [("joined", 2024), ("member by", None)]).count("<tr>")
2
>>> table("cities", ("name",), [("<b>",)])
'<table><caption>cities</caption><thead><tr><th>name</th></tr></thead><tbody><tr><td>&lt;b&gt;</td></tr></tbody></table>'
"""

from __future__ import annotations

import datetime as dt
import enum
import html
from collections.abc import Iterable, Sequence
from typing import Any, Generic, TypeVar

import attrs

__all__ = ["MAX_ROWS", "Rows", "fields_table", "integer_columns", "require_pandas", "table"]

#: Rows a table shows before it says how many more there are.
MAX_ROWS = 30


def _cell(value: object) -> str:
    if value is None:
        return "<em>unknown</em>"
    if isinstance(value, (dt.date, enum.Enum)):
        value = value.isoformat() if isinstance(value, dt.date) else value.value
    if isinstance(value, (tuple, list)):
        value = ", ".join(map(str, value))
    text = html.escape(str(value))
    if text.startswith(("https://", "http://")) and " " not in text:
        return f'<a href="{text}">{text}</a>'
    return text


def fields_table(title: str, pairs: Iterable[tuple[str, object]]) -> str:
    """A two-column table of labelled values under a caption."""
    body = "".join(
        f"<tr><th style='text-align:left'>{html.escape(label)}</th><td>{_cell(v)}</td></tr>" for label, v in pairs
    )
    return f"<table><caption>{html.escape(title)}</caption><tbody>{body}</tbody></table>"


def table(caption: str, headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """A table with a header row; past ``MAX_ROWS`` rows it says how many it left out."""
    more = len(rows) - MAX_ROWS
    caption += f" (first {MAX_ROWS} of {len(rows)} shown)" if more > 0 else ""
    head = "".join(f"<th>{html.escape(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{_cell(v)}</td>" for v in row) + "</tr>" for row in rows[:MAX_ROWS])
    return (
        f"<table><caption>{html.escape(caption)}</caption><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    )


T = TypeVar("T")


class Rows(tuple[T, ...], Generic[T]):
    """A tuple of rows (coverage rows, criteria) that shows as a table and becomes a DataFrame.

    >>> import learning_cities as lc
    >>> rows = lc.coverage()
    >>> rows[-1].label, type(rows).__name__, rows.to_records()[-1]["held"] == rows[-1].held
    ('network (2025-12-04)', 'Rows', True)
    """

    caption: str = ""

    def __new__(cls, rows: Iterable[T] = (), caption: str = "") -> Rows[T]:
        """Rows of ``rows``, shown under ``caption``."""
        made = super().__new__(cls, rows)
        made.caption = caption
        return made

    def __reduce__(self) -> tuple[Any, ...]:
        return (Rows, (tuple(self), self.caption))

    def _columns(self) -> list[str]:
        if not self:
            return []
        kind: Any = type(self[0])
        names = [field.name for field in attrs.fields(kind)]
        return names + [name for name, value in vars(kind).items() if isinstance(value, property)]

    def to_records(self) -> list[dict[str, Any]]:
        """One dict per row: its fields and computed properties (records as their names, dates as ISO text)."""
        columns = self._columns()
        return [{name: _plain(getattr(row, name)) for name in columns} for row in self]

    def to_dataframe(self) -> Any:
        """:meth:`to_records` as a :class:`pandas.DataFrame` (needs the ``pandas`` extra)."""
        pandas = require_pandas("to_dataframe()")
        return integer_columns(pandas.DataFrame(self.to_records(), columns=self._columns()))

    def _repr_html_(self) -> str:
        columns = self._columns()
        rows = [[row.get(name) for name in columns] for row in self.to_records()]
        return table(self.caption or f"{len(self)} rows", columns, rows)


def _plain(value: object) -> object:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return value.value
    if attrs.has(type(value)):
        return str(value)
    if isinstance(value, tuple):
        return [_plain(item) for item in value]
    return value


def integer_columns(frame: Any) -> Any:
    """``frame`` with every column of whole numbers and gaps as a nullable ``Int64`` column."""
    for column in frame.columns:
        values = [v for v in frame[column] if v is not None and v == v]  # v == v: not NaN
        whole = values and all(type(v) is int or (type(v) is float and v.is_integer()) for v in values)
        if whole and (any(type(v) is int for v in values) or len(values) < len(frame)):
            frame[column] = frame[column].astype("Int64")
    return frame


def require_pandas(what: str) -> Any:
    """The :mod:`pandas` module, or an :class:`ImportError` naming the extra that installs it."""
    try:
        import pandas
    except ImportError as error:
        raise ImportError(
            f"{what} needs pandas, an optional extra: pip install 'learning-cities[pandas]'", name="pandas"
        ) from error
    return pandas
