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

    def to_dataframe(self) -> pandas.DataFrame:
        """:meth:`to_records` as a :class:`pandas.DataFrame` (needs the ``pandas`` extra)."""
        from .exports import city_dataframe

        return city_dataframe(self.network, self)

    def to_geojson(self) -> dict[str, Any]:
        """An RFC 7946 FeatureCollection of these cities (those with a known location).

        >>> import learning_cities as lc
        >>> len(lc.load().where(country="TH").to_geojson()["features"])
        13
        """
        from .places import feature_collection

        return feature_collection(self)

    def _repr_html_(self) -> str:
        from ._tables import table  # only for notebooks: not worth its import time at start-up

        rows = [
            (
                city.name,
                next(iter(city.local_names.values()), ""),
                city.country.name,
                city.kind,
                city.joined or "",
                city.member_since or "",
                "" if city.is_active else city.status,
            )
            for city in self
        ]
        headers = ("name", "local name", "country", "kind", "joined", "member since", "status")
        return table(f"{len(self)} member cities", headers, rows)
