"""Rules as data: the packaged table, its build, the codec, and the check registry."""

from __future__ import annotations

import csv
import datetime as dt
import json
import shutil
from pathlib import Path
from types import ModuleType

import attrs
import pytest

import learning_cities as lc
from conftest import REFERENCE, load_tool, reference_rows
from learning_cities import eligibility, rules
from learning_cities.errors import DataError
from learning_cities.rules import (
    AWARD_CALLS,
    MEMBERSHIP_CALLS,
    RULES,
    AwardCall,
    MembershipCall,
    NoCheckError,
    Rule,
    RuleTable,
    UnknownCallError,
    UnknownRuleError,
)

D = dt.date


def _tool() -> ModuleType:
    return load_tool("build_rules")


class TestPackagedTable:
    def test_it_is_what_the_build_makes_of_the_reference_tables(self) -> None:
        build = _tool()
        packaged = rules.read_text()
        assert packaged == build.render(build.build()), "run: python tools/build.py (its rules stage)"

    def test_every_rule_row_is_a_rule(self) -> None:
        rows = reference_rows("curated/rules.csv")
        assert [row["id"] for row in rows] == [rule.id for rule in RULES]
        for row, rule in zip(rows, RULES, strict=True):
            assert rule.source == row["source_url"]
            assert rule.threshold == (int(row["threshold"]) if row["threshold"] else None)

    def test_the_thresholds_are_fields_of_their_rules(self) -> None:
        thresholds = {rule.id: (rule.threshold, rule.unit) for rule in RULES if rule.threshold is not None}
        assert thresholds == {
            "minimum-population": (10_000, "inhabitants"),
            "award-past-laureates-six-years": (6, "years"),
            "award-membership-12-months": (12, "months"),
        }

    def test_every_rule_is_sourced_and_applies_to_a_known_call(self) -> None:
        calls = {c.id for c in MEMBERSHIP_CALLS} | {c.id for c in AWARD_CALLS}
        for rule in RULES:
            assert rule.source.startswith("http"), rule.id
            assert set(rule.applies_to) <= calls, rule.id
        assert all(call.sources for call in MEMBERSHIP_CALLS)
        assert all(call.sources for call in AWARD_CALLS)

    def test_the_track_record_rule_cites_a_source_of_criteria_md(self) -> None:
        criteria = (REFERENCE / "upstream" / "criteria.md").read_text(encoding="utf-8")
        track = rules.rule("track-record")
        assert track.source in criteria
        assert "track record" in criteria
        assert set(track.applies_to) == {call.id for call in MEMBERSHIP_CALLS}

    def test_the_calls_match_the_reference_tables(self) -> None:
        rows = reference_rows("curated/award_calls.csv")
        assert [int(row["award_year"]) for row in rows] == [call.award_year for call in AWARD_CALLS]
        assert rules.award_call(2024).city_deadline == D(2024, 5, 31)
        assert rules.membership_call("call-2021").extended_to == D(2022, 2, 28)

    def test_the_module_constants_are_the_table(self) -> None:
        table = rules.table()
        assert (table.membership_calls, table.award_calls, table.rules) == (MEMBERSHIP_CALLS, AWARD_CALLS, RULES)
        with pytest.raises(AttributeError, match="NO_SUCH"):
            rules.NO_SUCH  # noqa: B018


class TestLookups:
    def test_rules_for_a_call(self) -> None:
        assert [r.id for r in rules.rules_for("award-2015")] == ["award-members-only"]
        assert "track-record" in [r.id for r in rules.rules_for("call-2025")]

    def test_unknown_ids(self) -> None:
        with pytest.raises(UnknownCallError, match="call-2025"):
            rules.rules_for("call-2031")
        with pytest.raises(LookupError):
            rules.membership_call("call-2031")
        with pytest.raises(UnknownCallError, match="2015, 2017, 2019, 2021, 2024"):
            rules.award_call(2027)
        with pytest.raises(UnknownRuleError, match="age-limit"):
            rules.rule("age-limit")
        with pytest.raises(TypeError):
            rules.rule(7)  # type: ignore[arg-type]

    def test_a_buddhist_era_award_year(self) -> None:
        with pytest.raises(ValueError, match="2027"):
            rules.award_call(2570)


class TestCodec:
    @pytest.mark.parametrize("record", [*RULES, *MEMBERSHIP_CALLS, *AWARD_CALLS], ids=lambda r: r.id)
    def test_round_trip(self, record: Rule | MembershipCall | AwardCall) -> None:
        data = rules.encode(record)
        assert json.loads(json.dumps(data)) == data
        assert rules.decode(type(record), data) == record

    @pytest.mark.parametrize(
        ("change", "message"),
        [
            ({"threshold": "12"}, "threshold must be an int"),
            ({"threshold": True}, "threshold must be an int"),
            ({"applies_to": "award-2024"}, "expected a list"),
            ({"applies_to": ["award-2024", 7]}, r"applies_to\[1\] must be a str"),
            ({"id": "Award 12"}, "lower-case words"),
            ({"unit": None}, "needs its unit"),
            ({"unit": "weeks"}, "unit must be one of"),
            ({"threshold": -1}, "0 or more"),
            ({"extra": 1}, "unknown keys"),
        ],
    )
    def test_bad_rules_are_refused(self, change: dict[str, object], message: str) -> None:
        data = {**rules.encode(rules.rule("award-membership-12-months")), **change}
        with pytest.raises((TypeError, ValueError), match=message):
            rules.decode(Rule, data)

    def test_bad_dates_are_refused(self) -> None:
        data = rules.encode(rules.award_call(2024))
        with pytest.raises(ValueError, match="YYYY-MM-DD"):
            rules.decode(AwardCall, {**data, "city_deadline": "31/05/2024"})
        with pytest.raises(TypeError, match="ISO date"):
            rules.decode(AwardCall, {**data, "city_deadline": 20240531})
        with pytest.raises(ValueError, match="Buddhist Era"):
            rules.decode(AwardCall, {**data, "city_deadline": "2567-05-31"})
        with pytest.raises(ValueError, match="missing key 'award_year'"):
            rules.decode(AwardCall, {k: v for k, v in data.items() if k != "award_year"})
        with pytest.raises(TypeError, match="must be an object"):
            rules.decode(AwardCall, [data])

    def test_call_dates_must_be_in_order(self) -> None:
        call = rules.membership_call("call-2023")
        with pytest.raises(ValueError, match="opens <= closes"):
            attrs.evolve(call, closes=D(2023, 3, 1))
        with pytest.raises(ValueError, match="deadline"):
            attrs.evolve(rules.award_call(2019), deadline_earliest=D(2018, 7, 1))
        with pytest.raises(ValueError, match="bounds"):
            attrs.evolve(rules.award_call(2024), deadline_latest=D(2024, 6, 1))

    def test_a_window_of_a_yearly_call(self) -> None:
        regulations = rules.membership_call("regulations-2018")
        assert regulations.window(2020) == (D(2020, 3, 1), D(2020, 4, 30))
        assert not regulations.is_open_on(D(2021, 3, 15))  # the regulations' windows ended in 2020
        with pytest.raises(ValueError, match="Buddhist Era"):
            regulations.window(2563)
        with pytest.raises(ValueError, match="Buddhist Era"):
            regulations.is_open_on(D(2563, 3, 15))


class TestParse:
    def test_the_packaged_text(self) -> None:
        text = rules.read_text()
        assert rules.parse(text) == rules.table()

    @pytest.mark.parametrize(
        ("text", "message"),
        [
            ("not json", "not JSON"),
            ('{"schema": 2}', "schema 1"),
            ('{"schema": 1, "membership_calls": {}}', "membership_calls: expected a list"),
            ('{"schema": 1, "membership_calls": [7], "award_calls": [], "rules": []}', r"membership_calls\[0\]"),
        ],
    )
    def test_a_malformed_file_names_the_record(self, text: str, message: str) -> None:
        with pytest.raises(DataError, match=message):
            rules.parse(text)

    def test_the_tables_are_checked_against_each_other(self) -> None:
        table = rules.table()
        stray = attrs.evolve(table.rules[0], id="stray", applies_to=("call-2031",))
        with pytest.raises(ValueError, match="unknown calls: call-2031"):
            RuleTable(table.membership_calls, table.award_calls, (*table.rules, stray))
        with pytest.raises(ValueError, match="used twice: member-state"):
            RuleTable(table.membership_calls, table.award_calls, (*table.rules, table.rules[0]))
        with pytest.raises(ValueError, match="does not state its threshold"):
            RuleTable(
                table.membership_calls,
                table.award_calls,
                (attrs.evolve(rules.rule("minimum-population"), threshold=20_000),),
            )
        with pytest.raises(ValueError, match="order they opened"):
            RuleTable(tuple(reversed(table.membership_calls)), table.award_calls, ())
        with pytest.raises(ValueError, match="one per award year"):
            RuleTable(table.membership_calls, tuple(reversed(table.award_calls)), ())
        with pytest.raises(TypeError, match="rules"):
            RuleTable(table.membership_calls, table.award_calls, [])  # type: ignore[arg-type]


class TestBuild:
    def _copy(self, tmp_path: Path) -> tuple[ModuleType, Path]:
        curated = tmp_path / "curated"
        shutil.copytree(REFERENCE / "curated", curated)
        return _tool(), curated

    def _edit(self, path: Path, row_id: str, **changes: str) -> None:
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
        for row in rows:
            if row["id"] == row_id:
                row.update(changes)
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)

    @pytest.mark.parametrize(
        ("table", "row_id", "change", "message"),
        [
            (
                "rules.csv",
                "minimum-population",
                {"threshold": "ten thousand"},
                r"curated/rules.csv:\d+, column threshold: 'ten thousand' is not a whole number",
            ),
            (
                "rules.csv",
                "track-record",
                {"source_url": "https://a.example ; https://b.example"},
                r"rules.csv:\d+, column source_url: a rule cites exactly one source_url",
            ),
            ("rules.csv", "track-record", {"applies_to": "call-2031"}, "unknown calls: call-2031"),
            ("membership_calls.csv", "call-2023", {"yearly": "maybe"}, r"column yearly: expected yes or no"),
        ],
    )
    def test_a_bad_row_is_refused_with_its_file_line_and_column(
        self, tmp_path: Path, table: str, row_id: str, change: dict[str, str], message: str
    ) -> None:
        build, curated = self._copy(tmp_path)
        self._edit(curated / table, row_id, **change)
        with pytest.raises(build.BuildError, match=message):
            build.build(curated)

    def test_the_tables_as_committed_build(self, tmp_path: Path) -> None:
        build, curated = self._copy(tmp_path)
        assert build.render(build.build(curated)) == rules.read_text()


# -- the registry: every rule has a check, found by its id --------------------------------


def _with_table(monkeypatch: pytest.MonkeyPatch, table: RuleTable) -> None:
    monkeypatch.setattr(rules, "table", lambda: table)
    monkeypatch.setattr(eligibility, "table", lambda: table)


class TestRegistry:
    def test_every_rule_has_a_check(self) -> None:
        assert set(eligibility.checked_rules()) == {rule.id for rule in RULES}
        for rule in RULES:
            assert callable(eligibility.check_for(rule.id))

    def test_a_rule_without_a_check(self, monkeypatch: pytest.MonkeyPatch) -> None:
        table = rules.table()
        extra = Rule("age-limit", "The mayor is over 18.", ("call-2025",), "https://example.org")
        _with_table(monkeypatch, attrs.evolve(table, rules=(*table.rules, extra)))
        app = lc.MembershipApplication(city="Nan", country="TH", submitted_on=D(2025, 6, 1))
        with pytest.raises(NoCheckError, match="'age-limit'") as caught:
            lc.check_membership(app)
        assert caught.value.rule_id == "age-limit"
        assert isinstance(caught.value, LookupError)
        with pytest.raises(NoCheckError, match="age-limit"):
            eligibility.check_for("age-limit")

    def test_a_check_is_registered_once(self) -> None:
        with pytest.raises(ValueError, match="already registered"):
            eligibility._AWARD.register("minimum-population")(eligibility._minimum_population)  # type: ignore[arg-type]

    def test_a_threshold_changed_in_the_data_changes_the_answer(self, monkeypatch: pytest.MonkeyPatch) -> None:
        table = rules.table()
        app = lc.MembershipApplication(city="Nan", country="TH", submitted_on=D(2025, 6, 1), population=20_000)
        assert lc.check_membership(app).result("minimum-population").outcome is lc.Outcome.MET
        population = attrs.evolve(
            rules.rule("minimum-population"), threshold=50_000, text="At least 50,000 inhabitants."
        )
        months = attrs.evolve(rules.rule("award-membership-12-months"), threshold=36, text="More than 36 months.")
        changed = tuple(
            {"minimum-population": population, "award-membership-12-months": months}.get(r.id, r) for r in table.rules
        )
        _with_table(monkeypatch, attrs.evolve(table, rules=changed))
        result = lc.check_membership(app).result("minimum-population")
        assert (result.outcome, result.reason) == (lc.Outcome.NOT_MET, "Population 20,000 is below 50,000.")
        bangkok = lc.check_award_eligibility("Bangkok", 2027).result("award-membership-12-months")
        assert bangkok.outcome is lc.Outcome.UNKNOWN
        assert "more than 36 months" not in bangkok.reason
        assert "from 2027-02-15" in bangkok.reason

    def test_a_rule_whose_threshold_went_missing(self, monkeypatch: pytest.MonkeyPatch) -> None:
        table = rules.table()
        bare = attrs.evolve(rules.rule("minimum-population"), threshold=None, unit=None)
        _with_table(monkeypatch, attrs.evolve(table, rules=tuple(bare if r.id == bare.id else r for r in table.rules)))
        app = lc.MembershipApplication(city="Nan", country="TH", submitted_on=D(2025, 6, 1))
        with pytest.raises(DataError, match="needs a threshold in inhabitants"):
            lc.check_membership(app)


class TestRecordFields:
    def test_blank_and_wrong_texts(self) -> None:
        track = rules.rule("track-record")
        with pytest.raises(ValueError, match="text must not be blank"):
            attrs.evolve(track, text="  ")
        with pytest.raises(TypeError, match="applies_to must be a tuple of str"):
            attrs.evolve(track, applies_to=["call-2025"])  # type: ignore[arg-type]

    def test_a_yearly_window_stays_in_one_year(self) -> None:
        with pytest.raises(ValueError, match="same year"):
            attrs.evolve(rules.membership_call("regulations-2018"), closes=D(2020, 4, 30))

    def test_a_window_in_a_year_outside_the_calendar(self) -> None:
        with pytest.raises(ValueError, match="has no window in 0"):
            rules.membership_call("regulations-2018").window(0)
