"""The display switch (lc.set_display) and BE tables: per context, checked, and true to the data."""

from __future__ import annotations

import asyncio
import datetime as dt
import threading

import pytest
from hypothesis import given
from hypothesis import strategies as st

import learning_cities as lc
from learning_cities._i18n import Language, translate
from learning_cities.display_options import DisplayOptions, get_display, show_date, show_year


@pytest.fixture(autouse=True)
def _defaults() -> object:
    """Each test starts, and leaves, with the default display."""
    with lc.set_display(calendar="gregorian", language="en"):
        yield None


class TestTheSwitch:
    def test_default_is_the_common_era_in_english(self) -> None:
        assert lc.get_display() == DisplayOptions("gregorian", "en")
        assert show_year(2024) == "2024"
        assert show_date(dt.date(2024, 2, 14)) == "2024-02-14"

    def test_a_plain_call_holds_until_changed(self) -> None:
        lc.set_display(calendar="buddhist", language="th")
        assert show_year(2024) == "พ.ศ. 2567"
        assert show_date(dt.date(2025, 12, 4)) == "4 ธันวาคม พ.ศ. 2568"
        lc.set_display(language="en")  # the calendar stays
        assert get_display() == DisplayOptions("buddhist", "en")
        assert show_year(2024) == "B.E. 2567"

    def test_the_context_manager_restores_the_earlier_options(self) -> None:
        lc.set_display(language="th")
        with lc.set_display(calendar="buddhist") as options:
            assert options == DisplayOptions("buddhist", "th") == get_display()
            with lc.set_display(calendar="gregorian", language="en"):
                assert get_display() == DisplayOptions()
            assert get_display() == DisplayOptions("buddhist", "th")
        assert get_display() == DisplayOptions("gregorian", "th")

    def test_the_context_manager_restores_after_an_error(self) -> None:
        with pytest.raises(KeyError), lc.set_display(calendar="buddhist"):
            raise KeyError("inside")
        assert get_display() == DisplayOptions()

    def test_a_thread_starts_with_the_defaults_and_does_not_leak(self) -> None:
        lc.set_display(calendar="buddhist", language="th")
        seen: list[DisplayOptions] = []

        def work() -> None:
            seen.append(get_display())
            lc.set_display(calendar="gregorian", language="en")
            seen.append(get_display())

        thread = threading.Thread(target=work)
        thread.start()
        thread.join()
        assert seen == [DisplayOptions(), DisplayOptions()]
        assert get_display() == DisplayOptions("buddhist", "th")

    def test_an_async_task_changes_only_its_own_copy(self) -> None:
        async def cell(calendar: str) -> DisplayOptions:
            lc.set_display(calendar=calendar, language="th")
            await asyncio.sleep(0)  # the other task runs here
            return get_display()

        async def both() -> list[DisplayOptions]:
            return list(await asyncio.gather(cell("buddhist"), cell("gregorian")))

        assert asyncio.run(both()) == [DisplayOptions("buddhist", "th"), DisplayOptions("gregorian", "th")]
        assert get_display() == DisplayOptions()

    def test_leaving_in_another_context_puts_the_earlier_options_back(self) -> None:
        import contextvars

        setting = lc.set_display(calendar="buddhist")
        other = contextvars.copy_context()  # a copy: the token is not of its making
        other.run(setting.__exit__, None, None, None)
        assert other.run(get_display) == DisplayOptions()
        setting.__exit__(None, None, None)
        assert get_display() == DisplayOptions()

    def test_repr_says_what_is_set(self) -> None:
        assert repr(lc.set_display(calendar="buddhist")) == "set_display(calendar='buddhist', language='en')"


class TestBadInput:
    @pytest.mark.parametrize(
        ("arguments", "accepted"),
        [
            ({"calendar": "julian"}, "'gregorian', 'buddhist'"),
            ({"calendar": "BE"}, "'gregorian', 'buddhist'"),
            ({"calendar": "Buddhist"}, "'gregorian', 'buddhist'"),
            ({"language": "thai"}, "'en', 'th'"),
            ({"language": "TH"}, "'en', 'th'"),
            ({"language": ""}, "'en', 'th'"),
        ],
    )
    def test_unknown_names_name_the_accepted(self, arguments: dict[str, str], accepted: str) -> None:
        with pytest.raises(ValueError, match=f"must be one of {accepted}; not "):
            lc.set_display(**arguments)
        assert get_display() == DisplayOptions()  # nothing changed

    @pytest.mark.parametrize("bad", [1, True, b"th", ["th"]])
    def test_non_text_raises_type_error(self, bad: object) -> None:
        with pytest.raises(TypeError, match="language must be a str"):
            lc.set_display(language=bad)  # type: ignore[arg-type]

    @given(st.integers() | st.binary(max_size=5) | st.lists(st.text(max_size=3), max_size=2))
    def test_every_language_and_calendar_check_refuses_non_text_with_a_type_error(self, bad: object) -> None:
        # one check of a calendar and a language: the display, the terminal's texts, the tables
        with pytest.raises(TypeError, match="calendar must be a str"):
            Language("en", bad)  # type: ignore[arg-type]
        with pytest.raises(TypeError, match="language must be a str"):
            Language(bad)  # type: ignore[arg-type]
        with pytest.raises(TypeError, match="language must be a str"):
            translate("eligible", bad)  # type: ignore[arg-type]

    @given(st.text(max_size=50) | st.integers() | st.none())
    def test_hostile_values_end_in_a_typed_error_or_a_known_option(self, value: object) -> None:
        known = {DisplayOptions(c, lang) for c in lc.display_options.CALENDARS for lang in lc.display_options.LANGUAGES}
        with lc.set_display():
            if value is None:
                lc.set_display(calendar=value, language=value)
            elif value in known or not isinstance(value, str):
                with pytest.raises((TypeError, ValueError)):
                    lc.set_display(calendar=value, language=value)  # type: ignore[arg-type]
            else:
                with pytest.raises(ValueError, match="must be one of") as caught:
                    lc.set_display(calendar=value, language=value)
                assert len(str(caught.value)) < 200
            assert get_display() in known

    def test_a_bad_calendar_for_a_table(self, net: lc.Network) -> None:
        pytest.importorskip("pandas")
        with pytest.raises(ValueError, match="calendar must be one of 'gregorian', 'buddhist'; not 'thai'"):
            net.where(country="TH").to_dataframe(calendar="thai")
        with pytest.raises(ValueError, match="calendar must be one of"):
            net.to_dataframe("cohorts", calendar="be")
        with pytest.raises(ValueError, match="calendar must be one of"):
            lc.coverage().to_dataframe(calendar="BE")


class TestTheCatalog:
    def test_month_names_are_cldrs(self) -> None:
        dates = pytest.importorskip("babel.dates")
        thai = dates.get_month_names("wide", locale="th")
        assert [Language("th").month(i) for i in range(1, 13)] == [thai[i] for i in range(1, 13)]

    def test_every_header_of_the_displays_has_a_thai_text(self) -> None:
        for header in ("Name", "Local name", "Country", "Kind", "Joined", "Member since", "Status"):
            assert translate(header, "th") != header


class TestBuddhistEraTables:
    def test_cities(self, net: lc.Network) -> None:
        pytest.importorskip("pandas")
        thai = net.where(country="TH")
        common, buddhist = thai.to_dataframe(), thai.to_dataframe(calendar="buddhist")
        for column in ("joined", "member_by", "last_confirmed", "status_changed"):
            assert str(buddhist[column].dtype) == "Int64"
            assert (buddhist[column] - 543).equals(common[column])
        row = buddhist.set_index("name").loc["Khon Kaen"]
        assert (row["joined"], row["cohorts"], row["awards"]) == (2567, [2567], [])
        assert buddhist["member_since"].equals(common["member_since"])  # dates stay datetime64, CE
        assert buddhist.set_index("name").loc["Bangkok", "joined"] == 2024 + 543
        assert thai.to_dataframe(calendar="gregorian").equals(common)

    def test_awards_are_listed_in_be(self, net: lc.Network) -> None:
        pytest.importorskip("pandas")
        frame = net.to_dataframe(calendar="buddhist").set_index("name")
        assert frame.loc["Cork", "awards"] == [2558, 2567]
        assert pytest.approx(frame["joined"].dropna().min()) == min(c.joined for c in net.cities if c.joined) + 543

    @pytest.mark.parametrize(("table", "column"), [("cohorts", "year"), ("laureates", "year"), ("conferences", "year")])
    def test_network_tables(self, net: lc.Network, table: str, column: str) -> None:
        pytest.importorskip("pandas")
        common, buddhist = net.to_dataframe(table), net.to_dataframe(table, calendar="buddhist")
        assert str(buddhist[column].dtype) == "Int64"
        assert list(buddhist[column]) == [year + 543 for year in common[column]]

    def test_coverage_and_recency(self, net: lc.Network) -> None:
        pd = pytest.importorskip("pandas")
        coverage = net.to_dataframe("coverage", calendar="buddhist")
        assert coverage.set_index("label").loc["2022", "year"] == 2565
        assert str(coverage["year"].dtype) == "Int64"
        assert lc.coverage(net).to_dataframe(calendar="buddhist").equals(coverage)
        recency = lc.recency(net).to_dataframe(calendar="buddhist").set_index("label")
        assert recency.loc["confirmed 2019-2021", ["since", "until"]].tolist() == [2562, 2564]
        assert pd.isna(recency.loc["confirmed 2022 or later", "until"])
        assert net.to_dataframe("country_coverage", calendar="buddhist").equals(net.to_dataframe("country_coverage"))


class TestSignatures:
    """help(lc.City) and tab completion show real defaults, not attrs' NOTHING."""

    @pytest.mark.parametrize("record", ["City", "Country", "Cohort", "Award", "Conference", "Location", "Population"])
    def test_no_record_signature_shows_nothing(self, record: str) -> None:
        import inspect
        import pydoc

        kind = getattr(lc, record)
        for signature in (inspect.signature(kind), inspect.signature(kind.__init__)):
            assert "NOTHING" not in str(signature)
            assert ": object" not in str(signature)
        lines = pydoc.plain(pydoc.render_doc(kind)).splitlines()
        assert not [line for line in lines if "NOTHING" in line and "__attrs_attrs__" not in line]

    def test_the_defaults_shown_are_the_real_ones(self, net: lc.Network) -> None:
        import inspect

        parameters = inspect.signature(lc.City).parameters
        assert str(parameters["local_names"]) == "local_names: collections.abc.Mapping[str, str] = {}"
        assert repr(parameters["region"].default) == "country.region"
        assert parameters["status"].default is lc.MembershipStatus.ACTIVE
        assert str(parameters["kind"].default) == "city"
        assert list(parameters)[:4] == ["id", "name", "country", "joined"]
        assert next(iter(inspect.signature(lc.City.__init__).parameters)) == "self"
        city = lc.City("xx-test", "Test", net.country("TH"), 2024)  # the defaults shown are what a record gets
        assert dict(city.local_names) == {}
        assert city.region is net.country("TH").region

    def test_tab_completion_sees_them(self) -> None:
        jedi = pytest.importorskip("jedi")
        (signature,) = jedi.Interpreter("lc.City(", [{"lc": lc}]).get_signatures()
        described = {param.name: param.description for param in signature.params}
        assert described["local_names"] == "param local_names: collections.abc.Mapping[str, str]={}"
        assert described["region"] == "param region: learning_cities.model.Region=country.region"


def _cells(page: str) -> list[str]:
    import html
    import re

    return [html.unescape(cell) for cell in re.findall(r"<t[dh](?:\s[^>]*)?>(.*?)</t[dh]>", page)]


def _after(cells: list[str], label: str) -> str:
    return cells[cells.index(label) + 1]


class TestThaiDisplays:
    """With set_display(calendar="buddhist", language="th"), every HTML display is in BE and Thai."""

    @pytest.fixture(autouse=True)
    def _thai(self) -> object:
        with lc.set_display(calendar="buddhist", language="th"):
            yield None

    def test_a_city(self, net: lc.Network) -> None:
        page = net.city("Khon Kaen")._repr_html_()
        assert "<caption>ขอนแก่น (ไทย)</caption>" in page
        found = _cells(page)
        assert _after(found, "เข้าร่วม") == "พ.ศ. 2567"
        assert _after(found, "เป็นสมาชิกตั้งแต่") == "14 กุมภาพันธ์ พ.ศ. 2567"
        assert _after(found, "สถานะ") == "เป็นสมาชิก"
        assert _after(found, "ชื่อภาษาอังกฤษ") == "Khon Kaen"
        assert _after(found, "ภูมิภาค") == "เอเชียและแปซิฟิก"
        cork = _cells(net.city("Cork")._repr_html_())
        assert _after(cork, "เป็นสมาชิกภายใน") == "พ.ศ. 2558"
        assert _after(cork, "เข้าร่วม") == "<em>ไม่ทราบ</em>"

    def test_the_cities_of_a_query(self, net: lc.Network) -> None:
        thai = net.where(country="TH")
        found = _cells(thai._repr_html_())
        assert found[:7] == ["ชื่อ", "ชื่อภาษาอังกฤษ", "ประเทศ", "ประเภท", "เข้าร่วม", "เป็นสมาชิกตั้งแต่", "สถานะ"]
        rows = [found[7 + 7 * i : 14 + 7 * i] for i in range(len(thai))]
        for city, row in zip(thai, rows, strict=True):
            assert row[0] == city.local_names["th"]
            assert row[1] == city.name
            assert row[2] == net.country("TH").names["th"]
            assert city.joined is not None
            assert row[4] == f"พ.ศ. {city.joined + 543}"
            assert row[6] == "เป็นสมาชิก"  # filled for every city
        cork = _cells(net.where(country="IE")._repr_html_())
        assert net.country("IE").names["th"] in cork
        assert "ภายใน พ.ศ. 2558" in cork  # no join year: the year it was a member by

    def test_a_cohort_an_award_a_conference(self, net: lc.Network) -> None:
        cohort = net.cohort(2024)._repr_html_()
        assert "<caption>รุ่นปี พ.ศ. 2567 ประกาศเมื่อ 14 กุมภาพันธ์ พ.ศ. 2567</caption>" in cohort
        assert "ขอนแก่น" in _cells(cohort)
        award = _cells(net.award(2024)._repr_html_())
        assert award[:2] == ["เมืองที่ได้รับรางวัล", "ประเทศ"]
        assert net.country("IE").names["th"] == award[award.index("Cork") + 1]
        assert "พ.ศ. 2567" in net.award(2024)._repr_html_()
        conference = _cells(net.conference(6)._repr_html_())
        assert _after(conference, "วันที่") == "3 ธันวาคม พ.ศ. 2567 ถึง 5 ธันวาคม พ.ศ. 2567"

    def test_coverage_in_percentages_and_be(self, net: lc.Network) -> None:
        rows = lc.coverage(net)
        found = _cells(rows._repr_html_())
        assert "สัดส่วน" in found
        row = next(r for r in rows if r.year == 2019)
        assert row.share is not None
        assert found[found.index("2019") : found.index("2019") + 8] == [
            "2019",
            "พ.ศ. 2562",
            str(row.held),
            str(row.reported),
            str(row.held_countries),
            str(row.reported_countries),
            str(row.missing),
            f"{row.share:.1%}",
        ]
        assert "ไม่ทราบปีที่เข้าร่วม" in found  # the rows' labels from the catalog
        recency = _cells(lc.recency(net)._repr_html_())
        assert "ยืนยันตั้งแต่ พ.ศ. 2565" in recency
        korea = _cells(lc.country_coverage(net)._repr_html_())
        assert net.country("KR").names["th"] in korea
        assert "4 ธันวาคม พ.ศ. 2568" in korea  # the national figure's day, in BE

    def test_an_eligibility_report_and_the_network(self, net: lc.Network) -> None:
        with lc.set_display(calendar="gregorian", language="en"):  # in English, the question as the report asks it
            for report in (
                lc.check_award_eligibility("Cork", 2027),
                lc.check_membership(
                    lc.MembershipApplication(city="Newtown", country="TH", submitted_on=dt.date(2025, 1, 1))
                ),
            ):
                assert f"<b>{report.question}</b>" in report._repr_html_()
        page = lc.check_award_eligibility("Khon Kaen", 2027)._repr_html_()
        assert "ขอนแก่น (ไทย) สมัครรางวัลเมืองแห่งการเรียนรู้ปี พ.ศ. 2570 ได้หรือไม่?" in page
        assert "มีสิทธิ์" in page
        assert _cells(page)[:4] == ["เกณฑ์", "ผล", "เหตุผล", "แหล่งที่มา"]
        assert _cells(page).count("ผ่าน") == 3
        assert "ขอนแก่น (ไทย) เป็นสมาชิกตั้งแต่ 14 กุมภาพันธ์ พ.ศ. 2567" in _cells(page)  # the reasons, said in Thai
        network = net._repr_html_()
        assert "ข้อมูล ณ 4 ธันวาคม พ.ศ. 2568" in network
        assert "พ.ศ. 2562, พ.ศ. 2563, พ.ศ. 2565, พ.ศ. 2567, พ.ศ. 2568" in _cells(network)


class TestTablesThatReadWell:
    def test_human_headers_everywhere(self, net: lc.Network) -> None:
        import re

        pages = [
            net.where(country="TH")._repr_html_(),
            lc.coverage(net)._repr_html_(),
            lc.country_coverage(net)._repr_html_(),
            lc.recency(net)._repr_html_(),
            lc.check_award_eligibility("Cork", 2027)._repr_html_(),
            net.city("Cork")._repr_html_(),
            net.cohort(2022)._repr_html_(),
        ]
        for page in pages:
            headers = re.findall(r"<th(?:\s[^>]*)?>(.*?)</th>", page)
            assert headers
            assert not [h for h in headers if "_" in h or h[:1].islower()], headers

    def test_shares_as_percentages_and_status_filled_in_english(self, net: lc.Network) -> None:
        coverage = lc.coverage(net)._repr_html_()
        assert "0.71" not in coverage
        assert all(f"<td>{r.share:.1%}</td>" in coverage for r in lc.coverage(net) if r.share is not None)
        thai = _cells(net.where(country="TH")._repr_html_())
        assert thai.count("active") == 13
        withdrawn = _cells(net.where(country="MA")._repr_html_())
        assert "withdrawn" in withdrawn


class TestTheCalendarAndTheLanguageAreApart:
    """Thai texts with Common Era years, and English texts with Buddhist Era years, in every display."""

    def test_thai_words_with_common_era_years(self) -> None:
        report = lc.check_award_eligibility("Rayong", 2027)
        with lc.set_display(language="th", calendar="gregorian"):
            html = report._repr_html_()
        assert "พ.ศ." not in html
        assert "2027" in html
        assert "ธันวาคม 2025" in html  # Rayong's membership, dated 4 December 2025, in Thai words

    def test_english_words_with_buddhist_era_years(self) -> None:
        report = lc.check_award_eligibility("Rayong", 2027)
        with lc.set_display(language="en", calendar="buddhist"):
            html = report._repr_html_()
        assert "B.E. 2570" in html
        assert "4 December B.E. 2568" in html

    @given(st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(2399, 12, 31)))
    def test_a_date_is_written_in_the_chosen_calendar(self, day: dt.date) -> None:
        for language in ("en", "th"):
            with lc.set_display(language=language, calendar="gregorian"):
                assert show_date(day).endswith(str(day.year)) or show_date(day) == day.isoformat()
            with lc.set_display(language=language, calendar="buddhist"):
                assert show_date(day).endswith(str(day.year + 543))


def test_an_assumed_call_is_named_for_what_it_is_in_thai() -> None:
    """The 2027 award's call is not published: in Thai its name says it is the latest known call, assumed."""
    report = lc.check_award_eligibility("Rayong", 2027)
    assert not report.call_published
    with lc.set_display(calendar="buddhist", language="th"):
        html = report._repr_html_()
    assert "award-2024 (" not in html
    assert "ประกาศรับสมัครรางวัล พ.ศ. 2567 (ประกาศล่าสุดที่ทราบ" in html
    assert "award-2024 (the latest known call" in report._repr_html_()  # English names a call by its id
