"""The municipal forms of Thai members' names, derived by rule from their Thai official names.

A Thai member's official name is its name after the word for its kind of local government:
เทศบาลนคร (city municipality), เทศบาลเมือง (town municipality) or จังหวัด (province), as in
เทศบาลนครขอนแก่น. People write the name after any of these words, or after the short forms
นคร and เมือง, whatever the member's own kind: :func:`municipal_forms` gives the five forms of
a name, and :func:`add_municipal_forms` adds them to each Thai member's aliases, so they land
in the packaged name index. A form that another member's name already answers to is refused
(:class:`NameCollisionError`), never silently given to one of them. An official name with
no such word (กรุงเทพมหานคร, a local government of its own kind) gives no forms.

>>> municipal_forms("เทศบาลนครขอนแก่น")
('เทศบาลนครขอนแก่น', 'เทศบาลเมืองขอนแก่น', 'จังหวัดขอนแก่น', 'นครขอนแก่น', 'เมืองขอนแก่น')
>>> municipal_forms("กรุงเทพมหานคร")
()
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from learning_cities import _text

#: The words for a kind of local government that an official Thai name starts with.
OFFICIAL_PREFIXES = ("เทศบาลนคร", "เทศบาลเมือง", "จังหวัด")
#: The words a Thai name is written after: the official ones, then the short forms นคร and เมือง.
FORM_PREFIXES = (*OFFICIAL_PREFIXES, "นคร", "เมือง")
#: The rule, as docs/names.md and the build state it.
RULE = (
    "derived from the Thai official name: the name after เทศบาลนคร, เทศบาลเมือง or จังหวัด, "
    "written after each of เทศบาลนคร, เทศบาลเมือง, จังหวัด, นคร and เมือง"
)


class NameCollisionError(ValueError):
    """A derived form is a name another member already answers to."""


def base_name(official: str) -> str | None:
    """The name in a Thai official name, without the word for its kind of government; ``None`` if it has none.

    >>> base_name("จังหวัดระยอง"), base_name("กรุงเทพมหานคร")
    ('ระยอง', None)
    """
    for prefix in OFFICIAL_PREFIXES:
        if official.startswith(prefix) and official[len(prefix) :].strip():
            return official[len(prefix) :].strip()
    return None


def municipal_forms(official: str) -> tuple[str, ...]:
    """The five municipal forms of a Thai official name (none for a name with no such word)."""
    name = base_name(official)
    return () if name is None else tuple(prefix + name for prefix in FORM_PREFIXES)


def _keys(record: dict[str, Any]) -> set[str]:
    """The lookup keys a city record answers to (as the package's name index makes them)."""
    names = [record["id"], record["name"], *record["aliases"], *record["local_names"].values()]
    names += record["official_names"].values()
    found: set[str] = set()
    for name in names:
        key = _text.normalize(name)
        found.update((key, *_text.variants(key)))
    return found


def add_municipal_forms(city_records: Iterable[dict[str, Any]], country: str = "TH") -> dict[str, tuple[str, ...]]:
    """Add each ``country`` member's municipal forms to its aliases; the forms added, by city id.

    Raises :class:`NameCollisionError` naming the form and both members where a form is a
    name another member answers to, or the form of two members.
    """
    records = list(city_records)
    owners: dict[str, str] = {}
    for record in records:
        for key in _keys(record):
            owners.setdefault(key, record["id"])
            if owners[key] != record["id"]:
                owners[key] = ""  # a name two members share already: ambiguous, not a collision of ours
    added: dict[str, tuple[str, ...]] = {}
    for record in records:
        official = record["official_names"].get("th")
        if record["country"] != country or not official:
            continue
        own = _keys(record)
        forms = [form for form in municipal_forms(official) if _text.normalize(form) not in own]
        for form in forms:
            key = _text.normalize(form)
            owner = owners.setdefault(key, record["id"])
            if owner != record["id"]:
                raise NameCollisionError(
                    f"the form {form!r} of {record['id']} ({RULE}) is a name {owner or 'two members'} answers to"
                )
        record["aliases"] = sorted([*record["aliases"], *forms])
        added[record["id"]] = tuple(forms)
    return added
