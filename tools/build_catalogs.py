"""Extract the package's messages and compile its gettext catalogs, with Babel.

``python tools/build_catalogs.py`` extracts every message of the package (the English
texts marked in the code, and the rules' texts from the rules data) into
``src/learning_cities/locale/learning_cities.pot``, and compiles every
``locale/*/LC_MESSAGES/*.po`` to the ``.mo`` beside it. ``--check`` writes nothing and exits 1
naming what is stale: a ``.pot`` that differs from the code, a ``.mo`` that differs from its
``.po``, a message of the ``.pot`` a ``.po`` does not translate, or a ``.po`` entry no code uses.

Each step is a function taking its input as arguments: :func:`extract` (the package
directory and the rules file), :func:`template` (a catalog to ``.pot`` bytes),
:func:`compiled` (a ``.po`` to ``.mo`` bytes) and :func:`untranslated` / :func:`unused`.
"""

from __future__ import annotations

import argparse
import io
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "learning_cities"
LOCALE = PACKAGE / "locale"
DOMAIN = "learning_cities"
TEMPLATE = LOCALE / f"{DOMAIN}.pot"

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


def _rules_texts(fileobj: IO[bytes], keywords: Any, comment_tags: Any, options: Any) -> Iterator[Any]:
    """Babel extractor for the rules data: each rule's text is a message (its id the comment)."""
    data = json.load(fileobj)
    for rule in data["rules"]:
        yield 1, None, rule["text"], [f"rule {rule['id']}"]


def extract(package: Path) -> Catalog:
    """Every message of the package under ``package``: the code's marked texts and the rules' texts."""
    catalog = Catalog(domain=DOMAIN, project="learning-cities", charset="utf-8")
    methods: list[tuple[str, Any]] = [("**/data/rules.json", _rules_texts), ("**.py", "python")]
    for path, _, message, comments, context in extract_from_dir(
        package, method_map=methods, keywords=KEYWORDS, comment_tags=("TRANSLATORS:",), strip_comment_tags=True
    ):
        if message:  # an empty msgid is the catalog's header
            catalog.add(message, None, [(path, 0)], auto_comments=comments, context=context)
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="compare, write nothing")
    args = parser.parse_args(argv)
    pot = extract(PACKAGE)
    problems = []
    if args.check and (not TEMPLATE.exists() or TEMPLATE.read_bytes() != template(pot)):
        problems.append(f"{TEMPLATE} differs from the code's messages: run python tools/build_catalogs.py")
    elif not args.check:
        TEMPLATE.write_bytes(template(pot))
    for po in sorted(LOCALE.glob(f"*/LC_MESSAGES/{DOMAIN}.po")):
        catalog = read(po)
        problems += [
            f"{po}: no translation of {message!r} (context {context})"
            for context, message in untranslated(catalog, pot)
        ]
        problems += [
            f"{po}: {message!r} (context {context}) is used by no code" for context, message in unused(catalog, pot)
        ]
        mo, data = po.with_suffix(".mo"), compiled(po)
        if args.check:
            if not mo.exists() or mo.read_bytes() != data:
                problems.append(f"{mo} differs from its .po: run python tools/build_catalogs.py")
        else:
            mo.write_bytes(data)
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
