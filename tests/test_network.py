"""Queries answer with the real values of the packaged data."""

from __future__ import annotations

import datetime as dt

import pytest

import learning_cities as lc


class TestCityLookup:
    def test_by_name_id_and_local_names(self, net: lc.Network) -> None:
        khon_kaen = net.city("Khon Kaen")
        assert khon_kaen.id == "th-khon-kaen"
        assert net.city("th-khon-kaen") is khon_kaen
        assert net.city("ขอนแก่น") is khon_kaen
        assert net.city("เทศบาลนครขอนแก่น") is khon_kaen
        assert net.city("  KHON   kaen ") is khon_kaen

    def test_accents_and_apostrophes_fold(self, net: lc.Network) -> None:
        assert net.city("Sonderborg").name == "Sønderborg"
        assert net.city("N’Zérékoré") is net.city("N'Zerekore")
        assert net.city("Balikesir").name == "Balıkesir"

    def test_award_spelling_is_an_alias(self, net: lc.Network) -> None:
        assert net.city("Santiago").name == "Santiago (Nuevo León)"

    def test_unknown_city_suggests(self, net: lc.Network) -> None:
        with pytest.raises(lc.UnknownCityError, match="did you mean 'Khon Kaen'") as info:
            net.city("Khon Kean")
        assert isinstance(info.value, LookupError)
        assert isinstance(info.value, lc.LearningCitiesError)
        assert info.value.value == "Khon Kean"

    def test_ambiguous_name_lists_ids(self, net: lc.Network) -> None:
        with pytest.raises(lc.AmbiguousCityError) as info:
            net.city("La Paz")
        assert info.value.candidates == ("ar-la-paz", "mx-la-paz")
        assert net.city("mx-la-paz").country.code == "MX"

    @pytest.mark.parametrize("bad", [None, 2024, b"Bangkok", ["Bangkok"]])
    def test_non_text_is_refused(self, net: lc.Network, bad: object) -> None:
        with pytest.raises(TypeError):
            net.city(bad)  # type: ignore[arg-type]


class TestSearch:
    def test_misspelling_finds_the_city_first(self, net: lc.Network) -> None:
        assert net.search("kon kaen")[0].name == "Khon Kaen"
        assert net.search("medelin")[0].name == "Medellín"

    def test_nothing_close_gives_empty(self, net: lc.Network) -> None:
        assert net.search("zzzzqqq") == ()
        assert net.search("") == ()

    def test_limit(self, net: lc.Network) -> None:
        assert len(net.search("seo", limit=3)) == 3
        with pytest.raises(ValueError, match="limit"):
            net.search("seo", limit=0)
        with pytest.raises(TypeError):
            net.search("seo", limit=True)


class TestWhere:
    def test_thailand_2024(self, net: lc.Network) -> None:
        names = [c.name for c in net.where(country="TH", region=lc.Region.ASIA_PACIFIC, joined=2024)]
        assert names == ["Bangkok", "Khon Kaen", "Yala"]

    def test_country_by_name_code_or_record(self, net: lc.Network) -> None:
        thailand = net.country("TH")
        assert net.where(country="Thailand") == net.where(country="THA") == net.where(country=thailand)
        assert len(net.where(country=thailand)) == 13

    def test_unknown_year_filter(self, net: lc.Network) -> None:
        unknown = net.where(joined=None)
        assert net.city("Cork") in unknown
        assert all(c.joined is None for c in unknown)

    def test_status_and_awarded(self, net: lc.Network) -> None:
        assert [c.name for c in net.where(status=lc.MembershipStatus.WITHDRAWN)] == ["Laâyoune"]
        assert net.where(status="withdrawn") == net.where(status=lc.MembershipStatus.WITHDRAWN)
        laureates = {c for award in net.awards for c in award.laureates}
        assert set(net.where(awarded=True)) == laureates
        assert not set(net.where(awarded=False)) & laureates

    def test_bad_filters(self, net: lc.Network) -> None:
        with pytest.raises(lc.UnknownRegionError, match="did you mean 'Africa'"):
            net.where(region="Afrika")
        with pytest.raises(lc.UnknownCountryError):
            net.where(country="Atlantis")
        with pytest.raises(TypeError):
            net.where(joined="2024")  # type: ignore[arg-type]
        with pytest.raises(ValueError, match="MembershipStatus"):
            net.where(status="gone")


class TestCountries:
    def test_unesco_forms_and_aliases(self, net: lc.Network) -> None:
        assert net.country("Turkey").name == "Türkiye"
        assert net.country("VNM").name == "Viet Nam"
        assert net.country("kr").name == "Republic of Korea"
        assert net.country("Kingdom of Bahrain").code == "BH"

    def test_unknown_country_suggests(self, net: lc.Network) -> None:
        with pytest.raises(lc.UnknownCountryError, match="did you mean 'Thailand'"):
            net.country("Thailandd")


class TestCohorts:
    def test_2022(self, net: lc.Network) -> None:
        cohort = net.cohort(2022)
        assert cohort.announced_on == dt.date(2022, 9, 2)
        assert (cohort.reported_cities, cohort.reported_countries) == (77, 44)
        assert cohort.network_cities_after == 294
        assert cohort.network_countries_after == 76

    def test_2024(self, net: lc.Network) -> None:
        cohort = net.cohort(2024)
        assert cohort.announced_on == dt.date(2024, 2, 14)
        assert (cohort.reported_cities, cohort.network_cities_after, cohort.population_millions) == (64, 356, 390)
        assert net.city("Bangkok") in cohort.cities

    def test_2020_keeps_the_correction(self, net: lc.Network) -> None:
        cohort = net.cohort(2020)
        assert cohort.reported_cities == 54
        assert cohort.network_cities_after == 229
        assert {(c.field, c.original, c.corrected) for c in cohort.corrections} == {
            ("reported_cities", 55, 54),
            ("network_cities_after", 230, 229),
        }
        laayoune = net.city("Laâyoune")
        assert laayoune in cohort.cities
        assert laayoune.status is lc.MembershipStatus.WITHDRAWN
        assert laayoune.status_changed == 2020

    def test_muharraq_is_one_city_in_two_cohorts(self, net: lc.Network) -> None:
        muharraq = net.city("Muharraq")
        assert len(net.where(country="BH")) == 1
        assert muharraq.cohorts == (2019, 2024)
        assert muharraq in net.cohort(2019).cities
        assert muharraq in net.cohort(2024).cities
        assert muharraq.conflicts

    def test_unknown_cohort(self, net: lc.Network) -> None:
        with pytest.raises(lc.UnknownCohortError, match="did you mean 2024"):
            net.cohort(2023)
        with pytest.raises(TypeError):
            net.cohort("2024")  # type: ignore[arg-type]

    def test_cohorts_in_year_order(self, net: lc.Network) -> None:
        assert [c.year for c in net.cohorts] == [2019, 2020, 2022, 2024, 2025]


class TestAwards:
    def test_editions(self, net: lc.Network) -> None:
        assert [(a.year, a.edition, len(a.laureates)) for a in net.awards] == [
            (2015, 1, 12),
            (2017, 2, 16),
            (2019, 3, 10),
            (2021, 4, 10),
            (2024, 5, 10),
        ]

    def test_conferences_of_awards(self, net: lc.Network) -> None:
        assert net.award(2017).conference.host_city == "Cork"
        assert net.award(2019).conference.number == 4
        host = net.award(2024).conference.country
        assert host is not None
        assert host.code == "SA"

    def test_cork_twice(self, net: lc.Network) -> None:
        assert [a.year for a in net.awards_of("Cork")] == [2015, 2024]
        assert net.awards_of(net.city("Bangkok")) == ()

    def test_laureates_missing_from_member_lists(self, net: lc.Network) -> None:
        # No join year found: the award year proves membership (only members may apply).
        for name, year in [("Huejotzingo", 2021), ("Shanghai", 2021)]:
            city = net.city(name)
            assert (city.joined, city.member_by) == (None, year), name
        # Our research found the join year (Belfast City Council; a UNESCO page on Ecuador).
        for name, joined in [("Belfast", 2018), ("Cuenca", 2017)]:
            city = net.city(name)
            assert (city.joined, city.member_by) == (joined, None), name
            assert city in net.award(2021 if name == "Belfast" else 2024).laureates

    def test_unknown_award(self, net: lc.Network) -> None:
        with pytest.raises(lc.UnknownAwardError, match="2015, 2017, 2019, 2021, 2024"):
            net.award(2018)


class TestConferences:
    def test_numbers_and_the_planned_seventh(self, net: lc.Network) -> None:
        assert [c.number for c in net.conferences] == [1, 2, 3, 4, 5, 6, 7]
        seventh = net.conference(7)
        assert (seventh.year, seventh.held, seventh.planned_month, seventh.host_city) == (2027, False, 6, None)
        assert net.conference(1).start == dt.date(2013, 10, 21)
        with pytest.raises(lc.UnknownConferenceError):
            net.conference(8)


class TestMembersOn:
    def test_cohort_announcement_day(self, net: lc.Network) -> None:
        bangkok = net.city("Bangkok")
        assert bangkok in net.members_on(dt.date(2024, 2, 14))
        assert bangkok not in net.members_on(dt.date(2024, 2, 13))
        assert net.member_since(bangkok) == dt.date(2024, 2, 14)

    def test_year_only_counts_from_year_end(self, net: lc.Network) -> None:
        cascais = net.city("Cascais")  # joined 2016; no dated source names a day
        assert (cascais.joined, net.member_since(cascais)) == (2016, dt.date(2016, 12, 31))

    def test_a_dated_source_counts_from_its_date(self, net: lc.Network) -> None:
        # AFP, 24 Jan 2017: Clermont-Ferrand the first French member (joined 2017)
        clermont = net.city("Clermont-Ferrand")
        assert (clermont.joined, net.member_since(clermont)) == (2017, dt.date(2017, 1, 24))
        assert clermont in net.members_on(dt.date(2017, 1, 24))
        assert clermont not in net.members_on(dt.date(2017, 1, 23))

    def test_award_proves_membership_from_the_conference(self, net: lc.Network) -> None:
        # Cork has no join year; it received the 2015 Award at the 2nd conference (opened 28 Sep 2015)
        cork = net.city("Cork")
        assert cork.member_since == net.member_since(cork) == net.award(2015).conference.start == dt.date(2015, 9, 28)
        assert cork in net.members_on(dt.date(2015, 9, 28))
        assert cork not in net.members_on(dt.date(2015, 9, 27))
        laureates_2015 = net.award(2015).laureates
        assert len(laureates_2015) == 12
        assert set(laureates_2015) <= set(net.members_on(dt.date(2015, 9, 28)))
        opened = net.award(2021).conference.start
        assert opened is not None
        assert set(net.award(2021).laureates) <= set(net.members_on(opened))

    def test_withdrawn_city_is_never_a_member(self, net: lc.Network) -> None:
        laayoune = net.city("Laâyoune")
        assert all(laayoune not in net.members_on(dt.date(y, 12, 31)) for y in range(2019, 2026))

    def test_growth(self, net: lc.Network) -> None:
        assert len(net.members_on(dt.date(2014, 1, 1))) == 0
        counts = [len(net.members_on(dt.date(y, 12, 31))) for y in range(2015, 2026)]
        assert counts == sorted(counts)
        assert counts[-1] == sum(1 for c in net.cities if c.is_active and net.member_since(c))

    def test_datetime_is_refused(self, net: lc.Network) -> None:
        with pytest.raises(TypeError, match="date"):
            net.members_on(dt.datetime(2024, 2, 14))


def test_load_is_cached(net: lc.Network) -> None:
    assert lc.load() is net
    assert net.data_as_of == dt.date(2025, 12, 4)
    total = net.reported_total
    assert total is not None
    assert (total.cities, total.countries) == (425, 91)


def test_version_is_a_string() -> None:
    assert isinstance(lc.__version__, str)
    assert lc.__version__.count(".") == 2


class TestResearchFindings:
    """Members our research added to the reference data (reference/research/)."""

    def test_charleroi_completes_the_countries_of_2020(self, net: lc.Network) -> None:
        charleroi = net.city("Charleroi")
        assert (charleroi.country.code, charleroi.joined, charleroi.cohorts) == ("BE", 2020, (2020,))
        cohort = net.cohort(2020)
        assert cohort.held_countries == cohort.reported_countries == 27

    def test_one_record_when_two_rounds_found_the_same_city(self, net: lc.Network) -> None:
        kaunas = net.city("Kaunas")
        assert (kaunas.joined, kaunas.country.name) == (2016, "Lithuania")
        assert "https://unesco.lt/archives/3285" in kaunas.sources
        assert len([c for c in net.where(country="LT") if c.name == "Kaunas"]) == 1

    def test_local_names_in_their_own_scripts(self, net: lc.Network) -> None:
        assert net.city("Витебск") == net.city("Віцебск") == net.city("Vitebsk")
        assert net.city("남구 (부산)").name == "Nam-gu (Busan)"
        assert net.city("남구 (울산)").name == "Nam-gu (Ulsan)"
        assert net.city("gunsan").local_names == {"ko": "군산시"}

    def test_undated_finds_keep_their_year_unknown(self, net: lc.Network) -> None:
        jinan = net.city("Jinan (Jeollabuk-do)")
        # a jjan.kr article of 10 April 2017 reports its approval: a member by 2017, year unknown
        assert (jinan.joined, jinan.member_by, jinan.member_since) == (None, 2017, dt.date(2017, 4, 10))
        makueni = net.city("Makueni County")
        assert (makueni.joined, makueni.member_by) == (None, 2025)
        assert any("2023" in conflict for conflict in makueni.conflicts)

    def test_a_likely_duplicate_was_left_out(self, net: lc.Network) -> None:
        # Garissa county is home to the Kuno Consortium (2022): not a second member.
        with pytest.raises(lc.UnknownCityError):
            net.city("Garissa")
        assert net.city("Kuno Consortium").joined == 2022

    def test_conflicting_years_are_both_kept(self, net: lc.Network) -> None:
        villa_maria = net.city("Villa María")
        assert villa_maria.joined == 2016
        assert any("gives 2017" in conflict for conflict in villa_maria.conflicts)
