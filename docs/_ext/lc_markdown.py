"""Markdown for generated pages: escaped table cells, numbers, tables, and writing a page.

Every generated page is a list of Markdown lines written into ``docs/_generated/`` (ignored
by git, excluded from the toctree) and pulled into a page with ``{include}``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from pathlib import Path

DOCS = Path(__file__).resolve().parent.parent
ROOT = DOCS.parent
OUT = DOCS / "_generated"

_ESCAPE = re.compile(r"([\\`*_\[\]<>|{}#])")


def text(value: object) -> str:
    """Plain text for a Markdown table cell: special characters escaped, no line breaks."""
    return _ESCAPE.sub(r"\\\1", " ".join(str(value).split()))


def number(value: int | None) -> str:
    """A count with thousands separators; ``–`` for an unknown one."""
    return "–" if value is None else f"{value:,}"


def year(value: int | None) -> str:
    """A year; ``–`` for an unknown one."""
    return "–" if value is None else str(value)


def source(value: str) -> str:
    """A source as a link where it is a URL, else as escaped text."""
    value = value.strip()
    if re.fullmatch(r"https?://\S+", value):
        return f"<{value}>"
    return text(value)


def sources(values: Iterable[str]) -> str:
    """Several sources, separated by semicolons; ``–`` for none."""
    return "; ".join(source(v) for v in values) or "–"


def table(header: Sequence[str], rows: Iterable[Sequence[str]], align: str = "") -> list[str]:
    """A Markdown table; ``align`` has one letter per column (``l`` or ``r``), left by default."""
    marks = [("---:" if a == "r" else "---") for a in align.ljust(len(header), "l")]
    lines = ["| " + " | ".join(header) + " |", "| " + " | ".join(marks) + " |"]
    lines.extend("| " + " | ".join(row) + " |" for row in rows)
    return [*lines, ""]


def write(name: str, lines: list[str]) -> Path:
    """Write ``lines`` to ``docs/_generated/<name>``, leaving an unchanged file untouched."""
    OUT.mkdir(exist_ok=True)
    path = OUT / name
    content = "\n".join(lines).rstrip() + "\n"
    if not path.exists() or path.read_text(encoding="utf-8") != content:
        path.write_text(content, encoding="utf-8")
    return path


@functools.cache
def repository_url() -> str | None:
    """The repository's URL: ``[project.urls] Source`` of the installed package's metadata."""
    from importlib import metadata

    try:
        urls = metadata.metadata("learning-cities").get_all("Project-URL") or []
    except metadata.PackageNotFoundError:  # pragma: no cover - the docs build installs the package
        return None
    for entry in urls:
        label, _, url = entry.partition(",")
        if label.strip().casefold() == "source" and url.strip().startswith("https://"):
            return url.strip().rstrip("/")
    return None


def repository_link(path: str) -> str:
    """A file of the repository by its path, linked to the repository's copy where its URL is known."""
    url = repository_url()
    if url is None:
        return f"`{path}`"
    return f"[`{path}`]({url}/blob/main/{path})"
