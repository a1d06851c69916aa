from __future__ import annotations

import datetime as dt

import pytest

import learning_cities as lc


@pytest.fixture(scope="module")
def schedule() -> lc.AwardSchedule:
    return lc.award_schedule()


def test_held_editions_come_from_the_data(schedule: lc.AwardSchedule, net: lc.Network) -> None:
    assert [(c.year, c.edition, c.projected) for c in schedule.held] == [
        (2015, 1, False),
        (2017, 2, False),
        (2019, 3, False),
        (2021, 4, False),
        (2024, 5, False),
    ]
    assert [c.conference for c in schedule.held] == [a.conference for a in net.awards]


def test_next_award_after_2025_is_the_projected_2027_edition(schedule: lc.AwardSchedule) -> None:
    cycle = schedule.next_award(after=dt.date(2025, 1, 1))
    assert (cycle.year, cycle.edition, cycle.projected, cycle.rule) == (2027, 6, True, "triennial")
    assert cycle.conference is not None
    assert cycle.conference.number == 7
    assert cycle.conference.planned_month == 6
    assert cycle.date is None


def test_next_award_around_a_held_conference(schedule: lc.AwardSchedule) -> None:
    assert schedule.next_award(after=dt.date(2024, 12, 2)).year == 2024
    assert schedule.next_award(after=dt.date(2024, 12, 3)).year == 2027
    assert schedule.next_award(after=dt.date(2027, 5, 1)).year == 2027
    assert schedule.next_award(after=dt.date(2027, 7, 1)).year == 2030


def test_cycles_mark_held_and_projected(schedule: lc.AwardSchedule) -> None:
    cycles = schedule.cycles(2015, 2033)
    assert [c.year for c in cycles] == [2015, 2017, 2019, 2021, 2024, 2027, 2030, 2033]
    assert [c.projected for c in cycles] == [False] * 5 + [True] * 3
    assert [c.edition for c in cycles] == list(range(1, 9))
    assert cycles[-1].conference is None


def test_award_years(schedule: lc.AwardSchedule) -> None:
    assert schedule.is_award_year(2017)
    assert not schedule.is_award_year(2018)
    assert not schedule.is_award_year(2023)
    assert schedule.is_award_year(2030)
    with pytest.raises(lc.UnknownAwardError, match="did you mean 2024 or 2027"):
        schedule.cycle(2026)


def test_the_biennial_rule_answers_what_if(schedule: lc.AwardSchedule) -> None:
    biennial = lc.AwardSchedule.biennial(start=2015)
    assert [c.year for c in biennial.cycles(2015, 2027)] == [2015, 2017, 2019, 2021, 2023, 2025, 2027]
    assert all(c.projected and c.rule == "biennial" for c in biennial.cycles(2015, 2027))
    assert biennial.is_award_year(2023)
    assert not schedule.is_award_year(2023)
    assert biennial.cycle(2025).edition == 6


def test_call_dates_of_held_editions(schedule: lc.AwardSchedule) -> None:
    call_2024 = schedule.cycle(2024).call
    assert call_2024 is not None
    assert call_2024.opens == dt.date(2024, 4, 22)
    assert call_2024.city_deadline == dt.date(2024, 5, 31)
    assert call_2024.national_commission_deadline == dt.date(2024, 6, 28)
    call_2017 = schedule.cycle(2017).call
    assert call_2017 is not None
    assert call_2017.city_deadline == dt.date(2016, 8, 31)
    assert call_2017.conflicts  # the 30 September 2016 date of another UIL page


@pytest.mark.parametrize("bad", [True, "2027", 2027.0, None])
def test_bad_years_are_refused(schedule: lc.AwardSchedule, bad: object) -> None:
    with pytest.raises(TypeError):
        schedule.cycle(bad)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        schedule.next_award(after=bad)  # type: ignore[arg-type]
