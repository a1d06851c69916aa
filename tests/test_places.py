"""Places: distances, nearest members, GeoJSON, and every location in its member's country."""

from __future__ import annotations

import json
import math

import pytest

import learning_cities as lc
from learning_cities.places import EARTH_RADIUS_KM, point


def test_at_least_98_percent_of_active_members_are_placed_with_a_source(net: lc.Network) -> None:
    active = net.where(status="active")
    placed = [city for city in active if city.location is not None]
    assert len(placed) / len(active) >= 0.98
    assert all(city.location.source.startswith("http") for city in placed)  # type: ignore[union-attr]
    assert all(city.place_note for city in active if city.location is None)


def test_kinds(net: lc.Network) -> None:
    assert [c.name for c in net.where(country="TH", kind=lc.CityKind.PROVINCE)] == [
        "Phayao",
        "Sukhothai",
        "Rayong",
        "Satun",
    ]
    assert net.city("Gangnam-gu").kind is lc.CityKind.DISTRICT
    assert net.city("Kuno Consortium").kind is lc.CityKind.CONSORTIUM
    assert {c.kind for c in net.cities} >= {lc.CityKind.CITY, lc.CityKind.COUNTY, lc.CityKind.MUNICIPALITY}


def test_distances(net: lc.Network) -> None:
    assert lc.distance_km((0.0, 0.0), (0.0, 180.0)) == pytest.approx(math.pi * EARTH_RADIUS_KM)
    assert lc.distance_km(net.city("Bangkok"), net.city("Bangkok")) == 0
    assert lc.distance_km(net.city("Bangkok"), net.city("Khon Kaen")) == pytest.approx(390, abs=1)
    assert lc.distance_km(net.city("Bangkok").location, (13.754, 100.5014)) == 0


def test_near_and_nearest(net: lc.Network) -> None:
    near = net.near(13.75, 100.5, km=100)
    assert isinstance(near, lc.Cities)
    assert [c.name for c in near] == ["Bangkok", "Chachoengsao"]
    assert net.near(13.75, 100.5, km=0) == ()
    assert [c.name for c in net.nearest(37.57, 126.98, n=3)] == [c.name for c in net.nearest(37.57, 126.98, n=5)][:3]
    assert len(net.nearest(0.0, 0.0, n=10_000)) == sum(c.location is not None for c in net)


@pytest.mark.parametrize(
    ("where", "error", "message"),
    [
        ((91.0, 0.0), ValueError, "is not a latitude"),
        ((0.0, 181), ValueError, "is not a latitude"),
        ((float("nan"), 0.0), ValueError, "finite"),
        ((True, 0.0), TypeError, "latitude must be a number"),
        (("13.75", "100.5"), TypeError, "latitude must be a number"),
        ((10**400, 0.0), ValueError, "finite"),
        ([13.75, 100.5], TypeError, "expected a City, a Location or a"),
    ],
)
def test_bad_points(where: object, error: type[Exception], message: str) -> None:
    with pytest.raises(error, match=message):
        point(where)


def test_an_unplaced_member_has_no_distance(net: lc.Network) -> None:
    with pytest.raises(ValueError, match="has no known location"):
        lc.distance_km(net.city("Kourion"), (35.0, 33.0))


@pytest.mark.parametrize(("km", "error"), [(-1, ValueError), (float("inf"), ValueError), ("5", TypeError)])
def test_bad_radius(net: lc.Network, km: object, error: type[Exception]) -> None:
    with pytest.raises(error):
        net.near(13.75, 100.5, km=km)  # type: ignore[arg-type]


@pytest.mark.parametrize(("n", "error"), [(0, ValueError), (True, TypeError), (2.0, TypeError)])
def test_bad_count(net: lc.Network, n: object, error: type[Exception]) -> None:
    with pytest.raises(error):
        net.nearest(13.75, 100.5, n=n)  # type: ignore[arg-type]


def test_geojson_is_rfc_7946(net: lc.Network) -> None:
    collection = json.loads(json.dumps(net.to_geojson()))
    assert set(collection) == {"type", "features"}
    located = [city for city in net.cities if city.location is not None]
    assert len(collection["features"]) == len(located)
    for feature, city in zip(collection["features"], located, strict=True):
        assert set(feature) == {"type", "id", "geometry", "properties"}
        assert feature["type"] == "Feature"
        longitude, latitude = feature["geometry"]["coordinates"]  # [longitude, latitude]
        assert (latitude, longitude) == (city.location.latitude, city.location.longitude)  # type: ignore[union-attr]
        assert -180 <= longitude <= 180
        assert -90 <= latitude <= 90
        assert all(not isinstance(value, (dict, list)) for value in feature["properties"].values())
    thai = net.where(country="TH").to_geojson()
    assert len(thai["features"]) == 13
