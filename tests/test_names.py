"""Names in every language: members by the names their people use, countries in UNESCO's languages."""

from __future__ import annotations

import unicodedata

import pytest

import learning_cities as lc

#: Held-out lookups: a name in the member's own script (or a common form), and the member's id.
CITY_NAMES = [
    ("ขอนแก่น", "th-khon-kaen"),  # Thai
    ("กรุงเทพฯ", "th-bangkok"),  # the abbreviation
    ("กรุงเทพ", "th-bangkok"),  # without its mark
    ("กรุงเทพมหานคร", "th-bangkok"),
    ("Krung Thep", "th-bangkok"),  # the romanised Thai name
    ("เทศบาลนครขอนแก่น", "th-khon-kaen"),  # city municipality
    ("จังหวัดระยอง", "th-rayong"),  # province
    ("ระยอง", "th-rayong"),
    ("เทศบาลเมืองตาก", "th-tak-municipality"),  # town municipality
    ("ตาก", "th-tak-municipality"),
    ("Tak", "th-tak-municipality"),
    ("남양주시", "kr-namyangju"),  # Hangul
    ("부천", "kr-bucheon"),  # without 시 (city)
    ("岡山", "jp-okayama"),  # without 市
    ("ΑΘΗΝΑ", "gr-athens"),  # Greek capitals, no accent
    ("杭州", "cn-hangzhou"),  # Han
    ("岡山市", "jp-okayama"),  # Kanji
    ("الرياض", "sa-riyadh"),  # Arabic
    ("أصفهان", "ir-isfahan"),  # Persian, written with hamza
    ("اصفهان", "ir-isfahan"),  # and without
    ("Λάρισα", "gr-larissa"),  # Greek
    ("Київ", "ua-kyiv"),  # Cyrillic (Ukrainian)
    ("Баян-Өндөр", "mn-bayan-ondor-orkhon"),  # Cyrillic (Mongolian)
    ("ባሕር-ዳር", "et-bahir-dar"),  # Ethiopic
    ("ბათუმი", "ge-batumi"),  # Georgian
    ("Դիլիջան", "am-dilijan"),  # Armenian
    ("തൃശ്ശൂർ", "in-thrissur"),  # Malayalam
]


@pytest.mark.parametrize(("name", "city_id"), CITY_NAMES)
def test_a_member_by_the_name_its_people_use(net: lc.Network, name: str, city_id: str) -> None:
    assert net.city(name).id == city_id


def test_eight_scripts_at_least() -> None:
    scripts = {unicodedata.name(name[0]).split()[0] for name, _ in CITY_NAMES}
    assert len(scripts) >= 8, scripts


@pytest.mark.parametrize(
    "pasted",
    [
        "\u200fKhon Kaen",  # a right-to-left mark
        "Khon\u200b Kaen",  # a zero-width space
        "Khon Kaen\ufe0f",  # a variation selector
        "ＫＨＯＮ　ＫＡＥＮ",  # full-width letters and space
        "\ufeffขอนแก่น",  # a byte order mark
    ],
)
def test_invisible_and_full_width_characters_are_ignored(net: lc.Network, pasted: str) -> None:
    assert net.city(pasted).id == "th-khon-kaen"


def test_every_member_looks_up_by_its_str(net: lc.Network) -> None:
    for city in net.cities:
        assert net.city(str(city)) is city


def test_every_member_in_a_non_latin_script_country_has_a_local_name_with_a_source(net: lc.Network) -> None:
    non_latin = {"AE", "BH", "CN", "DZ", "EG", "ET", "GE", "GR", "IN", "IQ", "IR", "JO", "JP", "KR", "KZ", "LB"}
    non_latin |= {"MA", "MN", "OM", "PS", "QA", "RU", "SA", "SY", "TH", "TN", "UA", "BY", "AM", "CY"}
    members = [c for c in net.cities if c.country.code in non_latin]
    without = sorted(c.name for c in members if not c.local_names)
    assert without == []
    assert all(c.sources for c in members)


class TestCountries:
    @pytest.mark.parametrize(
        "name",
        ["ไทย", "ประเทศไทย", "Tailandia", "Thaïlande", "Таиланд", "泰国", "تايلاند", "Thailand", "THA", "th"],
    )
    def test_thailand_by_any_of_its_names(self, net: lc.Network, name: str) -> None:
        assert net.country(name).code == "TH"

    def test_unescos_six_languages_and_thai_for_every_country(self, net: lc.Network) -> None:
        for country in net.countries:
            assert {"ar", "en", "es", "fr", "ru", "zh", "th"} <= set(country.names), country.code
            assert net.country(country.names["th"]) is country

    @pytest.mark.parametrize(("form", "code"), [("UK", "GB"), ("USA", "US"), ("U.S.", "US"), ("Turkey", "TR")])
    def test_common_forms(self, net: lc.Network, form: str, code: str) -> None:
        assert net.country(form).code == code

    def test_uk_no_longer_suggests_ukraine(self, net: lc.Network) -> None:
        assert net.country("UK").name.startswith("United Kingdom")


class TestGazetteerNames:
    """The second index: GeoNames' names of each member's place, read on the first miss."""

    @pytest.mark.parametrize(
        ("name", "city_id"),
        [
            ("Krung Thep Maha Nakhon", "th-bangkok"),
            ("방콕", "th-bangkok"),  # Bangkok in Hangul
            ("バンコク", "th-bangkok"),  # in Katakana
            ("曼谷", "th-bangkok"),  # in Chinese
            ("Пекин", "cn-beijing"),  # Beijing in Russian
            ("Pékin", "cn-beijing"),  # in French
            ("Ciudad de México", "mx-mexico-city"),
        ],
    )
    def test_names_from_the_gazetteer(self, net: lc.Network, name: str, city_id: str) -> None:
        assert net.city(name).id == city_id

    def test_the_members_own_names_come_first(self, net: lc.Network) -> None:
        # "Alexandria" is also a GeoNames name of Mashhad; the member named Alexandria wins
        assert net.city("Alexandria").id == "eg-alexandria"

    def test_a_network_without_the_index_only_knows_its_members_own_names(self) -> None:
        from learning_cities import _codec

        bare = lc.Network(**_codec.parse(_codec.read_bytes()))
        assert bare.city("Bangkok").id == "th-bangkok"
        with pytest.raises(lc.UnknownCityError):
            bare.city("曼谷")

    @pytest.mark.parametrize(
        ("content", "message"),
        [
            (b"\xff", "not valid UTF-8 JSON"),
            (b"[]", "expected an object with 'source'"),
            (b'{"source": "x", "names": {"a": []}}', r"names\['a'\]: expected a list of city ids"),
            (b'{"source": "x", "names": {"a": [1]}}', "expected a list of city ids"),
        ],
    )
    def test_a_malformed_index_is_a_data_error(self, content: bytes, message: str) -> None:
        from learning_cities import _codec

        with pytest.raises(lc.DataError, match=message) as caught:
            _codec.parse_alternate_names(content)
        assert str(caught.value).startswith("alternate_names.json: ")
