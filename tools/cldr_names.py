"""The country names stage of the build: every curated country in the UN languages and Thai, from CLDR.

Run by ``tools/build.py`` (needs ``babel``, at build time only); makes
``reference/generated/country_names.csv`` with one row per country code and language:
``code,lang,name,source``. The names are CLDR's territory display names as Babel ships
them; ``source`` names both versions, read from the installed Babel at run time, so a
Babel upgrade shows up as a reviewable diff.

Common forms CLDR does not give as the display name ("UK", "USA", "Viet Nam", ...) are
kept by hand in ``reference/curated/country_names.csv``, each with its source.
"""

from __future__ import annotations

import babel
from babel.core import Locale, get_global

from buildlib import GENERATED, REFERENCE, BuildError, Product, csv_text, read_rows

COUNTRIES = REFERENCE / "curated" / "countries.csv"
OUTPUT = GENERATED / "country_names.csv"
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


class MissingNameError(BuildError):
    """CLDR gives no name for a curated country."""


def cldr_version() -> str:
    """The CLDR release Babel's locale data was built from, e.g. ``"49"``."""
    return str(get_global("cldr")["version"])


def source() -> str:
    return f"CLDR {cldr_version()} via Babel {babel.__version__}"


def country_codes() -> list[str]:
    return sorted({row["code"] for row in read_rows(COUNTRIES)})


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


def stage() -> Product:
    """The country names stage: ``(code, lang, name, source)`` rows, and the file that holds them."""
    table = rows(country_codes())
    return Product(table, {OUTPUT: csv_text(COLUMNS, table)})
