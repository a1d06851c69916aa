"""Eligibility, one class per city or call (as python-holidays tests one class per country).

Every expected value comes from the packaged data: member_since dates, cohorts, laureates,
the calls' dates in reference/curated/*_calls.csv.
"""

from __future__ import annotations

import datetime as dt

import pytest

import learning_cities as lc
from learning_cities import _codec
from learning_cities.errors import BuddhistEraError
from learning_cities.rules import AwardCall, MembershipCall

MET, NOT_MET, UNKNOWN = lc.Outcome.MET, lc.Outcome.NOT_MET, lc.Outcome.UNKNOWN
D = dt.date


def _application(**changes: object) -> lc.MembershipApplication:
    fields: dict[str, object] = {
        "city": "Nan",
        "country": "TH",
        "submitted_on": D(2025, 6, 1),
        "mayor_endorsed": True,
        "national_commission_endorsed": True,
        "commits_to_guiding_documents": True,
        "track_record": True,
        "population": 20_000,
    }
    fields.update(changes)
    return lc.MembershipApplication(**fields)  # type: ignore[arg-type]


def _member(**changes: object) -> lc.EligibilityReport:
    return lc.check_membership(_application(**changes))


# -- membership judged as of the day submitted ------------------------------------------


class TestKhonKaen:
    """Member since the 2024 cohort's announcement (14 Feb 2024)."""

    def test_the_data(self, net: lc.Network) -> None:
        assert net.member_since("Khon Kaen") == net.cohort(2024).announced_on == D(2024, 2, 14)

    def test_a_2019_application_is_judged_against_the_2019_members(self, net: lc.Network) -> None:
        report = _member(city="Khon Kaen", submitted_on=D(2019, 3, 15))
        result = report.result("not-yet-member")
        assert result.outcome is MET
        assert result.reason == "Khon Kaen (Thailand) was not yet a member on 2019-03-15: it joined on 2024-02-14."
        assert "already" not in result.reason
        assert net.city("Khon Kaen") not in net.members_on(D(2019, 3, 15))
        assert report.eligible is True  # the 2019 window was open, every statement given
        assert report.call.id == "regulations-2018"

    def test_the_day_before_and_the_day_of_the_announcement(self) -> None:
        before = _member(city="Khon Kaen", submitted_on=D(2024, 2, 13)).result("not-yet-member")
        on = _member(city="Khon Kaen", submitted_on=D(2024, 2, 14)).result("not-yet-member")
        assert (before.outcome, on.outcome) == (MET, NOT_MET)
        assert on.reason == "Khon Kaen (Thailand) was already a member on 2024-02-14: a member since 2024-02-14."

    def test_a_2025_application_comes_from_a_member(self, net: lc.Network) -> None:
        report = _member(city="Khon Kaen")
        assert report.result("not-yet-member").outcome is NOT_MET
        assert report.eligible is False
        assert report.city == net.city("Khon Kaen")

    def test_it_could_not_apply_for_the_2021_award(self) -> None:
        result = lc.check_award_eligibility("Khon Kaen", 2021).result("award-members-only")
        assert result.outcome is NOT_MET
        assert result.reason == (
            "Khon Kaen (Thailand) was not a member by the call's deadline (2021-06-25): it joined on 2024-02-14."
        )

    def test_it_may_apply_for_2027(self) -> None:
        report = lc.check_award_eligibility("Khon Kaen", 2027)
        assert report.eligible is True
        assert "from 2025-02-15" in report.result("award-membership-12-months").reason


class TestBristol:
    """Joined in 2016 (year only), welcomed in the GNLC newsletter of January 2016; a 2017 laureate."""

    def test_a_day_in_its_join_year_before_its_first_dated_source_is_undecided(self, net: lc.Network) -> None:
        assert (net.city("Bristol").joined, net.member_since("Bristol")) == (2016, D(2016, 1, 31))
        result = _member(city="Bristol", country="GB", submitted_on=D(2016, 1, 15)).result("not-yet-member")
        assert result.outcome is UNKNOWN
        assert "a member since 2016 (on a day no source gives; a member by 2016-01-31)" in result.reason

    def test_a_day_after_its_first_dated_source_is_decided(self) -> None:
        result = _member(city="Bristol", country="GB", submitted_on=D(2016, 3, 15)).result("not-yet-member")
        assert result.outcome is NOT_MET
        assert "was already a member on 2016-03-15" in result.reason

    def test_before_and_after_its_join_year(self) -> None:
        assert (
            _member(city="Bristol", country="GB", submitted_on=D(2015, 3, 15)).result("not-yet-member").outcome is MET
        )
        assert (
            _member(city="Bristol", country="GB", submitted_on=D(2019, 3, 15)).result("not-yet-member").outcome
            is NOT_MET
        )

    def test_its_own_award_proves_its_membership_by_the_deadline(self) -> None:
        # 31 Aug 2016 is before 31 Dec 2016, but only members receive the award
        result = lc.check_award_eligibility("Bristol", 2017).result("award-members-only")
        assert result.outcome is MET
        assert "received the 2017 award" in result.reason


class TestLaayoune:
    """Admitted on 23 Sep 2020, then removed by a UIL corrigendum (withdrawn in 2020)."""

    def test_the_data(self, net: lc.Network) -> None:
        city = net.city("Laâyoune")
        assert (city.status, city.status_changed, city.member_since) == (
            lc.MembershipStatus.WITHDRAWN,
            2020,
            D(2020, 9, 23),
        )

    @pytest.mark.parametrize("year", [2021, 2024, 2027])
    def test_it_is_never_called_a_member_after_it_left(self, year: int) -> None:
        report = lc.check_award_eligibility("Laâyoune", year)
        assert report.eligible is False
        for result in report.results:
            assert "is a member" not in result.reason
            assert "a member since" not in result.reason
        members_only = report.result("award-members-only")
        assert members_only.outcome is NOT_MET
        assert members_only.reason == "Laâyoune (Morocco) is no longer a member: it withdrew from the network in 2020."
        assert "a member since" not in str(report)

    def test_the_12_month_rule_says_it_left(self) -> None:
        result = lc.check_award_eligibility("Laâyoune", 2024).result("award-membership-12-months")
        assert result.outcome is NOT_MET
        assert "withdrew from the network in 2020" in result.reason

    def test_an_application_after_it_left(self) -> None:
        result = _member(city="Laâyoune", country="MA", submitted_on=D(2021, 10, 1)).result("not-yet-member")
        assert result.outcome is MET
        assert result.reason == (
            "Laâyoune (Morocco) was no longer a member on 2021-10-01: it withdrew from the network in 2020."
        )

    def test_an_application_before_it_joined(self) -> None:
        result = _member(city="Laâyoune", country="MA", submitted_on=D(2020, 3, 15)).result("not-yet-member")
        assert result.reason == "Laâyoune (Morocco) was not yet a member on 2020-03-15: it joined on 2020-09-23."


class TestEdessa:
    """An active record that no source dates (joined, member_by and member_since are None)."""

    def test_the_data(self, net: lc.Network) -> None:
        edessa = net.city("Edessa")
        assert (edessa.joined, edessa.member_by, edessa.member_since) == (None, None, None)
        assert edessa in net.undated

    def test_a_past_deadline_is_undecided(self) -> None:
        result = lc.check_award_eligibility("Edessa", 2024).result("award-members-only")
        assert result.outcome is UNKNOWN
        assert "no source dates when it joined" in result.reason

    def test_it_is_a_member_by_the_data_date_so_for_2027(self) -> None:
        report = lc.check_award_eligibility("Edessa", 2027)
        assert report.result("award-members-only").outcome is MET
        months = report.result("award-membership-12-months")
        assert months.outcome is UNKNOWN
        assert "from 2026-12-05 at the latest" in months.reason
        assert report.eligible is None

    def test_a_past_application_is_undecided_and_a_future_one_comes_from_a_member(self) -> None:
        past = _member(city="Edessa", country="GR", submitted_on=D(2019, 3, 15)).result("not-yet-member")
        assert past.outcome is UNKNOWN
        future = _member(city="Edessa", country="GR", submitted_on=D(2026, 3, 15)).result("not-yet-member")
        assert future.outcome is NOT_MET


class TestSharedNames:
    def test_a_name_is_matched_in_the_applicants_country(self, net: lc.Network) -> None:
        report = _member(city="La Paz", country="MX")
        assert report.result("not-yet-member").outcome is NOT_MET
        assert report.city == net.city("mx-la-paz")

    def test_the_same_name_elsewhere_is_another_city(self) -> None:
        elsewhere = _member(city="Santiago", country="CL").result("not-yet-member")
        assert elsewhere.outcome is MET
        assert "Mexico" in elsewhere.reason
        bolivia = _member(city="La Paz", country="Bolivia")
        assert bolivia.result("not-yet-member").outcome is MET
        assert bolivia.result("member-state").outcome is UNKNOWN
        assert bolivia.city == "La Paz"

    def test_an_ambiguous_award_candidate_is_undecided(self) -> None:
        result = lc.check_award_eligibility("La Paz", 2027).result("award-members-only")
        assert result.outcome is UNKNOWN
        assert "ar-la-paz, mx-la-paz" in result.reason


# -- the award, as of the call's deadline ------------------------------------------------


class TestRayong:
    """Member since 4 Dec 2025 (the 2025 cohort); the 2027 call is not published."""

    def test_the_12_month_rule_is_unknown_with_the_day_it_is_met(self, net: lc.Network) -> None:
        assert net.member_since("Rayong") == D(2025, 12, 4)
        report = lc.check_award_eligibility("Rayong", 2027)
        result = report.result("award-membership-12-months")
        assert result.outcome is UNKNOWN
        assert "it meets the rule from 2026-12-05" in result.reason  # the day after the anniversary
        assert report.eligible is None

    def test_the_caveat_is_said_once_on_the_report(self) -> None:
        report = lc.check_award_eligibility("Rayong", 2027)
        assert report.call_published is False
        assert len(report.caveats) == 1
        assert "The 2027 call is not yet published" in report.caveats[0]
        assert "award-2024" in report.caveats[0]
        assert not any("not yet published" in r.reason and "call is" in r.reason for r in report.results)
        assert sum("not published" in r.reason or "not yet published" in r.reason for r in report.results) <= 1

    def test_by_2030_the_rule_is_met(self) -> None:
        report = lc.check_award_eligibility("Rayong", 2030)
        assert report.result("award-membership-12-months").outcome is MET
        assert report.eligible is True

    def test_lisbon_joined_the_same_day(self) -> None:
        assert lc.check_award_eligibility("Lisbon", 2027).result("award-membership-12-months").outcome is UNKNOWN


class TestCork:
    """Laureate in 2015 (28 Sep) and 2024 (3 Dec); no source gives its join year."""

    def test_a_2024_laureate_waits_six_years(self) -> None:
        result = lc.check_award_eligibility("Cork", 2027).result("award-past-laureates-six-years")
        assert result.outcome is NOT_MET
        assert "2024-12-03" in result.reason
        assert "only from 2030-12-03" in result.reason

    def test_nine_years_after_2015_it_could_apply_in_2024(self) -> None:
        report = lc.check_award_eligibility("Cork", 2024)
        assert report.eligible is True
        assert "from 2021-09-28" in report.result("award-past-laureates-six-years").reason

    def test_the_first_edition_had_only_the_membership_rule(self) -> None:
        report = lc.check_award_eligibility("Cork", 2015)
        assert [r.criterion for r in report.results] == ["award-members-only"]
        assert report.result("award-members-only").reason == (
            "Cork (Ireland) received the 2015 award, which only members may receive."
        )


class TestOsan:
    """A 2021 laureate (conferred 27 Oct 2021)."""

    def test_excluded_in_2024(self) -> None:
        assert lc.check_award_eligibility("Osan", 2024).eligible is False

    def test_six_years_run_past_the_2027_award(self) -> None:
        # eligible again from 27 Oct 2027, after the 2027 award (planned for June 2027)
        result = lc.check_award_eligibility("Osan", 2027).result("award-past-laureates-six-years")
        assert result.outcome is NOT_MET
        assert "only from 2027-10-27" in result.reason

    def test_for_2030_the_day_it_may_apply_again_is_named(self) -> None:
        # the 2030 call's deadline falls after the 2027 award (June 2027), not known how long after
        result = lc.check_award_eligibility("Osan", 2030).result("award-past-laureates-six-years")
        assert result.outcome is UNKNOWN
        assert "it meets the rule from 2027-10-27" in result.reason
        assert "between 2027-06-01 and 2030-12-31" in result.reason


class TestBangkok:
    def test_eligible_for_2027(self, net: lc.Network) -> None:
        report = lc.check_award_eligibility(net.city("Bangkok"), 2027)
        assert report.eligible is True
        assert {r.outcome for r in report.results} == {MET}

    def test_2024_joiners_could_not_apply_in_2024(self) -> None:
        report = lc.check_award_eligibility("Bangkok", 2024)
        assert report.call.id == "award-2024"
        result = report.result("award-membership-12-months")
        assert result.outcome is NOT_MET
        assert "only from 2025-02-15, after the call's deadline (2024-05-31)" in result.reason

    def test_a_misspelled_name_is_no_member_with_a_suggestion(self) -> None:
        report = lc.check_award_eligibility("Bangkokk", 2027)
        assert report.eligible is False
        assert report.city == "Bangkokk"
        assert "did you mean 'Bangkok'" in report.result("award-members-only").reason


class TestAward2024:
    def test_judged_as_of_the_city_deadline(self) -> None:
        report = lc.check_award_eligibility("Cork", 2024)
        assert report.as_of == D(2024, 5, 31)
        assert report.call_published is True
        assert report.caveats == ()
        assert isinstance(report.call, AwardCall)
        assert report.call.city_deadline == report.as_of


class TestAward2019:
    """No exact deadline: 'spring 2018' (1 March to 20 June 2018)."""

    def test_a_2019_cohort_member_had_not_joined(self) -> None:
        report = lc.check_award_eligibility("Chiang Rai", 2019)
        assert report.as_of is None
        assert report.result("award-members-only").outcome is NOT_MET
        assert "between 2018-03-01 and 2018-06-20" in report.caveats[0]

    def test_a_2017_joiner_was_a_member(self, net: lc.Network) -> None:
        early = next(c for c in net.cities if c.joined == 2017 and c.is_active and c.member_since == D(2017, 12, 31))
        assert lc.check_award_eligibility(early, 2019).result("award-members-only").outcome is MET

    def test_a_2018_joiner_is_undecided(self, net: lc.Network) -> None:
        joined = next(
            c for c in net.cities if c.joined == 2018 and not net.awards_of(c) and c.member_since == D(2018, 12, 31)
        )
        assert lc.check_award_eligibility(joined, 2019).result("award-members-only").outcome is UNKNOWN


class TestAward2017:
    def test_the_conflicting_deadline_is_a_caveat(self) -> None:
        report = lc.check_award_eligibility("Bristol", 2017)
        assert report.as_of == D(2016, 8, 31)
        assert any("30 September 2016" in caveat for caveat in report.caveats)


class TestAward2027:
    def test_not_an_award_year(self) -> None:
        with pytest.raises(lc.UnknownAwardError, match="did you mean 2024 or 2027"):
            lc.check_award_eligibility("Bangkok", 2026)

    def test_every_result_names_its_source(self) -> None:
        for city in ("Cork", "Bangkok", "Lisbon", "Laâyoune", "Edessa"):
            for result in lc.check_award_eligibility(city, 2027).results:
                assert result.source.startswith("http")
                assert result.reason


# -- calls for members -------------------------------------------------------------------


class TestCall2025:
    def test_in_the_window(self) -> None:
        report = _member()
        assert report.call.id == "call-2025"
        assert report.result("application-window").outcome is MET
        assert report.eligible is True
        assert report.call_published is True

    def test_after_the_window(self) -> None:
        report = _member(submitted_on=D(2025, 7, 1))
        assert report.result("application-window").outcome is NOT_MET
        assert report.eligible is False


class TestCall2021:
    def test_the_extension(self) -> None:
        report = _member(submitted_on=D(2022, 2, 28))
        assert (report.call.id, report.result("application-window").outcome) == ("call-2021", MET)
        assert _member(submitted_on=D(2022, 3, 1)).result("application-window").outcome is NOT_MET


class TestRegulations2018:
    def test_march_and_april_each_year(self) -> None:
        report = _member(submitted_on=D(2020, 3, 15))
        assert (report.call.id, report.result("application-window").outcome) == ("regulations-2018", MET)
        assert _member(submitted_on=D(2020, 6, 15)).result("application-window").outcome is NOT_MET

    def test_before_the_first_known_call(self) -> None:
        report = _member(submitted_on=D(2017, 3, 15))
        assert report.call.id == "regulations-2018"
        assert report.result("application-window").outcome is NOT_MET


class TestNoKnownCall:
    def test_the_latest_rules_are_assumed_and_said_once(self) -> None:
        report = _member(submitted_on=D(2026, 6, 1))
        assert report.call.id == "call-2025"
        assert report.call_published is False
        assert report.result("application-window").outcome is UNKNOWN
        (caveat,) = report.caveats
        assert "No call for members is known after call-2025" in caveat
        assert report.eligible is None


# -- the application's own statements ----------------------------------------------------


class TestTrackRecord:
    def test_unknown_when_the_application_does_not_say(self) -> None:
        report = _member(track_record=None)
        result = report.result("track-record")
        assert result.outcome is UNKNOWN
        assert "track record of good policy and practice in lifelong learning" in result.reason
        assert (
            result.source == "https://uil.unesco.org/unesco-global-network-learning-cities-77-new-members-44-countries"
        )
        assert report.eligible is None

    def test_stated_either_way(self) -> None:
        assert _member(track_record=True).result("track-record").outcome is MET
        assert _member(track_record=False).result("track-record").outcome is NOT_MET
        assert _member(track_record=False).eligible is False

    def test_the_report_mentions_it(self) -> None:
        assert "track-record" in str(_member())
        assert lc.MembershipApplication(city="Nan", country="TH", submitted_on=D(2025, 6, 1)).track_record is None


class TestStatements:
    def test_a_missing_endorsement_is_unknown_not_unmet(self) -> None:
        report = _member(national_commission_endorsed=None)
        assert report.result("national-commission-endorsement").outcome is UNKNOWN
        assert report.eligible is None
        assert _member(mayor_endorsed=False).result("mayor-endorsement").outcome is NOT_MET

    def test_population_threshold_from_the_rule(self) -> None:
        from learning_cities.rules import rule

        minimum = rule("minimum-population").threshold
        assert minimum == 10_000
        assert _member(population=minimum - 1).result("minimum-population").outcome is NOT_MET
        assert _member(population=minimum).result("minimum-population").outcome is MET
        assert _member(population=None).eligible is None

    def test_a_country_without_members_is_undecided(self) -> None:
        assert _member(country="Atlantis").result("member-state").outcome is UNKNOWN


class TestApplicationArguments:
    @pytest.mark.parametrize(
        "changes",
        [
            {"population": True},
            {"population": 20_000.0},
            {"submitted_on": "2025-06-01"},
            {"submitted_on": dt.datetime(2025, 6, 1)},
            {"mayor_endorsed": "yes"},
            {"track_record": 1},
            {"city": None},
        ],
    )
    def test_wrong_types_are_refused(self, changes: dict[str, object]) -> None:
        with pytest.raises(TypeError):
            _application(**changes)

    @pytest.mark.parametrize("changes", [{"population": -1}, {"population": 10**11}, {"city": "  "}, {"country": ""}])
    def test_bad_values_are_refused(self, changes: dict[str, object]) -> None:
        with pytest.raises(ValueError):  # noqa: PT011 - each message is checked in the hypothesis tests
            _application(**changes)

    def test_a_buddhist_era_date_is_refused(self) -> None:
        with pytest.raises(BuddhistEraError, match="2025-06-01") as caught:
            _application(submitted_on=D(2568, 6, 1))
        assert caught.value.common_era == 2025

    def test_check_membership_takes_an_application(self) -> None:
        with pytest.raises(TypeError, match="MembershipApplication"):
            lc.check_membership("Nan")  # type: ignore[arg-type]

    def test_a_long_name_is_shown_short(self) -> None:
        app = _application(city="x" * 100_000)
        assert len(repr(app)) < 400
        report = lc.check_membership(app)
        assert len(report.question) < 200
        assert report.result("not-yet-member").outcome is MET


class TestAwardArguments:
    def test_a_buddhist_era_year_is_refused(self) -> None:
        with pytest.raises(BuddhistEraError, match="2027"):
            lc.check_award_eligibility("Khon Kaen", 2570)

    @pytest.mark.parametrize("year", [0, -5, 10**12, 20_000])
    def test_years_outside_the_calendar(self, year: int) -> None:
        with pytest.raises(ValueError, match="from 1 to 2399"):
            lc.check_award_eligibility("Khon Kaen", year)

    @pytest.mark.parametrize("year", [True, 2027.0, "2027", None])
    def test_a_year_must_be_an_int(self, year: object) -> None:
        with pytest.raises(TypeError):
            lc.check_award_eligibility("Khon Kaen", year)  # type: ignore[arg-type]

    def test_a_city_must_be_a_city_or_a_name(self) -> None:
        with pytest.raises(TypeError):
            lc.check_award_eligibility(42, 2027)  # type: ignore[arg-type]

    def test_the_network_must_be_a_network(self) -> None:
        with pytest.raises(TypeError, match="network"):
            lc.check_award_eligibility("Bangkok", 2027, network="net")  # type: ignore[arg-type]
        with pytest.raises(TypeError, match="network"):
            lc.check_membership(_application(), network=object())  # type: ignore[arg-type]


# -- reports carry what they were asked --------------------------------------------------


class TestReports:
    def test_an_award_report(self, net: lc.Network) -> None:
        report = lc.check_award_eligibility("Khon Kaen", 2027)
        assert report.city == net.city("Khon Kaen")
        assert report.year == 2027
        assert report.application is None
        assert isinstance(report.call, AwardCall)
        assert report.question == "May Khon Kaen (Thailand) apply for the 2027 Learning City Award?"

    def test_a_membership_report(self) -> None:
        app = _application()
        report = lc.check_membership(app)
        assert report.application is app
        assert report.city == "Nan"  # no member has that name
        assert report.year is None
        assert report.as_of == app.submitted_on
        assert isinstance(report.call, MembershipCall)
        assert report.question == "May Nan (TH) apply to join the network on 2025-06-01?"

    def test_repr_str_and_html(self) -> None:
        report = lc.check_award_eligibility("Rayong", 2027)
        assert repr(report) == "EligibilityReport(city='Rayong', year=2027, call='award-2024', eligible=None)"
        lines = str(report).splitlines()
        assert lines[0] == "May Rayong (Thailand) apply for the 2027 Learning City Award? undecided"
        assert lines[1:4] == [f"  [{r.outcome}] {r.criterion}: {r.reason}" for r in report.results]
        assert lines[4].startswith("  note: The 2027 call is not yet published")
        page = report._repr_html_()
        assert page.count("<tr>") == 1 + len(report.results)
        assert "award-membership-12-months" in page
        membership = repr(lc.check_membership(_application()))
        assert membership == "EligibilityReport(city='Nan', submitted_on=2025-06-01, call='call-2025', eligible=True)"

    def test_lookup_of_a_criterion_the_report_lacks(self) -> None:
        report = lc.check_award_eligibility("Bangkok", 2027)
        with pytest.raises(KeyError, match="mayor-endorsement"):
            report.result("mayor-endorsement")

    def test_the_records_check_their_fields(self) -> None:
        call = lc.check_award_eligibility("Bangkok", 2027).call
        result = lc.CriterionResult("x", MET, "why", "https://example.org")
        with pytest.raises(TypeError):
            lc.CriterionResult("x", "met", "why", "https://example.org")  # type: ignore[arg-type]
        with pytest.raises(TypeError):
            lc.EligibilityReport([result], call, "X")  # type: ignore[arg-type]
        with pytest.raises(TypeError):
            lc.EligibilityReport((result,), "award-2024", "X")  # type: ignore[arg-type]
        with pytest.raises(BuddhistEraError):
            lc.EligibilityReport((result,), call, "X", year=2570)
        assert lc.EligibilityReport((result,), call, "X", year=2027).eligible is True


# -- network= is the one used for every fact ---------------------------------------------


def _network_without(year: int) -> lc.Network:
    records = _codec.parse(_codec.read_bytes())
    records["awards"] = tuple(award for award in records["awards"] if award.year != year)
    return lc.Network(**records)


class TestNetworkArgument:
    def test_no_package_load_when_a_network_is_given(self, net: lc.Network, monkeypatch: pytest.MonkeyPatch) -> None:
        def refuse() -> lc.Network:
            raise AssertionError("lc.load() called although a network was passed")

        monkeypatch.setattr(lc, "load", refuse)
        assert lc.check_award_eligibility("Bangkok", 2027, network=net).eligible is True
        assert lc.award_schedule(network=net).cycle(2024).projected is False
        assert lc.check_membership(_application(), network=net).eligible is True

    def test_the_award_schedule_comes_from_the_network_passed(self) -> None:
        other = _network_without(2024)
        assert lc.award_schedule(network=other).cycle(2024).projected is True
        assert lc.award_schedule().cycle(2024).projected is False
        # Cork's last award in `other` is 2015: six years have passed by 2027
        ours = lc.check_award_eligibility("Cork", 2027).result("award-past-laureates-six-years")
        theirs = lc.check_award_eligibility(other.city("Cork"), 2027, network=other).result(
            "award-past-laureates-six-years"
        )
        assert (ours.outcome, theirs.outcome) == (NOT_MET, MET)

    def test_a_network_with_no_edition_projects_from_the_triennial_rule(self) -> None:
        records = _codec.parse(_codec.read_bytes())
        records["awards"] = ()
        bare = lc.Network(**records)
        schedule = lc.award_schedule(network=bare)
        assert [c.year for c in schedule.cycles(2015, 2030)] == [2024, 2027, 2030]

    def test_a_city_of_another_network_is_no_member_here(self, net: lc.Network) -> None:
        other = _network_without(2024)
        stranger = lc.City(
            id="xx-nowhere", name="Nowhere", country=net.country("TH"), region=lc.Region.ASIA_PACIFIC, joined=2024
        )
        report = lc.check_award_eligibility(stranger, 2027, network=other)
        assert report.eligible is False
        assert report.city == "Nowhere"


# -- withdrawals in time, on networks where a city left (the packaged data has one, in 2020) --


def _network_where(city_id: str, **changes: object) -> lc.Network:
    import attrs

    records = _codec.parse(_codec.read_bytes())
    records["cities"] = tuple(attrs.evolve(c, **changes) if c.id == city_id else c for c in records["cities"])
    return lc.Network(**records)


WITHDRAWN = lc.MembershipStatus.WITHDRAWN


class TestWithdrawalInTime:
    def test_a_member_until_it_left(self) -> None:
        net = _network_where("th-bangkok", status=WITHDRAWN, status_changed=2026)
        report = lc.check_award_eligibility("Bangkok", 2024, network=net)
        result = report.result("award-members-only")
        assert result.outcome is MET
        assert result.reason.endswith("a member since 2024-02-14, until it withdrew in 2026.")
        # the 2027 deadline may fall before or after 1 Jan 2026
        later = lc.check_award_eligibility("Bangkok", 2027, network=net).result("award-members-only")
        assert later.outcome is UNKNOWN
        assert "until it withdrew in 2026" in later.reason
        assert " is a member" not in later.reason

    def test_a_withdrawal_in_a_year_no_source_gives(self) -> None:
        net = _network_where("th-bangkok", status=WITHDRAWN, status_changed=None)
        before = lc.check_membership(_application(city="Bangkok", submitted_on=D(2023, 4, 15)), network=net)
        assert before.result("not-yet-member").outcome is MET
        after = lc.check_membership(_application(city="Bangkok", submitted_on=D(2025, 6, 1)), network=net)
        result = after.result("not-yet-member")
        assert result.outcome is UNKNOWN
        assert "withdrew from the network in a year no source gives" in result.reason

    def test_an_undated_city_that_left(self) -> None:
        net = _network_where("gr-edessa", status=WITHDRAWN, status_changed=2026)
        report = lc.check_award_eligibility("Edessa", 2024, network=net)
        assert report.result("award-members-only").outcome is UNKNOWN
        months = report.result("award-membership-12-months")
        assert months.outcome is UNKNOWN
        assert "so when more than 12 months of membership is unknown" in months.reason

    def test_the_question_names_a_member_city(self) -> None:
        report = _member(city="Khon Kaen", submitted_on=D(2019, 3, 15))
        assert report.question == "May Khon Kaen (Thailand) apply to join the network on 2019-03-15?"


def test_dates_near_the_end_of_the_calendar_do_not_overflow() -> None:
    from learning_cities.eligibility import _plus

    assert _plus(D(9999, 6, 1), 0, 12, 1) == dt.date.max
    assert _plus(D(9999, 12, 31), 0, 0, 1) == dt.date.max
    assert _plus(D(2024, 2, 29), 1, 0, 0) == D(2025, 2, 28)
    assert _plus(D(2024, 1, 31), 0, 1, 0) == D(2024, 2, 29)
    assert _plus(None, 1, 0, 0) is None
