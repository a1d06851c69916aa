"""The JSON renderer: each command's result as JSON-ready data (the same in every language).

Records are written as :func:`learning_cities.unstructure` writes them, so
:func:`learning_cities.structure` reads them back; dates are ISO strings and years Common Era.

>>> import learning_cities as lc
>>> from learning_cities.cli import commands
>>> data = to_json(commands.search(lc.load(), "kon kaen", 1))
>>> data
[{'id': 'th-khon-kaen', 'name': 'Khon Kaen', 'country': 'TH', 'joined': 2024, 'status': 'active'}]
"""

from __future__ import annotations

import datetime as dt
import functools
from typing import Any

from ..awards import AwardCycle
from ..eligibility import EligibilityReport
from ..model import City
from ..serialization import unstructure
from .commands import (
    AwardEdition,
    AwardEligibility,
    Awards,
    CityReport,
    CohortReport,
    Conferences,
    CountryReport,
    Export,
    Members,
    MembershipEligibility,
    NextAward,
    ProjectedAward,
    SearchResult,
    Summary,
)

__all__ = ["to_json"]


def _iso(day: dt.date | None) -> str | None:
    return None if day is None else day.isoformat()


def _cycle(cycle: AwardCycle) -> dict[str, Any]:
    return {
        "year": cycle.year,
        "edition": cycle.edition,
        "projected": cycle.projected,
        "rule": cycle.rule,
        "conference": None if cycle.conference is None else unstructure(cycle.conference),
        "call_published": cycle.call_published,
        "assumed_window": None if cycle.assumed_window is None else unstructure(cycle.assumed_window),
    }


def _report(report: EligibilityReport) -> dict[str, Any]:
    """What every eligibility report carries: the call used, the verdict, each criterion."""
    return {
        "call": report.call.id,
        "call_published": report.call_published,
        "as_of": _iso(report.as_of),
        "eligible": report.eligible,
        "results": [
            {"criterion": r.criterion, "outcome": r.outcome.value, "reason": r.reason, "source": r.source}
            for r in report.results
        ],
        "caveats": list(report.caveats),
    }


def _city_row(city: City) -> dict[str, Any]:
    return {
        "id": city.id,
        "name": city.name,
        "country": city.country.code,
        "member_since": _iso(city.member_since),
    }


@functools.singledispatch
def to_json(result: object) -> Any:
    """``result`` (from :mod:`.commands`) as JSON-ready data."""
    raise TypeError(f"no JSON rendering for {type(result).__name__}")


@to_json.register
def _(result: Summary) -> Any:
    total = result.reported
    return {
        "data_as_of": result.data_as_of.isoformat(),
        "data_age_days": (result.today - result.data_as_of).days,
        "cities_held": result.active,
        "cities_withdrawn": result.withdrawn,
        "countries_held": result.countries,
        "members": {
            "on": result.today.isoformat(),
            "active_records": result.active,
            "dated": result.dated_today,
            "undated": result.undated,
            "withdrawn": result.withdrawn,
        },
        "reported_total": None
        if total is None
        else {
            "date": _iso(total.date),
            "cities": total.cities,
            "countries": total.countries,
            "source": total.sources[0] if total.sources else None,
        },
        "coverage": [
            {
                "label": row.label,
                "year": row.year,
                "held": row.held,
                "reported": row.reported,
                "missing": row.missing,
                "complete": None if row.reported is None else row.held >= row.reported,
                "held_countries": row.held_countries,
                "reported_countries": row.reported_countries,
            }
            for row in result.coverage
        ],
        "recency": [
            {"label": row.label, "since": row.since, "until": row.until, "held": row.held} for row in result.recency
        ],
        "regions": {r.region.value: {"cities": r.cities, "countries": r.countries} for r in result.regions},
        "awards": [
            {"year": a.year, "edition": a.edition, "conference": a.conference.number, "laureates": len(a.laureates)}
            for a in result.awards
        ],
        "next_award": {
            "year": result.next_award.year,
            "edition": result.next_award.edition,
            "projected": result.next_award.projected,
        },
    }


@to_json.register
def _(result: CityReport) -> Any:
    return {
        "city": unstructure(result.city),
        "member_since": _iso(result.city.member_since),
        "awards": [a.year for a in result.awards],
    }


@to_json.register
def _(result: SearchResult) -> Any:
    return [
        {"id": c.id, "name": c.name, "country": c.country.code, "joined": c.joined, "status": c.status.value}
        for c in result.cities
    ]


@to_json.register
def _(result: CountryReport) -> Any:
    return {
        "country": unstructure(result.country),
        "cities_held": sum(1 for c in result.cities if c.is_active),
        "cities": [{"id": c.id, "name": c.name, "joined": c.joined, "status": c.status.value} for c in result.cities],
    }


@to_json.register
def _(result: CohortReport) -> Any:
    cohort = result.cohort
    return {"cohort": unstructure(cohort), "held": cohort.held, "missing": cohort.missing}


@to_json.register
def _(result: Awards) -> Any:
    return unstructure(result.awards)


@to_json.register
def _(result: AwardEdition) -> Any:
    return unstructure(result.award)


@to_json.register
def _(result: ProjectedAward) -> Any:
    return {**_cycle(result.cycle), "next": result.is_next}


@to_json.register
def _(result: NextAward) -> Any:
    return {"after": result.after.isoformat(), **_cycle(result.cycle)}


@to_json.register
def _(result: AwardEligibility) -> Any:
    return {"city": result.city.id, "award": result.year, **_report(result.report)}


@to_json.register
def _(result: MembershipEligibility) -> Any:
    city = result.report.city
    return {
        "application": unstructure(result.application),
        "member": city.id if isinstance(city, City) else None,
        **_report(result.report),
    }


@to_json.register
def _(result: Members) -> Any:
    return {
        "on": result.on.isoformat(),
        "members": [_city_row(c) for c in result.members],
        "undated": [_city_row(c) for c in result.undated],
        "counts": {
            "members": len(result.members),
            "undated": len(result.undated),
            "today": result.today.isoformat(),
            "dated_today": result.dated_today,
            "active_records": result.active_records,
        },
    }


@to_json.register
def _(result: Conferences) -> Any:
    return unstructure(result.conferences)


@to_json.register
def _(result: Export) -> Any:
    return result.rows
