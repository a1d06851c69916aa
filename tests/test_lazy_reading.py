"""The file the build checked is read one record at a time, and gives what a full read gives."""

from __future__ import annotations

import json
import threading
from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import learning_cities as lc
from learning_cities import _codec, _store, _text, network

DATA = _codec.read_bytes()
FULL = _codec.parse(DATA)
KEYS = _text.name_keys(FULL["cities"])


def fresh() -> lc.Network:
    return lc.Network.from_data(DATA, lazy=True)


def test_the_packaged_file_is_the_one_the_build_checked() -> None:
    assert _store.is_built(DATA)
    assert isinstance(lc.load()._records, _store.PackagedRecords)
    assert not _store.is_built(DATA.replace(b'"Bangkok"', b'"Bangkoq"'))


@pytest.mark.parametrize(("section", "_cls", "key"), _codec.SECTIONS)
def test_each_section_read_lazily_equals_the_full_read(section: str, _cls: str, key: str | None) -> None:
    records = _store.PackagedRecords(DATA)
    assert records.section(section) == FULL[section]
    assert len(FULL[section]) > 0
    if key is not None:
        for record in records.section(section):
            assert records.record(section, getattr(record, key)) is record
            assert records.has(section, getattr(record, key))


def test_every_city_read_on_its_own_equals_the_full_read() -> None:
    records = _store.PackagedRecords(DATA)
    for city in FULL["cities"]:
        assert records.record("cities", city.id) == city
    assert records.section("cities") == FULL["cities"]  # reuses the records already read


def test_the_ids_read_from_the_lines_are_the_ids_of_the_records() -> None:
    assert _store.PackagedRecords(DATA).ids() == {city.id for city in FULL["cities"]}


def test_the_first_lookup_by_a_gazetteer_name_reads_no_city_it_does_not_return() -> None:
    net = lc.Network.from_data(DATA, alternate_names=_codec.read_alternate_names, lazy=True)
    assert net.city("曼谷").id == "th-bangkok"
    assert sorted(net._records._read["cities"]) == ["th-bangkok"]  # type: ignore[attr-defined]


def test_the_written_lookup_keys_are_the_keys_of_the_members_names() -> None:
    records = _store.PackagedRecords(DATA)
    assert records.name_keys == KEYS
    assert len(KEYS) > 1000
    fresh_records = _store.PackagedRecords(DATA)
    assert all(fresh_records.ids_for(key) == ids for key, ids in KEYS.items())  # found without reading all


def test_a_lookup_reads_only_the_records_it_returns() -> None:
    net = fresh()
    assert net.city("Bangkok").country.code == "TH"
    assert net.city("ขอนแก่น").name == "Khon Kaen"
    read = net._records._read  # type: ignore[attr-defined]
    assert sorted(read["cities"]) == ["th-bangkok", "th-khon-kaen"]
    assert sorted(read["countries"]) == ["TH"]
    assert not read["cohorts"]
    assert not read["awards"]


def test_records_read_one_at_a_time_are_the_records_of_the_collections() -> None:
    net = fresh()
    bangkok = net.city("Bangkok")
    assert next(city for city in net.cities if city.id == "th-bangkok") is bangkok
    assert bangkok.country is net.country("TH")
    assert net.cities == tuple(
        sorted(FULL["cities"], key=lambda c: (c.joined is None, c.joined or 0, c.name.casefold(), c.id))
    )
    assert net.cohort(2024).cities == FULL["cohorts"][3].cities


def test_concurrent_lookups_share_one_record_each() -> None:
    net = fresh()
    names = ["Bangkok", "Khon Kaen", "Cork", "กรุงเทพฯ", "Suwon", "Hangzhou", "Medellín", "Espoo"] * 4
    found: list[lc.City] = []
    barrier = threading.Barrier(len(names))

    def worker(name: str) -> None:
        barrier.wait()
        found.append(net.city(name))

    threads = [threading.Thread(target=worker, args=(name,)) for name in names]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(found) == len(names)
    for city in found:
        assert city is net.city(city.id)
        assert city in net.cities


def test_lookup_keys_that_do_not_match_the_names_are_refused() -> None:
    data = json.loads(DATA)
    data["name_keys"]["atlantis"] = ["th-bangkok"]
    with pytest.raises(lc.DataError, match=r"gnlc\.json: name_keys: the lookup keys do not match .*'atlantis'"):
        lc.Network.from_data(json.dumps(data).encode(), lazy=True)
    wrongs: list[object] = [[], None, "bangkok"]
    for wrong in wrongs:
        data["name_keys"] = wrong
        with pytest.raises(lc.DataError, match="name_keys: expected an object of lookup key to city ids"):
            lc.Network.from_data(json.dumps(data).encode())
    del data["name_keys"]
    with pytest.raises(lc.DataError, match=r"missing \['name_keys'\]"):
        lc.Network.from_data(json.dumps(data).encode())


def test_only_a_lazy_read_trusts_the_checksum(monkeypatch: pytest.MonkeyPatch) -> None:
    forged = DATA.replace(b'"bangkok": ["th-bangkok"]', b'"bangkok": ["ph-balanga"]', 1)
    assert forged != DATA
    monkeypatch.setattr(_store, "is_built", lambda data: True)  # as if the checksum matched
    with pytest.raises(lc.DataError, match="the lookup keys do not match"):
        lc.Network.from_data(forged)
    assert lc.Network.from_data(forged, lazy=True).city("bangkok").id == "ph-balanga"  # what lazy=True trusts
    assert isinstance(lc.Network.from_data(DATA)._records, network._GivenRecords)
    with pytest.raises(TypeError, match="lazy must be True or False, not int: 1"):
        lc.Network.from_data(DATA, lazy=1)  # type: ignore[arg-type]


def test_records_given_as_tuples_are_found_by_section_and_key() -> None:
    given = network._GivenRecords({name: FULL[name] for name, _, _ in _codec.SECTIONS})
    assert given.has("countries", "TH")
    assert given.record("cohorts", 2024) == FULL["cohorts"][3]
    assert given.record("cities", ["th-bangkok"]) is None
    assert not given.has("network_totals", "anything")
    assert given.ids() == _store.PackagedRecords(DATA).ids()


def _race(records: _store.PackagedRecords, section: str, threads: int) -> list[tuple[object, ...]]:
    barrier = threading.Barrier(threads)
    results: list[tuple[object, ...]] = []

    def worker() -> None:
        barrier.wait()
        results.append(records.section(section))

    started = [threading.Thread(target=worker) for _ in range(threads)]
    for thread in started:
        thread.start()
    for thread in started:
        thread.join()
    return results


def test_a_section_read_by_racing_threads_is_read_once() -> None:
    for _ in range(20):
        results = _race(_store.PackagedRecords(DATA), "network_totals", 4)
        assert len(results) == 4
        assert all(result is results[0] for result in results)


def test_a_changed_file_is_read_and_checked_whole() -> None:
    changed = DATA.replace(b'"name": "Bangkok"', b'"name": "Krung Thep"', 1)
    assert not _store.is_built(changed)
    with pytest.raises(lc.DataError, match="the lookup keys do not match"):
        lc.Network.from_data(changed, file="changed.json")
    net = lc.Network.from_data(DATA.replace(b'"data_as_of": "', b'"data_as_of":  "', 1), lazy=True)  # other bytes
    assert not isinstance(net._records, _store.PackagedRecords)
    assert net.city("Bangkok") == lc.load().city("Bangkok")


@pytest.mark.parametrize("data", ["{}", None, 5, [1]])
def test_from_data_takes_bytes(data: object) -> None:
    with pytest.raises(TypeError, match="data must be bytes"):
        lc.Network.from_data(data)  # type: ignore[arg-type]


@pytest.mark.parametrize("wrap", [bytearray, memoryview])
def test_from_data_reads_bytes_like_content_as_its_bytes(wrap: Any) -> None:
    content = wrap(DATA)
    net = lc.Network.from_data(content, lazy=True)
    assert net.city("Bangkok") == lc.load().city("Bangkok")
    with pytest.raises(lc.DataError):
        lc.Network.from_data(wrap(b"{}"))


@settings(max_examples=300, deadline=None)
@given(key=st.one_of(st.text(max_size=30), st.sampled_from(sorted(KEYS))))
@example('" "bangkok')
@example("bangkok\\")
@example("\ud800")
@example('a{"bangkok')
def test_any_key_is_found_as_the_full_index_finds_it(key: str) -> None:
    assert _store.PackagedRecords(DATA).ids_for(key) == KEYS.get(key)


@settings(max_examples=200, deadline=None)
@given(
    key=st.one_of(
        st.text(max_size=30),
        st.integers(),
        st.booleans(),
        st.none(),
        st.lists(st.text(max_size=3), max_size=2),
        st.sampled_from([c.id for c in FULL["cities"]]),
    )
)
@example('th-bangkok", ')
@example(["th-bangkok"])
@example("\ud800")
def test_any_key_finds_a_record_only_where_the_full_read_has_one(key: object) -> None:
    records = _store.PackagedRecords(DATA)
    expected = next((city for city in FULL["cities"] if city.id == key and key.__class__ is str), None)
    assert records.record("cities", key) == expected
    assert records.has("cities", key) is (expected is not None)
