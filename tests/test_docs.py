"""The documentation: its pages exist, its generated tables come from the data, and the
README's quick start is the command CI runs."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from types import ModuleType

import pytest

import learning_cities as lc
from conftest import REFERENCE, reference_rows

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"


def _generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("lc_generated", DOCS / "_ext" / "lc_generated.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def gen() -> ModuleType:
    return _generator()


def _fenced_sh(markdown: str) -> list[str]:
    return [block.strip() for block in re.findall(r"```sh\n(.*?)```", markdown, flags=re.S)]


def test_readme_quick_start_test_command_is_what_ci_runs() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    quick_start = readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    commands = _fenced_sh(quick_start)
    ci = [line for line in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines() if "pytest" in line]
    assert ci, ".ci/run runs no pytest command"
    assert ci[0] in commands


def test_getting_started_install_command_is_the_readme_one() -> None:
    readme = _fenced_sh((ROOT / "README.md").read_text(encoding="utf-8"))
    page = _fenced_sh((DOCS / "getting-started.md").read_text(encoding="utf-8"))
    assert page[0] in readme


@pytest.mark.parametrize("page", ["index", "getting-started", "tour", "data", "api", "changelog"])
def test_page_exists_with_a_title(page: str) -> None:
    text = (DOCS / f"{page}.md").read_text(encoding="utf-8")
    assert text.startswith("# ")


def test_every_page_is_in_the_contents(gen: ModuleType) -> None:
    contents = "\n".join(gen.contents_page())
    listed = set(re.findall(r"^([a-z][a-z0-9-]*)$", contents, flags=re.M))
    pages = {path.stem for path in DOCS.glob("*.md")} - {"index"}
    assert listed == pages


def test_api_page_documents_every_public_name(gen: ModuleType) -> None:
    api, modules = "\n".join(gen.api_page()).split("\nModules\n-------\n", 1)
    assert ".. automodule:: learning_cities.network" in modules
    documented = set(re.findall(r"^\.\. (?:auto(?:class|exception|function)|py:data):: (\S+)$", api, flags=re.M))
    assert documented == set(lc.__all__)


def test_coverage_table_is_generated_from_the_data(gen: ModuleType) -> None:
    net = lc.load()
    table = "\n".join(gen.coverage_page(net))
    for row in lc.coverage(net):
        cells = [gen.text(row.label), gen.number(row.held), gen.number(row.reported), gen.number(row.missing)]
        assert "| " + " | ".join(cells) + " |" in table
    assert "| 2022 | " in table
    assert " | 77 | " in table


def test_country_table_has_every_country(gen: ModuleType) -> None:
    net = lc.load()
    table = "\n".join(gen.countries_page(net))
    for country in net.countries:
        assert f"| {gen.text(country.name)} | {country.code} |" in table


def test_conflicts_page_lists_every_conflict_withdrawal_and_correction(gen: ModuleType) -> None:
    net = lc.load()
    page = "\n".join(gen.conflicts_page(net))
    for city in net.cities:
        for conflict in city.conflicts:
            assert gen.text(conflict) in page
        if not city.is_active:
            assert gen.text(city.name) in page
    for cohort in net.cohorts:
        for correction in cohort.corrections:
            assert f"| {cohort.year} | `{correction.field}` | {correction.original} | {correction.corrected} |" in page
    assert "Laâyoune" in page
    assert "| 2020 | `reported_cities` | 55 | 54 |" in page


def test_table_cells_cannot_break_the_table(gen: ModuleType) -> None:
    assert gen.text("a | b\nc *d* [e](f)") == r"a \| b c \*d\* \[e\](f)"
    assert gen.source("https://example.org/a_b") == "<https://example.org/a_b>"
    assert gen.source("a national paper, 2019") == "a national paper, 2019"
    assert gen.year(2015) == "2015"
    assert gen.number(1234) == "1,234"


def test_research_logs_are_made_safe_to_include(gen: ModuleType) -> None:
    title, body = gen.research_log(
        "# Korea\n\n## Queries\nsee [the csv](korea.csv) and [UIL](https://uil.unesco.org)\n"
        "```csv\ncity,country\n# not a heading\n```\n"
    )
    assert title == "Korea"
    assert "**Queries**" in body
    assert "see the csv (korea.csv) and [UIL](https://uil.unesco.org)" in body
    assert "```text" in body
    assert "# not a heading" in body


def test_research_page_includes_each_log(gen: ModuleType) -> None:
    logs = [p for p in (ROOT / "reference" / "research").glob("*.md") if p.name != "BRIEF.md"]
    page = "\n".join(gen.research_page())
    for log in logs:
        assert f"reference/research/{log.name}" in page
    if not logs:
        assert "No research log" in page


def test_public_targets_map_to_the_names_users_import(gen: ModuleType) -> None:
    assert gen.public_target("learning_cities.model.City") == "learning_cities.City"
    assert gen.public_target("learning_cities.model.City.joined") == "learning_cities.City.joined"
    assert gen.public_target("learning_cities.network.Network.city") == "learning_cities.Network.city"
    assert gen.public_target("learning_cities.City") is None
    assert gen.public_target("UnknownAwardError") == "learning_cities.UnknownAwardError"
    assert gen.public_target("Network.where") == "learning_cities.Network.where"
    assert gen.public_target("learning_cities.model._frozen_map") is None


def test_the_gaps_table_covers_every_round(net: lc.Network) -> None:
    rows = reference_rows("curated/gaps.csv")
    assert {row["scope"] for row in rows} == {str(c.year) for c in net.cohorts} | {"early"}
    for row in rows:
        for log in row["logs"].split(";"):
            assert (REFERENCE / "research" / log.strip()).is_file(), log
