"""Coverage: records held against UNESCO's reported figures, per cohort and per country."""

from __future__ import annotations

import learning_cities as lc


def test_cohort_rows_match_the_cohorts(net: lc.Network) -> None:
    rows = {row.year: row for row in lc.coverage(net) if row.year is not None}
    for cohort in net.cohorts:
        row = rows[cohort.year]
        assert (row.held, row.reported) == (cohort.held, cohort.reported_cities)
        assert row.missing == cohort.missing
        assert row.held <= (row.reported or 0)


def test_network_row_sets_active_records_against_the_latest_total(net: lc.Network) -> None:
    network_row = lc.coverage(net)[-1]
    assert network_row.reported == 425
    assert network_row.reported_countries == 91
    assert network_row.held == sum(1 for city in net.cities if city.is_active)
    assert network_row.share is not None
    assert 0 < network_row.share <= 1


def test_rows_outside_cohorts_add_up(net: lc.Network) -> None:
    early, undated = lc.coverage(net)[:2]
    outside = [c for c in net.cities if c.is_active and not c.cohorts]
    assert early.held + undated.held == len(outside)
    assert undated.held == sum(1 for c in outside if c.joined is None)
    assert early.reported is None
    assert early.missing is None


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
    assert rows["FR"].reported is None
    assert rows["FR"].missing is None
    helds = [row.held for row in lc.country_coverage(net)]
    assert helds == sorted(helds, reverse=True)
