"""Serialization: every packaged record round-trips; bad data fails with the path to the field."""

from __future__ import annotations

import datetime as dt
import enum
import subprocess
import sys
import types
import typing
from collections.abc import Mapping
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import learning_cities as lc
from learning_cities import _codec, cohorts, conferences, model
from learning_cities._fields import Year
from learning_cities._frozenmap import FrozenMap
from learning_cities.serialization import StructureError, get_converter


def test_data_is_json_ready_with_iso_dates_enum_values_dicts_and_lists(net: lc.Network) -> None:
    cohort = lc.unstructure(net.cohort(2022))
    assert cohort["announced_on"] == "2022-09-02"
    assert isinstance(cohort["cities"], list)
    assert isinstance(cohort["sources"], list)
    city = lc.unstructure(net.city("Khon Kaen"))
    assert city["local_names"] == {"th": "ขอนแก่น"}
    assert type(city["local_names"]) is dict
    assert type(city["official_names"]) is dict
    assert city["region"] == "Asia and the Pacific"
    assert city["status"] == "active"
    assert city["cohorts"] == [2024]
    assert city["country"]["code"] == "TH"
    award = lc.unstructure(net.award(2015))
    assert {laureate["id"] for laureate in award["laureates"]} >= {"ie-cork"}
    assert award["conference"]["start"] == "2015-09-28"


def test_nested_records_round_trip(net: lc.Network) -> None:
    award = net.award(2024)
    back = lc.structure(lc.unstructure(award), lc.Award)
    assert back.laureates == award.laureates
    assert back.conference.country == award.conference.country
    assert isinstance(back.laureates, tuple)


def test_tuples_of_records(net: lc.Network) -> None:
    data = lc.unstructure(net.countries)
    assert isinstance(data, list)
    assert lc.structure(data, tuple[lc.Country, ...]) == net.countries
    assert lc.from_json(lc.to_json(list(net.awards)), tuple[lc.Award, ...]) == net.awards


def test_one_converter() -> None:
    assert get_converter() is get_converter()


@pytest.fixture
def khon_kaen(net: lc.Network) -> dict[str, Any]:
    data: dict[str, Any] = lc.unstructure(net.city("Khon Kaen"))
    return data


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"joined": "2024"}, "expected int, got str: '2024' @ $.joined"),
        ({"joined": True}, "expected int, got bool: True @ $.joined"),
        ({"joined": 2024.0}, "@ $.joined"),
        ({"name": None}, "expected str, got NoneType: None @ $.name"),
        ({"sources": "http://x"}, "expected a list, got str: 'http://x' @ $.sources"),
        ({"sources": ["http://x", 3]}, "expected str, got int: 3 @ $.sources[1]"),
        ({"cohorts": [2024, False]}, "expected int, got bool: False @ $.cohorts[1]"),
        ({"local_names": ["th"]}, "@ $.local_names"),
        ({"local_names": {"th": 1}}, "@ $.local_names"),
        ({"status": "ACTIVE"}, "got 'ACTIVE' @ $.status"),
        ({"region": "Asia"}, "got 'Asia' @ $.region"),
        ({"country": "TH"}, "expected an object, got str: 'TH' @ $.country"),
        ({"jioned": 2024}, "extra fields found (jioned) @ $"),
    ],
)
def test_bad_field_names_its_path(khon_kaen: dict[str, Any], change: dict[str, Any], message: str) -> None:
    with pytest.raises(StructureError) as caught:
        lc.structure({**khon_kaen, **change}, lc.City)
    assert message in str(caught.value)
    assert str(caught.value).startswith("cannot structure City: ")
    assert isinstance(caught.value, lc.LearningCitiesError)
    assert isinstance(caught.value, ValueError)
    assert caught.value.errors


def test_missing_and_nested_fields(khon_kaen: dict[str, Any]) -> None:
    data = dict(khon_kaen)
    del data["id"]
    data["country"] = {**khon_kaen["country"], "alpha3": 3}
    with pytest.raises(StructureError) as caught:
        lc.structure(data, lc.City)
    assert "required field missing @ $.id" in caught.value.errors
    assert "expected str, got int: 3 @ $.country.alpha3" in caught.value.errors


def test_bad_dates(net: lc.Network) -> None:
    data = lc.unstructure(net.cohort(2022))
    for bad, message in [
        ("2022-9-2", "expected an ISO date (YYYY-MM-DD), got '2022-9-2' @ $.announced_on"),
        ("2022-09-02T10:00:00", "@ $.announced_on"),
        (20220902, "expected an ISO date string (YYYY-MM-DD), got int: 20220902 @ $.announced_on"),
    ]:
        with pytest.raises(StructureError, match=r"@ \$\.announced_on"):
            lc.structure({**data, "announced_on": bad}, lc.Cohort)
        with pytest.raises(StructureError) as caught:
            lc.structure({**data, "announced_on": bad}, lc.Cohort)
        assert message in str(caught.value)
    data["cities"][2]["joined"] = "x"
    with pytest.raises(StructureError, match=r"@ \$\.cities\[2\]\.joined"):
        lc.structure(data, lc.Cohort)


def test_not_an_object_at_the_top() -> None:
    bad: object
    for bad in (5, [], "City", None):
        with pytest.raises(StructureError, match=r"expected an object, got \w+: .* @ \$"):
            lc.structure(bad, lc.Country)


def test_bad_json() -> None:
    with pytest.raises(StructureError, match=r"not valid JSON"):
        lc.from_json("{", lc.Country)
    with pytest.raises(TypeError, match="JSON text"):
        lc.from_json(5, lc.Country)  # type: ignore[arg-type]
    with pytest.raises(StructureError, match=r"not valid JSON \(Expecting value: line 1 column 1"):
        lc.from_json("", lc.Country)


def test_long_values_are_shortened_in_messages(khon_kaen: dict[str, Any]) -> None:
    with pytest.raises(StructureError) as caught:
        lc.structure({**khon_kaen, "joined": "x" * 1000}, lc.City)
    assert len(str(caught.value)) < 200


@pytest.mark.parametrize("bad", [{"a": 1}, "text", 5, None, lc.Region.AFRICA, [1, 2], (lc.load(),), [lc.load()]])
def test_unstructure_takes_records_only(bad: object) -> None:
    with pytest.raises(TypeError, match="unstructure"):
        lc.unstructure(bad)
    with pytest.raises(TypeError):
        lc.to_json(bad)


@pytest.mark.parametrize(
    "cls",
    [dict, int, "City", list[lc.Network], tuple[int, ...], list[int], tuple[lc.City], dict[str, lc.City], lc.Region],
)
def test_structure_makes_records_only(cls: Any) -> None:
    with pytest.raises(TypeError, match="structure"):
        lc.structure({}, cls)
    with pytest.raises(TypeError, match="structure"):
        lc.from_json("{}", cls)


def test_import_and_load_do_not_import_cattrs() -> None:
    code = (
        "import learning_cities as lc; lc.load(); import sys; assert 'cattrs' not in sys.modules; "
        "lc.unstructure(lc.load().cities[0]); assert 'cattrs' in sys.modules"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_lazy_names_are_the_module_functions() -> None:
    from learning_cities import document, serialization

    assert lc.unstructure is document.unstructure  # a Network as one document, the rest by serialization
    assert lc.from_json is document.from_json
    assert lc.StructureError is serialization.StructureError
    assert {"unstructure", "structure", "to_json", "from_json", "StructureError"} <= set(lc.__all__)


# -- generated records: every record class of the model, from its field types ----------------

texts = st.text(max_size=12)
names = st.dictionaries(st.text(min_size=1, max_size=6), texts, max_size=3)
scalars: dict[Any, st.SearchStrategy[Any]] = {
    int: st.integers(min_value=-(2**63), max_value=2**63 - 1),  # JSON-safe: 64 bits
    Year: st.integers(min_value=1, max_value=2399),  # a Common Era year (2400 on is a Buddhist Era slip)
    float: st.floats(min_value=-90.0, max_value=90.0),  # a latitude or a longitude
    str: texts,
    bool: st.booleans(),
    dt.date: st.dates(max_value=dt.date(2399, 12, 31)),
    FrozenMap: names.map(FrozenMap),
    Mapping[str, str]: names,
}


def strategy_for(kind: Any) -> st.SearchStrategy[Any]:
    if kind in scalars:
        return scalars[kind]
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        return st.sampled_from(kind)
    origin, args = typing.get_origin(kind), typing.get_args(kind)
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        return st.lists(strategy_for(args[0]), max_size=2).map(tuple)
    if origin in (typing.Union, types.UnionType):
        return st.one_of(*(st.none() if a is type(None) else strategy_for(a) for a in args))
    if isinstance(kind, type) and attrs.has(kind):
        hints = typing.get_type_hints(kind, include_extras=True)
        derived = {
            name for cls, name in _codec.DERIVED if cls == kind.__name__ and attrs.fields_dict(kind)[name].default
        }
        fields = {f.name: deferred(hints[f.name]) for f in attrs.fields(kind) if f.name not in derived}
        return st.builds(kind, **fields)
    raise NotImplementedError(f"no strategy for {kind!r}: add it to tests/test_serialization.py")


def deferred(kind: Any) -> st.SearchStrategy[Any]:
    """``strategy_for(kind)``, made when first drawn from (records nest records)."""
    return st.deferred(lambda: strategy_for(kind))


RECORD_CLASSES = [
    getattr(module, name)
    for module in (model, cohorts, conferences)
    for name in module.__all__
    if attrs.has(getattr(module, name))
]


def test_the_model_classes_are_covered() -> None:
    assert {lc.City, lc.Country, lc.Cohort, lc.Award, lc.Conference} <= set(RECORD_CLASSES)


@pytest.mark.parametrize("cls", RECORD_CLASSES, ids=lambda cls: cls.__name__)
@settings(max_examples=40, deadline=None)
@given(data=st.data())
def test_generated_records_round_trip(cls: type, data: st.DataObject) -> None:
    record = data.draw(strategy_for(cls))
    assert lc.structure(lc.unstructure(record), cls) == record
    assert lc.from_json(lc.to_json(record), cls) == record
