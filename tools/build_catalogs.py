"""The catalogs stage of ``tools/build.py``: the package's messages and gettext catalogs, with Babel.

The stage extracts every message of the package (the English texts marked in the code, and
the rules' texts from the rules stage's tables) into ``src/learning_cities/locale/
learning_cities.pot``, and compiles every ``locale/*/LC_MESSAGES/*.po`` to the ``.mo`` beside
it. A message of the ``.pot`` that a ``.po`` does not translate, or a ``.po`` entry no code
uses, stops the build (``BuildError``) before anything is written.

Each step is a function taking its input as arguments: :func:`extract` (the package
directory and the rules tables), :func:`template` (a catalog to ``.pot`` bytes),
:func:`compiled` (a ``.po`` to ``.mo`` bytes) and :func:`untranslated` / :func:`unused`.
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

import learning_cities
from buildlib import PACKAGE, BuildError, Product

#: Where the stage reads the code and the ``.po`` files: the checkout's ``src/learning_cities``;
#: in a checkout without ``src/`` (the wheel's test), the installed package, which holds both.
SOURCE = PACKAGE if PACKAGE.is_dir() else Path(learning_cities.__file__).parent
DOMAIN = "learning_cities"

#: The calls that mark a message, as Babel's keywords: a message, or a context and a message.
KEYWORDS: dict[str, Any] = {
    "N_": None,
    "Text": None,
    "translate": None,
    "m": None,
    "NC_": ((1, "c"), 2),
    "pick": ((1, "c"), 2),
    "in_context": ((1, "c"), 2),
}


def extract(package: Path, rules: Mapping[str, Any]) -> Catalog:
    """Every message of the package: the code's marked texts under ``package``, and the rules' texts of ``rules``."""
    catalog = Catalog(domain=DOMAIN, project="learning-cities", charset="utf-8")
    for path, _, message, comments, context in extract_from_dir(
        package,
        method_map=[("**.py", "python")],
        keywords=KEYWORDS,
        comment_tags=("TRANSLATORS:",),
        strip_comment_tags=True,
    ):
        if message:  # an empty msgid is the catalog's header
            catalog.add(message, None, [(path, 0)], auto_comments=comments, context=context)
    for rule in rules["rules"]:
        catalog.add(rule["text"], None, [("data/rules.json", 0)], auto_comments=[f"rule {rule['id']}"])
    return catalog


def template(catalog: Catalog) -> bytes:
    """The ``.pot`` bytes of ``catalog``: sorted, without line numbers or a dated header."""
    out = io.BytesIO()
    write_po(out, catalog, omit_header=True, sort_output=True, include_lineno=False, width=120)
    return out.getvalue()


def read(po: Path) -> Catalog:
    """The catalog in the ``.po`` file ``po`` (its language from its directory)."""
    with po.open("rb") as source:
        return read_po(source, locale=po.parent.parent.name)


def compiled(po: Path) -> bytes:
    """The ``.mo`` bytes of the catalog ``po`` (fuzzy entries left out, as gettext does)."""
    out = io.BytesIO()
    write_mo(out, read(po), use_fuzzy=False)
    return out.getvalue()


def _keys(catalog: Catalog) -> set[tuple[str | None, str]]:
    return {(message.context, str(message.id)) for message in catalog if message.id}


def untranslated(po: Catalog, pot: Catalog) -> list[tuple[str | None, str]]:
    """The messages of ``pot`` that ``po`` leaves untranslated (or marks fuzzy)."""
    done = {(m.context, str(m.id)) for m in po if m.id and m.string and not m.fuzzy}
    return sorted(_keys(pot) - done, key=str)


def unused(po: Catalog, pot: Catalog) -> list[tuple[str | None, str]]:
    """The entries of ``po`` that no message of ``pot`` needs."""
    return sorted(_keys(po) - _keys(pot), key=str)


def stage(rules: Mapping[str, Any], package: Path = PACKAGE, source: Path = SOURCE) -> Product:
    """The catalogs stage: the ``.pot`` of the code and ``rules``, and each ``.po`` compiled to its ``.mo``.

    The code and the ``.po`` files are read under ``source``; the files made are named under ``package``.
    """
    pot = extract(source, rules)
    files: dict[Path, str | bytes] = {package / "locale" / f"{DOMAIN}.pot": template(pot)}
    problems = []
    for po in sorted((source / "locale").glob(f"*/LC_MESSAGES/{DOMAIN}.po")):
        catalog = read(po)
        problems += [
            f"{po}: no translation of {message!r} (context {context})"
            for context, message in untranslated(catalog, pot)
        ]
        problems += [
            f"{po}: {message!r} (context {context}) is used by no code" for context, message in unused(catalog, pot)
        ]
        files[package / po.with_suffix(".mo").relative_to(source)] = compiled(po)
    if problems:
        raise BuildError("the catalogs are not in step with the code:\n  " + "\n  ".join(problems))
    return Product(pot, files)
