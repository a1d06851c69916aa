"""The library's texts in other languages: gettext catalogs, read with :mod:`gettext`.

English is the source language: every message is its English text (a :meth:`str.format`
template where it has values), and a language without a translation of it shows the
English. The catalogs are ``locale/<language>/LC_MESSAGES/learning_cities.po`` in the
package, extracted from the code with Babel (``locale/learning_cities.pot``) and compiled to
``.mo`` by the catalogs stage of ``tools/build.py``; the ``.mo`` files are what the package reads, through
:mod:`importlib.resources`.

:class:`Language` writes a language's words, years (Buddhist Era in Thai, marked พ.ศ.),
dates (Thai month names) and ordinals; :class:`Text` is an English sentence that keeps its
template and values, so the same sentence can be said in another language.

>>> translate("eligible", "en")
'eligible'
>>> translate("eligible", "th")
'มีสิทธิ์'
>>> translate("eligible", "xx")
Traceback (most recent call last):
ValueError: no texts for language 'xx'; languages: en, th
>>> Language("th").date(__import__("datetime").date(2024, 2, 14))
'14 กุมภาพันธ์ พ.ศ. 2567'
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import string
import sys
import types
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, Final

from ._repr import shown

if TYPE_CHECKING:
    import gettext

if sys.version_info >= (3, 11):
    from importlib.resources import files
else:  # pragma: no cover - exercised on Python 3.10 only
    from importlib_resources import files

__all__ = [
    "CALENDARS",
    "DEFAULT_CALENDARS",
    "DOMAIN",
    "ERA_OFFSETS",
    "LANGUAGES",
    "NC_",
    "N_",
    "Language",
    "Named",
    "Text",
    "in_language",
    "require_calendar",
    "require_one_of",
    "translate",
    "translations",
]

#: The gettext domain of the library's catalogs.
DOMAIN: Final = "learning_cities"
#: The languages the library speaks: English (the source texts) and Thai.
LANGUAGES: Final[tuple[str, ...]] = ("en", "th")
#: The calendars years and dates are written in: the Common Era and the Thai Buddhist Era.
CALENDARS: Final[tuple[str, ...]] = ("gregorian", "buddhist")
#: The calendar each language writes in unless asked for another (Thai sources date in the Buddhist Era).
DEFAULT_CALENDARS: Final[Mapping[str, str]] = {"en": "gregorian", "th": "buddhist"}
#: Years added to a Common Era year in each calendar (the Thai Buddhist Era: 543).
ERA_OFFSETS: Final[Mapping[str, int]] = {"gregorian": 0, "buddhist": 543}


def N_(message: str) -> str:  # noqa: N802 - the name gettext tools know
    """Mark ``message`` for extraction into the catalogs; it is translated where it is shown.

    >>> N_("Africa")
    'Africa'
    """
    return message


def NC_(context: str, message: str) -> str:  # noqa: N802 - the name gettext tools know
    """Mark ``message``, meant in ``context`` (gettext's ``msgctxt``), for extraction.

    >>> NC_("status", "active")
    'active'
    """
    return message


def _require_str(name: str, value: object) -> str:
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a str, not {type(value).__name__}: {shown(value)}")
    return value


def _check(language: object) -> str:
    if _require_str("language", language) not in LANGUAGES:
        raise ValueError(f"no texts for language {shown(language)}; languages: {', '.join(LANGUAGES)}")
    return str(language)


def require_calendar(calendar: object) -> str:
    """``calendar`` if it names one of :data:`CALENDARS`; else :class:`ValueError` naming them.

    >>> require_calendar("buddhist")
    'buddhist'
    >>> require_calendar("BE")
    Traceback (most recent call last):
    ValueError: calendar must be one of 'gregorian', 'buddhist'; not 'BE'
    """
    return require_one_of("calendar", calendar, CALENDARS)


def require_one_of(name: str, value: object, accepted: tuple[str, ...]) -> str:
    """``value`` if it is one of ``accepted``; else :class:`ValueError` naming them (:class:`TypeError`: not a str).

    >>> require_one_of("language", "fr", LANGUAGES)
    Traceback (most recent call last):
    ValueError: language must be one of 'en', 'th'; not 'fr'
    """
    if _require_str(name, value) not in accepted:
        raise ValueError(f"{name} must be one of {', '.join(map(repr, accepted))}; not {shown(value)}")
    return str(value)


@functools.cache
def translations(language: str) -> gettext.NullTranslations:
    """The compiled catalog of ``language`` (English: the source texts themselves)."""
    import gettext  # only when a text is shown in a language: not at import

    if _check(language) == "en":
        return gettext.NullTranslations()
    path = files("learning_cities").joinpath("locale", language, "LC_MESSAGES", f"{DOMAIN}.mo")
    return gettext.GNUTranslations(io.BytesIO(path.read_bytes()))


def translate(message: str, language: str, context: str | None = None) -> str:
    """``message`` (its English text) in ``language``, in ``context`` if given; the English where none is held.

    >>> translate("{ordinal}", "th", context="edition")
    'ครั้ง{ordinal}'
    """
    found = translations(_check(language))
    return found.gettext(message) if context is None else found.pgettext(context, message)


def _immutable(self: object, name: str, *value: object) -> None:
    raise AttributeError(f"{type(self).__name__} is immutable: its {shown(name)} cannot be set or deleted")


class Named:
    """A name with its forms in other languages (a city's local names, a country's CLDR names).

    >>> Named("Bangkok", {"th": "กรุงเทพมหานคร"}).in_language("th")
    'กรุงเทพมหานคร'
    """

    __slots__ = ("english", "names")

    english: str
    names: Mapping[str, str]

    def __init__(self, english: str, names: Mapping[str, str]) -> None:
        object.__setattr__(self, "english", english)
        object.__setattr__(self, "names", types.MappingProxyType(dict(names)))

    __setattr__ = __delattr__ = _immutable

    def in_language(self, language: str) -> str:
        """The name in ``language``, else the English (UNESCO's) one."""
        return (self.names.get(language) if language != "en" else None) or self.english

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Named) and (self.english, self.names) == (other.english, other.names)

    def __hash__(self) -> int:
        return hash(self.english)

    def __reduce__(self) -> tuple[Any, ...]:
        return Named, (self.english, dict(self.names))

    def __repr__(self) -> str:
        return f"Named({self.english!r}, {dict(self.names)!r})"


class _Formatter(string.Formatter):
    """:meth:`str.format` for one language: dates, years (``{x:year}``), names and texts in it."""

    def __init__(self, language: Language) -> None:
        self.language = language

    def format_field(self, value: Any, format_spec: str) -> Any:
        lang = self.language
        if format_spec == "year":
            return lang.year(value)
        if format_spec == "ordinal":
            return lang.ordinal(value)
        if format_spec == "day_month":
            return lang.day_month(value)
        if isinstance(value, Text):
            return value.in_language(lang.lang, lang.calendar)
        if isinstance(value, Named):
            return value.in_language(lang.lang)
        if isinstance(value, dt.date) and not format_spec:
            return lang.date(value)
        return super().format_field(value, format_spec)


class Language:
    """The words, years and dates of one language.

    Each message is its English text, a :meth:`str.format` template; in a value's field,
    ``{x:year}`` writes a Common Era year in this language's era and a :class:`datetime.date`
    is written as a date of this language (ISO 8601 in English).

    >>> en, th = Language("en"), Language("th")
    >>> en.year(2024), th.year(2024)
    ('2024', 'พ.ศ. 2567')
    >>> en.ordinal(2), en.ordinal(12), en.ordinal(23), th.ordinal(2)
    ('2nd', '12th', '23rd', 'ที่ 2')
    >>> en("{name} ({country})", name="Cork", country="Ireland")
    'Cork (Ireland)'
    >>> th("it withdrew from the network in {year:year}", year=2021)
    'ถอนตัวจากเครือข่ายใน พ.ศ. 2564'
    >>> th("it joined on {day}", day=__import__("datetime").date(2019, 7, 17))
    'เข้าร่วมเมื่อ 17 กรกฎาคม พ.ศ. 2562'
    """

    def __init__(self, lang: str, calendar: str | None = None) -> None:
        #: The language's tag (``"en"``, ``"th"``).
        self.lang = _check(lang)
        #: The calendar of its years and dates: the language's own unless one is asked for.
        self.calendar = DEFAULT_CALENDARS[lang] if calendar is None else require_calendar(calendar)
        #: Years added to a Common Era year for the years shown (543 in the Buddhist Era).
        self.era_offset = ERA_OFFSETS[self.calendar]
        self._formatter = _Formatter(self)

    def __call__(self, message: str, /, **values: Any) -> str:
        """``message`` in this language, filled with ``values``."""
        return self.format(translate(message, self.lang), values)

    def pick(self, context: str, message: str, /, **values: Any) -> str:
        """``message`` as meant in ``context`` (gettext's ``msgctxt``), filled with ``values``."""
        return self.format(translate(message, self.lang, context), values)

    def format(self, template: str, values: Mapping[str, Any]) -> str:
        """``template`` (already in this language) filled with ``values`` written in it."""
        return self._formatter.vformat(template, (), values) if values else template

    def year(self, year: int | None) -> str:
        """A Common Era year written in this calendar (``B.E. 2567``, ``พ.ศ. 2567``); ``None`` is unknown.

        >>> Language("en", "buddhist").year(2024), Language("th", "gregorian").year(2024)
        ('B.E. 2567', '2024')
        """
        if year is None:
            return self("unknown")
        if not self.era_offset:
            return str(year)
        return self.pick("year", "B.E. {year}", year=str(year + self.era_offset))

    def month(self, month: int) -> str:
        """The name of the month numbered ``month`` (1 to 12)."""
        return self.pick("month", _MONTHS[month - 1])

    def date(self, day: dt.date | None) -> str:
        """A date written in this language (``None`` is unknown)."""
        if day is None:
            return self("unknown")
        if self.lang == "en" and not self.era_offset:
            return day.isoformat()
        return self.pick(
            "date", "{day} {month} {year}", day=str(day.day), month=self.month(day.month), year=self.year(day.year)
        )

    def month_year(self, day: dt.date) -> str:
        """The month and year of ``day`` ('February 2024'; 'กุมภาพันธ์ พ.ศ. 2567' in Thai)."""
        return self.pick("month and year", "{month} {year}", month=self.month(day.month), year=self.year(day.year))

    def day_month(self, day: dt.date) -> str:
        """The day and month of ``day``, without the year ('01 March' in English)."""
        return self.pick("day and month", "{day:0>2} {month}", day=str(day.day), month=self.month(day.month))

    def ordinal(self, number: int) -> str:
        """``number`` as an ordinal: '1st', '2nd' in English, 'ที่ 1' in Thai."""
        last = number % 10
        suffix = "th" if 10 <= number % 100 <= 20 or last not in (1, 2, 3) else ("st", "nd", "rd")[last - 1]
        return self.pick("ordinal", "{number}{suffix}", number=str(number), suffix=suffix)


#: The English month names, as the catalogs' msgids (``msgctxt "month"``); not the locale's.
_MONTHS: Final = (
    NC_("month", "January"),
    NC_("month", "February"),
    NC_("month", "March"),
    NC_("month", "April"),
    NC_("month", "May"),
    NC_("month", "June"),
    NC_("month", "July"),
    NC_("month", "August"),
    NC_("month", "September"),
    NC_("month", "October"),
    NC_("month", "November"),
    NC_("month", "December"),
)


@functools.cache
def _language(lang: str, calendar: str | None = None) -> Language:
    return Language(lang, calendar)


def _rebuilt(context: str | None, template: str, values: tuple[tuple[str, Any], ...]) -> Text:
    return Text.in_context(context, template, **dict(values))


class Text(str):
    """An English sentence made from a catalog template and its values, that can be said in another language.

    It is the English text itself (a :class:`str`, equal to it), and keeps the template and
    the values, so :meth:`in_language` writes it in another language: the template from
    that language's catalog, dates and years (``{x:year}``) in its calendar, names in it.

    >>> import datetime as dt
    >>> text = Text("a member since {day}", day=dt.date(2019, 7, 17))
    >>> text
    'a member since 2019-07-17'
    >>> text.in_language("th")
    'เป็นสมาชิกตั้งแต่ 17 กรกฎาคม พ.ศ. 2562'
    """

    template: str
    values: Mapping[str, Any]
    context: str | None

    def __new__(cls, template: str, /, **values: Any) -> Text:
        return cls.in_context(None, template, **values)

    @classmethod
    def in_context(cls, context: str | None, template: str, /, **values: Any) -> Text:
        """The text of ``template`` as meant in ``context`` (gettext's ``msgctxt``).

        >>> Text.in_context("award call", "{id}", id="award-2024", year=2024).in_language("th")
        'ประกาศรับสมัครรางวัล พ.ศ. 2567'

        A template that is not a str is a :class:`TypeError`; one its values cannot fill, a
        :class:`ValueError` naming the template:

        >>> Text("a member since {day}", year=2019)
        Traceback (most recent call last):
        ValueError: template 'a member since {day}' cannot be filled with the values ['year']: KeyError 'day'
        """
        _require_str("template", template)
        try:
            english = _language("en").format(template, values)
        except (LookupError, ValueError, AttributeError) as error:
            problem = f"{type(error).__name__} {shown(error.args[0]) if error.args else ''}".rstrip()
            raise ValueError(
                f"template {shown(template)} cannot be filled with the values {shown(sorted(values))}: {problem}"
            ) from None
        made = str.__new__(cls, english)
        object.__setattr__(made, "template", template)
        object.__setattr__(made, "values", types.MappingProxyType(values))  # values: a dict of its own (**)
        object.__setattr__(made, "context", context)
        return made

    __setattr__ = __delattr__ = _immutable

    @classmethod
    def joined(cls, separator: str, texts: Iterable[str]) -> Text:
        """``texts`` joined by ``separator``, each said in the language the whole is said in.

        >>> Text.joined(", ", [Text("unknown"), "Cork"]).in_language("th")
        'ไม่ทราบ, Cork'
        """
        parts = {f"part{index}": text for index, text in enumerate(texts)}
        return cls(separator.join(f"{{{name}}}" for name in parts), **parts)

    def in_language(self, language: str, calendar: str | None = None) -> str:
        """The sentence in ``language``, its years and dates in ``calendar`` (default: the language's own).

        >>> import datetime as dt
        >>> Text("a member since {day}", day=dt.date(2019, 7, 17)).in_language("th", "gregorian")
        'เป็นสมาชิกตั้งแต่ 17 กรกฎาคม 2019'
        """
        if language == "en" and calendar in (None, "gregorian"):
            return str(self)
        return _language(language, calendar).format(translate(self.template, language, self.context), self.values)

    def __reduce__(self) -> tuple[Any, ...]:
        return _rebuilt, (self.context, self.template, tuple(self.values.items()))

    def __deepcopy__(self, memo: object) -> Text:
        return self  # immutable: its values are dates, numbers, names and texts

    def __copy__(self) -> Text:
        return self


def in_language(text: str, language: str, calendar: str | None = None) -> str:
    """``text`` in ``language``: a :class:`Text` through its template, any other str through the catalog.

    >>> in_language("unknown", "th"), in_language("a text no catalog holds", "th")
    ('ไม่ทราบ', 'a text no catalog holds')
    """
    if isinstance(text, Text):
        return text.in_language(language, calendar)
    return translate(text, language) if text else text
