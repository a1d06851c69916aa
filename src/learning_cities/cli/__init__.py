"""The ``learning-cities`` command; ``python -m learning_cities`` is the same program.

Every command computes a result (:mod:`.commands`), then a renderer prints it: text for
people (:mod:`.render_text`, in English or, with ``--lang th``, in Thai with Buddhist Era
years) or JSON with ``--json`` (:mod:`.render_json`). :func:`main` writes to the streams it
is given and never reconfigures them. Errors go to standard error without a traceback:
exit status 2 for bad usage (a Buddhist Era year given as Common Era among them), 1 for an
unknown city, country or year.

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
import sys
from collections.abc import Callable, Sequence
from typing import IO, Any, NamedTuple

from .. import load
from .._checks import require_str
from .._repr import shown
from ..eligibility import MembershipApplication
from ..exports import write_rows
from ..network import Network
from . import commands, releases
from .arguments import (
    BE_MARK,
    Era,
    Parser,
    ParserExitError,
    UsageError,
    Writer,
    join_era_marks,
    read_count,
    read_date,
    read_year,
    resolve,
)
from .messages import LANGUAGES, Messages
from .output import Output
from .render_json import to_json
from .render_text import age, render

__all__ = ["PROG", "build_parser", "main"]

#: The command's name, as usage lines and error messages print it.
PROG = "learning-cities"

EXAMPLES = f"""\
examples:
  learning-cities                          the network at a glance (same as: summary)
  learning-cities city "Khon Kaen"         one city; names in any listed language work too
  learning-cities search "kon kaen"        best matches for a misspelt name
  learning-cities country TH               a country's member cities
  learning-cities cohort 2024              one admission round, its cities and UNESCO's figures
  learning-cities awards 2027              one award edition, held or projected
  learning-cities next-award --after 2025-01-01
  learning-cities eligibility Cork --award 2027
  learning-cities members --on 2024-02-14  the members on a date, the undated apart
  learning-cities membership Nan --country TH --on 2025-06-01 --mayor-endorsed
  learning-cities conferences              the International Conferences on Learning Cities
  learning-cities export --format csv --excel > cities.csv
  learning-cities export --format network > old.json   the whole network, to compare later
  learning-cities diff old.json            what changed since: by section, old -> new
  learning-cities summary --json           any command: machine-readable JSON
  learning-cities --lang th city Bangkok   Thai labels, Thai names, Buddhist Era years
  learning-cities --be cohort 2567         years and dates given in the Buddhist Era
  learning-cities cohort "{BE_MARK} 2567"        the same, marked in Thai

Years and dates are Common Era unless --be is given or the year is marked {BE_MARK};
with --lang th a year from 2400 on is read as Buddhist Era.

exit status: 0 success, 1 unknown city, country or year, 2 bad usage
"""

Runner = Callable[[Network, argparse.Namespace, dt.date], Any]


def _positive(text: str) -> int:
    number = read_count(text)
    if number < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, not {shown(text)}")
    return number


def _words(args: argparse.Namespace, name: str) -> str:
    return " ".join(getattr(args, name))


def _export(net: Network, args: argparse.Namespace, today: dt.date) -> commands.Export:
    fmt: str | None = args.format
    if args.json:
        if fmt == "csv":
            raise UsageError("--json and --format csv contradict each other")
        fmt = fmt or "json"
    if args.excel:
        if fmt in ("json", "geojson", "network"):
            raise UsageError("--excel writes CSV for spreadsheets; it does not go with JSON")
        fmt = "csv"
    return commands.export(net, fmt or "csv", args.excel)


def _membership(net: Network, args: argparse.Namespace, today: dt.date) -> commands.MembershipEligibility:
    application = MembershipApplication(
        city=_words(args, "city"),
        country=args.country,
        submitted_on=args.on,
        mayor_endorsed=args.mayor_endorsed,
        national_commission_endorsed=args.national_commission_endorsed,
        commits_to_guiding_documents=args.commits_to_guiding_documents,
        track_record=args.track_record,
        population=args.population,
    )
    return commands.membership(net, application)


#: One option or positional argument of a command: ``add_argument``'s names and keywords.
_Argument = tuple[tuple[str, ...], dict[str, Any]]


class _Command(NamedTuple):
    """A command of the ``learning-cities`` program: what it runs, says and takes."""

    run: Runner
    summary: str
    example: str
    arguments: tuple[_Argument, ...] = ()


#: The yes/no statements of a membership application, as ``--flag`` / ``--no-flag`` options.
_STATEMENTS: tuple[_Argument, ...] = tuple(
    ((f"--{flag}",), {"action": argparse.BooleanOptionalAction, "default": None, "help": f"whether {what}"})
    for flag, what in (
        ("mayor-endorsed", "the mayor endorses the application"),
        ("national-commission-endorsed", "the National Commission for UNESCO endorses it"),
        ("commits-to-guiding-documents", "the city commits to the Beijing Declaration and the Key Features"),
        ("track-record", "the city has a track record of good policy and practice in lifelong learning"),
    )
)

_COMMANDS: dict[str, _Command] = {
    "summary": _Command(
        lambda net, args, today: commands.summary(net, today),
        "the network at a glance: members held vs reported per cohort, countries, regions, awards, data date",
        "learning-cities summary",
    ),
    "city": _Command(
        lambda net, args, today: commands.city(net, _words(args, "name"), args.country),
        "one city: country, region, joined, member since, awards, local names, sources",
        'learning-cities city "La Paz" --country MX',
        (
            (("name",), {"nargs": "+", "help": "an id, name, alias or local name (case and accents do not matter)"}),
            (
                ("--country",),
                {"metavar": "CC", "help": "its country (ISO code or name), for a name several members share"},
            ),
        ),
    ),
    "search": _Command(
        lambda net, args, today: commands.search(net, _words(args, "text"), args.limit),
        "member cities whose names are close to TEXT, best first",
        "learning-cities search kon kaen",
        (
            (("text",), {"nargs": "+", "help": "the text to match"}),
            (("--limit",), {"type": _positive, "default": 5, "help": "at most this many matches (default 5)"}),
        ),
    ),
    "country": _Command(
        lambda net, args, today: commands.country(net, _words(args, "name")),
        "one country: its region and the member cities held",
        "learning-cities country Thailand",
        ((("name",), {"nargs": "+", "help": "an ISO alpha-2 or alpha-3 code, UNESCO's name, or another name"}),),
    ),
    "cohort": _Command(
        lambda net, args, today: commands.cohort(net, args.year),
        "one admission round with its cities and UNESCO's figures",
        "learning-cities cohort 2024",
        ((("year",), {"type": read_year, "help": "the year of the round, e.g. 2024"}),),
    ),
    "awards": _Command(
        lambda net, args, today: commands.awards(net, args.year, today),
        "UNESCO Learning City Award editions and their laureates; a later year is projected",
        "learning-cities awards 2017",
        ((("year",), {"type": read_year, "nargs": "?", "help": "one edition's year (default: every edition)"}),),
    ),
    "next-award": _Command(
        lambda net, args, today: commands.next_award(net, today if args.after is None else args.after),
        "the next award cycle after a date, held or projected",
        "learning-cities next-award --after 2025-01-01",
        (
            (
                ("--after",),
                {"type": read_date, "metavar": "YYYY-MM-DD", "help": "the date to look from (default: today)"},
            ),
        ),
    ),
    "eligibility": _Command(
        lambda net, args, today: commands.award_eligibility(net, _words(args, "city"), args.award),
        "whether a member city may apply for an award edition, criterion by criterion",
        "learning-cities eligibility Cork --award 2027",
        (
            (("city",), {"nargs": "+", "help": "the city's id, name or local name"}),
            (
                ("--award",),
                {"type": read_year, "required": True, "metavar": "YEAR", "help": "the award edition's year"},
            ),
        ),
    ),
    "members": _Command(
        lambda net, args, today: commands.members(net, today if args.on is None else args.on, today),
        "the members on a date, with the undated active records shown apart",
        "learning-cities members --on 2024-02-14",
        ((("--on",), {"type": read_date, "metavar": "YYYY-MM-DD", "help": "the date (default: today)"}),),
    ),
    "membership": _Command(
        _membership,
        "whether a city may apply to join on a date, criterion by criterion",
        "learning-cities membership Nan --country TH --on 2025-06-01 --mayor-endorsed --population 20000",
        (
            (("city",), {"nargs": "+", "help": "the applying city's name"}),
            (("--country",), {"required": True, "metavar": "CC", "help": "its country: ISO code or name"}),
            (("--on",), {"type": read_date, "required": True, "metavar": "YYYY-MM-DD", "help": "the day it applies"}),
            *_STATEMENTS,
            (("--population",), {"type": read_count, "metavar": "N", "help": "the city's population"}),
        ),
    ),
    "conferences": _Command(
        lambda net, args, today: commands.conferences(net),
        "the International Conferences on Learning Cities: number, year, dates, host, theme",
        "learning-cities conferences",
    ),
    "export": _Command(
        _export,
        "every city as one flat row (or the whole network as one document), to standard output",
        "learning-cities export --format csv --excel > cities.csv",
        (
            (
                ("--format",),
                {
                    "choices": ("csv", "json", "geojson", "network"),
                    "default": None,
                    "help": "csv (the default), json, geojson "
                    "(an RFC 7946 FeatureCollection of the located members), or network "
                    "(the whole network as one document, for learning-cities diff)",
                },
            ),
            (
                ("--excel",),
                {
                    "action": "store_true",
                    "help": "CSV for spreadsheets: a UTF-8 byte order mark, so they show every name, and a ' "
                    "before any cell that would start a formula (= + - @)",
                },
            ),
        ),
    ),
    "diff": _Command(
        lambda net, args, today: releases.diff_report(net, args.old, args.new),
        "what changed from one network document to another (default: the installed data), by section",
        "learning-cities diff reference/releases/0.1.0.json",
        (
            (("old",), {"metavar": "OLD.json", "help": "a network document (learning-cities export --format network)"}),
            (("new",), {"metavar": "NEW.json", "nargs": "?", "help": "another one (default: the installed data)"}),
        ),
    ),
}


class _Version(argparse.Action):
    """``--version``: the library's version and the date and age of its data, on the day it runs."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: Any) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, **kwargs)

    def __call__(self, parser: argparse.ArgumentParser, *_: Any) -> None:
        data_as_of = load().data_as_of
        data = f"data as of {data_as_of.isoformat()}, {age(data_as_of, dt.date.today(), Messages('en'))}"
        parser._print_message(f"{PROG} {_version()} ({data})\n", sys.stdout)
        parser.exit()


def build_parser(stdout: Writer | None = None, stderr: Writer | None = None) -> argparse.ArgumentParser:
    """The argument parser of the ``learning-cities`` command, printing help to ``stdout``.

    >>> args = build_parser().parse_args(["cohort", "2024", "--json"])
    >>> args.command, args.year.value, args.json
    ('cohort', 2024, True)
    """
    streams: tuple[Writer, Writer] = (
        sys.stdout if stdout is None else stdout,
        sys.stderr if stderr is None else stderr,
    )
    common = Parser(add_help=False, streams=streams)
    suppress: Any = argparse.SUPPRESS
    common.add_argument("--json", action="store_true", default=suppress, help="print machine-readable JSON")
    common.add_argument(
        "--lang", choices=LANGUAGES, default=suppress, help="language of the text: en (default) or th (Thai)"
    )
    common.add_argument(
        "--be", action="store_true", default=suppress, help=f"years and dates given are Buddhist Era ({BE_MARK})"
    )
    parser = Parser(
        prog=PROG,
        description="The UNESCO Global Network of Learning Cities: member cities, cohorts, awards, from sourced data.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        parents=[common],
        streams=streams,
    )
    parser.add_argument("--version", action=_Version, help="print the version and the data's date and age, then exit")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", title="commands")
    for name, (run, summary, example, arguments) in _COMMANDS.items():
        sub = subparsers.add_parser(
            name,
            help=summary,
            description=summary,
            epilog="example:\n  " + example,
            formatter_class=argparse.RawDescriptionHelpFormatter,
            parents=[common],
            streams=streams,
        )
        sub.set_defaults(run=run, usage=sub.format_usage)
        for names, options in arguments:
            sub.add_argument(*names, **options)
    return parser


def _version() -> str:
    from .._version import __version__

    return __version__


def _arguments(argv: Sequence[str] | None) -> list[str]:
    if argv is None:
        return sys.argv[1:]
    if isinstance(argv, str) or not isinstance(argv, Sequence):
        raise TypeError(f"argv must be a list of str, not {type(argv).__name__}")
    return [require_str("each argument", word) for word in argv]


def _csv(rows: list[dict[str, Any]], excel: bool) -> str:
    text = io.StringIO()
    write_rows(rows, text, excel=excel)  # for a spreadsheet, cells that would start a formula are neutralised
    return text.getvalue()


def _write(result: object, args: argparse.Namespace, out: Output) -> None:
    if isinstance(result, commands.Export) and result.format == "csv":
        text = _csv(result.rows, result.excel)
        if result.excel:  # the byte order mark tells spreadsheet programs the file is UTF-8
            out.write_bytes(("\ufeff" + text).encode("utf-8"))
        else:
            out.write(text)
    elif args.json or isinstance(result, commands.Export):
        out.json(to_json(result))
    else:
        out.write(render(result, Messages(args.lang)))


def _run(args: argparse.Namespace, today: dt.date) -> object:
    for flag, default in (("json", False), ("lang", "en"), ("be", False)):
        if not hasattr(args, flag):
            setattr(args, flag, default)
    # a language that writes years in another era (Thai) reads them in it too
    language_era = Era.EITHER if Messages(args.lang).era_offset else Era.COMMON
    resolve(args, Era.BUDDHIST if args.be else language_era)
    run: Runner = getattr(args, "run", _COMMANDS["summary"].run)
    return run(load(), args, today)


def main(argv: Sequence[str] | None = None, stdout: IO[str] | None = None, stderr: IO[str] | None = None) -> int:
    """Run the command line ``argv`` (default ``sys.argv[1:]``); return the exit status.

    Output goes to ``stdout`` and errors to ``stderr`` (default: ``sys.stdout`` and
    ``sys.stderr`` at the time of the call), which are written to, never reconfigured.

    >>> import io
    >>> out, err = io.StringIO(), io.StringIO()
    >>> main(["cohort", "2567"], stdout=out, stderr=err), out.getvalue()
    (2, '')
    >>> print(err.getvalue().splitlines()[-1])
    learning-cities: error: year 2567 looks like a Buddhist Era year; ... pass --be ...
    >>> main(["--be", "cohort", "2567", "--json"], stdout=out), '"year": 2024' in out.getvalue()
    (0, True)
    """
    out = Output(sys.stdout if stdout is None else stdout)
    err = Output(sys.stderr if stderr is None else stderr)
    words = join_era_marks(_arguments(argv))
    try:
        parser = build_parser(out, err)
        try:
            args = parser.parse_args(words)
        except ParserExitError as done:
            return done.status
        try:
            result = _run(args, dt.date.today())
        except UsageError as error:
            err.write(getattr(args, "usage", parser.format_usage)())
            err.line(f"{PROG}: error: {error}")
            return 2
        except (LookupError, releases.DocumentFileError) as error:
            err.line(f"{PROG}: error: {error}")
            return 1
        except ValueError as error:
            err.line(f"{PROG}: error: {error}")
            return 2
        _write(result, args, out)
        out.flush()
    except BrokenPipeError:  # the reader (e.g. `| head`) stopped early: not an error
        out.discard()
    return 0
