"""The build's check of the Thai municipal forms: no form is another member's name.

A Thai member's official name is its name after the word for its kind of local government:
เทศบาลนคร (city municipality), เทศบาลเมือง (town municipality) or จังหวัด (province), as in
เทศบาลนครขอนแก่น. People write the name after any of these words, or after the short forms
นคร and เมือง, whatever the member's own kind. The package derives these forms by one rule
(:func:`learning_cities._text.municipal_forms`) as lookup keys only: they are no record's
names (not in ``City.aliases``), and the build writes them apart from the names' keys
(``derived_keys`` in ``gnlc.json``). :func:`lookup_forms` gives each member's forms and
refuses (:class:`NameCollisionError`) a form that another member's name already answers to,
or the form of two members, never silently giving it to one of them. An official name with
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

base_name = _text.thai_base_name
municipal_forms = _text.municipal_forms
#: The rule, as docs/names.md and the build state it.
RULE = (
    "derived from the Thai official name: the name after เทศบาลนคร, เทศบาลเมือง or จังหวัด, "
    "written after each of เทศบาลนคร, เทศบาลเมือง, จังหวัด, นคร and เมือง"
)


class NameCollisionError(ValueError):
    """A derived form is a name another member already answers to."""


def _keys(record: dict[str, Any]) -> set[str]:
    """The lookup keys a city record's names give (as the package's name index makes them)."""
    names = [record["id"], record["name"], *record["aliases"], *record["local_names"].values()]
    names += record["official_names"].values()
    found: set[str] = set()
    for name in names:
        key = _text.normalize(name)
        found.update((key, *_text.variants(key)))
    return found


def lookup_forms(city_records: Iterable[dict[str, Any]], country: str = "TH") -> dict[str, tuple[str, ...]]:
    """Each ``country`` member's municipal forms that its names do not already give, by city id.

    The records are not changed: the forms are lookup keys, not names. Raises
    :class:`NameCollisionError` naming the form and both members where a form is a name
    another member answers to, or the form of two members.
    """
    records = list(city_records)
    owners: dict[str, str] = {}
    for record in records:
        for key in _keys(record):
            owners.setdefault(key, record["id"])
            if owners[key] != record["id"]:
                owners[key] = ""  # a name two members share already: ambiguous, not a collision of ours
    found: dict[str, tuple[str, ...]] = {}
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
        found[record["id"]] = tuple(forms)
    return found
