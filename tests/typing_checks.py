"""Checked by mypy (tests/test_typing.py): the public API has the types docs/design.md gives."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from typing_extensions import assert_type

import learning_cities as lc

net = lc.load()
assert_type(net, lc.Network)
assert_type(lc.__version__, str)
assert_type(net.data_as_of, dt.date)
assert_type(net.cities, tuple[lc.City, ...])
city = net.city("Khon Kaen")
assert_type(city, lc.City)
assert_type(city.id, str)
assert_type(city.country, lc.Country)
assert_type(city.region, lc.Region)
assert_type(city.joined, int | None)
assert_type(city.member_by, int | None)
names: Mapping[str, str] = city.local_names
assert_type(city.status, lc.MembershipStatus)
assert_type(city.sources, tuple[str, ...])
assert_type(net.search("kon kaen", limit=5), lc.Cities)
assert_type(net.where(country="TH", region=lc.Region.ASIA_PACIFIC, joined=2024, awarded=True), lc.Cities)
as_tuple: tuple[lc.City, ...] = net.where(kind=lc.CityKind.PROVINCE)  # Cities is a tuple of City
assert_type(net.where(country="TH")[0], lc.City)
assert_type(net.where(country="TH")[:2], lc.Cities)
assert_type(net.near(13.75, 100.5, km=100), lc.Cities)
assert_type(lc.distance_km(net.city("Bangkok"), (13.75, 100.5)), float)
assert_type(net.countries, tuple[lc.Country, ...])
assert_type(net.country("TH"), lc.Country)
assert_type(net.cohorts, tuple[lc.Cohort, ...])
cohort = net.cohort(2024)
assert_type(cohort.announced_on, dt.date)
assert_type(cohort.cities, tuple[lc.City, ...])
assert_type(cohort.reported_cities, int | None)
assert_type(net.members_on(dt.date(2024, 2, 14)), lc.Cities)
assert_type(net.awards, tuple[lc.Award, ...])
award = net.award(2017)
assert_type(award.laureates, tuple[lc.City, ...])
assert_type(award.conference, lc.Conference)
assert_type(net.awards_of(city), tuple[lc.Award, ...])
assert_type(net.conferences, tuple[lc.Conference, ...])
assert_type(net.conference(7).start, dt.date | None)
assert issubclass(lc.UnknownCityError, LookupError)
assert issubclass(lc.DataError, ValueError)
