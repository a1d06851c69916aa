"""The codec reads only well-formed data files and is safe under concurrent first use."""

from __future__ import annotations

import json
import threading
from typing import Any

import pytest

import learning_cities as lc
from learning_cities import _codec, _packaged


def _data() -> dict[str, Any]:
    return json.loads(_codec.read_bytes())  # type: ignore[no-any-return]


def test_parse_round_trip_of_the_packaged_file() -> None:
    parts = _codec.parse(_codec.read_bytes())
    assert len(parts["cities"]) == len(lc.load().cities) == 402
    assert _codec.render(_codec.dump(parts)).encode("utf-8") == _codec.read_bytes()


def _duplicate(section: str) -> Any:
    return lambda d: d[section].append(dict(d[section][-1]))


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda d: d["cities"][0].update(joined="2015"), r"cities\[0\] \('.+'\): expected a whole number, got '2015'"),
        (lambda d: d["cities"][3].pop("name"), r"cities\[3\] .*missing field\(s\) 'name'"),
        (lambda d: d["cities"][3].update(inhabitants=5), r"cities\[3\] .*undeclared field\(s\) 'inhabitants'"),
        (lambda d: d["countries"][3].update(notes=5), r"countries\[3\] \('AU'\): expected a string, got 5"),
        (lambda d: d["cities"][1].update(country="XX"), r"'XX' names no record in countries"),
        (lambda d: d["cities"][2].update(sources=[]), "sources must not be empty"),
        (lambda d: d["cities"][2].update(status="sleeping"), "expected one of 'active', 'withdrawn', got 'sleeping'"),
        (lambda d: d["cities"][4].update(sources=["https://a.example", 7]), "expected a string, got 7"),
        (lambda d: d["cities"][4].update(cohorts=[2019, "2020"]), "expected a whole number, got '2020'"),
        (lambda d: d["cities"][4].update(local_names={"th": 1}), "name for 'th' should be a string, got 1"),
        (lambda d: d["cities"][5].update(joined=True), r"expected a whole number, got True"),
        (lambda d: d["cities"][5].update(joined=2567), r"City.joined 2567 looks like a Buddhist Era year"),
        (lambda d: d["cities"][5].update(joined=0), r"City.joined must be a Common Era year from 1 to 2399, not 0"),
        (lambda d: d["cities"][5].update(member_since="2567-01-01"), r"City.member_since 2567-01-01 .*Buddhist Era"),
        (lambda d: d["cities"].__setitem__(6, "Bangkok"), r"cities\[6\]: expected an object, got 'Bangkok'"),
        (_duplicate("cities"), r"id '.+' is used twice in cities"),
        (_duplicate("countries"), "code 'ZW' is used twice in countries"),
        (_duplicate("cohorts"), "year 2025 is used twice in cohorts"),
        (_duplicate("awards"), "year 2024 is used twice in awards"),
        (_duplicate("conferences"), "number 7 is used twice in conferences"),
        (lambda d: d["countries"][0].update(region="Atlantis"), "got 'Atlantis'"),
        (lambda d: d["awards"][0].update(conference=99), "99 names no record in conferences"),
        (lambda d: d["cohorts"][1]["corrections"][0].pop("original"), r"cohorts\[1\] .*missing field\(s\) 'original'"),
        (lambda d: d["conferences"][0].update(country="XX"), r"conferences\[0\] .*'XX' names no record in countries"),
        (lambda d: d["cohorts"][0].update(announced_on="17 July 2019"), "expected an ISO date"),
        (lambda d: d["awards"][0]["laureates"].append("xx-nowhere"), "'xx-nowhere' names no record in cities"),
        (lambda d: d["awards"][0]["laureates"].append(["x"]), r"\['x'\] names no record in cities"),
        (lambda d: d.update(schema=99), "schema 99"),
        (lambda d: d.update(schema=True), "schema True"),
        (lambda d: d.pop("countries"), r"top level: sections: undeclared none, missing \['countries'\]"),
        (lambda d: d.update(cities={}), "section 'cities' should be a list"),
    ],
)
def test_malformed_data_names_file_and_record(mutate: Any, message: str) -> None:
    data = _data()
    mutate(data)
    with pytest.raises(lc.DataError, match=message) as info:
        _codec.parse(json.dumps(data))
    assert str(info.value).startswith("gnlc.json: ")
    assert isinstance(info.value, ValueError)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"[]", "top level: expected an object, got list"),
        (b'{"schema": 2, "schema": 2}', "not valid JSON .*the key 'schema' appears twice"),
        ("{}".encode("utf-16"), "whole file: not valid UTF-8"),
        (b'{"schema": "\xff"}', "whole file: not valid UTF-8"),
        (b"[" * 100_000 + b"]" * 100_000, "whole file: JSON nested too deeply"),
        (b"", "whole file: not valid JSON"),
    ],
)
def test_malformed_file_is_a_data_error(content: bytes, message: str) -> None:
    with pytest.raises(lc.DataError, match=message):
        _codec.parse(content)


def test_duplicate_key_inside_a_record_is_refused() -> None:
    text = _codec.read_bytes().decode("utf-8").replace('{"code": "AE", ', '{"code": "AE", "code": "AE", ', 1)
    with pytest.raises(lc.DataError, match="the key 'code' appears twice"):
        _codec.parse(text)


def test_truncated_file_is_a_data_error() -> None:
    text = _codec.read_bytes().decode("utf-8")
    with pytest.raises(lc.DataError, match=r"gnlc\.json: whole file: not valid JSON"):
        _codec.parse(text[: len(text) // 2].encode("utf-8"))  # cut between characters: valid UTF-8


def test_concurrent_first_load_gives_one_object(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_packaged, "_network", None)
    calls = []
    real = _codec.read_bytes

    def counting() -> bytes:
        calls.append(1)
        return real()

    monkeypatch.setattr(_codec, "read_bytes", counting)
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
