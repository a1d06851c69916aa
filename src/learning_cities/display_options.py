"""How notebooks show the library's records: the calendar of years and dates, and the language.

:func:`set_display` chooses, for the current context, the calendar (``"gregorian"``, the
default, or ``"buddhist"``: years and dates in the Buddhist Era, with พ.ศ.) and the language
(``"en"``, the default, or ``"th"``: Thai headers, Thai city and country names, Thai month
names) of every HTML display (``_repr_html_``). It is also a context manager that puts the
earlier choice back on exit. The choice lives in a :class:`contextvars.ContextVar`: a thread
starts with the defaults, and an async task (an async notebook cell) changes only its own
copy.

>>> import datetime as dt
>>> show_date(dt.date(2024, 2, 14)), show_year(2024)
('2024-02-14', '2024')
>>> with set_display(calendar="buddhist", language="th"):
...     show_date(dt.date(2024, 2, 14)), show_year(2024), text("Joined")
('14 กุมภาพันธ์ พ.ศ. 2567', 'พ.ศ. 2567', 'เข้าร่วม')
>>> get_display()
DisplayOptions(calendar='gregorian', language='en')
>>> set_display(calendar="julian")
Traceback (most recent call last):
ValueError: calendar must be one of 'gregorian', 'buddhist'; not 'julian'
"""

from __future__ import annotations

import contextvars
import datetime as dt
import enum
from collections.abc import Iterable, Mapping
from types import TracebackType
from typing import Final, NamedTuple

from ._i18n import CALENDARS, LANGUAGES, N_, Language, Text, require_calendar, require_one_of, translate

__all__ = [
    "CALENDARS",
    "DEFAULT",
    "LANGUAGES",
    "MESSAGES",
    "CalendarYear",
    "DisplayOptions",
    "DisplaySetting",
    "display_text",
    "get_display",
    "header",
    "local_name",
    "name_list",
    "percent",
    "require_calendar",
    "set_display",
    "show_as_of",
    "show_date",
    "show_year",
    "text",
    "year",
    "years",
]

#: The texts the displays look up when they draw (headers made from labels, enum values,
#: captions), marked for the catalog's extraction (``tools/build_catalogs.py``).
MESSAGES: Final[tuple[str, ...]] = (
    N_("Joined"),
    N_("January"),
    N_("February"),
    N_("March"),
    N_("April"),
    N_("May"),
    N_("June"),
    N_("July"),
    N_("August"),
    N_("September"),
    N_("October"),
    N_("November"),
    N_("December"),
    N_("Name"),
    N_("Local name"),
    N_("Local names"),
    N_("English name"),
    N_("Country"),
    N_("Kind"),
    N_("Member by"),
    N_("Member since"),
    N_("Status"),
    N_("Id"),
    N_("Region"),
    N_("Cohorts"),
    N_("Last confirmed"),
    N_("Location"),
    N_("Population"),
    N_("Conflict"),
    N_("Doubt"),
    N_("Source"),
    N_("Names"),
    N_("Also called"),
    N_("Member cities"),
    N_("Year"),
    N_("Label"),
    N_("Held"),
    N_("Reported"),
    N_("Missing"),
    N_("Share"),
    N_("unknown"),
    N_("none"),
    N_("{count} member cities"),
    N_("by {year}"),
    N_("{count} rows"),
    N_("{count} more not shown"),
    N_("active"),
    N_("withdrawn"),
    N_("city"),
    N_("municipality"),
    N_("district"),
    N_("county"),
    N_("province"),
    N_("region"),
    N_("consortium"),
    N_("Africa"),
    N_("Arab States"),
    N_("Asia and the Pacific"),
    N_("Europe and North America"),
    N_("Latin America and the Caribbean"),
    N_("Cohort {year}, announced {date}"),
    N_("{count} cities held"),
    N_("Reported new cities"),
    N_("Reported countries"),
    N_("Records held"),
    N_("{held} active ({countries} countries)"),
    N_("Not yet found"),
    N_("Event"),
    N_("Laureate"),
    N_("{year} UNESCO Learning City Award (edition {edition}), {count} laureates"),
    N_("International Conference on Learning Cities no. {number} ({year})"),
    N_("{start} to {end}"),
    N_("Dates"),
    N_("Planned month"),
    N_("Host"),
    N_("Theme"),
    N_("Outcome document"),
    N_("{active} active of {held} held"),
    N_("UNESCO Global Network of Learning Cities, data as of {date}"),
    N_("Active member records"),
    N_("{active} in {countries} countries"),
    N_("Dated / undated"),
    N_("UNESCO's reported total"),
    N_("{cities} cities in {countries} countries ({as_of})"),
    N_("Award editions"),
    N_("Held countries"),
    N_("Reported as of"),
    N_("Held then"),
    N_("Sources"),
    N_("Since"),
    N_("Until"),
    N_("Member records held against UNESCO's reported figures"),
    N_("Member records held per country"),
    N_("Active members by their newest dated confirmation"),
    N_("Criterion"),
    N_("Outcome"),
    N_("Reason"),
    N_("met"),
    N_("not met"),
    N_("eligible"),
    N_("not eligible"),
    N_("undecided"),
    N_("call {call}"),
    N_("May {city} apply for the {year} Learning City Award?"),
    N_("May {city} apply to join the network on {date}?"),
    N_("source"),
    N_("none held"),
)


class DisplayOptions(NamedTuple):
    """The calendar and language of the HTML displays in one context."""

    calendar: str = "gregorian"
    language: str = "en"


#: The options of a context that chose none: the Common Era, in English.
DEFAULT: Final = DisplayOptions()
_OPTIONS: contextvars.ContextVar[DisplayOptions] = contextvars.ContextVar("learning_cities_display", default=DEFAULT)


class DisplaySetting:
    """What :func:`set_display` returns: the options in force; as a context manager, it restores the earlier ones."""

    __slots__ = ("_token", "options", "previous")

    def __init__(self, options: DisplayOptions) -> None:
        self.previous = _OPTIONS.get()
        self.options = options
        self._token = _OPTIONS.set(options)

    def __repr__(self) -> str:
        return f"set_display(calendar={self.options.calendar!r}, language={self.options.language!r})"

    def __enter__(self) -> DisplayOptions:
        return self.options

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, traceback: TracebackType | None
    ) -> None:
        try:
            _OPTIONS.reset(self._token)
        except ValueError:  # the token was made in another context: put the earlier options back by value
            _OPTIONS.set(self.previous)


def set_display(calendar: str | None = None, language: str | None = None) -> DisplaySetting:
    """Show years and dates in ``calendar`` and texts in ``language`` in this context (``None``: unchanged).

    ``calendar`` is ``"gregorian"`` (the default) or ``"buddhist"``; ``language`` is ``"en"``
    (the default) or ``"th"``. The change holds at once; used in a ``with`` statement, it
    ends with the block.

    >>> set_display(language="th")
    set_display(calendar='gregorian', language='th')
    >>> text("Country")
    'ประเทศ'
    >>> set_display(language="en")
    set_display(calendar='gregorian', language='en')
    >>> set_display(language="fr")
    Traceback (most recent call last):
    ValueError: language must be one of 'en', 'th'; not 'fr'
    """
    current = _OPTIONS.get()
    options = DisplayOptions(
        current.calendar if calendar is None else require_calendar(calendar),
        current.language if language is None else require_one_of("language", language, LANGUAGES),
    )
    return DisplaySetting(options)


def get_display() -> DisplayOptions:
    """The calendar and language the displays use in this context."""
    return _OPTIONS.get()


def _language() -> Language:
    """The words, years and dates of the display's language and calendar."""
    options = _OPTIONS.get()
    return Language(options.language, options.calendar)


def text(english: str) -> str:
    """``english`` (a header, a label) in the display's language; the English where no translation is held."""
    return translate(english, _OPTIONS.get().language)


def show_year(year: int | None) -> str:
    """A Common Era ``year`` in the display's calendar: ``2024``, or ``พ.ศ. 2567`` (``B.E. 2567`` in English).

    ``None`` (unknown) is the empty text.

    >>> show_year(2024), show_year(None)
    ('2024', '')
    """
    return "" if year is None else _language().year(year)


def show_date(day: dt.date | None) -> str:
    """``day`` for the display: ISO ``2024-02-14`` by default; else day, month name and year.

    >>> with set_display(calendar="buddhist"):
    ...     show_date(dt.date(2024, 2, 14))
    '14 February B.E. 2567'
    >>> with set_display(language="th"):
    ...     show_date(dt.date(2024, 2, 14))
    '14 กุมภาพันธ์ 2024'
    """
    return "" if day is None else _language().date(day)


def name_list(names: Mapping[str, str]) -> str:
    """A record's names by language, for a table: ``'ขอนแก่น (th)'``; none says so in the display's language.

    >>> name_list({"th": "ไทย", "zh": "泰国"}), name_list({})
    ('ไทย (th); 泰国 (zh)', 'none')
    """
    return "; ".join(f"{name} ({tag})" for tag, name in names.items()) or text("none")


def show_as_of(iso: str) -> str:
    """An ISO day (``2024-02-14``) or month (``2024-02``) given as text, shown as :func:`show_date` shows a date.

    Any other text is returned as it is.

    >>> with set_display(calendar="buddhist", language="th"):
    ...     show_as_of("2024-02"), show_as_of("2024-02-14"), show_as_of("early 2024"), show_as_of("2024-13")
    ('กุมภาพันธ์ พ.ศ. 2567', '14 กุมภาพันธ์ พ.ศ. 2567', 'early 2024', '2024-13')
    """
    parts = iso.split("-")
    if not (len(parts) in (2, 3) and all(part.isascii() and part.isdigit() for part in parts)):
        return iso
    try:
        day = dt.date(int(parts[0]), int(parts[1]), int(parts[2]) if len(parts) == 3 else 1)
    except ValueError:
        return iso
    if len(parts) == 3:
        return show_date(day)
    return iso if _OPTIONS.get() == DEFAULT else _language().month_year(day)


def local_name(names: Mapping[str, str], english: str) -> str:
    """A city's or country's name in the display's language (from ``names``); ``english`` where none is held.

    >>> with set_display(language="th"):
    ...     local_name({"th": "ไทย"}, "Thailand"), local_name({}, "Ireland")
    ('ไทย', 'Ireland')
    """
    language = _OPTIONS.get().language
    return english if language == "en" else names.get(language, english)


class CalendarYear(int):
    """A Common Era year that shows in the display's calendar (``str``, ``format``); it computes as its ``int``.

    >>> with set_display(calendar="buddhist", language="th"):
    ...     str(CalendarYear(2024)), f"{CalendarYear(2024)}", CalendarYear(2024) + 1
    ('พ.ศ. 2567', 'พ.ศ. 2567', 2025)
    """

    __slots__ = ()

    def __str__(self) -> str:
        return show_year(int(self))

    def __format__(self, spec: str) -> str:
        return str(self) if not spec else int(self).__format__(spec)


def year(value: int | None) -> CalendarYear | None:
    """``value`` (a Common Era year) as a :class:`CalendarYear` for a table; ``None`` stays unknown."""
    return None if value is None else CalendarYear(value)


def years(values: Iterable[int]) -> tuple[CalendarYear, ...]:
    """Years as :class:`CalendarYear` values, for a table cell that lists them (a city's cohorts)."""
    return tuple(CalendarYear(value) for value in values)


def header(name: str) -> str:
    """A column's or label's name as a header people read, in the display's language.

    >>> header("member_since"), header("reported cities")
    ('Member since', 'Reported cities')
    >>> with set_display(language="th"):
    ...     header("member_since")
    'เป็นสมาชิกตั้งแต่'
    """
    words = name.replace("_", " ").strip()
    return text(words[:1].upper() + words[1:])


def percent(share: float | None) -> str | None:
    """A share (0.71) as a percentage with one decimal (``'71.1%'``); ``None`` stays unknown.

    >>> percent(0.7105263157894737), percent(1.0), percent(None)
    ('71.1%', '100.0%', None)
    """
    return None if share is None else f"{share:.1%}"


def display_text(value: object) -> str:
    """How a table shows ``value`` in the display's calendar and language (before HTML escaping).

    Unknown (``None``) says so; a date and a :class:`CalendarYear` follow the calendar; an
    enum shows its value's text; a country or city (anything with ``names`` or
    ``local_names``) its name in the language; a tuple or list its items, comma-separated.

    >>> import datetime as dt
    >>> with set_display(calendar="buddhist", language="th"):
    ...     display_text(None), display_text(dt.date(2024, 2, 14)), display_text(years([2019, 2024]))
    ('ไม่ทราบ', '14 กุมภาพันธ์ พ.ศ. 2567', 'พ.ศ. 2562, พ.ศ. 2567')
    """
    if value is None:
        return text("unknown")
    if isinstance(value, Text):  # a sentence made from a catalog template: said in the display's language
        options = _OPTIONS.get()
        return value.in_language(options.language, options.calendar)
    if isinstance(value, dt.date):
        return show_date(value)
    if isinstance(value, enum.Enum):
        return text(str(value.value))
    if isinstance(value, (tuple, list)):
        return ", ".join(display_text(item) for item in value) if value else text("none")
    for names in ("local_names", "names"):
        mapping = getattr(value, names, None)
        if isinstance(mapping, Mapping) and hasattr(value, "name"):
            return local_name(mapping, str(value.name))
    return str(value)
