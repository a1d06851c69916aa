"""Where the members are: great-circle distances, nearest members and GeoJSON.

Locations come from the GeoNames gazetteer (or a curated source) and are WGS 84 degrees.
A member that could not be placed has ``location=None`` and is left out of distance
queries and of GeoJSON features (never guessed).

>>> import learning_cities as lc
>>> net = lc.load()
>>> round(lc.distance_km(net.city("Bangkok"), net.city("Khon Kaen")))
390
>>> [c.name for c in net.nearest(13.75, 100.5, n=2)]
['Bangkok', 'Chachoengsao']
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Any

from ._repr import shown
from .model import City, Location

__all__ = ["EARTH_RADIUS_KM", "by_distance", "check_km", "distance_km", "feature_collection", "point"]

#: The mean Earth radius (IUGG), in kilometres.
EARTH_RADIUS_KM = 6371.0088


def point(where: object) -> tuple[float, float]:
    """``(latitude, longitude)`` of a :class:`City`, a :class:`Location` or a ``(lat, lon)`` pair.

    >>> point((13.75, 100.5))
    (13.75, 100.5)
    >>> import learning_cities as lc
    >>> point(lc.load().city("Kourion"))
    Traceback (most recent call last):
    ValueError: Kourion (Cyprus) has no known location (no source places it)
    """
    if isinstance(where, City):
        if where.location is None:
            raise ValueError(f"{where} has no known location (no source places it)")
        where = where.location
    if isinstance(where, Location):
        return where.latitude, where.longitude
    if isinstance(where, tuple) and len(where) == 2:
        latitude, longitude = _finite_number("latitude", where[0]), _finite_number("longitude", where[1])
        if not -90 <= latitude <= 90 or not -180 <= longitude <= 180:
            raise ValueError(
                f"({latitude}, {longitude}) is not a latitude from -90 to 90 and longitude from -180 to 180"
            )
        return latitude, longitude
    raise TypeError(
        f"expected a City, a Location or a (latitude, longitude) pair, not {type(where).__name__}: {shown(where)}"
    )


def _finite_number(name: str, value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TypeError(f"{name} must be a number, not {type(value).__name__}: {shown(value)}")
    try:
        number = float(value)
    except OverflowError:  # an int too large for a float
        raise ValueError(f"{name} must be a finite number, not {shown(value)}") from None
    if not math.isfinite(number):
        raise ValueError(f"{name} must be a finite number, not {number}")
    return number


def distance_km(a: object, b: object) -> float:
    """The great-circle distance in kilometres between two Cities, Locations or ``(lat, lon)`` pairs.

    >>> round(distance_km((0.0, 0.0), (0.0, 180.0)))
    20015
    """
    lat1, lon1 = map(math.radians, point(a))
    lat2, lon2 = map(math.radians, point(b))
    # haversine, clamped so rounding cannot push the root past 1
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def by_distance(cities: Iterable[City], latitude: object, longitude: object) -> list[tuple[float, City]]:
    """``(km, city)`` for every located city, nearest first (ties by name)."""
    origin = point((latitude, longitude))
    found = [(distance_km(origin, city.location), city) for city in cities if city.location is not None]
    found.sort(key=lambda pair: (pair[0], pair[1].name.casefold(), pair[1].id))
    return found


def check_km(value: object) -> float:
    """A finite distance in kilometres, at least 0."""
    km = _finite_number("km", value)
    if km < 0:
        raise ValueError(f"km must be at least 0, not {km}")
    return km


def feature_collection(cities: Iterable[City]) -> dict[str, Any]:
    """An RFC 7946 FeatureCollection: one Point feature per located city, ``[longitude, latitude]``.

    The properties are a flat subset of each record; cities without a location are left out.

    >>> import learning_cities as lc
    >>> collection = feature_collection([lc.load().city("Bangkok")])
    >>> collection["features"][0]["geometry"]
    {'type': 'Point', 'coordinates': [100.5014, 13.754]}
    """
    features = []
    for city in cities:
        location = city.location
        if location is None:
            continue
        features.append(
            {
                "type": "Feature",
                "id": city.id,
                "geometry": {"type": "Point", "coordinates": [location.longitude, location.latitude]},
                "properties": {
                    "id": city.id,
                    "name": city.name,
                    "country_code": city.country.code,
                    "country": city.country.name,
                    "region": city.region.value,
                    "kind": city.kind.value,
                    "joined": city.joined,
                    "member_since": None if city.member_since is None else city.member_since.isoformat(),
                    "status": city.status.value,
                    "population": None if city.population is None else city.population.count,
                    "timezone": city.timezone,
                    "geonames_id": city.geonames_id,
                    "location_source": location.source,
                    "source": city.sources[0] if city.sources else None,
                },
            }
        )
    return {"type": "FeatureCollection", "features": features}
