"""Write the Data sections of docs/changelog.md from lc.diff, so their counts are the data's.

Each release keeps a snapshot of its data: ``reference/releases/<version>.json``, the network
as one document (``lc.to_json``), one record per line. In ``docs/changelog.md`` each release
heading reads ``## <version> (<date>; data as of <data date>)``, and each Data section holds
a block between ``<!-- data: <version> -->`` (or ``<!-- data: unreleased -->``) and
``<!-- end data -->`` that this tool writes:

- under a release, the counts of its snapshot and what changed since the release before it;
- under *Unreleased*, what changed between the last release's snapshot and the packaged data.

Usage: ``python tools/changelog_data.py`` rewrites the blocks and the data dates of the
headings; ``--check`` only compares and exits 1 when the changelog is out of date (the test
suite runs it); ``--snapshot VERSION`` first writes the packaged data as that release's
snapshot (at a release, before the version's heading is added), and refuses to overwrite one.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Sequence
from pathlib import Path

import learning_cities as lc
from buildlib import shown, stale, write_all
from learning_cities import _codec
from learning_cities.changes import Changes, value_change

ROOT = Path(__file__).resolve().parent.parent
CHANGELOG = ROOT / "docs" / "changelog.md"
RELEASES = ROOT / "reference" / "releases"
UNRELEASED = "unreleased"
#: The most changed records a block lists in one section before it says how many more.
LISTED = 12

_BLOCK = re.compile(r"(<!-- data: (?P<name>[\w.\-]+) -->\n)(?P<body>.*?)(<!-- end data -->)", re.DOTALL)
_HEADING = re.compile(
    r"^## (?P<version>\d+\.\d+\.\d+) \((?P<date>\d{4}-\d{2}-\d{2}); data as of (?P<data>\d{4}-\d{2}-\d{2})\)$",
    re.MULTILINE,
)
_NOUNS = {
    "cities": ("member record", "member records"),
    "countries": ("country", "countries"),
    "cohorts": ("cohort", "cohorts"),
    "awards": ("award edition", "award editions"),
    "conferences": ("conference", "conferences"),
    "network_totals": ("reported network total", "reported network totals"),
    "membership_changes": ("recorded departure", "recorded departures"),
    "country_totals": ("reported country total", "reported country totals"),
}


class ChangelogError(Exception):
    """The changelog or the snapshots are not as this tool expects."""


def _version(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in text.split("."))


def snapshots(folder: Path = RELEASES) -> dict[str, Path]:
    """Each release's snapshot by version, oldest first."""
    found = {path.stem: path for path in folder.glob("*.json") if re.fullmatch(r"\d+\.\d+\.\d+", path.stem)}
    return dict(sorted(found.items(), key=lambda item: _version(item[0])))


def read_snapshot(path: Path) -> lc.Network:
    """The network a snapshot holds."""
    return lc.from_json(path.read_bytes(), lc.Network)


def snapshot_text(network: lc.Network) -> str:
    """A network as a snapshot: the document, one record per line, so a release's data diffs by line."""
    return _codec.render(lc.unstructure(network))


def counts(network: lc.Network) -> str:
    """One sentence of what a network holds."""
    active = [city for city in network.cities if city.is_active]
    countries = len({city.country.code for city in active})
    return (
        f"{len(network.cities)} member records ({len(active)} active) in {countries} countries, "
        f"{len(network.cohorts)} cohorts, {len(network.awards)} award editions and "
        f"{len(network.conferences)} conferences; data as of {network.data_as_of.isoformat()}."
    )


#: A change is shown beside its field when it is this short (years, dates, counts, statuses).
SHORT = 30


def _ids(changes: Sequence[lc.Change]) -> str:
    listed = ", ".join(f"`{change.id}`" for change in changes[:LISTED])
    return listed + (f" and {len(changes) - LISTED} more" if len(changes) > LISTED else "")


def _fields(changes: Sequence[lc.Change]) -> str:
    """``joined 2016 → None, notes``: each changed field, with its values where they are short."""
    said = []
    for change in changes:
        values = value_change(change)
        short = not isinstance(change.old, str) and len(values) <= SHORT
        said.append(f"{change.field} {values}" if short else str(change.field))
    return ", ".join(said)


def _changed(changes: Sequence[lc.Change]) -> str:
    records: dict[str | int, list[lc.Change]] = {}
    for change in changes:
        records.setdefault(change.id, []).append(change)
    listed = "; ".join(f"`{key}` ({_fields(fields)})" for key, fields in list(records.items())[:LISTED])
    return listed + (f"; and {len(records) - LISTED} more" if len(records) > LISTED else "")


def changes_text(changes: Changes, since: str) -> list[str]:
    """What changed since the release ``since``, as Markdown lines: a summary, then one item per section."""
    if not changes:
        return [f"No record changed since {since} (data as of {changes.old_data_as_of.isoformat()})."]
    counts = changes.counts()
    said = [
        f"{count} {_NOUNS[section][count != 1]} {kind}"
        for section, kinds in counts.items()
        if section != "network"
        for kind, count in kinds.items()
    ]
    if "network" in counts:
        said.insert(0, f"data as of {changes.old_data_as_of.isoformat()} → {changes.new_data_as_of.isoformat()}")
    lines = [f"Since {since}: {', '.join(said)}.", ""]
    for section in counts:
        if section == "network":
            continue
        in_section = changes.section(section)
        for kind in (lc.ChangeKind.ADDED, lc.ChangeKind.REMOVED):
            picked = [change for change in in_section if change.kind is kind]
            if picked:
                lines.append(f"- {_NOUNS[section][1]} {kind} ({len(picked)}): {_ids(picked)}")
        changed = [change for change in in_section if change.kind is lc.ChangeKind.CHANGED]
        if changed:
            count = len({change.id for change in changed})
            lines.append(f"- {_NOUNS[section][1]} changed ({count}): {_changed(changed)}")
    return lines


def blocks(releases: dict[str, Path], current: lc.Network) -> dict[str, str]:
    """The text of every block: one per release, and ``unreleased``."""
    texts = {}
    previous: tuple[str, lc.Network] | None = None
    network = current
    for version, path in releases.items():
        network = read_snapshot(path)
        lines = [counts(network)]
        if previous is not None:
            lines += ["", *changes_text(lc.diff(previous[1], network), previous[0])]
        texts[version] = "\n".join(lines) + "\n"
        previous = (version, network)
    if previous is None:
        texts[UNRELEASED] = counts(current) + "\n"
    else:
        texts[UNRELEASED] = "\n".join([counts(current), "", *changes_text(lc.diff(network, current), previous[0])])
        texts[UNRELEASED] += "\n"
    return texts


def rewrite(text: str, releases: dict[str, Path], current: lc.Network) -> str:
    """The changelog ``text`` with every block and every heading's data date as the data say."""
    wanted = blocks(releases, current)
    headings = {match["version"]: match for match in _HEADING.finditer(text)}
    if set(headings) != set(releases):
        raise ChangelogError(
            f"release headings {sorted(headings, key=_version)} and snapshots {list(releases)} differ: "
            "each release has a heading '## X.Y.Z (YYYY-MM-DD; data as of YYYY-MM-DD)' and a snapshot "
            "reference/releases/X.Y.Z.json"
        )
    found = [match["name"] for match in _BLOCK.finditer(text)]
    if sorted(found) != sorted(wanted) or len(found) != len(set(found)):
        raise ChangelogError(f"data blocks {found}; expected one for each of {list(wanted)}")
    dates = {version: read_snapshot(path).data_as_of.isoformat() for version, path in releases.items()}

    def heading(match: re.Match[str]) -> str:
        return f"## {match['version']} ({match['date']}; data as of {dates[match['version']]})"

    def block(match: re.Match[str]) -> str:
        return f"{match[1]}{wanted[match['name']]}{match[4]}"

    return _BLOCK.sub(block, _HEADING.sub(heading, text))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report whether the changelog is current")
    parser.add_argument("--snapshot", metavar="VERSION", help="first write the packaged data as that release's data")
    args = parser.parse_args(argv)
    current = lc.load()
    if args.snapshot is not None:
        if not re.fullmatch(r"\d+\.\d+\.\d+", args.snapshot):
            parser.error(f"--snapshot takes a version X.Y.Z, not {args.snapshot!r}")
        path = RELEASES / f"{args.snapshot}.json"
        if path.exists():
            where = path.relative_to(ROOT)
            print(f"changelog_data: {where} exists; a release's snapshot is not rewritten", file=sys.stderr)
            return 1
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(snapshot_text(current), encoding="utf-8")
        print(f"wrote {path.relative_to(ROOT)}")
    try:
        text = rewrite(CHANGELOG.read_text(encoding="utf-8"), snapshots(), current)
    except (ChangelogError, lc.StructureError) as error:
        print(f"changelog_data: {error}", file=sys.stderr)
        return 1
    outputs = {CHANGELOG: text}
    if args.check:
        for path in stale(outputs):
            print(f"changelog_data: {shown(path)} is out of date; run tools/changelog_data.py", file=sys.stderr)
        return 1 if stale(outputs) else 0
    write_all(outputs)
    print(f"wrote the data sections of {CHANGELOG.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
