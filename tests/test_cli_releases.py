"""The command line of releases: export --format network, diff, and the data's age in summary and --version."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import learning_cities as lc
from test_cli import call, fails, ok, ok_json


@pytest.fixture(scope="module")
def exported() -> str:
    return ok("export", "--format", "network")


@pytest.fixture
def old_file(tmp_path: Path, exported: str) -> Path:
    path = tmp_path / "old.json"
    path.write_text(exported, encoding="utf-8")
    return path


@pytest.fixture
def edited_file(tmp_path: Path, exported: str) -> Path:
    """The installed network as it would have been without Yala and with Bangkok joining in 2023."""
    data = json.loads(exported)
    data["cities"] = [city for city in data["cities"] if city["id"] != "th-yala"]
    next(city for city in data["cities"] if city["id"] == "th-bangkok")["joined"] = 2023
    path = tmp_path / "edited.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def _days_ago(day: dt.date) -> int:
    return (dt.date.today() - day).days


# -- export --------------------------------------------------------------------------------------


def test_export_network_writes_the_document(exported: str, net: lc.Network) -> None:
    data = json.loads(exported)
    assert (data["format"], data["schema"], data["library_version"]) == ("learning-cities/network", 1, lc.__version__)
    assert data == lc.unstructure(net)
    assert not lc.diff(lc.from_json(exported, lc.Network), net)
    assert json.loads(ok("export", "--format", "network", "--json")) == data


def test_export_network_is_not_a_spreadsheet() -> None:
    assert "--excel writes CSV" in fails(2, "export", "--format", "network", "--excel")


# -- diff ----------------------------------------------------------------------------------------


def test_a_document_and_the_installed_data_differ_in_nothing(old_file: Path, net: lc.Network) -> None:
    date = net.data_as_of.isoformat()
    assert ok("diff", str(old_file)) == (
        f"No changes from {old_file} (data as of {date}) to the installed data (data as of {date})\n"
    )
    assert ok_json("diff", str(old_file)) == []
    assert ok("diff", str(old_file), str(old_file)).startswith(f"No changes from {old_file} (data as of {date}) to")


def test_an_added_city_and_a_changed_join_year_are_reported_by_section(edited_file: Path, old_file: Path) -> None:
    text = ok("diff", str(edited_file))
    assert text.splitlines() == [
        f"Changes from {edited_file} (data as of 2025-12-04) to the installed data (data as of 2025-12-04): 2",
        "",
        "cities: 1 added, 1 changed",
        "  added    th-yala  Yala (Thailand)",
        "  changed  th-bangkok  joined: 2023 → 2024",
    ]
    assert ok_json("diff", str(edited_file)) == [
        {"section": "cities", "id": "th-yala", "kind": "added", "field": None, "old": None, "new": None},
        {"section": "cities", "id": "th-bangkok", "kind": "changed", "field": "joined", "old": 2023, "new": 2024},
    ]
    backwards = ok_json("diff", str(old_file), str(edited_file))
    assert [(c["id"], c["kind"], c["old"], c["new"]) for c in backwards] == [
        ("th-yala", "removed", None, None),
        ("th-bangkok", "changed", 2024, 2023),
    ]


def test_diff_in_thai_with_buddhist_era_years(edited_file: Path) -> None:
    text = ok("--lang", "th", "diff", str(edited_file))
    assert "ข้อมูล ณ 4 ธันวาคม พ.ศ. 2568" in text
    assert "เมือง: เพิ่ม 1, เปลี่ยน 1" in text
    assert "th-yala  ยะลา (ไทย)" in text
    assert "th-bangkok  ปีที่เข้าร่วม: พ.ศ. 2566 → พ.ศ. 2567" in text
    assert ok("--lang", "th", "--be", "diff", str(edited_file)) == text
    assert ok("--be", "diff", str(edited_file)) == ok("diff", str(edited_file))  # --be reads years; diff takes none
    assert ok_json("--lang", "th", "diff", str(edited_file)) == ok_json("diff", str(edited_file))


def test_a_changed_cohort_year_field_is_shown_in_the_buddhist_era(tmp_path: Path, exported: str) -> None:
    data = json.loads(exported)
    cohort = next(cohort for cohort in data["cohorts"] if cohort["year"] == 2024)
    cohort["notes"] = "edited"
    bangkok = next(city for city in data["cities"] if city["id"] == "th-bangkok")
    bangkok["cohorts"] = [2022, 2024]
    data["data_as_of"] = "2025-11-30"
    path = tmp_path / "edited.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    text = ok("--lang", "th", "diff", str(path))
    assert "  เปลี่ยน  th-bangkok  รุ่น: -พ.ศ. 2565" in text
    assert "รุ่น: เปลี่ยน 1" in text
    assert "  เปลี่ยน  พ.ศ. 2567  notes: edited → " in text
    assert "เครือข่าย: เปลี่ยน 1" in text
    english = ok("diff", str(path))
    assert "  changed  data_as_of  data as of: 2025-11-30 → 2025-12-04" in english
    assert "  changed  th-bangkok  cohorts: -2022" in english


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (None, "no such file"),
        ("", "not valid JSON"),
        ("not json", "not valid JSON"),
        ('{"id": "th-bangkok", "name": "Bangkok"}', "not a learning-cities network document (no 'format'"),
        ("[1, 2]", "expected a network document (an object), got list"),
    ],
)
def test_a_file_that_is_no_document_exits_1_naming_it(tmp_path: Path, content: str | None, problem: str) -> None:
    path = tmp_path / "old.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    err = fails(1, "diff", str(path))
    assert err.startswith(f"learning-cities: error: {path}: ")
    assert problem in err


def test_a_city_s_json_is_no_document(tmp_path: Path) -> None:
    path = tmp_path / "city.json"
    path.write_text(ok("city", "Bangkok", "--json"), encoding="utf-8")
    assert "not a learning-cities network document" in fails(1, "diff", str(path))


def test_a_document_of_another_schema_or_a_directory_exits_1(tmp_path: Path, exported: str) -> None:
    path = tmp_path / "future.json"
    path.write_text(exported.replace('"schema": 1,', '"schema": 2,', 1), encoding="utf-8")
    err = fails(1, "diff", str(path))
    assert f"{path}: schema 2 is not supported; this library reads schema 1 @ $.schema" in err
    assert f"{tmp_path}: is a directory, not a network document" in fails(1, "diff", str(tmp_path))
    err = fails(1, "diff", str(path), str(tmp_path / "missing.json"))
    assert "future.json: schema 2" in err  # OLD is read first


def test_a_bad_reference_exits_1_with_its_path(tmp_path: Path, exported: str) -> None:
    path = tmp_path / "dangling.json"
    path.write_text(exported.replace('"country": "TH"', '"country": "XX"', 1), encoding="utf-8")
    assert "'XX' names no record in countries @ $.cities[" in fails(1, "diff", str(path))


def test_diff_needs_a_file() -> None:
    assert "OLD.json" in fails(2, "diff")


def test_diff_in_a_subprocess_with_an_ascii_terminal(edited_file: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "learning_cities", "--lang", "th", "diff", str(edited_file)],
        capture_output=True,
        env={**os.environ, "LC_ALL": "C", "PYTHONIOENCODING": "ascii"},
        check=False,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert b"th-bangkok" in done.stdout
    assert b"Traceback" not in done.stderr
    piped = subprocess.run(
        f"{sys.executable} -m learning_cities diff {edited_file} | head -1",
        shell=True,
        capture_output=True,
        check=False,
        timeout=120,
    )
    assert piped.stdout.decode().startswith("Changes from ")
    assert piped.stderr == b""


# -- the data's age ------------------------------------------------------------------------------


def test_summary_says_the_data_date_and_its_age_today(net: lc.Network) -> None:
    days = _days_ago(net.data_as_of)
    first = ok("summary").splitlines()[0]
    assert first == (
        f"UNESCO Global Network of Learning Cities: data as of {net.data_as_of.isoformat()}, {days} days ago"
    )
    assert ok("--lang", "th", "summary").splitlines()[0].endswith(f"({days} วันก่อน)")
    summary = ok_json("summary")
    assert (summary["data_as_of"], summary["data_age_days"]) == (net.data_as_of.isoformat(), days)


def test_the_age_in_words() -> None:
    from learning_cities.cli.messages import Messages
    from learning_cities.cli.render_text import age

    day = dt.date(2025, 12, 4)
    en, th = Messages("en"), Messages("th")
    assert [age(day, day + dt.timedelta(days=n), en) for n in (0, 1, 2, 369, -3)] == [
        "today",
        "1 day ago",
        "2 days ago",
        "369 days ago",
        "3 days after today",
    ]
    assert age(day, day, th) == "วันนี้"


def test_version_in_a_subprocess(net: lc.Network) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "learning_cities", "--version"], capture_output=True, text=True, check=True, timeout=120
    )
    days = _days_ago(net.data_as_of)
    data = f"data as of {net.data_as_of.isoformat()}, {days} days ago"
    assert done.stdout == f"learning-cities {lc.__version__} ({data})\n"


def test_help_lists_diff_and_the_network_format() -> None:
    status, out, _ = call("--help")
    assert status == 0
    assert "diff" in out
    assert "export --format network" in out
    export_help: Any = call("export", "--help")[1]
    assert "network" in export_help


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.binary(max_size=200)
    | st.builds(lambda value: json.dumps(value).encode(), st.dictionaries(st.text(max_size=8), st.integers()))
    | st.sampled_from([b"{" * 5000, b'{"format": "learning-cities/network", "schema": 1}', "\ufeff{}".encode()])
)
def test_any_file_content_exits_0_or_1_without_a_traceback(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "hostile.json"
    path.write_bytes(content)
    status, out, err = call("diff", str(path))
    assert status == 1, out
    assert err.startswith(f"learning-cities: error: {path}: ")
    assert "Traceback" not in err


def test_other_sections_added_and_removed_are_listed_by_id(tmp_path: Path, exported: str) -> None:
    data = json.loads(exported)
    data["network_totals"] = data["network_totals"][1:]
    data["conferences"].append({**data["conferences"][-1], "number": 8, "year": 2030})
    path = tmp_path / "edited.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    text = ok("diff", str(path))
    assert "conferences: 1 removed\n  removed  8\n" in text
    first = lc.load().network_totals[0].as_of
    assert f"network totals: 1 added\n  added    {first}\n" in text
