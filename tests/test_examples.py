"""Every script in examples/ runs, as a user would run it, and prints true facts."""

from __future__ import annotations

import datetime as dt
import importlib.util
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import learning_cities as lc

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SCRIPTS = sorted(path.name for path in EXAMPLES.glob("*.py"))


def run(script: str, *args: str, env: dict[str, str] | None = None) -> str:
    result = subprocess.run(
        [sys.executable, str(EXAMPLES / script), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, "PYTHONIOENCODING": "utf-8", **(env or {})},
        cwd=ROOT,
        check=False,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    return result.stdout


def test_the_examples_exist() -> None:
    assert {"thailand.py", "growth_chart.py", "award_eligibility.py"} <= set(SCRIPTS)
    assert (EXAMPLES / "tour.ipynb").is_file()  # run by tests/test_notebook.py


@pytest.mark.parametrize("script", SCRIPTS)
def test_every_example_runs(script: str, tmp_path: Path) -> None:
    if script == "growth_chart.py":
        if importlib.util.find_spec("matplotlib") is None:
            pytest.skip("matplotlib (the 'plot' extra) is not installed")
        run(script, str(tmp_path / "chart.png"), env={"MPLBACKEND": "Agg"})
    else:
        assert run(script).strip()


def test_thailand_names_and_buddhist_era_years() -> None:
    out = run("thailand.py")
    # Khon Kaen: 2024 is B.E. 2567; its Thai and official names come from the data
    line = next(line for line in out.splitlines() if line.startswith("Khon Kaen"))
    assert "ขอนแก่น" in line
    assert "เทศบาลนครขอนแก่น" in line
    assert "2024" in line
    assert "2567" in line
    # the 2024 round was announced on 14 February 2024: 14/02/2567 in Thai order
    assert "14/02/2567" in out
    assert "net.city('ขอนแก่น') -> Khon Kaen (th-khon-kaen)" in out
    assert "พ.ศ. 2567 is 2024: Bangkok (กรุงเทพมหานคร), Khon Kaen (ขอนแก่น), Yala (ยะลา)" in out


def test_growth_chart_writes_a_png(tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    out = run("growth_chart.py", str(tmp_path), env={"MPLBACKEND": "Agg"})
    chart = tmp_path / "growth_chart.png"
    assert chart.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert chart.stat().st_size > 10_000
    assert f"wrote {chart}" in out
    # UNESCO's figure after the 2022 round, printed beside the records held
    assert "2022 (announced 2022-09-02): 294" in out
    # each year's count is the members on its own 31 December, and the undated are shown apart
    net = lc.load()
    for year in (2019, 2024):
        assert f"{year}  {year}-12-31  {len(net.members_on(dt.date(year, 12, 31))):4d}" in out

    assert f"+{len(net.undated)} members that no source dates" in out


def test_the_thai_growth_chart_draws_every_glyph(tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    chart = tmp_path / "thai.png"
    # every warning is an error: matplotlib's "Glyph 3648 (...) missing from font(s) DejaVu Sans" among them;
    # run() also fails on any text on stderr
    out = run(
        "growth_chart.py", str(chart), "--lang", "th", "--calendar", "buddhist",
        env={"MPLBACKEND": "Agg", "PYTHONWARNINGS": "error"},
    )  # fmt: skip
    assert f"wrote {chart}" in out
    assert chart.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_growth_chart_points_sit_on_their_own_year_with_a_plain_legend() -> None:
    pytest.importorskip("matplotlib")
    from learning_cities import charts as chart  # what examples/growth_chart.py draws

    net = lc.load()
    axes: Any = chart.growth_chart(net).axes[0]  # matplotlib's Axes, its patches as the bars drawn
    held = chart.held_per_year(net)
    bars = [patch for patch in axes.patches if patch.get_height() > 0][: len(held)]
    for (year, _, count), bar in zip(held, bars, strict=True):
        assert bar.get_x() + bar.get_width() / 2 == pytest.approx(year)  # centred on its year's tick
        assert bar.get_height() == count
    assert [int(tick) for tick in axes.get_xticks()] == [year for year, _, _ in held]
    # a day is drawn inside its own year: from year - 0.5 (1 January) to year + 0.5 (31 December)
    for day in (dt.date(2024, 1, 1), dt.date(2024, 12, 31), dt.date(2022, 9, 2)):
        assert day.year - 0.5 <= chart._position(day) < day.year + 0.5
    legend = [text.get_text() for text in axes.get_legend().get_texts()]
    assert legend[0].startswith("Members")
    assert not any(re.search(r"net\.|\(\)|_on\b|\w+_\w+", label) for label in legend), legend
    notes = " ".join(text.get_text() for text in axes.texts)
    assert f"+{len(net.undated)} members held that no source dates" in notes


def test_award_eligibility_checks_each_city() -> None:
    out = run("award_eligibility.py", "Cork", "Khon Kaen", "Kon Kaen", "--award", "2027")
    assert out.startswith("UNESCO Learning City Award 2027")
    summary = out.split("Summary for the 2027 award:", 1)[1].splitlines()
    verdicts = {line.split("  ")[1].strip(): line for line in summary if line.strip()}
    # Cork received the award in 2024: a laureate of the previous six years may not apply
    assert "not eligible" in verdicts["Cork"]
    assert "award-past-laureates-six-years" in verdicts["Cork"]
    assert verdicts["Khon Kaen"].rstrip().endswith(" eligible")
    # a name that is no member is reported, with the closest member, and the run goes on
    assert "not met: award-members-only" in verdicts["Kon Kaen"]
    assert "did you mean 'Khon Kaen'?" in out
    assert "source: https://" in out


def test_award_eligibility_refuses_a_year_without_an_award() -> None:
    result = subprocess.run(
        [sys.executable, str(EXAMPLES / "award_eligibility.py"), "Cork", "--award", "2020"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        timeout=300,
    )
    assert result.returncode == 2
    assert "no Learning City Award in 2020" in result.stderr
