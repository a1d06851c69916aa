"""The loader validates the data file and is safe under concurrent first use."""

from __future__ import annotations

import json
import threading
from typing import Any

import pytest

import learning_cities as lc
from learning_cities import _load


def _data() -> dict[str, Any]:
    return json.loads(_load.read_text())  # type: ignore[no-any-return]


def test_parse_round_trip_of_the_packaged_file() -> None:
    records = _load.parse(_load.read_text())
    assert len(records["cities"]) == len(lc.load().cities)


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda d: d["cities"][0].update(joined="2015"), r"cities\[0\] \(.+\): field 'joined' should be int"),
        (lambda d: d["cities"][3].pop("name"), r"cities\[3\] .*missing field 'name'"),
        (lambda d: d["cities"][1].update(country="XX"), r"names no known country: 'XX'"),
        (lambda d: d["cities"][2].update(sources=[]), "at least one source"),
        (lambda d: d["cities"][2].update(status="sleeping"), "no known membership status: 'sleeping'"),
        (lambda d: d["cities"][4].update(sources=["https://a.example", 7]), "should be a list of strings, has"),
        (lambda d: d["cities"][4].update(cohorts=[2019, "2020"]), "should be a list of whole numbers"),
        (lambda d: d["cities"][4].update(local_names={"th": 1}), "should be language tags to names"),
        (lambda d: d["cities"][5].update(joined=True), r"field 'joined' should be int, got True"),
        (lambda d: d["cities"].__setitem__(6, "Bangkok"), r"cities\[6\]: expected an object, got str"),
        (lambda d: d["cities"].append(dict(d["cities"][0])), "is used twice"),
        (lambda d: d["countries"][0].update(region="Atlantis"), "names no known region: 'Atlantis'"),
        (lambda d: d["awards"][0].update(conference=99), "names no known conference number: 99"),
        (lambda d: d["cohorts"][1]["corrections"][0].pop("original"), r"cohorts\[1\]\.corrections\[0\]: missing"),
        (lambda d: d["conferences"][0].update(country="XX"), r"conferences\[0\]: .*no known country: 'XX'"),
        (lambda d: d["cohorts"][0].update(announced_on="17 July 2019"), "not an ISO date"),
        (lambda d: d["awards"][0]["laureates"].append("xx-nowhere"), "not member cities: xx-nowhere"),
        (lambda d: d.update(schema=99), "schema 99"),
        (lambda d: d.pop("countries"), "top level: missing field 'countries'"),
    ],
)
def test_malformed_data_names_file_and_record(mutate: Any, message: str) -> None:
    data = _data()
    mutate(data)
    with pytest.raises(lc.DataError, match=message) as info:
        _load.parse(json.dumps(data))
    assert str(info.value).startswith("gnlc.json: ")
    assert isinstance(info.value, ValueError)


def test_data_that_is_not_an_object_is_a_data_error() -> None:
    with pytest.raises(lc.DataError, match="top level: expected an object, got list"):
        _load.parse("[]")


def test_truncated_file_is_a_data_error() -> None:
    text = _load.read_text()
    with pytest.raises(lc.DataError, match=r"gnlc\.json: whole file: not valid JSON"):
        _load.parse(text[: len(text) // 2])


def test_concurrent_first_load_gives_one_object(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lc, "_network", None)
    calls = []
    real = _load.read_text

    def counting() -> str:
        calls.append(1)
        return real()

    monkeypatch.setattr(_load, "read_text", counting)
    results: list[lc.Network] = []
    barrier = threading.Barrier(16)

    def worker() -> None:
        barrier.wait()
        results.append(lc.load())

    threads = [threading.Thread(target=worker) for _ in range(16)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(results) == 16
    assert all(result is results[0] for result in results)
    assert calls == [1]
