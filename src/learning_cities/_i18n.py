"""The library's texts in other languages: gettext catalogs, read with :mod:`gettext`.

English is the source language: every message is its English text, and a language without a
translation of it shows the English. The catalogs are ``locale/<language>/LC_MESSAGES/
learning_cities.po`` in the package, compiled to ``.mo`` with Babel by ``tools/build_catalogs.py``
(the ``.mo`` files are what the package reads, through :mod:`importlib.resources`).

>>> translate("Joined", "en")
'Joined'
>>> translate("Joined", "th")
'เข้าร่วม'
>>> translate("Joined", "xx")
Traceback (most recent call last):
ValueError: no texts for language 'xx'; languages: en, th
"""

from __future__ import annotations

import functools
import gettext
import io
import sys
from typing import Final

from ._repr import shown

if sys.version_info >= (3, 11):
    from importlib.resources import files
else:  # pragma: no cover - exercised on Python 3.10 only
    from importlib_resources import files

__all__ = ["DOMAIN", "LANGUAGES", "translate", "translations"]

#: The gettext domain of the library's catalogs.
DOMAIN: Final = "learning_cities"
#: The languages the library speaks: English (the source texts) and Thai.
LANGUAGES: Final[tuple[str, ...]] = ("en", "th")


@functools.cache
def translations(language: str) -> gettext.NullTranslations:
    """The compiled catalog of ``language`` (English: the source texts themselves)."""
    if language not in LANGUAGES:
        raise ValueError(f"no texts for language {shown(language)}; languages: {', '.join(LANGUAGES)}")
    if language == "en":
        return gettext.NullTranslations()
    path = files("learning_cities").joinpath("locale", language, "LC_MESSAGES", f"{DOMAIN}.mo")
    return gettext.GNUTranslations(io.BytesIO(path.read_bytes()))


def translate(message: str, language: str) -> str:
    """``message`` (its English text) in ``language``; the English where none is held."""
    return translations(language).gettext(message)
