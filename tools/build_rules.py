"""The rules stage of the build (run by ``tools/build.py``): the packaged rules file from its tables.

Data flows one way::

    reference/curated/rules.csv              every criterion: id, sentence, calls, threshold, source
    reference/curated/membership_calls.csv   the calls for members, with their windows
    reference/curated/award_calls.csv        the award calls, with their deadlines
        -> src/learning_cities/data/rules.json

Run ``python tools/build.py`` after changing any of these tables and commit the result:
``python tools/build.py --check`` (run by the tests) fails while the packaged file differs
from what the build makes, so every rule change is a reviewable diff. Each row becomes a
record through the package's own classes (:mod:`learning_cities.rules`), so the build
refuses exactly what the package would; an error names the file, line and column.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from buildlib import PACKAGE, REFERENCE, BuildError, Product, Row, read_rows
from learning_cities import _codec, rules
from learning_cities.errors import DataError

CURATED = REFERENCE / "curated"
OUTPUT = PACKAGE / "data" / "rules.json"

TABLES: dict[str, tuple[str, type[Any]]] = {
    "membership_calls": ("membership_calls.csv", rules.MembershipCall),
    "award_calls": ("award_calls.csv", rules.AwardCall),
    "rules": ("rules.csv", rules.Rule),
}


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


def _record(row: Row, kind: type[Any]) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for column, text in row.items():
        field, read = _COLUMNS.get(column, (column, str))
        try:
            value = read(text)
        except ValueError as error:
            raise row.fail(column, str(error)) from None
        if value in ("", None):
            continue  # an empty cell: the field's default
        data[field] = value
    if kind is rules.Rule:  # a rule cites one source
        sources = data.pop("sources", [])
        if len(sources) != 1:
            raise row.fail("source_url", f"a rule cites exactly one source_url, not {len(sources)}")
        data["source"] = sources[0]
    return data


def build(tables: Path = CURATED) -> dict[str, Any]:
    """The packaged file's content, from the tables in ``tables``, checked by the package's own classes."""
    data: dict[str, Any] = {"schema": rules.SCHEMA_VERSION}
    for key, (name, kind) in TABLES.items():
        records = []
        for row in read_rows(tables / name):
            try:
                records.append(rules.encode(rules.decode(kind, _record(row, kind))))
            except (TypeError, ValueError) as error:
                raise BuildError(f"{row.where}: {error}") from None
        data[key] = records
    try:
        rules.parse(render(data), "the tables")
    except DataError as error:
        raise BuildError(str(error)) from None
    return data


def render(data: dict[str, Any]) -> str:
    """The packaged file's exact text, written as the package's data file is: one record per line."""
    return _codec.render({"schema": data["schema"], **{key: data[key] for key in TABLES}})


def stage() -> Product:
    """The rules stage: the packaged rules file's content, and its text."""
    data = build()
    return Product(data, {OUTPUT: render(data)})
