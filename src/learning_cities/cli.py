"""The ``learning-cities`` command; ``python -m learning_cities`` is the same program.

Every command prints text for people, or JSON with ``--json``. Errors go to standard error
without a traceback: exit status 2 for bad usage, 1 for an unknown city, country or year.

>>> main(["city", "Khon Kaen", "--json"])  # doctest: +ELLIPSIS
{
  "city": {
    "id": "th-khon-kaen",
    "name": "Khon Kaen",
...
0
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import os
import sys
from collections.abc import Callable, Sequence
from typing import Any

from . import load
from .errors import AmbiguousCityError, LearningCitiesError
from .model import Award, City, Cohort, Conference
from .network import Network

__all__ = ["main"]

PROG = "learning-cities"

EXAMPLES = """\
examples:
  learning-cities                          the network at a glance (same as: summary)
  learning-cities city "Khon Kaen"         one city; names in any listed language work too
  learning-cities search "kon kaen"        best matches for a misspelt name
  learning-cities country TH               a country's member cities
  learning-cities cohort 2024              one admission round, its cities and UNESCO's figures
  learning-cities awards 2017              one award edition and its laureates
  learning-cities next-award --after 2025-01-01
  learning-cities eligibility Cork --award 2027
  learning-cities export --format csv > cities.csv
  learning-cities summary --json           any command: machine-readable JSON

exit status: 0 success, 1 unknown city, country or year, 2 bad usage
"""


class _UsageError(Exception):
    """Arguments that parse but make no sense together (exit status 2)."""


# -- output helpers ------------------------------------------------------------------------


def _emit_json(data: object) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2))


def _record(obj: object) -> Any:
    from .serialization import unstructure

    return unstructure(obj)


def _ordinal(number: int) -> str:
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def _field(label: str, value: str) -> None:
    print(f"  {label + ':':16}{value}")


def _or_unknown(value: object) -> str:
    return "unknown" if value is None else str(value)


def _city_line(city: City, *, country: bool = True) -> str:
    status = "" if city.is_active else f"  [{city.status.value}"
    if status and city.status_changed:
        status += f" {city.status_changed}"
    where = f" ({city.country.name})" if country else ""
    return f"{city.name}{where}{status}{']' if status else ''}"


def _conference_line(conference: Conference) -> str:
    where = ", ".join(x for x in (conference.host_city, conference.country.name if conference.country else None) if x)
    if conference.start is not None:
        when = conference.start.isoformat()
        if conference.end is not None and conference.end != conference.start:
            when += f" to {conference.end.isoformat()}"
    elif conference.planned_month is not None:
        when = f"planned for {dt.date(conference.year, conference.planned_month, 1):%B %Y}"
    else:
        when = f"planned for {conference.year}"
    name = f"{_ordinal(conference.number)} International Conference on Learning Cities"
    return f"{name}, {where or 'host not yet known'}, {when}"


# -- commands ------------------------------------------------------------------------------


def _summary_data(net: Network) -> dict[str, Any]:
    from .completeness import coverage

    rows = []
    for row in coverage(net):
        rows.append(
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
        )
    active = [c for c in net.cities if c.is_active]
    regions = {}
    for region_cities in _by_region(active).items():
        region, cities = region_cities
        regions[region] = {"cities": len(cities), "countries": len({c.country.code for c in cities})}
    total = net.reported_total
    return {
        "data_as_of": net.data_as_of.isoformat(),
        "cities_held": len(active),
        "cities_withdrawn": len(net.cities) - len(active),
        "countries_held": len({c.country.code for c in active}),
        "reported_total": {
            "date": total.date.isoformat() if total.date else None,
            "cities": total.cities,
            "countries": total.countries,
            "source": total.sources[0] if total.sources else None,
        },
        "coverage": rows,
        "regions": regions,
        "awards": [
            {
                "year": a.year,
                "edition": a.edition,
                "conference": a.conference.number,
                "laureates": len(a.laureates),
            }
            for a in net.awards
        ],
    }


def _by_region(cities: Sequence[City]) -> dict[str, list[City]]:
    from .model import Region

    grouped: dict[str, list[City]] = {region.value: [] for region in Region}
    for city in cities:
        grouped[city.region.value].append(city)
    return grouped


def _summary(net: Network, args: argparse.Namespace) -> int:
    data = _summary_data(net)
    if args.json:
        _emit_json(data)
        return 0
    total = data["reported_total"]
    print(f"UNESCO Global Network of Learning Cities: data as of {data['data_as_of']}")
    print(
        f"{data['cities_held']} active member cities held in {data['countries_held']} countries; "
        f"UNESCO reported {total['cities']} cities in {total['countries']} countries on {total['date']}"
    )
    print()
    print("Members held against UNESCO's reported figures (complete = every reported member held):")
    print(f"  {'admitted':30} {'held':>5} {'reported':>9} {'missing':>8}  {'countries':>13}")
    for row in data["coverage"]:
        reported = "-" if row["reported"] is None else str(row["reported"])
        if row["complete"] is None:
            state = "no reported count"
        elif row["complete"]:
            state = "complete"
        else:
            state = f"{row['held'] / row['reported']:.0%} held"
        missing = "-" if row["missing"] is None else str(max(row["missing"], 0))
        countries = str(row["held_countries"])
        if row["reported_countries"] is not None:
            countries += f" / {row['reported_countries']}"
        print(f"  {row['label']:30} {row['held']:>5} {reported:>9} {missing:>8}  {countries:>13}  {state}")
    complete = [row["label"] for row in data["coverage"] if row["year"] is not None and row["complete"]]
    print(
        "  complete cohorts: "
        + (", ".join(complete) if complete else "none yet")
        + "; a dash means UNESCO gave no count"
    )
    print()
    print("Active members held by region:")
    for region, counts in data["regions"].items():
        print(f"  {region:34} {counts['cities']:>4} cities in {counts['countries']:>2} countries")
    print()
    print("UNESCO Learning City Award:")
    for award in data["awards"]:
        print(
            f"  {award['year']}  {_ordinal(award['edition'])} edition, at the {_ordinal(award['conference'])} "
            f"conference: {award['laureates']} laureates"
        )
    return 0


def _city(net: Network, args: argparse.Namespace) -> int:
    city = net.city(" ".join(args.name))
    awards = net.awards_of(city)
    since = net.member_since(city)
    if args.json:
        _emit_json(
            {
                "city": _record(city),
                "member_since": since.isoformat() if since else None,
                "awards": [a.year for a in awards],
            }
        )
        return 0
    print(f"{city.name}  ({city.id})")
    _field("country", f"{city.country.name} ({city.country.code})")
    _field("region", city.region.value)
    joined = _or_unknown(city.joined)
    if city.joined is None and city.member_by is not None:
        joined += f" (a member by {city.member_by})"
    _field("joined", joined)
    if since is not None:
        _field("member from", since.isoformat())
    if city.cohorts:
        _field("cohorts", ", ".join(map(str, city.cohorts)))
    _field("status", city.status.value + (f" ({city.status_changed})" if city.status_changed else ""))
    _field("awards", ", ".join(str(a.year) for a in awards) or "none")
    for label, names in (("local names", city.local_names), ("official names", city.official_names)):
        if names:
            _field(label, "; ".join(f"{name} ({tag})" for tag, name in names.items()))
    if city.aliases:
        _field("also called", "; ".join(city.aliases))
    for conflict in city.conflicts:
        _field("conflict", conflict)
    print("  sources:")
    for source in city.sources:
        print(f"    {source}")
    return 0


def _search(net: Network, args: argparse.Namespace) -> int:
    text = " ".join(args.text)
    found = net.search(text, limit=args.limit)
    if args.json:
        _emit_json(
            [
                {"id": c.id, "name": c.name, "country": c.country.code, "joined": c.joined, "status": c.status.value}
                for c in found
            ]
        )
        return 0
    if not found:
        print(f"no member city is close to {text!r}")
        return 0
    width = max(len(c.id) for c in found)
    for city in found:
        print(f"{city.id:{width}}  {_city_line(city)}")
    return 0


def _country(net: Network, args: argparse.Namespace) -> int:
    country = net.country(" ".join(args.name))
    cities = net.where(country=country)
    if args.json:
        _emit_json(
            {
                "country": _record(country),
                "cities_held": sum(1 for c in cities if c.is_active),
                "cities": [{"id": c.id, "name": c.name, "joined": c.joined, "status": c.status.value} for c in cities],
            }
        )
        return 0
    print(f"{country.name}  ({country.code}, {country.alpha3})")
    _field("region", country.region.value)
    if country.aliases:
        _field("also called", "; ".join(country.aliases))
    print(f"  member cities held ({sum(1 for c in cities if c.is_active)} active), by join year:")
    for city in cities:
        print(f"    {_or_unknown(city.joined):>7}  {_city_line(city, country=False)}")
    return 0


def _cohort(net: Network, args: argparse.Namespace) -> int:
    cohort = net.cohort(args.year)
    if args.json:
        _emit_json({"cohort": _record(cohort), "held": cohort.held, "missing": cohort.missing})
        return 0
    _print_cohort(cohort)
    return 0


def _print_cohort(cohort: Cohort) -> None:
    print(f"Cohort {cohort.year}: announced {cohort.announced_on.isoformat()}")
    if cohort.event:
        print(f"  event:   {cohort.event}")
    reported = (
        f"{_or_unknown(cohort.reported_cities)} new cities from {_or_unknown(cohort.reported_countries)} countries"
    )
    if cohort.network_cities_after is not None or cohort.network_countries_after is not None:
        reported += (
            f"; network after: {_or_unknown(cohort.network_cities_after)} cities in "
            f"{_or_unknown(cohort.network_countries_after)} countries"
        )
    print(f"  UNESCO reported: {reported}")
    missing = cohort.missing
    print(
        f"  held:    {cohort.held} active records from {cohort.held_countries} countries"
        + ("" if missing is None else (" (complete)" if missing <= 0 else f" ({missing} not yet found)"))
    )
    for correction in cohort.corrections:
        print(f"  correction: {correction.field} first {correction.original}, corrected to {correction.corrected}")
    print(f"  cities ({len(cohort.cities)}):")
    for region, cities in _by_region(cohort.cities).items():
        if cities:
            print(f"    {region}:")
            for city in cities:
                print(f"      {_city_line(city)}")
    print("  sources:")
    for source in cohort.sources:
        print(f"    {source}")


def _awards(net: Network, args: argparse.Namespace) -> int:
    awards: tuple[Award, ...] = net.awards if args.year is None else (net.award(args.year),)
    if args.json:
        _emit_json(_record(awards) if args.year is None else _record(awards[0]))
        return 0
    for index, award in enumerate(awards):
        if index:
            print()
        print(f"{award.year}: {_ordinal(award.edition)} UNESCO Learning City Award, {len(award.laureates)} laureates")
        print(f"  at the {_conference_line(award.conference)}")
        for city in award.laureates:
            print(f"    {_city_line(city)}")
    return 0


def _parse_date(text: str) -> dt.date:
    try:
        day = dt.date.fromisoformat(text)
    except ValueError:
        day = None
    if day is None or day.isoformat() != text:
        raise argparse.ArgumentTypeError(f"expected a date as YYYY-MM-DD, not {text!r}")
    return day


def _next_award(net: Network, args: argparse.Namespace) -> int:
    try:
        from .awards import award_schedule
    except ImportError:
        raise _UnavailableError("next-award needs learning_cities.awards, which this installation lacks") from None
    after: dt.date = args.after if args.after is not None else dt.date.today()
    cycle = award_schedule().next_award(after=after)
    conference: Conference | None = cycle.conference
    if args.json:
        _emit_json(
            {
                "after": after.isoformat(),
                "year": cycle.year,
                "edition": cycle.edition,
                "projected": cycle.projected,
                "conference": None if conference is None else _record(conference),
            }
        )
        return 0
    kind = "projected from the rule in force" if cycle.projected else "held (from the data)"
    print(f"Next UNESCO Learning City Award after {after.isoformat()}: {cycle.year}")
    print(f"  edition:    {_ordinal(cycle.edition)} ({kind})")
    print(f"  conference: {'not yet known' if conference is None else _conference_line(conference)}")
    return 0


def _eligibility(net: Network, args: argparse.Namespace) -> int:
    try:
        from .eligibility import check_award_eligibility
    except ImportError:
        raise _UnavailableError(
            "eligibility needs learning_cities.eligibility, which this installation lacks"
        ) from None
    city = net.city(" ".join(args.city))
    report = check_award_eligibility(city, args.award)
    results = [
        {
            "criterion": r.criterion,
            "outcome": getattr(r.outcome, "value", r.outcome),
            "reason": r.reason,
            "source": r.source,
        }
        for r in report.results
    ]
    if args.json:
        _emit_json({"city": city.id, "award": args.award, "eligible": report.eligible, "results": results})
        return 0
    verdict = {True: "eligible", False: "not eligible", None: "cannot be decided from the data"}[report.eligible]
    print(f"{city.name} ({city.country.name}) for the {args.award} UNESCO Learning City Award: {verdict}")
    for result in results:
        print(f"  [{result['outcome']}] {result['criterion']}: {result['reason']}")
        print(f"      source: {result['source']}")
    return 0


def _export(net: Network, args: argparse.Namespace) -> int:
    fmt = args.format
    if args.json:
        if fmt == "csv":
            raise _UsageError("--json and --format csv contradict each other")
        fmt = "json"
    if fmt == "json":
        _emit_json(net.to_records())
    else:
        from .exports import write_csv

        write_csv(net, sys.stdout)
    return 0


class _UnavailableError(Exception):
    """A command whose module is not installed (exit status 1)."""


# -- the parser ----------------------------------------------------------------------------


def _year(text: str) -> int:
    if not (text.isascii() and text.isdigit() and len(text) == 4):
        raise argparse.ArgumentTypeError(f"expected a year such as 2024, not {text!r}")
    return int(text)


def _positive(text: str) -> int:
    if not (text.isascii() and text.isdigit()) or int(text) < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, not {text!r}")
    return int(text)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``learning-cities`` command."""
    json_flag = argparse.ArgumentParser(add_help=False)
    json_flag.add_argument(
        "--json", action="store_true", default=argparse.SUPPRESS, help="print machine-readable JSON instead of text"
    )
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="The UNESCO Global Network of Learning Cities: member cities, cohorts, awards, from sourced data.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        parents=[json_flag],
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", title="commands")

    def add(name: str, run: Callable[[Network, argparse.Namespace], int], help: str, epilog: str) -> Any:
        sub = commands.add_parser(
            name,
            help=help,
            description=help,
            epilog="example:\n  " + epilog,
            formatter_class=argparse.RawDescriptionHelpFormatter,
            parents=[json_flag],
        )
        sub.set_defaults(run=run)
        return sub

    add(
        "summary",
        _summary,
        "the network at a glance: members held vs reported per cohort, countries, regions, awards, data date",
        "learning-cities summary",
    )
    sub = add(
        "city",
        _city,
        "one city: country, region, joined, awards, local names, sources",
        'learning-cities city "Khon Kaen"',
    )
    sub.add_argument("name", nargs="+", help="an id, name, alias or local name (case and accents do not matter)")
    sub = add(
        "search", _search, "member cities whose names are close to TEXT, best first", "learning-cities search kon kaen"
    )
    sub.add_argument("text", nargs="+", help="the text to match")
    sub.add_argument("--limit", type=_positive, default=5, help="at most this many matches (default 5)")
    sub = add(
        "country",
        _country,
        "one country: its region and the member cities held",
        "learning-cities country Thailand",
    )
    sub.add_argument("name", nargs="+", help="an ISO alpha-2 or alpha-3 code, UNESCO's name, or another name")
    sub = add(
        "cohort", _cohort, "one admission round with its cities and UNESCO's figures", "learning-cities cohort 2024"
    )
    sub.add_argument("year", type=_year, help="the year of the round, e.g. 2024")
    sub = add(
        "awards", _awards, "UNESCO Learning City Award editions and their laureates", "learning-cities awards 2017"
    )
    sub.add_argument("year", type=_year, nargs="?", help="one edition's year (default: every edition)")
    sub = add(
        "next-award",
        _next_award,
        "the next award cycle after a date, held or projected",
        "learning-cities next-award --after 2025-01-01",
    )
    sub.add_argument("--after", type=_parse_date, metavar="YYYY-MM-DD", help="the date to look from (default: today)")
    sub = add(
        "eligibility",
        _eligibility,
        "whether a member city may apply for an award edition, criterion by criterion",
        "learning-cities eligibility Cork --award 2027",
    )
    sub.add_argument("city", nargs="+", help="the city's id, name or local name")
    sub.add_argument("--award", type=_year, required=True, metavar="YEAR", help="the award edition's year")
    sub = add(
        "export", _export, "every city as one flat row, to standard output", "learning-cities export --format csv"
    )
    sub.add_argument("--format", choices=("csv", "json"), default=None, help="csv (the default) or json")
    return parser


def _version() -> str:
    from ._version import __version__

    return __version__


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line ``argv`` (default: ``sys.argv[1:]``); return the exit status."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit:  # --help, --version, or a usage error already printed
        return exit.code if isinstance(exit.code, int) else 2
    if not hasattr(args, "json"):
        args.json = False
    run: Callable[[Network, argparse.Namespace], int] = getattr(args, "run", _summary)
    if isinstance(sys.stdout, io.TextIOWrapper):  # a console that cannot show Thai gets \\u escapes
        sys.stdout.reconfigure(errors="backslashreplace")
    try:
        return run(load(), args)
    except _UsageError as error:
        parser.print_usage(sys.stderr)
        print(f"{PROG}: error: {error}", file=sys.stderr)
        return 2
    except (AmbiguousCityError, LearningCitiesError, _UnavailableError) as error:
        print(f"{PROG}: error: {error}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # the reader (e.g. `| head`) stopped early: not an error
        _silence_stdout()
        return 0


def _silence_stdout() -> None:
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, io.UnsupportedOperation):
        pass
    finally:
        os.close(devnull)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
