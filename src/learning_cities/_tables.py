"""Generic tables: rows to HTML, a DataFrame and CSV, knowing no record class.

Records, query results, the network and reports render and export through these: a table
of labelled values (:func:`fields_table`), a table with a header row (:func:`table`), and
:class:`Rows`, a tuple of attrs records that shows as a table and becomes a DataFrame,
its columns taken from :func:`attrs.fields`. Every value is escaped.

>>> fields_table("Khon Kaen", [("joined", 2024), ("member by", None)]).count("<tr>")
2
>>> table("cities", ("name",), [("<b>",)])
'<table><caption>cities</caption><thead><tr><th>Name</th></tr></thead><tbody><tr><td>&lt;b&gt;</td></tr></tbody></table>'
"""

from __future__ import annotations

import datetime as dt
import enum
import html
from collections.abc import Iterable, Sequence
from typing import Any, Generic, TypeVar

import attrs

from ._checks import BUDDHIST_ERA_OFFSET
from .display_options import display_text, header, percent, require_calendar, show_as_of, text, year

__all__ = ["MAX_ROWS", "Rows", "fields_table", "in_calendar", "integer_columns", "require_pandas", "table"]

#: Rows an HTML table shows before it says how many more there are.
MAX_ROWS = 100


def _cell(value: object) -> str:
    if value is None:
        return f"<em>{html.escape(text('unknown'))}</em>"
    shown = html.escape(display_text(value))
    if shown.startswith(("https://", "http://")) and " " not in shown:
        return f'<a href="{shown}">{shown}</a>'
    return shown


def fields_table(title: str, pairs: Iterable[tuple[str, object]]) -> str:
    """A two-column table of labelled values under a caption; labels in the display's language.

    Labels are read as :func:`~learning_cities.display_options.header` reads them
    (``"member since"`` shows as ``Member since``, ``เป็นสมาชิกตั้งแต่`` in Thai).
    """
    body = "".join(
        f"<tr><th style='text-align:left'>{html.escape(header(label))}</th><td>{_cell(v)}</td></tr>"
        for label, v in pairs
    )
    return f"<table><caption>{html.escape(title)}</caption><tbody>{body}</tbody></table>"


def table(caption: str, headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """A table with a header row (human headers, in the display's language); past ``MAX_ROWS`` rows, how many more.

    >>> page = table("squares", ["square_of"], [(n * n,) for n in range(105)])
    >>> page.count("<tr>"), "5 more not shown" in page, "<th>Square of</th>" in page
    (102, True, True)
    """
    head = "".join(f"<th>{html.escape(header(h))}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{_cell(v)}</td>" for v in row) + "</tr>" for row in rows[:MAX_ROWS])
    more = len(rows) - MAX_ROWS
    if more > 0:
        rest = html.escape(text("{count} more not shown").format(count=f"{more:,}"))
        body += f"<tr><td colspan='{len(headers)}'><em>… {rest}</em></td></tr>"
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
    years: tuple[str, ...] = ()
    dates: tuple[str, ...] = ()

    def __new__(
        cls, rows: Iterable[T] = (), caption: str = "", years: tuple[str, ...] = (), dates: tuple[str, ...] = ()
    ) -> Rows[T]:
        """Rows of ``rows`` under ``caption``; ``years`` and ``dates`` name the columns of years and ISO dates."""
        made = super().__new__(cls, rows)
        made.caption = caption
        made.years = years
        made.dates = dates
        return made

    def __reduce__(self) -> tuple[Any, ...]:
        return (Rows, (tuple(self), self.caption, self.years, self.dates))

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

    def to_dataframe(self, calendar: str = "gregorian") -> Any:
        """:meth:`to_records` as a :class:`pandas.DataFrame` (needs the ``pandas`` extra).

        ``calendar="buddhist"`` gives Buddhist Era years in the columns of years (nullable ``Int64``).

        >>> import learning_cities as lc
        >>> lc.coverage().to_dataframe(calendar="buddhist")["year"].dropna().tolist()
        [2562, 2563, 2565, 2567, 2568]
        """
        pandas = require_pandas("to_dataframe()")
        frame = integer_columns(pandas.DataFrame(self.to_records(), columns=self._columns()))
        return in_calendar(frame, self.years, calendar)

    def _repr_html_(self) -> str:
        """The rows as a table: years in the display's calendar, shares as percentages, names in its language."""
        columns = self._columns()
        rows = [[self._shown(name, getattr(row, name)) for name in columns] for row in self]
        caption = text(self.caption) if self.caption else text("{count} rows").format(count=len(self))
        return table(caption, columns, rows)

    def _shown(self, column: str, value: object) -> object:
        if column in self.years and isinstance(value, int):
            return year(value)
        if column == "share" and isinstance(value, float):
            return percent(value)
        if column in self.dates and isinstance(value, str):
            return show_as_of(value)
        if column == "label" and type(value) is str:  # a row's label is a catalog message (a Text says itself)
            return text(value)
        return value


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


def in_calendar(frame: Any, years: Sequence[str], calendar: str) -> Any:
    """``frame`` with its columns ``years`` (nullable ``Int64``, or lists of years) in ``calendar``.

    >>> import learning_cities as lc
    >>> frame = lc.load().where(country="TH", joined=2024).to_dataframe(calendar="buddhist")
    >>> frame[["name", "joined", "cohorts"]].to_dict("records")[0]
    {'name': 'Bangkok', 'joined': 2567, 'cohorts': [2567]}
    >>> str(frame["joined"].dtype)
    'Int64'
    """
    if require_calendar(calendar) == "gregorian":
        return frame
    for column in years:
        if column not in frame.columns:
            continue
        if str(frame[column].dtype) == "Int64":
            frame[column] = frame[column] + BUDDHIST_ERA_OFFSET
        else:
            frame[column] = frame[column].map(lambda value: [year + BUDDHIST_ERA_OFFSET for year in value])
    return frame
