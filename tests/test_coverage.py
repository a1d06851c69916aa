"""Coverage: records held against UNESCO's reported figures, per cohort and per country."""

from __future__ import annotations

import datetime as dt
import importlib
import subprocess
import sys
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import learning_cities as lc
from learning_cities import _coverage

# `from learning_cities import coverage` is the function; the module is in sys.modules
coverage_module = importlib.import_module("learning_cities.completeness")


def test_cohort_rows_match_the_cohorts(net: lc.Network) -> None:
    rows = {row.year: row for row in lc.coverage(net) if row.year is not None}
    assert sorted(rows) == [cohort.year for cohort in net.cohorts]
    for cohort in net.cohorts:
        row = rows[cohort.year]
        assert (row.held, row.reported) == (cohort.held, cohort.reported_cities)
        assert row.missing == cohort.missing
        assert row.held <= (row.reported or 0)


def test_network_row_sets_every_active_record_against_the_latest_total(net: lc.Network) -> None:
    network_row = lc.coverage(net)[-1]
    assert network_row.label == "network (2025-12-04)"
    assert network_row.reported == 425
    assert network_row.reported_countries == 91
    active = [city for city in net.cities if city.is_active]
    assert network_row.held == len(active) == 401
    # membership in time: the members on the last date any source gives and the undated are
    # every active record
    last = max(city.member_since for city in active if city.member_since is not None)
    assert network_row.held == len(net.members_on(last)) + len(net.undated)
    assert network_row.share is not None
    assert 0 < network_row.share <= 1


def test_rows_outside_the_rounds_show_the_undated_apart(net: lc.Network) -> None:
    early, year_unknown, undated = lc.coverage(net)[:3]
    assert (early.label, year_unknown.label, undated.label) == (
        "2015-2018 (rolling admission)",
        "join year unknown",
        "undated (no source dates them)",
    )
    assert undated.held == len(net.undated) == 11
    assert undated.held_countries == len({city.country.code for city in net.undated})
    outside = [c for c in net.cities if c.is_active and not c.cohorts]
    dated_outside = [c for c in outside if c.member_since is not None]
    assert early.held + year_unknown.held == len(dated_outside)
    assert early.held == sum(1 for c in dated_outside if c.joined is not None and c.joined < 2019) == 83
    assert year_unknown.held == sum(1 for c in dated_outside if c.joined is None)
    assert all(row.reported is None and row.missing is None and row.share is None for row in (early, year_unknown))


def test_the_rows_reconcile_with_the_network_row(net: lc.Network) -> None:
    rows = lc.coverage(net)
    in_rounds = {c.id for cohort in net.cohorts for c in cohort.cities if c.is_active and c.member_since is not None}
    # Muharraq is in two rounds: the round rows add up to one more than the records in them
    assert sum(row.held for row in rows if row.year is not None) == len(in_rounds) + 1
    assert rows[0].held + rows[1].held + rows[2].held + len(in_rounds) == rows[-1].held


def test_country_rows_compare_like_with_like(net: lc.Network) -> None:
    rows = {row.country.code: row for row in lc.country_coverage(net)}
    assert set(rows) == {country.code for country in net.countries}
    portugal = rows["PT"]
    assert (portugal.reported, portugal.reported_as_of) == (16, "2024-02-14")
    assert portugal.held_then == 16  # every Portuguese member reported in Feb 2024 is held
    thailand = rows["TH"]
    assert (thailand.reported, thailand.held_then, thailand.missing) == (10, 10, 0)
    korea = rows["KR"]
    assert korea.reported == 59
    assert korea.held_then is not None
    assert korea.held_then <= 59
    france = rows["FR"]  # France 3 counted eight French members in Feb 2024; six are held
    assert (france.reported, france.reported_as_of, france.held_then, france.missing) == (8, "2024-02-14", 6, 2)
    iran = rows["IR"]  # IRIB called Kermanshah Iran's tenth member: fewer than the records held
    assert (iran.reported, iran.reported_as_of, iran.held_then, iran.missing) == (10, "2025-12-15", 13, -3)
    assert rows["DE"].reported is None
    assert rows["DE"].missing is None
    helds = [row.held for row in lc.country_coverage(net)]
    assert helds == sorted(helds, reverse=True)


def test_held_then_counts_the_members_on_the_last_day_of_the_figure(net: lc.Network) -> None:
    rows = {row.country.code: row for row in lc.country_coverage(net)}
    for code, day in [("TH", dt.date(2024, 2, 29)), ("KR", dt.date(2025, 12, 4)), ("UA", dt.date(2025, 5, 31))]:
        expected = sum(1 for city in net.members_on(day) if city.country.code == code)
        assert rows[code].held_then == expected
    for row in rows.values():
        assert row.held == sum(1 for c in net.where(country=row.country) if c.is_active)


def test_end_of_an_as_of_text() -> None:
    end = _coverage._end_of
    assert end("2024-02") == dt.date(2024, 2, 29)
    assert end("2024-12") == dt.date(2024, 12, 31)
    assert end("2019") == dt.date(2019, 12, 31)
    assert end("2025-12-04") == dt.date(2025, 12, 4)
    for bad in ("2024-02-30", "2024-13", "2024-00", "0-1", "early 2019", "", "2019-1-2-3", "２０２４"):
        assert end(bad) is None


# -- the network argument --------------------------------------------------------------------


def test_network_defaults_to_the_packaged_one(net: lc.Network) -> None:
    assert lc.coverage() == lc.coverage(None) == lc.coverage(net)
    assert lc.country_coverage() == lc.country_coverage(None) == lc.country_coverage(net)


def test_a_network_passed_in_is_the_one_used(net: lc.Network) -> None:
    empty = lc.Network(data_as_of=dt.date(2025, 1, 1), cities=(), countries=(), cohorts=(), awards=(), conferences=())
    rows = lc.coverage(empty)
    assert [row.label for row in rows] == [
        "rolling admission",
        "join year unknown",
        "undated (no source dates them)",
        "network (no reported total)",
    ]
    assert all(row.held == 0 and row.reported is None for row in rows)
    assert lc.country_coverage(empty) == ()
    # only the 2019 round, and only its cities
    cohort = net.cohort(2019)
    small = lc.Network(
        data_as_of=net.data_as_of,
        cities=cohort.cities,
        countries=tuple({c.country for c in cohort.cities}),
        cohorts=(cohort,),
        awards=(),
        conferences=(),
        network_totals=net.network_totals,
    )
    rows = lc.coverage(small)
    assert rows[0].label == "2015-2018 (rolling admission)"
    assert [row.year for row in rows if row.year] == [2019]
    assert rows[-1].held == sum(1 for c in cohort.cities if c.is_active)
    assert sum(row.held for row in lc.country_coverage(small)) == rows[-1].held


hostile_networks = st.one_of(
    st.integers(),
    st.booleans(),
    st.floats(),
    st.text(max_size=20),
    st.binary(max_size=10),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=3),
    st.just(lc.load),
    st.just(lc.Network),
    st.just(lc.City),
    st.just(()),
    st.builds(object),
    st.sampled_from([lc.load().cities[0], lc.load().cohorts[0], lc.coverage()]),
)


@settings(max_examples=150, deadline=None)
@given(network=hostile_networks)
def test_hostile_network_arguments_raise_type_error(network: Any) -> None:
    for function in (lc.coverage, lc.country_coverage):
        with pytest.raises(TypeError, match=r"^network must be a Network, not "):
            function(network)


# -- the rows are records ---------------------------------------------------------------------


def test_rows_round_trip_through_serialization(net: lc.Network) -> None:
    for rows, cls in ((lc.coverage(net), lc.CoverageRow), (lc.country_coverage(net), lc.CountryCoverageRow)):
        for row in rows:
            data = lc.unstructure(row)
            assert lc.structure(data, cls) == row
            assert lc.from_json(lc.to_json(row), cls) == row
        assert lc.structure(lc.unstructure(rows), tuple[cls, ...]) == rows  # type: ignore[valid-type]
        assert lc.from_json(lc.to_json(rows), list[cls]) == list(rows)  # type: ignore[valid-type]
    thailand = next(row for row in lc.country_coverage(net) if row.country.code == "TH")
    data = lc.unstructure(thailand)
    assert data["country"]["code"] == "TH"
    assert (data["reported"], data["reported_as_of"], data["held_then"]) == (10, "2024-02", 10)


def test_rows_are_frozen_records(net: lc.Network) -> None:
    row = lc.coverage(net)[0]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        row.held = 0  # type: ignore[misc]
    assert hash(row) == hash(attrs.evolve(row))


def test_coverage_lives_in_a_public_module() -> None:
    assert lc.coverage is coverage_module.coverage
    assert lc.country_coverage is coverage_module.country_coverage
    assert lc.CoverageRow is coverage_module.CoverageRow
    assert lc.CountryCoverageRow is coverage_module.CountryCoverageRow
    assert set(coverage_module.__all__) <= set(lc.__all__)


def test_importing_the_module_does_not_shadow_the_function() -> None:
    # the module is named apart from the function it holds, so importing it cannot shadow lc.coverage
    code = (
        "from learning_cities.completeness import CoverageRow; import learning_cities.completeness; "
        "import learning_cities as lc; assert callable(lc.coverage), lc.coverage; "
        "assert lc.coverage()[-1].held == sum(r.held for r in lc.country_coverage())"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_recency_counts_every_active_member_once(net: lc.Network) -> None:
    rows = lc.recency()
    active = [city for city in net.cities if city.is_active]
    assert [(row.label, row.since, row.until) for row in rows] == [
        ("confirmed 2022 or later", 2022, None),
        ("confirmed 2019-2021", 2019, 2021),
        ("confirmed only before 2019", None, 2018),
        ("no dated confirmation", None, None),
    ]
    assert sum(row.held for row in rows) == len(active) == 401
    assert rows[0].held == len(net.where(status="active", confirmed_since=2022)) == 261
    assert rows[-1].held == sum(city.last_confirmed is None for city in active) == 11
    assert lc.recency() == lc.recency(net)
    assert [r["held"] for r in net.to_records("recency")] == [row.held for row in rows]


def test_the_summary_shows_how_recently_members_were_confirmed() -> None:
    import io
    import json

    from learning_cities.cli import main

    out = io.StringIO()
    assert main(["summary", "--json"], stdout=out) == 0
    recency = json.loads(out.getvalue())["recency"]
    assert [row["held"] for row in recency] == [row.held for row in lc.recency()]
    out = io.StringIO()
    assert main(["summary"], stdout=out) == 0
    assert "confirmed only before 2019" in out.getvalue()


def test_a_member_no_dated_source_confirms_carries_a_doubt_saying_so(net: lc.Network) -> None:
    unconfirmed = [city for city in net.cities if city.is_active and city.last_confirmed is None]
    assert len(unconfirmed) == 11
    assert all(city.doubts for city in unconfirmed), [c.name for c in unconfirmed if not c.doubts]
    # the records the evidence review named: a newer confirmation, a recorded doubt or a year
    for name in ("Cali", "Bolu", "Naju", "Yeonggwang", "Tecamachalco", "Athens", "Yuseong-gu"):
        assert net.city(name).doubts, name
    assert net.city("Jinan (Jeollabuk-do)").member_by == 2017
    assert net.city("Seongdong-gu").joined == 2016
    assert net.city("Viladecans").last_confirmed == 2020
    assert net.city("Taiyuan").last_confirmed == 2025
