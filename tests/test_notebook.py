"""The tour notebook (examples/tour.ipynb) runs in a real Jupyter kernel and shows true facts.

The kernel is this interpreter's, registered under a name of its own in a temporary
Jupyter path, so a kernel installed elsewhere on the machine cannot stand in for it.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import nbformat
import pytest
from ipykernel.kernelspec import write_kernel_spec
from nbclient import NotebookClient

import learning_cities as lc

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
NOTEBOOK = EXAMPLES / "tour.ipynb"
KERNEL = "learning-cities-tests"


@pytest.fixture(scope="module")
def executed(tmp_path_factory: pytest.TempPathFactory) -> Any:
    jupyter = tmp_path_factory.mktemp("jupyter")
    write_kernel_spec(str(jupyter / "kernels" / KERNEL))
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("JUPYTER_PATH", str(jupyter))
        notebook = nbformat.read(NOTEBOOK, as_version=4)
        client = NotebookClient(
            notebook, timeout=300, kernel_name=KERNEL, resources={"metadata": {"path": str(EXAMPLES)}}
        )
        client.execute()
    return notebook


def _cell(notebook: Any, tag: str) -> Any:
    cells = [cell for cell in notebook.cells if tag in cell.get("metadata", {}).get("tags", [])]
    assert len(cells) == 1, f"one cell tagged {tag!r}"
    return cells[0]


def _text(cell: Any) -> str:
    parts = []
    for output in cell.outputs:
        if output.output_type == "stream":
            parts.append(output.text)
        elif "data" in output:
            parts.append(output.data.get("text/plain", ""))
    return "".join(parts)


def test_the_notebook_is_stored_without_outputs() -> None:
    notebook = json.loads(NOTEBOOK.read_text(encoding="utf-8"))
    nbformat.validate(nbformat.reads(json.dumps(notebook), as_version=4))
    for cell in notebook["cells"]:
        if cell["cell_type"] == "code":
            assert cell["outputs"] == []
            assert cell["execution_count"] is None


def test_every_cell_runs_without_an_error(executed: Any) -> None:
    code = [cell for cell in executed.cells if cell.cell_type == "code"]
    assert code
    for cell in code:
        assert cell.execution_count is not None
        assert [o for o in cell.outputs if o.output_type == "error"] == [], cell.source
        assert not any(o.get("name") == "stderr" for o in cell.outputs), cell.source


def test_members_on_a_day_and_the_undated_apart(executed: Any) -> None:
    net = lc.load()
    text = _text(_cell(executed, "members-on"))
    members = len(net.members_on(dt.date(2024, 2, 14)))
    assert f"{members} members known on 2024-02-14" in text
    assert f"{len(net.undated)} more members today that no source dates" in text
    assert text.rstrip().endswith(str(members))


def test_the_buddhist_era_guard_names_the_common_era_year(executed: Any) -> None:
    text = " ".join(_text(_cell(executed, "buddhist-era-guard")).split())
    assert "2567 - 543 = 2024" in text
    assert "lc.from_buddhist_era(2567)" in text


def test_a_dataframe_is_displayed(executed: Any) -> None:
    outputs = [o for o in _cell(executed, "dataframe").outputs if o.output_type == "execute_result"]
    assert len(outputs) == 1
    html = outputs[0].data["text/html"]
    assert 'class="dataframe"' in html
    for city in lc.load().where(country="TH"):
        assert city.local_names["th"] in html


def test_the_coverage_table_shows_the_reported_figures(executed: Any) -> None:
    html = next(o for o in _cell(executed, "coverage").outputs if o.output_type == "execute_result").data["text/html"]
    row = next(r for r in lc.coverage() if r.year == 2022)
    assert f"<td>{row.held}</td>\n      <td>77</td>\n      <td>{row.missing}</td>" in html
    assert "<NA>" in html or "&lt;NA&gt;" in html
    assert ".0<" not in html  # whole numbers, not floats


def test_membership_is_judged_as_of_2019(executed: Any) -> None:
    output = next(o for o in _cell(executed, "membership-2019").outputs if o.output_type == "execute_result")
    assert "submitted_on=2019-04-15" in output.data["text/plain"]
    assert "eligible=True" in output.data["text/plain"]
    assert "not yet a member on 2019-04-15" in output.data["text/html"]


def test_the_2027_award_is_unknown_with_its_day(executed: Any) -> None:
    text = _text(_cell(executed, "award-2027"))
    report = lc.check_award_eligibility("Rayong", 2027)
    result = report.result("award-membership-12-months")
    assert result.outcome is lc.Outcome.UNKNOWN
    assert "award-membership-12-months: unknown" in text
    words = " ".join(text.split())  # the reason is wrapped to the page
    assert result.reason in words
    assert "meets the rule from 2026-12-05" in words


def test_near_bangkok(executed: Any) -> None:
    text = _text(_cell(executed, "near"))
    names = [city.name for city in lc.load().near(13.75, 100.5, km=100)]
    assert [line.split(":")[0] for line in text.splitlines()] == names == ["Bangkok", "Chachoengsao"]


def test_the_growth_chart_is_an_image(executed: Any) -> None:
    outputs = [
        o for o in _cell(executed, "growth-chart").outputs if o.output_type in ("execute_result", "display_data")
    ]
    assert any("image/png" in o.data for o in outputs)


def _html(executed: Any, tag: str) -> str:
    outputs = [o for o in _cell(executed, tag).outputs if o.output_type == "execute_result"]
    assert len(outputs) == 1
    return str(outputs[0].data["text/html"])


def test_set_display_shows_thai_and_the_buddhist_era(executed: Any) -> None:
    net = lc.load()
    city = _html(executed, "thai-city")
    assert "<caption>ขอนแก่น (ไทย)</caption>" in city
    assert "14 กุมภาพันธ์ พ.ศ. 2567" in city
    cities = _html(executed, "thai-cities")
    assert "<th>ชื่อ</th>" in cities
    assert all(c.local_names["th"] in cities for c in net.where(country="TH"))
    assert cities.count("<td>เป็นสมาชิก</td>") == len(net.where(country="TH"))  # every status filled
    assert "รุ่นปี พ.ศ. 2567 ประกาศเมื่อ 14 กุมภาพันธ์ พ.ศ. 2567" in _html(executed, "thai-cohort")
    coverage = _html(executed, "thai-coverage")
    assert "พ.ศ. 2565" in coverage
    assert "%" in coverage
    assert "พ.ศ. 2570" in _html(executed, "thai-eligibility")
    outputs = [o for o in _cell(executed, "thai-chart").outputs if o.output_type in ("execute_result", "display_data")]
    assert any("image/png" in o.data for o in outputs)  # and no stderr: no glyph missing (every cell)
    english = _html(executed, "english-again")
    assert "<caption>Khon Kaen (Thailand)</caption>" in english
    assert "2024-02-14" in english
