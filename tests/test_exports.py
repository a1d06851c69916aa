"""Exports for analysts: flat rows, CSV, and a pandas DataFrame."""

from __future__ import annotations

import csv
import io
import json
import sys

import pytest

import learning_cities as lc
from learning_cities.exports import COLUMNS, write_csv


def test_one_row_per_city_in_network_order(net: lc.Network) -> None:
    rows = net.to_records()
    assert isinstance(rows, list)
    assert [row["id"] for row in rows] == [city.id for city in net.cities]
    assert all(tuple(row) == COLUMNS for row in rows)


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
    assert khon_kaen["local_names"] == "th=ขอนแก่น"
    assert khon_kaen["member_since"] == net.member_since("Khon Kaen").isoformat()  # type: ignore[union-attr]
    cork = net.city("Cork")
    row = rows[cork.id]
    assert (row["joined"], row["member_by"]) == (None, 2015)
    assert row["awards"] == "2015 ; 2024"
    assert row["sources"] == " ; ".join(cork.sources)
    withdrawn = rows[net.city("Laâyoune").id]
    assert withdrawn["status"] == "withdrawn"


def test_rows_are_fresh_lists(net: lc.Network) -> None:
    rows = net.to_records()
    rows[0]["name"] = "changed"
    rows.clear()
    assert net.to_records()[0]["name"] == net.cities[0].name


def test_dataframe_matches_records(net: lc.Network) -> None:
    pandas = pytest.importorskip("pandas")
    frame = net.to_dataframe()
    assert isinstance(frame, pandas.DataFrame)
    assert list(frame.columns) == list(COLUMNS)
    assert len(frame) == len(net.cities)
    assert list(frame["id"]) == [city.id for city in net.cities]
    assert str(frame["joined"].dtype) == "Int64"
    cork = frame.set_index("id").loc[net.city("Cork").id]
    assert pandas.isna(cork["joined"])
    assert cork["member_by"] == 2015
    assert frame["joined"].isna().sum() == sum(city.joined is None for city in net.cities)


def test_dataframe_without_pandas_names_the_extra(net: lc.Network, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match=r"learning-cities\[pandas\]") as caught:
        net.to_dataframe()
    assert caught.value.name == "pandas"


def test_csv_round_trips_through_the_csv_module(net: lc.Network) -> None:
    out = io.StringIO()
    assert write_csv(net, out) == len(net.cities)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    records = net.to_records()
    assert len(rows) == len(records)
    for row, record in zip(rows, records, strict=True):
        assert row == {key: "" if value is None else str(value) for key, value in record.items()}
