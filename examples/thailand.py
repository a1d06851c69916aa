"""Thailand in the UNESCO Global Network of Learning Cities, notebook style.

Thai sources date GNLC events in the Buddhist Era (พ.ศ.), so every year below is given both
ways, converted by :func:`learning_cities.calendars.to_buddhist_era`. Names come from the
data: ``local_names["th"]`` is the short Thai name, ``official_names["th"]`` the local
government's official name (a city municipality เทศบาลนคร, a town municipality เทศบาลเมือง,
a province จังหวัด, or Bangkok's กรุงเทพมหานคร).

Run it as a script (``python examples/thailand.py``), or paste the cells (``# %%``) into a
notebook one by one.
"""

# %% Load the network and find Thailand
from __future__ import annotations

import datetime as dt
import unicodedata
from collections import defaultdict

import learning_cities as lc
from learning_cities.calendars import from_buddhist_era, to_buddhist_era

net = lc.load()
thailand = net.country("TH")  # or "THA", or "Thailand"
members = net.where(country=thailand)
print(f"{thailand.name} ({thailand.code}, {thailand.region}): {len(members)} member cities in the data")
print(f"data as of {net.data_as_of.isoformat()} (B.E. {to_buddhist_era(net.data_as_of.year)})")


# %% A small helper: Thai vowels and tone marks take no width of their own in a terminal
def width(text: str) -> int:
    return sum(1 for char in text if not unicodedata.combining(char) and unicodedata.category(char) != "Mn")


def pad(text: str, size: int) -> str:
    return text + " " * max(0, size - width(text))


# %% Every member, with its Thai names and its join year in both calendars
print()
header = ("city", "Thai name", "official name", "joined (CE)", "joined (B.E.)")
rows = [
    (
        city.name,
        city.local_names.get("th", "–"),
        city.official_names.get("th", "–"),
        "unknown" if city.joined is None else str(city.joined),
        "unknown" if city.joined is None else str(to_buddhist_era(city.joined)),
    )
    for city in members
]
sizes = [max(width(row[i]) for row in (header, *rows)) for i in range(len(header))]
for row in (header, *rows):
    print("  ".join(pad(cell, size) for cell, size in zip(row, sizes, strict=True)))


# %% By admission round: when UNESCO announced it, in Thai date order (day/month/B.E. year)
def thai_date(day: dt.date) -> str:
    return f"{day.day:02d}/{day.month:02d}/{to_buddhist_era(day.year)}"


print()
by_year: dict[int | None, list[lc.City]] = defaultdict(list)
for city in members:
    by_year[city.joined].append(city)
for year, cities in by_year.items():
    names = ", ".join(c.local_names.get("th", c.name) for c in cities)
    if year is None:
        print(f"join year unknown: {names}")
        continue
    try:
        cohort = net.cohort(year)
    except lc.UnknownCohortError:
        print(f"{year} (พ.ศ. {to_buddhist_era(year)}), before the admission rounds: {names}")
        continue
    print(
        f"{year} (พ.ศ. {to_buddhist_era(year)}), announced {thai_date(cohort.announced_on)}: "
        f"{len(cities)} of the {cohort.reported_cities} cities UNESCO admitted: {names}"
    )


# %% Membership on a date: how many Thai members there were at the end of each Buddhist-Era year
print()
for year in range(min(c.joined for c in members if c.joined is not None), net.data_as_of.year + 1):
    on = dt.date(year, 12, 31)
    count = sum(1 for city in net.members_on(on) if city.country == thailand)
    print(f"31/12/{to_buddhist_era(year)} ({on.isoformat()}): {count} Thai member {'city' if count == 1 else 'cities'}")


# %% The records held beside the national figure a Thai source reported
row = next(r for r in lc.country_coverage(net) if r.country == thailand)
if row.reported is not None:
    print()
    print(
        f"A Thai source counted {row.reported} members as of {row.reported_as_of}; "
        f"the data holds {row.held_then} members on that date ({row.held} today)."
    )


# %% Find a city by its Thai name, as a Thai user would type it
print()
for query in ("ขอนแก่น", "เทศบาลนครเชียงใหม่", "หาดใหญ่"):
    city = net.city(query)
    joined = "unknown" if city.joined is None else f"{city.joined} (พ.ศ. {to_buddhist_era(city.joined)})"
    print(f"net.city({query!r}) -> {city.name} ({city.id}), joined {joined}")

# %% The other way round: a Thai source says "พ.ศ. 2567"; which cities joined that year?
print()
year = from_buddhist_era(2567)
names = ", ".join(f"{c.name} ({c.local_names['th']})" for c in net.where(country=thailand, joined=year))
print(f"พ.ศ. 2567 is {year}: {names}")

# %% Award laureates among them
laureates = [city for city in members if net.awards_of(city)]
print()
if laureates:
    for city in laureates:
        years = ", ".join(f"{a.year} (พ.ศ. {to_buddhist_era(a.year)})" for a in net.awards_of(city))
        print(f"{city.name} received the UNESCO Learning City Award in {years}")
else:
    editions = ", ".join(str(a.year) for a in net.awards)
    print(f"No Thai member has received the UNESCO Learning City Award in any edition so far ({editions}).")
