"""Thai members answer to their municipal forms (derived by rule from their Thai official
names, lookup keys only: no record, display or export shows them) and to the standard
abbreviation กทม. for กรุงเทพมหานคร (a name, with its sources)."""

from __future__ import annotations

import io
import json
import re
from importlib.resources import files
from types import ModuleType

import attrs
import pytest

import learning_cities as lc
from conftest import load_tool
from learning_cities import _codec
from learning_cities._text import municipal_forms, normalize, thai_base_name
from test_cli import ok

NET = lc.load()
DATA = (files("learning_cities") / "data" / "gnlc.json").read_bytes()
PACKAGED = json.loads(DATA)
THAI = list(NET.where(country="TH"))
#: Each Thai member's forms that are no name of it: what the rule adds, as lookup keys only.
DERIVED = {
    city.id: [form for form in municipal_forms(city.official_names["th"]) if form != city.official_names["th"]]
    for city in THAI
}


def shows(text: str, form: str) -> bool:
    """Whether ``text`` writes ``form`` as a whole name (not inside the official name เทศบาลนคร...)."""
    return re.search(f"(?<![\u0e00-\u0e7f]){re.escape(form)}(?![\u0e00-\u0e7f])", text) is not None


@pytest.fixture(scope="module")
def thai_names() -> ModuleType:
    return load_tool("thai_names")


@pytest.mark.parametrize("query", ["กทม.", "นครขอนแก่น", "นครเชียงราย", "นครยะลา"])
def test_the_forms_a_thai_analyst_types(query: str) -> None:
    expected = {"กทม.": "th-bangkok", "นครขอนแก่น": "th-khon-kaen", "นครเชียงราย": "th-chiang-rai", "นครยะลา": "th-yala"}
    assert NET.city(query).id == expected[query]


@pytest.mark.parametrize("city", THAI, ids=lambda city: city.id)
def test_every_thai_member_answers_to_its_municipal_forms(city: lc.City) -> None:
    official = city.official_names["th"]
    forms = municipal_forms(official)
    if thai_base_name(official) is None:
        assert city.id == "th-bangkok"  # กรุงเทพมหานคร: a local government of its own kind, no prefix to take off
        assert forms == ()
        return
    assert len(forms) == 5
    assert len(DERIVED[city.id]) == 4  # the fifth form is the official name itself, a name
    for form in forms:
        assert NET.city(form) == city, form  # one member, never ambiguous
    for form in DERIVED[city.id]:
        # in the packaged index of derived keys, apart from the names' keys
        assert PACKAGED["derived_keys"][normalize(form)] == [city.id], form
        assert normalize(form) not in PACKAGED["name_keys"], form


@pytest.mark.parametrize("city", THAI, ids=lambda city: city.id)
def test_no_record_field_holds_a_derived_form(city: lc.City) -> None:
    names = {*city.aliases, *city.local_names.values(), *city.official_names.values(), city.name}
    assert not names & set(DERIVED[city.id])
    record = json.dumps(lc.unstructure(city), ensure_ascii=False) + lc.to_json(city)
    packaged = next(line for line in DATA.decode().splitlines() if line.startswith(f'  {{"id": "{city.id}"'))
    assert shows(packaged, city.official_names["th"])  # what ``shows`` looks for is there to find
    for form in DERIVED[city.id]:
        assert not shows(record, form), form
        assert not shows(packaged, form), form
        assert not shows(city._repr_html_(), form), form


def test_the_hat_yai_province_is_no_name() -> None:
    hat_yai = NET.city("จังหวัดหาดใหญ่")  # a lookup key: there is no province of Hat Yai
    assert hat_yai.id == "th-hat-yai"
    assert hat_yai.aliases == ()
    assert dict(hat_yai.official_names) == {"th": "เทศบาลนครหาดใหญ่"}


def test_no_export_or_city_output_shows_a_derived_form() -> None:
    forms = [form for derived in DERIVED.values() for form in derived]
    csv_text = io.StringIO()
    lc.exports.write_csv(NET, csv_text)
    shown = [
        csv_text.getvalue(),
        json.dumps(NET.to_records(), ensure_ascii=False),
        json.dumps(NET.to_geojson(), ensure_ascii=False),
        ok("export", "--format", "json"),
        ok("export", "--format", "geojson"),
    ]
    for city in THAI:
        shown += [ok("city", city.id), ok("--lang", "th", "city", city.id), ok("city", city.id, "--json")]
    for text in shown:
        assert not [form for form in forms if shows(text, form)]
    assert "also called:    Krung Thep; Krung Thep Maha Nakhon; กทม.; กรุงเทพ; กรุงเทพฯ\n" in ok("city", "กทม.")
    assert "also called" not in ok("city", "นครขอนแก่น")


def test_the_abbreviation_of_bangkok_is_a_name_with_its_source() -> None:
    bangkok = NET.city("กทม.")
    assert "กทม." in bangkok.aliases
    assert "https://xn--w8juj0cr28rkma.com/learning-thai/thai-abbreviation" in bangkok.sources
    assert PACKAGED["name_keys"][normalize("กทม.")] == ["th-bangkok"]


def _network(*cities: lc.City) -> lc.Network:
    return lc.Network(
        NET.data_as_of, cities=cities, countries=(NET.country("TH"),), cohorts=(), awards=(), conferences=()
    )


def test_a_hand_built_network_answers_to_the_forms() -> None:
    sections = ("cities", "countries", "cohorts", "awards", "conferences")
    hand_built = lc.Network(NET.data_as_of, **{name: getattr(NET, name) for name in sections})
    for city_id, forms in DERIVED.items():
        for form in forms:
            assert hand_built.city(form).id == city_id, form
    only_yala = _network(NET.city("th-yala"))
    assert only_yala.city("นครยะลา").id == "th-yala"
    with pytest.raises(lc.UnknownCityError):
        only_yala.city("นครขอนแก่น")


def test_a_network_document_round_trip_keeps_the_forms() -> None:
    parts = _codec.parse(DATA)
    text = _codec.render(_codec.dump(parts))
    assert text.encode() == DATA  # the build's own writing, byte for byte
    again = lc.Network.from_data(text.encode(), file="copy.json")
    for city_id, forms in DERIVED.items():
        for form in forms:
            assert again.city(form).id == city_id, form
    assert [city.aliases for city in again.where(country="TH")] == [city.aliases for city in THAI]


def test_a_full_read_checks_the_derived_keys() -> None:
    data = json.loads(DATA)
    data["derived_keys"]["นครแอตแลนติส"] = ["th-bangkok"]
    with pytest.raises(lc.DataError, match=r"derived_keys: the lookup keys do not match .*'นครแอตแลนติส'"):
        lc.Network.from_data(json.dumps(data, ensure_ascii=False).encode(), lazy=True)
    data["derived_keys"] = []
    with pytest.raises(lc.DataError, match="derived_keys: expected an object of lookup key to city ids"):
        lc.Network.from_data(json.dumps(data).encode())
    del data["derived_keys"]
    with pytest.raises(lc.DataError, match=r"missing \['derived_keys'\]"):
        lc.Network.from_data(json.dumps(data).encode())


def test_a_name_wins_over_a_derived_form() -> None:
    yala, khon_kaen = NET.city("th-yala"), NET.city("th-khon-kaen")
    named = _network(yala, attrs.evolve(khon_kaen, aliases=("นครยะลา",)))
    assert named.city("นครยะลา").id == "th-khon-kaen"  # its name, not Yala's derived form
    assert named.city("เมืองยะลา").id == "th-yala"


def _record(city_id: str, name: str, official: str, aliases: tuple[str, ...] = ()) -> dict[str, object]:
    return {
        "id": city_id,
        "name": name,
        "country": "TH",
        "aliases": list(aliases),
        "local_names": {"th": official.removeprefix("เทศบาลนคร").removeprefix("จังหวัด")},
        "official_names": {"th": official},
    }


def test_the_build_refuses_a_form_another_member_answers_to(thai_names: ModuleType) -> None:
    records = [_record("th-a", "A", "เทศบาลนครขอนแก่น"), _record("th-b", "B", "จังหวัดยะลา", aliases=("นครขอนแก่น",))]
    with pytest.raises(thai_names.NameCollisionError, match=r"'นครขอนแก่น' of th-a .* is a name th-b answers to"):
        thai_names.lookup_forms(records)
    twins = [_record("th-a", "A", "เทศบาลนครขอนแก่น"), _record("th-b", "B", "จังหวัดขอนแก่น")]
    with pytest.raises(thai_names.NameCollisionError):
        thai_names.lookup_forms(twins)


def test_the_build_gives_the_forms_and_leaves_the_records(thai_names: ModuleType) -> None:
    records = [_record("th-a", "A", "เทศบาลนครขอนแก่น"), _record("th-c", "C", "กรุงเทพมหานคร")]
    found = thai_names.lookup_forms(records)
    assert found == {"th-a": ("เทศบาลเมืองขอนแก่น", "จังหวัดขอนแก่น", "นครขอนแก่น", "เมืองขอนแก่น"), "th-c": ()}
    assert [record["aliases"] for record in records] == [[], []]
    assert thai_names.lookup_forms(
        [_record(c.id, c.name, c.official_names["th"]) | {"local_names": dict(c.local_names)} for c in THAI]
    ) == {city_id: tuple(forms) for city_id, forms in DERIVED.items()}


def test_the_build_turns_a_collision_into_a_build_error(monkeypatch: pytest.MonkeyPatch) -> None:
    build_data = load_tool("build_data")

    def collide(records: object) -> None:
        raise build_data.thai_names.NameCollisionError("the form 'x' of th-a is a name th-b answers to")

    monkeypatch.setattr(build_data.thai_names, "lookup_forms", collide)
    with pytest.raises(build_data.BuildError, match="the form 'x' of th-a"):
        build_data.members()
