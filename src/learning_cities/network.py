"""The :class:`Network`: every record of the packaged data, indexed for queries.

>>> import learning_cities as lc
>>> from datetime import date
>>> net = lc.load()
>>> net.city("ขอนแก่น").name
'Khon Kaen'
>>> [c.name for c in net.where(country="TH", joined=2024)]
['Bangkok', 'Khon Kaen', 'Yala']
>>> net.cohort(2022).announced_on, net.cohort(2022).reported_cities
(datetime.date(2022, 9, 2), 77)
>>> [a.year for a in net.awards_of("Cork")]
[2015, 2024]
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
from collections.abc import Callable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, Protocol

import attrs

from . import _codec, _store, _text
from ._checks import (
    checked,
    require_bool,
    require_bytes,
    require_callable,
    require_count,
    require_date,
    require_int,
    require_str,
    require_year,
)
from ._repr import shown
from .cities import Cities
from .errors import (
    AmbiguousCityError,
    UnknownAwardError,
    UnknownCityError,
    UnknownCohortError,
    UnknownConferenceError,
    UnknownCountryError,
    UnknownRegionError,
)
from .model import City, CityKind, Country, MembershipStatus, Region
from .places import by_distance, check_km, feature_collection

if TYPE_CHECKING:
    import pandas

    from .cohorts import Cohort, CountryTotal, MembershipChange, NetworkTotal
    from .conferences import Award, Conference

__all__ = ["ANY", "Network"]


class _Any(enum.Enum):
    ANY = "ANY"

    def __repr__(self) -> str:
        return "ANY"


#: Default of :meth:`Network.where`'s ``joined``: no filter (``None`` means "year unknown").
ANY = _Any.ANY


def _sort_key(city: City) -> tuple[bool, int, str, str]:
    return (city.joined is None, city.joined or 0, city.name.casefold(), city.id)


#: The record sections of a network: name -> the sort key of its tuple (None: as given).
_ORDER: dict[str, Callable[[Any], Any] | None] = {
    "cities": _sort_key,
    "countries": lambda country: country.name,
    "cohorts": lambda cohort: cohort.year,
    "awards": lambda award: award.year,
    "conferences": lambda conference: conference.number,
    "network_totals": None,
    "membership_changes": None,
    "country_totals": None,
}


class _Records(Protocol):
    """Where a network's records come from: given tuples, or the packaged file read on first use."""

    @property
    def name_keys(self) -> Mapping[str, tuple[str, ...]]: ...

    def ids_for(self, key: str) -> tuple[str, ...] | None:
        """The ids a lookup key finds: of a name, or of a form derived by rule (:func:`_text.derived_keys`)."""

    def record(self, section: str, key: Any) -> Any: ...

    def has(self, section: str, key: Any) -> bool: ...

    def ids(self) -> frozenset[str]: ...

    def section(self, section: str) -> tuple[Any, ...]: ...


class _GivenRecords:
    """Records given to :class:`Network` as tuples, checked when given.

    >>> import learning_cities as lc
    >>> net = lc.load()
    >>> given = _GivenRecords({"cities": net.cities, "countries": net.countries})
    >>> given.ids_for("khon kaen"), given.has("countries", "TH"), given.record("cities", "th-nowhere")
    (('th-khon-kaen',), True, None)
    >>> given.ids_for("นครขอนแก่น")  # a form derived by rule: a lookup key, no name of the record
    ('th-khon-kaen',)
    """

    def __init__(self, sections: dict[str, tuple[Any, ...]]) -> None:
        self._sections = sections
        self._keyed: dict[str, dict[Any, Any]] = {}

    @functools.cached_property
    def name_keys(self) -> dict[str, tuple[str, ...]]:
        return _text.name_keys(self._sections["cities"])

    @functools.cached_property
    def derived_keys(self) -> dict[str, tuple[str, ...]]:
        return _text.derived_keys(self._sections["cities"], self.name_keys)

    def _by_key(self, section: str) -> dict[Any, Any]:
        table = self._keyed.get(section)
        if table is None:
            field = _codec.key_field(section)
            table = self._keyed[section] = {getattr(r, field): r for r in self._sections[section]} if field else {}
        return table

    def ids_for(self, key: str) -> tuple[str, ...] | None:
        return self.name_keys.get(key) or self.derived_keys.get(key)

    def record(self, section: str, key: Any) -> Any:
        try:
            return self._by_key(section).get(key)
        except TypeError:  # an unhashable key
            return None

    def has(self, section: str, key: Any) -> bool:
        return self.record(section, key) is not None

    def ids(self) -> frozenset[str]:
        return frozenset(self._by_key("cities"))

    def section(self, section: str) -> tuple[Any, ...]:
        return self._sections[section]


def _records_of(name: str, value: object) -> tuple[Any, ...]:
    """``value`` as the tuple of a section's records, or the error that says what it is not.

    A :class:`TypeError` where it is not a tuple of the section's records; a
    :class:`ValueError` naming the key where two records share one (two cities of one id,
    two cohorts of one year), as reading the data file refuses them.
    """
    kind = _codec.record_class(name)
    if not (isinstance(value, (tuple, list)) and all(isinstance(record, kind) for record in value)):
        raise TypeError(f"Network.{name} must be a tuple of {kind.__name__}, not {shown(value)}")
    records = tuple(value)
    field = _codec.key_field(name)
    if field is not None:
        seen: set[Any] = set()
        for record in records:
            key = getattr(record, field)
            if key in seen:
                raise ValueError(f"{field} {shown(key)} is used twice in Network.{name}")
            seen.add(key)
    return records


@attrs.frozen(eq=False, slots=False, repr=False, init=False)
class Network:
    """The Global Network of Learning Cities as the packaged data knows it.

    Get it from :func:`learning_cities.load`, or make one from records:
    ``Network(data_as_of, cities=..., countries=..., cohorts=..., awards=..., conferences=...)``
    (``network_totals``, ``membership_changes``, ``country_totals`` and ``alternate_names``
    are optional). Every collection is a tuple in a documented, deterministic order; every
    lookup raises a typed error naming what was asked for. A network is read-only,
    compares by identity, pickles and copies (the packaged network comes back as itself);
    a changed network is made anew with ``Network(...)`` (``attrs.evolve`` does not apply).
    The packaged network reads each record on first use.

    >>> import learning_cities as lc
    >>> net = lc.load()
    >>> net.cohorts[0].year, net.awards[0].year, net.conferences[0].host_city
    (2019, 2015, 'Beijing')
    """

    data_as_of: dt.date = attrs.field(validator=lambda _, a, v: require_date(f"Network.{a.name}", v))
    """The newest dated fact in the data."""
    _records: _Records = attrs.field(alias="records")
    alternate_names: Callable[[], Mapping[str, tuple[str, ...]]] | None = attrs.field(
        kw_only=True, default=None, validator=checked(require_callable, optional=True)
    )
    """Reads the second name index (lookup key -> city ids) on the first query no member's own name answers."""

    def __init__(
        self,
        data_as_of: dt.date,
        *,
        cities: tuple[City, ...],
        countries: tuple[Country, ...],
        cohorts: tuple[Cohort, ...],
        awards: tuple[Award, ...],
        conferences: tuple[Conference, ...],
        network_totals: tuple[NetworkTotal, ...] = (),
        membership_changes: tuple[MembershipChange, ...] = (),
        country_totals: tuple[CountryTotal, ...] = (),
        alternate_names: Callable[[], Mapping[str, tuple[str, ...]]] | None = None,
    ) -> None:
        given = {
            "cities": cities,
            "countries": countries,
            "cohorts": cohorts,
            "awards": awards,
            "conferences": conferences,
            "network_totals": network_totals,
            "membership_changes": membership_changes,
            "country_totals": country_totals,
        }
        require_date("Network.data_as_of", data_as_of)
        records = _GivenRecords({name: _records_of(name, value) for name, value in given.items()})
        self.__attrs_init__(data_as_of, records, alternate_names=alternate_names)

    @classmethod
    def from_data(
        cls,
        data: bytes | bytearray | memoryview,
        *,
        file: str = _codec.DATA_FILE,
        alternate_names: Callable[[], Mapping[str, tuple[str, ...]]] | None = None,
        lazy: bool = False,
    ) -> Network:
        """A network read from the content of a data file (bytes-like), as ``tools/build_data.py`` writes it.

        The content is read and checked whole: a malformed file raises
        :class:`~learning_cities.DataError` naming ``file`` and the record. With ``lazy``,
        the file the build checked (the checksum it recorded in the package) is instead read
        one record at a time, on first use, as :func:`~learning_cities.load` reads the
        package's own file; any other content is still checked whole. The checksum guards
        against damage, not forgery: be lazy only with the package's own file.

        >>> import importlib.resources
        >>> import learning_cities as lc
        >>> data = importlib.resources.files("learning_cities.data").joinpath("gnlc.json").read_bytes()
        >>> lc.Network.from_data(data).city("Khon Kaen") == lc.load().city("Khon Kaen")
        True
        >>> lc.Network.from_data(data.replace(b'"schema": 3', b'"schema": 9'), file="old.json", lazy=True)
        Traceback (most recent call last):
        learning_cities.errors.DataError: old.json: top level: schema 9 is not the supported 3
        """
        data = require_bytes("data", data)
        require_bool("lazy", lazy)
        if not (lazy and _store.is_built(data)):
            return cls(**_codec.parse(data, file), alternate_names=alternate_names)
        records = _store.PackagedRecords(data, file)
        network = cls.__new__(cls)
        network.__attrs_init__(records.data_as_of, records, alternate_names=alternate_names)
        return network

    def _section(self, name: str) -> tuple[Any, ...]:
        records = self._records.section(name)
        order = _ORDER[name]
        return records if order is None else tuple(sorted(records, key=order))

    @functools.cached_property
    def cities(self) -> tuple[City, ...]:
        """Every city ever admitted, by (joined, name); cities whose year is unknown last."""
        return self._section("cities")

    @functools.cached_property
    def countries(self) -> tuple[Country, ...]:
        """Countries with member cities, by UNESCO name."""
        return self._section("countries")

    @functools.cached_property
    def cohorts(self) -> tuple[Cohort, ...]:
        """Admission rounds, by year; each holds its cities as :class:`Cities` of this network."""
        return tuple(attrs.evolve(cohort, cities=Cities(cohort.cities, self)) for cohort in self._section("cohorts"))

    @functools.cached_property
    def awards(self) -> tuple[Award, ...]:
        """Editions of the UNESCO Learning City Award, by year."""
        return self._section("awards")

    @functools.cached_property
    def conferences(self) -> tuple[Conference, ...]:
        """International Conferences on Learning Cities, by number."""
        return self._section("conferences")

    @functools.cached_property
    def network_totals(self) -> tuple[NetworkTotal, ...]:
        """Every dated network size a source reported, in the order found."""
        return self._section("network_totals")

    @functools.cached_property
    def membership_changes(self) -> tuple[MembershipChange, ...]:
        """Departures inferred from totals (no source names a departed city)."""
        return self._section("membership_changes")

    @functools.cached_property
    def country_totals(self) -> tuple[CountryTotal, ...]:
        """Member counts per country that sources reported, by country code then date."""
        return self._section("country_totals")

    def __reduce__(self) -> tuple[Any, ...]:
        # the records as given (a cohort's Cities refer back to this network); the packaged
        # network pickles by reference, through the reducer learning_cities._packaged registers
        fields = {name: self._records.section(name) for name in _ORDER}
        return (_rebuild, (self.data_as_of, fields, self.alternate_names))

    def __copy__(self) -> Network:
        return self  # read-only: a copy could not differ

    def __deepcopy__(self, memo: dict[int, Any]) -> Network:
        return self

    # -- indexes, built on first use -------------------------------------------------------

    def _with_id(self, city_id: str) -> City:
        return self._records.record("cities", city_id)  # type: ignore[no-any-return]

    @functools.cached_property
    def _country_by_key(self) -> dict[str, Country]:
        return {
            _text.normalize(name): country
            for country in self.countries
            for name in (country.code, country.alpha3, country.name, *country.aliases, *country.names.values())
        }

    @functools.cached_property
    def _cohort_by_year(self) -> dict[int, Cohort]:
        return {cohort.year: cohort for cohort in self.cohorts}

    @functools.cached_property
    def _award_by_year(self) -> dict[int, Award]:
        return {award.year: award for award in self.awards}

    @functools.cached_property
    def _awarded_ids(self) -> dict[str, tuple[Award, ...]]:
        awarded: dict[str, list[Award]] = {}
        for award in self.awards:
            for city in award.laureates:
                awarded.setdefault(city.id, []).append(award)
        return {city_id: tuple(awards) for city_id, awards in awarded.items()}

    @functools.cached_property
    def _alternate_by_key(self) -> dict[str, tuple[str, ...]]:
        if self.alternate_names is None:
            return {}
        index = {}
        known = self._records.ids()
        for key, ids in _alternate_names(self.alternate_names()).items():
            held = tuple(i for i in ids if i in known)
            if held:
                index[key] = held
        return index

    @functools.cached_property
    def _fuzzy(self) -> _text.FuzzyIndex:
        return _text.FuzzyIndex((key, city_id) for key, ids in self._records.name_keys.items() for city_id in ids)

    def __repr__(self) -> str:
        active = sum(1 for c in self.cities if c.is_active)
        return (
            f"<Network: {active} active member cities held in {len(self.countries)} countries, "
            f"data as of {self.data_as_of.isoformat()}>"
        )

    # -- a read-only container of its cities -----------------------------------------------

    def __len__(self) -> int:
        return len(self.cities)

    def __iter__(self) -> Iterator[City]:
        return iter(self.cities)

    def __contains__(self, item: object) -> bool:
        if isinstance(item, City):
            return self._records.has("cities", item.id) and self._with_id(item.id) == item
        if isinstance(item, str):
            try:
                self.city(item)
            except LookupError:
                return False
            return True
        return False

    # -- cities ---------------------------------------------------------------------------

    def city(self, query: str, *, country: Country | str | None = None) -> City:
        """The city with that id, name, alias or local name (or ``str(city)``: ``"Khon Kaen (Thailand)"``).

        Case, accents, apostrophes, spacing, invisible characters and full-width forms do
        not matter. ``country`` (a code, a name or a :class:`Country`, as in :meth:`where`)
        settles a name that several member cities share. A Thai member also answers to the
        municipal forms of its Thai official name (นครขอนแก่น, เมืองตาก), derived by rule:
        lookup keys, not names, so no record shows them.

        >>> import learning_cities as lc
        >>> lc.load().city("sonderborg").name
        'Sønderborg'
        >>> lc.load().city("Atlantis")
        Traceback (most recent call last):
        learning_cities.errors.UnknownCityError: no member city 'Atlantis'
        >>> lc.load().city("La Paz", country="MX").id
        'mx-la-paz'
        >>> lc.load().city("Khon Kaen", country="Japan")
        Traceback (most recent call last):
        learning_cities.errors.UnknownCityError: no member city 'Khon Kaen' in Japan; that name is held in Thailand
        """
        require_str("city name", query)
        wanted = None if country is None else self._country_arg(country)
        ids = self._ids_of(query) if len(query) <= _text.MAX_KEY_LENGTH else None
        if wanted is not None:
            return self._city_in(query, ids or (), wanted)
        if not ids:
            raise UnknownCityError(
                query,
                [self._with_id(i).name for i in self._fuzzy.best(_text.normalize(query[: _text.MAX_KEY_LENGTH]), 1)],
            )
        if len(ids) > 1:
            raise AmbiguousCityError(query, ids)
        return self._with_id(ids[0])

    def _city_in(self, query: str, ids: tuple[str, ...], country: Country) -> City:
        """The one city of ``ids`` in ``country``, or the error naming both the name and the country."""
        held = [i for i in ids if self._with_id(i).country.code == country.code]
        if len(held) > 1:
            raise AmbiguousCityError(query, held)
        if held:
            return self._with_id(held[0])
        elsewhere = sorted({self._with_id(i).country.name for i in ids})
        detail = f"that name is held in {', '.join(elsewhere)}" if elsewhere else ""
        names = [c.name for c in self.cities if c.country.code == country.code]
        raise UnknownCityError(query, _text.closest(query, names), detail, where=country.name)

    def _ids_of(self, query: str) -> tuple[str, ...] | None:
        return self._name_ids(query) or self._alternate_ids(query) or self._ids_with_country(_text.normalize(query))

    def _ids_with_country(self, key: str) -> tuple[str, ...] | None:
        # str(city): "Khon Kaen (Thailand)", "Hashtgerd New Town (Iran (Islamic Republic of))". Read
        # from the folded key, so every fold of a name (case, spacing, invisible characters,
        # full-width forms) holds for the whole form too.
        # The space before "(" may be missing, as before full-width parentheses: "Khon Kaen（Thailand）".
        if not key.endswith(")"):
            return None
        start = key.find("(", 1)
        while start > 0:
            wanted = self._country_by_key.get(key[start + 1 : -1].strip())
            found = self._name_ids(key[:start].rstrip()) if wanted is not None else None
            if found:
                return tuple(i for i in found if self._with_id(i).country == wanted) or None
            start = key.find("(", start + 1)
        return None

    def _alternate_ids(self, query: str) -> tuple[str, ...] | None:
        # the gazetteer's names, read only now that the members' own names missed
        key = _text.normalize(query)
        for form in (key, *_text.variants(key)):
            ids = self._alternate_by_key.get(form)
            if ids:
                return ids
        return None

    def _name_ids(self, query: str) -> tuple[str, ...] | None:
        # A query already in normal form (most local names) is its own key: normalize is
        # idempotent, so this finds what normalizing would.
        ids_for = self._records.ids_for
        ids = ids_for(query)
        if ids:
            return ids
        key = _text.normalize(query)
        ids = ids_for(key)
        if ids:
            return ids
        for form in _text.variants(key):  # จังหวัดขอนแก่น, กรุงเทพ
            ids = ids_for(form)
            if ids:
                return ids
        return None

    def resolve(self, city: City | str) -> City:
        """``city`` as this network's record: a :class:`City` of this network, or a name :meth:`city` accepts.

        >>> import learning_cities as lc
        >>> net = lc.load()
        >>> net.resolve("Khon Kaen") is net.resolve(net.city("th-khon-kaen"))
        True
        """
        if isinstance(city, City):
            known: City | None = self._records.record("cities", city.id)
            if known is None or known != city:
                raise UnknownCityError(city.name, detail="that record is not in this network's data")
            return known
        if isinstance(city, str):
            return self.city(city)
        raise TypeError(f"expected a City or a city name, not {type(city).__name__}: {shown(city)}")

    def search(self, text: str, limit: int = 5) -> Cities:
        """Cities whose names are close to ``text``, best first; ``()`` when none is close.

        >>> import learning_cities as lc
        >>> [c.name for c in lc.load().search("kon kaen", limit=1)]
        ['Khon Kaen']
        """
        require_str("search text", text)
        require_count("limit", limit)
        query = _text.normalize(text) if len(text) <= _text.MAX_KEY_LENGTH else ""
        return Cities((self._with_id(i) for i in self._fuzzy.best(query, limit)), self)

    def where(
        self,
        *,
        country: Country | str | None = None,
        region: Region | str | None = None,
        joined: int | _Any | None = ANY,
        status: MembershipStatus | str | None = None,
        awarded: bool | None = None,
        kind: CityKind | str | None = None,
        confirmed_since: int | None = None,
    ) -> Cities:
        """Cities matching every keyword given, in :attr:`cities` order.

        ``country`` takes a code, a name or a :class:`Country`; ``region`` a :class:`Region`
        or its value; ``joined`` a year, or ``None`` for cities whose year is unknown;
        ``status`` a :class:`MembershipStatus` or its value; ``awarded`` ``True`` for
        laureates of any edition, ``False`` for the others; ``kind`` a :class:`CityKind`
        or its value; ``confirmed_since`` a year: cities a dated source shows as members in
        that year or later (:attr:`City.last_confirmed`).

        >>> import learning_cities as lc
        >>> net = lc.load()
        >>> len(net.where(region=lc.Region.ARAB_STATES, awarded=True)) > 0
        True
        >>> [c.name for c in net.where(country="TH", kind="province")]
        ['Phayao', 'Sukhothai', 'Rayong', 'Satun']
        """
        checks: list[Callable[[City], bool]] = []
        if country is not None:
            code = self._country_arg(country).code
            checks.append(lambda c: c.country.code == code)
        if region is not None:
            wanted_region = _coerce_enum(Region, region, UnknownRegionError)
            checks.append(lambda c: c.region is wanted_region)
        if joined is not ANY:
            if joined is not None:
                require_year("joined", joined)
            checks.append(lambda c: c.joined == joined)
        if status is not None:
            wanted_status = _coerce_enum(MembershipStatus, status, None)
            checks.append(lambda c: c.status is wanted_status)
        if awarded is not None:
            require_bool("awarded", awarded)
            checks.append(lambda c: (c.id in self._awarded_ids) is awarded)
        if kind is not None:
            wanted_kind = _coerce_enum(CityKind, kind, None)
            checks.append(lambda c: c.kind is wanted_kind)
        if confirmed_since is not None:
            since = require_year("confirmed_since", confirmed_since)
            checks.append(lambda c: c.last_confirmed is not None and c.last_confirmed >= since)
        return Cities((c for c in self.cities if all(check(c) for check in checks)), self)

    def cities_in(self, country: Country | str) -> Cities:
        """The member cities of ``country`` (a :class:`Country` of this network, a code or a name), by join year.

        What ``where(country=country)`` gives; the records know nothing of the network, so
        a country's cities are asked of the network that holds it.

        >>> import learning_cities as lc
        >>> [c.name for c in lc.load().cities_in("TH")][:3]
        ['Chiang Rai', 'Chachoengsao', 'Chiang Mai']
        """
        found = self._own(country) if isinstance(country, Country) else self.country(country)
        return self.where(country=found)

    def near(self, latitude: float, longitude: float, km: float) -> Cities:
        """Located cities within ``km`` kilometres of a point, nearest first.

        >>> import learning_cities as lc
        >>> [c.name for c in lc.load().near(13.75, 100.5, km=100)]
        ['Bangkok', 'Chachoengsao']
        """
        radius = check_km(km)
        return Cities(
            (city for distance, city in by_distance(self.cities, latitude, longitude) if distance <= radius), self
        )

    def nearest(self, latitude: float, longitude: float, n: int = 1) -> Cities:
        """The ``n`` located cities closest to a point, nearest first.

        >>> import learning_cities as lc
        >>> [c.name for c in lc.load().nearest(35.68, 139.69, n=2)]    # from Tokyo
        ['Okayama', 'Taku']
        """
        count = require_count("n", n)
        return Cities((city for _, city in by_distance(self.cities, latitude, longitude)[:count]), self)

    def to_geojson(self) -> dict[str, Any]:
        """Every located city as an RFC 7946 FeatureCollection (``[longitude, latitude]``).

        >>> import learning_cities as lc
        >>> collection = lc.load().to_geojson()
        >>> collection["type"], len(collection["features"]) == sum(c.location is not None for c in lc.load())
        ('FeatureCollection', True)
        """
        return feature_collection(self.cities)

    def member_since(self, city: City | str) -> dt.date | None:
        """``city``'s :attr:`City.member_since`: the earliest date a source proves membership.

        >>> import learning_cities as lc
        >>> lc.load().member_since("Khon Kaen"), lc.load().member_since("Cork")
        (datetime.date(2024, 2, 14), datetime.date(2015, 9, 28))
        """
        return self.resolve(city).member_since

    def members_on(self, day: dt.date) -> Cities:
        """Cities known to be members on ``day``, in :attr:`cities` order.

        A city counts from its :attr:`City.member_since` until it withdrew. Active records
        that no source dates are not among them: :attr:`undated` lists those, so
        ``len(members_on(today)) + len(undated)`` is every active record.

        >>> import learning_cities as lc
        >>> from datetime import date
        >>> net = lc.load()
        >>> net.city("Bangkok") in net.members_on(date(2024, 2, 14))
        True
        >>> net.city("Bangkok") in net.members_on(date(2024, 2, 13))
        False
        >>> net.city("Cork") in net.members_on(date(2015, 9, 28))    # the day it received the Award
        True
        """
        day = require_date("day", day)
        return Cities((city for city in self.cities if _member_on(city, day)), self)

    @property
    def undated(self) -> Cities:
        """Active records that no source dates (``member_since`` is ``None``), in :attr:`cities` order.

        They are members today, but no question about a past date can count them.

        >>> import learning_cities as lc
        >>> from datetime import date
        >>> net = lc.load()
        >>> active = [c for c in net.cities if c.is_active]
        >>> len(net.members_on(date.today())) + len(net.undated) == len(active)
        True
        """
        return Cities((c for c in self.cities if c.is_active and c.member_since is None), self)

    # -- countries ------------------------------------------------------------------------

    def country(self, query: str) -> Country:
        """The country with that ISO alpha-2 or alpha-3 code, UNESCO name, or other name.

        >>> import learning_cities as lc
        >>> lc.load().country("Turkey").name
        'Türkiye'
        """
        require_str("country", query)
        found = self._country_by_key.get(_text.normalize(query)) if len(query) <= _text.MAX_KEY_LENGTH else None
        if found is None:
            names = [c.name for c in self.countries]
            raise UnknownCountryError(query, _text.closest(query, names))
        return found

    def _country_arg(self, country: Country | str) -> Country:
        """A ``country=`` argument (a code, a name or a :class:`Country`) as this network's record."""
        return self._own(country) if isinstance(country, Country) else self.country(country)

    def _own(self, country: Country) -> Country:
        if self._country_by_key.get(_text.normalize(country.code)) != country:
            raise UnknownCountryError(country.name, detail="that record is not in this network's data")
        return country

    # -- cohorts and awards ---------------------------------------------------------------

    def cohort(self, year: int) -> Cohort:
        """The admission round of ``year``.

        >>> import learning_cities as lc
        >>> lc.load().cohort(2023)
        Traceback (most recent call last):
        learning_cities.errors.UnknownCohortError: no cohort in 2023; cohorts: ...; did you mean 2024?
        """
        require_year("cohort year", year)
        try:
            return self._cohort_by_year[year]
        except KeyError:
            raise UnknownCohortError(
                year, _nearest(year, self._cohort_by_year, after=True), "cohorts: " + _years(self._cohort_by_year)
            ) from None

    def award(self, year: int) -> Award:
        """The Learning City Award edition of ``year``.

        >>> import learning_cities as lc
        >>> award = lc.load().award(2024)
        >>> award.edition, award.conference.number, len(award.laureates)
        (5, 6, 10)
        >>> lc.load().award(2016)
        Traceback (most recent call last):
        learning_cities.errors.UnknownAwardError: no Learning City Award in 2016; editions: ...; did you mean 2015?
        """
        require_year("award year", year)
        try:
            return self._award_by_year[year]
        except KeyError:
            raise UnknownAwardError(
                year, _nearest(year, self._award_by_year, after=False), "editions: " + _years(self._award_by_year)
            ) from None

    def awards_of(self, city: City | str) -> tuple[Award, ...]:
        """The award editions ``city`` received, by year (``()`` if none).

        ``city`` is a :class:`City` of this network or a name :meth:`city` accepts.

        >>> import learning_cities as lc
        >>> [award.year for award in lc.load().awards_of("Cork")]
        [2015, 2024]
        >>> lc.load().awards_of("Khon Kaen")
        ()
        """
        return self._awarded_ids.get(self.resolve(city).id, ())

    def conference(self, number: int) -> Conference:
        """The International Conference on Learning Cities of that number (1 = 2013).

        >>> import learning_cities as lc
        >>> first = lc.load().conference(1)
        >>> first.year, first.host_city, first.start
        (2013, 'Beijing', datetime.date(2013, 10, 21))
        """
        require_int("conference number", number)
        for conference in self.conferences:
            if conference.number == number:
                return conference
        numbers = {c.number: c for c in self.conferences}
        raise UnknownConferenceError(number, _nearest(number, numbers, after=False), "conferences: " + _years(numbers))

    @property
    def reported_total(self) -> NetworkTotal | None:
        """The newest exact network size UNESCO reported (cities and countries); ``None`` if none is held.

        >>> import learning_cities as lc
        >>> total = lc.load().reported_total
        >>> total.date >= lc.load().cohort(2025).announced_on, total.cities >= 425
        (True, True)
        """
        exact = [t for t in self.network_totals if t.date and t.cities is not None and t.countries is not None]
        return max(exact, key=lambda t: (t.date, t.cities or 0), default=None)

    # -- exports --------------------------------------------------------------------------

    def to_records(self, table: str = "cities") -> list[dict[str, Any]]:
        """One JSON-ready dict per row of a table (see :mod:`learning_cities.exports`).

        ``table`` is ``"cities"`` (one row per city, in :attr:`cities` order), ``"cohorts"``,
        ``"laureates"`` (one row per laureate of every edition), ``"conferences"``,
        ``"coverage"`` or ``"country_coverage"``.

        >>> import learning_cities as lc
        >>> row = next(r for r in lc.load().to_records() if r["id"] == "th-khon-kaen")
        >>> row["name"], row["country_code"], row["joined"], row["status"]
        ('Khon Kaen', 'TH', 2024, 'active')
        >>> [(r["year"], r["held"], r["reported_cities"]) for r in lc.load().to_records("cohorts")][:2]
        [(2019, 26, 38), (2020, 51, 54)]
        """
        from .exports import table_rows

        return table_rows(self, table)

    def to_dataframe(self, table: str = "cities") -> pandas.DataFrame:
        """:meth:`to_records` as a :class:`pandas.DataFrame` (needs the ``pandas`` extra).

        Years are nullable ``Int64``, dates ``datetime64``, list-valued fields lists.
        """
        from .exports import table_dataframe

        return table_dataframe(self, table)

    def _repr_html_(self) -> str:
        from ._tables import fields_table  # only for notebooks

        active = sum(c.is_active for c in self.cities)
        total = self.reported_total
        reported = "none held" if total is None else f"{total.cities} cities in {total.countries} countries"
        return fields_table(
            f"UNESCO Global Network of Learning Cities, data as of {self.data_as_of.isoformat()}",
            [
                ("active member records", f"{active} in {len(self.countries)} countries"),
                ("dated / undated", f"{active - len(self.undated)} / {len(self.undated)}"),
                ("UNESCO's reported total", reported if total is None else f"{reported} ({total.as_of})"),
                ("cohorts", ", ".join(str(c.year) for c in self.cohorts)),
                ("award editions", ", ".join(str(a.year) for a in self.awards)),
            ],
        )


def _rebuild(
    data_as_of: dt.date, fields: dict[str, Any], alternate_names: Callable[[], Mapping[str, tuple[str, ...]]] | None
) -> Network:
    return Network(data_as_of, **fields, alternate_names=alternate_names)


def _member_on(city: City, day: dt.date) -> bool:
    """Whether ``city`` was a member on ``day``: dated by then, and not withdrawn by then."""
    if city.member_since is None or city.member_since > day:
        return False
    return city.is_active or (city.status_changed is not None and day.year < city.status_changed)


def _alternate_names(names: object) -> Mapping[str, tuple[str, ...]]:
    """What ``alternate_names()`` returned, if it is a mapping of lookup keys to tuples of city ids."""
    if not isinstance(names, Mapping):
        raise TypeError(
            "alternate_names() must return a mapping of lookup keys to tuples of city ids, "
            f"not {type(names).__name__}: {shown(names)}"
        )
    for key, ids in names.items():
        if not (isinstance(key, str) and isinstance(ids, tuple) and all(isinstance(i, str) for i in ids)):
            raise TypeError(
                f"alternate_names() must map str keys to tuples of city ids, not {shown(key)}: {shown(ids)}"
            )
    return names


def _coerce_enum(kind: type[enum.Enum], value: object, error: type[UnknownRegionError] | None) -> Any:
    if isinstance(value, kind):
        return value
    if not isinstance(value, str):
        raise TypeError(f"expected a {kind.__name__} or its value, not {type(value).__name__}: {shown(value)}")
    for member in kind:
        if value == member.value:
            return member
    choices = [m.value for m in kind]
    if error is not None:
        raise error(value, _text.closest(value, choices))
    raise ValueError(f"{shown(value)} is not a {kind.__name__}; choose one of {', '.join(map(shown, choices))}")


def _years(table: dict[int, Any]) -> str:
    return ", ".join(str(y) for y in sorted(table))


def _nearest(year: int, table: dict[int, Any], *, after: bool) -> list[int]:
    """The closest year in ``table`` (ties go to the later one when ``after``)."""
    if not table:
        return []
    best = min(table, key=lambda y: (abs(y - year), -y if after else y))
    return [best] if abs(best - year) <= 2 else []
