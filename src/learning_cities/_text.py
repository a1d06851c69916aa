"""Name normalisation and fuzzy matching.

``normalize`` folds case, accents, apostrophes, hyphens and white space, so that
"SØNDERBORG", "Sonderborg" and " sønderborg " are one key. Marks that carry meaning in
non-Latin scripts (Thai vowels and tones, for instance) are kept.

>>> normalize("  Évry–Courcouronnes ")
'evry courcouronnes'
>>> normalize("N’Zérékoré") == normalize("n'zerekore")
True
>>> normalize("ขอนแก่น") == "ขอนแก่น"
True
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

#: Longest text worth normalising for a lookup; no key is anywhere near this long.
MAX_KEY_LENGTH = 200

_FOLD = str.maketrans(
    {
        "đ": "d",
        "ł": "l",
        "ø": "o",
        "ß": "ss",
        "æ": "ae",
        "œ": "oe",
        "ı": "i",
        "’": "'",
        "‘": "'",
        "`": "'",
        "´": "'",
        "ʼ": "'",
        "-": " ",
        "‐": " ",
        "–": " ",
        "—": " ",
        "_": " ",
        ".": " ",
        ",": " ",
        # Arabic script: hamza and madda on alef, short vowels and the Arabic/Persian forms of
        # yeh and kaf are written or left out from one source to the next
        **dict.fromkeys("\u0653\u0654\u0655\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670", None),
        "ي": "ی",
        "ى": "ی",
        "ك": "ک",
        "ة": "ه",
        # invisible and formatting characters that pasted text carries: nothing to match on
        **dict.fromkeys(
            "\u00ad\u061c\u180e\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
            "\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069\ufeff" + "".join(map(chr, range(0xFE00, 0xFE10))),
            None,
        ),
    }
)
#: Thai words that may stand before a member's name or not: province, city and town municipality.
_THAI_PREFIXES = ("จังหวัด", "เทศบาลนคร", "เทศบาลเมือง")
_THAI_ABBREVIATION = "ฯ"  # marks a shortened name: กรุงเทพฯ
#: "City" and "county" after a Korean, Japanese or Chinese name: written or left out alike.
_CITY_SUFFIXES = ("시", "군", "市")
# The same folding for ASCII text, as one byte-table pass (lower case included).
_ASCII_FOLD = bytes(range(128)).maketrans(b"ABCDEFGHIJKLMNOPQRSTUVWXYZ`-_.,", b"abcdefghijklmnopqrstuvwxyz'    ")
_LATIN_LIMIT = 0x0400  # combining marks after a base below this (Latin, Greek) are accents


def normalize(text: str) -> str:
    """Fold a name to its lookup key (see the module docstring)."""
    if text.isascii():  # most names: no accents to strip, no Unicode forms to compose
        return " ".join(text.encode("ascii").translate(_ASCII_FOLD).decode("ascii").split())
    # Compatibility forms first ("𝜜" is "Α"), so case folding sees every letter.
    folded = unicodedata.normalize("NFKD", text).casefold().translate(_FOLD)
    decomposed = unicodedata.normalize("NFKD", folded)
    if not any(map(unicodedata.combining, decomposed)):  # e.g. Korean, Chinese, Cyrillic
        return " ".join(unicodedata.normalize("NFC", decomposed).split())
    kept: list[str] = []
    base = 0
    for char in decomposed:
        if unicodedata.combining(char):
            if base < _LATIN_LIMIT:
                continue
        else:
            base = ord(char)
        kept.append(char)
    return " ".join(unicodedata.normalize("NFC", "".join(kept)).split())


def variants(key: str) -> tuple[str, ...]:
    """Other keys a normalised ``key`` is also known by.

    Thai forms without จังหวัด / เทศบาลนคร / เทศบาลเมือง before the name, or without the
    abbreviation mark ฯ after it; Korean, Japanese and Chinese names without 시, 군 or 市.

    >>> variants("จังหวัดระยอง"), variants("กรุงเทพฯ"), variants("부천시"), variants("khon kaen")
    (('ระยอง',), ('กรุงเทพ',), ('부천',), ())
    """
    found = []
    for prefix in _THAI_PREFIXES:
        if key.startswith(prefix) and len(key) > len(prefix):
            found.append(key[len(prefix) :].strip())
    if key.endswith(_THAI_ABBREVIATION) and len(key) > 1:
        found.append(key[:-1].strip())
    if key.endswith(_CITY_SUFFIXES) and len(key) > 2:  # 부천시, 岡山市, 杭州市: the name without "city"
        found.append(key[:-1].strip())
    return tuple(found)


def name_keys(cities: Iterable[Any]) -> dict[str, tuple[str, ...]]:
    """Lookup key -> ids of the cities known by it, in the order given.

    A city is known by its id, name, aliases, local and official names, and their
    :func:`variants`. The build writes these keys into the data file, so a lookup in the
    packaged network needs no other record read.

    >>> import learning_cities as lc
    >>> keys = name_keys(lc.load().cities)
    >>> keys["khon kaen"], keys["ขอนแก่น"], keys["th bangkok"]
    (('th-khon-kaen',), ('th-khon-kaen',), ('th-bangkok',))
    """
    keys: dict[str, list[str]] = {}
    for city in cities:
        for name in (city.id, city.name, *city.aliases, *city.local_names.values(), *city.official_names.values()):
            key = normalize(name)
            for form in (key, *variants(key)):
                ids = keys.setdefault(form, [])
                if city.id not in ids:
                    ids.append(city.id)
    return {key: tuple(ids) for key, ids in keys.items()}


#: The words a Thai name is written after: those an official name starts with (เทศบาลนคร, city
#: municipality; เทศบาลเมือง, town municipality; จังหวัด, province), then the short forms นคร and เมือง.
THAI_FORM_PREFIXES = ("เทศบาลนคร", "เทศบาลเมือง", "จังหวัด", "นคร", "เมือง")


def thai_base_name(official: str) -> str | None:
    """The name in a Thai official name, after the word for its kind of government; ``None`` if it has none.

    >>> thai_base_name("จังหวัดระยอง"), thai_base_name("กรุงเทพมหานคร")
    ('ระยอง', None)
    """
    for prefix in _THAI_PREFIXES:
        if official.startswith(prefix) and official[len(prefix) :].strip():
            return official[len(prefix) :].strip()
    return None


def municipal_forms(official: str) -> tuple[str, ...]:
    """The five municipal forms of a Thai official name: its name after each of :data:`THAI_FORM_PREFIXES`.

    Derived by rule, so they are lookup keys, never names of a record (none for a name with
    no such word, as กรุงเทพมหานคร).

    >>> municipal_forms("เทศบาลนครขอนแก่น")
    ('เทศบาลนครขอนแก่น', 'เทศบาลเมืองขอนแก่น', 'จังหวัดขอนแก่น', 'นครขอนแก่น', 'เมืองขอนแก่น')
    >>> municipal_forms("กรุงเทพมหานคร")
    ()
    """
    name = thai_base_name(official)
    return () if name is None else tuple(prefix + name for prefix in THAI_FORM_PREFIXES)


def derived_keys(cities: Iterable[Any], names: Mapping[str, object] | None = None) -> dict[str, tuple[str, ...]]:
    """Lookup-only key -> ids: the :func:`municipal_forms` of each Thai member's Thai official name.

    A key that a member's own names give (``names``, :func:`name_keys` of ``cities`` unless
    given) is left out: a name always wins over a derived form. The build writes these keys
    apart from the names' keys, and refuses a form that is another member's name.

    >>> import learning_cities as lc
    >>> keys = derived_keys(lc.load().cities)
    >>> keys["นครขอนแก่น"], "เทศบาลนครขอนแก่น" in keys, "นครขอนแก่น" in name_keys(lc.load().cities)
    (('th-khon-kaen',), False, False)
    """
    cities = tuple(cities)
    taken = name_keys(cities) if names is None else names
    keys: dict[str, list[str]] = {}
    for city in cities:
        official = city.official_names.get("th")
        if city.country.code != "TH" or official is None:
            continue
        for form in municipal_forms(official):
            key = normalize(form)
            if key not in taken:  # five distinct forms: a city is listed once under each
                keys.setdefault(key, []).append(city.id)
    return {key: tuple(ids) for key, ids in keys.items()}


def trigrams(key: str) -> frozenset[str]:
    """Character trigrams of a normalised key, padded so short names still have some."""
    padded = f"  {key} "
    return frozenset(padded[i : i + 3] for i in range(len(padded) - 2))


class FuzzyIndex:
    """Trigram index over normalised keys, each pointing at one or more values.

    Scores are the Dice coefficient of trigram sets, raised for prefix and substring
    matches; values below ``threshold`` are not returned.

    >>> index = FuzzyIndex([("khon kaen", "th-khon-kaen"), ("kano", "ng-kano")])
    >>> index.best("kon kaen", limit=1)
    ('th-khon-kaen',)
    """

    def __init__(self, entries: Iterable[tuple[str, str]], threshold: float = 0.3) -> None:
        self.threshold = threshold
        self._keys: list[tuple[str, frozenset[str], str]] = []
        self._postings: dict[str, list[int]] = {}
        for key, value in entries:
            grams = trigrams(key)
            position = len(self._keys)
            self._keys.append((key, grams, value))
            for gram in grams:
                self._postings.setdefault(gram, []).append(position)

    def scored(self, query: str) -> list[tuple[float, str]]:
        """``(score, value)`` pairs, best first, one per value, above the threshold."""
        if not query or len(query) > MAX_KEY_LENGTH:
            return []
        grams = trigrams(query)
        overlap: dict[int, int] = {}
        for gram in grams:
            for position in self._postings.get(gram, ()):
                overlap[position] = overlap.get(position, 0) + 1
        best: dict[str, float] = {}
        for position, shared in overlap.items():
            key, key_grams, value = self._keys[position]
            score = 2.0 * shared / (len(grams) + len(key_grams))
            if key == query:
                score = 2.0
            elif key.startswith(query) or f" {query}" in key:
                score = max(score, 0.9) + 0.1 * len(query) / len(key)
            if score >= self.threshold and score > best.get(value, 0.0):
                best[value] = score
        return sorted(((score, value) for value, score in best.items()), key=lambda p: (-p[0], p[1]))

    def best(self, query: str, limit: int) -> tuple[str, ...]:
        """The ``limit`` best values for a normalised query."""
        return tuple(value for _, value in self.scored(query)[:limit])


def closest(query: str, candidates: Sequence[str], limit: int = 1) -> tuple[str, ...]:
    """The candidates (display strings) closest to ``query``, for "did you mean" hints."""
    index = FuzzyIndex(((normalize(c), c) for c in candidates), threshold=0.4)
    return index.best(normalize(query[:MAX_KEY_LENGTH]), limit)  # cut first: normalising is slow on long text
