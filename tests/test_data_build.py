"""Every generated file is exactly what tools/build.py makes of the committed inputs, in one pass."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from importlib.resources import files
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import learning_cities as lc
from conftest import load_tool, scratch_clone
from learning_cities import _codec, _resources, _store


@pytest.fixture(scope="module")
def build() -> ModuleType:
    return load_tool("build")


@pytest.fixture(scope="module")
def lib() -> ModuleType:
    return load_tool("buildlib")


@pytest.fixture(scope="module")
def built(build: ModuleType) -> dict[Path, str | bytes]:
    files: dict[Path, str | bytes] = build.run()
    return files


def _committed(lib: ModuleType, path: Path) -> bytes:
    """A generated file as committed: the installed package's copy for package files (the wheel test has no src/)."""
    if path.is_relative_to(lib.PACKAGE / "data"):
        return _resources.read(path.name)
    if path.is_relative_to(lib.PACKAGE):
        return files("learning_cities").joinpath(*path.relative_to(lib.PACKAGE).parts).read_bytes()
    return path.read_bytes()


def test_every_generated_file_is_what_the_build_makes(built: dict[Path, str | bytes], lib: ModuleType) -> None:
    names = sorted(lib.shown(path) for path in built)
    assert names == [
        "reference/generated/alternate_names.csv",
        "reference/generated/country_names.csv",
        "reference/generated/local_names.csv",
        "reference/generated/places.csv",
        "reference/generated/places.meta.json",
        "src/learning_cities/_digest.py",
        "src/learning_cities/data/alternate_names.json",
        "src/learning_cities/data/gnlc.json",
        "src/learning_cities/data/rules.json",
        "src/learning_cities/locale/learning_cities.pot",
        "src/learning_cities/locale/th/LC_MESSAGES/learning_cities.mo",
    ]
    for path, text in built.items():
        if path.suffix == ".py":
            continue  # the checksum module: checked below through the package
        assert _committed(lib, path) == lib.content(text), f"run: python tools/build.py ({lib.shown(path)})"
    assert _store.is_built(_codec.read_bytes()), "run: python tools/build.py (the checksum module is stale)"


def test_no_stage_takes_what_a_later_stage_gives(build: ModuleType) -> None:
    given: set[str] = set()
    for stage in build.STAGES:
        assert set(stage.needs) <= given, stage.name
        given.add(stage.name)
    late = build.Stage("early", lambda places: None, needs=("places",))
    with pytest.raises(build.BuildError, match="'early' needs \\['places'\\], which no earlier stage gives"):
        build.run((late, *build.STAGES))


def _run_build(copy: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(copy / "tools" / "build.py"), *args], capture_output=True, text=True, check=False
    )


def test_a_bad_row_names_its_file_line_and_column_and_nothing_is_written(tmp_path: Path) -> None:
    copy = scratch_clone(tmp_path)
    (copy / "reference" / "generated" / "country_names.csv").unlink()  # made by the first stage
    places = copy / "reference" / "curated" / "places.csv"  # read by a late stage
    lines = places.read_text(encoding="utf-8").splitlines(keepends=True)
    header = lines[0].rstrip("\n").split(",")
    cells = lines[5].split(",")
    cells[header.index("kind")] = "village"
    lines[5] = ",".join(cells)
    places.write_text("".join(lines), encoding="utf-8")

    result = _run_build(copy)
    assert result.returncode == 1
    assert "reference/curated/places.csv:6, column kind: kind 'village' is not one of city, " in result.stderr
    assert "nothing was written" in result.stderr
    assert not (copy / "reference" / "generated" / "country_names.csv").exists()


def test_check_names_each_differing_file_and_writes_nothing(tmp_path: Path) -> None:
    copy = scratch_clone(tmp_path)
    target = copy / "reference" / "generated" / "places.meta.json"
    target.write_text("{}\n", encoding="utf-8")
    (copy / "reference" / "generated" / "local_names.csv").unlink()
    result = _run_build(copy, "--check")
    assert result.returncode == 1
    named = sorted(line.split()[1] for line in result.stderr.splitlines() if "differs" in line)
    expected = ["reference/generated/local_names.csv", "reference/generated/places.meta.json"]
    assert [name for name in named if name.startswith("reference/")] == expected
    assert target.read_text(encoding="utf-8") == "{}\n"
    assert not (copy / "reference" / "generated" / "local_names.csv").exists()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("city,year\nA,20x5\n", r"t\.csv:2, column year: year '20x5' is not a four-digit year"),
        ("city,year\nA,2015,extra\n", r"t\.csv:2, column 3 \(no such column\): 3 cells where the header has 2"),
        ('city,year\n"Two\nlines",2015\nB\n', r"t\.csv:4, column year: 1 cells where the header has 2 columns"),
    ],
)
def test_reading_a_bad_row_names_file_line_and_column(lib: ModuleType, tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "t.csv"
    path.write_text(text, encoding="utf-8")

    def read() -> None:
        for row in lib.read_rows(path):
            lib.year(row, "year")

    with pytest.raises(lib.BuildError, match=message):
        read()


def test_a_file_that_is_not_utf8_names_its_line(lib: ModuleType, tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_bytes(b"city,year\nA,2015\nB\xe9,2016\n")
    with pytest.raises(lib.BuildError, match=r"t\.csv:3: not UTF-8"):
        lib.read_rows(path)


def test_build_refuses_an_unknown_country() -> None:
    members = load_tool("build_data")
    with pytest.raises(members.BuildError, match="Atlantis"):
        members.countries().code_of("Atlantis", "test")


def test_slugs_are_ascii(lib: ModuleType) -> None:
    assert lib.slug("Sønderborg") == "sonderborg"
    assert lib.slug("Câmara de Lobos") == "camara-de-lobos"
    assert lib.slug("Sa Đéc") == "sa-dec"


def test_slugs_of_names_in_other_scripts_stay_readable_and_distinct(lib: ModuleType) -> None:
    assert lib.slug("서울") == "서울"
    assert lib.slug("남구") != lib.slug("북구")
    assert lib.slug("الرياض") == "الرياض"
    assert lib.slug("...") == ""  # refused by the build: no id can be made


def test_research_rows_pass_the_contributor_check() -> None:
    problems, review = load_tool("check_research").check()
    assert problems == []
    # Rows that two research rounds both found become one record, as the build shows.
    assert any("Kaunas merges with" in line for line in review)


def test_build_merges_year_updates_and_conflicts(lib: ModuleType) -> None:
    members = load_tool("build_data")
    record: dict[str, Any] = {"years": [], "conflicts": [], "local_names": {}, "sources": [], "notes": []}
    cities = {(lib.fold("Villa María"), "AR"): record}
    base = {"city": "Villa María", "country_code": "AR", "source_url": "https://a.example", "notes": "n"}

    def update(value: str, line: int) -> None:
        members.apply_update(cities, lib.Row({**base, "field": "year_joined", "value": value}, Path("t.csv"), line))

    update("CONFLICT: 2017", 1)
    assert record["years"] == []  # a conflict never sets the year
    update("2016", 2)
    update("CONFLICT: 2018", 3)
    assert record["years"] == [2016]
    assert [c.split(":")[0] for c in record["conflicts"]] == ["another source gives 2017", "another source gives 2018"]
    with pytest.raises(lib.BuildError, match=r"t\.csv:4, column value: year_joined update 'about: 2016' is not"):
        update("about: 2016", 4)


def test_member_since_is_the_earliest_dated_source_and_never_after_data_as_of(net: lc.Network) -> None:
    # KNATCOM reports a meeting of 21 January 2025 at which Makueni County was a member; the
    # Ivano-Frankivsk notice (dated only "2025") lists Nikopol and Novoyavorivsk.
    assert net.city("Makueni County").member_since == dt.date(2025, 1, 31)
    assert net.city("Nikopol").member_since == net.city("Novoyavorivsk").member_since == net.data_as_of
    # A source dated before the 31 December of the join year moves the date earlier.
    assert net.city("Dilijan").joined == 2016
    assert net.city("Dilijan").member_since == dt.date(2016, 10, 20)
    # A cohort's announcement dates its members, whatever a national source said before it.
    assert net.city("Andong").member_since == dt.date(2019, 7, 17)
    active = [city for city in net.cities if city.is_active]
    assert all(city.member_since <= net.data_as_of for city in active if city.member_since is not None)
    assert len(net.members_on(net.data_as_of)) + len(net.undated) == len(active)


@settings(max_examples=200, deadline=None)
@given(st.text(st.sampled_from('a,"\n\r\x00é'), max_size=60))
def test_any_csv_text_gives_rows_or_an_error_naming_file_and_line(lib: ModuleType, text: str) -> None:
    refused = ""
    try:
        rows = lib.parse_rows(text, lib.REFERENCE / "t.csv")
    except lib.BuildError as error:
        refused, rows = str(error), []
    assert not refused or refused.startswith("reference/t.csv:")
    assert all(list(row) == list(rows[0]) for row in rows)
