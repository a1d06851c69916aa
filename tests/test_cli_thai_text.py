"""``--lang th`` is Thai all the way: every command's text output holds no English sentence
and no Common Era year, outside URLs, ids, codes, the names the data holds no Thai form of,
and text quoted from the sources (which says it is)."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

import learning_cities as lc
from learning_cities._i18n import Language, Text, in_language, translate
from test_cli import ok

#: Every command, with the arguments that reach each kind of line it prints.
COMMANDS = [
    (),
    ("summary",),
    ("city", "Bangkok"),
    ("city", "Khon Kaen"),
    ("city", "Cork"),
    ("city", "Laâyoune"),  # withdrawn
    ("city", "Kourion"),  # doubts and notes from the sources
    ("search", "khon kaen"),
    ("search", "zzzzzz"),
    ("country", "TH"),
    ("country", "IE"),
    ("cohort", "2019"),
    ("cohort", "2024"),
    ("awards",),
    ("awards", "2024"),
    ("awards", "2027"),
    ("awards", "2030"),
    ("next-award",),
    ("next-award", "--after", "2016-06-01"),
    ("next-award", "--after", "2025-01-01"),
    ("eligibility", "Rayong", "--award", "2027"),
    ("eligibility", "Bangkok", "--award", "2024"),
    ("eligibility", "Cork", "--award", "2027"),
    ("eligibility", "Cork", "--award", "2017"),
    ("eligibility", "Khon Kaen", "--award", "2019"),
    ("eligibility", "Laâyoune", "--award", "2024"),
    ("members", "--on", "2024-02-14"),
    ("membership", "Nan", "--country", "TH", "--on", "2025-06-01", "--mayor-endorsed", "--population", "20000"),
    ("membership", "Khon Kaen", "--country", "TH", "--on", "2019-03-15"),
    ("membership", "Cork", "--country", "TH", "--on", "2030-01-01"),
    ("membership", "Nan", "--country", "XX", "--on", "2018-01-01"),
    ("conferences",),
]

_URL = re.compile(r"https?://\S+")
_QUOTED = re.compile(r"“[^”]*” \(ข้อความจากแหล่งข้อมูล ภาษาอังกฤษ\)")
_ID = re.compile(r"\b[a-z]+(?:-[a-z0-9]+)+\b")  # city ids, rule ids: th-khon-kaen, award-members-only
_CODE = re.compile(r"\b[A-Z]{2,3}\b|\([a-z]{2,3}(?:-[A-Za-z]+)?\)")  # country codes, language tags
_LATIN_WORD = re.compile(r"[A-Za-zÀ-ɏ]{2,}")
_CE_YEAR = re.compile(r"(?<![\d.,])(?:1[89]|20|21)\d\d(?![\d,]|\.\d)")


def _names(net: lc.Network) -> list[str]:
    """Every name the data holds, longest first: cities (with their aliases and names) and countries."""
    found: set[str] = set()
    for city in net.cities:
        found.update((city.name, *city.aliases, *city.local_names.values(), *city.official_names.values()))
    for country in net.countries:
        found.update((country.name, *country.aliases))
    for conference in net.conferences:
        found.update(x for x in (conference.host_city,) if x)
    return sorted(found, key=len, reverse=True)


def _leftover(text: str, names: list[str], typed: tuple[str, ...] = ()) -> str:
    """``text`` without what may stay in Latin script: URLs, quoted source text, names, ids, codes, what was typed."""
    text = _QUOTED.sub(" ", _URL.sub(" ", text))
    for name in (*sorted(typed, key=len, reverse=True), *names):
        if re.search(r"[A-Za-z]", name):
            text = text.replace(name, " ")
    return _CODE.sub(" ", _ID.sub(" ", text))


@pytest.fixture(scope="module")
def names(net: lc.Network) -> list[str]:
    return _names(net)


@pytest.mark.parametrize("args", COMMANDS, ids=lambda args: " ".join(args) or "(none)")
def test_thai_output_has_no_english_and_no_common_era_year(args: tuple[str, ...], names: list[str]) -> None:
    text = ok("--lang", "th", *args)
    assert text.strip()
    rest = _leftover(text, names, typed=args)
    for line in rest.splitlines():
        assert not _LATIN_WORD.search(line), (line, text)
        assert not _CE_YEAR.search(line), (line, text)


def test_the_scan_finds_english_and_common_era_years(names: list[str]) -> None:
    """The scan itself: the English output of the same commands does not pass it."""
    english = _leftover(ok("eligibility", "Rayong", "--award", "2027"), names)
    assert _LATIN_WORD.search(english)
    assert _CE_YEAR.search(english)


def test_the_assumed_call_is_named_for_what_it_is() -> None:
    text = ok("--lang", "th", "eligibility", "Rayong", "--award", "2027")
    call_line = text.splitlines()[1]
    assert "award-2024" not in _URL.sub(" ", text)
    assert (
        call_line
        == "  ประกาศรับสมัคร: ประกาศรับสมัครรางวัล พ.ศ. 2567 (ประกาศล่าสุดที่ทราบ ใช้เป็นสมมติฐาน; ประกาศที่ใช้จริงยังไม่เผยแพร่)"
    )
    assert "ระยอง (ไทย) เป็นสมาชิกตั้งแต่ 4 ธันวาคม พ.ศ. 2568" in text  # the reason, Thai, with a Thai date in BE
    english = ok("eligibility", "Rayong", "--award", "2027")
    assert "  call: award-2024 (the latest known call; the one that applies is not yet published)\n" in english


def test_every_reason_is_english_unchanged_and_thai_in_thai(net: lc.Network) -> None:
    """Each reason is its English text (the English API is unchanged), and has a Thai translation."""
    reports = [
        lc.check_award_eligibility(city, year) for city in net.where(country="TH") for year in (2019, 2024, 2027)
    ]
    reports.append(lc.check_award_eligibility("Cork", 2021))
    seen = 0
    for report in reports:
        for text in (*(r.reason for r in report.results), *report.caveats, report.question):
            assert isinstance(text, Text)
            thai = text.in_language("th")
            assert thai != str(text)
            assert not _CE_YEAR.search(_QUOTED.sub(" ", _URL.sub(" ", thai))), thai
            seen += 1
    assert seen > 100


def test_text_pickles_and_keeps_its_language(net: lc.Network) -> None:
    import copy
    import pickle

    reason = lc.check_award_eligibility("Rayong", 2027).results[-1].reason
    for again in (pickle.loads(pickle.dumps(reason)), copy.deepcopy(reason), copy.copy(reason)):
        assert again == reason
        assert isinstance(again, Text)
        assert again.in_language("th") == reason.in_language("th")  # type: ignore[attr-defined]


def test_unstructure_writes_plain_english() -> None:
    data = lc.unstructure(lc.check_award_eligibility("Rayong", 2027))
    assert all(type(result["reason"]) is str for result in data["results"])
    assert data["results"][2]["reason"].startswith("Rayong (Thailand) is a member since 2025-12-04: ")


def test_language_helpers() -> None:
    assert in_language("unknown", "th") == "ไม่ทราบ"
    assert in_language("", "th") == ""
    assert translate("{id}", "th", context="award call") == "ประกาศรับสมัครรางวัล {year:year}"
    th = Language("th")
    assert th.pick("quoted source text", "{text}", text="Cork") == "“Cork” (ข้อความจากแหล่งข้อมูล ภาษาอังกฤษ)"
    assert Language("en").pick("quoted source text", "{text}", text="Cork") == "Cork"
    assert [th.month(n) for n in (1, 12)] == ["มกราคม", "ธันวาคม"]
    with pytest.raises(ValueError, match="languages: en, th"):
        Language("fr")


def test_named_values() -> None:
    import pickle

    from learning_cities._i18n import Named

    bangkok = Named("Bangkok", {"th": "กรุงเทพมหานคร"})
    assert bangkok == Named("Bangkok", {"th": "กรุงเทพมหานคร"})
    assert bangkok != Named("Bangkok", {})
    assert bangkok != "Bangkok"
    assert hash(bangkok) == hash(Named("Bangkok", {"th": "x"}))
    assert pickle.loads(pickle.dumps(bangkok)) == bangkok
    assert repr(bangkok) == "Named('Bangkok', {'th': 'กรุงเทพมหานคร'})"
    assert (bangkok.in_language("en"), bangkok.in_language("th")) == ("Bangkok", "กรุงเทพมหานคร")
    assert Named("Cork", {}).in_language("th") == "Cork"


@given(
    value=st.text(max_size=50),
    day=st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(2399, 12, 31)),
    year=st.integers(min_value=1, max_value=2399),
)
def test_a_text_is_its_english_and_says_itself_in_thai(value: str, day: dt.date, year: int) -> None:
    """Hostile values (braces, marks, any text) are values, never templates; dates and years follow the language."""
    text = Text("{who} joined on {day}", who=value, day=day)
    assert text == f"{value} joined on {day.isoformat()}"
    assert Text("it joined in {year:year}", year=year) == f"it joined in {year}"
    assert Text("it joined in {year:year}", year=year).in_language("th") == f"เข้าร่วมใน พ.ศ. {year + 543}"
    thai = Text("it joined on {day}", day=day).in_language("th")
    assert thai.endswith(f"พ.ศ. {day.year + 543}")
    assert str(day.day) in thai
    assert Text("{who} joined on {day}", who=value, day=day).in_language("th").startswith(value)


def test_a_text_and_a_name_cannot_be_changed_by_whoever_holds_them() -> None:
    # a report's reasons are Texts: a caller must not change what they say in another language
    import datetime as dt

    from learning_cities._i18n import Named, Text

    since = Text("a member since {day}", day=dt.date(2019, 7, 17))
    bangkok = Named("Bangkok", {"th": "กรุงเทพมหานคร"})
    for holder, name in ((since, "template"), (since, "values"), (since, "context"), (bangkok, "english")):
        with pytest.raises(AttributeError, match="is immutable"):
            setattr(holder, name, "x")
        with pytest.raises(AttributeError, match="is immutable"):
            delattr(holder, name)
    with pytest.raises(TypeError):
        since.values["day"] = dt.date(2000, 1, 1)  # type: ignore[index]
    with pytest.raises(TypeError):
        bangkok.names["th"] = "x"  # type: ignore[index]
    assert since.in_language("th") == "เป็นสมาชิกตั้งแต่ 17 กรกฎาคม พ.ศ. 2562"
    assert bangkok.in_language("th") == "กรุงเทพมหานคร"


_TEMPLATES = st.lists(
    st.sampled_from(["{", "}", "{x}", "{day}", "{year:year}", "{0}", "{x!z}", "{x.real}", "a ", "ขอน"])
)


@given(_TEMPLATES.map("".join), st.dictionaries(st.sampled_from(["x", "day", "year"]), st.integers(), max_size=2))
def test_a_text_of_any_template_is_made_or_refused_with_a_value_error_naming_it(
    template: str, values: dict[str, int]
) -> None:
    from learning_cities._i18n import Language, Text

    try:
        expected: str | None = Language("en").format(template, values)
    except (LookupError, ValueError, AttributeError):
        expected = None
    if expected is None:
        with pytest.raises(ValueError, match=r"^template .* cannot be filled with the values "):
            Text(template, **values)
    else:
        made = Text(template, **values)
        assert (made, made.template, dict(made.values)) == (expected, template, values)
