"""tools/add_round.py takes a round from UNESCO's published list, tested on the real 2022 and 2024 lists."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from conftest import ROOT, scratch_clone

FIXTURES = ROOT / "tests" / "fixtures"
SOURCE_2024 = "https://www.unesco.org/en/articles/unesco-global-network-learning-cities-64-new-members-35-countries"


def _add_round(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(root / "tools" / "add_round.py"), *args], capture_output=True, text=True, check=False
    )


def _dry_run(root: Path, year: str, announced: str, source: str, listed: Path) -> subprocess.CompletedProcess[str]:
    return _add_round(root, year, "--announced", announced, "--source", source, "--dry-run", str(listed))


def test_the_published_2024_list_is_held_line_by_line() -> None:
    result = _dry_run(ROOT, "2024", "2024-02-14", SOURCE_2024, FIXTURES / "round_2024.txt")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 24  # the Africa (13) and Asia-Pacific (11) sections of the release
    assert lines[:3] == ["held: eg-alexandria", "held: eg-sharkia", "held: eg-zefta"]
    # UNESCO's and the reposts' country forms: Kingdom of Morocco, Cape Verde, Ivory Coast, Viet Nam
    assert {"held: ma-fez", "held: cv-sao-filipe", "held: ci-gagnoa", "held: vn-son-la"} <= set(lines)
    assert "held: kr-seo-gu-gwangju" in lines  # a city whose own name has a parenthesis
    assert lines[-5:] == ["held: th-bangkok", "held: th-khon-kaen", "held: th-yala", *lines[-2:]]
    assert all(line.startswith("held: ") for line in lines)


def test_the_published_2022_list_in_its_city_country_form_is_held() -> None:
    source = "https://miragenews.com/unesco-global-network-of-learning-cities-77-new-848767"
    result = _dry_run(ROOT, "2022", "2022-09-02", source, FIXTURES / "round_2022.txt")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 46
    assert lines[0] == "held: ci-bouake"
    assert "held: tr-bursa" in lines  # Turkey, the earlier English form
    assert "held: ir-hamedan" in lines  # Islamic Republic of Iran
    assert lines[-1] == "held: gb-kirklees"


def _drop_rows(path: Path, starting: str) -> None:
    raw = path.read_bytes()
    ending = b"\r\n" if b"\r\n" in raw else b"\n"
    kept = [line for line in raw.split(ending) if not line.startswith(starting.encode("utf-8"))]
    path.write_bytes(ending.join(kept))


def test_a_city_not_held_becomes_a_member_row_of_its_round(tmp_path: Path) -> None:
    copy = scratch_clone(tmp_path)
    # The reference data without Chinhoyi: the published list then names a new city.
    _drop_rows(copy / "reference" / "upstream" / "members.csv", "Chinhoyi,")
    _drop_rows(copy / "reference" / "research" / "evidence" / "evidence.csv", "Chinhoyi,")
    listed = FIXTURES / "round_2024.txt"
    cohorts = (copy / "reference" / "upstream" / "cohorts.csv").read_bytes()

    result = _dry_run(copy, "2024", "2024-02-14", SOURCE_2024, listed)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[12] == "new: Chinhoyi (ZW)"
    assert not (copy / "reference" / "research" / "cohort2024.csv").exists()  # a dry run writes nothing

    wrong = _add_round(copy, "2024", "--announced", "2024-02-15", "--source", SOURCE_2024, str(listed))
    assert wrong.returncode == 1
    assert "column announced_on: the 2024 round was announced on 2024-02-14, not 2024-02-15" in wrong.stderr
    assert not (copy / "reference" / "research" / "cohort2024.csv").exists()

    done = _add_round(copy, "2024", "--announced", "2024-02-14", "--source", SOURCE_2024, str(listed))
    assert done.returncode == 0, done.stderr
    written = (copy / "reference" / "research" / "cohort2024.csv").read_text(encoding="utf-8").splitlines()
    assert written[1] == (
        f"Chinhoyi,Zimbabwe,ZW,Africa,2024,{SOURCE_2024},"
        "\"In UNESCO's list of the 2024 round, announced on 2024-02-14, as 'Chinhoyi (Zimbabwe)'.\","
    )
    assert len(written) == 2
    assert (copy / "reference" / "upstream" / "cohorts.csv").read_bytes() == cohorts  # the round is known

    # The build takes the row in: Chinhoyi is a member of the 2024 cohort from its announcement.
    members = subprocess.run(
        [
            sys.executable,
            "-c",
            "import json, sys; sys.path.insert(0, 'tools'); import build_data; "
            "print(json.dumps([c for c in build_data.members()['cities'] if c['id'] == 'zw-chinhoyi']))",
        ],
        cwd=copy,
        capture_output=True,
        text=True,
        check=True,
    )
    (chinhoyi,) = json.loads(members.stdout)
    assert (chinhoyi["joined"], chinhoyi["cohorts"], chinhoyi["member_since"]) == (2024, [2024], "2024-02-14")
    assert chinhoyi["sources"] == [SOURCE_2024]

    again = _dry_run(copy, "2024", "2024-02-14", SOURCE_2024, listed)
    assert again.stdout.splitlines()[12] == "held: zw-chinhoyi"


def test_a_new_round_gets_its_cohort_row(tmp_path: Path) -> None:
    copy = scratch_clone(tmp_path)
    _drop_rows(copy / "reference" / "upstream" / "members.csv", "Chinhoyi,")
    _drop_rows(copy / "reference" / "research" / "evidence" / "evidence.csv", "Chinhoyi,")
    listed = tmp_path / "list.txt"
    listed.write_text(FIXTURES.joinpath("round_2024.txt").read_text(encoding="utf-8"), encoding="utf-8")
    done = _add_round(copy, "2027", "--announced", "2027-03-01", "--source", SOURCE_2024, str(listed))
    assert done.returncode == 0, done.stderr
    last = (copy / "reference" / "upstream" / "cohorts.csv").read_text(encoding="utf-8").splitlines()[-1]
    assert last.startswith(f"2027,2027-03-01,,,,,,,{SOURCE_2024},")


@pytest.mark.parametrize(
    ("lines", "message"),
    [
        (["Dakar (Senegal)", "Gotham (Atlantis)"], "list.txt:2: country 'Atlantis' is not a known country name"),
        (["Dakar (Senegal)", "", "Dakar"], "list.txt:3: 'Dakar' is not of the form 'City (Country)'"),
    ],
)
def test_a_line_it_cannot_resolve_is_named_and_nothing_is_written(
    tmp_path: Path, lines: list[str], message: str
) -> None:
    copy = scratch_clone(tmp_path)
    listed = tmp_path / "list.txt"
    listed.write_text("\n".join(lines) + "\n", encoding="utf-8")
    cohorts = copy / "reference" / "upstream" / "cohorts.csv"
    before = cohorts.read_bytes()
    result = _add_round(copy, "2027", "--announced", "2027-03-01", "--source", SOURCE_2024, str(listed))
    assert result.returncode == 1
    assert message in result.stderr
    assert "nothing was written" in result.stderr
    assert result.stdout == ""
    assert cohorts.read_bytes() == before
    assert not (copy / "reference" / "research" / "cohort2027.csv").exists()


@settings(max_examples=300, deadline=None)
@given(st.text(st.sampled_from("ab (),\n#-•éก\u200b\r\t"), max_size=80))
@example(", a")
@example("a ( )")
@example("a, ")
def test_any_list_text_gives_lines_or_an_error_naming_its_line(text: str) -> None:
    import add_round
    import buildlib

    refused = ""
    try:
        lines = add_round.parse_list(text, Path("list.txt"))
    except buildlib.BuildError as error:
        refused, lines = str(error), []
    if refused:
        assert refused.startswith("list.txt:")
        assert "is not of the form 'City (Country)'" in refused
    assert all(line.city.strip() == line.city and line.city for line in lines)
    assert all(line.country.strip() == line.country and line.country for line in lines)
