"""lc.diff: what changed between two networks, record by record."""

from __future__ import annotations

import copy
import datetime as dt
import pickle
import sys
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import learning_cities as lc
from learning_cities.changes import SECTIONS, Change, ChangeKind, Changes, is_year


@pytest.fixture(scope="module")
def net() -> lc.Network:
    return lc.load()


@pytest.fixture(scope="module")
def document(net: lc.Network) -> dict[str, Any]:
    data: dict[str, Any] = lc.unstructure(net)
    return data


def _city(data: dict[str, Any], city_id: str) -> dict[str, Any]:
    return next(city for city in data["cities"] if city["id"] == city_id)


@pytest.fixture(scope="module")
def edited(document: dict[str, Any], net: lc.Network) -> lc.Network:
    """The packaged network with one city more (a copy of Khon Kaen) and Bangkok's join year changed."""
    data = copy.deepcopy(document)
    _city(data, "th-bangkok")["joined"] = 2023
    data["cities"].append({**_city(data, "th-khon-kaen"), "id": "th-khon-kaen-copy", "name": "Khon Kaen Copy"})
    return lc.structure(data, lc.Network)


def test_a_network_and_its_round_trip_differ_in_nothing(net: lc.Network) -> None:
    again = lc.from_json(lc.to_json(net), lc.Network)
    changes = lc.diff(net, again)
    assert not changes
    assert len(changes) == 0
    assert list(changes) == []
    assert changes.to_records() == []
    assert str(changes) == f"no changes (data as of {net.data_as_of.isoformat()})"
    assert lc.diff(net, net) == changes


def test_an_added_city_and_a_changed_join_year_are_exactly_what_is_reported(
    net: lc.Network, edited: lc.Network
) -> None:
    changes = lc.diff(net, edited)
    assert [(c.section, c.id, c.kind, c.field, c.old, c.new) for c in changes] == [
        ("cities", "th-khon-kaen-copy", ChangeKind.ADDED, None, None, None),
        ("cities", "th-bangkok", ChangeKind.CHANGED, "joined", 2024, 2023),
    ]
    assert str(changes) == "1 city added, 1 changed: th-bangkok joined 2024 → 2023"
    assert changes.counts() == {"cities": {"added": 1, "changed": 1}}
    back = lc.diff(edited, net)
    assert [(c.id, c.kind.value) for c in back] == [("th-khon-kaen-copy", "removed"), ("th-bangkok", "changed")]
    assert str(back) == "1 city removed, 1 changed: th-bangkok joined 2023 → 2024"


def test_changes_are_typed_immutable_values(net: lc.Network, edited: lc.Network) -> None:
    changes = lc.diff(net, edited)
    assert isinstance(changes, Changes)
    assert all(isinstance(change, Change) for change in changes)
    assert changes[1].kind is ChangeKind.CHANGED
    assert str(changes[1]) == "cities th-bangkok joined: 2024 → 2023"
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        changes.changes = ()  # type: ignore[misc]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        changes[0].new = 1  # type: ignore[misc]
    assert pickle.loads(pickle.dumps(changes)) == changes
    assert copy.copy(changes) == changes == copy.deepcopy(changes)
    assert hash(changes) == hash(copy.deepcopy(changes))
    assert changes.section("cities") == changes.changes
    with pytest.raises(TypeError, match="unstructure"):
        lc.unstructure(changes)  # its JSON form is to_records()
    assert changes.section("awards") == ()
    with pytest.raises(ValueError, match="no section 'towns'"):
        changes.section("towns")
    assert repr(changes) == "<Changes: 2 from data as of 2025-12-04 → 2025-12-04>"


def test_records_and_a_data_frame(net: lc.Network, edited: lc.Network) -> None:
    changes = lc.diff(net, edited)
    assert changes.to_records() == [
        {"section": "cities", "id": "th-khon-kaen-copy", "kind": "added", "field": None, "old": None, "new": None},
        {"section": "cities", "id": "th-bangkok", "kind": "changed", "field": "joined", "old": 2024, "new": 2023},
    ]
    pytest.importorskip("pandas")
    frame = changes.to_dataframe()
    assert list(frame.columns) == ["section", "id", "kind", "field", "old", "new"]
    assert frame["id"].tolist() == ["th-khon-kaen-copy", "th-bangkok"]
    assert list(lc.diff(net, net).to_dataframe().columns) == list(frame.columns)


def test_a_data_frame_without_pandas_names_the_extra(
    net: lc.Network, edited: lc.Network, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match=r"learning-cities\[pandas\]"):
        lc.diff(net, edited).to_dataframe()


def test_the_notebook_table_groups_by_section(net: lc.Network, document: dict[str, Any]) -> None:
    data = copy.deepcopy(document)
    _city(data, "th-bangkok")["joined"] = 2023
    data["countries"][0]["name"] = "<Algérie>"
    data["data_as_of"] = "2025-11-30"
    html = lc.diff(lc.structure(data, lc.Network), net)._repr_html_()
    assert html.count("<table>") == 3
    assert html.index("network: 1 changed") < html.index("cities: 1 changed") < html.index("countries: 1 changed")
    assert "<td>th-bangkok</td><td>changed</td><td>joined</td><td>2023 → 2024</td>" in html
    assert "&lt;Algérie&gt; → Algeria" in html
    assert "No changes" in lc.diff(net, net)._repr_html_()


def test_every_section_is_compared(net: lc.Network, document: dict[str, Any]) -> None:
    data = copy.deepcopy(document)
    data["data_as_of"] = "2025-11-30"
    data["countries"][0]["notes"] = "edited"
    data["cohorts"][0]["event"] = "edited"
    data["conferences"][0]["theme"] = "edited"
    data["awards"][0]["sources"] = [*data["awards"][0]["sources"], "https://example.org/award"]
    data["network_totals"][0]["notes"] = "edited"
    data["membership_changes"][0]["notes"] = "edited"
    data["country_totals"][0]["notes"] = "edited"
    changes = lc.diff(lc.structure(data, lc.Network), net)
    assert [change.section for change in changes] == [s for s in SECTIONS if s != "cities"]
    ids = [change.id for change in changes]
    assert ids[:6] == [
        "data_as_of",
        net.countries[0].code,
        net.cohorts[0].year,
        net.awards[0].year,
        net.conferences[0].number,
        net.network_totals[0].as_of,
    ]
    assert ids[6] == f"{net.membership_changes[0].period} {net.membership_changes[0].country}"
    assert ids[7] == f"{net.country_totals[0].country.code} {net.country_totals[0].as_of}"
    assert changes[0].old == dt.date(2025, 11, 30)
    assert "award changed: 2015 sources -https://example.org/award" in str(changes)
    assert str(changes).startswith("data as of 2025-11-30 → 2025-12-04; 1 country changed:")


def test_a_reference_compares_by_id(net: lc.Network, document: dict[str, Any]) -> None:
    data = copy.deepcopy(document)
    thailand = next(country for country in data["countries"] if country["code"] == "TH")
    thailand["aliases"] = []
    changes = lc.diff(lc.structure(data, lc.Network), net)
    assert [(c.section, c.id, c.field) for c in changes] == [("countries", "TH", "aliases")]
    data = copy.deepcopy(document)
    data["awards"][1]["laureates"] = data["awards"][1]["laureates"][1:]
    (change,) = lc.diff(lc.structure(data, lc.Network), net)
    assert (change.section, change.id, change.field) == ("awards", 2017, "laureates")
    assert change.new == tuple(city.id for city in net.award(2017).laureates)
    assert f"+{net.award(2017).laureates[0].id}" in str(lc.diff(lc.structure(data, lc.Network), net))


def test_repeated_totals_are_told_apart(net: lc.Network) -> None:
    dates = [total.as_of for total in net.network_totals]
    twice = next(day for day in dates if dates.count(day) > 1)
    changes = lc.diff(net, _without_first(net, twice))
    assert [(c.section, c.kind.value) for c in changes][-1] == ("network_totals", "removed")
    assert changes[-1].id == f"{twice} #1"
    assert not lc.diff(net, _without_first(net, twice)).section("cities")


def _without_first(net: lc.Network, as_of: str) -> lc.Network:
    totals = list(net.network_totals)
    totals.remove(next(total for total in totals if total.as_of == as_of))
    sections = {name: getattr(net, name) for name in ("cities", "countries", "cohorts", "awards", "conferences")}
    return lc.Network(
        net.data_as_of,
        **sections,
        network_totals=tuple(totals),
        membership_changes=net.membership_changes,
        country_totals=net.country_totals,
    )


def test_a_long_summary_lists_the_first_changes(net: lc.Network, document: dict[str, Any]) -> None:
    data = copy.deepcopy(document)
    for city in data["cities"][:8]:
        city["notes"] = "edited"
    summary = str(lc.diff(lc.structure(data, lc.Network), net))
    assert summary.startswith("8 cities changed: ")
    assert summary.endswith(" and 3 more")
    assert "edited → " in summary


def test_year_fields_are_known() -> None:
    years = [("cities", "joined"), ("cohorts", "year"), ("cities", "cohorts"), ("awards", "year")]
    others = [("cities", "member_since"), ("conferences", "number"), ("network", "data_as_of"), ("cities", "x")]
    assert [is_year(*pair) for pair in years + others] == [True] * len(years) + [False] * len(others)


@pytest.mark.parametrize("bad", [None, "old.json", {"cities": []}, 5, [lc.load()]])
def test_non_networks_are_refused_naming_the_argument(net: lc.Network, bad: object) -> None:
    with pytest.raises(TypeError, match=r"diff\(\) old must be a Network"):
        lc.diff(bad, net)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"diff\(\) new must be a Network"):
        lc.diff(net, bad)  # type: ignore[arg-type]


@settings(max_examples=30, deadline=None)
@given(st.integers(0, 401), st.sampled_from(["joined", "member_by", "last_confirmed"]), st.integers(1990, 2030))
def test_one_changed_year_is_one_change(index: int, field: str, year: int) -> None:
    net = lc.load()
    data = lc.unstructure(net)
    city = data["cities"][index % len(data["cities"])]
    was = city[field]
    city[field] = year
    try:
        edited = lc.structure(data, lc.Network)
    except lc.StructureError:
        return  # a record that refuses the year (member_by with a join year...)
    changes = lc.diff(net, edited)
    expected = [] if was == year else [("cities", city["id"], field, was, year)]
    assert [(c.section, c.id, c.field, c.old, c.new) for c in changes] == expected
    assert bool(changes) is (was != year)


def test_values_are_written_short_and_as_json(net: lc.Network, document: dict[str, Any]) -> None:
    from learning_cities.changes import plain, text

    data = copy.deepcopy(document)
    bangkok = _city(data, "th-bangkok")
    bangkok["local_names"] = {"th": "กรุงเทพฯ", "en": "Krung Thep"}
    bangkok["status"], bangkok["status_changed"] = "withdrawn", 2025
    bangkok["sources"] = list(reversed(bangkok["sources"]))
    bangkok["location"] = None
    bangkok["member_since"] = "2024-02-15"
    changes = {change.field: change for change in lc.diff(lc.structure(data, lc.Network), net)}
    assert text(changes["local_names"].old) == "th: กรุงเทพฯ, en: Krung Thep"
    assert text(changes["status"].old) == "withdrawn"
    assert "sources reordered" in str(lc.diff(lc.structure(data, lc.Network), net))
    assert plain(changes["member_since"].old) == "2024-02-15"
    assert plain(changes["local_names"].old) == {"th": "กรุงเทพฯ", "en": "Krung Thep"}
    assert plain(changes["location"].new) == lc.unstructure(net.city("Bangkok").location)
    assert plain(changes["status"].new) == "active"
    assert str(Change("cities", "th-yala", ChangeKind.ADDED)) == "cities th-yala added"
    assert text("x" * 200).endswith("…")
    assert len(text("x" * 200)) == 80
    assert text(2**70) == str(2**70)
    assert changes["location"].to_record()["new"]["source"].startswith("https://")


def test_repeated_totals_pair_what_changed_and_add_the_rest(net: lc.Network) -> None:
    dates = [total.as_of for total in net.network_totals]
    twice = next(day for day in dates if dates.count(day) > 1)
    totals = list(net.network_totals)
    first = next(i for i, total in enumerate(totals) if total.as_of == twice)
    totals[first] = attrs.evolve(totals[first], notes="edited")
    totals.append(attrs.evolve(totals[first], notes="a third one"))
    sections = {name: getattr(net, name) for name in ("cities", "countries", "cohorts", "awards", "conferences")}
    edited = lc.Network(
        net.data_as_of,
        **sections,
        network_totals=tuple(totals),
        membership_changes=net.membership_changes,
        country_totals=net.country_totals,
    )
    changes = lc.diff(net, edited)
    assert [(c.id, c.kind.value, c.field) for c in changes] == [
        (f"{twice} #3", "added", None),
        (f"{twice} #1", "changed", "notes"),
    ]
