"""Hostile input: each class of input generated whole, not one example.

1. ``str(city)`` looks back up under every fold the docs promise.
2. Constructors check what they keep.
3. A hand-built network works with only what it requires.
4. Duplicate keys are refused in hand-built networks.
5. CSV exports read back, and are safe in a spreadsheet with ``excel``.
6. Messages are bounded for any value.
7. Bytes-like JSON is read as bytes; other types are a TypeError.
8. One convention for years on the command line.
9. The Buddhist Era guard suggests only years that work.

And ``Network.city(name, country=...)``: a country settles a shared name.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import io
import json
import unicodedata
from collections.abc import Callable, Mapping
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import learning_cities as lc
from conftest import BadRepr, deep_list
from learning_cities import exports
from learning_cities._codec import read_alternate_names
from learning_cities.cli import commands, main
from learning_cities.cli.messages import Messages
from learning_cities.cli.render_json import to_json as cli_json
from learning_cities.cli.render_text import render
from learning_cities.exports import write_csv, write_rows

NET = lc.load()
#: The Common Era years the library answers about (a year from 2400 on is a Buddhist Era slip).
FIRST_YEAR, LAST_YEAR = 1, 2399
#: How a cell starts that a spreadsheet runs as a formula (OWASP, "CSV Injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
SECTIONS = ("cities", "countries", "cohorts", "awards", "conferences")
OPTIONAL = ("network_totals", "membership_changes", "country_totals")


def _slow(examples: int) -> settings:
    return settings(
        max_examples=examples,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
    )


def _network(**changes: Any) -> lc.Network:
    """A hand-built network of the packaged records, with ``changes`` to its sections."""
    sections: dict[str, Any] = {name: getattr(NET, name) for name in SECTIONS + OPTIONAL}
    sections.update(changes)
    return lc.Network(NET.data_as_of, **sections)


#: Values of every kind a careless or hostile caller passes, the ones messages choke on included.
hostile = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.integers(min_value=4_300, max_value=20_000).map(lambda digits: 10**digits),
    st.integers(min_value=4_300, max_value=20_000).map(lambda digits: -(10**digits)),
    st.floats(allow_nan=True),
    st.text(max_size=20),
    st.integers(min_value=1_000, max_value=3_000).map(lambda n: "x" * n),
    st.binary(max_size=10),
    st.dates(),
    st.lists(st.integers(), max_size=3),
    st.integers(min_value=1_000, max_value=5_000).map(deep_list),
    st.integers(min_value=1_000, max_value=3_000).map(lambda depth: {"a": deep_list(depth)}),
    st.builds(BadRepr),
    st.builds(object),
)


# -- 1. str(city) under every fold --------------------------------------------------------------

_FULL_WIDTH = {chr(code): chr(code + 0xFEE0) for code in range(0x21, 0x7F)} | {" ": "\u3000"}
_INVISIBLE = "\u200b\u200c\u200d\u200e\u200f\u2060\u2066\u2069\ufeff\u00ad"
_SPACES = (" ", "  ", "\t", "\u00a0", "\u3000", " \u200b ")


def _strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))


@st.composite
def _folded(draw: st.DrawFn, text: str) -> str:
    """``text`` under a random mix of the promised folds: case, accents, spacing, invisibles, full width."""
    cases: list[Callable[[str], str]] = [str, str.upper, str.lower, str.swapcase, str.title]
    text = draw(st.sampled_from(cases))(text)
    if draw(st.booleans()):
        text = _strip_accents(text)
    chars: list[str] = []
    for char in text:
        if char == " ":
            char = draw(st.sampled_from(_SPACES))
        elif char in _FULL_WIDTH and draw(st.booleans()):
            char = _FULL_WIDTH[char]
        chars.append(char + draw(st.sampled_from(["", "", "", *_INVISIBLE])))
    before = draw(st.sampled_from(["", "", " ", "\u200e", "\ufeff", "\u200b "]))
    after = draw(st.sampled_from(["", "", " ", "  ", "\u200b", "\u200e", "\u200f", " \u2060"]))
    return before + "".join(chars) + after


@st.composite
def _city_and_form(draw: st.DrawFn) -> tuple[lc.City, str]:
    city = draw(st.sampled_from(NET.cities))
    # str(city), or its name and country in full-width parentheses as CJK text writes them (no space)
    text = draw(st.sampled_from([str(city), f"{city.name}（{city.country.name}）"]))
    return city, draw(_folded(text))


@_slow(300)
@given(found=_city_and_form())
def test_str_of_every_city_looks_back_up_under_every_fold(found: tuple[lc.City, str]) -> None:
    city, form = found
    assert NET.city(form) == city, form


@_slow(40)
@given(found=_city_and_form())
def test_the_cli_city_command_finds_str_of_every_city_under_every_fold(found: tuple[lc.City, str]) -> None:
    city, form = found
    out, err = io.StringIO(), io.StringIO()
    assert main(["city", form, "--json"], stdout=out, stderr=err) == 0, err.getvalue()
    assert json.loads(out.getvalue())["city"]["id"] == city.id


# -- 2. constructors check what they keep -------------------------------------------------------


@_slow(120)
@given(value=hostile)
def test_cities_refuses_a_network_that_is_not_one_at_construction(value: object) -> None:
    assert lc.Cities(NET.cities[:2], network=NET).to_records()[0]["id"] == NET.cities[0].id
    with pytest.raises(TypeError, match="network"):
        lc.Cities(NET.cities[:2], network=value)  # type: ignore[arg-type]


@_slow(60)
@given(value=hostile)
def test_network_refuses_an_alternate_names_that_cannot_be_called(value: object) -> None:
    if value is None:  # no second name index
        assert _network(alternate_names=value).alternate_names is None
        return
    with pytest.raises(TypeError, match="alternate_names"):
        _network(alternate_names=value)


#: A key only the second name index knows (no member's own name): a lookup of it reads that index.
_GAZETTEER_KEY = next(key for key in sorted(read_alternate_names()) if key not in lc._text.name_keys(NET.cities))
_shapes = st.one_of(
    hostile,
    st.dictionaries(
        st.one_of(st.text(max_size=5), st.integers(), st.just(_GAZETTEER_KEY)),
        st.one_of(
            st.text(max_size=5),
            st.integers(),
            st.lists(st.sampled_from([c.id for c in NET.cities[:5]]), max_size=2),
            st.tuples(st.sampled_from([c.id for c in NET.cities[:5]])),
            st.tuples(st.integers()),
            hostile,
        ),
        max_size=3,
    ),
)


def _is_index(value: object) -> bool:
    """Whether ``value`` is what ``alternate_names`` must return: lookup key -> tuple of city ids."""
    return isinstance(value, Mapping) and all(
        isinstance(key, str) and isinstance(ids, tuple) and all(isinstance(i, str) for i in ids)
        for key, ids in value.items()
    )


@_slow(120)
@given(returned=_shapes)
def test_what_alternate_names_returns_is_checked_on_first_use(returned: object) -> None:
    net = _network(alternate_names=lambda: returned)
    if _is_index(returned):
        with contextlib.suppress(LookupError):  # the ids it gives may not be held
            assert isinstance(net.city(_GAZETTEER_KEY), lc.City)
        return
    with pytest.raises(TypeError, match=r"alternate_names\(\)"):
        net.city(_GAZETTEER_KEY)


# -- 3. a network with only what it requires ----------------------------------------------------


@st.composite
def _sparse_networks(draw: st.DrawFn) -> lc.Network:
    """Packaged or empty required sections, with any subset (often none) of each optional one."""
    required = {name: draw(st.sampled_from([(), getattr(NET, name)])) for name in SECTIONS}
    if not required["countries"]:  # cities, conferences and totals refer to countries
        required = dict.fromkeys(SECTIONS, ())
    optional = {
        name: tuple(draw(st.lists(st.sampled_from(getattr(NET, name)), unique=True, max_size=3)))
        if required["countries"]
        else ()
        for name in OPTIONAL
    }
    sections: dict[str, Any] = {**required, **optional}
    return lc.Network(NET.data_as_of, **sections)


def _every_use(net: lc.Network) -> dict[str, Callable[[], object]]:
    today = dt.date(2025, 6, 1)
    english = Messages("en")
    return {
        "repr": lambda: repr(net),
        "html": net._repr_html_,
        "len": lambda: len(net),
        "undated": lambda: net.undated,
        "members_on": lambda: net.members_on(today),
        "where": lambda: net.where(awarded=True),
        "search": lambda: net.search("khon kaen"),
        "nearest": lambda: net.nearest(13.75, 100.5),
        "geojson": net.to_geojson,
        **{f"records {table}": lambda table=table: net.to_records(table) for table in exports.TABLES},  # type: ignore[misc]
        **{f"frame {table}": lambda table=table: net.to_dataframe(table) for table in exports.TABLES},  # type: ignore[misc]
        "coverage": lambda: lc.coverage(net)._repr_html_(),
        "country_coverage": lambda: lc.country_coverage(net)._repr_html_(),
        "recency": lambda: lc.recency(net)._repr_html_(),
        "csv": lambda: write_csv(net, io.StringIO(), excel=True),
        "summary": lambda: render(commands.summary(net, today), english),
        "summary json": lambda: cli_json(commands.summary(net, today)),
        "members command": lambda: render(commands.members(net, today, today), english),
        "conferences command": lambda: render(commands.conferences(net), english),
    }


@_slow(25)
@given(net=_sparse_networks())
def test_a_network_with_empty_optional_sections_answers_everything(net: lc.Network) -> None:
    for name, use in _every_use(net).items():
        try:
            use()
        except LookupError:  # an empty section has nothing to find; that is an answer
            pass
        except Exception as error:
            raise AssertionError(f"{name}: {type(error).__name__}: {error}") from error
    exact = [t for t in net.network_totals if t.date and t.cities is not None and t.countries is not None]
    assert (net.reported_total is None) == (not exact)


# -- 4. duplicate keys ---------------------------------------------------------------------------

_KEYS = {"cities": "id", "countries": "code", "cohorts": "year", "awards": "year", "conferences": "number"}


@st.composite
def _duplicated(draw: st.DrawFn) -> tuple[str, Any, tuple[Any, ...]]:
    """A section, the key it repeats, and its records with a second record of that key."""
    section = draw(st.sampled_from(sorted(_KEYS)))
    records = getattr(NET, section)
    first, other = draw(st.sampled_from(records)), draw(st.sampled_from(records))
    key = getattr(first, _KEYS[section])
    twin = attrs.evolve(other, **{_KEYS[section]: key})
    position = draw(st.integers(min_value=0, max_value=len(records)))
    return section, key, (*records[:position], twin, *records[position:])


@_slow(80)
@given(case=_duplicated())
def test_a_hand_built_network_refuses_two_records_of_one_key(case: tuple[str, Any, tuple[Any, ...]]) -> None:
    section, key, records = case
    with pytest.raises(ValueError, match="twice") as caught:
        _network(**{section: records})
    assert repr(key) in str(caught.value)
    assert _KEYS[section] in str(caught.value)


# -- 5. CSV ---------------------------------------------------------------------------------------

_cell_text = st.one_of(
    st.text(st.characters(blacklist_categories=["Cs"], blacklist_characters="\x00"), max_size=12),
    st.text(st.sampled_from([*FORMULA_STARTS, "\n", '"', ",", ";", " ", "'", "a", "1", "é", "ก"]), max_size=8),
)
_csv_rows = st.lists(
    st.fixed_dictionaries(
        {
            "name": _cell_text,
            "aliases": st.lists(_cell_text, max_size=3),
            "latitude": st.one_of(st.none(), st.floats(-90, 90)),
            "joined": st.one_of(st.none(), st.integers(-3, 2399)),
        }
    ),
    min_size=1,
    max_size=4,
)


def _expected_cell(value: object, excel: bool) -> str:
    cell = " ; ".join(map(str, value)) if isinstance(value, list) else "" if value is None else str(value)
    if excel and isinstance(value, (str, list)) and cell.startswith(FORMULA_STARTS):
        return "'" + cell
    return cell


def _read_back(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


@_slow(300)
@given(rows=_csv_rows, excel=st.booleans())
def test_csv_cells_read_back_and_start_no_formula_for_a_spreadsheet(rows: list[dict[str, Any]], excel: bool) -> None:
    out = io.StringIO()
    assert (write_rows(rows, out, excel=True) if excel else write_rows(rows, out)) == len(rows)
    read = _read_back(out.getvalue())
    assert read == [{key: _expected_cell(value, excel) for key, value in row.items()} for row in rows]
    if excel:
        assert not any(row[key].startswith(FORMULA_STARTS) for row in read for key in ("name", "aliases"))


def test_every_packaged_value_reads_back_from_csv_in_both_modes() -> None:
    rows = NET.to_records()
    expected = [{key: _expected_cell(value, False) for key, value in row.items()} for row in rows]
    out = io.StringIO()
    write_csv(NET, out)
    assert _read_back(out.getvalue()) == expected
    out = io.StringIO()
    write_csv(NET, out, excel=True)
    assert _read_back(out.getvalue()) == expected
    stdout = io.BytesIO()
    wrapper = io.TextIOWrapper(stdout, encoding="utf-8", newline="")
    assert main(["export", "--excel"], stdout=wrapper) == 0
    wrapper.flush()
    assert _read_back(stdout.getvalue().decode("utf-8-sig")) == expected


# -- 6. bounded messages -------------------------------------------------------------------------

_EMPTY: dict[str, Any] = dict.fromkeys(SECTIONS, ())


def _where(keyword: str) -> Callable[[Any], object]:
    return lambda value: NET.where(**{keyword: value})


_ENTRY_POINTS: dict[str, Callable[[Any], object]] = {
    "city": NET.city,
    "city country": lambda value: NET.city("La Paz", country=value),
    "country": NET.country,
    "search": NET.search,
    "cohort": NET.cohort,
    "award": NET.award,
    "conference": NET.conference,
    "resolve": NET.resolve,
    "members_on": NET.members_on,
    "nearest": lambda value: NET.nearest(13.75, 100.5, n=value),
    "to_records": NET.to_records,
    **{
        f"where {keyword}": _where(keyword)
        for keyword in ("country", "region", "joined", "status", "awarded", "kind", "confirmed_since")
    },
    "Cities": lambda value: lc.Cities(value, NET),
    "Cities network": lambda value: lc.Cities((), network=value),
    "Network cities": lambda value: _network(cities=value),
    "Network alternate_names": lambda value: _network(alternate_names=value),
    "Network data_as_of": lambda value: lc.Network(value, **_EMPTY),
    "from_data": lc.Network.from_data,
    "structure": lambda value: lc.structure(value, lc.Country),
    "from_json": lambda value: lc.from_json(value, lc.Country),
    "to_json indent": lambda value: lc.to_json(NET.countries[0], indent=value),
    "unstructure": lc.unstructure,
    "to_buddhist_era": lc.to_buddhist_era,
    "from_buddhist_era": lc.from_buddhist_era,
    "award eligibility year": lambda value: lc.check_award_eligibility("Cork", value),
    "City local_names": lambda value: lc.City(
        id="x", name="X", country=NET.countries[0], joined=None, local_names=value
    ),
    "City joined": lambda value: lc.City(id="x", name="X", country=NET.countries[0], joined=value),
    "csv excel": lambda value: write_rows([{"name": "x"}], io.StringIO(), excel=value),
}


@pytest.mark.parametrize("name", sorted(_ENTRY_POINTS))
@_slow(40)
@given(value=hostile)
def test_every_message_is_bounded_for_any_value(name: str, value: object) -> None:
    try:
        _ENTRY_POINTS[name](value)
    except (TypeError, ValueError, LookupError) as error:
        message = str(error)
        assert len(message) < 1_000, message[:200]
        assert "int string conversion" not in message
        assert "recursion" not in message.lower()


@_slow(80)
@given(keyword=st.sampled_from(["region", "status", "kind"]), value=hostile.filter(lambda v: not isinstance(v, str)))
def test_a_filter_of_the_wrong_type_is_a_type_error(keyword: str, value: object) -> None:
    if value is None:  # no filter
        return
    keywords: dict[str, Any] = {keyword: value}
    with pytest.raises(TypeError, match=keyword.capitalize() if keyword != "status" else "MembershipStatus"):
        NET.where(**keywords)


# -- 7. bytes-like JSON ----------------------------------------------------------------------------

_BYTES_LIKE: tuple[Callable[[bytes], object], ...] = (bytes, bytearray, memoryview)
_ENCODINGS = ("utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be")


def _outcome(call: Callable[[], object]) -> tuple[str, str]:
    try:
        return "value", repr(call())
    except Exception as error:
        return type(error).__name__, str(error)


@_slow(120)
@given(
    record=st.one_of(st.sampled_from(NET.countries), st.sampled_from(NET.cities[:40])),
    encoding=st.sampled_from(_ENCODINGS),
    wrap=st.sampled_from(_BYTES_LIKE),
)
def test_bytes_like_json_is_read_as_bytes(record: Any, encoding: str, wrap: Callable[[bytes], object]) -> None:
    data = lc.to_json(record).encode(encoding)
    assert lc.from_json(wrap(data), type(record)) == record  # type: ignore[arg-type]


@_slow(150)
@given(data=st.one_of(st.binary(max_size=40), st.sampled_from([b"", b"{}", b"[]", b'{"code": 1}'])))
def test_any_bytes_like_input_answers_as_its_bytes(data: bytes) -> None:
    expected = _outcome(lambda: lc.from_json(data, lc.Country))
    for wrap in _BYTES_LIKE[1:]:
        assert _outcome(lambda wrap=wrap: lc.from_json(wrap(data), lc.Country)) == expected  # type: ignore[misc]


@_slow(80)
@given(value=hostile.filter(lambda v: not isinstance(v, (str, bytes))))
def test_json_of_any_other_type_is_a_type_error(value: object) -> None:
    with pytest.raises(TypeError, match="from_json"):
        lc.from_json(value, lc.Country)  # type: ignore[arg-type]


# -- 8. years on the command line ----------------------------------------------------------------


@st.composite
def _typed_years(draw: st.DrawFn) -> tuple[list[str], int | None]:
    """A command line giving one year, and the Common Era year it stands for (None: refused as a slip)."""
    digits = draw(st.integers(min_value=1, max_value=5))
    value = draw(st.integers(min_value=0, max_value=10**digits - 1))
    text = str(value).zfill(digits)
    era = draw(st.sampled_from(["common", "--be", "mark", "--lang th"]))
    buddhist = era in ("--be", "mark") or (era == "--lang th" and value >= 2400)
    # a year below 2400 read as Buddhist Era is a Common Era year typed with --be: refused (usage error)
    common = (None if value < 2400 else value - 543) if buddhist else value
    typed = f"พ.ศ. {text}" if era == "mark" else text
    kind = draw(st.sampled_from(["cohort", "awards", "eligibility", "members", "next-award"]))
    words = {
        "cohort": ["cohort", typed],
        "awards": ["awards", typed],
        "eligibility": ["eligibility", "Cork", "--award", typed],
        "members": ["members", "--on", f"{typed}-06-01"],
        "next-award": ["next-award", "--after", f"{typed}-06-01"],
    }[kind]
    if kind in ("members", "next-award") and digits < 4:
        return words, None  # not a date at all: the parser refuses it (usage error)
    flags = {"common": [], "--be": ["--be"], "mark": [], "--lang th": ["--lang", "th"]}[era]
    return flags + words, common


@_slow(250)
@given(case=_typed_years())
def test_a_year_outside_the_supported_range_is_a_usage_error_on_every_command(
    case: tuple[list[str], int | None],
) -> None:
    words, common = case
    out, err = io.StringIO(), io.StringIO()
    status = main(words, stdout=out, stderr=err)
    if common is None or not FIRST_YEAR <= common <= LAST_YEAR:
        assert status == 2, (words, err.getvalue())
        assert err.getvalue().startswith("usage: "), (words, err.getvalue())
    elif "cohort" in words:  # a supported year: held (0) or merely unknown (1)
        held = {cohort.year for cohort in NET.cohorts}
        assert status == (0 if common in held else 1), (words, err.getvalue())


# -- 9. the Buddhist Era guard ---------------------------------------------------------------------

_YEAR_CALLS: dict[str, Callable[[int], object]] = {
    "cohort": NET.cohort,
    "award": NET.award,
    "where joined": lambda year: NET.where(joined=year),
    "award eligibility": lambda year: lc.check_award_eligibility("Bangkok", year),
    "to_buddhist_era": lc.to_buddhist_era,
    "City joined": lambda year: lc.City(id="x", name="X", country=NET.countries[0], joined=year),
    "members_on": lambda year: NET.members_on(dt.date(year, 2, 14)),
    "next_award": lambda year: lc.award_schedule().next_award(dt.date(year, 1, 1)),
}


@_slow(300)
@given(
    name=st.sampled_from(sorted(_YEAR_CALLS)),
    year=st.one_of(st.integers(min_value=2400, max_value=dt.MAXYEAR), st.integers(min_value=2400)),
)
def test_the_buddhist_era_guard_suggests_only_a_supported_year(name: str, year: int) -> None:
    if name in ("members_on", "next_award") and year > dt.MAXYEAR:
        return  # no such date
    with pytest.raises(ValueError) as caught:  # noqa: PT011 - the kind of error is checked below
        _YEAR_CALLS[name](year)
    error = caught.value
    if isinstance(error, lc.BuddhistEraError):
        assert FIRST_YEAR <= error.common_era <= LAST_YEAR
        assert str(error.common_era) in str(error)
        assert year <= LAST_YEAR + 543
    else:
        assert f"from {FIRST_YEAR} to {LAST_YEAR}" in str(error), str(error)
        assert year > LAST_YEAR + 543


# -- a country settles a shared name ----------------------------------------------------------------


@_slow(150)
@given(city=st.sampled_from(NET.cities), form=st.sampled_from(["code", "alpha3", "name", "record"]))
def test_a_city_is_found_by_its_name_in_its_country(city: lc.City, form: str) -> None:
    country = city.country if form == "record" else getattr(city.country, form)
    sharing = [c for c in NET.cities if c.country == city.country and c.name == city.name]
    if len(sharing) == 1:
        assert NET.city(city.name, country=country) == city


@_slow(100)
@given(city=st.sampled_from(NET.cities), other=st.sampled_from(NET.countries))
def test_a_name_not_in_the_country_asked_names_both(city: lc.City, other: lc.Country) -> None:
    if any(c.country == other and c.name == city.name for c in NET.cities):
        return
    with pytest.raises(lc.UnknownCityError) as caught:
        NET.city(city.name, country=other.code)
    assert city.name in str(caught.value)
    assert other.name in str(caught.value)
    assert caught.value.where == other.name


def test_country_settles_la_paz_and_refuses_what_is_not_a_country() -> None:
    with pytest.raises(lc.AmbiguousCityError, match="give its country"):
        NET.city("La Paz")
    assert NET.city("La Paz", country="MX").id == "mx-la-paz"
    assert NET.city("la paz", country=NET.country("Argentina")).id == "ar-la-paz"
    assert NET.city("La Paz (Mexico)", country="Mexico").id == "mx-la-paz"
    with pytest.raises(lc.UnknownCountryError, match="Atlantis"):
        NET.city("La Paz", country="Atlantis")
    with pytest.raises(TypeError, match="country"):
        NET.city("La Paz", country=5)  # type: ignore[arg-type]
    with pytest.raises(lc.UnknownCityError, match="in Japan; that name is held in Argentina, Mexico"):
        NET.city("La Paz", country="JP")
    out, err = io.StringIO(), io.StringIO()
    assert main(["city", "La", "Paz", "--country", "MX", "--json"], stdout=out, stderr=err) == 0
    assert json.loads(out.getvalue())["city"]["id"] == "mx-la-paz"
    assert main(["city", "La Paz", "--country", "JP"], stdout=out, stderr=err) == 1
    assert "in Japan" in err.getvalue()


def test_a_name_two_members_of_one_country_share_stays_ambiguous_there() -> None:
    khon_kaen = NET.city("Khon Kaen")
    twin = attrs.evolve(khon_kaen, id="th-khon-kaen-2")
    net = _network(cities=(*NET.cities, twin))
    with pytest.raises(lc.AmbiguousCityError, match="th-khon-kaen, th-khon-kaen-2"):
        net.city("Khon Kaen", country="TH")


def test_a_buddhist_era_leap_day_names_the_common_era_day_it_stands_for() -> None:
    with pytest.raises(lc.BuddhistEraError, match="2025-02-29") as caught:  # 2568 is leap; 2025 is not
        NET.members_on(dt.date(2568, 2, 29))
    assert caught.value.common_era == 2025
