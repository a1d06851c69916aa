from __future__ import annotations

import datetime as dt

import pytest

import learning_cities as lc
from learning_cities.calendars import calendar_year
from learning_cities.errors import BuddhistEraError


class TestConversions:
    @pytest.mark.parametrize(("common", "buddhist"), [(2024, 2567), (2025, 2568), (2013, 2556), (1, 544), (2399, 2942)])
    def test_round_trip(self, common: int, buddhist: int) -> None:
        assert lc.to_buddhist_era(common) == buddhist
        assert lc.from_buddhist_era(buddhist) == common

    def test_from_buddhist_era_takes_the_years_the_guard_refuses(self) -> None:
        assert lc.from_buddhist_era(2570) == 2027
        assert lc.from_buddhist_era(10542) == 9999

    def test_dates_give_their_year(self) -> None:
        assert lc.to_buddhist_era(dt.date(2024, 2, 14)) == 2567


class TestThaiMembers:
    def test_join_years_in_buddhist_era(self, net: lc.Network) -> None:
        years = {c.name: lc.to_buddhist_era(c.joined) for c in net.where(country="TH") if c.joined is not None}
        assert years["Bangkok"] == 2567
        assert years["Chiang Rai"] == 2562


class TestRefused:
    @pytest.mark.parametrize("bad", [True, False, 2024.0, "2024", None, dt.datetime(2024, 1, 1), [2024]])
    def test_non_integers(self, bad: object) -> None:
        with pytest.raises(TypeError):
            lc.to_buddhist_era(bad)  # type: ignore[arg-type]
        with pytest.raises(TypeError):
            lc.from_buddhist_era(bad)  # type: ignore[arg-type]

    def test_years_before_the_era(self) -> None:
        with pytest.raises(ValueError, match="Common Era year from 1"):
            lc.to_buddhist_era(0)
        with pytest.raises(ValueError, match="BE 543"):
            lc.from_buddhist_era(543)

    def test_a_buddhist_era_year_given_to_to_buddhist_era(self) -> None:
        with pytest.raises(BuddhistEraError, match="2024"):
            lc.to_buddhist_era(2567)
        with pytest.raises(BuddhistEraError, match="2024-02-14"):
            lc.to_buddhist_era(dt.date(2567, 2, 14))

    @pytest.mark.parametrize("huge", [10**12, -(10**12), 10**5000], ids=["1e12", "-1e12", "1e5000"])
    def test_huge_years_are_named_briefly(self, huge: int) -> None:
        for convert in (lc.to_buddhist_era, lc.from_buddhist_era):
            with pytest.raises(ValueError) as caught:  # noqa: PT011 - the message is checked below
                convert(huge)
            assert len(str(caught.value)) < 200


class TestCalendarYear:
    def test_the_range(self) -> None:
        assert calendar_year("year", 1) == 1
        assert calendar_year("year", 2399) == 2399
        with pytest.raises(BuddhistEraError):
            calendar_year("year", 2400)
        with pytest.raises(BuddhistEraError, match="2399"):
            calendar_year("year", 2942)  # the last Buddhist Era year whose Common Era year is supported
        for beyond in (2943, 10542, 10543):  # a slip would suggest an unsupported year: out of range
            with pytest.raises(ValueError, match=f"from 1 to 2399, not {beyond}") as caught:
                calendar_year("year", beyond)
            assert not isinstance(caught.value, BuddhistEraError)
