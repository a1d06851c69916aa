"""``learning-cities diff``: what changed between two network documents, and the data's age.

A document is what ``learning-cities export --format network`` (or :func:`learning_cities.to_json`)
writes. :func:`read_network` reads one from a file, and a file that is not one raises
:class:`DocumentFileError` naming the file and what is wrong (the command exits with status 1).

>>> import learning_cities as lc
>>> from learning_cities.cli.messages import Messages
>>> report = DiffReport(lc.diff(lc.load(), lc.load()), "old.json", "the installed data", lc.load(), lc.load())
>>> list(lines(report, Messages("en")))
['No changes from old.json (data as of 2025-12-04) to the installed data (data as of 2025-12-04)']
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs

from .._i18n import N_, NC_
from ..changes import Change, ChangeKind, Changes, diff, is_year, text
from ..document import from_json
from ..network import Network
from ..serialization import StructureError
from . import render_json, render_text
from .messages import Messages

__all__ = ["DiffReport", "DocumentFileError", "diff_report", "read_network"]


class DocumentFileError(Exception):
    """A file that cannot be read as a network document: ``file`` and ``problem``."""

    def __init__(self, file: str, problem: str) -> None:
        super().__init__(f"{file}: {problem}")
        self.file = file
        self.problem = problem


def read_network(path: str) -> Network:
    """The network in the document at ``path``; :class:`DocumentFileError` if it holds none.

    >>> read_network("no-such-file.json")
    Traceback (most recent call last):
    learning_cities.cli.releases.DocumentFileError: no-such-file.json: no such file
    """
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise DocumentFileError(path, "no such file") from None
    except IsADirectoryError:
        raise DocumentFileError(path, "is a directory, not a network document") from None
    except OSError as error:  # permission denied, a device...
        raise DocumentFileError(path, f"cannot be read ({error.strerror or type(error).__name__})") from None
    try:
        return from_json(data, Network)
    except StructureError as error:
        listed = "; ".join(error.errors[:3]) + ("; ..." if len(error.errors) > 3 else "")
        raise DocumentFileError(path, listed) from None


@attrs.frozen
class DiffReport:
    """The changes from the network in one document to another's (or the installed data)."""

    changes: Changes
    old_name: str
    new_name: str
    old: Network = attrs.field(eq=False, repr=False)
    new: Network = attrs.field(eq=False, repr=False)


def diff_report(installed: Network, old_path: str, new_path: str | None) -> DiffReport:
    """The changes from the document at ``old_path`` to the one at ``new_path`` (default: ``installed``)."""
    old = read_network(old_path)
    new = installed if new_path is None else read_network(new_path)
    return DiffReport(diff(old, new), old_path, new_path or "", old, new)


# -- text ------------------------------------------------------------------------------------

#: How each section is named, and each kind of change (marked for the catalogs).
_SECTIONS = (
    NC_("section", "network"),
    NC_("section", "cities"),
    NC_("section", "countries"),
    NC_("section", "cohorts"),
    NC_("section", "awards"),
    NC_("section", "conferences"),
    NC_("section", "network totals"),
    NC_("section", "membership changes"),
    NC_("section", "country totals"),
)
_KINDS = (NC_("change", "added"), NC_("change", "removed"), NC_("change", "changed"))
_COUNTS = {
    "added": N_("{count} added"),
    "removed": N_("{count} removed"),
    "changed": N_("{count} changed"),
}
#: The fields the other commands already label, by their labels.
_LABELS = {
    "data_as_of": N_("data as of"),
    "joined": N_("joined"),
    "member_since": N_("member since"),
    "cohorts": N_("cohorts"),
    "status": N_("status"),
    "last_confirmed": N_("last confirmed"),
    "kind": N_("kind"),
    "location": N_("location"),
    "population": N_("population"),
    "country": N_("country"),
    "region": N_("region"),
    "sources": N_("sources"),
}


def _value(section: str, field: str | None, value: object, m: Messages) -> str:
    if value is None:
        return m("unknown")
    if isinstance(value, dt.date):
        return m.date(value)
    if is_year(section, field):
        if isinstance(value, int):
            return m.year(value)
        if isinstance(value, tuple):
            return ", ".join(m.year(year) for year in value)
    return text(value)


def _values(change: Change, m: Messages) -> str:
    """``old → new``; for two tuples, the items removed (``-``) and added (``+``)."""
    old, new = change.old, change.new
    if isinstance(old, tuple) and isinstance(new, tuple):
        gone = [f"-{_value(change.section, change.field, (item,), m)}" for item in old if item not in new]
        came = [f"+{_value(change.section, change.field, (item,), m)}" for item in new if item not in old]
        return " ".join(gone + came) or m("the same, in another order")
    return f"{_value(change.section, change.field, old, m)} → {_value(change.section, change.field, new, m)}"


def _record_id(change: Change, m: Messages) -> str:
    if change.section in ("cohorts", "awards") and isinstance(change.id, int):
        return m.year(change.id)
    return str(change.id)


def _name(report: DiffReport, change: Change, m: Messages) -> str:
    """The added or removed city's name and country, in ``m``'s language."""
    if change.section != "cities":
        return ""
    network = report.new if change.kind is ChangeKind.ADDED else report.old
    city = next((c for c in network.cities if c.id == change.id), None)
    if city is None:  # pragma: no cover - every added or removed id is a city of its network
        return ""
    name = m(
        "{name} ({country})", name=render_text.city_name(city, m), country=render_text.country_name(city.country, m)
    )
    return "  " + name


def _section(section: str, m: Messages) -> str:
    return m.pick("section", section.replace("_", " "))


@render_text.lines.register
def lines(report: DiffReport, m: Messages) -> Iterator[str]:
    """The changes grouped by section, in ``m``'s language."""
    changes = report.changes
    where = {
        "old": report.old_name,
        "new": report.new_name or m("the installed data"),
        "old_date": m.date(changes.old_data_as_of),
        "new_date": m.date(changes.new_data_as_of),
    }
    if not changes:
        yield m("No changes from {old} (data as of {old_date}) to {new} (data as of {new_date})", **where)
        return
    yield m(
        "Changes from {old} (data as of {old_date}) to {new} (data as of {new_date}): {count}",
        count=len(changes),
        **where,
    )
    counts = changes.counts()
    width = max(render_text._width(m.pick("change", kind.value)) for kind in ChangeKind)
    for section in counts:
        said = ", ".join(m(_COUNTS[kind], count=count) for kind, count in counts[section].items())
        yield ""
        yield f"{_section(section, m)}: {said}"
        for change in changes.section(section):
            kind = render_text._pad(m.pick("change", change.kind.value), width)
            if change.kind is ChangeKind.CHANGED:
                assert change.field is not None
                label = m(_LABELS[change.field]) if change.field in _LABELS else change.field
                yield f"  {kind}  {_record_id(change, m)}  {label}: {_values(change, m)}"
            else:
                yield f"  {kind}  {_record_id(change, m)}{_name(report, change, m)}"


@render_json.to_json.register
def _(report: DiffReport) -> Any:
    return report.changes.to_records()
