"""The eligibility, awards, serialization and names pages' examples run, as sphinx.ext.doctest runs them."""

from __future__ import annotations

import doctest
import re
from pathlib import Path

import pytest

DOCS = Path(__file__).resolve().parent.parent / "docs"


@pytest.mark.parametrize(
    ("page", "least"), [("eligibility.md", 15), ("awards.md", 15), ("serialization.md", 10), ("names.md", 30)]
)
def test_page_examples_run(page: str, least: int) -> None:
    text = (DOCS / page).read_text(encoding="utf-8")
    blocks = re.findall(r"```\{doctest\}\n(.*?)```", text, flags=re.S)
    assert blocks
    # one namespace per page, with the setup of docs/conf.py (doctest_global_setup)
    namespace: dict[str, object] = {}
    exec("import learning_cities as lc\nfrom datetime import date", namespace)
    test = doctest.DocTestParser().get_doctest("\n".join(blocks), namespace, page, str(DOCS / page), 0)
    flags = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE | doctest.DONT_ACCEPT_TRUE_FOR_1
    runner = doctest.DocTestRunner(optionflags=flags)
    runner.run(test)
    results = runner.summarize(verbose=False)
    assert results.attempted >= least
    assert results.failed == 0
