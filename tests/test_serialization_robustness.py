"""Serialization regressions: lists of records, bounded input, safe messages, checked arguments."""

from __future__ import annotations

import json
import threading
from typing import Any

import attrs
import pytest

import learning_cities as lc
from learning_cities import serialization
from learning_cities.serialization import MAX_DEPTH, StructureError, get_converter


def nested_lists(depth: int) -> list[Any]:
    top: list[Any] = []
    inner = top
    for _ in range(depth - 1):
        inner.append([])
        inner = inner[0]
    return top


def nested_objects(depth: int) -> dict[str, Any]:
    top: dict[str, Any] = {}
    inner = top
    for _ in range(depth - 1):
        inner["country"] = {}
        inner = inner["country"]
    return top


class BadRepr:
    """A value whose repr fails, as an odd value in the data might."""

    def __repr__(self) -> str:
        raise RuntimeError("no repr")


# -- lists and tuples of records ----------------------------------------------------------------


def test_lists_of_records(net: lc.Network) -> None:
    text = lc.to_json(net.cities)
    cities = lc.from_json(text, list[lc.City])
    assert type(cities) is list
    assert cities == list(net.cities)
    assert lc.from_json(text, tuple[lc.City, ...]) == net.cities
    assert lc.structure(lc.unstructure(list(net.cohorts)), list[lc.Cohort]) == list(net.cohorts)
    assert lc.structure([], list[lc.Award]) == []
    assert lc.structure((), tuple[lc.Award, ...]) == ()
    assert lc.unstructure([]) == []


@pytest.mark.parametrize("cls", [list[lc.Country], tuple[lc.Country, ...]])
def test_a_list_is_a_list(net: lc.Network, cls: Any) -> None:
    name = "list[Country]" if cls == list[lc.Country] else "tuple[Country, ...]"
    for bad in ("TH", {"code": "TH"}, 5, None, net.country("TH")):
        with pytest.raises(StructureError, match=r"expected a list, got \w+: .* @ \$$") as caught:
            lc.structure(bad, cls)
        assert str(caught.value).startswith(f"cannot structure {name}: ")
    with pytest.raises(StructureError, match=r"expected an object, got str: 'TH' @ \$\[1\]"):
        lc.structure([lc.unstructure(net.country("TH")), "TH"], cls)


def test_a_list_of_bad_items_lists_the_first_errors_only() -> None:
    with pytest.raises(StructureError) as caught:
        lc.structure([1] * 100_000, list[lc.City])
    errors = caught.value.errors
    assert errors[0] == "expected an object, got int: 1 @ $[0]"
    assert errors[-1].startswith("(more errors not listed")
    assert len(errors) <= 25
    with pytest.raises(StructureError) as caught:
        lc.from_json("[" + "{}," * 100_000 + "{}]", tuple[lc.City, ...])
    assert caught.value.errors[0] == "required field missing @ $[0].id"
    assert len(caught.value.errors) <= 25


def test_a_list_cut_short_by_an_earlier_failure_is_read_again(net: lc.Network, monkeypatch: Any) -> None:
    # with no failures allowed, every list stops at once; a record that still structures
    # must then be read again in full, never returned short
    monkeypatch.setattr(serialization, "_MAX_FAILURES", 0)
    cohort = net.cohort(2022)
    assert lc.structure(lc.unstructure(cohort), lc.Cohort) == cohort


# -- nesting is bounded before any recursive code runs --------------------------------------


@pytest.mark.parametrize("text", ["[" * 100_000, "[" * 100_000 + "]" * 100_000, '{"a":' * 50_000, "[[]" * 50_000])
def test_deep_json_is_refused_before_parsing(text: str) -> None:
    with pytest.raises(StructureError, match=rf"JSON nested at least \d+ levels deep; at most {MAX_DEPTH} are read"):
        lc.from_json(text, lc.City)
    with pytest.raises(StructureError, match="levels deep"):
        lc.from_json(text.encode(), list[lc.City])


def test_json_depth_is_exact_up_to_the_limit() -> None:
    ok = "[" * MAX_DEPTH + "]" * MAX_DEPTH
    with pytest.raises(StructureError) as caught:
        lc.from_json(ok, list[lc.City])
    assert "levels deep" not in str(caught.value)
    with pytest.raises(StructureError, match=f"at least {MAX_DEPTH + 1} levels deep"):
        lc.from_json("[" + ok + "]", list[lc.City])
    # brackets in strings do not count, escaped quotes included
    deep_string = json.dumps({"id": '\\"' + "[" * 1000})
    with pytest.raises(StructureError) as caught:
        lc.from_json(deep_string, lc.City)
    assert "required field missing @ $.name" in caught.value.errors


@pytest.mark.parametrize("make", [nested_lists, nested_objects])
def test_deep_data_is_refused_before_structuring(make: Any) -> None:
    deep = make(100_000)
    with pytest.raises(StructureError, match=rf"nested deeper than {MAX_DEPTH} levels @ \$"):
        lc.structure(deep, lc.City)
    with pytest.raises(StructureError, match="nested deeper"):
        lc.structure({"country": deep}, lc.City)
    with pytest.raises(StructureError, match="nested deeper"):
        lc.structure([deep], list[lc.City])
    with pytest.raises(StructureError) as caught:
        lc.structure(deep, lc.City)
    assert len(str(caught.value)) < 200


def test_a_list_that_holds_itself_is_refused() -> None:
    loop: list[Any] = []
    loop.append(loop)
    with pytest.raises(StructureError, match="nested deeper"):
        lc.structure(loop, list[lc.City])


# -- messages never fail to build ------------------------------------------------------------


@pytest.mark.parametrize("key", [1, None, (1, 2), 2.5, True, frozenset(), BadRepr()])
def test_non_str_keys(key: Any, net: lc.Network) -> None:
    with pytest.raises(StructureError, match=r"expected an object with str keys, got key .* @ \$$"):
        lc.structure({key: "x"}, lc.City)
    data = lc.unstructure(net.city("Khon Kaen"))
    with pytest.raises(StructureError, match=r"got key .* @ \$\.country$"):
        lc.structure({**data, "country": {**data["country"], key: 1}}, lc.City)
    with pytest.raises(StructureError, match=r"got key .* @ \$\[0\]\.local_names$"):
        lc.structure([{**data, "local_names": {key: "x"}}], list[lc.City])


@pytest.mark.parametrize(
    "value",
    [BadRepr(), object(), 10**5000, "x\u0301" * 100_000, b"\xff" * 1000, float("nan"), [[[[[[1]]]]]]],
    ids=["bad-repr", "object", "huge-int", "long-text", "bytes", "nan", "nested"],
)
def test_odd_values_are_named_safely(value: Any, net: lc.Network) -> None:
    data = lc.unstructure(net.city("Khon Kaen"))
    for field in ("name", "joined", "region", "member_since", "local_names", "sources", "country"):
        if field == "name" and isinstance(value, str):  # a long name is a name
            assert lc.structure({**data, field: value}, lc.City).name == value
            continue
        with pytest.raises(StructureError) as caught:
            lc.structure({**data, field: value}, lc.City)
        assert f"@ $.{field}" in caught.value.errors[0]
        assert len(str(caught.value)) < 400


def test_extra_keys_are_listed_briefly(net: lc.Network) -> None:
    data = lc.unstructure(net.country("TH"))
    with pytest.raises(StructureError) as caught:
        lc.structure({**data, **{f"extra{i:06}": i for i in range(50_000)}}, lc.Country)
    (message,) = caught.value.errors
    assert (
        message
        == "extra fields found (extra000000, extra000001, extra000002, extra000003, extra000004 and 49,995 more) @ $"
    )


def test_a_bad_class_is_named_safely() -> None:
    with pytest.raises(TypeError, match=r"not <BadRepr object>"):
        lc.structure({}, BadRepr())  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="from_json\\(\\) takes JSON text"):
        lc.from_json(BadRepr(), lc.City)  # type: ignore[arg-type]


# -- huge ints --------------------------------------------------------------------------------


def test_huge_ints_are_refused_not_converted(net: lc.Network) -> None:
    data = lc.unstructure(net.city("Khon Kaen"))
    with pytest.raises(StructureError) as caught:
        lc.structure({**data, "joined": 10**5000}, lc.City)
    assert caught.value.errors == ("expected an int of at most 64 bits, got <int of about 5001 digits> @ $.joined",)
    text = lc.to_json(net.city("Khon Kaen")).replace('"joined": 2024', '"joined": ' + "9" * 5000)
    with pytest.raises(StructureError, match="got a number of 5,000 digits"):
        lc.from_json(text, lc.City)
    with pytest.raises(StructureError, match=r"got a number of 4,300 digits"):
        lc.from_json("[-" + "1" * 4300 + "]", list[lc.City])
    population = {"count": 0, "year": None, "source": "https://www.geonames.org/1609350"}
    for edge in (2**63 - 1, -(2**63)):  # a plain int field takes every 64-bit value
        assert lc.structure({**population, "count": edge}, lc.Population).count == edge
    with pytest.raises(StructureError, match=r"at most 64 bits, got 9223372036854775808 @ \$\.count"):
        lc.structure({**population, "count": 2**63}, lc.Population)
    year_range = r"City.joined must be a Common Era year from 1 to 2399, not 9223372036854775807"
    with pytest.raises(StructureError, match=year_range):
        lc.structure({**data, "joined": 2**63 - 1}, lc.City)  # a year field takes years only


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
def test_json_constants_are_not_numbers(constant: str) -> None:
    with pytest.raises(StructureError, match=f"{constant} is not a JSON number"):
        lc.from_json(f'{{"joined": {constant}}}', lc.City)


def test_records_holding_what_json_cannot_are_refused(net: lc.Network) -> None:
    city: Any = net.city("Khon Kaen")
    for value, error, message in [
        (10**5000, ValueError, r"an int of more than 64 bits \(<int of about 5001 digits>\) @ \$\.joined"),
        (float("inf"), ValueError, r"a float that JSON cannot hold \(inf\) @ \$\.joined"),
        (object(), TypeError, r"a object .* @ \$\.joined"),
        (BadRepr(), TypeError, r"a BadRepr \(<BadRepr object>\)"),
        (nested_lists(100_000), ValueError, "nested deeper than 64 levels"),
        ({1: "x"}, TypeError, r"an object key that is not a str \(1\) @ \$\.joined"),
    ]:
        with attrs.validators.disabled():  # records refuse such values; unstructure must too
            bad = attrs.evolve(city, joined=value)
        with pytest.raises(error, match=message):
            lc.unstructure(bad)
        with pytest.raises(error, match=message.replace(r"\$\.joined", r"\$\[1\]\.joined")):
            lc.to_json([city, bad])
    with attrs.validators.disabled(), pytest.raises(TypeError, match=r"unstructure\(\) cannot write .*Khon Kaen"):
        lc.unstructure(attrs.evolve(city, country="TH"))


def test_unstructure_names_the_item_that_is_not_a_record(net: lc.Network) -> None:
    with pytest.raises(TypeError, match=r"item 1 is a list: \[\[\[\[\.\.\.\]\]\]\]"):
        lc.unstructure([net.cities[0], nested_lists(10_000)])


# -- to_json's indent --------------------------------------------------------------------------


@pytest.mark.parametrize("indent", [None, 0, 1, 2, 16])
def test_indent_makes_json(net: lc.Network, indent: int | None) -> None:
    text = lc.to_json(net.cohort(2022), indent=indent)
    assert json.loads(text) == lc.unstructure(net.cohort(2022))
    assert lc.from_json(text, lc.Cohort) == net.cohort(2022)


@pytest.mark.parametrize(
    ("indent", "error"),
    [("x", TypeError), ("\t", TypeError), (True, TypeError), (2.0, TypeError), (-1, ValueError), (17, ValueError)],
)
def test_indent_is_checked(net: lc.Network, indent: Any, error: type[Exception]) -> None:
    with pytest.raises(error, match="indent must be"):
        lc.to_json(net.country("TH"), indent=indent)


# -- bytes and text --------------------------------------------------------------------------


def test_bytes_in_any_json_encoding(net: lc.Network) -> None:
    text = lc.to_json(net.city("Khon Kaen"))
    for encoding in ("utf-8", "utf-16", "utf-32"):
        assert lc.from_json(text.encode(encoding), lc.City) == net.city("Khon Kaen")
    assert lc.from_json(bytearray(text.encode()), lc.City) == net.city("Khon Kaen")
    with pytest.raises(StructureError, match="not valid JSON"):
        lc.from_json(b'{"id": "\xff"}', lc.City)


def test_ten_megabytes_of_text_are_answered(net: lc.Network) -> None:
    # each of these is refused after one linear pass, before any recursive parser sees it
    for text in ("[" * 10_000_000, "[]" * 5_000_000, '"' + "\\n" * 5_000_000 + '"', " " * 10_000_000):
        with pytest.raises(StructureError):
            lc.from_json(text, lc.City)
    with pytest.raises(StructureError, match=r"@ \$\[0\]"):
        lc.from_json("[" + "1," * 5_000_000 + "1]", list[lc.City])


# -- the converter --------------------------------------------------------------------------


def test_one_converter_from_many_threads() -> None:
    got: list[object] = []
    threads = [threading.Thread(target=lambda: got.append(get_converter())) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(got) == 8
    assert all(converter is get_converter() for converter in got)
    assert hasattr(get_converter, "cache_info")  # functools.cache, not a hand-rolled memo


def test_the_converter_works_on_its_own(net: lc.Network) -> None:
    data = lc.unstructure(net.countries)
    assert get_converter().structure(data, list[lc.Country]) == list(net.countries)
    assert get_converter().unstructure(net.country("TH")) == lc.unstructure(net.country("TH"))


@pytest.mark.parametrize("bad", ["2024-13-01", "2024-02-30", "0000-01-01", "2024-02-1x", "２０２４-02-14"])
def test_dates_that_are_no_day(net: lc.Network, bad: str) -> None:
    data = lc.unstructure(net.cohort(2022))
    with pytest.raises(StructureError, match=r"expected an ISO date \(YYYY-MM-DD\), got .* @ \$\.announced_on"):
        lc.structure({**data, "announced_on": bad}, lc.Cohort)


@pytest.mark.parametrize("bad", [1, 0, "true", None])
def test_a_bool_is_a_bool(bad: Any) -> None:
    cycle = lc.unstructure(lc.award_schedule().cycles(2015, 2017)[0])
    assert lc.structure(cycle, lc.AwardCycle).projected is False
    with pytest.raises(StructureError, match=r"expected bool, got \w+: .* @ \$\.projected"):
        lc.structure({**cycle, "projected": bad}, lc.AwardCycle)


def test_structure_error_names_any_class_safely() -> None:
    assert str(StructureError(BadRepr(), ["bad @ $"])) == "cannot structure <BadRepr object>: bad @ $"
    assert str(StructureError(list[lc.City], ["bad @ $"])) == "cannot structure list[City]: bad @ $"
    assert str(StructureError(tuple[lc.City, ...], [])) == "cannot structure tuple[City, ...]: "
