"""The ``learning-cities`` command (minimal: the summary)."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from . import coverage, load


def main(argv: Sequence[str] | None = None) -> int:
    """Print the network summary; return the exit status."""
    net = load()
    print(repr(net))
    for row in coverage(net):
        reported = "?" if row.reported is None else str(row.reported)
        print(f"{row.label:32} {row.held:4} held / {reported:>4} reported")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
