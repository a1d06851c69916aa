"""Review new research rows before they enter the package data.

Usage: ``python tools/check_research.py``. For every row of ``reference/research/*.csv``
(not the ``*_updates.csv`` files) it reports problems a contributor must fix (wrong
columns, a missing source, a year outside the known rounds; exit status 1), and lists for
review the rows the build will merge with another (the same name and country in another
file, or an award laureate of that name) and names that look like a city the data already
holds under another spelling (a possible duplicate). The build (``tools/build.py``)
then refuses unknown countries and regions.

"""

from __future__ import annotations

import csv
from difflib import SequenceMatcher

from buildlib import REFERENCE, fold, read_rows

COLUMNS = ["city", "country", "country_code", "region", "year_joined", "source_url", "notes", "local_names"]
# Rolling admission before the first cohort (2015-2018), then the rounds of cohorts.csv.
YEARS = {
    "",
    "2015",
    "2016",
    "2017",
    "2018",
    *(row["cohort_year"] for row in read_rows(REFERENCE / "upstream" / "cohorts.csv")),
}


def _held() -> dict[str, list[tuple[str, str]]]:
    held: dict[str, list[tuple[str, str]]] = {}
    files = [REFERENCE / "upstream" / "members.csv", REFERENCE / "upstream" / "awards.csv"]
    for path in files:
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                code = row.get("country_code") or row["country"]
                held.setdefault(code, []).append((row["city"], str(path.relative_to(REFERENCE))))
    return held


def check() -> tuple[list[str], list[str]]:
    """Problems and rows to review, as ``file:line: message`` strings."""
    problems: list[str] = []
    review: list[str] = []
    held = _held()
    seen: dict[tuple[str, str], str] = {}
    for path in sorted((REFERENCE / "research").glob("*.csv")):
        if path.stem.endswith("_updates"):
            continue
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            if reader.fieldnames != COLUMNS:
                problems.append(f"{path.name}: columns {reader.fieldnames} should be {COLUMNS}")
                continue
            for line, row in enumerate(reader, start=2):
                where = f"{path.name}:{line}"
                if not row["source_url"].strip():
                    problems.append(f"{where}: {row['city']} has no source")
                if row["year_joined"].strip() not in YEARS:
                    problems.append(f"{where}: {row['city']} has year {row['year_joined']!r}")
                key = (fold(row["city"]), row["country_code"])
                if key in seen:
                    review.append(f"{where}: {row['city']} merges with the row in {seen[key]}")
                seen[key] = where
                for name, origin in held.get(row["country_code"], []) + held.get(row["country"], []):
                    if fold(name) == fold(row["city"]):
                        review.append(f"{where}: {row['city']} merges with {name!r} of {origin}")
                        continue
                    similarity = SequenceMatcher(None, fold(name), fold(row["city"])).ratio()
                    if similarity >= 0.8 or fold(name) in fold(row["city"]) or fold(row["city"]) in fold(name):
                        review.append(f"{where}: {row['city']} looks like {name!r} of {origin}: one city?")
    return problems, review


def main() -> int:
    problems, review = check()
    for line in review:
        print(f"review: {line}")
    for problem in problems:
        print(f"problem: {problem}")
    print(f"{len(problems)} problem(s), {len(review)} row(s) to review")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
