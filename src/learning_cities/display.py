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

if TYPE_CHECKING:
    from .model import Award, City, Cohort, Conference, Country

__all__ = ["Rows", "award_html", "city_html", "cohort_html", "conference_html", "country_html", "fields_table", "table"]

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


def city_html(city: City) -> str:
    """A city's facts, with its sources as links."""
    location = city.location
    return fields_table(
        str(city),
        [
            ("id", city.id),
            ("local names", "; ".join(f"{name} ({tag})" for tag, name in city.local_names.items()) or "none"),
            ("kind", city.kind),
            ("region", city.region),
            ("joined", city.joined),
            ("member by", city.member_by) if city.joined is None else ("cohorts", city.cohorts or "none"),
            ("member since", city.member_since),
            ("last confirmed", city.last_confirmed),
            ("status", city.status if city.status_changed is None else f"{city.status.value} ({city.status_changed})"),
            ("location", None if location is None else f"{location.latitude}, {location.longitude}"),
            ("population", None if city.population is None else f"{city.population.count:,}"),
            *(("conflict", conflict) for conflict in city.conflicts),
            *(("doubt", doubt) for doubt in city.doubts),
            *(("source", source) for source in city.sources),
        ],
    )


def country_html(country: Country) -> str:
    """A country's names and member cities."""
    names = "; ".join(f"{name} ({tag})" for tag, name in country.names.items())
    cities = country.cities
    return fields_table(
        f"{country.name} ({country.code}, {country.alpha3})",
        [
            ("region", country.region),
            ("names", names or "none"),
            ("also called", country.aliases or "none"),
            ("member cities", f"{sum(c.is_active for c in cities)} active of {len(cities)} held"),
        ],
    )


def cohort_html(cohort: Cohort) -> str:
    """A cohort's figures beside the records held, then its cities."""
    summary = fields_table(
        f"Cohort {cohort.year}, announced {cohort.announced_on.isoformat()}",
        [
            ("reported new cities", cohort.reported_cities),
            ("reported countries", cohort.reported_countries),
            ("records held", f"{cohort.held} active ({cohort.held_countries} countries)"),
            ("not yet found", cohort.missing),
            ("event", cohort.event),
        ],
    )
    rows = [(c.name, c.country.name, c.status) for c in cohort.cities]
    return summary + table(f"{len(rows)} cities held", ("name", "country", "status"), rows)


def award_html(award: Award) -> str:
    """An award edition and its laureates."""
    rows = [(c.name, c.country.name) for c in award.laureates]
    caption = f"{award.year} UNESCO Learning City Award (edition {award.edition}), {len(rows)} laureates"
    return table(caption, ("laureate", "country"), rows)


def conference_html(conference: Conference) -> str:
    """A conference's dates, place and theme."""
    where = ", ".join(x for x in (conference.host_city, conference.country.name if conference.country else None) if x)
    return fields_table(
        f"International Conference on Learning Cities no. {conference.number} ({conference.year})",
        [
            ("dates", None if conference.start is None else f"{conference.start} to {conference.end}"),
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

    def __new__(cls, rows: Iterable[T] = (), caption: str = "", years: tuple[str, ...] = ()) -> Rows[T]:
        """Rows of ``rows``, shown under ``caption``; ``years`` names the columns that hold years."""
        made = super().__new__(cls, rows)
        made.caption = caption
        made.years = years
        return made

    def __reduce__(self) -> tuple[Any, ...]:
        return (Rows, (tuple(self), self.caption, self.years))

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
