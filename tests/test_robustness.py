"""Arbitrary input either answers or raises a documented error; records cannot be changed."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import learning_cities as lc
from learning_cities._text import normalize

DOCUMENTED = (lc.LearningCitiesError, LookupError, TypeError, ValueError)

anything = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.integers(min_value=2400, max_value=10_542),  # Buddhist Era years
    st.builds(lambda n: 10**n, st.integers(min_value=300, max_value=6000)),  # past int-to-str limits
    st.floats(allow_nan=True),
    st.text(),
    st.text(alphabet="\u0301\u0316\u200f\u200b\ufe0f\u0e48a ", max_size=200),  # marks and invisibles
    st.binary(max_size=20),
    st.dates(),
    st.datetimes(),
    st.lists(st.text(max_size=5), max_size=3),
    st.recursive(st.none(), lambda inner: st.lists(inner, max_size=2), max_leaves=30),
    st.tuples(st.floats(allow_nan=True), st.floats(allow_nan=True)),
    st.builds(lambda n: "x" * n, st.integers(min_value=10_000, max_value=2_000_000)),
)
texts = st.one_of(st.text(), st.text(alphabet="ขอนแก่นKhonaeé’' -", max_size=30))

NET = lc.load()
CALLS: dict[str, Callable[[Any], object]] = {
    "city": NET.city,
    "search": NET.search,
    "search_limit": lambda value: NET.search("seoul", limit=value),
    "country": NET.country,
    "cohort": NET.cohort,
    "award": NET.award,
    "awards_of": NET.awards_of,
    "conference": NET.conference,
    "members_on": NET.members_on,
    "member_since": NET.member_since,
    "where_country": lambda value: NET.where(country=value),
    "where_region": lambda value: NET.where(region=value),
    "where_joined": lambda value: NET.where(joined=value),
    "where_status": lambda value: NET.where(status=value),
    "where_awarded": lambda value: NET.where(awarded=value),
    "where_kind": lambda value: NET.where(kind=value),
    "where_confirmed_since": lambda value: NET.where(confirmed_since=value),
    "resolve": NET.resolve,
    "contains": lambda value: value in NET,
    "near_latitude": lambda value: NET.near(value, 100.5, km=100),
    "near_km": lambda value: NET.near(13.75, 100.5, km=value),
    "nearest_n": lambda value: NET.nearest(13.75, 100.5, n=value),
    "distance_km": lambda value: lc.distance_km(value, (13.75, 100.5)),
    "to_records_table": NET.to_records,
    "cities_constructor": lambda value: lc.Cities(value, NET),
    "cities_in": NET.cities_in,
    "coverage": lc.coverage,
    "country_coverage": lc.country_coverage,
    "city_constructor_joined": lambda value: lc.City(id="x", name="X", country=NET.country("TH"), joined=value),
    "city_constructor_names": lambda value: lc.City(
        id="x", name="X", country=NET.country("TH"), joined=None, local_names=value
    ),
    "location_constructor": lambda value: lc.Location(latitude=value, longitude=0.0, source="s"),
    "population_constructor": lambda value: lc.Population(count=1, year=value, source="s"),
}


def _answers_or_documented_error(call: Callable[[Any], object], value: object) -> None:
    with contextlib.suppress(*DOCUMENTED):
        call(value)


@pytest.mark.parametrize("name", sorted(CALLS))
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(value=anything)
def test_any_input_answers_or_raises_a_documented_error(name: str, value: object) -> None:
    _answers_or_documented_error(CALLS[name], value)


@settings(max_examples=200, deadline=None)
@given(text=texts)
def test_text_lookups_never_fail_otherwise(text: str) -> None:
    for call in (NET.city, NET.search, NET.country):
        _answers_or_documented_error(call, text)


@settings(max_examples=100, deadline=None)
@given(text=texts)
def test_search_results_are_cities_best_first(text: str) -> None:
    results = NET.search(text, limit=3)
    assert isinstance(results, tuple)
    assert len(results) <= 3
    assert all(isinstance(city, lc.City) for city in results)


@pytest.mark.parametrize(
    ("call", "value"),
    [
        (NET.cohort, True),
        (NET.cohort, 2024.0),
        (NET.cohort, "2024"),
        (NET.award, False),
        (NET.city, b"Bangkok"),
        (NET.members_on, "2024-02-14"),
        (NET.members_on, dt.datetime(2024, 2, 14, 12, 0)),
        (lambda v: NET.where(joined=v), True),
        (lambda v: NET.where(awarded=v), 1),
        (lambda v: NET.search("x", limit=v), 2.0),
    ],
)
def test_wrong_types_are_refused_not_coerced(call: Callable[[Any], object], value: object) -> None:
    with pytest.raises(TypeError):
        call(value)


def test_huge_input_is_refused_quickly() -> None:
    huge = "Bangkok" * 200_000
    with pytest.raises(lc.UnknownCityError):
        NET.city(huge)
    assert NET.search(huge) == ()


def test_records_cannot_be_changed_by_a_caller() -> None:
    city = NET.city("Khon Kaen")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        city.name = "Elsewhere"  # type: ignore[misc]
    with pytest.raises(TypeError):
        city.local_names["th"] = "x"  # type: ignore[index]
    with pytest.raises(TypeError):
        city.official_names["th"] = "x"  # type: ignore[index]
    with pytest.raises(AttributeError):
        city.local_names._data = {}  # type: ignore[attr-defined]
    with pytest.raises(AttributeError):
        city.new_attribute = 1  # type: ignore[attr-defined]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        city.country.name = "Siam"  # type: ignore[misc]
    with pytest.raises(AttributeError):
        NET.cohorts = ()
    with pytest.raises(AttributeError):
        del NET.awards
    assert NET.awards
    assert isinstance(NET.cities, tuple)
    assert isinstance(NET.cohort(2024).cities, tuple)
    assert NET.city("Khon Kaen").local_names == {"th": "ขอนแก่น"}


def test_evolve_makes_a_copy_and_leaves_the_shared_record() -> None:
    city = NET.city("Khon Kaen")
    changed = attrs.evolve(city, joined=1999)
    assert changed.joined == 1999
    assert NET.city("Khon Kaen").joined == 2024
    assert changed != city


@settings(max_examples=300, deadline=None)
@given(text=st.one_of(texts, st.text(alphabet="남구서울Витебск ÀÉÎõçşğ’-_.,()", max_size=25)))
@example(text="𝜜")  # mathematical capital alpha: case folding once missed its compatibility form
def test_normalize_is_idempotent(text: str) -> None:
    # Network.city looks a query up as given before normalizing it: sound only because a
    # key normalizes to itself.
    key = normalize(text)
    assert normalize(key) == key


@settings(max_examples=40, deadline=None)
@given(city=st.sampled_from(NET.cities))
def test_every_city_pickles_copies_and_looks_itself_up(city: lc.City) -> None:
    import copy
    import pickle

    assert pickle.loads(pickle.dumps(city)) == city
    assert copy.deepcopy(city) == city
    assert NET.city(str(city)) is city
    assert NET.city(city.id) is city
    assert city in NET


def _mutations() -> st.SearchStrategy[Callable[[dict[str, Any]], None]]:
    sections = ["countries", "cities", "cohorts", "conferences", "awards", "network_totals", "country_totals"]
    values = st.one_of(
        st.none(),
        st.booleans(),
        st.integers(),
        st.text(max_size=5),
        st.lists(st.integers(), max_size=2),
        st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
        st.just(2567),
        st.just("2567-01-01"),
    )

    def mutate(section: str, index: int, key_choice: int, value: object) -> Callable[[dict[str, Any]], None]:
        def apply(data: dict[str, Any]) -> None:
            records = data[section]
            record = records[index % len(records)]
            keys = sorted(record)
            record[keys[key_choice % len(keys)]] = value

        return apply

    return st.builds(mutate, st.sampled_from(sections), st.integers(0, 500), st.integers(0, 40), values)


@settings(max_examples=150, deadline=None)
@given(mutation=_mutations())
def test_a_mutated_data_file_loads_or_raises_a_data_error_naming_the_file(
    mutation: Callable[[dict[str, Any]], None],
) -> None:
    import json

    from learning_cities import _codec

    data = json.loads(_codec.read_bytes())
    mutation(data)
    message = "gnlc.json: (loaded)"
    try:
        lc.Network(**_codec.parse(json.dumps(data)))
    except lc.DataError as error:
        message = str(error)
    assert message.startswith("gnlc.json: ")
