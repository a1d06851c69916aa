"""What every stage of the build shares: paths, reading the reference CSVs, cells, names, writing.

The one module of helpers for ``tools/``: a stage imports what it needs from here by its
public name, never another stage's private helpers. Reading is strict: a bad row raises
:class:`BuildError` naming the file, the line and the column, so a maintainer can go
straight to the cell.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import re
import sys
import tempfile
import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = ROOT / "reference"
GENERATED = REFERENCE / "generated"
PACKAGE = ROOT / "src" / "learning_cities"

if str(ROOT / "src") not in sys.path:  # run from a source checkout: build with its own package
    sys.path.insert(0, str(ROOT / "src"))

_SLUG_FOLD = str.maketrans({"đ": "d", "ł": "l", "ø": "o", "ß": "ss", "æ": "ae", "ı": "i", "œ": "oe"})


class BuildError(Exception):
    """The committed inputs cannot be built as they stand; the message says where and why."""


class Row(dict[str, str]):
    """One row of a reference CSV: its cells by column (stripped), and where it stands."""

    def __init__(self, cells: Mapping[str, str], path: Path, line: int) -> None:
        super().__init__(cells)
        self.path = path
        self.line = line

    @property
    def where(self) -> str:
        """``reference/upstream/members.csv:12``: the file (from the repository root) and line."""
        return f"{shown(self.path)}:{self.line}"

    def at(self, column: str) -> str:
        """Where one cell stands: ``reference/upstream/cohorts.csv:7, column new_cities``."""
        return f"{self.where}, column {column}"

    def fail(self, column: str, message: str) -> BuildError:
        """An error about one cell, naming its file, line and column."""
        return BuildError(f"{self.at(column)}: {message}")


@dataclass(frozen=True)
class Product:
    """What a stage of the build gives: a value for the later stages, and the content of the files it makes.

    A file's content is text (written as UTF-8) or, for a binary file such as a compiled
    gettext catalog, bytes.
    """

    value: Any
    files: Mapping[Path, str | bytes] = field(default_factory=dict)


def read_rows(path: Path, columns: Sequence[str] | None = None) -> list[Row]:
    """Every row of a UTF-8 CSV file, checked for shape (and, given ``columns``, for its header)."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        line = path.read_bytes()[: error.start].count(b"\n") + 1
        raise BuildError(f"{shown(path)}:{line}: not UTF-8 ({error.reason})") from None
    return parse_rows(text, path, columns)


def parse_rows(text: str, path: Path, columns: Sequence[str] | None = None) -> list[Row]:
    """The rows of CSV ``text`` that stands (or will stand) at ``path``, checked as :func:`read_rows` checks."""
    reader = csv.reader(io.StringIO(text, newline=""))
    rows: list[Row] = []
    start = 1
    header: list[str] = []
    try:
        for cells in reader:
            where = Row({}, path, start)
            if not header:
                header = [cell.strip() for cell in cells]
                if columns is not None and tuple(header) != tuple(columns):
                    raise BuildError(f"{where.where}: the header must be {','.join(columns)}")
            elif len(cells) != len(header):
                column = header[len(cells)] if len(cells) < len(header) else f"{len(header) + 1} (no such column)"
                raise BuildError(f"{where.at(column)}: {len(cells)} cells where the header has {len(header)} columns")
            else:
                rows.append(Row({key: value.strip() for key, value in zip(header, cells, strict=True)}, path, start))
            start = reader.line_num + 1
    except csv.Error as error:
        raise BuildError(f"{Row({}, path, start).where}: {error}") from None
    return rows


def urls(text: str) -> list[str]:
    """The URLs of a `` ; ``-separated cell, each once, in order."""
    return list(dict.fromkeys(part.strip() for part in text.split(" ; ") if part.strip()))


def year(row: Row, column: str) -> int | None:
    """A four-digit year cell, or ``None`` when it is empty."""
    text = row[column]
    if not text:
        return None
    if not re.fullmatch(r"\d{4}", text):
        raise row.fail(column, f"year {text!r} is not a four-digit year")
    return int(text)


def whole(row: Row, column: str) -> int:
    """A whole-number cell."""
    text = row[column]
    if not re.fullmatch(r"\d+", text):
        raise row.fail(column, f"{text!r} is not a whole number")
    return int(text)


def number(row: Row, column: str) -> float:
    """A decimal-number cell."""
    try:
        return float(row[column])
    except ValueError:
        raise row.fail(column, f"{row[column]!r} is not a number") from None


def iso_date(row: Row, column: str) -> str:
    """A ``YYYY-MM-DD`` cell, as ISO text."""
    try:
        return dt.date.fromisoformat(row[column]).isoformat()
    except ValueError:
        raise row.fail(column, f"{row[column]!r} is not a date (YYYY-MM-DD)") from None


def slug(name: str) -> str:
    """A readable slug of a name: ASCII where the name has Latin letters, its own script otherwise.

    ``"Sønderborg"`` -> ``"sonderborg"``; ``"서울"`` -> ``"서울"`` (never ``""`` for a name with a
    letter, so two cities named in another script cannot merge into one id).
    """
    folded = unicodedata.normalize("NFKD", name.casefold().translate(_SLUG_FOLD))
    ascii_slug = re.sub(r"[^a-z0-9]+", "-", folded.encode("ascii", "ignore").decode("ascii")).strip("-")
    if ascii_slug:
        return ascii_slug
    kept = "".join(char if char.isalnum() else "-" for char in unicodedata.normalize("NFC", folded))
    return re.sub(r"-+", "-", kept).strip("-")


def fold(name: str) -> str:
    """The form under which the build takes two spellings of a name as one (``slug``, apostrophes as one)."""
    return slug(name.replace("’", "'"))


def csv_text(header: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """CSV text as every generated file is written: ``\\n`` line ends, minimal quoting."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue()


def content(data: str | bytes) -> bytes:
    """A file's bytes: text as UTF-8."""
    return data.encode("utf-8") if isinstance(data, str) else data


def stale(outputs: Mapping[Path, str | bytes]) -> list[Path]:
    """The files of ``outputs`` whose committed bytes differ (or that are missing)."""
    return [path for path, data in outputs.items() if not path.exists() or path.read_bytes() != content(data)]


def write_all(outputs: Mapping[Path, str | bytes]) -> None:
    """Write every file, each through a temporary file renamed into place, after all were computed."""
    for path, data in outputs.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(content(data))
            os.chmod(temporary, 0o644)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise


def shown(path: Path) -> str:
    """A path as the build reports it: from the repository root."""
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


def rows_of(paths: Iterable[Path]) -> Iterator[Row]:
    """The rows of several files, in order."""
    for path in paths:
        yield from read_rows(path)
