"""HTML for notebooks: every record, result and report shows as a small table.

Jupyter calls ``_repr_html_``; the records' methods build their tables here, from plain
``(label, value)`` pairs or rows, escaping every value.

>>> import learning_cities as lc
>>> html = lc.load().city("Khon Kaen")._repr_html_()
>>> html.startswith("<table") and "ขอนแก่น" in html and "2024-02-14" in html
True
"""

from __future__ import annotations

import datetime as dt
import enum
import html
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, Generic, TypeVar

import attrs

from .display_options import (
    display_text,
    header,
    local_name,
    percent,
    show_as_of,
    show_date,
    text,
    year,
    years,
)

if TYPE_CHECKING:
    from .model import Award, City, Cohort, Conference, Country

__all__ = [
    "MAX_ROWS",
    "Rows",
    "award_html",
    "city_html",
    "cohort_html",
    "conference_html",
    "country_html",
    "fields_table",
    "table",
]


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

    Labels are read as :func:`~learning_cities.display_options.header` reads them.
    """
    body = "".join(
        f"<tr><th style='text-align:left'>{html.escape(header(label))}</th><td>{_cell(v)}</td></tr>"
        for label, v in pairs
    )
    return f"<table><caption>{html.escape(title)}</caption><tbody>{body}</tbody></table>"


def table(caption: str, headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """A table with a header row (human headers, in the display's language); past ``MAX_ROWS`` rows, how many more.

    >>> html = table("squares", ["square_of"], [(n * n,) for n in range(105)])
    >>> html.count("<tr>"), "5 more not shown" in html, "<th>Square of</th>" in html
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


def _status(city: City) -> str:
    status = display_text(city.status)
    return status if city.status_changed is None else f"{status} ({year(city.status_changed)})"


def city_html(city: City) -> str:
    """A city's facts, with its sources as links."""
    location = city.location
    name = local_name(city.local_names, city.name)
    return fields_table(
        f"{name} ({display_text(city.country)})",
        [
            ("id", city.id),
            ("English name", city.name) if name != city.name else ("local names", _names(city.local_names)),
            ("kind", city.kind),
            ("region", city.region),
            ("joined", year(city.joined)),
            ("member by", year(city.member_by))
            if city.joined is None
            else ("cohorts", years(city.cohorts) or text("none")),
            ("member since", city.member_since),
            ("last confirmed", year(city.last_confirmed)),
            ("status", _status(city)),
            ("location", None if location is None else f"{location.latitude}, {location.longitude}"),
            ("population", None if city.population is None else f"{city.population.count:,}"),
            *(("conflict", conflict) for conflict in city.conflicts),
            *(("doubt", doubt) for doubt in city.doubts),
            *(("source", source) for source in city.sources),
        ],
    )


def _names(names: object) -> str:
    items: Any = names
    return "; ".join(f"{name} ({tag})" for tag, name in items.items()) or text("none")


def country_html(country: Country) -> str:
    """A country's names and member cities."""
    cities = country.cities
    active = sum(c.is_active for c in cities)
    return fields_table(
        f"{display_text(country)} ({country.code}, {country.alpha3})",
        [
            ("region", country.region),
            ("names", _names(country.names)),
            ("also called", country.aliases or text("none")),
            ("member cities", text("{active} active of {held} held").format(active=active, held=len(cities))),
        ],
    )


def cohort_html(cohort: Cohort) -> str:
    """A cohort's figures beside the records held, then its cities."""
    caption = text("Cohort {year}, announced {date}").format(
        year=year(cohort.year), date=show_date(cohort.announced_on)
    )
    summary = fields_table(
        caption,
        [
            ("reported new cities", cohort.reported_cities),
            ("reported countries", cohort.reported_countries),
            (
                "records held",
                text("{held} active ({countries} countries)").format(held=cohort.held, countries=cohort.held_countries),
            ),
            ("not yet found", cohort.missing),
            ("event", cohort.event),
        ],
    )
    rows = [(c, c.country, c.status) for c in cohort.cities]
    return summary + table(text("{count} cities held").format(count=len(rows)), ("name", "country", "status"), rows)


def award_html(award: Award) -> str:
    """An award edition and its laureates."""
    rows = [(c, c.country) for c in award.laureates]
    caption = text("{year} UNESCO Learning City Award (edition {edition}), {count} laureates").format(
        year=year(award.year), edition=award.edition, count=len(rows)
    )
    return table(caption, ("laureate", "country"), rows)


def conference_html(conference: Conference) -> str:
    """A conference's dates, place and theme."""
    country = None if conference.country is None else display_text(conference.country)
    where = ", ".join(x for x in (conference.host_city, country) if x)
    dates = (
        None
        if conference.start is None
        else text("{start} to {end}").format(start=show_date(conference.start), end=show_date(conference.end))
    )
    return fields_table(
        text("International Conference on Learning Cities no. {number} ({year})").format(
            number=conference.number, year=year(conference.year)
        ),
        [
            ("dates", dates),
            ("planned month", conference.planned_month),
            ("host", where or None),
            ("theme", conference.theme),
            ("outcome document", conference.outcome_document),
            *(("source", source) for source in conference.sources),
        ],
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
        from .exports import in_calendar, require_pandas

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
