"""Hostile input for every public entry point of eligibility, awards and calendars.

Each answers or raises a documented error (TypeError, ValueError, LookupError, all with
short messages), and the answers agree with the network's own idea of membership in time.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import learning_cities as lc
from conftest import BadRepr, deep_list
from learning_cities import eligibility, rules
from learning_cities.rules import AwardCall

DOCUMENTED = (TypeError, ValueError, LookupError)
SETTINGS = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])

NET = lc.load()
NAMES = sorted({c.name for c in NET.cities})
COMBINING = "".join(chr(c) for c in range(0x300, 0x36F))


hostile = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.integers(min_value=-(10**40), max_value=10**40),
    st.sampled_from([10**5000, -(10**5000), 2400, 2570, 10542, 10543, 0, -1, 9999]),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=30),
    st.text(alphabet=st.sampled_from(COMBINING + "ab ก"), max_size=60),
    st.sampled_from(["", " ", "x" * 100_000, "a" + COMBINING * 3_000, "\x00", "Khon Kaen\u0301", "2027"]),
    st.dates(),
    st.datetimes(),
    st.dates(min_value=dt.date(2400, 1, 1)),
    st.sampled_from([deep_list(2_000), {"a": deep_list(50)}, (1, 2), [2027], b"2027", object(), BadRepr()]),
    st.recursive(st.integers(), lambda inner: st.lists(inner, max_size=3), max_leaves=8),
)
years = st.one_of(st.integers(min_value=1990, max_value=2060), st.integers(2400, 2700), hostile)
dates = st.one_of(st.dates(min_value=dt.date(2010, 1, 1), max_value=dt.date(2035, 12, 31)), st.dates(), hostile)
cities = st.one_of(st.sampled_from(NAMES), st.sampled_from(NET.cities), hostile)
flags = st.one_of(st.none(), st.booleans(), hostile)


def _answers(call: Callable[[], object]) -> object | None:
    """The answer of ``call``, or ``None`` after a documented error with a short message."""
    error: Exception | None = None
    try:
        return call()
    except DOCUMENTED as caught:
        error = caught
    assert len(str(error)) < 1_500, str(error)[:200]
    return None


AWARD_YEARS = [c.year for c in lc.award_schedule().cycles(2015, 2036)]
names = st.one_of(
    st.sampled_from(NAMES),
    st.sampled_from(NET.cities),
    st.text(max_size=20),
    st.sampled_from(["La Paz", "Bangkokk", "ขอนแก่น", "x" * 100_000, "a" + COMBINING * 3_000]),
)


def _verdict(report: lc.EligibilityReport) -> bool | None:
    """What the outcomes decide: not met anywhere is False; else unknown anywhere is None; else True."""
    outcomes = [r.outcome for r in report.results]
    if lc.Outcome.NOT_MET in outcomes:
        return False
    return None if lc.Outcome.UNKNOWN in outcomes else True


@SETTINGS
@given(city=names, year=st.sampled_from(AWARD_YEARS))
def test_check_award_eligibility_answers(city: lc.City | str, year: int) -> None:
    report = lc.check_award_eligibility(city, year)
    assert report.year == year
    assert report.eligible is _verdict(report)
    assert len(repr(report)) < 300
    assert len(report.question) < 300
    assert isinstance(report.call, AwardCall)
    assert report.call_published == (report.call.award_year == year)
    assert report.call_published or report.caveats  # an unpublished call is said once
    if isinstance(report.city, str):  # no member: one criterion says so
        assert [r.criterion for r in report.results] == ["award-members-only"]
    else:
        assert [r.criterion for r in report.results] == [r.id for r in rules.rules_for(report.call.id)]


@SETTINGS
@given(city=cities, year=years)
def test_check_award_eligibility_hostile(city: object, year: object) -> None:
    report = _answers(lambda: lc.check_award_eligibility(city, year))  # type: ignore[arg-type]
    if report is None:
        return
    assert isinstance(report, lc.EligibilityReport)
    assert report.eligible is _verdict(report)
    assert report.results
    assert report.year == year
    assert len(repr(report)) < 300
    assert isinstance(report.call, AwardCall)
    assert report.call_published == (report.call.award_year == year)
    assert report.call_published or report.caveats  # an unpublished call is said once


@SETTINGS
@given(
    city=names.filter(lambda c: isinstance(c, str) and c.strip() != ""),
    country=st.sampled_from(["TH", "Thailand", "ไทย", "MX", "Bolivia", "KR", "Atlantis"]),
    submitted_on=st.dates(min_value=dt.date(2010, 1, 1), max_value=dt.date(2399, 12, 31)),
    statements=st.lists(st.one_of(st.none(), st.booleans()), min_size=4, max_size=4),
    population=st.one_of(st.none(), st.integers(min_value=0, max_value=eligibility.MAX_POPULATION)),
)
def test_check_membership_answers(
    city: str, country: str, submitted_on: dt.date, statements: list[bool | None], population: int | None
) -> None:
    mayor, commission, documents, track = statements
    app = lc.MembershipApplication(
        city=city,
        country=country,
        submitted_on=submitted_on,
        mayor_endorsed=mayor,
        national_commission_endorsed=commission,
        commits_to_guiding_documents=documents,
        track_record=track,
        population=population,
    )
    report = lc.check_membership(app)
    assert [r.criterion for r in report.results] == [r.id for r in rules.rules_for(report.call.id)]
    assert report.call_published == (submitted_on.year <= rules.MEMBERSHIP_CALLS[-1].opens.year)
    assert report.eligible is _verdict(report)
    if False in statements:
        assert report.eligible is False


@SETTINGS
@given(
    city=st.one_of(st.sampled_from(NAMES), hostile),
    country=st.one_of(st.sampled_from(["TH", "Thailand", "ไทย", "MX", "Bolivia"]), hostile),
    submitted_on=dates,
    mayor=flags,
    commission=flags,
    documents=flags,
    track=flags,
    population=st.one_of(st.none(), st.integers(min_value=0, max_value=10**7), hostile),
)
def test_membership_application_hostile(
    city: object,
    country: object,
    submitted_on: object,
    mayor: object,
    commission: object,
    documents: object,
    track: object,
    population: object,
) -> None:
    app = _answers(
        lambda: lc.MembershipApplication(
            city=city,  # type: ignore[arg-type]
            country=country,  # type: ignore[arg-type]
            submitted_on=submitted_on,  # type: ignore[arg-type]
            mayor_endorsed=mayor,  # type: ignore[arg-type]
            national_commission_endorsed=commission,  # type: ignore[arg-type]
            commits_to_guiding_documents=documents,  # type: ignore[arg-type]
            track_record=track,  # type: ignore[arg-type]
            population=population,  # type: ignore[arg-type]
        )
    )
    if app is None:
        return
    assert isinstance(app, lc.MembershipApplication)
    assert len(repr(app)) < 1_000
    report = lc.check_membership(app)  # a valid application always gets an answer
    assert [r.criterion for r in report.results] == [r.id for r in rules.rules_for(report.call.id)]
    assert report.application is app
    assert report.as_of == app.submitted_on
    assert len(report.question) < 300
    assert report.result("track-record").outcome is {None: lc.Outcome.UNKNOWN, True: lc.Outcome.MET}.get(
        app.track_record, lc.Outcome.NOT_MET
    )


@SETTINGS
@given(value=hostile)
def test_check_membership_refuses_anything_but_an_application(value: object) -> None:
    with pytest.raises(TypeError):
        lc.check_membership(value)  # type: ignore[arg-type]


@SETTINGS
@given(network=hostile)
def test_network_arguments(network: object) -> None:
    assume(network is not None)
    with pytest.raises(TypeError):
        lc.award_schedule(network=network)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        lc.check_award_eligibility("Bangkok", 2027, network=network)  # type: ignore[arg-type]


SCHEDULES = [lc.award_schedule(), lc.AwardSchedule.biennial(), lc.AwardSchedule(held=(), interval=7, rule="x", start=3)]


@SETTINGS
@given(schedule=st.sampled_from(SCHEDULES), year=years, start=years, end=years, after=dates)
def test_schedule_methods(schedule: lc.AwardSchedule, year: object, start: object, end: object, after: object) -> None:
    cycle = _answers(lambda: schedule.cycle(year))  # type: ignore[arg-type]
    is_year = _answers(lambda: schedule.is_award_year(year))  # type: ignore[arg-type]
    if isinstance(cycle, lc.AwardCycle):
        assert cycle.year == year
        assert is_year is True
    found = _answers(lambda: schedule.cycles(start, end))  # type: ignore[arg-type]
    if isinstance(found, tuple) and found:
        assert [c.year for c in found] == sorted({c.year for c in found})
        assert start <= found[0].year
        assert found[-1].year <= end
    following = _answers(lambda: schedule.next_award(after))  # type: ignore[arg-type]
    if isinstance(following, lc.AwardCycle):
        assert isinstance(after, dt.date)
        assert following.year >= after.year


@SETTINGS
@given(start=years)
def test_biennial(start: object) -> None:
    schedule = _answers(lambda: lc.AwardSchedule.biennial(start=start))  # type: ignore[arg-type]
    if isinstance(schedule, lc.AwardSchedule):
        assert schedule.cycle(start).edition == 1  # type: ignore[arg-type]
        assert schedule.next_award(dt.date(1, 1, 1)).year == start


@SETTINGS
@given(
    held=st.one_of(st.just(()), st.just(lc.award_schedule().held), hostile),
    interval=st.one_of(st.integers(min_value=-3, max_value=50), hostile),
    rule=st.one_of(st.just("triennial"), hostile),
    start=st.one_of(st.none(), st.integers(min_value=1, max_value=2399), hostile),
    after=dates,
)
def test_award_schedule_constructor(held: object, interval: object, rule: object, start: object, after: object) -> None:
    schedule = _answers(
        lambda: lc.AwardSchedule(held=held, interval=interval, rule=rule, start=start)  # type: ignore[arg-type]
    )
    if isinstance(schedule, lc.AwardSchedule):
        assert isinstance(schedule.interval, int)
        assert schedule.interval >= 1
        _answers(lambda: schedule.next_award(after))  # type: ignore[arg-type]
        _answers(lambda: schedule.cycles(1, 2399))


@SETTINGS
@given(year=st.one_of(st.integers(min_value=-100, max_value=11_000), hostile))
def test_buddhist_era_conversions(year: object) -> None:
    buddhist = _answers(lambda: lc.to_buddhist_era(year))  # type: ignore[arg-type]
    if isinstance(buddhist, int):
        assert lc.from_buddhist_era(buddhist) == (year.year if isinstance(year, dt.date) else year)
    common = _answers(lambda: lc.from_buddhist_era(year))  # type: ignore[arg-type]
    if isinstance(common, int):
        assert common + 543 == year


@SETTINGS
@given(year=st.integers(min_value=1, max_value=2399))
def test_conversions_round_trip(year: int) -> None:
    assert lc.from_buddhist_era(lc.to_buddhist_era(year)) == year


# -- agreement with the network's membership in time -------------------------------------

UNIQUE = [c for c in NET.cities if len([o for o in NET.cities if o.name == c.name]) == 1]


@SETTINGS
@given(city=st.sampled_from(UNIQUE), day=st.dates(min_value=dt.date(2012, 1, 1), max_value=dt.date(2030, 12, 31)))
def test_not_yet_member_agrees_with_members_on(city: lc.City, day: dt.date) -> None:
    app = lc.MembershipApplication(city=city.id, country=city.country.code, submitted_on=day)
    result = lc.check_membership(app).result("not-yet-member")
    member = city in NET.members_on(day)
    if member:
        assert result.outcome is lc.Outcome.NOT_MET, result.reason
    elif result.outcome is lc.Outcome.NOT_MET:
        # only an active record that no source dates counts, and only from the data's date
        assert city.member_since is None, result.reason
        assert city.is_active, result.reason
        assert day >= NET.data_as_of, result.reason
    if not city.is_active and city.status_changed is not None and day.year >= city.status_changed:
        assert result.outcome is lc.Outcome.MET
        assert "a member since" not in result.reason


@SETTINGS
@given(city=st.sampled_from(NET.cities), year=st.sampled_from([c.year for c in lc.award_schedule().cycles(2015, 2036)]))
def test_award_reports_about_every_city(city: lc.City, year: int) -> None:
    report = lc.check_award_eligibility(city, year)
    assert report.city is NET.resolve(city)
    members_only = report.result("award-members-only")
    if report.as_of is not None and city in NET.members_on(report.as_of):
        assert members_only.outcome is lc.Outcome.MET
    if not city.is_active:
        assert members_only.outcome is not lc.Outcome.MET or report.as_of is not None
        for result in report.results:
            assert " is a member" not in result.reason
    if any(award.year == year for award in NET.awards_of(city)):
        assert members_only.outcome is lc.Outcome.MET
