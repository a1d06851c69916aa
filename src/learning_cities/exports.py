"""Flat rows and DataFrames of the member cities, for analysts.

>>> import learning_cities as lc
>>> row = next(r for r in lc.load().to_records() if r["id"] == "th-khon-kaen")
>>> row["country_code"], row["joined"], row["local_names"]
('TH', 2024, 'th=ขอนแก่น')
"""

from __future__ import annotations

import csv
from typing import IO, TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas

    from .network import Network

#: The columns of :func:`city_rows`, in order.
COLUMNS = (
    "id",
    "name",
    "country_code",
    "country_name",
    "region",
    "joined",
    "member_by",
    "member_since",
    "status",
    "status_changed",
    "cohorts",
    "awards",
    "local_names",
    "official_names",
    "aliases",
    "conflicts",
    "sources",
)


def city_rows(network: Network) -> list[dict[str, Any]]:
    """One flat dict per city, in ``network.cities`` order, with JSON-ready values.

    Lists are joined with ``" ; "``, local names as ``lang=name`` pairs, dates as ISO
    strings; unknown values are ``None``.
    """
    rows = []
    for city in network.cities:
        since = network.member_since(city)
        rows.append(
            {
                "id": city.id,
                "name": city.name,
                "country_code": city.country.code,
                "country_name": city.country.name,
                "region": city.region.value,
                "joined": city.joined,
                "member_by": city.member_by,
                "member_since": since.isoformat() if since else None,
                "status": city.status.value,
                "status_changed": city.status_changed,
                "cohorts": " ; ".join(map(str, city.cohorts)),
                "awards": " ; ".join(str(a.year) for a in network.awards_of(city)),
                "local_names": " ; ".join(f"{k}={v}" for k, v in city.local_names.items()),
                "official_names": " ; ".join(f"{k}={v}" for k, v in city.official_names.items()),
                "aliases": " ; ".join(city.aliases),
                "conflicts": " ; ".join(city.conflicts),
                "sources": " ; ".join(city.sources),
            }
        )
    return rows


def city_dataframe(network: Network) -> pandas.DataFrame:
    """:func:`city_rows` as a DataFrame, with nullable integer year columns."""
    try:
        import pandas
    except ImportError as error:
        raise ImportError(
            "to_dataframe() needs pandas, an optional extra: pip install 'learning-cities[pandas]'", name="pandas"
        ) from error
    frame: pandas.DataFrame = pandas.DataFrame(city_rows(network), columns=list(COLUMNS))
    for column in ("joined", "member_by", "status_changed"):
        frame[column] = frame[column].astype("Int64")
    return frame


def write_csv(network: Network, file: IO[str]) -> int:
    """Write :func:`city_rows` to ``file`` as CSV with a header row; return the rows written.

    Unknown values are empty cells. Open ``file`` with ``newline=""``.

    >>> import io, learning_cities as lc
    >>> out = io.StringIO()
    >>> write_csv(lc.load(), out) == len(lc.load().cities)
    True
    >>> out.getvalue().splitlines()[0]
    'id,name,country_code,country_name,region,joined,member_by,member_since,status,status_changed,cohorts,...'
    """
    rows = city_rows(network)
    writer = csv.DictWriter(file, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return len(rows)
