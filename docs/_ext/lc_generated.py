"""Sphinx extension: the pages generated from the packaged data, and references to public names.

Each job is a small module beside this one:

- ``lc_coverage``: held against reported per round, per country, and the network totals;
- ``lc_gaps``: what is still missing per round, the evidence each record rests on, and
  how recently a source confirmed each member;
- ``lc_sources``: the kinds of source the records cite;
- ``lc_conflicts``: conflicting sources, withdrawals, corrected figures, departures;
- ``lc_research``: an index of the research logs, by repository path (never their text);
- ``lc_api``: the API page from ``learning_cities.__all__``, and public references;
- ``lc_contents``: the table of contents;
- ``lc_notebook``: the tour notebook, copied from ``examples/`` and run by a pinned kernel.

On every build, before any page is read, this writes ``docs/_generated/*.md`` (pulled into
pages with ``{include}``) and copies the notebooks.
"""

from __future__ import annotations

from typing import Any

from lc_api import api_page, public_bases, resolve_public
from lc_conflicts import conflicts_page
from lc_contents import contents_page
from lc_coverage import countries_page, coverage_page, totals_page
from lc_gaps import evidence_page, gaps_page, recency_page
from lc_markdown import write
from lc_notebook import copy_notebooks, pin_kernel
from lc_research import research_page
from lc_sources import sources_page

import learning_cities as lc


def generate(app: Any = None) -> None:
    """Write every generated page (``builder-inited``: before the sources are read)."""
    net = lc.load()
    copy_notebooks()
    pin_kernel()
    write("coverage.md", coverage_page(net))
    write("countries.md", countries_page(net))
    write("totals.md", totals_page(net))
    write("gaps.md", gaps_page(net))
    write("evidence.md", evidence_page(net))
    write("recency.md", recency_page(net))
    write("sources.md", sources_page(net))
    write("conflicts.md", conflicts_page(net))
    write("research.md", research_page())
    write("api.md", api_page())
    write("contents.md", contents_page())


def setup(app: Any) -> dict[str, Any]:
    app.connect("builder-inited", generate)
    app.connect("autodoc-process-bases", public_bases)
    app.connect("missing-reference", resolve_public)
    return {"version": "2", "parallel_read_safe": True, "parallel_write_safe": True}
