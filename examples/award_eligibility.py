"""May these cities apply for the UNESCO Learning City Award? A checker for a list of cities.

For each city, :func:`learning_cities.check_award_eligibility` judges every criterion of the
award call that applies to the year, as of that call's deadline (the published call, or
the latest known one for a year whose call is not out yet), and says for each one whether
it is met, not met or unknown, the facts it used, and the rule's source. Where the call is
not published, a criterion its deadline decides is unknown, and its reason names the day
from which it would be met; the report's caveats say why, once. A name that is no member is
reported, with the closest member's name, instead of stopping the run.

Usage::

    python examples/award_eligibility.py                         # a sample list, next award
    python examples/award_eligibility.py Cork "Khon Kaen" Medellín --award 2027
"""

from __future__ import annotations

import argparse
import calendar
import textwrap

import learning_cities as lc

SAMPLE = ("Cork", "Khon Kaen", "Medellín", "Bangkok", "Rayong", "Laâyoune", "Kon Kaen")

VERDICT = {True: "eligible", False: "not eligible", None: "undecided (some criteria cannot be decided from the data)"}


def ordinal(number: int) -> str:
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def describe(cycle: lc.AwardCycle) -> str:
    """One line on the award edition: held or projected, and at which conference."""
    state = f"projected by the {cycle.rule} rule" if cycle.projected else "held"
    conference = cycle.conference
    if conference is None:
        where = "conference not yet announced"
    else:
        where = f"at the {ordinal(conference.number)} International Conference on Learning Cities"
        if conference.held:
            where += f", {conference.host_city}, from {conference.start}"
        elif conference.planned_month is not None:
            where += f", planned for {calendar.month_name[conference.planned_month]} {conference.year}"
    return f"UNESCO Learning City Award {cycle.year} ({ordinal(cycle.edition)} edition), {state}, {where}"


def check(cities: list[str], year: int) -> list[tuple[str, lc.EligibilityReport]]:
    return [(city, lc.check_award_eligibility(city, year)) for city in cities]


def main(argv: list[str] | None = None) -> int:
    net = lc.load()
    schedule = lc.award_schedule()
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("cities", nargs="*", default=list(SAMPLE), help="city names, ids or local names")
    parser.add_argument(
        "--award",
        type=int,
        default=schedule.next_award(after=net.data_as_of).year,
        help="the award year (default: the next award after the data date)",
    )
    args = parser.parse_args(argv)

    try:
        cycle = schedule.cycle(args.award)
    except lc.UnknownAwardError as error:
        parser.error(str(error))
    print(describe(cycle))
    print(f"(data as of {net.data_as_of.isoformat()})")

    reports = check(args.cities, cycle.year)
    # the caveats (an unpublished call, a deadline no source gives) are the same for every city
    for caveat in reports[0][1].caveats if reports else ():
        print(textwrap.fill(f"Note: {caveat}", width=100, subsequent_indent="      "))
    for city, report in reports:
        print()
        as_of = f", as of {report.as_of.isoformat()}" if report.as_of else ""
        print(f"{city}: {VERDICT[report.eligible].upper()}  (rules of the call {report.call.id!r}{as_of})")
        for result in report.results:
            print(f"  [{result.outcome.value:>7}] {result.criterion}")
            print(textwrap.fill(result.reason, width=100, initial_indent=" " * 12, subsequent_indent=" " * 12))
            print(f"            source: {result.source}")

    print()
    print(f"Summary for the {cycle.year} award:")
    size = max(len(city) for city, _ in reports)
    for city, report in reports:
        failed = [r.criterion for r in report.results if r.outcome is lc.Outcome.NOT_MET]
        because = f"  (not met: {', '.join(failed)})" if failed else ""
        print(f"  {city.ljust(size)}  {VERDICT[report.eligible]}{because}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
