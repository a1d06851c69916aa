"""Where sources disagree: conflicting cities, withdrawals, corrected figures, inferred departures."""

from __future__ import annotations

from lc_markdown import number, sources, table, text, year

import learning_cities as lc


def conflicts_page(net: lc.Network) -> list[str]:
    """Every conflict, withdrawal, cohort correction and departure the data records."""
    lines = ["### Cities whose sources disagree", ""]
    conflicted = [c for c in net.cities if c.conflicts]
    if conflicted:
        rows = []
        for city in conflicted:
            joined = year(city.joined) if city.joined is not None else f"unknown (member by {year(city.member_by)})"
            cohorts = ", ".join(str(y) for y in city.cohorts) or "–"
            rows.extend(
                [text(city.name), text(city.country.name), joined, cohorts, text(conflict)]
                for conflict in city.conflicts
            )
        lines += table(["city", "country", "joined", "rounds", "conflict"], rows)
    else:
        lines += ["No conflicts are recorded.", ""]

    lines += ["### Withdrawn cities", ""]
    withdrawn = [c for c in net.cities if not c.is_active]
    if withdrawn:
        rows = [
            [
                text(c.name),
                text(c.country.name),
                year(c.joined),
                year(c.status_changed),
                text(c.notes or "–"),
                sources(c.sources),
            ]
            for c in withdrawn
        ]
        lines += table(["city", "country", "joined", "withdrawn in", "notes", "sources"], rows)
    else:
        lines += ["No city is recorded as withdrawn.", ""]

    lines += ["### Corrections to UNESCO's cohort figures", ""]
    corrections = [(c.year, k) for c in net.cohorts for k in c.corrections]
    if corrections:
        rows = [
            [str(y), f"`{k.field}`", number(k.original), number(k.corrected), text(k.notes or "–"), sources(k.sources)]
            for y, k in corrections
        ]
        lines += table(["round", "field", "announced", "corrected", "notes", "sources"], rows, "llrrll")
    else:
        lines += ["No correction is recorded.", ""]

    lines += [
        "### Departures inferred from totals",
        "",
        "UIL removes members that stop reporting, so the network's totals fall between rounds; no "
        "source names a departed city.",
        "",
    ]
    if net.membership_changes:
        rows = [
            [text(m.who), text(m.country), text(m.event), text(m.period), text(m.notes or "–"), sources(m.sources)]
            for m in net.membership_changes
        ]
        lines += table(["who", "country", "event", "period", "notes", "sources"], rows)
    else:
        lines += ["None recorded.", ""]
    return lines
