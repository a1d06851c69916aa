"""The members, membership, conferences and export --excel commands, and the split between
commands (results) and renderers (text, JSON)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import attrs
import pytest

import learning_cities as lc
from learning_cities.cli import commands, main, render_json, render_text
from learning_cities.cli.messages import Messages
from test_cli import call, fails, ok, ok_json

# -- members on a date --------------------------------------------------------------------


def test_members_on_a_date(net: lc.Network) -> None:
    day = dt.date(2024, 2, 14)
    data = ok_json("members", "--on", "2024-02-14")
    expected = net.members_on(day)
    assert data["on"] == "2024-02-14"
    assert [m["id"] for m in data["members"]] == [c.id for c in expected]
    assert net.city("Bangkok").id in {m["id"] for m in data["members"]}
    assert all(m["member_since"] <= "2024-02-14" for m in data["members"])
    assert [u["id"] for u in data["undated"]] == [c.id for c in net.undated]
    assert all(u["member_since"] is None for u in data["undated"])
    assert not {m["id"] for m in data["members"]} & {u["id"] for u in data["undated"]}


def test_members_counts_reconcile_for_today(net: lc.Network) -> None:
    counts = ok_json("members")["counts"]
    today = dt.date.today()
    active = sum(1 for c in net.cities if c.is_active)
    assert counts == {
        "members": len(net.members_on(today)),
        "undated": len(net.undated),
        "today": today.isoformat(),
        "dated_today": len(net.members_on(today)),
        "active_records": active,
    }
    assert counts["dated_today"] + counts["undated"] == counts["active_records"]
    text = ok("members")
    assert (
        f"Today ({today.isoformat()}): {counts['dated_today']} dated members + {counts['undated']} undated "
        f"= {active} active records\n"
    ) in text
    assert f"Undated active records, shown apart (members today; no source dates them): {counts['undated']}\n" in text


def test_members_text_lists_each_member_with_its_date(net: lc.Network) -> None:
    text = ok("members", "--on", "2016-01-01")
    members = net.members_on(dt.date(2016, 1, 1))
    assert text.startswith(f"Members on 2016-01-01: {len(members)} dated members\n")
    for city in members:
        assert f"{city.name} ({city.country.name})  since {city.member_since}" in text
    assert net.city("Khon Kaen").id not in text.split("Undated")[0]


def test_members_bad_dates() -> None:
    assert "YYYY-MM-DD" in fails(2, "members", "--on", "yesterday")
    assert "Buddhist Era" in fails(2, "members", "--on", "2567-02-14")


# -- membership eligibility ---------------------------------------------------------------


def test_membership_report_matches_the_library() -> None:
    args: tuple[str, ...] = ("membership", "Nan", "--country", "TH", "--on", "2025-06-01", "--mayor-endorsed")
    args += ("--national-commission-endorsed", "--commits-to-guiding-documents", "--track-record")
    args += ("--population", "20000")
    data = ok_json(*args)
    application = lc.MembershipApplication(
        city="Nan",
        country="TH",
        submitted_on=dt.date(2025, 6, 1),
        mayor_endorsed=True,
        national_commission_endorsed=True,
        commits_to_guiding_documents=True,
        track_record=True,
        population=20_000,
    )
    report = lc.check_membership(application)
    assert report.application == application
    assert data["eligible"] is report.eligible
    assert data["call"] == report.call.id
    assert data["results"] == [
        {"criterion": r.criterion, "outcome": r.outcome.value, "reason": r.reason, "source": r.source}
        for r in report.results
    ]
    assert data["application"] == {
        "city": "Nan",
        "country": "TH",
        "submitted_on": "2025-06-01",
        "mayor_endorsed": True,
        "national_commission_endorsed": True,
        "commits_to_guiding_documents": True,
        "track_record": True,
        "population": 20_000,
    }
    assert (data["member"], data["as_of"], data["call_published"]) == (None, "2025-06-01", report.call_published)
    assert data["caveats"] == list(report.caveats)
    text = ok(*args)
    verdict = {True: "eligible", False: "not eligible", None: "cannot be decided from the data"}[report.eligible]
    assert text.startswith(f"Nan (TH) applying to join on 2025-06-01: {verdict}\n")
    for result in report.results:
        assert f"  [{result.outcome.value}] {result.criterion}: {result.reason}\n" in text


def test_membership_flags_left_out_are_unknown_and_no_flags_say_no() -> None:
    base = ("membership", "Nan", "--country", "TH", "--on", "2025-06-01")
    unset = {r["criterion"]: r["outcome"] for r in ok_json(*base)["results"]}
    assert unset["mayor-endorsement"] == "unknown"
    refused = {r["criterion"]: r["outcome"] for r in ok_json(*base, "--no-mayor-endorsed")["results"]}
    assert refused["mayor-endorsement"] == "not met"
    assert unset["track-record"] == "unknown"
    for flag, outcome in (("--track-record", "met"), ("--no-track-record", "not met")):
        given = {r["criterion"]: r["outcome"] for r in ok_json(*base, flag)["results"]}
        assert given["track-record"] == outcome
    assert ok_json(*base, "--no-mayor-endorsed")["eligible"] is False


def test_membership_of_a_member_is_judged_as_of_the_date(net: lc.Network) -> None:
    data = ok_json("membership", "Bangkok", "--country", "TH", "--on", "2025-06-01")
    assert {r["criterion"]: r["outcome"] for r in data["results"]}["not-yet-member"] == "not met"
    assert data["member"] == net.city("Bangkok").id
    before = ok_json("membership", "Bangkok", "--country", "TH", "--on", "2023-05-01")  # before it joined in 2024
    assert {r["criterion"]: r["outcome"] for r in before["results"]}["not-yet-member"] == "met"


def test_membership_usage() -> None:
    fails(2, "membership", "Nan", "--on", "2025-06-01")  # no --country
    fails(2, "membership", "Nan", "--country", "TH")  # no --on
    assert "blank" in fails(2, "membership", " ", "--country", "TH", "--on", "2025-06-01")
    base = ("membership", "Nan", "--country", "TH", "--on", "2025-06-01")
    assert "whole number" in fails(2, *base, "--population", "many")
    assert "Buddhist Era" in fails(2, "membership", "Nan", "--country", "TH", "--on", "2568-06-01")
    assert (
        ok_json("membership", "Nan", "--country", "TH", "--on", "2568-06-01", "--be")["application"]["submitted_on"]
        == "2025-06-01"
    )


# -- conferences --------------------------------------------------------------------------


def test_conferences(net: lc.Network) -> None:
    data = ok_json("conferences")
    assert tuple(lc.structure(c, lc.Conference) for c in data) == net.conferences
    text = ok("conferences")
    assert text.startswith("1st International Conference on Learning Cities (2013)\n")
    assert "  dates:          2013-10-21 to 2013-10-23\n" in text
    assert "  host:           Beijing, China\n" in text
    seventh = net.conference(7)
    block = text.split("7th International Conference on Learning Cities (2027)\n")[1]
    assert block.startswith("  dates:          planned for June 2027\n  host:           not yet known\n")
    assert f"  theme:          {seventh.theme}\n" in block
    for conference in net.conferences:
        assert f"  theme:          {conference.theme}\n" in text


# -- export for spreadsheets --------------------------------------------------------------


def test_export_excel_is_csv_with_a_utf8_bom(net: lc.Network) -> None:
    text = ok("export", "--excel")
    assert text.startswith("\ufeffid,name,")
    rows = list(csv.DictReader(io.StringIO(text[1:])))
    assert [r["id"] for r in rows] == [c.id for c in net.cities]
    assert next(r for r in rows if r["id"] == "th-khon-kaen")["name_th"] == "ขอนแก่น"
    assert ok("export", "--excel", "--format", "csv") == text
    assert "--excel" in fails(2, "export", "--excel", "--format", "json")
    assert "--excel" in fails(2, "export", "--excel", "--json")


def test_export_excel_writes_utf8_bytes_whatever_the_stream_encoding() -> None:
    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding="ascii", newline="")
    assert main(["export", "--excel"], stdout=stream) == 0
    data = raw.getvalue()
    assert data.startswith(b"\xef\xbb\xbfid,name,")
    assert ",ขอนแก่น," in data.decode("utf-8")


# -- commands compute, renderers print ----------------------------------------------------


def test_commands_return_results_and_print_nothing(net: lc.Network, capsys: pytest.CaptureFixture[str]) -> None:
    found = commands.city(net, "Khon Kaen")
    assert found == commands.CityReport(net.city("Khon Kaen"), ())
    assert commands.cohort(net, 2024).cohort is net.cohort(2024)
    assert commands.conferences(net).conferences == net.conferences
    assert capsys.readouterr() == ("", "")


def test_renderers_show_the_same_result(net: lc.Network) -> None:
    result = commands.members(net, dt.date(2020, 1, 1), dt.date(2025, 1, 1))
    data = render_json.to_json(result)
    text = render_text.render(result, Messages("en"))
    assert json.loads(json.dumps(data)) == data
    assert data["counts"]["members"] == len(net.members_on(dt.date(2020, 1, 1)))
    assert f"Members on 2020-01-01: {data['counts']['members']} dated members\n" in text
    assert "Today (2025-01-01)" in text
    with pytest.raises(TypeError, match="no JSON rendering for int"):
        render_json.to_json(3)
    with pytest.raises(TypeError, match="no text rendering for int"):
        list(render_text.lines(3, Messages("en")))


def test_every_command_runs_in_both_renderers() -> None:
    for args in (
        (),
        ("city", "Cork"),
        ("search", "cork"),
        ("country", "IE"),
        ("cohort", "2019"),
        ("awards",),
        ("awards", "2024"),
        ("awards", "2027"),
        ("next-award",),
        ("eligibility", "Cork", "--award", "2024"),
        ("members", "--on", "2019-12-31"),
        ("membership", "Nan", "--country", "TH", "--on", "2025-06-01"),
        ("conferences",),
    ):
        for lang in ("en", "th"):
            status, out, err = call(*args, "--lang", lang)
            assert (status, err) == (0, ""), args
            assert out.strip()
        assert json.loads(ok(*args, "--json")) is not None


# -- every shape of record the renderers meet ---------------------------------------------


def test_city_aliases_and_conflicts(net: lc.Network) -> None:
    hangzhou = net.city("Hangzhou")
    text = ok("city", "Hangzhou")
    for conflict in hangzhou.conflicts:
        assert f"  conflict:       {conflict}\n" in text
    santiago = net.city("mx-santiago-nuevo-leon")
    assert f"  also called:    {'; '.join(santiago.aliases)}\n" in ok("city", santiago.id)


def test_renderers_on_records_the_data_does_not_hold_yet(net: lc.Network) -> None:
    """A conference planned for a year only, a complete cohort, a withdrawal with no year."""
    en = Messages("en")
    planned = attrs.evolve(net.conference(7), planned_month=None)
    assert render_text.conference_line(planned, en).endswith(", host not yet known, planned for 2027")
    one_day = attrs.evolve(net.conference(1), end=net.conference(1).start)
    assert render_text.conference_line(one_day, en).endswith("Beijing, China, 2013-10-21")
    summary = commands.summary(net, dt.date(2025, 1, 1))
    complete = next(row for row in summary.coverage if row.year == 2022)
    assert complete.reported is not None
    complete = attrs.evolve(complete, held=complete.reported)
    text = render_text.render(attrs.evolve(summary, coverage=(complete,)), en)
    assert "  complete cohorts: 2022; a dash means UNESCO gave no count\n" in text
    left = attrs.evolve(net.city("Laâyoune"), status_changed=None)
    text = render_text.render(commands.CityReport(left, ()), en)
    assert "  in network:     from 2020-09-23 until it withdrew\n" in text
    assert "  status:         withdrawn\n" in text
    assert "Laâyoune (Morocco)  [withdrawn]\n" in render_text.render(commands.SearchResult("x", (left,)), en)
