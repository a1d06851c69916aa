"""An index of the research logs in ``reference/research/``: each log by its repository path,
with the data files beside it and the rounds whose gaps it covers. A log's text is never
included: the documentation speaks of the data, the logs of how it was researched."""

from __future__ import annotations

import csv

from lc_gaps import GAPS, logs
from lc_markdown import ROOT, repository_link, table, text

RESEARCH = ROOT / "reference" / "research"
#: Files of the research folder that are no log of a research round.
NOT_LOGS = frozenset({"BRIEF.md"})


def research_logs() -> list[str]:
    """The repository paths of the research logs present, by name."""
    if not RESEARCH.is_dir():
        return []
    return [f"reference/research/{p.name}" for p in sorted(RESEARCH.glob("*.md")) if p.name not in NOT_LOGS]


def research_page() -> list[str]:
    """One row per log: its path (linked), its data files, and the rounds whose gaps name it."""
    paths = research_logs()
    if not paths:
        return ["No research log was present in `reference/research/` when these pages were built.", ""]
    with GAPS.open(encoding="utf-8", newline="") as handle:
        scopes: dict[str, list[str]] = {}
        for row in csv.DictReader(handle):
            label = "2015-2018" if row["scope"] == "early" else row["scope"]
            for path in logs(row["logs"]):
                scopes.setdefault(path, []).append(label)
    rows = []
    for path in paths:
        stem = path.rsplit("/", 1)[1].removesuffix(".md")
        data = [f"`{p.name}`" for p in sorted(RESEARCH.glob(f"{stem}*.csv")) if p.stem in (stem, f"{stem}_updates")]
        rows.append(
            [repository_link(path), ", ".join(data) or "–", text(", ".join(sorted(scopes.get(path, []))) or "–")]
        )
    return [
        f"{len(paths)} research logs, each beside the data files it produced (read them in the repository):",
        "",
        *table(["log", "data files", "gaps of the rounds"], rows),
    ]
