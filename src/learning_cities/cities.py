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

    from .network import Network

__all__ = ["Cities"]


class Cities(tuple[City, ...]):
    """Member cities, in the order the query documents, from one :class:`~learning_cities.Network`."""

    network: Network | None

    def __new__(cls, cities: Iterable[City] = (), network: Network | None = None) -> Cities:
        """Cities from ``cities``, found in ``network`` (their exports' source; default: the packaged one).

        >>> Cities((), network=5)
        Traceback (most recent call last):
        TypeError: Cities(network=...) must be a Network or None, not int: 5
        """
        _check_network(network)
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

    def _network(self) -> Network:
        if self.network is not None:
            return self.network
        from ._packaged import load

        return load()

    def to_records(self) -> list[dict[str, Any]]:
        """One JSON-ready dict per city (see :mod:`learning_cities.exports`)."""
        from .exports import city_rows

        return city_rows(self._network(), self)

    def to_dataframe(self) -> pandas.DataFrame:
        """:meth:`to_records` as a :class:`pandas.DataFrame` (needs the ``pandas`` extra)."""
        from .exports import city_dataframe

        return city_dataframe(self._network(), self)

    def to_geojson(self) -> dict[str, Any]:
        """An RFC 7946 FeatureCollection of these cities (those with a known location).

        >>> import learning_cities as lc
        >>> len(lc.load().where(country="TH").to_geojson()["features"])
        13
        """
        from .places import feature_collection

        return feature_collection(self)

    def _repr_html_(self) -> str:
        from html import escape  # only for notebooks: not worth their import time at start-up

        from .display import MAX_ROWS

        rows = []
        for city in self[:MAX_ROWS]:
            since = "" if city.member_since is None else city.member_since.isoformat()
            status = "" if city.is_active else city.status.value
            local = next(iter(city.local_names.values()), "")
            cells = (city.name, local, city.country.name, city.kind.value, str(city.joined or ""), since, status)
            rows.append("<tr>" + "".join(f"<td>{escape(cell)}</td>" for cell in cells) + "</tr>")
        body = "".join(rows)
        caption = f"{len(self)} member cities" + (f" (first {MAX_ROWS} shown)" if len(self) > MAX_ROWS else "")
        head = "".join(
            f"<th>{label}</th>"
            for label in ("name", "local name", "country", "kind", "joined", "member since", "status")
        )
        return f"<table><caption>{caption}</caption><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _check_network(network: object) -> None:
    """Refuse a ``network`` that is neither ``None`` nor a network (what the exports read: its cities, awards).

    Checked on the class, so a network's records are not read to check it.
    """
    kind = type(network)
    if network is not None and not (hasattr(kind, "cities") and callable(getattr(kind, "awards_of", None))):
        raise TypeError(f"Cities(network=...) must be a Network or None, not {kind.__name__}: {shown(network)}")
