"""Properties of serialization: every packaged record round-trips; hostile data gets a documented error."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import typing
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import learning_cities as lc
from learning_cities.serialization import MAX_DEPTH, StructureError

NET = lc.load()

#: Every public attrs class of the package: the records, coverage rows, award cycles, reports.
PUBLIC_CLASSES: list[type] = sorted(
    (
        value
        for value in (getattr(lc, name) for name in lc.__all__)
        # the aggregate is a document (tests/test_document.py); changes have to_records() (tests/test_changes.py)
        if isinstance(value, type) and attrs.has(value) and value not in (lc.Network, lc.Change, lc.Changes)
    ),
    key=lambda cls: cls.__name__,
)


def walk(value: object, found: dict[type, list[Any]], seen: set[int]) -> None:
    """Every attrs record reachable from ``value`` (iteratively: records nest records)."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, (tuple, list)):
            stack.extend(item)
        elif attrs.has(type(item)) and id(item) not in seen:
            seen.add(id(item))
            found.setdefault(type(item), []).append(item)
            stack.extend(getattr(item, field.name) for field in attrs.fields(typing.cast(Any, type(item))))


def packaged() -> dict[type, list[Any]]:
    found: dict[type, list[Any]] = {}
    seen: set[int] = set()
    for name in ("cities", "countries", "cohorts", "awards", "conferences", "network_totals", "country_totals"):
        walk(getattr(NET, name), found, seen)
    walk(NET.membership_changes, found, seen)
    walk(lc.coverage(), found, seen)
    walk(lc.country_coverage(), found, seen)
    walk(lc.recency(), found, seen)
    schedule = lc.award_schedule()
    walk([schedule, *schedule.cycles(2015, 2033)], found, seen)
    walk(lc.check_award_eligibility(NET.city("Khon Kaen"), 2027), found, seen)
    application = lc.MembershipApplication(city="Nan", country="TH", submitted_on=dt.date(2025, 6, 1))
    walk([application, lc.check_membership(application)], found, seen)
    return found


RECORDS = packaged()
ALL_RECORDS = [record for records in RECORDS.values() for record in records]


def test_the_packaged_records_cover_every_public_class() -> None:
    assert set(PUBLIC_CLASSES) <= set(RECORDS)
    assert len(RECORDS[lc.City]) == len(NET.cities)
    assert len(RECORDS[lc.Cohort]) == len(NET.cohorts)
    assert len(RECORDS[lc.CountryCoverageRow]) == len(NET.countries)


def test_every_packaged_record_round_trips() -> None:
    for record in ALL_RECORDS:
        cls = type(record)
        data = lc.unstructure(record)
        assert lc.structure(data, cls) == record
        text = lc.to_json(record)
        assert json.loads(text) == data
        assert lc.from_json(text, cls) == record
        assert lc.from_json(lc.to_json(record, indent=2).encode("utf-8"), cls) == record


@settings(max_examples=100, deadline=None)
@given(data=st.data(), cls=st.sampled_from(PUBLIC_CLASSES))
def test_lists_and_tuples_of_packaged_records_round_trip(data: st.DataObject, cls: type) -> None:
    records = data.draw(st.lists(st.sampled_from(RECORDS[cls]), max_size=6))
    as_list: Any = list[cls]  # type: ignore[valid-type]
    as_tuple: Any = tuple[cls, ...]  # type: ignore[valid-type]
    assert lc.structure(lc.unstructure(records), as_list) == records
    assert lc.structure(lc.unstructure(tuple(records)), as_tuple) == tuple(records)
    assert lc.from_json(lc.to_json(records), as_list) == records
    assert lc.from_json(lc.to_json(tuple(records)), as_tuple) == tuple(records)


# -- hostile data ----------------------------------------------------------------------------

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.integers(min_value=2**63 - 2, max_value=2**70),
    st.integers(min_value=4000, max_value=6000).map(lambda digits: 10**digits),  # beyond int-to-str
    st.floats(),
    st.text(max_size=20),
    st.text(alphabet="e\u0301\u0e02\u0e2d\u0e19\u0300", min_size=50, max_size=300),
    st.sampled_from(["2024", "2024-02-14", "2567-02-14", "2024-2-14", "Asia and the Pacific", "active", "TH"]),
)
keys = st.one_of(
    st.text(max_size=8),
    st.sampled_from(["id", "name", "country", "code", "joined", "region", "year", "cities", "label", "held"]),
)
json_like = st.recursive(
    scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(keys, inner, max_size=5)),
    max_leaves=25,
)
odd_keys = st.one_of(st.integers(), st.none(), st.booleans(), st.tuples(st.integers()), st.floats(allow_nan=False))


def deep(depth: int, kind: str) -> Any:
    value: Any = 1
    for _ in range(depth):
        value = [value] if kind == "list" else {"country": value}
    return value


deep_values = st.builds(deep, st.integers(min_value=MAX_DEPTH - 2, max_value=3000), st.sampled_from(["list", "dict"]))


@st.composite
def damaged(draw: st.DrawFn) -> tuple[Any, type]:
    """A packaged record's data with one field changed, removed, added, or keyed oddly."""
    record = draw(st.sampled_from(ALL_RECORDS))
    data = lc.unstructure(record)
    field = draw(st.sampled_from(sorted(data)))
    how = draw(st.sampled_from(["replace", "remove", "extra", "odd key", "deep"]))
    if how == "replace":
        data[field] = draw(json_like)
    elif how == "remove":
        del data[field]
    elif how == "extra":
        data[draw(st.text(min_size=1, max_size=10))] = draw(json_like)
    elif how == "odd key":
        data[draw(odd_keys)] = draw(json_like)
    else:
        data[field] = draw(deep_values)
    return data, type(record)


def structures_or_refuses(data: Any, cls: Any) -> None:
    """``structure(data, cls)`` makes a ``cls`` or raises StructureError, and the same through JSON."""
    result: Any = None
    errors: tuple[str, ...] = ()
    try:
        result = lc.structure(data, cls)
    except StructureError as error:
        errors = error.errors
    if errors:
        assert all(" @ $" in line or line.startswith("(more errors") for line in errors)
    else:
        assert isinstance(result, typing.get_origin(cls) or cls)
        assert lc.structure(lc.unstructure(result), cls) == result
    try:
        text = json.dumps(data)
    except (TypeError, ValueError, RecursionError):
        return  # not JSON: non-str keys, huge ints, too deep for json itself
    try:
        from_text = lc.from_json(text, cls)
    except StructureError:
        pass
    else:
        assert from_text == lc.structure(json.loads(text), cls)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.one_of(json_like, deep_values), cls=st.sampled_from(PUBLIC_CLASSES))
def test_hostile_data_structures_or_raises_structure_error(data: Any, cls: type) -> None:
    structures_or_refuses(data, cls)
    structures_or_refuses(data, list[cls])  # type: ignore[valid-type]
    structures_or_refuses([data, data], tuple[cls, ...])  # type: ignore[valid-type]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case=damaged())
def test_damaged_records_structure_or_raise_structure_error(case: tuple[Any, type]) -> None:
    data, cls = case
    structures_or_refuses(data, cls)
    structures_or_refuses([data], list[cls])  # type: ignore[valid-type]


@settings(max_examples=150, deadline=None)
@given(text=st.one_of(st.text(max_size=50), st.text(alphabet='[]{}",:0123456789\\ntrue', max_size=200)))
def test_any_text_structures_or_raises_structure_error(text: str) -> None:
    for cls in (lc.City, lc.Country, list[lc.Cohort]):
        with contextlib.suppress(StructureError):
            assert isinstance(lc.from_json(text, cls), typing.get_origin(cls) or cls)


hostile_objects = st.one_of(
    json_like.filter(lambda value: value != []),  # [] is an empty list of records
    deep_values,
    st.builds(object),
    st.just([NET]),
    st.just(lc.diff(NET, NET)),
    st.sampled_from(list(lc.Region)),
    st.lists(st.sampled_from(ALL_RECORDS[:50]), max_size=3).map(lambda items: [*items, object()]),
)


@settings(max_examples=150, deadline=None)
@given(value=hostile_objects)
def test_unstructure_and_to_json_take_records_only(value: Any) -> None:
    with pytest.raises(TypeError, match="unstructure"):
        lc.unstructure(value)
    with pytest.raises(TypeError, match="unstructure"):
        lc.to_json(value)


@st.composite
def junk_records(draw: st.DrawFn) -> Any:
    """A packaged record with one field set to something of the wrong kind (attrs does not check)."""
    record = draw(st.sampled_from(ALL_RECORDS))
    field = draw(st.sampled_from(attrs.fields(type(record))))
    if field.converter is None:
        value = draw(st.one_of(json_like, deep_values, st.builds(object), st.sampled_from(ALL_RECORDS[:20])))
    else:  # the model's own converters (local names) quote a bad value in full: keep it shallow
        value = draw(st.one_of(st.dictionaries(st.text(max_size=3), st.text(max_size=5), max_size=3), scalars))
    try:
        return attrs.evolve(record, **{field.name: value})
    except (TypeError, ValueError):  # a converter refused it (local names must be a dict)
        return record


@settings(max_examples=200, deadline=None)
@given(record=junk_records(), indent=st.one_of(st.none(), st.integers(min_value=0, max_value=16)))
def test_records_with_junk_fields_write_json_or_raise(record: Any, indent: int | None) -> None:
    try:
        data = lc.unstructure(record)
    except (TypeError, ValueError):
        data = None
    try:
        text = lc.to_json(record, indent=indent)
    except (TypeError, ValueError):
        assert data is None
        return
    assert json.loads(text) == data


@settings(max_examples=100, deadline=None)
@given(indent=st.one_of(st.booleans(), st.integers(), st.floats(), st.text(max_size=4), st.none()))
def test_indent_is_none_or_a_small_int(indent: Any) -> None:
    record = NET.cities[0]
    if indent is None or (type(indent) is int and 0 <= indent <= 16):
        assert lc.from_json(lc.to_json(record, indent=indent), lc.City) == record
    else:
        with pytest.raises((TypeError, ValueError), match="indent must be"):
            lc.to_json(record, indent=indent)


def test_a_float_is_not_an_int() -> None:
    # refused, never truncated
    with pytest.raises(StructureError, match=r"expected int, got float: 2024\.0 @ \$\.year"):
        lc.structure({**lc.unstructure(NET.cohorts[0]), "year": 2024.0}, lc.Cohort)
