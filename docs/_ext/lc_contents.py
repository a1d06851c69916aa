"""The table of contents: the pages present, in a fixed order, so no page is ever left out."""

from __future__ import annotations

from lc_markdown import DOCS, ROOT

# Pages in the order the contents list them; a page is listed only if its file exists, and a
# page not named here joins the topics, so no page is ever left out of the toctree.
CONTENTS: dict[str, tuple[str, ...]] = {
    "User guide": ("getting-started", "tour", "notebooks/tour", "names", "thai", "places", "data"),
    "Topics": ("awards", "eligibility", "serialization", "cli", "performance", "quality"),
    "Reference": ("api", "design", "versioning", "changelog"),
    "Contributing": ("contributing",),
}


def pages() -> set[str]:
    """Every page of the docs but the index: ``docs/*.md``, and ``examples/*.ipynb`` as
    ``notebooks/<name>`` (where ``lc_notebook`` copies them for the build)."""
    found = {p.stem for p in DOCS.glob("*.md")} - {"index"}
    return found | {f"notebooks/{p.stem}" for p in (ROOT / "examples").glob("*.ipynb")}


def contents_page() -> list[str]:
    """One toctree per caption of :data:`CONTENTS`."""
    present = pages()
    named = {page for listed in CONTENTS.values() for page in listed}
    lines = []
    for caption, listed in CONTENTS.items():
        shown = [p for p in listed if p in present]
        if caption == "Topics":
            shown += sorted(present - named)
        if shown:
            lines += ["```{toctree}", f":caption: {caption}", ":maxdepth: 2", "", *shown, "```", ""]
    return lines
