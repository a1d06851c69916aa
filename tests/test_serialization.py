"""Serialization: every packaged record round-trips; bad data fails with the path to the field."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import learning_cities as lc
from learning_cities.serialization import StructureError, get_converter

RECORD_SETS = {
    "cities": lambda net: net.cities,
    "countries": lambda net: net.countries,
    "cohorts": lambda net: net.cohorts,
    "awards": lambda net: net.awards,
    "conferences": lambda net: net.conferences,
    "network_totals": lambda net: net.network_totals,
    "membership_changes": lambda net: net.membership_changes,
    "corrections": lambda net: tuple(c for cohort in net.cohorts for c in cohort.corrections),
}


@pytest.mark.parametrize("kind", sorted(RECORD_SETS))
def test_every_packaged_record_round_trips(net: lc.Network, kind: str) -> None:
    records = RECORD_SETS[kind](net)
    assert records or kind == "corrections"
    for record in records:
        data = lc.unstructure(record)
        assert lc.structure(data, type(record)) == record
        text = lc.to_json(record)
        assert lc.from_json(text, type(record)) == record
        assert json.loads(text) == data


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
    for bad in (5, [], "City", None):
        with pytest.raises(StructureError, match=r"expected an object, got \w+: .* @ \$"):
            lc.structure(bad, lc.Country)


def test_bad_json() -> None:
    with pytest.raises(StructureError, match=r"not valid JSON"):
        lc.from_json("{", lc.Country)
    with pytest.raises(TypeError, match="JSON text"):
        lc.from_json(5, lc.Country)  # type: ignore[arg-type]


def test_long_values_are_shortened_in_messages(khon_kaen: dict[str, Any]) -> None:
    with pytest.raises(StructureError) as caught:
        lc.structure({**khon_kaen, "joined": "x" * 1000}, lc.City)
    assert len(str(caught.value)) < 200


@pytest.mark.parametrize("bad", [{"a": 1}, "text", 5, None, lc.Region.AFRICA, lc.load(), [1, 2], (lc.load(),)])
def test_unstructure_takes_records_only(bad: object) -> None:
    with pytest.raises(TypeError, match="unstructure"):
        lc.unstructure(bad)
    with pytest.raises(TypeError):
        lc.to_json(bad)


@pytest.mark.parametrize("cls", [dict, int, "City", lc.Network, tuple[int, ...], list[lc.City]])
def test_structure_makes_records_only(cls: Any) -> None:
    with pytest.raises(TypeError, match="structure"):
        lc.structure({}, cls)


def test_import_and_load_do_not_import_cattrs() -> None:
    code = (
        "import learning_cities as lc; lc.load(); import sys; assert 'cattrs' not in sys.modules; "
        "lc.unstructure(lc.load().cities[0]); assert 'cattrs' in sys.modules"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_lazy_names_are_the_module_functions() -> None:
    from learning_cities import serialization

    assert lc.unstructure is serialization.unstructure
    assert lc.StructureError is serialization.StructureError
    assert {"unstructure", "structure", "to_json", "from_json", "StructureError"} <= set(lc.__all__)


# -- generated records ----------------------------------------------------------------------

texts = st.text(max_size=20)
years = st.integers(min_value=1900, max_value=2100)
optional_years = st.none() | years
dates = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31))
sources = st.lists(texts, max_size=3).map(tuple)
names = st.dictionaries(st.text(min_size=1, max_size=8), texts, max_size=3)

countries = st.builds(
    lc.Country,
    code=texts,
    alpha3=texts,
    name=texts,
    region=st.sampled_from(lc.Region),
    aliases=sources,
    sources=sources,
)


@st.composite
def cities(draw: st.DrawFn) -> lc.City:
    country = draw(countries)
    return lc.City(
        id=draw(texts),
        name=draw(texts),
        country=country,
        region=country.region,
        joined=draw(optional_years),
        member_by=draw(optional_years),
        local_names=draw(names),
        status=draw(st.sampled_from(lc.MembershipStatus)),
        sources=draw(sources),
        status_changed=draw(optional_years),
        official_names=draw(names),
        aliases=draw(sources),
        cohorts=tuple(draw(st.lists(years, max_size=2))),
        conflicts=draw(sources),
        notes=draw(texts),
    )


optional_ints = st.none() | st.integers(min_value=0, max_value=10_000)
corrections = st.builds(
    lc.CohortCorrection, field=texts, original=st.integers(), corrected=st.integers(), sources=sources, notes=texts
)
cohorts = st.builds(
    lc.Cohort,
    year=years,
    announced_on=dates,
    cities=st.lists(cities(), max_size=2).map(tuple),
    reported_cities=optional_ints,
    reported_countries=optional_ints,
    network_cities_after=optional_ints,
    network_countries_after=optional_ints,
    population_millions=optional_ints,
    event=texts,
    sources=sources,
    corrections=st.lists(corrections, max_size=2).map(tuple),
    notes=texts,
)
conferences = st.builds(
    lc.Conference,
    number=st.integers(min_value=1, max_value=20),
    year=years,
    start=st.none() | dates,
    end=st.none() | dates,
    host_city=st.none() | texts,
    country=st.none() | countries,
    theme=texts,
    outcome_document=st.none() | texts,
    planned_month=st.none() | st.integers(min_value=1, max_value=12),
    sources=sources,
    notes=texts,
)
awards = st.builds(
    lc.Award,
    year=years,
    edition=st.integers(min_value=1, max_value=20),
    conference=conferences,
    laureates=st.lists(cities(), max_size=2).map(tuple),
    sources=sources,
)
totals = st.builds(
    lc.NetworkTotal,
    as_of=texts,
    date=st.none() | dates,
    cities=optional_ints,
    countries=optional_ints,
    cities_text=texts,
    countries_text=texts,
    sources=sources,
    notes=texts,
)
changes = st.builds(lc.MembershipChange, who=texts, country=texts, event=texts, period=texts, sources=sources, notes=texts)

records = st.one_of(countries, cities(), corrections, cohorts, conferences, awards, totals, changes)


@given(records)
def test_generated_records_round_trip(record: Any) -> None:
    assert lc.structure(lc.unstructure(record), type(record)) == record
    assert lc.from_json(lc.to_json(record), type(record)) == record
