"""Build the packaged rules file from the reviewable rules and calls tables.

Data flows one way::

    reference/curated/rules.csv              every criterion: id, sentence, calls, threshold, source
    reference/curated/membership_calls.csv   the calls for members, with their windows
    reference/curated/award_calls.csv        the award calls, with their deadlines
        -> src/learning_cities/data/rules.json

Run ``python tools/build_rules.py`` after changing any of these tables and commit the
result: ``tests/test_eligibility_rules.py`` fails while the packaged file differs
from what this script makes, so every rule change is a reviewable diff. ``--check`` only
compares. Each row becomes a record through the package's own classes
(:mod:`learning_cities.rules`), so the build refuses exactly what the package would; an
error names the file and line.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from _generated import write_or_check

ROOT = Path(__file__).resolve().parent.parent
CURATED = ROOT / "reference" / "curated"
OUTPUT = ROOT / "src" / "learning_cities" / "data" / "rules.json"

try:
    from learning_cities import _codec, rules
    from learning_cities.errors import DataError
except ImportError:  # run without installing: use the source tree's package
    sys.path.insert(0, str(ROOT / "src"))
    from learning_cities import _codec, rules
    from learning_cities.errors import DataError

TABLES: dict[str, tuple[str, type[Any]]] = {
    "membership_calls": ("membership_calls.csv", rules.MembershipCall),
    "award_calls": ("award_calls.csv", rules.AwardCall),
    "rules": ("rules.csv", rules.Rule),
}


class BuildError(Exception):
    """The tables cannot be turned into package data as they stand."""


def _rows(path: Path) -> Iterator[tuple[str, dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as handle:
        for line_no, row in enumerate(csv.DictReader(handle), start=2):
            where = f"{path.relative_to(ROOT)}:{line_no}"
            if None in row or any(value is None for value in row.values()):
                raise BuildError(f"{where}: wrong number of columns")
            yield where, {key: value.strip() for key, value in row.items()}


def _list(text: str) -> list[str]:
    return [part.strip() for part in text.split(" ; ") if part.strip()]


def _int(text: str) -> int | None:
    if not text:
        return None
    if not re.fullmatch(r"[0-9]+", text):
        raise ValueError(f"{text!r} is not a whole number")
    return int(text)


def _flag(text: str) -> bool:
    if text not in ("yes", "no"):
        raise ValueError(f"expected yes or no, not {text!r}")
    return text == "yes"


# How each CSV column becomes a JSON field: (field, reader). Columns not listed are copied.
_COLUMNS: dict[str, tuple[str, Callable[[str], Any]]] = {
    "source_url": ("sources", _list),
    "notes": ("note", str),
    "applies_to": ("applies_to", _list),
    "conflicts": ("conflicts", _list),
    "threshold": ("threshold", _int),
    "cohort": ("cohort", _int),
    "award_year": ("award_year", _int),
    "yearly": ("yearly", _flag),
}


def _record(row: dict[str, str], kind: type[Any]) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for column, text in row.items():
        field, read = _COLUMNS.get(column, (column, str))
        value = read(text)
        if value in ("", None):
            continue  # an empty cell: the field's default
        data[field] = value
    if kind is rules.Rule:  # a rule cites one source
        sources = data.pop("sources", [])
        if len(sources) != 1:
            raise ValueError(f"a rule cites exactly one source_url, not {len(sources)}")
        data["source"] = sources[0]
    return data


def build() -> dict[str, Any]:
    """The packaged file's content, checked by the package's own classes."""
    data: dict[str, Any] = {"schema": rules.SCHEMA_VERSION}
    for key, (name, kind) in TABLES.items():
        records = []
        for where, row in _rows(CURATED / name):
            try:
                records.append(rules.encode(rules.decode(kind, _record(row, kind))))
            except (TypeError, ValueError) as error:
                raise BuildError(f"{where}: {error}") from None
        data[key] = records
    try:
        rules.parse(render(data), "the tables")
    except DataError as error:
        raise BuildError(str(error)) from None
    return data


def render(data: dict[str, Any]) -> str:
    """The packaged file's exact text, written as the package's data file is: one record per line."""
    return _codec.render({"schema": data["schema"], **{key: data[key] for key in TABLES}})


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report whether the packaged file is current")
    args = parser.parse_args(argv)
    try:
        data = build()
    except BuildError as error:
        print(f"build_rules: {error}", file=sys.stderr)
        return 1
    status = write_or_check("build_rules", [(OUTPUT, render(data))], check=args.check)
    if status or args.check:
        return status
    print(
        f"wrote {OUTPUT.relative_to(ROOT)}: {len(data['rules'])} rules, "
        f"{len(data['membership_calls'])} membership calls, {len(data['award_calls'])} award calls"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
