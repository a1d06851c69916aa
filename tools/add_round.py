"""Take a new admission round into the reference data from UNESCO's published list, in one command.

Usage::

    python tools/add_round.py YEAR --announced YYYY-MM-DD --source URL LIST.txt [--dry-run]

``LIST.txt`` is the list as UNESCO publishes it, UTF-8, one member a line: ``City (Country)``
(or ``City, Country``, as some reposts print it), the country in UNESCO's English or French
form. Blank lines and lines starting with ``#`` (a section heading, the list's source) are
skipped. For each line the tool resolves the country (the curated UNESCO names and aliases of
``reference/curated/countries.csv`` and ``country_names.csv``, and CLDR's names in every
language of ``reference/generated/country_names.csv``), then looks the city up among the
members the reference data holds in that country, by every name they have (name, aliases,
local and official names), folded as the package folds a lookup.

``--dry-run`` prints, per line, ``held: <id>`` or ``new: <City> (<ISO2>)`` and writes nothing.
Otherwise each new city becomes a row of ``reference/research/cohort<YEAR>.csv`` with its
cohort year, the announcement date and the source, and the round a row of
``reference/upstream/cohorts.csv`` if it has none (UNESCO's reported figures are left empty
until entered from the release). A line whose country cannot be resolved is named with its
line number, and the tool exits 1 writing nothing. Then run ``python tools/build.py``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import build_data
from buildlib import GENERATED, REFERENCE, BuildError, csv_text, fold, read_rows, shown, write_all
from learning_cities import _text

RESEARCH_COLUMNS = ("city", "country", "country_code", "region", "year_joined", "source_url", "notes", "local_names")
COHORTS = REFERENCE / "upstream" / "cohorts.csv"
_PARENTHESISED = re.compile(r"(?P<city>.*\S)\s*\((?P<country>[^()]+)\)")


@dataclass(frozen=True)
class Line:
    """One member line of a published list."""

    number: int
    city: str
    country: str


@dataclass(frozen=True)
class Verdict:
    """What the reference data makes of one line: a held member's id, or a new city's country code."""

    line: Line
    code: str
    held: str | None

    def __str__(self) -> str:
        return f"held: {self.held}" if self.held else f"new: {self.line.city} ({self.code})"


def read_list(path: Path) -> list[Line]:
    """The member lines of a list file; a line of no known form raises :class:`BuildError` naming it."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise BuildError(f"{path}: not UTF-8 ({error.reason})") from None
    return parse_list(text, path)


def parse_list(text: str, path: Path) -> list[Line]:
    """The member lines of a list's ``text`` (read from ``path``, which errors name)."""
    lines = []
    for number, raw in enumerate(text.splitlines(), start=1):
        entry = raw.strip().lstrip("-•").strip()
        if not entry or entry.startswith("#"):
            continue
        found = _PARENTHESISED.fullmatch(entry)
        if found is not None:
            city, country = found["city"].strip(), found["country"].strip()
        else:
            city, _, country = (part.strip() for part in entry.rpartition(", "))
        if not city or not country:
            raise BuildError(f"{path}:{number}: {entry!r} is not of the form 'City (Country)'")
        lines.append(Line(number, city, country))
    return lines


class CountryNames:
    """Every name form of every curated country: UNESCO's, the curated common forms, CLDR's."""

    def __init__(self) -> None:
        self.countries = build_data.countries()
        self._codes: dict[str, str] = {}
        forms = [(row["code"], row["name"]) for row in read_rows(GENERATED / "country_names.csv")]
        forms += [(row["code"], row["name"]) for row in read_rows(REFERENCE / "curated" / "country_names.csv")]
        for code, name in forms:
            self._codes.setdefault(_text.normalize(name), code)

    def code_of(self, name: str) -> str | None:
        """The ISO code a country name stands for, or ``None``."""
        try:
            return self.countries.code_of(name, "")
        except BuildError:
            return self._codes.get(_text.normalize(name))


def _held(members: Iterable[dict[str, Any]]) -> dict[str, dict[str, tuple[str, ...]]]:
    """By country code: every lookup key of the members held there, as the package builds them."""
    by_country: dict[str, list[SimpleNamespace]] = {}
    for city in members:
        by_country.setdefault(city["country"], []).append(SimpleNamespace(**city))
    return {code: _text.name_keys(cities) for code, cities in by_country.items()}


def judge(lines: Sequence[Line], members: Iterable[dict[str, Any]], names: CountryNames, where: str) -> list[Verdict]:
    """A verdict for every line; raises :class:`BuildError` naming every line whose country is unknown."""
    held = _held(members)
    verdicts, unknown = [], []
    for line in lines:
        code = names.code_of(line.country)
        if code is None:
            unknown.append(f"{where}:{line.number}: country {line.country!r} is not a known country name")
            continue
        key = _text.normalize(line.city)
        keys = held.get(code, {})
        ids = next((keys[form] for form in (key, *_text.variants(key)) if form in keys), ())
        if len(ids) > 1:
            unknown.append(f"{where}:{line.number}: {line.city!r} names several members: {', '.join(ids)}")
            continue
        verdicts.append(Verdict(line, code, ids[0] if ids else None))
    if unknown:
        raise BuildError("\n".join(unknown))
    return verdicts


def new_rows(
    verdicts: Sequence[Verdict], names: CountryNames, year: int, announced: str, source: str
) -> list[list[str]]:
    """The research rows of the new cities, each once, in the list's order."""
    rows: dict[tuple[str, str], list[str]] = {}
    for verdict in verdicts:
        if verdict.held is not None:
            continue
        line = verdict.line
        note = f"In UNESCO's list of the {year} round, announced on {announced}, as '{line.city} ({line.country})'."
        region = names.countries.records[verdict.code]["region"]
        row = [line.city, line.country, verdict.code, region, str(year), source, note, ""]
        rows.setdefault((fold(line.city), verdict.code), row)
    return list(rows.values())


def _cohort_file(year: int, announced: str, source: str) -> str | None:
    """``cohorts.csv`` with a row for the round, or ``None`` when it already has the row."""
    rows = read_rows(COHORTS)
    for row in rows:
        if row["cohort_year"] == str(year):
            if row["announced_on"] != announced:
                raise row.fail(
                    "announced_on", f"the {year} round was announced on {row['announced_on']}, not {announced}"
                )
            return None
    header = list(rows[0]) if rows else []
    added = {"cohort_year": str(year), "announced_on": announced, "source_url": source}
    added["notes"] = "UNESCO's reported figures for this round are not yet entered."
    table = [[row[column] for column in header] for row in rows]
    return csv_text(header, [*table, [added.get(column, "") for column in header]])


def add_round(year: int, announced: str, source: str, path: Path, *, dry_run: bool) -> list[Verdict]:
    """Judge every line of the list; unless ``dry_run``, write the new rows (all of them, or none)."""
    names = CountryNames()
    verdicts = judge(read_list(path), build_data.members()["cities"], names, str(path))
    if dry_run:
        return verdicts
    target = REFERENCE / "research" / f"cohort{year}.csv"
    existing = (
        [[row[column] for column in RESEARCH_COLUMNS] for row in read_rows(target, RESEARCH_COLUMNS)]
        if target.exists()
        else []
    )
    outputs: dict[Path, str | bytes] = {}
    added = new_rows(verdicts, names, year, announced, source)
    if added:
        outputs[target] = csv_text(RESEARCH_COLUMNS, [*existing, *added])
    cohorts = _cohort_file(year, announced, source)
    if cohorts is not None:
        outputs[COHORTS] = cohorts
    write_all(outputs)
    for written in outputs:
        print(f"add_round: wrote {shown(written)}", file=sys.stderr)
    return verdicts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("year", type=int, help="the round's cohort year, e.g. 2027")
    parser.add_argument("--announced", required=True, help="the day UNESCO announced the round (YYYY-MM-DD)")
    parser.add_argument("--source", required=True, help="the URL of the published list")
    parser.add_argument(
        "--dry-run", action="store_true", help="only print, per line, held: <id> or new: <City> (<ISO2>)"
    )
    parser.add_argument("list", type=Path, help="the list, one 'City (Country)' a line (UTF-8)")
    args = parser.parse_args(argv)
    try:
        announced = dt.date.fromisoformat(args.announced).isoformat()
    except ValueError:
        parser.error(f"--announced {args.announced!r} is not a date (YYYY-MM-DD)")
    if not re.fullmatch(r"https?://\S+", args.source):
        parser.error(f"--source {args.source!r} is not a URL")
    try:
        verdicts = add_round(args.year, announced, args.source, args.list, dry_run=args.dry_run)
    except BuildError as error:
        print(f"add_round: {error}", file=sys.stderr)
        print("add_round: nothing was written", file=sys.stderr)
        return 1
    for verdict in verdicts:
        print(verdict)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
