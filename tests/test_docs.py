"""The documentation: its pages exist, its generated tables come from the data, the research
logs are linked and never included, and the README's quick start is the command CI runs."""

from __future__ import annotations

import importlib
import re
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

import learning_cities as lc
from conftest import REFERENCE, reference_rows
from learning_cities import _codec

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
EXT = DOCS / "_ext"
RESEARCH = REFERENCE / "research"


@pytest.fixture(scope="module", autouse=True)
def _extension_on_path() -> Iterator[None]:
    sys.path.insert(0, str(EXT))
    yield
    sys.path.remove(str(EXT))


def _ext(name: str) -> ModuleType:
    return importlib.import_module(name)


def _fenced_sh(markdown: str) -> list[str]:
    return [block.strip() for block in re.findall(r"```sh\n(.*?)```", markdown, flags=re.S)]


def _readme() -> str:
    return (ROOT / "README.md").read_text(encoding="utf-8")


# -- the README --------------------------------------------------------------------------


def test_readme_quick_start_is_two_commands_the_test_one_what_ci_runs() -> None:
    quick_start = _readme().split("## Quick start", 1)[1].split("\n## ", 1)[0]
    commands = _fenced_sh(quick_start)
    assert len(commands) == 2
    assert all("\n" not in command for command in commands)
    assert commands[0].endswith("learning-cities summary")
    ci = [line for line in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines() if "pytest" in line]
    assert ci, ".ci/run runs no pytest command"
    assert ci[0] == commands[1]


def test_getting_started_install_command_is_the_readme_one() -> None:
    page = _fenced_sh((DOCS / "getting-started.md").read_text(encoding="utf-8"))
    assert page[0] in _fenced_sh(_readme())


def test_readme_tour_shows_each_thing_the_library_does() -> None:
    tour = _readme().split("## A short tour", 1)[1].split("\n## ", 1)[0]
    for call in (
        "net.city(",
        "กรุงเทพฯ",
        "net.members_on(",
        "net.undated",
        "net.cohort(2567)",
        "BuddhistEraError",
        "net.near(",
        "to_geojson()",
        "to_dataframe()",
        "lc.check_membership(",
        "UNKNOWN",
    ):
        assert call in tour, call


# -- the pages and the contents ----------------------------------------------------------


@pytest.mark.parametrize(
    "page",
    ["index", "getting-started", "tour", "names", "data", "api", "design", "versioning", "contributing", "changelog"],
)
def test_page_exists_with_a_title(page: str) -> None:
    text = (DOCS / f"{page}.md").read_text(encoding="utf-8")
    assert text.startswith("# ")


def test_every_page_is_in_the_contents() -> None:
    contents = "\n".join(_ext("lc_contents").contents_page())
    listed = set(re.findall(r"^([a-z][a-z0-9/-]*)$", contents, flags=re.M))
    pages = {path.stem for path in DOCS.glob("*.md")} - {"index"}
    notebooks = {f"notebooks/{path.stem}" for path in (ROOT / "examples").glob("*.ipynb")}
    assert "notebooks/tour" in notebooks
    assert listed == pages | notebooks


def _our_files() -> list[Path]:
    files = [ROOT / "README.md", *DOCS.glob("*.md"), *EXT.glob("*.py"), DOCS / "conf.py"]
    files += [*(ROOT / "examples").glob("*.py"), *(ROOT / "examples").glob("*.ipynb")]
    files += [ROOT / "tests" / name for name in ("test_examples.py", "test_notebook.py")]  # and this file: below
    return files


@pytest.mark.parametrize("path", _our_files(), ids=lambda p: str(p.relative_to(ROOT)))
def test_no_reference_to_a_file_outside_the_repository(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    for outside in ("/work/", "/tmp/", "../shared", "DESIGN.md", "STYLE.md"):
        assert outside not in text, f"{path.name} names {outside!r}"


# -- the API page ------------------------------------------------------------------------


def test_api_page_documents_every_public_name_and_module() -> None:
    api, modules = "\n".join(_ext("lc_api").api_page()).split("\nModules\n-------\n", 1)
    documented = set(re.findall(r"^\.\. (?:auto(?:class|exception|function)|py:data):: (\S+)$", api, flags=re.M))
    assert documented == set(lc.__all__)
    for name in ("network", "completeness", "places", "exports", "eligibility", "awards", "calendars", "serialization"):
        assert f".. automodule:: learning_cities.{name}\n" in modules


def test_module_values_are_documented_once() -> None:
    pytest.importorskip("sphinx")  # the #: comments are read by Sphinx's analyser (the docs extra)
    api = _ext("lc_api")
    page = "\n".join(api.api_page())
    exports = page.split(".. automodule:: learning_cities.exports", 1)[1].split(".. automodule::", 1)[0]
    assert "COLUMNS" in exports.split("\n\n", 1)[0]  # autodoc documents it from its #: comment
    assert ".. py:data:: COLUMNS" not in exports
    rules = page.split(".. automodule:: learning_cities.rules", 1)[1].split(".. automodule::", 1)[0]
    assert ".. py:data:: RULES" in rules  # served by a module __getattr__: autodoc cannot list it


def test_public_targets_map_to_the_names_users_import() -> None:
    api = _ext("lc_api")
    assert api.public_target("learning_cities.model.City") == "learning_cities.City"
    assert api.public_target("learning_cities.model.City.joined") == "learning_cities.City.joined"
    assert api.public_target("learning_cities.network.Network.city") == "learning_cities.Network.city"
    assert api.public_target("learning_cities.City") is None
    assert api.public_target("UnknownAwardError") == "learning_cities.UnknownAwardError"
    assert api.public_target("Network.where") == "learning_cities.Network.where"
    assert api.public_target("learning_cities.model._frozen_map") is None


def test_the_design_page_names_every_public_module() -> None:
    design = (DOCS / "design.md").read_text(encoding="utf-8")
    for module in _ext("lc_api").public_modules():
        short = module.rsplit(".", 1)[1]
        assert f"`{short}`" in design, short


def test_the_versioning_page_gives_the_schema_version() -> None:
    page = (DOCS / "versioning.md").read_text(encoding="utf-8")
    assert f"`{_codec.SCHEMA_VERSION}` today" in page
    assert lc.__version__ in page


# -- the generated tables ----------------------------------------------------------------


def test_table_cells_cannot_break_the_table() -> None:
    md = _ext("lc_markdown")
    assert md.text("a | b\nc *d* [e](f)") == r"a \| b c \*d\* \[e\](f)"
    assert md.source("https://example.org/a_b") == "<https://example.org/a_b>"
    assert md.source("a national paper, 2019") == "a national paper, 2019"
    assert md.year(2015) == "2015"
    assert md.number(1234) == "1,234"
    assert md.table(["a", "b"], [["1", "2"]], "lr") == ["| a | b |", "| --- | ---: |", "| 1 | 2 |", ""]


def test_coverage_table_is_generated_from_the_data(net: lc.Network) -> None:
    md, coverage = _ext("lc_markdown"), _ext("lc_coverage")
    table = "\n".join(coverage.coverage_page(net))
    for row in lc.coverage(net):
        cells = [md.text(row.label), md.number(row.held), md.number(row.reported), md.number(row.missing)]
        assert "| " + " | ".join(cells) + " |" in table
    assert "| 2022 | " in table
    assert " | 77 | " in table


def test_country_table_has_every_country(net: lc.Network) -> None:
    md = _ext("lc_markdown")
    table = "\n".join(_ext("lc_coverage").countries_page(net))
    for country in net.countries:
        assert f"| {md.text(country.name)} | {country.code} |" in table


def test_the_data_page_figures_of_early_2019_are_reported_totals(net: lc.Network) -> None:
    page = " ".join((DOCS / "data.md").read_text(encoding="utf-8").split())
    assert "UNESCO reported 221 to 224 members in early 2019" in page
    early_2019 = {t.cities for t in net.network_totals if t.as_of.startswith("2019") or "2019" in t.as_of}
    assert {221, 224} <= early_2019


def test_conflicts_page_lists_every_conflict_withdrawal_and_correction(net: lc.Network) -> None:
    md = _ext("lc_markdown")
    page = "\n".join(_ext("lc_conflicts").conflicts_page(net))
    for city in net.cities:
        for conflict in city.conflicts:
            assert md.text(conflict) in page
        if not city.is_active:
            assert md.text(city.name) in page
    for cohort in net.cohorts:
        for correction in cohort.corrections:
            assert f"| {cohort.year} | `{correction.field}` | {correction.original} | {correction.corrected} |" in page
    assert "Laâyoune" in page
    assert "| 2020 | `reported_cities` | 55 | 54 |" in page


def test_the_gaps_table_covers_every_round(net: lc.Network) -> None:
    rows = reference_rows("curated/gaps.csv")
    assert {row["scope"] for row in rows} == {str(c.year) for c in net.cohorts} | {"early"}
    for row in rows:
        for log in row["logs"].split(";"):
            assert (RESEARCH / log.strip()).is_file(), log
    md = _ext("lc_markdown")
    page = "\n".join(_ext("lc_gaps").gaps_page(net))
    for line in lc.coverage(net):
        if line.year is not None:
            held = f"| {line.label} | {md.number(line.held)} | {md.number(line.reported)} | {md.number(line.missing)} |"
            assert held in page
    for cell in {log.strip() for row in rows for log in row["logs"].split(";")}:
        assert f"[`reference/research/{cell}`](" in page


def test_evidence_and_recency_count_every_active_record(net: lc.Network) -> None:
    gaps = _ext("lc_gaps")
    active = [c for c in net.cities if c.is_active]
    evidence = Counter(gaps.evidence(c) for c in active)
    assert sum(evidence.values()) == len(active)
    assert evidence["undated"] == len(net.undated)
    assert evidence["round list"] == sum(1 for c in active if c.cohorts)
    recency = Counter(gaps.recency(c) for c in active)
    since_2022 = len(net.where(confirmed_since=2022, status="active"))
    since_2019 = len(net.where(confirmed_since=2019, status="active"))
    assert recency["confirmed 2022 or later"] == since_2022
    assert recency["confirmed 2019-2021"] == since_2019 - since_2022
    undated = sum(1 for c in active if c.last_confirmed is None)
    assert recency["confirmed only before 2019"] == len(active) - since_2019 - undated
    page = gaps.recency_page(net) + gaps.evidence_page(net)
    rows = {line.split(" | ")[0].removeprefix("| "): line for line in page if line.startswith("| ")}
    for label, count in [*recency.items(), *evidence.items()]:
        assert rows[label].endswith(f" | {count} |"), rows[label]
    assert f"| **all active records** | {len(active)} |" in page


def test_sources_are_counted_by_kind(net: lc.Network) -> None:
    sources = _ext("lc_sources")
    assert sources.kind("uil.unesco.org") == sources.KINDS[0][0]
    assert sources.kind("geonames.org") == sources.KINDS[1][0]
    assert sources.kind("moe.go.th") == sources.KINDS[2][0]
    assert sources.kind("miragenews.com") == sources.KINDS[3][0]
    assert sources.kind(None) == sources.CITATION
    assert sources.host("https://www.geonames.org/1609350") == "geonames.org"
    assert sources.host("a national paper, 2019") is None
    page = "\n".join(sources.sources_page(net))
    geonames = sum(1 for c in net.cities if any("geonames.org/" in s for s in c.sources))
    assert f"| {sources.KINDS[1][0]} | {geonames} |" in page


def test_research_logs_are_linked_by_path_and_never_included() -> None:
    research = _ext("lc_research")
    logs = sorted(p for p in RESEARCH.glob("*.md") if p.name != "BRIEF.md")
    assert logs
    page = "\n".join(research.research_page())
    for log in logs:
        assert f"`reference/research/{log.name}`" in page
        lines = [line.strip() for line in log.read_text(encoding="utf-8").splitlines() if len(line.strip()) > 30]
        assert lines, log.name
        assert not any(line in page for line in lines), f"text of {log.name} is included"
    assert len(page) < 200 * len(logs) + 1000  # an index: no more than a row per log


def test_links_go_to_the_repository_of_the_project_urls() -> None:
    md = _ext("lc_markdown")
    url = md.repository_url()
    assert url == "https://github.com/learning-cities/learning-cities"
    assert md.repository_link("reference/research/korea.md") == (
        f"[`reference/research/korea.md`]({url}/blob/main/reference/research/korea.md)"
    )
