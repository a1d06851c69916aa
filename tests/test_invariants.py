"""Invariants every release of the data must keep."""

from __future__ import annotations

import re
from collections import Counter

import pycountry

import learning_cities as lc
from conftest import REFERENCE, reference_rows


def _city_of(net: lc.Network, row: dict[str, str]) -> lc.City:
    """The record of a reference row: its exact name, in its country."""
    return next(c for c in net.where(country=row["country_code"]) if c.name == row["city"])


def test_ids_are_unique_stable_slugs(net: lc.Network) -> None:
    ids = [city.id for city in net.cities]
    assert len(ids) == len(set(ids))
    for city in net.cities:
        assert re.fullmatch(r"[a-z]{2}-[a-z0-9]+(-[a-z0-9]+)*", city.id), city.id
        assert city.id.startswith(city.country.code.lower() + "-")


def test_every_record_is_sourced(net: lc.Network) -> None:
    assert all(city.sources for city in net.cities)
    assert all(cohort.sources for cohort in net.cohorts)
    assert all(award.sources for award in net.awards)
    assert all(conference.sources for conference in net.conferences)
    assert all(country.sources for country in net.countries)
    assert all(total.sources for total in net.network_totals)
    repeated = [city.id for city in net.cities if len(set(city.sources)) != len(city.sources)]
    assert repeated == []  # each source once


def test_country_codes_are_iso_3166(net: lc.Network) -> None:
    for country in net.countries:
        iso = pycountry.countries.get(alpha_2=country.code)
        assert iso is not None, country.code
        assert iso.alpha_3 == country.alpha3


def test_laureates_are_member_cities(net: lc.Network) -> None:
    members = set(net.cities)
    for award in net.awards:
        assert set(award.laureates) <= members
        for city in award.laureates:
            assert city.earliest_known_year is not None
            assert city.earliest_known_year <= award.year, city


def test_cohorts_never_hold_more_than_reported(net: lc.Network) -> None:
    for cohort in net.cohorts:
        assert cohort.reported_cities is not None
        assert cohort.held <= cohort.reported_cities, cohort.year
        assert cohort.held_countries <= (cohort.reported_countries or 0), cohort.year


def test_join_year_is_known_or_member_by_says_why(net: lc.Network) -> None:
    for city in net.cities:
        if city.joined is not None:
            assert city.member_by is None, city.id
        if city.cohorts:
            assert city.joined == min(city.cohorts), city.id


def test_every_reference_member_row_is_a_city(net: lc.Network) -> None:
    rows = reference_rows("upstream/members.csv")
    assert len(rows) == 342
    for row in rows:
        city = _city_of(net, row)
        assert row["source_url"].split(" ; ")[0] in city.sources
        if row["year_joined"]:
            assert int(row["year_joined"]) in (city.joined, *city.cohorts)


def test_every_research_row_is_a_city(net: lc.Network) -> None:
    files = sorted(p for p in (REFERENCE / "research").glob("*.csv") if not p.stem.endswith("_updates"))
    rows = [row for path in files for row in reference_rows(f"research/{path.name}")]
    assert len(rows) >= 45  # the research rounds of November 2026
    for row in rows:
        city = _city_of(net, row)
        assert row["source_url"].split(" ; ")[0] in city.sources, city.id
        if row["year_joined"]:
            assert int(row["year_joined"]) in (city.joined, *city.cohorts), city.id
        elif (proof := re.search(r"member_by=(\d{4})", row["notes"])) and city.joined is None:
            assert city.member_by is not None, city.id
            assert city.member_by <= int(proof.group(1)), city.id


def test_every_research_update_is_applied(net: lc.Network) -> None:
    for path in sorted((REFERENCE / "research").glob("*_updates.csv")):
        for row in reference_rows(f"research/{path.name}"):
            city = _city_of(net, row)
            assert row["source_url"].split(" ; ")[0] in city.sources, city.id
            if row["field"] == "local_name":
                lang, _, name = row["value"].partition("=")
                assert city.local_names.get(lang) == name, city.id
                assert net.city(name) == city
            else:
                year = int(row["value"].rpartition(":")[2])
                recorded = (city.joined, *city.cohorts)
                assert year in recorded or any(f"gives {year}" in c for c in city.conflicts), city.id


def test_every_award_row_is_a_laureate(net: lc.Network) -> None:
    rows = reference_rows("upstream/awards.csv")
    per_year = Counter(int(row["award_year"]) for row in rows)
    assert {award.year: len(award.laureates) for award in net.awards} == per_year


def test_cities_are_ordered_by_join_year_then_name(net: lc.Network) -> None:
    keys = [(c.joined is None, c.joined or 0, c.name.casefold()) for c in net.cities]
    assert keys == sorted(keys)


def test_records_are_immutable_and_hashable(net: lc.Network) -> None:
    city = net.city("Khon Kaen")
    assert hash(city) == hash(net.city("th-khon-kaen"))
    try:
        city.local_names["th"] = "x"  # type: ignore[index]
    except TypeError:
        pass
    else:  # pragma: no cover
        raise AssertionError("local_names accepted an assignment")
    assert city.local_names["th"] == "ขอนแก่น"
