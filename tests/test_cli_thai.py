"""Buddhist Era years on the command line (``--be``, ``พ.ศ. 2570``, Thai digits), and Thai
output (``--lang th``) from the message table."""

from __future__ import annotations

import argparse
import datetime as dt

import pytest

import learning_cities as lc
from learning_cities.cli import arguments
from learning_cities.cli.arguments import Era, read_date, read_year, resolve_date, resolve_year
from learning_cities.cli.messages import LANGUAGES, Messages
from learning_cities.cli.render_text import city_name, country_name
from test_cli import fails, ok, ok_json

# -- Buddhist Era input -------------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ("cohort", "2567"),
        ("awards", "2570"),
        ("eligibility", "Cork", "--award", "2570"),
        ("next-award", "--after", "2568-01-01"),
        ("members", "--on", "2567-02-14"),
        ("membership", "Nan", "--country", "TH", "--on", "2568-06-01"),
        ("next-award", "--after", "2567-02-29"),  # a day only in the Buddhist Era reading
    ],
)
def test_a_buddhist_era_slip_is_bad_usage(args: tuple[str, ...]) -> None:
    message = fails(2, *args)
    assert "looks like a Buddhist Era" in message
    assert "pass --be" in message
    assert "usage:" in message


def test_the_slip_names_the_common_era_year() -> None:
    assert "2570 - 543 = 2027" in fails(2, "awards", "2570")
    assert "in the Common Era it is 2024-02-14" in fails(2, "members", "--on", "2567-02-14")


def test_be_flag_reads_years_and_dates_as_buddhist_era(net: lc.Network) -> None:
    assert ok("--be", "cohort", "2567") == ok("cohort", "2024")
    assert ok("cohort", "2567", "--be") == ok("cohort", "2024")
    assert ok_json("--be", "awards", "2560") == ok_json("awards", "2017")
    assert ok_json("--be", "next-award", "--after", "2568-01-01") == ok_json("next-award", "--after", "2025-01-01")
    assert ok_json("--be", "members", "--on", "2567-02-14") == ok_json("members", "--on", "2024-02-14")
    in_be = ok_json("--be", "eligibility", "Cork", "--award", "2570")
    assert in_be == ok_json("eligibility", "Cork", "--award", "2027")


def test_be_flag_refuses_a_common_era_year() -> None:
    message = fails(2, "--be", "cohort", "2024")
    assert "Common Era year 1481" in message
    assert "leave out --be" in message


def test_leap_day_of_a_buddhist_era_year() -> None:
    """BE 2567 is CE 2024, a leap year; read in the Gregorian rule 2567 itself is not."""
    assert ok_json("--be", "next-award", "--after", "2567-02-29")["after"] == "2024-02-29"
    assert "not a day of the calendar" in fails(2, "--be", "next-award", "--after", "2568-02-29")


@pytest.mark.parametrize("year", ["พ.ศ. 2567", "พ.ศ.2567", "พ.ศ 2567", "๒๕๖๗ ", "พ.ศ. ๒๕๖๗"])
def test_thai_year_forms(year: str) -> None:
    args = ("cohort", year) if "พ" in year else ("--be", "cohort", year)
    assert ok_json(*args) == ok_json("cohort", "2024")


def test_the_mark_typed_apart_joins_its_year() -> None:
    assert ok_json("cohort", "พ.ศ.", "2567") == ok_json("cohort", "2024")
    assert ok_json("next-award", "--after", "พ.ศ.", "2568-01-01") == ok_json("next-award", "--after", "2025-01-01")


def test_marked_year_is_buddhist_era_even_without_be() -> None:
    assert ok_json("awards", "พ.ศ.2560") == ok_json("awards", "2017")
    assert "Common Era year 1481" in fails(2, "cohort", "พ.ศ. 2024")


def test_thai_digits_unmarked_are_common_era_digits() -> None:
    assert ok_json("cohort", "๒๐๒๔") == ok_json("cohort", "2024")
    assert "Buddhist Era" in fails(2, "cohort", "๒๕๖๗")


def test_lang_th_accepts_either_era() -> None:
    """With --lang th a year from 2400 on is Buddhist Era; an earlier one stays Common Era."""
    assert ok("--lang", "th", "cohort", "2567") == ok("--lang", "th", "cohort", "2024")
    assert ok_json("--lang", "th", "awards", "2560") == ok_json("awards", "2017")


def test_other_scripts_digits_are_not_years() -> None:
    assert "expected a year" in fails(2, "cohort", "٢٠٢٤")  # Arabic-Indic digits
    assert "expected a year" in fails(2, "cohort", "２０２４")  # full-width digits
    assert "expected a year" in fails(2, "cohort", "9" * 5000)


def test_readers_directly() -> None:
    assert read_year(" 2024 ") == arguments.YearArg(" 2024 ", 2024, False)
    assert read_date("2024-02-29") == arguments.DateArg("2024-02-29", 2024, 2, 29, False)
    with pytest.raises(argparse.ArgumentTypeError, match="YYYY-MM-DD"):
        read_date("2024-2-29")
    with pytest.raises(arguments.UsageError, match="from 1 to 2399, not 10600"):  # beyond any slip: out of range
        resolve_year(read_year("10600"), Era.COMMON)
    assert resolve_date(read_date("2024-02-29"), Era.EITHER) == dt.date(2024, 2, 29)
    with pytest.raises(arguments.UsageError, match="Buddhist Era"):
        resolve_date(read_date("2567-02-14"), Era.COMMON)


# -- Thai output --------------------------------------------------------------------------


def test_every_language_writes_years_and_dates() -> None:
    for lang in LANGUAGES:
        messages = Messages(lang)
        assert messages.year(2024)
        assert messages.date(dt.date(2024, 12, 31))
    with pytest.raises(ValueError, match="no texts for language 'xx'"):
        Messages("xx")


def test_thai_years_dates_and_ordinals() -> None:
    th = Messages("th")
    assert th.year(2024) == "พ.ศ. 2567"
    assert th.year(None) == "ไม่ทราบ"
    assert th.date(dt.date(2024, 2, 14)) == "14 กุมภาพันธ์ พ.ศ. 2567"
    assert th.date(None) == "ไม่ทราบ"
    assert th.ordinal(7) == "ที่ 7"
    en = Messages("en")
    assert [en.ordinal(n) for n in (1, 2, 3, 4, 11, 12, 13, 21, 22, 101, 111)] == [
        "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "101st", "111th",
    ]  # fmt: skip


def test_thai_city(net: lc.Network) -> None:
    city = net.city("Khon Kaen")
    text = ok("--lang", "th", "city", "Khon Kaen")
    assert text.startswith("ขอนแก่น (Khon Kaen)  (th-khon-kaen)\n")
    assert "พ.ศ. 2567" in text
    assert f"{city.member_since.day} กุมภาพันธ์ พ.ศ. 2567" in text  # type: ignore[union-attr]
    assert "เอเชียและแปซิฟิก" in text  # Asia and the Pacific
    assert "ไทย (TH)" in text  # the country's Thai name, from CLDR
    assert "2024" not in text.split("แหล่งที่มา")[0]  # every year above the sources is Buddhist Era


def test_thai_city_without_a_thai_name_keeps_unesco_name() -> None:
    assert ok("--lang", "th", "city", "Cork").startswith("Cork  (ie-cork)\n")


def test_thai_summary_and_awards(net: lc.Network) -> None:
    text = ok("--lang", "th")
    assert text.startswith("เครือข่ายเมืองแห่งการเรียนรู้ระดับโลกของยูเนสโก: ข้อมูล ณ ")
    for award in net.awards:
        assert f"พ.ศ. {award.year + 543}  ครั้งที่ {award.edition}" in text
    projected = ok("--lang", "th", "awards", "2027")
    assert projected.startswith("พ.ศ. 2570: รางวัลเมืองแห่งการเรียนรู้ของยูเนสโก ครั้งที่ 6 คาดการณ์")
    assert "กำหนดจัดในเดือนมิถุนายน พ.ศ. 2570" in projected  # planned for June 2027


def test_thai_json_is_the_same_json() -> None:
    assert ok_json("--lang", "th", "city", "Khon Kaen") == ok_json("city", "Khon Kaen")
    assert ok_json("--lang", "th", "members", "--on", "2024-02-14") == ok_json("members", "--on", "2024-02-14")


def test_country_and_city_names_by_language(net: lc.Network) -> None:
    thailand = net.country("TH")
    assert country_name(thailand, Messages("th")) == "ไทย"  # CLDR's Thai name
    assert country_name(thailand, Messages("en")) == "Thailand"  # UNESCO's English form
    assert city_name(net.city("Bangkok"), Messages("th")) == "กรุงเทพมหานคร"
    assert city_name(net.city("Bangkok"), Messages("en")) == "Bangkok"
