"""The growth chart is one call, in English or in Thai with BE years, and draws every glyph it shows."""

from __future__ import annotations

import io
import sys
import warnings
from typing import Any

import pytest

import learning_cities as lc
from learning_cities import charts

pytest.importorskip("matplotlib")


def _drawn(figure: object) -> bytes:
    """The figure as PNG bytes; every warning (a glyph missing from the fonts) is an error."""
    out = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        figure.savefig(out, format="png")  # type: ignore[attr-defined]
    return out.getvalue()


def test_the_english_chart(net: lc.Network) -> None:
    chart = charts.growth_chart(net)
    axes: Any = chart.axes[0]  # matplotlib's Axes, its patches as the bars drawn
    assert axes.get_title() == "UNESCO Global Network of Learning Cities: members held vs. UNESCO's reported size"
    assert [tick.get_text() for tick in axes.get_xticklabels()][:2] == ["2015", "2016"]
    bars = [patch.get_height() for patch in axes.patches][: len(charts.held_per_year(net))]
    assert bars == [count for *_, count in charts.held_per_year(net)]
    assert _drawn(chart)[:8] == b"\x89PNG\r\n\x1a\n"


def test_the_thai_chart_draws_its_thai_glyphs(net: lc.Network) -> None:
    if charts.thai_font() is None:
        pytest.fail("no font with Thai glyphs: install fonts-tlwg-loma-ttf (.ci/run does)")
    chart = charts.growth_chart(net, language="th", calendar="buddhist")
    axes = chart.axes[0]
    assert axes.get_title().startswith("เครือข่ายเมืองแห่งการเรียนรู้ของยูเนสโก")
    assert axes.get_xlabel().startswith("ปี พ.ศ.")
    first = charts.held_per_year(net)[0][0]
    assert axes.get_xticklabels()[0].get_text() == str(first + 543)
    texts = [text.get_text() for text in axes.texts]
    assert "356 หลังรอบ พ.ศ. 2567" in texts  # UNESCO's size after the 2024 round
    assert charts.thai_font() in axes.title.get_fontfamily()
    _drawn(chart)  # no "Glyph ... missing from font(s)" warning


def test_the_chart_follows_the_display(net: lc.Network) -> None:
    with lc.set_display(calendar="buddhist", language="th"):
        chart = charts.growth_chart(net)
    assert chart.axes[0].get_xticklabels()[-1].get_text() == str(net.data_as_of.year + 543)
    assert lc.get_display() == ("gregorian", "en")
    english = charts.growth_chart(net, language="en")  # the display's calendar, English texts
    assert english.axes[0].get_xlabel().startswith("year (bars")


def test_without_a_thai_font_it_says_how_to_get_one(net: lc.Network, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(charts, "thai_font", lambda: None)
    with pytest.warns(UserWarning, match="apt-get install fonts-thai-tlwg"):
        charts.growth_chart(net, language="th")


def test_bad_options(net: lc.Network) -> None:
    with pytest.raises(ValueError, match="language must be one of 'en', 'th'; not 'de'"):
        charts.growth_chart(net, language="de")
    with pytest.raises(ValueError, match="calendar must be one of"):
        charts.growth_chart(net, calendar="islamic")


def test_without_matplotlib_the_error_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    with pytest.raises(ImportError, match=r"pip install 'learning-cities\[plot\]'") as caught:
        charts.growth_chart()
    assert caught.value.name == "matplotlib"


def test_the_packaged_network_by_default() -> None:
    assert charts.held_per_year() == charts.held_per_year(lc.load())
    assert charts.after_cohorts()[-1][0] == lc.load().cohorts[-1].year
