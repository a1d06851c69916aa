"""Rows, CSV and DataFrames of member cities, for analysts.

:func:`city_rows` gives one JSON-ready dict per city: list-valued fields (cohorts, awards,
aliases, sources) as lists, names as one column per language (``name_th``, ``name_ko``...),
dates as ISO text, unknowns as ``None``. :func:`city_dataframe` gives the same rows with
proper dtypes (nullable integer years, ``datetime64`` dates, list columns), and
:func:`write_csv` writes them for a spreadsheet (lists joined with ``" ; "``).

CSV cells are written as they are, so the file reads back to the values exported. Text
that a spreadsheet would run as a formula (a cell starting with ``=``, ``+``, ``-``, ``@``, a
tab or a carriage return: CSV injection) is neutralised only with ``excel=True`` (the CLI's
``export --excel``): such a cell is written with a leading ``'``, as OWASP advises. No
packaged value starts so; hand-built records may. Open a plain export in a spreadsheet only
through its import dialog, with every column read as text.

>>> import learning_cities as lc
>>> row = next(r for r in lc.load().to_records() if r["id"] == "th-khon-kaen")
>>> row["country_code"], row["joined"], row["name_th"], row["cohorts"], row["kind"]
('TH', 2024, 'ขอนแก่น', [2024], 'city')
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from typing import IO, TYPE_CHECKING, Any, Protocol

from . import _coverage
from ._checks import require_bool
from ._repr import shown
from ._tables import integer_columns, require_pandas

if TYPE_CHECKING:
    import pandas

    from .conferences import Award, Conference
    from .model import City

__all__ = [
    "COLUMNS",
    "FORMULA_STARTS",
    "LIST_COLUMNS",
    "Source",
    "Tables",
    "city_dataframe",
    "city_rows",
    "columns",
    "require_pandas",
    "write_csv",
    "write_rows",
]


class Source(Protocol):
    """What the rows of cities ask of the network that holds them (a :class:`~learning_cities.Network` has it)."""

    @property
    def cities(self) -> tuple[City, ...]:
        """Every city of the network."""

    def awards_of(self, city: City) -> tuple[Award, ...]:
        """The award editions ``city`` received."""


class Tables(Source, _coverage.Holdings, Protocol):
    """What every table asks of a network: its cities, rounds, awards, conferences and totals."""

    @property
    def awards(self) -> tuple[Award, ...]:
        """Every award edition."""

    @property
    def conferences(self) -> tuple[Conference, ...]:
        """Every conference."""


#: The fixed columns of :func:`city_rows`, in order; ``name_<lang>`` columns follow ``name``.
COLUMNS = (
    "id",
    "name",
    "country_code",
    "country_name",
    "region",
    "kind",
    "joined",
    "member_by",
    "member_since",
    "last_confirmed",
    "status",
    "status_changed",
    "cohorts",
    "awards",
    "aliases",
    "conflicts",
    "doubts",
    "latitude",
    "longitude",
    "population",
    "timezone",
    "geonames_id",
    "sources",
)
#: Columns that hold lists.
LIST_COLUMNS = ("cohorts", "awards", "aliases", "conflicts", "doubts", "sources")
_YEAR_COLUMNS = ("joined", "member_by", "last_confirmed", "status_changed")
#: How a text cell starts that a spreadsheet would read as a formula (OWASP, "CSV Injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _languages(cities: Sequence[City]) -> list[str]:
    return sorted({tag for city in cities for tag in city.local_names})


def columns(cities: Sequence[City]) -> tuple[str, ...]:
    """The columns of :func:`city_rows` for ``cities``: the fixed ones, with a ``name_<lang>`` per language."""
    names = tuple(f"name_{tag}" for tag in _languages(cities))
    return COLUMNS[:2] + names + COLUMNS[2:]


def city_rows(network: Source, cities: Iterable[City] | None = None) -> list[dict[str, Any]]:
    """One fresh dict per city (every city of ``network`` by default), in the order given."""
    chosen = list(network.cities if cities is None else cities)
    languages = _languages(chosen)
    rows = []
    for city in chosen:
        location = city.location
        row: dict[str, Any] = {"id": city.id, "name": city.name}
        row.update({f"name_{tag}": city.local_names.get(tag) for tag in languages})
        row.update(
            {
                "country_code": city.country.code,
                "country_name": city.country.name,
                "region": city.region.value,
                "kind": city.kind.value,
                "joined": city.joined,
                "member_by": city.member_by,
                "member_since": None if city.member_since is None else city.member_since.isoformat(),
                "last_confirmed": city.last_confirmed,
                "status": city.status.value,
                "status_changed": city.status_changed,
                "cohorts": list(city.cohorts),
                "awards": [award.year for award in network.awards_of(city)],
                "aliases": list(city.aliases),
                "conflicts": list(city.conflicts),
                "doubts": list(city.doubts),
                "latitude": None if location is None else location.latitude,
                "longitude": None if location is None else location.longitude,
                "population": None if city.population is None else city.population.count,
                "timezone": city.timezone,
                "geonames_id": city.geonames_id,
                "sources": list(city.sources),
            }
        )
        rows.append(row)
    return rows


def cohort_rows(network: Tables) -> list[dict[str, Any]]:
    """One row per admission round: UNESCO's figures beside the records held."""
    return [
        {
            "year": cohort.year,
            "announced_on": cohort.announced_on.isoformat(),
            "reported_cities": cohort.reported_cities,
            "held": cohort.held,
            "missing": cohort.missing,
            "reported_countries": cohort.reported_countries,
            "held_countries": cohort.held_countries,
            "network_cities_after": cohort.network_cities_after,
            "network_countries_after": cohort.network_countries_after,
            "event": cohort.event,
            "sources": list(cohort.sources),
        }
        for cohort in network.cohorts
    ]


def laureate_rows(network: Tables) -> list[dict[str, Any]]:
    """One row per laureate of every award edition, by year then name."""
    return [
        {
            "year": award.year,
            "edition": award.edition,
            "conference": award.conference.number,
            "conferred_on": None if award.conference.start is None else award.conference.start.isoformat(),
            "city_id": city.id,
            "city": city.name,
            "country_code": city.country.code,
            "country": city.country.name,
            "region": city.region.value,
        }
        for award in network.awards
        for city in award.laureates
    ]


def conference_rows(network: Tables) -> list[dict[str, Any]]:
    """One row per International Conference on Learning Cities."""
    return [
        {
            "number": c.number,
            "year": c.year,
            "start": None if c.start is None else c.start.isoformat(),
            "end": None if c.end is None else c.end.isoformat(),
            "planned_month": c.planned_month,
            "host_city": c.host_city,
            "country": None if c.country is None else c.country.name,
            "theme": c.theme,
            "outcome_document": c.outcome_document,
            "sources": list(c.sources),
        }
        for c in network.conferences
    ]


#: The tables :meth:`Network.to_records` and :meth:`Network.to_dataframe` give, by name.
TABLES = ("cities", "cohorts", "laureates", "conferences", "coverage", "country_coverage", "recency")


def table_rows(network: Tables, table: str) -> list[dict[str, Any]]:
    """The rows of one of :data:`TABLES`."""
    if not isinstance(table, str):
        raise TypeError(f"table must be a str, one of {', '.join(TABLES)}; not {type(table).__name__}")
    if table == "cities":
        return city_rows(network)
    if table == "cohorts":
        return cohort_rows(network)
    if table == "laureates":
        return laureate_rows(network)
    if table == "conferences":
        return conference_rows(network)
    if table in ("coverage", "country_coverage", "recency"):
        rows = getattr(_coverage, f"{table}_rows")(network)
        return rows.to_records()  # type: ignore[no-any-return]
    raise ValueError(f"no table {shown(table)}; the tables are {', '.join(TABLES)}")


def table_dataframe(network: Tables, table: str) -> pandas.DataFrame:
    """:func:`table_rows` as a DataFrame: nullable integers, dates as ``datetime64``."""
    if table == "cities":
        return city_dataframe(network)
    rows = table_rows(network, table)
    pd = require_pandas("to_dataframe()")
    frame: pandas.DataFrame = integer_columns(pd.DataFrame(rows))
    for column in ("announced_on", "conferred_on", "start", "end"):
        if column in frame.columns:
            frame[column] = pd.to_datetime(frame[column])
    return frame


def city_dataframe(network: Source, cities: Iterable[City] | None = None) -> pandas.DataFrame:
    """:func:`city_rows` as a DataFrame: ``Int64`` years, ``datetime64`` dates, list columns, ``id`` first."""
    pd = require_pandas("to_dataframe()")
    chosen = list(network.cities if cities is None else cities)
    frame: pandas.DataFrame = pd.DataFrame(city_rows(network, chosen), columns=list(columns(chosen)))
    for column in (*_YEAR_COLUMNS, "population", "geonames_id"):
        frame[column] = frame[column].astype("Int64")
    frame["member_since"] = pd.to_datetime(frame["member_since"])
    for column in ("latitude", "longitude"):
        frame[column] = frame[column].astype("float64")
    return frame


def write_csv(network: Source, file: IO[str], cities: Iterable[City] | None = None, *, excel: bool = False) -> int:
    """Write :func:`city_rows` to ``file`` as CSV with a header row; return the rows written.

    Lists are joined with ``" ; "``; unknown values are empty cells. Open ``file`` with
    ``newline=""`` (and ``encoding="utf-8-sig"`` for a spreadsheet program). With ``excel``,
    text cells that would start a formula are written after a ``'`` (see the module docstring).

    >>> import io, learning_cities as lc
    >>> out = io.StringIO()
    >>> write_csv(lc.load(), out) == len(lc.load().cities)
    True
    >>> out.getvalue().splitlines()[0]
    'id,name,name_am,name_ar,...,name_th,...,country_code,country_name,region,kind,joined,member_by,member_since,...'
    """
    return write_rows(city_rows(network, cities), file, excel=excel)


def write_rows(rows: Sequence[dict[str, Any]], file: IO[str], *, excel: bool = False) -> int:
    r"""Write rows of :func:`city_rows` to ``file`` as CSV (lists joined with ``" ; "``); return how many.

    Every row reads back as written: a row holding a carriage return is written with every
    cell quoted (the writer quotes only what ends its own lines, ``"\n"``). With ``excel``, a
    text cell starting with one of :data:`FORMULA_STARTS` is written after a ``'``.

    >>> import io
    >>> out = io.StringIO()
    >>> write_rows([{"name": "=1+1", "note": "a\rb", "longitude": -2.5}], out, excel=True)
    1
    >>> out.getvalue()
    'name,note,longitude\n"\'=1+1","a\rb","-2.5"\n'
    """
    require_bool("excel", excel)
    fieldnames = list(rows[0]) if rows else COLUMNS
    writer = csv.DictWriter(file, fieldnames=fieldnames, lineterminator="\n")
    quoted = csv.DictWriter(file, fieldnames=fieldnames, lineterminator="\n", quoting=csv.QUOTE_ALL)
    writer.writeheader()
    for row in rows:
        cells = {key: _cell(value, excel) for key, value in row.items()}
        (quoted if any(isinstance(cell, str) and "\r" in cell for cell in cells.values()) else writer).writerow(cells)
    return len(rows)


def _cell(value: object, excel: bool) -> object:
    """One value as a CSV cell: a list joined with ``" ; "``; with ``excel``, a formula-like text neutralised."""
    cell = " ; ".join(map(str, value)) if isinstance(value, list) else value
    if excel and isinstance(cell, str) and cell.startswith(FORMULA_STARTS):
        return "'" + cell
    return cell
