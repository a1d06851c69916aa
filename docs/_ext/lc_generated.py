"""Sphinx extension: pages generated from the packaged data, and references to public names.

On every build, before any page is read, this writes ``docs/_generated/*.md`` (ignored by
git, excluded from the toctree, pulled into pages with ``{include}``):

- ``coverage.md``: held against reported, per cohort (:func:`learning_cities.coverage`);
- ``countries.md``: per country (:func:`learning_cities.country_coverage`);
- ``conflicts.md``: every city with conflicting sources, withdrawn cities, cohort corrections,
  departures inferred from totals;
- ``totals.md``: every exact network total a source reported;
- ``research.md``: the research logs ``reference/research/*.md`` present at build time;
- ``contents.md``: the toctree of the pages present, in a fixed order;
- ``api.md``: one autodoc entry per name in ``learning_cities.__all__``, grouped by the module
  that defines it, then every public submodule with what only it defines.

It also resolves references to where a public name is defined (``learning_cities.model.City``,
as type hints name it) to where users import it from (``learning_cities.City``).
"""

from __future__ import annotations

import csv
import importlib
import pkgutil
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from types import ModuleType
from typing import Any

import learning_cities as lc

DOCS = Path(__file__).resolve().parent.parent
ROOT = DOCS.parent
RESEARCH = ROOT / "reference" / "research"
OUT = DOCS / "_generated"

# The order and titles of the API sections, by the module that defines a public name.
SECTIONS: dict[str, tuple[str, str]] = {
    "learning_cities": ("Loading", "The entry point: the packaged network, read once and cached."),
    "learning_cities.network": ("The network", "Every record of the packaged data, indexed for queries."),
    "learning_cities.model": ("Records", "Frozen, slotted attrs classes: they compare by value and hash."),
    "learning_cities.completeness": ("Completeness", "How complete the data is: records against UNESCO's figures."),
    "learning_cities.calendars": ("Calendars", "The Thai solar calendar, as Thai sources date GNLC events."),
    "learning_cities.awards": ("Award cycles", "Held and projected editions of the UNESCO Learning City Award."),
    "learning_cities.eligibility": ("Eligibility", "Membership and award criteria as data, each with its source."),
    "learning_cities.serialization": ("Serialization", "Records to JSON-ready data and back, with cattrs."),
    "learning_cities.errors": ("Errors", "Every error subclasses LearningCitiesError and a builtin."),
}

# Public values (not classes or functions): their type and what they are.
DATA: dict[str, tuple[str, str]] = {
    "__version__": ("str", "The version of the package, e.g. ``'0.1.0'``; importing it reads no package metadata."),
    "ANY": (
        "object",
        "The default of :meth:`Network.where`'s ``joined``: no filter on the join year "
        "(``joined=None`` asks for the cities whose year is unknown).",
    ),
}

_ESCAPE = re.compile(r"([\\`*_\[\]<>|{}#])")


def text(value: object) -> str:
    """Plain text for a Markdown table cell: special characters escaped, no line breaks."""
    return _ESCAPE.sub(r"\\\1", " ".join(str(value).split()))


def number(value: int | None) -> str:
    return "–" if value is None else f"{value:,}"


def year(value: int | None) -> str:
    return "–" if value is None else str(value)


def source(value: str) -> str:
    """A source as a link where it is a URL, else as escaped text."""
    value = value.strip()
    if re.fullmatch(r"https?://\S+", value):
        return f"<{value}>"
    return text(value)


def sources(values: Iterable[str]) -> str:
    return "; ".join(source(v) for v in values) or "–"


def table(header: Sequence[str], rows: Iterable[Sequence[str]], align: str = "") -> list[str]:
    """A Markdown table; ``align`` has one letter per column (``l`` or ``r``), left by default."""
    marks = [("---:" if a == "r" else "---") for a in align.ljust(len(header), "l")]
    lines = ["| " + " | ".join(header) + " |", "| " + " | ".join(marks) + " |"]
    lines.extend("| " + " | ".join(row) + " |" for row in rows)
    return [*lines, ""]


# -- the data page -------------------------------------------------------------------------


def coverage_page(net: lc.Network) -> list[str]:
    lines = [
        f"Generated from the packaged data (as of {net.data_as_of.isoformat()}) by {{func}}`learning_cities.coverage`.",
        "",
    ]
    rows = []
    for row in lc.coverage(net):
        share = "–" if row.share is None else f"{row.share:.0%}"
        rows.append(
            [
                text(row.label),
                number(row.held),
                number(row.reported),
                number(row.missing),
                share,
                number(row.held_countries),
                number(row.reported_countries),
            ]
        )
    lines += table(
        ["admitted", "held", "reported", "missing", "held/reported", "countries held", "countries reported"],
        rows,
        "lrrrrrr",
    )
    lines += [
        "Each cohort as UNESCO announced it (the network size after the round is UNESCO's figure; "
        "departures between rounds are why it is not the sum of the rounds):",
        "",
    ]
    cohort_rows = [
        [
            str(c.year),
            c.announced_on.isoformat(),
            text(c.event),
            number(c.reported_cities),
            number(c.reported_countries),
            number(c.network_cities_after),
            number(c.network_countries_after),
            sources(c.sources),
        ]
        for c in net.cohorts
    ]
    lines += table(
        ["cohort", "announced", "event", "cities", "countries", "network after", "countries after", "sources"],
        cohort_rows,
        "lllrrrrl",
    )
    return lines


def countries_page(net: lc.Network) -> list[str]:
    rows = []
    for row in lc.country_coverage(net):
        rows.append(
            [
                text(row.country.name),
                row.country.code,
                text(row.country.region),
                number(row.held),
                number(row.reported),
                text(row.reported_as_of or "–"),
                number(row.held_then),
                number(row.missing),
                sources(row.sources),
            ]
        )
    return [
        "Generated by {func}`learning_cities.country_coverage`: active records held today; where a "
        "national or UNESCO source reported a country's number of members, that figure, its date, "
        "and the records known to be members on that date (*held then*), so the two compare like "
        "with like. A negative *missing* means we hold more members on that date than the source "
        "counted (the source may be incomplete, or a member may have left).",
        "",
        *table(
            ["country", "code", "region", "held", "reported", "as of", "held then", "missing", "source"],
            rows,
            "lllrrlrrl",
        ),
    ]


def conflicts_page(net: lc.Network) -> list[str]:
    lines = ["### Cities whose sources disagree", ""]
    conflicted = [c for c in net.cities if c.conflicts]
    if conflicted:
        rows = []
        for city in conflicted:
            joined = year(city.joined) if city.joined is not None else f"unknown (member by {year(city.member_by)})"
            cohorts = ", ".join(str(y) for y in city.cohorts) or "–"
            rows.extend(
                [text(city.name), text(city.country.name), joined, cohorts, text(conflict)]
                for conflict in city.conflicts
            )
        lines += table(["city", "country", "joined", "cohorts", "conflict"], rows)
    else:
        lines += ["No conflicts are recorded.", ""]

    lines += ["### Withdrawn cities", ""]
    withdrawn = [c for c in net.cities if not c.is_active]
    if withdrawn:
        rows = [
            [
                text(c.name),
                text(c.country.name),
                year(c.joined),
                year(c.status_changed),
                text(c.notes or "–"),
                sources(c.sources),
            ]
            for c in withdrawn
        ]
        lines += table(["city", "country", "joined", "withdrawn in", "notes", "sources"], rows)
    else:
        lines += ["No city is recorded as withdrawn.", ""]

    lines += ["### Corrections to UNESCO's cohort figures", ""]
    corrections = [(c.year, k) for c in net.cohorts for k in c.corrections]
    if corrections:
        rows = [
            [str(y), f"`{k.field}`", number(k.original), number(k.corrected), text(k.notes or "–"), sources(k.sources)]
            for y, k in corrections
        ]
        lines += table(["cohort", "field", "announced", "corrected", "notes", "sources"], rows, "llrrll")
    else:
        lines += ["No correction is recorded.", ""]

    lines += [
        "### Departures inferred from totals",
        "",
        "UIL removes members that stop reporting, so the network's totals fall between rounds; no "
        "source names a departed city.",
        "",
    ]
    if net.membership_changes:
        rows = [
            [text(m.who), text(m.country), text(m.event), text(m.period), text(m.notes or "–"), sources(m.sources)]
            for m in net.membership_changes
        ]
        lines += table(["who", "country", "event", "period", "notes", "sources"], rows)
    else:
        lines += ["None recorded.", ""]
    return lines


def totals_page(net: lc.Network) -> list[str]:
    exact = [t for t in net.network_totals if t.cities is not None]
    rows = [
        [
            text(t.as_of),
            number(t.cities),
            number(t.countries),
            text(t.notes or "–"),
            sources(t.sources),
        ]
        for t in exact
    ]
    return [
        f"{len(exact)} of the {len(net.network_totals)} reported network sizes give an exact number of "
        'cities (the others say "200+" or "about 50 new"); in the order found:',
        "",
        *table(["as of", "cities", "countries", "notes", "sources"], rows, "lrrll"),
    ]


_FENCE = re.compile(r"^(\s*)(`{3,}|~{3,})(.*)$")
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_LOCAL_DEFINITION = re.compile(r"^\s{0,3}\[([^\]]+)\]:\s*(?!https?://|mailto:)(.+)$")
_LOCAL_LINK = re.compile(r"(!?)\[([^\]]*)\]\((?!https?://|mailto:)([^)]*)\)")


def gaps_page(net: lc.Network) -> list[str]:
    """What is still missing per cohort: counts from the data, leads from curated/gaps.csv."""
    with (ROOT / "reference" / "curated" / "gaps.csv").open(encoding="utf-8", newline="") as handle:
        notes = {row["scope"]: row for row in csv.DictReader(handle)}
    coverage = lc.coverage(net)  # the early members first, then each cohort
    scoped = [("early", coverage[0]), *((str(row.year), row) for row in coverage if row.year is not None)]
    rows = []
    for scope, row in scoped:
        note = notes[scope]
        countries = (
            "–" if row.reported_countries is None else number(max(row.reported_countries - row.held_countries, 0))
        )
        logs = ", ".join(f"`{name.strip()}`" for name in note["logs"].split(";"))
        rows.append(
            [
                text(row.label),
                number(row.missing),
                countries,
                text(note["what_is_missing"]),
                text(note["where_we_looked"]),
                logs,
            ]
        )
    return [
        f"Generated from the packaged data (as of {net.data_as_of.isoformat()}) and `reference/curated/gaps.csv`:",
        "",
        *table(
            ["admitted", "cities missing", "countries missing", "what is missing", "where we looked", "logs"],
            rows,
            "lrrlll",
        ),
    ]


def research_log(markdown: str) -> tuple[str, list[str]]:
    """A research log made safe to include: its title, and its body with headings as bold
    lines, links to local files and footnote marks as plain text, and code blocks as plain
    text blocks (an unknown language or a broken link would fail the ``-W -n`` build)."""
    title = ""
    body: list[str] = []
    fence: str | None = None
    for line in markdown.splitlines():
        match = _FENCE.match(line)
        if match:
            marker = match.group(2)
            if fence is None:
                fence = marker
                body.append(f"{match.group(1)}{marker}text")
                continue
            if marker.startswith(fence):
                fence = None
            body.append(line)
            continue
        if fence is not None:
            body.append(line)
            continue
        heading = _HEADING.match(line)
        if heading:
            if not title and heading.group(1) == "#":
                title = heading.group(2)
                continue
            body += ["", f"**{heading.group(2)}**", ""]
            continue
        definition = _LOCAL_DEFINITION.match(line)
        if definition:  # a link definition pointing at a local file: keep it as text
            body.append(f"{definition.group(1)}: {definition.group(2)}")
            continue
        line = _LOCAL_LINK.sub(lambda m: f"{m.group(2)} ({m.group(3)})", line)
        body.append(line.replace("[^", r"\[^"))  # footnotes whose definitions may be missing
    if fence is not None:
        body.append(fence)
    return title, body


def research_page() -> list[str]:
    logs = sorted(p for p in RESEARCH.glob("*.md") if p.name != "BRIEF.md") if RESEARCH.is_dir() else []
    if not logs:
        return [
            "No research log was present in `reference/research/` when these pages were built.",
            "",
        ]
    lines = [
        f"{len(logs)} research log(s) from `reference/research/`, as their authors wrote them:",
        "",
    ]
    for path in logs:
        title, body = research_log(path.read_text(encoding="utf-8"))
        lines += [f"### {text(title or path.stem)}", "", f"From `reference/research/{path.name}`.", "", *body, ""]
    return lines


# -- the API page --------------------------------------------------------------------------


def _directive(name: str, obj: object) -> str:
    if isinstance(obj, type):
        return "autoexception" if issubclass(obj, BaseException) else "autoclass"
    if callable(obj):
        return "autofunction"
    return "autodata"


def module_data(module: ModuleType, names: list[str]) -> list[str]:
    """``py:data`` entries for a module's public values: their annotation and ``#:`` comment
    (autodoc would show a tuple's or an int's own docstring, or skip them)."""
    try:
        from sphinx.pycode import ModuleAnalyzer

        comments = ModuleAnalyzer.for_module(module.__name__).find_attr_docs()
    except Exception:  # no Sphinx (the tests) or no source to read: entries go without comments
        comments = {}
    annotations = getattr(module, "__annotations__", {})
    lines = []
    for name in names:
        lines += [f".. py:data:: {name}", f"   :module: {module.__name__}"]
        annotation = annotations.get(name)
        kind = annotation if isinstance(annotation, str) else type(getattr(module, name)).__name__
        lines += [f"   :type: {kind}", ""]
        lines += [f"   {line}".rstrip() for line in comments.get(("", name), [])]
        lines.append("")
    return lines


def api_page() -> list[str]:
    groups: dict[str, list[str]] = {}
    for name in sorted(lc.__all__, key=str.casefold):
        obj = getattr(lc, name)
        module = getattr(obj, "__module__", None) if isinstance(obj, type) or callable(obj) else None
        if name == "ANY":
            module = "learning_cities.network"
        groups.setdefault(module or "learning_cities", []).append(name)
    order = [m for m in SECTIONS if m in groups] + sorted(m for m in groups if m not in SECTIONS)
    lines = ["```{eval-rst}", ".. currentmodule:: learning_cities", ""]
    for module in order:
        title, intro = SECTIONS.get(module, (module.rsplit(".", 1)[-1].strip("_").capitalize(), ""))
        lines += [title, "-" * len(title), ""]
        if intro:
            lines += [intro, ""]
        for name in groups[module]:
            obj = getattr(lc, name)
            directive = _directive(name, obj)
            if directive == "autodata":
                # a value's own docstring would be its type's (str's); say what it is instead
                kind, about = DATA.get(name, (type(obj).__name__, ""))
                lines += [f".. py:data:: {name}", f"   :type: {kind}", "", f"   {about}".rstrip()]
            else:
                lines.append(f".. {directive}:: {name}")
            lines.append("")
    # Public submodules, with what only they define (the rest is documented above).
    exported = set(lc.__all__)
    lines += ["Modules", "-------", ""]
    for info in sorted(pkgutil.iter_modules(lc.__path__), key=lambda i: i.name):
        if info.name.startswith("_") or info.ispkg:  # private modules, and the data files' package
            continue
        module = importlib.import_module(f"learning_cities.{info.name}")
        own = [
            n
            for n in getattr(module, "__all__", ())
            if n not in exported or getattr(lc, n, None) is not getattr(module, n)
        ]
        code = [n for n in own if isinstance(getattr(module, n), type) or callable(getattr(module, n))]
        lines.append(f".. automodule:: learning_cities.{info.name}")
        lines += ["   :no-index:"] if info.name in exported else []  # lc.coverage is the function
        lines += [f"   :members: {', '.join(code)}", "   :undoc-members:"] if code else ["   :no-members:"]
        lines.append("")
        lines += module_data(module, [n for n in own if n not in code])
    lines += ["```", ""]
    return lines


# -- the table of contents ----------------------------------------------------------------

# Pages in the order the contents list them; a page is listed only if its file exists, and a
# page not named here joins the topics, so no page is ever left out of the toctree.
CONTENTS: dict[str, tuple[str, ...]] = {
    "User guide": ("getting-started", "tour", "data"),
    "Topics": ("awards", "eligibility", "serialization", "cli", "performance", "quality"),
    "Reference": ("api", "changelog"),
}


def contents_page() -> list[str]:
    present = {p.stem for p in DOCS.glob("*.md")} - {"index"}
    named = {page for pages in CONTENTS.values() for page in pages}
    lines = []
    for caption, pages in CONTENTS.items():
        listed = [p for p in pages if p in present]
        if caption == "Topics":
            listed += sorted(present - named)
        if listed:
            lines += ["```{toctree}", f":caption: {caption}", ":maxdepth: 2", "", *listed, "```", ""]
    return lines


# -- Sphinx hooks --------------------------------------------------------------------------


def _write(name: str, lines: list[str]) -> None:
    OUT.mkdir(exist_ok=True)
    path = OUT / name
    content = "\n".join(lines).rstrip() + "\n"
    if not path.exists() or path.read_text(encoding="utf-8") != content:
        path.write_text(content, encoding="utf-8")


def generate(app: Any = None) -> None:
    net = lc.load()
    _write("coverage.md", coverage_page(net))
    _write("countries.md", countries_page(net))
    _write("conflicts.md", conflicts_page(net))
    _write("totals.md", totals_page(net))
    _write("gaps.md", gaps_page(net))
    _write("research.md", research_page())
    _write("api.md", api_page())
    _write("contents.md", contents_page())


def public_target(target: str) -> str | None:
    """``learning_cities.model.City.joined`` -> ``learning_cities.City.joined``, if public.

    A name relative to a public one (``UnknownAwardError``, ``AwardSchedule.biennial`` in a
    docstring of another module) is looked up at the top level too."""
    if target.split(".")[0] in lc.__all__:
        return f"learning_cities.{target}"
    parts = target.split(".")
    if parts[0] != "learning_cities" or len(parts) < 3:
        return None
    for cut in range(len(parts) - 1, 1, -1):
        module_name = ".".join(parts[:cut])
        try:
            module = importlib.import_module(module_name)
        except ImportError:
            continue
        name = parts[cut]
        if name in lc.__all__ and getattr(lc, name) is getattr(module, name, object()):
            return ".".join(["learning_cities", name, *parts[cut + 1 :]])
        return None
    return None


# Private types that appear in public signatures, and the public object that stands for them.
PRIVATE: dict[str, tuple[str, str]] = {
    "learning_cities.network._Any": ("data", "learning_cities.ANY"),
}


def resolve_public(app: Any, env: Any, node: Any, contnode: Any) -> Any:
    if node.get("refdomain") != "py":
        return None
    reftype, target = PRIVATE.get(node["reftarget"], (node["reftype"], public_target(node["reftarget"])))
    if target is None:
        return None
    domain = env.get_domain("py")
    return domain.resolve_xref(env, node["refdoc"], app.builder, reftype, target, node, contnode)


def public_bases(app: Any, name: str, obj: object, options: Any, bases: list[type]) -> None:
    """Show a private base class (``_UnknownError``) as the public classes it derives from."""
    shown: list[type] = []
    pending = list(bases)
    while pending:
        base = pending.pop(0)
        if base.__name__.startswith("_") and base.__module__.startswith("learning_cities"):
            pending[:0] = list(base.__bases__)
        elif base not in shown:
            shown.append(base)
    bases[:] = shown


def setup(app: Any) -> dict[str, Any]:
    app.connect("builder-inited", generate)
    app.connect("autodoc-process-bases", public_bases)
    app.connect("missing-reference", resolve_public)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
