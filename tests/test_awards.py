"""The award schedule: one class per cycle or rule, then the robustness regressions."""

from __future__ import annotations

import datetime as dt

import pytest

import learning_cities as lc
from learning_cities.errors import BuddhistEraError

D = dt.date


@pytest.fixture(scope="module")
def schedule() -> lc.AwardSchedule:
    return lc.award_schedule()


class TestHeldEditions:
    def test_they_come_from_the_data(self, schedule: lc.AwardSchedule, net: lc.Network) -> None:
        assert [(c.year, c.edition, c.projected) for c in schedule.held] == [
            (a.year, a.edition, False) for a in net.awards
        ]
        assert [c.year for c in schedule.held] == [2015, 2017, 2019, 2021, 2024]
        assert [c.conference for c in schedule.held] == [a.conference for a in net.awards]

    def test_call_dates(self, schedule: lc.AwardSchedule) -> None:
        call_2024 = schedule.cycle(2024).call
        assert call_2024 is not None
        assert (call_2024.opens, call_2024.city_deadline, call_2024.national_commission_deadline) == (
            D(2024, 4, 22),
            D(2024, 5, 31),
            D(2024, 6, 28),
        )
        call_2017 = schedule.cycle(2017).call
        assert call_2017 is not None
        assert call_2017.city_deadline == D(2016, 8, 31)
        assert call_2017.conflicts  # the 30 September 2016 date of another UIL page
        call_2019 = schedule.cycle(2019).call
        assert call_2019 is not None
        assert (call_2019.deadline_earliest, call_2019.deadline_latest) == (D(2018, 3, 1), D(2018, 6, 20))

    def test_the_conferral_date(self, schedule: lc.AwardSchedule) -> None:
        assert schedule.cycle(2024).date == D(2024, 12, 3)
        assert schedule.cycle(2027).date is None


class TestCycle2027:
    def test_the_next_award_after_2025_is_projected(self, schedule: lc.AwardSchedule) -> None:
        cycle = schedule.next_award(after=D(2025, 1, 1))
        assert (cycle.year, cycle.edition, cycle.projected, cycle.rule) == (2027, 6, True, "triennial")
        assert cycle.conference is not None
        assert (cycle.conference.number, cycle.conference.planned_month) == (7, 6)

    def test_around_the_conferences(self, schedule: lc.AwardSchedule) -> None:
        assert schedule.next_award(after=D(2024, 12, 2)).year == 2024
        assert schedule.next_award(after=D(2024, 12, 3)).year == 2027
        assert schedule.next_award(after=D(2027, 5, 1)).year == 2027
        assert schedule.next_award(after=D(2027, 7, 1)).year == 2030


class TestProjections:
    def test_cycles_mark_held_and_projected(self, schedule: lc.AwardSchedule) -> None:
        cycles = schedule.cycles(2015, 2033)
        assert [c.year for c in cycles] == [2015, 2017, 2019, 2021, 2024, 2027, 2030, 2033]
        assert [c.projected for c in cycles] == [False] * 5 + [True] * 3
        assert [c.edition for c in cycles] == list(range(1, 9))
        assert cycles[-1].conference is None

    def test_award_years(self, schedule: lc.AwardSchedule) -> None:
        assert schedule.is_award_year(2017)
        assert not schedule.is_award_year(2018)
        assert not schedule.is_award_year(2023)
        assert schedule.is_award_year(2030)
        with pytest.raises(lc.UnknownAwardError, match="did you mean 2024 or 2027"):
            schedule.cycle(2026)

    def test_an_empty_span(self, schedule: lc.AwardSchedule) -> None:
        assert schedule.cycles(2030, 2020) == ()

    def test_the_last_years_of_the_calendar(self, schedule: lc.AwardSchedule) -> None:
        # 2399 = 2027 + 124 * 3; from 2400 a year is read as a Buddhist Era year
        assert schedule.cycles(2390, 2399)[-1].year == 2399
        assert schedule.is_award_year(2399)
        decennial = lc.AwardSchedule(held=(), interval=10, rule="decennial", start=2015)
        assert decennial.next_award(after=D(2390, 1, 1)).year == 2395
        with pytest.raises(lc.UnknownAwardError, match="before 2400"):
            decennial.next_award(after=D(2396, 1, 1))


class TestBiennial:
    def test_what_if(self, schedule: lc.AwardSchedule) -> None:
        biennial = lc.AwardSchedule.biennial(start=2015)
        assert [c.year for c in biennial.cycles(2015, 2027)] == [2015, 2017, 2019, 2021, 2023, 2025, 2027]
        assert all(c.projected and c.rule == "biennial" for c in biennial.cycles(2015, 2027))
        assert biennial.is_award_year(2023)
        assert not schedule.is_award_year(2023)
        assert biennial.cycle(2025).edition == 6

    def test_before_the_first_edition_answers_the_first_edition(self) -> None:
        first = lc.AwardSchedule.biennial().next_award(after=D(2000, 1, 1))
        assert (first.year, first.edition) == (2015, 1)
        assert lc.AwardSchedule.biennial().cycles(1, 2016)[0].year == 2015
        with pytest.raises(lc.UnknownAwardError, match="did you mean 2015"):
            lc.AwardSchedule.biennial().cycle(2014)

    def test_a_buddhist_era_start(self) -> None:
        with pytest.raises(BuddhistEraError, match="2015"):
            lc.AwardSchedule.biennial(start=2558)


# -- regressions: every input answers or raises a documented error, in bounded time -------


class TestEarlyDates:
    def test_next_award_before_the_first_edition(self, schedule: lc.AwardSchedule) -> None:
        first = schedule.next_award(after=D(2000, 1, 1))
        assert (first.year, first.edition, first.projected) == (2015, 1, False)
        assert schedule.next_award(after=D(1, 1, 1)).year == 2015

    def test_years_before_the_first_edition(self, schedule: lc.AwardSchedule) -> None:
        assert schedule.cycles(1, 2014) == ()
        assert not schedule.is_award_year(1)
        with pytest.raises(lc.UnknownAwardError, match="did you mean 2015"):
            schedule.cycle(2000)


class TestYearsOutsideTheCalendar:
    @pytest.mark.parametrize("year", [10**12, 20_000, 0, -1])
    def test_a_clear_value_error(self, schedule: lc.AwardSchedule, year: int) -> None:
        for call in (schedule.cycle, schedule.is_award_year, lc.AwardSchedule.biennial):
            with pytest.raises(ValueError, match="from 1 to 2399"):
                call(year)
        with pytest.raises(ValueError, match="end must be a Common Era year from 1 to 2399"):
            schedule.cycles(2015, year)
        with pytest.raises(ValueError, match="start must be"):
            schedule.cycles(year, 2015)

    def test_a_huge_span_is_refused_by_name(self, schedule: lc.AwardSchedule) -> None:
        with pytest.raises(ValueError, match="1000000000000"):
            schedule.cycles(2015, 10**12)

    def test_a_huge_int_is_shown_short(self, schedule: lc.AwardSchedule) -> None:
        with pytest.raises(ValueError, match="digits") as caught:
            schedule.cycle(10**5000)
        assert len(str(caught.value)) < 200


class TestBuddhistEraYears:
    def test_every_year_and_date_argument(self, schedule: lc.AwardSchedule) -> None:
        with pytest.raises(BuddhistEraError, match="2027"):
            schedule.cycle(2570)
        with pytest.raises(BuddhistEraError, match="2027"):
            schedule.is_award_year(2570)
        with pytest.raises(BuddhistEraError, match="2015"):
            schedule.cycles(2558, 2570)
        with pytest.raises(BuddhistEraError, match="2027"):
            schedule.cycles(2015, 2570)
        with pytest.raises(BuddhistEraError, match="2024-01-01"):
            schedule.next_award(D(2567, 1, 1))


class TestScheduleFields:
    @pytest.mark.parametrize("interval", [0, -3])
    def test_interval_must_be_positive(self, interval: int) -> None:
        with pytest.raises(ValueError, match="interval must be 1 or more"):
            lc.AwardSchedule(held=(), interval=interval, rule="x", start=2015)

    @pytest.mark.parametrize("interval", [True, 2.0, "2", None])
    def test_interval_must_be_an_int(self, interval: object) -> None:
        with pytest.raises(TypeError, match="interval"):
            lc.AwardSchedule(held=(), interval=interval, rule="x", start=2015)  # type: ignore[arg-type]

    def test_a_start_is_needed_without_held_cycles(self) -> None:
        with pytest.raises(ValueError, match="start year"):
            lc.AwardSchedule(held=(), interval=2, rule="x")

    def test_held_cycles_in_order(self, schedule: lc.AwardSchedule) -> None:
        with pytest.raises(ValueError, match="by year"):
            lc.AwardSchedule(held=tuple(reversed(schedule.held)), interval=3, rule="x")
        with pytest.raises(TypeError, match="held"):
            lc.AwardSchedule(held=[*schedule.held], interval=3, rule="x")  # type: ignore[arg-type]

    def test_a_huge_interval_answers(self) -> None:
        rare = lc.AwardSchedule(held=(), interval=10**30, rule="once", start=2015)
        assert [c.year for c in rare.cycles(1, 2399)] == [2015]
        assert rare.next_award(D(2000, 1, 1)).year == 2015
        with pytest.raises(lc.UnknownAwardError):
            rare.next_award(D(2016, 1, 1))
        with pytest.raises(lc.UnknownAwardError):
            rare.cycle(2016)

    def test_cycle_fields(self) -> None:
        with pytest.raises(ValueError, match="edition"):
            lc.AwardCycle(2015, 0, False, None, "held")
        with pytest.raises(BuddhistEraError):
            lc.AwardCycle(2558, 1, False, None, "held")
        with pytest.raises(TypeError, match="projected"):
            lc.AwardCycle(2015, 1, 0, None, "held")  # type: ignore[arg-type]
        with pytest.raises(TypeError, match="conference"):
            lc.AwardCycle(2015, 1, False, "ICLC 2", "held")  # type: ignore[arg-type]


class TestArguments:
    @pytest.mark.parametrize("bad", [True, "2027", 2027.0, None])
    def test_bad_years_are_refused(self, schedule: lc.AwardSchedule, bad: object) -> None:
        with pytest.raises(TypeError):
            schedule.cycle(bad)  # type: ignore[arg-type]
        with pytest.raises(TypeError):
            schedule.next_award(after=bad)  # type: ignore[arg-type]

    def test_a_datetime_is_refused(self, schedule: lc.AwardSchedule) -> None:
        with pytest.raises(TypeError, match=r"\.date\(\)"):
            schedule.next_award(after=dt.datetime(2025, 1, 1))

    def test_the_network_argument(self, net: lc.Network) -> None:
        assert lc.award_schedule(network=net) == lc.award_schedule()
        with pytest.raises(TypeError, match="network"):
            lc.award_schedule(network="net")  # type: ignore[arg-type]
