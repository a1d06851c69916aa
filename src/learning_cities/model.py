"""The records of the Global Network of Learning Cities.

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

import attrs

from ._fields import Year, typed_fields
from ._frozenmap import FrozenMap
from ._repr import shown

__all__ = [
    "Award",
    "City",
    "CityKind",
    "Cohort",
    "CohortCorrection",
    "Conference",
    "Country",
    "CountryTotal",
    "Location",
    "MembershipChange",
    "MembershipStatus",
    "NetworkTotal",
    "Population",
    "Region",
]


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


@attrs.frozen(cache_hash=True, field_transformer=typed_fields)
class Location:
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


@attrs.frozen(cache_hash=True, field_transformer=typed_fields)
class Population:
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


@attrs.frozen(cache_hash=True, field_transformer=typed_fields)
class Country:
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

    @property
    def cities(self) -> tuple["City", ...]:
        """Its member cities in the packaged data (:func:`~learning_cities.load`), by join year.

        For another :class:`~learning_cities.Network`, ask it: ``net.where(country=country)``.

        >>> import learning_cities as lc
        >>> [city.name for city in lc.load().country("TH").cities][:3]
        ['Chiang Rai', 'Chachoengsao', 'Chiang Mai']
        """
        from ._packaged import load

        network = load()
        return network.where(country=self) if self in network.countries else ()

    def _repr_html_(self) -> str:
        from .display import country_html

        return country_html(self)


@attrs.frozen(cache_hash=True, field_transformer=typed_fields)
class City:
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

    @property
    def awards(self) -> tuple["Award", ...]:
        """The UNESCO Learning City Award editions it received in the packaged data, by year.

        >>> import learning_cities as lc
        >>> [award.year for award in lc.load().city("Cork").awards]
        [2015, 2024]
        """
        from ._packaged import load

        network = load()
        return network.awards_of(self) if self in network else ()

    def _repr_html_(self) -> str:
        from .display import city_html

        return city_html(self)


@attrs.frozen(cache_hash=True, field_transformer=typed_fields)
class CohortCorrection:
    """A figure UNESCO first announced and later corrected; both are kept.

    >>> import learning_cities as lc
    >>> correction = lc.load().cohort(2020).corrections[0]
    >>> correction.field, correction.original, correction.corrected
    ('reported_cities', 55, 54)
    """

    field: str
    original: int
    corrected: int
    sources: tuple[str, ...] = ()
    notes: str = ""


@attrs.frozen(cache_hash=True, field_transformer=typed_fields)
class Cohort:
    """One admission round: the member records we hold, beside UNESCO's own figures.

    ``cities`` holds every record named in the round's published list, by name,
    including one later withdrawn; ``held`` counts the active ones, the number to set
    against ``reported_cities``.

    >>> import learning_cities as lc
    >>> cohort = lc.load().cohort(2022)
    >>> cohort.announced_on, cohort.reported_cities, cohort.reported_countries, cohort.network_cities_after
    (datetime.date(2022, 9, 2), 77, 44, 294)
    """

    year: Year
    announced_on: dt.date
    cities: tuple[City, ...]
    reported_cities: int | None
    reported_countries: int | None
    network_cities_after: int | None
    network_countries_after: int | None
    population_millions: int | None
    event: str
    sources: tuple[str, ...]
    corrections: tuple[CohortCorrection, ...] = ()
    notes: str = ""

    def __repr__(self) -> str:
        reported = "?" if self.reported_cities is None else self.reported_cities
        return f"Cohort({self.year}: {self.held} of {reported} cities held, announced {self.announced_on.isoformat()})"

    def _repr_html_(self) -> str:
        from .display import cohort_html

        return cohort_html(self)

    @property
    def held(self) -> int:
        """Active member records we hold for this round.

        >>> import learning_cities as lc
        >>> cohort = lc.load().cohort(2020)
        >>> cohort.held == len(cohort.cities) - 1    # Laâyoune was listed, then withdrawn
        True
        """
        return sum(1 for city in self.cities if city.is_active)

    @property
    def missing(self) -> int | None:
        """``reported_cities - held``: records not yet found (``None`` if unreported).

        >>> import learning_cities as lc
        >>> cohort = lc.load().cohort(2022)
        >>> cohort.missing == 77 - cohort.held
        True
        """
        return None if self.reported_cities is None else self.reported_cities - self.held

    @property
    def held_countries(self) -> int:
        """Countries among the active records we hold for this round.

        >>> import learning_cities as lc
        >>> cohort = lc.load().cohort(2024)
        >>> 0 < cohort.held_countries <= cohort.reported_countries == 35
        True
        """
        return len({city.country.code for city in self.cities if city.is_active})


@attrs.frozen(cache_hash=True, field_transformer=typed_fields)
class Conference:
    """An International Conference on Learning Cities (ICLC).

    A planned conference has ``start``/``end``/``host_city``/``country`` ``None`` where not
    yet known, and ``planned_month`` where announced.

    >>> import learning_cities as lc
    >>> third = lc.load().conference(3)
    >>> third.year, third.host_city, third.country.name, third.start, third.end
    (2017, 'Cork', 'Ireland', datetime.date(2017, 9, 18), datetime.date(2017, 9, 20))
    """

    number: int
    year: Year
    start: dt.date | None
    end: dt.date | None
    host_city: str | None
    country: Country | None
    theme: str
    outcome_document: str | None
    planned_month: int | None = None
    sources: tuple[str, ...] = attrs.field(default=(), repr=False)
    notes: str = attrs.field(default="", repr=False)

    def __repr__(self) -> str:
        where = ", ".join(x for x in (self.host_city, self.country.name if self.country else None) if x)
        when = self.start.isoformat() if self.start else f"planned {self.year}"
        return f"Conference({self.number}: {where or 'host not yet known'}, {when})"

    def _repr_html_(self) -> str:
        from .display import conference_html

        return conference_html(self)

    @property
    def held(self) -> bool:
        """``True`` once the conference has dates, i.e. it took place.

        >>> import learning_cities as lc
        >>> lc.load().conference(6).held, lc.load().conference(7).held
        (True, False)
        """
        return self.start is not None


@attrs.frozen(cache_hash=True, field_transformer=typed_fields)
class Award:
    """One edition of the UNESCO Learning City Award (edition 1 is 2015).

    >>> import learning_cities as lc
    >>> award = lc.load().award(2017)
    >>> award.edition, award.conference.host_city, len(award.laureates)
    (2, 'Cork', 16)
    """

    year: Year
    edition: int
    conference: Conference
    laureates: tuple[City, ...]
    sources: tuple[str, ...] = ()

    def __repr__(self) -> str:
        return (
            f"Award({self.year}: edition {self.edition}, {len(self.laureates)} laureates, "
            f"conference {self.conference.number})"
        )

    def _repr_html_(self) -> str:
        from .display import award_html

        return award_html(self)


@attrs.frozen(cache_hash=True, field_transformer=typed_fields)
class NetworkTotal:
    """A network size that a source reported on a date, as the source gave it.

    ``cities``/``countries`` are whole numbers where the source gave an exact total;
    ``cities_text``/``countries_text`` keep the wording ("200+", "~50 new").

    >>> import learning_cities as lc
    >>> total = next(t for t in lc.load().network_totals if t.as_of == "2025-12-04")
    >>> total.date, total.cities, total.countries
    (datetime.date(2025, 12, 4), 425, 91)
    >>> next(t for t in lc.load().network_totals if t.cities_text == "200+").cities is None
    True
    """

    as_of: str
    date: dt.date | None
    cities: int | None
    countries: int | None
    cities_text: str
    countries_text: str
    sources: tuple[str, ...]
    notes: str = ""


@attrs.frozen(cache_hash=True, field_transformer=typed_fields)
class CountryTotal:
    """A country's number of member cities as a national or UNESCO source reported it.

    >>> import learning_cities as lc
    >>> korea = [t for t in lc.load().country_totals if t.country.code == "KR"]
    >>> [(t.as_of, t.cities) for t in korea if t.as_of in ("2017-09", "2025-12-04")]
    [('2017-09', 35), ('2025-12-04', 59)]
    """

    country: Country
    as_of: str
    date: dt.date | None
    cities: int
    sources: tuple[str, ...]
    notes: str = ""


@attrs.frozen(cache_hash=True, field_transformer=typed_fields)
class MembershipChange:
    """A departure from the network, as inferred from reported totals.

    No source names a departed city, so ``who`` describes the group.

    >>> import learning_cities as lc
    >>> change = next(c for c in lc.load().membership_changes if c.period == "2018-2019")
    >>> change.event, change.country
    ('removed', '(various)')
    """

    who: str
    country: str
    event: str
    period: str
    sources: tuple[str, ...]
    notes: str = ""
