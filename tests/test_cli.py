"""The command line: each command in process through ``main(argv, stdout, stderr)``, and the
real entry points (``python -m learning_cities``, the console script) in a subprocess where
the process matters. The other ``test_cli_*`` modules share the helpers defined here."""

from __future__ import annotations

import csv
import datetime as dt
import doctest
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import learning_cities as lc
from learning_cities.cli import main

ROOT = Path(__file__).resolve().parent.parent


def call(*args: str) -> tuple[int, str, str]:
    """Run ``main`` in this process: (exit status, standard output, standard error)."""
    out, err = io.StringIO(), io.StringIO()
    status = main(list(args), stdout=out, stderr=err)
    return status, out.getvalue(), err.getvalue()


def ok(*args: str) -> str:
    status, out, err = call(*args)
    assert status == 0, err
    assert err == ""
    return out


def ok_json(*args: str) -> Any:
    return json.loads(ok(*args, "--json"))


def fails(status: int, *args: str) -> str:
    got, out, err = call(*args)
    assert got == status, (out, err)
    assert out == ""
    assert "Traceback" not in err
    assert err.strip()
    return err


def run(*args: str, env: dict[str, str] | None = None, encoding: str = "utf-8") -> subprocess.CompletedProcess[str]:
    """Run ``python -m learning_cities`` in a subprocess."""
    return subprocess.run(
        [sys.executable, "-m", "learning_cities", *args],
        capture_output=True,
        text=True,
        encoding=encoding,
        errors="strict",
        env={**os.environ, "PYTHONIOENCODING": "utf-8", **(env or {})},
        check=False,
        timeout=120,
    )


# -- summary ------------------------------------------------------------------------------


def test_summary_is_the_default() -> None:
    assert ok() == ok("summary")
    assert ok_json() == ok_json("summary")


def test_summary_json_matches_coverage(net: lc.Network) -> None:
    data = ok_json("summary")
    rows = lc.coverage(net)
    assert [r["label"] for r in data["coverage"]] == [row.label for row in rows]
    for got, row in zip(data["coverage"], rows, strict=True):
        assert (got["held"], got["reported"], got["missing"]) == (row.held, row.reported, row.missing)
        assert (got["held_countries"], got["reported_countries"]) == (row.held_countries, row.reported_countries)
        assert got["complete"] == (None if row.reported is None else row.held >= row.reported)
    active = [c for c in net.cities if c.is_active]
    assert data["cities_held"] == len(active)
    assert data["countries_held"] == len({c.country.code for c in active})
    assert data["data_as_of"] == net.data_as_of.isoformat()
    assert sum(r["cities"] for r in data["regions"].values()) == len(active)
    assert set(data["regions"]) == {r.value for r in lc.Region}
    assert [(a["year"], a["laureates"]) for a in data["awards"]] == [(a.year, len(a.laureates)) for a in net.awards]
    assert net.reported_total is not None
    assert data["reported_total"]["cities"] == net.reported_total.cities


def test_summary_counts_reconcile(net: lc.Network) -> None:
    """Active records = members dated today + undated; withdrawn records are counted apart."""
    today = dt.date.today()
    summary = ok_json("summary")
    members = summary["members"]
    active = sum(1 for c in net.cities if c.is_active)
    assert members == {
        "on": today.isoformat(),
        "active_records": active,
        "dated": len(net.members_on(today)),
        "undated": len(net.undated),
        "withdrawn": len(net.cities) - active,
    }
    assert members["dated"] + members["undated"] == members["active_records"]
    assert members["undated"] > 0
    assert members["withdrawn"] >= 1  # Laâyoune
    text = ok("summary")
    assert (
        f"{active} active records in {summary['countries_held']} countries: {members['dated']} dated "
        f"members on {today.isoformat()}, {members['undated']} undated\n"
    ) in text
    assert f"withdrawn records, counted apart: {members['withdrawn']}\n" in text


def test_summary_text_shows_each_coverage_row(net: lc.Network) -> None:
    text = ok("summary")
    assert f"data as of {net.data_as_of.isoformat()}" in text
    for row in lc.coverage(net):
        line = next(line for line in text.splitlines() if line.strip().startswith(row.label))
        numbers = re.findall(r"\d+|-", line[len(row.label) + 2 :])
        assert numbers[0] == str(row.held)
        assert numbers[1] == ("-" if row.reported is None else str(row.reported))
    cohort = net.cohort(2022)
    assert re.search(rf"2022 +{cohort.held} +77 ", text)
    for region in lc.Region:
        assert region.value in text
    for award in net.awards:
        assert f"{award.year}  " in text


# -- city and search ----------------------------------------------------------------------


def test_city_text(net: lc.Network) -> None:
    text = ok("city", "Khon Kaen")
    assert text.startswith("Khon Kaen  (th-khon-kaen)\n")
    assert "Thailand (TH)" in text
    assert "Asia and the Pacific" in text
    assert "ขอนแก่น (th)" in text
    assert f"  member since:   {net.city('Khon Kaen').member_since}\n" in text
    cork = ok("city", "cork")
    assert re.search(r"awards: +2015, 2024", cork)
    assert re.search(r"joined: +unknown \(a member by 2015\)", cork)
    assert re.search(r"member since: +2015-09-28", cork)


def test_withdrawn_city_is_not_called_a_member(net: lc.Network) -> None:
    city = net.city("Laâyoune")
    assert not city.is_active
    assert city.member_since is not None
    text = ok("city", "Laâyoune")
    assert "member" not in text.lower()
    assert f"in network:     from {city.member_since.isoformat()} until it withdrew in {city.status_changed}\n" in text
    assert f"status:         withdrawn ({city.status_changed})" in text
    thai = ok("--lang", "th", "city", "Laâyoune")
    assert "เป็นสมาชิกตั้งแต่" not in thai  # "member since"
    assert "จนถอนตัว" in thai  # "until it withdrew"


def test_city_by_local_name_and_words_without_quotes() -> None:
    assert ok("city", "ขอนแก่น") == ok("city", "khon", "kaen")


def test_city_json(net: lc.Network) -> None:
    data = ok_json("city", "Cork")
    assert lc.structure(data["city"], lc.City) == net.city("Cork")
    assert data["awards"] == [2015, 2024]
    assert data["member_since"] == "2015-09-28"  # the 2nd conference opened: only members receive the Award


def test_unknown_city() -> None:
    message = fails(1, "city", "Khon Kean")
    assert message == "learning-cities: error: no member city 'Khon Kean'; did you mean 'Khon Kaen'?\n"
    assert "Khon Kean" in fails(1, "city", "Khon Kean", "--json")


def test_ambiguous_city_lists_the_ids() -> None:
    message = fails(1, "city", "La Paz")
    assert "ar-la-paz" in message
    assert "mx-la-paz" in message
    assert ok("city", "mx-la-paz").startswith("La Paz  (mx-la-paz)")


def test_country(net: lc.Network) -> None:
    text = ok("country", "Thailand")
    assert text.startswith("Thailand  (TH, THA)\n")
    assert all(city.name in text for city in net.where(country="TH"))
    assert "Laâyoune  [withdrawn 2020]" in ok("country", "MAR")
    data = ok_json("country", "Turkey")
    assert lc.structure(data["country"], lc.Country) == net.country("TR")
    assert [c["id"] for c in data["cities"]] == [c.id for c in net.where(country="TR")]
    assert "did you mean 'Namibia'?" in fails(1, "country", "Narnia")


def test_search() -> None:
    assert ok("search", "kon", "kaen").splitlines()[0].startswith("th-khon-kaen  Khon Kaen (Thailand)")
    found = ok_json("search", "kon kaen", "--limit", "2")
    assert len(found) == 2
    assert found[0] == {"id": "th-khon-kaen", "name": "Khon Kaen", "country": "TH", "joined": 2024, "status": "active"}
    assert ok_json("search", "zzzzzzzzzzzz") == []
    assert ok("search", "zzzzzzzzzzzz") == "no member city is close to 'zzzzzzzzzzzz'\n"
    fails(2, "search", "x", "--limit", "0")
    assert "at least 1" in fails(2, "search", "x", "--limit", "0")


# -- cohorts and awards -------------------------------------------------------------------


def test_cohort(net: lc.Network) -> None:
    text = ok("cohort", "2022")
    assert "Cohort 2022: announced 2022-09-02" in text
    assert "77 new cities from 44 countries" in text
    data = ok_json("cohort", "2022")
    cohort = lc.structure(data["cohort"], lc.Cohort)
    assert cohort == net.cohort(2022)
    assert data["held"] == cohort.held
    assert data["missing"] == cohort.missing == 77 - cohort.held
    assert "correction: reported_cities first 55, corrected to 54" in ok("cohort", "2020")


def test_cohort_errors() -> None:
    assert "did you mean 2024?" in fails(1, "cohort", "2023")
    assert "expected a year" in fails(2, "cohort", "abc")
    fails(2, "cohort")


def test_awards(net: lc.Network) -> None:
    text = ok("awards")
    for award in net.awards:
        assert f"{award.year}: " in text
    one = ok("awards", "2017")
    assert "2017: 2nd UNESCO Learning City Award" in one
    assert "Cork, Ireland" in one
    assert all(city.name in one for city in net.award(2017).laureates)
    editions = [lc.structure(a, lc.Award) for a in ok_json("awards")]
    assert tuple(editions) == net.awards
    assert lc.structure(ok_json("awards", "2015"), lc.Award) == net.award(2015)
    assert "2016" in fails(1, "awards", "2016")


def test_awards_2027_is_the_projected_next_edition() -> None:
    cycle = lc.award_schedule().cycle(2027)
    assert cycle.projected
    text = ok("awards", "2027")
    assert text.startswith(f"2027: {cycle.edition}th UNESCO Learning City Award, projected")
    assert "the next edition, not yet held" in text
    assert "no award" not in text.lower()
    assert "planned for June 2027" in text
    data = ok_json("awards", "2027")
    assert (data["year"], data["edition"], data["projected"], data["next"]) == (2027, cycle.edition, True, True)
    assert data["conference"]["number"] == 7
    later = ok_json("awards", "2030")
    assert (later["projected"], later["next"], later["conference"]) == (True, False, None)
    assert "the next edition" not in ok("awards", "2030")
    last = ok("awards").rstrip().splitlines()[-1]
    rule = "every three years, the rule in force"
    assert last == f"next: 2027, {cycle.edition}th edition, projected ({rule}); not yet held"


def test_next_award_marks_projected_editions() -> None:
    from learning_cities.awards import award_schedule

    data = ok_json("next-award", "--after", "2025-01-01")
    cycle = award_schedule().next_award(after=dt.date(2025, 1, 1))
    assert (data["year"], data["edition"], data["projected"]) == (cycle.year, cycle.edition, cycle.projected)
    assert data["after"] == "2025-01-01"
    text = ok("next-award", "--after", "2025-01-01")
    assert text.startswith(f"Next UNESCO Learning City Award after 2025-01-01: {cycle.year} (projected)\n")
    held = ok_json("next-award", "--after", "2016-06-01")
    assert (held["year"], held["projected"]) == (2017, False)
    assert held["conference"]["number"] == 3
    assert "2017 (held)" in ok("next-award", "--after", "2016-06-01")
    assert ok_json("next-award")["after"] == dt.date.today().isoformat()


def test_next_award_bad_date() -> None:
    assert "YYYY-MM-DD" in fails(2, "next-award", "--after", "2025-13-01")
    fails(2, "next-award", "--after", "1/1/2025")
    assert "not a day of the calendar" in fails(2, "next-award", "--after", "2025-02-29")


def test_eligibility() -> None:
    data = ok_json("eligibility", "Cork", "--award", "2027")
    report = lc.check_award_eligibility("Cork", 2027)
    assert data["city"] == "ie-cork"
    assert data["award"] == 2027
    assert data["eligible"] is report.eligible is False
    assert data["call"] == report.call.id
    assert [r["outcome"] for r in data["results"]] == [r.outcome.value for r in report.results]
    for result in data["results"]:
        assert set(result) == {"criterion", "outcome", "reason", "source"}
    assert (data["call_published"], data["caveats"]) == (False, list(report.caveats))
    assert report.caveats
    text = ok("eligibility", "Cork", "--award", "2027")
    assert text.startswith("Cork (Ireland) for the 2027 UNESCO Learning City Award: not eligible\n")
    assert f"  call: {report.call.id} (the latest known call; the one that applies is not yet published)\n" in text
    for caveat in report.caveats:
        assert f"  note: {caveat}\n" in text
    assert "  call: award-2024\n" in ok("eligibility", "Cork", "--award", "2024")
    assert "Atlantis" in fails(1, "eligibility", "Atlantis", "--award", "2027")
    assert "2026" in fails(1, "eligibility", "Cork", "--award", "2026")


def test_eligibility_usage() -> None:
    fails(2, "eligibility", "Cork")
    fails(2, "eligibility", "Cork", "--award", "next")


# -- export -------------------------------------------------------------------------------


def test_export_csv(net: lc.Network) -> None:
    rows = list(csv.DictReader(io.StringIO(ok("export", "--format", "csv"))))
    assert [r["id"] for r in rows] == [c.id for c in net.cities]
    assert ok("export") == ok("export", "--format", "csv")


def test_export_json(net: lc.Network) -> None:
    assert json.loads(ok("export", "--format", "json")) == net.to_records()
    assert ok_json("export") == net.to_records()
    fails(2, "export", "--format", "xml")
    assert "contradict" in fails(2, "export", "--format", "csv", "--json")


def test_export_geojson(net: lc.Network) -> None:
    collection = json.loads(ok("export", "--format", "geojson"))
    assert collection == json.loads(json.dumps(net.to_geojson()))
    assert collection["type"] == "FeatureCollection"
    located = [city for city in net.cities if city.location is not None]
    assert [feature["id"] for feature in collection["features"]] == [city.id for city in located]
    bangkok = next(f for f in collection["features"] if f["id"] == "th-bangkok")
    assert bangkok["geometry"] == {"type": "Point", "coordinates": [100.5014, 13.754]}  # [longitude, latitude]
    assert "does not go with JSON" in fails(2, "export", "--format", "geojson", "--excel")


# -- usage --------------------------------------------------------------------------------


def test_json_flag_before_or_after_the_command() -> None:
    assert ok("--json", "cohort", "2024") == ok("cohort", "2024", "--json")


def test_help_shows_examples() -> None:
    text = ok("--help")
    assert "examples:" in text
    commands = ("summary", "city", "search", "cohort", "awards", "next-award", "eligibility", "export")
    for command in (*commands, "members", "membership", "conferences", "--lang", "--be"):
        assert command in text
    assert "example:" in ok("city", "--help")


def test_bad_usage_exits_2_with_usage_on_stderr() -> None:
    assert "usage:" in fails(2, "no-such-command")
    fails(2, "--no-such-flag")
    assert "usage: learning-cities cohort" in fails(2, "cohort", "2567")


def test_version_gives_the_data_date_and_its_age_today() -> None:
    data_as_of = lc.load().data_as_of
    days = (dt.date.today() - data_as_of).days
    assert ok("--version").strip() == (
        f"learning-cities {lc.__version__} (data as of {data_as_of.isoformat()}, {days} days ago)"
    )


def test_main_returns_the_status(capsys: pytest.CaptureFixture[str]) -> None:
    """Without streams, ``main`` writes to ``sys.stdout`` and ``sys.stderr`` as they are at the call."""
    assert main(["cohort", "2023"]) == 1
    assert main(["cohort", "x"]) == 2
    assert main(["--help"]) == 0
    captured = capsys.readouterr()
    assert "did you mean 2024" in captured.err
    assert "examples:" in captured.out
    assert main(["awards", "2015", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["year"] == 2015


def test_main_refuses_what_is_not_a_list_of_str() -> None:
    with pytest.raises(TypeError, match="list of str"):
        main("city Cork")
    with pytest.raises(TypeError, match="each argument must be a str"):
        main(["city", 3])  # type: ignore[list-item]


# -- the real entry points ----------------------------------------------------------------


def test_python_dash_m_is_the_program() -> None:
    result = run("city", "Khon Kaen")
    assert result.returncode == 0, result.stderr
    assert result.stdout == ok("city", "Khon Kaen")
    bad = run("cohort", "2567")
    assert bad.returncode == 2
    assert "Traceback" not in bad.stderr
    assert "Buddhist Era" in bad.stderr


def test_console_script_is_the_same_program() -> None:
    from importlib.metadata import entry_points

    (script,) = [e for e in entry_points(group="console_scripts") if e.name == "learning-cities"]
    assert script.value == "learning_cities.cli:main"
    assert script.load() is main


# -- the examples in docs/cli.md ----------------------------------------------------------


def test_docs_examples_run() -> None:
    page = ROOT / "docs" / "cli.md"
    blocks = re.findall(r"```\{doctest\}\n(.*?)```", page.read_text(encoding="utf-8"), flags=re.S)
    assert blocks
    parser = doctest.DocTestParser()
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    # one namespace for the whole page, as sphinx.ext.doctest gives it
    test = parser.get_doctest("\n".join(blocks), {}, "cli.md", str(page), 0)
    runner.run(test)
    results = runner.summarize(verbose=False)
    assert results.attempted >= 20
    assert results.failed == 0
