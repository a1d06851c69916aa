"""``Cities``: the tuple of member cities every query returns, ready for tables and maps.

It is a ``tuple`` (equal to a tuple of the same cities, indexable, hashable), with a short
``repr``, a table in notebooks, and exports of just these cities.

>>> import learning_cities as lc
>>> thai = lc.load().where(country="TH", joined=2024)
>>> thai
Cities(3: Bangkok, Khon Kaen, Yala)
>>> thai == tuple(thai), thai[0].name, type(thai[:2]).__name__
(True, 'Bangkok', 'Cities')
>>> [row["name_th"] for row in thai.to_records()]
['กรุงเทพมหานคร', 'ขอนแก่น', 'ยะลา']
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, SupportsIndex, overload

from ._repr import shown
from .model import City

if TYPE_CHECKING:
    import pandas

    from .exports import Source

__all__ = ["Cities"]


class Cities(tuple[City, ...]):
    """Member cities, in the order the query documents, from one :class:`~learning_cities.Network`.

    A query makes them with the network it asked: ``Cities(cities, network)``. That network
    is the one their exports ask about the cities (their awards, say); a ``Cities`` never
    loads one.
    """

    #: Records take a ``Cities`` where their annotation says a tuple (``Cohort.cities``).
    __record_tuple__ = True

    network: Source

    def __new__(cls, cities: Iterable[City], network: Source) -> Cities:
        """Cities from ``cities``, found in ``network`` (what their exports ask about them).

        >>> Cities((), network=5)
        Traceback (most recent call last):
        TypeError: Cities needs the network the cities come from, not int: 5
        """
        if network is None or not hasattr(network, "awards_of"):
            raise TypeError(
                f"Cities needs the network the cities come from, not {type(network).__name__}: {shown(network)}"
            )
        items = tuple(cities)
        for item in items:
            if not isinstance(item, City):
                raise TypeError(f"Cities holds City records, not {type(item).__name__}: {shown(item)}")
        made = super().__new__(cls, items)
        made.network = network
        return made

    def __reduce__(self) -> tuple[Any, ...]:
        return (Cities, (tuple(self), self.network))

    @overload
    def __getitem__(self, index: SupportsIndex) -> City: ...

    @overload
    def __getitem__(self, index: slice) -> Cities: ...

    def __getitem__(self, index: SupportsIndex | slice) -> City | Cities:
        if isinstance(index, slice):
            return Cities(super().__getitem__(index), self.network)
        return super().__getitem__(index)

    def __repr__(self) -> str:
        names = [city.name for city in self[:5]]
        more = f", ... {len(self) - 5} more" if len(self) > 5 else ""
        return f"Cities({len(self)}: {', '.join(names)}{more})" if self else "Cities(0)"

    def to_records(self) -> list[dict[str, Any]]:
        """One JSON-ready dict per city (see :mod:`learning_cities.exports`)."""
        from .exports import city_rows

        return city_rows(self.network, self)

    def to_dataframe(self, calendar: str = "gregorian") -> pandas.DataFrame:
        """:meth:`to_records` as a :class:`pandas.DataFrame` (needs the ``pandas`` extra).

        ``calendar="buddhist"`` gives Buddhist Era years in the year columns (nullable
        ``Int64``; ``cohorts`` and ``awards`` as lists of BE years).

        >>> import learning_cities as lc
        >>> frame = lc.load().where(country="TH").to_dataframe(calendar="buddhist")
        >>> frame.set_index("name").loc["Khon Kaen", ["joined", "last_confirmed"]].tolist()
        [2567, 2567]
        """
        from .exports import city_dataframe

        return city_dataframe(self.network, self, calendar=calendar)

    def to_geojson(self) -> dict[str, Any]:
        """An RFC 7946 FeatureCollection of these cities (those with a known location).

        >>> import learning_cities as lc
        >>> len(lc.load().where(country="TH").to_geojson()["features"])
        13
        """
        from .places import feature_collection

        return feature_collection(self)

    def _repr_html_(self) -> str:
        """These cities as a table (up to ``MAX_ROWS``, then how many more), in the display's calendar and language.

        Every column is filled: a city no source gives a join year shows the year it was a
        member by, the status of every city is shown.

        >>> import learning_cities as lc
        >>> with lc.set_display(calendar="buddhist", language="th"):
        ...     html = lc.load().where(country="TH")._repr_html_()
        >>> "<th>ชื่อ</th>" in html, "<td>ขอนแก่น</td><td>Khon Kaen</td><td>ไทย</td>" in html, "พ.ศ. 2567" in html
        (True, True, True)
        """
        from ._tables import table  # only for notebooks: not worth its import time at start-up
        from .display_options import get_display, text, year

        thai = get_display().language != "en"
        rows = [
            (
                city,
                city.name if thai else next(iter(city.local_names.values()), text("none")),
                city.country,
                city.kind,
                year(city.joined) if city.joined is not None else _member_by(city),
                city.member_since,
                city.status,
            )
            for city in self
        ]
        second = "English name" if thai else "local name"
        headers = ("name", second, "country", "kind", "joined", "member since", "status")
        return table(text("{count} member cities").format(count=len(self)), headers, rows)


def _member_by(city: City) -> str | None:
    from .display_options import text, year

    return None if city.member_by is None else text("by {year}").format(year=year(city.member_by))
