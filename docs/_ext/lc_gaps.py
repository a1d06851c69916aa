"""What is still missing: per round held against reported, the evidence each record rests on,
and how recently a source confirmed each member.

The research logs behind the gaps are linked by their repository path, never included.
"""

from __future__ import annotations

import csv
from collections import Counter

from lc_markdown import ROOT, number, repository_link, table, text

import learning_cities as lc

GAPS = ROOT / "reference" / "curated" / "gaps.csv"

#: The kinds of evidence a member record rests on, strongest first (see :func:`evidence`).
EVIDENCE: dict[str, str] = {
    "round list": "named in the published list of an admission round",
    "join year": "a source gives the year it joined (the rolling admissions of 2015-2018)",
    "member by": "no join year; a dated source shows it as a member (an award, a national list)",
    "undated": "no source dates its membership (members today; counted apart on any past date)",
}

#: Confirmation recency: the label, and the first year of ``City.last_confirmed`` it covers.
RECENCY: tuple[tuple[str, int | None], ...] = (
    ("confirmed 2022 or later", 2022),
    ("confirmed 2019-2021", 2019),
    ("confirmed only before 2019", 1),
    ("undated (no dated confirmation)", None),
)


def evidence(city: lc.City) -> str:
    """The strongest kind of evidence of ``city``'s membership: a key of :data:`EVIDENCE`."""
    if city.cohorts:
        return "round list"
    if city.joined is not None:
        return "join year"
    if city.member_since is not None:
        return "member by"
    return "undated"


def recency(city: lc.City) -> str:
    """How recently a dated source confirmed ``city``: a label of :data:`RECENCY`."""
    confirmed = city.last_confirmed
    for label, since in RECENCY:
        if since is not None and confirmed is not None and confirmed >= since:
            return label
    return RECENCY[-1][0]


def _notes() -> dict[str, dict[str, str]]:
    with GAPS.open(encoding="utf-8", newline="") as handle:
        return {row["scope"]: row for row in csv.DictReader(handle)}


def logs(field: str) -> list[str]:
    """The research logs a ``gaps.csv`` cell names, as repository paths."""
    return [f"reference/research/{name.strip()}" for name in field.split(";") if name.strip()]


def gaps_page(net: lc.Network) -> list[str]:
    """Per round: held against reported, what is still missing, and the research logs."""
    notes = _notes()
    coverage = lc.coverage(net)  # the rows outside the rounds first, then each round, then the network
    scoped = [("early", coverage[0]), *((str(row.year), row) for row in coverage if row.year is not None)]
    rows = []
    for scope, row in scoped:
        note = notes[scope]
        countries = (
            "–" if row.reported_countries is None else number(max(row.reported_countries - row.held_countries, 0))
        )
        rows.append(
            [
                text(row.label),
                number(row.held),
                number(row.reported),
                number(row.missing),
                countries,
                text(note["what_is_missing"]),
                "; ".join(repository_link(path) for path in logs(note["logs"])),
            ]
        )
    return [
        f"Generated from the packaged data (as of {net.data_as_of.isoformat()}) and `reference/curated/gaps.csv`:",
        "",
        *table(
            ["admitted", "held", "reported", "cities missing", "countries missing", "what is missing", "research logs"],
            rows,
            "lrrrrll",
        ),
    ]


def evidence_page(net: lc.Network) -> list[str]:
    """Active records by the strongest evidence of their membership."""
    active = [city for city in net.cities if city.is_active]
    counts = Counter(evidence(city) for city in active)
    rows = [[text(kind), text(meaning), number(counts[kind])] for kind, meaning in EVIDENCE.items()]
    rows.append(["**all active records**", "", number(len(active))])
    return [*table(["evidence", "what it means", "records"], rows, "llr")]


def recency_page(net: lc.Network) -> list[str]:
    """Active records by the newest year a dated source shows them as members (``City.last_confirmed``)."""
    active = [city for city in net.cities if city.is_active]
    counts = Counter(recency(city) for city in active)
    doubted = sum(1 for city in active if city.doubts)
    rows = [[text(label), number(counts[label])] for label, _ in RECENCY]
    rows.append(["**all active records**", number(len(active))])
    return [
        *table(["last confirmed", "records"], rows, "lr"),
        f"{number(doubted)} active record(s) also carry a dated doubt (`City.doubts`): a later source "
        "that does not name the city where it would be expected.",
        "",
    ]
