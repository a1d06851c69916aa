"""The gettext catalogs: extracted from the code with Babel, translated, compiled, in step."""

from __future__ import annotations

import sys
from pathlib import Path
from types import ModuleType

import pytest
from babel.messages.catalog import Catalog

import learning_cities as lc
from conftest import load_tool
from learning_cities._i18n import LANGUAGES, translate, translations
from learning_cities.model import CityKind, MembershipStatus, Region
from learning_cities.rules import table


@pytest.fixture(scope="module")
def tool() -> ModuleType:
    return load_tool("build_catalogs")


def test_catalogs_are_in_step_with_the_code(tool: ModuleType) -> None:
    """The catalogs stage of the build: the .pot matches the code, all is translated, the .mo is built."""
    built = tool.stage(load_tool("build_rules").build())
    assert built.files, "no catalog was built"
    for path, data in built.files.items():
        committed = tool.SOURCE / path.relative_to(tool.PACKAGE)  # the installed package's, in the wheel's test
        assert committed.read_bytes() == data, f"run: python tools/build.py ({path.name})"


def test_an_untranslated_message_stops_the_build(tool: ModuleType, tmp_path: Path) -> None:
    package = tmp_path / "learning_cities"
    (package / "locale" / "th" / "LC_MESSAGES").mkdir(parents=True)
    (package / "words.py").write_text('N_("held")\nN_("reported")\n', encoding="utf-8")
    po = Catalog(locale="th")
    po.add("held", "มีในข้อมูล")
    with (package / "locale" / "th" / "LC_MESSAGES" / "learning_cities.po").open("wb") as out:
        tool.write_po(out, po)
    with pytest.raises(sys.modules["buildlib"].BuildError, match="no translation of 'reported'"):
        tool.stage({"rules": []}, package, package)


def test_the_check_finds_what_is_missing_or_unused(tool: ModuleType) -> None:
    pot, po = Catalog(), Catalog(locale="th")
    pot.add("eligible")
    pot.add("{id}", context="award call")
    po.add("eligible", "มีสิทธิ์")
    po.add("not in the code", "ไม่มี")
    assert tool.untranslated(po, pot) == [("award call", "{id}")]
    assert tool.unused(po, pot) == [(None, "not in the code")]


def test_the_template_holds_the_code_and_the_rules(tool: ModuleType) -> None:
    pot = tool.extract(tool.SOURCE, load_tool("build_rules").build())
    ids = {(message.context, message.id) for message in pot if message.id}
    assert (None, "{who} is {facts}.") in ids  # an eligibility reason
    assert ("month", "February") in ids
    for rule in table().rules:
        assert (None, rule.text) in ids, rule.id


def test_every_value_the_renderer_shows_has_its_thai(tool: ModuleType) -> None:
    for region in Region:
        assert translate(region.value, "th") != region.value
    for status in MembershipStatus:
        assert translate(status.value, "th", context="status") != status.value
    for kind in CityKind:
        assert translate(kind.value, "th", context="kind") != kind.value
    for outcome in lc.Outcome:
        assert translate(outcome.value, "th", context="outcome") != outcome.value


def test_the_package_reads_the_compiled_catalog(tool: ModuleType) -> None:
    po = tool.SOURCE / "locale" / "th" / "LC_MESSAGES" / "learning_cities.po"
    assert po.with_suffix(".mo").read_bytes() == tool.compiled(po)
    assert LANGUAGES == ("en", "th")
    assert translations("th") is translations("th")
    assert translate("eligible", "en") == "eligible"
