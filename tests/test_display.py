"""What a notebook shows: short reprs, HTML tables, and tables as DataFrames."""

from __future__ import annotations

import copy
import html
import pickle
import re

import attrs
import pytest

import learning_cities as lc
from learning_cities.display import MAX_ROWS, Rows, country_html


def cells(page: str) -> list[str]:
    return [html.unescape(cell) for cell in re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", page)]


class TestReprs:
    def test_cohorts_name_their_year_and_counts_not_their_cities(self, net: lc.Network) -> None:
        cohort = net.cohort(2022)
        assert repr(cohort) == f"Cohort(2022: {cohort.held} of 77 cities held, announced 2022-09-02)"
        assert len(repr(net.cohorts)) < 400

    def test_awards_conferences_and_the_network(self, net: lc.Network) -> None:
        assert repr(net.award(2024)) == "Award(2024: edition 5, 10 laureates, conference 6)"
        assert repr(net.conference(7)) == "Conference(7: host not yet known, planned 2027)"
        assert repr(net.conference(3)) == "Conference(3: Cork, Ireland, 2017-09-18)"
        assert repr(net).startswith("<Network: 401 active member cities held in 87 countries")

    def test_query_results(self, net: lc.Network) -> None:
        assert repr(net.where(country="TH", joined=2024)) == "Cities(3: Bangkok, Khon Kaen, Yala)"
        assert repr(net.where(country="TH")).endswith("... 8 more)")
        assert repr(net.search("zzzzzzzz")) == "Cities(0)"


class TestHtml:
    def test_a_city_shows_its_facts_and_links_its_sources(self, net: lc.Network) -> None:
        city = net.city("Khon Kaen")
        page = city._repr_html_()
        found = cells(page)
        assert "ขอนแก่น (th)" in found
        assert "2024-02-14" in found
        assert f'<a href="{city.sources[0]}">' in page
        assert "<em>unknown</em>" not in page.split("member by")[0]

    def test_a_city_without_a_year_says_member_by(self, net: lc.Network) -> None:
        found = cells(net.city("Cork")._repr_html_())
        assert found[found.index("member by") + 1] == "2015"

    def test_country_cohort_award_conference(self, net: lc.Network) -> None:
        thailand = cells(net.country("TH")._repr_html_())
        assert "ไทย (th)" in thailand[thailand.index("names") + 1]
        assert "member cities" not in thailand  # a record knows nothing of a network
        held = cells(country_html(net.country("TH"), net))  # the network knows its cities
        assert held[held.index("member cities") + 1] == "13 active of 13 held"
        assert held[: len(thailand)] == thailand
        cohort = net.cohort(2024)._repr_html_()
        shown = net.cohort(2024).cities[:MAX_ROWS]  # the table stops after MAX_ROWS and says so
        assert cells(cohort).count("Thailand") == len([c for c in shown if c.country.code == "TH"]) > 0
        assert f"(first {MAX_ROWS} of 60 shown)" in cohort
        award = cells(net.award(2024)._repr_html_())
        assert len(award) == 2 + 2 * 10
        conference = cells(net.conference(6)._repr_html_())
        assert conference[conference.index("dates") + 1] == "2024-12-03 to 2024-12-05"

    def test_the_network_and_results(self, net: lc.Network) -> None:
        found = cells(net._repr_html_())
        assert found[found.index("dated / undated") + 1] == f"{401 - len(net.undated)} / {len(net.undated)}"
        table = net.where(country="KR")._repr_html_()
        assert "55 member cities (first 30 of 55 shown)" in table
        assert table.count("<tr>") == 30 + 1

    def test_values_are_escaped(self, net: lc.Network) -> None:
        rows = Rows([lc.CriterionResult("x", lc.Outcome.MET, "<script>alert(1)</script>", "https://a.example")])
        page = rows._repr_html_()
        assert "<script>" not in page
        assert "&lt;script&gt;" in page

    def test_an_eligibility_report(self) -> None:
        page = lc.check_award_eligibility("Rayong", 2027)._repr_html_()
        assert "award-membership-12-months" in page
        assert "unknown" in page


class TestRows:
    def test_coverage_rows_are_a_table(self, net: lc.Network) -> None:
        rows = lc.coverage()
        assert isinstance(rows, tuple)
        assert rows == tuple(rows)
        records = rows.to_records()
        assert [r["label"] for r in records][:3] == [
            "2015-2018 (rolling admission)",
            "join year unknown",
            "undated (no source dates them)",
        ]
        assert records[-1]["held"] == 401
        assert pickle.loads(pickle.dumps(rows)) == rows
        assert "Member records held against UNESCO" in rows._repr_html_()

    def test_rows_become_dataframes_with_nullable_integers(self) -> None:
        pytest.importorskip("pandas")
        frame = lc.coverage().to_dataframe()
        assert str(frame["reported"].dtype) == "Int64"
        assert str(frame["held"].dtype) == "Int64"
        assert frame["reported"].isna().sum() == 3
        report = lc.check_award_eligibility("Cork", 2027).to_dataframe()
        assert list(report["outcome"]) == ["met", "not met", "met"]

    def test_empty_rows(self) -> None:
        assert Rows().to_records() == []
        assert "0 rows" in Rows()._repr_html_()


class TestTables:
    @pytest.mark.parametrize(
        ("table", "rows", "first"),
        [
            ("cohorts", 5, {"year": 2019, "reported_cities": 38}),
            ("laureates", 58, {"year": 2015, "conferred_on": "2015-09-28"}),
            ("conferences", 7, {"number": 1, "host_city": "Beijing"}),
            ("coverage", 9, {"label": "2015-2018 (rolling admission)"}),
            ("country_coverage", 87, {"country": "Republic of Korea"}),
        ],
    )
    def test_each_table(self, net: lc.Network, table: str, rows: int, first: dict[str, object]) -> None:
        records = net.to_records(table)
        assert len(records) == rows
        assert first.items() <= records[0].items()
        pytest.importorskip("pandas")
        frame = net.to_dataframe(table)
        assert len(frame) == rows

    def test_dates_in_tables_are_datetimes(self, net: lc.Network) -> None:
        pytest.importorskip("pandas")
        assert str(net.to_dataframe("cohorts")["announced_on"].dtype).startswith("datetime64")
        assert str(net.to_dataframe("conferences")["year"].dtype) == "Int64"

    def test_an_unknown_table(self, net: lc.Network) -> None:
        with pytest.raises(ValueError, match="no table 'towns'; the tables are cities, cohorts"):
            net.to_records("towns")
        with pytest.raises(TypeError, match="table must be a str"):
            net.to_records(3)  # type: ignore[arg-type]


def test_country_cities_and_city_awards_are_deprecated_and_name_the_network_query(net: lc.Network) -> None:
    thailand = net.country("TH")
    with pytest.warns(DeprecationWarning, match=r"Country.cities is deprecated.*net\.cities_in\(country\)"):
        assert thailand.cities == net.where(country="TH") == net.cities_in(thailand) == net.cities_in("Thailand")
    with pytest.warns(DeprecationWarning, match=r"City.awards is deprecated.*net\.awards_of\(city\)"):
        assert [a.year for a in net.city("Cork").awards] == [2015, 2024]
    stranger = lc.City(id="xx-nowhere", name="Nowhere", country=thailand, joined=2024)
    other = lc.Country(code="XX", alpha3="XXX", name="Nowhere", region=lc.Region.AFRICA)
    with pytest.warns(DeprecationWarning, match="City.awards"):
        assert stranger.awards == ()
    with pytest.warns(DeprecationWarning, match="Country.cities"):
        assert other.cities == ()
    with pytest.raises(lc.UnknownCountryError, match="that record is not in this network"):
        net.cities_in(other)


def test_a_cohort_holds_its_cities_as_cities_of_its_network(net: lc.Network) -> None:
    cohort = net.cohort(2024)
    assert isinstance(cohort.cities, lc.Cities)
    assert cohort.cities.network is net
    assert repr(cohort.cities).startswith("Cities(60: ")
    plain = attrs.evolve(cohort, cities=tuple(cohort.cities))
    assert plain == cohort
    assert hash(plain) == hash(cohort)
    assert pickle.loads(pickle.dumps(cohort)) == cohort
    assert getattr(pickle.loads(pickle.dumps(cohort)).cities, "network", None) is net
    assert copy.deepcopy(cohort) == cohort
    assert cohort.cities.to_records()[0]["id"] == cohort.cities[0].id


def test_a_cohort_of_another_network_holds_that_network() -> None:
    net = lc.load()
    other = lc.Network(
        net.data_as_of,
        cities=net.cities,
        countries=net.countries,
        cohorts=net.cohorts,
        awards=net.awards,
        conferences=net.conferences,
    )
    cohort = other.cohort(2022)
    assert isinstance(cohort.cities, lc.Cities)
    assert cohort.cities.network is other
    assert cohort == net.cohort(2022)
    again = pickle.loads(pickle.dumps(other))
    assert again.cohort(2022) == cohort
    again_cities = again.cohort(2022).cities
    assert isinstance(again_cities, lc.Cities)
    assert again_cities.network is again
    assert getattr(pickle.loads(pickle.dumps(cohort)).cities, "network", None) is not net


def test_cities_need_their_network() -> None:
    city = lc.load().city("Bangkok")
    with pytest.raises(TypeError, match="Cities needs the network the cities come from, not NoneType"):
        lc.Cities([city], None)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="missing 1 required positional argument: 'network'"):
        lc.Cities([city])  # type: ignore[call-arg]


def test_the_display_views_are_the_records_own_tables(net: lc.Network) -> None:
    from learning_cities import display

    city, country, cohort = net.city("Cork"), net.country("IE"), net.cohort(2020)
    assert display.city_html(city) == city._repr_html_()
    assert display.country_html(country) == country._repr_html_()
    assert display.cohort_html(cohort) == cohort._repr_html_()
    assert display.award_html(net.award(2017)) == net.award(2017)._repr_html_()
    assert display.conference_html(net.conference(3)) == net.conference(3)._repr_html_()
    assert cohort.cities[0].name in cells(cohort._repr_html_())
