from __future__ import annotations

import datetime as dt

import pytest

import learning_cities as lc
from learning_cities.rules import AWARD_CALLS, MEMBERSHIP_CALLS, RULES

MET, NOT_MET, UNKNOWN = lc.Outcome.MET, lc.Outcome.NOT_MET, lc.Outcome.UNKNOWN


def _application(**changes: object) -> lc.MembershipApplication:
    fields: dict[str, object] = {
        "city": "Nan",
        "country": "TH",
        "submitted_on": dt.date(2025, 6, 1),
        "mayor_endorsed": True,
        "national_commission_endorsed": True,
        "commits_to_guiding_documents": True,
        "population": 20_000,
    }
    fields.update(changes)
    return lc.MembershipApplication(**fields)  # type: ignore[arg-type]


class TestAward:
    def test_cork_is_not_eligible_for_2027(self) -> None:
        report = lc.check_award_eligibility("Cork", 2027)
        assert report.eligible is False
        assert report.result("award-past-laureates-six-years").outcome is NOT_MET
        assert "2024" in report.result("award-past-laureates-six-years").reason

    def test_bangkok_is_eligible_for_2027(self, net: lc.Network) -> None:
        report = lc.check_award_eligibility(net.city("Bangkok"), 2027)
        assert report.eligible is True
        assert {r.outcome for r in report.results} == {MET}
        assert "latest known call (award-2024)" in report.result("award-members-only").reason

    def test_2024_joiners_could_not_apply_in_2024(self) -> None:
        report = lc.check_award_eligibility("Bangkok", 2024)
        assert report.call == "award-2024"
        assert report.result("award-membership-12-months").outcome is NOT_MET

    def test_cork_could_apply_in_2024_nine_years_after_2015(self) -> None:
        assert lc.check_award_eligibility("Cork", 2024).eligible is True

    def test_a_2021_laureate_was_excluded_in_2024(self) -> None:
        assert lc.check_award_eligibility("Osan", 2024).eligible is False

    def test_a_non_member_is_not_eligible_and_gets_a_suggestion(self) -> None:
        report = lc.check_award_eligibility("Bangkokk", 2027)
        assert report.eligible is False
        assert report.result("award-members-only").outcome is NOT_MET
        assert "did you mean 'Bangkok'" in report.result("award-members-only").reason

    def test_a_december_2025_joiner_has_12_months_before_any_2027_call(self, net: lc.Network) -> None:
        lisbon = net.city("Lisbon")
        assert net.member_since(lisbon) == dt.date(2025, 12, 4)
        report = lc.check_award_eligibility(lisbon, 2027)
        assert report.result("award-membership-12-months").outcome is MET
        assert report.eligible is True

    def test_the_first_edition_had_only_the_membership_rule(self) -> None:
        report = lc.check_award_eligibility("Cork", 2015)
        assert [r.criterion for r in report.results] == ["award-members-only"]

    def test_no_award_that_year(self) -> None:
        with pytest.raises(lc.UnknownAwardError):
            lc.check_award_eligibility("Bangkok", 2026)

    def test_every_result_names_its_source(self) -> None:
        for city in ("Cork", "Bangkok", "Lisbon"):
            for result in lc.check_award_eligibility(city, 2027).results:
                assert result.source.startswith("http")
                assert result.reason


class TestMembership:
    def test_in_the_2025_window(self) -> None:
        report = lc.check_membership(_application())
        assert report.call == "call-2025"
        assert report.result("application-window").outcome is MET
        assert report.eligible is True

    def test_after_the_2025_window(self) -> None:
        report = lc.check_membership(_application(submitted_on=dt.date(2025, 7, 1)))
        assert report.result("application-window").outcome is NOT_MET
        assert report.eligible is False

    def test_extension_of_the_2021_call(self) -> None:
        report = lc.check_membership(_application(submitted_on=dt.date(2022, 2, 28)))
        assert (report.call, report.result("application-window").outcome) == ("call-2021", MET)
        late = lc.check_membership(_application(submitted_on=dt.date(2022, 3, 1)))
        assert late.result("application-window").outcome is NOT_MET

    def test_after_the_last_known_call_the_latest_rules_apply(self) -> None:
        report = lc.check_membership(_application(submitted_on=dt.date(2026, 6, 1)))
        window = report.result("application-window")
        assert window.outcome is UNKNOWN
        assert "latest known call (call-2025)" in window.reason

    def test_an_existing_member_cannot_apply_again(self) -> None:
        report = lc.check_membership(_application(city="Khon Kaen"))
        assert report.result("not-yet-member").outcome is NOT_MET
        assert "2024-02-14" in report.result("not-yet-member").reason
        assert report.eligible is False

    def test_a_missing_endorsement_is_unknown_not_unmet(self) -> None:
        report = lc.check_membership(_application(national_commission_endorsed=None))
        assert report.result("national-commission-endorsement").outcome is UNKNOWN
        assert report.eligible is None
        refused = lc.check_membership(_application(mayor_endorsed=False))
        assert refused.result("mayor-endorsement").outcome is NOT_MET

    def test_population_threshold(self) -> None:
        small = lc.check_membership(_application(population=9_999))
        assert small.result("minimum-population").outcome is NOT_MET
        assert lc.check_membership(_application(population=None)).eligible is None

    def test_a_country_without_members_is_undecided(self) -> None:
        report = lc.check_membership(_application(country="Atlantis"))
        assert report.result("member-state").outcome is UNKNOWN

    def test_same_name_in_another_country_is_not_a_member(self) -> None:
        report = lc.check_membership(_application(city="La Paz", country="Bolivia"))
        assert report.result("not-yet-member").outcome is MET

    @pytest.mark.parametrize(
        "changes",
        [
            {"population": True},
            {"population": 20_000.0},
            {"submitted_on": "2025-06-01"},
            {"submitted_on": dt.datetime(2025, 6, 1)},
            {"mayor_endorsed": "yes"},
            {"city": None},
        ],
    )
    def test_wrong_types_are_refused(self, changes: dict[str, object]) -> None:
        with pytest.raises(TypeError):
            _application(**changes)

    def test_check_membership_takes_an_application(self) -> None:
        with pytest.raises(TypeError):
            lc.check_membership("Nan")  # type: ignore[arg-type]


def test_every_rule_is_sourced_and_applies_to_a_known_call() -> None:
    calls = {c.id for c in MEMBERSHIP_CALLS} | {c.id for c in AWARD_CALLS}
    for rule in RULES:
        assert rule.source.startswith("http"), rule.id
        assert set(rule.applies_to) <= calls, rule.id
    assert all(call.sources for call in MEMBERSHIP_CALLS)
    assert all(call.sources for call in AWARD_CALLS)


class TestEdgeCases:
    def test_a_withdrawn_city_is_no_longer_a_member(self) -> None:
        report = lc.check_award_eligibility("Laâyoune", 2024)
        assert report.result("award-members-only").outcome is NOT_MET
        assert "withdrawn" in report.result("award-members-only").reason

    def test_an_undated_member_is_unknown(self, net: lc.Network) -> None:
        edessa = net.city("Edessa")
        assert (edessa.joined, edessa.member_by) == (None, None)
        report = lc.check_award_eligibility(edessa, 2027)
        assert report.result("award-members-only").outcome is UNKNOWN
        assert report.result("award-membership-12-months").outcome is UNKNOWN
        assert report.eligible is None

    def test_a_city_that_joined_after_the_call(self) -> None:
        report = lc.check_award_eligibility("Khon Kaen", 2021)
        assert report.result("award-members-only").outcome is NOT_MET
        assert "2024-02-14" in report.result("award-members-only").reason

    def test_a_shared_name_is_matched_in_the_applicants_country(self) -> None:
        report = lc.check_membership(_application(city="La Paz", country="MX"))
        assert report.result("not-yet-member").outcome is NOT_MET
        elsewhere = lc.check_membership(_application(city="Santiago", country="CL"))
        assert elsewhere.result("not-yet-member").outcome is MET
        assert "Mexico" in elsewhere.result("not-yet-member").reason

    def test_2018_regulations_window(self) -> None:
        report = lc.check_membership(_application(submitted_on=dt.date(2020, 3, 15)))
        assert (report.call, report.result("application-window").outcome) == ("regulations-2018", MET)
        closed = lc.check_membership(_application(submitted_on=dt.date(2020, 6, 15)))
        assert closed.result("application-window").outcome is NOT_MET

    def test_report_lookup_and_arguments(self, net: lc.Network) -> None:
        report = lc.check_award_eligibility("Bangkok", 2027, network=net)
        with pytest.raises(KeyError, match="mayor-endorsement"):
            report.result("mayor-endorsement")
        with pytest.raises(TypeError):
            lc.check_award_eligibility("Bangkok", 2027, network="net")  # type: ignore[arg-type]

    def test_rules_for_an_unknown_call(self) -> None:
        from learning_cities.rules import rules_for

        with pytest.raises(ValueError, match="call-2025"):
            rules_for("call-2031")
