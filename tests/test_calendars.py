from __future__ import annotations

import datetime as dt

import pytest

import learning_cities as lc


@pytest.mark.parametrize(("common", "buddhist"), [(2024, 2567), (2025, 2568), (2013, 2556), (1, 544)])
def test_round_trip(common: int, buddhist: int) -> None:
    assert lc.to_buddhist_era(common) == buddhist
    assert lc.from_buddhist_era(buddhist) == common


def test_dates_give_their_year() -> None:
    assert lc.to_buddhist_era(dt.date(2024, 2, 14)) == 2567


@pytest.mark.parametrize("bad", [True, False, 2024.0, "2024", None, dt.datetime(2024, 1, 1)])
def test_non_integers_are_refused(bad: object) -> None:
    with pytest.raises(TypeError):
        lc.to_buddhist_era(bad)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        lc.from_buddhist_era(bad)  # type: ignore[arg-type]


def test_years_before_the_era_are_refused() -> None:
    with pytest.raises(ValueError, match="Common Era"):
        lc.to_buddhist_era(0)
    with pytest.raises(ValueError, match="BE 543"):
        lc.from_buddhist_era(543)


def test_thai_join_years_in_buddhist_era(net: lc.Network) -> None:
    years = {c.name: lc.to_buddhist_era(c.joined) for c in net.where(country="TH") if c.joined is not None}
    assert years["Bangkok"] == 2567
    assert years["Chiang Rai"] == 2562
