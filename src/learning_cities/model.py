"""The member records of the Global Network of Learning Cities: cities and their countries.

Admission rounds and reported totals are in :mod:`learning_cities.cohorts`, conferences and
awards in :mod:`learning_cities.conferences` (and every class at the top level,
``learning_cities.Cohort``). Records are values: they know nothing of the network that holds
them. A country's cities and a city's awards are asked of that network
(``net.cities_in(country)``, ``net.awards_of(city)``).

Every record is a frozen, slotted attrs class: it compares by value, hashes, and cannot be
changed after it is made, so records shared by every caller of :func:`learning_cities.load`
stay as the data says.

>>> import learning_cities as lc
>>> khon_kaen = lc.load().city("Khon Kaen")
>>> khon_kaen.country.name, khon_kaen.joined, khon_kaen.local_names["th"]
('Thailand', 2024, 'ขอนแก่น')
>>> import attrs
>>> try:
...     khon_kaen.joined = 2020
... except attrs.exceptions.FrozenInstanceError:
...     print("records are read-only")
records are read-only
"""

import datetime as dt
import enum
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

import attrs

from ._fields import Record, Year
from ._frozenmap import FrozenMap
from ._repr import shown

__all__ = ["City", "CityKind", "Country", "Location", "MembershipStatus", "Population", "Region"]

#: The record classes that moved to their own modules: name -> module.
_MOVED = {
    **dict.fromkeys(("Cohort", "CohortCorrection", "CountryTotal", "MembershipChange", "NetworkTotal"), "cohorts"),
    **dict.fromkeys(("Award", "Conference"), "conferences"),
}


if not TYPE_CHECKING:  # type checkers see no such name

    def __getattr__(name: str) -> Any:
        """Say where a record class that used to be served from here is now."""
        module = _MOVED.get(name)
        if module is None:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        raise AttributeError(
            f"module {__name__!r} has no attribute {name!r}: import it from learning_cities.{module} "
            f"or learning_cities (learning_cities.{name})",
            name=name,
            obj=__name__,
        )


class _ValueEnum(enum.Enum):
    """An enum that prints as its value (``str(Region.AFRICA) == "Africa"``)."""

    def __str__(self) -> str:
        return str(self.value)


class Region(_ValueEnum):
    """UNESCO's five regional groups.

    >>> Region("Arab States") is Region.ARAB_STATES
    True
    """

    AFRICA = "Africa"
    ARAB_STATES = "Arab States"
    ASIA_PACIFIC = "Asia and the Pacific"
    EUROPE_NORTH_AMERICA = "Europe and North America"
    LATIN_AMERICA_CARIBBEAN = "Latin America and the Caribbean"


class MembershipStatus(_ValueEnum):
    """Whether a city is still in the network.

    ``WITHDRAWN`` covers a city that left or was removed; ``City.status_changed`` keeps the
    year where a source gives it.

    >>> import learning_cities as lc
    >>> laayoune = lc.load().city("Laâyoune")
    >>> laayoune.status, laayoune.status_changed, str(laayoune.status)
    (<MembershipStatus.WITHDRAWN: 'withdrawn'>, 2020, 'withdrawn')
    """

    ACTIVE = "active"
    WITHDRAWN = "withdrawn"


class CityKind(_ValueEnum):
    """What UNESCO admitted: a city, or a municipality, district, county, province, region or consortium.

    >>> import learning_cities as lc
    >>> lc.load().city("Gangnam-gu").kind
    <CityKind.DISTRICT: 'district'>
    """

    CITY = "city"
    MUNICIPALITY = "municipality"
    DISTRICT = "district"
    COUNTY = "county"
    PROVINCE = "province"
    REGION = "region"
    CONSORTIUM = "consortium"


def _degrees(limit: float) -> "Callable[[object, attrs.Attribute[float], object], None]":
    def check(instance: object, attribute: "attrs.Attribute[float]", value: object) -> None:
        if value.__class__ is not float:
            raise TypeError(f"Location.{attribute.name} must be a float, not {type(value).__name__}: {shown(value)}")
        if not -limit <= value <= limit:
            raise ValueError(f"Location.{attribute.name} must be from {-limit:g} to {limit:g} degrees, not {value}")

    return check


@attrs.frozen(cache_hash=True)
class Location(Record):
    """A point in WGS 84 decimal degrees, with the source that gives it.

    For a consortium or region, the point is its seat's, and the city's ``place_note``
    says so.

    >>> import learning_cities as lc
    >>> location = lc.load().city("Khon Kaen").location
    >>> round(location.latitude, 1), round(location.longitude, 1), location.source
    (16.4, 102.8, 'https://www.geonames.org/1609776')
    """

    latitude: float = attrs.field(validator=_degrees(90.0))
    longitude: float = attrs.field(validator=_degrees(180.0))
    source: str


@attrs.frozen(cache_hash=True)
class Population(Record):
    """A population figure: ``count``, the ``year`` it refers to (``None`` if undated), and its source.

    >>> import learning_cities as lc
    >>> population = lc.load().city("Khon Kaen").population
    >>> population.count > 10_000, population.year, population.source
    (True, None, 'https://www.geonames.org/1609776')
    """

    count: int
    year: Year | None
    source: str


def _frozen_map(value: object) -> FrozenMap:
    if isinstance(value, FrozenMap):
        return value
    if isinstance(value, Mapping):
        return FrozenMap(value)
    raise TypeError(f"expected a mapping of language tag to name, not {type(value).__name__}: {shown(value)}")


def _region_of_country(city: "City") -> Region | None:
    return getattr(city.country, "region", None)  # None only when the country is no Country: refused


def _same_region(city: "City", attribute: "attrs.Attribute[Region]", region: object) -> None:
    if isinstance(city.country, Country) and region is not city.country.region:
        raise ValueError(
            f"City.region must be its country's region ({city.country.region.value} for {city.country.code}), "
            f"not {shown(region)}"
        )


@attrs.frozen(cache_hash=True)
class Country(Record):
    """A UNESCO Member State with member cities.

    ``code`` is ISO 3166-1 alpha-2, ``name`` UNESCO's form ("Viet Nam", "Türkiye"),
    ``names`` its name in UNESCO's six languages and Thai (from CLDR), ``aliases`` the other
    forms sources use ("Turkey", "UK").

    >>> import learning_cities as lc
    >>> turkiye = lc.load().country("TR")
    >>> turkiye.alpha3, turkiye.name, turkiye.aliases, turkiye.region.value
    ('TUR', 'Türkiye', ('Turkey',), 'Europe and North America')
    >>> lc.load().country("TH").names["th"], lc.load().country("TH").names["zh"]
    ('ไทย', '泰国')
    """

    code: str
    alpha3: str
    name: str
    region: Region = attrs.field(repr=False)
    aliases: tuple[str, ...] = attrs.field(default=(), repr=False)
    sources: tuple[str, ...] = attrs.field(default=(), repr=False)
    notes: str = attrs.field(default="", repr=False)
    names: Mapping[str, str] = attrs.field(factory=FrozenMap, converter=_frozen_map, repr=False)
    """The country's name by language (BCP 47 tag): UNESCO's six languages and Thai, from CLDR."""

    def __str__(self) -> str:
        return self.name

    if TYPE_CHECKING:  # deprecated; served by learning_cities._packaged, as records import no network

        @property
        def cities(self) -> tuple["City", ...]:
            """Deprecated: ask the network that holds the country, ``net.cities_in(country)``."""

    def _repr_html_(self) -> str:
        from ._tables import fields_table  # only for notebooks: not worth its import time at start-up

        names = "; ".join(f"{name} ({tag})" for tag, name in self.names.items())
        return fields_table(
            f"{self.name} ({self.code}, {self.alpha3})",
            [
                ("region", self.region),
                ("names", names or "none"),
                ("also called", self.aliases or "none"),
            ],
        )


@attrs.frozen(cache_hash=True)
class City(Record):
    """A member city (or county, district, consortium) of the network.

    ``joined`` is the year a source gives; ``None`` where none does, and then
    ``member_by`` is the earliest year a source shows the city as a member (for example
    its award year). ``cohorts`` lists the admission rounds whose published lists name
    the city (Muharraq is in two). ``conflicts`` records where sources disagree.

    >>> import learning_cities as lc
    >>> cork = lc.load().city("Cork")
    >>> cork.id, cork.joined, cork.member_by, str(cork)
    ('ie-cork', None, 2015, 'Cork (Ireland)')
    >>> lc.load().city("Muharraq").cohorts
    (2019, 2024)
    """

    id: str
    name: str
    country: Country
    joined: Year | None
    member_by: Year | None = None
    member_since: dt.date | None = None
    """The earliest date a source proves membership (``None`` where nothing dates it)."""
    local_names: Mapping[str, str] = attrs.field(factory=FrozenMap, converter=_frozen_map)
    status: MembershipStatus = MembershipStatus.ACTIVE
    sources: tuple[str, ...] = attrs.field(default=(), repr=False)
    status_changed: Year | None = attrs.field(default=None, repr=False)
    official_names: Mapping[str, str] = attrs.field(factory=FrozenMap, converter=_frozen_map, repr=False)
    aliases: tuple[str, ...] = attrs.field(default=(), repr=False)
    cohorts: tuple[Year, ...] = attrs.field(default=(), repr=False)
    conflicts: tuple[str, ...] = attrs.field(default=(), repr=False)
    notes: str = attrs.field(default="", repr=False)
    last_confirmed: Year | None = attrs.field(default=None, repr=False)
    """The newest year a dated source shows the city as a member (a cohort list, an award, a national list...)."""
    doubts: tuple[str, ...] = attrs.field(default=(), repr=False)
    """What dated sources found that casts doubt on the membership, each with its source."""
    kind: CityKind = attrs.field(default=CityKind.CITY, repr=False)
    location: Location | None = attrs.field(default=None, repr=False)
    geonames_id: int | None = attrs.field(default=None, repr=False)
    population: Population | None = attrs.field(default=None, repr=False)
    timezone: str | None = attrs.field(default=None, repr=False)
    """The IANA time zone, from GeoNames."""
    place_note: str = attrs.field(default="", repr=False)
    """How the place was settled (the GeoNames match, a seat), or why it could not be."""
    region: Region = attrs.field(
        default=attrs.Factory(_region_of_country, takes_self=True), validator=_same_region, repr=False
    )
    """The country's UNESCO region (always ``country.region``)."""

    @property
    def is_active(self) -> bool:
        """``True`` unless the city left or was removed.

        >>> import learning_cities as lc
        >>> lc.load().city("Khon Kaen").is_active, lc.load().city("Laâyoune").is_active
        (True, False)
        """
        return self.status is MembershipStatus.ACTIVE

    @property
    def earliest_known_year(self) -> int | None:
        """``joined`` where known, else ``member_by``: the first year membership is shown.

        >>> import learning_cities as lc
        >>> lc.load().city("Khon Kaen").earliest_known_year, lc.load().city("Cork").earliest_known_year
        (2024, 2015)
        """
        return self.joined if self.joined is not None else self.member_by

    def __str__(self) -> str:
        return f"{self.name} ({self.country.name})"

    if TYPE_CHECKING:  # deprecated; served by learning_cities._packaged, as records import no network

        @property
        def awards(self) -> tuple[Any, ...]:
            """Deprecated: ask the network that holds the city, ``net.awards_of(city)``."""

    def _repr_html_(self) -> str:
        """Its facts, with its sources as links."""
        from ._tables import fields_table  # only for notebooks

        location = self.location
        return fields_table(
            str(self),
            [
                ("id", self.id),
                ("local names", "; ".join(f"{name} ({tag})" for tag, name in self.local_names.items()) or "none"),
                ("kind", self.kind),
                ("region", self.region),
                ("joined", self.joined),
                ("member by", self.member_by) if self.joined is None else ("cohorts", self.cohorts or "none"),
                ("member since", self.member_since),
                ("last confirmed", self.last_confirmed),
                (
                    "status",
                    self.status if self.status_changed is None else f"{self.status.value} ({self.status_changed})",
                ),
                ("location", None if location is None else f"{location.latitude}, {location.longitude}"),
                ("population", None if self.population is None else f"{self.population.count:,}"),
                *(("conflict", conflict) for conflict in self.conflicts),
                *(("doubt", doubt) for doubt in self.doubts),
                *(("source", source) for source in self.sources),
            ],
        )
