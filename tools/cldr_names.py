"""Write the country names of every curated country in the UN languages and Thai, from CLDR.

Usage: ``python tools/cldr_names.py`` (needs ``babel``) writes
``reference/generated/country_names.csv`` with one row per country code and language:
``code,lang,name,source``. The names are CLDR's territory display names as Babel ships
them; ``source`` names both versions, read from the installed Babel at run time, so a
Babel upgrade shows up as a reviewable diff. ``--check`` only compares and exits 1 when
the file is missing or differs.

Common forms CLDR does not give as the display name ("UK", "USA", "Viet Nam", ...) are
kept by hand in ``reference/curated/country_names.csv``, each with its source.
"""

from __future__ import annotations

import argparse
import csv
import io
import sys
from pathlib import Path

import babel
from babel.core import Locale, get_global

from _generated import write_or_check

ROOT = Path(__file__).resolve().parent.parent
COUNTRIES = ROOT / "reference" / "curated" / "countries.csv"
OUTPUT = ROOT / "reference" / "generated" / "country_names.csv"
COLUMNS = ("code", "lang", "name", "source")

# Tag written to the file -> Babel locale read. Babel's ``zh`` is Simplified Chinese.
LANGUAGES: dict[str, str] = {
    "ar": "ar",
    "en": "en",
    "es": "es",
    "fr": "fr",
    "ru": "ru",
    "th": "th",
    "zh": "zh",
}


class MissingNameError(Exception):
    """CLDR gives no name for a curated country."""


def cldr_version() -> str:
    """The CLDR release Babel's locale data was built from, e.g. ``"49"``."""
    return str(get_global("cldr")["version"])


def source() -> str:
    return f"CLDR {cldr_version()} via Babel {babel.__version__}"


def country_codes(path: Path = COUNTRIES) -> list[str]:
    with path.open(encoding="utf-8", newline="") as handle:
        return sorted({row["code"].strip() for row in csv.DictReader(handle)})


def rows(codes: list[str]) -> list[tuple[str, str, str, str]]:
    """One ``(code, lang, name, source)`` row per code and language, sorted."""
    cited = source()
    found = []
    for tag, locale_id in sorted(LANGUAGES.items()):
        territories = Locale.parse(locale_id).territories
        for code in codes:
            name = territories.get(code)
            if not name:
                raise MissingNameError(f"CLDR has no {tag} name for {code}")
            found.append((code, tag, name, cited))
    return sorted(found)


def render(table: list[tuple[str, str, str, str]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    writer.writerows(table)
    return buffer.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report whether the file is current (exit 1 if not)")
    args = parser.parse_args(argv)
    try:
        text = render(rows(country_codes()))
    except MissingNameError as error:
        print(f"cldr_names: {error}", file=sys.stderr)
        return 1
    where = OUTPUT.relative_to(ROOT)
    status = write_or_check("cldr_names", [(OUTPUT, text)], check=args.check)
    if status or args.check:
        return status
    print(f"wrote {where}: {text.count(chr(10)) - 1} names ({source()})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
