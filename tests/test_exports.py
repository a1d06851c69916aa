"""Exports for analysts: rows with list values and a column per language, CSV, DataFrames."""

from __future__ import annotations

import csv
import io
import json
import sys

import pytest

import learning_cities as lc
from learning_cities.exports import COLUMNS, LIST_COLUMNS, columns, write_csv


def test_one_row_per_city_in_network_order(net: lc.Network) -> None:
    rows = net.to_records()
    assert isinstance(rows, list)
    assert [row["id"] for row in rows] == [city.id for city in net.cities]
    expected = columns(net.cities)
    assert all(tuple(row) == expected for row in rows)
    assert set(COLUMNS) <= set(expected)
    # one column per language of a local name, right after the name
    languages = sorted({tag for city in net.cities for tag in city.local_names})
    assert expected[2 : 2 + len(languages)] == tuple(f"name_{tag}" for tag in languages)
    assert {"name_th", "name_ko", "name_ar", "name_zh"} <= set(expected)


def test_rows_are_json_ready(net: lc.Network) -> None:
    rows = net.to_records()
    assert json.loads(json.dumps(rows)) == rows


def test_row_values(net: lc.Network) -> None:
    rows = {row["id"]: row for row in net.to_records()}
    khon_kaen = rows["th-khon-kaen"]
    assert khon_kaen["name"] == "Khon Kaen"
    assert (khon_kaen["country_code"], khon_kaen["country_name"]) == ("TH", "Thailand")
    assert khon_kaen["region"] == "Asia and the Pacific"
    assert (khon_kaen["joined"], khon_kaen["member_by"]) == (2024, None)
    assert khon_kaen["status"] == "active"
    assert (khon_kaen["name_th"], khon_kaen["name_ko"]) == ("ขอนแก่น", None)
    assert khon_kaen["member_since"] == "2024-02-14"
    assert khon_kaen["cohorts"] == [2024]
    assert (khon_kaen["latitude"], khon_kaen["longitude"]) == (16.4467, 102.833)
    assert khon_kaen["timezone"] == "Asia/Bangkok"
    cork = net.city("Cork")
    row = rows[cork.id]
    assert (row["joined"], row["member_by"], row["member_since"]) == (None, 2015, "2015-09-28")
    assert row["awards"] == [2015, 2024]
    assert row["sources"] == list(cork.sources)
    withdrawn = rows[net.city("Laâyoune").id]
    assert withdrawn["status"] == "withdrawn"
    assert withdrawn["status_changed"] == 2020
    assert rows["th-rayong"]["kind"] == "province"


def test_rows_are_fresh_lists(net: lc.Network) -> None:
    rows = net.to_records()
    rows[0]["sources"].append("changed")
    rows.clear()
    assert net.to_records()[0]["sources"] == list(net.cities[0].sources)


def test_query_results_export_only_their_cities(net: lc.Network) -> None:
    thai = net.where(country="TH")
    rows = thai.to_records()
    assert [row["id"] for row in rows] == [city.id for city in thai]
    assert "name_ko" not in rows[0]  # only the languages these cities have
    assert rows[0]["name_th"]


def test_dataframe_has_analyst_dtypes(net: lc.Network) -> None:
    pandas = pytest.importorskip("pandas")
    frame = net.to_dataframe()
    assert isinstance(frame, pandas.DataFrame)
    assert list(frame.columns) == list(columns(net.cities))
    assert len(frame) == len(net.cities)
    assert list(frame["id"]) == [city.id for city in net.cities]
    for column in ("joined", "member_by", "last_confirmed", "status_changed", "population", "geonames_id"):
        assert str(frame[column].dtype) == "Int64", column
    assert str(frame["member_since"].dtype).startswith("datetime64")
    assert str(frame["latitude"].dtype) == "float64"
    cork = frame.set_index("id").loc[net.city("Cork").id]
    assert pandas.isna(cork["joined"])
    assert cork["member_by"] == 2015
    assert cork["member_since"] == pandas.Timestamp("2015-09-28")
    assert cork["awards"] == [2015, 2024]
    assert frame["joined"].isna().sum() == sum(city.joined is None for city in net.cities)
    thai = net.where(country="TH").to_dataframe()
    assert list(thai["name_th"])[:3] == [c.local_names["th"] for c in net.where(country="TH")[:3]]


def test_dataframe_without_pandas_names_the_extra(net: lc.Network, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match=r"learning-cities\[pandas\]") as caught:
        net.to_dataframe()
    assert caught.value.name == "pandas"
    with pytest.raises(ImportError, match=r"learning-cities\[pandas\]"):
        net.where(country="TH").to_dataframe()


def test_csv_round_trips_through_the_csv_module(net: lc.Network) -> None:
    out = io.StringIO()
    assert write_csv(net, out) == len(net.cities)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    records = net.to_records()
    assert len(rows) == len(records)
    for row, record in zip(rows, records, strict=True):
        expected = {
            key: " ; ".join(map(str, value)) if key in LIST_COLUMNS else "" if value is None else str(value)
            for key, value in record.items()
        }
        assert row == expected
