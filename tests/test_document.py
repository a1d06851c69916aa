"""The network as one JSON document: lc.to_json(net) and lc.from_json(text, lc.Network)."""

from __future__ import annotations

import copy
import json
import pickle
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import learning_cities as lc
from learning_cities import document
from learning_cities.serialization import StructureError

SECTIONS = (
    "cities",
    "countries",
    "cohorts",
    "awards",
    "conferences",
    "network_totals",
    "membership_changes",
    "country_totals",
)


@pytest.fixture(scope="module")
def net() -> lc.Network:
    return lc.load()


@pytest.fixture(scope="module")
def text(net: lc.Network) -> str:
    return lc.to_json(net)


@pytest.fixture(scope="module")
def again(text: str) -> lc.Network:
    return lc.from_json(text, lc.Network)


def test_every_section_and_the_data_date_round_trip(net: lc.Network, again: lc.Network) -> None:
    assert set(SECTIONS) == set(document.SECTIONS)
    for section in SECTIONS:
        assert getattr(again, section) == getattr(net, section), section
        assert len(getattr(again, section)) == len(getattr(net, section)) > 0, section
    assert again.data_as_of == net.data_as_of
    assert again is not net
    assert not lc.diff(net, again)
    assert lc.to_json(again) == lc.to_json(net)


def _outcome(network: lc.Network, name: str) -> str | tuple[str, ...]:
    try:
        return network.city(name).id
    except lc.AmbiguousCityError as error:
        return error.candidates


def test_every_name_of_every_city_looks_it_up(net: lc.Network, again: lc.Network) -> None:
    looked_up = 0
    for city in again.cities:
        for name in (city.id, city.name, *city.aliases, *city.local_names.values(), *city.official_names.values()):
            found = _outcome(again, name)
            assert found == _outcome(net, name), (city.id, name)
            assert found == city.id or city.id in found, (city.id, name)
            looked_up += 1
        assert again.city(str(city)) == city
    assert looked_up > 2 * len(again.cities)
    assert again.country("ไทย") == net.country("TH")
    assert [c.year for c in again.awards_of("Cork")] == [2015, 2024]


def test_the_document_names_its_format_version_and_date(net: lc.Network, text: str) -> None:
    data = json.loads(text)
    assert list(data)[:4] == ["format", "schema", "library_version", "data_as_of"]
    assert (data["format"], data["schema"]) == ("learning-cities/network", document.SCHEMA_VERSION)
    assert data["library_version"] == lc.__version__
    assert data["data_as_of"] == net.data_as_of.isoformat()
    assert lc.unstructure(net) == data


def test_records_refer_to_each_other_by_id(net: lc.Network, text: str) -> None:
    data = json.loads(text)
    bangkok = next(city for city in data["cities"] if city["id"] == "th-bangkok")
    assert bangkok["country"] == "TH"
    assert "region" not in bangkok
    award = next(award for award in data["awards"] if award["year"] == 2017)
    assert award["conference"] == 3
    assert award["laureates"] == [city.id for city in net.award(2017).laureates]
    cohort = next(cohort for cohort in data["cohorts"] if cohort["year"] == 2024)
    assert "cities" not in cohort, "derived from the cities' cohorts, as the data file derives them"
    assert 2024 in bangkok["cohorts"]
    korea = next(total for total in data["country_totals"] if total["as_of"] == "2017-09")
    assert korea["country"] == "KR"
    assert len(text) < len(lc.to_json(list(net.cities))), "a city is not repeated with its whole country"


def test_indent_is_checked_as_for_records(net: lc.Network) -> None:
    assert lc.to_json(net, indent=1).startswith('{\n "format"')
    with pytest.raises(TypeError, match="indent"):
        lc.to_json(net, indent="  ")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="indent"):
        lc.to_json(net, indent=99)


def test_bytes_read_as_text(text: str, net: lc.Network) -> None:
    assert lc.from_json(text.encode("utf-8"), lc.Network).cities == net.cities
    assert lc.from_json(bytearray(text.encode("utf-16")), lc.Network).data_as_of == net.data_as_of
    assert lc.from_json(memoryview(text.encode("utf-8")), lc.Network).countries == net.countries


def test_the_network_pickles_after_a_round_trip(again: lc.Network) -> None:
    assert pickle.loads(pickle.dumps(again)).cities == again.cities
    assert copy.deepcopy(again) is again


# -- what is refused, with its path ----------------------------------------------------------------


def _edited(text: str, **changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(text)
    data.update(changes)
    return data


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        ({"schema": 9}, r"schema 9 is not supported; this library reads schema 1 @ \$\.schema"),
        ({"schema": "1"}, r"expected the schema version \(an int\), got '1' @ \$\.schema"),
        ({"schema": True}, r"expected the schema version .* @ \$\.schema"),
        ({"format": "geojson"}, r"not a learning-cities network document \(format 'geojson'.* @ \$\.format"),
        ({"library_version": 1}, r"library version .* @ \$\.library_version"),
        ({"data_as_of": "2025-13-01"}, r"ISO date .* @ \$\.data_as_of"),
        ({"data_as_of": 20251204}, r"ISO date .* @ \$\.data_as_of"),
        ({"data_as_of": "2568-12-04"}, r"Buddhist Era .* @ \$\.data_as_of"),
        ({"cities": {}}, r"expected a list, got dict.* @ \$\.cities"),
        ({"extra": []}, r"extra fields found \(extra\) @ \$"),
    ],
)
def test_a_bad_header_is_refused_with_its_path(text: str, edit: dict[str, Any], message: str) -> None:
    with pytest.raises(StructureError, match=message):
        lc.structure(_edited(text, **edit), lc.Network)


def test_a_missing_section_is_named(text: str) -> None:
    data = _edited(text)
    del data["awards"]
    with pytest.raises(StructureError, match=r"missing sections \(awards\) @ \$"):
        lc.structure(data, lc.Network)


def test_a_dangling_reference_is_refused_with_its_path(text: str) -> None:
    data = _edited(text)
    index = next(i for i, city in enumerate(data["cities"]) if city["id"] == "th-bangkok")
    data["cities"][index]["country"] = "XX"
    with pytest.raises(StructureError, match=rf"'XX' names no record in countries @ \$\.cities\[{index}\]\.country"):
        lc.structure(data, lc.Network)
    data = _edited(text)
    data["awards"][1]["laureates"][2] = "xx-atlantis"
    dangling = r"'xx-atlantis' names no record in cities @ \$\.awards\[1\]\.laureates\[2\]"
    with pytest.raises(StructureError, match=dangling):
        lc.structure(data, lc.Network)
    data = _edited(text)
    data["awards"][0]["conference"] = 99
    with pytest.raises(StructureError, match=r"99 names no record in conferences @ \$\.awards\[0\]\.conference"):
        lc.structure(data, lc.Network)
    data = _edited(text)
    data["awards"][0]["conference"] = "2"
    wrong = r"expected a conference number, got str: '2' @ \$\.awards\[0\]\.conference"
    with pytest.raises(StructureError, match=wrong):
        lc.structure(data, lc.Network)


def test_a_cohort_s_cities_are_derived_not_given(text: str, net: lc.Network) -> None:
    data = _edited(text)
    data["cohorts"][0]["cities"] = []
    with pytest.raises(StructureError, match=r"extra fields found \(cities\).* @ \$\.cohorts\[0\]"):
        lc.structure(data, lc.Network)
    data = _edited(text)
    yala = next(city for city in data["cities"] if city["id"] == "th-yala")
    yala["cohorts"] = []
    cohort = lc.structure(data, lc.Network).cohort(2024)
    assert "th-yala" not in [city.id for city in cohort.cities]
    assert len(cohort.cities) == len(net.cohort(2024).cities) - 1


def test_a_network_whose_cohorts_disagree_with_its_cities_is_not_written(net: lc.Network) -> None:
    cohort = attrs.evolve(net.cohort(2024), cities=net.cohort(2024).cities[1:])
    sections = {name: getattr(net, name) for name in document.SECTIONS}
    sections["cohorts"] = tuple(cohort if c.year == 2024 else c for c in net.cohorts)
    odd = lc.Network(net.data_as_of, **sections)
    with pytest.raises(ValueError, match="the cities of cohort 2024 are not the cities whose cohorts name its year"):
        lc.to_json(odd)


def test_a_bad_field_and_a_duplicate_id_are_named(text: str) -> None:
    data = _edited(text)
    data["cities"][3]["joined"] = "2024"
    with pytest.raises(StructureError, match=r"expected int, got str: '2024' @ \$\.cities\[3\]\.joined"):
        lc.structure(data, lc.Network)
    data = _edited(text)
    data["cities"].append(data["cities"][0])
    with pytest.raises(StructureError, match=r"id '.*' is used twice in cities @ \$\.cities\[\d+\]\.id"):
        lc.structure(data, lc.Network)
    data = _edited(text)
    data["countries"][0] = "DZ"
    with pytest.raises(StructureError, match=r"expected an object, got str: 'DZ' @ \$\.countries\[0\]"):
        lc.structure(data, lc.Network)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", r"not valid JSON"),
        ("[" * 100_000, r"nested more than 64 levels deep"),
        ("[" * 65 + "]" * 65, r"nested deeper than 64 levels"),
        ('{"a": ' * 50_000 + "1" + "}" * 50_000, r"nested more than 64 levels deep"),
        ('{"format": NaN}', r"NaN is not a JSON number"),
        ("[1]", r"expected a network document \(an object\), got list"),
        ('{"code": "TH", "alpha3": "THA"}', r"not a learning-cities network document \(no 'format'"),
        (b"\xff\xfe\x00", r"not valid JSON"),
    ],
)
def test_text_that_is_no_document_is_refused(text: str | bytes, message: str) -> None:
    with pytest.raises(StructureError, match=message):
        lc.from_json(text, lc.Network)


def test_other_records_still_go_through_serialization(net: lc.Network) -> None:
    city = net.city("Khon Kaen")
    assert lc.from_json(lc.to_json(city), lc.City) == city
    assert lc.structure(lc.unstructure([city]), list[lc.City]) == [city]
    with pytest.raises(TypeError, match="from_json"):
        lc.from_json(5, lc.Network)  # type: ignore[arg-type]


@settings(max_examples=60, deadline=None)
@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(max_size=10),
        lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
        max_leaves=20,
    )
)
def test_hostile_data_raises_structure_error(data: object) -> None:
    with pytest.raises(StructureError):
        lc.structure(data, lc.Network)


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(SECTIONS), st.integers(0, 3), st.sampled_from([None, 0, "", [], {}, "xx", -1, True]))
def test_a_hostile_record_field_raises_structure_error_naming_a_path(section: str, index: int, value: object) -> None:
    data = json.loads(lc.to_json(lc.load()))
    records = data[section]
    record = records[index % len(records)]
    field = sorted(record)[index % len(record)]
    record[field] = value
    try:
        network = lc.structure(data, lc.Network)
    except StructureError as error:
        message = str(error)
    else:  # a value the field takes (an empty note, no sources...)
        message = " @ $" if len(getattr(network, section)) == len(records) else "a record lost"
    assert " @ $" in message


def test_a_network_json_cannot_hold_is_not_written(net: lc.Network) -> None:
    city = net.city("Bangkok")
    assert city.population is not None
    huge = attrs.evolve(city, population=attrs.evolve(city.population, count=2**70))
    sections = {name: getattr(net, name) for name in document.SECTIONS}
    sections["cities"] = tuple(huge if c.id == city.id else c for c in net.cities)
    sections["cohorts"] = tuple(
        attrs.evolve(c, cities=tuple(huge if x.id == city.id else x for x in c.cities)) for c in net.cohorts
    )
    with pytest.raises(ValueError, match=r"cannot write the network as JSON: an int of more than 64 bits"):
        lc.to_json(lc.Network(net.data_as_of, **sections))


def test_a_short_date_is_no_iso_date(text: str) -> None:
    with pytest.raises(StructureError, match=r"expected an ISO date \(YYYY-MM-DD\), got '2025-1-4' @ \$\.data_as_of"):
        lc.structure(_edited(text, data_as_of="2025-1-4"), lc.Network)
